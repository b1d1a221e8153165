// ECMA-262 §27.3 GeneratorFunction Objects and §27.5.1 the %GeneratorPrototype% object.
#include "abstract_ops/generator_operations.h"
#include "algorithms/dynamic_function.h"
#include "builtins/builtin_helpers.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// §27.3.1.1 GeneratorFunction ( ...parameterArgs, bodyArg )
ThrowCompletionOr<Value> GeneratorFunction_constructor(Agent& agent, BuiltinFunction& activeFunction, Value,
                                                       Arguments arguments, Object* newTarget)
{
    SPEC_ALGORITHM("sec-generatorfunction");
    // The last argument is bodyArg, the ones before it parameterArgs.
    Arguments parameterArgs = arguments.empty() ? arguments : arguments.first(arguments.size() - 1);
    STEP("1");
    Object& C = activeFunction;
    STEP("2");
    Value bodyArg = arguments.empty() ? Value(agent.heap.intern_ascii("")) : arguments.back();
    STEP("3");
    return TRY(CreateDynamicFunction(agent, C, newTarget, DynamicFunctionKind::Generator, parameterArgs, bodyArg));
}

// §27.5.1.2 %GeneratorPrototype%.next ( value )
ThrowCompletionOr<Value> GeneratorPrototype_next(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                 Object*)
{
    SPEC_ALGORITHM("sec-generator.prototype.next");
    STEP("1");
    return TRY(GeneratorResume(agent, thisValue, argument(args, 0), nullptr));
}

// §27.5.1.3 %GeneratorPrototype%.return ( value )
ThrowCompletionOr<Value> GeneratorPrototype_return(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-generator.prototype.return");
    STEP("1");
    Value g = thisValue;
    STEP("2");
    Completion C = ReturnCompletion(argument(args, 0));
    STEP("3");
    return TRY(GeneratorResumeAbrupt(agent, g, C, nullptr));
}

// §27.5.1.4 %GeneratorPrototype%.throw ( exception )
ThrowCompletionOr<Value> GeneratorPrototype_throw(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                  Object*)
{
    SPEC_ALGORITHM("sec-generator.prototype.throw");
    STEP("1");
    Value g = thisValue;
    STEP("2");
    Completion C = ThrowCompletion(argument(args, 0));
    STEP("3");
    return TRY(GeneratorResumeAbrupt(agent, g, C, nullptr));
}

}  // namespace

void CreateGeneratorIntrinsics(Agent& agent, Realm& realm)
{
    // §27.3.1 The GeneratorFunction Constructor: a subclass of Function.
    BuiltinFunction* constructor =
        CreateBuiltinFunction(agent, GeneratorFunction_constructor, 1, agent.key("GeneratorFunction"),
                              {.realm = &realm, .prototype = realm.intrinsic(Intrinsic::Function),
                               .isConstructor = true});
    realm.set_intrinsic(Intrinsic::GeneratorFunction, constructor);

    // §27.3.3 The GeneratorFunction prototype object.
    Object* functionPrototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::FunctionPrototype));
    realm.set_intrinsic(Intrinsic::GeneratorFunctionPrototype, functionPrototype);
    // §27.3.2.1 GeneratorFunction.prototype, §27.3.3.1 GeneratorFunction.prototype.constructor
    define_value_property(agent, *constructor, agent.names.prototype, functionPrototype, false, false, false);
    define_value_property(agent, *functionPrototype, agent.names.constructor, constructor, false, false, true);
    define_to_string_tag(agent, *functionPrototype, "GeneratorFunction");

    // §27.5.1 The %GeneratorPrototype% Object.
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::IteratorPrototype));
    realm.set_intrinsic(Intrinsic::GeneratorPrototype, prototype);
    // §27.3.3.2 GeneratorFunction.prototype.prototype, §27.5.1.1 %GeneratorPrototype%.constructor
    define_value_property(agent, *functionPrototype, agent.names.prototype, prototype, false, false, true);
    define_value_property(agent, *prototype, agent.names.constructor, functionPrototype, false, false, true);
    define_builtin_function(agent, realm, *prototype, "next", GeneratorPrototype_next, 1);
    define_builtin_function(agent, realm, *prototype, "return", GeneratorPrototype_return, 1);
    define_builtin_function(agent, realm, *prototype, "throw", GeneratorPrototype_throw, 1);
    define_to_string_tag(agent, *prototype, "Generator");
}

}  // namespace lockstep
