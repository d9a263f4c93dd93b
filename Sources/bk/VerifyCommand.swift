import ArgumentParser
import BlauweKnop
import Foundation

/// `bk verify FILE`: re-verify an overview offline (PROTOCOL §8.1).
struct VerifyCommand: AsyncParsableCommand, ReportsErrors {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check offline that an overview file (JSON, XML or PDF) is authentic, unaltered and complete.",
        discussion: """
            Verifies the scheme in the evidence against the trust anchor and every document \
            against the keys of that scheme, rebuilds the overview from the documents alone \
            (with the one date of generated_at) and compares it with the whole file. Any edit \
            (an amount, a name, a status, a removed organisation, a page) is found. An \
            organisation without a signed document is not proven: what the file claims for it \
            is reported. A proof of filing from 'bk dispute' is checked too: what was filed \
            with whom and when (0 authentic, 4 altered, 2 scheme not signed by the trust anchor). \
            Of a file from 'bk share' only what was shared is shown, per organisation (0 \
            authentic, 3 too old, 4 altered or meant for someone else, 2 scheme not signed).

            Exit codes: 0 authentic and complete; 3 authentic but incomplete, older than \
            --max-age, or pages not compared; 4 altered, malformed or ambiguous (duplicate names, \
            a DTD); 2 the scheme evidence is not signed by the trust anchor; 1 the file cannot be \
            read or is no bk overview; 64 usage.

            Examples:
              bk verify overzicht.json
              bk verify overzicht.pdf --max-age 14d --format json
              bk verify - < overzicht.json
              bk verify gedeeld.json --aud 00000001001234567000 --nonce intake-42
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(
        help:
            "An overview from 'bk overview --format json|xml|pdf', a proof from 'bk dispute' or a file from 'bk share' ('-' reads standard input); with --scan, photos, scans or scanned PDFs."
    )
    var files: [String]

    @Flag(help: "Read the QR codes on paper: photos or scans (PNG, JPEG) or scanned PDFs, checked against the current scheme.")
    var scan = false

    @Option(name: .customLong("max-age"), help: "Exit 3 when the oldest document is older than this (e.g. 14d, 36h).")
    var maxAge: DurationArgument?

    @Option(help: "For a share file: the recipient it must be for (your OIN); exit 4 when it is for another.")
    var aud: String?

    @Option(help: "For a share file: the code you gave the citizen; exit 4 when it was made with another.")
    var nonce: String?

    @Option(help: "table or json (default: from the --output file's extension, .json or .txt; else table).")
    var format: ReportFormat?

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file ('-' is standard output).")
    var output: String?

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    var presentation: Presentation { Presentation(global, jsonErrors: (format ?? (output?.hasSuffix(".json") == true ? .json : .table)) == .json) }

    func validate() throws {
        guard scan ? !files.isEmpty : files.count == 1 else { throw UsageProblem.error(.usageVerifyFiles) }
    }

    func run() async throws {
        let format = self.format ?? (output?.hasSuffix(".json") == true ? .json : .table)
        let presentation = self.presentation
        if scan { return try await verifyScans(format: format, presentation: presentation) }
        let report: VerificationReport
        let settings = try global.settings()
        let anchor = try TrustAnchor(path: settings.requireTrustAnchor())
        let bytes = try InputFile.read(files[0])
        if ShareFile.isShareFile(bytes) {
            let report = ShareVerifier.verify(
                bytes: bytes, trustAnchor: anchor, environment: settings.environment, audience: aud, nonce: nonce,
                maxAgeSeconds: maxAge.map { Int64($0.wholeSeconds) }, now: WallClock.system.epochSeconds)
            return try ShareVerification(report: report).write(format: format, to: output, presentation: presentation)
        }
        if aud != nil || nonce != nil { throw UsageProblem.error(.usageVerifyShareOnly) }
        if DisputeProof.isProofFile(bytes) {
            return try ProofVerification(bytes: bytes, anchor: anchor, environment: settings.environment).report(
                format: format == .json ? .json : .text, to: output, presentation: presentation)
        }
        let verifier = OverviewVerifier(trustAnchor: anchor, environment: settings.environment, maxAgeSeconds: maxAge.map { Int64($0.wholeSeconds) })
        report = verifier.verify(bytes: bytes)
        switch format {
        case .json: try presentation.write(String(decoding: (try? JSONCoding.encoder().encode(report)) ?? Data(), as: UTF8.self) + "\n", to: output)
        case .table:
            let table = Self.table(report, messages: presentation.messages, verbose: global.verbose)
            try presentation.write(Prose.wrapAll(table, width: presentation.width), to: output)
        }
        if report.verdict.exitCode != 0 { throw ExitCode(report.verdict.exitCode) }
    }

    /// `--scan`: the codes of every picture and page, verified against the current scheme.
    private func verifyScans(format: ReportFormat, presentation: Presentation) async throws {
        try await global.withClient { client in
            let scheme = try await client.scheme(http: client.http(deadlineSeconds: 30))
            var codes: [String] = []
            for path in files { codes += try CodeScanner.texts(inFile: path) }
            let report = PaperVerifier.verify(
                codes: codes, scheme: scheme, nonce: nonce, maxAgeSeconds: maxAge.map { Int64($0.wholeSeconds) }, now: client.clock.epochSeconds)
            try ShareVerification(report: report, scanned: true).write(format: format, to: output, presentation: presentation)
        }
    }

    /// The report for people: each organisation proven or missing, the verdict, and with
    /// `verbose` the technical problems found.
    static func table(_ report: VerificationReport, messages text: Messages, verbose: Bool) -> String {
        var lines = report.generatedAt.isEmpty ? [] : [text[.verifyTitle, ["moment": text.moment(report.generatedAt)]], ""]
        // A requester's overview: only the organisations asked are checked; the others are said
        // once, as saying nothing (PROTOCOL §10.6).
        let underConsent = report.completeInConsent != nil
        for holder in report.holders where !underConsent || !holder.status.isOutOfScope {
            let mark = holder.proven ? text[.verifyProven] : text[.verifyMissing]
            lines.append("  \(mark)  \(holder.name) (\(text.status(holder.status)))")
        }
        if !report.holders.isEmpty { lines.append("") }
        if underConsent {
            let notAsked = report.holders.filter { $0.status == .notInConsent }.map(\.name)
            if !notAsked.isEmpty {
                lines.append(
                    text[notAsked.count == 1 ? .notAskedOne : .notAskedMany, ["count": "\(notAsked.count)", "names": notAsked.joined(separator: ", ")]])
            }
        }
        for missing in report.missing {
            lines.append(text[.verifyMissingClaim, ["name": missing.name, "status": text.status(missing.claimedStatus)]])
        }
        for finding in report.findings { lines.append(finding.sentence(text)) }
        if verbose { for problem in report.problems { lines.append(text[.verifyProblem, ["problem": problem]]) } }
        let verdict: MessageKey =
            switch report.verdict {
            case .authentic: underConsent ? .verdictAuthenticInConsent : .verdictAuthentic
            case .incomplete: .verdictIncomplete
            case .tooOld: .verdictTooOld
            case .pagesNotCompared: .verdictPagesNotCompared
            case .tampered: .verdictTampered
            case .untrustedScheme: .verdictUntrustedScheme
            case .notAnOverview: .verdictNotAnOverview
            }
        lines.append(text[verdict])
        if let issued = report.oldestDocumentIssuedAt { lines.append(text[.verifyOldest, ["moment": text.moment(issued)]]) }
        return TerminalText.sanitized(lines.joined(separator: "\n"), keepingLineBreaks: true) + "\n"
    }
}
