internal import CPDF

/// A file attached to a PDF as PDF/A-3 does it: an embedded file stream in a file
/// specification, listed in the catalog's `/Names /EmbeddedFiles` and `/AF`.
struct PDFAttachment {
    let name: String
    let bytes: [UInt8]
    let mimeType: String
    /// `/Data` for the overview, `/Source` for the documents it was made from.
    let relationship: String

    /// Attaches `files` (sorted by name, as a name tree requires) to the document.
    static func attach(_ files: [PDFAttachment], to document: QPDFDocument) {
        var names: [qpdf_oh] = []
        var specifications: [qpdf_oh] = []
        for file in files.sorted(by: { $0.name < $1.name }) {
            let stream = document.stream(
                file.bytes,
                [
                    ("/Type", document.name("/EmbeddedFile")), ("/Subtype", document.name("/" + file.mimeType)),
                    ("/Params", document.dictionary([("/Size", document.integer(file.bytes.count))])),
                ])
            let specification = document.dictionary([
                ("/Type", document.name("/Filespec")), ("/F", document.text(file.name)), ("/UF", document.text(file.name)),
                ("/EF", document.dictionary([("/F", stream), ("/UF", stream)])), ("/AFRelationship", document.name(file.relationship)),
            ])
            names += [document.text(file.name), specification]
            specifications.append(specification)
        }
        let root = document.root
        document.set(root, "/Names", document.dictionary([("/EmbeddedFiles", document.dictionary([("/Names", document.array(names))]))]))
        document.set(root, "/AF", document.array(specifications))
    }

    /// The largest attachment bk reads: the overview as any overview file (256 MiB), each
    /// organisation's document as a fetched one (8 MiB, PROTOCOL §6).
    static func sizeLimit(for name: String) -> Int {
        name == OverviewPDF.overviewName ? Overview.maxFileBytes : FinancialClaimsDocument.maxBytes
    }

    /// Every attached file by name, read from the flat `/Names` list that `attach` writes.
    ///
    /// A hostile PDF may declare a small file that inflates to gigabytes, stack filters, or point
    /// many names at one stream. So bk decodes only its own shape, and decides before it decodes:
    /// each stream is used once, declares its size (`/Params /Size`) within its limit, the
    /// organisations' documents together are no larger than the overview that holds them all
    /// in its evidence, and the one filter is `/FlateDecode` without parameters (or none);
    /// bk then inflates it itself, never past the declared size.
    static func read(from document: QPDFDocument) throws(PDFError) -> [String: [UInt8]] {
        let tree = document.key(document.key(document.root, "/Names"), "/EmbeddedFiles")
        guard document.isDictionary(tree), let items = document.arrayItems(document.key(tree, "/Names")), items.count % 2 == 0 else {
            throw PDFError("the PDF has no list of attached files that bk wrote", code: .noOverview)
        }
        var entries: [(name: String, stream: qpdf_oh, size: Int)] = []
        var streamsSeen: Set<Int> = []
        for index in stride(from: 0, to: items.count, by: 2) {
            guard let name = document.string(items[index]) else { throw PDFError("an attached file has no name", code: .notBKShape) }
            let shown = TerminalText.sanitized(String(name.prefix(80)))
            let specification = items[index + 1]
            guard document.isDictionary(specification) else { throw PDFError("the attached file '\(shown)' is malformed", code: .notBKShape) }
            guard !entries.contains(where: { $0.name == name }) else { throw PDFError("the attached file '\(shown)' appears twice", code: .notBKShape) }
            let stream = document.key(document.key(specification, "/EF"), "/F")
            let number = document.objectNumber(stream)
            guard number > 0, streamsSeen.insert(number).inserted else {
                throw PDFError("the attached file '\(shown)' shares its content with another attached file", code: .notBKShape)
            }
            entries.append((name, stream, try declaredSize(of: stream, shown: shown, limit: sizeLimit(for: name), in: document)))
        }
        let overviewSize = entries.first { $0.name == OverviewPDF.overviewName }?.size ?? 0
        let documentsSize = entries.filter { $0.name != OverviewPDF.overviewName }.reduce(0) { $0 + $1.size }
        guard documentsSize <= overviewSize else {
            throw PDFError("the attached files are larger together than the overview that holds them all", code: .notBKShape)
        }
        var files: [String: [UInt8]] = [:]
        for entry in entries {
            files[entry.name] = try decoded(entry.stream, size: entry.size, shown: TerminalText.sanitized(String(entry.name.prefix(80))), in: document)
        }
        return files
    }

    /// The size an attached file declares, before anything of it is decoded.
    private static func declaredSize(of stream: qpdf_oh, shown: String, limit: Int, in document: QPDFDocument) throws(PDFError) -> Int {
        let size = document.integer(document.key(document.key(document.streamDictionary(stream), "/Params"), "/Size"))
        guard let size, size >= 0 else { throw PDFError("the attached file '\(shown)' does not say its size", code: .notBKShape) }
        guard size <= limit else {
            throw PDFError("the attached file '\(shown)' says it is larger than bk allows (\(ByteCount.describe(limit)))", code: .notBKShape)
        }
        return size
    }

    /// An attached file's bytes: stored as they are, or inflated once by bk within `size`.
    private static func decoded(_ stream: qpdf_oh, size: Int, shown: String, in document: QPDFDocument) throws(PDFError) -> [UInt8] {
        let dictionary = document.streamDictionary(stream)
        guard document.isNull(document.key(dictionary, "/DecodeParms")) else {
            throw PDFError("the attached file '\(shown)' is encoded in a way bk never writes", code: .notBKShape)
        }
        let filter = document.key(dictionary, "/Filter")
        let raw = try document.rawStreamData(stream)
        if document.isNull(filter) {
            guard raw.count == size else { throw PDFError("the attached file '\(shown)' is not the size it says", code: .notBKShape) }
            return raw
        }
        let only = document.nameValue(filter) ?? document.arrayItems(filter).flatMap { $0.count == 1 ? document.nameValue($0[0]) : nil }
        guard only == "/FlateDecode" else { throw PDFError("the attached file '\(shown)' is encoded in a way bk never writes", code: .notBKShape) }
        guard let bytes = BoundedInflate.inflate(raw, size: size) else {
            throw PDFError("the attached file '\(shown)' is not the size it says, or not one complete compressed stream", code: .notBKShape)
        }
        return bytes
    }
}
