/// A readable summary of a verified scheme, for `bk scheme show`.
public struct SchemeSummary: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var oin: String
        public var name: String
        /// The name people use (`CJIB`), which every command accepts in place of the OIN.
        public var shortName: String?
        public var url: String
        public var keyIDs: [String]

        enum CodingKeys: String, CodingKey {
            case oin, name, url
            case shortName = "short_name"
            case keyIDs = "key_ids"
        }
    }

    /// A requester of PROTOCOL §10.1.
    public struct RequesterEntry: Codable, Sendable {
        public var oin: String
        public var name: String
        public var purposes: [String]
        public var maxConsentDays: Int
        public var keyIDs: [String]

        enum CodingKeys: String, CodingKey {
            case oin, name, purposes
            case maxConsentDays = "max_consent_days"
            case keyIDs = "key_ids"
        }
    }

    public var iss: String
    public var environment: String
    public var version: Int
    public var issuedAt: String
    public var expiresAt: String
    public var organizations: [Entry]
    public var appManagers: [Entry]
    /// Empty when the scheme has no requesters.
    public var requesters: [RequesterEntry]

    enum CodingKeys: String, CodingKey {
        case iss, environment, version, organizations, requesters
        case issuedAt = "issued_at"
        case expiresAt = "expires_at"
        case appManagers = "app_managers"
    }

    public init(_ scheme: VerifiedScheme) {
        let document = scheme.document
        iss = document.iss
        environment = document.environment
        version = document.version
        issuedAt = EpochTime.describe(document.iat)
        expiresAt = EpochTime.describe(document.exp)
        organizations = document.organizations.map {
            Entry(oin: $0.oin, name: $0.name, shortName: $0.shortName, url: $0.discoveryURL, keyIDs: scheme.organizationKeys[$0.oin]?.ids ?? [])
        }
        appManagers = document.appManagers.map {
            Entry(oin: $0.oin, name: $0.name, shortName: nil, url: $0.registrationURL, keyIDs: scheme.appManagerKeys[$0.oin]?.ids ?? [])
        }
        requesters = (document.requesters ?? []).map {
            RequesterEntry(
                oin: $0.oin, name: $0.name, purposes: $0.purposes, maxConsentDays: $0.maxConsentDays, keyIDs: scheme.requesterKeys[$0.oin]?.ids ?? [])
        }
    }
}
