/// Who fetches the documents of an overview: the citizen (§4, §5), or a requester under the
/// citizen's consent (§10.4), and what every document must then say.
public struct HolderAccess: Sendable {
    let presenter: SessionPresenter
    /// The citizen whose documents these are.
    let bsn: String
    /// The `aud` every document must carry: the app key's thumbprint, or the requester key's.
    let audience: String
    /// For a requester: the consent whose id, purpose and detail every document must carry,
    /// and whose organisations alone are asked.
    let consent: Consent?

    /// The citizen, with the logged-in identity.
    public static func citizen(_ identity: CitizenIdentity) -> HolderAccess {
        HolderAccess(presenter: .citizen(identity), bsn: identity.bsn, audience: identity.appKeyThumbprint, consent: nil)
    }

    /// A requester under a verified consent, with its private key.
    public static func requester(_ consent: Consent, key: PrivateKey) throws(JOSEError) -> HolderAccess {
        HolderAccess(presenter: .requester(consent: consent.compact, key: key), bsn: consent.claims.sub, audience: try key.keyID(), consent: consent)
    }

    /// Whether an organisation is asked at all (every one, for the citizen).
    func covers(_ oin: String) -> Bool { consent.map { $0.claims.organizations.contains(oin) } ?? true }

    /// The checks of §10.4 on a requester's document: the consent's id, purpose and detail.
    func check(_ document: FinancialClaimsDocument) throws(HolderFailure) {
        guard let consent else { return }
        guard document.consent == consent.claims.jti, document.purpose == consent.claims.purpose, document.detail == consent.claims.detail.rawValue else {
            throw HolderFailure(.invalidDocument, "claims: the document does not carry this consent's id, purpose and detail")
        }
    }
}
