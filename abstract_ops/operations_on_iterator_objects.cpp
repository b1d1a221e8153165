// ECMA-262 §7.4 Operations on Iterator Objects.
#include "abstract_ops/operations_on_iterator_objects.h"

#include "abstract_ops/async_from_sync_iterator.h"
#include "abstract_ops/async_function_operations.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"

namespace lockstep {

ThrowCompletionOr<IteratorRecord> GetIteratorDirect(Agent& agent, Object& obj)
{
    SPEC_ALGORITHM("sec-getiteratordirect");
    STEP("1");
    Value nextMethod = TRY(Get(agent, obj, agent.key("next")));
    STEP("2");
    IteratorRecord iteratorRecord{.Iterator = &obj, .NextMethod = nextMethod, .Done = false};
    STEP("3");
    return iteratorRecord;
}

ThrowCompletionOr<IteratorRecord> GetIteratorFromMethod(Agent& agent, Value obj, Value method)
{
    SPEC_ALGORITHM("sec-getiteratorfrommethod");
    STEP("1");
    Value iterator = TRY(Call(agent, method, obj));
    STEP("2");
    if (!iterator.is_object()) return throw_type_error(agent, "iterator is not an object");
    STEP("3");
    return TRY(GetIteratorDirect(agent, *iterator.as_object()));
}

ThrowCompletionOr<IteratorRecord> GetIterator(Agent& agent, Value obj, IteratorKind kind)
{
    SPEC_ALGORITHM("sec-getiterator");
    Value method;
    STEP("1");
    if (kind == IteratorKind::Async) {
        STEP("1.a");
        method = TRY(GetMethod(agent, obj, agent.well_known_symbol(WellKnownSymbol::asyncIterator)));
        STEP("1.b");
        if (method.is_undefined()) {
            STEP("1.b.i");
            Value syncMethod = TRY(GetMethod(agent, obj, agent.well_known_symbol(WellKnownSymbol::iterator)));
            STEP("1.b.ii");
            if (syncMethod.is_undefined()) return throw_type_error(agent, "object is not async iterable");
            STEP("1.b.iii");
            IteratorRecord syncIteratorRecord = TRY(GetIteratorFromMethod(agent, obj, syncMethod));
            STEP("1.b.iv");
            return CreateAsyncFromSyncIterator(agent, syncIteratorRecord);
        }
    } else {
        STEP("2");
        STEP("2.a");
        method = TRY(GetMethod(agent, obj, agent.well_known_symbol(WellKnownSymbol::iterator)));
    }
    STEP("3");
    if (method.is_undefined()) return throw_type_error(agent, "object is not iterable");
    STEP("4");
    return TRY(GetIteratorFromMethod(agent, obj, method));
}

ThrowCompletionOr<IteratorRecord> GetIteratorFlattenable(Agent& agent, Value obj, PrimitiveHandling primitiveHandling)
{
    SPEC_ALGORITHM("sec-getiteratorflattenable");
    STEP("1");
    if (!obj.is_object()) {
        STEP("1.a");
        if (primitiveHandling == PrimitiveHandling::RejectPrimitives)
            return throw_type_error(agent, "value is not an object");
        STEP("1.b");
        SPEC_ASSERT(primitiveHandling == PrimitiveHandling::IterateStringPrimitives);
        STEP("1.c");
        if (!obj.is_string()) return throw_type_error(agent, "value is neither an object nor a string");
    }
    STEP("2");
    Value method = TRY(GetMethod(agent, obj, agent.well_known_symbol(WellKnownSymbol::iterator)));
    Value iterator;
    STEP("3");
    if (method.is_undefined()) {
        STEP("3.a");
        iterator = obj;
    } else {
        STEP("4");
        STEP("4.a");
        iterator = TRY(Call(agent, method, obj));
    }
    STEP("5");
    if (!iterator.is_object()) return throw_type_error(agent, "iterator is not an object");
    STEP("6");
    return TRY(GetIteratorDirect(agent, *iterator.as_object()));
}

ThrowCompletionOr<Object*> IteratorNext(Agent& agent, IteratorRecord& iteratorRecord, std::optional<Value> value)
{
    SPEC_ALGORITHM("sec-iteratornext");
    ThrowCompletionOr<Value> result = Value::undefined();
    STEP("1");
    if (!value) {
        STEP("1.a");
        result = Call(agent, iteratorRecord.NextMethod, iteratorRecord.Iterator);
    } else {
        STEP("2");
        STEP("2.a");
        result = Call(agent, iteratorRecord.NextMethod, iteratorRecord.Iterator, std::span<const Value>(&*value, 1));
    }
    STEP("3");
    if (result.is_throw_completion()) {
        STEP("3.a");
        iteratorRecord.Done = true;
        STEP("3.b");
        return result.release_error();
    }
    STEP("4");
    Value object = result.value();
    STEP("5");
    if (!object.is_object()) {
        STEP("5.a");
        iteratorRecord.Done = true;
        STEP("5.b");
        return throw_type_error(agent, "iterator result is not an object");
    }
    STEP("6");
    return object.as_object();
}

ThrowCompletionOr<bool> IteratorComplete(Agent& agent, Object& iteratorResult)
{
    SPEC_ALGORITHM("sec-iteratorcomplete");
    STEP("1");
    return ToBoolean(TRY(Get(agent, iteratorResult, agent.key("done"))));
}

ThrowCompletionOr<Value> IteratorValue(Agent& agent, Object& iteratorResult)
{
    SPEC_ALGORITHM("sec-iteratorvalue");
    STEP("1");
    return TRY(Get(agent, iteratorResult, agent.key("value")));
}

ThrowCompletionOr<Object*> IteratorStep(Agent& agent, IteratorRecord& iteratorRecord)
{
    SPEC_ALGORITHM("sec-iteratorstep");
    STEP("1");
    Object* result = TRY(IteratorNext(agent, iteratorRecord));
    STEP("2");
    ThrowCompletionOr<bool> done = IteratorComplete(agent, *result);
    STEP("3");
    if (done.is_throw_completion()) {
        STEP("3.a");
        iteratorRecord.Done = true;
        STEP("3.b");
        return done.release_error();
    }
    STEP("4");
    STEP("5");
    if (done.value()) {
        STEP("5.a");
        iteratorRecord.Done = true;
        STEP("5.b");
        return nullptr;
    }
    STEP("6");
    return result;
}

ThrowCompletionOr<std::optional<Value>> IteratorStepValue(Agent& agent, IteratorRecord& iteratorRecord)
{
    SPEC_ALGORITHM("sec-iteratorstepvalue");
    STEP("1");
    Object* result = TRY(IteratorStep(agent, iteratorRecord));
    STEP("2");
    if (!result) {
        STEP("2.a");
        return std::optional<Value>();
    }
    STEP("3");
    ThrowCompletionOr<Value> value = IteratorValue(agent, *result);
    STEP("4");
    if (value.is_throw_completion()) {
        STEP("4.a");
        iteratorRecord.Done = true;
    }
    STEP("5");
    return std::optional<Value>(TRY(value));
}

Object* CreateIteratorResultObject(Agent& agent, Value value, bool done)
{
    SPEC_ALGORITHM("sec-createiterresultobject");
    STEP("1");
    Object* obj = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
    STEP("2");
    MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("value"), value));
    STEP("3");
    MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("done"), Value::boolean(done)));
    STEP("4");
    return obj;
}

ThrowCompletionOr<List<Value>> IteratorToList(Agent& agent, IteratorRecord& iteratorRecord)
{
    SPEC_ALGORITHM("sec-iteratortolist");
    STEP("1");
    List<Value> values;
    STEP("2");
    for (;;) {
        STEP("2.a");
        std::optional<Value> next = TRY(IteratorStepValue(agent, iteratorRecord));
        STEP("2.b");
        if (!next) {
            STEP("2.b.i");
            return values;
        }
        STEP("2.c");
        values.append(*next);
    }
}

Completion AsyncIteratorClose(Agent& agent, IteratorRecord& iteratorRecord, Completion completion)
{
    SPEC_ALGORITHM("sec-asynciteratorclose");
    STEP("1");
    SPEC_ASSERT(iteratorRecord.Iterator);
    STEP("2");
    Object* iterator = iteratorRecord.Iterator;
    STEP("3");
    ThrowCompletionOr<Value> innerResult = GetMethod(agent, iterator, agent.key("return"));
    STEP("4");
    if (!innerResult.is_throw_completion()) {
        STEP("4.a");
        Value return_ = innerResult.value();
        STEP("4.b");
        if (return_.is_undefined()) return completion;
        STEP("4.c");
        innerResult = Call(agent, return_, iterator);
        STEP("4.d");
        if (!innerResult.is_throw_completion()) innerResult = Await(agent, innerResult.value());
    }
    STEP("5");
    if (completion.is_throw_completion()) return completion;
    STEP("6");
    if (innerResult.is_throw_completion()) return innerResult.release_error();
    STEP("7");
    if (!innerResult.value().is_object()) return throw_type_error(agent, "iterator return() result is not an object");
    STEP("8");
    return completion;
}

}  // namespace lockstep
