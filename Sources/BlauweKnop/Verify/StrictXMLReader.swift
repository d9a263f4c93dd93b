import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One element of an XML document as bk writes them: a name, children, and text for leaves.
public final class XMLElementNode: Sendable {
    public let name: String
    public let children: [XMLElementNode]
    /// The element's text; empty for an element with children.
    public let text: String

    init(name: String, children: [XMLElementNode], text: String) {
        self.name = name
        self.children = children
        self.text = text
    }

    /// The first place where two trees differ (as a path such as
    /// `overview/holders/holder[2]/totals/saldo`), or `nil` when they are the same.
    public func firstDifference(from other: XMLElementNode, path: String = "") -> String? {
        let here = path.isEmpty ? name : path
        guard name == other.name else { return "\(here): element <\(TerminalText.sanitized(String(other.name.prefix(40))))> instead of <\(name)>" }
        guard text == other.text else { return "\(here): the text differs" }
        guard children.count == other.children.count else {
            return "\(here): \(other.children.count) child elements instead of \(children.count)"
        }
        var seen: [String: Int] = [:]
        for (mine, theirs) in zip(children, other.children) {
            let position = seen[mine.name, default: 0] + 1
            seen[mine.name] = position
            let repeated = children.lazy.filter { $0.name == mine.name }.count > 1
            if let difference = mine.firstDifference(from: theirs, path: "\(here)/\(mine.name)" + (repeated ? "[\(position)]" : "")) {
                return difference
            }
        }
        return nil
    }
}

/// Reads XML the strict way bk verifies it (PROTOCOL §0): UTF-8 only, no DTD (so no entity
/// can mean one thing to bk and another to xmllint), no attributes, no mixed content, and
/// nesting of at most `maxDepth` elements. CDATA counts as text, as XPath reads it.
public enum StrictXMLReader {
    /// Deepest nesting accepted; the overview needs 8.
    public static let maxDepth = 32

    /// Parses a document into its root element.
    public static func parse(_ bytes: [UInt8]) throws(VerificationError) -> XMLElementNode {
        // Foundation's XMLParser traps on element names that are not valid UTF-8 (found by
        // `make fuzz`): only valid UTF-8 without NUL bytes reaches it.
        guard String(validating: bytes, as: UTF8.self) != nil, !bytes.contains(0) else {
            throw VerificationError(.malformed, "the XML is not valid UTF-8 text")
        }
        if let problem = prologProblem(bytes) { throw VerificationError(.malformed, problem) }
        let builder = StrictXMLTreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        let parsed = parser.parse()
        if let problem = builder.problem { throw VerificationError(.malformed, problem) }
        guard parsed, let root = builder.root else {
            throw VerificationError(.malformed, "the XML is not well-formed (\(parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element"))")
        }
        return root
    }

    /// A DTD, an entity declaration or an encoding other than UTF-8, anywhere in the text.
    /// Every markup declaration starts with `<!` and a letter (`<!DOCTYPE`, `<!ENTITY`, …);
    /// comments (`<!--`) and CDATA (`<![CDATA[`) do not.
    ///
    /// A processing instruction other than the XML declaration is refused too: bk never
    /// writes one, and Foundation's XMLParser crashes on one without data (found by
    /// `make fuzz`: `<?target?>`).
    static func prologProblem(_ bytes: [UInt8]) -> String? {
        let declarationStart = Array("<?xml".utf8)
        let hasDeclaration = bytes.starts(with: declarationStart) && bytes.count > 5 && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[5])
        for index in bytes.indices.dropLast() where bytes[index] == UInt8(ascii: "<") {
            switch bytes[index + 1] {
            case UInt8(ascii: "!"):
                guard index + 2 < bytes.count else { continue }
                let next = bytes[index + 2] | 0x20
                if next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z") {
                    return "the XML has a document type or entity declaration (DTD), which bk never writes and does not read"
                }
            case UInt8(ascii: "?") where !(index == 0 && hasDeclaration):
                return "the XML has a processing instruction, which bk never writes"
            default:
                continue
            }
        }
        guard hasDeclaration, let end = bytes.firstRange(of: Array("?>".utf8)) else { return nil }
        let declaration = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).lowercased()
        if declaration.contains("encoding"), !declaration.contains("\"utf-8\""), !declaration.contains("'utf-8'") {
            return "the XML declares an encoding other than UTF-8"
        }
        return nil
    }
}

/// Builds the element tree with XMLParser, recording the first rule the document breaks.
private final class StrictXMLTreeBuilder: NSObject, XMLParserDelegate {
    final class Open {
        let name: String
        var children: [XMLElementNode] = []
        var text = ""
        init(name: String) { self.name = name }
    }

    private(set) var root: XMLElementNode?
    private(set) var problem: String?
    private var stack: [Open] = []

    private func refuse(_ parser: XMLParser, _ reason: String) {
        if problem == nil { problem = reason }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard problem == nil else { return }
        guard stack.count < StrictXMLReader.maxDepth else { return refuse(parser, "the XML is nested deeper than \(StrictXMLReader.maxDepth) levels") }
        guard attributes.isEmpty else {
            return refuse(parser, "element <\(TerminalText.sanitized(String(name.prefix(40))))> has attributes, which bk never writes")
        }
        guard root == nil else { return refuse(parser, "the XML has more than one root element") }
        stack.append(Open(name: name))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        stack.last?.text += String(decoding: block, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuse(parser, "the XML declares an entity, which bk never writes")
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard problem == nil, let open = stack.popLast() else { return }
        if !open.children.isEmpty && !open.text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            return refuse(parser, "element <\(TerminalText.sanitized(String(open.name.prefix(40))))> mixes text and elements")
        }
        let node = XMLElementNode(name: open.name, children: open.children, text: open.children.isEmpty ? open.text : "")
        if let parent = stack.last {
            parent.children.append(node)
        } else {
            root = node
        }
    }
}
