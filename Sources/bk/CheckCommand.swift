import ArgumentParser
import BlauweKnop
import Foundation

/// `bk check`: probe every endpoint of the scheme, for CI and scheme operators.
struct CheckCommand: AsyncParsableCommand, ReportsErrors {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Probe every organisation and App Manager of the scheme (no login needed).",
        discussion: """
            Verifies the scheme, then concurrently checks each endpoint: TLS 1.3 with a valid \
            certificate (and days to its expiry), the discovery document, a fresh session \
            challenge, and the latency of each step; plus key sanity of the scheme itself.

            A report is written in every case, also when the scheme cannot be fetched or \
            verified (then as one failing 'scheme' test case).

            Exit codes: 0 nothing at or above the --fail-on level; 3 an endpoint check failed \
            at that level; 2 the scheme could not be fetched or failed verification; 1 bk could \
            not run (settings, trust anchor); 64 usage errors.

            Examples:
              bk check
              bk check --format junit --output bk-check.xml --fail-on warning
              bk check --warn-cert-days 14 --max-latency-ms 500
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "table, json or junit (default: from the --output file's extension, .json, .xml or .txt; else table).")
    var format: Format?

    @Option(name: .customLong("fail-on"), help: "error or warning: the lowest outcome that makes the exit code non-zero.")
    var failOn: Level = .error

    @Option(name: .customLong("warn-cert-days"), help: "Warn when a certificate expires within this many days.")
    var warnCertDays = 30

    @Option(name: .customLong("max-latency-ms"), help: "Warn when a step takes longer than this.")
    var maxLatencyMs: Int?

    @Option(help: "Time for the whole check (e.g. 30s).")
    var deadline = DurationArgument(seconds: 30)

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file (atomically; '-' is standard output).")
    var output: String?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, junit
    }

    enum Level: String, ExpressibleByArgument, CaseIterable {
        case error, warning
    }

    func validate() throws {
        try deadline.require("--deadline", atMost: DurationArgument.oneDay)
        guard (0...100_000).contains(warnCertDays) else { throw UsageProblem.error(.usageRange, ["option": "--warn-cert-days", "low": "0", "high": "100000"]) }
        if let maxLatencyMs, !(1...86_400_000).contains(maxLatencyMs) {
            throw UsageProblem.error(.usageRange, ["option": "--max-latency-ms", "low": "1", "high": "86400000"])
        }
    }

    var chosenFormat: Format {
        if let format { return format }
        if let output, output.hasSuffix(".json") { return .json }
        if let output, output.hasSuffix(".xml") { return .junit }
        return .table
    }

    var presentation: Presentation { Presentation(global, jsonErrors: chosenFormat == .json) }

    func run() async throws {
        let format = chosenFormat
        let presentation = self.presentation
        let checked: (report: CheckReport, exitCode: Int32)
        do {
            checked = try await global.withClient { client in try await check(with: client, presentation: presentation) }
        } catch let problem as NotSetUp {
            throw settingsFailed(problem.error, environment: problem.environment, presentation: presentation)
        } catch {
            throw settingsFailed(error, environment: ProcessInfo.processInfo.environment["BK_ENVIRONMENT"] ?? "prod", presentation: presentation)
        }
        let toTerminal = (output == nil || output == OutputFile.standardOutputName) && Terminal.standardOutputIsTerminal
        let text = CheckFormat(rawValue: format.rawValue).map { $0.render(checked.report, style: presentation.tableStyle(toTerminal: toTerminal)) } ?? ""
        try presentation.write(text, to: output)
        var exitCode = checked.exitCode
        if exitCode == 0, checked.report.fails(onWarnings: failOn == .warning) { exitCode = ExitStatus.partial.rawValue }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    /// The scheme could not be fetched because bk is not set up for it.
    private struct NotSetUp: Error {
        let error: SchemeError
        let environment: String
    }

    /// Checks every endpoint of the scheme, or reports a scheme that failed as the one case.
    private func check(with client: BlauweKnopClient, presentation: Presentation) async throws(NotSetUp) -> (report: CheckReport, exitCode: Int32) {
        let http = client.http(deadlineSeconds: deadline.seconds)
        do {
            let scheme = try await client.scheme(http: http)
            var options = EndpointChecker.Options()
            options.warnCertificateDays = warnCertDays
            options.maxLatencyMs = maxLatencyMs
            return (await EndpointChecker(scheme: scheme, http: http, options: options).run(), 0)
        } catch {
            guard error.code != .configuration else { throw NotSetUp(error: error, environment: client.settings.environment) }
            // Standard output carries the report with the failing scheme case.
            presentation.withoutJSONErrors.say(error)
            return (CheckReport.schemeFailed(error, environment: client.settings.environment), ExitStatus.schemeRejected.rawValue)
        }
    }

    /// bk is not set up: the error on standard error, and still a report (one failing case)
    /// where the report goes, so that a CI job keeps a report that says why. Exit 1.
    private func settingsFailed(_ error: any Error, environment: String, presentation: Presentation) -> any Error {
        presentation.withoutJSONErrors.say(error)
        let report = CheckReport.settingsFailed(String(describing: error), environment: environment)
        let toTerminal = (output == nil || output == OutputFile.standardOutputName) && Terminal.standardOutputIsTerminal
        let text = CheckFormat(rawValue: chosenFormat.rawValue).map { $0.render(report, style: presentation.tableStyle(toTerminal: toTerminal)) } ?? ""
        do {
            try presentation.write(text, to: output)
        } catch {
            return error
        }
        return ExitCode(ExitStatus.failure.rawValue)
    }
}
