// ECMA-262 §6.1.5 The Symbol Type; §6.1.5.1 Well-Known Symbols.
// https://tc39.es/ecma262/#sec-ecmascript-language-types-symbol-type
#pragma once

#include <cstdint>

#include "runtime/cell.h"
#include "runtime/value.h"

namespace lockstep {

class Symbol final : public Cell {
public:
    explicit Symbol(Value description) : Description(description) {}

    // [[Description]]: a String or *undefined*.
    const Value Description;

    void visit_edges(Visitor&) override;
};

// Table "Well-known Symbols", in the spec's order. They are shared by every
// realm of an agent (the Agent creates them).
#define LOCKSTEP_WELL_KNOWN_SYMBOLS(X) \
    X(asyncIterator)                   \
    X(hasInstance)                     \
    X(isConcatSpreadable)              \
    X(iterator)                        \
    X(match)                           \
    X(matchAll)                        \
    X(replace)                         \
    X(search)                          \
    X(species)                         \
    X(split)                           \
    X(toPrimitive)                     \
    X(toStringTag)                     \
    X(unscopables)

enum class WellKnownSymbol : uint8_t {
#define X(name) name,
    LOCKSTEP_WELL_KNOWN_SYMBOLS(X)
#undef X
    Count
};

// "Symbol.iterator" for WellKnownSymbol::iterator: the symbol's [[Description]].
const char* description_of(WellKnownSymbol);

}  // namespace lockstep
