import Foundation

/// One lock around each transaction on the state directory (`flock` on `.lock`): two runs
/// on one state directory never interleave their reads and writes, so that the stored scheme
/// version only goes up and the app key and credential always belong together.
public struct StateLock: Sendable {
    /// The lock file's path.
    public let path: String

    public init(directory: StateDirectory) { path = directory.path + "/.lock" }

    /// Runs `body` holding the lock: exclusive for writers, shared for readers.
    /// - Parameter lockFailure: turns a failure to take the lock into the caller's error.
    public func withLock<T, E: Error>(exclusive: Bool, lockFailure: (FileError) -> E, _ body: () throws(E) -> T) throws(E) -> T {
        let folder = (path as NSString).deletingLastPathComponent
        if exclusive {
            do {
                try AtomicFile.ensureDirectory(folder)
            } catch {
                throw lockFailure(error)
            }
        }
        let descriptor = open(path, (exclusive ? O_RDWR | O_CREAT : O_RDONLY) | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if descriptor < 0 {
            // A reader of a state directory that was never written needs no lock.
            if !exclusive && errno == ENOENT { return try body() }
            throw lockFailure(FileError(path: path, action: "lock", errno: errno))
        }
        defer { close(descriptor) }
        while flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            guard errno == EINTR else { throw lockFailure(FileError(path: path, action: "lock", errno: errno)) }
        }
        return try body()
    }
}
