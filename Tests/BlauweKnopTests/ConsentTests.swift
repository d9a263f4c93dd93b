import BlauweKnop
import Foundation
import Testing

/// PROTOCOL §10.2: every rule of a consent, each tried with the consent an attacker or a
/// careless client would write.
@Suite("Consent")
struct ConsentTests {
    static let now: Int64 = 1_800_000_000
    static let day: Int64 = 86_400
    static let cjib = "00000001003214345000"
    static let requesterOIN = "00000001001234567000"

    let operatorKey: PrivateKey
    let managerKey: PrivateKey
    let appKey: PrivateKey
    let scheme: VerifiedScheme

    init() throws {
        operatorKey = try PrivateKey.generate(.p256)
        managerKey = try PrivateKey.generate(.ed25519)
        appKey = try PrivateKey.generate(.p256)
        scheme = try Self.scheme(operatorKey: operatorKey, managerKey: managerKey, requesters: true)
    }

    static func scheme(operatorKey: PrivateKey, managerKey: PrivateKey, requesters: Bool) throws -> VerifiedScheme {
        let organizationKey = try PrivateKey.generate(.ed25519)
        let document = SchemeDocument(
            iss: "00000001234567890000", environment: "test", version: 3, iat: now - day, exp: now + 7 * day,
            organizations: [
                .init(
                    oin: cjib, name: "CJIB", shortName: "CJIB", discoveryURL: "https://127.0.0.2/.well-known/bk-configuration",
                    publicKeys: [organizationKey.publicJWK])
            ],
            appManagers: [
                .init(oin: "00000001800866472000", name: "AM", registrationURL: "https://127.0.0.1/v1/registrations", publicKeys: [managerKey.publicJWK])
            ],
            requesters: requesters
                ? [
                    .init(
                        oin: requesterOIN, name: "Gemeente Utrecht — Schuldhulpverlening", shortName: "Utrecht SHV", purposes: ["schuldhulpverlening"],
                        maxConsentDays: 180, publicKeys: [try PrivateKey.generate(.p256).publicJWK])
                ]
                : nil)
        let anchor = try TrustAnchor(jwkSet: JSONCoding.encode(["keys": [operatorKey.publicJWK]]))
        let compact = try JWS.sign(payload: JSONCoding.encode(document), type: VerifiedScheme.jwsType, key: operatorKey)
        return try VerifiedScheme(compact: compact, trustAnchor: anchor, environment: "test", now: now)
    }

    func credential(sub: String = "999993653", iat: Int64 = now - 3600, exp: Int64 = now + 29 * day, key: PrivateKey? = nil) throws -> String {
        let claims = Credential.Claims(
            iss: "00000001800866472000", sub: sub, cnf: .init(jwk: (key ?? appKey).publicJWK), environment: "test", iat: iat, exp: exp)
        return try JWS.sign(payload: JSONCoding.encode(claims), type: Credential.jwsType, key: managerKey)
    }

    func claims() throws -> Consent.Claims {
        Consent.Claims(
            jti: Consent.newID(), iss: try appKey.publicJWK.thumbprint(), sub: "999993653", aud: Self.requesterOIN, purpose: "schuldhulpverlening",
            organizations: [Self.cjib], detail: .full, iat: Self.now, exp: Self.now + 180 * Self.day, credential: try credential())
    }

    @Test("A consent as bk grants it verifies, in both details")
    func accepted() throws {
        for detail in Consent.Detail.allCases {
            var claims = try claims()
            claims.detail = detail
            let consent = try Consent(compact: Consent.sign(claims, appKey: appKey), scheme: scheme, now: Self.now + 60)
            #expect(consent.claims == claims)
            #expect(consent.requester.oin == Self.requesterOIN)
        }
    }

    @Test("Consent ids are 16 random bytes in base64url and never start with '-'")
    func identifiers() {
        let ids = (0..<2000).map { _ in Consent.newID() }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count == 22 && $0.first != "-" && Base64URL.decode($0)?.count == 16 })
    }

    @Test(
        "Each broken consent is refused with its reason",
        arguments: [
            ("expired", "expired"), ("another BSN than the credential", "badSignature"), ("credential not valid at iat", "badSignature"),
            ("purpose not registered", "notAllowed"), ("181 days", "notAllowed"), ("organisation outside the scheme", "notAllowed"),
            ("organisation twice", "notAllowed"), ("no organisations", "notAllowed"), ("unknown requester", "notAllowed"),
            ("signed by another key", "badSignature"), ("credential of another key", "badSignature"), ("short id", "malformed"),
            ("issued in the future", "malformed"), ("wrong type", "malformed"), ("detail everything", "malformed"),
            ("requester removed from the scheme", "notAllowed"),
        ])
    func rejected(edit: String, code: String) throws {
        var claims = try claims()
        var signer = appKey
        var type = Consent.jwsType
        var scheme = self.scheme
        var at = Self.now + 60
        switch edit {
        case "expired": at = claims.exp + 1
        case "another BSN than the credential": claims.sub = "999991012"
        case "credential not valid at iat": claims.credential = try credential(iat: Self.now - 40 * Self.day, exp: Self.now - 20 * Self.day)
        case "purpose not registered": claims.purpose = "incasso"
        case "181 days": claims.exp = claims.iat + 181 * Self.day
        case "organisation outside the scheme": claims.organizations = [Self.cjib, "00000001999999999000"]
        case "organisation twice": claims.organizations = [Self.cjib, Self.cjib]
        case "no organisations": claims.organizations = []
        case "unknown requester": claims.aud = "00000001001234568000"
        case "signed by another key": signer = try PrivateKey.generate(.p256)
        case "credential of another key":
            let other = try PrivateKey.generate(.p256)
            claims.credential = try credential(key: other)
        case "short id": claims.jti = "abc"
        case "issued in the future": at = Self.now - 3600
        case "wrong type": type = "bk-session-proof+jws"
        case "requester removed from the scheme": scheme = try Self.scheme(operatorKey: operatorKey, managerKey: managerKey, requesters: false)
        default: break
        }
        var compact = try JWS.sign(payload: JSONCoding.encode(claims), type: type, key: signer)
        if edit == "detail everything" {
            let payload = String(decoding: try JSONCoding.encode(claims), as: UTF8.self).replacingOccurrences(
                of: #""detail":"full""#, with: #""detail":"everything""#)
            compact = try JWS.sign(payload: Array(payload.utf8), type: type, key: signer)
        }
        let error = #expect(throws: ConsentError.self, "\(edit)") { try Consent(compact: compact, scheme: scheme, now: at) }
        #expect(error?.code.description == code, "\(edit): \(error?.detail ?? "")")
    }
}
