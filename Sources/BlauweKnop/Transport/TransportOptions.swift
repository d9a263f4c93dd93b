import Foundation

/// Limits and trust settings for the transport engine.
public struct TransportOptions: Sendable {
    /// An extra CA bundle (PEM) to trust, for test environments; `nil` uses the system store.
    public var caBundlePath: String?
    /// Seconds allowed for TCP connect plus TLS handshake.
    public var connectTimeout: Double = 5
    /// Seconds allowed for one whole request.
    public var requestTimeout: Double = 15
    /// A transfer slower than `lowSpeedBytesPerSecond` for `lowSpeedSeconds` is aborted.
    public var lowSpeedBytesPerSecond: Int = 64
    /// See `lowSpeedBytesPerSecond`.
    public var lowSpeedSeconds: Int = 5
    /// At most this many connections open at once, over all hosts and engine threads (each
    /// thread gets its share, rounded up): a safety cap above the number of holders asked at
    /// once (see `OverviewBuilder.maxConcurrentHolders`). Transfers beyond it wait for a
    /// connection to finish.
    public var maxConnections: Int = 1024
    /// Threads that drive transfers, each with its own libcurl multi handle (at least 1):
    /// by default one per core, so that the TLS handshakes of many organisations run in
    /// parallel.
    public var engineThreads: Int = TransportOptions.defaultEngineThreads
    /// Where TLS sessions are kept between runs (`TLSSessionCache`), in the state directory;
    /// `nil` keeps them for this process only, as does a libcurl or OpenSSL release the
    /// mechanism was not proven on (`TLSResumptionSupport`).
    public var tlsSessionFile: String?
    /// The library releases to decide TLS session keeping for; nil: the ones loaded (a test
    /// sets others to see the guard).
    var tlsResumptionSupport: TLSResumptionSupport?
    /// The `User-Agent` header.
    public var userAgent: String = "bk/\(BlauweKnopVersion.current)"

    public init(caBundlePath: String? = nil) {
        self.caBundlePath = caBundlePath
    }

    /// Each engine thread's share of `maxConnections`, rounded up.
    var connectionsPerEngineThread: Int {
        let threads = max(1, engineThreads)
        return max(1, (maxConnections + threads - 1) / threads)
    }

    /// One engine thread per active core, at most 16.
    public static var defaultEngineThreads: Int { min(16, max(1, ProcessInfo.processInfo.activeProcessorCount)) }
}

/// The version of this library and its tools.
public enum BlauweKnopVersion {
    /// Semantic version of bk.
    public static let current = "0.1.0"
}
