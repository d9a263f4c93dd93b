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

    @Test(
        "An attachment that inflates far past what it declares is refused with little memory, by verify and by extract",
        arguments: ["double-flate", "lying-size", "same-stream"])
    func refused(attack: String) throws {
        let (holder, original) = try PDFEndToEndTests.pdf()
        let hostile = holder.directory + "/\(attack).pdf"
        let made = try CommandResult.run("/usr/bin/python3", [Self.forger, attack, original, hostile])
        try #require(made.status == 0, "\(made.standardError)")
        // qpdf itself reads the update as a well-formed PDF: only bk's own shape refuses it.
        #expect(try PDFEndToEndTests.tool("qpdf", ["--check", hostile]).status == 0)
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

    @Test("bk verify - stops reading standard input at its limit")
    func endlessStandardInput() throws {
        let holder = try TestHolder()
        // 300 MiB of spaces from a pipe: bk refuses after 256 MiB and one byte, and never holds more.
        let script = "import subprocess, resource, sys\n"
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
