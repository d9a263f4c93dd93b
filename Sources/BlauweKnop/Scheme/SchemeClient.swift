/// Fetches, verifies and remembers the scheme (PROTOCOL §1), with `ETag`/`If-None-Match`.
public struct SchemeClient: Sendable {
    public let http: HTTPClient
    public let trustAnchor: TrustAnchor
    public let environment: String
    public let store: SchemeStateStore
    public let clock: WallClock

    public init(http: HTTPClient, trustAnchor: TrustAnchor, environment: String, store: SchemeStateStore, clock: WallClock = .system) {
        self.http = http
        self.trustAnchor = trustAnchor
        self.environment = environment
        self.store = store
        self.clock = clock
    }

    /// Fetches the scheme at `url` and returns it once every check of §1 passed. A rejected
    /// scheme leaves the stored state untouched.
    public func fetch(url: String) async throws(SchemeError) -> VerifiedScheme {
        guard URLParts.isHTTPS(url) else { throw SchemeError(.configuration, "the scheme URL must be an https URL, got '\(url)'") }
        let state = try store.load()
        let cached = store.cachedScheme()
        var headers = [(name: "Accept", value: "application/jose")]
        if let etag = state?.etag, cached != nil { headers.append((name: "If-None-Match", value: etag)) }
        let response: HTTPResponse
        do {
            response = try await http.send(HTTPRequest(url: url, headers: headers, maxResponseBytes: VerifiedScheme.maxBytes))
        } catch {
            if error.code == .tooLarge { throw SchemeError(.invalidContent, "the scheme is larger than \(ByteCount.describe(VerifiedScheme.maxBytes))") }
            throw SchemeError(.unavailable, "cannot fetch the scheme: \(error)")
        }
        let compact: String
        switch response.status {
        case 200:
            compact = String(decoding: response.body, as: UTF8.self)
        case 304:
            guard let cached else { throw SchemeError(.unavailable, "the scheme server answered 304 but no copy is stored") }
            compact = cached
        default:
            throw SchemeError(.unavailable, "the scheme server answered HTTP \(response.status)")
        }
        let scheme = try VerifiedScheme(compact: compact, trustAnchor: trustAnchor, environment: environment, now: clock.epochSeconds)
        if let state { try state.admits(scheme) }
        if state?.version != scheme.document.version || state?.etag != response.headers["etag"] {
            try store.remember(scheme, etag: response.headers["etag"])
        }
        return scheme
    }
}
