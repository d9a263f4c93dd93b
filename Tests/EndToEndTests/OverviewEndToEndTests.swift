import Foundation
import Testing

/// `bk login` + `bk overview` against a real `bk-holder` over TLS on loopback.
@Suite("bk overview end to end")
struct OverviewEndToEndTests {
    @Test("JSON overview validates against the schema and matches the Examples figures")
    func jsonOverview() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let (result, overview) = try holder.overviewJSON()
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(try Validators.jsonSchemaProblem(document: result.standardOutput, schema: Paths.packageRoot + "/Schemas/overview.schema.json") == nil)
        #expect(overview["complete"] as? Bool == true)
        #expect((overview["citizen"] as? [String: Any])?["bsn"] as? String == ExpectedFigures.richCitizen)
        #expect(ExpectedFigures.totals(overview["totals"]) == ExpectedFigures.richTotal)
        #expect((overview["totals"] as? [String: Any])?["volgende_vervaldatum"] as? String == ExpectedFigures.richNextDueDate)
        let holders = try #require(overview["holders"] as? [[String: Any]])
        #expect(holders.count == 9)
        for entry in holders {
            let name = entry["short_name"] as? String ?? ""
            #expect(entry["status"] as? String == "ok", "\(name): \(entry["error"] ?? "")")
            #expect(ExpectedFigures.totals(entry["totals"]) == ExpectedFigures.richByHolder[name], "\(name)")
        }
        let evidence = try #require(overview["evidence"] as? [String: Any])
        #expect((evidence["documents"] as? [Any])?.count == 9)
        #expect((evidence["scheme"] as? String)?.split(separator: ".").count == 3)
    }

    @Test("XML overview validates against the XSD and carries the same totals")
    func xmlOverview() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let result = try holder.bk("overview", "--format", "xml")
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(try Validators.xsdProblem(document: result.standardOutput, schema: Paths.packageRoot + "/Schemas/overview.xsd") == nil)
        #expect(result.standardOutput.contains("<saldo>\(ExpectedFigures.richTotal.saldo)</saldo>"))
        #expect(result.standardOutput.contains("<complete>true</complete>"))
    }

    @Test("The table shows Dutch euros, a total line and says the overview is complete")
    func tableOverview() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let result = try holder.bk("overview", "--format", "table", "--detail")
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("€ 22.204,00"))
        #expect(result.standardOutput.contains("CJIB-2026-000123"))
        #expect(result.standardOutput.contains("volledig"))
        #expect(!result.standardOutput.contains(ExpectedFigures.richCitizen), "the table masks the BSN")
    }

    @Test("The next payment has one definition: the table's date per organisation is the JSON's volgende_vervaldatum, a missed one shown as overdue")
    func nextPaymentOneDefinition() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let (_, json) = try holder.overviewJSON()
        let today = String((json["generated_at"] as? String ?? "").prefix(10))
        let table = try CommandResult.run(
            Paths.binaries + "/bk", ["overview", "--lang", "en"], environment: holder.bkEnvironment.merging(["COLUMNS": "200"]) { $1 })
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.dateFormat = "yyyy-MM-dd"
        let shown = DateFormatter()
        shown.locale = Locale(identifier: "en_US_POSIX")
        shown.dateFormat = "d MMM yyyy"
        var missed = 0
        for holderObject in json["holders"] as? [[String: Any]] ?? [] {
            let dates = (holderObject["zaken"] as? [[String: Any]] ?? []).compactMap { $0["volgende_vervaldatum"] as? String }
            guard let next = dates.min(), let date = parser.date(from: next) else { continue }
            let name = holderObject["short_name"] as? String ?? ""
            let line = try #require(table.standardOutput.split(separator: "\n").first { $0.hasPrefix(name + " ") }, "\(name)")
            #expect(line.contains(shown.string(from: date)), "\(name): \(line) should show \(next)")
            #expect(line.contains("overdue") == (next < today), "\(name): \(line)")
            if next < today { missed += 1 }
        }
        #expect(missed > 0, "the demo citizen has a missed payment to show")
        let total = try #require(table.standardOutput.split(separator: "\n").first { $0.hasPrefix("Total") })
        let grand = try #require((json["totals"] as? [String: Any])?["volgende_vervaldatum"] as? String)
        #expect(total.contains(shown.string(from: try #require(parser.date(from: grand)))), "\(total)")
        // At 80 columns the column stays: a missed date's mark goes under it instead.
        let narrow = try CommandResult.run(Paths.binaries + "/bk", ["overview"], environment: holder.bkEnvironment.merging(["COLUMNS": "80"]) { $1 })
        #expect(narrow.standardOutput.contains("Betaal vóór"), "\(narrow.standardOutput)")
        #expect(
            narrow.standardOutput.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "te\u{00A0}laat" }, "\(narrow.standardOutput)")
        #expect(narrow.standardOutput.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test("A citizen with one overdue debt, and one without debts")
    func otherCitizens() throws {
        let single = try TestHolder()
        try single.login(ExpectedFigures.singleDebtCitizen)
        let (singleResult, singleOverview) = try single.overviewJSON()
        #expect(singleResult.status == 0)
        #expect(ExpectedFigures.totals(singleOverview["totals"]) == .init(verplicht: 23_900, vereffend: 0, saldo: 23_900, achterstallig: 23_900, zaken: 1))

        let none = try TestHolder()
        try none.login(ExpectedFigures.debtFreeCitizen)
        let (noneResult, noneOverview) = try none.overviewJSON()
        #expect(noneResult.status == 0)
        #expect(noneOverview["complete"] as? Bool == true)
        #expect(ExpectedFigures.totals(noneOverview["totals"]) == .init(verplicht: 0, vereffend: 0, saldo: 0, achterstallig: 0, zaken: 0))
    }

    @Test("--output writes the overview atomically with mode 0600")
    func outputFile() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.directory + "/overzicht.json"
        let result = try holder.bk("overview", "--format", "json", "--output", path)
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        #expect(ExpectedFigures.totals(object?["totals"]) == ExpectedFigures.richTotal)
    }

    @Test("overview without login says how to log in, exit 77")
    func notLoggedIn() throws {
        let holder = try TestHolder()
        let result = try holder.bk("overview", "--format", "json")
        #expect(result.status == 77)
        #expect(result.standardError.contains("bk login"))
    }
}
