import Foundation

/// One piece of a page: what it says and how it is set. Holder-supplied text is sanitised
/// before it becomes a block.
enum PDFBlock: Equatable {
    /// The document title (tagged H1).
    case title(String)
    /// A section heading (H2).
    case heading(String)
    /// A debt's title (H3).
    case subheading(String)
    /// A paragraph (P); `strong` sets it in bold.
    case paragraph(String, strong: Bool = false)
    /// Label and value pairs in two columns that wrap within the page.
    case fields([PDFField])
    /// A paragraph in a fixed-width font (the fingerprint).
    case code(String)
    /// A QR code (PROTOCOL §12.3), `PDFPageRenderer.qrWidth` wide plus its quiet zone; the
    /// description is what it holds, for people who cannot see it.
    case qrCode(QRCode, description: String)
    /// The next block starts on a new page.
    case pageBreak
    /// Blocks that stay on one page together when they fit on one (a heading with what
    /// follows it, a debt with its payments).
    case keep([PDFBlock])
}

/// One label and value line of a `PDFBlock.fields` block.
struct PDFField: Equatable {
    let label: String
    let value: String
    /// Shown in bold: an overdue payment.
    var alert = false
}

/// What the pages of an overview's PDF say, in reading order (PROTOCOL §8.2): page 1 with who,
/// when, the totals and completeness; each organisation with debts, every debt with what to pay,
/// before when, where to and how to object; last, how to check the document and its
/// fingerprint.
struct PDFContent {
    let overview: Overview
    let text: Messages
    /// SHA-256 of the embedded `overzicht.json`, as lowercase hex.
    let fingerprint: String
    /// The QR codes for paper (PROTOCOL §12.3), in the order of the holders.
    var paperCodes: [PaperCode] = []

    /// One organisation's QR code.
    struct PaperCode {
        let name: String
        let code: QRCode
    }

    private func money(_ cents: Int) -> String { Money.euros(cents, in: text.language) }
    private func clean(_ value: String) -> String { TerminalText.sanitized(value) }

    var blocks: [PDFBlock] {
        summary() + debts() + [.pageBreak] + checking() + codes()
    }

    /// A requester's overview (PROTOCOL §10.6): the reader is a counsellor, the client is
    /// spoken of in the third person, and only the organisations asked count.
    private var sentences: OverviewSentences { OverviewSentences(overview: overview, text: text) }
    private var forRequester: Bool { sentences.forRequester }
    private var asked: [HolderResult] { sentences.asked }

    private func summary() -> [PDFBlock] {
        var blocks: [PDFBlock] = [.title(text[forRequester ? .pdfClientTitle : .pdfTitle])]
        blocks.append(.paragraph(text[.pdfWho, ["bsn": Identifiers.masked(bsn: clean(overview.citizen.bsn))]]))
        blocks.append(.paragraph(text[.pdfMadeAt, ["moment": text.moment(overview.generatedAt)]]))
        blocks += consent()
        let answered = asked.filter(\.status.isSuccess)
        let totals = overview.totals
        if !answered.isEmpty {
            // The total is said of those that answered: never as if it were all.
            let total: MessageKey = forRequester ? .pdfClientTotalToPay : answered.count == asked.count ? .pdfTotalToPay : .pdfTotalToPayAnswered
            blocks.append(.paragraph(text[total, ["amount": money(totals.saldo)]], strong: true))
            let (lines, late) = sentences.payments()
            blocks += lines.enumerated().map { .paragraph($1, strong: late && $0 == 0) }
        }
        blocks += sentences.completeness().flatMap(block)
        let owing = answered.filter { !$0.zaken.isEmpty }
        let free = answered.filter(\.zaken.isEmpty).map { clean($0.displayName) }
        if !owing.isEmpty {
            // Said in words, not only in bold: "€ 74,00, waarvan € 74,00 te laat".
            let heading = PDFBlock.subheading(text[forRequester ? .pdfClientPerOrganization : .pdfPerOrganization])
            blocks.append(
                .keep([
                    heading,
                    .fields(
                        owing.map { holder in
                            let late = holder.totals.achterstallig
                            let value = late > 0 ? text[.pdfOwedLate, ["amount": money(holder.totals.saldo), "late": money(late)]] : money(holder.totals.saldo)
                            return PDFField(label: clean(holder.name), value: value)
                        }),
                ]))
        }
        if !free.isEmpty {
            let none: MessageKey = forRequester ? .pdfClientNoDebts : .pdfNoDebts
            blocks.append(.paragraph(owing.isEmpty ? text[none] : text[.pdfNoDebtsAt, ["names": free.joined(separator: ", ")]]))
        }
        // The sealed-documents sentence closes the page, after the amounts per organisation.
        if let seal = sentences.seal { blocks.append(.paragraph(seal)) }
        return blocks
    }

    /// Under a consent: to whom it was given, what for, until when, and the one code to compare.
    private func consent() -> [PDFBlock] {
        guard let consent = overview.consent else { return [] }
        let lastDay = Timestamps.calendarDate(Date(timeIntervalSince1970: TimeInterval(consent.exp)))
        var fields = [
            PDFField(label: text[.pdfConsentRequester], value: clean(consent.requesterName ?? consent.aud)),
            PDFField(label: text[.pdfConsentPurpose], value: clean(consent.purpose)),
            PDFField(label: text[.pdfConsentUntil], value: text.date(lastDay)),
        ]
        if let reference = consent.reference { fields.append(PDFField(label: text[.pdfConsentReference], value: clean(reference))) }
        if let compact = overview.evidence.consent { fields.append(PDFField(label: text[.pdfConsentCode], value: Consent.shortCode(compact))) }
        return [.keep([.subheading(text[.pdfConsentHeading]), .fields(fields)])]
    }

    /// A statement as the page shows it: a paragraph, or the organisations as label and reason.
    private func block(_ statement: OverviewSentences.Statement) -> [PDFBlock] {
        switch statement {
        case .line(let line, let strong): [.paragraph(line, strong: strong)]
        case .failures(let failed): failures(failed)
        }
    }

    /// The organisations that gave nothing, each with why in plain words.
    private func failures(_ failed: [HolderResult]) -> [PDFBlock] {
        guard !failed.isEmpty else { return [] }
        var blocks: [PDFBlock] = [
            .fields(failed.map { PDFField(label: clean($0.name), value: text.reason($0.status, forRequester: forRequester), alert: true) })
        ]
        if failed.contains(where: \.status.isIntegrityFailure) { blocks.append(.paragraph(text[.integrityWarning])) }
        return blocks
    }

    private func debts() -> [PDFBlock] {
        let owing = overview.holders.filter { $0.status.isSuccess && !$0.zaken.isEmpty }
        guard !owing.isEmpty else { return [] }
        var blocks: [PDFBlock] = [.pageBreak, .title(text[forRequester ? .pdfClientDebtsHeading : .pdfDebtsHeading])]
        for holder in owing {
            // The organisation's name stays with its first debt, each debt stays whole, and the
            // way to object stays with its contacts.
            var heading: [PDFBlock] = [.heading(clean(holder.name))]
            var contacts: [PDFField] = []
            for zaak in holder.zaken {
                var debt = heading + [.subheading(clean(zaak.omschrijving ?? zaak.zaakkenmerk))]
                heading = []
                debt.append(.paragraph(text[.pdfCaseReference, ["reference": clean(zaak.zaakkenmerk)]]))
                var fields = [PDFField(label: text[.pdfToPay], value: money(zaak.saldo))]
                if zaak.achterstallig > 0 { fields.append(PDFField(label: text[.pdfLateAmount], value: money(zaak.achterstallig), alert: true)) }
                for request in zaak.openBetalingsverplichtingen {
                    let amount = money(request.openstaand) + (request.achterstallig ? " (\(text[.pdfLateMark]))" : "")
                    fields.append(PDFField(label: text[.pdfPayBefore, ["date": text.date(request.vervaldatum)]], value: amount, alert: request.achterstallig))
                    if let account = request.rekeningnummer { fields.append(PDFField(label: text[.pdfAccount], value: clean(account))) }
                    fields.append(PDFField(label: text[.pdfReference], value: clean(request.betalingskenmerk)))
                }
                for verzoek in zaak.verzoeken ?? [] {
                    let sentence = ZaakRequestSentence(verzoek, in: zaak, text: text)
                    fields.append(PDFField(label: sentence.kind, value: sentence.facts))
                }
                debt.append(.fields(fields))
                blocks.append(.keep(debt))
                for contact in zaak.contactopties {
                    let note = contact.omschrijving.map { " (\(clean($0)))" } ?? ""
                    let field = PDFField(label: clean(text.contactKind(contact.soort)), value: clean(contact.waarde) + note)
                    if !contacts.contains(field) { contacts.append(field) }
                }
            }
            let objection: [PDFBlock] =
                contacts.isEmpty
                ? [.paragraph(text[.pdfNoContact])] : [.paragraph(text[.pdfObjectText, ["name": clean(holder.name)]]), .fields(contacts)]
            blocks.append(.keep([.subheading(text[.pdfObjectHeading])] + objection))
        }
        return blocks
    }

    /// The QR codes, one per organisation, each with its name: none in a PDF made without them.
    private func codes() -> [PDFBlock] {
        guard !paperCodes.isEmpty else { return [] }
        let short = Digest.groupsOfFour(fingerprint).prefix(4).joined(separator: " ")
        return [.keep([.heading(text[.pdfCodesHeading]), .paragraph(text[.pdfCodesText, ["short": short]])])]
            + paperCodes.map { .keep([.subheading(clean($0.name)), .qrCode($0.code, description: clean($0.name))]) }
    }

    private func checking() -> [PDFBlock] {
        let groups = Digest.groupsOfFour(fingerprint)
        return [
            .title(text[.pdfCheckHeading]),
            .paragraph(text[.pdfCheckText]),
            .paragraph(text[.pdfFingerprint, ["short": groups.prefix(4).joined(separator: " ")]], strong: true),
            .code(text[.pdfFingerprintFull, ["full": groups.joined(separator: " ")]]),
        ]
    }
}
