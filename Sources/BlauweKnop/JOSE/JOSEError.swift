/// Why a key or a signed object was rejected.
///
/// The code is opaque so that new reasons can be added without breaking callers; compare it
/// with the static members (`error.code == .invalidSignature`).
public struct JOSEError: Error, Hashable, CustomStringConvertible, Sendable {
    /// A stable, comparable reason.
    public struct Code: Hashable, Sendable {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The key is malformed, of an unsupported type, or not meant for signatures.
        public static let invalidKey = Code("invalidKey")
        /// The compact serialization, its header or its encoding is malformed.
        public static let malformed = Code("malformed")
        /// The header asks for something this profile forbids (`alg`, `jwk`, `crit`, …).
        public static let forbiddenHeader = Code("forbiddenHeader")
        /// No trusted key has the `kid` of the header.
        public static let unknownKey = Code("unknownKey")
        /// The `typ` is not the one expected for this object.
        public static let wrongType = Code("wrongType")
        /// The signature does not verify.
        public static let invalidSignature = Code("invalidSignature")
        /// OpenSSL failed to perform an operation.
        public static let cryptoFailure = Code("cryptoFailure")
    }

    /// The reason, for programs.
    public let code: Code
    /// The reason, for people.
    public let detail: String

    init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { detail }
}
