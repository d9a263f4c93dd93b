import BlauweKnop
import Foundation
import Testing

/// Project Wycheproof vectors (Apache-2.0, see Vectors/LICENSE): every applicable case must
/// give the expected verdict. "acceptable" cases are none in these files for these algorithms;
/// if they appear they must merely not crash.
@Suite("Wycheproof")
struct WycheproofTests {
    struct SignatureFile: Decodable {
        struct Group: Decodable {
            struct Key: Decodable {
                var wx: String?
                var wy: String?
                var pk: String?
            }
            var publicKey: Key
            var tests: [Case]
        }
        struct Case: Decodable {
            var tcId: Int
            var comment: String
            var msg: String
            var sig: String
            var result: String
        }
        var testGroups: [Group]
    }

    struct JWSFile: Decodable {
        struct Group: Decodable {
            var comment: String?
            var `public`: JSONValue?
            var tests: [Case]
        }
        struct Case: Decodable {
            var tcId: Int
            var comment: String
            var jws: JWSValue
            var result: String
        }
        /// Most cases are compact strings; JSON serialization cases are objects, never accepted.
        enum JWSValue: Decodable {
            case compact(String)
            case json

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                self = (try? container.decode(String.self)).map(Self.compact) ?? .json
            }
        }
        var testGroups: [Group]
    }

    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = try #require(Bundle.module.url(forResource: "Vectors/\(name)", withExtension: "json"))
        return try JSONDecoder().decode(type, from: Data(contentsOf: url))
    }

    static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }

    /// A 32-byte big-endian coordinate from Wycheproof's hex (which may carry a sign byte).
    static func coordinate(_ hex: String) -> [UInt8] {
        var value = bytes(hex: hex)
        while value.count > 32 && value.first == 0 { value.removeFirst() }
        return Array(repeating: 0, count: max(0, 32 - value.count)) + value
    }

    /// Runs every case of a signature file with the key each group names; returns the count.
    static func checkSignatures(file name: String, key: (SignatureFile.Group.Key) throws -> PublicKey) throws -> Int {
        var checked = 0
        for group in try load(name, as: SignatureFile.self).testGroups {
            let publicKey = try key(group.publicKey)
            for test in group.tests {
                let verified = publicKey.verify(signature: bytes(hex: test.sig), message: bytes(hex: test.msg))
                if test.result != "acceptable" {
                    #expect(verified == (test.result == "valid"), "tcId \(test.tcId): \(test.comment)")
                }
                checked += 1
            }
        }
        return checked
    }

    @Test("ECDSA P-256 SHA-256 in P1363 (R‖S) form, the ES256 encoding")
    func ecdsaP256() throws {
        let checked = try Self.checkSignatures(file: "ecdsa_secp256r1_sha256_p1363_test") { key in
            try PublicKey(jwk: .p256(x: Self.coordinate(key.wx ?? ""), y: Self.coordinate(key.wy ?? "")))
        }
        #expect(checked > 200)
    }

    @Test("Ed25519")
    func ed25519() throws {
        let checked = try Self.checkSignatures(file: "ed25519_test") { key in try PublicKey(jwk: .ed25519(Self.bytes(hex: key.pk ?? ""))) }
        #expect(checked > 100)
    }

    @Test("JWS cases for EC P-256 keys (ES256), including alg confusion and embedded keys")
    func jwsES256() throws {
        let file = try Self.load("json_web_signature_test", as: JWSFile.self)
        var checked = 0
        for group in file.testGroups {
            guard case .object(let members)? = group.public, members["kty"] == .string("EC"), members["crv"] == .string("P-256"),
                let jwk = try? JSONDecoder().decode(JWK.self, from: JSONEncoder().encode(group.public))
            else { continue }
            // A key meant for encryption must not verify anything; building it is the rejection.
            let keys: TrustedKeys
            do {
                keys = TrustedKeys(keysByID: [jwk.kid ?? "": try PublicKey(jwk: jwk)])
            } catch {
                for test in group.tests {
                    #expect(test.result == "invalid", "tcId \(test.tcId): key rejected but case expects \(test.result)")
                    checked += 1
                }
                continue
            }
            for test in group.tests {
                var accepted = false
                if case .compact(let compact) = test.jws {
                    accepted = (try? JWS(compact: compact).verified(with: keys, type: nil)) != nil
                }
                #expect(accepted == (test.result == "valid"), "tcId \(test.tcId): \(test.comment)")
                checked += 1
            }
        }
        #expect(checked >= 40)
    }
}
