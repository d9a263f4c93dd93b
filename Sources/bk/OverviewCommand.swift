import ArgumentParser
import BlauweKnop
import Foundation

/// `bk overview`: fetch, verify and merge every holder's document.
struct OverviewCommand: AsyncParsableCommand, ReportsErrors {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Show one overview of your debts at every organisation of the scheme.",
        discussion: """
            Exit codes: 0 complete; 2 the scheme failed verification (nothing fetched); \
            3 some organisations could not be reached or refused; 4 at least one document \
            failed verification (never masked by 3); 77 log in first; 1 other errors; 64 usage \
            errors.

            Examples:
              bk overview
              bk overview --detail
              bk overview --format json --output overzicht.json
              bk overview --format xml --deadline 20
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "table, json, xml or pdf (default: from the --output file's extension, .json, .xml, .pdf or .txt; else table).")
    var format: OverviewFormatArgument?

    @Flag(help: "Show every zaak with payment requests, requests filed about it and contact options (table).")
    var detail = false

    @Option(help: "Time for the whole run (e.g. 30s, 2m); holders not done by then count as timed out.")
    var deadline = DurationArgument(seconds: 30)

    @Option(name: [.short, .customLong("output")], help: "Write the overview to this file (atomically; '-' is standard output).")
    var output: String?

    @Option(help: "Ask at most this many organisations at once (also limited by the open-file limit).")
    var parallel: Int = 512

    func validate() throws {
        try deadline.require("--deadline", atMost: DurationArgument.oneDay)
        guard parallel > 0, parallel < global.maxConnections else { throw UsageProblem.error(.usageParallelBelowConnections) }
        _ = try chosenOutput
    }

    /// Where and in which form the overview goes (`OverviewOutput.choose`).
    var chosenOutput: OverviewOutput {
        get throws { try OverviewOutput.chosen(format: format, output: output, messages: Presentation(global, jsonErrors: false).messages) }
    }

    var presentation: Presentation { Presentation(global, jsonErrors: (try? chosenOutput)?.form == .json) }

    func run() async throws {
        let chosen = try chosenOutput
        let presentation = self.presentation
        let state = OverviewProgressText(messages: presentation.messages)
        let progress = ProgressLine.make(presentation) { state.text(after: $0) }
        defer { progress?.finish() }
        let (overview, paperCodes) = try await global.withClient { client in
            let concurrency = min(parallel, ProcessLimits.concurrentFlowsAllowed())
            let discoveries = client.discoveryCache()
            let overview = try await client.overview(
                http: client.http(deadlineSeconds: deadline.seconds), maxConcurrentHolders: concurrency, discoveries: discoveries
            ) { progressState in
                state.update(progressState)
                progress?.draw()
            }
            progress?.finish()
            if global.verbose { presentation.noteReuse(of: client, discoveries: discoveries) }
            // On paper each organisation's totals come with the QR code that proves them (§12.3).
            let codes = chosen.form == .pdf ? await client.paperCodes(for: overview, http: client.http(deadlineSeconds: 10)) : [:]
            return (overview, codes)
        }
        try chosen.write(overview, detail: detail, presentation: presentation, paperCodes: paperCodes)
        let code = overview.exitCode
        if code != .complete { throw ExitCode(code.rawValue) }
    }

}
