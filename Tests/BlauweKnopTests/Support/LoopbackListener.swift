import Foundation
import Glibc

/// A TCP socket listening on 127.0.0.1 that never accepts: a peer whose kernel completes
/// connections into the backlog, so a test can see whether anything connected at all, while a
/// TLS handshake with it waits for ever.
final class LoopbackListener {
    let port: UInt16
    private let socket: Int32

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestFailure("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        guard bound == 0, listen(socket, 16) == 0 else {
            close(socket)
            throw TestFailure("bind/listen: errno \(errno)")
        }
        let named = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        guard named == 0 else {
            close(socket)
            throw TestFailure("getsockname: errno \(errno)")
        }
        self.socket = socket
        self.port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(socket) }

    /// An https URL on this listener.
    var url: String { "https://127.0.0.1:\(port)/" }

    /// Whether a connection is waiting in the backlog, waiting at most `milliseconds` for one
    /// on a thread of its own (a blocked `poll` must not hold a thread of Swift's pool, where
    /// the engine's callers run).
    func hasConnection(waitingMilliseconds milliseconds: Int32) async -> Bool {
        let socket = socket
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                continuation.resume(returning: poll(&entry, 1, milliseconds) == 1 && entry.revents & Int16(POLLIN) != 0)
            }
        }
    }
}

/// A failure of a test's own set-up.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
