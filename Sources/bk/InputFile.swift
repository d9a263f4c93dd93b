import BlauweKnop
import Foundation

/// The file a command reads an overview (JSON, XML or PDF) from.
enum InputFile {
    /// The bytes of `file`, or of standard input for '-', at most `OverviewDocument.maxBytes`
    /// (one byte more is read, so that an oversized input is refused rather than cut).
    static func read(_ file: String) throws -> [UInt8] {
        if file == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile().prefix(OverviewDocument.maxBytes + 1)) }
        guard let bytes = try AtomicFile.read(file, limit: OverviewDocument.maxBytes) else { throw FileError(path: file, action: "read", errno: ENOENT) }
        return bytes
    }
}
