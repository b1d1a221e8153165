// Wasm 3.0 §2.2.5 Names: sequences of Unicode scalar values, encoded as UTF-8
// in both the binary format (§5.2.4) and the text format's strings (§6.3.3).
#pragma once

#include <cstddef>
#include <string_view>

namespace lockstep::wasm {

// The length of the well-formed UTF-8 sequence starting at `pos` (1–4), or 0
// if it is malformed (overlong, a surrogate, beyond U+10FFFF, or truncated).
size_t utf8_sequence_length(std::string_view s, size_t pos);

// Whether all of `s` is well-formed UTF-8.
bool valid_utf8(std::string_view s);

}  // namespace lockstep::wasm
