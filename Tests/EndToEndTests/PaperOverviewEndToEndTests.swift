import BlauweKnop
import Foundation
import Testing

/// PROTOCOL §12.3 on the overview's own PDF: a QR code per organisation with a statement, the
/// presentations attached so that the pages still render deterministically, the overview's short
/// code as nonce; printed and degraded copies scan to the overview's figures, and a code put in
/// from another overview is tampering.
@Suite("The overview PDF's QR codes, end to end")
struct PaperOverviewEndToEndTests {
    static let codeSuffix = ".saldo.sd-jwt"

    /// The short code of a PDF's overview: the first 16 hex digits of the SHA-256 of its overzicht.json.
    static func shortCode(_ holder: TestHolder, _ pdf: String) throws -> String {
        let extracted = holder.directory + "/short-\(UUID().uuidString).json"
        #expect(try PDFEndToEndTests.tool("pdfdetach", ["-savefile", "overzicht.json", "-o", extracted, pdf]).status == 0)
        return Digest.sha256Hex(Array(try Data(contentsOf: URL(fileURLWithPath: extracted)))).prefix(16).description
    }

    @Test("8 codes attached and drawn, the PDF verifies; its pages at 150 dpi and a degraded copy scan to its totals and short code")
    func printedOverview() throws {
        let (holder, path) = try PDFEndToEndTests.pdf()
        let list = try PDFEndToEndTests.tool("pdfdetach", ["-list", path]).standardOutput
        #expect(list.components(separatedBy: Self.codeSuffix).count - 1 == 8, "every organisation with a statement (not RVO)")
        #expect(try holder.bk("verify", path).status == 0)
        let short = try Self.shortCode(holder, path)
        #expect(try PDFEndToEndTests.tool("pdftotext", [path, "-"]).standardOutput.contains(Digest.groupsOfFour(short).joined(separator: " ")))

        let pages = try PaperEndToEndTests.printed(path)
        let (_, overview) = try holder.overviewJSON()
        let totals = Dictionary(
            uniqueKeysWithValues: (overview["holders"] as? [[String: Any]] ?? []).map {
                ($0["oin"] as? String ?? "", ($0["totals"] as? [String: Any])?["saldo"] as? Int ?? -1)
            })
        var degraded: [String] = []
        for page in pages {
            let copy = page.replacingOccurrences(of: ".png", with: "-degraded.jpg")
            try PaperEndToEndTests.python("degrade", page, copy)
            degraded.append(copy)
        }
        for set in [pages, degraded] {
            let (result, report) = try PaperEndToEndTests.scan(holder, set)
            #expect(result.status == 0, "\(result.standardOutput)")
            let shown = ShareEndToEndTests.organizations(report)
            #expect(shown.count == 8 && shown.allSatisfy { $0["nonce"] as? String == short }, "\(shown.map { $0["nonce"] ?? "" })")
            for organization in shown {
                let saldo = (organization["totalen"] as? [String: Any])?["saldo"] as? Int
                #expect(saldo == totals[organization["oin"] as? String ?? ""], "\(organization["name"] ?? "")")
            }
        }
    }

    @Test("A code taken from another overview of the same citizen, put in the PDF with qpdf: exit 4")
    func codeFromAnotherOverview() throws {
        let (holder, path) = try PDFEndToEndTests.pdf()
        Thread.sleep(forTimeInterval: 1.1)  // another generated_at, so another short code
        let other = holder.directory + "/other.pdf"
        #expect(try holder.bk("overview", "-o", other).status == 0)
        let name = "00000001003214345000" + Self.codeSuffix
        let borrowed = holder.directory + "/borrowed.sd-jwt"
        #expect(try PDFEndToEndTests.tool("pdfdetach", ["-savefile", name, "-o", borrowed, other]).status == 0)
        let without = holder.directory + "/without.pdf"
        let tampered = holder.directory + "/tampered.pdf"
        #expect(try PDFEndToEndTests.tool("qpdf", [path, "--remove-attachment=\(name)", "--", without]).status == 0)
        #expect(
            try PDFEndToEndTests.tool(
                "qpdf", [without, "--add-attachment", borrowed, "--key=\(name)", "--filename=\(name)", "--mimetype=application/dc+sd-jwt", "--", tampered]
            ).status == 0)
        let result = try holder.bk("verify", "--lang", "en", "--verbose", tampered)
        #expect(result.status == 4 && result.standardOutput.contains("NOT AUTHENTIC"), "\(result.standardOutput)")
    }
}
