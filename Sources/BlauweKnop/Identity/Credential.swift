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

    /// How far `iat` may lie in the future.
    public static let clockSkewSeconds: Int64 = 300

    /// Verifies a credential against the App Managers of a scheme and checks its claims.
    public init(compact: String, scheme: VerifiedScheme, now: Int64) throws(IdentityError) {
        self.claims = try Self.verifiedClaims(
            compact: compact, appManagerKeys: scheme.appManagerKeys, environment: scheme.document.environment, now: now)
        self.compact = compact
    }

    /// The checks of PROTOCOL §3 that client and holder both make: signed by an App Manager of
    /// the scheme whose OIN is the credential's `iss`, the environment, a valid BSN, a lifetime
    /// of at most 30 days, `iat` not more than 5 minutes ahead, and (unless `checkExpiry` is
    /// false, as for a consent signed while the credential was valid) not expired.
    public static func verifiedClaims(
        compact: String, appManagerKeys: [String: TrustedKeys], environment: String, now: Int64, checkExpiry: Bool = true
    ) throws(IdentityError) -> Claims {
        let jws: JWS
        do {
            jws = try JWS(compact: compact)
        } catch {
            throw IdentityError(.damaged, "the credential is malformed: \(error)")
        }
        var signers: [(oin: String, payload: [UInt8])] = []
        for (oin, keys) in appManagerKeys.sorted(by: { $0.key < $1.key }) {
            if let payload = try? jws.verified(with: keys, type: jwsType) { signers.append((oin, payload)) }
        }
        guard let payload = signers.first?.payload else { throw IdentityError(.damaged, "the credential is not signed by an App Manager of the scheme") }
        let claims: Claims
        do {
            claims = try JSONCoding.decode(Claims.self, from: payload)
        } catch {
            throw IdentityError(.damaged, "the credential is malformed: \(error)")
        }
        guard signers.contains(where: { $0.oin == claims.iss }) else {
            throw IdentityError(
                .damaged, "the credential names issuer \(TerminalText.sanitized(String(claims.iss.prefix(40)))), but another App Manager signed it")
        }
        guard Identifiers.isBSN(claims.sub) else { throw IdentityError(.damaged, "the credential does not name a valid BSN") }
        guard claims.environment == environment else {
            throw IdentityError(.damaged, "the credential is for environment '\(TerminalText.sanitized(String(claims.environment.prefix(40))))'")
        }
        let lifetime = claims.exp.subtractingReportingOverflow(claims.iat)
        guard claims.exp > claims.iat, !lifetime.overflow, lifetime.partialValue <= maxLifetimeSeconds else {
            throw IdentityError(.damaged, "the credential claims a lifetime over 30 days")
        }
        guard claims.iat <= now + clockSkewSeconds else {
            throw IdentityError(.damaged, "the credential is issued in the future (\(EpochTime.describe(claims.iat))); check this computer's clock")
        }
        if checkExpiry, claims.exp <= now { throw IdentityError(.expired, "your login has expired; run 'bk login' again") }
        return claims
    }
}
