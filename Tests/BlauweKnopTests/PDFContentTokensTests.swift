@testable import BlauweKnop
import Testing

/// Pages are compared by what they draw (PROTOCOL §8.2): the spellings qpdf's `--qdf` rewrites
/// compare equal, and every change to what is drawn compares unequal.
@Suite("PDF content tokens")
struct PDFContentTokensTests {
    static func form(_ text: String) -> [UInt8] { PDFContentTokens.canonical(Array(text.utf8)) }

    @Test(
        "Spellings of the same content are one form",
        arguments: [
            ("BT (\\225\\225) Tj ET", "BT\n<9595>Tj\nET"),
            ("[(a)-24(b)] TJ", "[ (a) -24 (b) ]TJ"),
            ("0.50 0 0 .5 10 20 cm", "0.5 0 0 0.5 10.0 20 cm"),
            ("/F#31 12 Tf % a comment\n", "/F1 12 Tf"),
            ("(a\\\nb) Tj", "(ab) Tj"),
            ("(x\r\ny) Tj", "(x\\ny) Tj"),
            ("<4 1 4>Tj", "(A@)Tj"),
        ])
    func sameForm(pair: (String, String)) {
        #expect(Self.form(pair.0) == Self.form(pair.1), "\(pair.0) | \(pair.1)")
    }

    @Test(
        "Every change to what is drawn is another form",
        arguments: [
            ("BT (4) Tj ET", "BT (9) Tj ET"),
            ("1 0 0 1 10 20 cm", "1 0 0 1 10 21 cm"),
            ("/F1 12 Tf", "/F2 12 Tf"),
            ("(a) Tj", "(a) TJ"),
            ("(a)(b) Tj", "(ab) Tj"),
            ("q Q", "q Q q Q"),
            ("BI /W 1 ID \u{01} EI", "BI /W 1 ID \u{02} EI"),
        ])
    func otherForm(pair: (String, String)) {
        #expect(Self.form(pair.0) != Self.form(pair.1), "\(pair.0) | \(pair.1)")
    }
}
