/// Why an overview file could not be shown to be authentic.
public struct VerificationError: Error, Hashable, CustomStringConvertible, Sendable {
    /// A stable, comparable reason.
    public struct Code: Hashable, Sendable {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The file cannot be read as an overview.
        public static let unreadable = Code("unreadable")
        /// The scheme evidence is not signed by the trust anchor.
        public static let untrustedScheme = Code("untrustedScheme")
        /// Something in the file differs from what its evidence proves.
        public static let tampered = Code("tampered")
        /// The evidence is authentic but older than allowed.
        public static let tooOld = Code("tooOld")
    }

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { detail }
}
