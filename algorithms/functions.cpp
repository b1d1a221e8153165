// ECMA-262 §15.1-§15.6 functions (parameters, function / arrow / method /
// generator / async definitions), §10.2.1.3 EvaluateBody, §10.2.11
// FunctionDeclarationInstantiation, §8.4.5 NamedEvaluation and §8.6.1
// InstantiateFunctionObject.
#include "abstract_ops/object_operations.h"
#include "abstract_ops/private_elements.h"
#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"
#include "runtime/arguments_object.h"
#include "runtime/error.h"
#include "runtime/function_objects.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

namespace {

bool Contains(const std::vector<Name>& names, Name name)
{
    for (Name n : names)
        if (n == name) return true;
    return false;
}

// FunctionDeclarationInstantiation steps 5-18 and 33: facts of the code alone.
const FunctionFacts& FunctionFactsOf(SourceUnit& unit, const FunctionNode& function)
{
    auto& slot = unit.function_facts[&function];
    if (slot) return *slot;
    slot = std::make_unique<FunctionFacts>();
    FunctionFacts& facts = *slot;
    for (const PatternElement* p : function.parameters) BoundNames(p, facts.parameterNames);
    BoundNames(function.rest_parameter, facts.parameterNames);
    for (size_t i = 0; i < facts.parameterNames.size() && !facts.hasDuplicates; ++i)
        for (size_t j = 0; j < i; ++j)
            if (facts.parameterNames[i] == facts.parameterNames[j]) facts.hasDuplicates = true;
    facts.simpleParameterList = function.simple_parameter_list;
    facts.hasParameterExpressions = function.parameters_contain_expression;
    std::vector<const Node*> varDeclarations;
    TopLevelVarScopedDeclarations(function.body, varDeclarations);
    facts.varNames = BoundNamesOfAll(varDeclarations);
    // Remove duplicates from varNames (instantiation skips them anyway).
    std::vector<Name> uniqueVarNames;
    for (Name n : facts.varNames)
        if (!Contains(uniqueVarNames, n)) uniqueVarNames.push_back(n);
    facts.varNames = std::move(uniqueVarNames);
    for (size_t i = varDeclarations.size(); i-- > 0;) {
        const Node* d = varDeclarations[i];
        if (!IsHoistableDeclaration(d->kind)) continue;
        std::vector<Name> fnNames;
        BoundNames(d, fnNames);
        if (!Contains(facts.functionNames, fnNames[0])) {
            facts.functionNames.insert(facts.functionNames.begin(), fnNames[0]);
            facts.functionsToInitialize.insert(facts.functionsToInitialize.begin(), d);
        }
    }
    TopLevelLexicallyScopedDeclarations(function.body, facts.lexDeclarations);
    facts.lexicalNames = BoundNamesOfAll(facts.lexDeclarations);
    facts.argumentsObjectNeeded = true;
    if (function.is_arrow) {
        facts.argumentsObjectNeeded = false;
    } else if (Contains(facts.parameterNames, u"arguments")) {
        facts.argumentsObjectNeeded = false;
    } else if (!facts.hasParameterExpressions &&
               (Contains(facts.functionNames, u"arguments") || Contains(facts.lexicalNames, u"arguments"))) {
        facts.argumentsObjectNeeded = false;
    }
    // No code of the function can observe an arguments object it never names
    // (directly or through a direct eval): skip creating it.
    facts.referencesArgumentsOrEval = ReferencesArgumentsOrEval(function);
    if (facts.argumentsObjectNeeded && !facts.referencesArgumentsOrEval) facts.argumentsObjectNeeded = false;
    if (!function.strict) {
        for (const FunctionNode* f : WebCompatFunctionDeclarations(function.body, facts.lexicalNames)) {
            Name F = f->name->name;
            if (Contains(facts.parameterNames, F)) continue;
            unit.web_compat_functions[f] = WebCompatDeclaration::Function;
            if (!Contains(facts.webCompatNames, F)) facts.webCompatNames.push_back(F);
        }
    }
    return facts;
}

std::string_view SourceTextOf(Evaluator& e, const Node& node)
{
    return e.unit->program->source_text(node);
}

}  // namespace

ECMAScriptFunctionObject* OrdinaryFunctionCreateFor(Evaluator& e, Intrinsic functionPrototype,
                                                    const FunctionNode& function, ThisModeArgument thisMode,
                                                    EnvironmentRecord* env, PrivateEnvironmentRecord* privateEnv)
{
    Realm& realm = *e.agent.current_realm();
    return OrdinaryFunctionCreate(e.agent, *realm.intrinsic(functionPrototype), SourceTextOf(e, function), &function,
                                  nullptr, thisMode, env, privateEnv, e.unit);
}

void DefinePrototypeObject(Agent& agent, Object& F, Intrinsic prototypeParent)
{
    Object* prototype = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(prototypeParent));
    MUST(DefinePropertyOrThrow(agent, F, agent.names.prototype,
                               PropertyDescriptor{.value = Value(prototype), .writable = true, .enumerable = false,
                                                  .configurable = false}));
}

PropertyName DefaultName(Evaluator& e)
{
    return PropertyName(PropertyKey::from_ascii(e.agent.heap, "default"));
}

namespace {

// OrdinaryFunctionCreate(%Function.prototype%, …) for a function node of the code being evaluated.
ECMAScriptFunctionObject* CreateFunction(Evaluator& e, const FunctionNode& function, ThisModeArgument thisMode,
                                         EnvironmentRecord* env, PrivateEnvironmentRecord* privateEnv)
{
    return OrdinaryFunctionCreateFor(e, Intrinsic::FunctionPrototype, function, thisMode, env, privateEnv);
}

}  // namespace

ThrowCompletionOr<void> FunctionDeclarationInstantiation(Evaluator& e, ECMAScriptFunctionObject& func,
                                                         std::span<const Value> argumentsList)
{
    SPEC_ALGORITHM("sec-functiondeclarationinstantiation");
    Agent& agent = e.agent;
    STEP("1");
    ExecutionContext& calleeContext = agent.running_execution_context();
    STEP("2");
    const FunctionNode& code = *func.ECMAScriptCode;
    STEP("3");
    bool strict = func.Strict;
    STEP("4");
    const FunctionNode& formals = code;
    STEP("5-18");
    const FunctionFacts& facts = FunctionFactsOf(*e.unit, code);
    EnvironmentRecord* env;
    STEP("19");
    if (strict || !facts.hasParameterExpressions) {
        STEP("19.a");
        STEP("19.b");
        env = calleeContext.LexicalEnvironment;
    } else {
        STEP("20");
        STEP("20.a");
        STEP("20.b");
        EnvironmentRecord* calleeEnv = calleeContext.LexicalEnvironment;
        STEP("20.c");
        env = NewDeclarativeEnvironment(agent, calleeEnv);
        STEP("20.d");
        SPEC_ASSERT(calleeContext.VariableEnvironment == calleeEnv);
        STEP("20.e");
        calleeContext.LexicalEnvironment = env;
    }
    auto& declarativeEnv = static_cast<DeclarativeEnvironmentRecord&>(*env);
    STEP("21");
    for (Name paramName : facts.parameterNames) {
        STEP("21.a");
        bool alreadyDeclared = declarativeEnv.has_binding(paramName);
        STEP("21.b");
        STEP("21.c");
        if (!alreadyDeclared) {
            STEP("21.c.i");
            MUST(env->CreateMutableBinding(agent, paramName, false));
            STEP("21.c.ii");
            if (facts.hasDuplicates) {
                STEP("21.c.ii.1");
                MUST(env->InitializeBinding(agent, paramName, Value::undefined()));
            }
        }
    }
    bool argumentsBound = false;
    STEP("22");
    if (facts.argumentsObjectNeeded) {
        Object* ao;
        STEP("22.a");
        if (strict || !facts.simpleParameterList) {
            STEP("22.a.i");
            ao = CreateUnmappedArgumentsObject(agent, argumentsList);
        } else {
            STEP("22.b");
            STEP("22.b.i");
            STEP("22.b.ii");
            ao = CreateMappedArgumentsObject(agent, func, facts.parameterNames, argumentsList, *env);
        }
        STEP("22.c");
        if (strict) {
            STEP("22.c.i");
            MUST(env->CreateImmutableBinding(agent, u"arguments", false));
            STEP("22.c.ii");
        } else {
            STEP("22.d");
            STEP("22.d.i");
            MUST(env->CreateMutableBinding(agent, u"arguments", false));
        }
        STEP("22.e");
        MUST(env->InitializeBinding(agent, u"arguments", ao));
        STEP("22.f");
        argumentsBound = true;
    } else {
        STEP("23");
        STEP("23.a");
    }
    auto isParameterBinding = [&](Name n) {
        return Contains(facts.parameterNames, n) || (argumentsBound && n == u"arguments");
    };
    STEP("24");
    STEP("25");
    if (facts.hasDuplicates) {
        STEP("25.a");
        TRY(IteratorBindingInitializationOfParameters(e, formals, argumentsList, nullptr));
    } else {
        STEP("26");
        STEP("26.a");
        TRY(IteratorBindingInitializationOfParameters(e, formals, argumentsList, env));
    }
    EnvironmentRecord* varEnv;
    STEP("27");
    if (!facts.hasParameterExpressions) {
        STEP("27.a");
        STEP("27.b");
        STEP("27.c");
        for (Name n : facts.varNames) {
            STEP("27.c.i");
            if (!isParameterBinding(n)) {
                STEP("27.c.i.1");
                STEP("27.c.i.2");
                MUST(env->CreateMutableBinding(agent, n, false));
                STEP("27.c.i.3");
                MUST(env->InitializeBinding(agent, n, Value::undefined()));
            }
        }
        STEP("27.d");
        varEnv = env;
    } else {
        STEP("28");
        STEP("28.a");
        STEP("28.b");
        varEnv = NewDeclarativeEnvironment(agent, env);
        STEP("28.c");
        calleeContext.VariableEnvironment = varEnv;
        STEP("28.d");
        STEP("28.e");
        for (Name n : facts.varNames) {
            STEP("28.e.i");
            STEP("28.e.i.1");
            STEP("28.e.i.2");
            MUST(varEnv->CreateMutableBinding(agent, n, false));
            Value initialValue;
            STEP("28.e.i.3");
            if (!isParameterBinding(n) || Contains(facts.functionNames, n)) {
                STEP("28.e.i.3.a");
                initialValue = Value::undefined();
            } else {
                STEP("28.e.i.4");
                STEP("28.e.i.4.a");
                initialValue = MUST(env->GetBindingValue(agent, n, false));
            }
            STEP("28.e.i.5");
            MUST(varEnv->InitializeBinding(agent, n, initialValue));
            STEP("28.e.i.6");
        }
    }
    // §B.3.2.1 Changes to FunctionDeclarationInstantiation: these steps
    // replace step 29 (a var binding for each web-compat block function not
    // declared yet; the Evaluation of such a declaration, step 29.a.ii.3, is
    // in algorithms/evaluation.cpp).
    STEP("29");
    if (!strict) {
        STEP("29.a");
        for (Name F : facts.webCompatNames) {
            STEP("29.a.i");
            STEP("29.a.ii");
            STEP("29.a.ii.1");
            STEP("29.a.ii.2");
            bool instantiated = Contains(facts.varNames, F) || (!facts.hasParameterExpressions && isParameterBinding(F));
            if (!instantiated && F != u"arguments") {
                STEP("29.a.ii.2.a");
                MUST(varEnv->CreateMutableBinding(agent, F, false));
                STEP("29.a.ii.2.b");
                MUST(varEnv->InitializeBinding(agent, F, Value::undefined()));
                STEP("29.a.ii.2.c");
            }
            STEP("29.a.ii.3");
        }
    }
    EnvironmentRecord* lexEnv;
    STEP("30");
    if (!strict) {
        STEP("30.a");
        // The separate environment only matters to a direct eval; without
        // lexical declarations or a possible eval, varEnv serves.
        lexEnv = facts.lexDeclarations.empty() && !facts.referencesArgumentsOrEval
                     ? varEnv
                     : NewDeclarativeEnvironment(agent, varEnv);
        STEP("30.b");
    } else {
        STEP("31");
        STEP("31.a");
        lexEnv = varEnv;
    }
    STEP("32");
    calleeContext.LexicalEnvironment = lexEnv;
    STEP("33");
    STEP("34");
    std::vector<Name> names;
    for (const Node* d : facts.lexDeclarations) {
        STEP("34.a");
        STEP("34.b");
        names.clear();
        BoundNames(d, names);
        for (Name dn : names) {
            STEP("34.b.i");
            if (IsConstantDeclaration(d)) {
                STEP("34.b.i.1");
                MUST(lexEnv->CreateImmutableBinding(agent, dn, true));
            } else {
                STEP("34.b.ii");
                STEP("34.b.ii.1");
                MUST(lexEnv->CreateMutableBinding(agent, dn, false));
            }
        }
    }
    STEP("35");
    PrivateEnvironmentRecord* privateEnv = calleeContext.PrivateEnvironment;
    STEP("36");
    for (const Node* f : facts.functionsToInitialize) {
        STEP("36.a");
        Name fn = f->as<FunctionNode>()->name->name;
        STEP("36.b");
        Object* fo = MUST(InstantiateFunctionObject(e, *f->as<FunctionNode>(), lexEnv, privateEnv));
        STEP("36.c");
        MUST(varEnv->SetMutableBinding(agent, fn, fo, false));
    }
    STEP("37");
    return {};
}

Completion EvaluateBody(Agent& agent, ECMAScriptFunctionObject& functionObject, std::span<const Value> argumentsList)
{
    Evaluator e(agent, functionObject.source_unit, functionObject.Strict);
    if (functionObject.field_initializer) {
        // §15.7.10 ClassFieldInitializer : Initializer
        SPEC_ALGORITHM("sec-runtime-semantics-evaluatebody#7");
        STEP("1");
        SPEC_ASSERT(argumentsList.empty());
        STEP("2");
        auto* name = std::get_if<PropertyKey>(&functionObject.ClassFieldInitializerName);
        auto* privateName = std::get_if<PrivateName*>(&functionObject.ClassFieldInitializerName);
        SPEC_ASSERT(name || privateName);
        Value value;
        STEP("3");
        if (IsAnonymousFunctionDefinition(functionObject.field_initializer)) {
            STEP("3.a");
            value = TRY(NamedEvaluation(e, *functionObject.field_initializer,
                                        name ? PropertyName(*name) : PropertyName(*privateName)));
        } else {
            STEP("4");
            STEP("4.a");
            STEP("4.b");
            value = TRY(EvaluateExpression(e, *functionObject.field_initializer));
        }
        STEP("5");
        return ReturnCompletion(value);
    }
    const FunctionNode* code = functionObject.ECMAScriptCode;
    if (!code) return ClassDefaultConstructorBody(e, functionObject, argumentsList);
    if (code->is_generator && code->is_async) return EvaluateAsyncGeneratorBody(e, functionObject, argumentsList);
    if (code->is_generator) return EvaluateGeneratorBody(e, functionObject, argumentsList);
    if (code->is_async) return EvaluateAsyncFunctionBody(e, functionObject, argumentsList);
    if (code->kind == NodeKind::ClassStaticBlock) {
        // §15.7.11 EvaluateClassStaticBlockBody
        SPEC_ALGORITHM("sec-runtime-semantics-evaluateclassstaticblockbody");
        STEP("1");
        STEP("2");
        TRY(FunctionDeclarationInstantiation(e, functionObject, {}));
        STEP("3");
        TRY(EvaluateStatementList(e, code->body));
        STEP("4");
        return ReturnCompletion(Value::undefined());
    }
    if (code->concise_body) {
        // §15.3.3 EvaluateConciseBody: ConciseBody : ExpressionBody
        SPEC_ALGORITHM("sec-runtime-semantics-evaluateconcisebody");
        STEP("1");
        TRY(FunctionDeclarationInstantiation(e, functionObject, argumentsList));
        STEP("2");  // ExpressionBody's Evaluation returns its value as a return completion
        Value exprValue = TRY(EvaluateExpression(e, *code->concise_body));
        return ReturnCompletion(exprValue);
    }
    // §15.2.3 EvaluateFunctionBody
    SPEC_ALGORITHM("sec-runtime-semantics-evaluatefunctionbody");
    STEP("1");
    TRY(FunctionDeclarationInstantiation(e, functionObject, argumentsList));
    STEP("2");
    TRY(EvaluateStatementList(e, code->body));
    STEP("3");
    STEP("4");
    return ReturnCompletion(Value::undefined());
}

ThrowCompletionOr<Object*> InstantiateFunctionObject(Evaluator& e, const FunctionNode& function, EnvironmentRecord* env,
                                                     PrivateEnvironmentRecord* privateEnv)
{
    if (function.is_generator && function.is_async)
        return InstantiateAsyncGeneratorFunctionObject(e, function, env, privateEnv);
    if (function.is_generator) return InstantiateGeneratorFunctionObject(e, function, env, privateEnv);
    if (function.is_async) return InstantiateAsyncFunctionObject(e, function, env, privateEnv);
    // §15.2.4 InstantiateOrdinaryFunctionObject (the anonymous export default
    // form differs only in its name, step 1).
    SPEC_ALGORITHM("sec-runtime-semantics-instantiateordinaryfunctionobject");
    Agent& agent = e.agent;
    STEP("1");
    PropertyName name = function.name ? PropertyName(IdentifierKey(e, *function.name)) : DefaultName(e);
    STEP("2");
    STEP("3");
    ECMAScriptFunctionObject* F = CreateFunction(e, function, ThisModeArgument::NonLexicalThis, env, privateEnv);
    STEP("4");
    SetFunctionName(agent, *F, name);
    STEP("5");
    MakeConstructor(agent, *F);
    STEP("6");
    return static_cast<Object*>(F);
}

ThrowCompletionOr<Value> EvaluateFunctionExpression(Evaluator& e, const FunctionNode& function,
                                                    std::optional<PropertyName> name)
{
    if (function.is_generator && function.is_async) return InstantiateAsyncGeneratorFunctionExpression(e, function, name);
    if (function.is_generator) return InstantiateGeneratorFunctionExpression(e, function, name);
    if (function.is_async && function.is_arrow) return InstantiateAsyncArrowFunctionExpression(e, function, name);
    if (function.is_async) return InstantiateAsyncFunctionExpression(e, function, name);
    Agent& agent = e.agent;
    ExecutionContext& context = agent.running_execution_context();
    if (function.is_arrow) {
        // §15.3.4 InstantiateArrowFunctionExpression
        SPEC_ALGORITHM("sec-runtime-semantics-instantiatearrowfunctionexpression");
        STEP("1");
        if (!name) name = PropertyName(PropertyKey::from_ascii(agent.heap, ""));
        STEP("2");
        EnvironmentRecord* env = context.LexicalEnvironment;
        STEP("3");
        PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
        STEP("4");
        STEP("5");
        ECMAScriptFunctionObject* closure = CreateFunction(e, function, ThisModeArgument::LexicalThis, env, privateEnv);
        STEP("6");
        SetFunctionName(agent, *closure, *name);
        STEP("7");
        return Value(closure);
    }
    if (!function.name) {
        // §15.2.5 InstantiateOrdinaryFunctionExpression, without a BindingIdentifier
        SPEC_ALGORITHM("sec-runtime-semantics-instantiateordinaryfunctionexpression");
        STEP("1");
        if (!name) name = PropertyName(PropertyKey::from_ascii(agent.heap, ""));
        STEP("2");
        EnvironmentRecord* env = context.LexicalEnvironment;
        STEP("3");
        PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
        STEP("4");
        STEP("5");
        ECMAScriptFunctionObject* closure = CreateFunction(e, function, ThisModeArgument::NonLexicalThis, env, privateEnv);
        STEP("6");
        SetFunctionName(agent, *closure, *name);
        STEP("7");
        MakeConstructor(agent, *closure);
        STEP("8");
        return Value(closure);
    }
    // with a BindingIdentifier: the name is bound in an environment of its own.
    SPEC_ALGORITHM("sec-runtime-semantics-instantiateordinaryfunctionexpression#2");
    STEP("1");
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
    ECMAScriptFunctionObject* closure = CreateFunction(e, function, ThisModeArgument::NonLexicalThis, funcEnv, privateEnv);
    STEP("9");
    SetFunctionName(agent, *closure, IdentifierKey(e, *function.name));
    STEP("10");
    MakeConstructor(agent, *closure);
    STEP("11");
    MUST(funcEnv->InitializeBinding(agent, functionName, closure));
    STEP("12");
    return Value(closure);
}

ThrowCompletionOr<Value> NamedEvaluation(Evaluator& e, const Node& expression, PropertyName name)
{
    const Node* n = &expression;
    while (n->kind == NodeKind::ParenthesizedExpression) {
        // ParenthesizedExpression : ( Expression ) — NamedEvaluation of the Expression.
        SPEC_ALGORITHM("sec-runtime-semantics-namedevaluation#2");
        STEP("1");
        SPEC_ASSERT(IsAnonymousFunctionDefinition(n));
        STEP("2");
        n = n->as<UnaryNode>()->operand;
    }
    if (n->kind == NodeKind::ClassExpression) return EvaluateClassExpression(e, *n->as<ClassNode>(), name);
    return EvaluateFunctionExpression(e, *n->as<FunctionNode>(), name);
}

ThrowCompletionOr<std::optional<PrivateElement>> MethodDefinitionEvaluation(Evaluator& e, const Node& key,
                                                                            const FunctionNode& method, Object& object,
                                                                            bool enumerable)
{
    Agent& agent = e.agent;
    ExecutionContext& context = agent.running_execution_context();
    if (method.kind == NodeKind::Getter || method.kind == NodeKind::Setter) {
        // MethodDefinition : get ClassElementName ( ) { FunctionBody } / set …
        SPEC_ALGORITHM("sec-runtime-semantics-methoddefinitionevaluation#2");
        STEP("1");
        PropertyName propKey = TRY(EvaluatePropertyKey(e, key));
        STEP("2");
        EnvironmentRecord* env = context.LexicalEnvironment;
        STEP("3");
        PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
        STEP("4");
        STEP("5");
        STEP("6");
        ECMAScriptFunctionObject* closure = CreateFunction(e, method, ThisModeArgument::NonLexicalThis, env, privateEnv);
        STEP("7");
        MakeMethod(*closure, object);
        STEP("8");
        bool isGetter = method.kind == NodeKind::Getter;
        SetFunctionName(agent, *closure, propKey, agent.heap.intern_ascii(isGetter ? "get" : "set"));
        STEP("9");
        if (auto* privateName = std::get_if<PrivateName*>(&propKey)) {
            STEP("9.a");
            PrivateElement element{*privateName, PrivateElementKind::Accessor, Value::undefined(),
                                   isGetter ? Value(closure) : Value::undefined(),
                                   isGetter ? Value::undefined() : Value(closure)};
            return std::optional<PrivateElement>(element);
        }
        STEP("10");
        STEP("10.a");
        PropertyDescriptor desc = isGetter ? PropertyDescriptor{.get = Value(closure), .enumerable = enumerable,
                                                                .configurable = true}
                                           : PropertyDescriptor{.set = Value(closure), .enumerable = enumerable,
                                                                .configurable = true};
        STEP("10.b");
        TRY(DefinePropertyOrThrow(agent, object, std::get<PropertyKey>(propKey), desc));
        STEP("10.c");
        return std::optional<PrivateElement>();
    }
    if (method.is_generator && !method.is_async) {
        // GeneratorMethod : * ClassElementName ( UniqueFormalParameters ) { GeneratorBody }
        SPEC_ALGORITHM("sec-runtime-semantics-methoddefinitionevaluation#4");
        STEP("1");
        PropertyName propKey = TRY(EvaluatePropertyKey(e, key));
        STEP("2");
        EnvironmentRecord* env = context.LexicalEnvironment;
        STEP("3");
        PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
        STEP("4");
        STEP("5");
        ECMAScriptFunctionObject* closure = OrdinaryFunctionCreateFor(
            e, Intrinsic::GeneratorFunctionPrototype, method, ThisModeArgument::NonLexicalThis, env, privateEnv);
        STEP("6");
        MakeMethod(*closure, object);
        STEP("7");
        SetFunctionName(agent, *closure, propKey);
        STEP("8");
        STEP("9");
        DefinePrototypeObject(agent, *closure, Intrinsic::GeneratorPrototype);
        STEP("10");
        return DefineMethodProperty(agent, object, propKey, *closure, enumerable);
    }
    if (method.is_generator) {
        // AsyncGeneratorMethod : async * ClassElementName ( UniqueFormalParameters ) { AsyncGeneratorBody }
        SPEC_ALGORITHM("sec-runtime-semantics-methoddefinitionevaluation#5");
        STEP("1");
        PropertyName propKey = TRY(EvaluatePropertyKey(e, key));
        STEP("2");
        EnvironmentRecord* env = context.LexicalEnvironment;
        STEP("3");
        PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
        STEP("4");
        STEP("5");
        ECMAScriptFunctionObject* closure = OrdinaryFunctionCreateFor(
            e, Intrinsic::AsyncGeneratorFunctionPrototype, method, ThisModeArgument::NonLexicalThis, env, privateEnv);
        STEP("6");
        MakeMethod(*closure, object);
        STEP("7");
        SetFunctionName(agent, *closure, propKey);
        STEP("8");
        STEP("9");
        DefinePrototypeObject(agent, *closure, Intrinsic::AsyncGeneratorPrototype);
        STEP("10");
        return DefineMethodProperty(agent, object, propKey, *closure, enumerable);
    }
    if (method.is_async) {
        // AsyncMethod : async ClassElementName ( UniqueFormalParameters ) { AsyncFunctionBody }
        SPEC_ALGORITHM("sec-runtime-semantics-methoddefinitionevaluation#6");
        STEP("1");
        PropertyName propKey = TRY(EvaluatePropertyKey(e, key));
        STEP("2");
        EnvironmentRecord* env = context.LexicalEnvironment;
        STEP("3");
        PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
        STEP("4");
        STEP("5");
        ECMAScriptFunctionObject* closure = OrdinaryFunctionCreateFor(
            e, Intrinsic::AsyncFunctionPrototype, method, ThisModeArgument::NonLexicalThis, env, privateEnv);
        STEP("6");
        MakeMethod(*closure, object);
        STEP("7");
        SetFunctionName(agent, *closure, propKey);
        STEP("8");
        return DefineMethodProperty(agent, object, propKey, *closure, enumerable);
    }
    // MethodDefinition : ClassElementName ( UniqueFormalParameters ) { FunctionBody }
    SPEC_ALGORITHM("sec-runtime-semantics-methoddefinitionevaluation");
    STEP("1");
    // §15.4.4 DefineMethod ( object )
    PropertyName propKey = TRY(EvaluatePropertyKey(e, key));
    EnvironmentRecord* env = context.LexicalEnvironment;
    PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
    ECMAScriptFunctionObject* closure = CreateFunction(e, method, ThisModeArgument::NonLexicalThis, env, privateEnv);
    MakeMethod(*closure, object);
    STEP("2");
    SetFunctionName(agent, *closure, propKey);
    STEP("3");
    return DefineMethodProperty(agent, object, propKey, *closure, enumerable);
}

}  // namespace lockstep
