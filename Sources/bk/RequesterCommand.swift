import ArgumentParser
import BlauweKnop
import Foundation

/// `bk requester`: Blauwe Knop Plus for the requester, e.g. a municipality's debt counselling
/// (PROTOCOL §10.4–§10.6).
struct RequesterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requester", abstract: "Fetch a citizen's signed data under their consent (for a requester of the scheme).",
        subcommands: [Overview.self, Batch.self])

    /// `bk requester overview --consent FILE`.
    struct Overview: AsyncParsableCommand, ReportsErrors {
        static let configuration = CommandConfiguration(
            commandName: "overview", abstract: "One citizen's overview under one consent, verified as the citizen's own.",
            discussion: """
                Organisations outside the consent are not asked (status not_in_consent); those in it that do not take part in Plus
                are not_supported. Neither counts against 'complete'. Exit codes as 'bk overview'; 1 also for a consent that does
                not verify or has expired, and for a key the scheme does not list for the consent's requester.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "The consent the citizen gave (a file made by 'bk consent grant').")
        var consent: String

        @Option(name: .customLong("requester-key"), help: "The requester's private key: PEM PKCS#8 or a private JWK, mode 0600 (BK_REQUESTER_KEY).")
        var requesterKey: String?

        @Option(help: "table, json, xml or pdf (default: from the --output file's extension; else table).")
        var format: OverviewFormatArgument?

        @Option(name: [.short, .customLong("output")], help: "Write the overview to this file (atomically; '-' is standard output).")
        var output: String?

        @Option(help: "Time for the whole run (e.g. 30s, 2m).")
        var deadline = DurationArgument(seconds: 30)

        var presentation: Presentation {
            Presentation(
                global, jsonErrors: (try? OverviewOutput.chosen(format: format, output: output, messages: Presentation(global).messages))?.form == .json)
        }

        func run() async throws {
            let chosen = try OverviewOutput.chosen(format: format, output: output, messages: Presentation(global).messages)
            let presentation = self.presentation
            let overview = try await global.withClient { client in
                let key = try RequesterKey.load(path: requesterKey ?? ProcessInfo.processInfo.environment["BK_REQUESTER_KEY"])
                guard let compact = try AtomicFile.read(consent, limit: Consent.maxBytes) else {
                    throw FileError(path: consent, action: "read", errno: ENOENT)
                }
                let http = client.http(deadlineSeconds: deadline.seconds)
                let scheme = try await client.scheme(http: http)
                let discoveries = client.discoveryCache()
                let fetched = try await client.requesterOverview(
                    consent: compact, key: key, scheme: scheme, http: http, maxConcurrentHolders: ProcessLimits.concurrentFlowsAllowed(),
                    discoveries: discoveries)
                discoveries.save(now: client.clock.epochSeconds)
                // The table says the code itself; for the other forms it is said once here.
                if chosen.form != .table { presentation.note(.consentCode, ["code": BlauweKnop.Consent.shortCode(fetched.consent.compact)]) }
                return fetched.overview
            }
            try chosen.write(overview, detail: false, presentation: presentation)
            let code = overview.exitCode
            if code != .complete { throw ExitCode(code.rawValue) }
        }
    }
}

/// `bk requester batch --consents DIR --output-dir OUT`: every consent of a folder in one run.
extension RequesterCommand {
    struct Batch: AsyncParsableCommand, ReportsErrors {
        static let configuration = CommandConfiguration(
            commandName: "batch", abstract: "Fetch the overview of every consent in a folder, on one transport, with a summary to import.",
            discussion: """
                Writes OUT/<consent id>.json per usable consent, and OUT/summary.json and OUT/summary.csv (one row per consent file:
                masked BSN, consent id, expiry, complete, totals in cents, organisations missing). A consent that cannot be used
                (expired, another requester's, malformed) is a row with result 'refused', not the end of the run. Exit 0: every
                overview complete; 3: one incomplete or refused; 4: an integrity failure in any.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "The folder with the consent files (*.jws).")
        var consents: String

        @Option(name: .customLong("output-dir"), help: "The folder for the overviews and the summary (made when missing).")
        var outputDir: String

        @Option(name: .customLong("requester-key"), help: "The requester's private key: PEM PKCS#8 or a private JWK, mode 0600 (BK_REQUESTER_KEY).")
        var requesterKey: String?

        @Option(help: "Citizens fetched at once.")
        var parallel: Int = 16

        @Option(
            name: .customLong("csv-dialect"),
            help: "excel-nl (';', euros with a decimal comma, UTF-8 with BOM: opens in Dutch Excel) or rfc4180 (',', cents: for scripts).")
        var csvDialect: CSVDialectArgument = .excelNL

        @Option(help: "Time for the whole run (e.g. 5m).")
        var deadline = DurationArgument(seconds: 300)

        func validate() throws {
            guard (1...1024).contains(parallel) else { throw UsageProblem.error(.usageRange, ["option": "--parallel", "low": "1", "high": "1024"]) }
        }

        var presentation: Presentation { Presentation(global) }

        func run() async throws {
            let presentation = self.presentation
            let summary: BatchSummary
            summary = try await global.withClient { client in
                let key = try RequesterKey.load(path: requesterKey ?? ProcessInfo.processInfo.environment["BK_REQUESTER_KEY"])
                let files = try FileManager.default.contentsOfDirectory(atPath: consents).filter { $0.hasSuffix(".jws") }.sorted()
                try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
                let http = client.http(deadlineSeconds: deadline.seconds)
                let scheme = try await client.scheme(http: http)
                let flowsEach = max(1, ProcessLimits.concurrentFlowsAllowed() / parallel)
                // One cache for every consent of the batch: each organisation's discovery is fetched once.
                let discoveries = client.discoveryCache()
                let rows = await withTaskGroup(of: (Int, BatchSummary.Row).self) { group in
                    var next = 0
                    func startNext() {
                        guard next < files.count else { return }
                        let index = next
                        next += 1
                        let file = files[index]
                        group.addTask {
                            (index, await fetch(file, scheme: scheme, key: key, http: http, client: client, discoveries: discoveries, flows: flowsEach))
                        }
                    }
                    for _ in 0..<min(parallel, files.count) { startNext() }
                    var rows = [BatchSummary.Row?](repeating: nil, count: files.count)
                    for await (index, row) in group {
                        rows[index] = row
                        startNext()
                    }
                    return rows.compactMap { $0 }
                }
                discoveries.save(now: client.clock.epochSeconds)
                let summary = BatchSummary(rows: rows)
                try OutputFile.write(JSONCoding.encode(summary), to: outputDir + "/summary.json", mode: 0o600)
                try OutputFile.write(summary.csv(csvDialect.dialect), to: outputDir + "/summary.csv", mode: 0o600)
                try OutputFile.write(summary.debtsCSV(csvDialect.dialect), to: outputDir + "/schulden.csv", mode: 0o600)
                return summary
            }
            if !global.quiet {
                let count = { (result: String) in "\(summary.rows.filter { $0.result == result }.count)" }
                presentation.note(
                    .batchCounts,
                    ["complete": count("complete"), "incomplete": count("incomplete"), "refused": count("refused"), "failed": count("integrity_failure")])
            }
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        }

        /// One consent file: its overview written, or why it was refused.
        private func fetch(
            _ file: String, scheme: VerifiedScheme, key: PrivateKey, http: HTTPClient, client: BlauweKnopClient, discoveries: DiscoveryCache,
            flows: Int
        ) async -> BatchSummary.Row {
            do {
                guard let bytes = try AtomicFile.read(consents + "/" + file, limit: BlauweKnop.Consent.maxBytes, regularOnly: true) else {
                    return BatchSummary.Row(file: file, refused: "the file is gone")
                }
                let (consent, overview) = try await client.requesterOverview(
                    consent: bytes, key: key, scheme: scheme, http: http, maxConcurrentHolders: flows, discoveries: discoveries)
                let name = consent.claims.jti + ".json"
                try OutputFile.write(OverviewJSON.render(overview), to: outputDir + "/" + name, mode: 0o600)
                return BatchSummary.Row(file: file, overview: overview, written: name)
            } catch let error as ConsentError {
                return BatchSummary.Row(file: file, refused: error.detail)
            } catch let error as FileError where error.code == .notRegular {
                return BatchSummary.Row(file: file, refused: "skipped: not a regular file")
            } catch {
                return BatchSummary.Row(file: file, refused: "\(error)")
            }
        }
    }
}

/// `--csv-dialect`, as the command line names it.
enum CSVDialectArgument: String, ExpressibleByArgument, CaseIterable {
    case excelNL = "excel-nl"
    case rfc4180

    var dialect: CSVDialect { CSVDialect(rawValue: rawValue) ?? .excelNL }
}
