import BlauweKnop
import Testing

/// The one strict JSON reader (PROTOCOL §0), tried with what an attacker would write: inputs
/// that two common parsers read in two ways.
@Suite("Strict JSON")
struct StrictJSONTests {
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue { try StrictJSONParser.parse(Array(text.utf8)) }

    @Test(
        "Duplicate member names are refused, also when spelled differently or nested",
        arguments: [
            #"{"saldo": 100, "saldo": 1}"#,
            #"{"saldo": 100, "sal\u0064o": 1}"#,
            #"{"totals": {"a": 1, "b": 2, "a": 3}}"#,
            #"[{"x": {"y": [{"z": 1, "z": 1}]}}]"#,
        ])
    func duplicates(text: String) {
        let error = #expect(throws: JSONSyntaxError.self) { try Self.parse(text) }
        #expect(error?.message.contains("appears twice") == true)
    }

    @Test("A duplicate is named with the path of the object that holds it")
    func duplicatePath() {
        let nested = #expect(throws: JSONSyntaxError.self) { try Self.parse(#"[{"x": {"y": [{"z": 1, "z": 1}]}}]"#) }
        #expect(nested?.message == "the member 'z' appears twice in [0].x.y[0]")
        let top = #expect(throws: JSONSyntaxError.self) { try Self.parse(#"{"a": 1, "a": 2}"#) }
        #expect(top?.message == "the member 'a' appears twice in the top object")
    }

    @Test("Text that is not valid UTF-8 is refused")
    func invalidUTF8() {
        #expect(throws: JSONSyntaxError.self) { try StrictJSONParser.parse([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }
        #expect(throws: JSONSyntaxError.self) { try StrictJSONParser.parse([0x22, 0xc0, 0xaf, 0x22]) }
    }

    @Test(
        "Malformed or ambiguous texts are refused",
        arguments: [
            #""\ud800""#, #""\udc00x""#, "[1,]", "{\"a\":1,}", "01", "1.", "-", "1e", "[1] [2]", "{'a':1}", "NaN", "1e400", "\"a\tb\"",
            "tru", "[", "{\"a\" 1}",
        ])
    func malformed(text: String) {
        #expect(throws: JSONSyntaxError.self) { try Self.parse(text) }
    }

    @Test("Nesting deeper than the limit is refused without exhausting the stack")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try Self.parse(deep) }
        let fine = String(repeating: "[", count: StrictJSONParser.maxDepth) + String(repeating: "]", count: StrictJSONParser.maxDepth)
        _ = try Self.parse(fine)
    }

    @Test("Integers and other numbers are told apart; escapes and surrogate pairs decode")
    func values() throws {
        #expect(
            try Self.parse("[0, -12, 9223372036854775807, 1.0, 1e2, 9223372036854775808]")
                == .array([.integer(0), .integer(-12), .integer(Int.max), .number(1), .number(100), .number(9_223_372_036_854_775_808)]))
        #expect(try Self.parse(#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#) == .string("a\"\\/\u{8}\u{C}\n\r\té😀"))
    }

    struct Figures: Decodable {
        var bedrag: Int
        var iat: Int64
    }

    @Test(
        "An integer field refuses a fraction, an exponent, a string or an out-of-range number",
        arguments: ["100.0", "1e2", "\"100\"", "1.5", "true", "null", "99999999999999999999"])
    func integerFields(bedrag: String) {
        #expect(throws: DecodingProblem.self) { try JSONCoding.decode(Figures.self, from: Array(#"{"bedrag": \#(bedrag), "iat": 1}"#.utf8)) }
    }

    @Test("A signed FCID payload with a duplicate member is refused before anything is merged")
    func duplicateInSignedPayload() throws {
        let payload =
            #"{"iss":"00000001003214345000","sub":"999993653","aud":"x","iat":1,"exp":2,"document_type":"financial_claims_information","document_version":"3.0","financiele_zaken":[],"financiele_zaken":[{"zaakkenmerk":"A","gebeurtenissen":[]}]}"#
        let error = #expect(throws: DecodingProblem.self) { try JSONCoding.decode(FinancialClaimsDocument.self, from: Array(payload.utf8)) }
        #expect(error?.summary.contains("financiele_zaken") == true)
    }

    @Test("The differential property: first-wins and last-wins readers disagree exactly where the strict reader refuses")
    func differential() throws {
        #expect(!StrictJSONParser.lenientReadersAgree(Array(#"{"saldo": 100, "saldo": 1}"#.utf8)))
        let accepted = Array(#"{"saldo": 100, "zaken": [{"a": 1}, {"a": 2}]}"#.utf8)
        _ = try StrictJSONParser.parse(accepted)
        #expect(StrictJSONParser.lenientReadersAgree(accepted))
    }

    @Test("A JWS header with a duplicate 'alg' is refused")
    func duplicateHeaderMember() throws {
        let header = Base64URL.encode(Array(#"{"alg":"ES256","alg":"none","typ":"t","kid":"k"}"#.utf8))
        let error = #expect(throws: JOSEError.self) { try JWS(compact: header + ".e30.c2ln") }
        #expect(error?.code == .malformed)
    }
}
