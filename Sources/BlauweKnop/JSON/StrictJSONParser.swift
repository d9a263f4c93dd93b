/// The one JSON reader for everything bk verifies or signs (PROTOCOL §0).
///
/// It accepts exactly RFC 8259 JSON and refuses what lets one file say two things to two
/// readers: a duplicate member name (compared after unescaping), text that is not valid UTF-8,
/// an escaped lone surrogate, a number too large for a double, and nesting deeper than
/// `maxDepth`. Integer literals (no fraction, no exponent) that fit 64 bits become
/// `JSONValue.integer`; every other number is `JSONValue.number`, which no integer field accepts.
public struct StrictJSONParser {
    /// Deepest nesting of arrays and objects accepted; bk's documents need fewer than 10.
    public static let maxDepth = 64

    /// What to do with a member name that repeats. Only `reject` is ever used to read; the
    /// other two read like common lenient parsers do (jq and Python keep the last, some
    /// streaming readers the first), for the differential check of `make fuzz`.
    enum DuplicatePolicy {
        case reject, firstWins, lastWins
    }

    private let bytes: [UInt8]
    private let duplicates: DuplicatePolicy
    private var index = 0
    /// Where the value being read sits (member names and array indexes), kept as a stack so
    /// that the path is spelled out only for a message.
    private var path: [PathStep] = []

    private enum PathStep {
        case member(String)
        case item(Int)
    }

    private init(_ bytes: [UInt8], duplicates: DuplicatePolicy) {
        self.bytes = bytes
        self.duplicates = duplicates
    }

    /// Parses one JSON text.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue { try parse(bytes, duplicates: .reject) }

    /// Whether a last-wins and a first-wins reader read `bytes` as the same value (or both
    /// refuse it). Everything the strict reader accepts must pass: that is the property the
    /// overview fuzz target asserts.
    public static func lenientReadersAgree(_ bytes: [UInt8]) -> Bool {
        let first = try? parse(bytes, duplicates: .firstWins)
        let last = try? parse(bytes, duplicates: .lastWins)
        return first == last
    }

    static func parse(_ bytes: [UInt8], duplicates: DuplicatePolicy) throws(JSONSyntaxError) -> JSONValue {
        guard UTF8Validation.isValid(bytes) else { throw JSONSyntaxError("the text is not valid UTF-8", offset: 0) }
        var parser = StrictJSONParser(bytes, duplicates: duplicates)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw JSONSyntaxError("there is more after the JSON value", offset: parser.index) }
        return value
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("the text ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character")
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth <= Self.maxDepth else { throw error("nested deeper than \(Self.maxDepth) levels") }
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw error("a member name must be a string") }
            let start = index
            let name = try string()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            path.append(.member(name))
            let member = try value(depth: depth)
            path.removeLast()
            if members[name] != nil {
                switch duplicates {
                case .reject:
                    throw JSONSyntaxError("the member '\(Self.printable(name))' appears twice in \(spelledPath)", offset: start)
                case .firstWins: break
                case .lastWins: members[name] = member
                }
            } else {
                members[name] = member
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("the text ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "}"))
            return .object(members)
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth <= Self.maxDepth else { throw error("nested deeper than \(Self.maxDepth) levels") }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { index += 1; return .array(items) }
        while true {
            skipWhitespace()
            path.append(.item(items.count))
            items.append(try value(depth: depth))
            path.removeLast()
            skipWhitespace()
            guard index < bytes.count else { throw error("the text ends inside an array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            try expect(UInt8(ascii: "]"))
            return .array(items)
        }
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            guard bytes[index] >= 0x20 else { throw error("a control character inside a string must be escaped") }
            index += 1
        }
        guard index < bytes.count else { throw error("the text ends inside a string") }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: bytes[start..<index - 1], as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars)
        var runStart = index
        while true {
            guard index < bytes.count else { throw error("the text ends inside a string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                scalars.append(contentsOf: String(decoding: bytes[runStart..<index], as: UTF8.self).unicodeScalars)
                index += 1
                if byte == UInt8(ascii: "\"") { return String(scalars) }
                scalars.append(try escape())
                runStart = index
                continue
            }
            guard byte >= 0x20 else { throw error("a control character inside a string must be escaped") }
            index += 1
        }
    }

    private mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
        guard index < bytes.count else { throw error("the text ends inside an escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hex4()
            if (0xD800...0xDBFF).contains(unit) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("an escaped high surrogate is not followed by a low one")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low), let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) else {
                    throw error("an escaped high surrogate is not followed by a low one")
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(unit) else { throw error("an escaped lone surrogate is not a character") }
            return scalar
        default:
            throw error("unknown escape")
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("the text ends inside a \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs digits") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("a number must not have leading zeros") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a fraction needs digits") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("an exponent needs digits") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if isInteger, let integer = integerValue(bytes[start..<index]) { return .integer(integer) }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let double = Double(text), double.isFinite else { throw JSONSyntaxError("the number \(text) is too large", offset: start) }
        return .number(double)
    }

    /// An optional minus and digits as an `Int`, or nil when it does not fit 64 bits.
    private func integerValue(_ digits: ArraySlice<UInt8>) -> Int? {
        let negative = digits.first == UInt8(ascii: "-")
        var value = 0
        for byte in digits.dropFirst(negative ? 1 : 0) {
            let digit = Int(byte &- UInt8(ascii: "0"))
            let (shifted, overflowed) = value.multipliedReportingOverflow(by: 10)
            guard !overflowed else { return nil }
            let (next, overflowedAgain) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowedAgain else { return nil }
            value = next
        }
        return value
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard index + expected.count <= bytes.count, bytes[index..<index + expected.count].elementsEqual(expected) else {
            throw error("unexpected word")
        }
        index += expected.count
    }

    private mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
        guard peek(byte) else { throw error("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message, offset: index) }

    /// The object being read, as `a.b[2]`, or "the top object".
    private var spelledPath: String {
        guard !path.isEmpty else { return "the top object" }
        var text = ""
        for step in path {
            switch step {
            case .member(let name): text += (text.isEmpty ? "" : ".") + Self.printable(name)
            case .item(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// A member name as it may appear in a message: at most 40 characters, controls replaced.
    static func printable(_ name: String) -> String { TerminalText.sanitized(String(name.prefix(40))) }
}

/// Why a text is not strict JSON, and at which byte.
public struct JSONSyntaxError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    /// The byte offset where the problem was found.
    public let offset: Int

    init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "not valid JSON: \(message) (at byte \(offset))" }
}
