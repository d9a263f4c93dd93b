/// Says where a PDF differs from the one its overview renders to, for the verification report.
enum PDFDifference {
    static func describe(expected: [UInt8], actual: [UInt8]) -> String {
        let prefix = "the PDF is not what its \(OverviewPDF.overviewName) renders to: "
        guard let wanted = try? QPDFDocument(bytes: expected), let found = try? QPDFDocument(bytes: actual) else {
            return prefix + "it cannot be read page by page"
        }
        if wanted.pageCount != found.pageCount {
            return prefix + "it has \(found.pageCount) pages instead of \(wanted.pageCount)"
        }
        for page in 0..<wanted.pageCount where (try? wanted.pageContent(page)) != (try? found.pageContent(page)) {
            return prefix + "the text or drawing of page \(page + 1) differs"
        }
        let wantedFiles = (try? PDFAttachment.read(from: wanted)) ?? [:]
        let foundFiles = (try? PDFAttachment.read(from: found)) ?? [:]
        for name in Set(wantedFiles.keys).union(foundFiles.keys).sorted() where wantedFiles[name] != foundFiles[name] {
            let shown = TerminalText.sanitized(String(name.prefix(80)))
            if foundFiles[name] == nil { return prefix + "the attached file \(shown) is missing" }
            if wantedFiles[name] == nil { return prefix + "the attached file \(shown) does not belong to it" }
            return prefix + "the attached file \(shown) differs"
        }
        return prefix + "its fonts, resources or metadata differ"
    }
}
