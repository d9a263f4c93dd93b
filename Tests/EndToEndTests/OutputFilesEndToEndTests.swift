import Foundation
import Testing

/// How an overview's output is chosen and confirmed: the table unless asked otherwise, a name
/// bk cannot write refused with the hint, each file confirmed on a terminal, a missing folder
/// named as a folder.
@Suite("Output files end to end")
struct OutputFilesEndToEndTests {
    @Test("On a pipe without --format the table stays; JSON only when asked or inferred from -o *.json")
    func tableOnPipe() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let piped = try holder.bk("overview")
        #expect(piped.status == 0)
        #expect(piped.standardOutput.hasPrefix("Uw schulden bij de overheid"), "\(piped.standardOutput.prefix(200))")
        let asked = try holder.bk("overview", "--format", "json")
        #expect(asked.standardOutput.hasPrefix("{"))
        let file = holder.directory + "/o.json"
        #expect(try holder.bk("overview", "-o", file).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("{"))
    }

    @Test("An extension bk does not write, or a form's name as the file, is a usage error with the hint", arguments: ["nl", "en"])
    func refusedNames(language: String) throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let nl = language == "nl"
        for (name, hint) in [
            ("overzicht.csv", nl ? "bk maakt geen .csv-bestanden" : "bk does not make .csv files"),
            ("brief.docx", nl ? "geen .docx-bestanden" : "not make .docx files"),
            ("json", nl ? "Bedoelt u --format json?" : "Did you mean --format json?"),
            ("pdf", "--format pdf"),
        ] {
            let result = try holder.bk("overview", "--lang", language, "-o", holder.directory + "/" + name)
            #expect(result.status == 64, "\(name): \(result.standardError)")
            #expect(result.standardError.replacingOccurrences(of: "\n", with: " ").contains(hint), "\(name): \(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: holder.directory + "/" + name))
        }
        // With --format any name is fine.
        let named = holder.directory + "/export.csv"
        #expect(try holder.bk("overview", "--format", "json", "-o", named).status == 0)
        #expect(try String(contentsOfFile: named, encoding: .utf8).hasPrefix("{"))
    }

    @Test("A missing folder is named as a folder", arguments: ["nl", "en"])
    func missingFolder(language: String) throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let folder = holder.directory + "/nergens"
        let result = try holder.bk("overview", "--lang", language, "-o", folder + "/overzicht.json")
        #expect(result.status == 1)
        let said = result.standardError.replacingOccurrences(of: "\n  ", with: " ")
        #expect(said.contains(language == "nl" ? "De map \(folder) bestaat niet" : "The folder \(folder) does not exist"), "\(said)")
    }

    @Test("Each file written is confirmed on a terminal, with a PDF's pages; never on a pipe", arguments: ["nl", "en"])
    func confirmedOnTerminal(language: String) throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let pdf = holder.directory + "/overzicht.pdf"
        let (status, lines) = try TerminalEndToEndTests.onTerminal(holder, columns: 80, ["overview", "--lang", language, "-o", pdf])
        #expect(status == 0)
        let screen = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let pages = try #require(
            try PDFEndToEndTests.tool("pdfinfo", [pdf]).standardOutput.split(separator: "\n").first { $0.hasPrefix("Pages:") }?
                .split(separator: " ").last.flatMap { Int($0) })
        let expected = language == "nl" ? "Uw overzicht staat in \(pdf), \(pages) pagina's." : "Your overview is in \(pdf), \(pages) pages."
        #expect(screen.contains(expected), "\(lines)")
        let piped = try holder.bk("overview", "--lang", language, "-o", holder.directory + "/o.json")
        #expect(!piped.standardError.contains(language == "nl" ? "staat in" : "is in"), "\(piped.standardError)")
    }
}
