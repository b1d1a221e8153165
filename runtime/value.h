// ECMA-262 §6.1 ECMAScript Language Types: the Value every algorithm passes around.
// https://tc39.es/ecma262/#sec-ecmascript-language-types
#pragma once

#include <bit>
#include <cstdint>

namespace lockstep {

class Cell;
class String;
class Symbol;
class BigInt;
class Object;

// The eight language types of §6.1.
enum class Type : uint8_t { Undefined, Null, Boolean, String, Symbol, Number, BigInt, Object };

// A Value is 8 bytes, NaN-boxed: a Number is its IEEE-754 bits, every other
// type lives in the payload of a negative quiet NaN (a bit pattern no Number
// uses, since all NaNs are canonicalised to +qNaN). Why not a 16-byte tagged
// union: Values are passed in one register, argument lists and property
// storage are half the size, and SameValue on non-numbers is one compare;
// x86-64 and AArch64 user-space pointers fit the 48-bit payload, and the
// conservative stack scan (runtime/heap.cpp) masks the tag off to find cells.
//
// Besides the language values a Value can hold ~empty~, the spec's marker
// for "no value" in Completion Records ([[Value]] of a break, UpdateEmpty),
// and the marker of a call in tail position not made yet (Agent::TailCall),
// which never leaves the function whose body returns it.
class Value {
public:
    // The default Value is *undefined*, as the spec's uninitialised slots are.
    constexpr Value() : bits_(kUndefinedBits) {}

    static constexpr Value undefined() { return Value(kUndefinedBits); }
    static constexpr Value null() { return Value(kNullBits); }
    static constexpr Value empty() { return Value(kEmptyBits); }
    static constexpr Value tail_call() { return Value(kTailCallBits); }
    static constexpr Value boolean(bool b) { return Value(kBooleanTag | (b ? 1 : 0)); }
    static Value number(double d)
    {
        return d != d ? Value(kCanonicalNaN) : Value(std::bit_cast<uint64_t>(d));
    }
    // Cells: a null pointer is a bug, not *null* (use Value::null()).
    Value(String* s) : bits_(kStringTag | reinterpret_cast<uint64_t>(s)) {}
    Value(Symbol* s) : bits_(kSymbolTag | reinterpret_cast<uint64_t>(s)) {}
    Value(BigInt* b) : bits_(kBigIntTag | reinterpret_cast<uint64_t>(b)) {}
    Value(Object* o) : bits_(kObjectTag | reinterpret_cast<uint64_t>(o)) {}

    // §6.1 Type(x); ~empty~ has no language type (asserted by the callers).
    Type type() const
    {
        if (is_number()) return Type::Number;
        switch (tag()) {
        case kUndefinedBits >> 48: return Type::Undefined;
        case kNullBits >> 48: return Type::Null;
        case kBooleanTag >> 48: return Type::Boolean;
        case kStringTag >> 48: return Type::String;
        case kSymbolTag >> 48: return Type::Symbol;
        case kBigIntTag >> 48: return Type::BigInt;
        default: return Type::Object;
        }
    }

    bool is_undefined() const { return bits_ == kUndefinedBits; }
    bool is_null() const { return bits_ == kNullBits; }
    bool is_nullish() const { return is_undefined() || is_null(); }
    bool is_empty() const { return bits_ == kEmptyBits; }
    bool is_tail_call() const { return bits_ == kTailCallBits; }
    bool is_boolean() const { return tag() == (kBooleanTag >> 48); }
    bool is_number() const { return bits_ < kFirstTag; }
    bool is_string() const { return tag() == (kStringTag >> 48); }
    bool is_symbol() const { return tag() == (kSymbolTag >> 48); }
    bool is_bigint() const { return tag() == (kBigIntTag >> 48); }
    bool is_object() const { return tag() == (kObjectTag >> 48); }
    // String, Symbol, BigInt or Object: a Value that refers to a heap cell.
    bool is_cell() const { return tag() >= (kStringTag >> 48); }

    bool as_bool() const { return bits_ & 1; }
    double as_number() const { return std::bit_cast<double>(bits_); }
    String* as_string() const { return reinterpret_cast<String*>(payload()); }
    Symbol* as_symbol() const { return reinterpret_cast<Symbol*>(payload()); }
    BigInt* as_bigint() const { return reinterpret_cast<BigInt*>(payload()); }
    Object* as_object() const { return reinterpret_cast<Object*>(payload()); }

    // Identity of the representation: the same object, the same interned
    // cell, the same Number bits. Not SameValue (abstract_ops/ has that).
    bool is_identical(Value other) const { return bits_ == other.bits_; }
    uint64_t bits() const { return bits_; }

    // The conservative scanner's view: the address a word would denote if it
    // were a boxed cell.
    static constexpr uint64_t kPayloadMask = (uint64_t(1) << 48) - 1;

private:
    constexpr explicit Value(uint64_t bits) : bits_(bits) {}
    uint64_t tag() const { return bits_ >> 48; }
    uint64_t payload() const { return bits_ & kPayloadMask; }

    // Tags 0xFFF8..0xFFFF: negative quiet NaNs, never produced by number().
    static constexpr uint64_t kFirstTag = uint64_t(0xFFF8) << 48;
    static constexpr uint64_t kEmptyBits = uint64_t(0xFFF8) << 48 | 1;
    static constexpr uint64_t kTailCallBits = uint64_t(0xFFF8) << 48 | 2;
    static constexpr uint64_t kUndefinedBits = uint64_t(0xFFF9) << 48;
    static constexpr uint64_t kNullBits = uint64_t(0xFFFA) << 48;
    static constexpr uint64_t kBooleanTag = uint64_t(0xFFFB) << 48;
    static constexpr uint64_t kStringTag = uint64_t(0xFFFC) << 48;
    static constexpr uint64_t kSymbolTag = uint64_t(0xFFFD) << 48;
    static constexpr uint64_t kBigIntTag = uint64_t(0xFFFE) << 48;
    static constexpr uint64_t kObjectTag = uint64_t(0xFFFF) << 48;
    static constexpr uint64_t kCanonicalNaN = uint64_t(0x7FF8) << 48;

    uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

inline Value js_undefined() { return Value::undefined(); }
inline Value js_null() { return Value::null(); }

}  // namespace lockstep
