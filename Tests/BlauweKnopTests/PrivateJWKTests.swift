import BlauweKnop
import Foundation
import Testing

/// Private keys as JWK (the requester's key may be given so): what reads back is the same key,
/// and a JWK whose public members name another key is refused.
@Suite("Private JWK")
struct PrivateJWKTests {
    static func members(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    static func bytes(_ members: [String: Any]) throws -> [UInt8] {
        [UInt8](try JSONSerialization.data(withJSONObject: members))
    }

    @Test("P-256 and Ed25519 keys survive the round trip and still sign for their public key", arguments: [KeyType.p256, KeyType.ed25519])
    func roundTrip(type: KeyType) throws {
        let key = try PrivateKey.generate(type)
        let read = try PrivateKey(jwkJSON: try key.privateJWK())
        #expect(read.publicJWK == key.publicJWK)
        let signed = try JWS.sign(payload: Array("{}".utf8), type: "test+jws", key: read)
        #expect(throws: Never.self) { try JWS(compact: signed).verified(with: TrustedKeys([key.publicJWK]), type: "test+jws") }
    }

    @Test("A JWK whose public members belong to another key is refused", arguments: [KeyType.p256, KeyType.ed25519])
    func mismatched(type: KeyType) throws {
        var members = try Self.members(try PrivateKey.generate(type).privateJWK())
        let other = try Self.members(try PrivateKey.generate(type).privateJWK())
        members["x"] = other["x"]
        members["y"] = other["y"]
        #expect(throws: JOSEError.self) { try PrivateKey(jwkJSON: try Self.bytes(members)) }
    }

    @Test("Malformed private JWKs are refused: no d, a short d, a duplicate member, an unknown curve")
    func malformed() throws {
        let good = try Self.members(try PrivateKey.generate(.p256).privateJWK())
        var noD = good
        noD["d"] = nil
        var shortD = good
        shortD["d"] = "AAAA"
        var curve = good
        curve["crv"] = "P-384"
        for members in [noD, shortD, curve] {
            #expect(throws: JOSEError.self) { try PrivateKey(jwkJSON: try Self.bytes(members)) }
        }
        let text = String(decoding: try Self.bytes(good), as: UTF8.self)
        let duplicated = String(text.dropLast()) + #","d":"AAAA"}"#
        #expect(throws: JOSEError.self) { try PrivateKey(jwkJSON: Array(duplicated.utf8)) }
    }
}
