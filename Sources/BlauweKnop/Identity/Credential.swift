/// The App Manager's statement that an app key belongs to a citizen (PROTOCOL §3).
public struct Credential: Sendable {
    /// The JWS type of credentials.
    public static let jwsType = "bk-app-credential+jws"
    /// The longest lifetime a credential may have.
    public static let maxLifetimeSeconds: Int64 = 30 * 24 * 3600

    /// The credential claims.
    public struct Claims: Codable, Sendable, Hashable {
        public var iss: String
        /// The citizen's BSN.
        public var sub: String
        public var cnf: Confirmation
        public var environment: String
        public var iat: Int64
        public var exp: Int64

        public init(iss: String, sub: String, cnf: Confirmation, environment: String, iat: Int64, exp: Int64) {
            self.iss = iss
            self.sub = sub
            self.cnf = cnf
            self.environment = environment
            self.iat = iat
            self.exp = exp
        }
    }

    /// RFC 7800 proof-of-possession key.
    public struct Confirmation: Codable, Sendable, Hashable {
        public var jwk: JWK
        public init(jwk: JWK) { self.jwk = jwk }
    }

    /// The JWS as issued.
    public let compact: String
    /// The verified claims.
    public let claims: Claims

    /// Verifies a credential against the App Managers of a scheme and checks its claims.
    public init(compact: String, scheme: VerifiedScheme, now: Int64) throws(IdentityError) {
        let jws: JWS
        do {
            jws = try JWS(compact: compact)
        } catch {
            throw IdentityError(.damaged, "the credential is malformed: \(error)")
        }
        var payload: [UInt8]?
        for manager in scheme.document.appManagers {
            guard let keys = scheme.appManagerKeys[manager.oin] else { continue }
            if let verified = try? jws.verified(with: keys, type: Self.jwsType) {
                payload = verified
                break
            }
        }
        guard let payload else { throw IdentityError(.damaged, "the credential is not signed by an App Manager of the scheme") }
        let claims: Claims
        do {
            claims = try JSONCoding.decode(Claims.self, from: payload)
        } catch {
            throw IdentityError(.damaged, "the credential is malformed: \(error)")
        }
        guard scheme.appManagerKeys[claims.iss] != nil else { throw IdentityError(.damaged, "the credential issuer \(claims.iss) is not an App Manager of the scheme") }
        guard Identifiers.isBSN(claims.sub) else { throw IdentityError(.damaged, "the credential does not name a valid BSN") }
        guard claims.environment == scheme.document.environment else {
            throw IdentityError(.damaged, "the credential is for environment '\(claims.environment)'")
        }
        guard claims.exp - claims.iat <= Self.maxLifetimeSeconds else { throw IdentityError(.damaged, "the credential claims a lifetime over 30 days") }
        guard claims.exp > now else { throw IdentityError(.expired, "your login has expired; run 'bk login' again") }
        self.compact = compact
        self.claims = claims
    }
}
