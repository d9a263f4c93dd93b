/// The overview as XML (`Schemas/overview.xsd`): the JSON document's content with the same
/// element names; arrays become a wrapper element holding one element per item, and `null`
/// members are left out.
public enum OverviewXML {
    /// Element names of list items, by the name of their list.
    static let itemNames: [String: String] = [
        "holders": "holder", "zaken": "zaak", "warnings": "warning", "documents": "document",
        "open_betalingsverplichtingen": "betalingsverplichting", "contactopties": "contactoptie",
    ]

    public static func render(_ overview: Overview) -> String {
        guard let tree = try? JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(overview)) else { return "" }
        var output = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        write(tree, name: "overview", depth: 0, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, name: String, depth: Int, into output: inout String) {
        let indent = String(repeating: "  ", count: depth)
        switch value {
        case .null:
            return
        case .object(let members):
            output += "\(indent)<\(name)>\n"
            for key in members.keys.sorted() {
                if let member = members[key] { write(member, name: key, depth: depth + 1, into: &output) }
            }
            output += "\(indent)</\(name)>\n"
        case .array(let items):
            guard !items.isEmpty else {
                output += "\(indent)<\(name)/>\n"
                return
            }
            output += "\(indent)<\(name)>\n"
            let item = itemNames[name] ?? "item"
            for element in items { write(element, name: item, depth: depth + 1, into: &output) }
            output += "\(indent)</\(name)>\n"
        case .bool(let flag):
            output += "\(indent)<\(name)>\(flag)</\(name)>\n"
        case .integer(let number):
            output += "\(indent)<\(name)>\(number)</\(name)>\n"
        case .number(let number):
            output += "\(indent)<\(name)>\(number)</\(name)>\n"
        case .string(let text):
            output += "\(indent)<\(name)>\(escape(text))</\(name)>\n"
        }
    }

    /// Escapes text for XML element content.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\u{9}", "\u{A}", "\u{D}": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
