internal import CPDF

/// The PDF form of an overview (PROTOCOL §8.2): pages for people, rendered deterministically
/// from the JSON overview, which travels inside as the attached file `overzicht.json` with each
/// organisation's FCID JWS beside it.
public enum OverviewPDF {
    /// The attached file that holds the overview.
    public static let overviewName = "overzicht.json"

    /// The PDF of an overview, with its JSON text (`bk overview --format json`) attached.
    /// - Parameter paperCodes: per organisation's OIN, the presentation its QR code holds
    ///   (PROTOCOL §12.3); none: a PDF without codes.
    public static func render(_ overview: Overview, language: Language, paperCodes: [String: String] = [:]) throws(PDFError) -> [UInt8] {
        try render(overviewJSON: Array(OverviewJSON.render(overview).utf8), language: language, paperCodes: paperCodes)
    }

    /// The attached file that holds an organisation's presentation for paper.
    public static func paperCodeName(oin: String) -> String { "\(oin).saldo.sd-jwt" }

    /// The presentations of a PDF's QR codes, by OIN, from its attached files.
    public static func paperCodes(in attachments: [String: [UInt8]]) -> [String: String] {
        var codes: [String: String] = [:]
        for (name, bytes) in attachments where name.hasSuffix(".saldo.sd-jwt") {
            codes[String(name.dropLast(".saldo.sd-jwt".count))] = String(decoding: bytes, as: UTF8.self)
        }
        return codes
    }

    /// The short code of an overview (PROTOCOL §12.3): the first 16 hex digits of the SHA-256
    /// of `overzicht.json`, printed on the last page and the nonce of every QR code.
    public static func shortCode(overviewJSON: [UInt8]) -> String { String(Digest.sha256Hex(overviewJSON).prefix(16)) }

    /// The PDF for an overview's JSON text (`bk overview --format json`), in `language`.
    ///
    /// The same JSON text and language always give the same bytes with the same bk, cairo,
    /// pango and fonts: `bk verify` renders again and compares.
    public static func render(overviewJSON: [UInt8], language: Language, paperCodes: [String: String] = [:]) throws(PDFError) -> [UInt8] {
        let overview: Overview
        do {
            overview = try JSONCoding.decode(Overview.self, from: overviewJSON)
        } catch {
            throw PDFError("the overview cannot be read: \(error)")
        }
        let producer = try producer()
        let text = Messages(language)
        var codes: [PDFContent.PaperCode] = []
        for holder in overview.holders {
            guard let presentation = paperCodes[holder.oin] else { continue }
            do {
                codes.append(PDFContent.PaperCode(name: holder.name, code: try QRCode(SharePDF.codePrefix + presentation)))
            } catch {
                throw PDFError("the QR code of \(holder.name) cannot be made: \(error.detail)")
            }
        }
        let content = PDFContent(overview: overview, text: text, fingerprint: Digest.sha256Hex(overviewJSON), paperCodes: codes)
        let pages = try PDFPageRenderer(
            title: text[.pdfDocumentTitle], created: overview.generatedAt, language: language,
            pageLabel: { text[.pdfPage, ["page": "\($0)", "pages": "\($1)"]] }
        ).render(content.blocks)
        let document = try QPDFDocument(bytes: pages)
        var files = [PDFAttachment(name: overviewName, bytes: overviewJSON, mimeType: "application/json", relationship: "/Data")]
        for evidence in overview.evidence.documents {
            files.append(
                PDFAttachment(name: "\(evidence.oin).fcid.jws", bytes: Array(evidence.jws.utf8), mimeType: "application/jose", relationship: "/Source"))
        }
        for holder in overview.holders {
            guard let presentation = paperCodes[holder.oin] else { continue }
            files.append(
                PDFAttachment(
                    name: paperCodeName(oin: holder.oin), bytes: Array(presentation.utf8), mimeType: SaldoStatement.contentType, relationship: "/Supplement"))
        }
        PDFAttachment.attach(files, to: document)
        let root = document.root
        document.set(root, "/Lang", document.text(language.rawValue))
        // cairo writes the structure tree of the tagged text; this says the document is tagged.
        document.set(root, "/MarkInfo", document.dictionary([("/Marked", pdfLibrary.qpdf_oh_new_bool(document.q, QPDF_TRUE))]))
        document.set(root, "/ViewerPreferences", document.dictionary([("/DisplayDocTitle", pdfLibrary.qpdf_oh_new_bool(document.q, QPDF_TRUE))]))
        document.set(
            root, "/Metadata",
            document.stream(
                Array(XMPMetadata(title: text[.pdfDocumentTitle], created: overview.generatedAt, language: language.rawValue, producer: producer).packet.utf8),
                [("/Type", document.name("/Metadata")), ("/Subtype", document.name("/XML"))]))
        let info = document.key(document.trailer, "/Info")
        if document.isDictionary(info) { document.set(info, "/Producer", document.text(producer)) }
        return try document.written()
    }

    /// How many pages a PDF has, or nil when it cannot be read.
    public static func pageCount(of pdf: [UInt8]) -> Int? { (try? QPDFDocument(bytes: pdf))?.pageCount }

    /// Whether an attached file's name may be written into a folder as it is: letters, digits,
    /// '.', '-' and '_', not starting with '.', at most 100 characters.
    public static func isPlainFileName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 100, name.first != "." else { return false }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// What wrote the PDF: bk's version, and the versions of the libraries that set the pages,
    /// since another cairo or pango may place the same text differently.
    public static func producer() throws(PDFError) -> String {
        try PDFLibraries.require()
        let cairo = pdfLibrary.cairo_version_string().map { String(cString: $0) } ?? "?"
        let pango = pdfLibrary.pango_version_string().map { String(cString: $0) } ?? "?"
        return "bk \(BlauweKnopVersion.current) (cairo \(cairo), pango \(pango))"
    }

    /// What a bk PDF carries: the overview's JSON text, the attached FCID documents by file name,
    /// the language of its pages and what produced it.
    public struct Contents: Sendable {
        public let overviewJSON: [UInt8]
        public let attachments: [String: [UInt8]]
        public let language: Language?
        public let producer: String?
    }

    /// Reads the attached files of a PDF that bk wrote. Refuses a file that qpdf had to repair,
    /// attachments outside the one flat name list bk writes, and a name that appears twice.
    public static func contents(of pdf: [UInt8]) throws(PDFError) -> Contents {
        let document = try QPDFDocument(bytes: pdf)
        let attachments = try PDFAttachment.read(from: document)
        guard let overview = attachments[overviewName] else { throw PDFError("the PDF holds no \(overviewName)", code: .noOverview) }
        let language = document.string(document.key(document.root, "/Lang")).flatMap(Language.init(code:))
        let info = document.key(document.trailer, "/Info")
        let producer = document.isDictionary(info) ? document.string(document.key(info, "/Producer")) : nil
        return Contents(overviewJSON: overview, attachments: attachments, language: language, producer: producer)
    }
}
