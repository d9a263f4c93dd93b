public import Foundation

/// Where a command writes its result: `-` is standard output; a new or regular file is
/// replaced atomically; a character device (`/dev/null`, a terminal) or a named pipe is
/// written through; anything else (a folder, a symbolic link, a socket) is refused, so that
/// `--output` never turns something that is not a regular file into one.
public enum OutputFile {
    /// The name that means standard output.
    public static let standardOutputName = "-"

    /// Writes `bytes` to `path` as described above.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(FileError) {
        if path == standardOutputName {
            try writeAll(bytes, to: STDOUT_FILENO, path: "standard output")
            return
        }
        var status = stat()
        guard lstat(path, &status) == 0 else {
            guard errno == ENOENT else { throw FileError(path: path, action: "write", errno: errno) }
            try AtomicFile.write(bytes, to: path, mode: mode)
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            try AtomicFile.write(bytes, to: path, mode: mode)
        case S_IFCHR, S_IFIFO:
            let descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { throw FileError(path: path, action: "open", errno: errno) }
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, path: path)
        case S_IFDIR:
            throw FileError(.folder, path: path, action: "write", reason: "it is a folder; give a file name")
        case S_IFLNK:
            throw FileError(.symbolicLink, path: path, action: "write", reason: "it is a symbolic link; give the file's real path")
        default:
            throw FileError(.notRegular, path: path, action: "write", reason: "it is not a regular file")
        }
    }

    /// Writes UTF-8 text.
    public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws(FileError) {
        try write(Array(text.utf8), to: path, mode: mode)
    }

    /// Writes every byte to a descriptor, retrying short writes and interruptions.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, action: "write", errno: errno)
            }
            offset += written
        }
    }
}
