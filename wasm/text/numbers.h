// Wasm 3.0 §6.3.2 Numbers (SpecTec 6.1-text.values): integer and float literals.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace lockstep::wasm::text {

// An integer literal of `bits` bits: accepts -2^(bits-1) … 2^bits-1 (the
// signed and unsigned readings share one encoding). nullopt if malformed
// or out of range.
std::optional<uint64_t> parse_int(std::string_view text, unsigned bits);
// An unsigned literal only (indices, offset=, align=).
std::optional<uint64_t> parse_uint(std::string_view text, unsigned bits);
// Whether `text` has the shape of an integer / a float literal (whatever its
// value): tells "unknown operator" (a malformed token) from "constant out of range".
bool is_int_syntax(std::string_view text);
bool is_float_syntax(std::string_view text);
// Float literals, including inf, nan, nan:0x…, hex floats; returns raw bits.
std::optional<uint32_t> parse_f32(std::string_view text);
std::optional<uint64_t> parse_f64(std::string_view text);

}  // namespace lockstep::wasm::text
