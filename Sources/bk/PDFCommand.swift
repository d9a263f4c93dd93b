import ArgumentParser
import BlauweKnop
import Foundation

/// `bk pdf`: work with the PDF form of an overview.
struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf", abstract: "Work with the PDF form of an overview.", subcommands: [Render.self, Extract.self])

    /// `bk pdf render overzicht.json -o overzicht.pdf`: the PDF of an overview someone already
    /// has, after verifying it: bk never puts unproven figures on official-looking pages.
    struct Render: ParsableCommand, ReportsErrors {
        static let configuration = CommandConfiguration(
            commandName: "render", abstract: "Make the PDF of an overview in JSON or XML, after verifying it.",
            discussion:
                "Refuses an overview that is not authentic (exit 4) or whose scheme is not trusted (exit 2). An incomplete or old overview is rendered, and its pages say so; the exit code is then 3, as for 'bk verify'."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "An overview made by 'bk overview --format json|xml' ('-' reads standard input).")
        var file: String

        @Option(name: [.short, .customLong("output")], help: "The PDF file to write (atomically).")
        var output: String

        var presentation: Presentation { Presentation(global) }

        func run() throws {
            let presentation = self.presentation
            let report: VerificationReport
            let overview: BlauweKnop.Overview
            let bytes = try InputFile.read(file)
            let settings = try global.settings()
            let verifier = OverviewVerifier(trustAnchor: try TrustAnchor(path: settings.requireTrustAnchor()), environment: settings.environment)
            let parsed = try OverviewDocument.parse(bytes)
            report = verifier.verify(parsed)
            overview = parsed.overview
            if report.verdict.exitCode == 4 || report.verdict.exitCode == 2 {
                Terminal.note(VerifyCommand.table(report, messages: presentation.messages, verbose: global.verbose))
                throw ExitCode(report.verdict.exitCode)
            }
            try OutputFile.write(try OverviewPDF.render(overview, language: presentation.messages.language), to: output, mode: 0o600)
            if report.verdict.exitCode != 0 { throw ExitCode(report.verdict.exitCode) }
        }
    }

    /// `bk pdf extract FILE.pdf -o DIR`: the attached files, for other tools.
    struct Extract: ParsableCommand, ReportsErrors {
        static let configuration = CommandConfiguration(
            commandName: "extract",
            abstract: "Write the files attached to an overview PDF (overzicht.json and each organisation's signed document) into a folder.",
            discussion: "The files are written as they are attached; nothing is verified here. Use 'bk verify FILE.pdf' for that.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A PDF made by 'bk overview --format pdf' ('-' reads standard input).")
        var file: String

        @Option(name: [.short, .customLong("output")], help: "The folder to write into (made when missing).")
        var output: String

        var presentation: Presentation { Presentation(global) }

        func run() throws {
            let contents = try OverviewPDF.contents(of: try InputFile.read(file))
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for (name, data) in contents.attachments.sorted(by: { $0.key < $1.key }) {
                // Names come from the file: only plain names are written, never a path.
                guard OverviewPDF.isPlainFileName(name) else { throw PDFError("refusing the attached file name '\(TerminalText.sanitized(name))'") }
                try OutputFile.write(data, to: output + "/" + name, mode: 0o600)
                if !global.quiet { Terminal.note(output + "/" + name) }
            }
        }
    }
}
