import BlauweKnop
import Testing

/// PROTOCOL §2 and §10.1: the discovery document, with and without Blauwe Knop Plus.
@Suite("Discovery")
struct DiscoveryTests {
    let organization = SchemeDocument.Organization(
        oin: "00000001003214345000", name: "CJIB", shortName: "CJIB", discoveryURL: "https://127.0.0.2/.well-known/bk-configuration", publicKeys: [])

    func document(_ consents: String?) throws -> DiscoveryDocument {
        var text =
            #"{"oin": "00000001003214345000", "profile": "bk-1", "session_url": "https://127.0.0.2/v1/sessions", "financial_claims_url": "https://127.0.0.2/v1/fcid""#
        if let consents { text += #", "consents_url": "\#(consents)""# }
        return try JSONCoding.decode(DiscoveryDocument.self, from: Array((text + "}").utf8))
    }

    @Test("consents_url says whether a holder takes part in Plus; without it the holder still serves the citizen")
    func consents() throws {
        let plus = try document("https://127.0.0.2/v1/consents")
        try plus.check(against: organization)
        #expect(plus.supportsConsents)
        let basic = try document(nil)
        try basic.check(against: organization)
        #expect(!basic.supportsConsents)
    }

    @Test("A consents_url that is not https is refused like any other discovery URL")
    func insecureConsents() throws {
        let insecure = try document("http://127.0.0.2/v1/consents")
        let failure = #expect(throws: HolderFailure.self) { try insecure.check(against: organization) }
        #expect(failure?.status == .invalidDocument)
    }
}
