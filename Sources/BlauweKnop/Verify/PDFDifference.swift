/// Where a PDF differs from the one its overview renders to (PROTOCOL §8.2), compared by what
/// the two draw and carry (`PDFCanonicalForm`), not by their bytes.
struct PDFDifference: Error {
    /// For a reader.
    let finding: VerificationFinding
    /// For `--verbose`: the same, technically.
    let detail: String

    init(_ finding: VerificationFinding, _ detail: String) {
        self.finding = finding
        self.detail = "the PDF is not what its \(OverviewPDF.overviewName) renders to: " + detail
    }

    /// The first difference between the PDF bk renders (`expected`) and the file (`actual`),
    /// or nil when they draw and carry the same. The file's streams are decoded only as far as
    /// the expected ones took.
    static func first(expected: [UInt8], actual: [UInt8]) throws(PDFError) -> PDFDifference? {
        if expected == actual { return nil }
        let wantedDocument = try QPDFDocument(bytes: expected)
        let wanted = try PDFCanonicalForm(of: wantedDocument, budget: PDFCanonicalForm.ownBudget)
        let foundDocument: QPDFDocument
        let found: PDFCanonicalForm
        do {
            foundDocument = try QPDFDocument(bytes: actual)
            if foundDocument.pageCount != wantedDocument.pageCount {
                return PDFDifference(.init(.pageCountDiffers), "it has \(foundDocument.pageCount) pages instead of \(wantedDocument.pageCount)")
            }
            found = try PDFCanonicalForm(of: foundDocument, budget: wanted.decodedBytes)
        } catch  where error.code == .notBKShape {
            return PDFDifference(.init(.pdfDiffers), error.detail)
        }
        if wanted == found { return nil }
        for page in wanted.pageContents.indices where wanted.pageContents[page] != found.pageContents[page] {
            return PDFDifference(.init(.pageDiffers, page: page + 1), "the text or drawing of page \(page + 1) differs")
        }
        for page in wanted.pageDictionaries.indices where wanted.pageDictionaries[page] != found.pageDictionaries[page] {
            return PDFDifference(.init(.pdfAdditions, page: page + 1), "page \(page + 1) has other resources, annotations or actions")
        }
        if let attachment = attachmentDifference(wanted: wantedDocument, found: foundDocument) { return attachment }
        let added = Set(found.catalog.keys).subtracting(wanted.catalog.keys).sorted()
        if !added.isEmpty {
            let keys = added.map { TerminalText.sanitized(String($0.prefix(40))) }.joined(separator: ", ")
            return PDFDifference(.init(.pdfAdditions), "its catalog has \(keys), which bk never writes")
        }
        let changed = Set(wanted.catalog.keys).union(found.catalog.keys).filter { wanted.catalog[$0] != found.catalog[$0] }.sorted()
        if !changed.isEmpty { return PDFDifference(.init(.pdfDiffers), "its catalog's \(changed.joined(separator: ", ")) differs") }
        return PDFDifference(.init(.pdfDiffers), "its document information differs")
    }

    /// The first attached file that differs, by name.
    private static func attachmentDifference(wanted: QPDFDocument, found: QPDFDocument) -> PDFDifference? {
        let wantedFiles = (try? PDFAttachment.read(from: wanted)) ?? [:]
        let foundFiles = (try? PDFAttachment.read(from: found)) ?? [:]
        for name in Set(wantedFiles.keys).union(foundFiles.keys).sorted() where wantedFiles[name] != foundFiles[name] {
            let shown = TerminalText.sanitized(String(name.prefix(80)))
            let detail =
                if foundFiles[name] == nil { "the attached file \(shown) is missing" } else if wantedFiles[name] == nil {
                    "the attached file \(shown) does not belong to it"
                } else { "the attached file \(shown) differs" }
            return PDFDifference(.init(.attachmentDiffers, file: shown), detail)
        }
        return nil
    }
}
