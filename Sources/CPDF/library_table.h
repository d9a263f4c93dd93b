// Opening a set of shared libraries with dlopen and finding functions in them: what the PDF
// and the paper tables (pdf_libraries.c, paper_libraries.c) share. Not part of the module.
#ifndef BK_LIBRARY_TABLE_H
#define BK_LIBRARY_TABLE_H

#include <stddef.h>

/// Opens each library by its run-time name (`names[i][0]`), else its development name
/// (`names[i][1]`), into `handles`; 1 when all opened, else 0 with the loader's words in `error`.
int bk_open_libraries(const char *const names[][2], int count, void *handles[], char *error, size_t error_size);

/// The first of `handles` that has `name`, or NULL.
void *bk_find_function(void *const handles[], int count, const char *name);

#endif
