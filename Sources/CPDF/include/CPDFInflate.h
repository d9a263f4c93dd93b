// Bounded zlib inflation for the files attached to a PDF: bk decodes an attachment itself,
// with a cap, rather than letting a library inflate whatever a hostile file declares.
#ifndef BK_CPDF_INFLATE_H
#define BK_CPDF_INFLATE_H

#include <stddef.h>
#include <stdint.h>

/// Inflates one complete zlib stream (`/FlateDecode`) from `input` into `output`, writing at
/// most `capacity` bytes. Returns the number of bytes written, or -1 when the input is not
/// exactly one complete zlib stream, or would inflate to more than `capacity` bytes: memory
/// never grows past what the caller allotted.
long bk_inflate_bounded(const uint8_t *input, size_t input_length, uint8_t *output, size_t capacity);

#endif
