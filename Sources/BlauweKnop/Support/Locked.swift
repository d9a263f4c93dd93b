import Foundation

/// A value that threads share, read and changed only under its lock: the one lock type of bk.
///
/// Swift's `Synchronization.Mutex` says the same, but on Linux ThreadSanitizer cannot see the
/// futex it waits on and reports races inside every `withLock`; the pthread mutex of `NSLock`
/// it understands, so `make sanitize` checks what this guards.
public final class Locked<Value>: @unchecked Sendable {
    // @unchecked: `value` is reached only inside `withLock`, with `lock` held.
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, the lock held.
    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
