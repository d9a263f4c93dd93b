/// Checks the events of an FCID document and derives every figure from them (PROTOCOL §5).
///
/// Events are the facts; stated totals are only compared. Payment requests are settled by
/// payments in due-date order, so a request counts as open for what payments have not yet
/// covered, and `achterstallig` is the open part of past-due requests, never more than saldo.
public enum ClaimsFold {
    static let paymentRequestTypes: Set<String> = ["Aanschrijving", "Herinnering", "Aanmaning"]

    /// Folds every zaak of a document; throws on the first structural problem.
    /// - Parameter today: the calendar date (`YYYY-MM-DD`) that decides what is overdue.
    public static func fold(_ document: FinancialClaimsDocument, today: String) throws(ClaimsError) -> [FoldedZaak] {
        var seenEvents = Set<String>()
        var seenZaken = Set<String>()
        var folded: [FoldedZaak] = []
        for zaak in document.financieleZaken {
            guard !zaak.zaakkenmerk.isEmpty else { throw ClaimsError("a zaak has an empty zaakkenmerk") }
            guard seenZaken.insert(zaak.zaakkenmerk).inserted else { throw ClaimsError("zaak \(zaak.zaakkenmerk) appears twice") }
            for event in zaak.gebeurtenissen {
                guard seenEvents.insert(event.gebeurtenisKenmerk).inserted else {
                    throw ClaimsError("event \(event.gebeurtenisKenmerk) appears twice in the document")
                }
            }
            folded.append(try fold(zaak, today: today))
        }
        for figure in [\FoldedZaak.verplicht, \.vereffend, \.saldo, \.achterstallig] where CheckedSum.exact(folded.map { $0[keyPath: figure] }) == nil {
            throw ClaimsError("the document's amounts add up to more than can be counted")
        }
        return folded
    }

    /// Folds one zaak.
    public static func fold(_ zaak: FinancieleZaak, today: String) throws(ClaimsError) -> FoldedZaak {
        var verplicht = 0
        var vereffend = 0
        var requests: [Gebeurtenis] = []
        var withdrawn = Set<String>()
        var warnings: [String] = []
        for event in zaak.gebeurtenissen {
            try checkCommon(event, zaak: zaak.zaakkenmerk)
            guard let type = GebeurtenisType(rawValue: event.gebeurtenisType) else {
                warnings.append("onbekend gebeurtenistype '\(event.gebeurtenisType)' (\(event.gebeurtenisKenmerk)) bewaard als bewijs, niet meegeteld")
                continue
            }
            switch type {
            case .financieleVerplichtingOpgelegd:
                let amount = try positiveAmount(event)
                try require(event.datumtijdOpgelegd.map(Timestamps.parseRFC3339) != nil, event, "datumtijd_opgelegd")
                try require(event.beschikkingsnummer != nil, event, "beschikkingsnummer")
                try require(event.primaireVerplichting != nil, event, "primaire_verplichting")
                try require(event.omschrijving != nil, event, "omschrijving")
                guard let kind = event.type, !kind.isEmpty, kind.utf8.allSatisfy(isTypeCharacter) else {
                    throw ClaimsError("event \(event.gebeurtenisKenmerk) has a missing or malformed 'type'")
                }
                verplicht = try add(verplicht, amount)
            case .financieleVerplichtingKwijtgescholden:
                verplicht = try add(verplicht, -(try positiveAmount(event)))
            case .betalingsverplichtingOpgelegd:
                _ = try positiveAmount(event)
                try require(event.betalingskenmerk != nil, event, "betalingskenmerk")
                try require(event.vervaldatum.map(Timestamps.isCalendarDate) == true, event, "vervaldatum")
                guard let kind = event.type, paymentRequestTypes.contains(kind) else {
                    throw ClaimsError("event \(event.gebeurtenisKenmerk) has a payment request type other than Aanschrijving, Herinnering or Aanmaning")
                }
                requests.append(event)
            case .betalingsverplichtingIngetrokken:
                guard let target = event.ingetrokkenGebeurtenisKenmerk else {
                    throw ClaimsError("event \(event.gebeurtenisKenmerk) lacks 'ingetrokken_gebeurtenis_kenmerk'")
                }
                withdrawn.insert(target)
            case .betalingVerwerkt:
                let amount = try positiveAmount(event)
                try require(event.betalingskenmerk != nil, event, "betalingskenmerk")
                try require(event.datumtijdVerwerkt.map(Timestamps.parseRFC3339) != nil, event, "datumtijd_verwerkt")
                vereffend = try add(vereffend, amount)
            }
        }
        let requestIDs = Set(requests.map(\.gebeurtenisKenmerk))
        for target in withdrawn where !requestIDs.contains(target) {
            throw ClaimsError("a withdrawal refers to \(target), which is not a payment request of zaak \(zaak.zaakkenmerk)")
        }
        let saldo = verplicht - vereffend
        let open = settle(requests.filter { !withdrawn.contains($0.gebeurtenisKenmerk) }, payments: vereffend, today: today)
        let overdue = open.filter(\.achterstallig).reduce(0) { $0 + $1.openstaand }
        warnings += statedTotalWarnings(zaak, verplicht: verplicht, vereffend: vereffend, saldo: saldo)
        let verzoeken = try checkedRequests(zaak)
        return FoldedZaak(
            zaakkenmerk: zaak.zaakkenmerk, omschrijving: zaak.omschrijving, verplicht: verplicht, vereffend: vereffend, saldo: saldo,
            achterstallig: min(overdue, max(saldo, 0)),
            volgendeVervaldatum: saldo > 0 ? open.map(\.vervaldatum).min() : nil,
            openBetalingsverplichtingen: saldo > 0 ? open : [], contactopties: zaak.contactopties ?? [], warnings: warnings,
            datumtijdOpgelegd: zaak.decisionMoment, verzoeken: verzoeken)
    }

    /// The zaak's requests (PROTOCOL §11.3), oldest first; absent means none. A kind or status
    /// this client does not know is kept as text, but a request without an id or reference,
    /// or with a moment that is not one, makes the document invalid like any malformed event.
    static func checkedRequests(_ zaak: FinancieleZaak) throws(ClaimsError) -> [Verzoek] {
        let verzoeken = zaak.verzoeken ?? []
        var seen = Set<String>()
        for verzoek in verzoeken {
            guard !verzoek.request.isEmpty, !verzoek.kenmerk.isEmpty, !verzoek.kind.isEmpty, !verzoek.status.isEmpty,
                Timestamps.parseRFC3339(verzoek.ontvangenOp) != nil
            else { throw ClaimsError("a request about zaak \(zaak.zaakkenmerk) lacks its id, kind, reference or status, or its 'ontvangen_op'") }
            guard seen.insert(verzoek.request).inserted else { throw ClaimsError("request \(verzoek.request) appears twice in zaak \(zaak.zaakkenmerk)") }
        }
        func moment(_ verzoek: Verzoek) -> Double { Timestamps.parseRFC3339(verzoek.ontvangenOp)?.timeIntervalSince1970 ?? 0 }
        return verzoeken.sorted { (moment($0), $0.request) < (moment($1), $1.request) }
    }

    /// Applies payments to requests in due-date order; returns what remains open.
    static func settle(_ requests: [Gebeurtenis], payments: Int, today: String) -> [OpenBetalingsverplichting] {
        var pool = payments
        var open: [OpenBetalingsverplichting] = []
        let ordered = requests.sorted { ($0.vervaldatum ?? "", $0.gebeurtenisKenmerk) < ($1.vervaldatum ?? "", $1.gebeurtenisKenmerk) }
        for request in ordered {
            let amount = request.bedrag ?? 0
            let covered = min(pool, amount)
            pool -= covered
            guard amount - covered > 0, let due = request.vervaldatum else { continue }
            open.append(
                OpenBetalingsverplichting(
                    gebeurtenisKenmerk: request.gebeurtenisKenmerk, betalingskenmerk: request.betalingskenmerk ?? "", bedrag: amount,
                    openstaand: amount - covered, vervaldatum: due, type: request.type ?? "", rekeningnummer: request.rekeningnummer,
                    achterstallig: due < today))
        }
        return open
    }

    private static func statedTotalWarnings(_ zaak: FinancieleZaak, verplicht: Int, vereffend: Int, saldo: Int) -> [String] {
        let checks: [(String, Int?, Int)] = [
            ("totaal_financieel_verplicht", zaak.totaalFinancieelVerplicht, verplicht),
            ("totaal_financieel_vereffend", zaak.totaalFinancieelVereffend, vereffend),
            ("saldo", zaak.saldo, saldo),
        ]
        return checks.compactMap { name, stated, derived in
            guard let stated, stated != derived else { return nil }
            return
                "opgegeven \(name) \(Money.euros(stated)) wijkt af van de gebeurtenissen (\(Money.euros(derived))); het overzicht gebruikt \(Money.euros(derived))"
        }
    }

    private static func checkCommon(_ event: Gebeurtenis, zaak: String) throws(ClaimsError) {
        guard !event.gebeurtenisKenmerk.isEmpty else { throw ClaimsError("an event of zaak \(zaak) has an empty gebeurtenis_kenmerk") }
        guard event.zaakkenmerk == zaak else {
            throw ClaimsError("event \(event.gebeurtenisKenmerk) names zaak \(event.zaakkenmerk) but sits in zaak \(zaak)")
        }
        guard Timestamps.parseRFC3339(event.datumtijdGebeurtenis) != nil else {
            throw ClaimsError("event \(event.gebeurtenisKenmerk) has an invalid datumtijd_gebeurtenis")
        }
    }

    private static func positiveAmount(_ event: Gebeurtenis) throws(ClaimsError) -> Int {
        guard let amount = event.bedrag else { throw ClaimsError("event \(event.gebeurtenisKenmerk) has no bedrag") }
        guard amount > 0 else { throw ClaimsError("event \(event.gebeurtenisKenmerk) has a bedrag that is not positive (\(amount))") }
        guard amount <= 1_000_000_000_00 else { throw ClaimsError("event \(event.gebeurtenisKenmerk) has an implausible bedrag") }
        return amount
    }

    private static func add(_ total: Int, _ amount: Int) throws(ClaimsError) -> Int {
        let (sum, overflow) = total.addingReportingOverflow(amount)
        guard !overflow else { throw ClaimsError("amounts overflow") }
        return sum
    }

    private static func require(_ condition: Bool, _ event: Gebeurtenis, _ member: String) throws(ClaimsError) {
        guard condition else { throw ClaimsError("event \(event.gebeurtenisKenmerk) (\(event.gebeurtenisType)) has a missing or invalid '\(member)'") }
    }

    private static func isTypeCharacter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}
