/// How one run treats encryption beyond TLS (PROTOCOL §13): the run's key, offered to every
/// holder whose discovery lists X-Wing, and whether a holder without it is refused.
public struct EncryptionPolicy: Sendable {
    /// The run's key; nil offers none (a key could not be made).
    public var key: RunEncryptionKey?
    /// `--require-encryption`: a holder that does not encrypt is `invalid_document`.
    public var required: Bool

    public init(key: RunEncryptionKey?, required: Bool) {
        self.key = key
        self.required = required
    }

    /// How the reason of a refusal for want of encryption begins (`HolderResult.error`).
    public static let refusalPrefix = "encryption: "

    /// TLS only: no key offered, none required.
    public static let tlsOnly = EncryptionPolicy(key: nil, required: false)

    /// The key to offer a holder with this discovery document, or the refusal when the run
    /// requires encryption and the holder (or this run) cannot give it.
    public func key(for discovery: DiscoveryDocument) throws(HolderFailure) -> RunEncryptionKey? {
        if discovery.offersEncryption, let key { return key }
        guard !required else {
            throw HolderFailure(
                .invalidDocument,
                Self.refusalPrefix
                    + (discovery.offersEncryption
                        ? "this run has no key to offer, and encryption is required"
                        : "the holder does not encrypt documents (no X-Wing in discovery), and encryption is required"))
        }
        return nil
    }
}
