/// Revocations an organisation has not yet confirmed, kept in the state folder so that the next
/// `bk consent` run tries again until each is confirmed (a failed revocation must never be
/// forgotten: the requester could go on fetching).
public struct PendingRevocations: Codable, Sendable, Equatable {
    public struct Pending: Codable, Sendable, Equatable {
        public var jti: String
        /// OINs still to confirm.
        public var organizations: [String]
    }

    public var pending: [Pending] = []

    public init(pending: [Pending] = []) { self.pending = pending }

    /// The stored list; none when the file does not exist. A damaged file is an error.
    public static func load(from directory: StateDirectory) throws(FileError) -> PendingRevocations {
        guard let bytes = try AtomicFile.read(directory.pendingRevocationsPath, limit: 4 << 20) else { return PendingRevocations() }
        do {
            return try JSONCoding.decode(PendingRevocations.self, from: bytes)
        } catch {
            // Never read as "nothing pending": that would forget a revocation a holder has not confirmed.
            throw FileError(.other, path: directory.pendingRevocationsPath, action: "read", reason: "it is damaged (\(error))")
        }
    }

    /// Stores the list (0600, atomically).
    public func save(to directory: StateDirectory) throws(FileError) {
        try directory.create()
        try AtomicFile.writeJSON(self, to: directory.pendingRevocationsPath, mode: 0o600)
    }

    /// Records what is still to confirm for a consent (replacing an earlier record of it).
    public mutating func set(_ jti: String, organizations: [String]) {
        pending.removeAll { $0.jti == jti }
        if !organizations.isEmpty { pending.append(Pending(jti: jti, organizations: organizations.sorted())) }
    }
}
