@testable import BlauweKnop
import CCurl
import Foundation
import Testing

/// The retry policy of PROTOCOL §6: full-jitter exponential backoff and `Retry-After`.
@Suite("Retry policy")
struct RetryPolicyTests {
    @Test(
        "Retry-After in seconds is honoured; dates, negatives and junk are not",
        arguments: [
            ("1", Duration.seconds(1)), (" 7 ", .seconds(7)), ("99999", .seconds(3600)),
        ])
    func retryAfter(header: String, expected: Duration) {
        #expect(RetryAfter.parse(header) == expected)
    }

    @Test("Unparseable Retry-After values are ignored", arguments: ["-1", "Wed, 21 Oct 2026 07:28:00 GMT", "soon", ""])
    func retryAfterIgnored(header: String) {
        #expect(RetryAfter.parse(header) == nil)
    }

    @Test("A kept-alive connection that died before any answer is tried again; a failure after an answer or on a new connection is not")
    func staleConnection() async throws {
        let engine = try CurlEngine(options: TransportOptions())
        let client = HTTPClient(engine: engine, deadline: .now.advanced(by: .seconds(60)))
        var died = TransportError(.unreachable, "connection to h failed (Send failure: Broken pipe)")
        died.reusedConnectionDied = true
        #expect(client.retryWait(after: .failure(died), attempt: 1) != nil)
        #expect(client.retryWait(after: .failure(died), attempt: client.maxAttempts) == nil, "within the attempts")
        #expect(client.retryWait(after: .failure(TransportError(.unreachable, "connection to h failed (Recv failure)")), attempt: 1) == nil)
        #expect(CurlResult.isStaleConnection(code: CURLE_SEND_ERROR, newConnections: 0, answered: false))
        #expect(CurlResult.isStaleConnection(code: CURLE_GOT_NOTHING, newConnections: 0, answered: false))
        #expect(!CurlResult.isStaleConnection(code: CURLE_SEND_ERROR, newConnections: 1, answered: false), "a fresh connection that broke")
        #expect(!CurlResult.isStaleConnection(code: CURLE_RECV_ERROR, newConnections: 0, answered: true), "part of an answer came")
        #expect(!CurlResult.isStaleConnection(code: CURLE_OPERATION_TIMEDOUT, newConnections: 0, answered: false))
        await engine.shutdown()
    }

    @Test("Backoff is full jitter under an exponential cap that stops at the maximum")
    func backoff() async throws {
        let client = HTTPClient(engine: try CurlEngine(options: TransportOptions()), deadline: .now.advanced(by: .seconds(60)))
        for retry in 1...8 {
            let cap = min(client.maxBackoff, client.baseBackoff * (1 << (retry - 1)))
            let waits = (0..<200).map { _ in client.backoff(forRetry: retry) }
            #expect(waits.allSatisfy { $0 >= .zero && $0 <= cap }, "retry \(retry)")
            #expect(Set(waits).count > 100, "the wait is random, not fixed")
        }
        await client.engine.shutdown()
    }
}
