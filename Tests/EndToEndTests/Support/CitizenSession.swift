import BlauweKnop
import Foundation
import Testing

/// A citizen logged in with the real bk and holding a session at one organisation, through
/// bk's library: for tests that speak to a holder's endpoints directly.
struct CitizenSession {
    let client: BlauweKnopClient
    let http: HTTPClient
    let registrar: ConsentRegistrar
    let organization: SchemeDocument.Organization
    let discovery: DiscoveryDocument
    let token: String

    /// Logs `bsn` in (state folder `citizen-<bsn>` beside the holder) and opens a session at the
    /// organisation named `name` or with that short name.
    static func open(_ holder: TestHolder, bsn: String, at name: String) async throws -> CitizenSession {
        var environment = holder.bkEnvironment
        environment["BK_STATE_DIR"] = holder.directory + "/citizen-" + bsn
        #expect(try CommandResult.run(Paths.binaries + "/bk", ["login", "--test-bsn", bsn], environment: environment).status == 0)
        let client = try BlauweKnopClient(settings: try ClientSettings.resolve(flags: [:], environment: environment))
        let http = RequesterSessionEndToEndTests.Requester.http(client)
        let registrar = try await client.consentRegistrar(http: http)
        let organization = try #require(registrar.scheme.document.organizations.first { $0.name == name || $0.shortName == name })
        let answer = try await http.send(HTTPRequest(url: organization.discoveryURL, maxResponseBytes: 1 << 16))
        let discovery = try JSONCoding.decode(DiscoveryDocument.self, from: answer.body)
        let token = try await SessionClient(http: http, identity: registrar.identity, clock: client.clock)
            .createSession(organizationOIN: organization.oin, sessionURL: discovery.sessionURL).sessionToken
        return CitizenSession(client: client, http: http, registrar: registrar, organization: organization, discovery: discovery, token: token)
    }
}
