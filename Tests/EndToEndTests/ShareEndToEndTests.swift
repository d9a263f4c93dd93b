import BlauweKnop
import Foundation
import Testing

/// PROTOCOL §12.2 end to end: `bk overview` keeps the statements, `bk share` presents only
/// the chosen facts to one recipient, and `bk verify` shows exactly those, or refuses (exit 4)
/// every way an attacker would bend a share file.
@Suite("bk share and bk verify of a share file, end to end")
struct ShareEndToEndTests {
    static let requester = "00000001001234567000"
    static let cjib = "00000001003214345000"
    static let duo = "00000001801153045000"

    /// A holder with the rich citizen logged in and an overview made (statements kept).
    static func holderWithStatements() throws -> TestHolder {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let overview = try holder.bk("overview")
        #expect(overview.status == 0, "\(overview.standardError)")
        return holder
    }

    /// `bk share --yes` into a file in the holder's folder; the file's path.
    static func share(_ holder: TestHolder, _ arguments: [String], name: String = "share.json") throws -> String {
        let path = holder.directory + "/" + name
        let result = try holder.bk(["share", "--yes", "-o", path] + arguments)
        #expect(result.status == 0, "\(result.standardError)")
        return path
    }

    static func verify(_ holder: TestHolder, _ path: String, _ extra: [String] = []) throws -> (CommandResult, [String: Any]) {
        let result = try holder.bk(["verify", path, "--format", "json"] + extra)
        let report = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any] ?? [:]
        #expect(try Validators.jsonSchemaProblem(document: result.standardOutput, schema: Paths.packageRoot + "/Schemas/share-report.schema.json") == nil)
        return (result, report)
    }

    static func organizations(_ report: [String: Any]) -> [[String: Any]] { report["organizations"] as? [[String: Any]] ?? [] }

    @Test("Overview → share two organisations' totals with a counsellor → verify with its OIN and nonce: exactly those facts, no BSN, no zaken")
    func shareAndVerify() throws {
        let holder = try Self.holderWithStatements()
        let path = try Self.share(holder, ["--to", Self.requester, "--only", "CJIB,DUO", "--nonce", "intake-42"])
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let (result, report) = try Self.verify(holder, path, ["--aud", Self.requester, "--nonce", "intake-42"])
        #expect(result.status == 0 && report["verdict"] as? String == "valid", "\(result.standardOutput)")
        let shown = Self.organizations(report)
        #expect(shown.map { $0["oin"] as? String } == [Self.cjib, Self.duo])
        for organization in shown {
            #expect(Set(organization.keys) == ["oin", "name", "saldo_datumtijd", "iat", "exp", "expired", "aud", "recipient_name", "nonce", "totalen"])
        }
        let cjib = try #require(shown.first?["totalen"] as? [String: Any])
        #expect(cjib["saldo"] as? Int == 7400 && cjib["achterstallig"] as? Int == 7400 && cjib["zaken"] as? Int == 1)
        // Nothing else is in the file to be read: no BSN, no zaak, no other organisation.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!Self.decodedDisclosures(text).contains { $0.contains(ExpectedFigures.richCitizen) || $0.contains("CJIB-2026") })

        let table = try holder.bk("verify", path, "--lang", "en")
        #expect(table.status == 0)
        #expect(table.standardOutput.contains("Still to pay: €74.00. Overdue: €74.00. Number of cases: 1."), "\(table.standardOutput)")
        #expect(table.standardOutput.contains("Shared with: Gemeente Utrecht") && !table.standardOutput.contains("BSN"))

        // With --bsn and --show zaken the BSN and each zaak are there too.
        let full = try Self.share(holder, ["--to", Self.requester, "--only", "CJIB", "--bsn", "--show", "zaken"], name: "full.json")
        let (_, fullReport) = try Self.verify(holder, full, ["--aud", Self.requester])
        let organization = try #require(Self.organizations(fullReport).first)
        #expect(organization["bsn"] as? String == ExpectedFigures.richCitizen)
        #expect((organization["zaken"] as? [[String: Any]])?.first?["zaakkenmerk"] as? String == "CJIB-2026-000123")
    }

    /// Every disclosure's decoded text in a share file's presentations.
    static func decodedDisclosures(_ file: String) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(file.utf8)) as? [String: Any], let presentations = object["presentations"] as? [String]
        else { return [] }
        return presentations.flatMap { presentation in
            presentation.split(separator: "~").dropFirst().compactMap { Base64URL.decode(String($0)).map { String(decoding: $0, as: UTF8.self) } }
        }
    }

    @Test("bk share refuses a recipient or organisation the scheme does not list, and one without a statement, in plain words")
    func shareRefusals() throws {
        let holder = try Self.holderWithStatements()
        let unknown = try holder.bk("share", "--to", "Nobody", "--yes", "--lang", "en")
        #expect(unknown.status != 0 && unknown.standardError.contains("'Nobody' is not a counsellor of the scheme"), "\(unknown.standardError)")
        let rvo = try holder.bk("share", "--to", "paper", "--only", "RVO", "--yes", "--lang", "en")
        #expect(rvo.status != 0 && rvo.standardError.contains("no signed balance of Rijksdienst voor Ondernemend Nederland"), "\(rvo.standardError)")
        let noTerminal = try holder.bk("share", "--to", "paper", "-o", holder.directory + "/x.json")
        #expect(noTerminal.status == 64 && !FileManager.default.fileExists(atPath: holder.directory + "/x.json"))
    }
}
