/// Why login, logout or loading the citizen's identity failed.
public struct IdentityError: CodedError, Hashable {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<IdentityError>

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }
}

extension ErrorCode where Domain == IdentityError {
    /// No app key or credential: the citizen must run `bk login`.
    public static var notLoggedIn: Self { Self("notLoggedIn") }
    /// The citizen did not complete the login before bk stopped waiting (`--timeout`).
    public static var timedOut: Self { Self("timedOut") }
    /// The stored credential has expired.
    public static var expired: Self { Self("expired") }
    /// A stored file is damaged.
    public static var damaged: Self { Self("damaged") }
    /// The App Manager refused or answered something unusable.
    public static var appManager: Self { Self("appManager") }
    /// The request is not allowed here (the test login outside `test`).
    public static var notAllowed: Self { Self("notAllowed") }
    /// Another citizen is logged in on this computer and was not to be replaced.
    public static var otherCitizenLoggedIn: Self { Self("otherCitizenLoggedIn") }
    /// A file could not be written.
    public static var storage: Self { Self("storage") }
}
