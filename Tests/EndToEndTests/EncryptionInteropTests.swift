import BlauweKnop
import Foundation
import Testing

/// PROTOCOL §13 against an independent implementation: X-Wing and HPKE written from the drafts
/// and RFC 9180 in Python on `cryptography` (Fixtures/xwing_hpke.py), both ways.
@Suite("HPKE X-Wing interoperability")
struct EncryptionInteropTests {
    static let script = Paths.packageRoot + "/Tests/EndToEndTests/Fixtures/xwing_hpke.py"
    static let info = "bk-1|00000001003214345000|challenge-of-the-session"
    static let document = "eyJhbGciOiJFUzI1NiIsInR5cCI6ImZjaWQrandzIn0.eyJpc3MiOiIwMDAwMDAwMTAwMzIxNDM0NTAwMCJ9.c2lnbmF0dXJl"

    static func python(_ arguments: [String], input: String) throws -> CommandResult {
        try CommandResult.run("/usr/bin/env", ["python3", script] + arguments, input: input)
    }

    @Test("The independent implementation reproduces the X-Wing draft's test vector (seed to public key, ciphertext to shared secret)")
    func draftVector() throws {
        let vector = Paths.packageRoot + "/Tests/BlauweKnopTests/Vectors/xwing_draft06_vector.json"
        let checked = try Self.python(["kat", vector], input: "")
        #expect(checked.status == 0 && checked.standardOutput == "ok\n", "\(checked.standardError)")
    }

    @Test("A document sealed by the independent implementation to bk's run key opens in bk")
    func pythonSealsBkOpens() throws {
        let key = try RunEncryptionKey()
        let sealed = try Self.python(["seal", key.offer.pk, Self.info], input: Self.document)
        try #require(sealed.status == 0, "\(sealed.standardError)")
        let opened = try key.open(Array(sealed.standardOutput.utf8), info: Array(Self.info.utf8))
        #expect(String(decoding: opened, as: UTF8.self) == Self.document)
    }

    @Test("A document bk seals opens in the independent implementation, with the key it derived from the same seed")
    func bkSealsPythonOpens() throws {
        let seed = String(repeating: "5a", count: 32)
        let keygen = try Self.python(["keygen", seed], input: "")
        try #require(keygen.status == 0, "\(keygen.standardError)")
        let offer = EncryptionOffer(pk: keygen.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(offer.publicKeyBytes?.count == 1216)
        let sealed = try SealedDocument.seal(Array(Self.document.utf8), to: offer, info: Array(Self.info.utf8))
        let body = String(decoding: try JSONCoding.encode(sealed), as: UTF8.self)
        let opened = try Self.python(["open", seed, Self.info], input: body)
        #expect(opened.status == 0, "\(opened.standardError)")
        #expect(opened.standardOutput == Self.document)
        let wrongInfo = try Self.python(["open", seed, Self.info + "x"], input: body)
        #expect(wrongInfo.status != 0, "the info binds the document to its holder and session")
    }
}
