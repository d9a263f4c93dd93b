import BlauweKnop
import Foundation
import Testing

/// PROTOCOL §10.1: requesters in the scheme follow the §1 rules, written as an operator's
/// mistake or an attacker's edit would write them.
@Suite("Scheme requesters")
struct SchemeRequesterTests {
    let operatorKey: PrivateKey
    let anchor: TrustAnchor
    let organizationKey: PrivateKey
    let requesterKey: PrivateKey

    init() throws {
        operatorKey = try PrivateKey.generate(.p256)
        anchor = try TrustAnchor(jwkSet: JSONCoding.encode(["keys": [operatorKey.publicJWK]]))
        organizationKey = try PrivateKey.generate(.ed25519)
        requesterKey = try PrivateKey.generate(.p256)
    }

    var requester: SchemeDocument.Requester {
        .init(
            oin: "00000001001234567000", name: "Gemeente Utrecht — Schuldhulpverlening", shortName: "Utrecht SHV",
            purposes: ["schuldhulpverlening"], maxConsentDays: 180, publicKeys: [requesterKey.publicJWK])
    }

    func scheme(_ requesters: [SchemeDocument.Requester]?) -> SchemeDocument {
        SchemeDocument(
            iss: "00000001234567890000", environment: "test", version: 3, iat: 1_000, exp: 100_000,
            organizations: [
                .init(
                    oin: "00000001003214345000", name: "CJIB", shortName: "CJIB", discoveryURL: "https://127.0.0.2/.well-known/bk-configuration",
                    publicKeys: [organizationKey.publicJWK])
            ],
            appManagers: [
                .init(oin: "00000001800866472000", name: "AM", registrationURL: "https://127.0.0.1/v1/registrations", publicKeys: [organizationKey.publicJWK])
            ],
            requesters: requesters)
    }

    func verify(_ document: SchemeDocument) throws -> VerifiedScheme {
        let compact = try JWS.sign(payload: JSONCoding.encode(document), type: VerifiedScheme.jwsType, key: operatorKey)
        return try VerifiedScheme(compact: compact, trustAnchor: anchor, environment: "test", now: 2_000)
    }

    @Test("A scheme with a requester verifies and gives its keys; one without requesters has none")
    func accepted() throws {
        let verified = try verify(scheme([requester]))
        #expect(verified.requesterKeys["00000001001234567000"] != nil)
        #expect(verified.document.requesters?.first?.purposes == ["schuldhulpverlening"])
        #expect(try verify(scheme(nil)).requesterKeys.isEmpty)
        let encoded = String(decoding: try JSONCoding.encode(scheme(nil)), as: UTF8.self)
        #expect(!encoded.contains("requesters"), "absent, not null, when there are none")
    }

    @Test(
        "Each broken requester rejects the whole scheme",
        arguments: [
            "bad OIN", "OIN of an organisation", "OIN twice", "no keys", "key of an organisation", "no purposes",
            "purpose with capitals", "purpose twice", "0 days", "367 days",
        ])
    func rejected(edit: String) throws {
        var broken = requester
        var others: [SchemeDocument.Requester] = []
        switch edit {
        case "bad OIN": broken.oin = "1234"
        case "OIN of an organisation": broken.oin = "00000001003214345000"
        case "OIN twice": others = [requester]
        case "no keys": broken.publicKeys = []
        case "key of an organisation": broken.publicKeys = [organizationKey.publicJWK]
        case "no purposes": broken.purposes = []
        case "purpose with capitals": broken.purposes = ["Schuldhulp"]
        case "purpose twice": broken.purposes = ["schuldhulpverlening", "schuldhulpverlening"]
        case "0 days": broken.maxConsentDays = 0
        default: broken.maxConsentDays = 367
        }
        if edit == "OIN twice" { broken.publicKeys = [try PrivateKey.generate(.p256).publicJWK] }
        let error = #expect(throws: SchemeError.self) { try verify(scheme(others + [broken])) }
        #expect(error?.code == .invalidContent, "\(edit)")
    }
}
