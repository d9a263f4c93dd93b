public import Foundation

extension AtomicFile {
    /// Writes `value` as compact JSON, as `write` does.
    public static func writeJSON(_ value: some Encodable, to path: String, mode: mode_t = 0o644) throws(FileError) {
        let bytes: [UInt8]
        do {
            bytes = try JSONCoding.encode(value)
        } catch {
            throw FileError(.other, path: path, action: "write", reason: error.description)
        }
        try write(bytes, to: path, mode: mode)
    }
}
