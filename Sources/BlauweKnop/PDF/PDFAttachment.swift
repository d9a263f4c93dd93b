internal import CPDF

/// A file attached to a PDF as PDF/A-3 does it: an embedded file stream in a file
/// specification, listed in the catalog's `/Names /EmbeddedFiles` and `/AF`.
struct PDFAttachment {
    let name: String
    let bytes: [UInt8]
    let mimeType: String
    /// `/Data` for the overview, `/Source` for the documents it was made from.
    let relationship: String

    /// Attaches `files` (sorted by name, as a name tree requires) to the document.
    static func attach(_ files: [PDFAttachment], to document: QPDFDocument) {
        var names: [qpdf_oh] = []
        var specifications: [qpdf_oh] = []
        for file in files.sorted(by: { $0.name < $1.name }) {
            let stream = document.stream(file.bytes, [
                ("/Type", document.name("/EmbeddedFile")), ("/Subtype", document.name("/" + file.mimeType)),
                ("/Params", document.dictionary([("/Size", document.integer(file.bytes.count))])),
            ])
            let specification = document.dictionary([
                ("/Type", document.name("/Filespec")), ("/F", document.text(file.name)), ("/UF", document.text(file.name)),
                ("/EF", document.dictionary([("/F", stream), ("/UF", stream)])), ("/AFRelationship", document.name(file.relationship)),
            ])
            names += [document.text(file.name), specification]
            specifications.append(specification)
        }
        let root = document.root
        document.set(root, "/Names", document.dictionary([("/EmbeddedFiles", document.dictionary([("/Names", document.array(names))]))]))
        document.set(root, "/AF", document.array(specifications))
    }

    /// Every attached file by name, read from the flat `/Names` list that `attach` writes.
    static func read(from document: QPDFDocument) throws(PDFError) -> [String: [UInt8]] {
        let tree = document.key(document.key(document.root, "/Names"), "/EmbeddedFiles")
        guard document.isDictionary(tree), let items = document.arrayItems(document.key(tree, "/Names")), items.count % 2 == 0 else {
            throw PDFError("the PDF has no list of attached files that bk wrote")
        }
        var files: [String: [UInt8]] = [:]
        for index in stride(from: 0, to: items.count, by: 2) {
            guard let name = document.string(items[index]) else { throw PDFError("an attached file has no name") }
            let specification = items[index + 1]
            guard document.isDictionary(specification) else { throw PDFError("the attached file '\(TerminalText.sanitized(name))' is malformed") }
            guard files[name] == nil else { throw PDFError("the attached file '\(TerminalText.sanitized(name))' appears twice") }
            files[name] = try document.streamData(document.key(document.key(specification, "/EF"), "/F"))
        }
        return files
    }
}
