/// Why a QR code cannot be drawn or a picture cannot be read (PROTOCOL §12.3).
public struct PaperError: CodedError, Hashable {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<PaperError>

    public let code: Code
    public let detail: String

    init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }
}

extension ErrorCode where Domain == PaperError {
    /// libqrencode, zbar, gdk-pixbuf or poppler-glib is missing.
    public static var libraries: Self { Self("libraries") }
    /// The text does not fit in one QR code.
    public static var tooLarge: Self { Self("tooLarge") }
    /// The file is no picture or PDF bk can read, or larger than it reads.
    public static var unreadable: Self { Self("unreadable") }
}
