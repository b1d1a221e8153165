// ECMA-262 §19.2.1 eval ( x ): PerformEval and EvalDeclarationInstantiation.
#include "algorithms/eval.h"

#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"
#include "runtime/error.h"
#include "runtime/realm.h"
#include "runtime/string.h"
#include "syntax/parser.h"

namespace lockstep {

using namespace syntax;

namespace {

bool Contains(const std::vector<Name>& names, Name name)
{
    for (Name n : names)
        if (n == name) return true;
    return false;
}

bool IsCatchClauseEnvironment(const EnvironmentRecord& env)
{
    return env.is_declarative() && static_cast<const DeclarativeEnvironmentRecord&>(env).is_catch_clause;
}

// §19.2.1.3 EvalDeclarationInstantiation ( body, varEnv, lexEnv, privateEnv, strict )
ThrowCompletionOr<void> EvalDeclarationInstantiation(Evaluator& e, const Program& body, EnvironmentRecord& varEnv,
                                                     DeclarativeEnvironmentRecord& lexEnv,
                                                     PrivateEnvironmentRecord* privateEnv, bool strict)
{
    SPEC_ALGORITHM("sec-evaldeclarationinstantiation");
    Agent& agent = e.agent;
    bool varEnvIsGlobal = varEnv.kind() == EnvironmentRecord::Kind::Global;
    auto* globalEnv = static_cast<GlobalEnvironmentRecord*>(&varEnv);
    std::vector<const Node*> varDeclarations;
    TopLevelVarScopedDeclarations(body.body, varDeclarations);
    STEP("1");
    std::vector<Name> varNames = BoundNamesOfAll(varDeclarations);
    STEP("2");
    STEP("3");
    if (!strict) {
        STEP("3.a");
        if (varEnvIsGlobal) {
            STEP("3.a.i");
            for (Name name : varNames) {
                STEP("3.a.i.1");
                if (HasLexicalDeclaration(agent, *globalEnv, name))
                    return throw_error(agent, ErrorType::SyntaxError, "redeclaration of " + utf16_to_utf8(name));
                STEP("3.a.i.2");
            }
        }
        STEP("3.b");
        EnvironmentRecord* thisEnv = &lexEnv;
        STEP("3.c");
        STEP("3.d");
        while (thisEnv != &varEnv) {
            STEP("3.d.i");
            if (thisEnv->kind() != EnvironmentRecord::Kind::Object) {
                STEP("3.d.i.1");
                STEP("3.d.i.2");
                for (Name name : varNames) {
                    STEP("3.d.i.2.a");
                    if (MUST(thisEnv->HasBinding(agent, name))) {
                        STEP("3.d.i.2.a.i");
                        // §B.3.4 VariableStatements in Catch Blocks: a catch parameter does not conflict.
                        if (!IsCatchClauseEnvironment(*thisEnv))
                            return throw_error(agent, ErrorType::SyntaxError,
                                               "redeclaration of " + utf16_to_utf8(name));
                        STEP("3.d.i.2.a.ii");
                    }
                    STEP("3.d.i.2.b");
                }
            }
            STEP("3.d.ii");
            thisEnv = thisEnv->OuterEnv;
        }
    }
    STEP("4-7");  // AllPrivateIdentifiersValid: the parser checked it with the enclosing classes' names
    STEP("8");
    std::vector<const FunctionNode*> functionsToInitialize;
    STEP("9");
    std::vector<Name> declaredFunctionNames;
    STEP("10");
    for (size_t i = varDeclarations.size(); i-- > 0;) {
        const Node* d = varDeclarations[i];
        STEP("10.a");
        if (!IsHoistableDeclaration(d->kind)) continue;
        STEP("10.a.i");
        STEP("10.a.ii");
        STEP("10.a.iii");
        Name fn = d->as<FunctionNode>()->name->name;
        STEP("10.a.iv");
        if (!Contains(declaredFunctionNames, fn)) {
            STEP("10.a.iv.1");
            if (varEnvIsGlobal) {
                STEP("10.a.iv.1.a");
                bool fnDefinable = TRY(CanDeclareGlobalFunction(agent, *globalEnv, fn));
                STEP("10.a.iv.1.b");
                if (!fnDefinable) return throw_type_error(agent, "cannot declare global function " + utf16_to_utf8(fn));
            }
            STEP("10.a.iv.2");
            declaredFunctionNames.push_back(fn);
            STEP("10.a.iv.3");
            functionsToInitialize.insert(functionsToInitialize.begin(), d->as<FunctionNode>());
        }
    }
    STEP("11");
    std::vector<Name> declaredVarNames;
    STEP("12");
    std::vector<Name> names;
    for (const Node* d : varDeclarations) {
        STEP("12.a");
        if (IsHoistableDeclaration(d->kind)) continue;
        STEP("12.a.i");
        names.clear();
        BoundNames(d, names);
        for (Name vn : names) {
            STEP("12.a.i.1");
            if (Contains(declaredFunctionNames, vn)) continue;
            STEP("12.a.i.1.a");
            if (varEnvIsGlobal) {
                STEP("12.a.i.1.a.i");
                bool vnDefinable = TRY(CanDeclareGlobalVar(agent, *globalEnv, vn));
                STEP("12.a.i.1.a.ii");
                if (!vnDefinable) return throw_type_error(agent, "cannot declare global variable " + utf16_to_utf8(vn));
            }
            STEP("12.a.i.1.b");
            if (!Contains(declaredVarNames, vn)) {
                STEP("12.a.i.1.b.i");
                declaredVarNames.push_back(vn);
            }
        }
    }
    // §B.3.2.3 Changes to EvalDeclarationInstantiation: these steps replace
    // step 13 (the Evaluation of such a declaration, step 13.b.ii.7.b, is in
    // algorithms/evaluation.cpp).
    STEP("13");
    if (!strict) {
        STEP("13.a");
        std::vector<Name> declaredFunctionOrVarNames = declaredFunctionNames;
        declaredFunctionOrVarNames.insert(declaredFunctionOrVarNames.end(), declaredVarNames.begin(),
                                          declaredVarNames.end());
        STEP("13.b");
        std::vector<const Node*> topLexical;
        TopLevelLexicallyScopedDeclarations(body.body, topLexical);
        for (const FunctionNode* f : WebCompatFunctionDeclarations(body.body, BoundNamesOfAll(topLexical))) {
            STEP("13.b.i");
            Name F = f->name->name;
            STEP("13.b.ii");
            STEP("13.b.ii.1");
            bool bindingExists = false;
            STEP("13.b.ii.2");
            EnvironmentRecord* thisEnv = &lexEnv;
            STEP("13.b.ii.3");
            STEP("13.b.ii.4");
            while (thisEnv != &varEnv) {
                STEP("13.b.ii.4.a");
                if (thisEnv->kind() != EnvironmentRecord::Kind::Object) {
                    STEP("13.b.ii.4.a.i");
                    if (MUST(thisEnv->HasBinding(agent, F))) {
                        STEP("13.b.ii.4.a.i.1");
                        // §B.3.4: a catch parameter does not count.
                        if (!IsCatchClauseEnvironment(*thisEnv)) bindingExists = true;
                    }
                }
                STEP("13.b.ii.4.b");
                thisEnv = thisEnv->OuterEnv;
            }
            bool fnDefinable;
            STEP("13.b.ii.5");
            if (!bindingExists && varEnvIsGlobal) {
                STEP("13.b.ii.5.a");
                if (!HasLexicalDeclaration(agent, *globalEnv, F)) {
                    STEP("13.b.ii.5.a.i");
                    fnDefinable = TRY(CanDeclareGlobalVar(agent, *globalEnv, F));
                } else {
                    STEP("13.b.ii.5.b");
                    STEP("13.b.ii.5.b.i");
                    fnDefinable = false;
                }
            } else {
                STEP("13.b.ii.6");
                STEP("13.b.ii.6.a");
                fnDefinable = true;
            }
            STEP("13.b.ii.7");
            if (!bindingExists && fnDefinable) {
                STEP("13.b.ii.7.a");
                if (!Contains(declaredFunctionOrVarNames, F)) {
                    STEP("13.b.ii.7.a.i");
                    if (varEnvIsGlobal) {
                        STEP("13.b.ii.7.a.i.1");
                        TRY(CreateGlobalVarBinding(agent, *globalEnv, F, true));
                    } else {
                        STEP("13.b.ii.7.a.ii");
                        STEP("13.b.ii.7.a.ii.1");
                        bool exists = MUST(varEnv.HasBinding(agent, F));
                        STEP("13.b.ii.7.a.ii.2");
                        if (!exists) {
                            STEP("13.b.ii.7.a.ii.2.a");
                            MUST(varEnv.CreateMutableBinding(agent, F, true));
                            STEP("13.b.ii.7.a.ii.2.b");
                            MUST(varEnv.InitializeBinding(agent, F, Value::undefined()));
                        }
                    }
                    STEP("13.b.ii.7.a.iii");
                    declaredFunctionOrVarNames.push_back(F);
                }
                STEP("13.b.ii.7.b");
                e.unit->web_compat_functions[f] = WebCompatDeclaration::Eval;
            }
        }
    }
    STEP("14");
    STEP("15");
    std::vector<const Node*> lexDeclarations;
    TopLevelLexicallyScopedDeclarations(body.body, lexDeclarations);
    STEP("16");
    for (const Node* d : lexDeclarations) {
        STEP("16.a");
        STEP("16.b");
        names.clear();
        BoundNames(d, names);
        for (Name dn : names) {
            STEP("16.b.i");
            if (IsConstantDeclaration(d)) {
                STEP("16.b.i.1");
                TRY(lexEnv.CreateImmutableBinding(agent, dn, true));
            } else {
                STEP("16.b.ii");
                STEP("16.b.ii.1");
                TRY(lexEnv.CreateMutableBinding(agent, dn, false));
            }
        }
    }
    STEP("17");
    for (const FunctionNode* f : functionsToInitialize) {
        STEP("17.a");
        Name fn = f->name->name;
        STEP("17.b");
        Object* fo = MUST(InstantiateFunctionObject(e, *f, &lexEnv, privateEnv));
        STEP("17.c");
        if (varEnvIsGlobal) {
            STEP("17.c.i");
            TRY(CreateGlobalFunctionBinding(agent, *globalEnv, fn, fo, true));
        } else {
            STEP("17.d");
            STEP("17.d.i");
            bool bindingExists = MUST(varEnv.HasBinding(agent, fn));
            STEP("17.d.ii");
            if (!bindingExists) {
                STEP("17.d.ii.1");
                STEP("17.d.ii.2");
                MUST(varEnv.CreateMutableBinding(agent, fn, true));
                STEP("17.d.ii.3");
                MUST(varEnv.InitializeBinding(agent, fn, fo));
            } else {
                STEP("17.d.iii");
                STEP("17.d.iii.1");
                MUST(varEnv.SetMutableBinding(agent, fn, fo, false));
            }
        }
    }
    STEP("18");
    for (Name vn : declaredVarNames) {
        STEP("18.a");
        if (varEnvIsGlobal) {
            STEP("18.a.i");
            TRY(CreateGlobalVarBinding(agent, *globalEnv, vn, true));
        } else {
            STEP("18.b");
            STEP("18.b.i");
            bool bindingExists = MUST(varEnv.HasBinding(agent, vn));
            STEP("18.b.ii");
            if (!bindingExists) {
                STEP("18.b.ii.1");
                STEP("18.b.ii.2");
                MUST(varEnv.CreateMutableBinding(agent, vn, true));
                STEP("18.b.ii.3");
                MUST(varEnv.InitializeBinding(agent, vn, Value::undefined()));
            }
        }
    }
    STEP("19");
    return {};
}

}  // namespace

ThrowCompletionOr<Value> PerformEval(Agent& agent, Value x, bool strictCaller, bool direct)
{
    SPEC_ALGORITHM("sec-performeval");
    STEP("1");
    SPEC_ASSERT(direct || !strictCaller);
    STEP("2");
    if (!x.is_string()) return x;
    STEP("3");
    Realm& evalRealm = *agent.current_realm();
    STEP("4");
    STEP("5");
    String* xString = x.as_string();
    TRY(agent.host.HostEnsureCanCompileStrings(agent, evalRealm, {}, xString, direct));
    STEP("6");
    bool inFunction = false;
    STEP("7");
    bool inMethod = false;
    STEP("8");
    bool inDerivedConstructor = false;
    STEP("9");
    bool inClassFieldInitializer = false;
    STEP("10");
    if (direct) {
        STEP("10.a");
        EnvironmentRecord& thisEnvRec = GetThisEnvironment(agent);
        STEP("10.b");
        if (thisEnvRec.kind() == EnvironmentRecord::Kind::Function) {
            auto& functionEnv = static_cast<FunctionEnvironmentRecord&>(thisEnvRec);
            STEP("10.b.i");
            auto& F = static_cast<ECMAScriptFunctionObject&>(*functionEnv.FunctionObject);
            STEP("10.b.ii");
            inFunction = true;
            STEP("10.b.iii");
            inMethod = functionEnv.HasSuperBinding();
            STEP("10.b.iv");
            if (F.ConstructorKind == ConstructorKind::Derived) inDerivedConstructor = true;
            STEP("10.b.v");
            STEP("10.b.vi");
            if (!std::holds_alternative<std::monostate>(F.ClassFieldInitializerName)) inClassFieldInitializer = true;
        }
    }
    ExecutionContext& runningContext = agent.running_execution_context();
    STEP("11");
    // Steps 11.e-11.h and AllPrivateIdentifiersValid are the parser's early
    // errors under these options.
    ParseOptions options;
    options.goal = Goal::Script;
    options.strict = strictCaller;
    options.allow_new_target = inFunction;
    options.allow_super_property = inMethod;
    options.allow_super_call = inDerivedConstructor;
    options.allow_arguments = !inClassFieldInitializer;
    if (direct) {
        for (PrivateEnvironmentRecord* pointer = runningContext.PrivateEnvironment; pointer;
             pointer = pointer->OuterPrivateEnvironment)
            for (PrivateName* binding : pointer->Names)
                options.private_names.push_back(binding->Description->units().substr(1));
    }
    STEP("11.a");
    options.surrogates = syntax::unicode::Surrogates::Allowed;
    ParseResult script = ParseProgram(xString->to_source_text(), options);
    STEP("11.b");
    if (script.error) return throw_error(agent, ErrorType::SyntaxError, script.error->message);
    STEP("11.c");
    if (script.program->body.empty()) return Value::undefined();
    STEP("11.d");
    auto unit = std::make_shared<SourceUnit>();
    unit->program = std::move(script.program);
    unit->file_name = "<eval>";
    const Program& body = *unit->program;
    STEP("11.e");
    STEP("11.f");
    STEP("11.g");
    STEP("11.h");
    bool strictEval;
    STEP("12");
    if (strictCaller) {
        strictEval = true;
    } else {
        STEP("13");
        strictEval = body.strict;
    }
    STEP("14");
    STEP("15");
    DeclarativeEnvironmentRecord* lexEnv;
    EnvironmentRecord* varEnv;
    PrivateEnvironmentRecord* privateEnv;
    STEP("16");
    if (direct) {
        STEP("16.a");
        lexEnv = NewDeclarativeEnvironment(agent, runningContext.LexicalEnvironment);
        STEP("16.b");
        varEnv = runningContext.VariableEnvironment;
        STEP("16.c");
        privateEnv = runningContext.PrivateEnvironment;
    } else {
        STEP("17");
        STEP("17.a");
        lexEnv = NewDeclarativeEnvironment(agent, evalRealm.GlobalEnv);
        STEP("17.b");
        varEnv = evalRealm.GlobalEnv;
        STEP("17.c");
        privateEnv = nullptr;
    }
    STEP("18");
    if (strictEval) varEnv = lexEnv;
    STEP("19");
    STEP("20");
    ExecutionContext evalContext;
    STEP("21");
    evalContext.Function = nullptr;
    STEP("22");
    evalContext.Realm = &evalRealm;
    STEP("23");
    evalContext.ScriptOrModule = runningContext.ScriptOrModule;
    STEP("24");
    evalContext.VariableEnvironment = varEnv;
    STEP("25");
    evalContext.LexicalEnvironment = lexEnv;
    STEP("26");
    evalContext.PrivateEnvironment = privateEnv;
    STEP("27");
    agent.push_execution_context(evalContext);
    Evaluator e(agent, unit, strictEval);
    STEP("28");
    ThrowCompletionOr<void> instantiated = EvalDeclarationInstantiation(e, body, *varEnv, *lexEnv, privateEnv, strictEval);
    Completion result = instantiated.is_abrupt() ? Completion(instantiated.release_error()) : Completion();
    STEP("29");
    if (result.is_normal()) {
        STEP("29.a");
        result = EvaluateStatementList(e, body.body);
    }
    STEP("30");
    if (result.is_normal() && result.value.is_empty()) {
        STEP("30.a");
        result = NormalCompletion(Value::undefined());
    }
    STEP("31");
    agent.pop_execution_context(evalContext);
    STEP("32");
    STEP("33");
    if (result.is_abrupt()) return ThrowCompletion(result.value);
    return result.value;
}

}  // namespace lockstep
