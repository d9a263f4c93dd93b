import BlauweKnop
import Testing

/// The event fold of PROTOCOL §5: derived totals, due dates, overdue amounts, warnings.
@Suite("Claims fold")
struct ClaimsFoldTests {
    static let zaak = "Z-1"
    static let time = "2026-09-01T09:00:00+02:00"

    static func imposed(_ id: String, _ amount: Int?) -> Gebeurtenis {
        Gebeurtenis(
            gebeurtenisType: "FinancieleVerplichtingOpgelegd", gebeurtenisKenmerk: id, datumtijdGebeurtenis: time, zaakkenmerk: zaak,
            datumtijdOpgelegd: time, beschikkingsnummer: "B-1", primaireVerplichting: true, type: "org_boete", bedrag: amount, omschrijving: "Boete")
    }

    static func request(_ id: String, _ amount: Int, due: String) -> Gebeurtenis {
        Gebeurtenis(
            gebeurtenisType: "BetalingsverplichtingOpgelegd", gebeurtenisKenmerk: id, datumtijdGebeurtenis: time, zaakkenmerk: zaak, type: "Aanschrijving",
            bedrag: amount, betalingskenmerk: "K-\(id)", vervaldatum: due)
    }

    static func payment(_ id: String, _ amount: Int) -> Gebeurtenis {
        Gebeurtenis(
            gebeurtenisType: "BetalingVerwerkt", gebeurtenisKenmerk: id, datumtijdGebeurtenis: time, zaakkenmerk: zaak, bedrag: amount,
            betalingskenmerk: "K", datumtijdVerwerkt: time)
    }

    static func fold(_ events: [Gebeurtenis], stated: (Int?, Int?, Int?) = (nil, nil, nil), today: String = "2026-11-23") throws -> FoldedZaak {
        try ClaimsFold.fold(
            FinancieleZaak(
                zaakkenmerk: zaak, omschrijving: "test", totaalFinancieelVerplicht: stated.0, totaalFinancieelVereffend: stated.1, saldo: stated.2,
                gebeurtenissen: events),
            today: today)
    }

    @Test("The PROTOCOL example: 104,00 imposed, 30,00 paid, 74,00 overdue")
    func protocolExample() throws {
        let folded = try Self.fold([
            Self.imposed("e-1", 9500), Self.imposed("e-2", 900), Self.request("e-3", 10400, due: "2026-10-13"), Self.payment("e-4", 3000),
        ])
        #expect(folded.verplicht == 10400)
        #expect(folded.vereffend == 3000)
        #expect(folded.saldo == 7400)
        #expect(folded.achterstallig == 7400)
        #expect(folded.volgendeVervaldatum == "2026-10-13")
        #expect(folded.openBetalingsverplichtingen.map(\.openstaand) == [7400])
        #expect(folded.warnings.isEmpty)
    }

    @Test("Before the due date nothing is overdue")
    func notYetDue() throws {
        let folded = try Self.fold([Self.imposed("e-1", 5000), Self.request("e-2", 5000, due: "2026-12-01")])
        #expect(folded.achterstallig == 0)
        #expect(folded.volgendeVervaldatum == "2026-12-01")
        #expect(folded.openBetalingsverplichtingen.first?.achterstallig == false)
    }

    @Test("Payments settle the earliest requests first; paid requests are not open")
    func paymentsSettleInDueOrder() throws {
        let folded = try Self.fold([
            Self.imposed("e-1", 30000), Self.request("e-2", 10000, due: "2026-09-30"), Self.request("e-3", 10000, due: "2026-10-31"),
            Self.request("e-4", 10000, due: "2027-01-31"), Self.payment("e-5", 10000),
        ])
        #expect(folded.saldo == 20000)
        #expect(folded.achterstallig == 10000)
        #expect(folded.volgendeVervaldatum == "2026-10-31")
        #expect(folded.openBetalingsverplichtingen.map(\.gebeurtenisKenmerk) == ["e-3", "e-4"])
    }

    @Test("Waivers lower the obligation; withdrawn requests are not open")
    func waiverAndWithdrawal() throws {
        let waived = Gebeurtenis(
            gebeurtenisType: "FinancieleVerplichtingKwijtgescholden", gebeurtenisKenmerk: "e-3", datumtijdGebeurtenis: Self.time, zaakkenmerk: Self.zaak,
            bedrag: 2000, omschrijving: "Kwijtschelding")
        let withdrawn = Gebeurtenis(
            gebeurtenisType: "BetalingsverplichtingIngetrokken", gebeurtenisKenmerk: "e-4", datumtijdGebeurtenis: Self.time, zaakkenmerk: Self.zaak,
            ingetrokkenGebeurtenisKenmerk: "e-2")
        let folded = try Self.fold([Self.imposed("e-1", 10000), Self.request("e-2", 10000, due: "2026-01-01"), waived, withdrawn])
        #expect(folded.verplicht == 8000)
        #expect(folded.achterstallig == 0)
        #expect(folded.openBetalingsverplichtingen.isEmpty)
        #expect(folded.volgendeVervaldatum == nil)
    }

    @Test("Overpayment gives a negative saldo and nothing overdue")
    func overpayment() throws {
        let folded = try Self.fold([Self.imposed("e-1", 1000), Self.request("e-2", 1000, due: "2026-01-01"), Self.payment("e-3", 1500)])
        #expect(folded.saldo == -500)
        #expect(folded.achterstallig == 0)
        #expect(folded.volgendeVervaldatum == nil)
    }

    @Test("Stated totals that disagree are warnings; the derived figures win")
    func statedTotalsMismatch() throws {
        let folded = try Self.fold([Self.imposed("e-1", 1000)], stated: (1200, 0, 1200))
        #expect(folded.verplicht == 1000)
        #expect(folded.warnings.count == 2)
    }

    @Test("Unknown event types are kept out of the totals, with a warning")
    func unknownEvent() throws {
        let unknown = Gebeurtenis(
            gebeurtenisType: "RenteBijgeschreven", gebeurtenisKenmerk: "e-2", datumtijdGebeurtenis: Self.time, zaakkenmerk: Self.zaak, bedrag: 99)
        let folded = try Self.fold([Self.imposed("e-1", 1000), unknown])
        #expect(folded.verplicht == 1000)
        #expect(folded.warnings.count == 1)
    }

    @Test("Malformed events reject the document", arguments: [0, -5])
    func nonPositiveAmount(amount: Int) {
        #expect(throws: ClaimsError.self) { try Self.fold([Self.imposed("e-1", amount)]) }
    }

    @Test("A duplicate event id rejects the document")
    func duplicateEvent() {
        let document = FinancialClaimsDocument(
            iss: "00000001003214345000", sub: "999993653", aud: "x", iat: 0, exp: 1,
            financieleZaken: [FinancieleZaak(zaakkenmerk: Self.zaak, omschrijving: nil, gebeurtenissen: [Self.imposed("e-1", 1), Self.imposed("e-1", 2)])])
        #expect(throws: ClaimsError.self) { try ClaimsFold.fold(document, today: "2026-11-23") }
    }

    @Test("A withdrawal of an unknown request, or an event of another zaak, rejects the document")
    func danglingReferences() {
        let withdrawn = Gebeurtenis(
            gebeurtenisType: "BetalingsverplichtingIngetrokken", gebeurtenisKenmerk: "e-2", datumtijdGebeurtenis: Self.time, zaakkenmerk: Self.zaak,
            ingetrokkenGebeurtenisKenmerk: "nope")
        #expect(throws: ClaimsError.self) { try Self.fold([Self.imposed("e-1", 1), withdrawn]) }
        var foreign = Self.imposed("e-3", 1)
        foreign.zaakkenmerk = "Z-2"
        #expect(throws: ClaimsError.self) { try Self.fold([foreign]) }
    }

    @Test("Requests about a zaak (PROTOCOL §11.3): none is an empty list, they are kept oldest first, a malformed one or a repeated id is refused")
    func requests() throws {
        var zaak = FinancieleZaak(zaakkenmerk: Self.zaak, omschrijving: nil, gebeurtenissen: [Self.imposed("e-1", 100)])
        let without = try ClaimsFold.fold(zaak, today: "2026-11-23")
        #expect(without.verzoeken == [] && without.datumtijdOpgelegd == Self.time)
        let later = Verzoek(request: "r-2", kind: "correctie", kenmerk: "K-2", ontvangenOp: "2026-12-03T09:00:00Z", status: "ontvangen")
        // Earlier in time though later as text: 10:30+02:00 is 08:30Z.
        let earlier = Verzoek(request: "r-1", kind: "iets_nieuws", kenmerk: "K-1", ontvangenOp: "2026-12-03T10:30:00+02:00", status: "nog_niet_bekend")
        zaak.verzoeken = [later, earlier]
        #expect(try ClaimsFold.fold(zaak, today: "2026-11-23").verzoeken == [earlier, later], "an unknown kind or status is kept, not refused")
        for broken in [
            Verzoek(request: "", kind: "bezwaar", kenmerk: "K", ontvangenOp: "2026-12-03T09:00:00Z", status: "ontvangen"),
            Verzoek(request: "r-3", kind: "bezwaar", kenmerk: "", ontvangenOp: "2026-12-03T09:00:00Z", status: "ontvangen"),
            Verzoek(request: "r-3", kind: "bezwaar", kenmerk: "K", ontvangenOp: "3 december", status: "ontvangen"),
            Verzoek(request: "r-1", kind: "bezwaar", kenmerk: "K", ontvangenOp: "2026-12-03T09:00:00Z", status: "ontvangen"),
        ] {
            zaak.verzoeken = [earlier, broken]
            #expect(throws: ClaimsError.self, "\(broken)") { try ClaimsFold.fold(zaak, today: "2026-11-23") }
        }
    }
}
