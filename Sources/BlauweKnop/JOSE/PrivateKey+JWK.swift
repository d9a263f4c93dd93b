internal import CCrypto

extension PrivateKey {
    /// A private key as a JWK (RFC 7517/8037): `kty`, `crv`, `x` (and `y` for P-256) and `d`.
    struct PrivateJWK: Codable {
        var kty: String
        var crv: String
        var x: String
        var y: String?
        var d: String
    }

    /// Reads a private JWK (P-256 or Ed25519). The public members must belong to `d`: a JWK
    /// whose `x`/`y` name another key is refused, so that the key that signs is the key that
    /// is shown.
    public convenience init(jwkJSON bytes: [UInt8]) throws(JOSEError) {
        CryptoLibrary.initialize()
        let jwk: PrivateJWK
        do {
            jwk = try JSONCoding.decode(PrivateJWK.self, from: bytes)
        } catch {
            throw JOSEError(.invalidKey, "not a private JWK: \(error)")
        }
        guard let d = Base64URL.decode(jwk.d), let x = Base64URL.decode(jwk.x) else { throw JOSEError(.invalidKey, "the JWK's d or x is not base64url") }
        let made: OpaquePointer?
        switch (jwk.kty, jwk.crv) {
        case ("EC", "P-256"):
            guard d.count == 32, x.count == 32, let y = jwk.y.flatMap({ Base64URL.decode($0) }), y.count == 32 else {
                throw JOSEError(.invalidKey, "a P-256 JWK needs 32-byte d, x and y")
            }
            let point = [0x04] + x + y
            made = d.withUnsafeBufferPointer { scalar in
                point.withUnsafeBufferPointer { bk_p256_private_key(scalar.baseAddress, scalar.count, $0.baseAddress, $0.count) }
            }
        case ("OKP", "Ed25519"):
            guard d.count == 32, x.count == 32, jwk.y == nil else { throw JOSEError(.invalidKey, "an Ed25519 JWK needs 32-byte d and x") }
            made = d.withUnsafeBufferPointer { EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, $0.baseAddress, $0.count) }
        default:
            throw JOSEError(.invalidKey, "unsupported JWK; use EC P-256 or OKP Ed25519")
        }
        guard let made else {
            ERR_clear_error()
            throw JOSEError(.invalidKey, "the JWK's public members do not belong to its private key")
        }
        try self.init(takingKey: made)
        let expected: JWK = jwk.kty == "EC" ? .p256(x: x, y: Base64URL.decode(jwk.y ?? "") ?? []) : .ed25519(x)
        guard publicJWK == expected else { throw JOSEError(.invalidKey, "the JWK's public members do not belong to its private key") }
    }

    /// The key as a private JWK (for tools; store it with mode 0600).
    public func privateJWK() throws(JOSEError) -> [UInt8] {
        var d = [UInt8](repeating: 0, count: 32)
        switch type {
        case .p256:
            guard d.withUnsafeMutableBufferPointer({ bk_p256_private_scalar(evpKey, $0.baseAddress) }) == 1 else {
                throw JOSEError(.cryptoFailure, "cannot read the private scalar")
            }
        case .ed25519:
            var length = 32
            guard d.withUnsafeMutableBufferPointer({ EVP_PKEY_get_raw_private_key(evpKey, $0.baseAddress, &length) }) == 1, length == 32 else {
                throw JOSEError(.cryptoFailure, "cannot read the private key")
            }
        }
        guard let encoded = try? JSONCoding.encode(publicJWK), case .object(var members) = try? JSONCoding.parse(encoded) else {
            throw JOSEError(.cryptoFailure, "cannot encode the JWK")
        }
        members["d"] = .string(Base64URL.encode(d))
        guard let bytes = try? JSONCoding.encode(JSONValue.object(members)) else { throw JOSEError(.cryptoFailure, "cannot encode the JWK") }
        return bytes
    }
}
