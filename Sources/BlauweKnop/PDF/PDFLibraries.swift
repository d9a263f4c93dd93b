internal import CPDF

/// cairo, pango and qpdf, opened the first time a PDF is made or read rather than when bk
/// starts: the commands that make no PDF load about 40 fewer shared libraries (6.5 MB resident),
/// and a machine without them still runs everything else.
enum PDFLibraries {
    /// Opens the libraries, or says in plain words why they cannot be used.
    static func require() throws(PDFError) {
        guard bk_pdf_load() == 1 else {
            throw PDFError(
                "the PDF libraries could not be loaded (\(String(cString: bk_pdf_load_error()))); install cairo, pango and qpdf, e.g. with 'make setup'")
        }
    }
}

/// The PDF stack's functions; `PDFLibraries.require()` has opened them.
var pdfLibrary: bk_pdf_functions { bk_pdf().pointee }
