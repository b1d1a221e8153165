// ECMA-262 §16.2.1.8 Synthetic Module Records: a module whose exports a
// host (or the spec) makes up — JSON modules (`import x from "./a.json"
// with { type: "json" }`) are one with a single "default" export.
// https://tc39.es/ecma262/#sec-synthetic-module-records
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "abstract_ops/module_records.h"

namespace lockstep {

class String;
class SyntheticModuleRecord;

// [[EvaluationSteps]]: an Abstract Closure with one parameter (the module).
using SyntheticEvaluationSteps = std::function<ThrowCompletionOr<void>(Agent&, SyntheticModuleRecord& module)>;

// Table "Additional Fields of Synthetic Module Records".
class SyntheticModuleRecord final : public ModuleRecord {
public:
    std::vector<std::u16string> ExportNames;
    SyntheticEvaluationSteps EvaluationSteps;
    // The values [[EvaluationSteps]] captures, kept here so that the
    // collector sees them (a std::function's captures it does not).
    std::vector<Value> captured_values;

    // §16.2.1.8.4.1 LoadRequestedModules ( )
    Object* LoadRequestedModules(Agent&, Value hostDefined = Value::empty()) override;
    // §16.2.1.8.4.2 GetExportedNames ( )
    std::vector<std::u16string_view> GetExportedNames(Agent&, std::vector<ModuleRecord*>* exportStarSet = nullptr) override;
    // §16.2.1.8.4.3 ResolveExport ( exportName )
    ResolveExportResult ResolveExport(Agent&, std::u16string_view exportName, ResolveSet* resolveSet = nullptr) override;
    // §16.2.1.8.4.4 Link ( )
    ThrowCompletionOr<void> Link(Agent&) override;
    // §16.2.1.8.4.5 Evaluate ( )
    Object* Evaluate(Agent&) override;

    void visit_edges(Visitor&) override;
};

// §16.2.1.8.1 CreateDefaultExportSyntheticModule ( defaultExport )
SyntheticModuleRecord* CreateDefaultExportSyntheticModule(Agent&, Value defaultExport);
// §16.2.1.8.2 ParseJSONModule ( source )
ThrowCompletionOr<SyntheticModuleRecord*> ParseJSONModule(Agent&, String& source);
// §16.2.1.8.3 SetSyntheticModuleExport ( module, exportName, exportValue )
ThrowCompletionOr<void> SetSyntheticModuleExport(Agent&, SyntheticModuleRecord& module, std::u16string_view exportName,
                                                 Value exportValue);

}  // namespace lockstep
