/// Dutch identifiers used by bk-1.
public enum Identifiers {
    /// An OIN: exactly 20 digits.
    public static func isOIN(_ text: String) -> Bool {
        text.utf8.count == 20 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// A BSN: 9 digits passing the elfproef (weights 9…2 and −1, sum divisible by 11, not 0).
    public static func isBSN(_ text: String) -> Bool {
        let digits = text.utf8.map { Int($0) - Int(UInt8(ascii: "0")) }
        guard digits.count == 9, digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        let weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return sum != 0 && sum % 11 == 0
    }

    /// A BSN masked for logs and screens: only the last three digits shown.
    public static func masked(bsn: String) -> String {
        String(repeating: "•", count: max(0, bsn.count - 3)) + bsn.suffix(3)
    }
}
