/// A document that should have come encrypted to this run and did not open (PROTOCOL §13):
/// for the overview an integrity failure of that holder (`invalid_document`).
public struct DocumentEncryptionError: CodedError {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<DocumentEncryptionError>

    public let code: Code
    public let detail: String

    init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }
}

extension ErrorCode where Domain == DocumentEncryptionError {
    /// A plaintext answer from a session that was offered a key (a downgrade).
    public static var notEncrypted: Self { Self("notEncrypted") }
    /// An envelope that is not the §13 JSON, or holds bytes of the wrong length.
    public static var malformed: Self { Self("malformed") }
    /// Another KEM, KDF or AEAD than the one offered.
    public static var otherSuite: Self { Self("otherSuite") }
    /// Decryption failed: altered, for another run, or bound to another holder or session.
    public static var notOpened: Self { Self("notOpened") }
    /// The key could not be made or used.
    public static var keyUnavailable: Self { Self("keyUnavailable") }
}
