import Foundation
import Testing

/// The first SIGINT, SIGTERM or SIGHUP ends a run at once, wherever it waits: nothing written or
/// replaced, no temporary file left, the process ended by that signal (a shell sees 130, 143
/// or 129).
@Suite("Signals end a run at once")
struct InterruptionEndToEndTests {
    /// A `bk` process started in the background, with standard input left open when asked.
    struct Running {
        let process: Process
        let input: Pipe?

        init(_ holder: TestHolder, _ arguments: [String], environment: [String: String]? = nil, openInput: Bool = false) throws {
            process = Process()
            process.executableURL = URL(fileURLWithPath: Paths.binaries + "/bk")
            process.arguments = arguments
            process.environment = environment ?? holder.bkEnvironment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            input = openInput ? Pipe() : nil
            process.standardInput = input ?? FileHandle.nullDevice
            try process.run()
        }

        /// Sends `signal` after `delay` seconds and returns how long the process took to end.
        func interrupt(with signal: Int32, after delay: Double = 1) -> Double {
            Thread.sleep(forTimeInterval: delay)
            #expect(process.isRunning, "bk ended before the signal was sent")
            let sent = Date()
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            return Date().timeIntervalSince(sent)
        }
    }

    /// Sanitizer builds end several times slower (make sanitize sets BK_TIMING_SLACK).
    static let slack = ProcessInfo.processInfo.environment["BK_TIMING_SLACK"].flatMap(Double.init) ?? 1.0

    static func expectEndedBy(_ signal: Int32, _ running: Running, within seconds: Double, _ what: String) {
        #expect(running.process.terminationReason == .uncaughtSignal, "\(what): ended by exit \(running.process.terminationStatus)")
        #expect(running.process.terminationStatus == signal, "\(what)")
        #expect(seconds < 1.0 * slack, "\(what): \(seconds) s after the signal")
    }

    static func leftovers(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
    }

    @Test("Overview on a stalled organisation: the signal ends it within a second, the old output file stays as it was", arguments: [SIGINT, SIGTERM, SIGHUP])
    func overviewOnStalledHolder(signal: Int32) throws {
        let holder = try TestHolder(.init(faults: ["CJIB": "stall_after_headers"]))
        try holder.login(ExpectedFigures.richCitizen)
        let output = holder.directory + "/overzicht.json"
        try "previous run".write(toFile: output, atomically: false, encoding: .utf8)
        let running = try Running(holder, ["overview", "-o", output, "--deadline", "60"])
        let seconds = running.interrupt(with: signal)
        Self.expectEndedBy(signal, running, within: seconds, "overview")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous run")
        #expect(try Self.leftovers(in: holder.directory).isEmpty)
        #expect(try Self.leftovers(in: holder.stateDirectory).isEmpty)
    }

    @Test("bk verify - waiting on an open pipe ends at the signal")
    func verifyOnOpenPipe() throws {
        let holder = try TestHolder()
        let running = try Running(holder, ["verify", "-"], openInput: true)
        running.input?.fileHandleForWriting.write(Data("{\"schema_version\":".utf8))
        let seconds = running.interrupt(with: SIGTERM)
        Self.expectEndedBy(SIGTERM, running, within: seconds, "verify -")
    }

    @Test("The requester batch with a stalled organisation ends at the signal and writes no summary")
    func batchOnStalledHolder() throws {
        let holder = try TestHolder(.init(faults: ["CJIB": "stall_after_headers"]))
        try holder.login(ExpectedFigures.richCitizen)
        let consents = holder.directory + "/consents", out = holder.directory + "/out"
        try FileManager.default.createDirectory(atPath: consents, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: try RequesterEndToEndTests.grant(holder, only: "CJIB,DUO"), toPath: consents + "/client.jws")
        let environment = RequesterRun.environment(holder)
        let running = try Running(
            holder, ["requester", "batch", "--consents", consents, "--output-dir", out, "--requester-key", try RequesterEndToEndTests.requesterKey(holder)],
            environment: environment)
        let seconds = running.interrupt(with: SIGTERM)
        Self.expectEndedBy(SIGTERM, running, within: seconds, "batch")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        #expect(!written.contains("summary.json"), "\(written)")
        #expect(written.allSatisfy { !$0.hasSuffix(".tmp") }, "\(written)")
    }

    @Test("bk check on a stalled organisation ends at the signal and writes no report", arguments: [SIGINT, SIGTERM])
    func checkOnStalledHolder(signal: Int32) throws {
        let holder = try TestHolder(.init(faults: ["CJIB": "stall_after_headers"], faultEndpoints: ["CJIB": "discovery"]))
        let report = holder.directory + "/bk-check.xml"
        let running = try Running(holder, ["check", "--deadline", "60", "-o", report])
        let seconds = running.interrupt(with: signal)
        Self.expectEndedBy(signal, running, within: seconds, "check")
        #expect(!FileManager.default.fileExists(atPath: report))
        #expect(try Self.leftovers(in: holder.directory).isEmpty)
    }

    @Test("Giving consent while an organisation stalls on registering it ends at the signal and writes no consent file")
    func consentOnStalledHolder() throws {
        let holder = try TestHolder(.init(faults: ["CJIB": "stall_after_headers"], faultEndpoints: ["CJIB": "consents"]))
        try holder.login(ExpectedFigures.richCitizen)
        let consent = holder.directory + "/consent.jws"
        let running = try Running(
            holder,
            ["consent", "grant", "--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "3", "--only", "CJIB,DUO", "--yes", "-o", consent])
        let seconds = running.interrupt(with: SIGTERM)
        Self.expectEndedBy(SIGTERM, running, within: seconds, "consent grant")
        #expect(!FileManager.default.fileExists(atPath: consent))
        #expect(try Self.leftovers(in: holder.directory).isEmpty)
    }

    @Test("Ctrl-C on a terminal: the live line is erased and the shell sees 130")
    func controlCOnTerminal() throws {
        let holder = try TestHolder(.init(faults: ["CJIB": "stall_after_headers"]))
        try holder.login(ExpectedFigures.richCitizen)
        let (status, seconds, screen) = try PseudoTerminal.controlC(
            [Paths.binaries + "/bk", "overview", "--deadline", "60"], after: 3.5, environment: holder.bkEnvironment)
        #expect(status == 130, "\(screen)")
        #expect(seconds < 1.0 * Self.slack, "\(seconds) s after Ctrl-C")
        #expect(screen.contains("\r\u{1B}[K"), "the live line was drawn: \(screen.debugDescription)")
        // What stays on the screen after the last erase is nothing of the live line.
        let afterLastErase = screen.components(separatedBy: "\r\u{1B}[K").last ?? ""
        #expect(!afterLastErase.contains("van 9"), "the live line is still on the screen: \(afterLastErase.debugDescription)")
    }
}
