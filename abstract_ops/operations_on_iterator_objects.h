// ECMA-262 §7.4 Operations on Iterator Objects.
// https://tc39.es/ecma262/#sec-operations-on-iterator-objects
#pragma once

#include <optional>

#include "abstract_ops/object_operations.h"
#include "runtime/agent.h"
#include "runtime/completion.h"
#include "runtime/error.h"
#include "runtime/object.h"
#include "runtime/root.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;

// §7.4.1 Iterator Records. Held in C++ locals (the native stack is scanned).
struct IteratorRecord {
    Object* Iterator = nullptr;          // [[Iterator]]
    Value NextMethod = Value::undefined();  // [[NextMethod]]
    bool Done = false;                   // [[Done]]
};

enum class IteratorKind : uint8_t { Sync, Async };
enum class PrimitiveHandling : uint8_t { IterateStringPrimitives, RejectPrimitives };

// §7.4.2 GetIteratorDirect ( obj )
ThrowCompletionOr<IteratorRecord> GetIteratorDirect(Agent&, Object& obj);
// §7.4.3 GetIteratorFromMethod ( obj, method )
ThrowCompletionOr<IteratorRecord> GetIteratorFromMethod(Agent&, Value obj, Value method);
// §7.4.4 GetIterator ( obj, kind )
ThrowCompletionOr<IteratorRecord> GetIterator(Agent&, Value obj, IteratorKind kind);
// §7.4.5 GetIteratorFlattenable ( obj, primitiveHandling )
ThrowCompletionOr<IteratorRecord> GetIteratorFlattenable(Agent&, Value obj, PrimitiveHandling primitiveHandling);
// §7.4.6 IteratorNext ( iteratorRecord [ , value ] ); value nullopt is "not present"
ThrowCompletionOr<Object*> IteratorNext(Agent&, IteratorRecord& iteratorRecord,
                                        std::optional<Value> value = std::nullopt);
// §7.4.7 IteratorComplete ( iteratorResult )
ThrowCompletionOr<bool> IteratorComplete(Agent&, Object& iteratorResult);
// §7.4.8 IteratorValue ( iteratorResult )
ThrowCompletionOr<Value> IteratorValue(Agent&, Object& iteratorResult);
// §7.4.9 IteratorStep ( iteratorRecord ): the result object, or null for ~done~
ThrowCompletionOr<Object*> IteratorStep(Agent&, IteratorRecord& iteratorRecord);
// §7.4.10 IteratorStepValue ( iteratorRecord ): nullopt is ~done~
ThrowCompletionOr<std::optional<Value>> IteratorStepValue(Agent&, IteratorRecord& iteratorRecord);

// §7.4.11 IteratorClose ( iteratorRecord, completion ). C is Completion (the
// evaluator's, which may be a break, continue or return) or
// ThrowCompletionOr<Value> (the built-ins', normal or throw); the result has
// the completion's type, so `return ? IteratorClose(…)` is
// `return TRY(IteratorClose(…))` or `return IteratorClose(…)`.
template <class C>
C IteratorClose(Agent& agent, IteratorRecord& iteratorRecord, C completion)
{
    SPEC_ALGORITHM("sec-iteratorclose");
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

// IteratorClose for a built-in's Completion, which is normal or a throw:
// the result converts back to the built-ins' ThrowCompletionOr<Value>. (The
// evaluator's break/continue/return completions call IteratorClose<Completion>.)
inline ThrowCompletionOr<Value> IteratorClose(Agent& agent, IteratorRecord& iteratorRecord, Completion completion)
{
    SPEC_ASSERT(completion.is_normal() || completion.is_throw_completion());
    ThrowCompletionOr<Value> result = completion.value;
    if (completion.is_throw_completion()) result = ThrowCompletion(completion.value);
    return IteratorClose<ThrowCompletionOr<Value>>(agent, iteratorRecord, result);
}

// §7.4.13 AsyncIteratorClose ( iteratorRecord, completion ): Awaits, so only
// from the code of an async function or async generator.
Completion AsyncIteratorClose(Agent&, IteratorRecord& iteratorRecord, Completion completion);

// §7.4.14 CreateIteratorResultObject ( value, done )
Object* CreateIteratorResultObject(Agent&, Value value, bool done);
// §7.4.16 IteratorToList ( iteratorRecord )
ThrowCompletionOr<List<Value>> IteratorToList(Agent&, IteratorRecord& iteratorRecord);

}  // namespace lockstep
