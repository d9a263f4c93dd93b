public import Foundation

/// Writes files so that a reader sees either the old or the new content, never a mix:
/// a temporary file in the same folder, fsync, then rename over the target.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically with the given permission bits.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(FileError) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(getpid()).\(SecureRandom.token(bytes: 6)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw FileError(path: path, action: "create", errno: errno) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let failure = errno
                close(descriptor)
                unlink(temporary)
                throw FileError(path: path, action: "write", errno: failure)
            }
            offset += written
        }
        // The umask may have narrowed the mode at creation; set it exactly.
        fchmod(descriptor, mode)
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let failure = errno
            unlink(temporary)
            throw FileError(path: path, action: "write", errno: failure)
        }
        guard rename(temporary, path) == 0 else {
            let failure = errno
            unlink(temporary)
            throw FileError(path: path, action: "replace", errno: failure)
        }
    }

    /// Writes UTF-8 text atomically.
    public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws(FileError) {
        try write(Array(text.utf8), to: path, mode: mode)
    }

    /// Reads a whole file, or `nil` when it does not exist.
    public static func read(_ path: String) throws(FileError) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(path: path, action: "read", errno: EACCES)
        }
        return Array(data)
    }

    /// Creates a folder (and its parents) with the given mode when missing.
    public static func ensureDirectory(_ path: String, mode: Int = 0o700) throws(FileError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: mode])
        } catch {
            throw FileError(path: path, action: "create folder", errno: EACCES)
        }
    }
}

/// A file operation that failed, with the system's reason.
public struct FileError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let action: String
    public let errno: Int32

    public var description: String {
        "cannot \(action) \(path): \(String(cString: strerror(errno)))"
    }
}
