import BlauweKnop
import Testing

/// Keys refused when they are loaded (PROTOCOL §0), not only when a signature fails.
@Suite("Key rules")
struct KeyRulesTests {
    static func hex(_ text: String) -> [UInt8] { WycheproofTests.bytes(hex: text) }

    /// Every point of small order (both signs where the encoding allows it) and non-canonical
    /// encodings (y ≥ p).
    static let weakKeys = [
        "0100000000000000000000000000000000000000000000000000000000000000",  // identity
        "0100000000000000000000000000000000000000000000000000000000000080",  // identity, sign bit set
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // order 2
        "0000000000000000000000000000000000000000000000000000000000000000",  // order 4
        "0000000000000000000000000000000000000000000000000000000000000080",  // order 4
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  // order 8
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",  // order 8
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  // order 8
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",  // order 8
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = p
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = p + 1 (identity)
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = 2^255 - 1
    ]

    @Test("Ed25519 keys of small order and non-canonical encodings are refused at load", arguments: weakKeys)
    func weakEd25519(key: String) {
        let jwk = JWK.ed25519(Self.hex(key))
        let error = #expect(throws: JOSEError.self) { try PublicKey(jwk: jwk) }
        #expect(error?.code == .invalidKey)
        #expect(throws: JOSEError.self) { try TrustedKeys([jwk]) }
    }

    @Test("With the identity key refused, the forgery it allows (R = identity, S = 0) cannot verify")
    func identityForgery() throws {
        let identity = JWK.ed25519(Self.hex(Self.weakKeys[0]))
        #expect(throws: JOSEError.self) { try TrustedKeys([identity]) }
    }

    @Test("Real Ed25519 and P-256 keys still load")
    func realKeys() throws {
        _ = try PublicKey(jwk: PrivateKey.generate(.ed25519).publicJWK)
        _ = try PublicKey(jwk: PrivateKey.generate(.p256).publicJWK)
    }

    @Test("A public key that carries its private part ('d') is refused")
    func privatePart() throws {
        var jwk = try PrivateKey.generate(.p256).publicJWK
        jwk.d = "c2VjcmV0"
        let error = #expect(throws: JOSEError.self) { try PublicKey(jwk: jwk) }
        #expect(error?.detail.contains("private") == true)
        #expect(throws: SchemeError.self) { try TrustAnchor(jwkSet: JSONCoding.encode(["keys": [jwk]])) }
    }
}
