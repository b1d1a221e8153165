// ECMA-262 §6.1.7 property keys: a String or a Symbol.
// https://tc39.es/ecma262/#sec-object-type
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "runtime/value.h"

namespace lockstep {

class Heap;

// One word. Array indices (§6.1.7: integer indices below 2^32 - 1) are kept
// as numbers, so element access never touches a String; every other String
// key is an interned String, so key equality is word equality:
//   (index << 1) | 1   an array index
//   String* | 0        an interned String that is not an array index
//   Symbol* | 2        a Symbol
class PropertyKey {
public:
    static PropertyKey from_array_index(uint32_t index)
    {
        return PropertyKey((uintptr_t(index) << 1) | 1);
    }
    PropertyKey(Symbol* symbol) : bits_(reinterpret_cast<uintptr_t>(symbol) | kSymbolTag) {}
    // The key for a String value: its array index, or its interned copy.
    static PropertyKey from_string(Heap&, const String&);
    static PropertyKey from_string(Heap&, std::u16string_view units);
    static PropertyKey from_ascii(Heap&, std::string_view ascii);

    // "P is an array index" / "P is a Symbol" / "P is a String" (array indices included).
    bool is_array_index() const { return bits_ & 1; }
    bool is_symbol() const { return (bits_ & 3) == kSymbolTag; }
    bool is_string() const { return !is_symbol(); }

    uint32_t as_array_index() const { return uint32_t(bits_ >> 1); }
    // Only for a String key that is not an array index.
    String* as_string() const { return reinterpret_cast<String*>(bits_); }
    Symbol* as_symbol() const { return reinterpret_cast<Symbol*>(bits_ & ~uintptr_t(3)); }

    // The key as a language value (allocates a String for an array index).
    Value to_value(Heap&) const;

    bool operator==(const PropertyKey& other) const { return bits_ == other.bits_; }
    uintptr_t bits() const { return bits_; }

    struct Hash {
        size_t operator()(const PropertyKey& key) const { return std::hash<uintptr_t>()(key.bits_ >> 1); }
    };

private:
    explicit PropertyKey(uintptr_t bits) : bits_(bits) {}
    static constexpr uintptr_t kSymbolTag = 2;
    uintptr_t bits_;
};

}  // namespace lockstep
