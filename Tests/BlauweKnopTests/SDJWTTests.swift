import BlauweKnop
import Testing

/// SD-JWT (RFC 9901) as PROTOCOL §12 reads it: disclosures and their digests per the RFC's own
/// examples, the payload with what was disclosed put in place, and every way an attacker would
/// add, repeat or rename a disclosure refused.
@Suite("SD-JWT")
struct SDJWTTests {
    /// RFC 9901 §5 (the example issuance): disclosures as the RFC prints them, and their digests.
    static let rfcDisclosures = [
        ("WyIyR0xDNDJzS1F2ZUNmR2ZyeU5STjl3IiwgImdpdmVuX25hbWUiLCAiSm9obiJd", "jsu9yVulwQQlhFlM_3JlzMaSFzglhQG0DpfayQwLUK4", "given_name"),
        ("WyJlbHVWNU9nM2dTTklJOEVZbnN4QV9BIiwgImZhbWlseV9uYW1lIiwgIkRvZSJd", "TGf4oLbgwd5JQaHyKVQZU9UdGE0w5rtDsrZzfUaomLo", "family_name"),
    ]
    static let rfcArrayElement = ("WyJsa2x4RjVqTVlsR1RQVW92TU5JdkNBIiwgIlVTIl0", "pFndjkZ_VCzmyTa6UjlZo3dh-ko8aIKQc9DlGzhaVYo")

    @Test("The RFC's disclosures read as the RFC says, with the RFC's digests")
    func rfcVectors() throws {
        for (encoded, digest, name) in Self.rfcDisclosures {
            let disclosure = try SDJWTDisclosure(encoded: encoded)
            #expect(disclosure.digest == digest && disclosure.name == name)
        }
        let element = try SDJWTDisclosure(encoded: Self.rfcArrayElement.0)
        #expect(element.digest == Self.rfcArrayElement.1 && element.name == nil && element.value == .string("US"))
    }

    static func payload(_ sd: [String], nationalities: [String] = [], extra: [String: JSONValue] = [:]) -> JSONValue {
        var members: [String: JSONValue] = ["iss": .string("issuer"), "_sd_alg": .string("sha-256"), "_sd": .array(sd.map { .string($0) })]
        if !nationalities.isEmpty { members["nationalities"] = .array(nationalities.map { .object(["...": .string($0)]) }) }
        for (name, value) in extra { members[name] = value }
        return .object(members)
    }

    @Test("What is disclosed is put in place, the rest and the decoys left out; _sd and _sd_alg are gone")
    func disclosed() throws {
        let given = try SDJWTDisclosure(encoded: Self.rfcDisclosures[0].0)
        let country = try SDJWTDisclosure(encoded: Self.rfcArrayElement.0)
        let decoy = SDJWTDisclosureDigest.random
        let sdjwt = SDJWT(issuerJWT: "a.b.c", disclosures: [given, country])
        let payload = Self.payload([given.digest, Self.rfcDisclosures[1].1, decoy], nationalities: [country.digest, decoy + "x"])
        let result = try sdjwt.disclosed(payload: payload)
        #expect(result == .object(["iss": .string("issuer"), "given_name": .string("John"), "nationalities": .array([.string("US")])]))
        #expect(SDJWT(issuerJWT: "a.b.c", disclosures: []).withoutKeyBinding == "a.b.c~")
        let read = try SDJWT(compact: "a.b.c~\(given.encoded)~\(country.encoded)~x.y.z")
        #expect(read.disclosures == [given, country] && read.keyBinding == "x.y.z" && read.withoutKeyBinding == "a.b.c~\(given.encoded)~\(country.encoded)~")
        #expect(read.sdHash != SDJWT(issuerJWT: "a.b.c", disclosures: [given]).sdHash)
    }

    @Test(
        "Refused as the attacker writes it: a disclosure from elsewhere, one presented twice, a digest twice, _sd or ... as a name, a name already there, the wrong kind of place"
    )
    func attacks() throws {
        let given = try SDJWTDisclosure(encoded: Self.rfcDisclosures[0].0)
        let family = try SDJWTDisclosure(encoded: Self.rfcDisclosures[1].0)
        let country = try SDJWTDisclosure(encoded: Self.rfcArrayElement.0)
        let cases: [(String, [SDJWTDisclosure], JSONValue)] = [
            ("a disclosure whose digest is not in the payload", [given, family], Self.payload([given.digest])),
            ("the same disclosure twice", [given, given], Self.payload([given.digest])),
            ("a digest twice", [given], Self.payload([given.digest, given.digest])),
            ("a digest twice, in an array", [country], Self.payload([], nationalities: [country.digest, country.digest])),
            ("a name the payload has", [given], Self.payload([given.digest], extra: ["given_name": .string("Jane")])),
            ("a property's disclosure as an array element", [given], Self.payload([], nationalities: [given.digest])),
            ("an element's disclosure as a property", [country], Self.payload([country.digest])),
            ("another digest algorithm", [], .object(["_sd_alg": .string("sha-512"), "_sd": .array([])])),
        ]
        for (name, disclosures, payload) in cases {
            #expect(throws: SDJWTError.self, "\(name)") { try SDJWT(issuerJWT: "a.b.c", disclosures: disclosures).disclosed(payload: payload) }
        }
        for forbidden in ["_sd", "..."] {
            let encoded = Base64URL.encode(Array(#"["salt", "\#(forbidden)", ["x"]]"#.utf8))
            #expect(throws: SDJWTError.self, "a disclosure naming \(forbidden)") { try SDJWTDisclosure(encoded: encoded) }
        }
        for text in [#"["salt", "a", 1, 2]"#, #"["salt"]"#, #"[1, "a", 1]"#, #"{"salt": "a"}"#, #"["s", "a", 1, "s"]"#, #"["s","n",1,]"#] {
            #expect(throws: SDJWTError.self, "\(text)") { try SDJWTDisclosure(encoded: Base64URL.encode(Array(text.utf8))) }
        }
        for compact in ["a.b.c", "~x~", "a.b.c~~", "a.b.c~!!~"] {
            #expect(throws: SDJWTError.self, "\(compact)") { try SDJWT(compact: compact) }
        }
    }

    @Test("A key binding verifies only with the statement's key, over exactly this presentation, for its recipient and nonce, not from the future")
    func keyBinding() throws {
        let holder = try PrivateKey.generate(.p256)
        let other = try PrivateKey.generate(.p256)
        let given = try SDJWTDisclosure(encoded: Self.rfcDisclosures[0].0)
        let presented = SDJWT(issuerJWT: "a.b.c", disclosures: [given])
        func bound(_ claims: SDJWT.KeyBindingClaims, key: PrivateKey? = nil, type: String = SDJWT.keyBindingType) throws -> SDJWT {
            let jwt = try JWS.sign(claims: claims, type: type, key: key ?? holder)
            return try SDJWT(compact: presented.withoutKeyBinding + jwt)
        }
        let good = SDJWT.KeyBindingClaims(iat: 1_000, aud: "urn:nl:blauweknop:paper", nonce: "n-1", sdHash: presented.sdHash)
        let verified = try bound(good).verifiedKeyBinding(holderKey: holder.publicJWK, audience: "urn:nl:blauweknop:paper", nonce: "n-1", now: 1_000)
        #expect(verified == good)
        #expect(try bound(good).verifiedKeyBinding(holderKey: holder.publicJWK, audience: nil, nonce: nil, now: 2_000) == good)
        var otherHash = good
        otherHash.sdHash = SDJWT(issuerJWT: "a.b.c", disclosures: []).sdHash
        var future = good
        future.iat = 1_061
        let refusals: [(String, () throws -> SDJWT.KeyBindingClaims)] = [
            ("another key", { try bound(good, key: other).verifiedKeyBinding(holderKey: holder.publicJWK, audience: nil, nonce: nil, now: 1_000) }),
            ("another type", { try bound(good, type: "JWT").verifiedKeyBinding(holderKey: holder.publicJWK, audience: nil, nonce: nil, now: 1_000) }),
            ("another presentation", { try bound(otherHash).verifiedKeyBinding(holderKey: holder.publicJWK, audience: nil, nonce: nil, now: 1_000) }),
            (
                "another recipient",
                { try bound(good).verifiedKeyBinding(holderKey: holder.publicJWK, audience: "00000001003214345000", nonce: nil, now: 1_000) }
            ),
            ("another nonce", { try bound(good).verifiedKeyBinding(holderKey: holder.publicJWK, audience: nil, nonce: "n-2", now: 1_000) }),
            ("from the future", { try bound(future).verifiedKeyBinding(holderKey: holder.publicJWK, audience: nil, nonce: nil, now: 1_000) }),
            ("none at all", { try presented.verifiedKeyBinding(holderKey: holder.publicJWK, audience: nil, nonce: nil, now: 1_000) }),
        ]
        for (name, attempt) in refusals { #expect(throws: SDJWTError.self, "\(name)") { _ = try attempt() } }
    }

    @Test("A new disclosure reads back with its own digest and a fresh 128-bit salt")
    func issued() throws {
        let first = try SDJWTDisclosure(name: "bsn", value: .string("999993653"))
        let second = try SDJWTDisclosure(name: "bsn", value: .string("999993653"))
        #expect(try SDJWTDisclosure(encoded: first.encoded) == first && first.digest != second.digest && Base64URL.decode(first.salt)?.count == 16)
    }
}

/// A digest that no disclosure has, as an issuer adds for decoys.
enum SDJWTDisclosureDigest {
    static var random: String { Base64URL.encode(SecureRandom.bytes(32)) }
}
