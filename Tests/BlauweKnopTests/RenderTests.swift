@testable import BlauweKnop
import Foundation
import FoundationXML
import Testing

/// What `Render/` draws, without a process around it: tables that fit the width they are given,
/// JSON and XML other programs read back, CSV as Dutch Excel and scripts open it.
@Suite("Render")
struct RenderTests {
    /// Two organisations: the first with two debts, the second did not answer.
    static func overview() throws -> Overview {
        let world = try SignedOverviewFixture()
        let zaken = [
            SignedOverviewFixture.zaak("Z-1", omschrijving: "Verkeersboete", amount: 23_900), SignedOverviewFixture.zaak("Z-2", amount: 5_050),
        ]
        return try world.overview(documents: [try world.document(0, zaken: zaken), nil])
    }

    @Test("A column table never runs past its width: narrow tables drop columns by priority and wrap what may wrap", arguments: [24, 40, 60, 80, 132])
    func fittingTableFits(width: Int) {
        var table = FittingTable([
            .init(header: "Organisatie"), .init(header: "Bedrag", rightAligned: true), .init(header: "Toelichting", dropPriority: 1, wraps: true),
            .init(header: "Zaken", rightAligned: true, dropPriority: 0),
        ])
        table.add(["Centraal Justitieel Incassobureau", "€ 1.234,56", "een lange toelichting die over meer regels mag lopen", "3"])
        table.add(["DUO", "€ 0,00", "-", "0"])
        let lines = table.render(width: width, color: false)
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.count <= width, "\(width): '\(line)'") }
        let text = lines.joined(separator: "\n")
        #expect(text.contains("€ 1.234,56"), "the amount is never dropped")
        if width >= 132 { #expect(text.contains("Zaken"), "a wide table keeps every column") }
        if width <= 40 { #expect(!text.contains("Zaken"), "the column of lowest priority goes first") }
    }

    @Test("The overview table fits 60, 80 and 120 columns in both languages and names the organisation that did not answer")
    func overviewTable() throws {
        let overview = try Self.overview()
        for language in [Language.nl, .en] {
            for width in [60, 80, 120] {
                let text = OverviewTable(overview: overview, detail: true, style: TableStyle(language: language, width: width)).render()
                for line in text.split(separator: "\n") { #expect(line.count <= width, "\(language) \(width): '\(line)'") }
                #expect(text.contains("Organisatie 2"), "the failed organisation is shown")
                #expect(text.contains(language == .nl ? "€ 289,50" : "€289.50"), "\(language): the total of both debts\n\(text)")
            }
        }
    }

    @Test("A zaak's requests: the kind, day, reference and status in words; a decide-by date only while undecided; holder text harmless")
    func zaakRequests() throws {
        var overview = try Self.overview()
        var zaak = try #require(overview.holders.first?.zaken.first)
        zaak.verzoeken = [
            Verzoek(request: "r-1", kind: "bezwaar", kenmerk: "BZW-1", ontvangenOp: "2026-09-10T10:00:00+02:00", status: "in_behandeling"),
            Verzoek(request: "r-2", kind: "correctie", kenmerk: "COR-1", ontvangenOp: "2026-01-31T10:00:00+01:00", status: "ontvangen"),
            Verzoek(request: "r-3", kind: "verwijdering", kenmerk: "VER-1", ontvangenOp: "2026-10-01T10:00:00+02:00", status: "toegewezen"),
            Verzoek(
                request: "r-4", kind: "klacht\u{1B}[31m", kenmerk: "KL-\u{1B}]8;;x\u{7}1", ontvangenOp: "2026-10-02T10:00:00+02:00", status: "zelf_bedacht"),
        ]
        overview.holders[0].zaken[0] = zaak
        let nl = OverviewTable(overview: overview, detail: true, style: TableStyle(language: .nl, width: 132)).render()
        // The decision of the fixture's zaak was on 1 Aug 2026: the objection term ends 12 Sep, the decision six weeks later.
        #expect(nl.contains("Bezwaar ingediend op 10 sep 2026, kenmerk BZW-1: in behandeling, beslissing uiterlijk 24 okt 2026."), "\(nl)")
        #expect(nl.contains("Verzoek om correctie ingediend op 31 jan 2026, kenmerk COR-1: ontvangen, beslissing uiterlijk 28 feb 2026."), "\(nl)")
        #expect(nl.contains("Verzoek om verwijdering ingediend op 1 okt 2026, kenmerk VER-1: toegewezen."), "\(nl)")
        #expect(nl.contains("Verzoek (klacht") && nl.contains(": onbekend.") && !nl.contains("\u{1B}"), "\(nl)")
        let en = OverviewTable(overview: overview, detail: true, style: TableStyle(language: .en, width: 132)).render()
        #expect(en.contains("Objection filed on 10 Sep 2026, reference BZW-1: being dealt with, decision due by 24 Oct 2026."), "\(en)")
        #expect(!en.contains("ingediend"), "\(en)")
        let pdf = PDFContent(overview: overview, text: Messages(.nl), fingerprint: "00").blocks
        let fields = pdf.flatMap { block -> [PDFField] in
            guard case .keep(let parts) = block else { return [] }
            return parts.flatMap { part -> [PDFField] in if case .fields(let fields) = part { fields } else { [] } }
        }
        #expect(fields.contains(PDFField(label: "Bezwaar", value: "ingediend op 10 sep 2026, kenmerk BZW-1: in behandeling, beslissing uiterlijk 24 okt 2026")))
    }

    @Test("The JSON form reads back with the same totals and statuses")
    func overviewJSON() throws {
        let overview = try Self.overview()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(OverviewJSON.render(overview).utf8)) as? [String: Any])
        let holders = try #require(object["holders"] as? [[String: Any]])
        #expect(holders.map { $0["status"] as? String } == ["ok", "timeout"])
        #expect((holders[0]["totals"] as? [String: Any])?["saldo"] as? Int == 28_950)
    }

    @Test("The XML form is well-formed, declares no DTD and escapes what holders send")
    func overviewXML() throws {
        let world = try SignedOverviewFixture()
        let hostile = SignedOverviewFixture.zaak("Z-<&>\"'", omschrijving: "<b>&amp; ]]>")
        let overview = try world.overview(documents: [try world.document(0, zaken: [hostile]), nil])
        let xml = try OverviewXML.render(overview)
        #expect(!xml.contains("<!DOCTYPE"))
        #expect(!xml.contains("<b>"), "markup from a holder is text, not elements")
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test("CSV: Dutch Excel gets ';', euros with a decimal comma and a BOM; scripts get ',', cents and no BOM; formulas never start a cell")
    func csvDialects() {
        let rows: [[CSVValue]] = [[.text("=HYPERLINK(\"x\")"), .cents(123_456), .flag(true)], [.text("a;b,c"), .cents(nil), .flag(false)]]
        let dutch = CSVWriter(.excelNL).render(header: ["naam", "bedrag", "klaar"], rows: rows)
        #expect(dutch.hasPrefix("\u{FEFF}naam;bedrag;klaar\r\n"))
        #expect(dutch.contains("'=HYPERLINK"))
        #expect(dutch.contains("1234,56") && dutch.contains(";ja") && dutch.contains(";nee"))
        #expect(dutch.contains("\"a;b,c\""))
        let scripts = CSVWriter(.rfc4180).render(header: ["naam", "bedrag", "klaar"], rows: rows)
        #expect(scripts.hasPrefix("naam,bedrag,klaar\r\n"))
        #expect(scripts.contains(",123456,yes"))
    }

    @Test("The dispute list says 'te laat' past the decide-by date only while undecided, fits 80 columns, and shows explanations as text")
    func disputeList() {
        func entry(_ status: DisputeStatus, decideBy: String, explanation: String? = nil) -> DisputeListEntry {
            DisputeListEntry(
                jti: "j", kind: .bezwaar, zaakkenmerk: "CJIB-2026-000123", kenmerk: "CJIB-BZW-2026-0001", ontvangenOp: "2026-10-01T10:00:00+02:00",
                beslissenVoor: decideBy, status: status, statusOp: "2026-10-01T10:00:00+02:00", toelichting: explanation)
        }
        let late = DisputeListTable(rows: [(name: "CJIB", entry: entry(.inBehandeling, decideBy: "2026-11-12"))], today: "2026-12-06")
        let decided = DisputeListTable(
            rows: [(name: "CJIB", entry: entry(.afgewezen, decideBy: "2026-11-12", explanation: "\u{1B}[2JKlopt."))], today: "2026-12-06")
        let onTime = DisputeListTable(rows: [(name: "CJIB", entry: entry(.ontvangen, decideBy: "2026-12-06"))], today: "2026-12-06")
        let dutch = Messages(.nl)
        #expect(late.render(text: dutch, width: 80).contains("12 nov 2026 te laat"))
        #expect(late.render(text: Messages(.en), width: 80).contains("12 Nov 2026 late"))
        #expect(!decided.render(text: dutch, width: 80).contains("te laat"), "a decided request is not late")
        #expect(!onTime.render(text: dutch, width: 80).contains("te laat"), "the decide-by day itself is in time")
        let shown = decided.render(text: dutch, width: 80)
        #expect(shown.contains("Klopt.") && !shown.contains("\u{1B}"))
        for line in shown.split(separator: "\n") { #expect(line.count <= 80, "'\(line)'") }
        #expect(DisputeListTable(rows: [], today: "2026-12-06").render(text: dutch, width: 80).contains("nog geen verzoeken"))
    }
}
