@testable import BlauweKnop
import BKTestSupport
import Foundation
import Testing

/// The transport engine's lifetime: shut down explicitly, cancelled at any moment, never left
/// with a thread running or a request waiting for ever. The peer is a loopback socket that
/// never answers, so every outcome here is decided by the engine, not by a server.
@Suite("Engine lifetime")
struct CurlEngineLifetimeTests {
    /// The threads of this process whose name starts with `prefix` (Linux keeps 15 characters).
    static func threads(named prefix: String) -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.filter { task in
            let name = (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)) ?? ""
            return name.hasPrefix(prefix)
        }.count
    }

    /// Runs a test's body on an executor of its own: its awaits resume there, not on Swift's
    /// cooperative pool, which end-to-end tests running beside it may hold for minutes while
    /// they wait for processes (the CI machine has two cores). A body resumed minutes late would
    /// find its request timed out instead of in flight.
    static func offPool(_ body: () async throws -> Void) async throws {
        try await DedicatedExecutor.offPool(body)
    }

    /// How long to wait for a request to reach the peer; spent in full only when the engine
    /// never connects, a failure anyway.
    static let patience: Int32 = 60_000

    static func engine(threads: Int = 1) throws -> CurlEngine {
        var options = TransportOptions()
        options.engineThreads = threads
        options.requestTimeout = 60
        return try CurlEngine(options: options)
    }

    /// An engine with one request under way to a peer that never answers, once the request
    /// has reached the peer; the listener must live as long as the test uses it.
    static func requestUnderWay() async throws -> (engine: CurlEngine, listener: LoopbackListener, request: Task<HTTPResponse, any Error>) {
        let listener = try LoopbackListener()
        let engine = try engine()
        let url = listener.url
        // On an executor of its own: the request must reach the peer whatever the pool is doing.
        let request = Task(executorPreference: DedicatedExecutor(label: "bk-test-request")) {
            try await engine.perform(HTTPRequest(url: url, maxResponseBytes: 1024))
        }
        let reached = await listener.hasConnection(waitingMilliseconds: patience)
        #expect(reached, "the request reached the peer")
        return (engine, listener, request)
    }

    @Test("A request after shutdown fails at once with 'shut down'; a second shutdown does nothing")
    func requestAfterShutdown() async throws {
        try await Self.offPool {
            let listener = try LoopbackListener()
            let engine = try Self.engine()
            await engine.shutdown()
            let started = ContinuousClock.now
            let error = await #expect(throws: TransportError.self) { _ = try await engine.perform(HTTPRequest(url: listener.url, maxResponseBytes: 1024)) }
            let elapsed = started.duration(to: .now)
            #expect(error?.code == .shutDown)
            #expect(elapsed < .milliseconds(100), "took \(elapsed)")
            let connected = await listener.hasConnection(waitingMilliseconds: 0)
            #expect(!connected, "nothing was sent")
            await engine.shutdown()
        }
    }

    @Test("A request in flight at shutdown fails with 'shut down' instead of waiting for its peer")
    func shutdownFailsInFlight() async throws {
        try await Self.offPool {
            let (engine, listener, request) = try await Self.requestUnderWay()
            await engine.shutdown()
            withExtendedLifetime(listener) {}
            let outcome = await request.result
            #expect(transportError(outcome)?.code == .shutDown, "\(outcome)")
        }
    }

    @Test("A request cancelled before it was handed over never reaches the network")
    func cancelledBeforeSubmit() async throws {
        try await Self.offPool {
            let listener = try LoopbackListener()
            let engine = try Self.engine()
            let url = listener.url
            let request = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await engine.perform(HTTPRequest(url: url, maxResponseBytes: 1024))
            }
            let outcome = await request.result
            let error = transportError(outcome)
            #expect(error?.code == .cancelled, "\(outcome)")
            #expect(error?.detail == TransportError.cancelledBeforeSending.detail)
            // Shutdown ends the engine's threads: whatever they were going to send, they have.
            await engine.shutdown()
            let connected = await listener.hasConnection(waitingMilliseconds: 0)
            #expect(!connected, "the peer saw a connection")
        }
    }

    @Test("A request cancelled in flight fails with 'cancelled' while its peer stays silent")
    func cancelledInFlight() async throws {
        try await Self.offPool {
            let (engine, listener, request) = try await Self.requestUnderWay()
            request.cancel()
            withExtendedLifetime(listener) {}
            let outcome = await request.result
            let error = transportError(outcome)
            #expect(error?.code == .cancelled, "\(outcome)")
            #expect(error?.detail != TransportError.cancelledBeforeSending.detail)
            await engine.shutdown()
        }
    }

    @Test("An engine whose third shard cannot start stops the two it started: no thread is left")
    func halfBuiltEngine() throws {
        let prefix = "bkt-half-"
        var options = TransportOptions()
        options.engineThreads = 4
        var runningWhenFailing = -1
        #expect(throws: TransportError.self) {
            _ = try CurlEngine(options: options) { index, tls throws(TransportError) in
                guard index < 2 else {
                    runningWhenFailing = Self.threads(named: prefix)
                    throw TransportError(.failed, "the third shard cannot start")
                }
                return try CurlShard(options: options, tls: tls, name: prefix + "\(index)")
            }
        }
        #expect(runningWhenFailing == 2, "both shards had their thread")
        #expect(Self.threads(named: prefix) == 0)
    }

    @Test("Shutdown ends every engine thread")
    func shutdownEndsThreads() async throws {
        try await Self.offPool {
            let prefix = "bkt-down-"
            var options = TransportOptions()
            options.engineThreads = 3
            let engine = try CurlEngine(options: options) { index, tls throws(TransportError) in
                try CurlShard(options: options, tls: tls, name: prefix + "\(index)")
            }
            #expect(Self.threads(named: prefix) == 3)
            await engine.shutdown()
            #expect(Self.threads(named: prefix) == 0)
        }
    }

    @Test("--max-connections holds for the engine: each thread gets its share", arguments: [(300, 2, 150), (300, 1, 300), (5, 2, 3), (1, 4, 1)])
    func connectionShare(total: Int, threads: Int, each: Int) {
        var options = TransportOptions()
        options.maxConnections = total
        options.engineThreads = threads
        #expect(options.connectionsPerEngineThread == each)
    }

    @Test("A ticket cancelled first is never submitted; one submitted first tells its shard")
    func ticketOrder() {
        let early = TransferTicket()
        #expect(early.cancel() == false, "nothing to tell a shard yet")
        var ran = false
        #expect(early.submit { ran = true } == false)
        #expect(!ran)
        let late = TransferTicket()
        #expect(late.submit { ran = true })
        #expect(ran)
        #expect(late.cancel(), "the shard must drop the queued transfer")
    }
}

/// The transport error a request failed with, or nil.
private func transportError(_ outcome: Result<HTTPResponse, any Error>) -> TransportError? {
    if case .failure(let error) = outcome { return error as? TransportError }
    return nil
}
