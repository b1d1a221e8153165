// UTF-8 well-formedness (Unicode §3.9, Table 3-7), as names require.
#include "wasm/syntax/names.h"

#include <cstdint>

namespace lockstep::wasm {

size_t utf8_sequence_length(std::string_view s, size_t pos)
{
    const unsigned char b = s[pos];
    size_t n;
    uint32_t cp;
    if (b < 0x80) return 1;
    if ((b & 0xE0) == 0xC0) { n = 2; cp = b & 0x1F; }
    else if ((b & 0xF0) == 0xE0) { n = 3; cp = b & 0x0F; }
    else if ((b & 0xF8) == 0xF0) { n = 4; cp = b & 0x07; }
    else return 0;
    if (pos + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k) {
        const unsigned char c = s[pos + k];
        if ((c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    // Overlong forms, surrogates and values beyond U+10FFFF are not scalar values' encodings.
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)) return 0;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool valid_utf8(std::string_view s)
{
    for (size_t pos = 0; pos < s.size();) {
        const size_t n = utf8_sequence_length(s, pos);
        if (!n) return false;
        pos += n;
    }
    return true;
}

}  // namespace lockstep::wasm
