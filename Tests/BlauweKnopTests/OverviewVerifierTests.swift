import BlauweKnop
import Foundation
import Testing

/// `bk verify` semantics (PROTOCOL §8.1) on a small signed world, tried the way an attacker
/// would edit a file.
@Suite("Overview verification")
struct OverviewVerifierTests {
    let fixture: SignedOverviewFixture
    let documents: [String]

    init() throws {
        fixture = try SignedOverviewFixture()
        documents = [
            try fixture.document(0, zaken: [SignedOverviewFixture.zaak("A-1"), SignedOverviewFixture.zaak("A-2", amount: 5_000, due: "2026-12-31")]),
            try fixture.document(1, zaken: [SignedOverviewFixture.zaak("B-1", amount: 2_500)]),
        ]
    }

    func json(_ overview: Overview) -> String { OverviewJSON.render(overview) }

    @Test("An honest complete overview is authentic in JSON and in XML")
    func honest() throws {
        let overview = try fixture.overview(documents: documents)
        #expect(fixture.verify(json(overview)).verdict == .authentic)
        let xml = try OverviewXML.render(overview)
        let report = fixture.verify(xml)
        #expect(report.verdict == .authentic, "\(report.problems)")
    }

    @Test("Real totals first and fake totals last: refused as ambiguous, not read first-wins")
    func duplicateTotals() throws {
        let text = json(try fixture.overview(documents: documents))
        let totals = try #require(text.range(of: "\"totals\" : {"))
        let forged = text.replacingCharacters(
            in: totals,
            with:
                "\"totals\" : {\"saldo\" : 1, \"achterstallig\" : 0, \"verplicht\" : 1, \"vereffend\" : 0, \"zaken\" : 1, \"volgende_vervaldatum\" : null},\n  \"totals\" : {"
        )
        let report = fixture.verify(forged)
        #expect(report.verdict == .tampered)
        #expect(report.problems.first?.contains("appears twice") == true)
    }

    @Test("A member bk does not write is found by the whole-file comparison")
    func unknownMember() throws {
        let text = json(try fixture.overview(documents: documents)).replacingOccurrences(
            of: "\"complete\" :", with: "\"note\" : \"all paid\",\n  \"complete\" :")
        let report = fixture.verify(text)
        #expect(report.verdict == .tampered)
        #expect(report.problems.first?.contains("note") == true)
    }

    @Test("A removed document relabelled 'timeout' with zero figures is incomplete (exit 3), never authentic")
    func removedDocument() throws {
        let honest = try fixture.overview(documents: documents)
        let relabelled = try fixture.overview(documents: [documents[0], nil], generatedAt: honest.generatedAt)
        let report = fixture.verify(json(relabelled))
        #expect(report.verdict == .incomplete)
        #expect(report.verdict.exitCode == 3)
        #expect(report.missing.map(\.name) == ["Organisatie 2"])
        #expect(report.missing.first?.claimedStatus == .timeout)
        let swapped = try fixture.overview(documents: [documents[0], nil], generatedAt: honest.generatedAt, failure: .unauthorized)
        #expect(fixture.verify(json(swapped)).verdict.exitCode == 3)
    }

    @Test("With no documents at all, --max-age cannot pass")
    func noDocumentsMaxAge() throws {
        let overview = try fixture.overview(documents: [nil, nil])
        let report = fixture.verify(json(overview), maxAge: 14 * 86_400)
        #expect(report.verdict != .authentic)
        #expect(report.verdict.exitCode == 3)
        #expect(report.problems.contains { $0.contains("age") })
    }

    @Test("A removed organisation is one problem, not a cascade")
    func removedHolder() throws {
        var overview = try fixture.overview(documents: [documents[0], nil])
        overview.holders.removeLast()
        let report = fixture.verify(json(overview))
        #expect(report.verdict == .tampered)
        #expect(report.problems.count == 1, "\(report.problems)")
        #expect(report.problems.first?.contains("Organisatie 2") == true)
    }

    @Test("An overview made just after midnight uses generated_at's date for every organisation")
    func oneDate() throws {
        // 2026-09-01T00:00:30+02:00: the request due 2026-08-31 is overdue for the whole overview.
        let generated = "2026-09-01T00:00:30+02:00"
        let overview = try fixture.overview(documents: documents, generatedAt: generated)
        #expect(overview.holders[0].totals.achterstallig == 10_000)
        #expect(fixture.verify(json(overview)).verdict == .authentic)
        // A holder folded with the day before (what per-holder dates gave) does not verify.
        var mixed = overview
        let yesterday = try fixture.overview(documents: documents, generatedAt: "2026-08-31T23:59:50+02:00")
        mixed.holders[0] = yesterday.holders[0]
        mixed.totals =
            Overview.merge(holders: mixed.holders, evidence: mixed.evidence, scheme: fixture.scheme, bsn: SignedOverviewFixture.bsn, generatedAt: generated)
            .totals
        #expect(fixture.verify(json(mixed)).verdict == .tampered)
    }

    @Test("Totals of 2^63-1 in the file do not crash the verifier")
    func hugeTotals() throws {
        var overview = try fixture.overview(documents: [documents[0], nil])
        overview.holders[1].status = .ok
        overview.holders[1].totals.saldo = Int.max
        overview.holders[0].totals.saldo = Int.max
        overview.totals.saldo = Int.max
        #expect(fixture.verify(json(overview)).verdict == .tampered)
        #expect(CheckedSum.of([Int.max, Int.max]) == Int.max)
        #expect(CheckedSum.exact([Int.max, 1]) == nil)
    }

    @Test("Strings with CR/LF, tab and line separators round-trip through XML and verify")
    func xmlRoundTrip() throws {
        let text = "regel 1\r\nregel 2\r\tend\u{2028}\u{1F600} & <b>"
        let document = try fixture.document(0, zaken: [SignedOverviewFixture.zaak("A-1", omschrijving: text)])
        let overview = try fixture.overview(documents: [document, documents[1]])
        let xml = try OverviewXML.render(overview)
        let file = try OverviewDocument.parse(Array(xml.utf8))
        #expect(file.overview.holders[0].zaken[0].omschrijving == text)
        let report = fixture.verify(xml)
        #expect(report.verdict == .authentic, "\(report.problems)")
    }

    @Test("A string XML cannot carry is refused with a reason, never written lossily", arguments: ["bel\u{1}", "a\u{FFFE}b", "nul\u{0}"])
    func xmlRefusesControls(text: String) throws {
        let document = try fixture.document(0, zaken: [SignedOverviewFixture.zaak("A-1", omschrijving: text)])
        let overview = try fixture.overview(documents: [document, documents[1]])
        let error = #expect(throws: OverviewRenderError.self) { try OverviewXML.render(overview) }
        #expect(error?.description.contains("--format json") == true)
        #expect(fixture.verify(json(overview)).verdict == .authentic)
    }

    static func edit(_ name: String, _ xml: String) -> String {
        switch name {
        case "a repeated element": xml.replacingOccurrences(of: "<complete>true</complete>", with: "<complete>true</complete>\n  <complete>false</complete>")
        case "an internal DTD entity":
            xml.replacingOccurrences(
                of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE overview [<!ENTITY x \"1\">]>")
        case "an attribute": xml.replacingOccurrences(of: "<complete>", with: "<complete note=\"x\">")
        case "a non-canonical integer": xml.replacingOccurrences(of: "<duration_ms>12</duration_ms>", with: "<duration_ms>+12</duration_ms>")
        case "another encoding": xml.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        case "an unknown element": xml.replacingOccurrences(of: "<complete>", with: "<note>paid</note>\n  <complete>")
        case "a processing instruction": xml.replacingOccurrences(of: "<complete>", with: "<?note?>\n  <complete>")
        case "a CDATA section": xml.replacingOccurrences(of: "<omschrijving>Boete</omschrijving>", with: "<omschrijving><![CDATA[Boete]]>x</omschrijving>")
        default: xml
        }
    }

    @Test(
        "XML that says two things, or could, is refused",
        arguments: [
            "a repeated element", "an internal DTD entity", "an attribute", "a non-canonical integer", "another encoding", "an unknown element",
            "a CDATA section", "a processing instruction",
        ])
    func strictXML(edit: String) throws {
        let xml = try OverviewXML.render(try fixture.overview(documents: documents))
        let edited = Self.edit(edit, xml)
        #expect(edited != xml, "the edit \(edit) did not apply")
        let report = fixture.verify(edited)
        #expect(report.verdict == .tampered, "\(edit): \(report.problems)")
    }

    @Test("XML nested thousands deep is refused without a crash")
    func deepXML() {
        let deep = "<overview>" + String(repeating: "<a>", count: 5_000) + String(repeating: "</a>", count: 5_000) + "</overview>"
        let error = #expect(throws: VerificationError.self) { try OverviewDocument.parse(Array(deep.utf8)) }
        #expect(error?.code == .malformed)
    }
}
