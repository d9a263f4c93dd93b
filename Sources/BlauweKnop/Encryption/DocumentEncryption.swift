/// What PROTOCOL §13 fixes: documents encrypted to one run of the client with HPKE (RFC 9180,
/// base mode) and the X-Wing KEM (ML-KEM-768 + X25519), HKDF-SHA256 and AES-256-GCM.
public enum DocumentEncryption {
    /// The KEM's name in discovery (`encryption`), in the proof's `enc` and in the envelope.
    public static let kemName = "X-Wing"
    /// The KDF and AEAD names of the envelope.
    public static let kdfName = "HKDF-SHA256"
    public static let aeadName = "AES-256-GCM"
    /// The media type of an encrypted document.
    public static let contentType = "application/bk-hpke+json"
    /// Bytes of an X-Wing public key and of an encapsulation.
    public static let publicKeyBytes = 1216
    public static let encapsulationBytes = 1120

    /// The HPKE `info` that binds a response to one holder and one session:
    /// `bk-1|<holder OIN>|<challenge of the session>` as ASCII bytes.
    public static func info(holderOIN: String, challenge: String) -> [UInt8] {
        Array("bk-1|\(holderOIN)|\(challenge)".utf8)
    }

    /// The largest encrypted body accepted for a document whose plaintext may be `limit` bytes
    /// (§13: 4/3 of the limit, for base64url, plus 4 KiB for the envelope).
    public static func maxEnvelopeBytes(forPlaintextLimit limit: Int) -> Int {
        limit / 3 * 4 + 4 + (4 << 10)
    }
}

/// The key a client offers in its signed session proof (§13: `"enc"`).
public struct EncryptionOffer: Codable, Sendable, Hashable {
    /// Always `X-Wing`.
    public var kem: String
    /// The base64url of the 1216-byte public key.
    public var pk: String

    public init(kem: String = DocumentEncryption.kemName, pk: String) {
        self.kem = kem
        self.pk = pk
    }

    /// The public key's bytes, or nil when the offer is not a well-formed X-Wing key (the holder
    /// answers such a proof with 401).
    public var publicKeyBytes: [UInt8]? {
        guard kem == DocumentEncryption.kemName, let bytes = Base64URL.decode(pk), bytes.count == DocumentEncryption.publicKeyBytes else { return nil }
        return bytes
    }
}
