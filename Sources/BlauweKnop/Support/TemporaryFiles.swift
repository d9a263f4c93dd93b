import Foundation

/// Temporary files being written, removed when the process is interrupted (SIGINT, SIGTERM,
/// SIGHUP; see `Interruption`): an atomic write that never finished must not leave a copy
/// behind, least of all one of the credential, which holds the BSN.
public enum TemporaryFiles {
    private struct Registry {
        var paths: Set<String> = []
        /// Set once a signal ends the run: no temporary file may become an output any more.
        var interrupted = false
    }

    private static let registry = Locked(Registry())

    /// Registers a temporary file that is about to be written.
    static func register(_ path: String) { registry.withLock { _ = $0.paths.insert(path) } }

    /// Forgets a temporary file that was renamed or removed.
    static func unregister(_ path: String) { registry.withLock { _ = $0.paths.remove(path) } }

    /// Renames a registered temporary file over its target, unless a signal is ending the run:
    /// then the temporary file is removed and the calling thread waits for the end, so that an
    /// interrupted run never writes or replaces an output file. Returns `rename`'s result.
    static func rename(_ temporary: String, to path: String) -> Int32 {
        let result: Int32? = registry.withLock { registry in
            guard !registry.interrupted else { return nil }
            return Foundation.rename(temporary, path)
        }
        guard let result else {
            unlink(temporary)
            while true { pause() }
        }
        return result
    }

    /// Removes every registered file and refuses every later rename (on a signal).
    static func removeAllForever() {
        registry.withLock { registry in
            registry.interrupted = true
            for path in registry.paths { unlink(path) }
            registry.paths.removeAll()
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
