// Wasm 3.0 §5 Binary format (SpecTec 5.x-binary.*): bytes → Module.
#pragma once

#include "wasm/syntax/module.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace lockstep::wasm {

// A malformed binary: the test suite's message text and the byte offset.
struct DecodeError {
    std::string message;
    size_t offset = 0;
};

// Decodes a whole module (magic, version, sections in order).
std::optional<DecodeError> decode_module(std::span<const uint8_t> bytes, Module& out);

// §5.2.2 Integers: LEB128 with the spec's size limits. Exposed for tests.
// `bits` is N of uN / sN; returns the error text or nullopt.
struct LebResult {
    uint64_t value = 0;
    size_t length = 0;
    const char* error = nullptr;  // "unexpected end", "integer representation too long", "integer too large"
};
LebResult read_leb_unsigned(std::span<const uint8_t> bytes, unsigned bits);
LebResult read_leb_signed(std::span<const uint8_t> bytes, unsigned bits);

}  // namespace lockstep::wasm
