import BlauweKnop
import Testing

/// The header and key rules of PROTOCOL §0 beyond the Wycheproof vectors.
@Suite("JWS rules")
struct JWSTests {
    static func header(_ json: String) -> String { Base64URL.encode(Array(json.utf8)) }

    @Test("Signed by bk, verified by bk, for both key types", arguments: [KeyType.p256, KeyType.ed25519])
    func roundTrip(type: KeyType) throws {
        let key = try PrivateKey.generate(type)
        let compact = try JWS.sign(payload: Array("{\"a\":1}".utf8), type: "test+jws", key: key)
        let payload = try JWS(compact: compact).verified(with: TrustedKeys([key.publicJWK]), type: "test+jws")
        #expect(payload == Array("{\"a\":1}".utf8))
        #expect(try JWS(compact: compact).header.alg == type.signingAlgorithm)
    }

    @Test("A PEM round trip keeps the key")
    func pemRoundTrip() throws {
        let key = try PrivateKey.generate(.p256)
        let copy = try PrivateKey(pem: key.pemRepresentation())
        #expect(copy.publicJWK == key.publicJWK)
    }

    @Test("The wrong typ is refused")
    func wrongType() throws {
        let key = try PrivateKey.generate(.p256)
        let compact = try JWS.sign(payload: [0x7b, 0x7d], type: "fcid+jws", key: key)
        #expect(throws: JOSEError.self) { try JWS(compact: compact).verified(with: TrustedKeys([key.publicJWK]), type: "bk-scheme+jws") }
    }

    @Test("A key that is not trusted for this signer is refused")
    func untrustedKey() throws {
        let signer = try PrivateKey.generate(.ed25519)
        let trusted = try PrivateKey.generate(.ed25519)
        let compact = try JWS.sign(payload: [0x7b, 0x7d], type: "t", key: signer)
        let error = try #require(throws: JOSEError.self) { try JWS(compact: compact).verified(with: TrustedKeys([trusted.publicJWK]), type: "t") }
        #expect(error.code == .unknownKey)
    }

    @Test(
        "Forbidden header members and algorithms are refused before any key is used",
        arguments: [
            #"{"alg":"none","typ":"t","kid":"k"}"#, #"{"alg":"HS256","typ":"t","kid":"k"}"#, #"{"alg":"RS256","typ":"t","kid":"k"}"#,
            #"{"alg":"ES256","typ":"t","kid":"k","jwk":{}}"#, #"{"alg":"ES256","typ":"t","kid":"k","crit":["exp"]}"#,
            #"{"alg":"ES256","typ":"t","kid":"k","jku":"https://x"}"#, #"{"alg":"ES256","typ":"t","kid":"k","x5c":[]}"#,
            #"{"alg":"ES256","typ":"t","kid":"k","x5u":"https://x"}"#,
        ])
    func forbiddenHeaders(header: String) {
        let compact = Self.header(header) + ".e30.AAAA"
        let error = #expect(throws: JOSEError.self) { try JWS(compact: compact) }
        #expect(error?.code == .forbiddenHeader)
    }

    @Test("An EdDSA header on a P-256 key is refused (the key decides the algorithm)")
    func algorithmMustFitKey() throws {
        let key = try PrivateKey.generate(.p256)
        let valid = try JWS.sign(payload: [0x7b, 0x7d], type: "t", key: key)
        let parts = valid.split(separator: ".")
        let forged = Self.header(#"{"alg":"EdDSA","typ":"t","kid":"\#(try key.keyID())"}"#) + "." + parts[1] + "." + parts[2]
        let error = try #require(throws: JOSEError.self) { try JWS(compact: forged).verified(with: TrustedKeys([key.publicJWK]), type: "t") }
        #expect(error.code == .forbiddenHeader)
    }

    @Test("A DER-encoded ES256 signature is refused (only raw 64-byte R‖S)")
    func derSignatureRefused() throws {
        let key = try PrivateKey.generate(.p256)
        let valid = try JWS.sign(payload: [0x7b, 0x7d], type: "t", key: key)
        let parts = valid.split(separator: ".").map(String.init)
        let raw = try #require(Base64URL.decode(parts[2]))
        let der = try #require(PublicKey.derSignature(fromRaw: raw))
        #expect(der.first == 0x30 && der.count != 64)
        let forged = parts[0] + "." + parts[1] + "." + Base64URL.encode(der)
        #expect(throws: JOSEError.self) { try JWS(compact: forged).verified(with: TrustedKeys([key.publicJWK]), type: "t") }
    }

    @Test("RFC 7638 thumbprint of the RFC's example key")
    func thumbprint() throws {
        // RFC 8037 §A.3: the Ed25519 example key's thumbprint.
        let jwk = JWK(kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
        #expect(try jwk.thumbprint() == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")
    }

    @Test("Keys not meant for signing, or of other types, are refused")
    func keyChecks() {
        let good = JWK(kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
        var encryption = good
        encryption.use = "enc"
        #expect(throws: JOSEError.self) { try encryption.keyType() }
        var operations = good
        operations.keyOps = ["encrypt"]
        #expect(throws: JOSEError.self) { try operations.keyType() }
        #expect(throws: JOSEError.self) { try JWK(kty: "EC", crv: "P-384", x: good.x, y: good.x).keyType() }
        #expect(throws: JOSEError.self) { try PublicKey(jwk: JWK(kty: "EC", crv: "P-256", x: good.x, y: good.x)) }
    }
}
