/// The signed registry of data holders (PROTOCOL §1), as decoded from the scheme JWS payload.
public struct SchemeDocument: Codable, Hashable, Sendable {
    /// The scheme operator's OIN.
    public var iss: String
    /// `test`, `acc`, `prod`, …
    public var environment: String
    /// Monotonically increasing version.
    public var version: Int
    /// Issued at, seconds since the epoch.
    public var iat: Int64
    /// Expires at, seconds since the epoch.
    public var exp: Int64
    /// The data holders.
    public var organizations: [Organization]
    /// The App Managers that may bind app keys to citizens.
    public var appManagers: [AppManager]
    /// Document types and versions in the scheme.
    public var documentTypes: [DocumentType]?
    /// Parties that may fetch data with a citizen's consent (PROTOCOL §10.1); absent when none.
    public var requesters: [Requester]?

    enum CodingKeys: String, CodingKey {
        case iss, environment, version, iat, exp, organizations, requesters
        case appManagers = "app_managers"
        case documentTypes = "document_types"
    }

    public init(
        iss: String, environment: String, version: Int, iat: Int64, exp: Int64, organizations: [Organization],
        appManagers: [AppManager], documentTypes: [DocumentType]? = nil, requesters: [Requester]? = nil
    ) {
        self.requesters = requesters
        self.iss = iss
        self.environment = environment
        self.version = version
        self.iat = iat
        self.exp = exp
        self.organizations = organizations
        self.appManagers = appManagers
        self.documentTypes = documentTypes
    }

    /// One data holder.
    public struct Organization: Codable, Hashable, Sendable {
        public var oin: String
        public var name: String
        public var shortName: String?
        public var discoveryURL: String
        public var publicKeys: [JWK]
        public var documentTypes: [String]?

        enum CodingKeys: String, CodingKey {
            case oin, name
            case shortName = "short_name"
            case discoveryURL = "discovery_url"
            case publicKeys = "public_keys"
            case documentTypes = "document_types"
        }

        public init(oin: String, name: String, shortName: String?, discoveryURL: String, publicKeys: [JWK], documentTypes: [String]? = nil) {
            self.oin = oin
            self.name = name
            self.shortName = shortName
            self.discoveryURL = discoveryURL
            self.publicKeys = publicKeys
            self.documentTypes = documentTypes
        }

        /// The short name, or the full name when there is none.
        public var displayName: String { shortName ?? name }
    }

    /// One App Manager.
    public struct AppManager: Codable, Hashable, Sendable {
        public var oin: String
        public var name: String
        public var registrationURL: String
        public var publicKeys: [JWK]

        enum CodingKeys: String, CodingKey {
            case oin, name
            case registrationURL = "registration_url"
            case publicKeys = "public_keys"
        }

        public init(oin: String, name: String, registrationURL: String, publicKeys: [JWK]) {
            self.oin = oin
            self.name = name
            self.registrationURL = registrationURL
            self.publicKeys = publicKeys
        }
    }

    /// A document type with its supported versions.
    public struct DocumentType: Codable, Hashable, Sendable {
        public var name: String
        public var versions: [String]

        public init(name: String, versions: [String]) {
            self.name = name
            self.versions = versions
        }
    }
}
