// ECMA-262 §10.4.5 TypedArray Exotic Objects.
#include "runtime/typed_array_object.h"

#include <cmath>

#include "abstract_ops/array_buffer_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/data_view_object.h"
#include "runtime/agent.h"
#include "runtime/heap.h"
#include "runtime/number.h"
#include "runtime/ordinary_object.h"
#include "runtime/string.h"

namespace lockstep {

const TypedArrayConstructorRow kTypedArrayConstructors[12] = {
    {"Int8Array", Intrinsic::Int8Array, Intrinsic::Int8ArrayPrototype, ElementType::Int8},
    {"Uint8Array", Intrinsic::Uint8Array, Intrinsic::Uint8ArrayPrototype, ElementType::Uint8},
    {"Uint8ClampedArray", Intrinsic::Uint8ClampedArray, Intrinsic::Uint8ClampedArrayPrototype, ElementType::Uint8Clamped},
    {"Int16Array", Intrinsic::Int16Array, Intrinsic::Int16ArrayPrototype, ElementType::Int16},
    {"Uint16Array", Intrinsic::Uint16Array, Intrinsic::Uint16ArrayPrototype, ElementType::Uint16},
    {"Int32Array", Intrinsic::Int32Array, Intrinsic::Int32ArrayPrototype, ElementType::Int32},
    {"Uint32Array", Intrinsic::Uint32Array, Intrinsic::Uint32ArrayPrototype, ElementType::Uint32},
    {"BigInt64Array", Intrinsic::BigInt64Array, Intrinsic::BigInt64ArrayPrototype, ElementType::BigInt64},
    {"BigUint64Array", Intrinsic::BigUint64Array, Intrinsic::BigUint64ArrayPrototype, ElementType::BigUint64},
    {"Float16Array", Intrinsic::Float16Array, Intrinsic::Float16ArrayPrototype, ElementType::Float16},
    {"Float32Array", Intrinsic::Float32Array, Intrinsic::Float32ArrayPrototype, ElementType::Float32},
    {"Float64Array", Intrinsic::Float64Array, Intrinsic::Float64ArrayPrototype, ElementType::Float64},
};

namespace {

// CanonicalNumericIndexString ( P ) for a String key P: an array-index key
// is its own canonical numeric string; nullopt is *undefined*.
std::optional<double> canonical_numeric_index(PropertyKey P)
{
    if (P.is_array_index()) return double(P.as_array_index());
    return CanonicalNumericIndexString(*P.as_string());
}

}  // namespace

void TypedArrayObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    if (ViewedArrayBuffer) visitor.visit(ViewedArrayBuffer);
}

// §10.4.5.1 [[PreventExtensions]] ( )
ThrowCompletionOr<bool> TypedArrayObject::PreventExtensions(Agent&)
{
    SPEC_ALGORITHM("sec-typedarray-preventextensions");
    STEP("1");
    STEP("2");
    if (!IsTypedArrayFixedLength(*this)) return false;
    STEP("3");
    return OrdinaryPreventExtensions(*this);
}

// §10.4.5.2 [[GetOwnProperty]] ( P )
ThrowCompletionOr<std::optional<PropertyDescriptor>> TypedArrayObject::GetOwnProperty(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-typedarray-getownproperty");
    STEP("1");
    if (P.is_string()) {
        STEP("1.a");
        std::optional<double> numericIndex = canonical_numeric_index(P);
        STEP("1.b");
        if (numericIndex) {
            STEP("1.b.i");
            Value value = TypedArrayGetElement(agent, *this, *numericIndex);
            STEP("1.b.ii");
            if (value.is_undefined()) return std::optional<PropertyDescriptor>();
            STEP("1.b.iii");
            return std::optional<PropertyDescriptor>(
                PropertyDescriptor{.value = value, .writable = true, .enumerable = true, .configurable = true});
        }
    }
    STEP("2");
    return OrdinaryGetOwnProperty(*this, P);
}

// §10.4.5.3 [[HasProperty]] ( P )
ThrowCompletionOr<bool> TypedArrayObject::HasProperty(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-typedarray-hasproperty");
    STEP("1");
    if (P.is_string()) {
        STEP("1.a");
        std::optional<double> numericIndex = canonical_numeric_index(P);
        STEP("1.b");
        if (numericIndex) return IsValidIntegerIndex(agent, *this, *numericIndex);
    }
    STEP("2");
    return OrdinaryHasProperty(agent, *this, P);
}

// §10.4.5.4 [[DefineOwnProperty]] ( P, Desc )
ThrowCompletionOr<bool> TypedArrayObject::DefineOwnProperty(Agent& agent, PropertyKey P, const PropertyDescriptor& Desc)
{
    SPEC_ALGORITHM("sec-typedarray-defineownproperty");
    STEP("1");
    if (P.is_string()) {
        STEP("1.a");
        std::optional<double> numericIndex = canonical_numeric_index(P);
        STEP("1.b");
        if (numericIndex) {
            STEP("1.b.i");
            if (!IsValidIntegerIndex(agent, *this, *numericIndex)) return false;
            STEP("1.b.ii");
            if (Desc.configurable && !*Desc.configurable) return false;
            STEP("1.b.iii");
            if (Desc.enumerable && !*Desc.enumerable) return false;
            STEP("1.b.iv");
            if (IsAccessorDescriptor(Desc)) return false;
            STEP("1.b.v");
            if (Desc.writable && !*Desc.writable) return false;
            STEP("1.b.vi");
            if (Desc.value) TRY(TypedArraySetElement(agent, *this, *numericIndex, *Desc.value));
            STEP("1.b.vii");
            return true;
        }
    }
    STEP("2");
    return MUST(OrdinaryDefineOwnProperty(agent, *this, P, Desc));
}

// §10.4.5.5 [[Get]] ( P, Receiver )
ThrowCompletionOr<Value> TypedArrayObject::Get(Agent& agent, PropertyKey P, Value Receiver)
{
    SPEC_ALGORITHM("sec-typedarray-get");
    STEP("1");
    if (P.is_string()) {
        STEP("1.a");
        std::optional<double> numericIndex = canonical_numeric_index(P);
        STEP("1.b");
        if (numericIndex) {
            STEP("1.b.i");
            return TypedArrayGetElement(agent, *this, *numericIndex);
        }
    }
    STEP("2");
    return OrdinaryGet(agent, *this, P, Receiver);
}

// §10.4.5.6 [[Set]] ( P, V, Receiver )
ThrowCompletionOr<bool> TypedArrayObject::Set(Agent& agent, PropertyKey P, Value V, Value Receiver)
{
    SPEC_ALGORITHM("sec-typedarray-set");
    STEP("1");
    if (P.is_string()) {
        STEP("1.a");
        std::optional<double> numericIndex = canonical_numeric_index(P);
        STEP("1.b");
        if (numericIndex) {
            STEP("1.b.i");
            if (SameValue(Value(this), Receiver)) {
                STEP("1.b.i.1");
                TRY(TypedArraySetElement(agent, *this, *numericIndex, V));
                STEP("1.b.i.2");
                return true;
            }
            STEP("1.b.ii");
            if (!IsValidIntegerIndex(agent, *this, *numericIndex)) return true;
        }
    }
    STEP("2");
    return OrdinarySet(agent, *this, P, V, Receiver);
}

// §10.4.5.7 [[Delete]] ( P )
ThrowCompletionOr<bool> TypedArrayObject::Delete(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-typedarray-delete");
    STEP("1");
    if (P.is_string()) {
        STEP("1.a");
        std::optional<double> numericIndex = canonical_numeric_index(P);
        STEP("1.b");
        if (numericIndex) {
            STEP("1.b.i");
            return !IsValidIntegerIndex(agent, *this, *numericIndex);
        }
    }
    STEP("2");
    return MUST(OrdinaryDelete(agent, *this, P));
}

// §10.4.5.8 [[OwnPropertyKeys]] ( )
ThrowCompletionOr<List<PropertyKey>> TypedArrayObject::OwnPropertyKeys(Agent& agent)
{
    SPEC_ALGORITHM("sec-typedarray-ownpropertykeys");
    STEP("1");
    TypedArrayWithBufferWitnessRecord taRecord = MakeTypedArrayWithBufferWitnessRecord(agent, *this, Order::SeqCst);
    STEP("2");
    List<PropertyKey> keys;
    STEP("3");
    if (!IsTypedArrayOutOfBounds(taRecord)) {
        STEP("3.a");
        uint64_t length = TypedArrayLength(taRecord);
        STEP("3.b");
        for (uint64_t i = 0; i < length; ++i) {
            STEP("3.b.i");
            keys.append(i < 4294967295ull ? PropertyKey::from_array_index(uint32_t(i))
                                          : PropertyKey::from_string(agent.heap, Number::toString(double(i))));
        }
    }
    // Integer indices are never ordinary own properties of a TypedArray
    // ([[DefineOwnProperty]] takes them), so the ordinary String keys are
    // exactly those of step 4.
    STEP("4");
    STEP("4.a");
    properties().append_string_keys(keys);
    STEP("5");
    STEP("5.a");
    properties().append_symbol_keys(keys);
    STEP("6");
    return keys;
}

TypedArrayWithBufferWitnessRecord MakeTypedArrayWithBufferWitnessRecord(Agent& agent, TypedArrayObject& obj,
                                                                        Order order)
{
    SPEC_ALGORITHM("sec-maketypedarraywithbufferwitnessrecord");
    STEP("1");
    ArrayBufferObject& buffer = *obj.ViewedArrayBuffer;
    std::optional<uint64_t> byteLength;
    STEP("2");
    if (IsDetachedBuffer(buffer)) {
        STEP("2.a");
        byteLength = std::nullopt;
    } else {
        STEP("3");
        STEP("3.a");
        byteLength = ArrayBufferByteLength(agent, buffer, order);
    }
    STEP("4");
    return TypedArrayWithBufferWitnessRecord{&obj, byteLength};
}

TypedArrayObject* TypedArrayCreate(Agent& agent, Object* prototype)
{
    SPEC_ALGORITHM("sec-typedarraycreate");
    STEP("1");
    STEP("2");
    TypedArrayObject* A = MakeBasicObject<TypedArrayObject>(agent);
    STEP("3-10");  // TypedArrayObject overrides these internal methods
    STEP("11");
    A->Prototype = prototype;
    STEP("12");
    return A;
}

uint64_t TypedArrayByteLength(const TypedArrayWithBufferWitnessRecord& taRecord)
{
    SPEC_ALGORITHM("sec-typedarraybytelength");
    STEP("1");
    if (IsTypedArrayOutOfBounds(taRecord)) return 0;
    STEP("2");
    uint64_t length = TypedArrayLength(taRecord);
    STEP("3");
    if (length == 0) return 0;
    STEP("4");
    TypedArrayObject& O = *taRecord.Object;
    STEP("5");
    if (O.ByteLength) return *O.ByteLength;
    STEP("6");
    uint32_t elementSize = TypedArrayElementSize(O);
    STEP("7");
    return length * elementSize;
}

uint64_t TypedArrayLength(const TypedArrayWithBufferWitnessRecord& taRecord)
{
    SPEC_ALGORITHM("sec-typedarraylength");
    STEP("1");
    SPEC_ASSERT(!IsTypedArrayOutOfBounds(taRecord));
    STEP("2");
    TypedArrayObject& O = *taRecord.Object;
    STEP("3");
    if (O.ArrayLength) return *O.ArrayLength;
    STEP("4");
    SPEC_ASSERT(!IsFixedLengthArrayBuffer(*O.ViewedArrayBuffer));
    STEP("5");
    uint64_t byteOffset = O.ByteOffset;
    STEP("6");
    uint32_t elementSize = TypedArrayElementSize(O);
    STEP("7");
    std::optional<uint64_t> byteLength = taRecord.CachedBufferByteLength;
    STEP("8");
    SPEC_ASSERT(byteLength.has_value());
    STEP("9");
    return (*byteLength - byteOffset) / elementSize;
}

bool IsTypedArrayOutOfBounds(const TypedArrayWithBufferWitnessRecord& taRecord)
{
    SPEC_ALGORITHM("sec-istypedarrayoutofbounds");
    STEP("1");
    TypedArrayObject& O = *taRecord.Object;
    STEP("2");
    std::optional<uint64_t> bufferByteLength = taRecord.CachedBufferByteLength;
    STEP("3");
    SPEC_ASSERT(IsDetachedBuffer(*O.ViewedArrayBuffer) == !bufferByteLength.has_value());
    STEP("4");
    if (!bufferByteLength) return true;
    STEP("5");
    uint64_t byteOffsetStart = O.ByteOffset;
    uint64_t byteOffsetEnd;
    STEP("6");
    if (!O.ArrayLength) {
        STEP("6.a");
        byteOffsetEnd = *bufferByteLength;
    } else {
        STEP("7");
        STEP("7.a");
        uint32_t elementSize = TypedArrayElementSize(O);
        STEP("7.b");
        byteOffsetEnd = byteOffsetStart + *O.ArrayLength * elementSize;
    }
    STEP("8");
    if (byteOffsetStart > *bufferByteLength || byteOffsetEnd > *bufferByteLength) return true;
    STEP("9");
    STEP("10");
    return false;
}

bool IsTypedArrayFixedLength(const TypedArrayObject& O)
{
    SPEC_ALGORITHM("sec-istypedarrayfixedlength");
    STEP("1");
    if (!O.ArrayLength) return false;
    STEP("2");
    const ArrayBufferObject& buffer = *O.ViewedArrayBuffer;
    STEP("3");
    if (!IsFixedLengthArrayBuffer(buffer) && !IsSharedArrayBuffer(buffer)) return false;
    STEP("4");
    return true;
}

bool IsValidIntegerIndex(Agent& agent, TypedArrayObject& O, double index)
{
    SPEC_ALGORITHM("sec-isvalidintegerindex");
    STEP("1");
    if (IsDetachedBuffer(*O.ViewedArrayBuffer)) return false;
    STEP("2");
    if (!std::isfinite(index) || std::trunc(index) != index) return false;
    STEP("3");
    if (index < 0 || (index == 0 && std::signbit(index))) return false;
    STEP("4");
    TypedArrayWithBufferWitnessRecord taRecord = MakeTypedArrayWithBufferWitnessRecord(agent, O, Order::Unordered);
    STEP("5");
    STEP("6");
    if (IsTypedArrayOutOfBounds(taRecord)) return false;
    STEP("7");
    uint64_t length = TypedArrayLength(taRecord);
    STEP("8");
    if (index >= double(length)) return false;
    STEP("9");
    return true;
}

Value TypedArrayGetElement(Agent& agent, TypedArrayObject& O, double index)
{
    SPEC_ALGORITHM("sec-typedarraygetelement");
    STEP("1");
    if (!IsValidIntegerIndex(agent, O, index)) return Value::undefined();
    STEP("2");
    uint64_t offset = O.ByteOffset;
    STEP("3");
    uint32_t elementSize = TypedArrayElementSize(O);
    STEP("4");
    uint64_t byteIndexInBuffer = uint64_t(index) * elementSize + offset;
    STEP("5");
    ElementType elementType = TypedArrayElementType(O);
    STEP("6");
    return GetValueFromBuffer(agent, *O.ViewedArrayBuffer, byteIndexInBuffer, elementType, true, Order::Unordered);
}

ThrowCompletionOr<void> TypedArraySetElement(Agent& agent, TypedArrayObject& O, double index, Value value)
{
    SPEC_ALGORITHM("sec-typedarraysetelement");
    Value numValue;
    STEP("1");
    if (O.ContentType == ContentType::BigInt) {
        numValue = Value(TRY(ToBigInt(agent, value)));
    } else {
        STEP("2");
        numValue = Value::number(TRY(ToNumber(agent, value)));
    }
    STEP("3");
    if (IsValidIntegerIndex(agent, O, index)) {
        STEP("3.a");
        uint64_t offset = O.ByteOffset;
        STEP("3.b");
        uint32_t elementSize = TypedArrayElementSize(O);
        STEP("3.c");
        uint64_t byteIndexInBuffer = uint64_t(index) * elementSize + offset;
        STEP("3.d");
        ElementType elementType = TypedArrayElementType(O);
        STEP("3.e");
        SetValueInBuffer(agent, *O.ViewedArrayBuffer, byteIndexInBuffer, elementType, numValue, true,
                         Order::Unordered);
    }
    STEP("4");
    return {};
}

bool IsArrayBufferViewOutOfBounds(Agent& agent, Object& O)
{
    SPEC_ALGORITHM("sec-isarraybufferviewoutofbounds");
    STEP("1");
    if (auto* view = dynamic_cast<DataViewObject*>(&O)) {
        STEP("1.a");
        DataViewWithBufferWitnessRecord viewRecord = MakeDataViewWithBufferWitnessRecord(agent, *view, Order::SeqCst);
        STEP("1.b");
        return IsViewOutOfBounds(viewRecord);
    }
    STEP("2");
    auto* typedArray = dynamic_cast<TypedArrayObject*>(&O);
    SPEC_ASSERT(typedArray);
    TypedArrayWithBufferWitnessRecord taRecord = MakeTypedArrayWithBufferWitnessRecord(agent, *typedArray, Order::SeqCst);
    STEP("3");
    return IsTypedArrayOutOfBounds(taRecord);
}

uint32_t TypedArrayElementSize(const TypedArrayObject& O)
{
    SPEC_ALGORITHM("sec-typedarrayelementsize");
    STEP("1");
    return element_size(O.TypedArrayName->elementType);
}

ElementType TypedArrayElementType(const TypedArrayObject& O)
{
    SPEC_ALGORITHM("sec-typedarrayelementtype");
    STEP("1");
    return O.TypedArrayName->elementType;
}

TypedArrayObject* as_typed_array(Value O)
{
    return O.is_object() ? dynamic_cast<TypedArrayObject*>(O.as_object()) : nullptr;
}

}  // namespace lockstep
