// ECMA-262 §27.1.6 Async-from-Sync Iterator Objects.
#include "abstract_ops/async_from_sync_iterator.h"

#include "abstract_ops/object_operations.h"
#include "builtins/builtin_helpers.h"
#include "builtins/promise.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/promise_object.h"
#include "runtime/realm.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// §27.1.6.3 Properties of Async-from-Sync Iterator Instances.
class AsyncFromSyncIteratorObject final : public Object {
public:
    using Object::Object;
    IteratorRecord SyncIteratorRecord;  // [[SyncIteratorRecord]]
    void visit_edges(Visitor& visitor) override
    {
        Object::visit_edges(visitor);
        visitor.visit(SyncIteratorRecord.Iterator);
        visitor.visit(SyncIteratorRecord.NextMethod);
    }
};

PromiseCapabilityRecord NewIntrinsicPromiseCapability(Agent& agent)
{
    return MUST(NewPromiseCapability(agent, agent.current_realm()->intrinsic(Intrinsic::Promise)));
}

// "Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly created TypeError object »)."
Value RejectWithTypeError(Agent& agent, const PromiseCapabilityRecord& promiseCapability, const char* message)
{
    Value error = throw_type_error(agent, message).value;
    MUST(Call(agent, promiseCapability.Reject, Value::undefined(), Arguments(&error, 1)));
    return promiseCapability.Promise;
}

// §27.1.6.2.1 %AsyncFromSyncIteratorPrototype%.next ( [ value ] )
ThrowCompletionOr<Value> AsyncFromSyncIteratorPrototype_next(Agent& agent, BuiltinFunction&, Value thisValue,
                                                             Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-%asyncfromsynciteratorprototype%.next");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    auto* iterator = dynamic_cast<AsyncFromSyncIteratorObject*>(O.as_object());
    SPEC_ASSERT(iterator);
    STEP("3");
    PromiseCapabilityRecord promiseCapability = NewIntrinsicPromiseCapability(agent);
    STEP("4");
    IteratorRecord& syncIteratorRecord = iterator->SyncIteratorRecord;
    ThrowCompletionOr<Object*> result = nullptr;
    STEP("5");
    if (!args.empty()) {
        STEP("5.a");
        result = IteratorNext(agent, syncIteratorRecord, args[0]);
    } else {
        STEP("6");
        STEP("6.a");
        result = IteratorNext(agent, syncIteratorRecord);
    }
    STEP("7");
    Object* resultObject = IfAbruptRejectPromise(result, promiseCapability);
    STEP("8");
    return AsyncFromSyncIteratorContinuation(agent, *resultObject, promiseCapability, syncIteratorRecord, true);
}

// §27.1.6.2.2 %AsyncFromSyncIteratorPrototype%.return ( [ value ] )
ThrowCompletionOr<Value> AsyncFromSyncIteratorPrototype_return(Agent& agent, BuiltinFunction&, Value thisValue,
                                                               Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-%asyncfromsynciteratorprototype%.return");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    auto* iterator = dynamic_cast<AsyncFromSyncIteratorObject*>(O.as_object());
    SPEC_ASSERT(iterator);
    STEP("3");
    PromiseCapabilityRecord promiseCapability = NewIntrinsicPromiseCapability(agent);
    STEP("4");
    IteratorRecord& syncIteratorRecord = iterator->SyncIteratorRecord;
    STEP("5");
    Object* syncIterator = syncIteratorRecord.Iterator;
    STEP("6");
    ThrowCompletionOr<Value> returnMethod = GetMethod(agent, syncIterator, agent.key("return"));
    STEP("7");
    Value return_ = IfAbruptRejectPromise(returnMethod, promiseCapability);
    STEP("8");
    if (return_.is_undefined()) {
        STEP("8.a");
        Value iteratorResult = CreateIteratorResultObject(agent, argument(args, 0), true);
        STEP("8.b");
        MUST(Call(agent, promiseCapability.Resolve, Value::undefined(), Arguments(&iteratorResult, 1)));
        STEP("8.c");
        return promiseCapability.Promise;
    }
    ThrowCompletionOr<Value> result = Value::undefined();
    STEP("9");
    if (!args.empty()) {
        STEP("9.a");
        result = Call(agent, return_, syncIterator, args.first(1));
    } else {
        STEP("10");
        STEP("10.a");
        result = Call(agent, return_, syncIterator);
    }
    STEP("11");
    Value resultValue = IfAbruptRejectPromise(result, promiseCapability);
    STEP("12");
    if (!resultValue.is_object()) {
        STEP("12.a");
        STEP("12.b");
        return RejectWithTypeError(agent, promiseCapability, "iterator return() result is not an object");
    }
    STEP("13");
    return AsyncFromSyncIteratorContinuation(agent, *resultValue.as_object(), promiseCapability, syncIteratorRecord,
                                             false);
}

// §27.1.6.2.3 %AsyncFromSyncIteratorPrototype%.throw ( [ value ] )
ThrowCompletionOr<Value> AsyncFromSyncIteratorPrototype_throw(Agent& agent, BuiltinFunction&, Value thisValue,
                                                              Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-%asyncfromsynciteratorprototype%.throw");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    auto* iterator = dynamic_cast<AsyncFromSyncIteratorObject*>(O.as_object());
    SPEC_ASSERT(iterator);
    STEP("3");
    PromiseCapabilityRecord promiseCapability = NewIntrinsicPromiseCapability(agent);
    STEP("4");
    IteratorRecord& syncIteratorRecord = iterator->SyncIteratorRecord;
    STEP("5");
    Object* syncIterator = syncIteratorRecord.Iterator;
    STEP("6");
    ThrowCompletionOr<Value> throwMethod = GetMethod(agent, syncIterator, agent.key("throw"));
    STEP("7");
    Value throw_ = IfAbruptRejectPromise(throwMethod, promiseCapability);
    STEP("8");
    if (throw_.is_undefined()) {
        STEP("8.a");
        STEP("8.b");
        ThrowCompletionOr<Value> closeCompletion = Value::empty();
        STEP("8.c");
        ThrowCompletionOr<Value> closed = IteratorClose(agent, syncIteratorRecord, closeCompletion);
        STEP("8.d");
        IfAbruptRejectPromise(closed, promiseCapability);
        STEP("8.e");
        STEP("8.f");
        STEP("8.g");
        STEP("8.h");
        return RejectWithTypeError(agent, promiseCapability, "the iterator has no throw() method");
    }
    ThrowCompletionOr<Value> result = Value::undefined();
    STEP("9");
    if (!args.empty()) {
        STEP("9.a");
        result = Call(agent, throw_, syncIterator, args.first(1));
    } else {
        STEP("10");
        STEP("10.a");
        result = Call(agent, throw_, syncIterator);
    }
    STEP("11");
    Value resultValue = IfAbruptRejectPromise(result, promiseCapability);
    STEP("12");
    if (!resultValue.is_object()) {
        STEP("12.a");
        STEP("12.b");
        return RejectWithTypeError(agent, promiseCapability, "iterator throw() result is not an object");
    }
    STEP("13");
    return AsyncFromSyncIteratorContinuation(agent, *resultValue.as_object(), promiseCapability, syncIteratorRecord,
                                             true);
}

// The slots of AsyncFromSyncIteratorContinuation's closures: unwrap's done,
// closeIterator's syncIteratorRecord.
constexpr size_t DoneSlot = 0;
constexpr size_t IteratorSlot = 0;
constexpr size_t NextMethodSlot = 1;

}  // namespace

IteratorRecord CreateAsyncFromSyncIterator(Agent& agent, const IteratorRecord& syncIteratorRecord)
{
    SPEC_ALGORITHM("sec-createasyncfromsynciterator");
    STEP("1");
    auto* asyncIterator = OrdinaryObjectCreate<AsyncFromSyncIteratorObject>(
        agent, agent.current_realm()->intrinsic(Intrinsic::AsyncFromSyncIteratorPrototype));
    STEP("2");
    asyncIterator->SyncIteratorRecord = syncIteratorRecord;
    Root<Object*> rootedIterator(asyncIterator);
    STEP("3");
    Value nextMethod = MUST(Get(agent, *asyncIterator, agent.key("next")));
    STEP("4");
    IteratorRecord iteratorRecord{.Iterator = asyncIterator, .NextMethod = nextMethod, .Done = false};
    STEP("5");
    return iteratorRecord;
}

Value AsyncFromSyncIteratorContinuation(Agent& agent, Object& result, const PromiseCapabilityRecord& promiseCapability,
                                        const IteratorRecord& syncIteratorRecord, bool closeOnRejection)
{
    // Written as a function returning ThrowCompletionOr so IfAbruptRejectPromise can
    // return; the capability is %Promise%'s, so nothing here throws (step 1).
    auto steps = [&]() -> ThrowCompletionOr<Value> {
        SPEC_ALGORITHM("sec-asyncfromsynciteratorcontinuation");
        STEP("1");
        STEP("2");
        ThrowCompletionOr<bool> doneCompletion = IteratorComplete(agent, result);
        STEP("3");
        bool done = IfAbruptRejectPromise(doneCompletion, promiseCapability);
        STEP("4");
        ThrowCompletionOr<Value> valueCompletion = IteratorValue(agent, result);
        STEP("5");
        Value value = IfAbruptRejectPromise(valueCompletion, promiseCapability);
        STEP("6");
        ThrowCompletionOr<Object*> valueWrapper =
            PromiseResolve(agent, *agent.current_realm()->intrinsic(Intrinsic::Promise), value);
        STEP("7");
        if (valueWrapper.is_abrupt() && !done && closeOnRejection) {
            STEP("7.a");
            IteratorRecord record = syncIteratorRecord;
            ThrowCompletionOr<Value> closed = IteratorClose<ThrowCompletionOr<Value>>(
                agent, record, ThrowCompletionOr<Value>(valueWrapper.release_error()));
            valueWrapper = closed.release_error();
        }
        STEP("8");
        Object* wrapper = IfAbruptRejectPromise(valueWrapper, promiseCapability);
        Root<Object*> rootedWrapper(wrapper);
        STEP("9");
        auto unwrap = [](Agent& agent, BuiltinFunction& F, Value, Arguments args, Object*) -> ThrowCompletionOr<Value> {
            STEP("9.a");
            return Value(CreateIteratorResultObject(agent, argument(args, 0), F.slots[DoneSlot].as_bool()));
        };
        STEP("10");
        BuiltinFunction* onFulfilled =
            CreateBuiltinFunction(agent, unwrap, 1, agent.key(""), {.additionalInternalSlots = 1});
        onFulfilled->slots[DoneSlot] = Value::boolean(done);
        Root<Object*> rootedOnFulfilled(onFulfilled);
        STEP("11");
        Value onRejected;
        STEP("12");
        if (done || !closeOnRejection) {
            STEP("12.a");
            onRejected = Value::undefined();
        } else {
            STEP("13");
            STEP("13.a");
            auto closeIterator = [](Agent& agent, BuiltinFunction& F, Value, Arguments args,
                                    Object*) -> ThrowCompletionOr<Value> {
                STEP("13.a.i");
                IteratorRecord record{.Iterator = F.slots[IteratorSlot].as_object(),
                                      .NextMethod = F.slots[NextMethodSlot], .Done = false};
                return IteratorClose<ThrowCompletionOr<Value>>(agent, record, ThrowCompletion(argument(args, 0)));
            };
            STEP("13.b");
            BuiltinFunction* closer =
                CreateBuiltinFunction(agent, closeIterator, 1, agent.key(""), {.additionalInternalSlots = 2});
            closer->slots[IteratorSlot] = syncIteratorRecord.Iterator;
            closer->slots[NextMethodSlot] = syncIteratorRecord.NextMethod;
            onRejected = closer;
            STEP("13.c");
        }
        STEP("14");
        PerformPromiseThen(agent, *as_promise(wrapper), onFulfilled, onRejected, promiseCapability);
        STEP("15");
        return Value(promiseCapability.Promise);
    };
    return MUST(steps());
}

void CreateAsyncFromSyncIteratorIntrinsics(Agent& agent, Realm& realm)
{
    // §27.1.6.2 The %AsyncFromSyncIteratorPrototype% Object
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::AsyncIteratorPrototype));
    define_builtin_function(agent, realm, *prototype, "next", AsyncFromSyncIteratorPrototype_next, 1);
    define_builtin_function(agent, realm, *prototype, "return", AsyncFromSyncIteratorPrototype_return, 1);
    define_builtin_function(agent, realm, *prototype, "throw", AsyncFromSyncIteratorPrototype_throw, 1);
    realm.set_intrinsic(Intrinsic::AsyncFromSyncIteratorPrototype, prototype);
}

}  // namespace lockstep
