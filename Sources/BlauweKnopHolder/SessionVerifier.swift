import BlauweKnop

/// The holder's checks of CreateSession (PROTOCOL §4), independent of HTTP.
struct SessionVerifier: Sendable {
    /// How far a proof's `iat` may differ from now.
    static let proofSkewSeconds: Int64 = 60

    let organizationOIN: String
    let environment: String
    /// Keys of the App Managers listed in the current scheme.
    let appManagerKeys: [String: TrustedKeys]

    /// What a valid session request establishes.
    struct Binding: Sendable {
        let bsn: String
        let appKeyThumbprint: String
        let nonce: String
    }

    /// Checks credential and proof; the caller then consumes the nonce.
    func verify(credential compact: String, proof proofCompact: String, now: Int64) throws(HolderError) -> Binding {
        guard let credentialJWS = try? JWS(compact: compact) else { throw HolderError("malformed credential") }
        var payload: [UInt8]?
        for keys in appManagerKeys.values {
            if let verified = try? credentialJWS.verified(with: keys, type: Credential.jwsType) {
                payload = verified
                break
            }
        }
        guard let payload, let claims = try? JSONCoding.decode(Credential.Claims.self, from: payload) else {
            throw HolderError("the credential is not signed by an App Manager of the scheme")
        }
        guard appManagerKeys[claims.iss] != nil else { throw HolderError("unknown credential issuer") }
        guard claims.exp > now else { throw HolderError("the credential has expired") }
        guard claims.environment == environment else { throw HolderError("the credential is for another environment") }
        guard Identifiers.isBSN(claims.sub) else { throw HolderError("the credential names no valid BSN") }
        let appKeys: TrustedKeys
        let thumbprint: String
        do {
            appKeys = try TrustedKeys([claims.cnf.jwk])
            thumbprint = try claims.cnf.jwk.thumbprint()
        } catch {
            throw HolderError("the credential's app key is unusable")
        }
        guard let proofJWS = try? JWS(compact: proofCompact), let proofPayload = try? proofJWS.verified(with: appKeys, type: SessionClient.proofType),
            let proof = try? JSONCoding.decode(SessionClient.Proof.self, from: proofPayload)
        else { throw HolderError("the proof is not signed by the credential's app key") }
        guard proof.aud == organizationOIN else { throw HolderError("the proof is for another organisation") }
        guard abs(proof.iat - now) <= Self.proofSkewSeconds else { throw HolderError("the proof's iat is out of range") }
        return Binding(bsn: claims.sub, appKeyThumbprint: thumbprint, nonce: proof.nonce)
    }
}
