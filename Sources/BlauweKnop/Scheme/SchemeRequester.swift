extension SchemeDocument {
    /// A party that may fetch a citizen's data with the citizen's consent (PROTOCOL §10.1), such
    /// as a municipality's debt counselling team.
    public struct Requester: Codable, Hashable, Sendable {
        public var oin: String
        public var name: String
        public var shortName: String?
        /// What it may ask consent for: lowercase `[a-z0-9_]` names.
        public var purposes: [String]
        /// The longest consent it may be given, in days (1–366).
        public var maxConsentDays: Int
        public var publicKeys: [JWK]

        enum CodingKeys: String, CodingKey {
            case oin, name, purposes
            case shortName = "short_name"
            case maxConsentDays = "max_consent_days"
            case publicKeys = "public_keys"
        }

        public init(oin: String, name: String, shortName: String?, purposes: [String], maxConsentDays: Int, publicKeys: [JWK]) {
            self.oin = oin
            self.name = name
            self.shortName = shortName
            self.purposes = purposes
            self.maxConsentDays = maxConsentDays
            self.publicKeys = publicKeys
        }

        /// The short name, or the full name when there is none.
        public var displayName: String { shortName ?? name }

        /// Whether `purpose` is a well-formed purpose name: 1–64 of `a`–`z`, `0`–`9` and `_`.
        public static func isPurposeName(_ purpose: String) -> Bool {
            !purpose.isEmpty && purpose.utf8.count <= 64
                && purpose.utf8.allSatisfy {
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_")
                }
        }
    }
}
