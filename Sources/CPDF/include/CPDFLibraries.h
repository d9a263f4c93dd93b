// The table through which bk calls cairo, pango and qpdf (see CPDF.h), kept in its own header
// so that everything in it is non-null: the table only exists once every function was found.
#ifndef BK_CPDF_LIBRARIES_H
#define BK_CPDF_LIBRARIES_H

#pragma clang assume_nonnull begin

/// Every function of the PDF stack that bk calls.
#define BK_PDF_FUNCTIONS(X) \
    X(cairo_create) X(cairo_destroy) X(cairo_move_to) \
    X(cairo_pdf_surface_create_for_stream) X(cairo_pdf_surface_restrict_to_version) X(cairo_pdf_surface_set_metadata) \
    X(cairo_show_page) X(cairo_surface_destroy) X(cairo_surface_finish) \
    X(cairo_surface_status) X(cairo_tag_begin) X(cairo_tag_end) \
    X(cairo_version_string) X(pango_cairo_create_layout) X(pango_cairo_show_layout) \
    X(pango_font_description_free) X(pango_font_description_from_string) X(pango_layout_get_size) \
    X(pango_layout_set_alignment) X(pango_layout_set_font_description) X(pango_layout_set_text) \
    X(pango_layout_set_width) X(pango_layout_set_wrap) X(pango_version_string) \
    X(g_object_unref) X(qpdf_cleanup) X(qpdf_get_buffer) \
    X(qpdf_get_buffer_length) X(qpdf_get_error) X(qpdf_get_error_message_detail) \
    X(qpdf_get_num_pages) X(qpdf_get_page_n) X(qpdf_get_root) \
    X(qpdf_get_trailer) X(qpdf_has_error) X(qpdf_init) \
    X(qpdf_init_write_memory) X(qpdf_more_warnings) X(qpdf_oh_append_item) \
    X(qpdf_oh_get_array_item) X(qpdf_oh_get_array_n_items) X(qpdf_oh_get_dict) \
    X(qpdf_oh_get_key) X(qpdf_oh_get_name) X(qpdf_oh_get_page_content_data) \
    X(qpdf_oh_get_stream_data) X(qpdf_oh_get_utf8_value) X(qpdf_oh_is_array) \
    X(qpdf_oh_is_dictionary) X(qpdf_oh_is_name) X(qpdf_oh_is_stream) \
    X(qpdf_oh_is_string) X(qpdf_oh_new_array) X(qpdf_oh_new_bool) \
    X(qpdf_oh_new_dictionary) X(qpdf_oh_new_integer) X(qpdf_oh_new_name) \
    X(qpdf_oh_new_null) X(qpdf_oh_new_stream) X(qpdf_oh_new_unicode_string) \
    X(qpdf_oh_replace_key) X(qpdf_oh_replace_stream_data) X(qpdf_read_memory) \
    X(qpdf_set_object_stream_mode) X(qpdf_set_suppress_warnings) X(qpdf_silence_errors) \
    X(qpdf_write) X(qpdf_set_deterministic_ID) X(qpdf_set_suppress_original_object_IDs) \
    X(qpdf_oh_is_null) X(qpdf_oh_is_integer) X(qpdf_oh_get_int_value) \
    X(qpdf_oh_get_object_id) X(qpdf_oh_get_type_code) X(qpdf_oh_is_indirect) \
    X(qpdf_oh_get_binary_string_value) X(qpdf_oh_get_real_value) X(qpdf_oh_get_bool_value) \
    X(qpdf_oh_begin_dict_key_iter) X(qpdf_oh_dict_more_keys) X(qpdf_oh_dict_next_key) \
    X(pango_attr_list_new) X(pango_attr_list_unref) X(pango_attr_list_insert) \
    X(pango_attr_insert_hyphens_new) X(pango_layout_set_attributes) \
    X(cairo_rectangle) X(cairo_fill) X(cairo_set_source_rgb)

/// The PDF stack's functions, resolved by `bk_pdf_load`.
struct bk_pdf_functions {
#define BK_PDF_FIELD(name) __typeof__(name) *name;
    BK_PDF_FUNCTIONS(BK_PDF_FIELD)
#undef BK_PDF_FIELD
};

/// Opens cairo, pango and qpdf and resolves every function, once per process; 1 when they are
/// there, 0 when not (then `bk_pdf_load_error` says why). Safe from any thread.
int bk_pdf_load(void);

/// Why `bk_pdf_load` failed: the dynamic loader's words.
const char *bk_pdf_load_error(void);

/// The loaded functions. Call `bk_pdf_load` first: without the libraries this ends the process
/// with a message on standard error, as a call into a library that is not there would.
const struct bk_pdf_functions *bk_pdf(void);

#pragma clang assume_nonnull end

#endif
