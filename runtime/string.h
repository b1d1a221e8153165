// ECMA-262 §6.1.4 The String Type: a sequence of UTF-16 code units, a heap cell.
// https://tc39.es/ecma262/#sec-ecmascript-language-types-string-type
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/cell.h"

namespace lockstep {

class Heap;

class String final : public Cell {
public:
    explicit String(std::u16string units) : units_(std::move(units)) {}

    const std::u16string& units() const { return units_; }
    std::u16string_view view() const { return units_; }
    size_t length() const { return units_.size(); }
    char16_t operator[](size_t i) const { return units_[i]; }

    // Interned strings are unique per content (Heap::intern), so two interned
    // strings are equal exactly when they are the same cell.
    bool is_interned() const { return interned_; }

    // The numeric value if this String is an array index (§6.1.7): the
    // canonical decimal form of an integer in [0, 2^32 - 2].
    std::optional<uint32_t> as_array_index() const;

    // UTF-8 for printing; lone surrogates become U+FFFD.
    std::string to_utf8() const;
    // The string as source text for the parser (eval, the Function
    // constructor): its code points in WTF-8, lone surrogates kept.
    std::string to_source_text() const;

private:
    friend class Heap;
    std::u16string units_;
    bool interned_ = false;
};

// String values compare by their code units (§6.1.4); equal interned strings
// are the same cell, which the pointer test settles first.
bool operator==(const String& a, const String& b);

// New (not interned) String cells.
String* make_string(Heap&, std::u16string units);
String* make_string_from_ascii(Heap&, std::string_view ascii);
String* make_string_from_utf8(Heap&, std::string_view utf8);

std::u16string utf8_to_utf16(std::string_view utf8);
std::string utf16_to_utf8(std::u16string_view units);

// The array index a sequence of code units denotes, if any (see above).
std::optional<uint32_t> parse_array_index(std::u16string_view units);

}  // namespace lockstep
