// ECMA-262 §16.2.1.8 Synthetic Module Records.
#include "abstract_ops/synthetic_module_records.h"

#include <algorithm>

#include "builtins/json.h"
#include "builtins/promise.h"
#include "runtime/agent.h"
#include "runtime/heap.h"
#include "runtime/module_environment_record.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

void SyntheticModuleRecord::visit_edges(Visitor& visitor)
{
    ModuleRecord::visit_edges(visitor);
    for (Value value : captured_values) visitor.visit(value);
}

SyntheticModuleRecord* CreateDefaultExportSyntheticModule(Agent& agent, Value defaultExport)
{
    SPEC_ALGORITHM("sec-create-default-export-synthetic-module");
    Root<Value> rootedDefaultExport(defaultExport);
    STEP("1");
    lockstep::Realm* realm = agent.current_realm();
    STEP("2");
    SyntheticEvaluationSteps setDefaultExport = [](Agent& agent,
                                                   SyntheticModuleRecord& module) -> ThrowCompletionOr<void> {
        Value capturedDefaultExport = module.captured_values[0];
        STEP("2.a");
        TRY(SetSyntheticModuleExport(agent, module, u"default", capturedDefaultExport));
        STEP("2.b");
        return {};
    };
    STEP("3");
    auto* module = agent.heap.allocate<SyntheticModuleRecord>();
    module->Realm = realm;
    module->HostDefined = Value::undefined();
    module->ExportNames = {u"default"};
    module->EvaluationSteps = std::move(setDefaultExport);
    module->captured_values = {defaultExport};
    return module;
}

ThrowCompletionOr<SyntheticModuleRecord*> ParseJSONModule(Agent& agent, String& source)
{
    SPEC_ALGORITHM("sec-parse-json-module");
    STEP("1");
    Value json = TRY(ParseJSON(agent, source));
    STEP("2");
    return CreateDefaultExportSyntheticModule(agent, json);
}

ThrowCompletionOr<void> SetSyntheticModuleExport(Agent& agent, SyntheticModuleRecord& module,
                                                 std::u16string_view exportName, Value exportValue)
{
    SPEC_ALGORITHM("sec-setsyntheticmoduleexport");
    STEP("1");
    SPEC_ASSERT(std::find(module.ExportNames.begin(), module.ExportNames.end(), exportName) !=
                module.ExportNames.end());
    STEP("2");
    ModuleEnvironmentRecord* envRec = module.Environment;
    STEP("3");
    SPEC_ASSERT(envRec);
    STEP("4");
    TRY(envRec->SetMutableBinding(agent, exportName, exportValue, true));
    STEP("5");
    return {};
}

Object* SyntheticModuleRecord::LoadRequestedModules(Agent& agent, Value)
{
    SPEC_ALGORITHM("sec-smr-LoadRequestedModules");
    STEP("1");
    return MUST(PromiseResolve(agent, *agent.current_realm()->intrinsic(Intrinsic::Promise), Value::undefined()));
}

std::vector<std::u16string_view> SyntheticModuleRecord::GetExportedNames(Agent&, std::vector<ModuleRecord*>*)
{
    SPEC_ALGORITHM("sec-smr-getexportednames");
    STEP("1");
    return std::vector<std::u16string_view>(ExportNames.begin(), ExportNames.end());
}

ResolveExportResult SyntheticModuleRecord::ResolveExport(Agent&, std::u16string_view exportName, ResolveSet*)
{
    SPEC_ALGORITHM("sec-smr-resolveexport");
    STEP("1");
    auto name = std::find(ExportNames.begin(), ExportNames.end(), exportName);
    if (name == ExportNames.end()) return ResolveExportResult::null();
    STEP("2");
    return ResolveExportResult::resolved(this, std::u16string_view(*name));
}

ThrowCompletionOr<void> SyntheticModuleRecord::Link(Agent& agent)
{
    SPEC_ALGORITHM("sec-smr-Link");
    STEP("1");
    lockstep::Realm* realm = Realm;
    STEP("2");
    ModuleEnvironmentRecord* env = NewModuleEnvironment(agent, realm->GlobalEnv);
    STEP("3");
    Environment = env;
    STEP("4");
    for (const std::u16string& exportName : ExportNames) {
        STEP("4.a");
        MUST(env->CreateMutableBinding(agent, exportName, false));
        STEP("4.b");
        MUST(env->InitializeBinding(agent, exportName, Value::undefined()));
    }
    STEP("5");
    return {};
}

Object* SyntheticModuleRecord::Evaluate(Agent& agent)
{
    SPEC_ALGORITHM("sec-smr-Evaluate");
    STEP("1");
    ExecutionContext moduleContext;
    STEP("2");
    moduleContext.Function = nullptr;
    STEP("3");
    moduleContext.Realm = Realm;
    STEP("4");
    moduleContext.ScriptOrModule = this;
    STEP("5");
    moduleContext.VariableEnvironment = Environment;
    STEP("6");
    moduleContext.LexicalEnvironment = Environment;
    STEP("7");
    STEP("8");
    agent.push_execution_context(moduleContext);
    STEP("9");
    const SyntheticEvaluationSteps& steps = EvaluationSteps;
    STEP("10");
    ThrowCompletionOr<void> result = steps(agent, *this);
    STEP("11");
    agent.pop_execution_context(moduleContext);
    STEP("12");
    Root<Value> thrown(result.is_abrupt() ? result.thrown_value() : Value::undefined());
    STEP("13");
    PromiseCapabilityRecord pc = MUST(NewPromiseCapability(agent, agent.current_realm()->intrinsic(Intrinsic::Promise)));
    STEP("14");
    if (result.is_abrupt()) {
        Value reason = thrown.get();
        MUST(Call(agent, pc.Reject, Value::undefined(), std::span<const Value>(&reason, 1)));
        return pc.Promise;
    }
    STEP("15");
    Value undefined = Value::undefined();
    MUST(Call(agent, pc.Resolve, Value::undefined(), std::span<const Value>(&undefined, 1)));
    STEP("16");
    return pc.Promise;
}

}  // namespace lockstep
