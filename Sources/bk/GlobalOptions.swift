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

    @Option(name: .customLong("connect-timeout"), help: "Seconds for connect and TLS handshake.")
    var connectTimeout: Double = 5

    @Option(name: .customLong("request-timeout"), help: "Seconds for one request.")
    var requestTimeout: Double = 15

    @Option(name: .customLong("low-speed-limit"), help: "Abort a transfer slower than this many bytes per second …")
    var lowSpeedLimit: Int = 64

    @Option(name: .customLong("low-speed-time"), help: "… for this many seconds.")
    var lowSpeedTime: Int = 5

    @Option(name: .customLong("max-connections"), help: "Most connections open at once.")
    var maxConnections: Int = 1024

    func validate() throws {
        guard connectTimeout > 0, requestTimeout > 0 else { throw ValidationError("timeouts must be positive") }
        guard maxConnections > 0 else { throw ValidationError("--max-connections must be positive") }
        guard lowSpeedLimit >= 0, lowSpeedTime > 0 else { throw ValidationError("--low-speed-limit must not be negative and --low-speed-time must be positive") }
    }

    /// The resolved settings.
    func settings() throws -> ClientSettings {
        var flags: [ClientSettings.Key: String] = [:]
        flags[.schemeURL] = schemeURL
        flags[.trustAnchor] = trustAnchor
        flags[.environment] = environment
        flags[.cacert] = cacert
        flags[.stateDir] = stateDir
        return try ClientSettings.resolve(flags: flags, environment: ProcessInfo.processInfo.environment, configPath: config)
    }

    /// A client for these settings.
    func client() throws -> BlauweKnopClient {
        var transport = TransportOptions()
        transport.connectTimeout = connectTimeout
        transport.requestTimeout = requestTimeout
        transport.maxConnections = maxConnections
        transport.lowSpeedBytesPerSecond = lowSpeedLimit
        transport.lowSpeedSeconds = lowSpeedTime
        return try BlauweKnopClient(settings: settings(), transport: transport)
    }
}
