import Foundation
import Testing

/// `bk scheme show|verify|fetch`.
@Suite("bk scheme end to end")
struct SchemeCommandEndToEndTests {
    @Test("show lists every organisation with its key id; verify exits 0; fetch saves the JWS")
    func showVerifyFetch() throws {
        let holder = try TestHolder()
        let show = try holder.bk("scheme", "show", "--format", "json")
        #expect(show.status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(show.standardOutput.utf8)) as? [String: Any]
        let organizations = (summary?["organizations"] as? [[String: Any]]) ?? []
        #expect(organizations.count == 9)
        #expect(organizations.allSatisfy { ($0["key_ids"] as? [String])?.first?.count == 43 })
        #expect(try holder.bk("scheme", "verify").status == 0)
        let path = holder.directory + "/scheme.jws"
        #expect(try holder.bk("scheme", "fetch", "-o", path).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: ".").count == 3)
    }

    @Test("verify exits 2 for an expired scheme")
    func verifyExpired() throws {
        let holder = try TestHolder(.init(expiredScheme: true))
        let result = try holder.bk("scheme", "verify", "--verbose")
        #expect(result.status == 2)
        #expect(result.standardError.contains("expired"))
        let plain = try holder.bk("scheme", "verify")
        #expect(plain.standardError.contains("niet te vertrouwen"), "without --verbose the reason is in plain Dutch")
    }

    @Test("The scheme's requester (Blauwe Knop Plus) is shown with its purposes, days and key, valid against the schema, and key-checked by bk check")
    func requesters() throws {
        let holder = try TestHolder()
        let show = try holder.bk("scheme", "show", "--format", "json")
        #expect(show.status == 0)
        #expect(try Validators.jsonSchemaProblem(document: show.standardOutput, schema: Paths.packageRoot + "/Schemas/scheme-show.schema.json") == nil)
        let summary = try JSONSerialization.jsonObject(with: Data(show.standardOutput.utf8)) as? [String: Any]
        let requester = try #require((summary?["requesters"] as? [[String: Any]])?.first)
        #expect(requester["oin"] as? String == "00000001001234567000")
        #expect(requester["purposes"] as? [String] == ["schuldhulpverlening"])
        #expect(requester["max_consent_days"] as? Int == 180)
        #expect((requester["key_ids"] as? [String])?.first?.count == 43)
        let table = try holder.bk("scheme", "show", "--lang", "en")
        #expect(table.standardOutput.contains("Gemeente Utrecht — Schuldhulpverlening"))
        #expect(table.standardOutput.contains("schuldhulpverlening; consent for at most"))
        #expect(table.standardOutput.contains("180"))
        let check = try holder.bk("check", "--format", "json")
        let report = try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any]
        let cases = (report?["cases"] as? [[String: Any]]) ?? []
        #expect(cases.contains { $0["group"] as? String == "scheme" && $0["name"] as? String == "requesters" && $0["outcome"] as? String == "pass" })
        #expect(cases.contains { $0["name"] as? String == "oins" && ($0["message"] as? String)?.hasPrefix("11 ") == true })
    }
}

/// `bk scheme show` names each organisation as people type it and shows the key ids to compare.
@Suite("Scheme show names end to end")
struct SchemeShowNamesEndToEndTests {
    @Test("At 80 columns the table keeps the short names and the start of each key id; JSON has both whole")
    func shortNamesAndKeys() throws {
        let holder = try TestHolder()
        let json = try holder.bk("scheme", "show", "--format", "json")
        #expect(try Validators.jsonSchemaProblem(document: json.standardOutput, schema: Paths.packageRoot + "/Schemas/scheme-show.schema.json") == nil)
        let scheme = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let cjib = try #require((scheme["organizations"] as? [[String: Any]])?.first { $0["short_name"] as? String == "CJIB" })
        let key = try #require((cjib["key_ids"] as? [String])?.first)
        let (_, lines) = try TerminalEndToEndTests.onTerminal(holder, columns: 80, ["scheme", "show"])
        let row = try #require(lines.first { $0.contains(" CJIB ") }, "\(lines)")
        #expect(row.contains(String(key.prefix(8))), "\(row)")
        for line in lines { #expect(line.count <= 80, "\(line)") }
    }
}
