import ArgumentParser
import BlauweKnop
import Foundation

/// `bk check`: probe every endpoint of the scheme, for CI and scheme operators.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Probe every organisation and App Manager of the scheme (no login needed).",
        discussion: """
            Verifies the scheme, then concurrently checks each endpoint: TLS 1.3 with a valid \
            certificate (and days to its expiry), the discovery document, a fresh session \
            challenge, and the latency of each step; plus key sanity of the scheme itself.

            Exit codes: 0 nothing at or above the --fail-on level; 1 something failed; \
            2 the scheme failed verification; 64 usage errors.

            Examples:
              bk check
              bk check --format junit --output bk-check.xml --fail-on warning
              bk check --warn-cert-days 14 --max-latency-ms 500
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "table, json or junit.")
    var format: Format = .table

    @Option(name: .customLong("fail-on"), help: "error or warning: the lowest outcome that makes the exit code non-zero.")
    var failOn: Level = .error

    @Option(name: .customLong("warn-cert-days"), help: "Warn when a certificate expires within this many days.")
    var warnCertDays = 30

    @Option(name: .customLong("max-latency-ms"), help: "Warn when a step takes longer than this.")
    var maxLatencyMs: Int?

    @Option(help: "Seconds for the whole check.")
    var deadline: Double = 30

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, junit
    }

    enum Level: String, ExpressibleByArgument, CaseIterable {
        case error, warning
    }

    func validate() throws {
        guard deadline > 0, warnCertDays >= 0 else { throw ValidationError("--deadline and --warn-cert-days must be positive") }
        if let maxLatencyMs, maxLatencyMs <= 0 { throw ValidationError("--max-latency-ms must be positive") }
    }

    func run() async throws {
        let report: CheckReport
        do {
            let client = try global.client()
            let http = client.http(deadlineSeconds: deadline)
            let scheme = try await client.scheme(http: http)
            var options = EndpointChecker.Options()
            options.warnCertificateDays = warnCertDays
            options.maxLatencyMs = maxLatencyMs
            report = await EndpointChecker(scheme: scheme, http: http, options: options).run()
        } catch let error as SchemeError {
            throw Terminal.fail(error, code: Terminal.exitCode(for: error))
        } catch {
            throw Terminal.fail(error, code: OverviewExitCode.failure.rawValue)
        }
        let text = CheckFormat(rawValue: format.rawValue).map { $0.render(report) } ?? ""
        if let output {
            do {
                try AtomicFile.write(text, to: output)
            } catch {
                throw Terminal.fail(error, code: OverviewExitCode.failure.rawValue)
            }
        } else {
            Terminal.print(text)
        }
        if report.fails(onWarnings: failOn == .warning) { throw ExitCode.failure }
    }
}
