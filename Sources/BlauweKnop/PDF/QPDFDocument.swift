internal import CPDF

/// Why a PDF could not be read or written.
public struct PDFError: CodedError, Equatable {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<PDFError>

    public let code: Code
    public let detail: String

    public init(_ detail: String, code: Code = .unusable) {
        self.code = code
        self.detail = detail
    }
}

extension ErrorCode where Domain == PDFError {
    /// qpdf, cairo or pango failed, or the file cannot be read.
    public static var unusable: Self { Self("unusable") }
    /// The file is not shaped as bk writes its PDFs: altered, or hostile.
    public static var notBKShape: Self { Self("notBKShape") }
    /// The PDF carries no overview at all: another program's PDF, not a bk overview.
    public static var noOverview: Self { Self("noOverview") }
}

/// One PDF opened with qpdf's C API: the object handles of one `qpdf_data`, which is freed
/// with this object. Not thread-safe; use one per task.
final class QPDFDocument {
    let q: qpdf_data
    /// The bytes qpdf reads from: they must live as long as the document.
    private let input: UnsafeMutableRawBufferPointer

    /// Reads `bytes` as a PDF. qpdf repairs damaged files with warnings; a file that needed
    /// repair is refused, since bk only reads PDFs it wrote itself.
    init(bytes: [UInt8]) throws(PDFError) {
        try PDFLibraries.require()
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
        input.copyBytes(from: bytes)
        guard let handle = pdfLibrary.qpdf_init() else {
            input.deallocate()
            throw PDFError("qpdf could not start")
        }
        q = handle
        pdfLibrary.qpdf_silence_errors(handle)
        pdfLibrary.qpdf_set_suppress_warnings(handle, QPDF_TRUE)
        let base = input.baseAddress?.assumingMemoryBound(to: CChar.self)
        _ = pdfLibrary.qpdf_read_memory(handle, "document.pdf", base, UInt64(bytes.count), nil)
        try check("read")
        if pdfLibrary.qpdf_more_warnings(handle) != QPDF_FALSE { throw PDFError("the PDF is damaged (qpdf had to repair it)", code: .notBKShape) }
    }

    deinit {
        var handle: qpdf_data? = q
        pdfLibrary.qpdf_cleanup(&handle)
        input.deallocate()
    }

    /// Throws qpdf's pending error, if any.
    func check(_ action: String) throws(PDFError) {
        guard pdfLibrary.qpdf_has_error(q) != QPDF_FALSE else { return }
        let error = pdfLibrary.qpdf_get_error(q)
        let detail = pdfLibrary.qpdf_get_error_message_detail(q, error).map { String(cString: $0) } ?? "unknown"
        throw PDFError("qpdf could not \(action) the PDF: \(detail)")
    }

    var root: qpdf_oh { pdfLibrary.qpdf_get_root(q) }
    var trailer: qpdf_oh { pdfLibrary.qpdf_get_trailer(q) }

    func key(_ object: qpdf_oh, _ name: String) -> qpdf_oh { pdfLibrary.qpdf_oh_get_key(q, object, name) }
    func name(_ value: String) -> qpdf_oh { pdfLibrary.qpdf_oh_new_name(q, value) }
    func text(_ value: String) -> qpdf_oh { pdfLibrary.qpdf_oh_new_unicode_string(q, value) }
    func integer(_ value: Int) -> qpdf_oh { pdfLibrary.qpdf_oh_new_integer(q, Int64(value)) }
    func dictionary(_ entries: [(String, qpdf_oh)]) -> qpdf_oh {
        let object = pdfLibrary.qpdf_oh_new_dictionary(q)
        for (key, value) in entries { pdfLibrary.qpdf_oh_replace_key(q, object, key, value) }
        return object
    }
    func array(_ items: [qpdf_oh]) -> qpdf_oh {
        let object = pdfLibrary.qpdf_oh_new_array(q)
        for item in items { pdfLibrary.qpdf_oh_append_item(q, object, item) }
        return object
    }
    func set(_ object: qpdf_oh, _ key: String, _ value: qpdf_oh) { pdfLibrary.qpdf_oh_replace_key(q, object, key, value) }

    /// A new (indirect) stream holding `bytes` unfiltered, with extra dictionary entries.
    func stream(_ bytes: [UInt8], _ entries: [(String, qpdf_oh)]) -> qpdf_oh {
        let stream = pdfLibrary.qpdf_oh_new_stream(q)
        bytes.withUnsafeBufferPointer { buffer in
            pdfLibrary.qpdf_oh_replace_stream_data(q, stream, buffer.baseAddress, buffer.count, pdfLibrary.qpdf_oh_new_null(q), pdfLibrary.qpdf_oh_new_null(q))
        }
        let dictionary = pdfLibrary.qpdf_oh_get_dict(q, stream)
        for (key, value) in entries { pdfLibrary.qpdf_oh_replace_key(q, dictionary, key, value) }
        return stream
    }

    /// A stream's bytes as the file stores them, no filter decoded: at most the file's size.
    func rawStreamData(_ stream: qpdf_oh) throws(PDFError) -> [UInt8] {
        guard pdfLibrary.qpdf_oh_is_stream(q, stream) != QPDF_FALSE else { throw PDFError("an attached file is not a stream") }
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        var filtered: QPDF_BOOL = QPDF_FALSE
        _ = pdfLibrary.qpdf_oh_get_stream_data(q, stream, qpdf_dl_none, &filtered, &buffer, &length)
        defer { free(buffer) }
        try check("read a stream of")
        guard let buffer else { return [] }
        return Array(UnsafeBufferPointer(start: buffer, count: length))
    }

    /// The dictionary of a stream.
    func streamDictionary(_ stream: qpdf_oh) -> qpdf_oh { pdfLibrary.qpdf_oh_get_dict(q, stream) }

    /// The object number of an indirect object; 0 for a direct one.
    func objectNumber(_ object: qpdf_oh) -> Int { Int(pdfLibrary.qpdf_oh_get_object_id(q, object)) }

    /// An integer object's value, or nil.
    func integer(_ object: qpdf_oh) -> Int? {
        guard pdfLibrary.qpdf_oh_is_integer(q, object) != QPDF_FALSE else { return nil }
        return Int(exactly: pdfLibrary.qpdf_oh_get_int_value(q, object))
    }

    /// Whether the object is null (also: a key that is not there).
    func isNull(_ object: qpdf_oh) -> Bool { pdfLibrary.qpdf_oh_is_null(q, object) != QPDF_FALSE }

    /// A string object's text as UTF-8, or nil when it is not a string.
    func string(_ object: qpdf_oh) -> String? {
        guard pdfLibrary.qpdf_oh_is_string(q, object) != QPDF_FALSE, let text = pdfLibrary.qpdf_oh_get_utf8_value(q, object) else { return nil }
        return String(cString: text)
    }

    /// A name object's name (with its leading slash), or nil.
    func nameValue(_ object: qpdf_oh) -> String? {
        guard pdfLibrary.qpdf_oh_is_name(q, object) != QPDF_FALSE, let text = pdfLibrary.qpdf_oh_get_name(q, object) else { return nil }
        return String(cString: text)
    }

    func arrayItems(_ object: qpdf_oh) -> [qpdf_oh]? {
        guard pdfLibrary.qpdf_oh_is_array(q, object) != QPDF_FALSE else { return nil }
        return (0..<pdfLibrary.qpdf_oh_get_array_n_items(q, object)).map { pdfLibrary.qpdf_oh_get_array_item(q, object, $0) }
    }

    func isDictionary(_ object: qpdf_oh) -> Bool { pdfLibrary.qpdf_oh_is_dictionary(q, object) != QPDF_FALSE }
    func isStream(_ object: qpdf_oh) -> Bool { pdfLibrary.qpdf_oh_is_stream(q, object) != QPDF_FALSE }
    /// Whether the object is reached through a reference (`12 0 R`) rather than written in place.
    func isIndirect(_ object: qpdf_oh) -> Bool { pdfLibrary.qpdf_oh_is_indirect(q, object) != QPDF_FALSE }

    /// A dictionary's keys (with their leading slash); none for anything else.
    func keys(_ dictionary: qpdf_oh) -> [String] {
        guard isDictionary(dictionary) else { return [] }
        var keys: [String] = []
        pdfLibrary.qpdf_oh_begin_dict_key_iter(q, dictionary)
        while pdfLibrary.qpdf_oh_dict_more_keys(q) != QPDF_FALSE {
            if let key = pdfLibrary.qpdf_oh_dict_next_key(q) { keys.append(String(cString: key)) }
        }
        return keys
    }

    /// A string object's bytes as the file holds them (after escapes), whatever their encoding.
    func binaryString(_ object: qpdf_oh) -> [UInt8] {
        var length = 0
        guard let bytes = pdfLibrary.qpdf_oh_get_binary_string_value(q, object, &length) else { return [] }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    var pageCount: Int { Int(pdfLibrary.qpdf_get_num_pages(q)) }

    /// The page's content streams, concatenated and decoded.
    func pageContent(_ index: Int) throws(PDFError) -> [UInt8] {
        let page = pdfLibrary.qpdf_get_page_n(q, index)
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        _ = pdfLibrary.qpdf_oh_get_page_content_data(q, page, &buffer, &length)
        defer { free(buffer) }
        try check("read a page of")
        guard let buffer else { return [] }
        return Array(UnsafeBufferPointer(start: buffer, count: length))
    }

    /// The whole document written again: no object streams, a file identifier computed from
    /// the content (so the same input gives the same bytes).
    func written() throws(PDFError) -> [UInt8] {
        _ = pdfLibrary.qpdf_init_write_memory(q)
        try check("prepare writing")
        pdfLibrary.qpdf_set_object_stream_mode(q, qpdf_o_disable)
        pdfLibrary.qpdf_set_deterministic_ID(q, QPDF_TRUE)
        pdfLibrary.qpdf_set_suppress_original_object_IDs(q, QPDF_TRUE)
        _ = pdfLibrary.qpdf_write(q)
        try check("write")
        guard let bytes = pdfLibrary.qpdf_get_buffer(q) else { throw PDFError("qpdf wrote nothing") }
        return Array(UnsafeBufferPointer(start: bytes, count: pdfLibrary.qpdf_get_buffer_length(q)))
    }
}
