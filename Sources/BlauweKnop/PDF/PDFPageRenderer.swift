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
    }

    private static let bodyWidth = pageWidth - 2 * margin
    private static let labelWidth = bodyWidth * 0.42
    private static let bottom = pageHeight - margin - footerHeight

    private func layout(_ blocks: [PDFBlock]) throws(PDFError) -> [Placement] {
        try withSurface { cr, _ in
            var placements: [Placement] = []
            var page = 0
            var y = Self.margin
            for (index, block) in blocks.enumerated() {
                if case .pageBreak = block {
                    if y > Self.margin { page += 1; y = Self.margin }
                    continue
                }
                for part in Self.rows(of: block) {
                    if y > Self.margin { y += Self.spaceBefore(part) }
                    let height = measure(part, cr)
                    // A heading keeps at least a few lines of what follows on its page.
                    let keep = Self.isHeading(part) && index + 1 < blocks.count ? 60.0 : 0
                    if y + height + keep > Self.bottom && y > Self.margin {
                        page += 1
                        y = Self.margin
                    }
                    placements.append(Placement(page: page, y: y, block: part))
                    y += height + Self.spaceAfter(part)
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
            for page in 0..<pages {
                for placement in placements where placement.page == page {
                    draw(placement.block, at: placement.y, cr)
                }
                draw(.paragraph(pageLabel(page + 1, pages)), at: Self.pageHeight - Self.margin - 12, cr, footer: true)
                pdfLibrary.cairo_show_page(cr)
            }
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

    /// A fields block is placed row by row, so that a long list can continue on the next page.
    private static func rows(of block: PDFBlock) -> [PDFBlock] {
        guard case .fields(let fields) = block else { return [block] }
        return fields.map { .fields([$0]) }
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
        case .pageBreak: "DejaVu Sans 11"
        }
    }

    private static func tag(_ block: PDFBlock) -> String {
        switch block {
        case .title: "H1"
        case .heading: "H2"
        case .subheading: "H3"
        default: "P"
        }
    }

    /// The texts of a block with their x offset and width.
    private static func columns(_ block: PDFBlock) -> [(text: String, x: Double, width: Double)] {
        switch block {
        case .title(let text), .heading(let text), .subheading(let text), .paragraph(let text, _), .code(let text):
            return [(text, margin, bodyWidth)]
        case .fields(let fields):
            guard let field = fields.first else { return [] }
            return [(field.label, margin, labelWidth - 8), (field.value, margin + labelWidth, bodyWidth - labelWidth)]
        case .pageBreak:
            return []
        }
    }

    private func measure(_ block: PDFBlock, _ cr: OpaquePointer) -> Double {
        Self.columns(block).map { column in
            withLayout(column.text, width: column.width, font: Self.font(block), cr) { layout in
                var width: Int32 = 0
                var height: Int32 = 0
                pdfLibrary.pango_layout_get_size(layout, &width, &height)
                return Double(height) / Double(BK_PANGO_SCALE)
            } ?? 0
        }.max() ?? 0
    }

    private func draw(_ block: PDFBlock, at y: Double, _ cr: OpaquePointer, footer: Bool = false) {
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

    /// Runs `body` with a pango layout of `text`; nil when pango could not make one.
    private func withLayout<Result>(_ text: String, width: Double, font: String, _ cr: OpaquePointer, _ body: (OpaquePointer) -> Result) -> Result? {
        guard let layout = pdfLibrary.pango_cairo_create_layout(cr) else { return nil }
        defer { bk_pango_layout_release(layout) }
        let description = pdfLibrary.pango_font_description_from_string(font)
        defer { pdfLibrary.pango_font_description_free(description) }
        pdfLibrary.pango_layout_set_font_description(layout, description)
        pdfLibrary.pango_layout_set_width(layout, Int32(width * Double(BK_PANGO_SCALE)))
        pdfLibrary.pango_layout_set_wrap(layout, BK_PANGO_WRAP_WORD_CHAR)
        pdfLibrary.pango_layout_set_text(layout, text, -1)
        return body(layout)
    }
}
