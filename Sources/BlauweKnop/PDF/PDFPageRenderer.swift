internal import CPDF

/// Sets `PDFBlock`s on A4 pages with pango and draws them on a cairo PDF surface: DejaVu fonts
/// embedded (subsets), text tagged as headings and paragraphs in reading order, a footer
/// "pagina 2 van 5" on every page. The same blocks, metadata and fonts always give the same
/// bytes: nothing depends on the clock or on chance.
struct PDFPageRenderer {
    /// A4 in points.
    static let pageWidth = 595.28
    static let pageHeight = 841.89
    static let margin = 56.0
    static let footerHeight = 28.0
    /// A QR code's width: 60 mm, the most the paper of PROTOCOL §12.3 allows (the larger the
    /// modules, the poorer the copy that still reads). Its quiet zone lies around it.
    static let qrWidth = 60 / 25.4 * 72

    /// The height a QR code takes on the page: the symbol and its quiet zone above and below.
    static func qrHeight(_ code: QRCode) -> Double {
        qrWidth * Double(code.size + 2 * QRCode.quietZone) / Double(code.size)
    }

    let title: String
    /// RFC 3339; the document's creation and modification date.
    let created: String
    let language: Language
    let pageLabel: (Int, Int) -> String

    /// The whole document as PDF bytes.
    func render(_ blocks: [PDFBlock]) throws(PDFError) -> [UInt8] {
        try PDFLibraries.require()
        // First pass: where every block goes; second pass: draw with the page count known.
        let placements = try layout(blocks)
        let pages = (placements.map(\.page).max() ?? 0) + 1
        return try draw(placements, pages: pages)
    }

    /// A block (or one row of a fields block) at its place.
    struct Placement {
        let page: Int
        let y: Double
        let block: PDFBlock
        /// For a row of a fields block: whether it opens or closes the table of its block, and
        /// how wide its label column is (the same for every row of the block).
        var opensTable = false
        var closesTable = false
        var labelWidth = PDFPageRenderer.labelWidth
    }

    private static let bodyWidth = pageWidth - 2 * margin
    /// The label column of label–value rows: at least this wide, wider when a label has a word
    /// that would not fit (a long organisation name), never more than `maxLabelWidth`.
    static let labelWidth = bodyWidth * 0.46
    private static let maxLabelWidth = bodyWidth * 0.62
    private static let bottom = pageHeight - margin - footerHeight

    func layout(_ blocks: [PDFBlock]) throws(PDFError) -> [Placement] {
        try withSurface { cr, _ in
            var placements: [Placement] = []
            var page = 0
            var y = Self.margin
            for (index, block) in blocks.enumerated() {
                if case .pageBreak = block {
                    if y > Self.margin { page += 1; y = Self.margin }
                    continue
                }
                let members: [PDFBlock]
                if case .keep(let kept) = block { members = kept } else { members = [block] }
                let parts = members.flatMap { member in
                    let width = labelWidth(member, cr)
                    return Self.rows(of: member).map { (block: $0.block, opensTable: $0.opensTable, closesTable: $0.closesTable, labelWidth: width) }
                }
                // Blocks kept together start on the next page rather than be split, when they
                // fit on one page at all.
                if members.count > 1, y > Self.margin {
                    let height = parts.enumerated().reduce(0.0) { total, item in
                        total + (item.offset > 0 ? Self.spaceBefore(item.element.block) : 0)
                            + measure(item.element.block, labelWidth: item.element.labelWidth, cr)
                            + (item.offset < parts.count - 1 ? Self.spaceAfter(item.element.block) : 0)
                    }
                    if y + Self.spaceBefore(parts[0].block) + height > Self.bottom && height <= Self.bottom - Self.margin {
                        page += 1
                        y = Self.margin
                    }
                }
                for part in parts {
                    if y > Self.margin { y += Self.spaceBefore(part.block) }
                    let height = measure(part.block, labelWidth: part.labelWidth, cr)
                    // A heading keeps at least a few lines of what follows on its page.
                    let keep = Self.isHeading(part.block) && index + 1 < blocks.count ? 60.0 : 0
                    if y + height + keep > Self.bottom && y > Self.margin {
                        page += 1
                        y = Self.margin
                    }
                    placements.append(
                        Placement(page: page, y: y, block: part.block, opensTable: part.opensTable, closesTable: part.closesTable, labelWidth: part.labelWidth))
                    y += height + Self.spaceAfter(part.block)
                }
            }
            return placements
        }.result
    }

    private func draw(_ placements: [Placement], pages: Int) throws(PDFError) -> [UInt8] {
        try withSurface { cr, surface in
            pdfLibrary.cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
            pdfLibrary.cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "bk \(BlauweKnopVersion.current)")
            pdfLibrary.cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created)
            pdfLibrary.cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, created)
            // One Document element holds the whole structure tree, in reading order.
            pdfLibrary.cairo_tag_begin(cr, "Document", "")
            for page in 0..<pages {
                for placement in placements where placement.page == page {
                    draw(placement, cr)
                }
                draw(.paragraph(pageLabel(page + 1, pages)), at: Self.pageHeight - Self.margin - 12, cr, footer: true)
                pdfLibrary.cairo_show_page(cr)
            }
            pdfLibrary.cairo_tag_end(cr, "Document")
        }.pdf
    }

    /// Runs `body` with a cairo context on an A4 PDF surface that writes to memory; returns
    /// what `body` returns and the finished PDF.
    private func withSurface<Result>(_ body: (OpaquePointer, OpaquePointer) -> Result) throws(PDFError) -> (result: Result, pdf: [UInt8]) {
        var buffer = bk_pdf_buffer(bytes: nil, length: 0, capacity: 0, failed: 0)
        defer { free(buffer.bytes) }
        guard let surface = bk_pdf_surface_create(&buffer, Self.pageWidth, Self.pageHeight) else { throw PDFError("cairo could not start a PDF") }
        defer { pdfLibrary.cairo_surface_destroy(surface) }
        pdfLibrary.cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        guard let cr = pdfLibrary.cairo_create(surface) else { throw PDFError("cairo could not draw") }
        let result = body(cr, surface)
        pdfLibrary.cairo_destroy(cr)
        pdfLibrary.cairo_surface_finish(surface)
        guard pdfLibrary.cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, buffer.failed == 0 else { throw PDFError("cairo could not write the PDF") }
        let pdf = buffer.bytes.map { Array(UnsafeBufferPointer(start: $0, count: buffer.length)) } ?? []
        return (result, pdf)
    }

    // MARK: - Blocks

    /// A fields block is placed row by row, so that a long list can continue on the next page;
    /// its first and last row open and close its table.
    private static func rows(of block: PDFBlock) -> [(block: PDFBlock, opensTable: Bool, closesTable: Bool)] {
        guard case .fields(let fields) = block else { return [(block, false, false)] }
        return fields.enumerated().map { (.fields([$1]), $0 == 0, $0 == fields.count - 1) }
    }

    private static func isHeading(_ block: PDFBlock) -> Bool {
        switch block {
        case .title, .heading, .subheading: true
        default: false
        }
    }

    private static func spaceBefore(_ block: PDFBlock) -> Double {
        switch block {
        case .title: 10
        case .heading: 14
        case .subheading: 6
        default: 0
        }
    }

    private static func spaceAfter(_ block: PDFBlock) -> Double {
        switch block {
        case .title: 14
        case .heading: 8
        case .subheading: 4
        case .fields: 3
        default: 8
        }
    }

    private static func font(_ block: PDFBlock) -> String {
        switch block {
        case .title: "DejaVu Sans Bold 17"
        case .heading: "DejaVu Sans Bold 14"
        case .subheading: "DejaVu Sans Bold 11.5"
        case .paragraph(_, let strong): strong ? "DejaVu Sans Bold 11" : "DejaVu Sans 11"
        case .fields(let fields): fields.first?.alert == true ? "DejaVu Sans Bold 11" : "DejaVu Sans 11"
        case .code: "DejaVu Sans Mono 10"
        case .pageBreak, .keep, .qrCode: "DejaVu Sans 11"
        }
    }

    private static func tag(_ block: PDFBlock) -> String {
        switch block {
        case .title: "H1"
        case .heading: "H2"
        case .subheading: "H3"
        case .qrCode: "Figure"
        default: "P"
        }
    }

    /// The texts of a block with their x offset and width.
    private static func columns(_ block: PDFBlock, labelWidth: Double = labelWidth) -> [(text: String, x: Double, width: Double)] {
        switch block {
        case .title(let text), .heading(let text), .subheading(let text), .paragraph(let text, _), .code(let text):
            return [(text, margin, bodyWidth)]
        case .fields(let fields):
            guard let field = fields.first else { return [] }
            return [(field.label, margin, labelWidth - 8), (field.value, margin + labelWidth, bodyWidth - labelWidth)]
        case .pageBreak, .keep, .qrCode:
            return []
        }
    }

    /// The label column for a fields block: wide enough for the widest word of its labels.
    private func labelWidth(_ block: PDFBlock, _ cr: OpaquePointer) -> Double {
        guard case .fields(let fields) = block else { return Self.labelWidth }
        var widest = 0.0
        for field in fields {
            let font = Self.font(.fields([field]))
            for word in field.label.split(separator: " ") {
                let width =
                    withLayout(String(word), width: Self.bodyWidth * 4, font: font, cr) { layout in
                        var width: Int32 = 0
                        var height: Int32 = 0
                        pdfLibrary.pango_layout_get_size(layout, &width, &height)
                        return Double(width) / Double(BK_PANGO_SCALE)
                    } ?? 0
                widest = max(widest, width)
            }
        }
        return min(Self.maxLabelWidth, max(Self.labelWidth, widest + 12))
    }

    private func measure(_ block: PDFBlock, labelWidth: Double = Self.labelWidth, _ cr: OpaquePointer) -> Double {
        if case .qrCode(let code, _) = block { return Self.qrHeight(code) }
        return Self.columns(block, labelWidth: labelWidth).map { column in
            withLayout(column.text, width: column.width, font: Self.font(block), cr) { layout in
                var width: Int32 = 0
                var height: Int32 = 0
                pdfLibrary.pango_layout_get_size(layout, &width, &height)
                return Double(height) / Double(BK_PANGO_SCALE)
            } ?? 0
        }.max() ?? 0
    }

    /// A placed block; a row of label and value is a table row (TR) of two cells (TD), so that
    /// a screen reader reads each label with its value.
    private func draw(_ placement: Placement, _ cr: OpaquePointer) {
        guard case .fields = placement.block else { return draw(placement.block, at: placement.y, cr) }
        if placement.opensTable { pdfLibrary.cairo_tag_begin(cr, "Table", "") }
        pdfLibrary.cairo_tag_begin(cr, "TR", "")
        for column in Self.columns(placement.block, labelWidth: placement.labelWidth) {
            pdfLibrary.cairo_tag_begin(cr, "TD", "")
            withLayout(column.text, width: column.width, font: Self.font(placement.block), cr) { layout in
                pdfLibrary.cairo_move_to(cr, column.x, placement.y)
                pdfLibrary.pango_cairo_show_layout(cr, layout)
            }
            pdfLibrary.cairo_tag_end(cr, "TD")
        }
        pdfLibrary.cairo_tag_end(cr, "TR")
        if placement.closesTable { pdfLibrary.cairo_tag_end(cr, "Table") }
    }

    private func draw(_ block: PDFBlock, at y: Double, _ cr: OpaquePointer, footer: Bool = false) {
        if case .qrCode(let code, _) = block { return draw(code, at: y, cr) }
        let tag = footer ? "P" : Self.tag(block)
        pdfLibrary.cairo_tag_begin(cr, tag, "")
        for column in Self.columns(block) {
            withLayout(column.text, width: column.width, font: footer ? "DejaVu Sans 9" : Self.font(block), cr) { layout in
                if footer { pdfLibrary.pango_layout_set_alignment(layout, BK_PANGO_ALIGN_CENTER) }
                pdfLibrary.cairo_move_to(cr, column.x, y)
                pdfLibrary.pango_cairo_show_layout(cr, layout)
            }
        }
        pdfLibrary.cairo_tag_end(cr, tag)
    }

    /// A QR code `qrWidth` wide, its dark modules filled in black, its quiet zone white (the
    /// left one in the page's margin).
    private func draw(_ code: QRCode, at y: Double, _ cr: OpaquePointer) {
        let module = Self.qrWidth / Double(code.size)
        let left = Self.margin
        let top = y + Double(QRCode.quietZone) * module
        pdfLibrary.cairo_tag_begin(cr, "Figure", "")
        pdfLibrary.cairo_set_source_rgb(cr, 0, 0, 0)
        for run in code.darkRuns {
            pdfLibrary.cairo_rectangle(cr, left + Double(run.column) * module, top + Double(run.row) * module, Double(run.length) * module, module)
        }
        pdfLibrary.cairo_fill(cr)
        pdfLibrary.cairo_tag_end(cr, "Figure")
    }

    /// Runs `body` with a pango layout of `text`; nil when pango could not make one.
    private func withLayout<Result>(_ text: String, width: Double, font: String, _ cr: OpaquePointer, _ body: (OpaquePointer) -> Result) -> Result? {
        guard let layout = pdfLibrary.pango_cairo_create_layout(cr) else { return nil }
        defer { bk_pango_layout_release(layout) }
        let description = pdfLibrary.pango_font_description_from_string(font)
        defer { pdfLibrary.pango_font_description_free(description) }
        pdfLibrary.pango_layout_set_font_description(layout, description)
        pdfLibrary.pango_layout_set_width(layout, Int32(width * Double(BK_PANGO_SCALE)))
        // Lines break between words; a word too long for its column breaks without a made-up
        // hyphen ("Werknemersverzekeri-ngen" reads as two words).
        pdfLibrary.pango_layout_set_wrap(layout, BK_PANGO_WRAP_WORD_CHAR)
        if let attributes = pdfLibrary.pango_attr_list_new() {
            if let noHyphens = pdfLibrary.pango_attr_insert_hyphens_new(0) { pdfLibrary.pango_attr_list_insert(attributes, noHyphens) }
            pdfLibrary.pango_layout_set_attributes(layout, attributes)
            pdfLibrary.pango_attr_list_unref(attributes)
        }
        pdfLibrary.pango_layout_set_text(layout, text, -1)
        return body(layout)
    }
}
