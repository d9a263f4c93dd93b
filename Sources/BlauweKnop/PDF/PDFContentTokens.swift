/// What a page's content stream draws, as a sequence of tokens independent of how they are
/// spelled: `(\225)` and `<95>` are the same string, `/A#42` and `/AB` the same name, `0.50` and
/// `.5` the same number, and whitespace and comments say nothing. qpdf's `--qdf` rewrites content
/// this way, so bk compares pages by these tokens (PROTOCOL §8.2: "by what they draw").
enum PDFContentTokens {
    /// The canonical form of `content`: one entry per token, each tagged with its kind.
    /// Everything after an inline image's `ID` is kept byte for byte, since its data is not
    /// made of tokens (bk never draws one; an edited page that has one still compares unequal).
    static func canonical(_ content: [UInt8]) -> [UInt8] {
        var scanner = Scanner(bytes: content)
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        while let token = scanner.next() {
            output += token
            if token == Array("oID ".utf8) {
                output += content[scanner.index...]
                break
            }
        }
        return output
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        static func isWhitespace(_ byte: UInt8) -> Bool { [0, 9, 10, 12, 13, 32].contains(byte) }
        static func isDelimiter(_ byte: UInt8) -> Bool { Array("()<>[]{}/%".utf8).contains(byte) }

        /// The next token in canonical form, or nil at the end.
        mutating func next() -> [UInt8]? {
            skipWhitespaceAndComments()
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "("):
                index += 1
                return tagged("s", literalString())
            case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "<"):
                index += 2
                return Array("<< ".utf8)
            case UInt8(ascii: "<"):
                index += 1
                return tagged("s", hexString())
            case UInt8(ascii: ">") where peek(1) == UInt8(ascii: ">"):
                index += 2
                return Array(">> ".utf8)
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ">"), UInt8(ascii: ")"):
                index += 1
                return [byte, UInt8(ascii: " ")]
            case UInt8(ascii: "/"):
                index += 1
                return tagged("/", name())
            default:
                let word = regular()
                if let number = Self.number(word) { return tagged("#", Array(number.utf8)) }
                return Array("o".utf8) + word + [UInt8(ascii: " ")]
            }
        }

        private func peek(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

        private func tagged(_ tag: String, _ value: [UInt8]) -> [UInt8] {
            Array(tag.utf8) + Array("\(value.count):".utf8) + value
        }

        private mutating func skipWhitespaceAndComments() {
            while index < bytes.count {
                if Self.isWhitespace(bytes[index]) {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "%") {
                    while index < bytes.count, bytes[index] != 10, bytes[index] != 13 { index += 1 }
                } else {
                    return
                }
            }
        }

        /// A run of regular characters: an operator, a number or a keyword.
        private mutating func regular() -> [UInt8] {
            let start = index
            while index < bytes.count, !Self.isWhitespace(bytes[index]), !Self.isDelimiter(bytes[index]) { index += 1 }
            return Array(bytes[start..<index])
        }

        /// A name's bytes with `#xx` escapes decoded.
        private mutating func name() -> [UInt8] {
            let raw = regular()
            var decoded: [UInt8] = []
            var position = 0
            while position < raw.count {
                if raw[position] == UInt8(ascii: "#"), position + 2 < raw.count, let high = Self.hexValue(raw[position + 1]),
                    let low = Self.hexValue(raw[position + 2])
                {
                    decoded.append(high << 4 | low)
                    position += 3
                } else {
                    decoded.append(raw[position])
                    position += 1
                }
            }
            return decoded
        }

        /// A literal string's bytes, after its opening parenthesis: escapes decoded, end-of-line
        /// markers read as one line feed, nested parentheses kept.
        private mutating func literalString() -> [UInt8] {
            var value: [UInt8] = []
            var depth = 1
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "("):
                    depth += 1
                    value.append(byte)
                case UInt8(ascii: ")"):
                    depth -= 1
                    if depth == 0 { return value }
                    value.append(byte)
                case 13:
                    if peek(0) == 10 { index += 1 }
                    value.append(10)
                case UInt8(ascii: "\\"):
                    escape(into: &value)
                default:
                    value.append(byte)
                }
            }
            return value
        }

        private mutating func escape(into value: inout [UInt8]) {
            guard index < bytes.count else { return }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "n"): value.append(10)
            case UInt8(ascii: "r"): value.append(13)
            case UInt8(ascii: "t"): value.append(9)
            case UInt8(ascii: "b"): value.append(8)
            case UInt8(ascii: "f"): value.append(12)
            case 13: if peek(0) == 10 { index += 1 }
            case 10: break
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var code = Int(byte - UInt8(ascii: "0"))
                for _ in 0..<2 {
                    guard let next = peek(0), (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(next) else { break }
                    code = code * 8 + Int(next - UInt8(ascii: "0"))
                    index += 1
                }
                value.append(UInt8(truncatingIfNeeded: code))
            default: value.append(byte)
            }
        }

        /// A hexadecimal string's bytes, after its `<`: whitespace ignored, an odd last digit
        /// read as followed by 0.
        private mutating func hexString() -> [UInt8] {
            var value: [UInt8] = []
            var pending: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: ">") { break }
                guard let digit = Self.hexValue(byte) else { continue }
                if let high = pending {
                    value.append(high << 4 | digit)
                    pending = nil
                } else {
                    pending = digit
                }
            }
            if let high = pending { value.append(high << 4) }
            return value
        }

        static func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }

        /// A number in one spelling (`.5`, `0.50` and `+0.5` alike), or nil for any other word.
        static func number(_ word: [UInt8]) -> String? {
            guard !word.isEmpty,
                word.allSatisfy({
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+")
                }),
                let value = Double(String(decoding: word, as: UTF8.self)) ?? Double("0" + String(decoding: word, as: UTF8.self))
            else { return nil }
            return value == 0 ? "0" : "\(value)"
        }
    }
}
