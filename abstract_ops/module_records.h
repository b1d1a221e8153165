// ECMA-262 §16.2.1 Module Semantics: the abstract Module Record (§16.2.1.5),
// Cyclic Module Records (§16.2.1.6) with their loading, linking and
// evaluation algorithms (the DFS over the module graph, top-level await),
// and the operations every module kind shares (GetImportedModule,
// FinishLoadingImportedModule, GetModuleNamespace …).
// https://tc39.es/ecma262/#sec-module-semantics
//
// Module Records are cells (ScriptOrModule is one): execution contexts,
// environments, namespace objects and other modules' [[LoadedModules]]
// point at them. Specifiers, attribute keys and values and export names are
// plain code units (std::u16string or views into the module's own parse
// tree), so the records hold no String cells.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "abstract_ops/promise_operations.h"
#include "runtime/completion.h"
#include "runtime/execution_context.h"
#include "runtime/host.h"
#include "runtime/realm.h"

namespace lockstep {

class CyclicModuleRecord;
class ModuleEnvironmentRecord;
class ModuleRecord;

using ImportAttributeRecord = Realm::ImportAttributeRecord;  // §16.2.2 ImportAttribute Record
using LoadedModuleRequestRecord = Realm::LoadedModuleRequest;  // §16.2.1.3 LoadedModuleRequest Record

// §16.2.1.3 ModuleRequest Records.
struct ModuleRequestRecord {
    std::u16string Specifier;
    std::vector<ImportAttributeRecord> Attributes;
};

// §16.2.1.3.1 ModuleRequestsEqual ( left, right ): left and right are
// ModuleRequest or LoadedModuleRequest Records.
bool ModuleRequestsEqual(std::u16string_view leftSpecifier, const std::vector<ImportAttributeRecord>& leftAttrs,
                         std::u16string_view rightSpecifier, const std::vector<ImportAttributeRecord>& rightAttrs);
template <class Left, class Right>
bool ModuleRequestsEqual(const Left& left, const Right& right)
{
    return ModuleRequestsEqual(left.Specifier, left.Attributes, right.Specifier, right.Attributes);
}

// A ResolvedBinding Record (Table "ResolvedBinding Record Fields"), or what
// else ResolveExport returns: *null* or ~ambiguous~.
struct ResolvedBindingRecord {
    ModuleRecord* Module;
    std::optional<std::u16string_view> BindingName;  // nullopt is ~namespace~
};
struct ResolveExportResult {
    enum class Kind : uint8_t { Null, Ambiguous, ResolvedBinding };
    Kind kind = Kind::Null;
    ResolvedBindingRecord binding{};

    static ResolveExportResult null() { return {}; }
    static ResolveExportResult ambiguous() { return {Kind::Ambiguous, {}}; }
    static ResolveExportResult resolved(ModuleRecord* module, std::optional<std::u16string_view> bindingName)
    {
        return {Kind::ResolvedBinding, {module, bindingName}};
    }
    bool is_null() const { return kind == Kind::Null; }
    bool is_ambiguous() const { return kind == Kind::Ambiguous; }
    bool is_resolved_binding() const { return kind == Kind::ResolvedBinding; }
};
// ResolveExport's resolveSet: Records { [[Module]], [[ExportName]] }.
struct ResolveSetEntry {
    ModuleRecord* Module;
    std::u16string_view ExportName;
};
using ResolveSet = std::vector<ResolveSetEntry>;

// §16.2.1.5 Abstract Module Records (Table "Module Record Fields" and the
// abstract methods of Table "Abstract Methods of Module Records").
class ModuleRecord : public ScriptOrModule {
public:
    lockstep::Realm* Realm = nullptr;
    ModuleEnvironmentRecord* Environment = nullptr;  // null is ~empty~
    Object* Namespace = nullptr;                     // null is ~empty~
    Value HostDefined = Value::undefined();

    bool is_module() const override { return true; }
    // "module is a Cyclic Module Record": this as one, or null.
    virtual CyclicModuleRecord* as_cyclic() { return nullptr; }

    // LoadRequestedModules ( [ hostDefined ] ): a Promise. hostDefined
    // absent is Value::empty().
    virtual Object* LoadRequestedModules(Agent&, Value hostDefined = Value::empty()) = 0;
    // GetExportedNames ( [ exportStarSet ] ): exportStarSet absent is null.
    virtual std::vector<std::u16string_view> GetExportedNames(Agent&,
                                                              std::vector<ModuleRecord*>* exportStarSet = nullptr) = 0;
    // ResolveExport ( exportName [ , resolveSet ] ): resolveSet absent is null.
    virtual ResolveExportResult ResolveExport(Agent&, std::u16string_view exportName,
                                              ResolveSet* resolveSet = nullptr) = 0;
    // Link ( )
    virtual ThrowCompletionOr<void> Link(Agent&) = 0;
    // Evaluate ( ): a Promise.
    virtual Object* Evaluate(Agent&) = 0;

    // How `lockstep trace` names the record ("module a.mjs").
    virtual std::string trace_name() const { return "module"; }

    void visit_edges(Visitor&) override;
};

// [[Status]] (Table "Additional Fields of Cyclic Module Records").
enum class ModuleStatus : uint8_t { New, Unlinked, Linking, Linked, Evaluating, EvaluatingAsync, Evaluated };
const char* ModuleStatusName(ModuleStatus);

// A Cyclic Module Record's [[Status]], which reports each change to a
// running `lockstep trace` (spec::trace_field) so that a trace shows the
// records moving through the states; otherwise a plain ModuleStatus.
class TracedModuleStatus {
public:
    explicit TracedModuleStatus(const ModuleRecord& module) : module_(module) {}
    TracedModuleStatus(const TracedModuleStatus&) = delete;
    operator ModuleStatus() const { return status_; }
    TracedModuleStatus& operator=(ModuleStatus status);

private:
    const ModuleRecord& module_;
    ModuleStatus status_ = ModuleStatus::New;
};

// [[AsyncEvaluationOrder]]: ~unset~, an integer, or ~done~.
struct AsyncEvaluationOrderValue {
    enum class State : uint8_t { Unset, Integer, Done };
    State state = State::Unset;
    uint64_t integer = 0;

    static AsyncEvaluationOrderValue unset() { return {}; }
    static AsyncEvaluationOrderValue done() { return {State::Done, 0}; }
    static AsyncEvaluationOrderValue of(uint64_t n) { return {State::Integer, n}; }
    bool is_unset() const { return state == State::Unset; }
    bool is_integer() const { return state == State::Integer; }
    bool is_done() const { return state == State::Done; }
};

// §16.2.1.6 Cyclic Module Records.
class CyclicModuleRecord : public ModuleRecord {
public:
    TracedModuleStatus Status{*this};
    Value EvaluationError = Value::empty();  // the thrown value of the throw completion; empty is ~empty~
    std::optional<uint32_t> DFSIndex;          // nullopt is ~empty~
    std::optional<uint32_t> DFSAncestorIndex;  // nullopt is ~empty~
    std::vector<ModuleRequestRecord> RequestedModules;
    std::vector<LoadedModuleRequestRecord> LoadedModules;
    CyclicModuleRecord* CycleRoot = nullptr;  // null is ~empty~
    bool HasTLA = false;
    AsyncEvaluationOrderValue AsyncEvaluationOrder;
    std::optional<PromiseCapabilityRecord> TopLevelCapability;  // nullopt is ~empty~
    std::vector<CyclicModuleRecord*> AsyncParentModules;
    std::optional<uint32_t> PendingAsyncDependencies;  // nullopt is ~empty~

    CyclicModuleRecord* as_cyclic() override { return this; }

    // §16.2.1.6.1.1 LoadRequestedModules ( [ hostDefined ] )
    Object* LoadRequestedModules(Agent&, Value hostDefined = Value::empty()) override;
    // §16.2.1.6.1.2 Link ( )
    ThrowCompletionOr<void> Link(Agent&) override;
    // §16.2.1.6.1.3 Evaluate ( )
    Object* Evaluate(Agent&) override;

    // Table "Additional Abstract Methods of Cyclic Module Records".
    virtual ThrowCompletionOr<void> InitializeEnvironment(Agent&) = 0;
    virtual ThrowCompletionOr<void> ExecuteModule(Agent&,
                                                  std::optional<PromiseCapabilityRecord> capability = std::nullopt) = 0;

    void visit_edges(Visitor&) override;
};

// §16.2.1.6.1.1 GraphLoadingState Records. A cell: a host may keep the
// record (the payload of HostLoadImportedModule) across jobs.
struct GraphLoadingStateRecord final : public Cell {
    bool IsLoading = true;
    uint32_t PendingModulesCount = 1;
    std::vector<CyclicModuleRecord*> Visited;
    PromiseCapabilityRecord PromiseCapability{};
    Value HostDefined = Value::empty();

    void visit_edges(Visitor&) override;
};

// §16.2.1.5.1 EvaluateModuleSync ( module )
ThrowCompletionOr<void> EvaluateModuleSync(Agent&, ModuleRecord& module);
// §16.2.1.6.1.1.1 InnerModuleLoading ( state, module )
void InnerModuleLoading(Agent&, GraphLoadingStateRecord& state, ModuleRecord& module);
// §16.2.1.6.1.1.2 ContinueModuleLoading ( state, moduleCompletion )
void ContinueModuleLoading(Agent&, GraphLoadingStateRecord& state, ThrowCompletionOr<ModuleRecord*> moduleCompletion);
// §16.2.1.6.1.2.1 InnerModuleLinking ( module, stack, index )
ThrowCompletionOr<uint32_t> InnerModuleLinking(Agent&, ModuleRecord& module, std::vector<CyclicModuleRecord*>& stack,
                                               uint32_t index);
// §16.2.1.6.1.3.1 InnerModuleEvaluation ( module, stack, index )
ThrowCompletionOr<uint32_t> InnerModuleEvaluation(Agent&, ModuleRecord& module,
                                                  std::vector<CyclicModuleRecord*>& stack, uint32_t index);
// §16.2.1.6.1.3.2 ExecuteAsyncModule ( module )
void ExecuteAsyncModule(Agent&, CyclicModuleRecord& module);
// §16.2.1.6.1.3.3 GatherAvailableAncestors ( module, execList )
void GatherAvailableAncestors(CyclicModuleRecord& module, std::vector<CyclicModuleRecord*>& execList);
// §16.2.1.6.1.3.4 AsyncModuleExecutionFulfilled ( module )
void AsyncModuleExecutionFulfilled(Agent&, CyclicModuleRecord& module);
// §16.2.1.6.1.3.5 AsyncModuleExecutionRejected ( module, error )
void AsyncModuleExecutionRejected(Agent&, CyclicModuleRecord& module, Value error);

// §16.2.1.9 GetImportedModule ( referrer, request )
ModuleRecord* GetImportedModule(CyclicModuleRecord& referrer, const ModuleRequestRecord& request);
// §16.2.1.11 FinishLoadingImportedModule ( referrer, moduleRequest, payload, result )
void FinishLoadingImportedModule(Agent&, ModuleReferrer referrer, const ModuleRequestRecord& moduleRequest,
                                 ModuleLoadPayload payload, ThrowCompletionOr<ModuleRecord*> result);
// §16.2.1.12 AllImportAttributesSupported ( attributes )
bool AllImportAttributesSupported(Agent&, const std::vector<ImportAttributeRecord>& attributes);
// §16.2.1.13 GetModuleNamespace ( module )
Object* GetModuleNamespace(Agent&, ModuleRecord& module);

// A built-in function's internal slot holds Values: an Abstract Closure
// that captures a module keeps it in one of these (an Object without a
// prototype, never handed to script).
Value CaptureModule(Agent&, ModuleRecord& module);
ModuleRecord& CapturedModule(Value slot);

// §9.6.3 IncrementModuleAsyncEvaluationCount ( )
uint64_t IncrementModuleAsyncEvaluationCount(Agent&);

// The referrer's [[LoadedModules]] (a Script Record's, a Module Record's —
// Cyclic ones have the field — or a Realm Record's).
std::vector<LoadedModuleRequestRecord>& LoadedModulesOf(ModuleReferrer referrer);

}  // namespace lockstep
