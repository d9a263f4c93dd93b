/// The overview as XML (`Schemas/overview.xsd`): the JSON document's content with the same
/// element names; arrays become a wrapper element holding one element per item, and `null`
/// members are left out.
public enum OverviewXML {
    /// Element names of list items, by the name of their list.
    static let itemNames: [String: String] = [
        "holders": "holder", "zaken": "zaak", "warnings": "warning", "documents": "document",
        "open_betalingsverplichtingen": "betalingsverplichting", "contactopties": "contactoptie", "verzoeken": "verzoek",
    ]

    /// Renders the overview, or refuses when a string holds a character XML 1.0 cannot carry
    /// (a control character other than tab, line feed and carriage return, or U+FFFE/U+FFFF):
    /// the XML form must read back as exactly the strings of the JSON form, never lossily.
    public static func render(_ overview: Overview) throws(OverviewRenderError) -> String {
        let tree: JSONValue
        do {
            tree = try JSONCoding.parse(try JSONCoding.encode(overview))
        } catch {
            throw OverviewRenderError("the overview could not be converted: \(error)")
        }
        var output = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        try write(tree, name: "overview", depth: 0, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, name: String, depth: Int, into output: inout String) throws(OverviewRenderError) {
        let indent = String(repeating: "  ", count: depth)
        switch value {
        case .null:
            return
        case .object(let members):
            output += "\(indent)<\(name)>\n"
            for key in members.keys.sorted() {
                if let member = members[key] { try write(member, name: key, depth: depth + 1, into: &output) }
            }
            output += "\(indent)</\(name)>\n"
        case .array(let items):
            guard !items.isEmpty else {
                output += "\(indent)<\(name)/>\n"
                return
            }
            output += "\(indent)<\(name)>\n"
            let item = itemNames[name] ?? "item"
            for element in items { try write(element, name: item, depth: depth + 1, into: &output) }
            output += "\(indent)</\(name)>\n"
        case .bool(let flag):
            output += "\(indent)<\(name)>\(flag)</\(name)>\n"
        case .integer(let number):
            output += "\(indent)<\(name)>\(number)</\(name)>\n"
        case .number(let number):
            output += "\(indent)<\(name)>\(number)</\(name)>\n"
        case .string(let text):
            guard let escaped = escape(text) else {
                throw OverviewRenderError(
                    "the text of <\(name)> holds a control character that XML cannot carry (\(TerminalText.sanitized(String(text.prefix(60))))); use --format json"
                )
            }
            output += "\(indent)<\(name)>\(escaped)</\(name)>\n"
        }
    }

    /// Escapes text for XML element content, or `nil` when XML 1.0 cannot carry it. A carriage
    /// return is written as `&#13;`: a literal one would be read back as a line feed.
    static func escape(_ text: String) -> String? {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\r": escaped += "&#13;"
            case "\u{9}", "\u{A}": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): return nil
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

extension OverviewXML {
    /// Escapes text for a report meant for people and tools that read XML (JUnit): characters
    /// XML cannot carry become U+FFFD instead of failing, and controls are sanitised first.
    static func escapeForReport(_ text: String) -> String {
        let safe = TerminalText.sanitized(text, keepingLineBreaks: true).unicodeScalars.map { scalar in
            (0xFFFE...0xFFFF).contains(scalar.value) ? TerminalText.replacement : scalar
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: safe)
        return escape(String(scalars)) ?? ""
    }
}

/// An overview that cannot be written in the asked form.
public struct OverviewRenderError: CodedError {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<OverviewRenderError>

    public let code: Code
    public let detail: String

    init(_ detail: String, code: Code = .notRepresentable) {
        self.code = code
        self.detail = detail
    }
}

extension ErrorCode where Domain == OverviewRenderError {
    /// The overview holds something the form cannot carry (such as a character XML forbids).
    public static var notRepresentable: Self { Self("notRepresentable") }
}
