/// Why login, logout or loading the citizen's identity failed.
public struct IdentityError: Error, Hashable, CustomStringConvertible, Sendable {
    /// A stable, comparable reason.
    public struct Code: Hashable, Sendable {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// No app key or credential: the citizen must run `bk login`.
        public static let notLoggedIn = Code("notLoggedIn")
        /// The stored credential has expired.
        public static let expired = Code("expired")
        /// A stored file is damaged.
        public static let damaged = Code("damaged")
        /// The App Manager refused or answered something unusable.
        public static let appManager = Code("appManager")
        /// The request is not allowed here (the test login outside `test`).
        public static let notAllowed = Code("notAllowed")
        /// A file could not be written.
        public static let storage = Code("storage")
    }

    /// The reason, for programs.
    public let code: Code
    /// The reason, for people.
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { detail }
}
