// ECMA-262 §16.2 Modules (runtime semantics): Evaluation of a Module and of
// its ImportDeclarations and ExportDeclarations (§16.2.1.14, §16.2.3.7),
// import() (§13.3.10) and import.meta (§13.3.12.1).
#pragma once

#include "abstract_ops/module_records.h"
#include "algorithms/evaluator.h"
#include "syntax/ast.h"

namespace lockstep {

// §16.2.1.14 Evaluation of a Module (its ModuleBody's ModuleItemList).
Completion EvaluateModule(Evaluator&, const syntax::Program& module);
// §16.2.1.14 ModuleItem : ImportDeclaration
Completion EvaluateImportDeclaration(Evaluator&, const syntax::ImportDeclaration& declaration);
// §16.2.3.7 Evaluation of an ExportDeclaration
Completion EvaluateExportDeclaration(Evaluator&, const syntax::ExportDeclaration& declaration);

// §13.3.10.1 Evaluation of ImportCall (through §13.3.10.2 EvaluateImportCall)
ThrowCompletionOr<Value> EvaluateImportCall(Evaluator&, const syntax::ImportCall& importCall);
// §13.3.10.3 ContinueDynamicImport ( promiseCapability, moduleCompletion )
void ContinueDynamicImport(Agent&, const PromiseCapabilityRecord& promiseCapability,
                           ThrowCompletionOr<ModuleRecord*> moduleCompletion);
// §13.3.12.1 Evaluation of ImportMeta : import . meta
ThrowCompletionOr<Value> EvaluateImportMeta(Evaluator&);

}  // namespace lockstep
