/// Where and in which form an overview is written (`bk overview`, `bk requester overview`):
/// `--format` wins, else the output file's extension, else the table — also on a pipe, so that
/// what a person pipes into `less` or a file stays readable; a script asks for JSON.
public struct OverviewOutput: Sendable, Equatable {
    /// The forms an overview is written in.
    public enum Form: String, Sendable, CaseIterable {
        case table, json, xml, pdf

        /// The form an output file's extension asks for (.json, .xml, .pdf, .txt).
        public init?(extensionOf path: String) {
            switch OverviewOutput.fileExtension(path) {
            case "json": self = .json
            case "xml": self = .xml
            case "pdf": self = .pdf
            case "txt": self = .table
            default: return nil
            }
        }
    }

    public let form: Form
    /// The file, or nil for standard output.
    public let path: String?

    /// Chooses the form for `--format` and `--output`.
    /// - Throws: `OverviewOutputError` for a usage mistake: an extension bk does not write
    ///   (`.csv`, `.docx`) without `--format`, a form's name given as the file (`-o json`), or
    ///   a PDF to a terminal.
    public static func choose(format: Form?, output: String?, standardOutputIsTerminal: Bool) throws(OverviewOutputError) -> OverviewOutput {
        let path = output == OutputFile.standardOutputName ? nil : output
        if let path, format == nil {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if let named = Form(rawValue: name) { throw OverviewOutputError(.formAsFileName, values: ["name": named.rawValue]) }
            if let found = fileExtension(path), Form(extensionOf: path) == nil {
                throw OverviewOutputError(.unknownExtension, values: ["extension": "." + found])
            }
        }
        let form = format ?? path.flatMap(Form.init(extensionOf:)) ?? .table
        if form == .pdf, path == nil, standardOutputIsTerminal { throw OverviewOutputError(.pdfToTerminal) }
        return OverviewOutput(form: form, path: path)
    }

    /// The lowercased extension of a file name, or nil when it has none.
    static func fileExtension(_ path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }
}

/// A usage mistake in choosing an overview's output (exit 64), with the values its sentence needs.
public struct OverviewOutputError: CodedError {
    public let code: ErrorCode<OverviewOutputError>
    /// `name` (a form) or `extension` (with its dot), for the sentence in the reader's language.
    public let values: [String: String]

    init(_ code: ErrorCode<OverviewOutputError>, values: [String: String] = [:]) {
        self.code = code
        self.values = values
    }

    public var detail: String {
        switch code {
        case .formAsFileName: "'-o \(values["name"] ?? "")' names a file; --format \(values["name"] ?? "") chooses the form"
        case .unknownExtension: "bk does not write \(values["extension"] ?? "") files; use .json, .xml, .pdf or .txt, or --format"
        default: "a PDF is not written to a terminal"
        }
    }
}

extension ErrorCode where Domain == OverviewOutputError {
    public static let formAsFileName = Self("form_as_file_name")
    public static let unknownExtension = Self("unknown_extension")
    public static let pdfToTerminal = Self("pdf_to_terminal")
}
