/// `bk login`: app key, registration at an App Manager, authentication, credential (PROTOCOL §3).
public struct LoginFlow: Sendable {
    public let http: HTTPClient
    public let scheme: VerifiedScheme
    public let store: IdentityStore
    public let clock: WallClock
    /// Time between polls of the App Manager.
    public var pollInterval: Duration = .milliseconds(500)

    static let maxResponseBytes = 64 << 10

    public init(http: HTTPClient, scheme: VerifiedScheme, store: IdentityStore, clock: WallClock = .system) {
        self.http = http
        self.scheme = scheme
        self.store = store
        self.clock = clock
    }

    /// Logs in and stores the credential.
    ///
    /// - Parameters:
    ///   - testBSN: use the test stand-in for DigiD with this BSN (only in `test`).
    ///   - appManagerOIN: which App Manager to use; the first of the scheme by default.
    ///   - showAuthenticationURL: told where the citizen must authenticate (real DigiD flow).
    ///   - waiting: told, at each poll, how long the citizen still has to log in.
    ///   - mayReplace: asked, with the masked BSN of the citizen logged in now, before a login
    ///     of another citizen replaces it; `false` leaves everything as it was.
    public func login(
        testBSN: String?, appManagerOIN: String? = nil, showAuthenticationURL: @Sendable (String) -> Void = { _ in },
        waiting: @Sendable (Duration) -> Void = { _ in }, mayReplace: @Sendable (String) -> Bool = { _ in true }
    ) async throws(IdentityError) -> Credential {
        if testBSN != nil && scheme.document.environment != "test" {
            throw IdentityError(.notAllowed, "the test login is only allowed in the 'test' environment, this scheme is '\(scheme.document.environment)'")
        }
        if let testBSN, !Identifiers.isBSN(testBSN) {
            throw IdentityError(.notAllowed, "'\(testBSN)' is not a valid BSN (9 digits passing the elfproef)")
        }
        let managers = scheme.document.appManagers
        guard let manager = appManagerOIN.map({ oin in managers.first { $0.oin == oin } }) ?? managers.first else {
            throw IdentityError(.appManager, appManagerOIN.map { "App Manager \($0) is not in the scheme" } ?? "the scheme lists no App Manager")
        }
        // A fresh key for every login, stored only together with its credential.
        let key: PrivateKey
        do {
            key = try PrivateKey.generate(.p256)
        } catch {
            throw IdentityError(.storage, "cannot create an app key: \(error)")
        }
        let registration: AppManagerMessages.Registration = try await exchange(
            try post(
                manager.registrationURL, AppManagerMessages.RegistrationRequest(appPublicKey: key.publicJWK, clientName: "bk/\(BlauweKnopVersion.current)")),
            expecting: [200, 201], step: "registration")
        for url in [registration.authenticationURL, registration.pollURL] where !URLParts.isHTTPS(url) {
            throw IdentityError(.appManager, "the App Manager gave a non-https URL: \(url)")
        }
        if let testBSN {
            let _: EmptyReply = try await exchange(
                try post(registration.authenticationURL, AppManagerMessages.TestAuthentication(bsn: testBSN)),
                expecting: [200, 201, 204], step: "test authentication")
        } else {
            showAuthenticationURL(registration.authenticationURL)
        }
        while true {
            let result: AppManagerMessages.Status = try await exchange(
                HTTPRequest(url: registration.pollURL, headers: [("Accept", "application/json")], maxResponseBytes: Self.maxResponseBytes), expecting: [200],
                step: "status")
            switch result.status {
            case "completed":
                guard let compact = result.credential else { throw IdentityError(.appManager, "the App Manager completed the login without a credential") }
                let credential = try Credential(compact: compact, scheme: scheme, now: clock.epochSeconds)
                guard credential.claims.cnf.jwk.canonical == key.publicJWK else {
                    throw IdentityError(.appManager, "the App Manager issued a credential for another app key")
                }
                if let testBSN, credential.claims.sub != testBSN {
                    throw IdentityError(.appManager, "the App Manager issued a credential for another citizen")
                }
                if let current = try? store.storedCredential(), let jws = try? JWS(compact: current),
                    let claims = try? JSONCoding.decode(Credential.Claims.self, from: jws.payload), claims.sub != credential.claims.sub,
                    !mayReplace(Identifiers.masked(bsn: claims.sub))
                {
                    throw IdentityError(.otherCitizenLoggedIn, "another citizen is logged in; nothing was changed")
                }
                try store.save(appKey: key, credential: compact)
                return credential
            case "rejected":
                throw IdentityError(.appManager, "the login was rejected")
            case "pending":
                waiting(ContinuousClock.now.duration(to: http.deadline))
                do {
                    try await Task.sleep(for: pollInterval)
                } catch {
                    throw IdentityError(.appManager, "login cancelled")
                }
                guard ContinuousClock.now < http.deadline else { throw IdentityError(.timedOut, "the login was not completed before the timeout") }
            default:
                throw IdentityError(.appManager, "the App Manager reported an unknown status '\(result.status)'")
            }
        }
    }

    private struct EmptyReply: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    /// A POST of `value` as JSON to the App Manager.
    private func post(_ url: String, _ value: some Encodable) throws(IdentityError) -> HTTPRequest {
        do {
            return try .postJSON(url: url, json: value, maxResponseBytes: Self.maxResponseBytes)
        } catch {
            throw IdentityError(.appManager, "\(error)")
        }
    }

    private func exchange<Reply: Decodable>(_ request: HTTPRequest, expecting statuses: Set<Int>, step: String) async throws(IdentityError) -> Reply {
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch {
            throw IdentityError(.appManager, "App Manager \(step) failed: \(error)")
        }
        guard statuses.contains(response.status) else {
            throw IdentityError(.appManager, "App Manager \(step) failed: HTTP \(response.status)\(ProblemDetails.summary(response.body))")
        }
        if Reply.self == EmptyReply.self, response.body.isEmpty, let empty = try? JSONCoding.decode(Reply.self, from: Array("{}".utf8)) { return empty }
        do {
            return try JSONCoding.decode(Reply.self, from: response.body)
        } catch {
            throw IdentityError(.appManager, "App Manager \(step) answered malformed JSON: \(error)")
        }
    }
}

/// RFC 9457 problem details, as holders and App Managers send them.
public struct ProblemDetails: Codable, Sendable {
    public var type: String?
    public var title: String?
    public var status: Int?
    public var detail: String?

    public init(type: String? = nil, title: String, status: Int, detail: String? = nil) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
    }

    /// ": title — detail" from a problem body, or "" when the body is not one.
    static func summary(_ body: [UInt8]) -> String {
        guard let problem = try? JSONCoding.decode(ProblemDetails.self, from: body) else { return "" }
        let text = [problem.title, problem.detail].compactMap { $0 }.joined(separator: ": ")
        return text.isEmpty ? "" : " (\(text.prefix(200)))"
    }
}
