/// How a CSV file is written for the program that opens it.
public enum CSVDialect: String, Sendable, CaseIterable {
    /// What Dutch Excel opens directly: `;` between cells, amounts in euros with a decimal comma,
    /// `ja`/`nee`, UTF-8 with a byte order mark (else Excel reads it as Windows-1252).
    case excelNL = "excel-nl"
    /// RFC 4180 for scripts: `,` between cells, amounts in integer cents, `yes`/`no`, no BOM.
    case rfc4180
}

/// One cell of a CSV row, written as its dialect wants.
public enum CSVValue: Sendable, Equatable {
    case text(String)
    /// An amount in integer cents; nil is an empty cell.
    case cents(Int?)
    case flag(Bool)
}

/// CSV text in a dialect, safe to open in a spreadsheet: a cell that would start with `=`,
/// `+`, `-`, `@`, a tab or a carriage return is prefixed with an apostrophe, so it is never read
/// as a formula (a negative amount then opens as text).
public struct CSVWriter: Sendable {
    public let dialect: CSVDialect

    public init(_ dialect: CSVDialect) { self.dialect = dialect }

    private var separator: Character { dialect == .excelNL ? ";" : "," }

    /// The whole file: the header, then one line per row, CRLF line ends.
    public func render(header: [String], rows: [[CSVValue]]) -> String {
        var lines = [header.map(cell).joined(separator: String(separator))]
        for row in rows { lines.append(row.map(text).map(cell).joined(separator: String(separator))) }
        return (dialect == .excelNL ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n"
    }

    private func text(_ value: CSVValue) -> String {
        switch value {
        case .text(let text): return text
        case .flag(let flag): return dialect == .excelNL ? (flag ? "ja" : "nee") : (flag ? "yes" : "no")
        case .cents(nil): return ""
        case .cents(let cents?):
            guard dialect == .excelNL else { return String(cents) }
            let magnitude = cents.magnitude
            let fraction = magnitude % 100
            return (cents < 0 ? "-" : "") + "\(magnitude / 100)," + (fraction < 10 ? "0" : "") + "\(fraction)"
        }
    }

    private func cell(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
