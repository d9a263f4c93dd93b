/// Runs every holder flow concurrently and merges the results into one overview.
public struct OverviewBuilder: Sendable {
    public let scheme: VerifiedScheme
    public let access: HolderAccess
    public let http: HTTPClient
    public let clock: WallClock
    /// At most this many holders are asked at once. Each needs one connection; running more
    /// flows than connections makes libcurl close idle connections of flows in progress, which
    /// then pay a second handshake.
    public let maxConcurrentHolders: Int
    /// Discovery documents kept between flows and runs (PROTOCOL §2 allows it per
    /// `Cache-Control`); nil fetches every one.
    public var discoveries: DiscoveryCache? = nil
    /// The run's key and whether encryption is required (PROTOCOL §13); TLS only by default.
    public var encryption = EncryptionPolicy.tlsOnly
    /// Where each verified holder's saldo statement is kept (PROTOCOL §12.1); nil keeps none.
    public var statements: StatementStore? = nil

    /// An overview for the citizen.
    public init(scheme: VerifiedScheme, identity: CitizenIdentity, http: HTTPClient, clock: WallClock = .system, maxConcurrentHolders: Int = 512) {
        self.init(scheme: scheme, access: .citizen(identity), http: http, clock: clock, maxConcurrentHolders: maxConcurrentHolders)
    }

    /// An overview for the citizen or, under a consent, for a requester (PROTOCOL §10.6).
    public init(scheme: VerifiedScheme, access: HolderAccess, http: HTTPClient, clock: WallClock = .system, maxConcurrentHolders: Int = 512) {
        self.scheme = scheme
        self.access = access
        self.http = http
        self.clock = clock
        self.maxConcurrentHolders = max(1, maxConcurrentHolders)
    }

    /// Fetches from every organisation of the scheme at once; holders appear in scheme order.
    ///
    /// The overview has one date (PROTOCOL §8.1): `generated_at` is taken when every holder
    /// has answered, and every document is folded with that moment's calendar date in
    /// Europe/Amsterdam, also when the run crossed midnight.
    /// - Parameter progress: called at the start and as each holder finishes.
    public func build(progress: @escaping @Sendable (OverviewProgress) -> Void = { _ in }) async -> Overview {
        let organizations = scheme.document.organizations
        var pending = organizations.map(\.displayName)
        progress(OverviewProgress(done: 0, total: organizations.count, pending: pending))
        let today = Timestamps.calendarDate(clock.now)
        var outcomes = [HolderFlow.Outcome?](repeating: nil, count: organizations.count)
        await withTaskGroup(of: (Int, HolderFlow.Outcome).self) { group in
            var next = organizations.startIndex
            func startNext() {
                while next < organizations.endIndex {
                    let index = next
                    let organization = organizations[index]
                    next += 1
                    guard let keys = scheme.organizationKeys[organization.oin] else { continue }
                    guard access.covers(organization.oin) else {
                        // Outside the consent: not contacted (§10.6).
                        group.addTask { (index, HolderFlow.Outcome(result: .notInConsent(organization))) }
                        return
                    }
                    let flow = HolderFlow(
                        organization: organization, keys: keys, access: access, http: http, clock: clock, today: today, discoveries: discoveries,
                        encryption: encryption)
                    group.addTask { (index, await flow.run()) }
                    return
                }
            }
            for _ in 0..<min(maxConcurrentHolders, organizations.count) { startNext() }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                pending = organizations.indices.filter { outcomes[$0] == nil }.map { organizations[$0].displayName }
                progress(OverviewProgress(done: organizations.count - pending.count, total: organizations.count, pending: pending))
                startNext()
            }
        }
        let generated = clock.now
        let finalToday = Timestamps.calendarDate(generated)
        let results = outcomes.compactMap { $0 }.map { outcome in
            guard finalToday != today, let document = outcome.document,
                let organization = organizations.first(where: { $0.oin == outcome.result.oin }),
                let zaken = try? ClaimsFold.fold(document, today: finalToday)
            else { return outcome }
            var refolded = outcome
            refolded.result = .verified(organization, zaken: zaken, fetchedAt: outcome.result.fetchedAt, durationMs: outcome.result.durationMs)
            refolded.result.encrypted = outcome.result.encrypted
            return refolded
        }
        let finished = keepStatements(of: results)
        var overview = Overview.merge(
            holders: finished.map(\.result), evidence: Overview.Evidence(scheme: scheme.compact, documents: finished.compactMap(\.evidence)),
            scheme: scheme.document, bsn: access.bsn, generatedAt: Timestamps.rfc3339(generated))
        if let consent = access.consent { overview.attach(consent, scheme: scheme.document) }
        return overview
    }
}

extension OverviewBuilder {
    /// Keeps the statement of every holder that ended verified, and says on a holder's line
    /// why its statement did not come or could not be kept; neither fails the overview.
    private func keepStatements(of outcomes: [HolderFlow.Outcome]) -> [HolderFlow.Outcome] {
        outcomes.map { outcome in
            var finished = outcome
            if let warning = outcome.statementWarning { finished.result.add(warning: warning) }
            guard let statements, outcome.result.status.isSuccess, let statement = outcome.statement else { return finished }
            do {
                try statements.keep(statement, for: outcome.result.oin)
            } catch {
                finished.result.add(warning: "the saldo statement could not be kept: \(error)")
            }
            return finished
        }
    }
}

extension Overview {
    /// Assembles an overview from holder results; totals count only verified holders.
    public static func merge(holders: [HolderResult], evidence: Evidence, scheme: SchemeDocument, bsn: String, generatedAt: String) -> Overview {
        let verified = holders.filter(\.status.isSuccess)
        let zaken = verified.flatMap(\.zaken)
        let totals = GrandTotals(
            verplicht: CheckedSum.of(verified.map(\.totals.verplicht)), vereffend: CheckedSum.of(verified.map(\.totals.vereffend)),
            saldo: CheckedSum.of(verified.map(\.totals.saldo)), achterstallig: CheckedSum.of(verified.map(\.totals.achterstallig)),
            zaken: zaken.count, volgendeVervaldatum: zaken.compactMap(\.volgendeVervaldatum).min())
        return Overview(
            schemaVersion: currentSchemaVersion, generatedAt: generatedAt, citizen: Citizen(bsn: bsn),
            scheme: SchemeSummary(iss: scheme.iss, environment: scheme.environment, version: scheme.version, exp: scheme.exp),
            complete: holders.count == scheme.organizations.count && holders.allSatisfy(\.status.isSuccess),
            totals: totals, holders: holders,
            evidence: evidence)
    }
}
