/// What bk keeps about requests in the state folder: which organisation holds which zaak (from
/// the latest overview), the requests still to be sent again, and the proof files.
public struct DisputeStore: Sendable {
    public let directory: StateDirectory

    public init(directory: StateDirectory) { self.directory = directory }

    /// One zaak of the latest overview and the organisation that holds it.
    public struct IndexedZaak: Codable, Sendable, Hashable {
        public var oin: String
        public var zaakkenmerk: String
    }

    /// A request whose filing did not end with a verified receipt.
    public struct Pending: Codable, Sendable, Hashable {
        public var oin: String
        public var request: String
    }

    private struct Index: Codable {
        var zaken: [IndexedZaak]
    }

    private struct PendingList: Codable {
        var pending: [Pending]
    }

    /// Records which organisation holds each zaak of an overview (0600; no amounts, no BSN).
    public func remember(_ overview: Overview) throws(FileError) {
        let zaken = overview.holders.flatMap { holder in holder.zaken.map { IndexedZaak(oin: holder.oin, zaakkenmerk: $0.zaakkenmerk) } }
        try directory.create()
        try AtomicFile.writeJSON(Index(zaken: zaken), to: directory.zaakIndexPath, mode: 0o600)
    }

    /// The OINs of the organisations whose zaak has this zaakkenmerk in the latest overview;
    /// nil when there is no overview yet.
    public func organizations(holding zaakkenmerk: String) throws(FileError) -> [String]? {
        guard let bytes = try AtomicFile.read(directory.zaakIndexPath, limit: 16 << 20) else { return nil }
        guard let index = try? JSONCoding.decode(Index.self, from: bytes) else {
            throw FileError(.other, path: directory.zaakIndexPath, action: "read", reason: "it is damaged")
        }
        return index.zaken.filter { $0.zaakkenmerk == zaakkenmerk }.map(\.oin)
    }

    /// The requests still to be sent again; none when the file does not exist. A damaged file
    /// is an error: it must never read as "nothing pending".
    public func pending() throws(FileError) -> [Pending] {
        guard let bytes = try AtomicFile.read(directory.pendingRequestsPath, limit: 16 << 20) else { return [] }
        do {
            return try JSONCoding.decode(PendingList.self, from: bytes).pending
        } catch {
            throw FileError(.other, path: directory.pendingRequestsPath, action: "read", reason: "it is damaged (\(error))")
        }
    }

    /// Keeps a request to send again, or (with `keep: false`) forgets it.
    public func setPending(_ request: DisputeRequest, oin: String, keep: Bool) throws(FileError) {
        var list = try pending().filter { $0.request != request.compact }
        if keep { list.append(Pending(oin: oin, request: request.compact)) }
        try directory.create()
        try AtomicFile.writeJSON(PendingList(pending: list), to: directory.pendingRequestsPath, mode: 0o600)
    }

    /// Where a request's proof goes by default.
    public func proofPath(for request: DisputeRequest) -> String { directory.requestProofsPath + "/" + request.claims.jti + ".json" }

    /// Writes a proof file (0600, atomically; never over anything but a regular file).
    public func writeProof(_ proof: DisputeProof, to path: String) throws(FileError) {
        if path.hasPrefix(directory.requestProofsPath + "/") { try AtomicFile.ensureDirectory(directory.requestProofsPath) }
        let bytes: [UInt8]
        do {
            bytes = try JSONCoding.encode(proof)
        } catch {
            throw FileError(.other, path: path, action: "write", reason: error.description)
        }
        try OutputFile.write(bytes + [0x0A], to: path, mode: 0o600)
    }
}
