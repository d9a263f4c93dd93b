import BlauweKnop
import Hummingbird

/// The citizen side of Blauwe Knop Plus at one holder (PROTOCOL §10.3): register, list, revoke.
extension OrganizationService {
    struct ConsentRequest: Codable, Sendable {
        var consent: String
    }

    /// `POST <consents_url>`: every check of §10.2 against the current scheme, then the
    /// session's citizen and app key, this holder in `organizations`, not expired.
    func registerConsent(authorization: String?, request: ConsentRequest?) -> Response {
        let now = clock.epochSeconds
        guard let session = citizenSession(authorization, now: now) else { return HolderResponse.problem(.unauthorized, "No valid session") }
        guard let request else { return HolderResponse.problem(.badRequest, "Malformed consent request") }
        guard let scheme = currentScheme(now) else { return HolderResponse.problem(.serviceUnavailable, "No current scheme") }
        let consent: Consent
        do {
            consent = try Consent(compact: request.consent, scheme: scheme, now: now)
        } catch {
            return HolderResponse.problem(.badRequest, "Consent refused", detail: error.detail)
        }
        guard consent.claims.sub == session.bsn, consent.claims.iss == session.appKeyThumbprint else {
            return HolderResponse.problem(.badRequest, "Consent refused", detail: "the consent is not signed by the citizen of this session")
        }
        guard consent.claims.organizations.contains(organization.settings.oin) else {
            return HolderResponse.problem(.badRequest, "Consent refused", detail: "this organisation is not in the consent")
        }
        switch consents.register(consent, now: now) {
        case .created(let at):
            return HolderResponse.json(ConsentRegistration(jti: consent.claims.jti, registeredAt: ConsentRegistry.moment(at)), status: .created)
        case .alreadyRegistered(let at): return HolderResponse.json(ConsentRegistration(jti: consent.claims.jti, registeredAt: ConsentRegistry.moment(at)))
        case .conflict: return HolderResponse.problem(.conflict, "Consent refused", detail: "another consent has this id")
        case .tooManyForCitizen:
            return HolderResponse.problem(
                .tooManyRequests, "Too many consents",
                detail: "this citizen has \(consents.limits.consentsPerCitizen) consents here already; revoke one first")
        case nil: return HolderResponse.problem(.serviceUnavailable, "Too many consents")
        }
    }

    /// `GET <consents_url>`: the session's citizen's consents with their accesses.
    func listConsents(authorization: String?) -> Response {
        guard let session = citizenSession(authorization, now: clock.epochSeconds) else { return HolderResponse.problem(.unauthorized, "No valid session") }
        return HolderResponse.json(ConsentList(consents: consents.list(bsn: session.bsn, now: clock.epochSeconds)))
    }

    /// `DELETE <consents_url>/<jti>`: 204, also when already revoked; 404 for an unknown id or
    /// another citizen's.
    func revokeConsent(authorization: String?, jti: String) -> Response {
        let now = clock.epochSeconds
        guard let session = citizenSession(authorization, now: now) else { return HolderResponse.problem(.unauthorized, "No valid session") }
        guard consents.revoke(jti: jti, bsn: session.bsn, now: now) else { return HolderResponse.problem(.notFound, "No such consent") }
        endRequesterSessions(jti: jti)
        return Response(status: .noContent)
    }

    nonisolated func addConsentRoutes(
        to router: Router<HolderRequestContext>,
        route: (HolderEndpoint, String, @escaping @Sendable (Request, HolderFault?) async -> Response) ->
            @Sendable (Request, HolderRequestContext) async -> Response
    ) {
        router.post(
            "/v1/consents",
            use: route(.consents, "/v1/consents") { request, _ in
                let body = await request.decodeJSON(ConsentRequest.self)
                return await self.registerConsent(authorization: request.headers[.authorization], request: body)
            })
        router.get(
            "/v1/consents",
            use: route(.consents, "/v1/consents") { request, _ in
                await self.listConsents(authorization: request.headers[.authorization])
            })
        router.delete(
            "/v1/consents/:jti",
            use: route(.consents, "/v1/consents") { request, _ in
                let jti = request.uri.path.split(separator: "/").last.map(String.init) ?? ""
                return await self.revokeConsent(authorization: request.headers[.authorization], jti: jti)
            })
    }
}
