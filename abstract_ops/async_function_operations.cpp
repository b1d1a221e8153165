// ECMA-262 §27.7.5 Async Functions Abstract Operations.
#include "abstract_ops/async_function_operations.h"

#include "abstract_ops/object_operations.h"
#include "builtins/promise.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/generator_object.h"
#include "runtime/promise_object.h"
#include "runtime/realm.h"

namespace lockstep {

void AsyncFunctionStart(Agent& agent, const PromiseCapabilityRecord& promiseCapability,
                        SuspendableBody asyncFunctionBody)
{
    SPEC_ALGORITHM("sec-async-functions-abstract-operations-async-function-start");
    STEP("1");
    ExecutionContext& runningContext = agent.running_execution_context();
    STEP("2");
    const ExecutionContext& asyncContext = runningContext;  // AsyncBlockStart's SuspendableContext keeps the copy
    STEP("3");
    STEP("4");
    AsyncBlockStart(agent, promiseCapability, std::move(asyncFunctionBody), asyncContext);
    STEP("5");
}

void AsyncBlockStart(Agent& agent, const PromiseCapabilityRecord& promiseCapability, SuspendableBody asyncBody,
                     const ExecutionContext& asyncContextRecord)
{
    SPEC_ALGORITHM("sec-asyncblockstart");
    STEP("1");
    ExecutionContext& runningContext = agent.running_execution_context();
    STEP("2");
    auto closure = [&agent, promiseCapability, asyncBody = std::move(asyncBody)]() -> Completion {
        STEP("2.a");
        ExecutionContext& acAsyncContext = agent.running_execution_context();
        STEP("2.b");  // a Parse Node's Evaluation comes as a closure too
        STEP("2.b.i");
        STEP("2.c");
        STEP("2.c.i");
        STEP("2.c.ii");
        Completion result = asyncBody();
        STEP("2.d");
        SPEC_ASSERT(result.is_normal() || result.is_return_completion() || result.is_throw_completion());
        STEP("2.e");
        agent.pop_execution_context(acAsyncContext);
        STEP("2.f");
        if (result.is_normal()) {
            STEP("2.f.i");
            Value undefined = Value::undefined();
            MUST(Call(agent, promiseCapability.Resolve, Value::undefined(), std::span<const Value>(&undefined, 1)));
        } else if (result.is_return_completion()) {
            STEP("2.g");
            STEP("2.g.i");
            MUST(Call(agent, promiseCapability.Resolve, Value::undefined(), std::span<const Value>(&result.value, 1)));
        } else {
            STEP("2.h");
            STEP("2.h.i");
            SPEC_ASSERT(result.is_throw_completion());
            STEP("2.h.ii");
            MUST(Call(agent, promiseCapability.Reject, Value::undefined(), std::span<const Value>(&result.value, 1)));
        }
        STEP("2.i");
        return NormalCompletion(Value::empty());  // ~unused~
    };
    STEP("3");
    SuspendableContext* asyncContext = SuspendableContext::create(agent, asyncContextRecord, std::move(closure));
    Root<Object*> rootedContext(asyncContext);
    STEP("4");
    agent.push_execution_context(asyncContext->context);
    STEP("5");
    Completion result = asyncContext->resume(agent, NormalCompletion(Value::empty()));
    STEP("6");
    SPEC_ASSERT(&agent.running_execution_context() == &runningContext);
    STEP("7");
    SPEC_ASSERT(result.is_normal() && result.value.is_empty());
    STEP("8");
}

namespace {

// The asyncContext an Await's closures capture: their one slot.
constexpr size_t AsyncContextSlot = 0;

}  // namespace

ThrowCompletionOr<Value> Await(Agent& agent, Value value)
{
    SPEC_ALGORITHM("await");
    STEP("1");
    ExecutionContext& asyncContext = agent.running_execution_context();
    SuspendableContext* suspendable = SuspendableContext::running(agent);
    SPEC_ASSERT(suspendable && &suspendable->context == &asyncContext);
    STEP("2");
    Object* promise = TRY(PromiseResolve(agent, *agent.current_realm()->intrinsic(Intrinsic::Promise), value));
    STEP("3");
    // Steps 3.a-3.f and 5.a-5.f: resume asyncContext with `completion`.
    auto resumeAsyncContext = [](Agent& agent, BuiltinFunction& F, Completion completion) -> Value {
        auto& capturedContext = static_cast<SuspendableContext&>(*F.slots[AsyncContextSlot].as_object());
        STEP("3.a");
        ExecutionContext& prevContext = agent.running_execution_context();
        STEP("3.b");  // prevContext stays on the stack below asyncContext
        STEP("3.c");
        agent.push_execution_context(capturedContext.context);
        STEP("3.d");
        (void)capturedContext.resume(agent, completion);
        STEP("3.e");
        SPEC_ASSERT(&agent.running_execution_context() == &prevContext);
        STEP("3.f");
        return Value::undefined();
    };
    auto fulfilledClosure = [resumeAsyncContext](Agent& agent, BuiltinFunction& F, Value, std::span<const Value> args,
                                                 Object*) -> ThrowCompletionOr<Value> {
        Value v = args.empty() ? Value::undefined() : args[0];
        return resumeAsyncContext(agent, F, NormalCompletion(v));
    };
    STEP("4");
    BuiltinFunction* onFulfilled =
        CreateBuiltinFunction(agent, fulfilledClosure, 1, agent.key(""), {.additionalInternalSlots = 1});
    onFulfilled->slots[AsyncContextSlot] = suspendable;
    Root<Object*> rootedOnFulfilled(onFulfilled);
    STEP("5");
    auto rejectedClosure = [resumeAsyncContext](Agent& agent, BuiltinFunction& F, Value, std::span<const Value> args,
                                                Object*) -> ThrowCompletionOr<Value> {
        Value reason = args.empty() ? Value::undefined() : args[0];
        STEP("5.a");
        STEP("5.b");
        STEP("5.c");
        STEP("5.d");
        STEP("5.e");
        STEP("5.f");
        return resumeAsyncContext(agent, F, ThrowCompletion(reason));
    };
    STEP("6");
    BuiltinFunction* onRejected =
        CreateBuiltinFunction(agent, rejectedClosure, 1, agent.key(""), {.additionalInternalSlots = 1});
    onRejected->slots[AsyncContextSlot] = suspendable;
    STEP("7");
    PerformPromiseThen(agent, *as_promise(promise), onFulfilled, onRejected);
    STEP("8");
    agent.pop_execution_context(asyncContext);
    STEP("9");
    STEP("10");
    Completion completion = suspendable->suspend(agent, NormalCompletion(Value::empty()));
    STEP("11");
    SPEC_ASSERT(&agent.running_execution_context() == &asyncContext);
    STEP("12");
    if (completion.is_throw_completion()) return ThrowCompletion(completion.value);
    return completion.value;
}

}  // namespace lockstep
