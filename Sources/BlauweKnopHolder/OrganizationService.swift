import BlauweKnop
import Hummingbird

/// One data holder (PROTOCOL §2, §4, §5): discovery, challenges, sessions and the signed FCID.
actor OrganizationService {
    static let challengeLifetime: Int64 = 60
    static let sessionLifetime: Int64 = 15 * 60
    static let documentLifetime: Int64 = 86_400
    static let maxOutstanding = 50_000

    struct Session {
        let bsn: String
        let appKeyThumbprint: String
        let exp: Int64
    }

    let organization: HolderEnvironment.Organization
    /// Another organisation's key, for the `other_organization_key` fault.
    let otherKey: PrivateKey
    let verifier: SessionVerifier
    let clock: WallClock
    private var challenges: [String: Int64] = [:]
    private var sessions: [String: Session] = [:]

    init(organization: HolderEnvironment.Organization, otherKey: PrivateKey, verifier: SessionVerifier, clock: WallClock) {
        self.organization = organization
        self.otherKey = otherKey
        self.verifier = verifier
        self.clock = clock
    }

    struct ChallengeReply: Encodable {
        var challenge: String
        var exp: Int64
    }

    func newChallenge() -> Response {
        let now = clock.epochSeconds
        if challenges.count >= Self.maxOutstanding { challenges = challenges.filter { $0.value > now } }
        guard challenges.count < Self.maxOutstanding else { return HolderResponse.problem(.serviceUnavailable, "Too many challenges") }
        let challenge = SecureRandom.token(bytes: 32)
        challenges[challenge] = now + Self.challengeLifetime
        return HolderResponse.json(ChallengeReply(challenge: challenge, exp: now + Self.challengeLifetime))
    }

    func createSession(_ request: SessionClient.SessionRequest) -> Response {
        let now = clock.epochSeconds
        let binding: SessionVerifier.Binding
        do {
            binding = try verifier.verify(credential: request.credential, proof: request.proof, now: now)
        } catch {
            return HolderResponse.problem(.unauthorized, "Session refused", detail: error.description)
        }
        // The challenge is single-use: consumed here whether or not it is still valid.
        guard let expiry = challenges.removeValue(forKey: binding.nonce), expiry >= now else {
            return HolderResponse.problem(.unauthorized, "Session refused", detail: "unknown, used or expired challenge")
        }
        if sessions.count >= Self.maxOutstanding { sessions = sessions.filter { $0.value.exp > now } }
        let token = SecureRandom.token(bytes: 32)
        sessions[token] = Session(bsn: binding.bsn, appKeyThumbprint: binding.appKeyThumbprint, exp: now + Self.sessionLifetime)
        return HolderResponse.json(SessionClient.Session(sessionToken: token, exp: now + Self.sessionLifetime), status: .created)
    }

    func claims(authorization: String?) -> Response {
        let now = clock.epochSeconds
        guard let authorization, authorization.hasPrefix("Bearer "), let session = sessions[String(authorization.dropFirst(7))], session.exp > now else {
            return HolderResponse.problem(.unauthorized, "No valid session")
        }
        do {
            return HolderResponse.jose(try signedDocument(for: session, now: now))
        } catch {
            return HolderResponse.problem(.internalServerError, "Signing failed")
        }
    }

    /// The citizen's FCID document with stated totals derived from the events, signed.
    func signedDocument(for session: Session, now: Int64) throws -> String {
        let today = Timestamps.calendarDate(clock.now)
        let zaken = (organization.citizens[session.bsn] ?? []).map { zaak in
            var stated = zaak
            if let folded = try? ClaimsFold.fold(zaak, today: today) {
                stated.totaalFinancieelVerplicht = folded.verplicht
                stated.totaalFinancieelVereffend = folded.vereffend
                stated.saldo = folded.saldo
                stated.saldoDatumtijd = Timestamps.rfc3339(clock.now)
            }
            return stated
        }
        let fault = organization.settings.fault
        let document = FinancialClaimsDocument(
            iss: organization.settings.oin, sub: fault == .otherCitizen ? Self.otherBSN(than: session.bsn) : session.bsn, aud: session.appKeyThumbprint, iat: now, exp: now + Self.documentLifetime,
            financieleZaken: zaken)
        let key = fault == .otherOrganizationKey ? otherKey : organization.key
        let compact = try JWS.sign(payload: JSONCoding.encode(document), type: FinancialClaimsDocument.jwsType, key: key)
        return fault == .tamperedPayload ? Self.tampered(compact) : compact
    }

    /// A valid test BSN that is not `bsn`.
    static func otherBSN(than bsn: String) -> String { bsn == "999991024" ? "999991036" : "999991024" }

    /// The JWS with one payload byte changed and the signature kept.
    static func tampered(_ compact: String) -> String {
        let parts = compact.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, var payload = Base64URL.decode(parts[1]), !payload.isEmpty else { return compact }
        payload[payload.count / 2] ^= 0x01
        return [parts[0], Base64URL.encode(payload), parts[2]].joined(separator: ".")
    }

    /// Waits the configured latency (with jitter) before a response.
    nonisolated func simulateLatency() async {
        let base = organization.settings.latencyMs ?? 0
        let jitter = organization.settings.latencyJitterMs ?? 0
        let total = base + (jitter > 0 ? Int.random(in: 0...jitter) : 0)
        if total > 0 { try? await Task.sleep(for: .milliseconds(total)) }
    }

    /// Adds this organisation's routes to a router.
    nonisolated func addRoutes(to router: Router<BasicRequestContext>, baseURL: @escaping @Sendable () -> String) {
        let settings = organization.settings
        let oin = settings.fault == .wrongDiscoveryOIN ? "00000009999999999000" : settings.oin
        router.get("/.well-known/bk-configuration") { _, _ -> Response in
            await self.simulateLatency()
            let base = baseURL()
            return HolderResponse.json(
                DiscoveryDocument(oin: oin, sessionURL: base + "/v1/sessions", financialClaimsURL: base + "/v1/financial-claims-information"))
        }
        router.post("/v1/sessions/challenge") { _, _ -> Response in
            await self.simulateLatency()
            return await self.newChallenge()
        }
        router.post("/v1/sessions") { request, _ -> Response in
            await self.simulateLatency()
            guard let body = await request.decodeJSON(SessionClient.SessionRequest.self) else {
                return HolderResponse.problem(.badRequest, "Malformed session request")
            }
            return await self.createSession(body)
        }
        router.get("/v1/financial-claims-information") { request, _ -> Response in
            await self.simulateLatency()
            return await self.claims(authorization: request.headers[.authorization])
        }
    }
}
