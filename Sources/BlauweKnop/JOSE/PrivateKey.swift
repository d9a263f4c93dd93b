internal import CCrypto

/// A signing key held by libcrypto (P-256 or Ed25519), stored as PKCS #8 PEM.
public final class PrivateKey: @unchecked Sendable {
    // @unchecked: the key is immutable after init; libcrypto signs with one key from several threads.
    private let key: OpaquePointer
    /// The key type, which decides the algorithm.
    public let type: KeyType
    /// The public half as a JWK.
    public let publicJWK: JWK

    /// The libcrypto key, for this type's extensions.
    var evpKey: OpaquePointer { key }

    /// Takes ownership of a libcrypto key (freed on failure).
    convenience init(takingKey key: OpaquePointer) throws(JOSEError) { try self.init(taking: key) }

    private init(taking key: OpaquePointer) throws(JOSEError) {
        self.key = key
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_ED25519:
            self.type = .ed25519
            var raw = [UInt8](repeating: 0, count: 32)
            var length = 32
            guard raw.withUnsafeMutableBufferPointer({ EVP_PKEY_get_raw_public_key(key, $0.baseAddress, &length) }) == 1,
                length == 32
            else {
                EVP_PKEY_free(key)
                throw JOSEError(.invalidKey, "cannot read the Ed25519 public key")
            }
            self.publicJWK = .ed25519(raw)
        case NID_X9_62_id_ecPublicKey where EVP_PKEY_get_bits(key) == 256:
            self.type = .p256
            let length = i2d_PUBKEY(key, nil)
            var der = [UInt8](repeating: 0, count: max(Int(length), 0))
            let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
                var cursor = buffer.baseAddress
                return i2d_PUBKEY(key, &cursor)
            }
            // SubjectPublicKeyInfo of P-256 ends with the 65-byte uncompressed point 04‖X‖Y.
            guard written == 91, der[26] == 0x04 else {
                EVP_PKEY_free(key)
                throw JOSEError(.invalidKey, "only P-256 EC keys are supported")
            }
            self.publicJWK = .p256(x: Array(der[27..<59]), y: Array(der[59..<91]))
        default:
            EVP_PKEY_free(key)
            throw JOSEError(.invalidKey, "unsupported private key type; use P-256 or Ed25519")
        }
    }

    deinit { EVP_PKEY_free(key) }

    /// A fresh key of the given type.
    public static func generate(_ type: KeyType) throws(JOSEError) -> PrivateKey {
        CryptoLibrary.initialize()
        let made: OpaquePointer? =
            switch type {
            case .p256: bk_generate_p256()
            case .ed25519: bk_generate_ed25519()
            }
        guard let made else { throw JOSEError(.cryptoFailure, "could not generate a key pair") }
        return try PrivateKey(taking: made)
    }

    /// Reads a PEM private key (PKCS #8 or SEC 1).
    public convenience init(pem: String) throws(JOSEError) {
        CryptoLibrary.initialize()
        let bytes = Array(pem.utf8)
        let loaded: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_PrivateKey(bio, nil, nil, nil)
        }
        guard let loaded else {
            ERR_clear_error()
            throw JOSEError(.invalidKey, "not a PEM private key")
        }
        try self.init(taking: loaded)
    }

    /// The key as unencrypted PKCS #8 PEM (store it with mode 0600).
    public func pemRepresentation() throws(JOSEError) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw JOSEError(.cryptoFailure, "out of memory") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PrivateKey(bio, key, nil, nil, 0, nil, nil) == 1 else {
            throw JOSEError(.cryptoFailure, "could not encode the private key")
        }
        var data: UnsafeMutablePointer<CChar>?
        let length = bk_bio_mem_data(bio, &data)
        guard let data, length > 0 else { throw JOSEError(.cryptoFailure, "could not encode the private key") }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    }

    /// The RFC 7638 thumbprint of the public key, bk-1's key id.
    public func keyID() throws(JOSEError) -> String { try publicJWK.thumbprint() }

    /// Signs `message`, returning the JWS form (ES256: raw 64-byte R‖S).
    public func sign(_ message: [UInt8]) throws(JOSEError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw JOSEError(.cryptoFailure, "out of memory") }
        defer { EVP_MD_CTX_free(context) }
        let digest: OpaquePointer? = type == .p256 ? EVP_sha256() : nil
        guard EVP_DigestSignInit(context, nil, digest, nil, key) == 1 else {
            throw JOSEError(.cryptoFailure, "could not start signing")
        }
        var length = 0
        let sized = message.withUnsafeBufferPointer { EVP_DigestSign(context, nil, &length, $0.baseAddress, $0.count) }
        guard sized == 1 else { throw JOSEError(.cryptoFailure, "could not size the signature") }
        var signature = [UInt8](repeating: 0, count: length)
        let signed = signature.withUnsafeMutableBufferPointer { out in
            message.withUnsafeBufferPointer { EVP_DigestSign(context, out.baseAddress, &length, $0.baseAddress, $0.count) }
        }
        guard signed == 1 else { throw JOSEError(.cryptoFailure, "signing failed") }
        signature.removeSubrange(length...)
        return type == .p256 ? try Self.rawSignature(fromDER: signature) : signature
    }

    /// Converts a DER ECDSA signature to raw R‖S, each left-padded to 32 bytes.
    static func rawSignature(fromDER der: [UInt8]) throws(JOSEError) -> [UInt8] {
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_ECDSA_SIG(nil, &cursor, buffer.count)
        }
        guard let parsed else { throw JOSEError(.cryptoFailure, "malformed ECDSA signature") }
        defer { ECDSA_SIG_free(parsed) }
        var r: OpaquePointer?
        var s: OpaquePointer?
        ECDSA_SIG_get0(parsed, &r, &s)
        var raw = [UInt8](repeating: 0, count: 64)
        let ok = raw.withUnsafeMutableBufferPointer { out in
            BN_bn2binpad(r, out.baseAddress, 32) == 32 && BN_bn2binpad(s, out.baseAddress.map { $0 + 32 }, 32) == 32
        }
        guard ok else { throw JOSEError(.cryptoFailure, "ECDSA signature out of range") }
        return raw
    }
}
