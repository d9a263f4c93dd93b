internal import CPDF

/// Finds the QR codes in a picture with zbar, and reads each one's text.
public enum CodeScanner {
    /// The sizes a picture is read at: as scanned, then enlarged, since zbar reads a small or
    /// blurred code at some sizes and not at others.
    static let scales = [1.0, 1.5, 2, 2.5, 3]

    /// The texts of the QR codes in a picture or PDF, each once. A picture is read at each of
    /// `scales` until two sizes in a row add nothing to what it already gave.
    public static func texts(inFile path: String) throws(PaperError) -> [String] {
        var found: [String] = []
        for image in try GreyImage.read(path: path) {
            var onThisPicture = 0
            var idle = 0
            for scale in scales {
                let scaled = scale == 1 ? image : try image.enlarged(by: scale)
                var new = 0
                for text in try texts(in: scaled) where !found.contains(text) {
                    found.append(text)
                    new += 1
                }
                onThisPicture += new
                idle = new == 0 ? idle + 1 : 0
                if onThisPicture > 0, idle == 2 { break }
            }
        }
        return found
    }

    /// The texts of every QR code zbar finds in `image`, in the order found.
    public static func texts(in image: GreyImage) throws(PaperError) -> [String] {
        try PaperLibraries.require()
        let library = paperLibrary
        guard let scanner = library.zbar_image_scanner_create() else { throw PaperError(.libraries, "zbar cannot make a scanner") }
        defer { library.zbar_image_scanner_destroy(scanner) }
        _ = library.zbar_image_scanner_set_config(scanner, Int32(BK_ZBAR_NONE), Int32(BK_ZBAR_CFG_ENABLE), 0)
        _ = library.zbar_image_scanner_set_config(scanner, Int32(BK_ZBAR_QRCODE), Int32(BK_ZBAR_CFG_ENABLE), 1)
        // The bytes as encoded, without a guess at their character set.
        _ = library.zbar_image_scanner_set_config(scanner, Int32(BK_ZBAR_QRCODE), Int32(BK_ZBAR_CFG_BINARY), 1)
        guard let zbarImage = library.zbar_image_create() else { throw PaperError(.libraries, "zbar cannot make an image") }
        defer { library.zbar_image_destroy(zbarImage) }
        var texts: [String] = []
        image.pixels.withUnsafeBufferPointer { pixels in
            library.zbar_image_set_format(zbarImage, BK_ZBAR_Y800)
            library.zbar_image_set_size(zbarImage, UInt32(image.width), UInt32(image.height))
            library.zbar_image_set_data(zbarImage, pixels.baseAddress, UInt(pixels.count), nil)
            guard library.zbar_scan_image(scanner, zbarImage) > 0 else { return }
            var symbol = library.zbar_image_first_symbol(zbarImage)
            while let found = symbol {
                if let data = library.zbar_symbol_get_data(found) {
                    let length = Int(library.zbar_symbol_get_data_length(found))
                    texts.append(String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self))
                }
                symbol = library.zbar_symbol_next(found)
            }
            // The image must not keep pointing at pixels that go away.
            library.zbar_image_set_data(zbarImage, nil, 0, nil)
        }
        return texts
    }
}
