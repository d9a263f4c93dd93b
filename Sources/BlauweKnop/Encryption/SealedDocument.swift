import Crypto
import Foundation

/// An encrypted document as it travels (PROTOCOL §13): `{"kem", "kdf", "aead", "enc", "ct"}`
/// with `Content-Type: application/bk-hpke+json`.
public struct SealedDocument: Codable, Sendable, Hashable {
    public var kem: String
    public var kdf: String
    public var aead: String
    /// The base64url of the 1120-byte encapsulation.
    public var enc: String
    /// The base64url of the ciphertext.
    public var ct: String

    public init(kem: String, kdf: String, aead: String, enc: String, ct: String) {
        self.kem = kem
        self.kdf = kdf
        self.aead = aead
        self.enc = enc
        self.ct = ct
    }

    static let ciphersuite = HPKE.Ciphersuite.XWingMLKEM768X25519_SHA256_AES_GCM_256

    /// Encrypts `plaintext` to an offered key with a fresh encapsulation, bound by `info` to
    /// one holder and session (the holder's side).
    public static func seal(_ plaintext: [UInt8], to offer: EncryptionOffer, info: [UInt8]) throws(DocumentEncryptionError) -> SealedDocument {
        var sealer = try DocumentSealer(to: offer, info: info)
        return try sealer.seal(plaintext)
    }

    /// Reads an envelope with the strict reader, checking the suite and the encapsulation's
    /// length before any decryption is tried.
    public static func parse(_ body: [UInt8]) throws(DocumentEncryptionError) -> (envelope: SealedDocument, encapsulation: [UInt8], ciphertext: [UInt8]) {
        let envelope: SealedDocument
        do {
            envelope = try JSONCoding.decode(SealedDocument.self, from: body)
        } catch {
            throw DocumentEncryptionError(.malformed, "the encrypted document is not the agreed envelope: \(error.summary)")
        }
        guard envelope.kem == DocumentEncryption.kemName, envelope.kdf == DocumentEncryption.kdfName, envelope.aead == DocumentEncryption.aeadName else {
            throw DocumentEncryptionError(
                .otherSuite,
                "the document is encrypted with \(TerminalText.sanitized(String("\(envelope.kem), \(envelope.kdf), \(envelope.aead)".prefix(80)))), not the X-Wing suite offered"
            )
        }
        guard let encapsulation = Base64URL.decode(envelope.enc), encapsulation.count == DocumentEncryption.encapsulationBytes,
            let ciphertext = Base64URL.decode(envelope.ct)
        else { throw DocumentEncryptionError(.malformed, "the encrypted document's encapsulation or ciphertext is malformed") }
        return (envelope, encapsulation, ciphertext)
    }
}

/// One HPKE sender context (the holder's side of §13): one encapsulation, and the documents
/// sealed with it in order. A holder makes one per response; keeping one for a second document
/// repeats its encapsulation, which the client refuses.
public struct DocumentSealer: Sendable {
    private var sender: HPKE.Sender

    public init(to offer: EncryptionOffer, info: [UInt8]) throws(DocumentEncryptionError) {
        guard let keyBytes = offer.publicKeyBytes else { throw DocumentEncryptionError(.malformed, "the offered key is not an X-Wing public key") }
        do {
            let key = try XWingMLKEM768X25519.PublicKey(rawRepresentation: keyBytes)
            sender = try HPKE.Sender(recipientKey: key, ciphersuite: SealedDocument.ciphersuite, info: Data(info))
        } catch {
            throw DocumentEncryptionError(.keyUnavailable, "no encryption context could be made for the offered key: \(error)")
        }
    }

    /// Seals the next document with this context.
    public mutating func seal(_ plaintext: [UInt8]) throws(DocumentEncryptionError) -> SealedDocument {
        do {
            let ciphertext = try sender.seal(plaintext)
            return SealedDocument(
                kem: DocumentEncryption.kemName, kdf: DocumentEncryption.kdfName, aead: DocumentEncryption.aeadName,
                enc: Base64URL.encode(sender.encapsulatedKey), ct: Base64URL.encode(ciphertext))
        } catch {
            throw DocumentEncryptionError(.keyUnavailable, "the document could not be encrypted: \(error)")
        }
    }
}
