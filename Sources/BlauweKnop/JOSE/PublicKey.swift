internal import CCrypto

/// A verification key held by libcrypto, made from a checked JWK.
public final class PublicKey: @unchecked Sendable {
    // @unchecked: the key is immutable after init; libcrypto verifies with one key from several threads.
    let key: OpaquePointer
    /// The key type, which decides the algorithm.
    public let type: KeyType
    /// The JWK this key was made from.
    public let jwk: JWK

    /// Makes a key from a JWK; rejects malformed keys and points not on the curve.
    public init(jwk: JWK) throws(JOSEError) {
        CryptoLibrary.initialize()
        let type = try jwk.keyType()
        let made: OpaquePointer?
        switch type {
        case .p256:
            guard let x = Base64URL.decode(jwk.x), let yText = jwk.y, let y = Base64URL.decode(yText) else {
                throw JOSEError(.invalidKey, "P-256 key coordinates are not base64url")
            }
            let point = [0x04] + x + y
            made = point.withUnsafeBufferPointer { bk_p256_public_key($0.baseAddress, $0.count) }
        case .ed25519:
            guard let raw = Base64URL.decode(jwk.x) else { throw JOSEError(.invalidKey, "Ed25519 key is not base64url") }
            made = raw.withUnsafeBufferPointer { EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, $0.baseAddress, $0.count) }
        }
        guard let made else {
            ERR_clear_error()
            throw JOSEError(.invalidKey, "the \(jwk.crv) public key is not a valid point")
        }
        self.key = made
        self.type = type
        self.jwk = jwk
    }

    deinit { EVP_PKEY_free(key) }

    /// Verifies a JWS-form signature (ES256: raw 64-byte R‖S; EdDSA: 64 bytes) over `message`.
    public func verify(signature: [UInt8], message: [UInt8]) -> Bool {
        switch type {
        case .p256:
            guard let der = Self.derSignature(fromRaw: signature) else { return false }
            return digestVerify(digest: EVP_sha256(), signature: der, message: message)
        case .ed25519:
            guard signature.count == 64 else { return false }
            return digestVerify(digest: nil, signature: signature, message: message)
        }
    }

    private func digestVerify(digest: OpaquePointer?, signature: [UInt8], message: [UInt8]) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer {
            EVP_MD_CTX_free(context)
            ERR_clear_error()
        }
        guard EVP_DigestVerifyInit(context, nil, digest, nil, key) == 1 else { return false }
        let result = signature.withUnsafeBufferPointer { sig in
            message.withUnsafeBufferPointer { msg in
                EVP_DigestVerify(context, sig.baseAddress, sig.count, msg.baseAddress, msg.count)
            }
        }
        // Anything but exactly 1 (0 = bad signature, negative = error) is a rejection.
        return result == 1
    }

    /// Converts raw R‖S (exactly 64 bytes) to the minimal DER that libcrypto verifies.
    public static func derSignature(fromRaw raw: [UInt8]) -> [UInt8]? {
        guard raw.count == 64, let signature = ECDSA_SIG_new() else { return nil }
        defer { ECDSA_SIG_free(signature) }
        let (r, s) = raw.withUnsafeBufferPointer { buffer in
            (BN_bin2bn(buffer.baseAddress, 32, nil), BN_bin2bn(buffer.baseAddress.map { $0 + 32 }, 32, nil))
        }
        guard let r, let s else {
            BN_free(r)
            BN_free(s)
            return nil
        }
        guard ECDSA_SIG_set0(signature, r, s) == 1 else {
            BN_free(r)
            BN_free(s)
            return nil
        }
        let length = i2d_ECDSA_SIG(signature, nil)
        guard length > 0 else { return nil }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return i2d_ECDSA_SIG(signature, &cursor)
        }
        return written == length ? der : nil
    }
}

/// One-time libcrypto set-up.
enum CryptoLibrary {
    private static let initialized: Bool = bk_openssl_init() == 1

    /// Initialises libcrypto without its atexit handler (see DESIGN.md platform facts).
    static func initialize() { _ = initialized }

    /// Cryptographically secure random bytes.
    static func randomBytes(_ count: Int) -> [UInt8] {
        initialize()
        var bytes = [UInt8](repeating: 0, count: count)
        let ok = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        precondition(ok == 1, "the system random generator failed")
        return bytes
    }
}

/// Secure random values for tokens, challenges and nonces.
public enum SecureRandom {
    /// `count` random bytes from libcrypto's CSPRNG.
    public static func bytes(_ count: Int) -> [UInt8] { CryptoLibrary.randomBytes(count) }

    /// A base64url string of `count` random bytes.
    public static func token(bytes count: Int = 32) -> String { Base64URL.encode(bytes(count)) }
}
