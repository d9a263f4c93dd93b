import Foundation
internal import CCurl

/// The transport engine: every HTTPS request of the process goes through it.
///
/// Work is spread over `TransportOptions.engineThreads` shards, each a libcurl multi handle on
/// its own thread (`CurlShard`). A host is given to one shard the first time it is asked for
/// (round robin) and keeps it, so the requests of one organisation reuse one connection and
/// one TLS session cache, as they would with a single thread, while the handshakes of
/// different organisations run on different cores. Every shard verifies peers against the
/// one `TrustStore` of the engine.
public final class CurlEngine: Sendable {
    private let shards: [CurlShard]
    private let hosts = HostAssignments()
    private let requestTimeout: Double
    private let sessions: TLSSessionCache?

    /// Starts an engine with its threads.
    public init(options: TransportOptions) throws(TransportError) {
        CryptoLibrary.initialize()
        CurlGlobal.initialize()
        ProcessLimits.raiseOpenFileLimit()
        let trust = try TrustStore(caBundlePath: options.caBundlePath)
        let sessions = options.tlsSessionFile.map { TLSSessionCache(path: $0, trustIdentity: trust.identity()) }
        let tls = TLSConnectionSetup(trust: trust, sessions: sessions)
        var shards: [CurlShard] = []
        for index in 0..<max(1, options.engineThreads) {
            shards.append(try CurlShard(options: options, tls: tls, name: "bk-curl-engine-\(index)"))
        }
        self.shards = shards
        self.sessions = sessions
        self.requestTimeout = options.requestTimeout
    }

    /// How many threads drive transfers.
    public var threadCount: Int { shards.count }

    /// Performs one request and returns its response, whatever the status code.
    ///
    /// - Parameter timeout: seconds for this attempt; the lesser of this and the configured
    ///   request timeout applies.
    public func perform(_ request: HTTPRequest, timeout: Double? = nil) async throws(TransportError) -> HTTPResponse {
        guard request.url.lowercased().hasPrefix("https://") else {
            throw TransportError(.invalidURL, "refusing a non-https URL: \(request.url)")
        }
        if let unsafe = request.headers.first(where: { !HTTPRequest.isSafeHeader(name: $0.name, value: $0.value) }) {
            throw TransportError(
                .invalidRequest, "refusing to send the header '\(TerminalText.sanitized(unsafe.name))': it holds characters a header may not have")
        }
        let shard = shards[hosts.shard(for: request.url, of: shards.count)]
        let seconds = min(timeout ?? requestTimeout, requestTimeout)
        guard seconds > 0 else { throw TransportError(.timeout, "no time left for the request") }
        let box = TransferBox()
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let transfer = CurlTransfer(request: request, timeoutSeconds: seconds, continuation: continuation)
                    box.id = ObjectIdentifier(transfer)
                    shard.submit(transfer)
                }
            } onCancel: {
                if let id = box.id { shard.cancel(id) }
            }
        } catch let error as TransportError {
            throw error
        } catch {
            throw TransportError(.failed, "\(error)")
        }
    }

    /// TLS sessions kept from an earlier run that were offered to servers, and how many of
    /// them the servers resumed (both 0 without `TransportOptions.tlsSessionFile`).
    public var tlsResumptions: (offered: Int, resumed: Int) { sessions?.counts ?? (0, 0) }

    /// Stops every engine thread after failing the transfers still in flight, then keeps the
    /// TLS sessions for the next run.
    public func shutdown() {
        for shard in shards { shard.shutdown() }
        sessions?.save()
    }
}

/// Which shard serves which host: assigned round robin on first use, then kept.
final class HostAssignments: Sendable {
    private struct State {
        var assigned: [Substring: Int] = [:]
        var next = 0
    }

    private let state = Locked(State())

    /// The shard index for a URL's authority (`host:port`, lowercased).
    func shard(for url: String, of count: Int) -> Int {
        guard count > 1 else { return 0 }
        let authority = Self.authority(of: url)
        return state.withLock { state in
            if let index = state.assigned[authority] { return index }
            let index = state.next % count
            state.next += 1
            state.assigned[authority] = index
            return index
        }
    }

    /// The part of an absolute URL between `//` and the next `/`, `?` or `#`, lowercased; the
    /// whole URL when it has no `//`.
    static func authority(of url: String) -> Substring {
        let lowered = url.lowercased()
        guard let start = lowered.range(of: "//")?.upperBound else { return Substring(lowered) }
        let end = lowered[start...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? lowered.endIndex
        return lowered[start..<end]
    }
}

/// Holds the id of a transfer across the cancellation handler.
private final class TransferBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: ObjectIdentifier?
    var id: ObjectIdentifier? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// Process-wide libcurl initialisation, after libcrypto's.
enum CurlGlobal {
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    static func initialize() { _ = initialized }
}
