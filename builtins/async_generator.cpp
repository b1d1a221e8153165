// ECMA-262 §27.4 AsyncGeneratorFunction Objects, §27.6.1 the
// %AsyncGeneratorPrototype% object, and §27.1.3 the %AsyncIteratorPrototype%
// object they rest on.
#include "abstract_ops/async_generator_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "algorithms/dynamic_function.h"
#include "builtins/builtin_helpers.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// §27.1.3.1 %AsyncIteratorPrototype% [ %Symbol.asyncIterator% ] ( )
ThrowCompletionOr<Value> AsyncIteratorPrototype_asyncIterator(Agent&, BuiltinFunction&, Value thisValue, Arguments,
                                                              Object*)
{
    SPEC_ALGORITHM("sec-%asynciteratorprototype%-%symbol.asynciterator%");
    STEP("1");
    return thisValue;
}

// §27.4.1.1 AsyncGeneratorFunction ( ...parameterArgs, bodyArg )
ThrowCompletionOr<Value> AsyncGeneratorFunction_constructor(Agent& agent, BuiltinFunction& activeFunction, Value,
                                                            Arguments arguments, Object* newTarget)
{
    SPEC_ALGORITHM("sec-asyncgeneratorfunction");
    // The last argument is bodyArg, the ones before it parameterArgs.
    Arguments parameterArgs = arguments.empty() ? arguments : arguments.first(arguments.size() - 1);
    STEP("1");
    Object& C = activeFunction;
    STEP("2");
    Value bodyArg = arguments.empty() ? Value(agent.heap.intern_ascii("")) : arguments.back();
    STEP("3");
    return TRY(
        CreateDynamicFunction(agent, C, newTarget, DynamicFunctionKind::AsyncGenerator, parameterArgs, bodyArg));
}

PromiseCapabilityRecord NewIntrinsicPromiseCapability(Agent& agent)
{
    return MUST(NewPromiseCapability(agent, agent.current_realm()->intrinsic(Intrinsic::Promise)));
}

// AsyncGeneratorValidate for the three methods, with the implementation
// limit on nested resumptions (SuspendableContext::kMaxNestedResumes): a
// generator about to be resumed this deep rejects with a RangeError instead.
ThrowCompletionOr<void> ValidateForResume(Agent& agent, Value generator)
{
    TRY(AsyncGeneratorValidate(agent, generator, nullptr));
    if (SuspendableContext::nesting_exhausted()) return throw_stack_overflow(agent);
    return {};
}

// §27.6.1.2 %AsyncGeneratorPrototype%.next ( value )
ThrowCompletionOr<Value> AsyncGeneratorPrototype_next(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                      Object*)
{
    SPEC_ALGORITHM("sec-asyncgenerator-prototype-next");
    Value value = argument(args, 0);
    STEP("1");
    Value generator = thisValue;
    STEP("2");
    PromiseCapabilityRecord promiseCapability = NewIntrinsicPromiseCapability(agent);
    Root<Object*> rootedPromise(promiseCapability.Promise);
    STEP("3");
    ThrowCompletionOr<void> result = ValidateForResume(agent, generator);
    STEP("4");
    IfAbruptRejectPromise(result, promiseCapability);
    auto& G = static_cast<AsyncGeneratorObject&>(*generator.as_object());
    STEP("5");
    AsyncGeneratorState state = G.AsyncGeneratorState;
    STEP("6");
    if (state == AsyncGeneratorState::Completed) {
        STEP("6.a");
        Value iteratorResult = CreateIteratorResultObject(agent, Value::undefined(), true);
        STEP("6.b");
        MUST(Call(agent, promiseCapability.Resolve, Value::undefined(), Arguments(&iteratorResult, 1)));
        STEP("6.c");
        return promiseCapability.Promise;
    }
    STEP("7");
    Completion completion = NormalCompletion(value);
    STEP("8");
    AsyncGeneratorEnqueue(agent, G, completion, promiseCapability);
    STEP("9");
    if (state == AsyncGeneratorState::SuspendedStart || state == AsyncGeneratorState::SuspendedYield) {
        STEP("9.a");
        AsyncGeneratorResume(agent, G, completion);
    } else {
        STEP("10");
        STEP("10.a");
        SPEC_ASSERT(state == AsyncGeneratorState::Executing || state == AsyncGeneratorState::DrainingQueue);
    }
    STEP("11");
    return promiseCapability.Promise;
}

// §27.6.1.3 %AsyncGeneratorPrototype%.return ( value )
ThrowCompletionOr<Value> AsyncGeneratorPrototype_return(Agent& agent, BuiltinFunction&, Value thisValue,
                                                        Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-asyncgenerator-prototype-return");
    Value value = argument(args, 0);
    STEP("1");
    Value generator = thisValue;
    STEP("2");
    PromiseCapabilityRecord promiseCapability = NewIntrinsicPromiseCapability(agent);
    Root<Object*> rootedPromise(promiseCapability.Promise);
    STEP("3");
    ThrowCompletionOr<void> result = ValidateForResume(agent, generator);
    STEP("4");
    IfAbruptRejectPromise(result, promiseCapability);
    auto& G = static_cast<AsyncGeneratorObject&>(*generator.as_object());
    STEP("5");
    Completion completion = ReturnCompletion(value);
    STEP("6");
    AsyncGeneratorEnqueue(agent, G, completion, promiseCapability);
    STEP("7");
    AsyncGeneratorState state = G.AsyncGeneratorState;
    STEP("8");
    if (state == AsyncGeneratorState::SuspendedStart || state == AsyncGeneratorState::Completed) {
        STEP("8.a");
        if (state == AsyncGeneratorState::SuspendedStart) G.AsyncGeneratorContext->discard();  // never resumed
        G.AsyncGeneratorState = AsyncGeneratorState::DrainingQueue;
        STEP("8.b");
        AsyncGeneratorAwaitReturn(agent, G);
    } else if (state == AsyncGeneratorState::SuspendedYield) {
        STEP("9");
        STEP("9.a");
        AsyncGeneratorResume(agent, G, completion);
    } else {
        STEP("10");
        STEP("10.a");
        SPEC_ASSERT(state == AsyncGeneratorState::Executing || state == AsyncGeneratorState::DrainingQueue);
    }
    STEP("11");
    return promiseCapability.Promise;
}

// §27.6.1.4 %AsyncGeneratorPrototype%.throw ( exception )
ThrowCompletionOr<Value> AsyncGeneratorPrototype_throw(Agent& agent, BuiltinFunction&, Value thisValue,
                                                       Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-asyncgenerator-prototype-throw");
    Value exception = argument(args, 0);
    STEP("1");
    Value generator = thisValue;
    STEP("2");
    PromiseCapabilityRecord promiseCapability = NewIntrinsicPromiseCapability(agent);
    Root<Object*> rootedPromise(promiseCapability.Promise);
    STEP("3");
    ThrowCompletionOr<void> result = ValidateForResume(agent, generator);
    STEP("4");
    IfAbruptRejectPromise(result, promiseCapability);
    auto& G = static_cast<AsyncGeneratorObject&>(*generator.as_object());
    STEP("5");
    AsyncGeneratorState state = G.AsyncGeneratorState;
    STEP("6");
    if (state == AsyncGeneratorState::SuspendedStart) {
        STEP("6.a");
        G.AsyncGeneratorState = AsyncGeneratorState::Completed;
        G.AsyncGeneratorContext->discard();  // never resumed from here on
        STEP("6.b");
        state = AsyncGeneratorState::Completed;
    }
    STEP("7");
    if (state == AsyncGeneratorState::Completed) {
        STEP("7.a");
        MUST(Call(agent, promiseCapability.Reject, Value::undefined(), Arguments(&exception, 1)));
        STEP("7.b");
        return promiseCapability.Promise;
    }
    STEP("8");
    Completion completion = ThrowCompletion(exception);
    STEP("9");
    AsyncGeneratorEnqueue(agent, G, completion, promiseCapability);
    STEP("10");
    if (state == AsyncGeneratorState::SuspendedYield) {
        STEP("10.a");
        AsyncGeneratorResume(agent, G, completion);
    } else {
        STEP("11");
        STEP("11.a");
        SPEC_ASSERT(state == AsyncGeneratorState::Executing || state == AsyncGeneratorState::DrainingQueue);
    }
    STEP("12");
    return promiseCapability.Promise;
}

}  // namespace

void CreateAsyncGeneratorIntrinsics(Agent& agent, Realm& realm)
{
    // §27.1.3 The %AsyncIteratorPrototype% Object.
    Object* asyncIteratorPrototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    realm.set_intrinsic(Intrinsic::AsyncIteratorPrototype, asyncIteratorPrototype);
    PropertyKey asyncIterator = agent.well_known_symbol(WellKnownSymbol::asyncIterator);
    define_builtin_function(agent, realm, *asyncIteratorPrototype, asyncIterator,
                            AsyncIteratorPrototype_asyncIterator, 0);

    // §27.4.1 The AsyncGeneratorFunction Constructor: a subclass of Function.
    BuiltinFunction* constructor =
        CreateBuiltinFunction(agent, AsyncGeneratorFunction_constructor, 1, agent.key("AsyncGeneratorFunction"),
                              {.realm = &realm, .prototype = realm.intrinsic(Intrinsic::Function),
                               .isConstructor = true});
    realm.set_intrinsic(Intrinsic::AsyncGeneratorFunction, constructor);

    // §27.4.3 The AsyncGeneratorFunction prototype object.
    Object* functionPrototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::FunctionPrototype));
    realm.set_intrinsic(Intrinsic::AsyncGeneratorFunctionPrototype, functionPrototype);
    // §27.4.2.1 AsyncGeneratorFunction.prototype, §27.4.3.1 AsyncGeneratorFunction.prototype.constructor
    define_value_property(agent, *constructor, agent.names.prototype, functionPrototype, false, false, false);
    define_value_property(agent, *functionPrototype, agent.names.constructor, constructor, false, false, true);
    define_to_string_tag(agent, *functionPrototype, "AsyncGeneratorFunction");

    // §27.6.1 The %AsyncGeneratorPrototype% Object.
    Object* prototype = OrdinaryObjectCreate(agent, asyncIteratorPrototype);
    realm.set_intrinsic(Intrinsic::AsyncGeneratorPrototype, prototype);
    // §27.4.3.2 AsyncGeneratorFunction.prototype.prototype, §27.6.1.1 %AsyncGeneratorPrototype%.constructor
    define_value_property(agent, *functionPrototype, agent.names.prototype, prototype, false, false, true);
    define_value_property(agent, *prototype, agent.names.constructor, functionPrototype, false, false, true);
    define_builtin_function(agent, realm, *prototype, "next", AsyncGeneratorPrototype_next, 1);
    define_builtin_function(agent, realm, *prototype, "return", AsyncGeneratorPrototype_return, 1);
    define_builtin_function(agent, realm, *prototype, "throw", AsyncGeneratorPrototype_throw, 1);
    define_to_string_tag(agent, *prototype, "AsyncGenerator");
}

}  // namespace lockstep
