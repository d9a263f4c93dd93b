@testable import BlauweKnop
import Foundation
import Testing

/// PROTOCOL §13 in the library: a document sealed to a run's X-Wing key opens only with that
/// key, for that holder and session, once; every way an attacker would bend the envelope fails.
@Suite("Document encryption (HPKE X-Wing)")
struct DocumentEncryptionTests {
    static let info = DocumentEncryption.info(holderOIN: "00000001003214345000", challenge: "c-1")
    static let document = Array("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln".utf8)

    static func envelope(_ sealed: SealedDocument) throws -> [UInt8] { try JSONCoding.encode(sealed) }

    @Test("Sealed to the run's key it opens to exactly the document; the key is 1216 bytes and each encapsulation 1120 and fresh")
    func roundTrip() throws {
        let key = try RunEncryptionKey()
        #expect(key.offer.kem == "X-Wing" && key.offer.publicKeyBytes?.count == 1216)
        let first = try SealedDocument.seal(Self.document, to: key.offer, info: Self.info)
        let second = try SealedDocument.seal(Self.document, to: key.offer, info: Self.info)
        #expect(Base64URL.decode(first.enc)?.count == 1120 && first.enc != second.enc)
        #expect(try key.open(try Self.envelope(first), info: Self.info) == Self.document)
        #expect(try key.open(try Self.envelope(second), info: Self.info) == Self.document)
        #expect(try RunEncryptionKey().offer != key.offer, "each run has its own key")
    }

    @Test("Another holder's or session's info, another run's key, a flipped byte or a repeated encapsulation do not open")
    func bindings() throws {
        let key = try RunEncryptionKey()
        let sealed = try SealedDocument.seal(Self.document, to: key.offer, info: Self.info)
        let otherHolder = DocumentEncryption.info(holderOIN: "00000001822477348000", challenge: "c-1")
        let otherSession = DocumentEncryption.info(holderOIN: "00000001003214345000", challenge: "c-2")
        #expect(
            "another run's key", performing: { try RunEncryptionKey().open(try Self.envelope(sealed), info: Self.info) },
            throws: { ($0 as? DocumentEncryptionError)?.code == .notOpened })
        for info in [otherHolder, otherSession] {
            let fresh = try RunEncryptionKey()
            let bound = try SealedDocument.seal(Self.document, to: fresh.offer, info: Self.info)
            #expect(performing: { try fresh.open(try Self.envelope(bound), info: info) }, throws: { ($0 as? DocumentEncryptionError)?.code == .notOpened })
        }
        var flipped = sealed
        var bytes = try #require(Base64URL.decode(sealed.ct))
        bytes[bytes.count / 2] ^= 1
        flipped.ct = Base64URL.encode(bytes)
        #expect(performing: { try key.open(try Self.envelope(flipped), info: Self.info) }, throws: { ($0 as? DocumentEncryptionError)?.code == .notOpened })
        #expect(try key.open(try Self.envelope(sealed), info: Self.info) == Self.document)
        #expect(
            performing: { try key.open(try Self.envelope(sealed), info: Self.info) },
            throws: { ($0 as? DocumentEncryptionError)?.detail.contains("repeats") == true })
    }

    @Test("Another suite, a short encapsulation, a duplicated member or an offer that is no X-Wing key are refused before decrypting")
    func malformed() throws {
        let key = try RunEncryptionKey()
        let sealed = try SealedDocument.seal(Self.document, to: key.offer, info: Self.info)
        var otherKEM = sealed
        otherKEM.kem = "DHKEM(X25519, HKDF-SHA256)"
        var otherAEAD = sealed
        otherAEAD.aead = "ChaCha20Poly1305"
        for envelope in [otherKEM, otherAEAD] {
            #expect(
                performing: { try key.open(try Self.envelope(envelope), info: Self.info) }, throws: { ($0 as? DocumentEncryptionError)?.code == .otherSuite })
        }
        var short = sealed
        short.enc = String(sealed.enc.dropLast(8))
        let duplicated = Array(#"{"kem":"X-Wing","kem":"X-Wing","kdf":"HKDF-SHA256","aead":"AES-256-GCM","enc":"\#(sealed.enc)","ct":"\#(sealed.ct)"}"#.utf8)
        for body in [try Self.envelope(short), duplicated, Array("eyJhbGciOiJFUzI1NiJ9.e30.c2ln".utf8)] {
            #expect(performing: { try key.open(body, info: Self.info) }, throws: { ($0 as? DocumentEncryptionError)?.code == .malformed })
        }
        for offer in [EncryptionOffer(kem: "ML-KEM-768", pk: key.offer.pk), EncryptionOffer(pk: String(key.offer.pk.dropLast(4))), EncryptionOffer(pk: "!")] {
            #expect(offer.publicKeyBytes == nil)
            #expect(throws: DocumentEncryptionError.self) { try SealedDocument.seal(Self.document, to: offer, info: Self.info) }
        }
    }

    @Test("A key from the X-Wing draft's test seed has the draft's public key")
    func draftVector() throws {
        let url = try #require(Bundle.module.url(forResource: "Vectors/xwing_draft06_vector", withExtension: "json"))
        let vector = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: String])
        func bytes(_ hex: String?) throws -> [UInt8] {
            let text = Array(try #require(hex).utf8)
            return stride(from: 0, to: text.count, by: 2).compactMap { UInt8(String(decoding: text[$0..<$0 + 2], as: UTF8.self), radix: 16) }
        }
        let key = try RunEncryptionKey(seed: try bytes(vector["seed"]))
        #expect(key.offer.publicKeyBytes == (try bytes(vector["pk"])))
        #expect(key.seedForTesting == (try bytes(vector["seed"])))
    }

    @Test("The size limit of an envelope follows the plaintext's: 4/3 of it plus 4 KiB")
    func sizeLimit() {
        #expect(DocumentEncryption.maxEnvelopeBytes(forPlaintextLimit: 8 << 20) >= (8 << 20) * 4 / 3 + 4096)
        #expect(DocumentEncryption.maxEnvelopeBytes(forPlaintextLimit: 8 << 20) < (8 << 20) * 4 / 3 + 4200)
    }
}
