import ArgumentParser
import BlauweKnop
import Foundation

/// The options every command shares (PROTOCOL §9).
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("scheme-url"), help: "Where the scheme document is (BK_SCHEME_URL).")
    var schemeURL: String?

    @Option(name: .customLong("trust-anchor"), help: "JWK Set file with the scheme operator key(s) (BK_TRUST_ANCHOR).")
    var trustAnchor: String?

    @Option(help: "Expected scheme environment, default 'prod' (BK_ENVIRONMENT).")
    var environment: String?

    @Option(help: "Extra CA bundle for TLS, for test environments (BK_CACERT).")
    var cacert: String?

    @Option(name: .customLong("state-dir"), help: "Folder for app key, credential and scheme state (BK_STATE_DIR).")
    var stateDir: String?

    @Option(help: "Config file instead of $XDG_CONFIG_HOME/bk/config.json (BK_CONFIG).")
    var config: String?

    @Option(help: "Language of everything bk says: nl or en (BK_LANG, 'lang' in the config file; else LANG; default nl).")
    var lang: String?

    @Flag(name: .customLong("no-color"), help: "No colour, also on a colour terminal (NO_COLOR does the same).")
    var noColor = false

    @Flag(name: [.short, .customLong("verbose")], help: "Add technical details to what bk says.")
    var verbose = false

    @Flag(name: [.short, .customLong("quiet")], help: "Say nothing on standard error except errors.")
    var quiet = false

    @Option(name: .customLong("connect-timeout"), help: "Time for connect and TLS handshake (e.g. 5s).")
    var connectTimeout = DurationArgument(seconds: 5)

    @Option(name: .customLong("request-timeout"), help: "Time for one whole request, first byte to last (e.g. 15s).")
    var requestTimeout = DurationArgument(seconds: 15)

    @Option(name: .customLong("low-speed-limit"), help: "Abort a transfer slower than this many bytes per second …")
    var lowSpeedLimit: Int = 64

    @Option(name: .customLong("low-speed-time"), help: "… for this long (default: the request timeout, so a slow first answer is not cut short).")
    var lowSpeedTime: DurationArgument?

    @Option(name: .customLong("max-connections"), help: "Most connections open at once.")
    var maxConnections: Int = 1024

    @Option(name: .customLong("engine-threads"), help: "Threads that do the network and TLS work (default: one per core).")
    var engineThreads: Int = TransportOptions.defaultEngineThreads

    @Flag(name: .customLong("require-encryption"), help: "Refuse organisations that do not encrypt their documents to this run (X-Wing).")
    var requireEncryption = false

    func validate() throws {
        if let lang, Language(code: lang) == nil { throw UsageProblem.error(.usageLangValues) }
        try connectTimeout.require("--connect-timeout", atMost: DurationArgument.oneDay)
        try requestTimeout.require("--request-timeout", atMost: DurationArgument.oneDay)
        try lowSpeedTime?.require("--low-speed-time", atMost: DurationArgument.oneDay)
        guard (1...100_000).contains(maxConnections) else {
            throw UsageProblem.error(.usageRange, ["option": "--max-connections", "low": "1", "high": "100000"])
        }
        guard (1...64).contains(engineThreads) else { throw UsageProblem.error(.usageRange, ["option": "--engine-threads", "low": "1", "high": "64"]) }
        guard (0...1 << 30).contains(lowSpeedLimit) else {
            throw UsageProblem.error(.usageRange, ["option": "--low-speed-limit", "low": "0", "high": "1073741824"])
        }
    }

    /// The resolved settings.
    func settings() throws -> ClientSettings {
        var flags: [ClientSettings.Key: String] = [:]
        flags[.schemeURL] = schemeURL
        flags[.trustAnchor] = trustAnchor
        flags[.environment] = environment
        flags[.cacert] = cacert
        flags[.stateDir] = stateDir
        return try ClientSettings.resolve(
            flags: flags, environment: ProcessInfo.processInfo.environment, configPath: config, isOptionName: { ConfiguredOptions.names.contains($0) },
            isCommandPath: { ConfiguredOptions.commandPaths.contains($0) })
    }

    /// Runs `body` with a client for these settings, and shuts the client down afterwards.
    func withClient<Result>(_ body: (BlauweKnopClient) async throws -> Result) async throws -> Result {
        let (settings, transport) = try clientConfiguration()
        return try await BlauweKnopClient.using(settings: settings, transport: transport, body)
    }

    /// The settings and transport options a client of this run gets.
    private func clientConfiguration() throws -> (ClientSettings, TransportOptions) {
        var transport = TransportOptions()
        transport.connectTimeout = connectTimeout.seconds
        transport.requestTimeout = requestTimeout.seconds
        transport.maxConnections = maxConnections
        transport.engineThreads = engineThreads
        transport.lowSpeedBytesPerSecond = lowSpeedLimit
        transport.lowSpeedSeconds = (lowSpeedTime ?? requestTimeout).wholeSeconds
        var settings = try settings()
        try settings.checkCABundle()
        settings.requireEncryption = requireEncryption
        return (settings, transport)
    }
}
