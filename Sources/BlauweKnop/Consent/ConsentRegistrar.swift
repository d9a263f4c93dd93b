/// The citizen's side of PROTOCOL §10.3 at every organisation concurrently: register a consent,
/// list consents with their accesses, each with a citizen session of §4.
public struct ConsentRegistrar: Sendable {
    public let scheme: VerifiedScheme
    public let identity: CitizenIdentity
    public let http: HTTPClient
    public let clock: WallClock

    public init(scheme: VerifiedScheme, identity: CitizenIdentity, http: HTTPClient, clock: WallClock) {
        self.scheme = scheme
        self.identity = identity
        self.http = http
        self.clock = clock
    }

    /// What came of one organisation.
    public enum Outcome: Sendable, Equatable {
        case registered(at: String)
        /// Its discovery document has no `consents_url`.
        case notSupported
        case failed(HolderStatus, String)
    }

    /// Registers `consent` at every organisation of the plan; the results in plan order.
    public func register(_ consent: String, at organizations: [SchemeDocument.Organization]) async -> [(SchemeDocument.Organization, Outcome)] {
        await forEach(organizations) { organization throws(HolderFailure) in
            let discovery = try await DiscoveryDocument.fetch(for: organization, http: http)
            guard let url = discovery.consentsURL else { return .notSupported }
            let token = try await session(at: organization, discovery: discovery)
            let request: HTTPRequest
            do throws(TransportError) {
                request = try .postJSON(url: url, json: ["consent": consent], headers: [("Authorization", "Bearer \(token)")], maxResponseBytes: 64 << 10)
            } catch {
                throw HolderFailure.transport(error, step: "consent")
            }
            let reply: ConsentRegistration = try await http.exchangeJSON(request, expecting: [200, 201], step: "consent")
            return .registered(at: reply.registeredAt)
        }
    }

    /// One consent as an organisation lists it, with the organisation.
    public struct Listed: Sendable {
        public let organization: SchemeDocument.Organization
        public let consent: ListedConsent
    }

    /// Every consent of the citizen at every organisation that supports Plus, and the
    /// organisations that could not be asked.
    public func list() async -> (consents: [Listed], failures: [(SchemeDocument.Organization, Outcome)]) {
        let results = await forEachValue(scheme.document.organizations) { organization throws(HolderFailure) -> [ListedConsent]? in
            let discovery = try await DiscoveryDocument.fetch(for: organization, http: http)
            guard let url = discovery.consentsURL else { return nil }
            let token = try await session(at: organization, discovery: discovery)
            let request = HTTPRequest(url: url, headers: [("Authorization", "Bearer \(token)"), ("Accept", "application/json")], maxResponseBytes: 8 << 20)
            let reply: ConsentList = try await http.exchangeJSON(request, expecting: [200], step: "consents")
            return reply.consents
        }
        var consents: [Listed] = []
        var failures: [(SchemeDocument.Organization, Outcome)] = []
        for (organization, result) in results {
            switch result {
            case .success(let listed?): consents += listed.map { Listed(organization: organization, consent: $0) }
            case .success(nil): failures.append((organization, .notSupported))
            case .failure(let failure): failures.append((organization, .failed(failure.status, failure.detail)))
            }
        }
        return (consents, failures)
    }

    /// What came of revoking at one organisation.
    public enum Revocation: Sendable, Equatable {
        /// 204: revoked (or it already was).
        case revoked
        /// 404: the organisation does not hold this consent of this citizen.
        case notHeld
        case notSupported
        case failed(HolderStatus, String)

        /// Whether it must be tried again.
        public var isFailure: Bool { if case .failed = self { true } else { false } }
    }

    /// Revokes a consent at each organisation given (every one of the scheme that takes part,
    /// when the caller does not know where it is held).
    public func revoke(_ jti: String, at organizations: [SchemeDocument.Organization]) async -> [(SchemeDocument.Organization, Revocation)] {
        // An id is base64url of 16 bytes: safe as a path segment as it is.
        guard Base64URL.decode(jti)?.count == 16 else {
            return organizations.map { ($0, .failed(.invalidDocument, "'\(TerminalText.sanitized(String(jti.prefix(40))))' is not a consent id")) }
        }
        return await forEachValue(organizations) { organization throws(HolderFailure) -> Revocation in
            let discovery = try await DiscoveryDocument.fetch(for: organization, http: http)
            guard let url = discovery.consentsURL else { return .notSupported }
            let token = try await session(at: organization, discovery: discovery)
            let request = HTTPRequest(method: .delete, url: url + "/" + jti, headers: [("Authorization", "Bearer \(token)")], maxResponseBytes: 64 << 10)
            let response = try await http.exchange(request, expecting: [204, 404], step: "revoke")
            return response.status == 204 ? .revoked : .notHeld
        }.map { organization, result in
            switch result {
            case .success(let revocation): (organization, revocation)
            case .failure(let failure): (organization, .failed(failure.status, failure.detail))
            }
        }
    }

    // MARK: - Steps

    /// A citizen session at an organisation whose discovery document was just read.
    private func session(at organization: SchemeDocument.Organization, discovery: DiscoveryDocument) async throws(HolderFailure) -> String {
        try await SessionClient(http: http, identity: identity, clock: clock)
            .createSession(organizationOIN: organization.oin, sessionURL: discovery.sessionURL).sessionToken
    }

    private func forEach(
        _ organizations: [SchemeDocument.Organization], _ body: @escaping @Sendable (SchemeDocument.Organization) async throws(HolderFailure) -> Outcome
    ) async -> [(SchemeDocument.Organization, Outcome)] {
        await forEachValue(organizations, body).map { organization, result in
            switch result {
            case .success(let outcome): (organization, outcome)
            case .failure(let failure): (organization, .failed(failure.status, failure.detail))
            }
        }
    }

    private func forEachValue<Value: Sendable>(
        _ organizations: [SchemeDocument.Organization], _ body: @escaping @Sendable (SchemeDocument.Organization) async throws(HolderFailure) -> Value
    ) async -> [(SchemeDocument.Organization, Result<Value, HolderFailure>)] {
        await withTaskGroup(of: (Int, Result<Value, HolderFailure>).self) { group in
            for (index, organization) in organizations.enumerated() {
                group.addTask {
                    do {
                        return (index, .success(try await body(organization)))
                    } catch let failure as HolderFailure {
                        return (index, .failure(failure))
                    } catch {
                        return (index, .failure(HolderFailure(.unreachable, "\(error)")))
                    }
                }
            }
            var results: [(Int, Result<Value, HolderFailure>)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map { (organizations[$0.0], $0.1) }
        }
    }

}

/// A holder's answer to a registration (PROTOCOL §10.3): `201`/`200 {"jti", "registered_at"}`.
public struct ConsentRegistration: Codable, Sendable {
    public var jti: String
    public var registeredAt: String

    enum CodingKeys: String, CodingKey {
        case jti
        case registeredAt = "registered_at"
    }

    public init(jti: String, registeredAt: String) {
        self.jti = jti
        self.registeredAt = registeredAt
    }
}

/// A holder's answer to `GET <consents_url>` (PROTOCOL §10.3).
public struct ConsentList: Codable, Sendable {
    public var consents: [ListedConsent]

    public init(consents: [ListedConsent]) { self.consents = consents }
}

/// A consent as an organisation lists it (PROTOCOL §10.3).
public struct ListedConsent: Codable, Sendable, Hashable {
    /// One access by a requester, as the holder logged it before answering (§10.4).
    public struct Access: Codable, Sendable, Hashable {
        public var at: String
        public var requester: String
        public var kid: String
        public var detail: Consent.Detail

        public init(at: String, requester: String, kid: String, detail: Consent.Detail) {
            self.at = at
            self.requester = requester
            self.kid = kid
            self.detail = detail
        }
    }

    public var jti: String
    public var aud: String
    public var purpose: String
    public var detail: Consent.Detail
    public var iat: Int64
    public var exp: Int64
    public var registeredAt: String
    @EncodedAsNull public var revokedAt: String?
    /// The accesses the holder lists: all of them, or (bk-holder) the most recent.
    public var accesses: [Access]
    /// How many accesses there were in all, when the holder says (bk-holder does; §10.3 allows
    /// added fields): more than `accesses` lists when it keeps only the most recent.
    public var accessCount: Int?
    /// The first and the last access, when the holder says.
    public var firstAccessAt: String?
    public var lastAccessAt: String?

    enum CodingKeys: String, CodingKey {
        case jti, aud, purpose, detail, iat, exp, accesses
        case registeredAt = "registered_at"
        case revokedAt = "revoked_at"
        case accessCount = "access_count"
        case firstAccessAt = "first_access_at"
        case lastAccessAt = "last_access_at"
    }

    public init(
        jti: String, aud: String, purpose: String, detail: Consent.Detail, iat: Int64, exp: Int64, registeredAt: String, revokedAt: String?,
        accesses: [Access], accessCount: Int? = nil, firstAccessAt: String? = nil, lastAccessAt: String? = nil
    ) {
        self.jti = jti
        self.aud = aud
        self.purpose = purpose
        self.detail = detail
        self.iat = iat
        self.exp = exp
        self.registeredAt = registeredAt
        self.revokedAt = revokedAt
        self.accesses = accesses
        self.accessCount = accessCount
        self.firstAccessAt = firstAccessAt
        self.lastAccessAt = lastAccessAt
    }
}
