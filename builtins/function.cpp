// ECMA-262 §20.2 Function Objects: %Function% and the properties of
// %Function.prototype% (which runtime/realm.cpp creates first).
#include <cmath>
#include <limits>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/dynamic_function.h"
#include "builtins/builtin_helpers.h"
#include "runtime/bound_function_object.h"
#include "runtime/ecmascript_function_object.h"
#include "runtime/error.h"
#include "runtime/function_objects.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// §20.2.1.1 Function ( ...parameterArgs, bodyArg )
ThrowCompletionOr<Value> Function_constructor(Agent& agent, BuiltinFunction& activeFunction, Value,
                                              Arguments arguments, Object* newTarget)
{
    SPEC_ALGORITHM("sec-function-p1-p2-pn-body");
    // The last argument is bodyArg, the ones before it parameterArgs.
    Arguments parameterArgs = arguments.empty() ? arguments : arguments.first(arguments.size() - 1);
    STEP("1");
    Object& C = activeFunction;
    STEP("2");
    Value bodyArg = arguments.empty() ? Value(agent.heap.intern_ascii("")) : arguments.back();
    STEP("3");
    return TRY(CreateDynamicFunction(agent, C, newTarget, DynamicFunctionKind::Normal, parameterArgs, bodyArg));
}

// §20.2.3.1 Function.prototype.apply ( thisArg, argArray )
ThrowCompletionOr<Value> Function_prototype_apply(Agent& agent, BuiltinFunction&, Value thisValue, Arguments arguments,
                                                  Object*)
{
    SPEC_ALGORITHM("sec-function.prototype.apply");
    Value thisArg = argument(arguments, 0);
    Value argArray = argument(arguments, 1);
    STEP("1");
    Value func = thisValue;
    STEP("2");
    if (!IsCallable(func)) return throw_type_error(agent, "Function.prototype.apply called on a non-function");
    STEP("3");
    if (argArray.is_nullish()) {
        STEP("3.a");  // PrepareForTailCall: built-in calls are not tail calls
        STEP("3.b");
        return TRY(Call(agent, func, thisArg));
    }
    STEP("4");
    List<Value> argList = TRY(CreateListFromArrayLike(agent, argArray));
    STEP("5");
    STEP("6");
    return TRY(Call(agent, func, thisArg, argList.items()));
}

// §20.2.3.2 Function.prototype.bind ( thisArg, ...args )
ThrowCompletionOr<Value> Function_prototype_bind(Agent& agent, BuiltinFunction&, Value thisValue, Arguments arguments,
                                                 Object*)
{
    SPEC_ALGORITHM("sec-function.prototype.bind");
    Value thisArg = argument(arguments, 0);
    Arguments args = arguments.empty() ? arguments : arguments.subspan(1);
    STEP("1");
    Value Target = thisValue;
    STEP("2");
    if (!IsCallable(Target)) return throw_type_error(agent, "Function.prototype.bind called on a non-function");
    STEP("3");
    BoundFunctionObject* F = TRY(BoundFunctionCreate(agent, *Target.as_object(), thisArg, args));
    STEP("4");
    double L = 0;
    STEP("5");
    bool targetHasLength = TRY(HasOwnProperty(agent, *Target.as_object(), agent.names.length));
    STEP("6");
    if (targetHasLength) {
        STEP("6.a");
        Value targetLen = TRY(Get(agent, *Target.as_object(), agent.names.length));
        STEP("6.b");
        if (targetLen.is_number()) {
            double number = targetLen.as_number();
            STEP("6.b.i");
            if (number == std::numeric_limits<double>::infinity()) {
                STEP("6.b.i.1");
                L = number;
            } else if (number == -std::numeric_limits<double>::infinity()) {
                STEP("6.b.ii");
                STEP("6.b.ii.1");
                L = 0;
            } else {
                STEP("6.b.iii");
                STEP("6.b.iii.1");
                double targetLenAsInt = MUST(ToIntegerOrInfinity(agent, targetLen));
                STEP("6.b.iii.2");
                SPEC_ASSERT(std::isfinite(targetLenAsInt));
                STEP("6.b.iii.3");
                double argCount = double(args.size());
                STEP("6.b.iii.4");
                L = std::max(targetLenAsInt - argCount, 0.0);
            }
        }
    }
    STEP("7");
    SetFunctionLength(agent, *F, L);
    STEP("8");
    Value targetName = TRY(Get(agent, *Target.as_object(), agent.names.name));
    STEP("9");
    if (!targetName.is_string()) targetName = agent.heap.intern_ascii("");
    STEP("10");
    SetFunctionName(agent, *F, PropertyKey::from_string(agent.heap, *targetName.as_string()),
                    agent.heap.intern_ascii("bound"));
    STEP("11");
    return F;
}

// §20.2.3.3 Function.prototype.call ( thisArg, ...args )
ThrowCompletionOr<Value> Function_prototype_call(Agent& agent, BuiltinFunction&, Value thisValue, Arguments arguments,
                                                 Object*)
{
    SPEC_ALGORITHM("sec-function.prototype.call");
    Value thisArg = argument(arguments, 0);
    Arguments args = arguments.empty() ? arguments : arguments.subspan(1);
    STEP("1");
    Value func = thisValue;
    STEP("2");
    if (!IsCallable(func)) return throw_type_error(agent, "Function.prototype.call called on a non-function");
    STEP("3");  // PrepareForTailCall: built-in calls are not tail calls
    STEP("4");
    return TRY(Call(agent, func, thisArg, args));
}

// §20.2.3.5 Function.prototype.toString ( )
ThrowCompletionOr<Value> Function_prototype_toString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                     Object*)
{
    SPEC_ALGORITHM("sec-function.prototype.tostring");
    STEP("1");
    Value func = thisValue;
    STEP("2");
    // Only ECMAScript function objects have [[SourceText]]; empty is "not recorded".
    auto* function = func.is_object() ? dynamic_cast<ECMAScriptFunctionObject*>(func.as_object()) : nullptr;
    if (function && !function->SourceText.empty() && agent.host.HostHasSourceTextAvailable(agent, function)) {
        STEP("2.a");
        return make_string_from_utf8(agent.heap, function->SourceText);
    }
    STEP("3");
    if (func.is_object()) {
        if (auto* builtin = dynamic_cast<BuiltinFunction*>(func.as_object())) {
            // A NativeFunction whose PropertyName is [[InitialName]].
            std::u16string name = builtin->InitialName.is_string() ? builtin->InitialName.as_string()->units() : u"";
            return make_string(agent.heap, u"function " + name + u"() { [native code] }");
        }
    }
    STEP("4");
    if (IsCallable(func)) return agent.heap.intern_ascii("function () { [native code] }");
    STEP("5");
    return throw_type_error(agent, "Function.prototype.toString called on a non-function");
}

// §20.2.3.6 Function.prototype [ %Symbol.hasInstance% ] ( V )
ThrowCompletionOr<Value> Function_prototype_hasInstance(Agent& agent, BuiltinFunction&, Value thisValue,
                                                        Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-function.prototype-%symbol.hasinstance%");
    STEP("1");
    Value F = thisValue;
    STEP("2");
    return Value::boolean(TRY(OrdinaryHasInstance(agent, F, argument(arguments, 0))));
}

}  // namespace

void CreateFunctionIntrinsics(Agent& agent, Realm& realm)
{
    Object& prototype = *realm.intrinsic(Intrinsic::FunctionPrototype);

    // §20.2.1 The Function Constructor
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, Function_constructor, 1, agent.key("Function"),
                                                         {.realm = &realm, .isConstructor = true});
    realm.set_intrinsic(Intrinsic::Function, constructor);
    link_constructor_and_prototype(agent, *constructor, prototype);

    // §20.2.3 Properties of the Function Prototype Object
    define_builtin_function(agent, realm, prototype, "apply", Function_prototype_apply, 2);
    define_builtin_function(agent, realm, prototype, "bind", Function_prototype_bind, 1);
    define_builtin_function(agent, realm, prototype, "call", Function_prototype_call, 1);
    define_builtin_function(agent, realm, prototype, "toString", Function_prototype_toString, 0);
    // §20.2.3.6: { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }.
    PropertyKey hasInstance = agent.well_known_symbol(WellKnownSymbol::hasInstance);
    define_value_property(agent, prototype, hasInstance,
                          CreateBuiltinFunction(agent, Function_prototype_hasInstance, 1, hasInstance, {.realm = &realm}),
                          false, false, false);
}

}  // namespace lockstep
