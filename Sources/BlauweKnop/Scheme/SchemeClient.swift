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
    /// scheme leaves the stored state untouched. When the server says `304 Not Modified` but
    /// the stored copy does not verify or does not match the state, the scheme is fetched
    /// again in full instead of failing for good.
    public func fetch(url: String) async throws(SchemeError) -> VerifiedScheme {
        guard URLParts.isHTTPS(url) else { throw SchemeError(.configuration, "the scheme URL must be an https URL, got '\(url)'") }
        let state = try store.load()
        if let state, let etag = state.etag, let cached = state.jws,
            let scheme = try await fetch(url: url, ifNoneMatch: etag, cached: cached, digest: state.payloadDigest)
        {
            return scheme
        }
        guard let scheme = try await fetch(url: url, ifNoneMatch: nil, cached: nil, digest: nil) else {
            throw SchemeError(.unavailable, "the scheme server answered 304 to a request without If-None-Match")
        }
        return scheme
    }

    /// One request; `nil` when a 304 came but the stored copy is unusable.
    private func fetch(url: String, ifNoneMatch etag: String?, cached: String?, digest: String?) async throws(SchemeError) -> VerifiedScheme? {
        var headers = [(name: "Accept", value: "application/jose")]
        if let etag, HTTPRequest.isSafeHeader(name: "If-None-Match", value: etag) { headers.append((name: "If-None-Match", value: etag)) }
        let response: HTTPResponse
        do {
            response = try await http.send(HTTPRequest(url: url, headers: headers, maxResponseBytes: VerifiedScheme.maxBytes))
        } catch {
            if error.code == .tooLarge { throw SchemeError(.invalidContent, "the scheme is larger than \(ByteCount.describe(VerifiedScheme.maxBytes))") }
            throw SchemeError(.unavailable, "cannot fetch the scheme: \(error)")
        }
        let scheme: VerifiedScheme
        switch response.status {
        case 200:
            scheme = try VerifiedScheme(
                compact: String(decoding: response.body, as: UTF8.self), trustAnchor: trustAnchor, environment: environment, now: clock.epochSeconds)
        case 304:
            guard let cached, let stored = try? VerifiedScheme(compact: cached, trustAnchor: trustAnchor, environment: environment, now: clock.epochSeconds),
                stored.payloadDigest == digest
            else { return nil }
            scheme = stored
        default:
            throw SchemeError(.unavailable, "the scheme server answered HTTP \(response.status)")
        }
        try store.admitAndRemember(scheme, etag: response.headers["etag"] ?? (response.status == 304 ? etag : nil))
        return scheme
    }
}
