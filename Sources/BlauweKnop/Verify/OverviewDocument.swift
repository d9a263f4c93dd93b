import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an overview file made by `bk overview` back into an `Overview`, from JSON or XML.
public enum OverviewDocument {
    /// Members that are integers in the overview; `achterstallig` is a boolean inside a
    /// payment request and an integer elsewhere.
    static let integerMembers: Set<String> = ["verplicht", "vereffend", "saldo", "achterstallig", "zaken", "version", "exp", "duration_ms", "bedrag", "openstaand"]

    /// Parses JSON (starting with `{`) or XML (starting with `<`).
    public static func parse(_ bytes: [UInt8]) throws(VerificationError) -> Overview {
        let first = bytes.first { ![0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf].contains($0) }
        let json: [UInt8]
        switch first {
        case UInt8(ascii: "{"): json = bytes
        case UInt8(ascii: "<"): json = JSONCoding.encode(try xmlTree(bytes))
        default: throw VerificationError(.unreadable, "the file is neither an overview in JSON nor in XML")
        }
        do {
            return try JSONCoding.decode(Overview.self, from: json)
        } catch {
            throw VerificationError(.unreadable, "the file is not a bk overview: \(error)")
        }
    }

    /// Turns the XML form back into the JSON value it was made from.
    static func xmlTree(_ bytes: [UInt8]) throws(VerificationError) -> JSONValue {
        // Foundation's XMLParser traps on element names that are not valid UTF-8 (found by
        // `make fuzz`): only valid UTF-8 without NUL bytes reaches it.
        guard String(validating: bytes, as: UTF8.self) != nil, !bytes.contains(0) else {
            throw VerificationError(.unreadable, "the XML is not valid UTF-8 text")
        }
        let builder = XMLTreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root, root.name == "overview" else {
            throw VerificationError(.unreadable, "the XML is not a bk overview (\(parser.parserError.map { "\($0)" } ?? "no <overview> root"))")
        }
        return value(of: root, parent: "")
    }

    private static func value(of element: XMLTreeBuilder.Element, parent: String) -> JSONValue {
        // `zaken` is a list in a holder and a count in `totals`.
        if OverviewXML.itemNames[element.name] != nil && !(element.name == "zaken" && parent == "totals") {
            return .array(element.children.map { value(of: $0, parent: element.name) })
        }
        if !element.children.isEmpty {
            var members: [String: JSONValue] = [:]
            for child in element.children { members[child.name] = value(of: child, parent: element.name) }
            return .object(members)
        }
        let text = element.text
        if element.name == "complete" || (element.name == "achterstallig" && parent == "betalingsverplichting") {
            return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        }
        if integerMembers.contains(element.name), let number = Int(text) { return .integer(number) }
        return .string(text)
    }
}

/// Builds a simple element tree with XMLParser.
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    final class Element {
        let name: String
        var children: [Element] = []
        var text = ""
        init(name: String) { self.name = name }
    }

    private(set) var root: Element?
    private var stack: [Element] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let element = Element(name: name)
        stack.last?.children.append(element)
        if root == nil { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if let element = stack.popLast(), !element.children.isEmpty { element.text = "" }
    }
}
