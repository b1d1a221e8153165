// ECMA-262 §27.7 AsyncFunction Objects: the %AsyncFunction% constructor and prototype.
#include "algorithms/dynamic_function.h"
#include "builtins/builtin_helpers.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// §27.7.1.1 AsyncFunction ( ...parameterArgs, bodyArg )
ThrowCompletionOr<Value> AsyncFunction_constructor(Agent& agent, BuiltinFunction& activeFunction, Value,
                                                   Arguments arguments, Object* newTarget)
{
    SPEC_ALGORITHM("sec-async-function-constructor-arguments");
    // The last argument is bodyArg, the ones before it parameterArgs.
    Arguments parameterArgs = arguments.empty() ? arguments : arguments.first(arguments.size() - 1);
    STEP("1");
    Object& C = activeFunction;
    STEP("2");
    Value bodyArg = arguments.empty() ? Value(agent.heap.intern_ascii("")) : arguments.back();
    STEP("3");
    return TRY(CreateDynamicFunction(agent, C, newTarget, DynamicFunctionKind::Async, parameterArgs, bodyArg));
}

}  // namespace

void CreateAsyncFunctionIntrinsics(Agent& agent, Realm& realm)
{
    // §27.7.1 The AsyncFunction Constructor: a subclass of Function.
    BuiltinFunction* constructor =
        CreateBuiltinFunction(agent, AsyncFunction_constructor, 1, agent.key("AsyncFunction"),
                              {.realm = &realm, .prototype = realm.intrinsic(Intrinsic::Function),
                               .isConstructor = true});
    realm.set_intrinsic(Intrinsic::AsyncFunction, constructor);

    // §27.7.3 The AsyncFunction prototype object.
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::FunctionPrototype));
    realm.set_intrinsic(Intrinsic::AsyncFunctionPrototype, prototype);
    // §27.7.2.1 AsyncFunction.prototype, §27.7.3.1 AsyncFunction.prototype.constructor
    define_value_property(agent, *constructor, agent.names.prototype, prototype, false, false, false);
    define_value_property(agent, *prototype, agent.names.constructor, constructor, false, false, true);
    define_to_string_tag(agent, *prototype, "AsyncFunction");
}

}  // namespace lockstep
