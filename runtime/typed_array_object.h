// ECMA-262 §10.4.5 TypedArray Exotic Objects, with the rows of Table "The
// TypedArray Constructors" (§23.2) that describe each kind of TypedArray.
// https://tc39.es/ecma262/#sec-typedarray-exotic-objects
#pragma once

#include <cstdint>
#include <optional>

#include "runtime/array_buffer.h"
#include "runtime/intrinsics.h"
#include "runtime/object.h"

namespace lockstep {

// One row of Table "The TypedArray Constructors".
struct TypedArrayConstructorRow {
    const char* ConstructorName;  // "Int8Array" … also [[TypedArrayName]]
    Intrinsic constructor;        // %Int8Array%
    Intrinsic prototype;          // %Int8Array.prototype%
    ElementType elementType;      // Element Type
};
// The twelve rows, in the table's order.
extern const TypedArrayConstructorRow kTypedArrayConstructors[12];

enum class ContentType : uint8_t { Number, BigInt };

// A TypedArray instance (§23.2.7): the internal slots TypedArrayCreate
// lists, and the exotic internal methods of §10.4.5.1-§10.4.5.8.
class TypedArrayObject final : public Object {
public:
    using Object::Object;

    ArrayBufferObject* ViewedArrayBuffer = nullptr;        // [[ViewedArrayBuffer]]: null is *undefined*
    const TypedArrayConstructorRow* TypedArrayName = nullptr;  // [[TypedArrayName]] (its table row)
    lockstep::ContentType ContentType = lockstep::ContentType::Number;  // [[ContentType]]
    std::optional<uint64_t> ByteLength;                    // [[ByteLength]]: nullopt is ~auto~
    uint64_t ByteOffset = 0;                               // [[ByteOffset]]
    std::optional<uint64_t> ArrayLength;                   // [[ArrayLength]]: nullopt is ~auto~

    ThrowCompletionOr<bool> PreventExtensions(Agent&) override;
    ThrowCompletionOr<std::optional<PropertyDescriptor>> GetOwnProperty(Agent&, PropertyKey P) override;
    ThrowCompletionOr<bool> HasProperty(Agent&, PropertyKey P) override;
    ThrowCompletionOr<bool> DefineOwnProperty(Agent&, PropertyKey P, const PropertyDescriptor& Desc) override;
    ThrowCompletionOr<Value> Get(Agent&, PropertyKey P, Value Receiver) override;
    ThrowCompletionOr<bool> Set(Agent&, PropertyKey P, Value V, Value Receiver) override;
    ThrowCompletionOr<bool> Delete(Agent&, PropertyKey P) override;
    ThrowCompletionOr<List<PropertyKey>> OwnPropertyKeys(Agent&) override;

    void visit_edges(Visitor&) override;
};

// §10.4.5.9 TypedArray With Buffer Witness Records.
struct TypedArrayWithBufferWitnessRecord {
    TypedArrayObject* Object;                      // [[Object]]
    std::optional<uint64_t> CachedBufferByteLength;  // [[CachedBufferByteLength]]: nullopt is ~detached~
};

// §10.4.5.10 MakeTypedArrayWithBufferWitnessRecord ( obj, order )
TypedArrayWithBufferWitnessRecord MakeTypedArrayWithBufferWitnessRecord(Agent&, TypedArrayObject& obj, Order order);
// §10.4.5.11 TypedArrayCreate ( prototype )
TypedArrayObject* TypedArrayCreate(Agent&, Object* prototype);
// §10.4.5.12 TypedArrayByteLength ( taRecord )
uint64_t TypedArrayByteLength(const TypedArrayWithBufferWitnessRecord& taRecord);
// §10.4.5.13 TypedArrayLength ( taRecord )
uint64_t TypedArrayLength(const TypedArrayWithBufferWitnessRecord& taRecord);
// §10.4.5.14 IsTypedArrayOutOfBounds ( taRecord )
bool IsTypedArrayOutOfBounds(const TypedArrayWithBufferWitnessRecord& taRecord);
// §10.4.5.15 IsTypedArrayFixedLength ( O )
bool IsTypedArrayFixedLength(const TypedArrayObject& O);
// §10.4.5.16 IsValidIntegerIndex ( O, index )
bool IsValidIntegerIndex(Agent&, TypedArrayObject& O, double index);
// §10.4.5.17 TypedArrayGetElement ( O, index )
Value TypedArrayGetElement(Agent&, TypedArrayObject& O, double index);
// §10.4.5.18 TypedArraySetElement ( O, index, value )
ThrowCompletionOr<void> TypedArraySetElement(Agent&, TypedArrayObject& O, double index, Value value);
// §10.4.5.19 IsArrayBufferViewOutOfBounds ( O ): O a TypedArray or a DataView
bool IsArrayBufferViewOutOfBounds(Agent&, Object& O);

// §23.2.4.5 TypedArrayElementSize ( O )
uint32_t TypedArrayElementSize(const TypedArrayObject& O);
// §23.2.4.6 TypedArrayElementType ( O )
ElementType TypedArrayElementType(const TypedArrayObject& O);

// O as a TypedArray (an object with a [[TypedArrayName]] slot), or null.
TypedArrayObject* as_typed_array(Value O);

}  // namespace lockstep
