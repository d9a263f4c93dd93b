/// A request about a zaak (PROTOCOL §11.3) as the table and the PDF say it: its kind, then the
/// day its holder received it, the holder's reference, its status in plain words and, while it
/// is undecided, the day the law sets for the decision (Awb 7:10 for a bezwaar, counted from
/// the zaak's decision; AVG art. 12(3) for the others). The holder's strings are sanitised; a
/// kind or status bk does not know is said as such, never dropped.
struct ZaakRequestSentence {
    /// "Bezwaar", "Verzoek om correctie", …
    let kind: String
    /// "ingediend op 6 dec 2026, kenmerk …: ontvangen, beslissing uiterlijk 17 jan 2027"
    let facts: String

    init(_ verzoek: Verzoek, in zaak: FoldedZaak, text: Messages) {
        let received = Timestamps.parseRFC3339(verzoek.ontvangenOp).map { Timestamps.calendarDate($0) }
        let kind = DisputeKind(rawValue: verzoek.kind)
        let status = DisputeStatus(rawValue: verzoek.status)
        self.kind = Self.kindName(kind, raw: verzoek.kind, text)
        var values = [
            "date": received.map(text.date) ?? TerminalText.sanitized(verzoek.ontvangenOp), "kenmerk": TerminalText.sanitized(verzoek.kenmerk),
            "status": status.map { DisputeListTable.statusName($0, text) } ?? text[.disputeStatusUnknown],
        ]
        if let kind, let status, !status.isFinal, let received,
            let decideBy = DisputeTerms.decideBy(kind: kind, receivedOn: received, decidedAt: zaak.datumtijdOpgelegd)
        {
            values["decideBy"] = text.date(decideBy)
            facts = text[.zaakRequestFactsDecideBy, values]
        } else {
            facts = text[.zaakRequestFacts, values]
        }
    }

    /// The whole sentence, for the table.
    var line: String { kind + " " + facts + "." }

    private static func kindName(_ kind: DisputeKind?, raw: String, _ text: Messages) -> String {
        switch kind {
        case .bezwaar: text[.zaakRequestBezwaar]
        case .correctie: text[.zaakRequestCorrectie]
        case .verwijdering: text[.zaakRequestVerwijdering]
        case nil: text[.zaakRequestOther, ["kind": TerminalText.sanitized(String(raw.prefix(40)))]]
        }
    }
}
