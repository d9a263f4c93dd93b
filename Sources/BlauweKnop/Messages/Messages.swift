/// The message catalogue: every sentence a person reads, in one language per run.
///
/// Texts are templates with named placeholders (`{name}`) and words that follow a number
/// (`{count:dag|dagen}`: the first form when `count` is 1); `MessagesTests` checks that every
/// key has a text in both languages with the same placeholders.
public struct Messages: Sendable {
    public let language: Language
    private let texts: [MessageKey: String]

    public init(_ language: Language) {
        self.language = language
        switch language {
        case .nl: texts = Self.dutch
        case .en: texts = Self.english
        }
    }

    /// The text for `key` with its placeholders filled in.
    public subscript(_ key: MessageKey, _ values: [String: String] = [:]) -> String {
        var text = Self.choosingForms(texts[key] ?? key.rawValue, values)
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// `template` with each `{name:one|many}` replaced by the form for `values[name]`; a form
    /// may hold placeholders of its own (`{count:de enige|alle {count}}`).
    static func choosingForms(_ template: String, _ values: [String: String]) -> String {
        let characters = Array(template)
        var output = ""
        var index = 0
        while index < characters.count {
            guard characters[index] == "{", let close = matchingBrace(characters, from: index) else {
                output.append(characters[index])
                index += 1
                continue
            }
            let inside = String(characters[(index + 1)..<close])
            if let colon = inside.firstIndex(of: ":"), let bar = inside.firstIndex(of: "|"), colon < bar {
                let one = inside[inside.index(after: colon)..<bar]
                let many = inside[inside.index(after: bar)...]
                output += values[String(inside[..<colon])] == "1" ? one : many
            } else {
                output += "{" + inside + "}"
            }
            index = close + 1
        }
        return output
    }

    private static func matchingBrace(_ characters: [Character], from open: Int) -> Int? {
        var depth = 0
        for index in open..<characters.count {
            if characters[index] == "{" { depth += 1 }
            if characters[index] == "}" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// The template for `key` as written, for the completeness test.
    public func template(_ key: MessageKey) -> String? { texts[key] }

    /// A calendar date (`YYYY-MM-DD`) as people read it: `31 aug 2026` / `31 Aug 2026`.
    public func date(_ isoDate: String) -> String {
        let parts = isoDate.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]) else { return isoDate }
        let names =
            language == .nl
            ? ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
            : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day) \(names[month - 1]) \(parts[0])"
    }

    /// A moment (RFC 3339) as people read it: `2 dec 2026 14:05`.
    public func moment(_ rfc3339: String) -> String {
        guard rfc3339.count >= 16 else { return rfc3339 }
        let date = String(rfc3339.prefix(10))
        let time = rfc3339.dropFirst(11).prefix(5)
        return "\(self.date(date)) \(time)"
    }
}
