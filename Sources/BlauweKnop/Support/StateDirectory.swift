import Foundation

/// The folder where bk keeps the app key, the credential, scheme state and TLS sessions.
public struct StateDirectory: Sendable {
    /// The folder's path.
    public let path: String

    public init(path: String) { self.path = path }

    /// `$XDG_STATE_HOME/bk`, else `~/.local/state/bk`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/bk" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/bk"
    }

    /// Creates the folder with mode 0700 when missing.
    public func create() throws(FileError) { try AtomicFile.ensureDirectory(path) }

    public var appKeyPath: String { path + "/app-key.pem" }
    public var credentialPath: String { path + "/credential.jws" }
    public var schemeStatePath: String { path + "/scheme-state.json" }
    /// TLS sessions kept between runs (`TLSSessionCache`): secret, removed by logout.
    public var tlsSessionsPath: String { path + "/tls-sessions" }
    /// Discovery documents kept per `Cache-Control` (`DiscoveryCache`).
    public var discoveryCachePath: String { path + "/discovery-cache.json" }
    /// Consent revocations not yet confirmed by every organisation (PROTOCOL §10.3).
    public var pendingRevocationsPath: String { path + "/pending-revocations.json" }
    /// Which organisation holds which zaak, from the latest overview (for `bk dispute`).
    public var zaakIndexPath: String { path + "/zaken.json" }
    /// Requests about a zaak whose receipt did not verify, to be sent again (PROTOCOL §11.2).
    public var pendingRequestsPath: String { path + "/pending-requests.json" }
    /// The proof files of filed requests, one per request (`<jti>.json`, 0600).
    public var requestProofsPath: String { path + "/requests" }
    /// The latest verified saldo statement per organisation (PROTOCOL §12.1), `<oin>.sd-jwt`, 0600.
    public var statementsPath: String { path + "/statements" }
}
