/// Why `bk share` cannot make the presentations asked for (PROTOCOL §12.2).
public struct ShareError: CodedError, Hashable {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<ShareError>

    public let code: Code
    public let detail: String
    /// The names a sentence in the reader's language needs (`value`, `name`).
    public let values: [String: String]

    public init(_ code: Code, _ detail: String, values: [String: String] = [:]) {
        self.code = code
        self.detail = detail
        self.values = values
    }
}

extension ErrorCode where Domain == ShareError {
    /// `--to` names no requester of the scheme (and is not `paper`).
    public static var unknownRecipient: Self { Self("unknownRecipient") }
    /// `--only` names no organisation of the scheme.
    public static var unknownOrganization: Self { Self("unknownOrganization") }
    /// No statement is kept for an organisation named: `bk overview` first.
    public static var noStatement: Self { Self("noStatement") }
    /// No statement is kept at all: `bk overview` first.
    public static var nothingKept: Self { Self("nothingKept") }
    /// A kept statement no longer holds: expired, for another login, or its key left the scheme.
    public static var statementUnusable: Self { Self("statementUnusable") }
    /// A presentation cannot be signed.
    public static var signing: Self { Self("signing") }
}
