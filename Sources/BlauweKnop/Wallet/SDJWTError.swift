/// An SD-JWT (RFC 9901) that cannot be read or does not hold together (PROTOCOL §12.2).
public struct SDJWTError: CodedError {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<SDJWTError>

    public let code: Code
    public let detail: String

    init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }
}

extension ErrorCode where Domain == SDJWTError {
    /// Not the `<jwt>~<disclosure>~…~[<kb-jwt>]` form, or a part that is not what it must be.
    public static var malformed: Self { Self("malformed") }
    /// Disclosures and digests do not match one to one: a digest twice, a disclosure whose
    /// digest is absent or used twice, a disclosure naming `_sd`, `...` or a claim already there.
    public static var ambiguous: Self { Self("ambiguous") }
    /// A signature (issuer or key binding) does not verify.
    public static var invalidSignature: Self { Self("invalidSignature") }
    /// The key binding is for another recipient, nonce or presentation.
    public static var wrongBinding: Self { Self("wrongBinding") }
}
