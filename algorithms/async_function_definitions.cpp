// ECMA-262 §15.8 Async Function Definitions and §15.9 Async Arrow Function
// Definitions: InstantiateAsyncFunctionObject, the Instantiate…Expression
// algorithms, EvaluateAsyncFunctionBody, EvaluateAsyncConciseBody and the
// Evaluation of AwaitExpression.
#include "abstract_ops/async_function_operations.h"
#include "abstract_ops/promise_operations.h"
#include "algorithms/productions.h"
#include "runtime/error.h"
#include "runtime/function_objects.h"
#include "runtime/generator_object.h"
#include "runtime/realm.h"

namespace lockstep {

using namespace syntax;

ThrowCompletionOr<Object*> InstantiateAsyncFunctionObject(Evaluator& e, const FunctionNode& function,
                                                          EnvironmentRecord* env, PrivateEnvironmentRecord* privateEnv)
{
    Agent& agent = e.agent;
    if (!function.name) {
        // the anonymous form of export default
        SPEC_ALGORITHM("sec-runtime-semantics-instantiateasyncfunctionobject#2");
        STEP("1");
        STEP("2");
        ECMAScriptFunctionObject* F = OrdinaryFunctionCreateFor(e, Intrinsic::AsyncFunctionPrototype, function,
                                                                ThisModeArgument::NonLexicalThis, env, privateEnv);
        STEP("3");
        SetFunctionName(agent, *F, DefaultName(e));
        STEP("4");
        return static_cast<Object*>(F);
    }
    SPEC_ALGORITHM("sec-runtime-semantics-instantiateasyncfunctionobject");
    STEP("1");
    PropertyKey name = IdentifierKey(e, *function.name);
    STEP("2");
    STEP("3");
    ECMAScriptFunctionObject* F = OrdinaryFunctionCreateFor(e, Intrinsic::AsyncFunctionPrototype, function,
                                                            ThisModeArgument::NonLexicalThis, env, privateEnv);
    STEP("4");
    SetFunctionName(agent, *F, name);
    STEP("5");
    return static_cast<Object*>(F);
}

ThrowCompletionOr<Value> InstantiateAsyncFunctionExpression(Evaluator& e, const FunctionNode& function,
                                                            std::optional<PropertyName> name)
{
    Agent& agent = e.agent;
    ExecutionContext& context = agent.running_execution_context();
    if (!function.name) {
        SPEC_ALGORITHM("sec-runtime-semantics-instantiateasyncfunctionexpression");
        STEP("1");
        if (!name) name = PropertyName(PropertyKey::from_ascii(agent.heap, ""));
        STEP("2");
        EnvironmentRecord* env = context.LexicalEnvironment;
        STEP("3");
        PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
        STEP("4");
        STEP("5");
        ECMAScriptFunctionObject* closure = OrdinaryFunctionCreateFor(e, Intrinsic::AsyncFunctionPrototype, function,
                                                                      ThisModeArgument::NonLexicalThis, env, privateEnv);
        STEP("6");
        SetFunctionName(agent, *closure, *name);
        STEP("7");
        return Value(closure);
    }
    SPEC_ALGORITHM("sec-runtime-semantics-instantiateasyncfunctionexpression#2");
    STEP("1");
    SPEC_ASSERT(!name);
    STEP("2");
    Name functionName = function.name->name;
    STEP("3");
    EnvironmentRecord* outerEnv = context.LexicalEnvironment;
    STEP("4");
    DeclarativeEnvironmentRecord* funcEnv = NewDeclarativeEnvironment(agent, outerEnv);
    STEP("5");
    MUST(funcEnv->CreateImmutableBinding(agent, functionName, false));
    STEP("6");
    PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
    STEP("7");
    STEP("8");
    ECMAScriptFunctionObject* closure = OrdinaryFunctionCreateFor(e, Intrinsic::AsyncFunctionPrototype, function,
                                                                  ThisModeArgument::NonLexicalThis, funcEnv, privateEnv);
    STEP("9");
    SetFunctionName(agent, *closure, IdentifierKey(e, *function.name));
    STEP("10");
    MUST(funcEnv->InitializeBinding(agent, functionName, closure));
    STEP("11");
    return Value(closure);
}

ThrowCompletionOr<Value> InstantiateAsyncArrowFunctionExpression(Evaluator& e, const FunctionNode& function,
                                                                 std::optional<PropertyName> name)
{
    Agent& agent = e.agent;
    ExecutionContext& context = agent.running_execution_context();
    // `async x => …` (AsyncArrowBindingIdentifier) or `async (…) => …`
    // (CoverCallExpressionAndAsyncArrowHead): parameters in parentheses.
    const std::string& source = e.unit->program->source;
    uint32_t parametersStart = function.parameters_range.start;
    if (parametersStart == 0 || source[parametersStart - 1] != '(') {
        SPEC_ALGORITHM("sec-runtime-semantics-instantiateasyncarrowfunctionexpression");
        STEP("1");
        if (!name) name = PropertyName(PropertyKey::from_ascii(agent.heap, ""));
        STEP("2");
        EnvironmentRecord* env = context.LexicalEnvironment;
        STEP("3");
        PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
        STEP("4");
        STEP("5");
        STEP("6");
        ECMAScriptFunctionObject* closure = OrdinaryFunctionCreateFor(e, Intrinsic::AsyncFunctionPrototype, function,
                                                                      ThisModeArgument::LexicalThis, env, privateEnv);
        STEP("7");
        SetFunctionName(agent, *closure, *name);
        STEP("8");
        return Value(closure);
    }
    SPEC_ALGORITHM("sec-runtime-semantics-instantiateasyncarrowfunctionexpression#2");
    STEP("1");
    if (!name) name = PropertyName(PropertyKey::from_ascii(agent.heap, ""));
    STEP("2");
    EnvironmentRecord* env = context.LexicalEnvironment;
    STEP("3");
    PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
    STEP("4");
    STEP("5");
    STEP("6");
    STEP("7");
    ECMAScriptFunctionObject* closure = OrdinaryFunctionCreateFor(e, Intrinsic::AsyncFunctionPrototype, function,
                                                                  ThisModeArgument::LexicalThis, env, privateEnv);
    STEP("8");
    SetFunctionName(agent, *closure, *name);
    STEP("9");
    return Value(closure);
}

Completion EvaluateAsyncFunctionBody(Evaluator& e, ECMAScriptFunctionObject& functionObject,
                                     std::span<const Value> argumentsList)
{
    // AsyncFunctionBody : FunctionBody, and §15.9.4 EvaluateAsyncConciseBody
    // (AsyncConciseBody : ExpressionBody), whose steps are the same.
    SPEC_ALGORITHM("sec-runtime-semantics-evaluateasyncfunctionbody");
    Agent& agent = e.agent;
    // An implementation limit: the body starts on a stack of its own at once.
    if (SuspendableContext::nesting_exhausted()) return throw_stack_overflow(agent);
    STEP("1");
    PromiseCapabilityRecord promiseCapability =
        MUST(NewPromiseCapability(agent, agent.current_realm()->intrinsic(Intrinsic::Promise)));
    Root<Object*> rootedPromise(promiseCapability.Promise);
    STEP("2");
    ThrowCompletionOr<void> completion = FunctionDeclarationInstantiation(e, functionObject, argumentsList);
    STEP("3");
    if (completion.is_abrupt()) {
        STEP("3.a");
        Value reason = completion.thrown_value();
        MUST(Call(agent, promiseCapability.Reject, Value::undefined(), std::span<const Value>(&reason, 1)));
    } else {
        STEP("4");
        STEP("4.a");
        AsyncFunctionStart(agent, promiseCapability, EvaluationOfBody(agent, functionObject));
    }
    STEP("5");
    return ReturnCompletion(promiseCapability.Promise);
}

ThrowCompletionOr<Value> EvaluateAwaitExpression(Evaluator& e, const UnaryNode& n)
{
    SPEC_ALGORITHM("sec-async-function-definitions-runtime-semantics-evaluation#2");
    STEP("1");
    STEP("2");
    Value value = TRY(EvaluateExpression(e, *n.operand));
    STEP("3");
    return Await(e.agent, value);
}

}  // namespace lockstep
