/// The Key Binding JWT of a presentation (RFC 9901 §4.3; PROTOCOL §12.2): signed by the key
/// the issuer bound the statement to (`cnf.jwk`), over exactly the presented SD-JWT.
extension SDJWT {
    /// The JWS type of a key binding.
    public static let keyBindingType = "kb+jwt"

    /// What a key binding states.
    public struct KeyBindingClaims: Codable, Sendable, Hashable {
        public var iat: Int64
        public var aud: String
        public var nonce: String
        public var sdHash: String

        enum CodingKeys: String, CodingKey {
            case iat, aud, nonce
            case sdHash = "sd_hash"
        }

        public init(iat: Int64, aud: String, nonce: String, sdHash: String) {
            self.iat = iat
            self.aud = aud
            self.nonce = nonce
            self.sdHash = sdHash
        }
    }

    /// Verifies the key binding: `typ` `kb+jwt`, signed with `holderKey`, `sd_hash` over this
    /// presentation, `aud` and `nonce` equal to the expected ones when given, `iat` not in the
    /// future (60 s of clock skew).
    public func verifiedKeyBinding(holderKey: JWK, audience: String?, nonce: String?, now: Int64) throws(SDJWTError) -> KeyBindingClaims {
        guard let keyBinding else { throw SDJWTError(.wrongBinding, "the presentation has no key binding") }
        let claims: KeyBindingClaims
        do {
            let payload = try JWS(compact: keyBinding).verified(by: try PublicKey(jwk: holderKey), type: Self.keyBindingType)
            claims = try JSONCoding.decode(KeyBindingClaims.self, from: payload)
        } catch let error as JOSEError {
            throw SDJWTError(.invalidSignature, "the key binding does not verify with the statement's key: \(error.detail)")
        } catch {
            throw SDJWTError(.malformed, "the key binding's claims are malformed")
        }
        guard claims.sdHash == sdHash else { throw SDJWTError(.wrongBinding, "the key binding covers another presentation") }
        if let audience, claims.aud != audience { throw SDJWTError(.wrongBinding, "the presentation is for another recipient") }
        if let nonce, claims.nonce != nonce { throw SDJWTError(.wrongBinding, "the presentation was made for another nonce") }
        guard claims.iat <= now + 60 else { throw SDJWTError(.wrongBinding, "the key binding is dated in the future") }
        return claims
    }
}

extension SDJWT {
    /// A presentation of this SD-JWT (RFC 9901 §4.3): only `chosen` of its disclosures, in
    /// the order issued, and a key binding signed with `key` for `audience` and `nonce`.
    public func presentation(
        disclosing chosen: (SDJWTDisclosure) -> Bool, key: PrivateKey, audience: String, nonce: String, now: Int64
    ) throws(SDJWTError) -> SDJWT {
        let presented = SDJWT(issuerJWT: issuerJWT, disclosures: disclosures.filter(chosen))
        let claims = KeyBindingClaims(iat: now, aud: audience, nonce: nonce, sdHash: presented.sdHash)
        do {
            return SDJWT(
                issuerJWT: issuerJWT, disclosures: presented.disclosures,
                keyBinding: try JWS.sign(claims: claims, type: Self.keyBindingType, key: key, namingKey: false))
        } catch {
            throw SDJWTError(.invalidSignature, "the key binding cannot be signed: \(error.detail)")
        }
    }
}
