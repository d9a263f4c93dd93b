// Opens the PDF stack (cairo, pango, qpdf) on first use; see CPDF.h.
#include "CPDF.h"

#include "library_table.h"

#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

/// Each library by its run-time name, with the development name as a fall-back.
static const char *const libraries[][2] = {
    {"libcairo.so.2", "libcairo.so"},
    {"libgobject-2.0.so.0", "libgobject-2.0.so"},
    {"libpango-1.0.so.0", "libpango-1.0.so"},
    {"libpangocairo-1.0.so.0", "libpangocairo-1.0.so"},
    {"libqpdf.so.29", "libqpdf.so"},
};
enum { library_count = sizeof(libraries) / sizeof(libraries[0]) };

static struct bk_pdf_functions functions;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;
static char error[512];

static void load(void) {
    void *handles[library_count];
    if (!bk_open_libraries(libraries, library_count, handles, error, sizeof error)) return;
#define BK_PDF_RESOLVE(name)                                                              \
    functions.name = (__typeof__(name) *)bk_find_function(handles, library_count, #name); \
    if (functions.name == NULL) {                                                         \
        snprintf(error, sizeof error, "the PDF libraries have no function %s", #name);   \
        return;                                                                           \
    }
    BK_PDF_FUNCTIONS(BK_PDF_RESOLVE)
#undef BK_PDF_RESOLVE
    // The libraries stay open for the life of the process.
    loaded = 1;
}

int bk_pdf_load(void) {
    pthread_once(&once, load);
    return loaded;
}

const char *bk_pdf_load_error(void) {
    bk_pdf_load();
    return error;
}

const struct bk_pdf_functions *bk_pdf(void) {
    if (!bk_pdf_load()) {
        static const char message[] = "bk: the PDF libraries (cairo, pango, qpdf) could not be loaded\n";
        (void)write(STDERR_FILENO, message, sizeof message - 1);
        _exit(70);
    }
    return &functions;
}
