import ArgumentParser
import BlauweKnop
import Foundation

/// `bk verify FILE`: re-verify an overview offline.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check offline that an overview file (JSON or XML) is authentic and unaltered.",
        discussion: """
            Verifies the scheme in the evidence against the trust anchor, every document against \
            the keys of that scheme, recomputes every figure and compares it with the file. Any \
            edit (an amount, a name, a removed holder) is found.

            Exit codes: 0 authentic; 3 authentic but older than --max-age; 4 altered or not \
            provable; 2 the scheme evidence is not signed by the trust anchor; 1 unreadable file.

            Examples:
              bk verify overzicht.json
              bk verify overzicht.xml --max-age 14d --format json
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "An overview made by 'bk overview --format json|xml'.")
    var file: String

    @Option(name: .customLong("max-age"), help: "Fail when the oldest document is older than this (e.g. 14d, 36h).")
    var maxAge: String?

    @Option(help: "table or json.")
    var format: ReportFormat = .table

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    func validate() throws {
        if let maxAge, Durations.parse(maxAge) == nil { throw ValidationError("--max-age takes a number with s, m, h or d, such as 14d") }
    }

    func run() async throws {
        let report: VerificationReport
        do {
            let settings = try global.settings()
            let anchor = try TrustAnchor(path: settings.requireTrustAnchor())
            guard let bytes = try AtomicFile.read(file) else { throw ValidationError("\(file) does not exist") }
            let overview = try OverviewDocument.parse(bytes)
            report = OverviewVerifier(trustAnchor: anchor, environment: settings.environment, maxAgeSeconds: maxAge.flatMap(Durations.parse))
                .verify(overview)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw Terminal.fail(error, code: 1)
        }
        switch format {
        case .json: Terminal.print(String(decoding: (try? JSONCoding.encoder().encode(report)) ?? Data(), as: UTF8.self) + "\n")
        case .table: Terminal.print(Self.table(report))
        }
        switch report.verdict {
        case "authentic": return
        case "too_old": throw ExitCode(3)
        case "untrusted_scheme": throw ExitCode(2)
        default: throw ExitCode(4)
        }
    }

    static func table(_ report: VerificationReport) -> String {
        var lines = ["Controle van overzicht gemaakt op \(report.generatedAt)", ""]
        for holder in report.holders {
            lines.append("  \(holder.proven ? "bewezen " : "ontbreekt") \(holder.name) (\(holder.status.rawValue))")
        }
        lines.append("")
        lines.append(report.complete ? "Volledig: alle organisaties zijn meegenomen." : "Niet volledig: niet alle organisaties konden worden bevraagd.")
        if let issued = report.oldestDocumentIssuedAt { lines.append("Oudste document: \(issued)") }
        for problem in report.problems { lines.append("PROBLEEM: \(problem)") }
        lines.append(report.isAuthentic ? "ECHT: het overzicht komt overeen met de ondertekende documenten." : "NIET ECHT of te oud: \(report.verdict)")
        return lines.joined(separator: "\n") + "\n"
    }
}
