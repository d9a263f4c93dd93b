/// Why a key or a signed object was rejected.
///
/// The code is opaque so that new reasons can be added without breaking callers; compare it
/// with the static members (`error.code == .invalidSignature`).
public struct JOSEError: CodedError, Hashable {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<JOSEError>

    public let code: Code
    public let detail: String

    init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }
}

extension ErrorCode where Domain == JOSEError {
    /// The key is malformed, of an unsupported type, or not meant for signatures.
    public static var invalidKey: Self { Self("invalidKey") }
    /// The compact serialization, its header or its encoding is malformed.
    public static var malformed: Self { Self("malformed") }
    /// The header asks for something this profile forbids (`alg`, `jwk`, `crit`, …).
    public static var forbiddenHeader: Self { Self("forbiddenHeader") }
    /// No trusted key has the `kid` of the header.
    public static var unknownKey: Self { Self("unknownKey") }
    /// The `typ` is not the one expected for this object.
    public static var wrongType: Self { Self("wrongType") }
    /// The signature does not verify.
    public static var invalidSignature: Self { Self("invalidSignature") }
    /// OpenSSL failed to perform an operation.
    public static var cryptoFailure: Self { Self("cryptoFailure") }
}
