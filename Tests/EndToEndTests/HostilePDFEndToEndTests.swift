import Foundation
import Testing

/// PDFs written as an attacker would, to make `bk verify` and `bk pdf extract` exhaust memory or
/// disk: each is refused as not a bk PDF (exit 4) before memory grows, and nothing is written.
@Suite("Adversarial: hostile PDFs end to end")
struct AdversarialHostilePDFEndToEndTests {
    static let forger = Paths.packageRoot + "/Tests/EndToEndTests/Fixtures/hostile_pdf.py"

    /// AddressSanitizer's shadow memory and quarantine multiply what a process holds; make
    /// sanitize sets BK_TIMING_SLACK.
    static let memorySlack = ProcessInfo.processInfo.environment["BK_TIMING_SLACK"] == nil ? 1 : 4

    /// The largest resident size a refusal may take (KiB): bk itself needs about 45 MB here.
    static let residentLimit = 100_000 * memorySlack

    /// A holder, and a PDF of its overview changed by `hostile_pdf.py ATTACK` as an attacker
    /// would: an incremental update that qpdf itself reads as a well-formed PDF.
    static func forged(_ attack: String) throws -> (holder: TestHolder, path: String) {
        let (holder, original) = try PDFEndToEndTests.pdf()
        let forged = holder.directory + "/\(attack).pdf"
        let made = try CommandResult.run("/usr/bin/python3", [forger, attack, original, forged])
        try #require(made.status == 0, "\(made.standardError)")
        #expect(try PDFEndToEndTests.tool("qpdf", ["--check", forged]).status == 0, "qpdf reads it as well-formed: only bk's own checks refuse it")
        return (holder, forged)
    }

    @Test(
        "An attachment that inflates far past what it declares is refused with little memory, by verify and by extract",
        arguments: ["double-flate", "lying-size", "same-stream"])
    func refused(attack: String) throws {
        let (holder, hostile) = try Self.forged(attack)
        let runner = [Self.forger, "run", Paths.binaries + "/bk"]
        let verify = try CommandResult.run("/usr/bin/python3", runner + ["verify", hostile], environment: holder.bkEnvironment)
        let figures = verify.standardOutput.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(figures.first == 4, "verify: \(verify.standardOutput)")
        #expect((figures.last ?? .max) < Self.residentLimit, "verify took \(figures.last ?? -1) KiB")
        let folder = holder.directory + "/extracted"
        let extract = try CommandResult.run("/usr/bin/python3", runner + ["pdf", "extract", hostile, "-o", folder], environment: holder.bkEnvironment)
        let extracted = extract.standardOutput.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(extracted.first == 4, "extract: \(extract.standardOutput)")
        #expect((extracted.last ?? .max) < Self.residentLimit, "extract took \(extracted.last ?? -1) KiB")
        #expect(!FileManager.default.fileExists(atPath: folder), "extract wrote files")
        let said = try holder.bk("pdf", "extract", hostile, "-o", folder)
        #expect(said.standardError.contains("Dit is geen PDF van bk, of het bestand is veranderd."), "\(said.standardError)")
    }

    @Test("A page whose content inflates to 512 MiB is decoded no further than bk's own pages: exit 4 with little memory")
    func contentBomb() throws {
        let (holder, hostile) = try Self.forged("content-bomb")
        let verify = try CommandResult.run(
            "/usr/bin/python3", [Self.forger, "run", Paths.binaries + "/bk", "verify", hostile], environment: holder.bkEnvironment)
        let figures = verify.standardOutput.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(figures.first == 4, "verify: \(verify.standardOutput)")
        #expect((figures.last ?? .max) < Self.residentLimit, "verify took \(figures.last ?? -1) KiB")
    }

    @Test("What bk never puts in a PDF (JavaScript on opening, a link over a page) is exit 4, said as such", arguments: ["open-action", "annotation"])
    func additions(attack: String) throws {
        let (holder, hostile) = try Self.forged(attack)
        let english = try holder.bk("verify", "--lang", "en", hostile)
        #expect(english.status == 4, "\(english.standardOutput)")
        #expect(english.standardOutput.contains("The PDF holds something bk never puts in one"), "\(english.standardOutput)")
        let dutch = try holder.bk("verify", hostile)
        #expect(dutch.standardOutput.contains("De PDF bevat iets dat bk er nooit in zet"), "\(dutch.standardOutput)")
    }

    @Test(
        "A PDF that says another bk drew its pages: its data are checked, its pages said not compared (exit 3, never 0, never altered)",
        arguments: ["nl", "en"])
    func otherLayoutVersion(language: String) throws {
        let (holder, other) = try Self.forged("producer")
        let result = try holder.bk("verify", "--lang", language, other)
        #expect(result.status == 3, "\(result.standardOutput)")
        let said = language == "nl" ? "PAGINA'S NIET VERGELEKEN" : "PAGES NOT COMPARED"
        #expect(result.standardOutput.contains(said), "\(result.standardOutput)")
        #expect(!result.standardOutput.contains(language == "nl" ? "NIET ECHT" : "NOT AUTHENTIC"))
        let json = try holder.bk("verify", "--format", "json", other)
        #expect(
            json.standardOutput.contains(#""verdict" : "pages_not_compared""#) || json.standardOutput.contains(#""verdict":"pages_not_compared""#),
            "\(json.standardOutput)")
        #expect(try Validators.jsonSchemaProblem(document: json.standardOutput, schema: Paths.packageRoot + "/Schemas/verify-report.schema.json") == nil)
    }

    @Test("bk verify - stops reading standard input at its limit")
    func endlessStandardInput() throws {
        let holder = try TestHolder()
        // 300 MiB of spaces from a pipe: bk refuses after 256 MiB and one byte, and never holds more.
        let script =
            "import subprocess, resource, sys\n"
            + "p = subprocess.Popen([sys.argv[1], 'verify', '-'], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
            + "chunk = b' ' * (1 << 20)\n"
            + "try:\n    for _ in range(300): p.stdin.write(chunk)\n    p.stdin.close()\nexcept BrokenPipeError: pass\n"
            + "print(p.wait(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        let result = try CommandResult.run("/usr/bin/python3", ["-c", script, Paths.binaries + "/bk"], environment: holder.bkEnvironment)
        let figures = result.standardOutput.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(figures.first == 4 || figures.first == 1, "\(result.standardOutput) \(result.standardError)")
        // The limit itself (256 MiB) plus bk: never the whole 300 MiB and its copies.
        #expect((figures.last ?? .max) < 400_000 * Self.memorySlack, "took \(figures.last ?? -1) KiB")
    }
}
