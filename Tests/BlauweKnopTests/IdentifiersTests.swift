import BlauweKnop
import Testing

@Suite("Identifiers and money")
struct IdentifiersTests {
    @Test(
        "BSN elfproef",
        arguments: [("999993653", true), ("999991012", true), ("123456789", false), ("000000000", false), ("99999365", false), ("99999365a", false)])
    func bsn(text: String, valid: Bool) {
        #expect(Identifiers.isBSN(text) == valid)
    }

    @Test("OIN is 20 digits")
    func oin() {
        #expect(Identifiers.isOIN("00000001003214345000"))
        #expect(!Identifiers.isOIN("0000000100321434500"))
        #expect(!Identifiers.isOIN("0000000100321434500x"))
    }

    @Test("Masking keeps only the last three digits")
    func masking() {
        #expect(Identifiers.masked(bsn: "999993653") == "••••••653")
    }

    @Test("Dutch euro formatting", arguments: [(0, "€ 0,00"), (5, "€ 0,05"), (123456, "€ 1.234,56"), (-1200, "-€ 12,00"), (100_000_000, "€ 1.000.000,00")])
    func euros(cents: Int, text: String) {
        #expect(Money.euros(cents) == text)
    }
}
