// Bounded zlib inflation; see CPDFInflate.h.
#include "CPDFInflate.h"

#include <limits.h>
#include <zlib.h>

long bk_inflate_bounded(const uint8_t *input, size_t input_length, uint8_t *output, size_t capacity) {
    if (input_length > UINT_MAX || capacity > UINT_MAX) return -1;
    z_stream stream = {0};
    if (inflateInit(&stream) != Z_OK) return -1;
    uint8_t none;
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)input_length;
    stream.next_out = capacity > 0 ? output : &none;
    stream.avail_out = (uInt)capacity;
    // With Z_FINISH, zlib ends the stream only when all of it fit; output that would go past
    // the capacity stops it with Z_BUF_ERROR instead.
    int status = inflate(&stream, Z_FINISH);
    long written = (long)stream.total_out;
    int complete = status == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    return complete ? written : -1;
}
