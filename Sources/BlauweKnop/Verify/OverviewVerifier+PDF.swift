extension OverviewVerifier {
    /// Verifies a file of any form bk writes: JSON, XML or PDF.
    public func verify(bytes: [UInt8]) -> VerificationReport {
        if bytes.starts(with: Array("%PDF-".utf8)) { return verify(pdf: bytes) }
        do {
            return verify(try OverviewDocument.parse(bytes))
        } catch  where error.code == .notAnOverview {
            return .notAnOverview(error.detail)
        } catch {
            return .malformed(error.detail)
        }
    }

    /// Verifies a PDF overview (PROTOCOL §8.2): the attached `overzicht.json` as §8.1, then the
    /// whole file against what that overview renders to — pages, attached documents and
    /// metadata — so that any edit to what a person reads, or a removed or added attachment
    /// or page, is tampering.
    public func verify(pdf bytes: [UInt8]) -> VerificationReport {
        let contents: OverviewPDF.Contents
        let producer: String
        do {
            contents = try OverviewPDF.contents(of: bytes)
            producer = try OverviewPDF.producer()
        } catch  where error.code == .noOverview {
            return .notAnOverview("the PDF carries no \(OverviewPDF.overviewName): \(error)")
        } catch {
            return .malformed("the PDF cannot be read as a bk overview: \(error)")
        }
        var report: VerificationReport
        do {
            report = verify(try OverviewDocument.parse(contents.overviewJSON))
        } catch {
            return .malformed("\(OverviewPDF.overviewName) in the PDF: \(error.detail)")
        }
        guard let language = contents.language else {
            report.fail(.tampered, "the PDF does not say in which language its pages are", .init(.pdfDiffers))
            return report
        }
        guard contents.producer == producer else {
            report.fail(
                .pagesNotCompared,
                "the PDF says it was made by '\(TerminalText.sanitized(contents.producer ?? "nothing"))'; this bk makes '\(producer)', so its pages cannot be compared (verify with that version, or extract \(OverviewPDF.overviewName) with 'bk pdf extract')",
                .init(.pagesNotCompared))
            return report
        }
        do {
            let expected = try OverviewPDF.render(overviewJSON: contents.overviewJSON, language: language)
            if let difference = try PDFDifference.first(expected: expected, actual: bytes) { report.fail(.tampered, difference.detail, difference.finding) }
        } catch {
            report.fail(.tampered, "the pages cannot be rendered again from \(OverviewPDF.overviewName): \(error)", .init(.pdfDiffers))
        }
        return report
    }
}
