import BlauweKnop
import Foundation
import Testing

/// The PDF form (issue "Basis 2.0", PROTOCOL §8.2) end to end with the real binaries and the
/// real Debian tools a counsellor or auditor would use on it: qpdf, pdfinfo, pdftotext, pdfdetach.
@Suite("PDF end to end")
struct PDFEndToEndTests {
    static func tool(_ name: String, _ arguments: [String]) throws -> CommandResult {
        try CommandResult.run("/usr/bin/" + name, arguments, environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
    }

    /// A logged-in holder and the PDF of its overview, in `language`.
    static func pdf(_ language: String = "nl", options: TestHolder.Options = .init()) throws -> (TestHolder, String) {
        let holder = try TestHolder(options)
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.directory + "/overzicht.pdf"
        let result = try holder.bk("overview", "--lang", language, "-o", path)
        guard result.status == 0 || result.status == 3 else { throw TestFailure("overview to PDF failed (\(result.status)): \(result.standardError)") }
        return (holder, path)
    }

    @Test("The demo citizen's PDF: qpdf finds no fault, A4 with metadata, every name and amount readable, the files attached, and it verifies")
    func demoCitizen() throws {
        let (holder, path) = try Self.pdf()
        let check = try Self.tool("qpdf", ["--check", path])
        #expect(check.status == 0, "\(check.standardOutput)")
        let info = try Self.tool("pdfinfo", [path]).standardOutput
        #expect(info.contains("(A4)"))
        #expect(info.contains("Title:           Overzicht van schulden bij de overheid"))
        #expect(info.contains("Producer:        bk "))
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("Metadata Stream: yes"))
        let text = try Self.tool("pdftotext", ["-layout", path, "-"]).standardOutput
        let (_, json) = try holder.overviewJSON()
        for holderObject in json["holders"] as? [[String: Any]] ?? [] {
            let name = holderObject["name"] as? String ?? "?"
            #expect(text.contains(name) || text.contains(holderObject["short_name"] as? String ?? "?"), "\(name)")
            let saldo = (holderObject["totals"] as? [String: Any])?["saldo"] as? Int ?? -1
            if saldo > 0 { #expect(text.contains(Money.euros(saldo)), "\(name): \(Money.euros(saldo))") }
        }
        #expect(text.contains("••••••653"))
        #expect(!text.contains("999993653"), "the full BSN is never on the pages")
        #expect(text.contains("Dit overzicht is volledig"))
        #expect(text.contains("pagina 1 van "))
        let list = try Self.tool("pdfdetach", ["-list", path]).standardOutput
        #expect(list.contains("overzicht.json"))
        #expect(list.components(separatedBy: ".fcid.jws").count - 1 == 9)
        let extracted = holder.directory + "/extracted.json"
        #expect(try Self.tool("pdfdetach", ["-savefile", "overzicht.json", "-o", extracted, path]).status == 0)
        let schema = try CommandResult.run(
            "/usr/bin/python3",
            [
                "-c", "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))",
                extracted, Paths.packageRoot + "/Schemas/overview.schema.json",
            ])
        #expect(schema.status == 0, "\(schema.standardError)")
        #expect(try holder.bk("verify", extracted).status == 0)
        let verified = try holder.bk("verify", path)
        #expect(verified.status == 0, "\(verified.standardOutput)")
        let piped = try CommandResult.run(
            "/bin/bash", ["-c", "exec \"$0\" verify - < \"$1\"", Paths.binaries + "/bk", path], environment: holder.bkEnvironment)
        #expect(piped.status == 0, "standard input: \(piped.standardOutput)")
    }

    @Test("In English the pages say it in English, and the PDF verifies")
    func english() throws {
        let (holder, path) = try Self.pdf("en")
        let text = try Self.tool("pdftotext", ["-layout", path, "-"]).standardOutput
        #expect(text.contains("This overview is complete"))
        #expect(text.contains("page 1 of "))
        #expect(!text.contains("pagina"))
        #expect(text.contains("phone") && !text.contains("telefoon"), "a contact's kind in the reader's language")
        let table = try holder.bk("overview", "--lang", "en", "--detail").standardOutput
        #expect(table.contains("phone: +31") && !table.contains("telefoon"), "\(table)")
        #expect(try holder.bk("verify", path).status == 0)
    }

    @Test("With CAK down, page 1 says the overview is not complete and names CAK; verify exits 3")
    func incomplete() throws {
        let (holder, path) = try Self.pdf(options: .init(faults: ["CAK": "down"]))
        let first = try Self.tool("pdftotext", ["-f", "1", "-l", "1", "-layout", path, "-"]).standardOutput
        #expect(first.contains("NIET volledig"))
        #expect(first.contains("Centraal Administratie"))
        #expect(first.contains("niet te"), "the reason in plain words")
        #expect(first.contains("Bij de organisaties die antwoordden, moet u in totaal"), "the total is said of those that answered: \(first)")
        #expect(try holder.bk("verify", path).status == 3)
    }

    @Test("Tampering, as an attacker with qpdf would do it, exits 4", arguments: ["amount", "page", "attachment", "other run"])
    func tampering(edit: String) throws {
        let (holder, path) = try Self.pdf()
        let tampered = holder.directory + "/tampered.pdf"
        switch edit {
        case "amount":
            // An amount on page 1, edited in the uncompressed content stream, lengths repaired.
            let qdf = holder.directory + "/qdf.pdf"
            #expect(try Self.tool("qpdf", ["--qdf", "--object-streams=disable", path, qdf]).status == 0)
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: qdf)))
            let needle = Array("(4)".utf8)
            let at = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle })
            bytes[at + 1] = UInt8(ascii: "9")
            try Data(bytes).write(to: URL(fileURLWithPath: qdf))
            let fixed = try CommandResult.run("/bin/bash", ["-c", "fix-qdf \"$0\" > \"$1\"", qdf, tampered], environment: ["PATH": "/usr/bin:/bin"])
            #expect(fixed.status == 0)
            #expect(
                try Self.tool("pdftotext", [tampered, "-"]).standardOutput != Self.tool("pdftotext", [path, "-"]).standardOutput,
                "the edit shows on the page")
        case "page":
            #expect(try Self.tool("qpdf", [path, "--pages", path, "1-4", "--", tampered]).status == 0)
        case "attachment":
            #expect(try Self.tool("qpdf", [path, "--remove-attachment=00000001003214345000.fcid.jws", "--", tampered]).status == 0)
        default:
            // A valid overview of another run of the same citizen, put in place of overzicht.json.
            let other = holder.directory + "/other.json"
            Thread.sleep(forTimeInterval: 1.1)
            #expect(try holder.bk("overview", "--format", "json", "-o", other).status == 0)
            #expect(try holder.bk("verify", other).status == 0)
            let without = holder.directory + "/without.pdf"
            #expect(try Self.tool("qpdf", [path, "--remove-attachment=overzicht.json", "--", without]).status == 0)
            #expect(
                try Self.tool(
                    "qpdf",
                    [
                        without, "--add-attachment", other, "--key=overzicht.json", "--filename=overzicht.json",
                        "--mimetype=application/json", "--", tampered,
                    ]
                ).status == 0)
        }
        let result = try holder.bk("verify", "--lang", "en", tampered)
        #expect(result.status == 4, "\(edit): \(result.standardOutput)")
        #expect(result.standardOutput.contains("NOT AUTHENTIC"))
        // What differs is said without --verbose, in the reader's words.
        let said: String =
            switch edit {
            case "amount": "Page 1 was changed: what it shows is not what bk makes of the data."
            case "page": "Pages were removed or added."
            case "attachment": "The attached file 00000001003214345000.fcid.jws was changed, removed or added."
            default: "was changed"
            }
        #expect(result.standardOutput.contains(said), "\(edit): \(result.standardOutput)")
        #expect(!result.standardOutput.contains("PROBLEM"), "the technical detail only with --verbose")
        let dutch = try holder.bk("verify", tampered)
        #expect(!dutch.standardOutput.contains(said), "one language: \(dutch.standardOutput)")
        #expect(dutch.standardOutput.contains(edit == "page" ? "Er zijn pagina's weggehaald of toegevoegd." : "veranderd"), "\(dutch.standardOutput)")
    }

    @Test("The PDF reads like a letter: one Document root with tables of label and value, every debt whole on one page, no word broken by a made-up hyphen")
    func readsLikeALetter() throws {
        let (holder, path) = try Self.pdf(options: .init(faults: ["UWV": "down"]))
        let structure = try Self.tool("pdfinfo", ["-struct-text", path])
        #expect(structure.status == 0)
        #expect(!structure.standardError.contains("Warning"), "\(structure.standardError)")
        let tree = structure.standardOutput.split(separator: "\n")
        #expect(tree.first == "Document", "one root: \(tree.prefix(3))")
        #expect(tree.dropFirst().allSatisfy { $0.hasPrefix(" ") }, "everything under the one Document root")
        for element in ["H1", "H2", "H3", "Table", "TR", "TD"] {
            #expect(tree.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(element) }, "\(element)")
        }
        let pages = try #require(OverviewPDF.pageCount(of: [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))))
        let texts = try (1...pages).map { try Self.tool("pdftotext", ["-f", "\($0)", "-l", "\($0)", path, "-"]).standardOutput }
        let (_, json) = try holder.overviewJSON()
        for holderObject in json["holders"] as? [[String: Any]] ?? [] {
            let zaken = holderObject["zaken"] as? [[String: Any]] ?? []
            for (index, zaak) in zaken.enumerated() {
                let reference = try #require(zaak["zaakkenmerk"] as? String)
                let page = try #require(texts.firstIndex { $0.contains("Kenmerk van de zaak: " + reference) }, "\(reference)")
                var wanted = (zaak["open_betalingsverplichtingen"] as? [[String: Any]] ?? []).compactMap { $0["betalingskenmerk"] as? String }
                if let title = zaak["omschrijving"] as? String { wanted.append(title) }
                if index == 0, let name = holderObject["name"] as? String { wanted.append(name) }
                for piece in wanted { #expect(texts[page].contains(piece), "\(reference): '\(piece)' is on page \(page + 1) with its debt") }
            }
        }
        let all = texts.joined(separator: "\n")
        #expect(all.contains("Uitvoeringsinstituut Werknemersverzekeringen") || all.contains("Werknemersverzekeringen"), "the long name unbroken")
        let broken = all.split(separator: "\n").filter { line in
            guard line.hasSuffix("-"), line.count >= 2 else { return false }
            return line.dropLast().last?.isLetter == true
        }
        #expect(broken.isEmpty, "no line ends in a word broken with a hyphen: \(broken)")
    }

    @Test(
        "A lossless re-save by qpdf still verifies: pages are compared by what they draw, not by bytes",
        arguments: ["--qdf", "--linearize", "--object-streams=generate"])
    func resaved(option: String) throws {
        let (holder, path) = try Self.pdf()
        let resaved = holder.directory + "/resaved.pdf"
        #expect(try Self.tool("qpdf", [option, path, resaved]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: resaved)) != Data(contentsOf: URL(fileURLWithPath: path)), "qpdf changed the bytes")
        let result = try holder.bk("verify", "--lang", "en", resaved)
        #expect(result.status == 0, "\(option): \(result.standardOutput)")
        #expect(result.standardOutput.contains("AUTHENTIC AND COMPLETE"))
    }

    @Test("bk pdf extract writes the attached files for other tools; a PDF is not written to a terminal's standard output")
    func extract() throws {
        let (holder, path) = try Self.pdf()
        let folder = holder.directory + "/out"
        let result = try holder.bk("pdf", "extract", path, "-o", folder)
        #expect(result.status == 0, "\(result.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.contains("overzicht.json"))
        #expect(names.filter { $0.hasSuffix(".fcid.jws") }.count == 9)
        #expect(try holder.bk("verify", folder + "/overzicht.json").status == 0)
        let notPDF = try holder.bk("pdf", "extract", folder + "/overzicht.json", "-o", folder)
        #expect(notPDF.status == 1)
    }

    @Test("bk pdf render makes the PDF of a verified overview; an edited one is refused with exit 4 and no file")
    func render() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let json = holder.directory + "/o.json"
        #expect(try holder.bk("overview", "--format", "json", "-o", json).status == 0)
        let pdf = holder.directory + "/o.pdf"
        #expect(try holder.bk("pdf", "render", json, "-o", pdf).status == 0)
        #expect(try holder.bk("verify", pdf).status == 0)
        let edited = try String(contentsOfFile: json, encoding: .utf8).replacingOccurrences(of: "\"saldo\" : 200000", with: "\"saldo\" : 100000")
        let editedPath = holder.directory + "/edited.json"
        try edited.write(toFile: editedPath, atomically: true, encoding: .utf8)
        let refused = try holder.bk("pdf", "render", editedPath, "-o", holder.directory + "/edited.pdf")
        #expect(refused.status == 4)
        #expect(!FileManager.default.fileExists(atPath: holder.directory + "/edited.pdf"))
    }

    @Test(
        "cairo, pango and qpdf are opened only for a PDF: with broken copies first in the library path the JSON overview works, the PDF is refused with a reason (exit 1, no file)"
    )
    func librariesLoadedOnlyForPDF() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        // What an attacker or a broken install leaves: files by the libraries' names that are not libraries.
        let folder = holder.directory + "/broken-libraries"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["libcairo.so.2", "libcairo.so", "libqpdf.so.29", "libqpdf.so"] {
            try Data("not a library".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        var environment = holder.bkEnvironment
        environment["LD_LIBRARY_PATH"] = folder
        let json = try CommandResult.run(Paths.binaries + "/bk", ["overview", "--format", "json"], environment: environment)
        #expect(json.status == 0, "a run without PDF does not touch the PDF libraries: \(json.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect(object?["complete"] as? Bool == true)
        let path = holder.directory + "/none.pdf"
        let pdf = try CommandResult.run(Paths.binaries + "/bk", ["overview", "--lang", "en", "--verbose", "-o", path], environment: environment)
        #expect(pdf.status == 1)
        #expect(pdf.standardError.contains("the PDF libraries could not be loaded"), "\(pdf.standardError)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("A PDF is never written to a terminal: usage error 64 with the way out, and nothing on the screen but that")
    func notToTerminal() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let (status, lines) = try TerminalEndToEndTests.onTerminal(holder, columns: 100, ["overview", "--format", "pdf"])
        #expect(status == 64)
        let screen = lines.joined(separator: "\n")
        #expect(screen.contains("--output"), "\(screen)")
        #expect(!screen.contains("%PDF"))
    }
}
