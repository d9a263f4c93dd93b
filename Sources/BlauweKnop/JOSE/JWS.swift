/// A JWS in Compact Serialization (RFC 7515), parsed but not yet trusted.
///
/// Parsing enforces the bk-1 header rules of PROTOCOL §0; `verified(with:type:)` checks the
/// signature with a key picked by `kid` from keys the caller already trusts.
public struct JWS: Sendable {
    /// The protected header members bk-1 uses.
    public struct Header: Sendable {
        /// The signature algorithm.
        public var alg: String
        /// The object type, such as `fcid+jws`.
        public var typ: String?
        /// The signing key's id (its RFC 7638 thumbprint in bk-1).
        public var kid: String?
    }

    /// Header members that would let the signed object pick its own key or change the rules.
    static let forbiddenHeaderMembers = ["jwk", "jku", "x5u", "x5c", "crit"]

    /// The serialization exactly as received.
    public let compact: String
    /// The decoded protected header.
    public let header: Header
    /// The decoded payload bytes.
    public let payload: [UInt8]
    private let signingInput: [UInt8]
    private let signature: [UInt8]

    /// Parses a compact JWS and applies the header rules.
    public init(compact: String) throws(JOSEError) {
        // Split on bytes: splitting a String walks grapheme clusters, five times the work.
        let bytes = Array(compact.utf8)
        let dots = bytes.indices.filter { bytes[$0] == UInt8(ascii: ".") }
        guard dots.count == 2 else {
            throw JOSEError(.malformed, "a compact JWS has three parts, this has \(dots.count + 1)")
        }
        let headerPart = bytes[..<dots[0]]
        let payloadPart = bytes[(dots[0] + 1)..<dots[1]]
        let signaturePart = bytes[(dots[1] + 1)...]
        guard !headerPart.isEmpty, !signaturePart.isEmpty else { throw JOSEError(.malformed, "the JWS header or signature is empty") }
        guard let headerBytes = Base64URL.decode(bytes: headerPart), let payload = Base64URL.decode(bytes: payloadPart),
            let signature = Base64URL.decode(bytes: signaturePart)
        else { throw JOSEError(.malformed, "the JWS is not valid base64url") }
        let parsed: JSONValue
        do {
            parsed = try StrictJSONParser.parse(headerBytes)
        } catch {
            throw JOSEError(.malformed, "the JWS header is not strict JSON: \(error)")
        }
        guard case .object(let object) = parsed else { throw JOSEError(.malformed, "the JWS header is not a JSON object") }
        for member in Self.forbiddenHeaderMembers where object[member] != nil {
            throw JOSEError(.forbiddenHeader, "the JWS header carries '\(member)', which bk-1 forbids")
        }
        guard case .string(let alg) = object["alg"] else { throw JOSEError(.malformed, "the JWS header has no 'alg' string") }
        guard KeyType.p256.accepts(algorithm: alg) || KeyType.ed25519.accepts(algorithm: alg) else {
            throw JOSEError(.forbiddenHeader, "algorithm '\(TerminalText.sanitized(String(alg.prefix(40))))' is not allowed (only ES256 and EdDSA)")
        }
        func optionalString(_ name: String) throws(JOSEError) -> String? {
            switch object[name] {
            case nil: return nil
            case .string(let text): return text
            default: throw JOSEError(.malformed, "'\(name)' must be a string")
            }
        }
        let typ = try optionalString("typ")
        let kid = try optionalString("kid")
        self.compact = compact
        self.header = Header(alg: alg, typ: typ, kid: kid)
        self.payload = payload
        self.signingInput = Array(bytes[..<dots[1]])
        self.signature = signature
    }

    /// Verifies the signature with the trusted key named by `kid`, and the `typ` when given.
    ///
    /// - Parameters:
    ///   - keys: the keys trusted for this signer, by key id.
    ///   - type: the required `typ`; `nil` only for generic test vectors.
    /// - Returns: the payload bytes, now authenticated.
    @discardableResult
    public func verified(with keys: TrustedKeys, type: String?) throws(JOSEError) -> [UInt8] {
        try verified(with: keys, type: type, defaultKeyID: nil)
    }

    private func verified(with keys: TrustedKeys, type: String?, defaultKeyID: String?) throws(JOSEError) -> [UInt8] {
        if let type, header.typ != type {
            throw JOSEError(.wrongType, "expected a '\(type)' object, got '\(header.typ ?? "no type")'")
        }
        guard let kid = header.kid ?? defaultKeyID else { throw JOSEError(.malformed, "the JWS header has no 'kid'") }
        guard let key = keys[kid] else { throw JOSEError(.unknownKey, "signed with key \(kid), which is not trusted for this signer") }
        guard key.type.accepts(algorithm: header.alg) else {
            throw JOSEError(.forbiddenHeader, "algorithm '\(header.alg)' does not fit the signer's \(key.jwk.crv) key")
        }
        guard key.verify(signature: signature, message: signingInput) else {
            throw JOSEError(.invalidSignature, "the signature does not verify")
        }
        return payload
    }

    /// Verifies the signature with the one key the signer must have used, as `verified(with:type:)`
    /// does; a `kid`, when present, must name that key.
    @discardableResult
    public func verified(by key: PublicKey, type: String) throws(JOSEError) -> [UInt8] {
        let id = try key.jwk.thumbprint()
        return try verified(with: TrustedKeys(keysByID: [id: key]), type: type, defaultKeyID: id)
    }

    /// Signs `payload` with `key`, emitting `alg`, `typ` and `kid` (the key's thumbprint).
    /// Signs `claims` written as compact JSON.
    /// - Parameter namingKey: false leaves `kid` out, where the verifier knows the one key
    ///   (a key binding, RFC 9901 §4.3: every byte counts in a QR code).
    public static func sign(claims: some Encodable, type: String, key: PrivateKey, namingKey: Bool = true) throws(JOSEError) -> String {
        let payload: [UInt8]
        do {
            payload = try JSONCoding.encode(claims)
        } catch {
            throw JOSEError(.malformed, "the claims cannot be written as JSON: \(error)")
        }
        return try sign(payload: payload, type: type, key: key, namingKey: namingKey)
    }

    public static func sign(payload: [UInt8], type: String, key: PrivateKey, namingKey: Bool = true) throws(JOSEError) -> String {
        let kid = namingKey ? #","kid":"\#(try key.keyID())""# : ""
        let header = #"{"alg":"\#(key.type.signingAlgorithm)","typ":"\#(type)"\#(kid)}"#
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(payload)
        let signature = try key.sign(Array(input.utf8))
        return input + "." + Base64URL.encode(signature)
    }
}

/// Verification keys trusted for one signer, looked up by key id.
public struct TrustedKeys: Sendable {
    private var byID: [String: PublicKey] = [:]

    /// Trusts each JWK under its RFC 7638 thumbprint.
    public init(_ jwks: [JWK]) throws(JOSEError) {
        for jwk in jwks { byID[try jwk.thumbprint()] = try PublicKey(jwk: jwk) }
    }

    /// Trusts keys under explicit ids (for test vectors whose `kid` is not a thumbprint).
    public init(keysByID: [String: PublicKey]) { byID = keysByID }

    /// The key with this id, if trusted.
    public subscript(id: String) -> PublicKey? { byID[id] }

    /// The ids of the trusted keys, sorted.
    public var ids: [String] { byID.keys.sorted() }

    /// Whether no key is trusted.
    public var isEmpty: Bool { byID.isEmpty }
}
