import Foundation

/// Temporary files being written, removed when the process is interrupted (SIGINT, SIGTERM,
/// SIGHUP): an atomic write that never finished must not leave a copy behind, least of all one
/// of the credential, which holds the BSN.
public enum TemporaryFiles {
    private static let registry = Registry()

    private final class Registry: @unchecked Sendable {
        let lock = NSLock()
        var paths: Set<String> = []
        var sources: [any DispatchSourceSignal] = []
    }

    /// Registers a temporary file that is about to be written.
    static func register(_ path: String) { registry.lock.withLock { _ = registry.paths.insert(path) } }

    /// Forgets a temporary file that was renamed or removed.
    static func unregister(_ path: String) { registry.lock.withLock { _ = registry.paths.remove(path) } }

    /// Removes every registered file (called on a signal, outside signal context).
    public static func removeAll() {
        registry.lock.withLock {
            for path in registry.paths { unlink(path) }
            registry.paths.removeAll()
        }
    }

    /// Handles SIGINT, SIGTERM and SIGHUP: remove the temporary files, then end the process by
    /// the same signal, so that the caller sees the usual status (130 for Ctrl-C).
    public static func removeOnInterrupt() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                removeAll()
                signal(signalNumber, SIG_DFL)
                raise(signalNumber)
            }
            source.resume()
            registry.lock.withLock { registry.sources.append(source) }
        }
    }

    /// Removes temporary files a killed run left in `folder` (`.NAME.PID.RANDOM.tmp`), whose
    /// process no longer runs.
    public static func removeLeftovers(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.split(separator: ".")
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]), pid != getpid(), kill(pid, 0) != 0 else { continue }
            unlink(folder + "/" + name)
        }
    }
}
