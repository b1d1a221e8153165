// ECMA-262 §15.5 Generator Function Definitions and §15.6 Async Generator
// Function Definitions: the Instantiate…FunctionObject / …Expression
// algorithms, EvaluateGeneratorBody, EvaluateAsyncGeneratorBody and the
// Evaluation of YieldExpression (yield, yield*).
#include "abstract_ops/async_function_operations.h"
#include "abstract_ops/async_generator_operations.h"
#include "abstract_ops/generator_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "algorithms/productions.h"
#include "runtime/error.h"
#include "runtime/function_objects.h"
#include "runtime/generator_object.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"

namespace lockstep {

using namespace syntax;

ThrowCompletionOr<Value> ExpressionCompletion(Agent& agent, Completion completion)
{
    if (completion.is_normal()) return completion.value;
    if (completion.is_throw_completion()) return ThrowCompletion(completion.value);
    SPEC_ASSERT(completion.is_return_completion());
    SuspendableContext* context = SuspendableContext::running(agent);
    SPEC_ASSERT(context);
    context->in_flight_return = completion.value;
    return ThrowCompletion(Value(context));
}

std::optional<Completion> ReturnCompletionInFlight(Agent& agent, const Completion& thrown)
{
    if (!thrown.value.is_object()) return std::nullopt;
    SuspendableContext* context = SuspendableContext::running(agent);
    if (!context || thrown.value.as_object() != context) return std::nullopt;
    return ReturnCompletion(context->in_flight_return);
}

Completion WithReturnInFlight(Agent& agent, const Completion& completion)
{
    if (!completion.is_throw_completion()) return completion;
    return ReturnCompletionInFlight(agent, completion).value_or(completion);
}

SuspendableBody EvaluationOfBody(Agent& agent, ECMAScriptFunctionObject& F)
{
    return [&agent, unit = F.source_unit, code = F.ECMAScriptCode, strict = F.Strict]() -> Completion {
        Evaluator e(agent, unit, strict);
        if (code->concise_body) {
            // §15.3.5 ExpressionBody : AssignmentExpression
            SPEC_ALGORITHM("sec-arrow-function-definitions-runtime-semantics-evaluation#2");
            STEP("1");
            STEP("2");
            Value exprValue = TRY(EvaluateExpression(e, *code->concise_body));
            STEP("3");
            return ReturnCompletion(exprValue);
        }
        // FunctionBody : FunctionStatementList
        return EvaluateStatementList(e, code->body);
    };
}

ThrowCompletionOr<Object*> InstantiateGeneratorFunctionObject(Evaluator& e, const FunctionNode& function,
                                                              EnvironmentRecord* env, PrivateEnvironmentRecord* privateEnv)
{
    Agent& agent = e.agent;
    if (!function.name) {
        // the anonymous form of export default
        SPEC_ALGORITHM("sec-runtime-semantics-instantiategeneratorfunctionobject#2");
        STEP("1");
        STEP("2");
        ECMAScriptFunctionObject* F = OrdinaryFunctionCreateFor(e, Intrinsic::GeneratorFunctionPrototype, function,
                                                                ThisModeArgument::NonLexicalThis, env, privateEnv);
        STEP("3");
        SetFunctionName(agent, *F, DefaultName(e));
        STEP("4");
        STEP("5");
        DefinePrototypeObject(agent, *F, Intrinsic::GeneratorPrototype);
        STEP("6");
        return static_cast<Object*>(F);
    }
    SPEC_ALGORITHM("sec-runtime-semantics-instantiategeneratorfunctionobject");
    STEP("1");
    PropertyKey name = IdentifierKey(e, *function.name);
    STEP("2");
    STEP("3");
    ECMAScriptFunctionObject* F = OrdinaryFunctionCreateFor(e, Intrinsic::GeneratorFunctionPrototype, function,
                                                            ThisModeArgument::NonLexicalThis, env, privateEnv);
    STEP("4");
    SetFunctionName(agent, *F, name);
    STEP("5");
    STEP("6");
    DefinePrototypeObject(agent, *F, Intrinsic::GeneratorPrototype);
    STEP("7");
    return static_cast<Object*>(F);
}

ThrowCompletionOr<Value> InstantiateGeneratorFunctionExpression(Evaluator& e, const FunctionNode& function,
                                                                std::optional<PropertyName> name)
{
    Agent& agent = e.agent;
    ExecutionContext& context = agent.running_execution_context();
    if (!function.name) {
        SPEC_ALGORITHM("sec-runtime-semantics-instantiategeneratorfunctionexpression");
        STEP("1");
        if (!name) name = PropertyName(PropertyKey::from_ascii(agent.heap, ""));
        STEP("2");
        EnvironmentRecord* env = context.LexicalEnvironment;
        STEP("3");
        PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
        STEP("4");
        STEP("5");
        ECMAScriptFunctionObject* closure = OrdinaryFunctionCreateFor(e, Intrinsic::GeneratorFunctionPrototype, function,
                                                                      ThisModeArgument::NonLexicalThis, env, privateEnv);
        STEP("6");
        SetFunctionName(agent, *closure, *name);
        STEP("7");
        STEP("8");
        DefinePrototypeObject(agent, *closure, Intrinsic::GeneratorPrototype);
        STEP("9");
        return Value(closure);
    }
    SPEC_ALGORITHM("sec-runtime-semantics-instantiategeneratorfunctionexpression#2");
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
    ECMAScriptFunctionObject* closure = OrdinaryFunctionCreateFor(e, Intrinsic::GeneratorFunctionPrototype, function,
                                                                  ThisModeArgument::NonLexicalThis, funcEnv, privateEnv);
    STEP("9");
    SetFunctionName(agent, *closure, IdentifierKey(e, *function.name));
    STEP("10");
    STEP("11");
    DefinePrototypeObject(agent, *closure, Intrinsic::GeneratorPrototype);
    STEP("12");
    MUST(funcEnv->InitializeBinding(agent, functionName, closure));
    STEP("13");
    return Value(closure);
}

ThrowCompletionOr<Object*> InstantiateAsyncGeneratorFunctionObject(Evaluator& e, const FunctionNode& function,
                                                              EnvironmentRecord* env, PrivateEnvironmentRecord* privateEnv)
{
    Agent& agent = e.agent;
    if (!function.name) {
        // the anonymous form of export default
        SPEC_ALGORITHM("sec-runtime-semantics-instantiateasyncgeneratorfunctionobject#2");
        STEP("1");
        STEP("2");
        ECMAScriptFunctionObject* F = OrdinaryFunctionCreateFor(e, Intrinsic::AsyncGeneratorFunctionPrototype, function,
                                                                ThisModeArgument::NonLexicalThis, env, privateEnv);
        STEP("3");
        SetFunctionName(agent, *F, DefaultName(e));
        STEP("4");
        STEP("5");
        DefinePrototypeObject(agent, *F, Intrinsic::AsyncGeneratorPrototype);
        STEP("6");
        return static_cast<Object*>(F);
    }
    SPEC_ALGORITHM("sec-runtime-semantics-instantiateasyncgeneratorfunctionobject");
    STEP("1");
    PropertyKey name = IdentifierKey(e, *function.name);
    STEP("2");
    STEP("3");
    ECMAScriptFunctionObject* F = OrdinaryFunctionCreateFor(e, Intrinsic::AsyncGeneratorFunctionPrototype, function,
                                                            ThisModeArgument::NonLexicalThis, env, privateEnv);
    STEP("4");
    SetFunctionName(agent, *F, name);
    STEP("5");
    STEP("6");
    DefinePrototypeObject(agent, *F, Intrinsic::AsyncGeneratorPrototype);
    STEP("7");
    return static_cast<Object*>(F);
}

ThrowCompletionOr<Value> InstantiateAsyncGeneratorFunctionExpression(Evaluator& e, const FunctionNode& function,
                                                                std::optional<PropertyName> name)
{
    Agent& agent = e.agent;
    ExecutionContext& context = agent.running_execution_context();
    if (!function.name) {
        SPEC_ALGORITHM("sec-runtime-semantics-instantiateasyncgeneratorfunctionexpression");
        STEP("1");
        if (!name) name = PropertyName(PropertyKey::from_ascii(agent.heap, ""));
        STEP("2");
        EnvironmentRecord* env = context.LexicalEnvironment;
        STEP("3");
        PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
        STEP("4");
        STEP("5");
        ECMAScriptFunctionObject* closure = OrdinaryFunctionCreateFor(e, Intrinsic::AsyncGeneratorFunctionPrototype, function,
                                                                      ThisModeArgument::NonLexicalThis, env, privateEnv);
        STEP("6");
        SetFunctionName(agent, *closure, *name);
        STEP("7");
        STEP("8");
        DefinePrototypeObject(agent, *closure, Intrinsic::AsyncGeneratorPrototype);
        STEP("9");
        return Value(closure);
    }
    SPEC_ALGORITHM("sec-runtime-semantics-instantiateasyncgeneratorfunctionexpression#2");
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
    ECMAScriptFunctionObject* closure = OrdinaryFunctionCreateFor(e, Intrinsic::AsyncGeneratorFunctionPrototype, function,
                                                                  ThisModeArgument::NonLexicalThis, funcEnv, privateEnv);
    STEP("9");
    SetFunctionName(agent, *closure, IdentifierKey(e, *function.name));
    STEP("10");
    STEP("11");
    DefinePrototypeObject(agent, *closure, Intrinsic::AsyncGeneratorPrototype);
    STEP("12");
    MUST(funcEnv->InitializeBinding(agent, functionName, closure));
    STEP("13");
    return Value(closure);
}

Completion EvaluateGeneratorBody(Evaluator& e, ECMAScriptFunctionObject& functionObject,
                                 std::span<const Value> argumentsList)
{
    SPEC_ALGORITHM("sec-runtime-semantics-evaluategeneratorbody");
    Agent& agent = e.agent;
    STEP("1");
    TRY(FunctionDeclarationInstantiation(e, functionObject, argumentsList));
    STEP("2");
    GeneratorObject* G =
        TRY(OrdinaryCreateFromConstructor<GeneratorObject>(agent, functionObject, Intrinsic::GeneratorPrototype));
    Root<Object*> rootedG(G);
    STEP("3");
    G->GeneratorBrand = nullptr;
    STEP("4");
    G->GeneratorState = GeneratorState::SuspendedStart;
    STEP("5");
    GeneratorStart(agent, *G, EvaluationOfBody(agent, functionObject));
    STEP("6");
    return ReturnCompletion(G);
}

Completion EvaluateAsyncGeneratorBody(Evaluator& e, ECMAScriptFunctionObject& functionObject,
                                      std::span<const Value> argumentsList)
{
    SPEC_ALGORITHM("sec-runtime-semantics-evaluateasyncgeneratorbody");
    Agent& agent = e.agent;
    STEP("1");
    TRY(FunctionDeclarationInstantiation(e, functionObject, argumentsList));
    STEP("2");
    AsyncGeneratorObject* generator = TRY(OrdinaryCreateFromConstructor<AsyncGeneratorObject>(
        agent, functionObject, Intrinsic::AsyncGeneratorPrototype));
    Root<Object*> rootedGenerator(generator);
    STEP("3");
    generator->GeneratorBrand = nullptr;
    STEP("4");
    generator->AsyncGeneratorState = AsyncGeneratorState::SuspendedStart;
    STEP("5");
    AsyncGeneratorStart(agent, *generator, EvaluationOfBody(agent, functionObject));
    STEP("6");
    return ReturnCompletion(generator);
}

namespace {

// yield* ( §15.5.5 ): a normal, throw or return completion.
Completion EvaluateYieldStar(Evaluator& e, const YieldExpression& n)
{
    SPEC_ALGORITHM("sec-generator-function-definitions-runtime-semantics-evaluation#4");
    Agent& agent = e.agent;
    STEP("1");
    GeneratorKind generatorKind = GetGeneratorKind(agent);
    STEP("2");
    SPEC_ASSERT(generatorKind == GeneratorKind::Sync || generatorKind == GeneratorKind::Async);
    bool async = generatorKind == GeneratorKind::Async;
    STEP("3");
    STEP("4");
    Value value = TRY(EvaluateExpression(e, *n.argument));
    STEP("5");
    IteratorRecord iteratorRecord =
        TRY(GetIterator(agent, value, async ? IteratorKind::Async : IteratorKind::Sync));
    STEP("6");
    Object* iterator = iteratorRecord.Iterator;
    STEP("7");
    Completion received = NormalCompletion(Value::undefined());
    // 8.a.iii-8.a.v, 8.b.ii.3-8.b.ii.6 and 8.c.v-8.c.viii share their shape:
    // check the inner result, finish when it is done, else yield it.
    auto yieldInnerResult = [&](Value innerResult, bool isReturn) -> std::optional<Completion> {
        if (!innerResult.is_object()) return Completion(throw_type_error(agent, "iterator result is not an object"));
        ThrowCompletionOr<bool> done = IteratorComplete(agent, *innerResult.as_object());
        if (done.is_abrupt()) return Completion(done.release_error());
        if (done.value()) {
            ThrowCompletionOr<Value> resultValue = IteratorValue(agent, *innerResult.as_object());
            if (resultValue.is_abrupt() || !isReturn) return Completion(resultValue);
            return ReturnCompletion(resultValue.value());
        }
        if (async) {
            ThrowCompletionOr<Value> resultValue = IteratorValue(agent, *innerResult.as_object());
            if (resultValue.is_abrupt()) return Completion(resultValue.release_error());
            received = AsyncGeneratorYield(agent, resultValue.value());
        } else {
            received = GeneratorYield(agent, *innerResult.as_object());
        }
        return std::nullopt;
    };
    STEP("8");
    for (;;) {
        STEP("8.a");
        if (received.is_normal()) {
            STEP("8.a.i");
            Value innerResult = TRY(Call(agent, iteratorRecord.NextMethod, iteratorRecord.Iterator,
                                         std::span<const Value>(&received.value, 1)));
            STEP("8.a.ii");
            if (async) innerResult = TRY(Await(agent, innerResult));
            STEP("8.a.iii");
            STEP("8.a.iv");
            STEP("8.a.v");
            STEP("8.a.v.1");
            STEP("8.a.vi");
            STEP("8.a.vii");
            if (std::optional<Completion> finished = yieldInnerResult(innerResult, false)) return *finished;
        } else if (received.is_throw_completion()) {
            STEP("8.b");
            STEP("8.b.i");
            Value throw_ = TRY(GetMethod(agent, iterator, agent.key("throw")));
            STEP("8.b.ii");
            if (!throw_.is_undefined()) {
                STEP("8.b.ii.1");
                Value innerResult = TRY(Call(agent, throw_, iterator, std::span<const Value>(&received.value, 1)));
                STEP("8.b.ii.2");
                if (async) innerResult = TRY(Await(agent, innerResult));
                STEP("8.b.ii.3");
                STEP("8.b.ii.4");
                STEP("8.b.ii.5");
                STEP("8.b.ii.6");
                STEP("8.b.ii.6.a");
                STEP("8.b.ii.7");
                STEP("8.b.ii.8");
                if (std::optional<Completion> finished = yieldInnerResult(innerResult, false)) return *finished;
            } else {
                STEP("8.b.iii");
                STEP("8.b.iii.1");
                STEP("8.b.iii.2");
                Completion closeCompletion = NormalCompletion(Value::empty());
                STEP("8.b.iii.3");
                if (async) {
                    TRY(AsyncIteratorClose(agent, iteratorRecord, closeCompletion));
                } else {
                    STEP("8.b.iii.4");
                    TRY(IteratorClose<Completion>(agent, iteratorRecord, closeCompletion));
                }
                STEP("8.b.iii.5");
                STEP("8.b.iii.6");
                return throw_type_error(agent, "the iterator yield* delegates to has no throw() method");
            }
        } else {
            STEP("8.c");
            STEP("8.c.i");
            SPEC_ASSERT(received.is_return_completion());
            STEP("8.c.ii");
            Value return_ = TRY(GetMethod(agent, iterator, agent.key("return")));
            STEP("8.c.iii");
            if (return_.is_undefined()) {
                STEP("8.c.iii.1");
                Value returned = received.value;
                STEP("8.c.iii.2");
                if (async) {
                    STEP("8.c.iii.2.a");
                    returned = TRY(Await(agent, returned));
                }
                STEP("8.c.iii.3");
                return ReturnCompletion(returned);
            }
            STEP("8.c.iv");
            Value innerReturnResult =
                TRY(Call(agent, return_, iterator, std::span<const Value>(&received.value, 1)));
            STEP("8.c.v");
            if (async) innerReturnResult = TRY(Await(agent, innerReturnResult));
            STEP("8.c.vi");
            STEP("8.c.vii");
            STEP("8.c.viii");
            STEP("8.c.viii.1");
            STEP("8.c.viii.2");
            STEP("8.c.ix");
            STEP("8.c.x");
            if (std::optional<Completion> finished = yieldInnerResult(innerReturnResult, true)) return *finished;
        }
    }
}

}  // namespace

ThrowCompletionOr<Value> EvaluateYieldExpression(Evaluator& e, const YieldExpression& n)
{
    Agent& agent = e.agent;
    if (n.delegate) return ExpressionCompletion(agent, EvaluateYieldStar(e, n));
    if (!n.argument) {
        SPEC_ALGORITHM("sec-generator-function-definitions-runtime-semantics-evaluation#2");
        STEP("1");
        return ExpressionCompletion(agent, Yield(agent, Value::undefined()));
    }
    SPEC_ALGORITHM("sec-generator-function-definitions-runtime-semantics-evaluation#3");
    STEP("1");
    STEP("2");
    Value value = TRY(EvaluateExpression(e, *n.argument));
    STEP("3");
    return ExpressionCompletion(agent, Yield(agent, value));
}

}  // namespace lockstep
