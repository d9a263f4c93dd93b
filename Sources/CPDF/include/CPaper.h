// The paper stack for bk (PROTOCOL §12.3): libqrencode makes the QR codes of a printed page,
// gdk-pixbuf and poppler-glib load a photo, a scan or a scanned PDF, pixman enlarges it, and
// zbar finds the codes in it. Like the PDF stack they are opened with dlopen on first use
// (`bk_paper_load`), so every other command starts without them and works where they are
// missing. The few functions bk calls are declared here, after the libraries' own headers
// (qrencode.h 4.1, zbar.h 0.23, gdk-pixbuf 2.42, poppler-glib 22), a stable C ABI.
#ifndef BK_CPAPER_H
#define BK_CPAPER_H

#include <cairo/cairo.h>
#include <stdint.h>

/// qrencode.h: a symbol, `width` × `width` modules, bit 0 of each byte set for a dark one.
typedef struct {
    int version;
    int width;
    unsigned char *data;
} QRcode;
/// QRecLevel's QR_ECLEVEL_M and the 8-bit mode of QRencodeMode.
static const int BK_QR_ECLEVEL_M = 1;
extern QRcode *QRcode_encodeData(int size, const unsigned char *data, int version, int level);
extern void QRcode_free(QRcode *qrcode);

/// zbar.h: an image scanner, an image and the symbols found in it.
typedef struct zbar_image_scanner_s zbar_image_scanner_t;
typedef struct zbar_image_s zbar_image_t;
typedef struct zbar_symbol_s zbar_symbol_t;
/// zbar_symbol_type_t's ZBAR_NONE and ZBAR_QRCODE; zbar_config_t's ZBAR_CFG_ENABLE and ZBAR_CFG_BINARY.
static const int BK_ZBAR_NONE = 0;
static const int BK_ZBAR_QRCODE = 64;
static const int BK_ZBAR_CFG_ENABLE = 0;
static const int BK_ZBAR_CFG_BINARY = 4;
/// The fourcc of 8-bit grey pixels, "Y800".
static const unsigned long BK_ZBAR_Y800 = 0x30303859UL;
extern zbar_image_scanner_t *zbar_image_scanner_create(void);
extern void zbar_image_scanner_destroy(zbar_image_scanner_t *scanner);
extern int zbar_image_scanner_set_config(zbar_image_scanner_t *scanner, int symbology, int config, int value);
extern zbar_image_t *zbar_image_create(void);
extern void zbar_image_destroy(zbar_image_t *image);
extern void zbar_image_set_format(zbar_image_t *image, unsigned long format);
extern void zbar_image_set_size(zbar_image_t *image, unsigned width, unsigned height);
extern void zbar_image_set_data(zbar_image_t *image, const void *data, unsigned long size, void (*cleanup)(zbar_image_t *));
extern int zbar_scan_image(zbar_image_scanner_t *scanner, zbar_image_t *image);
extern const zbar_symbol_t *zbar_image_first_symbol(const zbar_image_t *image);
extern const zbar_symbol_t *zbar_symbol_next(const zbar_symbol_t *symbol);
extern const char *zbar_symbol_get_data(const zbar_symbol_t *symbol);
extern unsigned int zbar_symbol_get_data_length(const zbar_symbol_t *symbol);

/// glib's GError, as gdk-pixbuf and poppler-glib report a failure.
typedef struct {
    uint32_t domain;
    int code;
    char *message;
} bk_gerror;
extern void g_error_free(bk_gerror *error);
extern void g_object_unref(void *object);

/// gdk-pixbuf: a decoded image (8 bits per sample, RGB or RGBA).
typedef struct _GdkPixbuf GdkPixbuf;
extern void *gdk_pixbuf_get_file_info(const char *filename, int *width, int *height);
extern GdkPixbuf *gdk_pixbuf_new_from_file(const char *filename, bk_gerror **error);
extern GdkPixbuf *gdk_pixbuf_apply_embedded_orientation(GdkPixbuf *pixbuf);
extern int gdk_pixbuf_get_width(const GdkPixbuf *pixbuf);
extern int gdk_pixbuf_get_height(const GdkPixbuf *pixbuf);
extern int gdk_pixbuf_get_rowstride(const GdkPixbuf *pixbuf);
extern int gdk_pixbuf_get_n_channels(const GdkPixbuf *pixbuf);
extern int gdk_pixbuf_get_bits_per_sample(const GdkPixbuf *pixbuf);
extern const uint8_t *gdk_pixbuf_read_pixels(const GdkPixbuf *pixbuf);

/// poppler-glib: the pages of a PDF, drawn into a cairo context.
typedef struct _PopplerDocument PopplerDocument;
typedef struct _PopplerPage PopplerPage;
extern PopplerDocument *poppler_document_new_from_file(const char *uri, const char *password, bk_gerror **error);
extern int poppler_document_get_n_pages(PopplerDocument *document);
extern PopplerPage *poppler_document_get_page(PopplerDocument *document, int index);
extern void poppler_page_get_size(PopplerPage *page, double *width, double *height);
extern void poppler_page_render_for_printing(PopplerPage *page, cairo_t *cairo);

/// pixman (cairo's rasteriser): an image resampled through a separable Lanczos filter.
typedef struct pixman_image pixman_image_t;
typedef int32_t pixman_fixed_t;
typedef struct {
    pixman_fixed_t matrix[3][3];
} pixman_transform_t;
extern pixman_image_t *pixman_image_create_bits(uint32_t format, int width, int height, uint32_t *bits, int stride);
extern int pixman_image_unref(pixman_image_t *image);
extern void pixman_transform_init_scale(pixman_transform_t *transform, pixman_fixed_t sx, pixman_fixed_t sy);
extern int pixman_image_set_transform(pixman_image_t *image, const pixman_transform_t *transform);
extern int pixman_image_set_filter(pixman_image_t *image, int filter, const pixman_fixed_t *params, int n_params);
extern pixman_fixed_t *pixman_filter_create_separable_convolution(
    int *n_values, pixman_fixed_t scale_x, pixman_fixed_t scale_y, int reconstruct_x, int reconstruct_y, int sample_x, int sample_y,
    int subsample_bits_x, int subsample_bits_y);
extern void pixman_image_composite32(
    int op, pixman_image_t *source, pixman_image_t *mask, pixman_image_t *destination, int32_t source_x, int32_t source_y, int32_t mask_x,
    int32_t mask_y, int32_t destination_x, int32_t destination_y, int32_t width, int32_t height);

#include "CPaperLibraries.h"

#endif
