@testable import BlauweKnop
import Foundation
import Testing

/// Requests about a zaak (PROTOCOL §11) in the library: the legal terms, what a citizen may
/// type, the request's signature and credential, the receipt's bindings and the proof file,
/// each check with an input written as an attacker would write it.
@Suite("Disputes")
struct DisputeTests {
    /// A scheme with two organisations and an App Manager, a citizen's app key with its
    /// credential, and a signed request to the first organisation.
    struct World {
        let now: Int64 = 1_795_000_000
        let operatorKey: PrivateKey
        let holderKeys: [PrivateKey]
        let managerKey: PrivateKey
        let appKey: PrivateKey
        let anchor: TrustAnchor
        let oins = ["00000001003214345000", "00000001822477348000"]
        let managerOIN = "00000001800866472000"

        init() throws {
            operatorKey = try PrivateKey.generate(.p256)
            holderKeys = [try PrivateKey.generate(.p256), try PrivateKey.generate(.ed25519)]
            managerKey = try PrivateKey.generate(.p256)
            appKey = try PrivateKey.generate(.p256)
            anchor = try TrustAnchor(jwkSet: JSONCoding.encode(["keys": [operatorKey.publicJWK]]))
        }

        func schemeJWS(signedBy key: PrivateKey? = nil) throws -> String {
            let document = SchemeDocument(
                iss: "00000001234567890000", environment: "test", version: 1, iat: now - 3600, exp: now + 86_400,
                organizations: zip(oins, holderKeys).enumerated().map { index, pair in
                    .init(
                        oin: pair.0, name: "Organisatie \(index + 1)", shortName: "ORG\(index + 1)", discoveryURL: "https://127.0.0.1/\(index)",
                        publicKeys: [pair.1.publicJWK])
                },
                appManagers: [.init(oin: managerOIN, name: "AM", registrationURL: "https://127.0.0.1/am", publicKeys: [managerKey.publicJWK])])
            return try JWS.sign(payload: JSONCoding.encode(document), type: VerifiedScheme.jwsType, key: key ?? operatorKey)
        }

        func scheme() throws -> VerifiedScheme {
            try VerifiedScheme(compact: schemeJWS(), trustAnchor: anchor, environment: "test", now: now)
        }

        func credential(bsn: String = "999993653") throws -> String {
            let claims = Credential.Claims(
                iss: managerOIN, sub: bsn, cnf: .init(jwk: appKey.publicJWK), environment: "test", iat: now - 600, exp: now + 86_400)
            return try JWS.sign(claims: claims, type: Credential.jwsType, key: managerKey)
        }

        func claims(kind: DisputeKind = .bezwaar, gronden: String = "De auto was toen al verkocht.") throws -> DisputeRequest.Claims {
            DisputeRequest.Claims(
                jti: Consent.newID(), iss: try appKey.keyID(), sub: "999993653", aud: oins[0], iat: now, kind: kind, zaakkenmerk: "CJIB-2026-000123",
                beschikkingsnummer: "B-77812", document: DisputeRequest.digest(of: "a.b.c"), gronden: gronden, gewenst: "De boete vervalt.",
                uitstelGevraagd: kind == .bezwaar ? true : nil,
                indiener: .init(naam: "J. de Vries", adres: .init(straat: "Dorpsstraat", huisnummer: "1a", postcode: "3511 AA", woonplaats: "Utrecht")),
                credential: try credential())
        }

        func receiptClaims(for request: DisputeRequest) -> DisputeReceipt.Claims {
            DisputeReceipt.Claims(
                iss: oins[0], sub: request.claims.sub, aud: request.claims.iss, iat: now + 1, request: request.claims.jti, requestSHA256: request.sha256,
                kind: request.claims.kind, zaakkenmerk: request.claims.zaakkenmerk, ontvangenOp: "2026-11-18T10:00:01+01:00",
                kenmerk: "CJIB-BZW-2026-0042", beslissenVoor: "2027-01-19")
        }
    }

    // MARK: - Terms

    @Test(
        "The objection term ends 42 days after the decision's Amsterdam date, across a change of daylight-saving time",
        arguments: [
            ("2026-10-20T10:00:00+02:00", "2026-12-01"),  // summer time, term ends in winter time
            ("2026-10-24T23:30:00Z", "2026-12-06"),  // 01:30 on 25 October in Amsterdam, the night the clocks go back
            ("2026-03-28T23:30:00Z", "2026-05-10"),  // 00:30 on 29 March, the night the clocks go forward
            ("2026-12-31T12:00:00+01:00", "2027-02-11"),
        ])
    func objectionTerm(decided: String, lastDay: String) {
        #expect(DisputeTerms.objectionDeadline(decidedAt: decided) == lastDay)
        #expect(!DisputeTerms.isLate(decidedAt: decided, today: lastDay), "the last day is still in time")
        #expect(DisputeTerms.isLate(decidedAt: decided, today: DisputeTerms.adding(days: 1, to: lastDay) ?? ""))
    }

    @Test("Decide-by: six weeks after the objection term (or after a late bezwaar), one month for the AVG requests")
    func decideBy() {
        #expect(DisputeTerms.decideBy(kind: .bezwaar, receivedOn: "2026-11-01", decidedAt: "2026-10-20T10:00:00+02:00") == "2027-01-12")
        #expect(DisputeTerms.decideBy(kind: .bezwaar, receivedOn: "2027-03-01", decidedAt: "2026-10-20T10:00:00+02:00") == "2027-04-12")
        #expect(DisputeTerms.decideBy(kind: .correctie, receivedOn: "2027-01-31", decidedAt: nil) == "2027-02-28")
        #expect(DisputeTerms.decideBy(kind: .verwijdering, receivedOn: "2028-01-31", decidedAt: nil) == "2028-02-29")
        #expect(DisputeTerms.decideBy(kind: .correctie, receivedOn: "2026-12-15", decidedAt: nil) == "2027-01-15")
        #expect(DisputeTerms.decideBy(kind: .correctie, receivedOn: "15-12-2026", decidedAt: nil) == nil)
    }

    // MARK: - What a citizen types

    @Test(
        "Texts with control, format or bidi characters, empty or 4001 characters long are refused before anything is signed",
        arguments: ["", String(repeating: "a", count: 4001), "bel mij\u{1B}[2J", "zie \u{202E}gnirts", "nul\u{0}byte", "regel\rterug"])
    func refusedTexts(gronden: String) throws {
        let world = try World()
        #expect(throws: DisputeError.self) { _ = try DisputeRequest.sign(try world.claims(gronden: gronden), appKey: world.appKey) }
    }

    @Test("4000 characters over several lines are accepted")
    func longestText() throws {
        let world = try World()
        let text = String(repeating: "regel\n", count: 666) + "eind"
        #expect(text.count == 4000)
        _ = try DisputeRequest.sign(try world.claims(gronden: text), appKey: world.appKey)
    }

    @Test("A bezwaar needs a name and a postal address; deferral only with a bezwaar")
    func filerRules() throws {
        let world = try World()
        var claims = try world.claims()
        claims.indiener = .init(naam: "J. de Vries", email: "j@example.test")
        let missing = #expect(throws: DisputeError.self) { _ = try DisputeRequest.sign(claims, appKey: world.appKey) }
        #expect(missing?.code == .filerMissing)
        var correction = try world.claims(kind: .correctie)
        correction.indiener = nil
        _ = try DisputeRequest.sign(correction, appKey: world.appKey)
        correction.uitstelGevraagd = true
        #expect(throws: DisputeError.self) { _ = try DisputeRequest.sign(correction, appKey: world.appKey) }
    }

    // MARK: - Request, receipt, proof

    @Test("A signed request verifies against the scheme; another key, another citizen or an edited payload do not")
    func requestSignature() throws {
        let world = try World()
        let scheme = try world.scheme()
        let request = try DisputeRequest.sign(try world.claims(), appKey: world.appKey)
        #expect(try DisputeRequest(compact: request.compact, scheme: scheme).claims == request.claims)

        let stranger = try PrivateKey.generate(.p256)
        var forged = try world.claims()
        forged.iss = try stranger.keyID()
        let byStranger = try JWS.sign(claims: forged, type: DisputeRequest.jwsType, key: stranger)
        #expect(throws: DisputeError.self) { _ = try DisputeRequest(compact: byStranger, scheme: scheme) }

        var otherCitizen = try world.claims()
        otherCitizen.sub = "111222333"
        let other = try JWS.sign(claims: otherCitizen, type: DisputeRequest.jwsType, key: world.appKey)
        #expect(throws: DisputeError.self) { _ = try DisputeRequest(compact: other, scheme: scheme) }

        #expect(throws: DisputeError.self) { _ = try DisputeRequest(compact: Self.editedPayload(request.compact), scheme: scheme) }
    }

    /// The JWS with "verkocht" changed in its payload and the signature left as it was.
    static func editedPayload(_ compact: String) -> String {
        let parts = compact.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let payload = String(decoding: Base64URL.decode(parts[1]) ?? [], as: UTF8.self).replacingOccurrences(of: "verkocht", with: "gestolen")
        return [parts[0], Base64URL.encode(Array(payload.utf8)), parts[2]].joined(separator: ".")
    }

    @Test(
        "A receipt that does not confirm this request from this holder is refused",
        arguments: ["other organisation's key", "other digest", "other citizen", "other app key", "other request", "other zaak", "issuer another holder"])
    func receiptFaults(fault: String) throws {
        let world = try World()
        let scheme = try world.scheme()
        let request = try DisputeRequest.sign(try world.claims(), appKey: world.appKey)
        let keys = try #require(scheme.organizationKeys[world.oins[0]])
        let good = try DisputeReceipt.sign(world.receiptClaims(for: request), key: world.holderKeys[0])
        #expect(try DisputeReceipt(compact: good, holderOIN: world.oins[0], holderKeys: keys, for: request).claims.kenmerk == "CJIB-BZW-2026-0042")
        var claims = world.receiptClaims(for: request)
        var key = world.holderKeys[0]
        switch fault {
        case "other organisation's key": key = world.holderKeys[1]
        case "other digest": claims.requestSHA256 = DisputeRequest.digest(of: request.compact + "x")
        case "other citizen": claims.sub = "111222333"
        case "other app key": claims.aud = "somebody-else"
        case "other request": claims.request = Consent.newID()
        case "other zaak": claims.zaakkenmerk = "CJIB-2026-000999"
        default: claims.iss = world.oins[1]
        }
        let bad = try DisputeReceipt.sign(claims, key: key)
        #expect(throws: DisputeError.self) { _ = try DisputeReceipt(compact: bad, holderOIN: world.oins[0], holderKeys: keys, for: request) }
    }

    @Test("A proof file proves what was filed; a swapped receipt, edited grounds or a scheme the anchor did not sign do not")
    func proofFile() throws {
        let world = try World()
        let request = try DisputeRequest.sign(try world.claims(), appKey: world.appKey)
        let receipt = try DisputeReceipt.sign(world.receiptClaims(for: request), key: world.holderKeys[0])
        func verify(_ proof: DisputeProof) throws -> Result<DisputeProof.Proven, DisputeProof.Failure> {
            DisputeProof.verify(bytes: try JSONCoding.encode(proof), trustAnchor: world.anchor, environment: "test")
        }
        let honest = DisputeProof(scheme: try world.schemeJWS(), request: request.compact, receipt: receipt)
        guard case .success(let proven) = try verify(honest) else { Issue.record("the honest proof fails"); return }
        #expect(proven.holderName == "Organisatie 1" && proven.receipt.claims.beslissenVoor == "2027-01-19")

        let second = try DisputeRequest.sign(try world.claims(kind: .correctie), appKey: world.appKey)
        let secondReceipt = try DisputeReceipt.sign(world.receiptClaims(for: second), key: world.holderKeys[0])
        guard case .failure(.differs) = try verify(DisputeProof(scheme: honest.scheme, request: request.compact, receipt: secondReceipt)) else {
            Issue.record("a receipt of another request was accepted")
            return
        }
        guard case .failure(.differs) = try verify(DisputeProof(scheme: honest.scheme, request: Self.editedPayload(request.compact), receipt: receipt))
        else {
            Issue.record("edited grounds were accepted")
            return
        }
        let foreign = try world.schemeJWS(signedBy: try PrivateKey.generate(.p256))
        guard case .failure(.untrustedScheme) = try verify(DisputeProof(scheme: foreign, request: request.compact, receipt: receipt)) else {
            Issue.record("a scheme the anchor did not sign was accepted")
            return
        }
        guard case .failure(.unreadable) = DisputeProof.verify(bytes: Array("{}".utf8), trustAnchor: world.anchor, environment: "test") else {
            Issue.record("an empty object was read as a proof")
            return
        }
    }
}
