@testable import BlauweKnop
import Testing

/// The PDF's layout decisions (`PDFPageRenderer.layout`), on pango's real measurements: what
/// starts a new page, what stays together, how wide the label column gets.
@Suite("PDF layout")
struct PDFLayoutTests {
    static var renderer: PDFPageRenderer {
        PDFPageRenderer(title: "t", created: "2026-12-06T10:00:00+01:00", language: .nl, pageLabel: { "\($0)/\($1)" })
    }

    static func paragraphs(_ count: Int) -> [PDFBlock] {
        (0..<count).map { .paragraph("Regel \($0): een alinea die op één regel past.") }
    }

    @Test("A page break starts a new page, but never leaves an empty one")
    func pageBreak() throws {
        let placements = try Self.renderer.layout([.pageBreak, .title("Overzicht"), .pageBreak, .paragraph("tekst"), .pageBreak])
        #expect(placements.map(\.page) == [0, 1], "the leading break makes no empty first page")
    }

    @Test("A debt kept together moves whole to the next page when it does not fit on this one")
    func keptTogether() throws {
        let debt = PDFBlock.keep([.subheading("Verkeersboete"), .fields((0..<8).map { PDFField(label: "Veld \($0)", value: "€ \($0),00") })])
        var filled = Self.paragraphs(1)
        var placements = try Self.renderer.layout(filled + [debt])
        // Fill the first page until the debt no longer fits below the paragraphs.
        while placements.last.map({ $0.page }) == 0 {
            filled += Self.paragraphs(1)
            placements = try Self.renderer.layout(filled + [debt])
        }
        let debtPlacements = placements.suffix(9)
        #expect(debtPlacements.allSatisfy { $0.page == 1 }, "no part of the debt stays behind on page 1")
        #expect(debtPlacements.first?.y == PDFPageRenderer.margin, "the debt starts at the top of page 2")
        #expect(placements.prefix(filled.count).allSatisfy { $0.page == 0 })
    }

    @Test("A heading never ends a page: it moves to the next with what follows")
    func headingKeepsItsText() throws {
        var blocks = Self.paragraphs(1)
        var placements = try Self.renderer.layout(blocks + [.heading("Kop"), .paragraph("na de kop")])
        while placements[placements.count - 2].page == 0 && placements.last?.page == 0 {
            blocks += Self.paragraphs(1)
            placements = try Self.renderer.layout(blocks + [.heading("Kop"), .paragraph("na de kop")])
        }
        let heading = placements[placements.count - 2]
        #expect(heading.page == placements[placements.count - 1].page, "the heading is on the page of its text")
    }

    @Test("The label column widens for a word that would not fit, up to its maximum, the same for every row")
    func labelColumn() throws {
        let short = try Self.renderer.layout([.fields([PDFField(label: "Bedrag", value: "€ 1,00")])])
        let long = try Self.renderer.layout([
            .fields([PDFField(label: "Werknemersverzekeringen", value: "€ 1,00"), PDFField(label: "Bedrag", value: "€ 2,00")])
        ])
        let huge = try Self.renderer.layout([.fields([PDFField(label: String(repeating: "W", count: 120), value: "€ 1,00")])])
        #expect(short.first?.labelWidth == PDFPageRenderer.labelWidth)
        let widened = try #require(long.first?.labelWidth)
        #expect(widened >= PDFPageRenderer.labelWidth)
        #expect(Set(long.map(\.labelWidth)).count == 1, "one label column per block")
        let capped = try #require(huge.first?.labelWidth)
        #expect(capped > widened && capped < PDFPageRenderer.pageWidth - 2 * PDFPageRenderer.margin, "wider, but never the whole line")
    }
}
