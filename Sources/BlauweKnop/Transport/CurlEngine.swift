import Foundation
import Synchronization
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
    private let transferCount = Atomic<UInt64>(0)
    private let running = Locked(true)

    /// Starts an engine with its threads; call `shutdown()` when done with it.
    public convenience init(options: TransportOptions) throws(TransportError) {
        // `maxConnections` holds for the whole engine: each shard gets its share (hosts are
        // spread over the shards round robin, so the shares fill evenly).
        var shardOptions = options
        shardOptions.maxConnections = options.connectionsPerEngineThread
        try self.init(options: options) { index, tls throws(TransportError) in
            try CurlShard(options: shardOptions, tls: tls, name: "bk-curl-engine-\(index)")
        }
    }

    /// Starts an engine whose shards come from `makeShard`; when one cannot start, the
    /// shards already started are stopped before the error is thrown.
    init(options: TransportOptions, makeShard: (Int, TLSConnectionSetup) throws(TransportError) -> CurlShard) throws(TransportError) {
        CryptoLibrary.initialize()
        CurlGlobal.initialize()
        ProcessLimits.raiseOpenFileLimit()
        let trust = try TrustStore(caBundlePath: options.caBundlePath)
        let keepsSessions = (options.tlsResumptionSupport ?? .running).keepsSessions
        let sessions = options.tlsSessionFile.flatMap { keepsSessions ? TLSSessionCache(path: $0, trustIdentity: trust.identity()) : nil }
        let tls = TLSConnectionSetup(trust: trust, sessions: sessions)
        var shards: [CurlShard] = []
        do {
            for index in 0..<max(1, options.engineThreads) { shards.append(try makeShard(index, tls)) }
        } catch {
            for shard in shards { shard.stopAndWait() }
            throw error
        }
        self.shards = shards
        self.sessions = sessions
        self.requestTimeout = options.requestTimeout
    }

    /// An engine nobody shut down stops its threads without waiting for them and without
    /// keeping its TLS sessions: no file is written and nothing blocks in `deinit`.
    deinit {
        if running.withLock({ $0 }) {
            for shard in shards { shard.stop() }
        }
    }

    /// How many threads drive transfers.
    public var threadCount: Int { shards.count }

    /// Performs one request and returns its response, whatever the status code.
    ///
    /// - Parameter timeout: seconds for this attempt; the lesser of this and the configured
    ///   request timeout applies.
    /// - Throws: `TransportError` with code `shutDown` at once after `shutdown()`, and
    ///   `cancelled` when the task is cancelled, also before the request was handed over.
    public func perform(_ request: HTTPRequest, timeout: Double? = nil) async throws(TransportError) -> HTTPResponse {
        guard running.withLock({ $0 }) else { throw TransportError.shutDown }
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
        let id = TransferID(value: transferCount.wrappingAdd(1, ordering: .relaxed).newValue)
        let ticket = TransferTicket()
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let transfer = CurlTransfer(id: id, request: request, timeoutSeconds: seconds, continuation: continuation)
                    if !ticket.submit({ shard.submit(transfer) }) { transfer.finish(.failure(TransportError.cancelledBeforeSending)) }
                }
            } onCancel: {
                if ticket.cancel() { shard.cancel(id) }
            }
        } catch let error as TransportError {
            throw error
        } catch {
            throw TransportError(.failed, "\(error)")
        }
    }

    /// Whether this engine keeps TLS sessions for the next run.
    var keepsSessionsBetweenRuns: Bool { sessions != nil }

    /// TLS sessions kept from an earlier run that were offered to servers, and how many of
    /// them the servers resumed (both 0 without `TransportOptions.tlsSessionFile`).
    public var tlsResumptions: (offered: Int, resumed: Int) { sessions?.counts ?? (0, 0) }

    /// Fails the requests still in flight, waits for every engine thread to end, then keeps
    /// the TLS sessions for the next run. Later requests fail at once; a second call does
    /// nothing.
    public func shutdown() async {
        let first = running.withLock { running in
            defer { running = false }
            return running
        }
        guard first else { return }
        await withTaskGroup(of: Void.self) { group in
            for shard in shards { group.addTask { await shard.shutdown() } }
        }
        sessions?.save()
    }
}

/// Whether a request was handed to its shard or cancelled first: a cancellation can arrive
/// before the transfer exists, and must then stop it from being sent at all.
final class TransferTicket: Sendable {
    private enum State { case waiting, submitted, cancelled }
    private let state = Locked(State.waiting)

    /// Runs `submit` unless the request was cancelled first; returns whether it ran. The lock
    /// is held while it runs, so a cancellation that follows finds the transfer queued.
    func submit(_ submit: () -> Void) -> Bool {
        state.withLock { state in
            guard state == .waiting else { return false }
            state = .submitted
            submit()
            return true
        }
    }

    /// Marks the request cancelled; returns whether it had already been handed to its shard,
    /// which must then be told.
    func cancel() -> Bool {
        state.withLock { state in
            defer { state = .cancelled }
            return state == .submitted
        }
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

/// Process-wide libcurl initialisation, after libcrypto's.
enum CurlGlobal {
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    static func initialize() { _ = initialized }
}
