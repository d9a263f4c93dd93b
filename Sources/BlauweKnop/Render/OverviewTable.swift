/// The overview as a Dutch table for people: one row per organisation, a total line, the
/// cases with `detail`, and every holder that failed with its reason.
public struct OverviewTable: Sendable {
    public let overview: Overview
    public let detail: Bool

    public init(overview: Overview, detail: Bool) {
        self.overview = overview
        self.detail = detail
    }

    public func render() -> String {
        var lines: [String] = []
        lines.append("Overzicht van uw schulden bij de overheid (BSN \(Identifiers.masked(bsn: overview.citizen.bsn)))")
        lines.append("Gemaakt op \(overview.generatedAt); stelsel '\(overview.scheme.environment)' versie \(overview.scheme.version)")
        lines.append("")
        var table = TextTable(headers: ["Organisatie", "Status", "Zaken", "Verplicht", "Betaald", "Openstaand", "Achterstallig", "Vervaldatum"],
            rightAligned: [2, 3, 4, 5, 6])
        for holder in overview.holders {
            if holder.status.isSuccess {
                let due = holder.zaken.compactMap(\.volgendeVervaldatum).min() ?? "-"
                table.add([holder.displayName, holder.status.label, "\(holder.totals.zaken)", Money.euros(holder.totals.verplicht),
                    Money.euros(holder.totals.vereffend), Money.euros(holder.totals.saldo), Money.euros(holder.totals.achterstallig), due])
            } else {
                table.add([holder.displayName, holder.status.label, "-", "-", "-", "-", "-", "-"])
            }
            if detail && holder.status.isSuccess {
                for zaak in holder.zaken {
                    table.add(["  " + zaak.zaakkenmerk, "", "", Money.euros(zaak.verplicht), Money.euros(zaak.vereffend),
                        Money.euros(zaak.saldo), Money.euros(zaak.achterstallig), zaak.volgendeVervaldatum ?? "-"])
                }
            }
        }
        let totals = overview.totals
        table.addSeparator()
        table.add(["Totaal", "", "\(totals.zaken)", Money.euros(totals.verplicht), Money.euros(totals.vereffend), Money.euros(totals.saldo),
            Money.euros(totals.achterstallig), totals.volgendeVervaldatum ?? "-"])
        lines += table.render()
        if detail { lines += zaakDetails() }
        let failed = overview.holders.filter { !$0.status.isSuccess }
        let warned = overview.holders.filter { !$0.warnings.isEmpty }
        if !warned.isEmpty {
            lines.append("")
            lines.append("Waarschuwingen:")
            for holder in warned { for warning in holder.warnings { lines.append("  \(holder.displayName): \(warning)") } }
        }
        lines.append("")
        if failed.isEmpty {
            lines.append("Het overzicht is volledig: alle \(overview.holders.count) organisaties zijn bevraagd en alle documenten zijn echt.")
        } else {
            lines.append("LET OP: het overzicht is NIET volledig. Niet meegeteld:")
            for holder in failed { lines.append("  \(holder.displayName) (\(holder.name)): \(holder.status.label) — \(holder.error ?? "")") }
            if failed.contains(where: \.status.isIntegrityFailure) {
                lines.append("Een document dat niet echt bleek is genegeerd. Neem contact op met die organisatie.")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func zaakDetails() -> [String] {
        var lines: [String] = []
        for holder in overview.holders where holder.status.isSuccess && !holder.zaken.isEmpty {
            lines.append("")
            lines.append("\(holder.name):")
            for zaak in holder.zaken {
                lines.append("  \(zaak.zaakkenmerk) — \(zaak.omschrijving ?? "")")
                lines.append("    openstaand \(Money.euros(zaak.saldo)), waarvan achterstallig \(Money.euros(zaak.achterstallig))")
                for request in zaak.openBetalingsverplichtingen {
                    let account = request.rekeningnummer.map { " op \($0)" } ?? ""
                    let late = request.achterstallig ? " (te laat)" : ""
                    lines.append("    betaal \(Money.euros(request.openstaand)) vóór \(request.vervaldatum)\(late)\(account), kenmerk \(request.betalingskenmerk)")
                }
                for contact in zaak.contactopties {
                    lines.append("    \(contact.soort): \(contact.waarde)\(contact.omschrijving.map { " (\($0))" } ?? "")")
                }
            }
        }
        return lines
    }
}

/// A plain text table with padded columns.
struct TextTable {
    let headers: [String]
    let rightAligned: Set<Int>
    private var rows: [[String]?] = []

    init(headers: [String], rightAligned: Set<Int>) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }
    mutating func addSeparator() { rows.append(nil) }

    func render() -> [String] {
        var widths = headers.map(\.count)
        for case let row? in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        return [line(headers), rule] + rows.map { $0.map(line) ?? rule }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
