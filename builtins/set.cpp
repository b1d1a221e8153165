// ECMA-262 §24.2 Set Objects.
#include "builtins/set.h"

#include <cmath>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

void SetObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    SetData.visit_edges(visitor);
}

ThrowCompletionOr<SetRecord> GetSetRecord(Agent& agent, Value obj)
{
    SPEC_ALGORITHM("sec-getsetrecord");
    STEP("1");
    if (!obj.is_object()) return throw_type_error(agent, "set-like argument is not an object");
    Object& O = *obj.as_object();
    STEP("2");
    Value rawSize = TRY(Get(agent, O, agent.key("size")));
    STEP("3");
    double numSize = TRY(ToNumber(agent, rawSize));
    STEP("4");
    STEP("5");
    if (std::isnan(numSize)) return throw_type_error(agent, "set-like size is not a number");
    STEP("6");
    double intSize = MUST(ToIntegerOrInfinity(agent, Value::number(numSize)));
    STEP("7");
    if (intSize < 0) return throw_range_error(agent, "set-like size is negative");
    STEP("8");
    Value has = TRY(Get(agent, O, agent.key("has")));
    STEP("9");
    if (!IsCallable(has)) return throw_type_error(agent, "set-like 'has' is not callable");
    STEP("10");
    Value keys = TRY(Get(agent, O, agent.key("keys")));
    STEP("11");
    if (!IsCallable(keys)) return throw_type_error(agent, "set-like 'keys' is not callable");
    STEP("12");
    return SetRecord{.SetObject = &O, .Size = intSize, .Has = has, .Keys = keys};
}

bool SetDataHas(const KeyedCollectionData& setData, Value value)
{
    SPEC_ALGORITHM("sec-setdatahas");
    STEP("1");
    if (!SetDataIndex(setData, value)) return false;
    STEP("2");
    return true;
}

std::optional<size_t> SetDataIndex(const KeyedCollectionData& setData, Value value)
{
    SPEC_ALGORITHM("sec-setdataindex");
    STEP("1");
    value = CanonicalizeKeyedCollectionKey(value);
    STEP("2");  // steps 2-5, the linear search, are the hash index's lookup
    STEP("3");
    STEP("4");
    STEP("4.a");
    STEP("4.b");
    STEP("4.b.i");
    STEP("4.c");
    STEP("5");
    return setData.index_of(value);
}

size_t SetDataSize(const KeyedCollectionData& setData)
{
    SPEC_ALGORITHM("sec-setdatasize");
    STEP("1");
    STEP("2");
    STEP("2.a");
    STEP("3");
    return setData.live_count();
}

namespace {

using Arguments = std::span<const Value>;

// RequireInternalSlot ( S, [[SetData]] )
ThrowCompletionOr<SetObject*> require_set(Agent& agent, Value S)
{
    return RequireInternalSlot<SetObject>(agent, S, "not a Set");
}

// OrdinaryObjectCreate(%Set.prototype%, « [[SetData]] »). The set methods
// make their result first and build resultSetData in it, so that the Values
// it holds stay visible to the collector while user code (has, keys) runs;
// creating an object is not observable.
SetObject* new_result_set(Agent& agent)
{
    return OrdinaryObjectCreate<SetObject>(agent, agent.current_realm()->intrinsic(Intrinsic::SetPrototype));
}

// §24.2.2.1 Set ( [ iterable ] )
ThrowCompletionOr<Value> Set_(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-set-iterable");
    Value iterable = argument(args, 0);
    STEP("1");
    if (!NewTarget) return throw_type_error(agent, "Set constructor requires 'new'");
    STEP("2");
    SetObject* set = TRY(OrdinaryCreateFromConstructor<SetObject>(agent, *NewTarget, Intrinsic::SetPrototype));
    STEP("3");
    STEP("4");
    if (iterable.is_nullish()) return Value(set);
    STEP("5");
    Value adder = TRY(Get(agent, *set, agent.key("add")));
    STEP("6");
    if (!IsCallable(adder)) return throw_type_error(agent, "Set.prototype.add is not callable");
    STEP("7");
    IteratorRecord iteratorRecord = TRY(GetIterator(agent, iterable, IteratorKind::Sync));
    STEP("8");
    for (;;) {
        STEP("8.a");
        std::optional<Value> next = TRY(IteratorStepValue(agent, iteratorRecord));
        STEP("8.b");
        if (!next) return Value(set);
        STEP("8.c");
        Value callArgs[] = {*next};
        ThrowCompletionOr<Value> status = Call(agent, adder, set, callArgs);
        STEP("8.d");
        if (status.is_abrupt()) return IteratorClose(agent, iteratorRecord, status);
    }
}

// §24.2.3.2 get Set [ %Symbol.species% ]
ThrowCompletionOr<Value> get_Set_species(Agent&, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-set-%symbol.species%");
    STEP("1");
    return thisValue;
}

// §24.2.4.1 Set.prototype.add ( value )
ThrowCompletionOr<Value> Set_prototype_add(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.add");
    STEP("1");
    STEP("2");
    SetObject* S = TRY(require_set(agent, thisValue));
    STEP("3");
    Value value = CanonicalizeKeyedCollectionKey(argument(args, 0));
    STEP("4");
    STEP("4.a");
    STEP("4.a.i");
    if (S->SetData.index_of(value)) return Value(S);
    STEP("5");
    S->SetData.append(value, Value::empty());
    STEP("6");
    return Value(S);
}

// §24.2.4.2 Set.prototype.clear ( )
ThrowCompletionOr<Value> Set_prototype_clear(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.clear");
    STEP("1");
    STEP("2");
    SetObject* S = TRY(require_set(agent, thisValue));
    STEP("3");
    STEP("3.a");
    S->SetData.clear();
    STEP("4");
    return Value::undefined();
}

// §24.2.4.4 Set.prototype.delete ( value )
ThrowCompletionOr<Value> Set_prototype_delete(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.delete");
    STEP("1");
    STEP("2");
    SetObject* S = TRY(require_set(agent, thisValue));
    STEP("3");
    Value value = CanonicalizeKeyedCollectionKey(argument(args, 0));
    STEP("4");
    if (auto index = S->SetData.index_of(value)) {
        STEP("4.a");
        STEP("4.a.i");
        S->SetData.remove_at(*index);
        STEP("4.a.ii");
        return Value::boolean(true);
    }
    STEP("5");
    return Value::boolean(false);
}

// §24.2.4.5 Set.prototype.difference ( other )
ThrowCompletionOr<Value> Set_prototype_difference(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.difference");
    STEP("1");
    STEP("2");
    SetObject* O = TRY(require_set(agent, thisValue));
    STEP("3");
    SetRecord otherRec = TRY(GetSetRecord(agent, argument(args, 0)));
    STEP("4");
    SetObject* result = new_result_set(agent);
    KeyedCollectionData& resultSetData = result->SetData;
    resultSetData = O->SetData;
    STEP("5");
    if (double(SetDataSize(O->SetData)) <= otherRec.Size) {
        KeyedCollectionData::Pin pin(resultSetData);  // index is a C++ local while has runs
        STEP("5.a");
        size_t thisSize = O->SetData.size();
        STEP("5.b");
        size_t index = 0;
        STEP("5.c");
        while (index < thisSize) {
            STEP("5.c.i");
            Value e = resultSetData[index].key;
            STEP("5.c.ii");
            if (!e.is_empty()) {
                STEP("5.c.ii.1");
                Value callArgs[] = {e};
                bool inOther = ToBoolean(TRY(Call(agent, otherRec.Has, otherRec.SetObject, callArgs)));
                STEP("5.c.ii.2");
                if (inOther) {
                    STEP("5.c.ii.2.a");
                    resultSetData.remove_at(index);
                }
            }
            STEP("5.c.iii");
            ++index;
        }
    } else {
        STEP("6");
        STEP("6.a");
        IteratorRecord keysIter = TRY(GetIteratorFromMethod(agent, otherRec.SetObject, otherRec.Keys));
        STEP("6.b");
        STEP("6.c");
        for (;;) {
            STEP("6.c.i");
            std::optional<Value> next = TRY(IteratorStepValue(agent, keysIter));
            STEP("6.c.ii");
            if (!next) break;
            STEP("6.c.ii.1");
            Value value = CanonicalizeKeyedCollectionKey(*next);
            STEP("6.c.ii.2");
            std::optional<size_t> valueIndex = SetDataIndex(resultSetData, value);
            STEP("6.c.ii.3");
            if (valueIndex) {
                STEP("6.c.ii.3.a");
                resultSetData.remove_at(*valueIndex);
            }
        }
    }
    STEP("7");  // result was created up front (new_result_set)
    STEP("8");
    STEP("9");
    return Value(result);
}

// §24.2.4.6 Set.prototype.entries ( )
ThrowCompletionOr<Value> Set_prototype_entries(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.entries");
    STEP("1");
    STEP("2");
    return TRY(CreateSetIterator(agent, thisValue, IterationKind::KeyValue));
}

// §24.2.4.7 Set.prototype.forEach ( callback [ , thisArg ] )
ThrowCompletionOr<Value> Set_prototype_forEach(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.foreach");
    Value callback = argument(args, 0);
    Value thisArg = argument(args, 1);
    STEP("1");
    STEP("2");
    SetObject* S = TRY(require_set(agent, thisValue));
    STEP("3");
    if (!IsCallable(callback)) return throw_type_error(agent, "Set.prototype.forEach callback is not callable");
    STEP("4");
    KeyedCollectionData& entries = S->SetData;
    KeyedCollectionData::Pin pin(entries);  // index is a C++ local while callback runs
    STEP("5");
    size_t numEntries = entries.size();
    STEP("6");
    size_t index = 0;
    STEP("7");
    while (index < numEntries) {
        STEP("7.a");
        Value e = entries[index].key;
        STEP("7.b");
        ++index;
        STEP("7.c");
        if (!e.is_empty()) {
            STEP("7.c.i");
            Value callArgs[] = {e, e, S};
            TRY(Call(agent, callback, thisArg, callArgs));
            STEP("7.c.ii");
            STEP("7.c.iii");
            numEntries = entries.size();
        }
    }
    STEP("8");
    return Value::undefined();
}

// §24.2.4.8 Set.prototype.has ( value )
ThrowCompletionOr<Value> Set_prototype_has(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.has");
    STEP("1");
    STEP("2");
    SetObject* S = TRY(require_set(agent, thisValue));
    STEP("3");
    Value value = CanonicalizeKeyedCollectionKey(argument(args, 0));
    STEP("4");
    STEP("4.a");
    if (S->SetData.index_of(value)) return Value::boolean(true);
    STEP("5");
    return Value::boolean(false);
}

// §24.2.4.9 Set.prototype.intersection ( other )
ThrowCompletionOr<Value> Set_prototype_intersection(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                    Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.intersection");
    STEP("1");
    STEP("2");
    SetObject* O = TRY(require_set(agent, thisValue));
    STEP("3");
    SetRecord otherRec = TRY(GetSetRecord(agent, argument(args, 0)));
    STEP("4");
    SetObject* result = new_result_set(agent);
    KeyedCollectionData& resultSetData = result->SetData;
    STEP("5");
    if (double(SetDataSize(O->SetData)) <= otherRec.Size) {
        KeyedCollectionData::Pin pin(O->SetData);  // index is a C++ local while has runs
        STEP("5.a");
        size_t thisSize = O->SetData.size();
        STEP("5.b");
        size_t index = 0;
        STEP("5.c");
        while (index < thisSize) {
            STEP("5.c.i");
            Value e = O->SetData[index].key;
            STEP("5.c.ii");
            ++index;
            STEP("5.c.iii");
            if (!e.is_empty()) {
                STEP("5.c.iii.1");
                Value callArgs[] = {e};
                bool inOther = ToBoolean(TRY(Call(agent, otherRec.Has, otherRec.SetObject, callArgs)));
                STEP("5.c.iii.2");
                if (inOther) {
                    STEP("5.c.iii.2.a");
                    STEP("5.c.iii.2.b");
                    if (!SetDataHas(resultSetData, e)) {
                        STEP("5.c.iii.2.b.i");
                        resultSetData.append(e, Value::empty());
                    }
                }
                STEP("5.c.iii.3");
                STEP("5.c.iii.4");
                thisSize = O->SetData.size();
            }
        }
    } else {
        STEP("6");
        STEP("6.a");
        IteratorRecord keysIter = TRY(GetIteratorFromMethod(agent, otherRec.SetObject, otherRec.Keys));
        STEP("6.b");
        STEP("6.c");
        for (;;) {
            STEP("6.c.i");
            std::optional<Value> next = TRY(IteratorStepValue(agent, keysIter));
            STEP("6.c.ii");
            if (!next) break;
            STEP("6.c.ii.1");
            Value value = CanonicalizeKeyedCollectionKey(*next);
            STEP("6.c.ii.2");
            bool inThis = SetDataHas(O->SetData, value);
            STEP("6.c.ii.3");
            if (inThis) {
                STEP("6.c.ii.3.a");
                STEP("6.c.ii.3.b");
                if (!SetDataHas(resultSetData, value)) {
                    STEP("6.c.ii.3.b.i");
                    resultSetData.append(value, Value::empty());
                }
            }
        }
    }
    STEP("7");  // result was created up front (new_result_set)
    STEP("8");
    STEP("9");
    return Value(result);
}

// §24.2.4.10 Set.prototype.isDisjointFrom ( other )
ThrowCompletionOr<Value> Set_prototype_isDisjointFrom(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                      Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.isdisjointfrom");
    STEP("1");
    STEP("2");
    SetObject* O = TRY(require_set(agent, thisValue));
    STEP("3");
    SetRecord otherRec = TRY(GetSetRecord(agent, argument(args, 0)));
    STEP("4");
    if (double(SetDataSize(O->SetData)) <= otherRec.Size) {
        KeyedCollectionData::Pin pin(O->SetData);  // index is a C++ local while has runs
        STEP("4.a");
        size_t thisSize = O->SetData.size();
        STEP("4.b");
        size_t index = 0;
        STEP("4.c");
        while (index < thisSize) {
            STEP("4.c.i");
            Value e = O->SetData[index].key;
            STEP("4.c.ii");
            ++index;
            STEP("4.c.iii");
            if (!e.is_empty()) {
                STEP("4.c.iii.1");
                Value callArgs[] = {e};
                bool inOther = ToBoolean(TRY(Call(agent, otherRec.Has, otherRec.SetObject, callArgs)));
                STEP("4.c.iii.2");
                if (inOther) return Value::boolean(false);
                STEP("4.c.iii.3");
                STEP("4.c.iii.4");
                thisSize = O->SetData.size();
            }
        }
    } else {
        STEP("5");
        STEP("5.a");
        IteratorRecord keysIter = TRY(GetIteratorFromMethod(agent, otherRec.SetObject, otherRec.Keys));
        STEP("5.b");
        STEP("5.c");
        for (;;) {
            STEP("5.c.i");
            std::optional<Value> next = TRY(IteratorStepValue(agent, keysIter));
            STEP("5.c.ii");
            if (!next) break;
            STEP("5.c.ii.1");
            if (SetDataHas(O->SetData, *next)) {
                STEP("5.c.ii.1.a");
                TRY(IteratorClose(agent, keysIter, ThrowCompletionOr<Value>(Value::undefined())));
                STEP("5.c.ii.1.b");
                return Value::boolean(false);
            }
        }
    }
    STEP("6");
    return Value::boolean(true);
}

// §24.2.4.11 Set.prototype.isSubsetOf ( other )
ThrowCompletionOr<Value> Set_prototype_isSubsetOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.issubsetof");
    STEP("1");
    STEP("2");
    SetObject* O = TRY(require_set(agent, thisValue));
    STEP("3");
    SetRecord otherRec = TRY(GetSetRecord(agent, argument(args, 0)));
    STEP("4");
    if (double(SetDataSize(O->SetData)) > otherRec.Size) return Value::boolean(false);
    KeyedCollectionData::Pin pin(O->SetData);  // index is a C++ local while has runs
    STEP("5");
    size_t thisSize = O->SetData.size();
    STEP("6");
    size_t index = 0;
    STEP("7");
    while (index < thisSize) {
        STEP("7.a");
        Value e = O->SetData[index].key;
        STEP("7.b");
        ++index;
        STEP("7.c");
        if (!e.is_empty()) {
            STEP("7.c.i");
            Value callArgs[] = {e};
            bool inOther = ToBoolean(TRY(Call(agent, otherRec.Has, otherRec.SetObject, callArgs)));
            STEP("7.c.ii");
            if (!inOther) return Value::boolean(false);
            STEP("7.c.iii");
            STEP("7.c.iv");
            thisSize = O->SetData.size();
        }
    }
    STEP("8");
    return Value::boolean(true);
}

// §24.2.4.12 Set.prototype.isSupersetOf ( other )
ThrowCompletionOr<Value> Set_prototype_isSupersetOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                    Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.issupersetof");
    STEP("1");
    STEP("2");
    SetObject* O = TRY(require_set(agent, thisValue));
    STEP("3");
    SetRecord otherRec = TRY(GetSetRecord(agent, argument(args, 0)));
    STEP("4");
    if (double(SetDataSize(O->SetData)) < otherRec.Size) return Value::boolean(false);
    STEP("5");
    IteratorRecord keysIter = TRY(GetIteratorFromMethod(agent, otherRec.SetObject, otherRec.Keys));
    STEP("6");
    STEP("7");
    for (;;) {
        STEP("7.a");
        std::optional<Value> next = TRY(IteratorStepValue(agent, keysIter));
        STEP("7.b");
        if (!next) break;
        STEP("7.b.i");
        if (!SetDataHas(O->SetData, *next)) {
            STEP("7.b.i.1");
            TRY(IteratorClose(agent, keysIter, ThrowCompletionOr<Value>(Value::undefined())));
            STEP("7.b.i.2");
            return Value::boolean(false);
        }
    }
    STEP("8");
    return Value::boolean(true);
}

// §24.2.4.14 get Set.prototype.size
ThrowCompletionOr<Value> get_Set_prototype_size(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-set.prototype.size");
    STEP("1");
    STEP("2");
    SetObject* S = TRY(require_set(agent, thisValue));
    STEP("3");
    size_t size = SetDataSize(S->SetData);
    STEP("4");
    return Value::number(double(size));
}

// §24.2.4.15 Set.prototype.symmetricDifference ( other )
ThrowCompletionOr<Value> Set_prototype_symmetricDifference(Agent& agent, BuiltinFunction&, Value thisValue,
                                                           Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.symmetricdifference");
    STEP("1");
    STEP("2");
    SetObject* O = TRY(require_set(agent, thisValue));
    STEP("3");
    SetRecord otherRec = TRY(GetSetRecord(agent, argument(args, 0)));
    STEP("4");
    IteratorRecord keysIter = TRY(GetIteratorFromMethod(agent, otherRec.SetObject, otherRec.Keys));
    STEP("5");
    SetObject* result = new_result_set(agent);
    KeyedCollectionData& resultSetData = result->SetData;
    resultSetData = O->SetData;
    STEP("6");
    STEP("7");
    for (;;) {
        STEP("7.a");
        std::optional<Value> next = TRY(IteratorStepValue(agent, keysIter));
        STEP("7.b");
        if (!next) break;
        STEP("7.b.i");
        Value value = CanonicalizeKeyedCollectionKey(*next);
        STEP("7.b.ii");
        std::optional<size_t> resultIndex = SetDataIndex(resultSetData, value);
        STEP("7.b.iii");
        bool alreadyInResult = resultIndex.has_value();
        STEP("7.b.iv");
        if (SetDataHas(O->SetData, value)) {
            STEP("7.b.iv.1");
            if (alreadyInResult) resultSetData.remove_at(*resultIndex);
        } else {
            STEP("7.b.v");
            STEP("7.b.v.1");
            if (!alreadyInResult) resultSetData.append(value, Value::empty());
        }
    }
    STEP("8");  // result was created up front (new_result_set)
    STEP("9");
    STEP("10");
    return Value(result);
}

// §24.2.4.16 Set.prototype.union ( other )
ThrowCompletionOr<Value> Set_prototype_union(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.union");
    STEP("1");
    STEP("2");
    SetObject* O = TRY(require_set(agent, thisValue));
    STEP("3");
    SetRecord otherRec = TRY(GetSetRecord(agent, argument(args, 0)));
    STEP("4");
    IteratorRecord keysIter = TRY(GetIteratorFromMethod(agent, otherRec.SetObject, otherRec.Keys));
    STEP("5");
    SetObject* result = new_result_set(agent);
    KeyedCollectionData& resultSetData = result->SetData;
    resultSetData = O->SetData;
    STEP("6");
    STEP("7");
    for (;;) {
        STEP("7.a");
        std::optional<Value> next = TRY(IteratorStepValue(agent, keysIter));
        STEP("7.b");
        if (!next) break;
        STEP("7.b.i");
        Value value = CanonicalizeKeyedCollectionKey(*next);
        STEP("7.b.ii");
        if (!SetDataHas(resultSetData, value)) {
            STEP("7.b.ii.1");
            resultSetData.append(value, Value::empty());
        }
    }
    STEP("8");  // result was created up front (new_result_set)
    STEP("9");
    STEP("10");
    return Value(result);
}

// §24.2.4.17 Set.prototype.values ( )
ThrowCompletionOr<Value> Set_prototype_values(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-set.prototype.values");
    STEP("1");
    STEP("2");
    return TRY(CreateSetIterator(agent, thisValue, IterationKind::Value));
}

// §24.2.6.2.1 %SetIteratorPrototype%.next ( )
ThrowCompletionOr<Value> SetIteratorPrototype_next(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-%setiteratorprototype%.next");
    STEP("1");
    return ResumeBuiltinGenerator<SetIteratorObject>(agent, thisValue, "not a Set Iterator");
}

}  // namespace

ThrowCompletionOr<Value> CreateSetIterator(Agent& agent, Value set, IterationKind kind)
{
    SPEC_ALGORITHM("sec-createsetiterator");
    STEP("1");
    SetObject* S = TRY(require_set(agent, set));
    STEP("2");
    // Captureless: what it captures and its own locals live in the generator.
    SetIteratorObject::Closure closure = [](Agent& agent, SetIteratorObject& generator) -> ThrowCompletionOr<Value> {
        if (!generator.collection) return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
        STEP("2.a");  // the index lives in the generator
        STEP("2.b");
        KeyedCollectionData& entries = generator.collection->SetData;
        STEP("2.c");
        size_t numEntries = entries.size();
        STEP("2.d");
        while (generator.cursor.index < numEntries) {
            STEP("2.d.i");
            Value e = entries[generator.cursor.index].key;
            STEP("2.d.ii");
            ++generator.cursor.index;
            STEP("2.d.iii");
            if (!e.is_empty()) {
                STEP("2.d.iii.1");
                if (generator.kind == IterationKind::KeyValue) {
                    STEP("2.d.iii.1.a");
                    Value pair[] = {e, e};
                    Value result = CreateArrayFromList(agent, pair);
                    STEP("2.d.iii.1.b");
                    return Value(CreateIteratorResultObject(agent, result, false));
                }
                STEP("2.d.iii.2");
                STEP("2.d.iii.2.a");
                SPEC_ASSERT(generator.kind == IterationKind::Value);
                STEP("2.d.iii.2.b");  // GeneratorYield: return the result, resume at the saved index
                STEP("2.d.iii.3");
                STEP("2.d.iii.4");  // on resumption, step 2.c reads the current number of elements
                return Value(CreateIteratorResultObject(agent, e, false));
            }
        }
        STEP("2.e");
        generator.collection = nullptr;
        return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
    };
    STEP("3");
    return Value(OrdinaryObjectCreate<SetIteratorObject>(
        agent, agent.current_realm()->intrinsic(Intrinsic::SetIteratorPrototype), S, S->SetData, kind,
        closure));
}

void CreateSetIntrinsics(Agent& agent, Realm& realm)
{
    // §24.2.4 Properties of the Set Prototype Object: an ordinary object.
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    // §24.2.3 Properties of the Set Constructor.
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, Set_, 0, agent.key("Set"),
                                                         {.realm = &realm, .isConstructor = true});
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_getter(agent, realm, *constructor, agent.well_known_symbol(WellKnownSymbol::species), get_Set_species);

    define_builtin_function(agent, realm, *prototype, "add", Set_prototype_add, 1);
    define_builtin_function(agent, realm, *prototype, "clear", Set_prototype_clear, 0);
    define_builtin_function(agent, realm, *prototype, "delete", Set_prototype_delete, 1);
    define_builtin_function(agent, realm, *prototype, "difference", Set_prototype_difference, 1);
    define_builtin_function(agent, realm, *prototype, "entries", Set_prototype_entries, 0);
    define_builtin_function(agent, realm, *prototype, "forEach", Set_prototype_forEach, 1);
    define_builtin_function(agent, realm, *prototype, "has", Set_prototype_has, 1);
    define_builtin_function(agent, realm, *prototype, "intersection", Set_prototype_intersection, 1);
    define_builtin_function(agent, realm, *prototype, "isDisjointFrom", Set_prototype_isDisjointFrom, 1);
    define_builtin_function(agent, realm, *prototype, "isSubsetOf", Set_prototype_isSubsetOf, 1);
    define_builtin_function(agent, realm, *prototype, "isSupersetOf", Set_prototype_isSupersetOf, 1);
    define_builtin_getter(agent, realm, *prototype, agent.key("size"), get_Set_prototype_size);
    define_builtin_function(agent, realm, *prototype, "symmetricDifference", Set_prototype_symmetricDifference, 1);
    define_builtin_function(agent, realm, *prototype, "union", Set_prototype_union, 1);
    BuiltinFunction* values = define_builtin_function(agent, realm, *prototype, "values", Set_prototype_values, 0);
    // §24.2.4.13 Set.prototype.keys and §24.2.4.18 Set.prototype [ %Symbol.iterator% ]:
    // the same function object as values.
    define_value_property(agent, *prototype, agent.key("keys"), values, true, false, true);
    define_value_property(agent, *prototype, agent.well_known_symbol(WellKnownSymbol::iterator), values, true, false,
                          true);
    define_to_string_tag(agent, *prototype, "Set");

    // §24.2.6.2 The %SetIteratorPrototype% Object.
    Object* iteratorPrototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::IteratorPrototype));
    define_builtin_function(agent, realm, *iteratorPrototype, "next", SetIteratorPrototype_next, 0);
    define_to_string_tag(agent, *iteratorPrototype, "Set Iterator");

    realm.set_intrinsic(Intrinsic::Set, constructor);
    realm.set_intrinsic(Intrinsic::SetPrototype, prototype);
    realm.set_intrinsic(Intrinsic::SetIteratorPrototype, iteratorPrototype);
}

}  // namespace lockstep
