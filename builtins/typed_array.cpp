// ECMA-262 §23.2 TypedArray Objects: %TypedArray%, %TypedArray.prototype%,
// the abstract operations of §23.2.4 and the constructors of §23.2.5 (one
// behaviour for the twelve, parameterised by their row of Table "The
// TypedArray Constructors").
#include "builtins/typed_array.h"

#include <algorithm>
#include <cmath>

#include "abstract_ops/array_buffer_operations.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/array.h"
#include "builtins/builtin_helpers.h"
#include "runtime/bigint.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/string.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

Value number(double d) { return Value::number(d); }

// RequireInternalSlot ( O, [[TypedArrayName]] )
ThrowCompletionOr<TypedArrayObject*> require_typed_array(Agent& agent, Value O)
{
    TypedArrayObject* typedArray = as_typed_array(O);
    if (!typedArray) return throw_type_error(agent, "not a TypedArray");
    return typedArray;
}

// The steps "If relative = -∞, let index be 0. Else if relative < 0, let
// index be max(len + relative, 0). Else, let index be min(relative, len)."
double clamp_relative(double relative, double len)
{
    if (relative == -INFINITY) return 0;
    return resolve_relative_index(relative, len);
}

// ToIntegerOrInfinity(value), or `otherwise` when value is *undefined*
// (the "If end is undefined, let relativeEnd be len" steps).
ThrowCompletionOr<double> integer_or(Agent& agent, Value value, double otherwise)
{
    if (value.is_undefined()) return otherwise;
    return ToIntegerOrInfinity(agent, value);
}

// §23.2.1.1 %TypedArray% ( )
ThrowCompletionOr<Value> TypedArray(Agent& agent, BuiltinFunction&, Value, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%");
    STEP("1");
    return throw_type_error(agent, "%TypedArray% is abstract: use a concrete TypedArray constructor");
}

// §23.2.2.1 %TypedArray%.from ( source [ , mapper [ , thisArg ] ] )
ThrowCompletionOr<Value> TypedArray_from(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.from");
    Value source = argument(args, 0), mapper = argument(args, 1), thisArg = argument(args, 2);
    STEP("1");
    Value C = thisValue;
    STEP("2");
    if (!IsConstructor(C)) return throw_type_error(agent, "%TypedArray%.from: this is not a constructor");
    bool mapping;
    STEP("3");
    if (mapper.is_undefined()) {
        STEP("3.a");
        mapping = false;
    } else {
        STEP("4");
        STEP("4.a");
        if (!IsCallable(mapper)) return throw_type_error(agent, "%TypedArray%.from: mapper is not callable");
        STEP("4.b");
        mapping = true;
    }
    STEP("5");
    Value usingIterator = TRY(GetMethod(agent, source, agent.well_known_symbol(WellKnownSymbol::iterator)));
    STEP("6");
    if (!usingIterator.is_undefined()) {
        STEP("6.a");
        IteratorRecord iteratorRecord = TRY(GetIteratorFromMethod(agent, source, usingIterator));
        List<Value> values = TRY(IteratorToList(agent, iteratorRecord));
        STEP("6.b");
        size_t len = values.size();
        STEP("6.c");
        Value lenArgument[] = {number(double(len))};
        Root<TypedArrayObject*> targetObj = TRY(TypedArrayCreateFromConstructor(agent, *C.as_object(), lenArgument));
        STEP("6.d");
        size_t k = 0;
        STEP("6.e");
        while (k < len) {
            STEP("6.e.i");
            PropertyKey Pk = index_key(agent, double(k));
            STEP("6.e.ii");
            Value kValue = values[k];
            STEP("6.e.iii");  // the List is read in order instead of shifted
            Value mappedValue;
            STEP("6.e.iv");
            if (mapping) {
                STEP("6.e.iv.1");
                Value callArgs[] = {kValue, number(double(k))};
                mappedValue = TRY(Call(agent, mapper, thisArg, callArgs));
            } else {
                STEP("6.e.v");
                STEP("6.e.v.1");
                mappedValue = kValue;
            }
            STEP("6.e.vi");
            TRY(Set(agent, *targetObj.get(), Pk, mappedValue, true));
            STEP("6.e.vii");
            ++k;
        }
        STEP("6.f");
        STEP("6.g");
        return Value(targetObj.get());
    }
    STEP("7");
    STEP("8");
    Root<Object*> arrayLike = MUST(ToObject(agent, source));
    STEP("9");
    double len = TRY(LengthOfArrayLike(agent, *arrayLike.get()));
    STEP("10");
    Value lenArgument[] = {number(len)};
    Root<TypedArrayObject*> targetObj = TRY(TypedArrayCreateFromConstructor(agent, *C.as_object(), lenArgument));
    STEP("11");
    double k = 0;
    STEP("12");
    while (k < len) {
        STEP("12.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("12.b");
        Value kValue = TRY(Get(agent, *arrayLike.get(), Pk));
        Value mappedValue;
        STEP("12.c");
        if (mapping) {
            STEP("12.c.i");
            Value callArgs[] = {kValue, number(k)};
            mappedValue = TRY(Call(agent, mapper, thisArg, callArgs));
        } else {
            STEP("12.d");
            STEP("12.d.i");
            mappedValue = kValue;
        }
        STEP("12.e");
        TRY(Set(agent, *targetObj.get(), Pk, mappedValue, true));
        STEP("12.f");
        ++k;
    }
    STEP("13");
    return Value(targetObj.get());
}

// §23.2.2.2 %TypedArray%.of ( ...items )
ThrowCompletionOr<Value> TypedArray_of(Agent& agent, BuiltinFunction&, Value thisValue, Arguments items, Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.of");
    STEP("1");
    size_t len = items.size();
    STEP("2");
    Value C = thisValue;
    STEP("3");
    if (!IsConstructor(C)) return throw_type_error(agent, "%TypedArray%.of: this is not a constructor");
    STEP("4");
    Value lenArgument[] = {number(double(len))};
    Root<TypedArrayObject*> newObj = TRY(TypedArrayCreateFromConstructor(agent, *C.as_object(), lenArgument));
    STEP("5");
    size_t k = 0;
    STEP("6");
    while (k < len) {
        STEP("6.a");
        Value kValue = items[k];
        STEP("6.b");
        PropertyKey Pk = index_key(agent, double(k));
        STEP("6.c");
        TRY(Set(agent, *newObj.get(), Pk, kValue, true));
        STEP("6.d");
        ++k;
    }
    STEP("7");
    return Value(newObj.get());
}

// §23.2.2.4 get %TypedArray% [ %Symbol.species% ]
ThrowCompletionOr<Value> get_TypedArray_species(Agent&, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-%typedarray%-%symbol.species%");
    STEP("1");
    return thisValue;
}

// §23.2.3.1 %TypedArray%.prototype.at ( index )
ThrowCompletionOr<Value> TypedArray_prototype_at(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.at");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    double relativeIndex = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    double k;
    STEP("5");
    if (relativeIndex >= 0) {
        STEP("5.a");
        k = relativeIndex;
    } else {
        STEP("6");
        STEP("6.a");
        k = len + relativeIndex;
    }
    STEP("7");
    if (k < 0 || k >= len) return Value::undefined();
    STEP("8");
    return MUST(Get(agent, *O.as_object(), index_key(agent, k)));
}

// §23.2.3.2 get %TypedArray%.prototype.buffer
ThrowCompletionOr<Value> get_TypedArray_prototype_buffer(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                         Object*)
{
    SPEC_ALGORITHM("sec-get-%typedarray%.prototype.buffer");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayObject* typedArray = TRY(require_typed_array(agent, O));
    STEP("3");
    SPEC_ASSERT(typedArray->ViewedArrayBuffer);
    STEP("4");
    ArrayBufferObject* buffer = typedArray->ViewedArrayBuffer;
    STEP("5");
    return Value(buffer);
}

// §23.2.3.3 get %TypedArray%.prototype.byteLength
ThrowCompletionOr<Value> get_TypedArray_prototype_byteLength(Agent& agent, BuiltinFunction&, Value thisValue,
                                                             Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-%typedarray%.prototype.bytelength");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayObject* typedArray = TRY(require_typed_array(agent, O));
    STEP("3");
    SPEC_ASSERT(typedArray->ViewedArrayBuffer);
    STEP("4");
    TypedArrayWithBufferWitnessRecord taRecord = MakeTypedArrayWithBufferWitnessRecord(agent, *typedArray, Order::SeqCst);
    STEP("5");
    uint64_t size = TypedArrayByteLength(taRecord);
    STEP("6");
    return number(double(size));
}

// §23.2.3.4 get %TypedArray%.prototype.byteOffset
ThrowCompletionOr<Value> get_TypedArray_prototype_byteOffset(Agent& agent, BuiltinFunction&, Value thisValue,
                                                             Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-%typedarray%.prototype.byteoffset");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayObject* typedArray = TRY(require_typed_array(agent, O));
    STEP("3");
    SPEC_ASSERT(typedArray->ViewedArrayBuffer);
    STEP("4");
    TypedArrayWithBufferWitnessRecord taRecord = MakeTypedArrayWithBufferWitnessRecord(agent, *typedArray, Order::SeqCst);
    STEP("5");
    if (IsTypedArrayOutOfBounds(taRecord)) return number(0);
    STEP("6");
    uint64_t offset = typedArray->ByteOffset;
    STEP("7");
    return number(double(offset));
}

// §23.2.3.6 %TypedArray%.prototype.copyWithin ( target, start [ , end ] )
ThrowCompletionOr<Value> TypedArray_prototype_copyWithin(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                         Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.copywithin");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, Ovalue, Order::SeqCst));
    TypedArrayObject& O = *taRecord.Object;
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    double relativeTarget = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("5-7");
    double targetIndex = clamp_relative(relativeTarget, len);
    STEP("8");
    double relativeStart = TRY(ToIntegerOrInfinity(agent, argument(args, 1)));
    STEP("9-11");
    double startIndex = clamp_relative(relativeStart, len);
    STEP("12");
    double relativeEnd = TRY(integer_or(agent, argument(args, 2), len));
    STEP("13-15");
    double endIndex = clamp_relative(relativeEnd, len);
    STEP("16");
    double count = std::min(endIndex - startIndex, len - targetIndex);
    STEP("17");
    if (count > 0) {
        STEP("17.a");
        STEP("17.b");
        ArrayBufferObject& buffer = *O.ViewedArrayBuffer;
        STEP("17.c");
        taRecord = MakeTypedArrayWithBufferWitnessRecord(agent, O, Order::SeqCst);
        STEP("17.d");
        if (IsTypedArrayOutOfBounds(taRecord)) return throw_type_error(agent, "TypedArray is out of bounds");
        STEP("17.e");
        len = double(TypedArrayLength(taRecord));
        STEP("17.f");
        double elementSize = TypedArrayElementSize(O);
        STEP("17.g");
        double byteOffset = double(O.ByteOffset);
        STEP("17.h");
        double bufferByteLimit = len * elementSize + byteOffset;
        STEP("17.i");
        double toByteIndex = targetIndex * elementSize + byteOffset;
        STEP("17.j");
        double fromByteIndex = startIndex * elementSize + byteOffset;
        STEP("17.k");
        double countBytes = count * elementSize;
        double direction;
        STEP("17.l");
        if (fromByteIndex < toByteIndex && toByteIndex < fromByteIndex + countBytes) {
            STEP("17.l.i");
            direction = -1;
            STEP("17.l.ii");
            fromByteIndex = fromByteIndex + countBytes - 1;
            STEP("17.l.iii");
            toByteIndex = toByteIndex + countBytes - 1;
        } else {
            STEP("17.m");
            STEP("17.m.i");
            direction = 1;
        }
        STEP("17.n");
        while (countBytes > 0) {
            STEP("17.n.i");
            if (fromByteIndex < bufferByteLimit && toByteIndex < bufferByteLimit) {
                STEP("17.n.i.1");
                Value value = GetValueFromBuffer(agent, buffer, uint64_t(fromByteIndex), ElementType::Uint8, true,
                                                 Order::Unordered);
                STEP("17.n.i.2");
                SetValueInBuffer(agent, buffer, uint64_t(toByteIndex), ElementType::Uint8, value, true, Order::Unordered);
                STEP("17.n.i.3");
                fromByteIndex += direction;
                STEP("17.n.i.4");
                toByteIndex += direction;
                STEP("17.n.i.5");
                countBytes -= 1;
            } else {
                STEP("17.n.ii");
                STEP("17.n.ii.1");
                countBytes = 0;
            }
        }
    }
    STEP("18");
    return Value(&O);
}

// §23.2.3.7 %TypedArray%.prototype.entries ( ), §23.2.3.19 keys ( ), §23.2.3.35 values ( ):
// the same three steps with a different iteration kind.
ThrowCompletionOr<Value> TypedArray_prototype_entries(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.entries");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    return Value(CreateArrayIterator(agent, *O.as_object(), ArrayIterationKind::KeyValue));
}

ThrowCompletionOr<Value> TypedArray_prototype_keys(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.keys");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    return Value(CreateArrayIterator(agent, *O.as_object(), ArrayIterationKind::Key));
}

ThrowCompletionOr<Value> TypedArray_prototype_values(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.values");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    return Value(CreateArrayIterator(agent, *O.as_object(), ArrayIterationKind::Value));
}

// §23.2.3.8 %TypedArray%.prototype.every ( callback [ , thisArg ] )
ThrowCompletionOr<Value> TypedArray_prototype_every(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                    Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.every");
    Value callback = argument(args, 0), thisArg = argument(args, 1);
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    if (!IsCallable(callback)) return throw_type_error(agent, "%TypedArray%.prototype.every: callback is not callable");
    STEP("5");
    double k = 0;
    STEP("6");
    while (k < len) {
        STEP("6.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("6.b");
        Value kValue = MUST(Get(agent, *O.as_object(), Pk));
        STEP("6.c");
        Value callArgs[] = {kValue, number(k), O};
        bool testResult = ToBoolean(TRY(Call(agent, callback, thisArg, callArgs)));
        STEP("6.d");
        if (!testResult) return Value::boolean(false);
        STEP("6.e");
        ++k;
    }
    STEP("7");
    return Value::boolean(true);
}

// §23.2.3.9 %TypedArray%.prototype.fill ( value [ , start [ , end ] ] )
ThrowCompletionOr<Value> TypedArray_prototype_fill(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.fill");
    Value value = argument(args, 0);
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, Ovalue, Order::SeqCst));
    TypedArrayObject& O = *taRecord.Object;
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    if (O.ContentType == ContentType::BigInt) {
        value = Value(TRY(ToBigInt(agent, value)));
    } else {
        STEP("5");
        value = number(TRY(ToNumber(agent, value)));
    }
    Root<Value> rootedValue(value);
    STEP("6");
    double relativeStart = TRY(ToIntegerOrInfinity(agent, argument(args, 1)));
    STEP("7-9");
    double startIndex = clamp_relative(relativeStart, len);
    STEP("10");
    double relativeEnd = TRY(integer_or(agent, argument(args, 2), len));
    STEP("11-13");
    double endIndex = clamp_relative(relativeEnd, len);
    STEP("14");
    taRecord = MakeTypedArrayWithBufferWitnessRecord(agent, O, Order::SeqCst);
    STEP("15");
    if (IsTypedArrayOutOfBounds(taRecord)) return throw_type_error(agent, "TypedArray is out of bounds");
    STEP("16");
    len = double(TypedArrayLength(taRecord));
    STEP("17");
    endIndex = std::min(endIndex, len);
    STEP("18");
    double k = startIndex;
    STEP("19");
    while (k < endIndex) {
        STEP("19.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("19.b");
        MUST(Set(agent, O, Pk, value, true));
        STEP("19.c");
        ++k;
    }
    STEP("20");
    return Value(&O);
}

// §23.2.3.10 %TypedArray%.prototype.filter ( callback [ , thisArg ] )
ThrowCompletionOr<Value> TypedArray_prototype_filter(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                     Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.filter");
    Value callback = argument(args, 0), thisArg = argument(args, 1);
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    if (!IsCallable(callback)) return throw_type_error(agent, "%TypedArray%.prototype.filter: callback is not callable");
    STEP("5");
    List<Value> kept;
    STEP("6");
    double captured = 0;
    STEP("7");
    double k = 0;
    STEP("8");
    while (k < len) {
        STEP("8.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("8.b");
        Value kValue = MUST(Get(agent, *O.as_object(), Pk));
        STEP("8.c");
        Value callArgs[] = {kValue, number(k), O};
        bool selected = ToBoolean(TRY(Call(agent, callback, thisArg, callArgs)));
        STEP("8.d");
        if (selected) {
            STEP("8.d.i");
            kept.append(kValue);
            STEP("8.d.ii");
            ++captured;
        }
        STEP("8.e");
        ++k;
    }
    STEP("9");
    Value lenArgument[] = {number(captured)};
    Root<TypedArrayObject*> A = TRY(TypedArraySpeciesCreate(agent, *taRecord.Object, lenArgument));
    STEP("10");
    double n = 0;
    STEP("11");
    for (Value e : kept) {
        STEP("11.a");
        MUST(Set(agent, *A.get(), index_key(agent, n), e, true));
        STEP("11.b");
        ++n;
    }
    STEP("12");
    return Value(A.get());
}

// §23.2.3.11 %TypedArray%.prototype.find ( predicate [ , thisArg ] )
ThrowCompletionOr<Value> TypedArray_prototype_find(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.find");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    FindRecord findRec = TRY(FindViaPredicate(agent, *O.as_object(), len, FindDirection::Ascending, argument(args, 0),
                                              argument(args, 1)));
    STEP("5");
    return findRec.value;
}

// §23.2.3.12 %TypedArray%.prototype.findIndex ( predicate [ , thisArg ] )
ThrowCompletionOr<Value> TypedArray_prototype_findIndex(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.findindex");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    FindRecord findRec = TRY(FindViaPredicate(agent, *O.as_object(), len, FindDirection::Ascending, argument(args, 0),
                                              argument(args, 1)));
    STEP("5");
    return number(findRec.Index);
}

// §23.2.3.13 %TypedArray%.prototype.findLast ( predicate [ , thisArg ] )
ThrowCompletionOr<Value> TypedArray_prototype_findLast(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.findlast");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    FindRecord findRec = TRY(FindViaPredicate(agent, *O.as_object(), len, FindDirection::Descending, argument(args, 0),
                                              argument(args, 1)));
    STEP("5");
    return findRec.value;
}

// §23.2.3.14 %TypedArray%.prototype.findLastIndex ( predicate [ , thisArg ] )
ThrowCompletionOr<Value> TypedArray_prototype_findLastIndex(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.findlastindex");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    FindRecord findRec = TRY(FindViaPredicate(agent, *O.as_object(), len, FindDirection::Descending, argument(args, 0),
                                              argument(args, 1)));
    STEP("5");
    return number(findRec.Index);
}

// §23.2.3.15 %TypedArray%.prototype.forEach ( callback [ , thisArg ] )
ThrowCompletionOr<Value> TypedArray_prototype_forEach(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                      Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.foreach");
    Value callback = argument(args, 0), thisArg = argument(args, 1);
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    if (!IsCallable(callback)) return throw_type_error(agent, "%TypedArray%.prototype.forEach: callback is not callable");
    STEP("5");
    double k = 0;
    STEP("6");
    while (k < len) {
        STEP("6.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("6.b");
        Value kValue = MUST(Get(agent, *O.as_object(), Pk));
        STEP("6.c");
        Value callArgs[] = {kValue, number(k), O};
        TRY(Call(agent, callback, thisArg, callArgs));
        STEP("6.d");
        ++k;
    }
    STEP("7");
    return Value::undefined();
}

// §23.2.3.16 %TypedArray%.prototype.includes ( searchElement [ , fromIndex ] )
ThrowCompletionOr<Value> TypedArray_prototype_includes(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                       Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.includes");
    Value searchElement = argument(args, 0), fromIndex = argument(args, 1);
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    if (len == 0) return Value::boolean(false);
    STEP("5");
    double n = TRY(ToIntegerOrInfinity(agent, fromIndex));
    STEP("6");
    SPEC_ASSERT(!fromIndex.is_undefined() || n == 0);
    STEP("7");
    if (n == INFINITY) return Value::boolean(false);
    STEP("8");
    if (n == -INFINITY) n = 0;
    double k;
    STEP("9");
    if (n >= 0) {
        STEP("9.a");
        k = n;
    } else {
        STEP("10");
        STEP("10.a");
        k = len + n;
        STEP("10.b");
        if (k < 0) k = 0;
    }
    STEP("11");
    while (k < len) {
        STEP("11.a");
        Value elementK = MUST(Get(agent, *O.as_object(), index_key(agent, k)));
        STEP("11.b");
        if (SameValueZero(searchElement, elementK)) return Value::boolean(true);
        STEP("11.c");
        ++k;
    }
    STEP("12");
    return Value::boolean(false);
}

// §23.2.3.17 %TypedArray%.prototype.indexOf ( searchElement [ , fromIndex ] )
ThrowCompletionOr<Value> TypedArray_prototype_indexOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                      Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.indexof");
    Value searchElement = argument(args, 0), fromIndex = argument(args, 1);
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    if (len == 0) return number(-1);
    STEP("5");
    double n = TRY(ToIntegerOrInfinity(agent, fromIndex));
    STEP("6");
    SPEC_ASSERT(!fromIndex.is_undefined() || n == 0);
    STEP("7");
    if (n == INFINITY) return number(-1);
    STEP("8");
    if (n == -INFINITY) n = 0;
    double k;
    STEP("9");
    if (n >= 0) {
        STEP("9.a");
        k = n;
    } else {
        STEP("10");
        STEP("10.a");
        k = len + n;
        STEP("10.b");
        if (k < 0) k = 0;
    }
    STEP("11");
    while (k < len) {
        STEP("11.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("11.b");
        bool kPresent = MUST(HasProperty(agent, *O.as_object(), Pk));
        STEP("11.c");
        if (kPresent) {
            STEP("11.c.i");
            Value elementK = MUST(Get(agent, *O.as_object(), Pk));
            STEP("11.c.ii");
            if (IsStrictlyEqual(searchElement, elementK)) return number(k);
        }
        STEP("11.d");
        ++k;
    }
    STEP("12");
    return number(-1);
}

// §23.2.3.18 %TypedArray%.prototype.join ( separator )
ThrowCompletionOr<Value> TypedArray_prototype_join(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.join");
    Value separator = argument(args, 0);
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    std::u16string sep(1, u',');
    if (!separator.is_undefined()) {
        STEP("5");
        sep = TRY(ToString(agent, separator))->units();
    }
    STEP("6");
    std::u16string R;
    STEP("7");
    double k = 0;
    STEP("8");
    while (k < len) {
        STEP("8.a");
        if (k > 0) R += sep;
        STEP("8.b");
        Value element = MUST(Get(agent, *O.as_object(), index_key(agent, k)));
        STEP("8.c");
        if (!element.is_undefined()) {
            STEP("8.c.i");
            String* S = MUST(ToString(agent, element));
            STEP("8.c.ii");
            R += S->view();
        }
        STEP("8.d");
        ++k;
    }
    STEP("9");
    return Value(make_string(agent.heap, std::move(R)));
}

// §23.2.3.20 %TypedArray%.prototype.lastIndexOf ( searchElement [ , fromIndex ] )
ThrowCompletionOr<Value> TypedArray_prototype_lastIndexOf(Agent& agent, BuiltinFunction&, Value thisValue,
                                                          Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.lastindexof");
    Value searchElement = argument(args, 0);
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    if (len == 0) return number(-1);
    STEP("5");
    double n = args.size() > 1 ? TRY(ToIntegerOrInfinity(agent, args[1])) : len - 1;
    STEP("6");
    if (n == -INFINITY) return number(-1);
    double k;
    STEP("7");
    if (n >= 0) {
        STEP("7.a");
        k = std::min(n, len - 1);
    } else {
        STEP("8");
        STEP("8.a");
        k = len + n;
    }
    STEP("9");
    while (k >= 0) {
        STEP("9.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("9.b");
        bool kPresent = MUST(HasProperty(agent, *O.as_object(), Pk));
        STEP("9.c");
        if (kPresent) {
            STEP("9.c.i");
            Value elementK = MUST(Get(agent, *O.as_object(), Pk));
            STEP("9.c.ii");
            if (IsStrictlyEqual(searchElement, elementK)) return number(k);
        }
        STEP("9.d");
        --k;
    }
    STEP("10");
    return number(-1);
}

// §23.2.3.21 get %TypedArray%.prototype.length
ThrowCompletionOr<Value> get_TypedArray_prototype_length(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                         Object*)
{
    SPEC_ALGORITHM("sec-get-%typedarray%.prototype.length");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayObject* typedArray = TRY(require_typed_array(agent, O));
    STEP("3");
    SPEC_ASSERT(typedArray->ViewedArrayBuffer);
    STEP("4");
    TypedArrayWithBufferWitnessRecord taRecord = MakeTypedArrayWithBufferWitnessRecord(agent, *typedArray, Order::SeqCst);
    STEP("5");
    if (IsTypedArrayOutOfBounds(taRecord)) return number(0);
    STEP("6");
    uint64_t length = TypedArrayLength(taRecord);
    STEP("7");
    return number(double(length));
}

// §23.2.3.22 %TypedArray%.prototype.map ( callback [ , thisArg ] )
ThrowCompletionOr<Value> TypedArray_prototype_map(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.map");
    Value callback = argument(args, 0), thisArg = argument(args, 1);
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    if (!IsCallable(callback)) return throw_type_error(agent, "%TypedArray%.prototype.map: callback is not callable");
    STEP("5");
    Value lenArgument[] = {number(len)};
    Root<TypedArrayObject*> A = TRY(TypedArraySpeciesCreate(agent, *taRecord.Object, lenArgument));
    STEP("6");
    double k = 0;
    STEP("7");
    while (k < len) {
        STEP("7.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("7.b");
        Value kValue = MUST(Get(agent, *O.as_object(), Pk));
        STEP("7.c");
        Value callArgs[] = {kValue, number(k), O};
        Value mappedValue = TRY(Call(agent, callback, thisArg, callArgs));
        STEP("7.d");
        TRY(Set(agent, *A.get(), Pk, mappedValue, true));
        STEP("7.e");
        ++k;
    }
    STEP("8");
    return Value(A.get());
}

// §23.2.3.23 %TypedArray%.prototype.reduce ( callback [ , initialValue ] )
ThrowCompletionOr<Value> TypedArray_prototype_reduce(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                     Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.reduce");
    Value callback = argument(args, 0);
    bool initialValuePresent = args.size() > 1;
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    if (!IsCallable(callback)) return throw_type_error(agent, "%TypedArray%.prototype.reduce: callback is not callable");
    STEP("5");
    if (len == 0 && !initialValuePresent)
        return throw_type_error(agent, "%TypedArray%.prototype.reduce of an empty TypedArray with no initial value");
    STEP("6");
    double k = 0;
    STEP("7");
    Value accumulator = Value::undefined();
    STEP("8");
    if (initialValuePresent) {
        STEP("8.a");
        accumulator = args[1];
    } else {
        STEP("9");
        STEP("9.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("9.b");
        accumulator = MUST(Get(agent, *O.as_object(), Pk));
        STEP("9.c");
        ++k;
    }
    STEP("10");
    while (k < len) {
        STEP("10.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("10.b");
        Value kValue = MUST(Get(agent, *O.as_object(), Pk));
        STEP("10.c");
        Value callArgs[] = {accumulator, kValue, number(k), O};
        accumulator = TRY(Call(agent, callback, Value::undefined(), callArgs));
        STEP("10.d");
        ++k;
    }
    STEP("11");
    return accumulator;
}

// §23.2.3.24 %TypedArray%.prototype.reduceRight ( callback [ , initialValue ] )
ThrowCompletionOr<Value> TypedArray_prototype_reduceRight(Agent& agent, BuiltinFunction&, Value thisValue,
                                                          Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.reduceright");
    Value callback = argument(args, 0);
    bool initialValuePresent = args.size() > 1;
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    if (!IsCallable(callback))
        return throw_type_error(agent, "%TypedArray%.prototype.reduceRight: callback is not callable");
    STEP("5");
    if (len == 0 && !initialValuePresent)
        return throw_type_error(agent, "%TypedArray%.prototype.reduceRight of an empty TypedArray with no initial value");
    STEP("6");
    double k = len - 1;
    STEP("7");
    Value accumulator = Value::undefined();
    STEP("8");
    if (initialValuePresent) {
        STEP("8.a");
        accumulator = args[1];
    } else {
        STEP("9");
        STEP("9.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("9.b");
        accumulator = MUST(Get(agent, *O.as_object(), Pk));
        STEP("9.c");
        --k;
    }
    STEP("10");
    while (k >= 0) {
        STEP("10.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("10.b");
        Value kValue = MUST(Get(agent, *O.as_object(), Pk));
        STEP("10.c");
        Value callArgs[] = {accumulator, kValue, number(k), O};
        accumulator = TRY(Call(agent, callback, Value::undefined(), callArgs));
        STEP("10.d");
        --k;
    }
    STEP("11");
    return accumulator;
}

// §23.2.3.25 %TypedArray%.prototype.reverse ( )
ThrowCompletionOr<Value> TypedArray_prototype_reverse(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.reverse");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    double middle = std::floor(len / 2);
    STEP("5");
    double lower = 0;
    STEP("6");
    while (lower != middle) {
        STEP("6.a");
        double upper = len - lower - 1;
        STEP("6.b");
        PropertyKey upperP = index_key(agent, upper);
        STEP("6.c");
        PropertyKey lowerP = index_key(agent, lower);
        STEP("6.d");
        Value lowerValue = MUST(Get(agent, *O.as_object(), lowerP));
        STEP("6.e");
        Value upperValue = MUST(Get(agent, *O.as_object(), upperP));
        STEP("6.f");
        MUST(Set(agent, *O.as_object(), lowerP, upperValue, true));
        STEP("6.g");
        MUST(Set(agent, *O.as_object(), upperP, lowerValue, true));
        STEP("6.h");
        ++lower;
    }
    STEP("7");
    return O;
}

// §23.2.3.26.1 SetTypedArrayFromTypedArray ( target, targetOffset, source )
ThrowCompletionOr<void> SetTypedArrayFromTypedArray(Agent& agent, TypedArrayObject& target, double targetOffset,
                                                    TypedArrayObject& source)
{
    SPEC_ALGORITHM("sec-settypedarrayfromtypedarray");
    STEP("1");
    ArrayBufferObject* targetBuffer = target.ViewedArrayBuffer;
    STEP("2");
    TypedArrayWithBufferWitnessRecord targetRecord = MakeTypedArrayWithBufferWitnessRecord(agent, target, Order::SeqCst);
    STEP("3");
    if (IsTypedArrayOutOfBounds(targetRecord)) return throw_type_error(agent, "target TypedArray is out of bounds");
    STEP("4");
    double targetLength = double(TypedArrayLength(targetRecord));
    STEP("5");
    Root<ArrayBufferObject*> srcBuffer(source.ViewedArrayBuffer);
    STEP("6");
    TypedArrayWithBufferWitnessRecord srcRecord = MakeTypedArrayWithBufferWitnessRecord(agent, source, Order::SeqCst);
    STEP("7");
    if (IsTypedArrayOutOfBounds(srcRecord)) return throw_type_error(agent, "source TypedArray is out of bounds");
    STEP("8");
    double srcLength = double(TypedArrayLength(srcRecord));
    STEP("9");
    ElementType targetType = TypedArrayElementType(target);
    STEP("10");
    uint32_t targetElementSize = TypedArrayElementSize(target);
    STEP("11");
    uint64_t targetByteOffset = target.ByteOffset;
    STEP("12");
    ElementType srcType = TypedArrayElementType(source);
    STEP("13");
    uint32_t srcElementSize = TypedArrayElementSize(source);
    STEP("14");
    uint64_t srcByteOffset = source.ByteOffset;
    STEP("15");
    if (targetOffset == INFINITY) return throw_range_error(agent, "offset is out of range");
    STEP("16");
    if (srcLength + targetOffset > targetLength) return throw_range_error(agent, "source is too large for the target");
    STEP("17");
    if (target.ContentType != source.ContentType)
        return throw_type_error(agent, "cannot mix BigInt and Number TypedArrays");
    STEP("18");
    bool sameSharedArrayBuffer = IsSharedArrayBuffer(*srcBuffer) && IsSharedArrayBuffer(*targetBuffer) &&
                                 srcBuffer->ArrayBufferData == targetBuffer->ArrayBufferData;
    uint64_t srcByteIndex;
    STEP("19");
    if (srcBuffer.get() == targetBuffer || sameSharedArrayBuffer) {
        STEP("19.a");
        uint64_t srcByteLength = TypedArrayByteLength(srcRecord);
        STEP("19.b");
        srcBuffer = TRY(CloneArrayBuffer(agent, *srcBuffer, srcByteOffset, srcByteLength));
        STEP("19.c");
        srcByteIndex = 0;
    } else {
        STEP("20");
        STEP("20.a");
        srcByteIndex = srcByteOffset;
    }
    STEP("21");
    uint64_t targetByteIndex = uint64_t(targetOffset) * targetElementSize + targetByteOffset;
    STEP("22");
    uint64_t limit = targetByteIndex + targetElementSize * uint64_t(srcLength);
    STEP("23");
    if (srcType == targetType) {
        STEP("23.a");
        STEP("23.b");
        while (targetByteIndex < limit) {
            STEP("23.b.i");
            Value value = GetValueFromBuffer(agent, *srcBuffer, srcByteIndex, ElementType::Uint8, true, Order::Unordered);
            STEP("23.b.ii");
            SetValueInBuffer(agent, *targetBuffer, targetByteIndex, ElementType::Uint8, value, true, Order::Unordered);
            STEP("23.b.iii");
            ++srcByteIndex;
            STEP("23.b.iv");
            ++targetByteIndex;
        }
    } else {
        STEP("24");
        STEP("24.a");
        while (targetByteIndex < limit) {
            STEP("24.a.i");
            Value value = GetValueFromBuffer(agent, *srcBuffer, srcByteIndex, srcType, true, Order::Unordered);
            STEP("24.a.ii");
            SetValueInBuffer(agent, *targetBuffer, targetByteIndex, targetType, value, true, Order::Unordered);
            STEP("24.a.iii");
            srcByteIndex += srcElementSize;
            STEP("24.a.iv");
            targetByteIndex += targetElementSize;
        }
    }
    STEP("25");
    return {};
}

// §23.2.3.26.2 SetTypedArrayFromArrayLike ( target, targetOffset, source )
ThrowCompletionOr<void> SetTypedArrayFromArrayLike(Agent& agent, TypedArrayObject& target, double targetOffset,
                                                   Value source)
{
    SPEC_ALGORITHM("sec-settypedarrayfromarraylike");
    STEP("1");
    TypedArrayWithBufferWitnessRecord targetRecord = MakeTypedArrayWithBufferWitnessRecord(agent, target, Order::SeqCst);
    STEP("2");
    if (IsTypedArrayOutOfBounds(targetRecord)) return throw_type_error(agent, "target TypedArray is out of bounds");
    STEP("3");
    double targetLength = double(TypedArrayLength(targetRecord));
    STEP("4");
    Root<Object*> src = TRY(ToObject(agent, source));
    STEP("5");
    double srcLength = TRY(LengthOfArrayLike(agent, *src.get()));
    STEP("6");
    if (targetOffset == INFINITY) return throw_range_error(agent, "offset is out of range");
    STEP("7");
    if (srcLength + targetOffset > targetLength) return throw_range_error(agent, "source is too large for the target");
    STEP("8");
    double k = 0;
    STEP("9");
    while (k < srcLength) {
        STEP("9.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("9.b");
        Value value = TRY(Get(agent, *src.get(), Pk));
        STEP("9.c");
        double targetIndex = targetOffset + k;
        STEP("9.d");
        TRY(TypedArraySetElement(agent, target, targetIndex, value));
        STEP("9.e");
        ++k;
    }
    STEP("10");
    return {};
}

// §23.2.3.26 %TypedArray%.prototype.set ( source [ , offset ] )
ThrowCompletionOr<Value> TypedArray_prototype_set(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.set");
    Value source = argument(args, 0);
    STEP("1");
    Value targetValue = thisValue;
    STEP("2");
    TypedArrayObject* target = TRY(require_typed_array(agent, targetValue));
    STEP("3");
    SPEC_ASSERT(target->ViewedArrayBuffer);
    STEP("4");
    double targetOffset = TRY(ToIntegerOrInfinity(agent, argument(args, 1)));
    STEP("5");
    if (targetOffset < 0) return throw_range_error(agent, "offset must not be negative");
    STEP("6");
    if (TypedArrayObject* sourceArray = as_typed_array(source)) {
        STEP("6.a");
        TRY(SetTypedArrayFromTypedArray(agent, *target, targetOffset, *sourceArray));
    } else {
        STEP("7");
        STEP("7.a");
        TRY(SetTypedArrayFromArrayLike(agent, *target, targetOffset, source));
    }
    STEP("8");
    return Value::undefined();
}

// §23.2.3.27 %TypedArray%.prototype.slice ( start, end )
ThrowCompletionOr<Value> TypedArray_prototype_slice(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                    Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.slice");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, Ovalue, Order::SeqCst));
    TypedArrayObject& O = *taRecord.Object;
    STEP("3");
    double srcArrayLength = double(TypedArrayLength(taRecord));
    STEP("4");
    double relativeStart = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("5-7");
    double startIndex = clamp_relative(relativeStart, srcArrayLength);
    STEP("8");
    double relativeEnd = TRY(integer_or(agent, argument(args, 1), srcArrayLength));
    STEP("9-11");
    double endIndex = clamp_relative(relativeEnd, srcArrayLength);
    STEP("12");
    double countBytes = std::max(endIndex - startIndex, 0.0);
    STEP("13");
    Value lenArgument[] = {number(countBytes)};
    Root<TypedArrayObject*> A = TRY(TypedArraySpeciesCreate(agent, O, lenArgument));
    STEP("14");
    if (countBytes > 0) {
        STEP("14.a");
        taRecord = MakeTypedArrayWithBufferWitnessRecord(agent, O, Order::SeqCst);
        STEP("14.b");
        if (IsTypedArrayOutOfBounds(taRecord)) return throw_type_error(agent, "TypedArray is out of bounds");
        STEP("14.c");
        endIndex = std::min(endIndex, double(TypedArrayLength(taRecord)));
        STEP("14.d");
        countBytes = std::max(endIndex - startIndex, 0.0);
        STEP("14.e");
        ElementType srcType = TypedArrayElementType(O);
        STEP("14.f");
        ElementType targetType = TypedArrayElementType(*A.get());
        STEP("14.g");
        if (srcType == targetType) {
            STEP("14.g.i");
            STEP("14.g.ii");
            ArrayBufferObject& srcBuffer = *O.ViewedArrayBuffer;
            STEP("14.g.iii");
            ArrayBufferObject& targetBuffer = *A->ViewedArrayBuffer;
            STEP("14.g.iv");
            uint32_t elementSize = TypedArrayElementSize(O);
            STEP("14.g.v");
            uint64_t srcByteOffset = O.ByteOffset;
            STEP("14.g.vi");
            uint64_t srcByteIndex = uint64_t(startIndex) * elementSize + srcByteOffset;
            STEP("14.g.vii");
            uint64_t targetByteIndex = A->ByteOffset;
            STEP("14.g.viii");
            uint64_t endByteIndex = targetByteIndex + uint64_t(countBytes) * elementSize;
            STEP("14.g.ix");
            while (targetByteIndex < endByteIndex) {
                STEP("14.g.ix.1");
                Value value = GetValueFromBuffer(agent, srcBuffer, srcByteIndex, ElementType::Uint8, true,
                                                 Order::Unordered);
                STEP("14.g.ix.2");
                SetValueInBuffer(agent, targetBuffer, targetByteIndex, ElementType::Uint8, value, true,
                                 Order::Unordered);
                STEP("14.g.ix.3");
                ++srcByteIndex;
                STEP("14.g.ix.4");
                ++targetByteIndex;
            }
        } else {
            STEP("14.h");
            STEP("14.h.i");
            double n = 0;
            STEP("14.h.ii");
            double k = startIndex;
            STEP("14.h.iii");
            while (k < endIndex) {
                STEP("14.h.iii.1");
                PropertyKey Pk = index_key(agent, k);
                STEP("14.h.iii.2");
                Value kValue = MUST(Get(agent, O, Pk));
                STEP("14.h.iii.3");
                MUST(Set(agent, *A.get(), index_key(agent, n), kValue, true));
                STEP("14.h.iii.4");
                ++k;
                STEP("14.h.iii.5");
                ++n;
            }
        }
    }
    STEP("15");
    return Value(A.get());
}

// §23.2.3.28 %TypedArray%.prototype.some ( callback [ , thisArg ] )
ThrowCompletionOr<Value> TypedArray_prototype_some(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.some");
    Value callback = argument(args, 0), thisArg = argument(args, 1);
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    if (!IsCallable(callback)) return throw_type_error(agent, "%TypedArray%.prototype.some: callback is not callable");
    STEP("5");
    double k = 0;
    STEP("6");
    while (k < len) {
        STEP("6.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("6.b");
        Value kValue = MUST(Get(agent, *O.as_object(), Pk));
        STEP("6.c");
        Value callArgs[] = {kValue, number(k), O};
        bool testResult = ToBoolean(TRY(Call(agent, callback, thisArg, callArgs)));
        STEP("6.d");
        if (testResult) return Value::boolean(true);
        STEP("6.e");
        ++k;
    }
    STEP("7");
    return Value::boolean(false);
}

// §23.2.3.29 %TypedArray%.prototype.sort ( comparator )
ThrowCompletionOr<Value> TypedArray_prototype_sort(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.sort");
    Value comparator = argument(args, 0);
    STEP("1");
    if (!comparator.is_undefined() && !IsCallable(comparator))
        return throw_type_error(agent, "%TypedArray%.prototype.sort: comparator is not callable");
    STEP("2");
    Value obj = thisValue;
    STEP("3");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, obj, Order::SeqCst));
    STEP("4");
    double len = double(TypedArrayLength(taRecord));
    STEP("5");
    STEP("6");
    SortCompareClosure SortCompare = [comparator](Agent& a, Value x, Value y) -> ThrowCompletionOr<double> {
        STEP("6.a");
        return CompareTypedArrayElements(a, x, y, comparator);
    };
    STEP("7");
    List<Value> sortedList = TRY(SortIndexedProperties(agent, *obj.as_object(), len, SortCompare, Holes::ReadThroughHoles));
    STEP("8");
    double j = 0;
    STEP("9");
    while (j < len) {
        STEP("9.a");
        MUST(Set(agent, *obj.as_object(), index_key(agent, j), sortedList[size_t(j)], true));
        STEP("9.b");
        ++j;
    }
    STEP("10");
    return obj;
}

// §23.2.3.30 %TypedArray%.prototype.subarray ( start, end )
ThrowCompletionOr<Value> TypedArray_prototype_subarray(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                       Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.subarray");
    Value end = argument(args, 1);
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    TypedArrayObject* O = TRY(require_typed_array(agent, Ovalue));
    STEP("3");
    SPEC_ASSERT(O->ViewedArrayBuffer);
    STEP("4");
    ArrayBufferObject* buffer = O->ViewedArrayBuffer;
    STEP("5");
    TypedArrayWithBufferWitnessRecord srcRecord = MakeTypedArrayWithBufferWitnessRecord(agent, *O, Order::SeqCst);
    double srcLength;
    STEP("6");
    if (IsTypedArrayOutOfBounds(srcRecord)) {
        STEP("6.a");
        srcLength = 0;
    } else {
        STEP("7");
        STEP("7.a");
        srcLength = double(TypedArrayLength(srcRecord));
    }
    STEP("8");
    double relativeStart = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("9-11");
    double startIndex = clamp_relative(relativeStart, srcLength);
    STEP("12");
    uint32_t elementSize = TypedArrayElementSize(*O);
    STEP("13");
    double srcByteOffset = double(O->ByteOffset);
    STEP("14");
    double beginByteOffset = srcByteOffset + startIndex * elementSize;
    List<Value> argumentsList;
    STEP("15");
    if (!O->ArrayLength && end.is_undefined()) {
        STEP("15.a");
        argumentsList = List<Value>{Value(buffer), number(beginByteOffset)};
    } else {
        STEP("16");
        STEP("16.a");
        double relativeEnd = TRY(integer_or(agent, end, srcLength));
        STEP("16.b-16.d");
        double endIndex = clamp_relative(relativeEnd, srcLength);
        STEP("16.e");
        double newLength = std::max(endIndex - startIndex, 0.0);
        STEP("16.f");
        argumentsList = List<Value>{Value(buffer), number(beginByteOffset), number(newLength)};
    }
    STEP("17");
    return Value(TRY(TypedArraySpeciesCreate(agent, *O, argumentsList.items())));
}

// §23.2.3.31 %TypedArray%.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ):
// Array.prototype.toLocaleString's algorithm with TypedArrayLength for
// LengthOfArrayLike, after ValidateTypedArray.
ThrowCompletionOr<Value> TypedArray_prototype_toLocaleString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                             Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.tolocalestring");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, thisValue, Order::SeqCst));
    STEP("1");
    Object* array = taRecord.Object;
    STEP("2");
    double len = double(TypedArrayLength(taRecord));
    STEP("3");
    std::u16string separator = u",";  // as Array.prototype.toLocaleString (builtins/array.cpp)
    STEP("4");
    std::u16string R;
    STEP("5");
    double k = 0;
    STEP("6");
    while (k < len) {
        STEP("6.a");
        if (k > 0) R += separator;
        STEP("6.b");
        Value element = TRY(Get(agent, *array, index_key(agent, k)));
        STEP("6.c");
        if (!element.is_nullish()) {
            STEP("6.c.i");
            String* S = TRY(ToString(agent, TRY(Invoke(agent, element, agent.key("toLocaleString")))));
            STEP("6.c.ii");
            R += S->view();
        }
        STEP("6.d");
        ++k;
    }
    STEP("7");
    return Value(make_string(agent.heap, std::move(R)));
}

// §23.2.3.32 %TypedArray%.prototype.toReversed ( )
ThrowCompletionOr<Value> TypedArray_prototype_toReversed(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                         Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.toreversed");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("3");
    double length = double(TypedArrayLength(taRecord));
    STEP("4");
    Value lenArgument[] = {number(length)};
    Root<TypedArrayObject*> A = TRY(TypedArrayCreateSameType(agent, *taRecord.Object, lenArgument));
    STEP("5");
    double k = 0;
    STEP("6");
    while (k < length) {
        STEP("6.a");
        PropertyKey from = index_key(agent, length - k - 1);
        STEP("6.b");
        PropertyKey Pk = index_key(agent, k);
        STEP("6.c");
        Value fromValue = MUST(Get(agent, *O.as_object(), from));
        STEP("6.d");
        MUST(Set(agent, *A.get(), Pk, fromValue, true));
        STEP("6.e");
        ++k;
    }
    STEP("7");
    return Value(A.get());
}

// §23.2.3.33 %TypedArray%.prototype.toSorted ( comparator )
ThrowCompletionOr<Value> TypedArray_prototype_toSorted(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                       Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.tosorted");
    Value comparator = argument(args, 0);
    STEP("1");
    if (!comparator.is_undefined() && !IsCallable(comparator))
        return throw_type_error(agent, "%TypedArray%.prototype.toSorted: comparator is not callable");
    STEP("2");
    Value O = thisValue;
    STEP("3");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, O, Order::SeqCst));
    STEP("4");
    double len = double(TypedArrayLength(taRecord));
    STEP("5");
    Value lenArgument[] = {number(len)};
    Root<TypedArrayObject*> A = TRY(TypedArrayCreateSameType(agent, *taRecord.Object, lenArgument));
    STEP("6");
    STEP("7");
    SortCompareClosure SortCompare = [comparator](Agent& a, Value x, Value y) -> ThrowCompletionOr<double> {
        STEP("7.a");
        return CompareTypedArrayElements(a, x, y, comparator);
    };
    STEP("8");
    List<Value> sortedList = TRY(SortIndexedProperties(agent, *O.as_object(), len, SortCompare, Holes::ReadThroughHoles));
    STEP("9");
    double j = 0;
    STEP("10");
    while (j < len) {
        STEP("10.a");
        MUST(Set(agent, *A.get(), index_key(agent, j), sortedList[size_t(j)], true));
        STEP("10.b");
        ++j;
    }
    STEP("11");
    return Value(A.get());
}

// §23.2.3.36 %TypedArray%.prototype.with ( index, value )
ThrowCompletionOr<Value> TypedArray_prototype_with(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-%typedarray%.prototype.with");
    Value value = argument(args, 1);
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, Ovalue, Order::SeqCst));
    TypedArrayObject& O = *taRecord.Object;
    STEP("3");
    double len = double(TypedArrayLength(taRecord));
    STEP("4");
    double relativeIndex = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    double actualIndex;
    STEP("5");
    if (relativeIndex >= 0) {
        actualIndex = relativeIndex;
    } else {
        STEP("6");
        actualIndex = len + relativeIndex;
    }
    Value numericValue;
    STEP("7");
    if (O.ContentType == ContentType::BigInt) {
        numericValue = Value(TRY(ToBigInt(agent, value)));
    } else {
        STEP("8");
        numericValue = number(TRY(ToNumber(agent, value)));
    }
    Root<Value> rootedValue(numericValue);
    STEP("9");
    if (!IsValidIntegerIndex(agent, O, actualIndex)) return throw_range_error(agent, "index is out of range");
    STEP("10");
    Value lenArgument[] = {number(len)};
    Root<TypedArrayObject*> A = TRY(TypedArrayCreateSameType(agent, O, lenArgument));
    STEP("11");
    double k = 0;
    STEP("12");
    while (k < len) {
        STEP("12.a");
        PropertyKey Pk = index_key(agent, k);
        Value fromValue;
        STEP("12.b");
        if (k == actualIndex) {
            fromValue = numericValue;
        } else {
            STEP("12.c");
            fromValue = MUST(Get(agent, O, Pk));
        }
        STEP("12.d");
        MUST(Set(agent, *A.get(), Pk, fromValue, true));
        STEP("12.e");
        ++k;
    }
    STEP("13");
    return Value(A.get());
}

// §23.2.3.38 get %TypedArray%.prototype [ %Symbol.toStringTag% ]
ThrowCompletionOr<Value> get_TypedArray_prototype_toStringTag(Agent& agent, BuiltinFunction&, Value thisValue,
                                                              Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-%typedarray%.prototype-%symbol.tostringtag%");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    if (!O.is_object()) return Value::undefined();
    STEP("3");
    TypedArrayObject* typedArray = as_typed_array(O);
    if (!typedArray) return Value::undefined();
    STEP("4");
    const char* name = typedArray->TypedArrayName->ConstructorName;
    STEP("5");
    STEP("6");
    return Value(agent.heap.intern_ascii(name));
}

// §23.2.5.1.2 InitializeTypedArrayFromTypedArray ( O, srcArray )
ThrowCompletionOr<void> InitializeTypedArrayFromTypedArray(Agent& agent, TypedArrayObject& O, TypedArrayObject& srcArray)
{
    SPEC_ALGORITHM("sec-initializetypedarrayfromtypedarray");
    STEP("1");
    ArrayBufferObject& srcData = *srcArray.ViewedArrayBuffer;
    STEP("2");
    ElementType elementType = TypedArrayElementType(O);
    STEP("3");
    uint32_t elementSize = TypedArrayElementSize(O);
    STEP("4");
    ElementType srcType = TypedArrayElementType(srcArray);
    STEP("5");
    uint32_t srcElementSize = TypedArrayElementSize(srcArray);
    STEP("6");
    uint64_t srcByteOffset = srcArray.ByteOffset;
    STEP("7");
    TypedArrayWithBufferWitnessRecord srcRecord = MakeTypedArrayWithBufferWitnessRecord(agent, srcArray, Order::SeqCst);
    STEP("8");
    if (IsTypedArrayOutOfBounds(srcRecord)) return throw_type_error(agent, "source TypedArray is out of bounds");
    STEP("9");
    uint64_t elementLength = TypedArrayLength(srcRecord);
    STEP("10");
    uint64_t byteLength = elementSize * elementLength;
    ArrayBufferObject* data;
    STEP("11");
    if (elementType == srcType) {
        STEP("11.a");
        data = TRY(CloneArrayBuffer(agent, srcData, srcByteOffset, byteLength));
    } else {
        STEP("12");
        STEP("12.a");
        data = TRY(AllocateArrayBuffer(agent, *agent.current_realm()->intrinsic(Intrinsic::ArrayBuffer), byteLength));
        STEP("12.b");
        if (srcArray.ContentType != O.ContentType)
            return throw_type_error(agent, "cannot mix BigInt and Number TypedArrays");
        STEP("12.c");
        uint64_t srcByteIndex = srcByteOffset;
        STEP("12.d");
        uint64_t targetByteIndex = 0;
        STEP("12.e");
        uint64_t count = elementLength;
        STEP("12.f");
        while (count > 0) {
            STEP("12.f.i");
            Value value = GetValueFromBuffer(agent, srcData, srcByteIndex, srcType, true, Order::Unordered);
            STEP("12.f.ii");
            SetValueInBuffer(agent, *data, targetByteIndex, elementType, value, true, Order::Unordered);
            STEP("12.f.iii");
            srcByteIndex += srcElementSize;
            STEP("12.f.iv");
            targetByteIndex += elementSize;
            STEP("12.f.v");
            --count;
        }
    }
    STEP("13");
    O.ViewedArrayBuffer = data;
    STEP("14");
    O.ByteLength = byteLength;
    STEP("15");
    O.ByteOffset = 0;
    STEP("16");
    O.ArrayLength = elementLength;
    STEP("17");
    return {};
}

// §23.2.5.1.3 InitializeTypedArrayFromArrayBuffer ( O, buffer, byteOffset, length )
ThrowCompletionOr<void> InitializeTypedArrayFromArrayBuffer(Agent& agent, TypedArrayObject& O,
                                                            ArrayBufferObject& buffer, Value byteOffset, Value length)
{
    SPEC_ALGORITHM("sec-initializetypedarrayfromarraybuffer");
    STEP("1");
    uint32_t elementSize = TypedArrayElementSize(O);
    STEP("2");
    uint64_t offset = TRY(ToIndex(agent, byteOffset));
    STEP("3");
    if (offset % elementSize != 0)
        return throw_range_error(agent, "start offset is not a multiple of the element size");
    STEP("4");
    bool bufferIsFixedLength = IsFixedLengthArrayBuffer(buffer);
    uint64_t newLength = 0;
    STEP("5");
    if (!length.is_undefined()) {
        STEP("5.a");
        newLength = TRY(ToIndex(agent, length));
    }
    STEP("6");
    if (IsDetachedBuffer(buffer)) return throw_type_error(agent, "ArrayBuffer is detached");
    STEP("7");
    uint64_t bufferByteLength = ArrayBufferByteLength(agent, buffer, Order::SeqCst);
    STEP("8");
    if (length.is_undefined() && !bufferIsFixedLength) {
        STEP("8.a");
        if (offset > bufferByteLength) return throw_range_error(agent, "start offset is outside the buffer");
        STEP("8.b");
        O.ByteLength = std::nullopt;
        STEP("8.c");
        O.ArrayLength = std::nullopt;
    } else {
        STEP("9");
        uint64_t newByteLength;
        STEP("9.a");
        if (length.is_undefined()) {
            STEP("9.a.i");
            if (bufferByteLength % elementSize != 0)
                return throw_range_error(agent, "buffer length is not a multiple of the element size");
            STEP("9.a.ii");
            STEP("9.a.iii");
            if (bufferByteLength < offset) return throw_range_error(agent, "start offset is outside the buffer");
            newByteLength = bufferByteLength - offset;
        } else {
            STEP("9.b");
            STEP("9.b.i");
            // newLength × elementSize in exact arithmetic: newLength < 2^53 and
            // elementSize ≤ 8, so the product fits 64 bits.
            newByteLength = newLength * elementSize;
            STEP("9.b.ii");
            if (offset + newByteLength > bufferByteLength)
                return throw_range_error(agent, "length is out of the buffer's range");
        }
        STEP("9.c");
        O.ByteLength = newByteLength;
        STEP("9.d");
        O.ArrayLength = newByteLength / elementSize;
    }
    STEP("10");
    O.ViewedArrayBuffer = &buffer;
    STEP("11");
    O.ByteOffset = offset;
    STEP("12");
    return {};
}

// §23.2.5.1.6 AllocateTypedArrayBuffer ( O, length )
ThrowCompletionOr<void> AllocateTypedArrayBuffer(Agent& agent, TypedArrayObject& O, uint64_t length)
{
    SPEC_ALGORITHM("sec-allocatetypedarraybuffer");
    STEP("1");
    SPEC_ASSERT(!O.ViewedArrayBuffer);
    STEP("2");
    uint32_t elementSize = TypedArrayElementSize(O);
    STEP("3");
    // length ≤ 2^53 - 1 (ToIndex, or a List's size): the product fits 64 bits.
    uint64_t byteLength = elementSize * length;
    STEP("4");
    ArrayBufferObject* data =
        TRY(AllocateArrayBuffer(agent, *agent.current_realm()->intrinsic(Intrinsic::ArrayBuffer), byteLength));
    STEP("5");
    O.ViewedArrayBuffer = data;
    STEP("6");
    O.ByteLength = byteLength;
    STEP("7");
    O.ByteOffset = 0;
    STEP("8");
    O.ArrayLength = length;
    STEP("9");
    return {};
}

// §23.2.5.1.4 InitializeTypedArrayFromList ( O, values )
ThrowCompletionOr<void> InitializeTypedArrayFromList(Agent& agent, TypedArrayObject& O, const List<Value>& values)
{
    SPEC_ALGORITHM("sec-initializetypedarrayfromlist");
    STEP("1");
    size_t len = values.size();
    STEP("2");
    TRY(AllocateTypedArrayBuffer(agent, O, len));
    STEP("3");
    size_t k = 0;
    STEP("4");
    while (k < len) {
        STEP("4.a");
        PropertyKey Pk = index_key(agent, double(k));
        STEP("4.b");
        Value kValue = values[k];
        STEP("4.c");  // the List is read in order instead of shifted
        STEP("4.d");
        TRY(Set(agent, O, Pk, kValue, true));
        STEP("4.e");
        ++k;
    }
    STEP("5");
    STEP("6");
    return {};
}

// §23.2.5.1.5 InitializeTypedArrayFromArrayLike ( O, arrayLike )
ThrowCompletionOr<void> InitializeTypedArrayFromArrayLike(Agent& agent, TypedArrayObject& O, Object& arrayLike)
{
    SPEC_ALGORITHM("sec-initializetypedarrayfromarraylike");
    STEP("1");
    double len = TRY(LengthOfArrayLike(agent, arrayLike));
    STEP("2");
    TRY(AllocateTypedArrayBuffer(agent, O, uint64_t(len)));
    STEP("3");
    double k = 0;
    STEP("4");
    while (k < len) {
        STEP("4.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("4.b");
        Value kValue = TRY(Get(agent, arrayLike, Pk));
        STEP("4.c");
        TRY(Set(agent, O, Pk, kValue, true));
        STEP("4.d");
        ++k;
    }
    STEP("5");
    return {};
}

// §23.2.5.1 TypedArray ( ...args ), for the constructor of `row`.
ThrowCompletionOr<Value> TypedArrayConstructor(Agent& agent, const TypedArrayConstructorRow& row, Arguments args,
                                               Object* NewTarget)
{
    SPEC_ALGORITHM("sec-typedarray");
    STEP("1");
    if (!NewTarget) return throw_type_error(agent, "TypedArray constructors require 'new'");
    STEP("2");
    const TypedArrayConstructorRow& constructorName = row;
    STEP("3");
    Intrinsic proto = row.prototype;
    STEP("4");
    size_t numberOfArgs = args.size();
    STEP("5");
    if (numberOfArgs == 0) {
        STEP("5.a");
        return Value(TRY(AllocateTypedArray(agent, constructorName, *NewTarget, proto, 0)));
    }
    STEP("6");
    STEP("6.a");
    Value firstArgument = args[0];
    STEP("6.b");
    if (firstArgument.is_object()) {
        STEP("6.b.i");
        Root<TypedArrayObject*> O = TRY(AllocateTypedArray(agent, constructorName, *NewTarget, proto));
        STEP("6.b.ii");
        if (TypedArrayObject* srcArray = as_typed_array(firstArgument)) {
            STEP("6.b.ii.1");
            TRY(InitializeTypedArrayFromTypedArray(agent, *O.get(), *srcArray));
        } else if (auto* buffer = dynamic_cast<ArrayBufferObject*>(firstArgument.as_object())) {
            STEP("6.b.iii");
            STEP("6.b.iii.1");
            Value byteOffset = numberOfArgs > 1 ? args[1] : Value::undefined();
            STEP("6.b.iii.2");
            Value length = numberOfArgs > 2 ? args[2] : Value::undefined();
            STEP("6.b.iii.3");
            TRY(InitializeTypedArrayFromArrayBuffer(agent, *O.get(), *buffer, byteOffset, length));
        } else {
            STEP("6.b.iv");
            STEP("6.b.iv.1");
            STEP("6.b.iv.2");
            Value usingIterator =
                TRY(GetMethod(agent, firstArgument, agent.well_known_symbol(WellKnownSymbol::iterator)));
            STEP("6.b.iv.3");
            if (!usingIterator.is_undefined()) {
                STEP("6.b.iv.3.a");
                IteratorRecord iteratorRecord = TRY(GetIteratorFromMethod(agent, firstArgument, usingIterator));
                List<Value> values = TRY(IteratorToList(agent, iteratorRecord));
                STEP("6.b.iv.3.b");
                TRY(InitializeTypedArrayFromList(agent, *O.get(), values));
            } else {
                STEP("6.b.iv.4");
                STEP("6.b.iv.4.a");
                STEP("6.b.iv.4.b");
                TRY(InitializeTypedArrayFromArrayLike(agent, *O.get(), *firstArgument.as_object()));
            }
        }
        STEP("6.b.v");
        return Value(O.get());
    }
    STEP("6.c");
    STEP("6.c.i");
    SPEC_ASSERT(!firstArgument.is_object());
    STEP("6.c.ii");
    uint64_t elementLength = TRY(ToIndex(agent, firstArgument));
    STEP("6.c.iii");
    return Value(TRY(AllocateTypedArray(agent, constructorName, *NewTarget, proto, elementLength)));
}

}  // namespace

ThrowCompletionOr<TypedArrayObject*> TypedArraySpeciesCreate(Agent& agent, TypedArrayObject& exemplar,
                                                             std::span<const Value> argumentList)
{
    SPEC_ALGORITHM("typedarray-species-create");
    STEP("1");
    Object& defaultConstructor = *agent.current_realm()->intrinsic(exemplar.TypedArrayName->constructor);
    STEP("2");
    Object* constructor = TRY(SpeciesConstructor(agent, exemplar, defaultConstructor));
    STEP("3");
    TypedArrayObject* result = TRY(TypedArrayCreateFromConstructor(agent, *constructor, argumentList));
    STEP("4");
    SPEC_ASSERT(result->TypedArrayName);
    STEP("5");
    if (result->ContentType != exemplar.ContentType)
        return throw_type_error(agent, "species constructor made a TypedArray of the other content type");
    STEP("6");
    return result;
}

ThrowCompletionOr<TypedArrayObject*> TypedArrayCreateFromConstructor(Agent& agent, Object& constructor,
                                                                     std::span<const Value> argumentList)
{
    SPEC_ALGORITHM("sec-typedarraycreatefromconstructor");
    STEP("1");
    Object* newTypedArray = TRY(Construct(agent, constructor, argumentList));
    STEP("2");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, newTypedArray, Order::SeqCst));
    STEP("3");
    if (argumentList.size() == 1 && argumentList[0].is_number()) {
        STEP("3.a");
        if (IsTypedArrayOutOfBounds(taRecord)) return throw_type_error(agent, "TypedArray is out of bounds");
        STEP("3.b");
        uint64_t length = TypedArrayLength(taRecord);
        STEP("3.c");
        if (double(length) < argumentList[0].as_number())
            return throw_type_error(agent, "constructed TypedArray is too short");
    }
    STEP("4");
    return taRecord.Object;
}

ThrowCompletionOr<TypedArrayObject*> TypedArrayCreateSameType(Agent& agent, TypedArrayObject& exemplar,
                                                              std::span<const Value> argumentList)
{
    SPEC_ALGORITHM("sec-typedarray-create-same-type");
    STEP("1");
    Object& constructor = *agent.current_realm()->intrinsic(exemplar.TypedArrayName->constructor);
    STEP("2");
    TypedArrayObject* result = TRY(TypedArrayCreateFromConstructor(agent, constructor, argumentList));
    STEP("3");
    SPEC_ASSERT(result->TypedArrayName);
    STEP("4");
    SPEC_ASSERT(result->ContentType == exemplar.ContentType);
    STEP("5");
    return result;
}

ThrowCompletionOr<TypedArrayWithBufferWitnessRecord> ValidateTypedArray(Agent& agent, Value O, Order order)
{
    SPEC_ALGORITHM("sec-validatetypedarray");
    STEP("1");
    TypedArrayObject* typedArray = TRY(require_typed_array(agent, O));
    STEP("2");
    SPEC_ASSERT(typedArray->ViewedArrayBuffer);
    STEP("3");
    TypedArrayWithBufferWitnessRecord taRecord = MakeTypedArrayWithBufferWitnessRecord(agent, *typedArray, order);
    STEP("4");
    if (IsTypedArrayOutOfBounds(taRecord))
        return throw_type_error(agent, "TypedArray is out of bounds (or its buffer is detached)");
    STEP("5");
    return taRecord;
}

ThrowCompletionOr<double> CompareTypedArrayElements(Agent& agent, Value x, Value y, Value comparator)
{
    SPEC_ALGORITHM("sec-comparetypedarrayelements");
    STEP("1");
    SPEC_ASSERT((x.is_number() && y.is_number()) || (x.is_bigint() && y.is_bigint()));
    STEP("2");
    if (!comparator.is_undefined()) {
        STEP("2.a");
        Value callArgs[] = {x, y};
        double v = TRY(ToNumber(agent, TRY(Call(agent, comparator, Value::undefined(), callArgs))));
        STEP("2.b");
        if (std::isnan(v)) return 0.0;
        STEP("2.c");
        return v;
    }
    // Steps 3-10 for Numbers and BigInts alike: a BigInt is never NaN or -0.
    auto is_nan = [](Value v) { return v.is_number() && std::isnan(v.as_number()); };
    auto less = [](Value a, Value b) {
        return a.is_bigint() ? BigInt::lessThan(*a.as_bigint(), *b.as_bigint()) : a.as_number() < b.as_number();
    };
    auto is_zero_with_sign = [](Value v, bool negative) {
        return v.is_number() && v.as_number() == 0 && std::signbit(v.as_number()) == negative;
    };
    STEP("3");
    if (is_nan(x) && is_nan(y)) return 0.0;
    STEP("4");
    if (is_nan(x)) return 1.0;
    STEP("5");
    if (is_nan(y)) return -1.0;
    STEP("6");
    if (less(x, y)) return -1.0;
    STEP("7");
    if (less(y, x)) return 1.0;
    STEP("8");
    if (is_zero_with_sign(x, true) && is_zero_with_sign(y, false)) return -1.0;
    STEP("9");
    if (is_zero_with_sign(x, false) && is_zero_with_sign(y, true)) return 1.0;
    STEP("10");
    return 0.0;
}

ThrowCompletionOr<TypedArrayObject*> AllocateTypedArray(Agent& agent, const TypedArrayConstructorRow& constructorName,
                                                        Object& newTarget, Intrinsic defaultProto,
                                                        std::optional<uint64_t> length)
{
    SPEC_ALGORITHM("sec-allocatetypedarray");
    STEP("1");
    Object* proto = TRY(GetPrototypeFromConstructor(agent, newTarget, defaultProto));
    STEP("2");
    Root<TypedArrayObject*> obj = TypedArrayCreate(agent, proto);
    STEP("3");
    SPEC_ASSERT(!obj->ViewedArrayBuffer);
    STEP("4");
    obj->TypedArrayName = &constructorName;
    STEP("5");
    if (constructorName.elementType == ElementType::BigInt64 || constructorName.elementType == ElementType::BigUint64) {
        obj->ContentType = ContentType::BigInt;
    } else {
        STEP("6");
        obj->ContentType = ContentType::Number;
    }
    STEP("7");
    if (!length) {
        STEP("7.a");
        obj->ByteLength = 0;
        STEP("7.b");
        obj->ByteOffset = 0;
        STEP("7.c");
        obj->ArrayLength = 0;
    } else {
        STEP("8");
        STEP("8.a");
        TRY(AllocateTypedArrayBuffer(agent, *obj.get(), *length));
    }
    STEP("9");
    return obj.get();
}

void CreateTypedArrayIntrinsics(Agent& agent, Realm& realm)
{
    // §23.2.1 The %TypedArray% Intrinsic Object; §23.2.2 its properties.
    BuiltinFunction* typedArray = CreateBuiltinFunction(agent, TypedArray, 0, agent.key("TypedArray"),
                                                        {.realm = &realm, .isConstructor = true});
    // §23.2.3 Properties of the %TypedArray% Prototype Object: ordinary.
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    link_constructor_and_prototype(agent, *typedArray, *prototype);
    define_builtin_function(agent, realm, *typedArray, "from", TypedArray_from, 1);
    define_builtin_function(agent, realm, *typedArray, "of", TypedArray_of, 0);
    define_builtin_getter(agent, realm, *typedArray, agent.well_known_symbol(WellKnownSymbol::species),
                          get_TypedArray_species);

    define_builtin_getter(agent, realm, *prototype, agent.key("buffer"), get_TypedArray_prototype_buffer);
    define_builtin_getter(agent, realm, *prototype, agent.key("byteLength"), get_TypedArray_prototype_byteLength);
    define_builtin_getter(agent, realm, *prototype, agent.key("byteOffset"), get_TypedArray_prototype_byteOffset);
    define_builtin_getter(agent, realm, *prototype, agent.names.length, get_TypedArray_prototype_length);
    struct Method {
        const char* name;
        BuiltinBehaviour::result_type (*behaviour)(Agent&, BuiltinFunction&, Value, Arguments, Object*);
        double length;
    };
    static const Method methods[] = {
        {"at", TypedArray_prototype_at, 1},
        {"copyWithin", TypedArray_prototype_copyWithin, 2},
        {"entries", TypedArray_prototype_entries, 0},
        {"every", TypedArray_prototype_every, 1},
        {"fill", TypedArray_prototype_fill, 1},
        {"filter", TypedArray_prototype_filter, 1},
        {"find", TypedArray_prototype_find, 1},
        {"findIndex", TypedArray_prototype_findIndex, 1},
        {"findLast", TypedArray_prototype_findLast, 1},
        {"findLastIndex", TypedArray_prototype_findLastIndex, 1},
        {"forEach", TypedArray_prototype_forEach, 1},
        {"includes", TypedArray_prototype_includes, 1},
        {"indexOf", TypedArray_prototype_indexOf, 1},
        {"join", TypedArray_prototype_join, 1},
        {"keys", TypedArray_prototype_keys, 0},
        {"lastIndexOf", TypedArray_prototype_lastIndexOf, 1},
        {"map", TypedArray_prototype_map, 1},
        {"reduce", TypedArray_prototype_reduce, 1},
        {"reduceRight", TypedArray_prototype_reduceRight, 1},
        {"reverse", TypedArray_prototype_reverse, 0},
        {"set", TypedArray_prototype_set, 1},
        {"slice", TypedArray_prototype_slice, 2},
        {"some", TypedArray_prototype_some, 1},
        {"sort", TypedArray_prototype_sort, 1},
        {"subarray", TypedArray_prototype_subarray, 2},
        {"toLocaleString", TypedArray_prototype_toLocaleString, 0},
        {"toReversed", TypedArray_prototype_toReversed, 0},
        {"toSorted", TypedArray_prototype_toSorted, 1},
        {"with", TypedArray_prototype_with, 2},
    };
    for (const Method& method : methods)
        define_builtin_function(agent, realm, *prototype, method.name, method.behaviour, method.length);
    // §23.2.3.34 %TypedArray%.prototype.toString: the %Array.prototype.toString% function object.
    define_value_property(agent, *prototype, agent.key("toString"), realm.intrinsic(Intrinsic::ArrayPrototypeToString),
                          true, false, true);
    // §23.2.3.37 %TypedArray%.prototype [ %Symbol.iterator% ]: the values function object.
    BuiltinFunction* values = define_builtin_function(agent, realm, *prototype, "values", TypedArray_prototype_values, 0);
    define_value_property(agent, *prototype, agent.well_known_symbol(WellKnownSymbol::iterator), values, true, false,
                          true);
    define_builtin_getter(agent, realm, *prototype, agent.well_known_symbol(WellKnownSymbol::toStringTag),
                          get_TypedArray_prototype_toStringTag);
    realm.set_intrinsic(Intrinsic::TypedArray, typedArray);
    realm.set_intrinsic(Intrinsic::TypedArrayPrototype, prototype);

    // §23.2.6 The TypedArray Constructors and §23.2.7 their prototypes.
    for (const TypedArrayConstructorRow& row : kTypedArrayConstructors) {
        const TypedArrayConstructorRow* rowPointer = &row;  // static data, not a cell
        BuiltinFunction* constructor = CreateBuiltinFunction(
            agent,
            [rowPointer](Agent& a, BuiltinFunction&, Value, Arguments args, Object* NewTarget) {
                return TypedArrayConstructor(a, *rowPointer, args, NewTarget);
            },
            3, agent.key(row.ConstructorName), {.realm = &realm, .prototype = typedArray, .isConstructor = true});
        Object* concretePrototype = OrdinaryObjectCreate(agent, prototype);
        link_constructor_and_prototype(agent, *constructor, *concretePrototype);
        // §23.2.6.1 / §23.2.7.1 BYTES_PER_ELEMENT: { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }.
        Value bytesPerElement = number(element_size(row.elementType));
        define_value_property(agent, *constructor, agent.key("BYTES_PER_ELEMENT"), bytesPerElement, false, false, false);
        define_value_property(agent, *concretePrototype, agent.key("BYTES_PER_ELEMENT"), bytesPerElement, false, false,
                              false);
        realm.set_intrinsic(row.constructor, constructor);
        realm.set_intrinsic(row.prototype, concretePrototype);
    }
}

}  // namespace lockstep
