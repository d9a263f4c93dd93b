/// The citizen-side client: what the `bk` commands do, without a process around it.
public final class BlauweKnopClient: Sendable {
    public let settings: ClientSettings
    public let clock: WallClock
    private let engine: CurlEngine
    /// This run's X-Wing key (in memory only) and whether encryption is required (§13).
    public let encryption: EncryptionPolicy

    /// A client with its own transport engine; end it with `shutdown()` (or use `using`).
    public init(settings: ClientSettings, transport: TransportOptions = TransportOptions(), clock: WallClock = .system) throws(TransportError) {
        var transport = transport
        transport.caBundlePath = settings.caBundlePath
        transport.tlsSessionFile = StateDirectory(path: settings.stateDirectory).tlsSessionsPath
        self.settings = settings
        self.clock = clock
        // A key that cannot be made offers none: holders then answer over TLS alone, and a run
        // that requires encryption refuses them.
        self.encryption = EncryptionPolicy(key: try? RunEncryptionKey(), required: settings.requireEncryption)
        self.engine = try CurlEngine(options: transport)
    }

    /// Ends the client's transport: requests still open fail, its threads end, and the TLS
    /// sessions are kept for the next run. Call it once the client's work is done.
    public func shutdown() async { await engine.shutdown() }

    /// Runs `body` with a client and shuts the client down afterwards, also when `body` throws.
    public static func using<Result>(
        settings: ClientSettings, transport: TransportOptions = TransportOptions(), clock: WallClock = .system,
        _ body: (BlauweKnopClient) async throws -> Result
    ) async throws -> Result {
        let client = try BlauweKnopClient(settings: settings, transport: transport, clock: clock)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// An HTTP client whose attempts all end within `seconds` from now.
    public func http(deadlineSeconds seconds: Double) -> HTTPClient {
        HTTPClient(engine: engine, deadline: .now.advanced(by: .milliseconds(Int64(seconds * 1000))))
    }

    /// TLS sessions from an earlier run offered to servers, and how many resumed.
    public var tlsResumptions: (offered: Int, resumed: Int) { engine.tlsResumptions }

    public var stateDirectory: StateDirectory { StateDirectory(path: settings.stateDirectory) }

    /// Fetches and verifies the scheme (§1), updating rollback state.
    public func scheme(http: HTTPClient) async throws(SchemeError) -> VerifiedScheme {
        let url: String
        let anchorPath: String
        do {
            url = try settings.requireSchemeURL()
            anchorPath = try settings.requireTrustAnchor()
        } catch {
            throw SchemeError(.configuration, error.detail, missingSetting: error.code == .missing ? error.values : nil)
        }
        let anchor = try TrustAnchor(path: anchorPath)
        return try await SchemeClient(
            http: http, trustAnchor: anchor, environment: settings.environment, store: SchemeStateStore(directory: stateDirectory), clock: clock
        ).fetch(url: url)
    }

    /// Logs in (§3) and returns the credential.
    public func login(
        testBSN: String?, http: HTTPClient, showAuthenticationURL: @escaping @Sendable (String) -> Void,
        waiting: @escaping @Sendable (Duration) -> Void = { _ in }, mayReplace: @escaping @Sendable (String) -> Bool = { _ in true }
    ) async throws -> Credential {
        let scheme = try await scheme(http: http)
        return try await LoginFlow(http: http, scheme: scheme, store: IdentityStore(directory: stateDirectory), clock: clock)
            .login(testBSN: testBSN, showAuthenticationURL: showAuthenticationURL, waiting: waiting, mayReplace: mayReplace)
    }

    /// Removes the app key, the credential and what is bound to them from a state folder;
    /// returns whether there was a login. Needs no settings, so that a config file that
    /// cannot be read keeps no key behind.
    public static func logout(stateDirectory: StateDirectory) throws(IdentityError) -> Bool {
        let removed = try IdentityStore(directory: stateDirectory).remove()
        // The statements are bound to the app key that goes: without it they cannot be shown.
        do {
            try StatementStore(directory: stateDirectory).removeAll()
        } catch {
            throw IdentityError(.storage, "cannot remove the kept saldo statements: \(error)")
        }
        return removed
    }

    /// The scheme, the logged-in citizen and what talks to holders about consents (§10.3).
    public func consentRegistrar(http: HTTPClient) async throws -> ConsentRegistrar {
        let scheme = try await scheme(http: http)
        let identity = try IdentityStore(directory: stateDirectory).loadIdentity(scheme: scheme, now: clock.epochSeconds)
        return ConsentRegistrar(scheme: scheme, identity: identity, http: http, clock: clock)
    }

    /// The discovery documents kept in the state directory (PROTOCOL §2, per `Cache-Control`).
    public func discoveryCache() -> DiscoveryCache {
        DiscoveryCache(path: stateDirectory.discoveryCachePath, now: clock.epochSeconds)
    }

    /// Builds the overview: scheme, identity, every holder concurrently.
    /// - Parameter discoveries: discovery documents to use and keep; saved when the overview is done.
    public func overview(
        http: HTTPClient, maxConcurrentHolders: Int = 512, discoveries: DiscoveryCache? = nil,
        progress: @escaping @Sendable (OverviewProgress) -> Void = { _ in }
    ) async throws -> Overview {
        let scheme = try await scheme(http: http)
        let identity = try IdentityStore(directory: stateDirectory).loadIdentity(scheme: scheme, now: clock.epochSeconds)
        var builder = OverviewBuilder(scheme: scheme, identity: identity, http: http, clock: clock, maxConcurrentHolders: maxConcurrentHolders)
        builder.discoveries = discoveries
        builder.encryption = encryption
        builder.statements = StatementStore(directory: stateDirectory)
        let overview = await builder.build(progress: progress)
        discoveries?.save(now: clock.epochSeconds)
        // Which organisation holds which zaak, for `bk dispute`; an overview never fails for it.
        try? DisputeStore(directory: stateDirectory).remember(overview)
        return overview
    }
}
