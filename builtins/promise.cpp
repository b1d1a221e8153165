// ECMA-262 §27.2.3-§27.2.5 Promise Objects: the Promise constructor, its
// properties, and the properties of the Promise prototype object.
// (§27.2.1-§27.2.2 are abstract_ops/promise_operations.cpp and promise_jobs.cpp.)
#include "builtins/promise.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/promise_jobs.h"
#include "abstract_ops/testing_and_comparison.h"
#include "builtins/builtin_helpers.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/promise_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// The internal slots of the Promise.all / allSettled / any element
// functions, by position. [[Capability]], a PromiseCapability Record, takes
// three slots; [[Values]] and [[Errors]] are a SharedList, [[RemainingElements]]
// a SharedRecord; [[AlreadyCalled]] is a Boolean, or for allSettled a
// SharedRecord both of an element's functions hold.
enum ElementFunctionSlot : size_t {
    AlreadyCalledSlot,
    IndexSlot,
    ValuesSlot,
    ErrorsSlot = ValuesSlot,
    CapabilityPromiseSlot,
    CapabilityResolveSlot,
    CapabilityRejectSlot,
    RemainingElementsSlot,
    ElementFunctionSlotCount
};

void set_capability_slots(BuiltinFunction& F, const PromiseCapabilityRecord& capability)
{
    F.slots[CapabilityPromiseSlot] = capability.Promise;
    F.slots[CapabilityResolveSlot] = capability.Resolve;
    F.slots[CapabilityRejectSlot] = capability.Reject;
}

PromiseCapabilityRecord capability_slots(const BuiltinFunction& F)
{
    return PromiseCapabilityRecord{F.slots[CapabilityPromiseSlot].as_object(),
                                   F.slots[CapabilityResolveSlot].as_object(),
                                   F.slots[CapabilityRejectSlot].as_object()};
}

SharedList& shared_list_slot(const BuiltinFunction& F, size_t slot)
{
    return static_cast<SharedList&>(*F.slots[slot].as_object());
}

SharedRecord& shared_record_slot(const BuiltinFunction& F, size_t slot)
{
    return static_cast<SharedRecord&>(*F.slots[slot].as_object());
}

// An element function: CreateBuiltinFunction(steps, 1, "", « [[AlreadyCalled]], … »).
BuiltinFunction* create_element_function(Agent& agent, BuiltinBehaviour steps)
{
    return CreateBuiltinFunction(agent, std::move(steps), 1, agent.key(""),
                                 {.additionalInternalSlots = ElementFunctionSlotCount});
}

// "a newly created AggregateError object": an error object of the current
// realm (§20.5.7.1.1 AggregateError steps 2-3, without message or cause).
Object* new_aggregate_error(Agent& agent)
{
    return OrdinaryObjectCreate<ErrorObject>(agent,
                                             agent.current_realm()->intrinsic(Intrinsic::AggregateErrorPrototype));
}

// Call(F, undefined, « argument ») for a function object F.
ThrowCompletionOr<Value> call_with(Agent& agent, Object* F, Value argument)
{
    return Call(agent, F, Value::undefined(), std::span(&argument, 1));
}

// §27.2.3.1 Promise ( executor )
ThrowCompletionOr<Value> Promise(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-promise-executor");
    Value executor = argument(args, 0);
    STEP("1");
    if (!NewTarget) return throw_type_error(agent, "Promise constructor requires 'new'");
    STEP("2");
    if (!IsCallable(executor)) return throw_type_error(agent, "Promise executor is not callable");
    STEP("3");
    PromiseObject* promise =
        TRY(OrdinaryCreateFromConstructor<PromiseObject>(agent, *NewTarget, Intrinsic::PromisePrototype));
    STEP("4");
    promise->PromiseState = PromiseState::Pending;
    STEP("5");
    promise->PromiseResult = Value::empty();
    STEP("6");
    promise->PromiseFulfillReactions.clear();
    STEP("7");
    promise->PromiseRejectReactions.clear();
    STEP("8");
    promise->PromiseIsHandled = false;
    STEP("9");
    ResolvingFunctions resolvingFunctions = CreateResolvingFunctions(agent, *promise);
    STEP("10");
    Value resolvingArguments[] = {resolvingFunctions.Resolve, resolvingFunctions.Reject};
    ThrowCompletionOr<Value> completion = Call(agent, executor, Value::undefined(), resolvingArguments);
    STEP("11");
    if (completion.is_abrupt()) {
        STEP("11.a");
        TRY(call_with(agent, resolvingFunctions.Reject, completion.thrown_value()));
    }
    STEP("12");
    return Value(promise);
}

// §27.2.4.1.1 GetPromiseResolve ( promiseConstructor )
ThrowCompletionOr<Value> GetPromiseResolve(Agent& agent, Object& promiseConstructor)
{
    SPEC_ALGORITHM("sec-getpromiseresolve");
    STEP("1");
    Value promiseResolve = TRY(Get(agent, promiseConstructor, agent.key("resolve")));
    STEP("2");
    if (!IsCallable(promiseResolve)) return throw_type_error(agent, "the constructor's resolve is not callable");
    STEP("3");
    return promiseResolve;
}

// §27.2.4.1.3 Promise.all Resolve Element Functions
ThrowCompletionOr<Value> PromiseAllResolveElementFunction(Agent& agent, BuiltinFunction& F, Value, Arguments args,
                                                          Object*)
{
    SPEC_ALGORITHM("sec-promise.all-resolve-element-functions");
    Value x = argument(args, 0);
    STEP("1");  // F is the active function object
    STEP("2");
    if (F.slots[AlreadyCalledSlot].as_bool()) return Value::undefined();
    STEP("3");
    F.slots[AlreadyCalledSlot] = Value::boolean(true);
    STEP("4");
    auto index = size_t(F.slots[IndexSlot].as_number());
    STEP("5");
    SharedList& values = shared_list_slot(F, ValuesSlot);
    STEP("6");
    PromiseCapabilityRecord promiseCapability = capability_slots(F);
    STEP("7");
    SharedRecord& remainingElementsCount = shared_record_slot(F, RemainingElementsSlot);
    STEP("8");
    values.items[index] = x;
    STEP("9");
    remainingElementsCount.Value = Value::number(remainingElementsCount.Value.as_number() - 1);
    STEP("10");
    if (remainingElementsCount.Value.as_number() == 0) {
        STEP("10.a");
        Object* valuesArray = CreateArrayFromList(agent, values.items);
        STEP("10.b");
        return TRY(call_with(agent, promiseCapability.Resolve, valuesArray));
    }
    STEP("11");
    return Value::undefined();
}

// §27.2.4.1.2 PerformPromiseAll ( iteratorRecord, constructor, resultCapability, promiseResolve )
ThrowCompletionOr<Value> PerformPromiseAll(Agent& agent, IteratorRecord& iteratorRecord, Object& constructor,
                                           const PromiseCapabilityRecord& resultCapability, Value promiseResolve)
{
    SPEC_ALGORITHM("sec-performpromiseall");
    STEP("1");
    SharedList* values = new_shared_list(agent);
    STEP("2");
    SharedRecord* remainingElementsCount = new_shared_record(agent, Value::number(1));
    STEP("3");
    double index = 0;
    STEP("4");
    for (;;) {
        STEP("4.a");
        std::optional<Value> next = TRY(IteratorStepValue(agent, iteratorRecord));
        STEP("4.b");
        if (!next) {
            STEP("4.b.i");
            remainingElementsCount->Value = Value::number(remainingElementsCount->Value.as_number() - 1);
            STEP("4.b.ii");
            if (remainingElementsCount->Value.as_number() == 0) {
                STEP("4.b.ii.1");
                Object* valuesArray = CreateArrayFromList(agent, values->items);
                STEP("4.b.ii.2");
                TRY(call_with(agent, resultCapability.Resolve, valuesArray));
            }
            STEP("4.b.iii");
            return Value(resultCapability.Promise);
        }
        STEP("4.c");
        values->items.push_back(Value::undefined());
        STEP("4.d");
        Value nextPromise = TRY(Call(agent, promiseResolve, &constructor, std::span(&*next, 1)));
        STEP("4.e");  // PromiseAllResolveElementFunction
        STEP("4.f");  // its length is 1
        STEP("4.g");
        BuiltinFunction* onFulfilled = create_element_function(agent, PromiseAllResolveElementFunction);
        STEP("4.h");
        onFulfilled->slots[AlreadyCalledSlot] = Value::boolean(false);
        STEP("4.i");
        onFulfilled->slots[IndexSlot] = Value::number(index);
        STEP("4.j");
        onFulfilled->slots[ValuesSlot] = values;
        STEP("4.k");
        set_capability_slots(*onFulfilled, resultCapability);
        STEP("4.l");
        onFulfilled->slots[RemainingElementsSlot] = remainingElementsCount;
        STEP("4.m");
        remainingElementsCount->Value = Value::number(remainingElementsCount->Value.as_number() + 1);
        STEP("4.n");
        Value thenArguments[] = {onFulfilled, resultCapability.Reject};
        TRY(Invoke(agent, nextPromise, agent.key("then"), thenArguments));
        STEP("4.o");
        index = index + 1;
    }
}

// §27.2.4.1 Promise.all ( iterable )
ThrowCompletionOr<Value> Promise_all(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-promise.all");
    Value iterable = argument(args, 0);
    STEP("1");
    Value C = thisValue;
    STEP("2");
    PromiseCapabilityRecord promiseCapability = TRY(NewPromiseCapability(agent, C));
    STEP("3");
    ThrowCompletionOr<Value> promiseResolveCompletion = GetPromiseResolve(agent, *C.as_object());
    STEP("4");
    Value promiseResolve = IfAbruptRejectPromise(promiseResolveCompletion, promiseCapability);
    STEP("5");
    ThrowCompletionOr<IteratorRecord> iteratorRecordCompletion = GetIterator(agent, iterable, IteratorKind::Sync);
    STEP("6");
    IteratorRecord iteratorRecord = IfAbruptRejectPromise(iteratorRecordCompletion, promiseCapability);
    STEP("7");
    ThrowCompletionOr<Value> result =
        PerformPromiseAll(agent, iteratorRecord, *C.as_object(), promiseCapability, promiseResolve);
    STEP("8");
    if (result.is_abrupt()) {
        STEP("8.a");
        if (!iteratorRecord.Done) result = IteratorClose(agent, iteratorRecord, result);
        STEP("8.b");
        IfAbruptRejectPromise(result, promiseCapability);
    }
    STEP("9");
    return MUST(result);
}

// §27.2.4.2.2 Promise.allSettled Resolve Element Functions
ThrowCompletionOr<Value> PromiseAllSettledResolveElementFunction(Agent& agent, BuiltinFunction& F, Value,
                                                                 Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-promise.allsettled-resolve-element-functions");
    Value x = argument(args, 0);
    STEP("1");  // F is the active function object
    STEP("2");
    SharedRecord& alreadyCalled = shared_record_slot(F, AlreadyCalledSlot);
    STEP("3");
    if (alreadyCalled.Value.as_bool()) return Value::undefined();
    STEP("4");
    alreadyCalled.Value = Value::boolean(true);
    STEP("5");
    auto index = size_t(F.slots[IndexSlot].as_number());
    STEP("6");
    SharedList& values = shared_list_slot(F, ValuesSlot);
    STEP("7");
    PromiseCapabilityRecord promiseCapability = capability_slots(F);
    STEP("8");
    SharedRecord& remainingElementsCount = shared_record_slot(F, RemainingElementsSlot);
    STEP("9");
    Object* obj = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
    STEP("10");
    MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("status"), make_string_from_ascii(agent.heap, "fulfilled")));
    STEP("11");
    MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("value"), x));
    STEP("12");
    values.items[index] = obj;
    STEP("13");
    remainingElementsCount.Value = Value::number(remainingElementsCount.Value.as_number() - 1);
    STEP("14");
    if (remainingElementsCount.Value.as_number() == 0) {
        STEP("14.a");
        Object* valuesArray = CreateArrayFromList(agent, values.items);
        STEP("14.b");
        return TRY(call_with(agent, promiseCapability.Resolve, valuesArray));
    }
    STEP("15");
    return Value::undefined();
}

// §27.2.4.2.3 Promise.allSettled Reject Element Functions
ThrowCompletionOr<Value> PromiseAllSettledRejectElementFunction(Agent& agent, BuiltinFunction& F, Value,
                                                                Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-promise.allsettled-reject-element-functions");
    Value x = argument(args, 0);
    STEP("1");  // F is the active function object
    STEP("2");
    SharedRecord& alreadyCalled = shared_record_slot(F, AlreadyCalledSlot);
    STEP("3");
    if (alreadyCalled.Value.as_bool()) return Value::undefined();
    STEP("4");
    alreadyCalled.Value = Value::boolean(true);
    STEP("5");
    auto index = size_t(F.slots[IndexSlot].as_number());
    STEP("6");
    SharedList& values = shared_list_slot(F, ValuesSlot);
    STEP("7");
    PromiseCapabilityRecord promiseCapability = capability_slots(F);
    STEP("8");
    SharedRecord& remainingElementsCount = shared_record_slot(F, RemainingElementsSlot);
    STEP("9");
    Object* obj = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
    STEP("10");
    MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("status"), make_string_from_ascii(agent.heap, "rejected")));
    STEP("11");
    MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("reason"), x));
    STEP("12");
    values.items[index] = obj;
    STEP("13");
    remainingElementsCount.Value = Value::number(remainingElementsCount.Value.as_number() - 1);
    STEP("14");
    if (remainingElementsCount.Value.as_number() == 0) {
        STEP("14.a");
        Object* valuesArray = CreateArrayFromList(agent, values.items);
        STEP("14.b");
        return TRY(call_with(agent, promiseCapability.Resolve, valuesArray));
    }
    STEP("15");
    return Value::undefined();
}

// §27.2.4.2.1 PerformPromiseAllSettled ( iteratorRecord, constructor, resultCapability, promiseResolve )
ThrowCompletionOr<Value> PerformPromiseAllSettled(Agent& agent, IteratorRecord& iteratorRecord, Object& constructor,
                                                  const PromiseCapabilityRecord& resultCapability,
                                                  Value promiseResolve)
{
    SPEC_ALGORITHM("sec-performpromiseallsettled");
    STEP("1");
    SharedList* values = new_shared_list(agent);
    STEP("2");
    SharedRecord* remainingElementsCount = new_shared_record(agent, Value::number(1));
    STEP("3");
    double index = 0;
    STEP("4");
    for (;;) {
        STEP("4.a");
        std::optional<Value> next = TRY(IteratorStepValue(agent, iteratorRecord));
        STEP("4.b");
        if (!next) {
            STEP("4.b.i");
            remainingElementsCount->Value = Value::number(remainingElementsCount->Value.as_number() - 1);
            STEP("4.b.ii");
            if (remainingElementsCount->Value.as_number() == 0) {
                STEP("4.b.ii.1");
                Object* valuesArray = CreateArrayFromList(agent, values->items);
                STEP("4.b.ii.2");
                TRY(call_with(agent, resultCapability.Resolve, valuesArray));
            }
            STEP("4.b.iii");
            return Value(resultCapability.Promise);
        }
        STEP("4.c");
        values->items.push_back(Value::undefined());
        STEP("4.d");
        Value nextPromise = TRY(Call(agent, promiseResolve, &constructor, std::span(&*next, 1)));
        STEP("4.e");  // PromiseAllSettledResolveElementFunction
        STEP("4.f");  // its length is 1
        STEP("4.g");
        BuiltinFunction* onFulfilled = create_element_function(agent, PromiseAllSettledResolveElementFunction);
        STEP("4.h");
        SharedRecord* alreadyCalled = new_shared_record(agent, Value::boolean(false));
        STEP("4.i");
        onFulfilled->slots[AlreadyCalledSlot] = alreadyCalled;
        STEP("4.j");
        onFulfilled->slots[IndexSlot] = Value::number(index);
        STEP("4.k");
        onFulfilled->slots[ValuesSlot] = values;
        STEP("4.l");
        set_capability_slots(*onFulfilled, resultCapability);
        STEP("4.m");
        onFulfilled->slots[RemainingElementsSlot] = remainingElementsCount;
        STEP("4.n");  // PromiseAllSettledRejectElementFunction
        STEP("4.o");  // its length is 1
        STEP("4.p");
        BuiltinFunction* onRejected = create_element_function(agent, PromiseAllSettledRejectElementFunction);
        STEP("4.q");
        onRejected->slots[AlreadyCalledSlot] = alreadyCalled;
        STEP("4.r");
        onRejected->slots[IndexSlot] = Value::number(index);
        STEP("4.s");
        onRejected->slots[ValuesSlot] = values;
        STEP("4.t");
        set_capability_slots(*onRejected, resultCapability);
        STEP("4.u");
        onRejected->slots[RemainingElementsSlot] = remainingElementsCount;
        STEP("4.v");
        remainingElementsCount->Value = Value::number(remainingElementsCount->Value.as_number() + 1);
        STEP("4.w");
        Value thenArguments[] = {onFulfilled, onRejected};
        TRY(Invoke(agent, nextPromise, agent.key("then"), thenArguments));
        STEP("4.x");
        index = index + 1;
    }
}

// §27.2.4.2 Promise.allSettled ( iterable )
ThrowCompletionOr<Value> Promise_allSettled(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-promise.allsettled");
    Value iterable = argument(args, 0);
    STEP("1");
    Value C = thisValue;
    STEP("2");
    PromiseCapabilityRecord promiseCapability = TRY(NewPromiseCapability(agent, C));
    STEP("3");
    ThrowCompletionOr<Value> promiseResolveCompletion = GetPromiseResolve(agent, *C.as_object());
    STEP("4");
    Value promiseResolve = IfAbruptRejectPromise(promiseResolveCompletion, promiseCapability);
    STEP("5");
    ThrowCompletionOr<IteratorRecord> iteratorRecordCompletion = GetIterator(agent, iterable, IteratorKind::Sync);
    STEP("6");
    IteratorRecord iteratorRecord = IfAbruptRejectPromise(iteratorRecordCompletion, promiseCapability);
    STEP("7");
    ThrowCompletionOr<Value> result =
        PerformPromiseAllSettled(agent, iteratorRecord, *C.as_object(), promiseCapability, promiseResolve);
    STEP("8");
    if (result.is_abrupt()) {
        STEP("8.a");
        if (!iteratorRecord.Done) result = IteratorClose(agent, iteratorRecord, result);
        STEP("8.b");
        IfAbruptRejectPromise(result, promiseCapability);
    }
    STEP("9");
    return MUST(result);
}

// §27.2.4.3.2 Promise.any Reject Element Functions
ThrowCompletionOr<Value> PromiseAnyRejectElementFunction(Agent& agent, BuiltinFunction& F, Value, Arguments args,
                                                         Object*)
{
    SPEC_ALGORITHM("sec-promise.any-reject-element-functions");
    Value x = argument(args, 0);
    STEP("1");  // F is the active function object
    STEP("2");
    if (F.slots[AlreadyCalledSlot].as_bool()) return Value::undefined();
    STEP("3");
    F.slots[AlreadyCalledSlot] = Value::boolean(true);
    STEP("4");
    auto index = size_t(F.slots[IndexSlot].as_number());
    STEP("5");
    SharedList& errors = shared_list_slot(F, ErrorsSlot);
    STEP("6");
    PromiseCapabilityRecord promiseCapability = capability_slots(F);
    STEP("7");
    SharedRecord& remainingElementsCount = shared_record_slot(F, RemainingElementsSlot);
    STEP("8");
    errors.items[index] = x;
    STEP("9");
    remainingElementsCount.Value = Value::number(remainingElementsCount.Value.as_number() - 1);
    STEP("10");
    if (remainingElementsCount.Value.as_number() == 0) {
        STEP("10.a");
        Object* error = new_aggregate_error(agent);
        STEP("10.b");
        MUST(DefinePropertyOrThrow(agent, *error, agent.key("errors"),
                                   PropertyDescriptor{.value = CreateArrayFromList(agent, errors.items),
                                                      .writable = true, .enumerable = false, .configurable = true}));
        STEP("10.c");
        return TRY(call_with(agent, promiseCapability.Reject, error));
    }
    STEP("11");
    return Value::undefined();
}

// §27.2.4.3.1 PerformPromiseAny ( iteratorRecord, constructor, resultCapability, promiseResolve )
ThrowCompletionOr<Value> PerformPromiseAny(Agent& agent, IteratorRecord& iteratorRecord, Object& constructor,
                                           const PromiseCapabilityRecord& resultCapability, Value promiseResolve)
{
    SPEC_ALGORITHM("sec-performpromiseany");
    STEP("1");
    SharedList* errors = new_shared_list(agent);
    STEP("2");
    SharedRecord* remainingElementsCount = new_shared_record(agent, Value::number(1));
    STEP("3");
    double index = 0;
    STEP("4");
    for (;;) {
        STEP("4.a");
        std::optional<Value> next = TRY(IteratorStepValue(agent, iteratorRecord));
        STEP("4.b");
        if (!next) {
            STEP("4.b.i");
            remainingElementsCount->Value = Value::number(remainingElementsCount->Value.as_number() - 1);
            STEP("4.b.ii");
            if (remainingElementsCount->Value.as_number() == 0) {
                STEP("4.b.ii.1");
                Object* error = new_aggregate_error(agent);
                STEP("4.b.ii.2");
                MUST(DefinePropertyOrThrow(agent, *error, agent.key("errors"),
                                           PropertyDescriptor{.value = CreateArrayFromList(agent, errors->items),
                                                              .writable = true, .enumerable = false,
                                                              .configurable = true}));
                STEP("4.b.ii.3");
                return ThrowCompletion(error);
            }
            STEP("4.b.iii");
            return Value(resultCapability.Promise);
        }
        STEP("4.c");
        errors->items.push_back(Value::undefined());
        STEP("4.d");
        Value nextPromise = TRY(Call(agent, promiseResolve, &constructor, std::span(&*next, 1)));
        STEP("4.e");  // PromiseAnyRejectElementFunction
        STEP("4.f");  // its length is 1
        STEP("4.g");
        BuiltinFunction* onRejected = create_element_function(agent, PromiseAnyRejectElementFunction);
        STEP("4.h");
        onRejected->slots[AlreadyCalledSlot] = Value::boolean(false);
        STEP("4.i");
        onRejected->slots[IndexSlot] = Value::number(index);
        STEP("4.j");
        onRejected->slots[ErrorsSlot] = errors;
        STEP("4.k");
        set_capability_slots(*onRejected, resultCapability);
        STEP("4.l");
        onRejected->slots[RemainingElementsSlot] = remainingElementsCount;
        STEP("4.m");
        remainingElementsCount->Value = Value::number(remainingElementsCount->Value.as_number() + 1);
        STEP("4.n");
        Value thenArguments[] = {resultCapability.Resolve, onRejected};
        TRY(Invoke(agent, nextPromise, agent.key("then"), thenArguments));
        STEP("4.o");
        index = index + 1;
    }
}

// §27.2.4.3 Promise.any ( iterable )
ThrowCompletionOr<Value> Promise_any(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-promise.any");
    Value iterable = argument(args, 0);
    STEP("1");
    Value C = thisValue;
    STEP("2");
    PromiseCapabilityRecord promiseCapability = TRY(NewPromiseCapability(agent, C));
    STEP("3");
    ThrowCompletionOr<Value> promiseResolveCompletion = GetPromiseResolve(agent, *C.as_object());
    STEP("4");
    Value promiseResolve = IfAbruptRejectPromise(promiseResolveCompletion, promiseCapability);
    STEP("5");
    ThrowCompletionOr<IteratorRecord> iteratorRecordCompletion = GetIterator(agent, iterable, IteratorKind::Sync);
    STEP("6");
    IteratorRecord iteratorRecord = IfAbruptRejectPromise(iteratorRecordCompletion, promiseCapability);
    STEP("7");
    ThrowCompletionOr<Value> result =
        PerformPromiseAny(agent, iteratorRecord, *C.as_object(), promiseCapability, promiseResolve);
    STEP("8");
    if (result.is_abrupt()) {
        STEP("8.a");
        if (!iteratorRecord.Done) result = IteratorClose(agent, iteratorRecord, result);
        STEP("8.b");
        IfAbruptRejectPromise(result, promiseCapability);
    }
    STEP("9");
    return MUST(result);
}

// §27.2.4.5.1 PerformPromiseRace ( iteratorRecord, constructor, resultCapability, promiseResolve )
ThrowCompletionOr<Value> PerformPromiseRace(Agent& agent, IteratorRecord& iteratorRecord, Object& constructor,
                                            const PromiseCapabilityRecord& resultCapability, Value promiseResolve)
{
    SPEC_ALGORITHM("sec-performpromiserace");
    STEP("1");
    for (;;) {
        STEP("1.a");
        std::optional<Value> next = TRY(IteratorStepValue(agent, iteratorRecord));
        STEP("1.b");
        if (!next) {
            STEP("1.b.i");
            return Value(resultCapability.Promise);
        }
        STEP("1.c");
        Value nextPromise = TRY(Call(agent, promiseResolve, &constructor, std::span(&*next, 1)));
        STEP("1.d");
        Value thenArguments[] = {resultCapability.Resolve, resultCapability.Reject};
        TRY(Invoke(agent, nextPromise, agent.key("then"), thenArguments));
    }
}

// §27.2.4.5 Promise.race ( iterable )
ThrowCompletionOr<Value> Promise_race(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-promise.race");
    Value iterable = argument(args, 0);
    STEP("1");
    Value C = thisValue;
    STEP("2");
    PromiseCapabilityRecord promiseCapability = TRY(NewPromiseCapability(agent, C));
    STEP("3");
    ThrowCompletionOr<Value> promiseResolveCompletion = GetPromiseResolve(agent, *C.as_object());
    STEP("4");
    Value promiseResolve = IfAbruptRejectPromise(promiseResolveCompletion, promiseCapability);
    STEP("5");
    ThrowCompletionOr<IteratorRecord> iteratorRecordCompletion = GetIterator(agent, iterable, IteratorKind::Sync);
    STEP("6");
    IteratorRecord iteratorRecord = IfAbruptRejectPromise(iteratorRecordCompletion, promiseCapability);
    STEP("7");
    ThrowCompletionOr<Value> result =
        PerformPromiseRace(agent, iteratorRecord, *C.as_object(), promiseCapability, promiseResolve);
    STEP("8");
    if (result.is_abrupt()) {
        STEP("8.a");
        if (!iteratorRecord.Done) result = IteratorClose(agent, iteratorRecord, result);
        STEP("8.b");
        IfAbruptRejectPromise(result, promiseCapability);
    }
    STEP("9");
    return MUST(result);
}

// §27.2.4.6 Promise.reject ( r )
ThrowCompletionOr<Value> Promise_reject(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-promise.reject");
    Value r = argument(args, 0);
    STEP("1");
    Value C = thisValue;
    STEP("2");
    PromiseCapabilityRecord promiseCapability = TRY(NewPromiseCapability(agent, C));
    STEP("3");
    TRY(call_with(agent, promiseCapability.Reject, r));
    STEP("4");
    return Value(promiseCapability.Promise);
}

// §27.2.4.7 Promise.resolve ( x )
ThrowCompletionOr<Value> Promise_resolve(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-promise.resolve");
    Value x = argument(args, 0);
    STEP("1");
    Value C = thisValue;
    STEP("2");
    if (!C.is_object()) return throw_type_error(agent, "Promise.resolve called on a non-object");
    STEP("3");
    return Value(TRY(PromiseResolve(agent, *C.as_object(), x)));
}

// §27.2.4.8 Promise.try ( callback, ...args )
ThrowCompletionOr<Value> Promise_try(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-promise.try");
    Value callback = argument(args, 0);
    Arguments restArgs = args.empty() ? args : args.subspan(1);
    STEP("1");
    Value C = thisValue;
    STEP("2");
    if (!C.is_object()) return throw_type_error(agent, "Promise.try called on a non-object");
    STEP("3");
    PromiseCapabilityRecord promiseCapability = TRY(NewPromiseCapability(agent, C));
    STEP("4");
    ThrowCompletionOr<Value> status = Call(agent, callback, Value::undefined(), restArgs);
    STEP("5");
    if (status.is_abrupt()) {
        STEP("5.a");
        TRY(call_with(agent, promiseCapability.Reject, status.thrown_value()));
    } else {
        STEP("6");
        STEP("6.a");
        TRY(call_with(agent, promiseCapability.Resolve, status.value()));
    }
    STEP("7");
    return Value(promiseCapability.Promise);
}

// §27.2.4.9 Promise.withResolvers ( )
ThrowCompletionOr<Value> Promise_withResolvers(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-promise.withResolvers");
    STEP("1");
    Value C = thisValue;
    STEP("2");
    PromiseCapabilityRecord promiseCapability = TRY(NewPromiseCapability(agent, C));
    STEP("3");
    Object* obj = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
    STEP("4");
    MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("promise"), promiseCapability.Promise));
    STEP("5");
    MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("resolve"), promiseCapability.Resolve));
    STEP("6");
    MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("reject"), promiseCapability.Reject));
    STEP("7");
    return Value(obj);
}

// §27.2.4.10 get Promise [ %Symbol.species% ]
ThrowCompletionOr<Value> get_Promise_species(Agent&, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-promise-%symbol.species%");
    STEP("1");
    return thisValue;
}

// §27.2.5.1 Promise.prototype.catch ( onRejected )
ThrowCompletionOr<Value> Promise_prototype_catch(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                 Object*)
{
    SPEC_ALGORITHM("sec-promise.prototype.catch");
    Value onRejected = argument(args, 0);
    STEP("1");
    Value promise = thisValue;
    STEP("2");
    Value thenArguments[] = {Value::undefined(), onRejected};
    return TRY(Invoke(agent, promise, agent.key("then"), thenArguments));
}

// §27.2.5.3 Promise.prototype.finally ( onFinally )
ThrowCompletionOr<Value> Promise_prototype_finally(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-promise.prototype.finally");
    Value onFinally = argument(args, 0);
    // The closures' captures, in their functions' slots.
    enum : size_t { OnFinallySlot, CSlot, FinallySlotCount };
    enum : size_t { CapturedValueSlot, ThunkSlotCount };
    STEP("1");
    Value promise = thisValue;
    STEP("2");
    if (!promise.is_object()) return throw_type_error(agent, "Promise.prototype.finally called on a non-object");
    STEP("3");
    Object* C =
        TRY(SpeciesConstructor(agent, *promise.as_object(), *agent.current_realm()->intrinsic(Intrinsic::Promise)));
    STEP("4");
    SPEC_ASSERT(IsConstructor(C));
    Value thenFinally;
    Value catchFinally;
    STEP("5");
    if (!IsCallable(onFinally)) {
        STEP("5.a");
        thenFinally = onFinally;
        STEP("5.b");
        catchFinally = onFinally;
    } else {
        STEP("6");
        STEP("6.a");
        auto thenFinallyClosure = [](Agent& agent, BuiltinFunction& F, Value, Arguments args,
                                     Object*) -> ThrowCompletionOr<Value> {
            Value value = argument(args, 0);
            STEP("6.a.i");
            Value result = TRY(Call(agent, F.slots[OnFinallySlot], Value::undefined()));
            STEP("6.a.ii");
            Object* p = TRY(PromiseResolve(agent, *F.slots[CSlot].as_object(), result));
            STEP("6.a.iii");
            auto returnValue = [](Agent&, BuiltinFunction& thunk, Value, Arguments,
                                  Object*) -> ThrowCompletionOr<Value> {
                STEP("6.a.iii.1");
                return thunk.slots[CapturedValueSlot];
            };
            STEP("6.a.iv");
            BuiltinFunction* valueThunk =
                CreateBuiltinFunction(agent, returnValue, 0, agent.key(""), {.additionalInternalSlots = ThunkSlotCount});
            valueThunk->slots[CapturedValueSlot] = value;
            STEP("6.a.v");
            Value thenArguments[] = {valueThunk};
            return TRY(Invoke(agent, p, agent.key("then"), thenArguments));
        };
        STEP("6.b");
        BuiltinFunction* thenFinallyFunction = CreateBuiltinFunction(agent, thenFinallyClosure, 1, agent.key(""),
                                                                     {.additionalInternalSlots = FinallySlotCount});
        thenFinallyFunction->slots[OnFinallySlot] = onFinally;
        thenFinallyFunction->slots[CSlot] = C;
        thenFinally = thenFinallyFunction;
        STEP("6.c");
        auto catchFinallyClosure = [](Agent& agent, BuiltinFunction& F, Value, Arguments args,
                                      Object*) -> ThrowCompletionOr<Value> {
            Value reason = argument(args, 0);
            STEP("6.c.i");
            Value result = TRY(Call(agent, F.slots[OnFinallySlot], Value::undefined()));
            STEP("6.c.ii");
            Object* p = TRY(PromiseResolve(agent, *F.slots[CSlot].as_object(), result));
            STEP("6.c.iii");
            auto throwReason = [](Agent&, BuiltinFunction& thrower, Value, Arguments,
                                  Object*) -> ThrowCompletionOr<Value> {
                STEP("6.c.iii.1");
                return ThrowCompletion(thrower.slots[CapturedValueSlot]);
            };
            STEP("6.c.iv");
            BuiltinFunction* thrower =
                CreateBuiltinFunction(agent, throwReason, 0, agent.key(""), {.additionalInternalSlots = ThunkSlotCount});
            thrower->slots[CapturedValueSlot] = reason;
            STEP("6.c.v");
            Value thenArguments[] = {thrower};
            return TRY(Invoke(agent, p, agent.key("then"), thenArguments));
        };
        STEP("6.d");
        BuiltinFunction* catchFinallyFunction = CreateBuiltinFunction(agent, catchFinallyClosure, 1, agent.key(""),
                                                                      {.additionalInternalSlots = FinallySlotCount});
        catchFinallyFunction->slots[OnFinallySlot] = onFinally;
        catchFinallyFunction->slots[CSlot] = C;
        catchFinally = catchFinallyFunction;
    }
    STEP("7");
    Value thenArguments[] = {thenFinally, catchFinally};
    return TRY(Invoke(agent, promise, agent.key("then"), thenArguments));
}

// §27.2.5.4 Promise.prototype.then ( onFulfilled, onRejected )
ThrowCompletionOr<Value> Promise_prototype_then(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                Object*)
{
    SPEC_ALGORITHM("sec-promise.prototype.then");
    Value onFulfilled = argument(args, 0);
    Value onRejected = argument(args, 1);
    STEP("1");
    Value promise = thisValue;
    STEP("2");
    if (!IsPromise(promise)) return throw_type_error(agent, "Promise.prototype.then called on a non-promise");
    STEP("3");
    Object* C =
        TRY(SpeciesConstructor(agent, *promise.as_object(), *agent.current_realm()->intrinsic(Intrinsic::Promise)));
    STEP("4");
    PromiseCapabilityRecord resultCapability = TRY(NewPromiseCapability(agent, C));
    STEP("5");
    return PerformPromiseThen(agent, *as_promise(promise), onFulfilled, onRejected, resultCapability);
}

}  // namespace

ThrowCompletionOr<Object*> PromiseResolve(Agent& agent, Object& C, Value x)
{
    SPEC_ALGORITHM("sec-promise-resolve");
    STEP("1");
    if (IsPromise(x)) {
        STEP("1.a");
        Value xConstructor = TRY(Get(agent, *x.as_object(), agent.names.constructor));
        STEP("1.b");
        if (SameValue(xConstructor, &C)) return x.as_object();
    }
    STEP("2");
    PromiseCapabilityRecord promiseCapability = TRY(NewPromiseCapability(agent, &C));
    STEP("3");
    TRY(call_with(agent, promiseCapability.Resolve, x));
    STEP("4");
    return promiseCapability.Promise;
}

Value PerformPromiseThen(Agent& agent, PromiseObject& promise, Value onFulfilled, Value onRejected,
                         std::optional<PromiseCapabilityRecord> resultCapability)
{
    SPEC_ALGORITHM("sec-performpromisethen");
    STEP("1");  // promise is a PromiseObject by its type
    STEP("2");
    if (!resultCapability) {
        STEP("2.a");  // not present: nullopt, which is the spec's *undefined* here
    }
    std::optional<JobCallbackRecord> onFulfilledJobCallback;
    STEP("3");
    if (!IsCallable(onFulfilled)) {
        STEP("3.a");  // ~empty~
    } else {
        STEP("4");
        STEP("4.a");
        onFulfilledJobCallback = agent.host.HostMakeJobCallback(agent, onFulfilled.as_object());
    }
    std::optional<JobCallbackRecord> onRejectedJobCallback;
    STEP("5");
    if (!IsCallable(onRejected)) {
        STEP("5.a");  // ~empty~
    } else {
        STEP("6");
        STEP("6.a");
        onRejectedJobCallback = agent.host.HostMakeJobCallback(agent, onRejected.as_object());
    }
    STEP("7");
    PromiseReactionRecord fulfillReaction{resultCapability, PromiseReactionType::Fulfill, onFulfilledJobCallback};
    STEP("8");
    PromiseReactionRecord rejectReaction{resultCapability, PromiseReactionType::Reject, onRejectedJobCallback};
    STEP("9");
    if (promise.PromiseState == PromiseState::Pending) {
        STEP("9.a");
        promise.PromiseFulfillReactions.push_back(fulfillReaction);
        STEP("9.b");
        promise.PromiseRejectReactions.push_back(rejectReaction);
    } else if (promise.PromiseState == PromiseState::Fulfilled) {
        STEP("10");
        STEP("10.a");
        Value value = promise.PromiseResult;
        STEP("10.b");
        PromiseJobRecord fulfillJob = NewPromiseReactionJob(agent, fulfillReaction, value);
        STEP("10.c");
        agent.host.HostEnqueuePromiseJob(agent, std::move(fulfillJob.Job), fulfillJob.Realm);
    } else {
        STEP("11");
        STEP("11.a");
        SPEC_ASSERT(promise.PromiseState == PromiseState::Rejected);
        STEP("11.b");
        Value reason = promise.PromiseResult;
        STEP("11.c");
        if (!promise.PromiseIsHandled)
            agent.host.HostPromiseRejectionTracker(agent, &promise, PromiseRejectionOperation::Handle);
        STEP("11.d");
        PromiseJobRecord rejectJob = NewPromiseReactionJob(agent, rejectReaction, reason);
        STEP("11.e");
        agent.host.HostEnqueuePromiseJob(agent, std::move(rejectJob.Job), rejectJob.Realm);
    }
    STEP("12");
    promise.PromiseIsHandled = true;
    STEP("13");
    if (!resultCapability) {
        STEP("13.a");
        return Value::undefined();
    }
    STEP("14");
    STEP("14.a");
    return resultCapability->Promise;
}

void CreatePromiseIntrinsics(Agent& agent, Realm& realm)
{
    // §27.2.5 Properties of the Promise Prototype Object: an ordinary object.
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    // §27.2.3 The Promise Constructor; §27.2.4 its properties.
    BuiltinFunction* constructor =
        CreateBuiltinFunction(agent, Promise, 1, agent.key("Promise"), {.realm = &realm, .isConstructor = true});
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_function(agent, realm, *constructor, "all", Promise_all, 1);
    define_builtin_function(agent, realm, *constructor, "allSettled", Promise_allSettled, 1);
    define_builtin_function(agent, realm, *constructor, "any", Promise_any, 1);
    define_builtin_function(agent, realm, *constructor, "race", Promise_race, 1);
    define_builtin_function(agent, realm, *constructor, "reject", Promise_reject, 1);
    define_builtin_function(agent, realm, *constructor, "resolve", Promise_resolve, 1);
    define_builtin_function(agent, realm, *constructor, "try", Promise_try, 1);
    define_builtin_function(agent, realm, *constructor, "withResolvers", Promise_withResolvers, 0);
    define_builtin_getter(agent, realm, *constructor, agent.well_known_symbol(WellKnownSymbol::species),
                          get_Promise_species);

    define_builtin_function(agent, realm, *prototype, "catch", Promise_prototype_catch, 1);
    define_builtin_function(agent, realm, *prototype, "finally", Promise_prototype_finally, 1);
    define_builtin_function(agent, realm, *prototype, "then", Promise_prototype_then, 2);
    define_to_string_tag(agent, *prototype, "Promise");

    realm.set_intrinsic(Intrinsic::Promise, constructor);
    realm.set_intrinsic(Intrinsic::PromisePrototype, prototype);
}

}  // namespace lockstep
