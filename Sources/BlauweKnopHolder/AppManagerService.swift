import BlauweKnop
import Hummingbird

/// The test App Manager (PROTOCOL §3): registrations, the test stand-in for DigiD, polling.
actor AppManagerService {
    struct Registration {
        let appKey: JWK
        var bsn: String?
        let created: Int64
    }

    static let credentialLifetime: Int64 = 7 * 86_400
    static let maxRegistrations = 10_000

    let environment: HolderEnvironment
    let clock: WallClock
    private var registrations: [String: Registration] = [:]

    init(environment: HolderEnvironment, clock: WallClock) {
        self.environment = environment
        self.clock = clock
    }

    func register(_ request: AppManagerMessages.RegistrationRequest, baseURL: String) -> Response {
        guard (try? request.appPublicKey.keyType()) == .p256, (try? PublicKey(jwk: request.appPublicKey)) != nil else {
            return HolderResponse.problem(.badRequest, "Invalid app key", detail: "app_public_key must be an EC P-256 JWK")
        }
        if registrations.count >= Self.maxRegistrations { registrations.removeAll() }
        let id = SecureRandom.token(bytes: 16)
        registrations[id] = Registration(appKey: request.appPublicKey.canonical, bsn: nil, created: clock.epochSeconds)
        let base = baseURL + "/v1/registrations/" + id
        return HolderResponse.json(
            AppManagerMessages.Registration(registrationID: id, authenticationURL: base + "/authenticate", pollURL: base), status: .created)
    }

    func authenticate(id: String, bsn: String) -> Response {
        guard environment.file.environment == "test" else {
            return HolderResponse.problem(.forbidden, "Test authentication is disabled", detail: "only in the test environment")
        }
        guard Identifiers.isBSN(bsn) else { return HolderResponse.problem(.badRequest, "Invalid BSN") }
        guard registrations[id] != nil else { return HolderResponse.problem(.notFound, "Unknown registration") }
        registrations[id]?.bsn = bsn
        return Response(status: .noContent)
    }

    func poll(id: String) -> Response {
        guard let registration = registrations[id] else { return HolderResponse.problem(.notFound, "Unknown registration") }
        guard let bsn = registration.bsn else { return HolderResponse.json(AppManagerMessages.Status(status: "pending")) }
        let now = clock.epochSeconds
        let claims = Credential.Claims(
            iss: environment.file.appManager.oin, sub: bsn, cnf: .init(jwk: registration.appKey), environment: environment.file.environment,
            iat: now, exp: now + Self.credentialLifetime)
        guard let credential = try? JWS.sign(payload: JSONCoding.encode(claims), type: Credential.jwsType, key: environment.appManagerKey) else {
            return HolderResponse.problem(.internalServerError, "Signing failed")
        }
        registrations[id] = nil
        return HolderResponse.json(AppManagerMessages.Status(status: "completed", credential: credential))
    }

    /// Adds the App Manager routes to a router.
    nonisolated func addRoutes(to router: Router<HolderRequestContext>, baseURL: @escaping @Sendable () -> String) {
        router.post("/v1/registrations") { request, _ -> Response in
            guard let body = await request.decodeJSON(AppManagerMessages.RegistrationRequest.self) else {
                return HolderResponse.problem(.badRequest, "Malformed registration")
            }
            return await self.register(body, baseURL: baseURL())
        }
        router.post("/v1/registrations/:id/authenticate") { request, context -> Response in
            guard let id = context.parameters.get("id"), let body = await request.decodeJSON(AppManagerMessages.TestAuthentication.self) else {
                return HolderResponse.problem(.badRequest, "Malformed authentication")
            }
            return await self.authenticate(id: id, bsn: body.bsn)
        }
        router.get("/v1/registrations/:id") { _, context -> Response in
            guard let id = context.parameters.get("id") else { return HolderResponse.problem(.notFound, "Unknown registration") }
            return await self.poll(id: id)
        }
    }
}
