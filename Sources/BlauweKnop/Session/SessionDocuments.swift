/// How the documents of one session arrive (PROTOCOL §13): as sent over TLS, or encrypted to
/// the run's key and bound to this holder and session. A session that offered a key accepts
/// nothing else: a plaintext answer is a downgrade, an integrity failure like a bad signature.
public enum SessionDocuments: Sendable {
    case plain
    case encrypted(key: RunEncryptionKey, info: [UInt8])

    /// Whether documents come encrypted to this run.
    public var isEncrypted: Bool {
        if case .encrypted = self { true } else { false }
    }

    /// The most bytes a response may carry for a document of at most `limit` bytes.
    public func maxResponseBytes(forDocumentLimit limit: Int) -> Int {
        isEncrypted ? DocumentEncryption.maxEnvelopeBytes(forPlaintextLimit: limit) : limit
    }

    /// The document a response carries, decrypted when this session offered a key; the
    /// failure names `step` (`claims`, `receipt`).
    public func document(in response: HTTPResponse, limit: Int, step: String) throws(HolderFailure) -> [UInt8] {
        guard case .encrypted(let key, let info) = self else { return response.body }
        let type = response.headers["content-type"]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard type == DocumentEncryption.contentType else {
            throw HolderFailure(.invalidDocument, "\(step): the holder answered without encryption after this run offered its key (a downgrade)")
        }
        let document: [UInt8]
        do {
            document = try key.open(response.body, info: info)
        } catch {
            throw HolderFailure(.invalidDocument, "\(step): \(error.detail)")
        }
        guard document.count <= limit else { throw HolderFailure(.invalidDocument, "\(step): the decrypted document is larger than allowed") }
        return document
    }
}
