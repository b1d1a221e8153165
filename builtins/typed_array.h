// ECMA-262 §23.2 TypedArray Objects: the abstract operations other built-ins
// use (§23.2.4, §23.2.5.1.1).
// https://tc39.es/ecma262/#sec-typedarray-objects
#pragma once

#include <span>

#include "runtime/typed_array_object.h"

namespace lockstep {

class Realm;

// §23.2.4.1 TypedArraySpeciesCreate ( exemplar, argumentList )
ThrowCompletionOr<TypedArrayObject*> TypedArraySpeciesCreate(Agent&, TypedArrayObject& exemplar,
                                                             std::span<const Value> argumentList);
// §23.2.4.2 TypedArrayCreateFromConstructor ( constructor, argumentList )
ThrowCompletionOr<TypedArrayObject*> TypedArrayCreateFromConstructor(Agent&, Object& constructor,
                                                                     std::span<const Value> argumentList);
// §23.2.4.3 TypedArrayCreateSameType ( exemplar, argumentList )
ThrowCompletionOr<TypedArrayObject*> TypedArrayCreateSameType(Agent&, TypedArrayObject& exemplar,
                                                              std::span<const Value> argumentList);
// §23.2.4.4 ValidateTypedArray ( O, order )
ThrowCompletionOr<TypedArrayWithBufferWitnessRecord> ValidateTypedArray(Agent&, Value O, Order order);
// §23.2.4.7 CompareTypedArrayElements ( x, y, comparator )
ThrowCompletionOr<double> CompareTypedArrayElements(Agent&, Value x, Value y, Value comparator);
// §23.2.5.1.1 AllocateTypedArray ( constructorName, newTarget, defaultProto [ , length ] )
ThrowCompletionOr<TypedArrayObject*> AllocateTypedArray(Agent&, const TypedArrayConstructorRow& constructorName,
                                                        Object& newTarget, Intrinsic defaultProto,
                                                        std::optional<uint64_t> length = std::nullopt);

// %TypedArray%, %TypedArray.prototype% and the twelve concrete constructors
// with their prototypes.
void CreateTypedArrayIntrinsics(Agent&, Realm&);

}  // namespace lockstep
