/// Why an overview file could not be shown to be authentic.
public struct VerificationError: CodedError, Hashable {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<VerificationError>

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }
}

extension ErrorCode where Domain == VerificationError {
    /// The file cannot be read at all (missing, a folder, no permission).
    public static var unreadable: Self { Self("unreadable") }
    /// The file is not an overview, or is ambiguous: not strict JSON or XML (PROTOCOL §0), or
    /// not of the overview's shape.
    public static var malformed: Self { Self("malformed") }
    /// The file is not a bk overview at all (a picture, another program's JSON, a consent):
    /// nothing was checked, and nothing is said to be altered (PROTOCOL §8.1, exit 1).
    public static var notAnOverview: Self { Self("notAnOverview") }
    /// The scheme evidence is not signed by the trust anchor.
    public static var untrustedScheme: Self { Self("untrustedScheme") }
    /// Something in the file differs from what its evidence proves.
    public static var tampered: Self { Self("tampered") }
    /// The evidence is authentic but older than allowed.
    public static var tooOld: Self { Self("tooOld") }
    /// A PDF's data are authentic, but its pages were drawn by another layout version and could
    /// not be compared.
    public static var pagesNotCompared: Self { Self("pagesNotCompared") }
    /// What the file shows is authentic, but some organisations have no signed document.
    public static var incomplete: Self { Self("incomplete") }
}
