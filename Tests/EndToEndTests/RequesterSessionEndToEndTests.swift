import BlauweKnop
import BKTestSupport
import Foundation
import Testing

/// The holder's requester checks (PROTOCOL §10.4) that `bk requester` never puts to the test
/// itself, driven through bk's own library against the real bk-holder: a consent presented at
/// an organisation outside it, and a session that was granted before the consent was revoked.
@Suite("Requester sessions end to end")
struct RequesterSessionEndToEndTests {
    struct Requester {
        let client: BlauweKnopClient
        let scheme: VerifiedScheme
        let consent: Consent
        let key: PrivateKey

        /// A client whose deadline starts now: under a sanitizer, other tests that block their
        /// threads can hold this one back for minutes between two steps (BK_TIMING_SLACK).
        var http: HTTPClient { Self.http(client) }

        static func http(_ client: BlauweKnopClient) -> HTTPClient {
            let slack = ProcessInfo.processInfo.environment["BK_TIMING_SLACK"].flatMap(Double.init) ?? 1.0
            return client.http(deadlineSeconds: 300 * max(1, slack))
        }

        /// The session and claims URLs an organisation's discovery document names.
        func discovery(_ shortName: String) async throws -> DiscoveryDocument {
            let organization = try #require(scheme.document.organizations.first { $0.shortName == shortName })
            let response = try await http.send(HTTPRequest(url: organization.discoveryURL, maxResponseBytes: 1 << 16))
            return try JSONCoding.decode(DiscoveryDocument.self, from: response.body)
        }

        func session(at shortName: String) async throws -> String {
            let discovery = try await discovery(shortName)
            return try await SessionClient(http: http, presenter: .requester(consent: consent.compact, key: key), clock: .system)
                .createSession(organizationOIN: discovery.oin, sessionURL: discovery.sessionURL).sessionToken
        }

        func claimsStatus(at shortName: String, token: String) async throws -> Int {
            let discovery = try await discovery(shortName)
            return try await http.send(
                HTTPRequest(url: discovery.financialClaimsURL, headers: [("Authorization", "Bearer \(token)")], maxResponseBytes: 8 << 20)
            ).status
        }
    }

    static func requester(_ holder: TestHolder, only: String) async throws -> Requester {
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.directory + "/consent.jws"
        let grant = try holder.bk(
            "consent", "grant", "--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "30", "--only", only, "--yes", "-o", path)
        guard grant.status == 0 else { throw TestFailure("grant failed: \(grant.standardError)") }
        var environment = holder.bkEnvironment
        environment["BK_STATE_DIR"] = holder.directory + "/requester-state"
        let settings = try ClientSettings.resolve(flags: [:], environment: environment)
        let client = try BlauweKnopClient(settings: settings)
        let scheme = try await client.scheme(http: Requester.http(client))
        let consent = try Consent(compact: String(contentsOfFile: path, encoding: .utf8), scheme: scheme, now: client.clock.epochSeconds)
        let key = try PrivateKey(pem: String(contentsOfFile: Paths.examples + "/keys/requester-utrecht-shv.pem", encoding: .utf8))
        return Requester(client: client, scheme: scheme, consent: consent, key: key)
    }

    @Test("A consent presented at an organisation outside its organisations gets no session")
    func replayOutsideConsent() async throws {
        try await DedicatedExecutor.offPool {
            let holder = try TestHolder()
            let requester = try await Self.requester(holder, only: "CJIB")
            _ = try await requester.session(at: "CJIB")
            let failure = await #expect(throws: HolderFailure.self) { _ = try await requester.session(at: "DUO") }
            #expect(failure?.status == .unauthorized)
        }
    }

    @Test("A session granted before the revocation ends with it: the next document request is refused")
    func sessionBeforeRevoke() async throws {
        try await DedicatedExecutor.offPool {
            let holder = try TestHolder()
            let requester = try await Self.requester(holder, only: "CJIB")
            let token = try await requester.session(at: "CJIB")
            #expect(try await requester.claimsStatus(at: "CJIB", token: token) == 200)
            #expect(try holder.bk("consent", "revoke", requester.consent.claims.jti).status == 0)
            #expect(try await requester.claimsStatus(at: "CJIB", token: token) == 401)
        }
    }
}

/// Consents an attacker or a careless client would sign with the citizen's real app key, each
/// refused by `bk requester overview` before any holder is asked (exit 1), and by the holders.
@Suite("Broken consents end to end")
struct BrokenConsentEndToEndTests {
    @Test(
        "Expired, another citizen's, signed before the credential, longer than the scheme allows: exit 1, nothing fetched",
        arguments: ["expired", "other citizen", "before the credential", "181 days"])
    func refused(edit: String) async throws {
        try await DedicatedExecutor.offPool {
            let holder = try TestHolder()
            try holder.login(ExpectedFigures.richCitizen)
            let keys = try CitizenKeys(stateDirectory: holder.stateDirectory)
            let now = Int64(Date().timeIntervalSince1970)
            var claims = try keys.claims(bsn: ExpectedFigures.richCitizen, organizations: ["00000001003214345000"], now: now)
            switch edit {
            case "expired": claims.exp = now + 1
            case "other citizen": claims.sub = ExpectedFigures.singleDebtCitizen
            case "before the credential": claims.iat = now - 3 * 86_400
            default: claims.exp = now + 181 * 86_400
            }
            let path = holder.directory + "/broken.jws"
            try Consent.sign(claims, appKey: keys.appKey).write(toFile: path, atomically: true, encoding: .utf8)
            if edit == "expired" { try await Task.sleep(for: .seconds(2)) }
            let key = holder.directory + "/requester.pem"
            try FileManager.default.copyItem(atPath: Paths.examples + "/keys/requester-utrecht-shv.pem", toPath: key)
            chmod(key, 0o600)
            var environment = holder.bkEnvironment
            environment["BK_STATE_DIR"] = holder.directory + "/requester-state"
            let result = try CommandResult.run(
                Paths.binaries + "/bk", ["requester", "overview", "--consent", path, "--requester-key", key, "--format", "json"], environment: environment)
            #expect(result.status == 1, "\(edit): \(result.standardError)")
            #expect(!result.standardOutput.contains("\"holders\""), "nothing fetched or merged")
        }
    }
}
