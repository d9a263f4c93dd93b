/// Why a scheme document was not accepted. Any of these stops a run before a holder is contacted.
public struct SchemeError: Error, Hashable, CustomStringConvertible, Sendable {
    /// A stable, comparable reason.
    public struct Code: Hashable, Sendable {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The scheme could not be fetched.
        public static let unavailable = Code("unavailable")
        /// The signature is not by a trust-anchor key, or the JWS is malformed.
        public static let untrusted = Code("untrusted")
        /// The scheme is for another environment.
        public static let wrongEnvironment = Code("wrongEnvironment")
        /// The scheme has expired (freeze attack) or is issued in the future.
        public static let notCurrent = Code("notCurrent")
        /// The scheme is older than one already accepted, or differs at the same version.
        public static let rollback = Code("rollback")
        /// The payload breaks a rule of PROTOCOL §1.
        public static let invalidContent = Code("invalidContent")
        /// The trust anchor or the local scheme state cannot be used.
        public static let configuration = Code("configuration")
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

    /// Whether the scheme was fetched and failed a check (exit code 2), as opposed to not
    /// being reachable or local settings and state being unusable (exit code 1).
    public var isVerificationFailure: Bool { code != .unavailable && code != .configuration }
}
