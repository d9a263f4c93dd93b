/// `bk dispute list` as a table that fits a width: per request the organisation, zaak, kind,
/// when filed, the holder's reference, its status and the date it must be decided by ("late"
/// past it), and the holders' explanations below. Everything a holder sent is sanitised.
public struct DisputeListTable: Sendable {
    public let rows: [(name: String, entry: DisputeListEntry)]
    /// `YYYY-MM-DD`, Amsterdam: what is late.
    public let today: String

    public init(rows: [(name: String, entry: DisputeListEntry)], today: String) {
        self.rows = rows
        self.today = today
    }

    /// Past its decide-by date and not decided.
    public static func isLate(_ entry: DisputeListEntry, today: String) -> Bool { !entry.status.isFinal && today > entry.beslissenVoor }

    public func render(text: Messages, width: Int) -> String {
        guard !rows.isEmpty else { return text[.disputeNone] + "\n" }
        var table = FittingTable([
            .init(header: text[.disputeColumnOrganization]), .init(header: text[.disputeColumnZaak], dropPriority: 1),
            .init(header: text[.disputeColumnKind]), .init(header: text[.disputeColumnFiled], dropPriority: 0),
            .init(header: text[.disputeColumnReference]), .init(header: text[.disputeColumnStatus]),
            .init(header: text[.disputeColumnDecideBy], wraps: true),
        ])
        var explanations: [String] = []
        for (name, entry) in rows {
            let late = Self.isLate(entry, today: today)
            let organization = TerminalText.sanitized(name)
            let reference = TerminalText.sanitized(entry.kenmerk)
            table.add([
                .init(organization), .init(TerminalText.sanitized(entry.zaakkenmerk)), .init(Self.kindName(entry.kind, text)),
                .init(text.date(String(entry.ontvangenOp.prefix(10)))), .init(reference), .init(Self.statusName(entry.status, text)),
                .init(text.date(entry.beslissenVoor) + (late ? " " + text[.disputeLate] : ""), alert: late),
            ])
            if let explanation = entry.toelichting, !explanation.isEmpty {
                let shown = TerminalText.sanitized(String(explanation.prefix(500)))
                explanations.append(Prose.wrap(text[.disputeExplanation, ["organization": organization, "kenmerk": reference, "text": shown]], width: width))
            }
        }
        let lines = table.render(width: width, color: false) + (explanations.isEmpty ? [] : [""] + explanations)
        return lines.joined(separator: "\n") + "\n"
    }

    static func kindName(_ kind: DisputeKind, _ text: Messages) -> String {
        switch kind {
        case .bezwaar: text[.disputeListKindBezwaar]
        case .correctie: text[.disputeListKindCorrectie]
        case .verwijdering: text[.disputeListKindVerwijdering]
        }
    }

    static func statusName(_ status: DisputeStatus, _ text: Messages) -> String {
        switch status {
        case .ontvangen: text[.disputeStatusOntvangen]
        case .inBehandeling: text[.disputeStatusInBehandeling]
        case .toegewezen: text[.disputeStatusToegewezen]
        case .deelsToegewezen: text[.disputeStatusDeelsToegewezen]
        case .afgewezen: text[.disputeStatusAfgewezen]
        case .ingetrokken: text[.disputeStatusIngetrokken]
        }
    }
}
