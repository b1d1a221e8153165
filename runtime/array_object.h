// ECMA-262 §10.4.2 Array Exotic Objects.
// https://tc39.es/ecma262/#sec-array-exotic-objects
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace lockstep {

// An Array exotic object: an ordinary object whose [[DefineOwnProperty]]
// keeps "length" one past the largest array index (§10.4.2.1).
class ArrayObject final : public Object {
public:
    using Object::Object;

    // §10.4.2.1 [[DefineOwnProperty]] ( P, Desc )
    ThrowCompletionOr<bool> DefineOwnProperty(Agent&, PropertyKey P, const PropertyDescriptor& Desc) override;
};

// §10.4.2.2 ArrayCreate ( length [ , proto ] ); proto null is "not present"
ThrowCompletionOr<Object*> ArrayCreate(Agent&, double length, Object* proto = nullptr);
// §10.4.2.3 ArraySpeciesCreate ( originalArray, length )
ThrowCompletionOr<Object*> ArraySpeciesCreate(Agent&, Value originalArray, double length);
// §10.4.2.4 ArraySetLength ( A, Desc )
ThrowCompletionOr<bool> ArraySetLength(Agent&, ArrayObject& A, const PropertyDescriptor& Desc);

}  // namespace lockstep
