extension BlauweKnopClient {
    /// What filing needs: the verified scheme and the logged-in citizen.
    public func disputeFiling(http: HTTPClient) async throws -> DisputeFiling {
        let scheme = try await scheme(http: http)
        let identity = try IdentityStore(directory: stateDirectory).loadIdentity(scheme: scheme, now: clock.epochSeconds)
        var filing = DisputeFiling(scheme: scheme, identity: identity, http: http, clock: clock)
        filing.encryption = encryption
        return filing
    }

    /// The organisation a request about `zaakkenmerk` goes to: the one named (OIN, short or
    /// full name), else the one that held that zaak in the latest overview.
    public func disputeOrganization(
        named name: String?, zaakkenmerk: String, scheme: VerifiedScheme
    ) throws -> SchemeDocument.Organization {
        let organizations = scheme.document.organizations
        if let name {
            guard let organization = scheme.document.organization(named: name) else {
                let shown = TerminalText.sanitized(String(name.prefix(64)))
                throw DisputeError(.unknownOrganization, "'\(shown)' is not an organisation of the scheme", values: ["name": shown])
            }
            return organization
        }
        let shown = TerminalText.sanitized(String(zaakkenmerk.prefix(64)))
        let holders = try DisputeStore(directory: stateDirectory).organizations(holding: zaakkenmerk) ?? []
        let matching = organizations.filter { holders.contains($0.oin) }
        guard matching.count == 1, let organization = matching.first else {
            let detail = matching.isEmpty ? "no overview names zaak \(shown)" : "zaak \(shown) appears at \(matching.map(\.name).joined(separator: ", "))"
            throw DisputeError(.organizationNeeded, detail, values: ["zaak": shown])
        }
        return organization
    }
}
