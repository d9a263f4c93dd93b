import Crypto
import Foundation

/// The X-Wing key pair of one run of the client (PROTOCOL §13): made in memory when the run
/// starts, offered in every session proof, and never written anywhere, so that a stolen state
/// folder decrypts nothing that was recorded.
public struct RunEncryptionKey: Sendable {
    private let privateKey: XWingMLKEM768X25519.PrivateKey
    /// What the session proofs carry as `enc`.
    public let offer: EncryptionOffer
    /// The encapsulations opened in this run: each response must bring a fresh one (§13), and
    /// one used twice would let its sender reuse a key and nonce.
    private let opened = Locked<Set<[UInt8]>>([])

    /// A fresh key pair.
    public init() throws(DocumentEncryptionError) {
        do {
            privateKey = try XWingMLKEM768X25519.PrivateKey.generate()
        } catch {
            throw DocumentEncryptionError(.keyUnavailable, "no X-Wing key could be made: \(error)")
        }
        offer = EncryptionOffer(pk: Base64URL.encode(privateKey.publicKey.rawRepresentation))
    }

    /// A key pair from a 32-byte seed (tests and interoperability checks only: a run's key is
    /// always fresh).
    init(seed: [UInt8]) throws {
        privateKey = try XWingMLKEM768X25519.PrivateKey(seedRepresentation: seed, publicKey: nil)
        offer = EncryptionOffer(pk: Base64URL.encode(privateKey.publicKey.rawRepresentation))
    }

    /// The private key's 32-byte seed, for the test that no file holds it.
    var seedForTesting: [UInt8] { Array(privateKey.seedRepresentation) }

    /// Decrypts an envelope bound by `info` to a holder and session, returning the document
    /// exactly as the holder would otherwise have sent it.
    public func open(_ body: [UInt8], info: [UInt8]) throws(DocumentEncryptionError) -> [UInt8] {
        let (_, encapsulation, ciphertext) = try SealedDocument.parse(body)
        let plaintext: [UInt8]
        do {
            var recipient = try HPKE.Recipient(
                privateKey: privateKey, ciphersuite: SealedDocument.ciphersuite, info: Data(info), encapsulatedKey: Data(encapsulation))
            plaintext = Array(try recipient.open(ciphertext))
        } catch {
            throw DocumentEncryptionError(.notOpened, "the encrypted document does not open with this run's key for this organisation and session")
        }
        guard opened.withLock({ $0.insert(encapsulation).inserted }) else {
            throw DocumentEncryptionError(.notOpened, "the encrypted document repeats the encapsulation of an earlier one")
        }
        return plaintext
    }
}
