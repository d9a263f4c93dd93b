/// Runs every holder flow concurrently and merges the results into one overview.
public struct OverviewBuilder: Sendable {
    public let scheme: VerifiedScheme
    public let identity: CitizenIdentity
    public let http: HTTPClient
    public let clock: WallClock
    /// At most this many holders are asked at once. Each needs one connection; running more
    /// flows than connections makes libcurl close idle connections of flows in progress, which
    /// then pay a second handshake.
    public let maxConcurrentHolders: Int

    public init(scheme: VerifiedScheme, identity: CitizenIdentity, http: HTTPClient, clock: WallClock = .system, maxConcurrentHolders: Int = 512) {
        self.scheme = scheme
        self.identity = identity
        self.http = http
        self.clock = clock
        self.maxConcurrentHolders = max(1, maxConcurrentHolders)
    }

    /// Fetches from every organisation of the scheme at once; holders appear in scheme order.
    /// - Parameter progress: called as each holder finishes (from any task).
    public func build(progress: @escaping @Sendable (HolderResult) -> Void = { _ in }) async -> Overview {
        let organizations = scheme.document.organizations
        var results = [(HolderResult, Overview.Evidence.Document?)?](repeating: nil, count: organizations.count)
        await withTaskGroup(of: (Int, (HolderResult, Overview.Evidence.Document?)).self) { group in
            var next = organizations.startIndex
            func startNext() {
                while next < organizations.endIndex {
                    let index = next
                    let organization = organizations[index]
                    next += 1
                    guard let keys = scheme.organizationKeys[organization.oin] else { continue }
                    let flow = HolderFlow(organization: organization, keys: keys, identity: identity, http: http, clock: clock)
                    group.addTask { (index, await flow.run()) }
                    return
                }
            }
            for _ in 0..<maxConcurrentHolders { startNext() }
            for await (index, result) in group {
                progress(result.0)
                results[index] = result
                startNext()
            }
        }
        return merge(results.compactMap { $0 })
    }

    /// Merges holder results into the overview with grand totals and evidence.
    func merge(_ results: [(HolderResult, Overview.Evidence.Document?)]) -> Overview {
        let holders = results.map(\.0)
        return Overview.merge(
            holders: holders, evidence: Overview.Evidence(scheme: scheme.compact, documents: results.compactMap(\.1)),
            scheme: scheme.document, bsn: identity.bsn, generatedAt: Timestamps.rfc3339(clock.now))
    }
}

extension Overview {
    /// Assembles an overview from holder results; totals count only verified holders.
    public static func merge(holders: [HolderResult], evidence: Evidence, scheme: SchemeDocument, bsn: String, generatedAt: String) -> Overview {
        let verified = holders.filter(\.status.isSuccess)
        let zaken = verified.flatMap(\.zaken)
        let totals = GrandTotals(
            verplicht: verified.reduce(0) { $0 + $1.totals.verplicht }, vereffend: verified.reduce(0) { $0 + $1.totals.vereffend },
            saldo: verified.reduce(0) { $0 + $1.totals.saldo }, achterstallig: verified.reduce(0) { $0 + $1.totals.achterstallig },
            zaken: zaken.count, volgendeVervaldatum: zaken.compactMap(\.volgendeVervaldatum).min())
        return Overview(
            schemaVersion: currentSchemaVersion, generatedAt: generatedAt, citizen: Citizen(bsn: bsn),
            scheme: SchemeSummary(iss: scheme.iss, environment: scheme.environment, version: scheme.version, exp: scheme.exp),
            complete: holders.count == scheme.organizations.count && holders.allSatisfy(\.status.isSuccess), totals: totals, holders: holders,
            evidence: evidence)
    }
}
