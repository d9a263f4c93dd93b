// The PDF stack for bk: cairo (PDF surface, tags, metadata) and pango (text layout with
// embedded fonts) draw the pages; qpdf's C API adds the attached files and reads them back.
//
// None of them is linked: `bk_pdf_load` opens them with dlopen the first time a PDF is made or
// read, so every other command starts without them (about 40 shared libraries and 6.5 MB
// resident, measured), and works on a machine that lacks them. Swift calls each function
// through the table `bk_pdf()` returns; a direct call would not link.
//
// pango is declared here, the few functions bk calls, rather than through its headers, whose
// pkg-config flags (-pthread) SwiftPM refuses with a warning. The declarations follow pango
// 1.50's headers (pango-layout.h, pango-font.h, pangocairo.h), a stable C ABI.
#ifndef BK_CPDF_H
#define BK_CPDF_H

#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#include <qpdf/qpdf-c.h>
#include "CPDFInflate.h"
#include <stdlib.h>
#include <string.h>

typedef struct _PangoLayout PangoLayout;
typedef struct _PangoFontDescription PangoFontDescription;
typedef struct _PangoAttrList PangoAttrList;
typedef struct _PangoAttribute PangoAttribute;

/// pango's fixed-point unit: 1024 per point.
static const int BK_PANGO_SCALE = 1024;
/// PangoWrapMode's PANGO_WRAP_WORD and PANGO_WRAP_WORD_CHAR, and PangoAlignment's
/// PANGO_ALIGN_CENTER.
static const int BK_PANGO_WRAP_WORD = 0;
static const int BK_PANGO_WRAP_WORD_CHAR = 2;
static const int BK_PANGO_ALIGN_CENTER = 1;

extern PangoLayout *pango_cairo_create_layout(cairo_t *cr);
extern void pango_cairo_show_layout(cairo_t *cr, PangoLayout *layout);
extern void pango_layout_set_text(PangoLayout *layout, const char *text, int length);
extern void pango_layout_set_width(PangoLayout *layout, int width);
extern void pango_layout_set_wrap(PangoLayout *layout, int wrap);
extern void pango_layout_set_alignment(PangoLayout *layout, int alignment);
extern void pango_layout_set_font_description(PangoLayout *layout, const PangoFontDescription *description);
extern void pango_layout_get_size(PangoLayout *layout, int *width, int *height);
extern PangoFontDescription *pango_font_description_from_string(const char *text);
extern void pango_font_description_free(PangoFontDescription *description);
extern const char *pango_version_string(void);
extern void g_object_unref(void *object);
extern PangoAttrList *pango_attr_list_new(void);
extern void pango_attr_list_unref(PangoAttrList *list);
extern void pango_attr_list_insert(PangoAttrList *list, PangoAttribute *attribute);
extern PangoAttribute *pango_attr_insert_hyphens_new(int insert_hyphens);
extern void pango_layout_set_attributes(PangoLayout *layout, PangoAttrList *attributes);

#include "CPDFLibraries.h"
#include "CPaper.h"

/// Releases a layout made by pango_cairo_create_layout.
static inline void bk_pango_layout_release(PangoLayout *layout) { bk_pdf()->g_object_unref(layout); }

/// A growing byte buffer that cairo's PDF surface writes into.
typedef struct {
    unsigned char *bytes;
    size_t length;
    size_t capacity;
    int failed;
} bk_pdf_buffer;

/// cairo's write callback: appends to a bk_pdf_buffer.
static cairo_status_t bk_pdf_buffer_write(void *closure, const unsigned char *data, unsigned int length) {
    bk_pdf_buffer *buffer = (bk_pdf_buffer *)closure;
    if (buffer->length + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 65536;
        while (capacity < buffer->length + length) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(buffer->bytes, capacity);
        if (grown == NULL) {
            buffer->failed = 1;
            return CAIRO_STATUS_WRITE_ERROR;
        }
        buffer->bytes = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->length, data, length);
    buffer->length += length;
    return CAIRO_STATUS_SUCCESS;
}

/// An A4 PDF surface (points) that writes into `buffer`.
static inline cairo_surface_t *bk_pdf_surface_create(bk_pdf_buffer *buffer, double width, double height) {
    return bk_pdf()->cairo_pdf_surface_create_for_stream(bk_pdf_buffer_write, buffer, width, height);
}

#endif
