// Opens the PDF stack (cairo, pango, qpdf) on first use; see CPDF.h.
#include "CPDF.h"

#include <dlfcn.h>
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

/// The first handle that has `name`, or NULL.
static void *find(void *const handles[library_count], const char *name) {
    for (int index = 0; index < library_count; index++) {
        void *symbol = dlsym(handles[index], name);
        if (symbol != NULL) return symbol;
    }
    return NULL;
}

static void load(void) {
    void *handles[library_count];
    for (int index = 0; index < library_count; index++) {
        handles[index] = dlopen(libraries[index][0], RTLD_NOW | RTLD_LOCAL);
        if (handles[index] == NULL) handles[index] = dlopen(libraries[index][1], RTLD_NOW | RTLD_LOCAL);
        if (handles[index] == NULL) {
            const char *reason = dlerror();
            snprintf(error, sizeof error, "%s", reason != NULL ? reason : libraries[index][0]);
            return;
        }
    }
#define BK_PDF_RESOLVE(name)                                                              \
    functions.name = (__typeof__(name) *)find(handles, #name);                            \
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
