import BlauweKnop
import BKTestSupport
import Foundation
import Testing

/// The requests about a zaak in the overview (PROTOCOL §11.3): the holder signs them into its
/// document, and every form of the overview shows them: JSON and XML against their schemas,
/// the table's detail, the PDF's debt, a counsellor's overview under consent; an older file
/// still verifies as the version it states.
@Suite("bk dispute in the overview, end to end")
struct DisputeOverviewEndToEndTests {
    /// The CJIB zaak of an overview.
    static func zaak(_ overview: [String: Any]) throws -> [String: Any] {
        let holders = try #require(overview["holders"] as? [[String: Any]])
        let cjib = try #require(holders.first { $0["short_name"] as? String == "CJIB" })
        return try #require((cjib["zaken"] as? [[String: Any]])?.first { $0["zaakkenmerk"] as? String == DisputeEndToEndTests.zaak })
    }

    @Test("Each kind filed, moved on by the organisation or withdrawn, shows per zaak in JSON, XML, the table's detail, the PDF and a counsellor's overview")
    func shownEverywhere() async throws {
        try await DedicatedExecutor.offPool {
            let holder = try DisputeEndToEndTests.holderWithOverview()
            func file(_ arguments: [String]) throws -> [String: Any] { try DisputeEndToEndTests.file(arguments, at: holder) }
            let filed = try file(DisputeEndToEndTests.bezwaar)
            let corrected = try file(["dispute", DisputeEndToEndTests.zaak, "--kind", "correctie", "--reason", "Naam verkeerd gespeld.", "--yes"])
            let erased = try file(["dispute", DisputeEndToEndTests.zaak, "--kind", "verwijdering", "--reason", "Oud adres.", "--yes"])
            let organisation = try await DisputeHolderEndToEndTests.Filer.start(holder)
            #expect(try await organisation.decide(try #require(filed["request"] as? String), .inBehandeling) == 204)
            #expect(try await organisation.decide(try #require(corrected["request"] as? String), .afgewezen) == 204)
            #expect(try holder.bk("dispute", "withdraw", try #require(erased["kenmerk"] as? String)).status == 0)
            let kenmerk = try #require(filed["kenmerk"] as? String)
            let decideBy = try #require(filed["beslissen_voor"] as? String)

            let (result, overview) = try holder.overviewJSON()
            #expect(result.status == 0, "\(result.standardError)")
            #expect(overview["schema_version"] as? String == "1.2")
            #expect(try Validators.jsonSchemaProblem(document: result.standardOutput, schema: Paths.packageRoot + "/Schemas/overview.schema.json") == nil)
            let zaak = try Self.zaak(overview)
            let requests = try #require(zaak["verzoeken"] as? [[String: Any]])
            // Filed within one second, so their order among themselves is the ids'.
            let byKind = Dictionary(uniqueKeysWithValues: requests.map { ($0["kind"] as? String ?? "", $0) })
            #expect(requests.count == 3)
            #expect(byKind["bezwaar"]?["status"] as? String == "in_behandeling" && byKind["bezwaar"]?["kenmerk"] as? String == kenmerk)
            #expect(byKind["bezwaar"]?["request"] as? String == filed["request"] as? String)
            #expect(byKind["correctie"]?["status"] as? String == "afgewezen" && byKind["verwijdering"]?["status"] as? String == "ingetrokken")
            #expect(zaak["datumtijd_opgelegd"] is String)
            let others = (overview["holders"] as? [[String: Any]] ?? []).flatMap { $0["zaken"] as? [[String: Any]] ?? [] }
            #expect(others.allSatisfy { ($0["verzoeken"] as? [Any]) != nil }, "every zaak of 1.2 carries its list, empty when there are none")

            let xml = try holder.bk("overview", "--format", "xml")
            #expect(try Validators.xsdProblem(document: xml.standardOutput, schema: Paths.packageRoot + "/Schemas/overview.xsd") == nil)
            #expect(xml.standardOutput.contains("<verzoek>") && xml.standardOutput.contains("<kenmerk>\(kenmerk)</kenmerk>"))

            let table = try holder.bk("overview", "--detail")
            let dutchDate = Messages(.nl).date(decideBy)
            let lines = table.standardOutput.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(
                lines.contains("Bezwaar ingediend op") && lines.contains(kenmerk + ": in behandeling, beslissing uiterlijk " + dutchDate),
                "\(table.standardOutput)"
            )
            #expect(lines.contains("Verzoek om correctie ingediend op") && lines.contains(": afgewezen."), "a decided request has no decide-by date")
            #expect(lines.contains("Verzoek om verwijdering ingediend op") && lines.contains(": ingetrokken."), "\(table.standardOutput)")
            let english = try holder.bk("overview", "--detail", "--lang", "en").standardOutput
            #expect(english.contains("Objection filed on") && !english.contains("Bezwaar"), "\(english)")

            let pdf = holder.directory + "/overzicht.pdf"
            #expect(try holder.bk("overview", "--format", "pdf", "-o", pdf).status == 0)
            let text = try PDFEndToEndTests.tool("pdftotext", [pdf, "-"]).standardOutput.split(separator: "\n").joined(separator: " ")
            #expect(text.contains("Bezwaar") && text.contains(kenmerk) && text.contains("beslissing uiterlijk " + dutchDate), "\(text)")
            #expect(try holder.bk("verify", pdf).status == 0)

            let consent = try RequesterEndToEndTests.grant(holder, only: "CJIB")
            let (counsellor, client) = try RequesterEndToEndTests.requesterOverview(
                holder, consent: consent, key: try RequesterEndToEndTests.requesterKey(holder))
            #expect(counsellor.status == 0, "\(counsellor.standardError)")
            let seen = try #require(try Self.zaak(client)["verzoeken"] as? [[String: Any]])
            #expect(Set(seen.compactMap { $0["kenmerk"] as? String }) == Set(requests.compactMap { $0["kenmerk"] as? String }) && seen.count == 3)
        }
    }

    @Test("An overview file of schema 1.1 still verifies without the requests and encryption flags; one that keeps them under 1.1 does not")
    func olderVersionVerifies() async throws {
        let holder = try DisputeEndToEndTests.holderWithOverview()
        #expect(try holder.bk(DisputeEndToEndTests.bezwaar).status == 0)
        let (result, parsed) = try holder.overviewJSON()
        #expect(result.status == 0)
        var overview = parsed
        overview["schema_version"] = "1.1"
        let kept = holder.directory + "/kept-1.1.json"
        try JSONSerialization.data(withJSONObject: overview).write(to: URL(fileURLWithPath: kept))
        let altered = try holder.bk("verify", kept)
        #expect(altered.status == 4, "a 1.1 file has no requests: \(altered.standardOutput)")

        var holders = try #require(overview["holders"] as? [[String: Any]])
        for index in holders.indices {
            holders[index]["encrypted"] = nil
            holders[index]["zaken"] = (holders[index]["zaken"] as? [[String: Any]] ?? []).map { zaak in
                zaak.filter { $0.key != "verzoeken" && $0.key != "datumtijd_opgelegd" }
            }
        }
        overview["holders"] = holders
        let older = holder.directory + "/older-1.1.json"
        try JSONSerialization.data(withJSONObject: overview).write(to: URL(fileURLWithPath: older))
        let verified = try holder.bk("verify", older)
        #expect(verified.status == 0, "\(verified.standardOutput)\(verified.standardError)")
    }
}
