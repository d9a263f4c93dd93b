import Foundation

/// One organisation's flow: discovery → challenge → session → claims → verify → fold.
/// A failure ends this flow with a status; it never ends the run.
struct HolderFlow: Sendable {
    let organization: SchemeDocument.Organization
    let keys: TrustedKeys
    let access: HolderAccess
    let http: HTTPClient
    let clock: WallClock
    /// The one calendar date of the whole overview that decides what is overdue.
    let today: String
    /// Discovery documents kept from earlier flows, if any.
    var discoveries: DiscoveryCache? = nil
    /// The run's key and whether encryption is required (PROTOCOL §13).
    var encryption = EncryptionPolicy.tlsOnly

    /// What one holder's flow ended with.
    struct Outcome: Sendable {
        var result: HolderResult
        /// The verified document as received, for the evidence.
        var evidence: Overview.Evidence.Document?
        /// The verified document, to fold again when the overview's date is another.
        var document: FinancialClaimsDocument?
    }

    /// The holder's result and, when verified, its document as evidence.
    func run() async -> Outcome {
        let started = ContinuousClock.now
        let outcome: Result<(ClaimsVerifier.Result, encrypted: Bool), HolderFailure>
        do {
            outcome = .success(try await fetchAndVerify())
        } catch {
            outcome = .failure(error)
        }
        let durationMs = started.duration(to: .now).milliseconds
        switch outcome {
        case .success(let (verified, encrypted)):
            var result = HolderResult.verified(organization, zaken: verified.zaken, fetchedAt: Timestamps.rfc3339(clock.now), durationMs: durationMs)
            result.encrypted = encrypted
            // A saldo document's stated figures are not folded again (it has no events).
            let refoldable = access.consent?.claims.detail == .saldo ? nil : verified.document
            return Outcome(result: result, evidence: .init(oin: organization.oin, jws: verified.compact), document: refoldable)
        case .failure(let failure):
            let result = HolderResult(
                oin: organization.oin, name: organization.name, shortName: organization.shortName, status: failure.status,
                error: failure.detail, warnings: [], fetchedAt: nil, durationMs: durationMs, zaken: [])
            return Outcome(result: result)
        }
    }

    /// The flow with a kept discovery document when there is one; when that fails other than
    /// by a timeout, the holder may have moved: once more with a fresh document.
    private func fetchAndVerify() async throws(HolderFailure) -> (ClaimsVerifier.Result, encrypted: Bool) {
        if let discoveries, let kept = discoveries.document(for: organization, now: clock.epochSeconds) {
            do {
                return try await fetchAndVerify(discovery: kept)
            } catch  where error.status == .timeout {
                throw error
            } catch {
                discoveries.forget(organization)
            }
        }
        let discovery = try await DiscoveryDocument.fetch(for: organization, http: http, cache: discoveries, now: clock.epochSeconds)
        return try await fetchAndVerify(discovery: discovery)
    }

    private func fetchAndVerify(discovery: DiscoveryDocument) async throws(HolderFailure) -> (ClaimsVerifier.Result, encrypted: Bool) {
        if access.consent != nil, !discovery.supportsConsents {
            throw HolderFailure(.notSupported, "discovery: the holder does not take part in Blauwe Knop Plus (no consents_url)")
        }
        let offered = try encryption.key(for: discovery)
        let session = try await SessionClient(http: http, presenter: access.presenter, clock: clock)
            .createSession(organizationOIN: organization.oin, sessionURL: discovery.sessionURL, offering: offered)
        let accepted = session.documents.isEncrypted ? DocumentEncryption.contentType + ", application/jose" : "application/jose"
        var request = HTTPRequest(
            url: discovery.financialClaimsURL, headers: [("Authorization", "Bearer \(session.sessionToken)"), ("Accept", accepted)],
            maxResponseBytes: session.documents.maxResponseBytes(forDocumentLimit: FinancialClaimsDocument.maxBytes))
        // The organisation's last request: its connection is closed, not kept for reuse.
        request.closesConnection = true
        let response = try await http.exchange(request, expecting: [200], step: "claims")
        let body = try session.documents.document(in: response, limit: FinancialClaimsDocument.maxBytes, step: "claims")
        let compact = String(decoding: body, as: UTF8.self).trimmingASCIIWhitespace
        let verified = try ClaimsVerifier.verify(
            compact: compact, organization: organization, keys: keys, bsn: access.bsn, appKeyThumbprint: access.audience,
            now: clock.epochSeconds, today: today, detail: access.consent?.claims.detail ?? .full)
        try access.check(verified.document)
        return (verified, session.documents.isEncrypted)
    }
}
