// ECMA-262 §16.2.1.7 Source Text Module Records.
#include "abstract_ops/source_text_module_records.h"

#include <algorithm>

#include "abstract_ops/async_function_operations.h"
#include "algorithms/evaluator.h"
#include "algorithms/module_static_semantics.h"
#include "algorithms/modules.h"
#include "algorithms/static_semantics.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/module_environment_record.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

void SourceTextModuleRecord::visit_edges(Visitor& visitor)
{
    CyclicModuleRecord::visit_edges(visitor);
    if (Context) Context->visit_edges(visitor);
    visitor.visit(ImportMeta);
}

std::variant<SourceTextModuleRecord*, SyntaxError> ParseModule(Agent& agent, std::string_view sourceText, Realm& realm,
                                                              Value hostDefined, std::string fileName)
{
    SPEC_ALGORITHM("sec-parsemodule");
    STEP("1");
    ParseOptions options;
    options.goal = Goal::Module;
    ParseResult parsed = ParseProgram(sourceText, options);
    STEP("2");
    if (parsed.error) return *parsed.error;
    auto body = std::make_shared<SourceUnit>();
    body->program = std::move(parsed.program);
    body->file_name = std::move(fileName);
    const Program& module = *body->program;
    STEP("3");
    std::vector<ModuleRequestRecord> requestedModules = ModuleRequests(module);
    STEP("4");
    std::vector<ImportEntryRecord> importEntries = ImportEntries(module);
    STEP("5");
    std::vector<std::u16string_view> importedBoundNames = ImportedLocalNames(importEntries);
    STEP("6");
    std::vector<ExportEntryRecord> indirectExportEntries;
    STEP("7");
    std::vector<ExportEntryRecord> localExportEntries;
    STEP("8");
    std::vector<ExportEntryRecord> starExportEntries;
    STEP("9");
    std::vector<ExportEntryRecord> exportEntries = ExportEntries(module);
    STEP("10");
    for (ExportEntryRecord& ee : exportEntries) {
        STEP("10.a");
        if (!ee.ModuleRequest) {
            STEP("10.a.i");
            auto imported = std::find(importedBoundNames.begin(), importedBoundNames.end(), *ee.LocalName);
            if (imported == importedBoundNames.end()) {
                STEP("10.a.i.1");
                localExportEntries.push_back(ee);
            } else {
                STEP("10.a.ii");
                STEP("10.a.ii.1");
                const ImportEntryRecord& ie = *std::find_if(
                    importEntries.begin(), importEntries.end(),
                    [&](const ImportEntryRecord& entry) { return entry.LocalName == *ee.LocalName; });
                STEP("10.a.ii.2");
                if (!ie.ImportName) {
                    STEP("10.a.ii.2.a");
                    STEP("10.a.ii.2.b");
                    localExportEntries.push_back(ee);
                } else {
                    STEP("10.a.ii.3");
                    STEP("10.a.ii.3.a");
                    STEP("10.a.ii.3.b");
                    indirectExportEntries.push_back(ExportEntryRecord{
                        ee.ExportName, ie.ModuleRequest,
                        ExportEntryImportName{ExportEntryImportName::Kind::String, *ie.ImportName}, std::nullopt});
                }
            }
        } else if (ee.ImportName.is_all_but_default()) {
            STEP("10.b");
            STEP("10.b.i");
            SPEC_ASSERT(!ee.ExportName);
            STEP("10.b.ii");
            starExportEntries.push_back(ee);
        } else {
            STEP("10.c");
            STEP("10.c.i");
            indirectExportEntries.push_back(ee);
        }
    }
    STEP("11");
    bool async = ModuleContainsAwait(module);
    STEP("12");
    auto* record = agent.heap.allocate<SourceTextModuleRecord>();
    record->Realm = &realm;
    record->HasTLA = async;
    record->HostDefined = hostDefined;
    record->ECMAScriptCode = std::move(body);  // first: a trace names the record by its file
    record->Status = ModuleStatus::New;
    record->RequestedModules = std::move(requestedModules);
    record->ImportEntries = std::move(importEntries);
    record->LocalExportEntries = std::move(localExportEntries);
    record->IndirectExportEntries = std::move(indirectExportEntries);
    record->StarExportEntries = std::move(starExportEntries);
    return record;
}

std::vector<std::u16string_view> SourceTextModuleRecord::GetExportedNames(Agent& agent,
                                                                          std::vector<ModuleRecord*>* exportStarSet)
{
    SPEC_ALGORITHM("sec-getexportednames");
    SourceTextModuleRecord& module = *this;
    STEP("1");
    SPEC_ASSERT(module.Status != ModuleStatus::New);
    STEP("2");
    std::vector<ModuleRecord*> newExportStarSet;
    if (!exportStarSet) exportStarSet = &newExportStarSet;
    STEP("3");
    if (std::find(exportStarSet->begin(), exportStarSet->end(), &module) != exportStarSet->end()) {
        STEP("3.a");
        STEP("3.b");
        return {};
    }
    STEP("4");
    exportStarSet->push_back(&module);
    STEP("5");
    std::vector<std::u16string_view> exportedNames;
    STEP("6");
    for (const ExportEntryRecord& e : module.LocalExportEntries) {
        STEP("6.a");
        STEP("6.b");
        SPEC_ASSERT(e.ExportName);
        STEP("6.c");
        exportedNames.push_back(*e.ExportName);
    }
    STEP("7");
    for (const ExportEntryRecord& e : module.IndirectExportEntries) {
        STEP("7.a");
        STEP("7.b");
        SPEC_ASSERT(e.ExportName);
        STEP("7.c");
        exportedNames.push_back(*e.ExportName);
    }
    STEP("8");
    for (const ExportEntryRecord& e : module.StarExportEntries) {
        STEP("8.a");
        SPEC_ASSERT(e.ModuleRequest);
        STEP("8.b");
        ModuleRecord* requestedModule = GetImportedModule(module, *e.ModuleRequest);
        STEP("8.c");
        std::vector<std::u16string_view> starNames = requestedModule->GetExportedNames(agent, exportStarSet);
        STEP("8.d");
        for (std::u16string_view n : starNames) {
            STEP("8.d.i");
            if (n != u"default") {
                STEP("8.d.i.1");
                if (std::find(exportedNames.begin(), exportedNames.end(), n) == exportedNames.end()) {
                    STEP("8.d.i.1.a");
                    exportedNames.push_back(n);
                }
            }
        }
    }
    STEP("9");
    return exportedNames;
}

ResolveExportResult SourceTextModuleRecord::ResolveExport(Agent& agent, std::u16string_view exportName,
                                                          ResolveSet* resolveSet)
{
    SPEC_ALGORITHM("sec-resolveexport");
    SourceTextModuleRecord& module = *this;
    STEP("1");
    SPEC_ASSERT(module.Status != ModuleStatus::New);
    STEP("2");
    ResolveSet newResolveSet;
    if (!resolveSet) resolveSet = &newResolveSet;
    STEP("3");
    for (const ResolveSetEntry& r : *resolveSet) {
        STEP("3.a");
        if (r.Module == &module && r.ExportName == exportName) {
            STEP("3.a.i");
            STEP("3.a.ii");
            return ResolveExportResult::null();
        }
    }
    STEP("4");
    resolveSet->push_back(ResolveSetEntry{&module, exportName});
    STEP("5");
    for (const ExportEntryRecord& e : module.LocalExportEntries) {
        STEP("5.a");
        if (e.ExportName == exportName) {
            STEP("5.a.i");
            STEP("5.a.ii");
            return ResolveExportResult::resolved(&module, *e.LocalName);
        }
    }
    STEP("6");
    for (const ExportEntryRecord& e : module.IndirectExportEntries) {
        STEP("6.a");
        if (e.ExportName == exportName) {
            STEP("6.a.i");
            SPEC_ASSERT(e.ModuleRequest);
            STEP("6.a.ii");
            ModuleRecord* importedModule = GetImportedModule(module, *e.ModuleRequest);
            STEP("6.a.iii");
            if (e.ImportName.is_all()) {
                STEP("6.a.iii.1");
                STEP("6.a.iii.2");
                return ResolveExportResult::resolved(importedModule, std::nullopt);
            }
            STEP("6.a.iv");
            STEP("6.a.iv.1");
            STEP("6.a.iv.2");
            SPEC_ASSERT(e.ImportName.is_string());
            STEP("6.a.iv.3");
            return importedModule->ResolveExport(agent, e.ImportName.string, resolveSet);
        }
    }
    STEP("7");
    if (exportName == u"default") {
        STEP("7.a");
        STEP("7.b");
        STEP("7.c");
        return ResolveExportResult::null();
    }
    STEP("8");
    ResolveExportResult starResolution = ResolveExportResult::null();
    STEP("9");
    for (const ExportEntryRecord& e : module.StarExportEntries) {
        STEP("9.a");
        SPEC_ASSERT(e.ModuleRequest);
        STEP("9.b");
        ModuleRecord* importedModule = GetImportedModule(module, *e.ModuleRequest);
        STEP("9.c");
        ResolveExportResult resolution = importedModule->ResolveExport(agent, exportName, resolveSet);
        STEP("9.d");
        if (resolution.is_ambiguous()) return ResolveExportResult::ambiguous();
        STEP("9.e");
        if (!resolution.is_null()) {
            STEP("9.e.i");
            SPEC_ASSERT(resolution.is_resolved_binding());
            STEP("9.e.ii");
            if (starResolution.is_null()) {
                STEP("9.e.ii.1");
                starResolution = resolution;
            } else {
                STEP("9.e.iii");
                STEP("9.e.iii.1");
                const ResolvedBindingRecord& a = resolution.binding;
                const ResolvedBindingRecord& b = starResolution.binding;
                STEP("9.e.iii.2");
                if (a.Module != b.Module) return ResolveExportResult::ambiguous();
                STEP("9.e.iii.3");
                if (a.BindingName != b.BindingName && (!a.BindingName || !b.BindingName))
                    return ResolveExportResult::ambiguous();
                STEP("9.e.iii.4");
                if (a.BindingName && b.BindingName && *a.BindingName != *b.BindingName)
                    return ResolveExportResult::ambiguous();
            }
        }
    }
    STEP("10");
    return starResolution;
}

ThrowCompletionOr<void> SourceTextModuleRecord::InitializeEnvironment(Agent& agent)
{
    SPEC_ALGORITHM("sec-source-text-module-record-initialize-environment");
    SourceTextModuleRecord& module = *this;
    STEP("1");
    for (const ExportEntryRecord& e : module.IndirectExportEntries) {
        STEP("1.a");
        SPEC_ASSERT(e.ExportName);
        STEP("1.b");
        ResolveExportResult resolution = module.ResolveExport(agent, *e.ExportName);
        STEP("1.c");
        if (resolution.is_null() || resolution.is_ambiguous())
            return throw_error(agent, ErrorType::SyntaxError,
                               std::string(resolution.is_null() ? "cannot resolve" : "ambiguous") + " export '" +
                                   utf16_to_utf8(*e.ExportName) + "' (" + module.ECMAScriptCode->file_name + ")");
        STEP("1.d");
    }
    STEP("2");
    STEP("3");
    lockstep::Realm* realm = module.Realm;
    STEP("4");
    SPEC_ASSERT(realm);
    STEP("5");
    ModuleEnvironmentRecord* env = NewModuleEnvironment(agent, realm->GlobalEnv);
    STEP("6");
    module.Environment = env;
    STEP("7");
    for (const ImportEntryRecord& in : module.ImportEntries) {
        STEP("7.a");
        ModuleRecord* importedModule = GetImportedModule(module, in.ModuleRequest);
        STEP("7.b");
        if (!in.ImportName) {
            STEP("7.b.i");
            Object* namespaceObject = GetModuleNamespace(agent, *importedModule);
            STEP("7.b.ii");
            MUST(env->CreateImmutableBinding(agent, in.LocalName, true));
            STEP("7.b.iii");
            MUST(env->InitializeBinding(agent, in.LocalName, namespaceObject));
        } else {
            STEP("7.c");
            STEP("7.c.i");
            ResolveExportResult resolution = importedModule->ResolveExport(agent, *in.ImportName);
            STEP("7.c.ii");
            if (resolution.is_null() || resolution.is_ambiguous())
                return throw_error(agent, ErrorType::SyntaxError,
                                   std::string(resolution.is_null() ? "no export named '" : "ambiguous export '") +
                                       utf16_to_utf8(*in.ImportName) + "' in '" +
                                       utf16_to_utf8(in.ModuleRequest.Specifier) + "' (imported by " +
                                       module.ECMAScriptCode->file_name + ")");
            STEP("7.c.iii");
            if (!resolution.binding.BindingName) {
                STEP("7.c.iii.1");
                Object* namespaceObject = GetModuleNamespace(agent, *resolution.binding.Module);
                STEP("7.c.iii.2");
                MUST(env->CreateImmutableBinding(agent, in.LocalName, true));
                STEP("7.c.iii.3");
                MUST(env->InitializeBinding(agent, in.LocalName, namespaceObject));
            } else {
                STEP("7.c.iv");
                STEP("7.c.iv.1");
                CreateImportBinding(*env, in.LocalName, *resolution.binding.Module, *resolution.binding.BindingName);
            }
        }
    }
    STEP("8");
    ExecutionContext moduleContext;
    STEP("9");
    moduleContext.Function = nullptr;
    STEP("10");
    SPEC_ASSERT(module.Realm);
    STEP("11");
    moduleContext.Realm = module.Realm;
    STEP("12");
    moduleContext.ScriptOrModule = &module;
    STEP("13");
    moduleContext.VariableEnvironment = module.Environment;
    STEP("14");
    moduleContext.LexicalEnvironment = module.Environment;
    STEP("15");
    moduleContext.PrivateEnvironment = nullptr;
    STEP("16");
    module.Context = moduleContext;
    STEP("17");
    agent.push_execution_context(*module.Context);
    STEP("18");
    std::shared_ptr<SourceUnit> code = module.ECMAScriptCode;
    Evaluator e(agent, code, true);
    STEP("19");
    std::vector<const Node*> varDeclarations;
    ModuleVarScopedDeclarations(code->program->body, varDeclarations);
    STEP("20");
    std::vector<Name> declaredVarNames;
    STEP("21");
    std::vector<Name> names;
    for (const Node* d : varDeclarations) {
        STEP("21.a");
        names.clear();
        BoundNames(d, names);
        for (Name dn : names) {
            STEP("21.a.i");
            if (std::find(declaredVarNames.begin(), declaredVarNames.end(), dn) == declaredVarNames.end()) {
                STEP("21.a.i.1");
                MUST(env->CreateMutableBinding(agent, dn, false));
                STEP("21.a.i.2");
                MUST(env->InitializeBinding(agent, dn, Value::undefined()));
                STEP("21.a.i.3");
                declaredVarNames.push_back(dn);
            }
        }
    }
    STEP("22");
    std::vector<const Node*> lexDeclarations;
    ModuleLexicallyScopedDeclarations(code->program->body, lexDeclarations);
    STEP("23");
    PrivateEnvironmentRecord* privateEnv = nullptr;
    STEP("24");
    for (const Node* d : lexDeclarations) {
        STEP("24.a");
        names.clear();
        ModuleBoundNames(d, names);
        for (Name dn : names) {
            STEP("24.a.i");
            if (IsConstantDeclaration(d)) {
                STEP("24.a.i.1");
                MUST(env->CreateImmutableBinding(agent, dn, true));
            } else {
                STEP("24.a.ii");
                STEP("24.a.ii.1");
                MUST(env->CreateMutableBinding(agent, dn, false));
            }
            STEP("24.a.iii");
            if (IsHoistableDeclaration(d->kind)) {
                STEP("24.a.iii.1");
                Object* fo = MUST(InstantiateFunctionObject(e, *d->as<FunctionNode>(), env, privateEnv));
                STEP("24.a.iii.2");
                MUST(env->InitializeBinding(agent, dn, fo));
            }
        }
    }
    STEP("25");
    agent.pop_execution_context(*module.Context);
    STEP("26");
    return {};
}

ThrowCompletionOr<void> SourceTextModuleRecord::ExecuteModule(Agent& agent,
                                                              std::optional<PromiseCapabilityRecord> capability)
{
    SPEC_ALGORITHM("sec-source-text-module-record-execute-module");
    SourceTextModuleRecord& module = *this;
    STEP("1");
    ExecutionContext moduleContext;
    STEP("2");
    moduleContext.Function = nullptr;
    STEP("3");
    moduleContext.Realm = module.Realm;
    STEP("4");
    moduleContext.ScriptOrModule = &module;
    STEP("5");
    SPEC_ASSERT(module.Environment);
    STEP("6");
    moduleContext.VariableEnvironment = module.Environment;
    STEP("7");
    moduleContext.LexicalEnvironment = module.Environment;
    STEP("8");  // the running execution context stays on the stack below moduleContext
    std::shared_ptr<SourceUnit> code = module.ECMAScriptCode;
    STEP("9");
    if (!module.HasTLA) {
        STEP("9.a");
        SPEC_ASSERT(!capability);
        STEP("9.b");
        agent.push_execution_context(moduleContext);
        STEP("9.c");
        Evaluator e(agent, code, true);
        Completion result = EvaluateModule(e, *code->program);
        STEP("9.d");
        agent.pop_execution_context(moduleContext);
        STEP("9.e");
        STEP("9.f");
        if (result.is_abrupt()) {
            STEP("9.f.i");
            SPEC_ASSERT(result.is_throw_completion());
            return ThrowCompletion(result.value);
        }
    } else {
        STEP("10");
        STEP("10.a");
        SPEC_ASSERT(capability);
        STEP("10.b");
        AsyncBlockStart(
            agent, *capability,
            [&agent, code]() -> Completion {
                Evaluator e(agent, code, true);
                return EvaluateModule(e, *code->program);
            },
            moduleContext);
    }
    STEP("11");
    return {};
}

std::string SourceTextModuleRecord::trace_name() const
{
    if (!ECMAScriptCode || ECMAScriptCode->file_name.empty()) return "module";
    return "module " + ECMAScriptCode->file_name;
}

}  // namespace lockstep
