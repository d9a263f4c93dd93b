import Foundation

/// How a table for people is shown: the language, the width it must fit, whether colour
/// may be used, and whether technical reasons are added.
public struct TableStyle: Sendable {
    public var messages: Messages
    /// Terminal columns; nothing is wider.
    public var width: Int
    /// Overdue amounts in red (a colour terminal without `NO_COLOR`).
    public var color: Bool
    /// Add the technical reason of each failure and the remarks on each document.
    public var verbose: Bool

    public init(language: Language = .nl, width: Int = 80, color: Bool = false, verbose: Bool = false) {
        messages = Messages(language)
        self.width = max(40, width)
        self.color = color
        self.verbose = verbose
    }
}

/// The overview as a table for people: one row per organisation, the total, what is overdue
/// and the next payment on lines of their own, whether it is complete, and (with `detail`)
/// every debt with how to pay it and whom to call.
public struct OverviewTable: Sendable {
    public let overview: Overview
    public let detail: Bool
    public let style: TableStyle

    public init(overview: Overview, detail: Bool, style: TableStyle = TableStyle()) {
        self.overview = overview
        self.detail = detail
        self.style = style
    }

    private var text: Messages { style.messages }
    private func money(_ cents: Int) -> String { Money.euros(cents, in: text.language) }
    private var today: String { String(overview.generatedAt.prefix(10)) }

    /// A requester's overview (PROTOCOL §10.6): its reader is a counsellor, who reads about a
    /// client in the third person, and only the organisations asked under the consent are rows.
    private var forRequester: Bool { sentences.forRequester }

    /// What is said in words, decided once for the table and the PDF.
    private var sentences: OverviewSentences { OverviewSentences(overview: overview, text: text) }

    /// The organisations that are rows: all of them, or those a consent had asked.
    private var rows: [HolderResult] { sentences.asked }

    /// Prose lines are wrapped to the width before any colour is added; the table's lines
    /// already fit and keep their spacing.
    public func render() -> String {
        var lines: [String] = []
        let bsn = ["bsn": Identifiers.masked(bsn: TerminalText.sanitized(overview.citizen.bsn))]
        lines.append(text[forRequester ? .clientOverviewTitle : .overviewTitle, bsn])
        lines.append(text[.overviewMadeAt, ["moment": text.moment(overview.generatedAt)]])
        lines += consentLines()
        lines.append("")
        let head = lines.map { Prose.wrap($0, width: style.width) } + table().render(width: style.width, color: style.color)
        lines = [""]
        lines += paymentLines()
        lines += completeness()
        var body = lines.map { Prose.wrap($0, width: style.width) }
        if detail {
            body += zaakDetails().map { line, alert in
                let wrapped = Prose.wrap(line, width: style.width)
                return style.color && alert ? "\u{1B}[31m" + wrapped + "\u{1B}[0m" : wrapped
            }
        }
        return (head + body).joined(separator: "\n") + "\n"
    }

    /// Under a consent: for whom, what for, until when, and the code to compare by phone.
    private func consentLines() -> [String] {
        guard let consent = overview.consent else { return [] }
        let lastDay = Timestamps.calendarDate(Date(timeIntervalSince1970: TimeInterval(consent.exp)))
        var lines = [
            text[
                .clientConsentLine,
                [
                    "requester": TerminalText.sanitized(consent.requesterName ?? consent.aud), "purpose": TerminalText.sanitized(consent.purpose),
                    "date": text.date(lastDay),
                ]]
        ]
        if let reference = consent.reference { lines.append(text[.clientReferenceLine, ["reference": TerminalText.sanitized(reference)]]) }
        if let compact = overview.evidence.consent { lines.append(text[.clientConsentCode, ["code": Consent.shortCode(compact)]]) }
        return lines
    }

    /// What is overdue and the next payment (`OverviewSentences`), then an empty line.
    private func paymentLines() -> [String] {
        let lines = sentences.payments().lines
        return lines.isEmpty ? [] : lines + [""]
    }

    private func table() -> FittingTable {
        var table = FittingTable([
            .init(header: text[.columnOrganization]),
            .init(header: text[.columnToPay], rightAligned: true),
            .init(header: text[.columnLate], rightAligned: true, dropPriority: 4),
            // A missed date wraps its "te laat" under it rather than push the column out.
            .init(header: text[.columnNextPayment], dropPriority: 3, wraps: true, minimumWidth: 11),
            // Dropped last: for an organisation that did not answer it is the only word.
            .init(header: text[.columnStatus], dropPriority: 5),
            .init(header: text[.columnCases], rightAligned: true, dropPriority: 2),
            .init(header: text[.columnImposed], rightAligned: true, dropPriority: 0),
            .init(header: text[.columnPaid], rightAligned: true, dropPriority: 1),
        ])
        for holder in rows {
            guard holder.status.isSuccess else {
                table.add([.init(holder.displayName), "-", "-", "-", .init(text.status(holder.status), alert: true), "-", "-", "-"])
                continue
            }
            table.add(row(holder.displayName, holder.totals, zaken: holder.zaken, status: text.status(holder.status)))
            if detail {
                for zaak in holder.zaken {
                    let figures = HolderTotals([zaak])
                    table.add(row("  " + zaak.zaakkenmerk, figures, zaken: [zaak], status: ""))
                }
            }
        }
        table.addSeparator()
        let totals = overview.totals
        let verified = overview.holders.filter(\.status.isSuccess)
        var grand = HolderTotals()
        grand.verplicht = totals.verplicht
        grand.vereffend = totals.vereffend
        grand.saldo = totals.saldo
        grand.achterstallig = totals.achterstallig
        grand.zaken = totals.zaken
        let complete = overview.completeInConsent ?? overview.complete
        table.add(row(complete ? text[.totalRow] : text[.totalRowIncomplete], grand, zaken: verified.flatMap(\.zaken), status: ""))
        return table
    }

    private func row(_ name: String, _ figures: HolderTotals, zaken: [FoldedZaak], status: String) -> [FittingTable.Cell] {
        [
            .init(name), .init(money(figures.saldo)),
            .init(figures.achterstallig > 0 ? money(figures.achterstallig) : "-", alert: figures.achterstallig > 0),
            nextDueDate(zaken), .init(status), .init("\(figures.zaken)"),
            .init(money(figures.verplicht)), .init(money(figures.vereffend)),
        ]
    }

    /// The next due date (`volgende_vervaldatum`); a missed one is shown with its date, as overdue.
    private func nextDueDate(_ zaken: [FoldedZaak]) -> FittingTable.Cell {
        guard let date = FoldedZaak.nextDueDate(in: zaken) else { return .init("-") }
        // The late mark stays in one piece when the cell wraps.
        let mark = text[.lateMark].replacingOccurrences(of: " ", with: "\u{00A0}")
        return date < today ? .init(text.date(date) + " " + mark, alert: true) : .init(text.date(date))
    }

    private func completeness() -> [String] {
        var lines = sentences.completeness().flatMap { statement -> [String] in
            switch statement {
            case .line(let line, _): [line]
            case .failures(let failed): failures(failed)
            }
        }
        if let seal = sentences.seal { lines.append(seal) }
        if style.verbose { lines += encryption() }
        let warned = overview.holders.filter { !$0.warnings.isEmpty }
        if style.verbose && !warned.isEmpty {
            lines.append("")
            lines.append(text[.warningsHeader])
            for holder in warned {
                for warning in holder.warnings { lines.append("  \(TerminalText.sanitized(holder.displayName)): \(TerminalText.sanitized(warning))") }
            }
        }
        return lines
    }

    /// With `--verbose`: how many documents came encrypted to this run, and which did not.
    private func encryption() -> [String] {
        let answered = overview.holders.filter { $0.status.isSuccess && $0.encrypted != nil }
        guard !answered.isEmpty else { return [] }
        let plain = answered.filter { $0.encrypted == false }.map { TerminalText.sanitized($0.displayName) }
        var lines = [text[.encryptionSummary, ["count": "\(answered.count - plain.count)", "total": "\(answered.count)"]]]
        if !plain.isEmpty { lines.append(text[.encryptionNotBy, ["names": plain.joined(separator: ", ")]]) }
        return lines
    }

    /// One indented line per organisation that gave nothing, with why in plain words.
    private func failures(_ failed: [HolderResult]) -> [String] {
        // Refused for want of encryption (--require-encryption): said as such, not as a bad document.
        func refusedPlain(_ holder: HolderResult) -> Bool {
            holder.status == .invalidDocument && holder.error?.hasPrefix(EncryptionPolicy.refusalPrefix) == true
        }
        var lines = failed.map { holder in
            let technical = style.verbose ? holder.error.map { " (\(TerminalText.sanitized($0)))" } ?? "" : ""
            let reason = refusedPlain(holder) ? text[.reasonNotEncrypted] : text.reason(holder.status, forRequester: forRequester)
            return "  \(TerminalText.sanitized(holder.name)): \(reason)\(technical)"
        }
        if failed.contains(where: { $0.status.isIntegrityFailure && !refusedPlain($0) }) { lines.append(text[.integrityWarning]) }
        return lines
    }

    /// The debts one by one, each line with whether it is overdue (shown in red).
    private func zaakDetails() -> [(String, Bool)] {
        var lines: [(String, Bool)] = []
        for holder in overview.holders where holder.status.isSuccess && !holder.zaken.isEmpty {
            lines.append(("", false))
            lines.append(("\(TerminalText.sanitized(holder.name)):", false))
            for zaak in holder.zaken {
                lines.append(("  \(TerminalText.sanitized(zaak.zaakkenmerk)) — \(TerminalText.sanitized(zaak.omschrijving ?? ""))", false))
                lines.append(("    " + text[.detailOutstanding, ["amount": money(zaak.saldo), "late": money(zaak.achterstallig)]], false))
                for request in zaak.openBetalingsverplichtingen {
                    let key: MessageKey = request.achterstallig ? .detailPayBeforeLate : .detailPayBefore
                    var parts = [text[key, ["amount": money(request.openstaand), "date": text.date(request.vervaldatum)]]]
                    if let account = request.rekeningnummer { parts.append(text[.detailAccount, ["account": TerminalText.sanitized(account)]]) }
                    parts.append(text[.detailReference, ["reference": TerminalText.sanitized(request.betalingskenmerk)]])
                    let line = "    " + parts.joined(separator: ", ")
                    lines.append((line, request.achterstallig))
                }
                for verzoek in zaak.verzoeken ?? [] { lines.append(("    " + ZaakRequestSentence(verzoek, in: zaak, text: text).line, false)) }
                for contact in zaak.contactopties {
                    let note = contact.omschrijving.map { " (\(TerminalText.sanitized($0)))" } ?? ""
                    lines.append(
                        (
                            "    "
                                + text[
                                    .detailContact,
                                    ["kind": TerminalText.sanitized(text.contactKind(contact.soort)), "value": TerminalText.sanitized(contact.waarde)]] + note,
                            false
                        ))
                }
            }
        }
        return lines
    }
}
