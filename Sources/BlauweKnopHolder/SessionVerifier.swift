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
        /// The credential's app key (a saldo statement is bound to it, PROTOCOL §12.1).
        let appKey: JWK
        let nonce: String
        /// The client's key for encrypted documents (PROTOCOL §13), when offered.
        let offer: EncryptionOffer?
    }

    /// An offer in a proof must be a well-formed X-Wing key, or the proof is refused (§13).
    static func checkedOffer(_ offer: EncryptionOffer?) throws(HolderError) -> EncryptionOffer? {
        guard let offer else { return nil }
        guard offer.publicKeyBytes != nil else { throw HolderError("the proof's enc is not an X-Wing public key") }
        return offer
    }

    /// Checks credential and proof; the caller then consumes the nonce.
    func verify(credential compact: String, proof proofCompact: String, now: Int64) throws(HolderError) -> Binding {
        let claims: Credential.Claims
        do {
            claims = try Credential.verifiedClaims(compact: compact, appManagerKeys: appManagerKeys, environment: environment, now: now)
        } catch {
            throw HolderError(error.code == .expired ? "the credential has expired" : error.detail)
        }
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
        guard proof.iat >= now - Self.proofSkewSeconds, proof.iat <= now + Self.proofSkewSeconds else { throw HolderError("the proof's iat is out of range") }
        return Binding(
            bsn: claims.sub, appKeyThumbprint: thumbprint, appKey: claims.cnf.jwk.canonical, nonce: proof.nonce, offer: try Self.checkedOffer(proof.enc))
    }
}
