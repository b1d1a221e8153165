// ECMA-262 §16.1 Scripts.
#include "algorithms/scripts.h"

#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

void ScriptRecord::visit_edges(Visitor& visitor)
{
    visitor.visit(Realm);
    for (const Realm::LoadedModuleRequest& request : LoadedModules) visitor.visit(request.Module);
    visitor.visit(HostDefined);
}

std::variant<ScriptRecord*, syntax::SyntaxError> ParseScript(Agent& agent, std::string_view sourceText, Realm& realm,
                                                             Value hostDefined, std::string fileName)
{
    SPEC_ALGORITHM("sec-parse-script");
    STEP("1");
    ParseOptions options;
    options.goal = Goal::Script;
    ParseResult script = ParseProgram(sourceText, options);
    STEP("2");
    if (script.error) return *script.error;
    STEP("3");
    auto unit = std::make_shared<SourceUnit>();
    unit->program = std::move(script.program);
    unit->file_name = std::move(fileName);
    return CreateScriptRecord(agent, std::move(unit), realm, hostDefined);
}

ScriptRecord* CreateScriptRecord(Agent& agent, std::shared_ptr<SourceUnit> script, Realm& realm, Value hostDefined)
{
    SPEC_ASSERT(script->program);
    auto* record = agent.heap.allocate<ScriptRecord>();
    record->Realm = &realm;
    record->ECMAScriptCode = std::move(script);
    record->HostDefined = hostDefined;
    return record;
}

ThrowCompletionOr<void> GlobalDeclarationInstantiation(Evaluator& e, const Program& script,
                                                       GlobalEnvironmentRecord& env)
{
    SPEC_ALGORITHM("sec-globaldeclarationinstantiation");
    Agent& agent = e.agent;
    std::vector<const Node*> lexDeclarations;
    TopLevelLexicallyScopedDeclarations(script.body, lexDeclarations);
    std::vector<const Node*> varDeclarations;
    TopLevelVarScopedDeclarations(script.body, varDeclarations);
    STEP("1");
    std::vector<Name> lexNames = BoundNamesOfAll(lexDeclarations);
    STEP("2");
    std::vector<Name> varNames = BoundNamesOfAll(varDeclarations);
    STEP("3");
    for (Name name : lexNames) {
        STEP("3.a");
        if (HasLexicalDeclaration(agent, env, name))
            return throw_error(agent, ErrorType::SyntaxError, "redeclaration of " + utf16_to_utf8(name));
        STEP("3.b");
        bool hasRestrictedGlobal = TRY(HasRestrictedGlobalProperty(agent, env, name));
        STEP("3.c");
        STEP("3.d");
        if (hasRestrictedGlobal)
            return throw_error(agent, ErrorType::SyntaxError, "redeclaration of " + utf16_to_utf8(name));
    }
    STEP("4");
    for (Name name : varNames) {
        STEP("4.a");
        if (HasLexicalDeclaration(agent, env, name))
            return throw_error(agent, ErrorType::SyntaxError, "redeclaration of " + utf16_to_utf8(name));
    }
    STEP("5");
    STEP("6");
    std::vector<const FunctionNode*> functionsToInitialize;
    STEP("7");
    std::vector<Name> declaredFunctionNames;
    STEP("8");
    for (size_t i = varDeclarations.size(); i-- > 0;) {
        const Node* d = varDeclarations[i];
        STEP("8.a");
        if (!IsHoistableDeclaration(d->kind)) continue;
        STEP("8.a.i");
        STEP("8.a.ii");
        STEP("8.a.iii");
        Name fn = d->as<FunctionNode>()->name->name;
        STEP("8.a.iv");
        bool declared = false;
        for (Name n : declaredFunctionNames) declared = declared || n == fn;
        if (!declared) {
            STEP("8.a.iv.1");
            bool fnDefinable = TRY(CanDeclareGlobalFunction(agent, env, fn));
            STEP("8.a.iv.2");
            if (!fnDefinable) return throw_type_error(agent, "cannot declare global function " + utf16_to_utf8(fn));
            STEP("8.a.iv.3");
            declaredFunctionNames.push_back(fn);
            STEP("8.a.iv.4");
            functionsToInitialize.insert(functionsToInitialize.begin(), d->as<FunctionNode>());
        }
    }
    STEP("9");
    std::vector<Name> declaredVarNames;
    STEP("10");
    std::vector<Name> names;
    for (const Node* d : varDeclarations) {
        STEP("10.a");
        if (IsHoistableDeclaration(d->kind)) continue;
        STEP("10.a.i");
        names.clear();
        BoundNames(d, names);
        for (Name vn : names) {
            STEP("10.a.i.1");
            bool isFunction = false;
            for (Name n : declaredFunctionNames) isFunction = isFunction || n == vn;
            if (isFunction) continue;
            STEP("10.a.i.1.a");
            bool vnDefinable = TRY(CanDeclareGlobalVar(agent, env, vn));
            STEP("10.a.i.1.b");
            if (!vnDefinable) return throw_type_error(agent, "cannot declare global variable " + utf16_to_utf8(vn));
            STEP("10.a.i.1.c");
            bool declared = false;
            for (Name n : declaredVarNames) declared = declared || n == vn;
            if (!declared) {
                STEP("10.a.i.1.c.i");
                declaredVarNames.push_back(vn);
            }
        }
    }
    STEP("11");
    // §B.3.2.2 Changes to GlobalDeclarationInstantiation: these steps replace
    // step 12 (the Evaluation of such a declaration, step 12.b.ii.2.a.ii.3,
    // is in algorithms/evaluation.cpp).
    STEP("12");
    {
        STEP("12.a");
        bool strict = script.strict;
        STEP("12.b");
        if (!strict) {
            STEP("12.b.i");
            std::vector<Name> declaredFunctionOrVarNames = declaredFunctionNames;
            declaredFunctionOrVarNames.insert(declaredFunctionOrVarNames.end(), declaredVarNames.begin(),
                                              declaredVarNames.end());
            STEP("12.b.ii");
            for (const FunctionNode* f : WebCompatFunctionDeclarations(script.body, lexNames)) {
                STEP("12.b.ii.1");
                Name F = f->name->name;
                STEP("12.b.ii.2");
                STEP("12.b.ii.2.a");
                if (HasLexicalDeclaration(agent, env, F)) continue;
                STEP("12.b.ii.2.a.i");
                bool fnDefinable = TRY(CanDeclareGlobalVar(agent, env, F));
                STEP("12.b.ii.2.a.ii");
                if (!fnDefinable) continue;
                STEP("12.b.ii.2.a.ii.1");
                STEP("12.b.ii.2.a.ii.2");
                bool declared = false;
                for (Name n : declaredFunctionOrVarNames) declared = declared || n == F;
                if (!declared) {
                    STEP("12.b.ii.2.a.ii.2.a");
                    TRY(CreateGlobalVarBinding(agent, env, F, false));
                    STEP("12.b.ii.2.a.ii.2.b");
                    declaredFunctionOrVarNames.push_back(F);
                }
                STEP("12.b.ii.2.a.ii.3");
                e.unit->web_compat_functions[f] = WebCompatDeclaration::Global;
            }
        }
    }
    STEP("13");
    STEP("14");
    PrivateEnvironmentRecord* privateEnv = nullptr;
    STEP("15");
    for (const Node* d : lexDeclarations) {
        STEP("15.a");
        STEP("15.b");
        names.clear();
        BoundNames(d, names);
        for (Name dn : names) {
            STEP("15.b.i");
            if (IsConstantDeclaration(d)) {
                STEP("15.b.i.1");
                TRY(env.CreateImmutableBinding(agent, dn, true));
            } else {
                STEP("15.b.ii");
                STEP("15.b.ii.1");
                TRY(env.CreateMutableBinding(agent, dn, false));
            }
        }
    }
    STEP("16");
    for (const FunctionNode* f : functionsToInitialize) {
        STEP("16.a");
        Name fn = f->name->name;
        STEP("16.b");
        Object* fo = MUST(InstantiateFunctionObject(e, *f, &env, privateEnv));
        STEP("16.c");
        TRY(CreateGlobalFunctionBinding(agent, env, fn, fo, false));
    }
    STEP("17");
    for (Name vn : declaredVarNames) {
        STEP("17.a");
        TRY(CreateGlobalVarBinding(agent, env, vn, false));
    }
    STEP("18");
    return {};
}

Completion ScriptEvaluation(Agent& agent, ScriptRecord& scriptRecord)
{
    SPEC_ALGORITHM("sec-runtime-semantics-scriptevaluation");
    STEP("1");
    auto* globalEnv = static_cast<GlobalEnvironmentRecord*>(scriptRecord.Realm->GlobalEnv);
    STEP("2");
    ExecutionContext scriptContext;
    STEP("3");
    scriptContext.Function = nullptr;
    STEP("4");
    scriptContext.Realm = scriptRecord.Realm;
    STEP("5");
    scriptContext.ScriptOrModule = &scriptRecord;
    STEP("6");
    scriptContext.VariableEnvironment = globalEnv;
    STEP("7");
    scriptContext.LexicalEnvironment = globalEnv;
    STEP("8");
    scriptContext.PrivateEnvironment = nullptr;
    STEP("9");
    STEP("10");
    agent.push_execution_context(scriptContext);
    STEP("11");
    const std::shared_ptr<SourceUnit>& unit = scriptRecord.ECMAScriptCode;
    const Program& script = *unit->program;
    Evaluator e(agent, unit, script.strict);
    STEP("12");
    ThrowCompletionOr<void> instantiated = GlobalDeclarationInstantiation(e, script, *globalEnv);
    Completion result = instantiated.is_abrupt() ? Completion(instantiated.release_error()) : Completion();
    STEP("13");
    if (result.is_normal()) {
        STEP("13.a");
        result = EvaluateStatementList(e, script.body);
        STEP("13.b");
        if (result.is_normal() && result.value.is_empty()) {
            STEP("13.b.i");
            result = NormalCompletion(Value::undefined());
        }
    }
    STEP("14");
    agent.pop_execution_context(scriptContext);
    STEP("15");
    SPEC_ASSERT(!agent.execution_context_stack.empty());
    STEP("16");
    STEP("17");
    return result;
}

}  // namespace lockstep
