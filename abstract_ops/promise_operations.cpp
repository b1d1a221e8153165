// ECMA-262 §27.2.1 Promise Abstract Operations.
#include "abstract_ops/promise_operations.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/promise_jobs.h"
#include "abstract_ops/testing_and_comparison.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/promise_object.h"
#include "runtime/string.h"

namespace lockstep {

void visit_root_item(Visitor& visitor, const PromiseCapabilityRecord& capability)
{
    visitor.visit(capability.Promise);
    visitor.visit(capability.Resolve);
    visitor.visit(capability.Reject);
}

void visit_root_item(Visitor& visitor, const PromiseReactionRecord& reaction)
{
    if (reaction.Capability) visit_root_item(visitor, *reaction.Capability);
    if (reaction.Handler) visit_root_item(visitor, *reaction.Handler);
}

void SharedRecord::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(Value);
}

void SharedList::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    for (lockstep::Value item : items) visitor.visit(item);
}

SharedRecord* new_shared_record(Agent& agent, Value value)
{
    return MakeBasicObject<SharedRecord>(agent, value);
}

SharedList* new_shared_list(Agent& agent)
{
    return MakeBasicObject<SharedList>(agent);
}

namespace {

// The internal slots of promise resolve and reject functions, by position
// in their additionalInternalSlotsList.
enum ResolvingFunctionSlot : size_t { PromiseSlot, AlreadyResolvedSlot, ResolvingFunctionSlotCount };

// §27.2.1.3.1 Promise Reject Functions
ThrowCompletionOr<Value> PromiseRejectFunction(Agent& agent, BuiltinFunction& F, Value, std::span<const Value> arguments,
                                               Object*)
{
    SPEC_ALGORITHM("sec-promise-reject-functions");
    Value reason = arguments.empty() ? Value::undefined() : arguments[0];
    STEP("1");  // F is the active function object
    STEP("2");
    SPEC_ASSERT(F.slots[PromiseSlot].is_object());
    STEP("3");
    auto& promise = static_cast<PromiseObject&>(*F.slots[PromiseSlot].as_object());
    STEP("4");
    auto& alreadyResolved = static_cast<SharedRecord&>(*F.slots[AlreadyResolvedSlot].as_object());
    STEP("5");
    if (alreadyResolved.Value.as_bool()) return Value::undefined();
    STEP("6");
    alreadyResolved.Value = Value::boolean(true);
    STEP("7");
    RejectPromise(agent, promise, reason);
    STEP("8");
    return Value::undefined();
}

// §27.2.1.3.2 Promise Resolve Functions
ThrowCompletionOr<Value> PromiseResolveFunction(Agent& agent, BuiltinFunction& F, Value,
                                                std::span<const Value> arguments, Object*)
{
    SPEC_ALGORITHM("sec-promise-resolve-functions");
    Value resolution = arguments.empty() ? Value::undefined() : arguments[0];
    STEP("1");  // F is the active function object
    STEP("2");
    SPEC_ASSERT(F.slots[PromiseSlot].is_object());
    STEP("3");
    auto& promise = static_cast<PromiseObject&>(*F.slots[PromiseSlot].as_object());
    STEP("4");
    auto& alreadyResolved = static_cast<SharedRecord&>(*F.slots[AlreadyResolvedSlot].as_object());
    STEP("5");
    if (alreadyResolved.Value.as_bool()) return Value::undefined();
    STEP("6");
    alreadyResolved.Value = Value::boolean(true);
    STEP("7");
    if (SameValue(resolution, &promise)) {
        STEP("7.a");
        Value selfResolutionError = throw_type_error(agent, "a promise cannot be resolved with itself").value;
        STEP("7.b");
        RejectPromise(agent, promise, selfResolutionError);
        STEP("7.c");
        return Value::undefined();
    }
    STEP("8");
    if (!resolution.is_object()) {
        STEP("8.a");
        FulfillPromise(agent, promise, resolution);
        STEP("8.b");
        return Value::undefined();
    }
    STEP("9");
    ThrowCompletionOr<Value> then = Get(agent, *resolution.as_object(), agent.key("then"));
    STEP("10");
    if (then.is_abrupt()) {
        STEP("10.a");
        RejectPromise(agent, promise, then.thrown_value());
        STEP("10.b");
        return Value::undefined();
    }
    STEP("11");
    Value thenAction = then.value();
    STEP("12");
    if (!IsCallable(thenAction)) {
        STEP("12.a");
        FulfillPromise(agent, promise, resolution);
        STEP("12.b");
        return Value::undefined();
    }
    STEP("13");
    JobCallbackRecord thenJobCallback = agent.host.HostMakeJobCallback(agent, thenAction.as_object());
    STEP("14");
    PromiseJobRecord job = NewPromiseResolveThenableJob(agent, promise, *resolution.as_object(), thenJobCallback);
    STEP("15");
    agent.host.HostEnqueuePromiseJob(agent, std::move(job.Job), job.Realm);
    STEP("16");
    return Value::undefined();
}

}  // namespace

ResolvingFunctions CreateResolvingFunctions(Agent& agent, PromiseObject& promise)
{
    SPEC_ALGORITHM("sec-createresolvingfunctions");
    STEP("1");
    SharedRecord* alreadyResolved = new_shared_record(agent, Value::boolean(false));
    STEP("2");  // PromiseResolveFunction
    STEP("3");
    constexpr double lengthResolve = 1;
    STEP("4");
    BuiltinFunction* resolve = CreateBuiltinFunction(agent, PromiseResolveFunction, lengthResolve, agent.key(""),
                                                     {.additionalInternalSlots = ResolvingFunctionSlotCount});
    STEP("5");
    resolve->slots[PromiseSlot] = &promise;
    STEP("6");
    resolve->slots[AlreadyResolvedSlot] = alreadyResolved;
    STEP("7");  // PromiseRejectFunction
    STEP("8");
    constexpr double lengthReject = 1;
    STEP("9");
    BuiltinFunction* reject = CreateBuiltinFunction(agent, PromiseRejectFunction, lengthReject, agent.key(""),
                                                    {.additionalInternalSlots = ResolvingFunctionSlotCount});
    STEP("10");
    reject->slots[PromiseSlot] = &promise;
    STEP("11");
    reject->slots[AlreadyResolvedSlot] = alreadyResolved;
    STEP("12");
    return ResolvingFunctions{resolve, reject};
}

void FulfillPromise(Agent& agent, PromiseObject& promise, Value value)
{
    SPEC_ALGORITHM("sec-fulfillpromise");
    STEP("1");
    SPEC_ASSERT(promise.PromiseState == PromiseState::Pending);
    STEP("2");
    List<PromiseReactionRecord> reactions(std::move(promise.PromiseFulfillReactions));
    STEP("3");
    promise.PromiseResult = value;
    STEP("4");
    promise.PromiseFulfillReactions.clear();
    STEP("5");
    promise.PromiseRejectReactions.clear();
    STEP("6");
    promise.PromiseState = PromiseState::Fulfilled;
    STEP("7");
    TriggerPromiseReactions(agent, reactions, value);
    STEP("8");
}

ThrowCompletionOr<PromiseCapabilityRecord> NewPromiseCapability(Agent& agent, Value C)
{
    SPEC_ALGORITHM("sec-newpromisecapability");
    STEP("1");
    if (!IsConstructor(C)) return throw_type_error(agent, "not a constructor");
    STEP("2");
    STEP("3");  // resolvingFunctions lives in the executor's two slots: [[Resolve]], [[Reject]]
    enum : size_t { ResolveSlot, RejectSlot };
    STEP("4");
    auto executorClosure = [](Agent& agent, BuiltinFunction& executor, Value, std::span<const Value> arguments,
                              Object*) -> ThrowCompletionOr<Value> {
        Value resolve = arguments.size() > 0 ? arguments[0] : Value::undefined();
        Value reject = arguments.size() > 1 ? arguments[1] : Value::undefined();
        STEP("4.a");
        if (!executor.slots[ResolveSlot].is_undefined())
            return throw_type_error(agent, "promise capability executor already called with a resolve function");
        STEP("4.b");
        if (!executor.slots[RejectSlot].is_undefined())
            return throw_type_error(agent, "promise capability executor already called with a reject function");
        STEP("4.c");
        executor.slots[ResolveSlot] = resolve;
        STEP("4.d");
        executor.slots[RejectSlot] = reject;
        STEP("4.e");
        return Value::undefined();
    };
    STEP("5");
    BuiltinFunction* executor =
        CreateBuiltinFunction(agent, executorClosure, 2, agent.key(""), {.additionalInternalSlots = 2});
    STEP("6");
    Value executorArgument = executor;
    Object* promise = TRY(Construct(agent, *C.as_object(), std::span(&executorArgument, 1)));
    STEP("7");
    if (!IsCallable(executor->slots[ResolveSlot]))
        return throw_type_error(agent, "the promise constructor did not provide a callable resolve function");
    STEP("8");
    if (!IsCallable(executor->slots[RejectSlot]))
        return throw_type_error(agent, "the promise constructor did not provide a callable reject function");
    STEP("9");
    return PromiseCapabilityRecord{promise, executor->slots[ResolveSlot].as_object(),
                                   executor->slots[RejectSlot].as_object()};
}

PromiseObject* as_promise(Value x)
{
    return x.is_object() ? dynamic_cast<PromiseObject*>(x.as_object()) : nullptr;
}

bool IsPromise(Value x)
{
    SPEC_ALGORITHM("sec-ispromise");
    STEP("1");
    if (!x.is_object()) return false;
    STEP("2");
    if (!as_promise(x)) return false;
    STEP("3");
    return true;
}

void RejectPromise(Agent& agent, PromiseObject& promise, Value reason)
{
    SPEC_ALGORITHM("sec-rejectpromise");
    STEP("1");
    SPEC_ASSERT(promise.PromiseState == PromiseState::Pending);
    STEP("2");
    List<PromiseReactionRecord> reactions(std::move(promise.PromiseRejectReactions));
    STEP("3");
    promise.PromiseResult = reason;
    STEP("4");
    promise.PromiseFulfillReactions.clear();
    STEP("5");
    promise.PromiseRejectReactions.clear();
    STEP("6");
    promise.PromiseState = PromiseState::Rejected;
    STEP("7");
    if (!promise.PromiseIsHandled)
        agent.host.HostPromiseRejectionTracker(agent, &promise, PromiseRejectionOperation::Reject);
    STEP("8");
    TriggerPromiseReactions(agent, reactions, reason);
    STEP("9");
}

void TriggerPromiseReactions(Agent& agent, const List<PromiseReactionRecord>& reactions, Value argument)
{
    SPEC_ALGORITHM("sec-triggerpromisereactions");
    STEP("1");
    for (const PromiseReactionRecord& reaction : reactions) {
        STEP("1.a");
        PromiseJobRecord job = NewPromiseReactionJob(agent, reaction, argument);
        STEP("1.b");
        agent.host.HostEnqueuePromiseJob(agent, std::move(job.Job), job.Realm);
    }
    STEP("2");
}

}  // namespace lockstep
