import BlauweKnop
import Foundation

/// The file a command reads an overview (JSON, XML or PDF) from.
enum InputFile {
    /// The bytes of `file`, or of standard input for '-', at most `OverviewDocument.maxBytes`
    /// (one byte more is read, so that an oversized input is refused rather than cut).
    static func read(_ file: String) throws -> [UInt8] {
        if file == "-" { return try standardInput(limit: OverviewDocument.maxBytes + 1) }
        guard let bytes = try AtomicFile.read(file, limit: OverviewDocument.maxBytes) else { throw FileError(path: file, action: "read", errno: ENOENT) }
        return bytes
    }

    /// Standard input up to `limit` bytes: reading stops there, however much more is sent.
    private static func standardInput(limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(STDIN_FILENO, $0.baseAddress, wanted) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw FileError(path: "-", action: "read", errno: errno) }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }
}
