import ArgumentParser
import BlauweKnop
import Foundation

/// `bk overview`: fetch, verify and merge every holder's document.
struct OverviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Show one overview of your debts at every organisation of the scheme.",
        discussion: """
            Exit codes: 0 complete; 2 the scheme failed verification (nothing fetched); \
            3 some organisations could not be reached or refused; 4 at least one document \
            failed verification (never masked by 3); 1 other errors; 64 usage errors.

            Examples:
              bk overview
              bk overview --detail
              bk overview --format json --output overzicht.json
              bk overview --format xml --deadline 20
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "table, json, xml or pdf (default: from the --output file's extension, .json, .xml, .pdf or .txt; else table on a terminal, json otherwise).")
    var format: Format?

    @Flag(help: "Show every zaak with payment requests and contact options (table).")
    var detail = false

    @Option(help: "Time for the whole run (e.g. 30s, 2m); holders not done by then count as timed out.")
    var deadline = DurationArgument(seconds: 30)

    @Option(name: [.short, .customLong("output")], help: "Write the overview to this file (atomically; '-' is standard output).")
    var output: String?

    @Option(help: "Ask at most this many organisations at once (also limited by the open-file limit).")
    var parallel: Int = 512

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, xml, pdf

        /// The format an output file's name asks for (.json, .xml, .pdf, .txt).
        static func inferred(from output: String?) -> Format? {
            guard let output else { return nil }
            if output.hasSuffix(".json") { return .json }
            if output.hasSuffix(".xml") { return .xml }
            if output.hasSuffix(".pdf") { return .pdf }
            if output.hasSuffix(".txt") { return .table }
            return nil
        }
    }

    func validate() throws {
        try deadline.require("--deadline", atMost: DurationArgument.oneDay)
        guard parallel > 0, parallel < global.maxConnections else { throw ValidationError("--parallel must be positive and below --max-connections") }
        if chosenFormat == .pdf, output == nil || output == OutputFile.standardOutputName, Terminal.standardOutputIsTerminal {
            throw ValidationError("a PDF is not written to a terminal: add --output FILE.pdf")
        }
    }

    /// The format asked for, else the one the output file's name asks for, else table on a
    /// terminal and JSON otherwise.
    var chosenFormat: Format {
        if let format { return format }
        if let inferred = Format.inferred(from: output) { return inferred }
        let toStandardOutput = output == nil || output == OutputFile.standardOutputName
        return Terminal.standardOutputIsTerminal && toStandardOutput ? .table : .json
    }

    func run() async throws {
        let chosen = chosenFormat
        let presentation = Presentation(global, jsonErrors: chosen == .json)
        let overview: Overview
        let state = OverviewProgressText(messages: presentation.messages)
        let progress = ProgressLine.make(presentation) { state.text(after: $0) }
        do {
            let client = try global.client()
            let concurrency = min(parallel, ProcessLimits.concurrentFlowsAllowed())
            let discoveries = client.discoveryCache()
            overview = try await client.overview(
                http: client.http(deadlineSeconds: deadline.seconds), maxConcurrentHolders: concurrency, discoveries: discoveries
            ) { progressState in
                state.update(progressState)
                progress?.draw()
            }
            progress?.finish()
            if global.verbose { presentation.noteReuse(of: client, discoveries: discoveries) }
        } catch let error as SchemeError {
            progress?.finish()
            throw presentation.fail(error, code: Terminal.exitCode(for: error))
        } catch {
            progress?.finish()
            throw presentation.fail(error, code: OverviewExitCode.failure.rawValue)
        }
        try Self.write(overview, format: chosen, detail: detail, output: output, presentation: presentation)
        let code = overview.exitCode
        if code != .complete { throw ExitCode(code.rawValue) }
    }

    /// Writes an overview in a format to `--output` (or standard output), 0600: the PDF form
    /// (PROTOCOL §8.2) in the language of everything else bk says. Shared with `bk requester`.
    static func write(_ overview: Overview, format: Format, detail: Bool, output: String?, presentation: Presentation) throws {
        do {
            if format == .pdf {
                try presentation.write(try OverviewPDF.render(overview, language: presentation.messages.language), to: output, mode: 0o600)
                return
            }
            let toStandardOutput = output == nil || output == OutputFile.standardOutputName
            let style = presentation.tableStyle(toTerminal: toStandardOutput && Terminal.standardOutputIsTerminal)
            let text = try OverviewFormat(rawValue: format.rawValue).map { try $0.render(overview, detail: detail, style: style) } ?? ""
            try presentation.write(text, to: output, mode: 0o600)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw presentation.fail(error, code: OverviewExitCode.failure.rawValue)
        }
    }
}
