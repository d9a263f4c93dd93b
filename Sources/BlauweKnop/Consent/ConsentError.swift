/// Why a consent (PROTOCOL §10.2) is not accepted.
public struct ConsentError: CodedError, Hashable {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<ConsentError>

    /// What the scheme does not allow in a consent being made, so that it can be said in the
    /// citizen's language with what to do instead: an opaque code, compared with the static
    /// members (`refusal == .tooLong`).
    public typealias Refusal = ErrorCode<ConsentRefusal>

    public let code: Code
    public let detail: String
    /// For a consent being made and refused (`.notAllowed`): why, and the values to say it with.
    public let refusal: Refusal?
    public let values: [String: String]

    public init(_ code: Code, _ detail: String, refusal: Refusal? = nil, values: [String: String] = [:]) {
        self.code = code
        self.detail = detail
        self.refusal = refusal
        self.values = values
    }
}

extension ErrorCode where Domain == ConsentError {
    /// Not a well-formed consent JWS.
    public static var malformed: Self { Self("malformed") }
    /// The signature or the credential that binds the signing key to the citizen fails.
    public static var badSignature: Self { Self("badSignature") }
    /// The scheme does not allow it: unknown requester, purpose, organisation, or too long.
    public static var notAllowed: Self { Self("notAllowed") }
    /// The consent has expired.
    public static var expired: Self { Self("expired") }
    /// No consent of the citizen has the id given.
    public static var unknown: Self { Self("unknown") }
    /// More than one consent of the citizen starts with the short id given.
    public static var ambiguous: Self { Self("ambiguous") }
}

/// The domain of `ConsentError.Refusal`: why the scheme does not allow a consent being made.
public enum ConsentRefusal {}

extension ErrorCode where Domain == ConsentRefusal {
    /// The reference is empty, too long or holds control characters.
    public static var badReference: Self { Self("badReference") }
    /// The requester is not in the scheme.
    public static var unknownRequester: Self { Self("unknownRequester") }
    /// The purpose is not one the scheme lists for the requester.
    public static var unknownPurpose: Self { Self("unknownPurpose") }
    /// Shorter than one day.
    public static var tooShort: Self { Self("tooShort") }
    /// `--until` is not a date.
    public static var notADate: Self { Self("notADate") }
    /// `--until` has passed.
    public static var datePassed: Self { Self("datePassed") }
    /// Neither `--days` nor `--until` was given.
    public static var noDuration: Self { Self("noDuration") }
    /// Longer than the scheme allows the requester.
    public static var tooLong: Self { Self("tooLong") }
    /// An organisation that is not in the scheme.
    public static var unknownOrganization: Self { Self("unknownOrganization") }
}
