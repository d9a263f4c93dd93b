/// A holder's discovery document (PROTOCOL §2).
public struct DiscoveryDocument: Codable, Sendable, Hashable {
    /// Largest discovery document accepted.
    public static let maxBytes = 64 << 10
    /// The only profile bk speaks.
    public static let profile = "bk-1"

    public var oin: String
    public var profile: String
    public var sessionURL: String
    public var financialClaimsURL: String
    /// Where consents are registered, listed and revoked (PROTOCOL §10.1); absent when the
    /// holder does not take part in Blauwe Knop Plus.
    public var consentsURL: String?
    /// Where requests about a zaak are filed, listed and withdrawn (PROTOCOL §11.1); absent
    /// when the holder does not take them.
    public var requestsURL: String?
    /// Where a citizen session fetches its saldo statement (PROTOCOL §12.1); absent when the
    /// holder issues none.
    public var sdJWTURL: String?
    /// The KEMs the holder encrypts documents with (PROTOCOL §13); absent: TLS only.
    public var encryption: [String]?

    enum CodingKeys: String, CodingKey {
        case oin, profile, encryption
        case sessionURL = "session_url"
        case financialClaimsURL = "financial_claims_url"
        case consentsURL = "consents_url"
        case requestsURL = "requests_url"
        case sdJWTURL = "sd_jwt_url"
    }

    public init(
        oin: String, profile: String = Self.profile, sessionURL: String, financialClaimsURL: String, consentsURL: String? = nil,
        requestsURL: String? = nil, sdJWTURL: String? = nil, encryption: [String]? = nil
    ) {
        self.sdJWTURL = sdJWTURL
        self.encryption = encryption
        self.oin = oin
        self.profile = profile
        self.sessionURL = sessionURL
        self.financialClaimsURL = financialClaimsURL
        self.consentsURL = consentsURL
        self.requestsURL = requestsURL
    }

    /// Whether the holder encrypts documents to the client's key with X-Wing (PROTOCOL §13).
    public var offersEncryption: Bool { encryption?.contains(DocumentEncryption.kemName) == true }

    /// Whether the holder takes part in Blauwe Knop Plus.
    public var supportsConsents: Bool { consentsURL != nil }

    /// Fetches and checks the discovery document of an organisation, keeping it in `cache` as
    /// long as its response allows.
    static func fetch(
        for organization: SchemeDocument.Organization, http: HTTPClient, cache: DiscoveryCache? = nil, now: Int64 = 0
    ) async throws(HolderFailure) -> DiscoveryDocument {
        let step = "discovery"
        let outcome = await http.outcome(of: HTTPRequest(url: organization.discoveryURL, headers: [("Accept", "application/json")], maxResponseBytes: maxBytes))
        let response = try HTTPClient.checked(outcome, expecting: [200], step: step)
        let document: DiscoveryDocument = try HTTPClient.decoded(response, step: step)
        try document.check(against: organization)
        cache?.remember(document, for: organization, response: response, now: now)
        return document
    }

    /// The checks of PROTOCOL §2.
    public func check(against organization: SchemeDocument.Organization) throws(HolderFailure) {
        guard oin == organization.oin else {
            throw HolderFailure(.invalidDocument, "discovery: the document names OIN \(oin), the scheme says \(organization.oin)")
        }
        guard profile == Self.profile else { throw HolderFailure(.unsupportedVersion, "discovery: profile '\(profile)' is not bk-1") }
        for url in [sessionURL, financialClaimsURL] + [consentsURL, requestsURL, sdJWTURL].compactMap({ $0 }) where !URLParts.isHTTPS(url) {
            throw HolderFailure(.invalidDocument, "discovery: non-https URL \(url)")
        }
    }
}
