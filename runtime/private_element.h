// ECMA-262 §6.2.10 The PrivateElement Specification Type and §6.2.12 Private Names.
// https://tc39.es/ecma262/#sec-privateelement-specification-type
#pragma once

#include <cstdint>

#include "runtime/cell.h"
#include "runtime/value.h"

namespace lockstep {

// A Private Name: a globally unique value with a [[Description]] (a String).
class PrivateName final : public Cell {
public:
    explicit PrivateName(String* description) : Description(description) {}
    String* const Description;
    void visit_edges(Visitor&) override;
};

enum class PrivateElementKind : uint8_t { Field, Method, Accessor };

// { [[Key]], [[Kind]], [[Value]], [[Get]], [[Set]] }; lower-case field names
// as in PropertyDescriptor. Unused fields stay *undefined*.
struct PrivateElement {
    PrivateName* key;
    PrivateElementKind kind;
    Value value;
    Value get;
    Value set;
};

}  // namespace lockstep
