/// The page of `bk share -o FILE.pdf` (PROTOCOL §12.3): per organisation its signed figures in
/// words beside the QR code that proves them, and the code to compare after scanning. Made for
/// a person who gets paper, not for `bk verify FILE.pdf`: nothing is attached.
public enum SharePDF {
    /// The text a QR code of a presentation holds: `BK1:` and the presentation.
    public static let codePrefix = "BK1:"

    /// One organisation's presentation and what it shows.
    public struct Entry: Sendable {
        public let organization: String
        public let presentation: String
        public let statement: SaldoStatement

        public init(organization: String, presentation: String, statement: SaldoStatement) {
            self.organization = organization
            self.presentation = presentation
            self.statement = statement
        }
    }

    /// The PDF: a title, what the codes are for, each organisation with its figures and code.
    public static func render(_ entries: [Entry], nonce: String, showsBSN: Bool, language: Language) throws -> [UInt8] {
        let text = Messages(language)
        var blocks: [PDFBlock] = [.title(text[.sharePDFTitle]), .paragraph(text[.sharePDFExplained])]
        for entry in entries {
            let statement = entry.statement
            var fields = [PDFField(label: text[.sharePDFMoment], value: text.moment(statement.claims.saldoDatumtijd))]
            if showsBSN, let bsn = statement.bsn { fields.append(PDFField(label: "BSN", value: bsn)) }
            if let totalen = statement.totalen {
                fields += [
                    PDFField(label: text[.columnToPay], value: Money.euros(totalen.saldo, in: language)),
                    PDFField(label: text[.columnLate], value: Money.euros(totalen.achterstallig, in: language)),
                    PDFField(label: text[.columnCases], value: "\(totalen.zaken)"),
                    PDFField(label: text[.columnNextPayment], value: totalen.volgendeVervaldatum.map(text.date) ?? "-"),
                ]
            }
            let code = try QRCode(codePrefix + entry.presentation)
            blocks.append(.keep([.subheading(entry.organization), .fields(fields), .qrCode(code, description: entry.organization)]))
        }
        blocks.append(.fields([PDFField(label: text[.sharePDFCode], value: nonce)]))
        return try PDFPageRenderer(
            title: text[.sharePDFTitle], created: entries.first?.statement.claims.saldoDatumtijd ?? "", language: language,
            pageLabel: { text[.pdfPage, ["page": "\($0)", "pages": "\($1)"]] }
        ).render(blocks)
    }
}
