internal import CPDF
import Foundation

/// A picture as 8-bit grey pixels, row by row: what the code reader looks at. Made from a
/// photo or scan (PNG, JPEG and whatever else gdk-pixbuf reads) or from each page of a
/// (scanned) PDF, drawn by poppler.
public struct GreyImage: Sendable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt8]

    /// The largest picture read: 100 megapixels (a page scanned at 1200 dpi is 140, at 600 dpi 35).
    public static let maxPixels = 100_000_000
    /// The resolution a PDF page is drawn at for reading its codes.
    public static let pdfDotsPerInch = 200.0
    /// The most pages of a PDF read.
    public static let maxPages = 50

    init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The pictures in a file: one for an image, one per page for a PDF.
    public static func read(path: String) throws(PaperError) -> [GreyImage] {
        try PaperLibraries.require()
        let head: [UInt8]
        do {
            guard let bytes = try AtomicFile.read(path, limit: 256 << 20, regularOnly: true) else {
                throw PaperError(.unreadable, "\(path) does not exist")
            }
            head = Array(bytes.prefix(5))
        } catch let error as PaperError {
            throw error
        } catch {
            throw PaperError(.unreadable, "\(path) cannot be read: \(error)")
        }
        return head == Array("%PDF-".utf8) ? try pdfPages(path: path) : [try picture(path: path)]
    }

    /// A PNG, JPEG or other picture gdk-pixbuf reads, turned upright as its EXIF says.
    private static func picture(path: String) throws(PaperError) -> GreyImage {
        let library = paperLibrary
        var width: Int32 = 0
        var height: Int32 = 0
        guard library.gdk_pixbuf_get_file_info(path, &width, &height) != nil else {
            throw PaperError(.unreadable, "\(path) is no picture bk can read (PNG, JPEG) nor a PDF")
        }
        guard Int(width) * Int(height) <= maxPixels else { throw PaperError(.unreadable, "\(path) has more than 100 megapixels") }
        var error: UnsafeMutablePointer<bk_gerror>?
        guard let loaded = library.gdk_pixbuf_new_from_file(path, &error) else {
            let reason = error.map { String(cString: $0.pointee.message) } ?? "unknown"
            if let error { library.g_error_free(error) }
            throw PaperError(.unreadable, "\(path) cannot be read as a picture: \(reason)")
        }
        defer { library.g_object_unref(UnsafeMutableRawPointer(loaded)) }
        let pixbuf = library.gdk_pixbuf_apply_embedded_orientation(loaded) ?? loaded
        defer { if pixbuf != loaded { library.g_object_unref(UnsafeMutableRawPointer(pixbuf)) } }
        let columns = Int(library.gdk_pixbuf_get_width(pixbuf))
        let rows = Int(library.gdk_pixbuf_get_height(pixbuf))
        let stride = Int(library.gdk_pixbuf_get_rowstride(pixbuf))
        let channels = Int(library.gdk_pixbuf_get_n_channels(pixbuf))
        guard library.gdk_pixbuf_get_bits_per_sample(pixbuf) == 8, channels >= 3, columns * rows <= maxPixels,
            let data = library.gdk_pixbuf_read_pixels(pixbuf)
        else { throw PaperError(.unreadable, "\(path) has a pixel format bk does not read") }
        var grey = [UInt8](repeating: 255, count: columns * rows)
        for row in 0..<rows {
            let line = data + row * stride
            for column in 0..<columns {
                let pixel = line + column * channels
                grey[row * columns + column] = luminance(red: pixel[0], green: pixel[1], blue: pixel[2])
            }
        }
        return GreyImage(width: columns, height: rows, pixels: grey)
    }

    /// The picture `factor` times as wide and high, resampled by pixman through a Lanczos
    /// filter: the modules of a small or blurred code get more pixels and sharp edges.
    public func enlarged(by factor: Double) throws(PaperError) -> GreyImage {
        let columns = Int(Double(width) * factor)
        let rows = Int(Double(height) * factor)
        guard columns * rows <= Self.maxPixels else { throw PaperError(.unreadable, "the picture is too large to enlarge") }
        // pixman wants rows on 4-byte boundaries.
        let stride = (width + 3) & ~3
        let outputStride = (columns + 3) & ~3
        var source = [UInt8](repeating: 255, count: stride * height)
        for row in 0..<height {
            source.replaceSubrange(row * stride..<(row * stride + width), with: pixels[row * width..<(row + 1) * width])
        }
        var output = [UInt8](repeating: 255, count: outputStride * rows)
        let done = source.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { result in
                guard let input = input.baseAddress, let result = result.baseAddress else { return Int32(0) }
                return bk_paper_resample(input, Int32(width), Int32(height), Int32(stride), result, Int32(columns), Int32(rows), Int32(outputStride))
            }
        }
        guard done == 1 else { throw PaperError(.unreadable, "the picture cannot be enlarged") }
        var grey = [UInt8](repeating: 255, count: columns * rows)
        for row in 0..<rows { grey.replaceSubrange(row * columns..<(row + 1) * columns, with: output[row * outputStride..<(row * outputStride + columns)]) }
        return GreyImage(width: columns, height: rows, pixels: grey)
    }

    /// Each page of a PDF, drawn on white at `pdfDotsPerInch`.
    private static func pdfPages(path: String) throws(PaperError) -> [GreyImage] {
        let library = paperLibrary
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var error: UnsafeMutablePointer<bk_gerror>?
        guard let document = library.poppler_document_new_from_file(URL(fileURLWithPath: absolute).absoluteString, nil, &error) else {
            let reason = error.map { String(cString: $0.pointee.message) } ?? "unknown"
            if let error { library.g_error_free(error) }
            throw PaperError(.unreadable, "\(path) cannot be read as a PDF: \(reason)")
        }
        defer { library.g_object_unref(UnsafeMutableRawPointer(document)) }
        let count = Int(library.poppler_document_get_n_pages(document))
        guard count <= maxPages else { throw PaperError(.unreadable, "\(path) has more than \(maxPages) pages") }
        var pages: [GreyImage] = []
        for index in 0..<count {
            guard let page = library.poppler_document_get_page(document, Int32(index)) else { continue }
            defer { library.g_object_unref(UnsafeMutableRawPointer(page)) }
            var pointsWide = 0.0
            var pointsHigh = 0.0
            library.poppler_page_get_size(page, &pointsWide, &pointsHigh)
            let scale = pdfDotsPerInch / 72
            let columns = Int((pointsWide * scale).rounded(.up))
            let rows = Int((pointsHigh * scale).rounded(.up))
            guard columns > 0, rows > 0, columns * rows <= maxPixels,
                let surface = library.cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(columns), Int32(rows))
            else { throw PaperError(.unreadable, "page \(index + 1) of \(path) is too large to read") }
            defer { library.cairo_surface_destroy(surface) }
            guard let cairo = library.cairo_create(surface) else { throw PaperError(.unreadable, "page \(index + 1) of \(path) cannot be drawn") }
            library.cairo_set_source_rgb(cairo, 1, 1, 1)
            library.cairo_paint(cairo)
            library.cairo_scale(cairo, scale, scale)
            library.poppler_page_render_for_printing(page, cairo)
            library.cairo_destroy(cairo)
            library.cairo_surface_flush(surface)
            guard let data = library.cairo_image_surface_get_data(surface) else { continue }
            let stride = Int(library.cairo_image_surface_get_stride(surface))
            var grey = [UInt8](repeating: 255, count: columns * rows)
            for row in 0..<rows {
                for column in 0..<columns {
                    // RGB24 is a native-endian 32-bit word per pixel: blue, green, red, unused on x86.
                    let pixel = data + row * stride + column * 4
                    grey[row * columns + column] = luminance(red: pixel[2], green: pixel[1], blue: pixel[0])
                }
            }
            pages.append(GreyImage(width: columns, height: rows, pixels: grey))
        }
        return pages
    }

    /// ITU-R BT.601 luma, in integers.
    private static func luminance(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        let weighted: Int = 299 * Int(red) + 587 * Int(green) + 114 * Int(blue)
        return UInt8(weighted / 1000)
    }
}
