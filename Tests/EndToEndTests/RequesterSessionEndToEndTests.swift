import BlauweKnop
import Foundation
import Testing

/// The holder's requester checks (PROTOCOL §10.4) that `bk requester` never puts to the test
/// itself, driven through bk's own library against the real bk-holder: a consent presented at
/// an organisation outside it, and a session that was granted before the consent was revoked.
@Suite("Requester sessions end to end")
struct RequesterSessionEndToEndTests {
    struct Requester {
        let client: BlauweKnopClient
        let http: HTTPClient
        let scheme: VerifiedScheme
        let consent: Consent
        let key: PrivateKey

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
            return try await http.send(HTTPRequest(url: discovery.financialClaimsURL, headers: [("Authorization", "Bearer \(token)")], maxResponseBytes: 8 << 20)).status
        }
    }

    static func requester(_ holder: TestHolder, only: String) async throws -> Requester {
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.directory + "/consent.jws"
        let grant = try holder.bk("consent", "grant", "--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "30", "--only", only, "--yes", "-o", path)
        guard grant.status == 0 else { throw TestFailure("grant failed: \(grant.standardError)") }
        var environment = holder.bkEnvironment
        environment["BK_STATE_DIR"] = holder.directory + "/requester-state"
        let settings = try ClientSettings.resolve(flags: [:], environment: environment)
        let client = try BlauweKnopClient(settings: settings)
        let http = client.http(deadlineSeconds: 30)
        let scheme = try await client.scheme(http: http)
        let consent = try Consent(compact: String(contentsOfFile: path, encoding: .utf8), scheme: scheme, now: client.clock.epochSeconds)
        let key = try PrivateKey(pem: String(contentsOfFile: Paths.examples + "/keys/requester-utrecht-shv.pem", encoding: .utf8))
        return Requester(client: client, http: http, scheme: scheme, consent: consent, key: key)
    }

    @Test("A consent presented at an organisation outside its organisations gets no session")
    func replayOutsideConsent() async throws {
        let holder = try TestHolder()
        let requester = try await Self.requester(holder, only: "CJIB")
        _ = try await requester.session(at: "CJIB")
        let failure = await #expect(throws: HolderFailure.self) { _ = try await requester.session(at: "DUO") }
        #expect(failure?.status == .unauthorized)
    }

    @Test("A session granted before the revocation ends with it: the next document request is refused")
    func sessionBeforeRevoke() async throws {
        let holder = try TestHolder()
        let requester = try await Self.requester(holder, only: "CJIB")
        let token = try await requester.session(at: "CJIB")
        #expect(try await requester.claimsStatus(at: "CJIB", token: token) == 200)
        #expect(try holder.bk("consent", "revoke", requester.consent.claims.jti).status == 0)
        #expect(try await requester.claimsStatus(at: "CJIB", token: token) == 401)
    }
}
