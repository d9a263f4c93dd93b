import BlauweKnop
import Hummingbird

/// One data holder (PROTOCOL §2, §4, §5): discovery, challenges, sessions and the signed FCID,
/// with the configured latency and fault.
actor OrganizationService {
    static let sessionLifetime: Int64 = 15 * 60
    static let documentLifetime: Int64 = 86_400
    /// Seconds a client may keep the discovery document (`Cache-Control: max-age`).
    static let discoveryMaxAge = 3600
    static let maxOutstanding = 50_000

    struct Session {
        let bsn: String
        let appKeyThumbprint: String
        /// The app key, to bind saldo statements to (PROTOCOL §12.1).
        let appKey: JWK
        let exp: Int64
        /// Where its documents are sealed to (PROTOCOL §13), when the client offered a key.
        var sealing: SessionSealing? = nil
    }

    let organization: HolderEnvironment.Organization
    let forger: DocumentForger
    let verifier: SessionVerifier
    let clock: WallClock
    /// The scheme as published at a moment, verified (for consents).
    let currentScheme: @Sendable (Int64) -> VerifiedScheme?
    private var challenges = ChallengeBook()
    private var sessions: [String: Session] = [:]
    private var faultsLeft: Int?
    var consents: ConsentRegistry
    var disputes = DisputeRegistry()
    /// The sender context of the last encrypted response, for the `replayed_encapsulation` fault.
    var lastSealer: DocumentSealer?
    /// SHA-256 (base64url) of the most recent keys clients offered, for the admin endpoint.
    var offeredKeys: [String] = []
    var requesterSessions: [String: RequesterSession] = [:]

    /// The admin endpoint's bearer token; nil: there is no admin endpoint.
    let adminToken: String?

    init(
        organization: HolderEnvironment.Organization, otherKey: PrivateKey, verifier: SessionVerifier, clock: WallClock,
        limits: HolderLimits = HolderLimits(), adminToken: String? = nil, currentScheme: @escaping @Sendable (Int64) -> VerifiedScheme? = { _ in nil }
    ) {
        self.adminToken = adminToken
        self.organization = organization
        self.forger = DocumentForger(key: organization.key, otherKey: otherKey, clock: clock)
        self.verifier = verifier
        self.clock = clock
        self.currentScheme = currentScheme
        self.faultsLeft = organization.settings.faultCount
        self.consents = ConsentRegistry(limits: limits)
    }

    /// Whether this holder takes part in Blauwe Knop Plus.
    nonisolated var supportsConsents: Bool { organization.settings.plus != false }

    /// The citizen session an `Authorization` header names, if valid now.
    func citizenSession(_ authorization: String?, now: Int64) -> Session? {
        guard let authorization, authorization.hasPrefix("Bearer "), let session = sessions[String(authorization.dropFirst(7))], session.exp > now else {
            return nil
        }
        return session
    }

    /// A session body: a citizen's (credential and proof) or a requester's (consent and proof).
    struct AnySessionRequest: Codable, Sendable {
        var credential: String?
        var consent: String?
        var proof: String
    }

    struct ChallengeReply: Encodable {
        var challenge: String
        var exp: Int64
    }

    func newChallenge() -> Response {
        let (challenge, exp) = challenges.issue(now: clock.epochSeconds)
        return HolderResponse.json(ChallengeReply(challenge: challenge, exp: exp))
    }

    func createSession(_ request: SessionClient.SessionRequest, fault: HolderFault? = nil) -> Response {
        let now = clock.epochSeconds
        let binding: SessionVerifier.Binding
        do {
            binding = try verifier.verify(credential: request.credential, proof: request.proof, now: now)
        } catch {
            return HolderResponse.problem(.unauthorized, "Session refused", detail: error.description)
        }
        guard consumeChallenge(binding.nonce, now: now) else {
            return HolderResponse.problem(.unauthorized, "Session refused", detail: "unknown, used or expired challenge")
        }
        if sessions.count >= Self.maxOutstanding { sessions = sessions.filter { $0.value.exp > now } }
        if fault == .sessionConsumed504 { return HolderResponse.problem(.gatewayTimeout, "Gateway timeout") }
        var token = SecureRandom.token(bytes: 32)
        if fault == .headerInjectionToken { token += "\r\nX-Injected: yes" }
        sessions[token] = Session(
            bsn: binding.bsn, appKeyThumbprint: binding.appKeyThumbprint, appKey: binding.appKey, exp: now + Self.sessionLifetime,
            sealing: sealing(binding.offer, binding.nonce))
        return HolderResponse.json(SessionClient.Session(sessionToken: token, exp: now + Self.sessionLifetime), status: .created)
    }

    /// Consumes a challenge: single-use, and only one this holder issued that has not expired.
    func consumeChallenge(_ nonce: String, now: Int64) -> Bool { challenges.spend(nonce, now: now) }

    func claims(authorization: String?, documentFault: HolderFault?) -> Response {
        let now = clock.epochSeconds
        if let authorization, authorization.hasPrefix("Bearer "),
            let response = requesterDocument(token: String(authorization.dropFirst(7)), documentFault: documentFault)
        {
            return response
        }
        guard let session = citizenSession(authorization, now: now) else {
            return HolderResponse.problem(.unauthorized, "No valid session")
        }
        do {
            let compact = try forger.jws(for: document(for: session, now: now), fault: documentFault)
            disputes.issued(documentDigest: DisputeRequest.digest(of: compact), bsn: session.bsn)
            return deliver(compact, to: session.sealing, fault: documentFault)
        } catch {
            return HolderResponse.problem(.internalServerError, "Signing failed")
        }
    }

    /// The citizen's FCID document with stated totals derived from the events.
    func document(for session: Session, now: Int64) -> FinancialClaimsDocument {
        document(bsn: session.bsn, audience: session.appKeyThumbprint, now: now)
    }

    /// The FCID document of a citizen for a key (`aud`: the app key's or a requester key's thumbprint).
    func document(bsn: String, audience: String, now: Int64) -> FinancialClaimsDocument {
        let today = Timestamps.calendarDate(clock.now)
        let zaken = (organization.citizens[bsn] ?? []).map { zaak in
            var stated = zaak
            if let folded = try? ClaimsFold.fold(zaak, today: today) {
                stated.totaalFinancieelVerplicht = folded.verplicht
                stated.totaalFinancieelVereffend = folded.vereffend
                stated.saldo = folded.saldo
                stated.saldoDatumtijd = Timestamps.rfc3339(clock.now)
            }
            stated.verzoeken = disputes.verzoeken(bsn: bsn, zaakkenmerk: zaak.zaakkenmerk).nilIfEmpty
            return stated
        }
        return FinancialClaimsDocument(
            iss: organization.settings.oin, sub: bsn, aud: audience, iat: now, exp: now + Self.documentLifetime,
            financieleZaken: zaken)
    }

    /// The fault to apply to this request of `endpoint`, counting down `fault_count`.
    func fault(at endpoint: HolderEndpoint) -> HolderFault? {
        guard let fault = organization.settings.fault else { return nil }
        // Transport faults go where configured; a wrong OIN lives in discovery; document
        // faults (and the certificate faults, which act elsewhere) belong to the claims.
        let target: HolderEndpoint =
            switch fault {
            case _ where FaultResponses.isTransportFault(fault): organization.settings.faultEndpoint ?? .claims
            case .wrongDiscoveryOIN: .discovery
            case .sessionConsumed504, .headerInjectionToken: .session
            case .receiptOtherKey, .receiptOtherDigest, .receiptWrongSubject: .requests
            case .statementTotalsDiffer, .statementDuplicateDigest, .statementDisclosureWithSD, .statementOtherAppKey: .statement
            // Encryption faults bend the claims' envelope, or with `fault_endpoint` the receipt's.
            case .plaintextAfterKey, .otherKEM, .corruptedCiphertext, .otherInfo, .replayedEncapsulation: organization.settings.faultEndpoint ?? .claims
            default: .claims
            }
        guard endpoint == target else { return nil }
        if let left = faultsLeft {
            guard left > 0 else { return nil }
            faultsLeft = left - 1
        }
        return fault
    }

    /// Waits the configured latency (with jitter) before a response.
    nonisolated func simulateLatency() async {
        let base = organization.settings.latencyMs ?? 0
        let jitter = organization.settings.latencyJitterMs ?? 0
        let total = base + (jitter > 0 ? Int.random(in: 0...jitter) : 0)
        if total > 0 { try? await Task.sleep(for: .milliseconds(total)) }
    }

    /// Adds this organisation's routes to a router.
    nonisolated func addRoutes(
        to router: Router<HolderRequestContext>, baseURL: @escaping @Sendable () -> String, otherHostURL: @escaping @Sendable () -> String
    ) {
        let settings = organization.settings
        /// Runs a handler after the latency, unless a transport fault answers instead.
        func route(
            _ endpoint: HolderEndpoint, _ path: String, _ handler: @escaping @Sendable (Request, HolderFault?) async -> Response
        ) -> @Sendable (Request, HolderRequestContext) async -> Response {
            { request, context in
                await self.simulateLatency()
                let fault = await self.fault(at: endpoint)
                if let fault,
                    let response = FaultResponses.response(
                        for: fault, endpoint: endpoint, path: path, sameHost: baseURL(), otherHost: otherHostURL(), channel: context.channel)
                {
                    return response
                }
                return await handler(request, fault)
            }
        }
        router.get(
            "/.well-known/bk-configuration",
            use: route(.discovery, "/.well-known/bk-configuration") { _, fault in
                let base = baseURL()
                let oin = fault == .wrongDiscoveryOIN ? "00000009999999999000" : settings.oin
                var response = HolderResponse.json(
                    DiscoveryDocument(
                        oin: oin, sessionURL: base + "/v1/sessions", financialClaimsURL: base + "/v1/financial-claims-information",
                        consentsURL: self.supportsConsents ? base + "/v1/consents" : nil, requestsURL: self.takesRequests ? base + "/v1/requests" : nil,
                        sdJWTURL: self.issuesStatements ? base + Self.statementPath : nil, encryption: self.encrypts ? [DocumentEncryption.kemName] : nil))
                // Clients may keep the document this long (PROTOCOL §2): a repeat run skips a round trip.
                response.headers[.cacheControl] = "max-age=\(Self.discoveryMaxAge)"
                return response
            })
        if supportsConsents { addConsentRoutes(to: router, route: route) }
        if takesRequests { addRequestRoutes(to: router, route: route) }
        if issuesStatements {
            router.get(
                RouterPath(stringLiteral: Self.statementPath),
                use: route(.statement, Self.statementPath) { request, fault in
                    await self.statement(authorization: request.headers[.authorization], fault: fault)
                })
        }
        router.post("/v1/sessions/challenge", use: route(.challenge, "/v1/sessions/challenge") { _, _ in await self.newChallenge() })
        router.post(
            "/v1/sessions",
            use: route(.session, "/v1/sessions") { request, fault in
                guard let body = await request.decodeJSON(AnySessionRequest.self) else {
                    return HolderResponse.problem(.badRequest, "Malformed session request")
                }
                switch (body.credential, body.consent) {
                case (let credential?, nil): return await self.createSession(.init(credential: credential, proof: body.proof), fault: fault)
                case (nil, let consent?) where self.supportsConsents: return await self.createRequesterSession(consent: consent, proof: body.proof)
                default: return HolderResponse.problem(.badRequest, "Malformed session request")
                }
            })
        router.get(
            "/v1/financial-claims-information",
            use: route(.claims, "/v1/financial-claims-information") { request, fault in
                await self.claims(authorization: request.headers[.authorization], documentFault: fault)
            })
    }
}
