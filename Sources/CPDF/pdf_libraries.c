// Opens the PDF stack (cairo, pango, qpdf) on first use; see CPDF.h.
#include "CPDF.h"

#include "library_table.h"

/// Each library by its run-time name, with the development name as a fall-back.
static const char *const libraries[][2] = {
    {"libcairo.so.2", "libcairo.so"},
    {"libgobject-2.0.so.0", "libgobject-2.0.so"},
    {"libpango-1.0.so.0", "libpango-1.0.so"},
    {"libpangocairo-1.0.so.0", "libpangocairo-1.0.so"},
    {"libqpdf.so.29", "libqpdf.so"},
};
enum { library_count = sizeof(libraries) / sizeof(libraries[0]) };

BK_DEFINE_LIBRARY_TABLE(pdf, BK_PDF_FUNCTIONS, "PDF libraries (cairo, pango, qpdf)")
