// The table through which bk calls the paper stack (see CPaper.h), kept in its own header so
// that everything in it is non-null: the table only exists once every function was found.
#ifndef BK_CPAPER_LIBRARIES_H
#define BK_CPAPER_LIBRARIES_H

#pragma clang assume_nonnull begin

/// Every function of the paper stack that bk calls (cairo's image surfaces and pixman included).
#define BK_PAPER_FUNCTIONS(X) \
    X(QRcode_encodeData) X(QRcode_free) \
    X(zbar_image_scanner_create) X(zbar_image_scanner_destroy) X(zbar_image_scanner_set_config) \
    X(zbar_image_create) X(zbar_image_destroy) X(zbar_image_set_format) X(zbar_image_set_size) \
    X(zbar_image_set_data) X(zbar_scan_image) X(zbar_image_first_symbol) X(zbar_symbol_next) \
    X(zbar_symbol_get_data) X(zbar_symbol_get_data_length) \
    X(g_error_free) X(g_object_unref) \
    X(gdk_pixbuf_get_file_info) X(gdk_pixbuf_new_from_file) X(gdk_pixbuf_apply_embedded_orientation) \
    X(gdk_pixbuf_get_width) X(gdk_pixbuf_get_height) X(gdk_pixbuf_get_rowstride) \
    X(gdk_pixbuf_get_n_channels) X(gdk_pixbuf_get_bits_per_sample) X(gdk_pixbuf_read_pixels) \
    X(poppler_document_new_from_file) X(poppler_document_get_n_pages) X(poppler_document_get_page) \
    X(poppler_page_get_size) X(poppler_page_render_for_printing) \
    X(cairo_image_surface_create) X(cairo_image_surface_get_data) X(cairo_image_surface_get_stride) \
    X(cairo_create) X(cairo_destroy) X(cairo_scale) X(cairo_set_source_rgb) X(cairo_paint) \
    X(cairo_surface_flush) X(cairo_surface_destroy) X(cairo_rectangle) X(cairo_fill) X(cairo_surface_write_to_png_stream) \
    X(pixman_image_create_bits) X(pixman_image_unref) X(pixman_transform_init_scale) X(pixman_image_set_transform) \
    X(pixman_image_set_filter) X(pixman_filter_create_separable_convolution) X(pixman_image_composite32)

/// The paper stack's functions, resolved by `bk_paper_load`.
struct bk_paper_functions {
#define BK_PAPER_FIELD(name) __typeof__(name) *name;
    BK_PAPER_FUNCTIONS(BK_PAPER_FIELD)
#undef BK_PAPER_FIELD
};

/// Opens libqrencode, zbar, gdk-pixbuf, poppler-glib and cairo and resolves every function,
/// once per process; 1 when they are there, 0 when not (`bk_paper_load_error` says why).
int bk_paper_load(void);

/// Resamples 8-bit grey pixels (`width` × `height`, rows `stride` bytes apart, a multiple of
/// 4) into `output` (`output_width` × `output_height`, rows `output_stride` apart) through a
/// Lanczos-3 filter; 1 on success.
int bk_paper_resample(
    const uint8_t *pixels, int width, int height, int stride, uint8_t *output, int output_width, int output_height, int output_stride);

/// Why `bk_paper_load` failed: the dynamic loader's words.
const char *bk_paper_load_error(void);

/// The loaded functions. Call `bk_paper_load` first: without the libraries this ends the
/// process with a message on standard error.
const struct bk_paper_functions *bk_paper(void);

#pragma clang assume_nonnull end

#endif
