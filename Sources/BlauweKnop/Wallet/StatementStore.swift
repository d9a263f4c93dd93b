import Foundation

/// The latest verified saldo statement of each organisation (PROTOCOL §12.1), kept in the
/// state folder for `bk share`: one file per OIN, mode 0600, each written atomically.
public struct StatementStore: Sendable {
    public let folder: String

    public init(directory: StateDirectory) { folder = directory.statementsPath }

    /// Keeps `compact` (the statement with all its disclosures) as the organisation's latest.
    public func keep(_ compact: String, for oin: String) throws(FileError) {
        try AtomicFile.ensureDirectory(folder)
        try AtomicFile.write(compact + "\n", to: path(for: oin), mode: 0o600)
    }

    /// The kept statement of an organisation, if any.
    public func statement(for oin: String) throws(FileError) -> String? {
        guard let bytes = try AtomicFile.read(path(for: oin), limit: SDJWT.maxBytes + 1, regularOnly: true) else { return nil }
        return String(decoding: bytes, as: UTF8.self).trimmingASCIIWhitespace
    }

    /// Removes every kept statement (at logout: they are bound to the app key that goes).
    public func removeAll() throws(FileError) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasSuffix(".sd-jwt") {
            guard unlink(folder + "/" + name) == 0 || errno == ENOENT else { throw FileError(path: folder + "/" + name, action: "remove", errno: errno) }
        }
    }

    private func path(for oin: String) -> String { folder + "/" + oin + ".sd-jwt" }
}
