// Opens the paper stack (libqrencode, zbar, gdk-pixbuf, poppler-glib) on first use; see CPaper.h.
#include "CPaper.h"

#include "library_table.h"

#include <stdlib.h>

/// Each library by its run-time name, with the development name as a fall-back.
static const char *const libraries[][2] = {
    {"libqrencode.so.4", "libqrencode.so"},
    {"libzbar.so.0", "libzbar.so"},
    {"libglib-2.0.so.0", "libglib-2.0.so"},
    {"libgobject-2.0.so.0", "libgobject-2.0.so"},
    {"libgdk_pixbuf-2.0.so.0", "libgdk_pixbuf-2.0.so"},
    {"libpoppler-glib.so.8", "libpoppler-glib.so"},
    {"libcairo.so.2", "libcairo.so"},
    {"libpixman-1.so.0", "libpixman-1.so"},
};
enum { library_count = sizeof(libraries) / sizeof(libraries[0]) };

BK_DEFINE_LIBRARY_TABLE(paper, BK_PAPER_FUNCTIONS, "paper libraries (libqrencode, zbar, gdk-pixbuf, poppler-glib, pixman)")

/// pixman's a8 format, SRC operator, separable convolution filter and kernels (pixman.h).
enum {
    bk_pixman_a8 = 0x08018000,
    bk_pixman_op_src = 1,
    bk_pixman_filter_separable_convolution = 6,
    bk_pixman_kernel_impulse = 0,
    bk_pixman_kernel_lanczos3 = 6,
};

static pixman_fixed_t fixed(double value) { return (pixman_fixed_t)(value * 65536.0); }

int bk_paper_resample(
    const uint8_t *pixels, int width, int height, int stride, uint8_t *output, int output_width, int output_height, int output_stride) {
    const struct bk_paper_functions *paper = bk_paper();
    pixman_image_t *source = paper->pixman_image_create_bits(bk_pixman_a8, width, height, (uint32_t *)(void *)pixels, stride);
    pixman_image_t *destination = paper->pixman_image_create_bits(bk_pixman_a8, output_width, output_height, (uint32_t *)(void *)output, output_stride);
    int done = 0;
    if (source != NULL && destination != NULL) {
        pixman_transform_t transform;
        paper->pixman_transform_init_scale(&transform, fixed((double)width / output_width), fixed((double)height / output_height));
        int count = 0;
        pixman_fixed_t *parameters = paper->pixman_filter_create_separable_convolution(
            &count, fixed(1), fixed(1), bk_pixman_kernel_lanczos3, bk_pixman_kernel_lanczos3, bk_pixman_kernel_impulse, bk_pixman_kernel_impulse, 4, 4);
        if (parameters != NULL && paper->pixman_image_set_transform(source, &transform) &&
            paper->pixman_image_set_filter(source, bk_pixman_filter_separable_convolution, parameters, count)) {
            paper->pixman_image_composite32(bk_pixman_op_src, source, NULL, destination, 0, 0, 0, 0, 0, 0, output_width, output_height);
            done = 1;
        }
        free(parameters);
    }
    if (source != NULL) paper->pixman_image_unref(source);
    if (destination != NULL) paper->pixman_image_unref(destination);
    return done;
}
