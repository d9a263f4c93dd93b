import BlauweKnop
import Testing

/// The saldo statement of PROTOCOL §12.1 as a holder issues it and a citizen's run checks it:
/// signed by the organisation, bound to the app key, saying exactly what the FCID of the same
/// run says; each way a holder (or an attacker in between) could bend it refused.
@Suite("Saldo statement")
struct SaldoStatementTests {
    static let bsn = "999993653"
    static let moment = "2026-11-23T10:00:00+01:00"
    static let now: Int64 = 1_763_888_400  // 2026-11-23T09:00:00Z

    /// An organisation, its key, an app key and the FCID of one zaak: 104,00 imposed, 30,00
    /// paid, 74,00 due on 13 Oct 2026 (overdue on the statement's date).
    struct Fixture {
        let key: PrivateKey
        let appKey: PrivateKey
        let organization: SchemeDocument.Organization
        let document: FinancialClaimsDocument

        init() throws {
            key = try PrivateKey.generate(.p256)
            appKey = try PrivateKey.generate(.p256)
            organization = SchemeDocument.Organization(
                oin: "00000001003214345000", name: "CJIB", shortName: "CJIB", discoveryURL: "https://127.0.0.4/", publicKeys: [key.publicJWK])
            let events = [
                ClaimsFoldTests.imposed("e-1", 10400), ClaimsFoldTests.request("e-2", 10400, due: "2026-10-13"), ClaimsFoldTests.payment("e-3", 3000),
            ]
            document = FinancialClaimsDocument(
                iss: organization.oin, sub: SaldoStatementTests.bsn, aud: try appKey.keyID(), iat: SaldoStatementTests.now,
                exp: SaldoStatementTests.now + 86_400,
                financieleZaken: [FinancieleZaak(zaakkenmerk: ClaimsFoldTests.zaak, omschrijving: "Boete", gebeurtenissen: events)])
        }

        /// An honest issuer of this document's statement, dated `moment`.
        func issuer(moment: String = SaldoStatementTests.moment, lifetime: Int64 = 30 * 86_400) throws -> SaldoStatementIssuer {
            let zaken = try ClaimsFold.fold(document, today: String(moment.prefix(10)))
            let claims = SaldoStatement.Claims(
                iss: organization.oin, iat: SaldoStatementTests.now, exp: SaldoStatementTests.now + lifetime, cnf: .init(jwk: appKey.publicJWK),
                saldoDatumtijd: moment)
            return SaldoStatementIssuer(claims: claims, bsn: SaldoStatementTests.bsn, zaken: zaken, decoys: 2, zaakDecoys: 1)
        }

        func receive(_ compact: String) throws -> SaldoStatement {
            try SaldoStatement.received(
                compact, organization: organization, keys: try TrustedKeys([key.publicJWK]), appKeyThumbprint: try appKey.keyID(),
                bsn: SaldoStatementTests.bsn, document: document, now: SaldoStatementTests.now)
        }

        /// The reason a statement is refused, or nil when it is accepted.
        func refusal(_ compact: String) -> (HolderStatus, String)? {
            do {
                _ = try receive(compact)
                return nil
            } catch let error as HolderFailure {
                return (error.status, error.detail)
            } catch {
                return (.unreachable, "\(error)")
            }
        }
    }

    @Test("An honest statement verifies: BSN, totals and the zaak disclosed, decoys ignored, digests sorted")
    func honest() throws {
        let fixture = try Fixture()
        let issuer = try fixture.issuer()
        let statement = try fixture.receive(try issuer.issue(key: fixture.key))
        #expect(statement.bsn == Self.bsn)
        #expect(statement.totalen == SaldoStatement.Totalen(saldo: 7400, achterstallig: 7400, zaken: 1, volgendeVervaldatum: "2026-10-13"))
        #expect(statement.zaken.map(\.zaakkenmerk) == [ClaimsFoldTests.zaak])
        #expect(statement.claims.iss == fixture.organization.oin && statement.claims.vct == SaldoStatement.credentialType)
        let (payload, disclosures) = try issuer.unsigned()
        guard case .array(let digests)? = payload["_sd"], case .array(let elements)? = payload["zaken"] else {
            Issue.record("no _sd or zaken")
            return
        }
        // bsn, totalen and two decoys; one zaak and one decoy element.
        #expect(digests.count == 4 && elements.count == 2 && disclosures.count == 3)
        #expect(digests == digests.sorted { "\($0)" < "\($1)" })
    }

    @Test("Overdue is decided on the statement's own date, as its holder did")
    func overdueOnStatementDate() throws {
        let fixture = try Fixture()
        // Dated before the due date: nothing overdue, and the client agrees.
        let early = try fixture.issuer(moment: "2026-10-10T10:00:00+02:00")
        let statement = try fixture.receive(try early.issue(key: fixture.key))
        #expect(statement.totalen?.achterstallig == 0)
    }

    @Test("Refused: totals or zaken that differ, another app key or citizen, undisclosed BSN or totals, expired, too long, wrong type or key")
    func refusals() throws {
        let fixture = try Fixture()
        let honest = try fixture.issuer()
        var cases: [(String, String, HolderStatus)] = []

        var totals = honest
        totals.totalen.saldo += 100
        cases.append((try totals.issue(key: fixture.key), "totals differ", .invalidDocument))

        var hidden = honest
        hidden.zaken = []
        cases.append((try hidden.issue(key: fixture.key), "zaken differ", .invalidDocument))

        var otherKey = honest
        otherKey.claims.cnf = .init(jwk: try PrivateKey.generate(.p256).publicJWK)
        cases.append((try otherKey.issue(key: fixture.key), "another app key", .invalidDocument))

        var otherCitizen = honest
        otherCitizen.bsn = "999991024"
        cases.append((try otherCitizen.issue(key: fixture.key), "another citizen", .invalidDocument))

        let full = try honest.issue(key: fixture.key)
        let parts = full.split(separator: "~").map(String.init)
        cases.append((([parts[0]] + parts[2...]).joined(separator: "~") + "~", "BSN is not disclosed", .invalidDocument))
        cases.append((([parts[0], parts[1]] + parts[3...]).joined(separator: "~") + "~", "totals are not disclosed", .invalidDocument))

        var expired = honest
        expired.claims.iat = Self.now - 40 * 86_400
        expired.claims.exp = Self.now - 10 * 86_400
        cases.append((try expired.issue(key: fixture.key), "expired", .invalidDocument))

        cases.append((try fixture.issuer(lifetime: 31 * 86_400).issue(key: fixture.key), "longer than 30 days", .invalidDocument))

        let (payload, disclosures) = try honest.unsigned()
        let asFCID = try JWS.sign(claims: JSONValue.object(payload), type: FinancialClaimsDocument.jwsType, key: fixture.key)
        cases.append((SDJWT(issuerJWT: asFCID, disclosures: disclosures).withoutKeyBinding, "signature", .invalidSignature))
        cases.append((try honest.issue(key: try PrivateKey.generate(.p256)), "signature", .invalidSignature))
        cases.append((full + "x.y.z", "key binding", .invalidDocument))

        for (compact, reason, status) in cases {
            let refusal = fixture.refusal(compact)
            #expect(refusal?.0 == status, "\(reason)")
            #expect(refusal?.1.contains(reason) == true, "\(reason): \(String(describing: refusal?.1))")
        }
    }

    @Test("Refused as an attacker writes it: a claim slipped in as a disclosure, a digest twice, a disclosure named _sd")
    func smuggled() throws {
        let fixture = try Fixture()
        let honest = try fixture.issuer()
        var (payload, disclosures) = try honest.unsigned()
        disclosures.sort { $0.encoded < $1.encoded }  // the order of disclosures means nothing

        // `iss` taken out of the signed claims and given as a disclosure instead.
        var withoutIssuer = payload
        withoutIssuer["iss"] = nil
        let issuer = try SDJWTDisclosure(name: "iss", value: .string(fixture.organization.oin))
        if case .array(let digests)? = withoutIssuer["_sd"] { withoutIssuer["_sd"] = .array(digests + [.string(issuer.digest)]) }
        let slipped = try SaldoStatementIssuer.signed(payload: withoutIssuer, disclosures: disclosures + [issuer], key: fixture.key)
        #expect(fixture.refusal(slipped)?.1.contains("not a saldo statement") == true)

        // A disclosure named `iss` where the payload has one: a name already there.
        var doubled = payload
        if case .array(let digests)? = doubled["_sd"] { doubled["_sd"] = .array(digests + [.string(issuer.digest)]) }
        let twice = try SaldoStatementIssuer.signed(payload: doubled, disclosures: disclosures + [issuer], key: fixture.key)
        #expect(fixture.refusal(twice)?.1.contains("already has") == true)

        if case .array(let digests)? = payload["_sd"], let first = digests.first { payload["_sd"] = .array(digests + [first]) }
        let duplicated = try SaldoStatementIssuer.signed(payload: payload, disclosures: disclosures, key: fixture.key)
        #expect(fixture.refusal(duplicated)?.1.contains("occurs twice") == true)

        let named = Base64URL.encode(Array(#"["c2FsdA","_sd",["x"]]"#.utf8))
        #expect(fixture.refusal(try honest.issue(key: fixture.key) + named + "~")?.1.contains("'_sd'") == true)
    }
}
