import BlauweKnop
import Foundation
import Testing

/// PROTOCOL §12.3 end to end: a page printed by `bk share --to paper -o FILE.pdf`, turned into
/// pictures as a printer and a phone would (`pdftoppm -r 150`, then rotated, shrunk, grey and
/// JPEG at quality 40), read back by `bk verify --scan` with zbar against the current scheme;
/// and a page with one code swapped for another citizen's, and a page without codes.
@Suite("Paper: QR codes printed and scanned, end to end")
struct PaperEndToEndTests {
    static let script = Paths.packageRoot + "/Tests/EndToEndTests/Fixtures/paper_images.py"

    static func python(_ arguments: String...) throws {
        let result = try CommandResult.run("/usr/bin/env", ["python3", script] + arguments)
        #expect(result.status == 0, "\(result.standardError)")
    }

    /// The pages of a PDF as PNG pictures at 150 dpi, by poppler's pdftoppm.
    static func printed(_ pdf: String) throws -> [String] {
        let prefix = pdf + "-page"
        #expect(try CommandResult.run("/usr/bin/pdftoppm", ["-r", "150", "-png", pdf, prefix]).status == 0)
        let folder = (pdf as NSString).deletingLastPathComponent
        let name = (prefix as NSString).lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(name) && $0.hasSuffix(".png") }.sorted().map {
            folder + "/" + $0
        }
    }

    /// A paper share of every organisation with a statement, for the logged-in citizen.
    static func paperShare(_ holder: TestHolder, name: String = "paper.pdf", environment: [String: String]? = nil) throws -> String {
        let path = holder.directory + "/" + name
        let result = try CommandResult.run(
            Paths.binaries + "/bk", ["share", "--to", "paper", "--yes", "-o", path], environment: environment ?? holder.bkEnvironment)
        #expect(result.status == 0, "\(result.standardError)")
        return path
    }

    static func scan(_ holder: TestHolder, _ files: [String]) throws -> (CommandResult, [String: Any]) {
        let result = try holder.bk(["verify", "--scan", "--format", "json"] + files)
        #expect(try Validators.jsonSchemaProblem(document: result.standardOutput, schema: Paths.packageRoot + "/Schemas/share-report.schema.json") == nil)
        return (result, (try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]) ?? [:])
    }

    @Test("The page printed at 150 dpi, and a copy rotated 3°, shrunk to 70 %, grey and JPEG 40, both verify: 8 organisations, one code")
    func printedAndDegraded() throws {
        let holder = try ShareEndToEndTests.holderWithStatements()
        let pages = try Self.printed(try Self.paperShare(holder))
        let (clean, report) = try Self.scan(holder, pages)
        #expect(clean.status == 0, "\(clean.standardOutput)")
        let shown = ShareEndToEndTests.organizations(report)
        #expect(shown.count == 8 && Set(shown.compactMap { $0["nonce"] as? String }).count == 1)
        #expect(shown.allSatisfy { $0["aud"] as? String == SharePlan.paperAudience && $0["bsn"] == nil })

        var degraded: [String] = []
        for page in pages {
            let copy = page.replacingOccurrences(of: ".png", with: "-degraded.jpg")
            try Self.python("degrade", page, copy)
            degraded.append(copy)
        }
        let (rough, roughReport) = try Self.scan(holder, degraded)
        #expect(rough.status == 0, "\(rough.standardOutput)")
        #expect(ShareEndToEndTests.organizations(roughReport).count == 8)
        let table = try holder.bk(["verify", "--scan", "--lang", "en"] + degraded)
        #expect(table.standardOutput.contains("Shared on paper. Code: "), "\(table.standardOutput)")
    }

    @Test("One code swapped for another citizen's: exit 4, and that organisation is named with its other short code")
    func swappedCode() throws {
        let holder = try ShareEndToEndTests.holderWithStatements()
        let pages = try Self.printed(try Self.paperShare(holder))
        #expect(pages.count >= 2)
        var environment = holder.bkEnvironment
        environment["BK_STATE_DIR"] = holder.directory + "/other-citizen"
        let bk = Paths.binaries + "/bk"
        #expect(try CommandResult.run(bk, ["login", "--test-bsn", ExpectedFigures.debtFreeCitizen], environment: environment).status == 0)
        #expect(try CommandResult.run(bk, ["overview"], environment: environment).status == 0)
        // Page 2 holds Toeslagen and CJIB for both citizens; Toeslagen's code is swapped.
        let donor = try Self.printed(try Self.paperShare(holder, name: "other.pdf", environment: environment))[1]
        let swapped = holder.directory + "/swapped.png"
        try Self.python("swap-code", pages[1], donor, swapped)
        let scanned = [pages[0], swapped] + pages.dropFirst(2)

        let (result, report) = try Self.scan(holder, scanned)
        #expect(result.status == 4 && report["verdict"] as? String == "altered", "\(result.standardOutput)")
        let flagged = ShareEndToEndTests.organizations(report).filter { $0["mismatch"] != nil }
        #expect(flagged.count == 1 && flagged.first?["name"] as? String == "Dienst Toeslagen", "\(report)")
        let table = try holder.bk(["verify", "--scan", "--lang", "en"] + scanned)
        #expect(table.status == 4 && table.standardOutput.contains("this code belongs to another overview"), "\(table.standardOutput)")
    }

    @Test("-o FILE.png: one picture per organisation (FILE-CJIB.png, …), or FILE.png for one; each scans and verifies")
    func pictures() throws {
        let holder = try ShareEndToEndTests.holderWithStatements()
        let two = try ShareEndToEndTests.share(holder, ["--to", "paper", "--only", "CJIB,DUO"], name: "codes.png")
        let pictures = ["CJIB", "DUO"].map { two.replacingOccurrences(of: ".png", with: "-\($0).png") }
        #expect(!FileManager.default.fileExists(atPath: two) && pictures.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        let (result, report) = try Self.scan(holder, pictures)
        #expect(result.status == 0 && ShareEndToEndTests.organizations(report).count == 2, "\(result.standardOutput)")
        let one = try ShareEndToEndTests.share(holder, ["--to", "paper", "--only", "CJIB"], name: "cjib.png")
        #expect(try Self.scan(holder, [one]).0.status == 0)
    }

    @Test("A page without codes says so: exit 1")
    func noCodes() throws {
        let holder = try ShareEndToEndTests.holderWithStatements()
        let blank = holder.directory + "/blank.png"
        try Self.python("blank", blank)
        let result = try holder.bk("verify", "--scan", blank, "--lang", "en")
        #expect(result.status == 1 && result.standardOutput.contains("There is no Blauwe Knop code on this"), "\(result.standardOutput)")
    }
}
