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
        /// The verified saldo statement with all its disclosures (PROTOCOL §12.1), to keep.
        var statement: String? = nil
        /// Why a statement the holder offers did not come (said on the holder's line).
        var statementWarning: String? = nil
    }

    /// What a holder's documents were, once verified.
    struct Fetched: Sendable {
        var verified: ClaimsVerifier.Result
        var encrypted: Bool
        var statement: String?
        /// Why a statement the holder offers could not be fetched (not an integrity failure).
        var statementWarning: String?
    }

    /// The holder's result and, when verified, its document as evidence.
    func run() async -> Outcome {
        let started = ContinuousClock.now
        let outcome: Result<Fetched, HolderFailure>
        do {
            outcome = .success(try await fetchAndVerify())
        } catch {
            outcome = .failure(error)
        }
        let durationMs = started.duration(to: .now).milliseconds
        switch outcome {
        case .success(let fetched):
            let verified = fetched.verified
            var result = HolderResult.verified(organization, zaken: verified.zaken, fetchedAt: Timestamps.rfc3339(clock.now), durationMs: durationMs)
            result.encrypted = fetched.encrypted
            // A saldo document's stated figures are not folded again (it has no events).
            let refoldable = access.consent?.claims.detail == .saldo ? nil : verified.document
            return Outcome(
                result: result, evidence: .init(oin: organization.oin, jws: verified.compact), document: refoldable, statement: fetched.statement,
                statementWarning: fetched.statementWarning)
        case .failure(let failure):
            let result = HolderResult(
                oin: organization.oin, name: organization.name, shortName: organization.shortName, status: failure.status,
                error: failure.detail, warnings: [], fetchedAt: nil, durationMs: durationMs, zaken: [])
            return Outcome(result: result)
        }
    }

    /// The flow with a kept discovery document when there is one; when that fails other than
    /// by a timeout, the holder may have moved: once more with a fresh document.
    private func fetchAndVerify() async throws(HolderFailure) -> Fetched {
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

    private func fetchAndVerify(discovery: DiscoveryDocument) async throws(HolderFailure) -> Fetched {
        if access.consent != nil, !discovery.supportsConsents {
            throw HolderFailure(.notSupported, "discovery: the holder does not take part in Blauwe Knop Plus (no consents_url)")
        }
        let offered = try encryption.key(for: discovery)
        let session = try await SessionClient(http: http, presenter: access.presenter, clock: clock)
            .createSession(organizationOIN: organization.oin, sessionURL: discovery.sessionURL, offering: offered)
        // Only a citizen's own session brings a statement (§12.1), and only where one is offered.
        let statementURL = access.consent == nil ? discovery.sdJWTURL : nil
        let compact = try await document(
            at: discovery.financialClaimsURL, type: "application/jose", limit: FinancialClaimsDocument.maxBytes, step: "claims", session: session,
            last: statementURL == nil)
        let verified = try ClaimsVerifier.verify(
            compact: compact, organization: organization, keys: keys, bsn: access.bsn, appKeyThumbprint: access.audience,
            now: clock.epochSeconds, today: today, detail: access.consent?.claims.detail ?? .full)
        try access.check(verified.document)
        var fetched = Fetched(verified: verified, encrypted: session.documents.isEncrypted)
        if let statementURL {
            do {
                let statement = try await document(
                    at: statementURL, type: SaldoStatement.contentType, limit: SDJWT.maxBytes, step: "saldo statement", session: session, last: true)
                _ = try SaldoStatement.received(
                    statement, organization: organization, keys: keys, appKeyThumbprint: access.audience, bsn: access.bsn, document: verified.document,
                    now: clock.epochSeconds)
                fetched.statement = statement
            } catch  where !error.status.isIntegrityFailure {
                // The holder's documents verified; a statement it could not deliver is said, not fatal.
                fetched.statementWarning = "the saldo statement could not be fetched: \(error.detail)"
            }
        }
        return fetched
    }

    /// One document of the session: asked for with the session's token, decrypted when the
    /// session offered a key (PROTOCOL §13).
    /// - Parameter last: the organisation's last request: its connection is closed, not kept.
    private func document(
        at url: String, type: String, limit: Int, step: String, session: SessionClient.Session, last: Bool
    ) async throws(HolderFailure) -> String {
        let accepted = session.documents.isEncrypted ? DocumentEncryption.contentType + ", " + type : type
        var request = HTTPRequest(
            url: url, headers: [("Authorization", "Bearer \(session.sessionToken)"), ("Accept", accepted)],
            maxResponseBytes: session.documents.maxResponseBytes(forDocumentLimit: limit))
        request.closesConnection = last
        let response = try await http.exchange(request, expecting: [200], step: step)
        let body = try session.documents.document(in: response, limit: limit, step: step)
        return String(decoding: body, as: UTF8.self).trimmingASCIIWhitespace
    }
}
