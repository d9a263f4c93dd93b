internal import CCrypto

/// A public JSON Web Key (RFC 7517) of one of the two types bk-1 allows: EC P-256 or Ed25519.
public struct JWK: Codable, Hashable, Sendable {
    /// `EC` or `OKP`.
    public var kty: String
    /// `P-256` or `Ed25519`.
    public var crv: String
    /// The x coordinate (EC) or the public key bytes (OKP), base64url.
    public var x: String
    /// The y coordinate (EC only), base64url.
    public var y: String?
    /// Optional intended use; when present it must be `sig`.
    public var use: String?
    /// Optional permitted operations; when present they must include `verify`.
    public var keyOps: [String]?
    /// Optional algorithm; when present it must fit the key type.
    public var alg: String?
    /// Optional key id as the publisher stated it. bk-1 names keys by thumbprint instead.
    public var kid: String?
    /// A private key part. Never valid in bk-1: a public key that carries one is refused, as
    /// whoever published it has leaked its secret.
    public var d: String?

    enum CodingKeys: String, CodingKey {
        case kty, crv, x, y, use, alg, kid, d
        case keyOps = "key_ops"
    }

    public init(kty: String, crv: String, x: String, y: String? = nil, use: String? = nil, keyOps: [String]? = nil, alg: String? = nil, kid: String? = nil) {
        self.kty = kty
        self.crv = crv
        self.x = x
        self.y = y
        self.use = use
        self.keyOps = keyOps
        self.alg = alg
        self.kid = kid
    }

    /// Creates a P-256 key from its coordinates.
    public static func p256(x: [UInt8], y: [UInt8]) -> JWK {
        JWK(kty: "EC", crv: "P-256", x: Base64URL.encode(x), y: Base64URL.encode(y))
    }

    /// Creates an Ed25519 key from its 32 public bytes.
    public static func ed25519(_ publicKey: [UInt8]) -> JWK {
        JWK(kty: "OKP", crv: "Ed25519", x: Base64URL.encode(publicKey))
    }

    /// The signature algorithm family of this key, after checking that the key is well-formed.
    public func keyType() throws(JOSEError) -> KeyType {
        if d != nil { throw JOSEError(.invalidKey, "the key carries its private part ('d'); a public key must not") }
        if let use, use != "sig" { throw JOSEError(.invalidKey, "key is for '\(use)', not for signatures") }
        if let keyOps, !keyOps.contains("verify") {
            throw JOSEError(.invalidKey, "key operations \(keyOps) do not include 'verify'")
        }
        let type: KeyType
        switch (kty, crv) {
        case ("EC", "P-256"):
            guard Base64URL.decode(x)?.count == 32, let y, Base64URL.decode(y)?.count == 32 else {
                throw JOSEError(.invalidKey, "P-256 key coordinates must be 32 bytes each")
            }
            type = .p256
        case ("OKP", "Ed25519"):
            guard let point = Base64URL.decode(x), point.count == 32, y == nil else {
                throw JOSEError(.invalidKey, "Ed25519 key must be 32 bytes")
            }
            if let problem = Ed25519Point.weakness(of: point) { throw JOSEError(.invalidKey, "Ed25519 key is unusable: \(problem)") }
            type = .ed25519
        default:
            throw JOSEError(.invalidKey, "unsupported key type \(kty)/\(crv); bk-1 allows EC P-256 and OKP Ed25519")
        }
        if let alg, !type.accepts(algorithm: alg) {
            throw JOSEError(.invalidKey, "key declares algorithm '\(alg)', which does not fit a \(crv) key")
        }
        return type
    }

    /// The RFC 7638 thumbprint: base64url SHA-256 of the canonical required members.
    public func thumbprint() throws(JOSEError) -> String {
        let canonical: String
        switch try keyType() {
        case .p256: canonical = #"{"crv":"\#(crv)","kty":"\#(kty)","x":"\#(x)","y":"\#(y ?? "")"}"#
        case .ed25519: canonical = #"{"crv":"\#(crv)","kty":"\#(kty)","x":"\#(x)"}"#
        }
        return Base64URL.encode(Digest.sha256(Array(canonical.utf8)))
    }

    /// The key without optional members, as bk publishes keys.
    public var canonical: JWK { JWK(kty: kty, crv: crv, x: x, y: y) }
}

/// The key types of bk-1, each with its fixed JWS algorithm.
public enum KeyType: Sendable {
    case p256
    case ed25519

    /// Whether a JWS `alg` value belongs to this key type.
    public func accepts(algorithm: String) -> Bool {
        switch self {
        case .p256: algorithm == "ES256"
        case .ed25519: algorithm == "EdDSA" || algorithm == "Ed25519"
        }
    }

    /// The `alg` bk emits for this key type.
    public var signingAlgorithm: String {
        switch self {
        case .p256: "ES256"
        case .ed25519: "EdDSA"
        }
    }
}

/// One-shot hashes on libcrypto.
public enum Digest {
    /// SHA-256 of the given bytes.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBufferPointer { out in
                EVP_Digest(input.baseAddress, input.count, out.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        precondition(ok == 1 && length == 32, "SHA-256 is always available in libcrypto")
        return output
    }

    /// HMAC-SHA-256 (used by the reference holder: its stateless challenges, and `alg: HS256`
    /// attacks it forges).
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        _ = key.withUnsafeBytes { secret in
            message.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    HMAC(EVP_sha256(), secret.baseAddress, Int32(secret.count), input.baseAddress, input.count, out.baseAddress, &length)
                }
            }
        }
        return output
    }

    /// Lowercase hex of SHA-256, for content fingerprints.
    /// A hex digest in groups of four characters, as people read a code out on the phone.
    public static func groupsOfFour(_ hex: String) -> [String] {
        let characters = Array(hex)
        return stride(from: 0, to: characters.count, by: 4).map { String(characters[$0..<min($0 + 4, characters.count)]) }
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        sha256(bytes).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
