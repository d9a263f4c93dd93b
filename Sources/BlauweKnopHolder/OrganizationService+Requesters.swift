import BlauweKnop
import Foundation
import Hummingbird

/// The requester side of Blauwe Knop Plus at one holder (PROTOCOL §10.4): a session under a
/// registered consent, and the document for it, logged before it is sent.
extension OrganizationService {
    /// A requester's session: which consent, which requester key, until when.
    struct RequesterSession: Sendable {
        let jti: String
        let requesterOIN: String
        let kid: String
        let bsn: String
        let purpose: String
        let detail: Consent.Detail
        let exp: Int64
        /// Where its documents are sealed to (PROTOCOL §13), when the requester offered a key.
        let sealing: SessionSealing?
    }

    /// `POST <session_url>` with a consent: every check of §10.4.
    func createRequesterSession(consent compact: String, proof proofCompact: String) -> Response {
        let now = clock.epochSeconds
        func refuse(_ detail: String) -> Response { HolderResponse.problem(.unauthorized, "Session refused", detail: detail) }
        guard let scheme = currentScheme(now) else { return HolderResponse.problem(.serviceUnavailable, "No current scheme") }
        let consent: Consent
        do {
            consent = try Consent(compact: compact, scheme: scheme, now: now)
        } catch {
            return refuse(error.detail)
        }
        guard let entry = consents.entries[consent.claims.jti], entry.compact == consent.compact else { return refuse("the consent is not registered here") }
        guard entry.revokedAt == nil else { return refuse("the consent has been revoked") }
        guard consent.claims.organizations.contains(organization.settings.oin) else { return refuse("this organisation is not in the consent") }
        guard let keys = scheme.requesterKeys[consent.claims.aud] else { return refuse("the requester is not in the scheme") }
        guard let proofJWS = try? JWS(compact: proofCompact), let kid = proofJWS.header.kid,
            let payload = try? proofJWS.verified(with: keys, type: SessionClient.proofType),
            let proof = try? JSONCoding.decode(SessionClient.Proof.self, from: payload)
        else { return refuse("the proof is not signed by a key of the consent's requester") }
        guard proof.aud == organization.settings.oin else { return refuse("the proof is for another organisation") }
        guard proof.iat >= now - SessionVerifier.proofSkewSeconds, proof.iat <= now + SessionVerifier.proofSkewSeconds else {
            return refuse("the proof's iat is out of range")
        }
        let offer: EncryptionOffer?
        do {
            offer = try SessionVerifier.checkedOffer(proof.enc)
        } catch {
            return refuse(error.description)
        }
        guard consumeChallenge(proof.nonce, now: now) else { return refuse("unknown, used or expired challenge") }
        let exp = min(now + Self.sessionLifetime, consent.claims.exp)
        let token = SecureRandom.token(bytes: 32)
        requesterSessions[token] = RequesterSession(
            jti: consent.claims.jti, requesterOIN: consent.claims.aud, kid: kid, bsn: consent.claims.sub, purpose: consent.claims.purpose,
            detail: consent.claims.detail, exp: exp, sealing: sealing(offer, proof.nonce))
        return HolderResponse.json(SessionClient.Session(sessionToken: token, exp: exp), status: .created)
    }

    /// The document for a requester session, with the access logged first; nil when the
    /// token is not a live requester session.
    func requesterDocument(token: String, documentFault: HolderFault?) -> Response? {
        let now = clock.epochSeconds
        guard let session = requesterSessions[token] else { return nil }
        guard session.exp > now, consents.entries[session.jti]?.revokedAt == nil else {
            requesterSessions[token] = nil
            return HolderResponse.problem(.unauthorized, "No valid session")
        }
        consents.logAccess(
            jti: session.jti,
            .init(at: ConsentRegistry.moment(now), requester: session.requesterOIN, kid: session.kid, detail: session.detail))
        var document = document(bsn: session.bsn, audience: session.kid, now: now)
        document.consent = session.jti
        document.purpose = session.purpose
        document.detail = session.detail.rawValue
        do {
            if session.detail == .saldo && documentFault != .fullDocumentForSaldo {
                let compact = try JWS.sign(payload: JSONCoding.encode(saldoDocument(document)), type: FinancialClaimsDocument.jwsType, key: organization.key)
                return deliver(compact, to: session.sealing, fault: documentFault)
            }
            return deliver(try forger.jws(for: document, fault: documentFault), to: session.sealing, fault: documentFault)
        } catch {
            return HolderResponse.problem(.internalServerError, "Signing failed")
        }
    }

    /// The minimised document of §10.5: stated figures, contact options, open requests' amounts
    /// and due dates; no events.
    func saldoDocument(_ document: FinancialClaimsDocument) -> SaldoDocument {
        let today = Timestamps.calendarDate(clock.now)
        let zaken = document.financieleZaken.map { zaak in
            let folded = try? ClaimsFold.fold(zaak, today: today)
            return SaldoDocument.Zaak(
                zaakkenmerk: zaak.zaakkenmerk, omschrijving: zaak.omschrijving, totaalFinancieelVerplicht: folded?.verplicht ?? 0,
                totaalFinancieelVereffend: folded?.vereffend ?? 0, saldo: folded?.saldo ?? 0, saldoDatumtijd: Timestamps.rfc3339(clock.now),
                contactopties: zaak.contactopties ?? [],
                openBetalingsverplichtingen: (folded?.openBetalingsverplichtingen ?? []).map { .init(bedrag: $0.openstaand, vervaldatum: $0.vervaldatum) })
        }
        return SaldoDocument(
            iss: document.iss, sub: document.sub, aud: document.aud, iat: document.iat, exp: document.exp, documentType: document.documentType,
            documentVersion: document.documentVersion, financieleZaken: zaken, consent: document.consent, purpose: document.purpose, detail: document.detail)
    }

    /// Ends every requester session under a consent (on revocation).
    func endRequesterSessions(jti: String) {
        requesterSessions = requesterSessions.filter { $0.value.jti != jti }
    }
}
