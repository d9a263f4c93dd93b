// See library_table.h.
#include "library_table.h"

#include <dlfcn.h>
#include <stdio.h>

int bk_open_libraries(const char *const names[][2], int count, void *handles[], char *error, size_t error_size) {
    for (int index = 0; index < count; index++) {
        handles[index] = dlopen(names[index][0], RTLD_NOW | RTLD_LOCAL);
        if (handles[index] == NULL) handles[index] = dlopen(names[index][1], RTLD_NOW | RTLD_LOCAL);
        if (handles[index] == NULL) {
            const char *reason = dlerror();
            snprintf(error, error_size, "%s", reason != NULL ? reason : names[index][0]);
            return 0;
        }
    }
    return 1;
}

void *bk_find_function(void *const handles[], int count, const char *name) {
    for (int index = 0; index < count; index++) {
        void *symbol = dlsym(handles[index], name);
        if (symbol != NULL) return symbol;
    }
    return NULL;
}
