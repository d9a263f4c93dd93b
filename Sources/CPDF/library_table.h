// Opening a set of shared libraries with dlopen and finding functions in them: what the PDF
// and the paper tables (pdf_libraries.c, paper_libraries.c) share. Not part of the module.
#ifndef BK_LIBRARY_TABLE_H
#define BK_LIBRARY_TABLE_H

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <unistd.h>

/// Opens each library by its run-time name (`names[i][0]`), else its development name
/// (`names[i][1]`), into `handles`; 1 when all opened, else 0 with the loader's words in `error`.
int bk_open_libraries(const char *const names[][2], int count, void *handles[], char *error, size_t error_size);

/// The first of `handles` that has `name`, or NULL.
void *bk_find_function(void *const handles[], int count, const char *name);

/// Defines, in a file that declares `libraries` (names as above) and `library_count`, the
/// loader of one table: `bk_<prefix>_load`, `bk_<prefix>_load_error` and `bk_<prefix>()` for
/// `struct bk_<prefix>_functions`, filled through `FUNCTIONS(X)`; `what` names the libraries
/// in the message of a process that calls in without them.
#define BK_DEFINE_LIBRARY_TABLE(prefix, FUNCTIONS, what)                                          \
    static struct bk_##prefix##_functions functions;                                              \
    static pthread_once_t once = PTHREAD_ONCE_INIT;                                               \
    static int loaded;                                                                            \
    static char error[512];                                                                       \
    static void load(void) {                                                                      \
        void *handles[library_count];                                                             \
        if (!bk_open_libraries(libraries, library_count, handles, error, sizeof error)) return;   \
        FUNCTIONS(BK_RESOLVE_FUNCTION)                                                            \
        /* The libraries stay open for the life of the process. */                                \
        loaded = 1;                                                                               \
    }                                                                                             \
    int bk_##prefix##_load(void) {                                                                \
        pthread_once(&once, load);                                                                \
        return loaded;                                                                            \
    }                                                                                             \
    const char *bk_##prefix##_load_error(void) {                                                  \
        bk_##prefix##_load();                                                                     \
        return error;                                                                             \
    }                                                                                             \
    const struct bk_##prefix##_functions *bk_##prefix(void) {                                     \
        if (!bk_##prefix##_load()) {                                                              \
            static const char message[] = "bk: the " what " could not be loaded\n";               \
            (void)write(STDERR_FILENO, message, sizeof message - 1);                              \
            _exit(70);                                                                            \
        }                                                                                         \
        return &functions;                                                                        \
    }

/// One function of a table, found in `handles` or the load fails naming it.
#define BK_RESOLVE_FUNCTION(name)                                                                 \
    functions.name = (__typeof__(name) *)bk_find_function(handles, library_count, #name);        \
    if (functions.name == NULL) {                                                                 \
        snprintf(error, sizeof error, "the libraries have no function %s", #name);               \
        return;                                                                                   \
    }

#endif
