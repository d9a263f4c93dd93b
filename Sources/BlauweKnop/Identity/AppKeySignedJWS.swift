/// Claims of a JWS a citizen signs with the app key and that carries the App Manager credential
/// binding that key to the citizen: a consent (PROTOCOL §10.2) or a request about a zaak (§11.1).
protocol AppKeySignedClaims: Decodable {
    /// The thumbprint of the app key that signed.
    var iss: String { get }
    /// The citizen's BSN.
    var sub: String { get }
    var iat: Int64 { get }
    /// The App Manager credential JWS (§3).
    var credential: String { get }
}

/// The one verification of app-key-signed JWSs: the credential against the scheme's App
/// Managers, the signing key being the one the credential names (`iss` and `kid`), the
/// signature, the same citizen, and the signature made while the credential was valid.
enum AppKeySignedJWS {
    /// Why such a JWS is refused: its form, or a signature or binding.
    enum Failure: Error {
        case malformed(String)
        case badSignature(String)
    }

    /// Verifies `compact` as a JWS of `type` (`noun` names it in sentences, "the consent").
    /// - Parameter credentialTime: when the credential must have been valid, given the
    ///   unverified claims (the clock for a consent, the request's own `iat` for a request).
    static func verify<Claims: AppKeySignedClaims>(
        _ compact: String, type: String, noun: String, scheme: VerifiedScheme, credentialTime: (Claims) -> Int64
    ) throws(Failure) -> Claims {
        let jws: JWS
        let unverified: Claims
        do {
            jws = try JWS(compact: compact)
            unverified = try JSONCoding.decode(Claims.self, from: jws.payload)
        } catch {
            throw .malformed("\(noun) is malformed: \(error)")
        }
        guard jws.header.typ == type else { throw .malformed("the JWS is not \(noun) (typ \(type))") }
        // The key comes from the credential, which an App Manager of the scheme signed.
        let credential: Credential.Claims
        do {
            credential = try Credential.verifiedClaims(
                compact: unverified.credential, appManagerKeys: scheme.appManagerKeys, environment: scheme.document.environment,
                now: credentialTime(unverified), checkExpiry: false)
        } catch {
            throw .badSignature("\(noun)'s credential does not verify: \(error.detail)")
        }
        let claims: Claims
        do {
            let thumbprint = try credential.cnf.jwk.thumbprint()
            guard thumbprint == unverified.iss, jws.header.kid == thumbprint else {
                throw Failure.badSignature("\(noun) is not signed with the app key its credential names")
            }
            claims = try JSONCoding.decode(Claims.self, from: jws.verified(with: TrustedKeys([credential.cnf.jwk]), type: type))
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .badSignature("\(noun)'s signature does not verify: \(error)")
        }
        guard claims.sub == credential.sub, Identifiers.isBSN(claims.sub) else {
            throw .badSignature("\(noun) is for another citizen than its credential")
        }
        guard claims.iat >= credential.iat, claims.iat <= credential.exp else {
            throw .badSignature("\(noun) was signed when its credential was not valid")
        }
        return claims
    }
}
