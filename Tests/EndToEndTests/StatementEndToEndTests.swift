import BlauweKnop
import Foundation
import Testing

/// PROTOCOL §12.1 end to end: `bk overview` fetches each holder's saldo statement in the same
/// session as its FCID (encrypted where the holder encrypts), checks it against that FCID,
/// and keeps the latest per organisation (0600); every holder fault is caught.
@Suite("Saldo statements at bk overview, end to end")
struct StatementEndToEndTests {
    static func holder(_ overview: [String: Any], _ shortName: String) -> [String: Any]? {
        (overview["holders"] as? [[String: Any]])?.first { $0["short_name"] as? String == shortName }
    }

    /// An overview of the rich citizen with CJIB bent by `fault` (at `endpoint`, when given):
    /// the holder, the result, and CJIB's entry.
    static func overview(withCJIBFault fault: String, at endpoint: String? = nil) throws -> (TestHolder, CommandResult, [String: Any]) {
        var options = TestHolder.Options()
        options.faults = ["CJIB": fault]
        if let endpoint { options.faultEndpoints = ["CJIB": endpoint] }
        let holder = try TestHolder(options)
        try holder.login(ExpectedFigures.richCitizen)
        let (result, overview) = try holder.overviewJSON()
        return (holder, result, Self.holder(overview, "CJIB") ?? [:])
    }

    /// The kept statements: OIN → (mode, text).
    static func kept(in holder: TestHolder) throws -> [String: (mode: Int, text: String)] {
        let folder = holder.stateDirectory + "/statements"
        var result: [String: (Int, String)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + name)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            result[String(name.dropLast(".sd-jwt".count))] = (mode, try String(contentsOfFile: folder + "/" + name, encoding: .utf8))
        }
        return result
    }

    @Test("8 of 9 offer a statement (RVO does not): each verified and kept 0600 with all its disclosures; logout removes them")
    func keptPerOrganisation() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let (result, overview) = try holder.overviewJSON()
        #expect(result.status == 0, "\(result.standardError)")
        let kept = try Self.kept(in: holder)
        #expect(kept.count == 8, "\(kept.keys.sorted())")
        #expect(kept["00000001003263052000"] == nil, "RVO issues none")
        #expect(kept.values.allSatisfy { $0.mode == 0o600 })
        let cjib = try #require(kept["00000001003214345000"]?.text.trimmingCharacters(in: .whitespacesAndNewlines))
        let statement = try SDJWT(compact: cjib)
        #expect(statement.keyBinding == nil && statement.disclosures.count >= 3)
        let names = Set(statement.disclosures.compactMap(\.name))
        #expect(names == ["bsn", "totalen"])
        // The kept totals are the overview's totals of that organisation.
        let totals = try #require(Self.holder(overview, "CJIB")?["totals"] as? [String: Any])
        let totalen = statement.disclosures.first { $0.name == "totalen" }?.value
        guard case .object(let members)? = totalen else {
            Issue.record("no totalen")
            return
        }
        #expect(members["saldo"] == .integer(totals["saldo"] as? Int ?? -1) && members["zaken"] == .integer(totals["zaken"] as? Int ?? -1))

        #expect(try holder.bk("logout").status == 0)
        #expect(try Self.kept(in: holder).isEmpty)
    }

    @Test(
        "Each statement fault is invalid_document with the reason, nothing of that holder merged, no statement kept, exit 4",
        arguments: [
            ("statement_totals_differ", "totals differ"), ("statement_duplicate_digest", "occurs twice"),
            ("statement_disclosure_with_sd", "'_sd'"), ("statement_other_app_key", "another app key"),
        ])
    func fault(name: String, reason: String) throws {
        let (holder, result, cjib) = try Self.overview(withCJIBFault: name)
        #expect(result.status == 4, "\(name)")
        #expect(cjib["status"] as? String == "invalid_document", "\(name)")
        let error = cjib["error"] as? String ?? ""
        #expect(error.contains("saldo statement") && error.contains(reason), "\(name): \(error)")
        #expect((cjib["zaken"] as? [Any])?.isEmpty == true)
        #expect(try Self.kept(in: holder)["00000001003214345000"] == nil)
    }

    @Test("The statement comes encrypted like the FCID: a plaintext one after the key was offered is a downgrade, exit 4")
    func encrypted() throws {
        let (_, result, cjib) = try Self.overview(withCJIBFault: "plaintext_after_key", at: "statement")
        #expect(result.status == 4)
        let error = cjib["error"] as? String ?? ""
        #expect(error.contains("saldo statement") && error.contains("without encryption"), "\(error)")
    }

    @Test("A statement the holder cannot deliver (HTTP 500) leaves its verified FCID in the overview, with a warning")
    func undelivered() throws {
        let (_, result, cjib) = try Self.overview(withCJIBFault: "http_500", at: "statement")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(cjib["status"] as? String == "ok_with_warnings")
        #expect((cjib["warnings"] as? [String])?.contains { $0.contains("saldo statement could not be fetched") } == true, "\(cjib)")
        #expect((cjib["zaken"] as? [Any])?.isEmpty == false)
    }
}
