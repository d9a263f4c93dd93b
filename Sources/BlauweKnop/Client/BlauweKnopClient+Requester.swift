extension BlauweKnopClient {
    /// A requester's overview of one citizen under one consent (PROTOCOL §10.6): the consent is
    /// checked as presented with `key` before any organisation is asked; organisations outside
    /// it are not asked.
    /// - Parameters:
    ///   - maxConcurrentHolders: organisations asked at once for this citizen.
    ///   - discoveries: discovery documents to use and keep (one cache for a whole batch); the
    ///     caller saves it.
    public func requesterOverview(
        consent bytes: [UInt8], key: PrivateKey, scheme: VerifiedScheme, http: HTTPClient, maxConcurrentHolders: Int, discoveries: DiscoveryCache?
    ) async throws -> (consent: Consent, overview: Overview) {
        let consent = try Consent(presentedWith: key, compact: bytes, scheme: scheme, now: clock.epochSeconds)
        var builder = OverviewBuilder(
            scheme: scheme, access: try .requester(consent, key: key), http: http, clock: clock, maxConcurrentHolders: maxConcurrentHolders)
        builder.discoveries = discoveries
        builder.encryption = encryption
        return (consent, await builder.build())
    }
}
