import BlauweKnop
import Foundation
import Testing

/// A share file bent as an attacker would bend it — the recipient, a man in the middle, or the
/// citizen with their own app key wanting to show more than was signed — and `bk verify`
/// refusing each with its reason: exit 4, or 2 for a scheme the trust anchor did not sign.
@Suite("bk verify of a bent share file, end to end")
struct ShareAttackEndToEndTests {
    /// A holder with statements kept, a share of CJIB's and DUO's totals, and the keys an
    /// attacker may hold: the citizen's app key, and for forged statements CJIB's own key.
    struct Fixture {
        let holder: TestHolder
        let file: ShareFile
        let appKey: PrivateKey
        let cjibKey: PrivateKey

        init() throws {
            holder = try ShareEndToEndTests.holderWithStatements()
            let path = try ShareEndToEndTests.share(holder, ["--to", ShareEndToEndTests.requester, "--only", "CJIB,DUO", "--nonce", "n-1"])
            file = try JSONCoding.decode(ShareFile.self, from: Array(try String(contentsOfFile: path, encoding: .utf8).utf8))
            appKey = try PrivateKey(pem: try String(contentsOfFile: holder.stateDirectory + "/app-key.pem", encoding: .utf8))
            cjibKey = try PrivateKey(pem: try String(contentsOfFile: Paths.examples + "/keys/cjib.pem", encoding: .utf8))
        }

        var cjib: SDJWT { get throws { try SDJWT(compact: file.presentations[0]) } }
        var duo: SDJWT { get throws { try SDJWT(compact: file.presentations[1]) } }

        /// The verdict and problem of `bk verify` on this file with its presentations replaced.
        func verify(_ presentations: [String], scheme: String? = nil, _ extra: [String] = []) throws -> (status: Int32, problem: String, report: [String: Any])
        {
            let path = holder.directory + "/bent-\(UUID().uuidString).json"
            let bent = ShareFile(scheme: scheme ?? file.scheme, presentations: presentations)
            try Data(try JSONCoding.encoder().encode(bent)).write(to: URL(fileURLWithPath: path))
            let (result, report) = try ShareEndToEndTests.verify(holder, path, ["--aud", ShareEndToEndTests.requester] + extra)
            return (result.status, report["problem"] as? String ?? "", report)
        }

        /// The citizen's own presentation of `sdJWT` (a key binding signed with the app key).
        func presented(_ sdJWT: SDJWT) throws -> String {
            try SDJWT(issuerJWT: sdJWT.issuerJWT, disclosures: sdJWT.disclosures)
                .presentation(
                    disclosing: { _ in true }, key: appKey, audience: ShareEndToEndTests.requester, nonce: "n-1", now: Int64(Date().timeIntervalSince1970)
                )
                .compact
        }

        /// A statement signed with `key` as CJIB's, bent by `bend` before signing, presented by the citizen.
        func forged(
            key: PrivateKey? = nil, iss: String = ShareEndToEndTests.cjib, iat: Int64? = nil, extra: [String] = [],
            bend: (inout [String: JSONValue]) -> Void = { _ in }
        ) throws -> String {
            let now = iat ?? Int64(Date().timeIntervalSince1970)
            let claims = SaldoStatement.Claims(
                iss: iss, iat: now, exp: now + 86_400 * 20, cnf: .init(jwk: appKey.publicJWK),
                saldoDatumtijd: Timestamps.rfc3339(Date(timeIntervalSince1970: TimeInterval(now))))
            var (payload, disclosures) = try SaldoStatementIssuer(claims: claims, bsn: ExpectedFigures.richCitizen, zaken: []).unsigned()
            disclosures = disclosures.filter { $0.name == "totalen" }
            bend(&payload)
            var compact = try SaldoStatementIssuer.signed(payload: payload, disclosures: disclosures, key: key ?? cjibKey)
            // Hand-written disclosures go in as text (bk's own refuse such names), and the key
            // binding covers them as text, as RFC 9901 defines sd_hash.
            for disclosure in extra { compact += disclosure + "~" }
            let binding = SDJWT.KeyBindingClaims(
                iat: Int64(Date().timeIntervalSince1970), aud: ShareEndToEndTests.requester, nonce: "n-1",
                sdHash: Base64URL.encode(Digest.sha256(Array(compact.utf8))))
            return compact + (try JWS.sign(claims: binding, type: SDJWT.keyBindingType, key: appKey))
        }
    }

    @Test("The honest file verifies (the baseline every attack below departs from)")
    func baseline() throws {
        let fixture = try Fixture()
        #expect(try fixture.verify(fixture.file.presentations).status == 0)
    }

    @Test("A disclosure added from another statement: exit 4, even with the key binding signed again")
    func disclosureFromAnotherStatement() throws {
        let fixture = try Fixture()
        let cjib = try fixture.cjib
        let borrowed = try #require(try fixture.duo.disclosures.first { $0.name == "totalen" })
        let bent = SDJWT(issuerJWT: cjib.issuerJWT, disclosures: cjib.disclosures + [borrowed], keyBinding: cjib.keyBinding).compact
        let outcome = try fixture.verify([bent, fixture.file.presentations[1]])
        #expect(outcome.status == 4 && outcome.problem.contains("does not occur in the signed payload"), "\(outcome.problem)")
        let resigned = try fixture.presented(SDJWT(issuerJWT: cjib.issuerJWT, disclosures: cjib.disclosures + [borrowed]))
        #expect(try fixture.verify([resigned]).status == 4)
    }

    @Test("A disclosure removed: exit 4 under the key binding; signed again by the citizen, the claim is simply not there")
    func disclosureRemoved() throws {
        let fixture = try Fixture()
        let cjib = try fixture.cjib
        let without = SDJWT(issuerJWT: cjib.issuerJWT, disclosures: [], keyBinding: cjib.keyBinding).compact
        let outcome = try fixture.verify([without])
        #expect(outcome.status == 4 && outcome.problem.contains("covers another presentation"), "\(outcome.problem)")
        let resigned = try fixture.verify([try fixture.presented(SDJWT(issuerJWT: cjib.issuerJWT, disclosures: []))])
        #expect(resigned.status == 0)
        let shown = try #require(ShareEndToEndTests.organizations(resigned.report).first)
        #expect(shown["totalen"] == nil && shown["bsn"] == nil, "an undisclosed digest asserts nothing: \(shown)")
    }

    @Test("Signed by CJIB's own key yet ambiguous: a digest twice, a disclosure named _sd or ...: exit 4")
    func ambiguousStatements() throws {
        let fixture = try Fixture()
        let twice = try fixture.forged { payload in
            if case .array(let digests)? = payload["_sd"], let first = digests.first { payload["_sd"] = .array(digests + [first]) }
        }
        let outcome = try fixture.verify([twice])
        #expect(outcome.status == 4 && outcome.problem.contains("occurs twice"), "\(outcome.problem)")
        for name in ["_sd", "..."] {
            let disclosure = Base64URL.encode(Array(#"["c2FsdHNhbHRzYWx0","\#(name)",["x"]]"#.utf8))
            let smuggled = try fixture.forged(extra: [disclosure]) { payload in
                if case .array(let digests)? = payload["_sd"] {
                    payload["_sd"] = .array(digests + [.string(Base64URL.encode(Digest.sha256(Array(disclosure.utf8))))])
                }
            }
            let result = try fixture.verify([smuggled])
            #expect(result.status == 4 && result.problem.contains("names '\(name)'"), "\(name): \(result.problem)")
        }
    }

    @Test("No key binding, or one for another recipient or nonce: exit 4")
    func keyBinding() throws {
        let fixture = try Fixture()
        let cjib = try fixture.cjib
        let unbound = try fixture.verify([cjib.withoutKeyBinding])
        #expect(unbound.status == 4 && unbound.problem.contains("no key binding"), "\(unbound.problem)")
        let otherRecipient = try fixture.verify(fixture.file.presentations, ["--aud", "00000001009999999000"])
        #expect(otherRecipient.status == 4 && otherRecipient.problem.contains("another recipient"), "\(otherRecipient.problem)")
        let otherNonce = try fixture.verify(fixture.file.presentations, ["--nonce", "n-2"])
        #expect(otherNonce.status == 4 && otherNonce.problem.contains("another nonce"), "\(otherNonce.problem)")
    }

    @Test("Two presentations bound to different app keys (two logins) in one file: exit 4")
    func twoAppKeys() throws {
        let fixture = try Fixture()
        var environment = fixture.holder.bkEnvironment
        environment["BK_STATE_DIR"] = fixture.holder.directory + "/second-state"
        let bk = Paths.binaries + "/bk"
        #expect(try CommandResult.run(bk, ["login", "--test-bsn", ExpectedFigures.richCitizen], environment: environment).status == 0)
        #expect(try CommandResult.run(bk, ["overview"], environment: environment).status == 0)
        let second = fixture.holder.directory + "/second.json"
        let shared = try CommandResult.run(
            bk, ["share", "--yes", "--to", ShareEndToEndTests.requester, "--only", "DUO", "--nonce", "n-1", "-o", second], environment: environment)
        #expect(shared.status == 0, "\(shared.standardError)")
        let other = try JSONCoding.decode(ShareFile.self, from: Array(try String(contentsOfFile: second, encoding: .utf8).utf8))
        let outcome = try fixture.verify([fixture.file.presentations[0]] + other.presentations)
        #expect(outcome.status == 4 && outcome.problem.contains("different app keys"), "\(outcome.problem)")
    }

    @Test("An issuer key the scheme does not list, or an issuer it does not list: exit 4; a scheme the trust anchor did not sign: exit 2")
    func untrusted() throws {
        let fixture = try Fixture()
        let foreignKey = try fixture.verify([try fixture.forged(key: try PrivateKey.generate(.p256))])
        #expect(foreignKey.status == 4 && foreignKey.problem.contains("does not verify"), "\(foreignKey.problem)")
        let foreignIssuer = try fixture.verify([try fixture.forged(iss: "00000001009999999000")])
        #expect(foreignIssuer.status == 4 && foreignIssuer.problem.contains("does not list"), "\(foreignIssuer.problem)")

        let payload = try #require(try JWS(compact: fixture.file.scheme).payload as [UInt8]?)
        let selfSigned = try JWS.sign(payload: payload, type: "bk-scheme+jws", key: try PrivateKey.generate(.p256))
        let scheme = try fixture.verify(fixture.file.presentations, scheme: selfSigned)
        #expect(scheme.status == 2 && (scheme.report["verdict"] as? String) == "untrusted_scheme")
    }

    @Test("A statement older than --max-age is valid but stale: exit 3")
    func tooOld() throws {
        let fixture = try Fixture()
        let old = try fixture.forged(iat: Int64(Date().timeIntervalSince1970) - 3 * 86_400)
        #expect(try fixture.verify([old]).status == 0)
        let outcome = try fixture.verify([old], ["--max-age", "2d"])
        #expect(outcome.status == 3 && (outcome.report["verdict"] as? String) == "too_old")
    }
}
