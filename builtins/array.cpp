// ECMA-262 §23.1 Array Objects.
#include "builtins/array.h"

#include <algorithm>
#include <cmath>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "runtime/array_object.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/string.h"
#include "runtime/typed_array_object.h"

namespace lockstep {

void ArrayIteratorObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(IteratedArrayLike);
}

namespace {

using Arguments = std::span<const Value>;
constexpr double kMaxSafeInteger = 9007199254740991.0;  // 2^53 - 1

Value number(double d) { return Value::number(d); }

// §23.1.1.1 Array ( ...values )
ThrowCompletionOr<Value> Array(Agent& agent, BuiltinFunction& F, Value, Arguments values, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-array");
    STEP("1");
    Object* newTarget = NewTarget ? NewTarget : &F;
    STEP("2");
    Object* proto = TRY(GetPrototypeFromConstructor(agent, *newTarget, Intrinsic::ArrayPrototype));
    STEP("3");
    size_t numberOfArgs = values.size();
    STEP("4");
    if (numberOfArgs == 0) {
        STEP("4.a");
        return Value(MUST(ArrayCreate(agent, 0, proto)));
    }
    if (numberOfArgs == 1) {
        STEP("5");
        STEP("5.a");
        Value len = values[0];
        STEP("5.b");
        Object* array = MUST(ArrayCreate(agent, 0, proto));
        double intLen;
        STEP("5.c");
        if (!len.is_number()) {
            STEP("5.c.i");
            MUST(CreateDataPropertyOrThrow(agent, *array, PropertyKey::from_array_index(0), len));
            STEP("5.c.ii");
            intLen = 1;
        } else {
            STEP("5.d");
            STEP("5.d.i");
            intLen = MUST(ToUint32(agent, len));
            STEP("5.d.ii");
            if (intLen != len.as_number()) return throw_range_error(agent, "invalid array length");
        }
        STEP("5.e");
        MUST(Set(agent, *array, agent.names.length, number(intLen), true));
        STEP("5.f");
        return Value(array);
    }
    STEP("6");
    STEP("6.a");
    SPEC_ASSERT(numberOfArgs >= 2);
    STEP("6.b");
    Object* array = TRY(ArrayCreate(agent, double(numberOfArgs), proto));
    STEP("6.c");
    size_t k = 0;
    STEP("6.d");
    while (k < numberOfArgs) {
        STEP("6.d.i");
        PropertyKey Pk = index_key(agent, double(k));
        STEP("6.d.ii");
        Value itemK = values[k];
        STEP("6.d.iii");
        MUST(CreateDataPropertyOrThrow(agent, *array, Pk, itemK));
        STEP("6.d.iv");
        ++k;
    }
    STEP("6.e");
    STEP("6.f");
    return Value(array);
}

// §23.1.2.1 Array.from ( items [ , mapper [ , thisArg ] ] )
ThrowCompletionOr<Value> Array_from(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.from");
    Value items = argument(args, 0);
    Value mapper = argument(args, 1);
    Value thisArg = argument(args, 2);
    STEP("1");
    Value C = thisValue;
    bool mapping;
    STEP("2");
    if (mapper.is_undefined()) {
        STEP("2.a");
        mapping = false;
    } else {
        STEP("3");
        STEP("3.a");
        if (!IsCallable(mapper)) return throw_type_error(agent, "Array.from: mapper is not callable");
        STEP("3.b");
        mapping = true;
    }
    STEP("4");
    Value usingIterator = TRY(GetMethod(agent, items, agent.well_known_symbol(WellKnownSymbol::iterator)));
    STEP("5");
    if (!usingIterator.is_undefined()) {
        Object* A;
        STEP("5.a");
        if (IsConstructor(C)) {
            STEP("5.a.i");
            A = TRY(Construct(agent, *C.as_object()));
        } else {
            STEP("5.b");
            STEP("5.b.i");
            A = MUST(ArrayCreate(agent, 0));
        }
        STEP("5.c");
        IteratorRecord iteratorRecord = TRY(GetIteratorFromMethod(agent, items, usingIterator));
        STEP("5.d");
        double k = 0;
        STEP("5.e");
        for (;;) {
            STEP("5.e.i");
            if (k >= kMaxSafeInteger) {
                STEP("5.e.i.1");
                ThrowCompletionOr<Value> error = throw_type_error(agent, "Array.from: too many elements");
                STEP("5.e.i.2");
                return IteratorClose(agent, iteratorRecord, error);
            }
            STEP("5.e.ii");
            PropertyKey Pk = index_key(agent, k);
            STEP("5.e.iii");
            std::optional<Value> next = TRY(IteratorStepValue(agent, iteratorRecord));
            STEP("5.e.iv");
            if (!next) {
                STEP("5.e.iv.1");
                TRY(Set(agent, *A, agent.names.length, number(k), true));
                STEP("5.e.iv.2");
                return Value(A);
            }
            Value mappedValue;
            STEP("5.e.v");
            if (mapping) {
                STEP("5.e.v.1");
                Value callArgs[] = {*next, number(k)};
                ThrowCompletionOr<Value> mapped = Call(agent, mapper, thisArg, callArgs);
                STEP("5.e.v.2");
                if (mapped.is_abrupt()) return IteratorClose(agent, iteratorRecord, mapped);
                mappedValue = mapped.value();
            } else {
                STEP("5.e.vi");
                STEP("5.e.vi.1");
                mappedValue = *next;
            }
            STEP("5.e.vii");
            ThrowCompletionOr<void> defineStatus = CreateDataPropertyOrThrow(agent, *A, Pk, mappedValue);
            STEP("5.e.viii");
            if (defineStatus.is_abrupt())
                return IteratorClose(agent, iteratorRecord, defineStatus).release_error();
            STEP("5.e.ix");
            ++k;
        }
    }
    STEP("6");
    STEP("7");
    Object* arrayLike = MUST(ToObject(agent, items));
    STEP("8");
    double len = TRY(LengthOfArrayLike(agent, *arrayLike));
    Object* A;
    STEP("9");
    if (IsConstructor(C)) {
        STEP("9.a");
        Value lenArg[] = {number(len)};
        A = TRY(Construct(agent, *C.as_object(), lenArg));
    } else {
        STEP("10");
        STEP("10.a");
        A = TRY(ArrayCreate(agent, len));
    }
    STEP("11");
    double k = 0;
    STEP("12");
    while (k < len) {
        STEP("12.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("12.b");
        Value kValue = TRY(Get(agent, *arrayLike, Pk));
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
        TRY(CreateDataPropertyOrThrow(agent, *A, Pk, mappedValue));
        STEP("12.f");
        ++k;
    }
    STEP("13");
    TRY(Set(agent, *A, agent.names.length, number(len), true));
    STEP("14");
    return Value(A);
}

// §23.1.2.2 Array.isArray ( arg )
ThrowCompletionOr<Value> Array_isArray(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.isarray");
    STEP("1");
    return Value::boolean(TRY(IsArray(agent, argument(args, 0))));
}

// §23.1.2.3 Array.of ( ...items )
ThrowCompletionOr<Value> Array_of(Agent& agent, BuiltinFunction&, Value thisValue, Arguments items, Object*)
{
    SPEC_ALGORITHM("sec-array.of");
    STEP("1");
    size_t len = items.size();
    STEP("2");
    Value lenNumber = number(double(len));
    STEP("3");
    Value C = thisValue;
    Object* A;
    STEP("4");
    if (IsConstructor(C)) {
        STEP("4.a");
        Value lenArg[] = {lenNumber};
        A = TRY(Construct(agent, *C.as_object(), lenArg));
    } else {
        STEP("5");
        STEP("5.a");
        A = TRY(ArrayCreate(agent, double(len)));
    }
    STEP("6");
    size_t k = 0;
    STEP("7");
    while (k < len) {
        STEP("7.a");
        Value kValue = items[k];
        STEP("7.b");
        PropertyKey Pk = index_key(agent, double(k));
        STEP("7.c");
        TRY(CreateDataPropertyOrThrow(agent, *A, Pk, kValue));
        STEP("7.d");
        ++k;
    }
    STEP("8");
    TRY(Set(agent, *A, agent.names.length, lenNumber, true));
    STEP("9");
    return Value(A);
}

// §23.1.2.5 get Array [ %Symbol.species% ]
ThrowCompletionOr<Value> get_Array_species(Agent&, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-array-%symbol.species%");
    STEP("1");
    return thisValue;
}

// §23.1.3.1 Array.prototype.at ( index )
ThrowCompletionOr<Value> Array_prototype_at(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.at");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    double relativeIndex = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    double k;
    STEP("4");
    if (relativeIndex >= 0) {
        STEP("4.a");
        k = relativeIndex;
    } else {
        STEP("5");
        STEP("5.a");
        k = len + relativeIndex;
    }
    STEP("6");
    if (k < 0 || k >= len) return Value::undefined();
    STEP("7");
    return TRY(Get(agent, *O, index_key(agent, k)));
}

// §23.1.3.2 Array.prototype.concat ( ...items )
ThrowCompletionOr<Value> Array_prototype_concat(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.concat");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    Object* A = TRY(ArraySpeciesCreate(agent, O, 0));
    STEP("3");
    double n = 0;
    STEP("4");
    List<Value> items;
    items.append(O);
    for (Value item : args) items.append(item);
    STEP("5");
    for (Value E : items) {
        STEP("5.a");
        bool spreadable = TRY(IsConcatSpreadable(agent, E));
        STEP("5.b");
        if (spreadable) {
            Object& EObject = *E.as_object();
            STEP("5.b.i");
            double len = TRY(LengthOfArrayLike(agent, EObject));
            STEP("5.b.ii");
            if (n + len > kMaxSafeInteger) return throw_type_error(agent, "Array.prototype.concat: result too long");
            STEP("5.b.iii");
            double k = 0;
            STEP("5.b.iv");
            while (k < len) {
                STEP("5.b.iv.1");
                PropertyKey Pk = index_key(agent, k);
                STEP("5.b.iv.2");
                bool exists = TRY(HasProperty(agent, EObject, Pk));
                STEP("5.b.iv.3");
                if (exists) {
                    STEP("5.b.iv.3.a");
                    Value subElement = TRY(Get(agent, EObject, Pk));
                    STEP("5.b.iv.3.b");
                    TRY(CreateDataPropertyOrThrow(agent, *A, index_key(agent, n), subElement));
                }
                STEP("5.b.iv.4");
                ++n;
                STEP("5.b.iv.5");
                ++k;
            }
        } else {
            STEP("5.c");
            STEP("5.c.i");
            STEP("5.c.ii");
            if (n >= kMaxSafeInteger) return throw_type_error(agent, "Array.prototype.concat: result too long");
            STEP("5.c.iii");
            TRY(CreateDataPropertyOrThrow(agent, *A, index_key(agent, n), E));
            STEP("5.c.iv");
            ++n;
        }
    }
    STEP("6");
    TRY(Set(agent, *A, agent.names.length, number(n), true));
    STEP("7");
    return Value(A);
}

// §23.1.3.4 Array.prototype.copyWithin ( target, start [ , end ] )
ThrowCompletionOr<Value> Array_prototype_copyWithin(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                    Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.copywithin");
    Value end = argument(args, 2);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    double relativeTarget = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("4");
    STEP("5");
    STEP("6");
    double to = resolve_relative_index(relativeTarget, len);
    STEP("7");
    double relativeStart = TRY(ToIntegerOrInfinity(agent, argument(args, 1)));
    STEP("8");
    STEP("9");
    STEP("10");
    double from = resolve_relative_index(relativeStart, len);
    STEP("11");
    double relativeEnd = end.is_undefined() ? len : TRY(ToIntegerOrInfinity(agent, end));
    STEP("12");
    STEP("13");
    STEP("14");
    double final_ = resolve_relative_index(relativeEnd, len);
    STEP("15");
    double count = std::min(final_ - from, len - to);
    double direction;
    STEP("16");
    if (from < to && to < from + count) {
        STEP("16.a");
        direction = -1;
        STEP("16.b");
        from = from + count - 1;
        STEP("16.c");
        to = to + count - 1;
    } else {
        STEP("17");
        STEP("17.a");
        direction = 1;
    }
    STEP("18");
    while (count > 0) {
        STEP("18.a");
        PropertyKey fromKey = index_key(agent, from);
        STEP("18.b");
        PropertyKey toKey = index_key(agent, to);
        STEP("18.c");
        bool fromPresent = TRY(HasProperty(agent, *O, fromKey));
        STEP("18.d");
        if (fromPresent) {
            STEP("18.d.i");
            Value fromValue = TRY(Get(agent, *O, fromKey));
            STEP("18.d.ii");
            TRY(Set(agent, *O, toKey, fromValue, true));
        } else {
            STEP("18.e");
            STEP("18.e.i");
            STEP("18.e.ii");
            TRY(DeletePropertyOrThrow(agent, *O, toKey));
        }
        STEP("18.f");
        from += direction;
        STEP("18.g");
        to += direction;
        STEP("18.h");
        --count;
    }
    STEP("19");
    return Value(O);
}

// §23.1.3.5 Array.prototype.entries ( )
ThrowCompletionOr<Value> Array_prototype_entries(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.entries");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    return Value(CreateArrayIterator(agent, *O, ArrayIterationKind::KeyValue));
}

// §23.1.3.6 Array.prototype.every ( callback [ , thisArg ] )
ThrowCompletionOr<Value> Array_prototype_every(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.every");
    Value callback = argument(args, 0);
    Value thisArg = argument(args, 1);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    if (!IsCallable(callback)) return throw_type_error(agent, "Array.prototype.every: callback is not callable");
    STEP("4");
    double k = 0;
    STEP("5");
    while (k < len) {
        STEP("5.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("5.b");
        bool kPresent = TRY(HasProperty(agent, *O, Pk));
        STEP("5.c");
        if (kPresent) {
            STEP("5.c.i");
            Value kValue = TRY(Get(agent, *O, Pk));
            STEP("5.c.ii");
            Value callArgs[] = {kValue, number(k), O};
            bool testResult = ToBoolean(TRY(Call(agent, callback, thisArg, callArgs)));
            STEP("5.c.iii");
            if (!testResult) return Value::boolean(false);
        }
        STEP("5.d");
        ++k;
    }
    STEP("6");
    return Value::boolean(true);
}

// §23.1.3.7 Array.prototype.fill ( value [ , start [ , end ] ] )
ThrowCompletionOr<Value> Array_prototype_fill(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.fill");
    Value value = argument(args, 0);
    Value end = argument(args, 2);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    double relativeStart = TRY(ToIntegerOrInfinity(agent, argument(args, 1)));
    STEP("4");
    STEP("5");
    STEP("6");
    double k = resolve_relative_index(relativeStart, len);
    STEP("7");
    double relativeEnd = end.is_undefined() ? len : TRY(ToIntegerOrInfinity(agent, end));
    STEP("8");
    STEP("9");
    STEP("10");
    double final_ = resolve_relative_index(relativeEnd, len);
    STEP("11");
    while (k < final_) {
        STEP("11.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("11.b");
        TRY(Set(agent, *O, Pk, value, true));
        STEP("11.c");
        ++k;
    }
    STEP("12");
    return Value(O);
}

// §23.1.3.8 Array.prototype.filter ( callback [ , thisArg ] )
ThrowCompletionOr<Value> Array_prototype_filter(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.filter");
    Value callback = argument(args, 0);
    Value thisArg = argument(args, 1);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    if (!IsCallable(callback)) return throw_type_error(agent, "Array.prototype.filter: callback is not callable");
    STEP("4");
    Object* A = TRY(ArraySpeciesCreate(agent, O, 0));
    STEP("5");
    double k = 0;
    STEP("6");
    double to = 0;
    STEP("7");
    while (k < len) {
        STEP("7.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("7.b");
        bool kPresent = TRY(HasProperty(agent, *O, Pk));
        STEP("7.c");
        if (kPresent) {
            STEP("7.c.i");
            Value kValue = TRY(Get(agent, *O, Pk));
            STEP("7.c.ii");
            Value callArgs[] = {kValue, number(k), O};
            bool selected = ToBoolean(TRY(Call(agent, callback, thisArg, callArgs)));
            STEP("7.c.iii");
            if (selected) {
                STEP("7.c.iii.1");
                TRY(CreateDataPropertyOrThrow(agent, *A, index_key(agent, to), kValue));
                STEP("7.c.iii.2");
                ++to;
            }
        }
        STEP("7.d");
        ++k;
    }
    STEP("8");
    return Value(A);
}

// §23.1.3.9 Array.prototype.find ( predicate [ , thisArg ] )
ThrowCompletionOr<Value> Array_prototype_find(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.find");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    FindRecord findRec =
        TRY(FindViaPredicate(agent, *O, len, FindDirection::Ascending, argument(args, 0), argument(args, 1)));
    STEP("4");
    return findRec.value;
}

// §23.1.3.10 Array.prototype.findIndex ( predicate [ , thisArg ] )
ThrowCompletionOr<Value> Array_prototype_findIndex(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.findindex");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    FindRecord findRec =
        TRY(FindViaPredicate(agent, *O, len, FindDirection::Ascending, argument(args, 0), argument(args, 1)));
    STEP("4");
    return number(findRec.Index);
}

// §23.1.3.11 Array.prototype.findLast ( predicate [ , thisArg ] )
ThrowCompletionOr<Value> Array_prototype_findLast(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                  Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.findlast");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    FindRecord findRec =
        TRY(FindViaPredicate(agent, *O, len, FindDirection::Descending, argument(args, 0), argument(args, 1)));
    STEP("4");
    return findRec.value;
}

// §23.1.3.12 Array.prototype.findLastIndex ( predicate [ , thisArg ] )
ThrowCompletionOr<Value> Array_prototype_findLastIndex(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                       Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.findlastindex");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    FindRecord findRec =
        TRY(FindViaPredicate(agent, *O, len, FindDirection::Descending, argument(args, 0), argument(args, 1)));
    STEP("4");
    return number(findRec.Index);
}

// §23.1.3.13 Array.prototype.flat ( [ depth ] )
ThrowCompletionOr<Value> Array_prototype_flat(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.flat");
    Value depth = argument(args, 0);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double sourceLen = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    double depthNum = 1;
    STEP("4");
    if (!depth.is_undefined()) {
        STEP("4.a");
        depthNum = TRY(ToIntegerOrInfinity(agent, depth));
        STEP("4.b");
        if (depthNum < 0) depthNum = 0;
    }
    STEP("5");
    Object* A = TRY(ArraySpeciesCreate(agent, O, 0));
    STEP("6");
    TRY(FlattenIntoArray(agent, *A, *O, sourceLen, 0, depthNum));
    STEP("7");
    return Value(A);
}

// §23.1.3.14 Array.prototype.flatMap ( mapperFunction [ , thisArg ] )
ThrowCompletionOr<Value> Array_prototype_flatMap(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.flatmap");
    Value mapperFunction = argument(args, 0);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double sourceLen = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    if (!IsCallable(mapperFunction)) return throw_type_error(agent, "Array.prototype.flatMap: mapper is not callable");
    STEP("4");
    Object* A = TRY(ArraySpeciesCreate(agent, O, 0));
    STEP("5");
    TRY(FlattenIntoArray(agent, *A, *O, sourceLen, 0, 1, mapperFunction, argument(args, 1)));
    STEP("6");
    return Value(A);
}

// §23.1.3.15 Array.prototype.forEach ( callback [ , thisArg ] )
ThrowCompletionOr<Value> Array_prototype_forEach(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.foreach");
    Value callback = argument(args, 0);
    Value thisArg = argument(args, 1);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    if (!IsCallable(callback)) return throw_type_error(agent, "Array.prototype.forEach: callback is not callable");
    STEP("4");
    double k = 0;
    STEP("5");
    while (k < len) {
        STEP("5.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("5.b");
        bool kPresent = TRY(HasProperty(agent, *O, Pk));
        STEP("5.c");
        if (kPresent) {
            STEP("5.c.i");
            Value kValue = TRY(Get(agent, *O, Pk));
            STEP("5.c.ii");
            Value callArgs[] = {kValue, number(k), O};
            TRY(Call(agent, callback, thisArg, callArgs));
        }
        STEP("5.d");
        ++k;
    }
    STEP("6");
    return Value::undefined();
}

// §23.1.3.16 Array.prototype.includes ( searchElement [ , fromIndex ] )
ThrowCompletionOr<Value> Array_prototype_includes(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                  Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.includes");
    Value searchElement = argument(args, 0);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    if (len == 0) return Value::boolean(false);
    STEP("4");
    double n = TRY(ToIntegerOrInfinity(agent, argument(args, 1)));
    STEP("5");
    SPEC_ASSERT(!argument(args, 1).is_undefined() || n == 0);
    STEP("6");
    if (n == INFINITY) return Value::boolean(false);
    STEP("7");
    if (n == -INFINITY) n = 0;
    double k;
    STEP("8");
    if (n >= 0) {
        STEP("8.a");
        k = n;
    } else {
        STEP("9");
        STEP("9.a");
        k = len + n;
        STEP("9.b");
        if (k < 0) k = 0;
    }
    STEP("10");
    while (k < len) {
        STEP("10.a");
        Value elementK = TRY(Get(agent, *O, index_key(agent, k)));
        STEP("10.b");
        if (SameValueZero(searchElement, elementK)) return Value::boolean(true);
        STEP("10.c");
        ++k;
    }
    STEP("11");
    return Value::boolean(false);
}

// §23.1.3.17 Array.prototype.indexOf ( searchElement [ , fromIndex ] )
ThrowCompletionOr<Value> Array_prototype_indexOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.indexof");
    Value searchElement = argument(args, 0);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    if (len == 0) return number(-1);
    STEP("4");
    double n = TRY(ToIntegerOrInfinity(agent, argument(args, 1)));
    STEP("5");
    SPEC_ASSERT(!argument(args, 1).is_undefined() || n == 0);
    STEP("6");
    if (n == INFINITY) return number(-1);
    STEP("7");
    if (n == -INFINITY) n = 0;
    double k;
    STEP("8");
    if (n >= 0) {
        STEP("8.a");
        k = n;
    } else {
        STEP("9");
        STEP("9.a");
        k = len + n;
        STEP("9.b");
        if (k < 0) k = 0;
    }
    STEP("10");
    while (k < len) {
        STEP("10.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("10.b");
        bool kPresent = TRY(HasProperty(agent, *O, Pk));
        STEP("10.c");
        if (kPresent) {
            STEP("10.c.i");
            Value elementK = TRY(Get(agent, *O, Pk));
            STEP("10.c.ii");
            if (IsStrictlyEqual(searchElement, elementK)) return number(k);
        }
        STEP("10.d");
        ++k;
    }
    STEP("11");
    return number(-1);
}

// §23.1.3.18 Array.prototype.join ( separator )
ThrowCompletionOr<Value> Array_prototype_join(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.join");
    Value separator = argument(args, 0);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    String* sep;
    STEP("3");
    if (separator.is_undefined()) {
        sep = agent.heap.intern_ascii(",");
    } else {
        STEP("4");
        sep = TRY(ToString(agent, separator));
    }
    STEP("5");
    std::u16string R;
    STEP("6");
    double k = 0;
    STEP("7");
    while (k < len) {
        STEP("7.a");
        if (k > 0) R += sep->view();
        STEP("7.b");
        Value element = TRY(Get(agent, *O, index_key(agent, k)));
        STEP("7.c");
        if (!element.is_nullish()) {
            STEP("7.c.i");
            String* S = TRY(ToString(agent, element));
            STEP("7.c.ii");
            R += S->view();
        }
        STEP("7.d");
        ++k;
    }
    STEP("8");
    return Value(make_string(agent.heap, std::move(R)));
}

// §23.1.3.19 Array.prototype.keys ( )
ThrowCompletionOr<Value> Array_prototype_keys(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.keys");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    return Value(CreateArrayIterator(agent, *O, ArrayIterationKind::Key));
}

// §23.1.3.20 Array.prototype.lastIndexOf ( searchElement [ , fromIndex ] )
ThrowCompletionOr<Value> Array_prototype_lastIndexOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                     Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.lastindexof");
    Value searchElement = argument(args, 0);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    if (len == 0) return number(-1);
    STEP("4");
    double n = args.size() > 1 ? TRY(ToIntegerOrInfinity(agent, args[1])) : len - 1;
    STEP("5");
    if (n == -INFINITY) return number(-1);
    double k;
    STEP("6");
    if (n >= 0) {
        STEP("6.a");
        k = std::min(n, len - 1);
    } else {
        STEP("7");
        STEP("7.a");
        k = len + n;
    }
    STEP("8");
    while (k >= 0) {
        STEP("8.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("8.b");
        bool kPresent = TRY(HasProperty(agent, *O, Pk));
        STEP("8.c");
        if (kPresent) {
            STEP("8.c.i");
            Value elementK = TRY(Get(agent, *O, Pk));
            STEP("8.c.ii");
            if (IsStrictlyEqual(searchElement, elementK)) return number(k);
        }
        STEP("8.d");
        --k;
    }
    STEP("9");
    return number(-1);
}

// §23.1.3.21 Array.prototype.map ( callback [ , thisArg ] )
ThrowCompletionOr<Value> Array_prototype_map(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.map");
    Value callback = argument(args, 0);
    Value thisArg = argument(args, 1);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    if (!IsCallable(callback)) return throw_type_error(agent, "Array.prototype.map: callback is not callable");
    STEP("4");
    Object* A = TRY(ArraySpeciesCreate(agent, O, len));
    STEP("5");
    double k = 0;
    STEP("6");
    while (k < len) {
        STEP("6.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("6.b");
        bool kPresent = TRY(HasProperty(agent, *O, Pk));
        STEP("6.c");
        if (kPresent) {
            STEP("6.c.i");
            Value kValue = TRY(Get(agent, *O, Pk));
            STEP("6.c.ii");
            Value callArgs[] = {kValue, number(k), O};
            Value mappedValue = TRY(Call(agent, callback, thisArg, callArgs));
            STEP("6.c.iii");
            TRY(CreateDataPropertyOrThrow(agent, *A, Pk, mappedValue));
        }
        STEP("6.d");
        ++k;
    }
    STEP("7");
    return Value(A);
}

// §23.1.3.22 Array.prototype.pop ( )
ThrowCompletionOr<Value> Array_prototype_pop(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.pop");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    if (len == 0) {
        STEP("3.a");
        TRY(Set(agent, *O, agent.names.length, number(0), true));
        STEP("3.b");
        return Value::undefined();
    }
    STEP("4");
    STEP("4.a");
    SPEC_ASSERT(len > 0);
    STEP("4.b");
    double newLen = len - 1;
    STEP("4.c");
    PropertyKey index = index_key(agent, newLen);
    STEP("4.d");
    Value element = TRY(Get(agent, *O, index));
    STEP("4.e");
    TRY(DeletePropertyOrThrow(agent, *O, index));
    STEP("4.f");
    TRY(Set(agent, *O, agent.names.length, number(newLen), true));
    STEP("4.g");
    return element;
}

// §23.1.3.23 Array.prototype.push ( ...items )
ThrowCompletionOr<Value> Array_prototype_push(Agent& agent, BuiltinFunction&, Value thisValue, Arguments items, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.push");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    double argCount = double(items.size());
    STEP("4");
    if (len + argCount > kMaxSafeInteger) return throw_type_error(agent, "Array.prototype.push: length exceeds 2^53 - 1");
    STEP("5");
    for (Value E : items) {
        STEP("5.a");
        TRY(Set(agent, *O, index_key(agent, len), E, true));
        STEP("5.b");
        ++len;
    }
    STEP("6");
    TRY(Set(agent, *O, agent.names.length, number(len), true));
    STEP("7");
    return number(len);
}

// §23.1.3.24 Array.prototype.reduce ( callback [ , initialValue ] )
ThrowCompletionOr<Value> Array_prototype_reduce(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.reduce");
    Value callback = argument(args, 0);
    bool initialValuePresent = args.size() > 1;
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    if (!IsCallable(callback)) return throw_type_error(agent, "Array.prototype.reduce: callback is not callable");
    STEP("4");
    if (len == 0 && !initialValuePresent)
        return throw_type_error(agent, "Array.prototype.reduce of an empty array with no initial value");
    STEP("5");
    double k = 0;
    STEP("6");
    Value accumulator = Value::undefined();
    STEP("7");
    if (initialValuePresent) {
        STEP("7.a");
        accumulator = args[1];
    } else {
        STEP("8");
        STEP("8.a");
        bool kPresent = false;
        STEP("8.b");
        while (!kPresent && k < len) {
            STEP("8.b.i");
            PropertyKey Pk = index_key(agent, k);
            STEP("8.b.ii");
            kPresent = TRY(HasProperty(agent, *O, Pk));
            STEP("8.b.iii");
            if (kPresent) {
                STEP("8.b.iii.1");
                accumulator = TRY(Get(agent, *O, Pk));
            }
            STEP("8.b.iv");
            ++k;
        }
        STEP("8.c");
        if (!kPresent) return throw_type_error(agent, "Array.prototype.reduce of an array of holes with no initial value");
    }
    STEP("9");
    while (k < len) {
        STEP("9.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("9.b");
        bool kPresent = TRY(HasProperty(agent, *O, Pk));
        STEP("9.c");
        if (kPresent) {
            STEP("9.c.i");
            Value kValue = TRY(Get(agent, *O, Pk));
            STEP("9.c.ii");
            Value callArgs[] = {accumulator, kValue, number(k), O};
            accumulator = TRY(Call(agent, callback, Value::undefined(), callArgs));
        }
        STEP("9.d");
        ++k;
    }
    STEP("10");
    return accumulator;
}

// §23.1.3.25 Array.prototype.reduceRight ( callback [ , initialValue ] )
ThrowCompletionOr<Value> Array_prototype_reduceRight(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                     Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.reduceright");
    Value callback = argument(args, 0);
    bool initialValuePresent = args.size() > 1;
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    if (!IsCallable(callback)) return throw_type_error(agent, "Array.prototype.reduceRight: callback is not callable");
    STEP("4");
    if (len == 0 && !initialValuePresent)
        return throw_type_error(agent, "Array.prototype.reduceRight of an empty array with no initial value");
    STEP("5");
    double k = len - 1;
    STEP("6");
    Value accumulator = Value::undefined();
    STEP("7");
    if (initialValuePresent) {
        STEP("7.a");
        accumulator = args[1];
    } else {
        STEP("8");
        STEP("8.a");
        bool kPresent = false;
        STEP("8.b");
        while (!kPresent && k >= 0) {
            STEP("8.b.i");
            PropertyKey Pk = index_key(agent, k);
            STEP("8.b.ii");
            kPresent = TRY(HasProperty(agent, *O, Pk));
            STEP("8.b.iii");
            if (kPresent) {
                STEP("8.b.iii.1");
                accumulator = TRY(Get(agent, *O, Pk));
            }
            STEP("8.b.iv");
            --k;
        }
        STEP("8.c");
        if (!kPresent)
            return throw_type_error(agent, "Array.prototype.reduceRight of an array of holes with no initial value");
    }
    STEP("9");
    while (k >= 0) {
        STEP("9.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("9.b");
        bool kPresent = TRY(HasProperty(agent, *O, Pk));
        STEP("9.c");
        if (kPresent) {
            STEP("9.c.i");
            Value kValue = TRY(Get(agent, *O, Pk));
            STEP("9.c.ii");
            Value callArgs[] = {accumulator, kValue, number(k), O};
            accumulator = TRY(Call(agent, callback, Value::undefined(), callArgs));
        }
        STEP("9.d");
        --k;
    }
    STEP("10");
    return accumulator;
}

// §23.1.3.26 Array.prototype.reverse ( )
ThrowCompletionOr<Value> Array_prototype_reverse(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.reverse");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    double middle = std::floor(len / 2);
    STEP("4");
    double lower = 0;
    STEP("5");
    while (lower != middle) {
        STEP("5.a");
        double upper = len - lower - 1;
        STEP("5.b");
        PropertyKey upperP = index_key(agent, upper);
        STEP("5.c");
        PropertyKey lowerP = index_key(agent, lower);
        STEP("5.d");
        bool lowerExists = TRY(HasProperty(agent, *O, lowerP));
        Value lowerValue, upperValue;
        STEP("5.e");
        if (lowerExists) {
            STEP("5.e.i");
            lowerValue = TRY(Get(agent, *O, lowerP));
        }
        STEP("5.f");
        bool upperExists = TRY(HasProperty(agent, *O, upperP));
        STEP("5.g");
        if (upperExists) {
            STEP("5.g.i");
            upperValue = TRY(Get(agent, *O, upperP));
        }
        STEP("5.h");
        if (lowerExists && upperExists) {
            STEP("5.h.i");
            TRY(Set(agent, *O, lowerP, upperValue, true));
            STEP("5.h.ii");
            TRY(Set(agent, *O, upperP, lowerValue, true));
        } else if (!lowerExists && upperExists) {
            STEP("5.i");
            STEP("5.i.i");
            TRY(Set(agent, *O, lowerP, upperValue, true));
            STEP("5.i.ii");
            TRY(DeletePropertyOrThrow(agent, *O, upperP));
        } else if (lowerExists && !upperExists) {
            STEP("5.j");
            STEP("5.j.i");
            TRY(DeletePropertyOrThrow(agent, *O, lowerP));
            STEP("5.j.ii");
            TRY(Set(agent, *O, upperP, lowerValue, true));
        } else {
            STEP("5.k");
            STEP("5.k.i");
            STEP("5.k.ii");
        }
        STEP("5.l");
        ++lower;
    }
    STEP("6");
    return Value(O);
}

// §23.1.3.27 Array.prototype.shift ( )
ThrowCompletionOr<Value> Array_prototype_shift(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.shift");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    if (len == 0) {
        STEP("3.a");
        TRY(Set(agent, *O, agent.names.length, number(0), true));
        STEP("3.b");
        return Value::undefined();
    }
    STEP("4");
    Value first = TRY(Get(agent, *O, PropertyKey::from_array_index(0)));
    STEP("5");
    double k = 1;
    STEP("6");
    while (k < len) {
        STEP("6.a");
        PropertyKey from = index_key(agent, k);
        STEP("6.b");
        PropertyKey to = index_key(agent, k - 1);
        STEP("6.c");
        bool fromPresent = TRY(HasProperty(agent, *O, from));
        STEP("6.d");
        if (fromPresent) {
            STEP("6.d.i");
            Value fromValue = TRY(Get(agent, *O, from));
            STEP("6.d.ii");
            TRY(Set(agent, *O, to, fromValue, true));
        } else {
            STEP("6.e");
            STEP("6.e.i");
            STEP("6.e.ii");
            TRY(DeletePropertyOrThrow(agent, *O, to));
        }
        STEP("6.f");
        ++k;
    }
    STEP("7");
    TRY(DeletePropertyOrThrow(agent, *O, index_key(agent, len - 1)));
    STEP("8");
    TRY(Set(agent, *O, agent.names.length, number(len - 1), true));
    STEP("9");
    return first;
}

// §23.1.3.28 Array.prototype.slice ( start, end )
ThrowCompletionOr<Value> Array_prototype_slice(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.slice");
    Value end = argument(args, 1);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    double relativeStart = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("4");
    STEP("5");
    STEP("6");
    double k = resolve_relative_index(relativeStart, len);
    STEP("7");
    double relativeEnd = end.is_undefined() ? len : TRY(ToIntegerOrInfinity(agent, end));
    STEP("8");
    STEP("9");
    STEP("10");
    double final_ = resolve_relative_index(relativeEnd, len);
    STEP("11");
    double count = std::max(final_ - k, 0.0);
    STEP("12");
    Object* A = TRY(ArraySpeciesCreate(agent, O, count));
    STEP("13");
    double n = 0;
    STEP("14");
    while (k < final_) {
        STEP("14.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("14.b");
        bool kPresent = TRY(HasProperty(agent, *O, Pk));
        STEP("14.c");
        if (kPresent) {
            STEP("14.c.i");
            Value kValue = TRY(Get(agent, *O, Pk));
            STEP("14.c.ii");
            TRY(CreateDataPropertyOrThrow(agent, *A, index_key(agent, n), kValue));
        }
        STEP("14.d");
        ++k;
        STEP("14.e");
        ++n;
    }
    STEP("15");
    TRY(Set(agent, *A, agent.names.length, number(n), true));
    STEP("16");
    return Value(A);
}

// §23.1.3.29 Array.prototype.some ( callback [ , thisArg ] )
ThrowCompletionOr<Value> Array_prototype_some(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.some");
    Value callback = argument(args, 0);
    Value thisArg = argument(args, 1);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    if (!IsCallable(callback)) return throw_type_error(agent, "Array.prototype.some: callback is not callable");
    STEP("4");
    double k = 0;
    STEP("5");
    while (k < len) {
        STEP("5.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("5.b");
        bool kPresent = TRY(HasProperty(agent, *O, Pk));
        STEP("5.c");
        if (kPresent) {
            STEP("5.c.i");
            Value kValue = TRY(Get(agent, *O, Pk));
            STEP("5.c.ii");
            Value callArgs[] = {kValue, number(k), O};
            bool testResult = ToBoolean(TRY(Call(agent, callback, thisArg, callArgs)));
            STEP("5.c.iii");
            if (testResult) return Value::boolean(true);
        }
        STEP("5.d");
        ++k;
    }
    STEP("6");
    return Value::boolean(false);
}

// §23.1.3.30 Array.prototype.sort ( comparator )
ThrowCompletionOr<Value> Array_prototype_sort(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.sort");
    Value comparator = argument(args, 0);
    STEP("1");
    if (!comparator.is_undefined() && !IsCallable(comparator))
        return throw_type_error(agent, "Array.prototype.sort: comparator is not callable");
    STEP("2");
    Object* obj = TRY(ToObject(agent, thisValue));
    STEP("3");
    double len = TRY(LengthOfArrayLike(agent, *obj));
    STEP("4");
    // The closure captures comparator, a Value kept alive by this frame.
    SortStringCache cache;
    SortCompareClosure SortCompare = [comparator, &cache](Agent& a, Value x, Value y) -> ThrowCompletionOr<double> {
        STEP("4.a");
        return TRY(CompareArrayElements(a, x, y, comparator, &cache));
    };
    STEP("5");
    List<Value> sortedList = TRY(SortIndexedProperties(agent, *obj, len, SortCompare, Holes::SkipHoles));
    STEP("6");
    double itemCount = double(sortedList.size());
    STEP("7");
    double j = 0;
    STEP("8");
    while (j < itemCount) {
        STEP("8.a");
        TRY(Set(agent, *obj, index_key(agent, j), sortedList[size_t(j)], true));
        STEP("8.b");
        ++j;
    }
    STEP("9");
    STEP("10");
    while (j < len) {
        STEP("10.a");
        TRY(DeletePropertyOrThrow(agent, *obj, index_key(agent, j)));
        STEP("10.b");
        ++j;
    }
    STEP("11");
    return Value(obj);
}

// §23.1.3.31 Array.prototype.splice ( start, deleteCount, ...items )
ThrowCompletionOr<Value> Array_prototype_splice(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.splice");
    Arguments items = args.size() > 2 ? args.subspan(2) : Arguments();
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    double relativeStart = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("4");
    STEP("5");
    STEP("6");
    double actualStart = resolve_relative_index(relativeStart, len);
    STEP("7");
    double itemCount = double(items.size());
    double actualDeleteCount;
    STEP("8");
    if (args.empty()) {
        STEP("8.a");
        actualDeleteCount = 0;
    } else if (args.size() == 1) {
        STEP("9");
        STEP("9.a");
        actualDeleteCount = len - actualStart;
    } else {
        STEP("10");
        STEP("10.a");
        double dc = TRY(ToIntegerOrInfinity(agent, args[1]));
        STEP("10.b");
        actualDeleteCount = std::clamp(dc, 0.0, len - actualStart);
    }
    STEP("11");
    if (len + itemCount - actualDeleteCount > kMaxSafeInteger)
        return throw_type_error(agent, "Array.prototype.splice: length exceeds 2^53 - 1");
    STEP("12");
    Object* A = TRY(ArraySpeciesCreate(agent, O, actualDeleteCount));
    STEP("13");
    double k = 0;
    STEP("14");
    while (k < actualDeleteCount) {
        STEP("14.a");
        PropertyKey from = index_key(agent, actualStart + k);
        STEP("14.b");
        if (TRY(HasProperty(agent, *O, from))) {
            STEP("14.b.i");
            Value fromValue = TRY(Get(agent, *O, from));
            STEP("14.b.ii");
            TRY(CreateDataPropertyOrThrow(agent, *A, index_key(agent, k), fromValue));
        }
        STEP("14.c");
        ++k;
    }
    STEP("15");
    TRY(Set(agent, *A, agent.names.length, number(actualDeleteCount), true));
    STEP("16");
    if (itemCount < actualDeleteCount) {
        STEP("16.a");
        k = actualStart;
        STEP("16.b");
        while (k < len - actualDeleteCount) {
            STEP("16.b.i");
            PropertyKey from = index_key(agent, k + actualDeleteCount);
            STEP("16.b.ii");
            PropertyKey to = index_key(agent, k + itemCount);
            STEP("16.b.iii");
            if (TRY(HasProperty(agent, *O, from))) {
                STEP("16.b.iii.1");
                Value fromValue = TRY(Get(agent, *O, from));
                STEP("16.b.iii.2");
                TRY(Set(agent, *O, to, fromValue, true));
            } else {
                STEP("16.b.iv");
                STEP("16.b.iv.1");
                TRY(DeletePropertyOrThrow(agent, *O, to));
            }
            STEP("16.b.v");
            ++k;
        }
        STEP("16.c");
        k = len;
        STEP("16.d");
        while (k > len - actualDeleteCount + itemCount) {
            STEP("16.d.i");
            TRY(DeletePropertyOrThrow(agent, *O, index_key(agent, k - 1)));
            STEP("16.d.ii");
            --k;
        }
    } else if (itemCount > actualDeleteCount) {
        STEP("17");
        STEP("17.a");
        k = len - actualDeleteCount;
        STEP("17.b");
        while (k > actualStart) {
            STEP("17.b.i");
            PropertyKey from = index_key(agent, k + actualDeleteCount - 1);
            STEP("17.b.ii");
            PropertyKey to = index_key(agent, k + itemCount - 1);
            STEP("17.b.iii");
            if (TRY(HasProperty(agent, *O, from))) {
                STEP("17.b.iii.1");
                Value fromValue = TRY(Get(agent, *O, from));
                STEP("17.b.iii.2");
                TRY(Set(agent, *O, to, fromValue, true));
            } else {
                STEP("17.b.iv");
                STEP("17.b.iv.1");
                TRY(DeletePropertyOrThrow(agent, *O, to));
            }
            STEP("17.b.v");
            --k;
        }
    }
    STEP("18");
    k = actualStart;
    STEP("19");
    for (Value E : items) {
        STEP("19.a");
        TRY(Set(agent, *O, index_key(agent, k), E, true));
        STEP("19.b");
        ++k;
    }
    STEP("20");
    TRY(Set(agent, *O, agent.names.length, number(len - actualDeleteCount + itemCount), true));
    STEP("21");
    return Value(A);
}

// §23.1.3.32 Array.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
ThrowCompletionOr<Value> Array_prototype_toLocaleString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                        Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.tolocalestring");
    STEP("1");
    Object* array = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *array));
    STEP("3");
    std::u16string separator = u",";  // what ECMA-402-less engines use
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

// §23.1.3.33 Array.prototype.toReversed ( )
ThrowCompletionOr<Value> Array_prototype_toReversed(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.toreversed");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    Object* A = TRY(ArrayCreate(agent, len));
    STEP("4");
    double k = 0;
    STEP("5");
    while (k < len) {
        STEP("5.a");
        PropertyKey from = index_key(agent, len - k - 1);
        STEP("5.b");
        PropertyKey Pk = index_key(agent, k);
        STEP("5.c");
        Value fromValue = TRY(Get(agent, *O, from));
        STEP("5.d");
        MUST(CreateDataPropertyOrThrow(agent, *A, Pk, fromValue));
        STEP("5.e");
        ++k;
    }
    STEP("6");
    return Value(A);
}

// §23.1.3.34 Array.prototype.toSorted ( comparator )
ThrowCompletionOr<Value> Array_prototype_toSorted(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                  Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.tosorted");
    Value comparator = argument(args, 0);
    STEP("1");
    if (!comparator.is_undefined() && !IsCallable(comparator))
        return throw_type_error(agent, "Array.prototype.toSorted: comparator is not callable");
    STEP("2");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("3");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("4");
    Object* A = TRY(ArrayCreate(agent, len));
    STEP("5");
    SortStringCache cache;
    SortCompareClosure SortCompare = [comparator, &cache](Agent& a, Value x, Value y) -> ThrowCompletionOr<double> {
        STEP("5.a");
        return TRY(CompareArrayElements(a, x, y, comparator, &cache));
    };
    STEP("6");
    List<Value> sortedList = TRY(SortIndexedProperties(agent, *O, len, SortCompare, Holes::ReadThroughHoles));
    STEP("7");
    double j = 0;
    STEP("8");
    while (j < len) {
        STEP("8.a");
        MUST(CreateDataPropertyOrThrow(agent, *A, index_key(agent, j), sortedList[size_t(j)]));
        STEP("8.b");
        ++j;
    }
    STEP("9");
    return Value(A);
}

// §23.1.3.35 Array.prototype.toSpliced ( start, skipCount, ...items )
ThrowCompletionOr<Value> Array_prototype_toSpliced(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.tospliced");
    Arguments items = args.size() > 2 ? args.subspan(2) : Arguments();
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    double relativeStart = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("4");
    STEP("5");
    STEP("6");
    double actualStart = resolve_relative_index(relativeStart, len);
    STEP("7");
    double insertCount = double(items.size());
    double actualSkipCount;
    STEP("8");
    if (args.empty()) {
        STEP("8.a");
        actualSkipCount = 0;
    } else if (args.size() == 1) {
        STEP("9");
        STEP("9.a");
        actualSkipCount = len - actualStart;
    } else {
        STEP("10");
        STEP("10.a");
        double sc = TRY(ToIntegerOrInfinity(agent, args[1]));
        STEP("10.b");
        actualSkipCount = std::clamp(sc, 0.0, len - actualStart);
    }
    STEP("11");
    double newLen = len + insertCount - actualSkipCount;
    STEP("12");
    if (newLen > kMaxSafeInteger) return throw_type_error(agent, "Array.prototype.toSpliced: length exceeds 2^53 - 1");
    STEP("13");
    Object* A = TRY(ArrayCreate(agent, newLen));
    STEP("14");
    double i = 0;
    STEP("15");
    double r = actualStart + actualSkipCount;
    STEP("16");
    while (i < actualStart) {
        STEP("16.a");
        PropertyKey Pi = index_key(agent, i);
        STEP("16.b");
        Value iValue = TRY(Get(agent, *O, Pi));
        STEP("16.c");
        MUST(CreateDataPropertyOrThrow(agent, *A, Pi, iValue));
        STEP("16.d");
        ++i;
    }
    STEP("17");
    for (Value E : items) {
        STEP("17.a");
        PropertyKey Pi = index_key(agent, i);
        STEP("17.b");
        MUST(CreateDataPropertyOrThrow(agent, *A, Pi, E));
        STEP("17.c");
        ++i;
    }
    STEP("18");
    while (i < newLen) {
        STEP("18.a");
        PropertyKey Pi = index_key(agent, i);
        STEP("18.b");
        PropertyKey from = index_key(agent, r);
        STEP("18.c");
        Value fromValue = TRY(Get(agent, *O, from));
        STEP("18.d");
        MUST(CreateDataPropertyOrThrow(agent, *A, Pi, fromValue));
        STEP("18.e");
        ++i;
        STEP("18.f");
        ++r;
    }
    STEP("19");
    return Value(A);
}

// Array.prototype.toString's slot holding its realm's %Object.prototype.toString%
// (the intrinsic, not whatever Object.prototype.toString is later set to).
constexpr size_t kObjectPrototypeToString = 0;

// §23.1.3.36 Array.prototype.toString ( )
ThrowCompletionOr<Value> Array_prototype_toString(Agent& agent, BuiltinFunction& F, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.tostring");
    STEP("1");
    Object* array = TRY(ToObject(agent, thisValue));
    STEP("2");
    Value func = TRY(Get(agent, *array, agent.key("join")));
    STEP("3");
    if (!IsCallable(func)) func = F.slots[kObjectPrototypeToString];
    STEP("4");
    return TRY(Call(agent, func, array));
}

// §23.1.3.37 Array.prototype.unshift ( ...items )
ThrowCompletionOr<Value> Array_prototype_unshift(Agent& agent, BuiltinFunction&, Value thisValue, Arguments items, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.unshift");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    double argCount = double(items.size());
    STEP("4");
    if (argCount > 0) {
        STEP("4.a");
        if (len + argCount > kMaxSafeInteger)
            return throw_type_error(agent, "Array.prototype.unshift: length exceeds 2^53 - 1");
        STEP("4.b");
        double k = len;
        STEP("4.c");
        while (k > 0) {
            STEP("4.c.i");
            PropertyKey from = index_key(agent, k - 1);
            STEP("4.c.ii");
            PropertyKey to = index_key(agent, k + argCount - 1);
            STEP("4.c.iii");
            bool fromPresent = TRY(HasProperty(agent, *O, from));
            STEP("4.c.iv");
            if (fromPresent) {
                STEP("4.c.iv.1");
                Value fromValue = TRY(Get(agent, *O, from));
                STEP("4.c.iv.2");
                TRY(Set(agent, *O, to, fromValue, true));
            } else {
                STEP("4.c.v");
                STEP("4.c.v.1");
                STEP("4.c.v.2");
                TRY(DeletePropertyOrThrow(agent, *O, to));
            }
            STEP("4.c.vi");
            --k;
        }
        STEP("4.d");
        double j = 0;
        STEP("4.e");
        for (Value E : items) {
            STEP("4.e.i");
            TRY(Set(agent, *O, index_key(agent, j), E, true));
            STEP("4.e.ii");
            ++j;
        }
    }
    STEP("5");
    TRY(Set(agent, *O, agent.names.length, number(len + argCount), true));
    STEP("6");
    return number(len + argCount);
}

// §23.1.3.38 Array.prototype.values ( )
ThrowCompletionOr<Value> Array_prototype_values(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.values");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    return Value(CreateArrayIterator(agent, *O, ArrayIterationKind::Value));
}

// §23.1.3.39 Array.prototype.with ( index, value )
ThrowCompletionOr<Value> Array_prototype_with(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-array.prototype.with");
    Value value = argument(args, 1);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    double len = TRY(LengthOfArrayLike(agent, *O));
    STEP("3");
    double relativeIndex = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    double actualIndex;
    STEP("4");
    if (relativeIndex >= 0) {
        actualIndex = relativeIndex;
    } else {
        STEP("5");
        actualIndex = len + relativeIndex;
    }
    STEP("6");
    if (actualIndex >= len || actualIndex < 0) return throw_range_error(agent, "Array.prototype.with: index out of range");
    STEP("7");
    Object* A = TRY(ArrayCreate(agent, len));
    STEP("8");
    double k = 0;
    STEP("9");
    while (k < len) {
        STEP("9.a");
        PropertyKey Pk = index_key(agent, k);
        Value fromValue;
        STEP("9.b");
        if (k == actualIndex) {
            fromValue = value;
        } else {
            STEP("9.c");
            fromValue = TRY(Get(agent, *O, Pk));
        }
        STEP("9.d");
        MUST(CreateDataPropertyOrThrow(agent, *A, Pk, fromValue));
        STEP("9.e");
        ++k;
    }
    STEP("10");
    return Value(A);
}

// §23.1.3.41 Array.prototype [ %Symbol.unscopables% ]
Object* CreateUnscopableList(Agent& agent)
{
    SPEC_ALGORITHM("sec-array.prototype-%symbol.unscopables%");
    STEP("1");
    Object* unscopableList = OrdinaryObjectCreate(agent, nullptr);
    static const char* const names[] = {"at",       "copyWithin", "entries",    "fill",     "find",      "findIndex",
                                        "findLast", "findLastIndex", "flat",    "flatMap",  "includes",  "keys",
                                        "toReversed", "toSorted", "toSpliced",  "values"};
    STEP("2-17");
    for (size_t i = 0; i < std::size(names); ++i) {
        MUST(CreateDataPropertyOrThrow(agent, *unscopableList, agent.key(names[i]), Value::boolean(true)));
    }
    STEP("18");
    return unscopableList;
}

// §23.1.5.2.1 %ArrayIteratorPrototype%.next ( )
ThrowCompletionOr<Value> ArrayIteratorPrototype_next(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-%arrayiteratorprototype%.next");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    if (!O.is_object()) return throw_type_error(agent, "%ArrayIteratorPrototype%.next: this is not an object");
    STEP("3");
    auto* iterator = dynamic_cast<ArrayIteratorObject*>(O.as_object());
    if (!iterator) return throw_type_error(agent, "%ArrayIteratorPrototype%.next: this is not an Array Iterator");
    STEP("4");
    Value array = iterator->IteratedArrayLike;
    STEP("5");
    if (array.is_undefined()) return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
    STEP("6");
    double index = iterator->ArrayLikeNextIndex;
    STEP("7");
    ArrayIterationKind kind = iterator->ArrayLikeIterationKind;
    double len;
    STEP("8");
    if (TypedArrayObject* typedArray = as_typed_array(array)) {
        STEP("8.a");
        TypedArrayWithBufferWitnessRecord taRecord =
            MakeTypedArrayWithBufferWitnessRecord(agent, *typedArray, Order::SeqCst);
        STEP("8.b");
        if (IsTypedArrayOutOfBounds(taRecord)) return throw_type_error(agent, "TypedArray is out of bounds");
        STEP("8.c");
        len = double(TypedArrayLength(taRecord));
    } else {
        STEP("9");
        STEP("9.a");
        len = TRY(LengthOfArrayLike(agent, *array.as_object()));
    }
    STEP("10");
    if (index >= len) {
        STEP("10.a");
        iterator->IteratedArrayLike = Value::undefined();
        STEP("10.b");
        return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
    }
    STEP("11");
    iterator->ArrayLikeNextIndex = index + 1;
    STEP("12");
    Value indexNumber = number(index);
    Value result;
    STEP("13");
    if (kind == ArrayIterationKind::Key) {
        STEP("13.a");
        result = indexNumber;
    } else {
        STEP("14");
        STEP("14.a");
        PropertyKey elementKey = index_key(agent, index);
        STEP("14.b");
        Value elementValue = TRY(Get(agent, *array.as_object(), elementKey));
        STEP("14.c");
        if (kind == ArrayIterationKind::Value) {
            STEP("14.c.i");
            result = elementValue;
        } else {
            STEP("14.d");
            STEP("14.d.i");
            STEP("14.d.ii");
            Value pair[] = {indexNumber, elementValue};
            result = CreateArrayFromList(agent, pair);
        }
    }
    STEP("15");
    return Value(CreateIteratorResultObject(agent, result, false));
}

}  // namespace

ThrowCompletionOr<bool> IsConcatSpreadable(Agent& agent, Value O)
{
    SPEC_ALGORITHM("sec-isconcatspreadable");
    STEP("1");
    if (!O.is_object()) return false;
    STEP("2");
    Value spreadable = TRY(Get(agent, *O.as_object(), agent.well_known_symbol(WellKnownSymbol::isConcatSpreadable)));
    STEP("3");
    if (!spreadable.is_undefined()) return ToBoolean(spreadable);
    STEP("4");
    return TRY(IsArray(agent, O));
}

ThrowCompletionOr<FindRecord> FindViaPredicate(Agent& agent, Object& O, double len, FindDirection direction,
                                               Value predicate, Value thisArg)
{
    SPEC_ALGORITHM("sec-findviapredicate");
    STEP("1");
    if (!IsCallable(predicate)) return throw_type_error(agent, "predicate is not callable");
    STEP("2");
    bool ascending = direction == FindDirection::Ascending;
    if (ascending) {
        STEP("2.a");
    } else {
        STEP("3");
        STEP("3.a");
    }
    STEP("4");
    for (double i = 0; i < len; ++i) {
        double k = ascending ? i : len - 1 - i;
        STEP("4.a");
        PropertyKey Pk = index_key(agent, k);
        STEP("4.b");
        STEP("4.c");
        Value kValue = TRY(Get(agent, O, Pk));
        STEP("4.d");
        Value callArgs[] = {kValue, number(k), &O};
        Value testResult = TRY(Call(agent, predicate, thisArg, callArgs));
        STEP("4.e");
        if (ToBoolean(testResult)) return FindRecord{.Index = k, .value = kValue};
    }
    STEP("5");
    return FindRecord{.Index = -1, .value = Value::undefined()};
}

ThrowCompletionOr<double> FlattenIntoArray(Agent& agent, Object& target, Object& source, double sourceLen, double start,
                                           double depth, Value mapperFunction, Value thisArg)
{
    SPEC_ALGORITHM("sec-flattenintoarray");
    // Nesting depth is under user control (depth may be +∞).
    if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);
    bool mapperPresent = !mapperFunction.is_undefined();
    STEP("1");
    SPEC_ASSERT(!mapperPresent || (IsCallable(mapperFunction) && depth == 1));
    STEP("2");
    double targetIndex = start;
    STEP("3");
    double sourceIndex = 0;
    STEP("4");
    while (sourceIndex < sourceLen) {
        STEP("4.a");
        PropertyKey P = index_key(agent, sourceIndex);
        STEP("4.b");
        bool exists = TRY(HasProperty(agent, source, P));
        STEP("4.c");
        if (exists) {
            STEP("4.c.i");
            Value element = TRY(Get(agent, source, P));
            STEP("4.c.ii");
            if (mapperPresent) {
                STEP("4.c.ii.1");
                Value callArgs[] = {element, number(sourceIndex), &source};
                element = TRY(Call(agent, mapperFunction, thisArg, callArgs));
            }
            STEP("4.c.iii");
            bool shouldFlatten = false;
            STEP("4.c.iv");
            if (depth > 0) {
                STEP("4.c.iv.1");
                shouldFlatten = TRY(IsArray(agent, element));
            }
            STEP("4.c.v");
            if (shouldFlatten) {
                STEP("4.c.v.1");
                STEP("4.c.v.2");
                double newDepth = depth == INFINITY ? INFINITY : depth - 1;
                STEP("4.c.v.3");
                double elementLen = TRY(LengthOfArrayLike(agent, *element.as_object()));
                STEP("4.c.v.4");
                targetIndex = TRY(FlattenIntoArray(agent, target, *element.as_object(), elementLen, targetIndex, newDepth));
            } else {
                STEP("4.c.vi");
                STEP("4.c.vi.1");
                if (targetIndex >= kMaxSafeInteger) return throw_type_error(agent, "flattened array too long");
                STEP("4.c.vi.2");
                TRY(CreateDataPropertyOrThrow(agent, target, index_key(agent, targetIndex), element));
                STEP("4.c.vi.3");
                ++targetIndex;
            }
        }
        STEP("4.d");
        ++sourceIndex;
    }
    STEP("5");
    return targetIndex;
}

ThrowCompletionOr<List<Value>> SortIndexedProperties(Agent& agent, Object& obj, double len,
                                                     const SortCompareClosure& SortCompare, Holes holes)
{
    SPEC_ALGORITHM("sec-sortindexedproperties");
    STEP("1");
    List<Value> items;
    STEP("2");
    double k = 0;
    STEP("3");
    while (k < len) {
        STEP("3.a");
        PropertyKey Pk = index_key(agent, k);
        bool kRead;
        STEP("3.b");
        if (holes == Holes::SkipHoles) {
            STEP("3.b.i");
            kRead = TRY(HasProperty(agent, obj, Pk));
        } else {
            STEP("3.c");
            STEP("3.c.i");
            STEP("3.c.ii");
            kRead = true;
        }
        STEP("3.d");
        if (kRead) {
            STEP("3.d.i");
            Value kValue = TRY(Get(agent, obj, Pk));
            STEP("3.d.ii");
            items.append(kValue);
        }
        STEP("3.e");
        ++k;
    }
    STEP("4");
    // A stable bottom-up merge sort: O(n log n) calls to SortCompare, and the
    // first abrupt completion stops it (no further calls).
    std::vector<Value>& a = items.items();
    List<Value> scratch(std::vector<Value>(a.size()));
    std::vector<Value>& b = scratch.items();
    for (size_t width = 1; width < a.size(); width *= 2) {
        for (size_t left = 0; left < a.size(); left += 2 * width) {
            size_t mid = std::min(left + width, a.size()), right = std::min(left + 2 * width, a.size());
            size_t i = left, j = mid, out = left;
            while (i < mid && j < right) {
                // Take from the right run only when it is strictly smaller: stability.
                double order = TRY(SortCompare(agent, a[j], a[i]));
                b[out++] = order < 0 ? a[j++] : a[i++];
            }
            while (i < mid) b[out++] = a[i++];
            while (j < right) b[out++] = a[j++];
        }
        a.swap(b);
    }
    STEP("5");
    return items;
}

ThrowCompletionOr<String*> SortStringCache::ToString(Agent& agent, Value v)
{
    if (v.is_string()) return v.as_string();
    if (!v.is_number() && !v.is_boolean() && !v.is_bigint()) return TRY(lockstep::ToString(agent, v));
    auto [it, inserted] = strings_.try_emplace(v.bits(), nullptr);
    if (inserted) {
        it->second = MUST(lockstep::ToString(agent, v));
        rooted_.append(it->second);
        rooted_.append(v);  // a BigInt's bits are its cell's address: keep the cell
    }
    return it->second;
}

ThrowCompletionOr<double> CompareArrayElements(Agent& agent, Value x, Value y, Value comparator, SortStringCache* cache)
{
    SPEC_ALGORITHM("sec-comparearrayelements");
    STEP("1");
    if (x.is_undefined() && y.is_undefined()) return 0.0;
    STEP("2");
    if (x.is_undefined()) return 1.0;
    STEP("3");
    if (y.is_undefined()) return -1.0;
    STEP("4");
    if (!comparator.is_undefined()) {
        STEP("4.a");
        Value callArgs[] = {x, y};
        double v = TRY(ToNumber(agent, TRY(Call(agent, comparator, Value::undefined(), callArgs))));
        STEP("4.b");
        if (std::isnan(v)) return 0.0;
        STEP("4.c");
        return v;
    }
    STEP("5");
    String* xString = cache ? TRY(cache->ToString(agent, x)) : TRY(ToString(agent, x));
    STEP("6");
    String* yString = cache ? TRY(cache->ToString(agent, y)) : TRY(ToString(agent, y));
    // ! IsLessThan(a, b, true) of two Strings is their code-unit order (§7.2.13 step 3).
    STEP("7");
    bool xSmaller = xString->view() < yString->view();
    STEP("8");
    if (xSmaller) return -1.0;
    STEP("9");
    bool ySmaller = yString->view() < xString->view();
    STEP("10");
    if (ySmaller) return 1.0;
    STEP("11");
    return 0.0;
}

Object* CreateArrayIterator(Agent& agent, Object& array, ArrayIterationKind kind)
{
    SPEC_ALGORITHM("sec-createarrayiterator");
    STEP("1");
    STEP("2");
    STEP("3");
    STEP("4");
    auto* iterator = OrdinaryObjectCreate<ArrayIteratorObject>(
        agent, agent.current_realm()->intrinsic(Intrinsic::ArrayIteratorPrototype), Value(&array), kind);
    STEP("5");
    return iterator;
}

void CreateArrayIntrinsics(Agent& agent, Realm& realm)
{
    // §23.1.3 Properties of the Array Prototype Object: an Array exotic object.
    Object* prototype = MUST(ArrayCreate(agent, 0, realm.intrinsic(Intrinsic::ObjectPrototype)));
    // §23.1.2 Properties of the Array Constructor.
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, Array, 1, agent.key("Array"),
                                                         {.realm = &realm, .isConstructor = true});
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_function(agent, realm, *constructor, "from", Array_from, 1);
    define_builtin_function(agent, realm, *constructor, "isArray", Array_isArray, 1);
    define_builtin_function(agent, realm, *constructor, "of", Array_of, 0);
    define_builtin_getter(agent, realm, *constructor, agent.well_known_symbol(WellKnownSymbol::species),
                          get_Array_species);

    struct Method {
        const char* name;
        BuiltinBehaviour::result_type (*behaviour)(Agent&, BuiltinFunction&, Value, Arguments, Object*);
        double length;
    };
    static const Method methods[] = {
        {"at", Array_prototype_at, 1},
        {"concat", Array_prototype_concat, 1},
        {"copyWithin", Array_prototype_copyWithin, 2},
        {"entries", Array_prototype_entries, 0},
        {"every", Array_prototype_every, 1},
        {"fill", Array_prototype_fill, 1},
        {"filter", Array_prototype_filter, 1},
        {"find", Array_prototype_find, 1},
        {"findIndex", Array_prototype_findIndex, 1},
        {"findLast", Array_prototype_findLast, 1},
        {"findLastIndex", Array_prototype_findLastIndex, 1},
        {"flat", Array_prototype_flat, 0},
        {"flatMap", Array_prototype_flatMap, 1},
        {"forEach", Array_prototype_forEach, 1},
        {"includes", Array_prototype_includes, 1},
        {"indexOf", Array_prototype_indexOf, 1},
        {"join", Array_prototype_join, 1},
        {"keys", Array_prototype_keys, 0},
        {"lastIndexOf", Array_prototype_lastIndexOf, 1},
        {"map", Array_prototype_map, 1},
        {"pop", Array_prototype_pop, 0},
        {"push", Array_prototype_push, 1},
        {"reduce", Array_prototype_reduce, 1},
        {"reduceRight", Array_prototype_reduceRight, 1},
        {"reverse", Array_prototype_reverse, 0},
        {"shift", Array_prototype_shift, 0},
        {"slice", Array_prototype_slice, 2},
        {"some", Array_prototype_some, 1},
        {"sort", Array_prototype_sort, 1},
        {"splice", Array_prototype_splice, 2},
        {"toLocaleString", Array_prototype_toLocaleString, 0},
        {"toReversed", Array_prototype_toReversed, 0},
        {"toSorted", Array_prototype_toSorted, 1},
        {"toSpliced", Array_prototype_toSpliced, 2},
        {"unshift", Array_prototype_unshift, 1},
        {"with", Array_prototype_with, 2},
    };
    for (const Method& method : methods)
        define_builtin_function(agent, realm, *prototype, method.name, method.behaviour, method.length);
    BuiltinFunction* toString = define_builtin_function(agent, realm, *prototype, "toString", Array_prototype_toString, 0);
    // %Object.prototype% got its properties before %Array% (builtins/intrinsics.cpp).
    toString->slots = {MUST(Get(agent, *realm.intrinsic(Intrinsic::ObjectPrototype), agent.key("toString")))};
    realm.set_intrinsic(Intrinsic::ArrayPrototypeToString, toString);
    BuiltinFunction* values = define_builtin_function(agent, realm, *prototype, "values", Array_prototype_values, 0);
    realm.set_intrinsic(Intrinsic::ArrayPrototypeValues, values);
    // §23.1.3.40 Array.prototype [ %Symbol.iterator% ]: the same function object as values.
    define_value_property(agent, *prototype, agent.well_known_symbol(WellKnownSymbol::iterator), values, true, false,
                          true);
    // §23.1.3.41: { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    define_value_property(agent, *prototype, agent.well_known_symbol(WellKnownSymbol::unscopables),
                          CreateUnscopableList(agent), false, false, true);

    // §23.1.5.2 The %ArrayIteratorPrototype% Object.
    Object* iteratorPrototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::IteratorPrototype));
    define_builtin_function(agent, realm, *iteratorPrototype, "next", ArrayIteratorPrototype_next, 0);
    define_to_string_tag(agent, *iteratorPrototype, "Array Iterator");

    realm.set_intrinsic(Intrinsic::Array, constructor);
    realm.set_intrinsic(Intrinsic::ArrayPrototype, prototype);
    realm.set_intrinsic(Intrinsic::ArrayIteratorPrototype, iteratorPrototype);
}

}  // namespace lockstep
