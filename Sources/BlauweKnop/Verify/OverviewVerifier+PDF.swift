extension OverviewVerifier {
    /// Verifies a file of any form bk writes: JSON, XML or PDF.
    public func verify(bytes: [UInt8]) -> VerificationReport {
        if bytes.starts(with: Array("%PDF-".utf8)) { return verify(pdf: bytes) }
        do {
            return verify(try OverviewDocument.parse(bytes))
        } catch where error.code == .notAnOverview {
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
            report.fail(.tampered, "the PDF does not say in which language its pages are")
            return report
        }
        guard contents.producer == producer else {
            report.fail(.tampered, "the PDF says it was made by '\(TerminalText.sanitized(contents.producer ?? "nothing"))'; this bk makes '\(producer)', so its pages cannot be compared (verify with that version, or extract \(OverviewPDF.overviewName) with 'bk pdf extract')")
            return report
        }
        do {
            let expected = try OverviewPDF.render(overviewJSON: contents.overviewJSON, language: language)
            if expected != bytes { report.fail(.tampered, PDFDifference.describe(expected: expected, actual: bytes)) }
        } catch {
            report.fail(.tampered, "the pages cannot be rendered again from \(OverviewPDF.overviewName): \(error)")
        }
        return report
    }
}
