/// Why a scheme document was not accepted. Any of these stops a run before a holder is contacted.
public struct SchemeError: CodedError, Hashable {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<SchemeError>

    public let code: Code
    public let detail: String
    /// For `.configuration` because a setting is missing: the setting's `option` and
    /// `variable`, so that the sentence can name them in the reader's language.
    public let missingSetting: [String: String]?
    /// For `.configuration`: whether it is the trust anchor file that cannot be used, so that
    /// the sentence names it without reading the detail.
    public let concernsTrustAnchor: Bool

    public init(_ code: Code, _ detail: String, missingSetting: [String: String]? = nil, concernsTrustAnchor: Bool = false) {
        self.code = code
        self.detail = detail
        self.missingSetting = missingSetting
        self.concernsTrustAnchor = concernsTrustAnchor
    }

    /// Whether the scheme was fetched and failed a check (exit code 2), as opposed to not
    /// being reachable or local settings and state being unusable (exit code 1).
    public var isVerificationFailure: Bool { code != .unavailable && code != .configuration }
}

extension ErrorCode where Domain == SchemeError {
    /// The scheme could not be fetched.
    public static var unavailable: Self { Self("unavailable") }
    /// The signature is not by a trust-anchor key, or the JWS is malformed.
    public static var untrusted: Self { Self("untrusted") }
    /// The scheme is for another environment.
    public static var wrongEnvironment: Self { Self("wrongEnvironment") }
    /// The scheme has expired (freeze attack) or is issued in the future.
    public static var notCurrent: Self { Self("notCurrent") }
    /// The scheme is older than one already accepted, or differs at the same version.
    public static var rollback: Self { Self("rollback") }
    /// The payload breaks a rule of PROTOCOL §1.
    public static var invalidContent: Self { Self("invalidContent") }
    /// The trust anchor or the local scheme state cannot be used.
    public static var configuration: Self { Self("configuration") }
}
