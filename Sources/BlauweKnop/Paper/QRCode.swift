internal import CPDF

/// A QR code (ISO/IEC 18004) as libqrencode makes it: byte mode, error correction level M,
/// the smallest version that holds the text. Drawn by whoever has a surface; modules are
/// read row by row from the top left.
public struct QRCode: Sendable, Hashable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// The symbol's version (1–40).
    public let version: Int
    /// `size × size` modules, row by row; true is dark.
    public let modules: [Bool]

    /// The quiet zone a reader needs around the symbol, in modules.
    public static let quietZone = 4

    /// Encodes `text` (its UTF-8 bytes).
    public init(_ text: String) throws(PaperError) {
        try PaperLibraries.require()
        let bytes = Array(text.utf8)
        guard
            let code = bytes.withUnsafeBufferPointer({ buffer in
                buffer.baseAddress.flatMap { paperLibrary.QRcode_encodeData(Int32(buffer.count), $0, 0, Int32(BK_QR_ECLEVEL_M)) }
            })
        else {
            throw PaperError(.tooLarge, "\(bytes.count) bytes do not fit in one QR code at error correction level M")
        }
        defer { paperLibrary.QRcode_free(code) }
        size = Int(code.pointee.width)
        version = Int(code.pointee.version)
        modules = (0..<(size * size)).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// Whether the module at `row`, `column` is dark.
    public subscript(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// The dark modules as runs per row (`row`, first column, length): what a surface fills.
    public var darkRuns: [(row: Int, column: Int, length: Int)] {
        var runs: [(Int, Int, Int)] = []
        for row in 0..<size {
            var column = 0
            while column < size {
                guard self[row, column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < size, self[row, column] { column += 1 }
                runs.append((row, start, column - start))
            }
        }
        return runs
    }
}
