import Foundation

/// One organisation's flow: discovery → challenge → session → claims → verify → fold.
/// A failure ends this flow with a status; it never ends the run.
struct HolderFlow: Sendable {
    let organization: SchemeDocument.Organization
    let keys: TrustedKeys
    let identity: CitizenIdentity
    let http: HTTPClient
    let clock: WallClock

    /// The holder's result and, when verified, its document as evidence.
    func run() async -> (HolderResult, Overview.Evidence.Document?) {
        let started = ContinuousClock.now
        let outcome: Result<ClaimsVerifier.Result, HolderFailure>
        do {
            outcome = .success(try await fetchAndVerify())
        } catch {
            outcome = .failure(error)
        }
        let durationMs = started.duration(to: .now).milliseconds
        switch outcome {
        case .success(let verified):
            let result = HolderResult.verified(organization, zaken: verified.zaken, fetchedAt: Timestamps.rfc3339(clock.now), durationMs: durationMs)
            return (result, Overview.Evidence.Document(oin: organization.oin, jws: verified.compact))
        case .failure(let failure):
            let result = HolderResult(
                oin: organization.oin, name: organization.name, shortName: organization.shortName, status: failure.status,
                error: failure.detail, warnings: [], fetchedAt: nil, durationMs: durationMs, zaken: [])
            return (result, nil)
        }
    }

    private func fetchAndVerify() async throws(HolderFailure) -> ClaimsVerifier.Result {
        let discovery = try await DiscoveryDocument.fetch(for: organization, http: http)
        let session = try await SessionClient(http: http, identity: identity, clock: clock)
            .createSession(organizationOIN: organization.oin, sessionURL: discovery.sessionURL)
        let response = try await http.exchange(
            HTTPRequest(
                url: discovery.financialClaimsURL,
                headers: [("Authorization", "Bearer \(session.sessionToken)"), ("Accept", "application/jose")],
                maxResponseBytes: FinancialClaimsDocument.maxBytes),
            expecting: [200], step: "claims")
        let compact = String(decoding: response.body, as: UTF8.self).trimmingASCIIWhitespace
        return try ClaimsVerifier.verify(
            compact: compact, organization: organization, keys: keys, bsn: identity.bsn, appKeyThumbprint: identity.appKeyThumbprint,
            now: clock.epochSeconds, today: Timestamps.calendarDate(clock.now))
    }
}
