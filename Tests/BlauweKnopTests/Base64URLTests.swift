import BlauweKnop
import Testing

@Suite("Base64url")
struct Base64URLTests {
    @Test("Round trips every length", arguments: 0..<40)
    func roundTrip(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
    }

    @Test(
        "Refuses padding, the standard alphabet, white space and non-canonical tails",
        arguments: ["Zm9v=", "Zm+v", "Zm/v", "Zm 9v", "Zh", "Z", "Zm9vYg=="])
    func strict(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test("Known encodings")
    func known() {
        #expect(Base64URL.encode(Array("foo".utf8)) == "Zm9v")
        #expect(Base64URL.encode([0xfb, 0xff]) == "-_8")
    }
}
