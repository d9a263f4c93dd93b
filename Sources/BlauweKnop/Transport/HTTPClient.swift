import Foundation

/// Requests with bk's retry policy inside one overall deadline (PROTOCOL §6).
///
/// Retries happen only when no connection was made, or on 429/502/503/504, with full-jitter
/// exponential backoff; a `Retry-After` in seconds is honoured as the least wait. A retry that
/// would end after the deadline is not attempted.
public struct HTTPClient: Sendable {
    /// The engine that performs transfers.
    public let engine: CurlEngine
    /// When every attempt must be over.
    public let deadline: ContinuousClock.Instant
    /// Attempts per request, the first included.
    public var maxAttempts = 3
    /// The backoff cap for the first retry, doubled for each further one.
    public var baseBackoff: Duration = .milliseconds(250)
    /// The largest backoff.
    public var maxBackoff: Duration = .seconds(4)

    static let retryableStatuses: Set<Int> = [429, 502, 503, 504]

    public init(engine: CurlEngine, deadline: ContinuousClock.Instant) {
        self.engine = engine
        self.deadline = deadline
    }

    /// Sends a request, retrying as the policy allows (never a request marked not retryable),
    /// and returns the final response.
    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        var attempt = 1
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { throw TransportError(.timeout, "the overall deadline passed before \(request.url) could be fetched") }
            let outcome: Result<HTTPResponse, TransportError>
            do {
                outcome = .success(try await engine.perform(request, timeout: remaining.seconds))
            } catch {
                outcome = .failure(error)
            }
            guard request.isRetryable, let wait = retryWait(after: outcome, attempt: attempt) else { return try outcome.get() }
            do {
                try await Task.sleep(for: wait)
            } catch {
                throw TransportError(.cancelled, "cancelled")
            }
            attempt += 1
        }
    }

    /// How long to wait before another attempt, or `nil` when the policy allows none: the
    /// outcome is final, the attempts are used up, or the wait would end after the deadline.
    public func retryWait(after outcome: Result<HTTPResponse, TransportError>, attempt: Int) -> Duration? {
        let retryAfter: Duration?
        switch outcome {
        case .success(let response) where Self.retryableStatuses.contains(response.status):
            retryAfter = RetryAfter.parse(response.headers["retry-after"]) ?? .zero
        case .failure(let error) where error.isConnectionFailure || error.reusedConnectionDied:
            retryAfter = .zero
        default:
            retryAfter = nil
        }
        guard let retryAfter, attempt < maxAttempts else { return nil }
        let wait = max(retryAfter, backoff(forRetry: attempt))
        guard ContinuousClock.now.advanced(by: wait) < deadline else { return nil }
        return wait
    }

    /// Full jitter: a uniform wait between zero and the exponential cap.
    func backoff(forRetry retry: Int) -> Duration {
        let cap = min(maxBackoff, baseBackoff * (1 << min(retry - 1, 16)))
        return cap * Double.random(in: 0...1)
    }
}

/// Parses `Retry-After` given in seconds (the HTTP-date form is treated as absent).
enum RetryAfter {
    static func parse(_ value: String?) -> Duration? {
        guard let value, let seconds = Int(value.trimmingASCIIWhitespace), seconds >= 0 else { return nil }
        return .seconds(min(seconds, 3600))
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// The duration in whole milliseconds.
    var milliseconds: Int {
        Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
    }
}
