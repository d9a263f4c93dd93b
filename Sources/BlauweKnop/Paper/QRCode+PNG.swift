internal import CPDF

extension QRCode {
    /// The code as a PNG picture, drawn by cairo: dark modules on white, the quiet zone
    /// around, `modulePixels` pixels per module (8: about 1200 pixels for a version-30 code,
    /// sharp at 60 mm up to 500 dpi).
    public func png(modulePixels: Int = 8) throws(PaperError) -> [UInt8] {
        try PaperLibraries.require()
        let library = paperLibrary
        let side = (size + 2 * Self.quietZone) * modulePixels
        guard let surface = library.cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(side), Int32(side)) else {
            throw PaperError(.unreadable, "cairo cannot make a picture of \(side) pixels")
        }
        defer { library.cairo_surface_destroy(surface) }
        guard let cairo = library.cairo_create(surface) else { throw PaperError(.unreadable, "cairo cannot draw the code") }
        library.cairo_set_source_rgb(cairo, 1, 1, 1)
        library.cairo_paint(cairo)
        library.cairo_set_source_rgb(cairo, 0, 0, 0)
        let module = Double(modulePixels)
        for run in darkRuns {
            library.cairo_rectangle(
                cairo, Double(run.column + Self.quietZone) * module, Double(run.row + Self.quietZone) * module, Double(run.length) * module, module)
        }
        library.cairo_fill(cairo)
        library.cairo_destroy(cairo)
        var buffer = bk_pdf_buffer(bytes: nil, length: 0, capacity: 0, failed: 0)
        defer { free(buffer.bytes) }
        guard library.cairo_surface_write_to_png_stream(surface, bk_pdf_buffer_write, &buffer) == CAIRO_STATUS_SUCCESS, buffer.failed == 0 else {
            throw PaperError(.unreadable, "cairo cannot write the picture as PNG")
        }
        return buffer.bytes.map { Array(UnsafeBufferPointer(start: $0, count: buffer.length)) } ?? []
    }
}
