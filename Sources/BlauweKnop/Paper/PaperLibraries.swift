internal import CPDF

/// libqrencode, zbar, gdk-pixbuf and poppler-glib, opened the first time a code is drawn or a
/// picture is read (like the PDF libraries): every other command starts without them.
enum PaperLibraries {
    /// Opens the libraries, or says in plain words why they cannot be used.
    static func require() throws(PaperError) {
        guard bk_paper_load() == 1 else {
            throw PaperError(
                .libraries,
                "the libraries for QR codes and pictures could not be loaded (\(String(cString: bk_paper_load_error()))); install libqrencode, zbar, gdk-pixbuf and poppler-glib, e.g. with 'make setup'"
            )
        }
    }
}

/// The paper stack's functions; `PaperLibraries.require()` has opened them.
var paperLibrary: bk_paper_functions { bk_paper().pointee }
