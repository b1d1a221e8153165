// ECMA-262 §27.6.3 AsyncGenerator Abstract Operations.
#include "abstract_ops/async_generator_operations.h"

#include "abstract_ops/async_function_operations.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "builtins/promise.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/promise_object.h"
#include "runtime/realm.h"

namespace lockstep {

void AsyncGeneratorStart(Agent& agent, AsyncGeneratorObject& generator, SuspendableBody generatorBody)
{
    SPEC_ALGORITHM("sec-asyncgeneratorstart");
    STEP("1");
    SPEC_ASSERT(generator.AsyncGeneratorState == AsyncGeneratorState::SuspendedStart);
    STEP("2");
    ExecutionContext& genContext = agent.running_execution_context();
    STEP("3");
    genContext.Generator = &generator;
    STEP("4");
    auto closure = [&agent, generatorBody = std::move(generatorBody)]() -> Completion {
        STEP("4.a");
        ExecutionContext& acGenContext = agent.running_execution_context();
        STEP("4.b");
        auto& acGenerator = static_cast<AsyncGeneratorObject&>(*acGenContext.Generator);
        STEP("4.c");  // a Parse Node's Evaluation comes as a closure too
        STEP("4.c.i");
        STEP("4.d");
        STEP("4.d.i");
        STEP("4.d.ii");
        Completion result = generatorBody();
        STEP("4.e");
        SPEC_ASSERT(result.is_normal() || result.is_return_completion() || result.is_throw_completion());
        STEP("4.f");
        agent.pop_execution_context(acGenContext);
        STEP("4.g");
        acGenerator.AsyncGeneratorState = AsyncGeneratorState::DrainingQueue;
        STEP("4.h");
        if (result.is_normal()) result = NormalCompletion(Value::undefined());
        STEP("4.i");
        if (result.is_return_completion()) result = NormalCompletion(result.value);
        STEP("4.j");
        AsyncGeneratorCompleteStep(agent, acGenerator, result, true);
        STEP("4.k");
        AsyncGeneratorDrainQueue(agent, acGenerator);
        STEP("4.l");
        return NormalCompletion(Value::undefined());
    };
    STEP("5");
    // As in GeneratorStart: the generator keeps its own copy of genContext.
    SuspendableContext* context = SuspendableContext::create(agent, genContext, std::move(closure));
    STEP("6");
    generator.AsyncGeneratorContext = context;
    STEP("7");
    generator.AsyncGeneratorQueue.clear();
    STEP("8");
}

ThrowCompletionOr<void> AsyncGeneratorValidate(Agent& agent, Value generator, const String* generatorBrand)
{
    SPEC_ALGORITHM("sec-asyncgeneratorvalidate");
    STEP("1");
    auto* G = generator.is_object() ? dynamic_cast<AsyncGeneratorObject*>(generator.as_object()) : nullptr;
    if (!G) return throw_type_error(agent, "not an async generator object");
    STEP("2");
    STEP("3");
    STEP("4");
    if (!SameGeneratorBrand(G->GeneratorBrand, generatorBrand))
        return throw_type_error(agent, "the async generator is of another kind");
    STEP("5");
    return {};
}

void AsyncGeneratorEnqueue(Agent&, AsyncGeneratorObject& generator, Completion completion,
                           const PromiseCapabilityRecord& promiseCapability)
{
    SPEC_ALGORITHM("sec-asyncgeneratorenqueue");
    STEP("1");
    AsyncGeneratorRequest request{.Completion = completion, .Capability = promiseCapability};
    STEP("2");
    generator.AsyncGeneratorQueue.push_back(request);
    STEP("3");
}

void AsyncGeneratorCompleteStep(Agent& agent, AsyncGeneratorObject& generator, Completion completion, bool done,
                                Realm* realm)
{
    SPEC_ALGORITHM("sec-asyncgeneratorcompletestep");
    STEP("1");
    SPEC_ASSERT(!generator.AsyncGeneratorQueue.empty());
    STEP("2");
    AsyncGeneratorRequest next = generator.AsyncGeneratorQueue.front();
    STEP("3");
    generator.AsyncGeneratorQueue.pop_front();
    STEP("4");
    PromiseCapabilityRecord promiseCapability = next.Capability;
    Root<Object*> rootedPromise(promiseCapability.Promise), rootedResolve(promiseCapability.Resolve),
        rootedReject(promiseCapability.Reject);
    STEP("5");
    Value value = completion.value;
    STEP("6");
    if (completion.is_throw_completion()) {
        STEP("6.a");
        MUST(Call(agent, promiseCapability.Reject, Value::undefined(), std::span<const Value>(&value, 1)));
        return;
    }
    STEP("7");
    STEP("7.a");
    SPEC_ASSERT(completion.is_normal());
    Object* iteratorResult;
    STEP("7.b");
    if (realm) {
        ExecutionContext& running = agent.running_execution_context();
        STEP("7.b.i");
        Realm* oldRealm = running.Realm;
        STEP("7.b.ii");
        running.Realm = realm;
        STEP("7.b.iii");
        iteratorResult = CreateIteratorResultObject(agent, value, done);
        STEP("7.b.iv");
        running.Realm = oldRealm;
    } else {
        STEP("7.c");
        STEP("7.c.i");
        iteratorResult = CreateIteratorResultObject(agent, value, done);
    }
    STEP("7.d");
    Value result = iteratorResult;
    MUST(Call(agent, promiseCapability.Resolve, Value::undefined(), std::span<const Value>(&result, 1)));
    STEP("8");
}

void AsyncGeneratorResume(Agent& agent, AsyncGeneratorObject& generator, Completion completion)
{
    SPEC_ALGORITHM("sec-asyncgeneratorresume");
    STEP("1");
    SPEC_ASSERT(generator.AsyncGeneratorState == AsyncGeneratorState::SuspendedStart ||
                generator.AsyncGeneratorState == AsyncGeneratorState::SuspendedYield);
    STEP("2");
    SuspendableContext& genContext = *generator.AsyncGeneratorContext;
    STEP("3");
    ExecutionContext& callerContext = agent.running_execution_context();
    STEP("4");  // callerContext stays on the stack below genContext
    STEP("5");
    generator.AsyncGeneratorState = AsyncGeneratorState::Executing;
    STEP("6");
    agent.push_execution_context(genContext.context);
    STEP("7");
    Completion result = genContext.resume(agent, completion);
    STEP("8");
    SPEC_ASSERT(!result.is_abrupt());
    STEP("9");
    SPEC_ASSERT(&agent.running_execution_context() == &callerContext);
    STEP("10");
}

Completion AsyncGeneratorUnwrapYieldResumption(Agent& agent, Completion resumptionValue)
{
    SPEC_ALGORITHM("sec-asyncgeneratorunwrapyieldresumption");
    STEP("1");
    if (!resumptionValue.is_return_completion()) return resumptionValue;
    STEP("2");
    ThrowCompletionOr<Value> awaited = Await(agent, resumptionValue.value);
    STEP("3");
    if (awaited.is_throw_completion()) return awaited.release_error();
    STEP("4");
    STEP("5");
    return ReturnCompletion(awaited.value());
}

Completion AsyncGeneratorYield(Agent& agent, Value value)
{
    SPEC_ALGORITHM("sec-asyncgeneratoryield");
    STEP("1");
    ExecutionContext& genContext = agent.running_execution_context();
    STEP("2");
    SuspendableContext* suspendable = SuspendableContext::running(agent);
    SPEC_ASSERT(suspendable && &suspendable->context == &genContext && genContext.Generator);
    STEP("3");
    auto& generator = static_cast<AsyncGeneratorObject&>(*genContext.Generator);
    STEP("4");
    SPEC_ASSERT(GetGeneratorKind(agent) == GeneratorKind::Async);
    STEP("5");
    Completion completion = NormalCompletion(value);
    STEP("6");
    SPEC_ASSERT(agent.execution_context_stack.size() >= 2);
    STEP("7");
    ExecutionContext& previousContext = *agent.execution_context_stack[agent.execution_context_stack.size() - 2];
    STEP("8");
    Realm* previousRealm = previousContext.Realm;
    STEP("9");
    AsyncGeneratorCompleteStep(agent, generator, completion, false, previousRealm);
    STEP("10");
    std::deque<AsyncGeneratorRequest>& queue = generator.AsyncGeneratorQueue;
    STEP("11");
    if (!queue.empty()) {
        STEP("11.a");
        STEP("11.b");
        const AsyncGeneratorRequest& toYield = queue.front();
        STEP("11.c");
        Completion resumptionValue = toYield.Completion;
        STEP("11.d");
        return AsyncGeneratorUnwrapYieldResumption(agent, resumptionValue);
    } else {
        STEP("12");
        STEP("12.a");
        generator.AsyncGeneratorState = AsyncGeneratorState::SuspendedYield;
        STEP("12.b");
        agent.pop_execution_context(genContext);
        STEP("12.c");
        STEP("12.d");
        Completion resumptionValue = suspendable->suspend(agent, NormalCompletion(Value::undefined()));
        STEP("12.e");
        SPEC_ASSERT(&agent.running_execution_context() == &genContext);
        STEP("12.f");
        return AsyncGeneratorUnwrapYieldResumption(agent, resumptionValue);
    }
}

namespace {

// The generator AsyncGeneratorAwaitReturn's closures capture: their one slot.
constexpr size_t GeneratorSlot = 0;

}  // namespace

void AsyncGeneratorAwaitReturn(Agent& agent, AsyncGeneratorObject& generator)
{
    SPEC_ALGORITHM("sec-asyncgeneratorawaitreturn");
    STEP("1");
    SPEC_ASSERT(generator.AsyncGeneratorState == AsyncGeneratorState::DrainingQueue);
    STEP("2");
    std::deque<AsyncGeneratorRequest>& queue = generator.AsyncGeneratorQueue;
    STEP("3");
    SPEC_ASSERT(!queue.empty());
    STEP("4");
    const AsyncGeneratorRequest& next = queue.front();
    STEP("5");
    Completion completion = next.Completion;
    STEP("6");
    SPEC_ASSERT(completion.is_return_completion());
    STEP("7");
    ThrowCompletionOr<Object*> promiseCompletion =
        PromiseResolve(agent, *agent.current_realm()->intrinsic(Intrinsic::Promise), completion.value);
    STEP("8");
    if (promiseCompletion.is_abrupt()) {
        STEP("8.a");
        AsyncGeneratorCompleteStep(agent, generator, promiseCompletion.release_error(), true);
        STEP("8.b");
        AsyncGeneratorDrainQueue(agent, generator);
        STEP("8.c");
        return;
    }
    STEP("9");
    STEP("10");
    Object* promise = promiseCompletion.value();
    Root<Object*> rootedPromise(promise);
    STEP("11");
    // Steps 11.a-11.e and 13.a-13.e: complete the step with `result`.
    auto completeWith = [](Agent& agent, BuiltinFunction& F, Completion result) -> Value {
        auto& capturedGenerator = static_cast<AsyncGeneratorObject&>(*F.slots[GeneratorSlot].as_object());
        STEP("11.a");
        SPEC_ASSERT(capturedGenerator.AsyncGeneratorState == AsyncGeneratorState::DrainingQueue);
        STEP("11.b");
        STEP("11.c");
        AsyncGeneratorCompleteStep(agent, capturedGenerator, result, true);
        STEP("11.d");
        AsyncGeneratorDrainQueue(agent, capturedGenerator);
        STEP("11.e");
        return Value::undefined();
    };
    auto fulfilledClosure = [completeWith](Agent& agent, BuiltinFunction& F, Value, std::span<const Value> args,
                                           Object*) -> ThrowCompletionOr<Value> {
        return completeWith(agent, F, NormalCompletion(args.empty() ? Value::undefined() : args[0]));
    };
    STEP("12");
    BuiltinFunction* onFulfilled =
        CreateBuiltinFunction(agent, fulfilledClosure, 1, agent.key(""), {.additionalInternalSlots = 1});
    onFulfilled->slots[GeneratorSlot] = &generator;
    Root<Object*> rootedOnFulfilled(onFulfilled);
    STEP("13");
    auto rejectedClosure = [completeWith](Agent& agent, BuiltinFunction& F, Value, std::span<const Value> args,
                                          Object*) -> ThrowCompletionOr<Value> {
        STEP("13.a");
        STEP("13.b");
        STEP("13.c");
        STEP("13.d");
        STEP("13.e");
        return completeWith(agent, F, ThrowCompletion(args.empty() ? Value::undefined() : args[0]));
    };
    STEP("14");
    BuiltinFunction* onRejected =
        CreateBuiltinFunction(agent, rejectedClosure, 1, agent.key(""), {.additionalInternalSlots = 1});
    onRejected->slots[GeneratorSlot] = &generator;
    STEP("15");
    PerformPromiseThen(agent, *as_promise(promise), onFulfilled, onRejected);
    STEP("16");
}

void AsyncGeneratorDrainQueue(Agent& agent, AsyncGeneratorObject& generator)
{
    SPEC_ALGORITHM("sec-asyncgeneratordrainqueue");
    STEP("1");
    SPEC_ASSERT(generator.AsyncGeneratorState == AsyncGeneratorState::DrainingQueue);
    STEP("2");
    std::deque<AsyncGeneratorRequest>& queue = generator.AsyncGeneratorQueue;
    STEP("3");
    while (!queue.empty()) {
        STEP("3.a");
        const AsyncGeneratorRequest& next = queue.front();
        STEP("3.b");
        Completion completion = next.Completion;
        STEP("3.c");
        if (completion.is_return_completion()) {
            STEP("3.c.i");
            AsyncGeneratorAwaitReturn(agent, generator);
            STEP("3.c.ii");
            return;
        }
        STEP("3.d");
        STEP("3.d.i");
        if (completion.is_normal()) {
            STEP("3.d.i.1");
            completion = NormalCompletion(Value::undefined());
        }
        STEP("3.d.ii");
        AsyncGeneratorCompleteStep(agent, generator, completion, true);
    }
    STEP("4");
    generator.AsyncGeneratorState = AsyncGeneratorState::Completed;
    STEP("5");
}

AsyncGeneratorObject* CreateAsyncIteratorFromClosure(Agent& agent, SuspendableBody closure, String* generatorBrand,
                                                     Object& generatorPrototype)
{
    SPEC_ALGORITHM("sec-createasynciteratorfromclosure");
    STEP("1");
    STEP("2");
    STEP("3");
    AsyncGeneratorObject* generator = OrdinaryObjectCreate<AsyncGeneratorObject>(agent, &generatorPrototype);
    Root<Object*> rootedGenerator(generator);
    STEP("4");
    generator->GeneratorBrand = generatorBrand;
    STEP("5");
    generator->AsyncGeneratorState = AsyncGeneratorState::SuspendedStart;
    STEP("6");
    ExecutionContext& callerContext = agent.running_execution_context();
    STEP("7");
    ExecutionContext calleeContext;
    STEP("8");
    calleeContext.Function = nullptr;
    STEP("9");
    calleeContext.Realm = agent.current_realm();
    STEP("10");
    calleeContext.ScriptOrModule = callerContext.ScriptOrModule;
    STEP("11");
    STEP("12");
    agent.push_execution_context(calleeContext);
    STEP("13");
    AsyncGeneratorStart(agent, *generator, std::move(closure));
    STEP("14");
    agent.pop_execution_context(calleeContext);
    STEP("15");
    return generator;
}

}  // namespace lockstep
