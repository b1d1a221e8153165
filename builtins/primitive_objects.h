// The objects that wrap a primitive value (ToObject, §7.1.18): Boolean
// instances (§20.3.4), Symbol instances (§20.4.4), Number instances
// (§21.1.4) and BigInt instances (§21.2.4) — ordinary objects with one more
// internal slot. String instances are String exotic objects
// (runtime/string_object.h). Header-only: abstract_ops/ creates them
// without a link dependency on builtins/.
#pragma once

#include "runtime/heap.h"
#include "runtime/object.h"

namespace lockstep {

// §20.3.4 Properties of Boolean Instances: [[BooleanData]].
class BooleanObject final : public Object {
public:
    explicit BooleanObject(Object* prototype, bool booleanData) : Object(prototype), BooleanData(booleanData) {}
    bool BooleanData;
};

// §21.1.4 Properties of Number Instances: [[NumberData]].
class NumberObject final : public Object {
public:
    explicit NumberObject(Object* prototype, double numberData) : Object(prototype), NumberData(numberData) {}
    double NumberData;
};

// §20.4.4 Properties of Symbol Instances: [[SymbolData]] (a Symbol).
class SymbolObject final : public Object {
public:
    explicit SymbolObject(Object* prototype, Symbol* symbolData) : Object(prototype), SymbolData(symbolData) {}
    Symbol* SymbolData;
    void visit_edges(Visitor& visitor) override
    {
        Object::visit_edges(visitor);
        visitor.visit(Value(SymbolData));
    }
};

// §21.2.4 Properties of BigInt Instances: [[BigIntData]] (a BigInt).
class BigIntObject final : public Object {
public:
    explicit BigIntObject(Object* prototype, BigInt* bigIntData) : Object(prototype), BigIntData(bigIntData) {}
    BigInt* BigIntData;
    void visit_edges(Visitor& visitor) override
    {
        Object::visit_edges(visitor);
        visitor.visit(Value(BigIntData));
    }
};

}  // namespace lockstep
