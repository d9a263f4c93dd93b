public import Foundation

/// Writes files so that a reader sees either the old or the new content, never a mix:
/// a temporary file in the same folder, fsync, then rename over the target.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically with the given permission bits. The temporary file
    /// is registered with `TemporaryFiles`, so that an interrupted run removes it.
    /// - Parameter synchronously: whether the bytes reach the disk before the rename (`fsync`);
    ///   only a cache whose loss costs nothing may skip it.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644, synchronously: Bool = true) throws(FileError) {
        let (folder, name) = split(path)
        guard !name.isEmpty else { throw FileError(.folder, path: path, action: "write", reason: "it names a folder, not a file") }
        let temporary = folder + "/.\(name).\(getpid()).\(SecureRandom.token(bytes: 6)).tmp"
        TemporaryFiles.register(temporary)
        defer { TemporaryFiles.unregister(temporary) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw FileError(.folderMissing, path: folder, action: "write into", reason: "the folder does not exist") }
            throw FileError(path: path, action: "create", errno: errno)
        }
        do {
            try OutputFile.writeAll(bytes, to: descriptor, path: path)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        // The umask may have narrowed the mode at creation; set it exactly.
        fchmod(descriptor, mode)
        guard !synchronously || fsync(descriptor) == 0, close(descriptor) == 0 else {
            let failure = errno
            unlink(temporary)
            throw FileError(path: path, action: "write", errno: failure)
        }
        guard TemporaryFiles.rename(temporary, to: path) == 0 else {
            let failure = errno
            unlink(temporary)
            throw FileError(path: path, action: "replace", errno: failure)
        }
    }

    /// The folder (`.` when none is given) and the file name of a path.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Writes UTF-8 text atomically.
    public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws(FileError) {
        try write(Array(text.utf8), to: path, mode: mode)
    }

    /// Reads a whole file, or `nil` when it does not exist. A folder, or a file larger than
    /// `limit`, is an error with its own words.
    /// - Parameter regularOnly: refuse anything but a regular file, without waiting on it: a
    ///   named pipe or a device in a folder of files must not stall the reader.
    public static func read(_ path: String, limit: Int = 256 << 20, regularOnly: Bool = false) throws(FileError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (regularOnly ? O_NONBLOCK : 0))
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw FileError(path: path, action: "read", errno: errno)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileError(path: path, action: "read", errno: errno) }
        if status.st_mode & S_IFMT == S_IFDIR { throw FileError(path: path, action: "read", errno: EISDIR) }
        if regularOnly && status.st_mode & S_IFMT != S_IFREG {
            throw FileError(.notRegular, path: path, action: "read", reason: "it is not a regular file (a pipe, socket or device)")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, action: "read", errno: errno)
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= limit else {
                throw FileError(.tooLarge, path: path, action: "read", reason: "it is larger than \(ByteCount.describe(limit))")
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// A cache file of the state directory (kept only to be faster): its bytes when it is a
    /// regular file (not a link) of this user that nobody else can read or write, else nil.
    static func readPrivateCache(_ path: String, limit: Int) -> [UInt8]? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid(), status.st_mode & 0o077 == 0
        else { return nil }
        return (try? read(path, limit: limit)) ?? nil
    }

    /// Writes a cache file 0600 and atomically, without fsync. Failing to write costs the
    /// next run its speed only, so it is not an error.
    static func writePrivateCache(_ bytes: [UInt8], to path: String) {
        try? ensureDirectory(split(path).folder)
        try? write(bytes, to: path, mode: 0o600, synchronously: false)
    }

    /// Creates a folder (and its parents) with the given mode when missing.
    public static func ensureDirectory(_ path: String, mode: Int = 0o700) throws(FileError) {
        // Folder by folder, so that the failure is the system's own reason for the folder that
        // failed (a file in the way, no permission, a full disk), not one word for all.
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if mkdir(prefix, mode_t(mode)) == 0 { continue }
            let failure = errno
            var status = stat()
            guard failure == EEXIST, stat(prefix, &status) == 0 else { throw FileError(path: prefix, action: "create folder", errno: failure) }
            guard status.st_mode & S_IFMT == S_IFDIR else { throw FileError(path: prefix, action: "create folder", errno: ENOTDIR) }
        }
    }
}

/// A file operation that failed, with the system's reason or bk's own.
public struct FileError: CodedError {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<FileError>

    public let code: Code
    public let path: String
    public let action: String
    public let errno: Int32
    /// bk's reason, when the system gave none (such as "it is a folder").
    public let reason: String?

    public init(path: String, action: String, errno: Int32) {
        self.path = path
        self.action = action
        self.errno = errno
        self.reason = nil
        switch errno {
        case ENOENT: code = .missing
        case EISDIR: code = .folder
        case EACCES, EPERM: code = .noPermission
        case ELOOP: code = .symbolicLink
        default: code = .other
        }
    }

    public init(_ code: Code, path: String, action: String, reason: String) {
        self.path = path
        self.action = action
        self.errno = 0
        self.reason = reason
        self.code = code
    }

    public var detail: String {
        let shownPath = TerminalText.sanitized(path)
        if let reason { return "cannot \(action) \(shownPath): \(reason)" }
        switch errno {
        case EISDIR: return "cannot \(action) \(shownPath): it is a folder, not a file"
        case ENOENT: return "cannot \(action) \(shownPath): no such file or folder"
        default: return "cannot \(action) \(shownPath): \(String(cString: strerror(errno)))"
        }
    }
}

extension ErrorCode where Domain == FileError {
    /// The file does not exist.
    public static var missing: Self { Self("missing") }
    /// A file was expected and a folder found (or the path names a folder).
    public static var folder: Self { Self("folder") }
    /// The path is a symbolic link, which bk does not follow for its files.
    public static var symbolicLink: Self { Self("symbolicLink") }
    /// The path is a pipe, socket or device, not a regular file.
    public static var notRegular: Self { Self("notRegular") }
    /// The system refused access.
    public static var noPermission: Self { Self("noPermission") }
    /// The file is larger than bk reads for its kind.
    public static var tooLarge: Self { Self("tooLarge") }
    /// The folder a file was to be written into does not exist (`path` is the folder).
    public static var folderMissing: Self { Self("folderMissing") }
    /// Any other reason the system gave.
    public static var other: Self { Self("other") }
}
