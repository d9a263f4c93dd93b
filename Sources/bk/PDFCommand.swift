import ArgumentParser
import BlauweKnop
import Foundation

/// `bk pdf`: work with the PDF form of an overview.
struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf", abstract: "Work with the PDF form of an overview.", subcommands: [Extract.self])

    /// `bk pdf extract FILE.pdf -o DIR`: the attached files, for other tools.
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the files attached to an overview PDF (overzicht.json and each organisation's signed document) into a folder.",
            discussion: "The files are written as they are attached; nothing is verified here. Use 'bk verify FILE.pdf' for that.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A PDF made by 'bk overview --format pdf' ('-' reads standard input).")
        var file: String

        @Option(name: [.short, .customLong("output")], help: "The folder to write into (made when missing).")
        var output: String

        func run() throws {
            let presentation = Presentation(global, jsonErrors: false)
            do {
                let bytes: [UInt8]
                if file == "-" {
                    bytes = Array(FileHandle.standardInput.readDataToEndOfFile().prefix(OverviewDocument.maxBytes + 1))
                } else {
                    guard let read = try AtomicFile.read(file, limit: OverviewDocument.maxBytes) else { throw FileError(path: file, action: "read", errno: ENOENT) }
                    bytes = read
                }
                let contents = try OverviewPDF.contents(of: bytes)
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                for (name, data) in contents.attachments.sorted(by: { $0.key < $1.key }) {
                    // Names come from the file: only plain names are written, never a path.
                    guard OverviewPDF.isPlainFileName(name) else { throw PDFError("refusing the attached file name '\(TerminalText.sanitized(name))'") }
                    try OutputFile.write(data, to: output + "/" + name, mode: 0o600)
                    if !global.quiet { Terminal.note(output + "/" + name) }
                }
            } catch {
                throw presentation.fail(error, code: OverviewExitCode.failure.rawValue)
            }
        }
    }
}
