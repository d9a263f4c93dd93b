internal import CPDF

/// What a PDF draws and carries, independent of how its file is laid out (PROTOCOL §8.2): two
/// PDFs with equal forms show the same pages, attach the same files and carry the same
/// document-level entries, whatever their object numbers, compression, object streams,
/// linearisation or spelling of content tokens. A lossless re-save by qpdf keeps the form; an
/// added action, annotation, form, page or attachment changes it.
///
/// The form is read from everything reachable from the catalog and the document information:
/// dictionaries by sorted key (a `null` value is no entry), streams by their dictionary without
/// the entries that only say how the bytes are stored (`/Length`, `/Filter`, `/DecodeParms`,
/// `/DL`) and a digest of their decoded bytes, indirect objects by the order in which they are
/// first met, pages by their number and with inherited attributes resolved, and each page's
/// content by its tokens (`PDFContentTokens`).
struct PDFCanonicalForm: Equatable {
    /// Per page: its dictionary (resources, annotations, boxes) without its content.
    var pageDictionaries: [[UInt8]]
    /// Per page: what its content streams draw.
    var pageContents: [[UInt8]]
    /// The catalog's entries (other than the page tree) by key.
    var catalog: [String: [UInt8]]
    /// The document information dictionary.
    var information: [UInt8]

    /// The most decoded bytes the form of a PDF that bk itself just rendered may take. The form
    /// of a suspect file is read with what the expected one took (`decodedBytes`): a stream that
    /// inflates to more than bk wrote costs no more than that.
    static let ownBudget = 1 << 30

    /// Reads the form of `document`, decoding at most `budget` bytes of streams.
    ///
    /// Throws `.notBKShape` for what bk never writes and cannot compare (an encrypted file, a
    /// stream filter other than `/FlateDecode`, a page tree deeper than 64 levels, more decoded
    /// bytes than `budget`).
    init(of document: QPDFDocument, budget: Int) throws(PDFError) {
        var reader = Reader(document: document, budget: budget)
        try reader.readPages()
        guard document.isNull(document.key(document.trailer, "/Encrypt")) else { throw PDFError("the PDF is encrypted", code: .notBKShape) }
        var pageDictionaries: [[UInt8]] = []
        var pageContents: [[UInt8]] = []
        for page in reader.pages {
            pageDictionaries.append(try reader.part { reader throws(PDFError) in try reader.writePage(page) })
            pageContents.append(PDFContentTokens.canonical(try reader.content(of: page)))
        }
        var catalog: [String: [UInt8]] = [:]
        for key in document.keys(document.root) where key != "/Pages" {
            let value = document.key(document.root, key)
            catalog[key] = try reader.part { reader throws(PDFError) in try reader.write(value) }
        }
        let info = document.key(document.trailer, "/Info")
        self.information = try reader.part { reader throws(PDFError) in try reader.write(info) }
        self.pageDictionaries = pageDictionaries
        self.pageContents = pageContents
        self.catalog = catalog
        self.decodedBytes = reader.decodedBytes
    }

    /// How many bytes of streams were decoded to read this form.
    private(set) var decodedBytes: Int

    static func == (left: PDFCanonicalForm, right: PDFCanonicalForm) -> Bool {
        left.pageDictionaries == right.pageDictionaries && left.pageContents == right.pageContents
            && left.catalog == right.catalog && left.information == right.information
    }

    /// Walks the object graph of one document, writing the canonical bytes of one part at a time.
    private struct Reader {
        let document: QPDFDocument
        var remaining: Int
        var decodedBytes = 0
        /// The page objects in order, and each page's number by object number.
        var pages: [qpdf_oh] = []
        var pageNumbers: [Int: Int] = [:]
        /// Decoded stream digests by object number: a font used on every page is decoded once.
        var streamDigests: [Int: [UInt8]] = [:]
        /// Within the part being written: the indirect objects met so far, by object number.
        var met: [Int: Int] = [:]
        var output: [UInt8] = []

        init(document: QPDFDocument, budget: Int) {
            self.document = document
            self.remaining = budget
        }

        mutating func readPages() throws(PDFError) {
            let count = document.pageCount
            try document.check("list the pages of")
            for index in 0..<count {
                let page = pdfLibrary.qpdf_get_page_n(document.q, index)
                pages.append(page)
                pageNumbers[document.objectNumber(page)] = index + 1
            }
        }

        /// The bytes `write` produces, as one part: indirect objects are numbered afresh.
        mutating func part(_ write: (inout Reader) throws(PDFError) -> Void) throws(PDFError) -> [UInt8] {
            met = [:]
            output = []
            try write(&self)
            return output
        }

        mutating func emit(_ text: String) { output += Array(text.utf8) }
        mutating func emit(_ tag: String, _ bytes: [UInt8]) {
            emit("\(tag)\(bytes.count):")
            output += bytes
        }

        /// A page: its dictionary without `/Parent` and `/Contents`, with the attributes it
        /// inherits from the page tree.
        mutating func writePage(_ page: qpdf_oh) throws(PDFError) {
            var entries: [String: qpdf_oh] = [:]
            for key in document.keys(page) where key != "/Parent" && key != "/Contents" { entries[key] = document.key(page, key) }
            for inherited in ["/Resources", "/MediaBox", "/CropBox", "/Rotate"] where entries[inherited] == nil {
                if let value = try self.inherited(inherited, from: page) { entries[inherited] = value }
            }
            try writeDictionary(entries)
        }

        private func inherited(_ key: String, from page: qpdf_oh) throws(PDFError) -> qpdf_oh? {
            var node = document.key(page, "/Parent")
            for _ in 0..<64 {
                guard document.isDictionary(node) else { return nil }
                let value = document.key(node, key)
                if !document.isNull(value) { return value }
                node = document.key(node, "/Parent")
            }
            throw PDFError("the page tree is deeper than bk ever writes", code: .notBKShape)
        }

        /// A page's content streams, decoded and joined by line feeds.
        mutating func content(of page: qpdf_oh) throws(PDFError) -> [UInt8] {
            let contents = document.key(page, "/Contents")
            let streams = document.arrayItems(contents) ?? [contents]
            var joined: [UInt8] = []
            for stream in streams where !document.isNull(stream) {
                guard document.isStream(stream) else { throw PDFError("a page's content is not a stream", code: .notBKShape) }
                if !joined.isEmpty { joined.append(10) }
                joined += try decoded(stream)
            }
            return joined
        }

        mutating func write(_ object: qpdf_oh) throws(PDFError) {
            if document.isIndirect(object) {
                let number = document.objectNumber(object)
                if let page = pageNumbers[number] { return emit("P\(page);") }
                if document.nameValue(document.key(object, "/Type")) == "/Pages" { return emit("T;") }
                if let ordinal = met[number] { return emit("R\(ordinal);") }
                met[number] = met.count
                emit("O")
            }
            switch pdfLibrary.qpdf_oh_get_type_code(document.q, object) {
            case ot_boolean: emit(pdfLibrary.qpdf_oh_get_bool_value(document.q, object) != QPDF_FALSE ? "t;" : "f;")
            case ot_integer: emit("i\(pdfLibrary.qpdf_oh_get_int_value(document.q, object));")
            case ot_real:
                let text = pdfLibrary.qpdf_oh_get_real_value(document.q, object).map { String(cString: $0) } ?? ""
                emit("r\(Double(text).map { "\($0)" } ?? text);")
            case ot_string: emit("s", document.binaryString(object))
            case ot_name: emit("/", Array((document.nameValue(object) ?? "").utf8))
            case ot_array:
                emit("[")
                for item in document.arrayItems(object) ?? [] { try write(item) }
                emit("]")
            case ot_dictionary:
                var entries: [String: qpdf_oh] = [:]
                for key in document.keys(object) { entries[key] = document.key(object, key) }
                try writeDictionary(entries)
            case ot_stream:
                var entries: [String: qpdf_oh] = [:]
                let dictionary = document.streamDictionary(object)
                for key in document.keys(dictionary) where !["/Length", "/Filter", "/DecodeParms", "/DL"].contains(key) {
                    entries[key] = document.key(dictionary, key)
                }
                emit("S")
                try writeDictionary(entries)
                emit("d", try digest(of: object))
            default: emit("n;")
            }
        }

        private mutating func writeDictionary(_ entries: [String: qpdf_oh]) throws(PDFError) {
            emit("<")
            for key in entries.keys.sorted() {
                guard let value = entries[key], !document.isNull(value) else { continue }
                emit("/", Array(key.utf8))
                try write(value)
            }
            emit(">")
        }

        private mutating func digest(of stream: qpdf_oh) throws(PDFError) -> [UInt8] {
            let number = document.objectNumber(stream)
            if let known = streamDigests[number] { return known }
            let digest = Digest.sha256(try decoded(stream))
            streamDigests[number] = digest
            return digest
        }

        /// A stream's bytes decoded as bk writes them (none or one `/FlateDecode` without
        /// parameters), within what is left of the budget.
        private mutating func decoded(_ stream: qpdf_oh) throws(PDFError) -> [UInt8] {
            let dictionary = document.streamDictionary(stream)
            let filter = document.key(dictionary, "/Filter")
            let raw = try document.rawStreamData(stream)
            let bytes: [UInt8]
            if document.isNull(filter) || document.arrayItems(filter)?.isEmpty == true {
                bytes = raw
            } else {
                let only = document.nameValue(filter) ?? document.arrayItems(filter).flatMap { $0.count == 1 ? document.nameValue($0[0]) : nil }
                guard only == "/FlateDecode", document.isNull(document.key(dictionary, "/DecodeParms")) else {
                    throw PDFError("a stream of the PDF is encoded in a way bk never writes", code: .notBKShape)
                }
                guard let inflated = BoundedInflate.inflate(raw, atMost: min(remaining, Int(UInt32.max))) else {
                    throw PDFError("a stream of the PDF is larger than bk wrote, or not one complete compressed stream", code: .notBKShape)
                }
                bytes = inflated
            }
            guard bytes.count <= remaining else { throw PDFError("the PDF holds more than bk wrote", code: .notBKShape) }
            remaining -= bytes.count
            decodedBytes += bytes.count
            return bytes
        }
    }
}
