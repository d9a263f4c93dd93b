/// An overview file read back strictly, with the tree it was read from, so that the verifier
/// can compare the whole file (not only the fields it knows) with what the evidence renders to.
public struct OverviewFile: Sendable {
    /// The form the file was written in.
    public enum Form: Sendable {
        case json(JSONValue)
        case xml(XMLElementNode)
    }

    public let overview: Overview
    public let form: Form
}

/// Reads an overview file made by `bk overview` back, from JSON or XML, with the one strict
/// reader of each form (PROTOCOL §0).
public enum OverviewDocument {
    /// Largest overview file read (2000 organisations with evidence fit in well under this).
    public static let maxBytes = Overview.maxFileBytes

    /// Members that are integers in the overview; `achterstallig` is a boolean inside a
    /// payment request and an integer elsewhere.
    static let integerMembers: Set<String> = [
        "verplicht", "vereffend", "saldo", "achterstallig", "zaken", "version", "exp", "duration_ms", "bedrag", "openstaand",
    ]

    /// Parses JSON (starting with `{`) or XML (starting with `<`).
    public static func parse(_ bytes: [UInt8]) throws(VerificationError) -> OverviewFile {
        guard bytes.count <= maxBytes else { throw VerificationError(.malformed, "the file is larger than \(ByteCount.describe(maxBytes))") }
        let first = bytes.first { ![0x20, 0x09, 0x0a, 0x0d].contains($0) }
        let form: OverviewFile.Form
        let tree: JSONValue
        switch first {
        case UInt8(ascii: "{"):
            do {
                tree = try StrictJSONParser.parse(bytes)
            } catch {
                throw VerificationError(.malformed, "the file is \(error)")
            }
            form = .json(tree)
        case UInt8(ascii: "<"):
            let root = try StrictXMLReader.parse(bytes)
            guard root.name == "overview" else { throw VerificationError(.notAnOverview, "the XML is not a bk overview (no <overview> root)") }
            tree = try value(of: root, parent: "")
            form = .xml(root)
        default:
            throw VerificationError(.notAnOverview, "the file is neither an overview in JSON nor in XML")
        }
        // Another program's JSON: none of what makes a bk overview.
        if case .object(let members) = tree, members["schema_version"] == nil, members["evidence"] == nil {
            throw VerificationError(.notAnOverview, "the file has neither a schema_version nor evidence")
        }
        do {
            return OverviewFile(overview: try JSONCoding.decode(Overview.self, from: tree), form: form)
        } catch {
            throw VerificationError(.malformed, "the file is not a bk overview: \(error)")
        }
    }

    /// Turns an element of the XML form back into the JSON value it was made from. An element
    /// that repeats where the form has one is refused: it would say two things.
    private static func value(of element: XMLElementNode, parent: String) throws(VerificationError) -> JSONValue {
        // `zaken` is a list in a holder and a count in `totals`.
        if OverviewXML.itemNames[element.name] != nil && !(element.name == "zaken" && parent == "totals") {
            var items: [JSONValue] = []
            for child in element.children { items.append(try value(of: child, parent: element.name)) }
            return .array(items)
        }
        if !element.children.isEmpty {
            var members: [String: JSONValue] = [:]
            for child in element.children {
                guard members.updateValue(try value(of: child, parent: element.name), forKey: child.name) == nil else {
                    throw VerificationError(.malformed, "element <\(TerminalText.sanitized(String(child.name.prefix(40))))> appears twice in <\(element.name)>")
                }
            }
            return .object(members)
        }
        let text = element.text
        if element.name == "complete" || element.name == "complete_in_consent" || (element.name == "achterstallig" && parent == "betalingsverplichting")
            || (element.name == "encrypted" && parent == "holder")
        {
            return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        }
        // Only the canonical spelling is a number: XPath reads "+5" or " 5" otherwise than Int.
        if integerMembers.contains(element.name), let number = Int(text), String(number) == text { return .integer(number) }
        return .string(text)
    }
}
