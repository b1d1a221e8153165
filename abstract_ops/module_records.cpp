// ECMA-262 §16.2.1 Module Semantics: Module Records, Cyclic Module Records.
#include "abstract_ops/module_records.h"

#include "spec/recording.h"

#include <algorithm>

#include "algorithms/modules.h"
#include "algorithms/scripts.h"
#include "builtins/promise.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/module_environment_record.h"
#include "runtime/module_namespace_object.h"
#include "runtime/promise_object.h"
#include "runtime/string.h"
#include "runtime/realm.h"

namespace lockstep {

namespace {

void CallWith(Agent& agent, Object* function, Value argument)
{
    MUST(Call(agent, function, Value::undefined(), std::span<const Value>(&argument, 1)));
}

bool Contains(const std::vector<CyclicModuleRecord*>& list, const CyclicModuleRecord* module)
{
    return std::find(list.begin(), list.end(), module) != list.end();
}

}  // namespace

const char* ModuleStatusName(ModuleStatus status)
{
    switch (status) {
    case ModuleStatus::New: return "new";
    case ModuleStatus::Unlinked: return "unlinked";
    case ModuleStatus::Linking: return "linking";
    case ModuleStatus::Linked: return "linked";
    case ModuleStatus::Evaluating: return "evaluating";
    case ModuleStatus::EvaluatingAsync: return "evaluating-async";
    case ModuleStatus::Evaluated: return "evaluated";
    }
    return "?";
}

TracedModuleStatus& TracedModuleStatus::operator=(ModuleStatus status)
{
    status_ = status;
    if (spec::tracing_fields()) spec::trace_field(module_.trace_name(), "[[Status]]", ModuleStatusName(status));
    return *this;
}

void ModuleRecord::visit_edges(Visitor& visitor)
{
    visitor.visit(Realm);
    visitor.visit(Environment);
    visitor.visit(Namespace);
    visitor.visit(HostDefined);
}

void CyclicModuleRecord::visit_edges(Visitor& visitor)
{
    ModuleRecord::visit_edges(visitor);
    visitor.visit(EvaluationError);
    for (const LoadedModuleRequestRecord& record : LoadedModules) visitor.visit(record.Module);
    visitor.visit(CycleRoot);
    if (TopLevelCapability) visit_root_item(visitor, *TopLevelCapability);
    for (CyclicModuleRecord* parent : AsyncParentModules) visitor.visit(parent);
}

void GraphLoadingStateRecord::visit_edges(Visitor& visitor)
{
    for (CyclicModuleRecord* module : Visited) visitor.visit(module);
    visit_root_item(visitor, PromiseCapability);
    visitor.visit(HostDefined);
}

bool ModuleRequestsEqual(std::u16string_view leftSpecifier, const std::vector<ImportAttributeRecord>& leftAttrs,
                         std::u16string_view rightSpecifier, const std::vector<ImportAttributeRecord>& rightAttrs)
{
    SPEC_ALGORITHM("sec-ModuleRequestsEqual");
    STEP("1");
    if (leftSpecifier != rightSpecifier) return false;
    STEP("2-3");
    STEP("4");
    size_t leftAttrsCount = leftAttrs.size();
    STEP("5");
    size_t rightAttrsCount = rightAttrs.size();
    STEP("6");
    if (leftAttrsCount != rightAttrsCount) return false;
    STEP("7");
    for (const ImportAttributeRecord& l : leftAttrs) {
        STEP("7.a");
        bool found = std::any_of(rightAttrs.begin(), rightAttrs.end(), [&](const ImportAttributeRecord& r) {
            return l.Key == r.Key && l.Value == r.Value;
        });
        if (!found) return false;
    }
    STEP("8");
    return true;
}

std::vector<LoadedModuleRequestRecord>& LoadedModulesOf(ModuleReferrer referrer)
{
    if (Realm** realm = std::get_if<Realm*>(&referrer)) return (*realm)->LoadedModules;
    ScriptOrModule* scriptOrModule = std::get<ScriptOrModule*>(referrer);
    if (!scriptOrModule->is_module()) return static_cast<ScriptRecord*>(scriptOrModule)->LoadedModules;
    CyclicModuleRecord* cyclic = static_cast<ModuleRecord*>(scriptOrModule)->as_cyclic();
    SPEC_ASSERT(cyclic);  // only Cyclic Module Records request modules
    return cyclic->LoadedModules;
}

uint64_t IncrementModuleAsyncEvaluationCount(Agent& agent)
{
    SPEC_ALGORITHM("sec-IncrementModuleAsyncEvaluationCount");
    STEP("1");
    Agent& AR = agent;
    STEP("2");
    uint64_t count = AR.ModuleAsyncEvaluationCount;
    STEP("3");
    AR.ModuleAsyncEvaluationCount = count + 1;
    STEP("4");
    return count;
}

ThrowCompletionOr<void> EvaluateModuleSync(Agent& agent, ModuleRecord& module)
{
    SPEC_ALGORITHM("sec-EvaluateModuleSync");
    STEP("1");
    SPEC_ASSERT(!module.as_cyclic());
    STEP("2");
    PromiseObject* promise = as_promise(module.Evaluate(agent));
    STEP("3");
    SPEC_ASSERT(promise && promise->PromiseState != PromiseState::Pending);
    STEP("4");
    if (promise->PromiseState == PromiseState::Rejected) {
        STEP("4.a");
        if (!promise->PromiseIsHandled)
            agent.host.HostPromiseRejectionTracker(agent, promise, PromiseRejectionOperation::Handle);
        STEP("4.b");
        promise->PromiseIsHandled = true;
        STEP("4.c");
        return ThrowCompletion(promise->PromiseResult);
    }
    STEP("5");
    return {};
}

Object* CyclicModuleRecord::LoadRequestedModules(Agent& agent, Value hostDefined)
{
    SPEC_ALGORITHM("sec-LoadRequestedModules");
    STEP("1");  // absent is already ~empty~
    STEP("2");
    PromiseCapabilityRecord pc = MUST(NewPromiseCapability(agent, agent.current_realm()->intrinsic(Intrinsic::Promise)));
    Root<PromiseCapabilityRecord> rootedPc(pc);
    STEP("3");
    Root<GraphLoadingStateRecord*> state(agent.heap.allocate<GraphLoadingStateRecord>());
    state->IsLoading = true;
    state->PendingModulesCount = 1;
    state->PromiseCapability = pc;
    state->HostDefined = hostDefined;
    STEP("4");
    InnerModuleLoading(agent, *state.get(), *this);
    STEP("5");
    return pc.Promise;
}

void InnerModuleLoading(Agent& agent, GraphLoadingStateRecord& state, ModuleRecord& moduleRecord)
{
    SPEC_ALGORITHM("sec-InnerModuleLoading");
    STEP("1");
    SPEC_ASSERT(state.IsLoading);
    STEP("2");
    CyclicModuleRecord* module = moduleRecord.as_cyclic();
    if (module && module->Status == ModuleStatus::New && !Contains(state.Visited, module)) {
        STEP("2.a");
        state.Visited.push_back(module);
        STEP("2.b");
        size_t requestedModulesCount = module->RequestedModules.size();
        STEP("2.c");
        state.PendingModulesCount += uint32_t(requestedModulesCount);
        STEP("2.d");
        // RequestedModules does not change once ParseModule made it; a copy
        // keeps the loop safe from hosts that append to LoadedModules.
        const std::vector<ModuleRequestRecord> requests = module->RequestedModules;
        for (const ModuleRequestRecord& request : requests) {
            STEP("2.d.i");
            if (!AllImportAttributesSupported(agent, request.Attributes)) {
                STEP("2.d.i.1");
                ThrowCompletion error = throw_error(agent, ErrorType::SyntaxError,
                                                    "unsupported import attribute in the import of '" +
                                                        utf16_to_utf8(request.Specifier) + "'");
                STEP("2.d.i.2");
                ContinueModuleLoading(agent, state, ThrowCompletionOr<ModuleRecord*>(error));
            } else {
                STEP("2.d.ii");
                ScriptOrModule* loaded = nullptr;
                for (const LoadedModuleRequestRecord& record : module->LoadedModules)
                    if (ModuleRequestsEqual(record, request)) loaded = record.Module;
                if (loaded) {
                    STEP("2.d.ii.1");
                    InnerModuleLoading(agent, state, *static_cast<ModuleRecord*>(loaded));
                } else {
                    STEP("2.d.iii");
                    STEP("2.d.iii.1");
                    agent.host.HostLoadImportedModule(agent, ModuleReferrer(module), request, state.HostDefined,
                                                      ModuleLoadPayload(&state));
                    STEP("2.d.iii.2");
                }
            }
            STEP("2.d.iv");
            if (!state.IsLoading) return;
        }
    }
    STEP("3");
    SPEC_ASSERT(state.PendingModulesCount >= 1);
    STEP("4");
    state.PendingModulesCount -= 1;
    STEP("5");
    if (state.PendingModulesCount == 0) {
        STEP("5.a");
        state.IsLoading = false;
        STEP("5.b");
        for (CyclicModuleRecord* loaded : state.Visited) {
            STEP("5.b.i");
            if (loaded->Status == ModuleStatus::New) loaded->Status = ModuleStatus::Unlinked;
        }
        STEP("5.c");
        CallWith(agent, state.PromiseCapability.Resolve, Value::undefined());
    }
    STEP("6");
}

void ContinueModuleLoading(Agent& agent, GraphLoadingStateRecord& state, ThrowCompletionOr<ModuleRecord*> moduleCompletion)
{
    SPEC_ALGORITHM("sec-ContinueModuleLoading");
    STEP("1");
    if (!state.IsLoading) return;
    STEP("2");
    if (!moduleCompletion.is_abrupt()) {
        STEP("2.a");
        InnerModuleLoading(agent, state, *moduleCompletion.value());
    } else {
        STEP("3");
        STEP("3.a");
        state.IsLoading = false;
        STEP("3.b");
        CallWith(agent, state.PromiseCapability.Reject, moduleCompletion.thrown_value());
    }
    STEP("4");
}

ThrowCompletionOr<void> CyclicModuleRecord::Link(Agent& agent)
{
    SPEC_ALGORITHM("sec-moduledeclarationlinking");
    CyclicModuleRecord& module = *this;
    STEP("1");
    SPEC_ASSERT(module.Status == ModuleStatus::Unlinked || module.Status == ModuleStatus::Linked ||
                module.Status == ModuleStatus::EvaluatingAsync || module.Status == ModuleStatus::Evaluated);
    STEP("2");
    std::vector<CyclicModuleRecord*> stack;
    STEP("3");
    ThrowCompletionOr<uint32_t> result = InnerModuleLinking(agent, module, stack, 0);
    STEP("4");
    if (result.is_abrupt()) {
        STEP("4.a");
        for (CyclicModuleRecord* m : stack) {
            STEP("4.a.i");
            SPEC_ASSERT(m->Status == ModuleStatus::Linking);
            STEP("4.a.ii");
            m->Status = ModuleStatus::Unlinked;
        }
        STEP("4.b");
        SPEC_ASSERT(module.Status == ModuleStatus::Unlinked);
        STEP("4.c");
        return ThrowCompletion(result.thrown_value());
    }
    STEP("5");
    SPEC_ASSERT(module.Status == ModuleStatus::Linked || module.Status == ModuleStatus::EvaluatingAsync ||
                module.Status == ModuleStatus::Evaluated);
    STEP("6");
    SPEC_ASSERT(stack.empty());
    STEP("7");
    return {};
}

ThrowCompletionOr<uint32_t> InnerModuleLinking(Agent& agent, ModuleRecord& moduleRecord,
                                               std::vector<CyclicModuleRecord*>& stack, uint32_t index)
{
    SPEC_ALGORITHM("sec-InnerModuleLinking");
    STEP("1");
    CyclicModuleRecord* module = moduleRecord.as_cyclic();
    if (!module) {
        STEP("1.a");
        TRY(moduleRecord.Link(agent));
        STEP("1.b");
        return index;
    }
    STEP("2");
    if (module->Status == ModuleStatus::Linking || module->Status == ModuleStatus::Linked ||
        module->Status == ModuleStatus::EvaluatingAsync || module->Status == ModuleStatus::Evaluated) {
        STEP("2.a");
        return index;
    }
    STEP("3");
    SPEC_ASSERT(module->Status == ModuleStatus::Unlinked);
    STEP("4");
    module->Status = ModuleStatus::Linking;
    STEP("5");
    module->DFSIndex = index;
    STEP("6");
    module->DFSAncestorIndex = index;
    STEP("7");
    index = index + 1;
    STEP("8");
    stack.push_back(module);
    STEP("9");
    for (const ModuleRequestRecord& request : module->RequestedModules) {
        STEP("9.a");
        ModuleRecord* requiredModule = GetImportedModule(*module, request);
        STEP("9.b");
        index = TRY(InnerModuleLinking(agent, *requiredModule, stack, index));
        STEP("9.c");
        if (CyclicModuleRecord* required = requiredModule->as_cyclic()) {
            STEP("9.c.i");
            SPEC_ASSERT(required->Status == ModuleStatus::Linking || required->Status == ModuleStatus::Linked ||
                        required->Status == ModuleStatus::EvaluatingAsync ||
                        required->Status == ModuleStatus::Evaluated);
            STEP("9.c.ii");
            SPEC_ASSERT((required->Status == ModuleStatus::Linking) == Contains(stack, required));
            STEP("9.c.iii");
            if (required->Status == ModuleStatus::Linking) {
                STEP("9.c.iii.1");
                module->DFSAncestorIndex = std::min(*module->DFSAncestorIndex, *required->DFSAncestorIndex);
            }
        }
    }
    STEP("10");
    TRY(module->InitializeEnvironment(agent));
    STEP("11");
    SPEC_ASSERT(std::count(stack.begin(), stack.end(), module) == 1);
    STEP("12");
    SPEC_ASSERT(*module->DFSAncestorIndex <= *module->DFSIndex);
    STEP("13");
    if (*module->DFSAncestorIndex == *module->DFSIndex) {
        STEP("13.a");
        bool done = false;
        STEP("13.b");
        while (!done) {
            STEP("13.b.i");
            CyclicModuleRecord* requiredModule = stack.back();
            STEP("13.b.ii");
            stack.pop_back();
            STEP("13.b.iii");  // the stack holds only Cyclic Module Records
            STEP("13.b.iv");
            requiredModule->Status = ModuleStatus::Linked;
            STEP("13.b.v");
            if (requiredModule == module) done = true;
        }
    }
    STEP("14");
    return index;
}

Object* CyclicModuleRecord::Evaluate(Agent& agent)
{
    SPEC_ALGORITHM("sec-moduleevaluation");
    CyclicModuleRecord* module = this;
    STEP("1");  // one agent runs one Evaluate at a time: nothing re-enters it
    STEP("2");
    SPEC_ASSERT(module->Status == ModuleStatus::Linked || module->Status == ModuleStatus::EvaluatingAsync ||
                module->Status == ModuleStatus::Evaluated);
    STEP("3");
    if (module->Status == ModuleStatus::EvaluatingAsync || module->Status == ModuleStatus::Evaluated)
        module = module->CycleRoot;
    STEP("4");
    if (module->TopLevelCapability) {
        STEP("4.a");
        return module->TopLevelCapability->Promise;
    }
    STEP("5");
    std::vector<CyclicModuleRecord*> stack;
    STEP("6");
    PromiseCapabilityRecord capability =
        MUST(NewPromiseCapability(agent, agent.current_realm()->intrinsic(Intrinsic::Promise)));
    STEP("7");
    module->TopLevelCapability = capability;
    STEP("8");
    ThrowCompletionOr<uint32_t> result = InnerModuleEvaluation(agent, *module, stack, 0);
    STEP("9");
    if (result.is_abrupt()) {
        STEP("9.a");
        for (CyclicModuleRecord* m : stack) {
            STEP("9.a.i");
            SPEC_ASSERT(m->Status == ModuleStatus::Evaluating);
            STEP("9.a.ii");
            // The pinned draft asserts ~unset~, but an async module on the
            // stack may have started executing (an integer) before a later
            // module threw synchronously; tc39/ecma262 PR #3787 allows any
            // value once the module has an [[EvaluationError]].
            SPEC_ASSERT(m->AsyncEvaluationOrder.is_unset() || m->AsyncEvaluationOrder.is_integer());
            STEP("9.a.iii");
            m->Status = ModuleStatus::Evaluated;
            STEP("9.a.iv");
            m->EvaluationError = result.thrown_value();
            // Not in the pinned draft: a module that threw before
            // InnerModuleEvaluation step 16 has no [[CycleRoot]], which step 3
            // of a later Evaluate (a second import()) and InnerModuleEvaluation
            // step 11.c.iv.1 read (tc39/ecma262#2823, #3582). As PR #3583
            // proposes, it becomes its own cycle root.
            if (!m->CycleRoot) m->CycleRoot = m;
        }
        STEP("9.b");
        SPEC_ASSERT(module->Status == ModuleStatus::Evaluated);
        STEP("9.c");
        SPEC_ASSERT(module->EvaluationError.is_identical(result.thrown_value()));
        STEP("9.d");
        CallWith(agent, capability.Reject, result.thrown_value());
    } else {
        STEP("10");
        STEP("10.a");
        SPEC_ASSERT(module->Status == ModuleStatus::EvaluatingAsync || module->Status == ModuleStatus::Evaluated);
        STEP("10.b");
        SPEC_ASSERT(module->EvaluationError.is_empty());
        STEP("10.c");
        if (module->Status == ModuleStatus::Evaluated) {
            STEP("10.c.i");
            STEP("10.c.ii");
            // The pinned draft asserts ~unset~, which fails when a module
            // evaluated asynchronously as a dependency (~done~) is evaluated
            // again as an entry (an import() of it): tc39/ecma262 PR #3613
            // corrects the assertion to ~unset~ or ~done~.
            SPEC_ASSERT(module->AsyncEvaluationOrder.is_unset() || module->AsyncEvaluationOrder.is_done());
            STEP("10.c.iii");
            CallWith(agent, capability.Resolve, Value::undefined());
        }
        STEP("10.d");
        SPEC_ASSERT(stack.empty());
    }
    STEP("11");
    return capability.Promise;
}

ThrowCompletionOr<uint32_t> InnerModuleEvaluation(Agent& agent, ModuleRecord& moduleRecord,
                                                  std::vector<CyclicModuleRecord*>& stack, uint32_t index)
{
    SPEC_ALGORITHM("sec-innermoduleevaluation");
    STEP("1");
    CyclicModuleRecord* module = moduleRecord.as_cyclic();
    if (!module) {
        STEP("1.a");
        TRY(EvaluateModuleSync(agent, moduleRecord));
        STEP("1.b");
        return index;
    }
    STEP("2");
    if (module->Status == ModuleStatus::EvaluatingAsync || module->Status == ModuleStatus::Evaluated) {
        STEP("2.a");
        if (module->EvaluationError.is_empty()) return index;
        STEP("2.b");
        return ThrowCompletion(module->EvaluationError);
    }
    STEP("3");
    if (module->Status == ModuleStatus::Evaluating) return index;
    STEP("4");
    SPEC_ASSERT(module->Status == ModuleStatus::Linked);
    STEP("5");
    module->Status = ModuleStatus::Evaluating;
    STEP("6");
    module->DFSIndex = index;
    STEP("7");
    module->DFSAncestorIndex = index;
    STEP("8");
    module->PendingAsyncDependencies = 0;
    STEP("9");
    index = index + 1;
    STEP("10");
    stack.push_back(module);
    STEP("11");
    for (const ModuleRequestRecord& request : module->RequestedModules) {
        STEP("11.a");
        ModuleRecord* requiredModuleRecord = GetImportedModule(*module, request);
        STEP("11.b");
        index = TRY(InnerModuleEvaluation(agent, *requiredModuleRecord, stack, index));
        STEP("11.c");
        CyclicModuleRecord* requiredModule = requiredModuleRecord->as_cyclic();
        if (!requiredModule) continue;
        STEP("11.c.i");
        SPEC_ASSERT(requiredModule->Status == ModuleStatus::Evaluating ||
                    requiredModule->Status == ModuleStatus::EvaluatingAsync ||
                    requiredModule->Status == ModuleStatus::Evaluated);
        STEP("11.c.ii");
        SPEC_ASSERT((requiredModule->Status == ModuleStatus::Evaluating) == Contains(stack, requiredModule));
        STEP("11.c.iii");
        if (requiredModule->Status == ModuleStatus::Evaluating) {
            STEP("11.c.iii.1");
            module->DFSAncestorIndex = std::min(*module->DFSAncestorIndex, *requiredModule->DFSAncestorIndex);
        } else {
            STEP("11.c.iv");
            STEP("11.c.iv.1");
            requiredModule = requiredModule->CycleRoot;
            STEP("11.c.iv.2");
            SPEC_ASSERT(requiredModule->Status == ModuleStatus::EvaluatingAsync ||
                        requiredModule->Status == ModuleStatus::Evaluated);
            STEP("11.c.iv.3");
            if (!requiredModule->EvaluationError.is_empty()) return ThrowCompletion(requiredModule->EvaluationError);
        }
        STEP("11.c.v");
        if (requiredModule->AsyncEvaluationOrder.is_integer()) {
            STEP("11.c.v.1");
            *module->PendingAsyncDependencies += 1;
            STEP("11.c.v.2");
            requiredModule->AsyncParentModules.push_back(module);
        }
    }
    STEP("12");
    if (*module->PendingAsyncDependencies > 0 || module->HasTLA) {
        STEP("12.a");
        SPEC_ASSERT(module->AsyncEvaluationOrder.is_unset());
        STEP("12.b");
        module->AsyncEvaluationOrder = AsyncEvaluationOrderValue::of(IncrementModuleAsyncEvaluationCount(agent));
        STEP("12.c");
        if (*module->PendingAsyncDependencies == 0) ExecuteAsyncModule(agent, *module);
    } else {
        STEP("13");
        STEP("13.a");
        TRY(module->ExecuteModule(agent));
    }
    STEP("14");
    SPEC_ASSERT(std::count(stack.begin(), stack.end(), module) == 1);
    STEP("15");
    SPEC_ASSERT(*module->DFSAncestorIndex <= *module->DFSIndex);
    STEP("16");
    if (*module->DFSAncestorIndex == *module->DFSIndex) {
        STEP("16.a");
        bool done = false;
        STEP("16.b");
        while (!done) {
            STEP("16.b.i");
            CyclicModuleRecord* requiredModule = stack.back();
            STEP("16.b.ii");
            stack.pop_back();
            STEP("16.b.iii");  // the stack holds only Cyclic Module Records
            STEP("16.b.iv");
            SPEC_ASSERT(requiredModule->AsyncEvaluationOrder.is_integer() ||
                        requiredModule->AsyncEvaluationOrder.is_unset());
            STEP("16.b.v");
            if (requiredModule->AsyncEvaluationOrder.is_unset()) {
                requiredModule->Status = ModuleStatus::Evaluated;
            } else {
                STEP("16.b.vi");
                requiredModule->Status = ModuleStatus::EvaluatingAsync;
            }
            STEP("16.b.vii");
            if (requiredModule == module) done = true;
            STEP("16.b.viii");
            requiredModule->CycleRoot = module;
        }
    }
    STEP("17");
    return index;
}

namespace {

class ModuleCapture final : public Object {
public:
    ModuleCapture(Object* prototype, ModuleRecord& module) : Object(prototype), Module(&module) {}
    ModuleRecord* Module;
    void visit_edges(Visitor& visitor) override
    {
        Object::visit_edges(visitor);
        visitor.visit(Module);
    }
};

// The module an ExecuteAsyncModule closure captures: its one slot.
constexpr size_t ModuleSlot = 0;

CyclicModuleRecord& CapturedModule(BuiltinFunction& F)
{
    return *CapturedModule(F.slots[ModuleSlot]).as_cyclic();
}

}  // namespace

Value CaptureModule(Agent& agent, ModuleRecord& module)
{
    return agent.heap.allocate<ModuleCapture>(nullptr, module);
}

ModuleRecord& CapturedModule(Value slot)
{
    return *static_cast<ModuleCapture*>(slot.as_object())->Module;
}

void ExecuteAsyncModule(Agent& agent, CyclicModuleRecord& module)
{
    SPEC_ALGORITHM("sec-execute-async-module");
    STEP("1");
    SPEC_ASSERT(module.Status == ModuleStatus::Evaluating || module.Status == ModuleStatus::EvaluatingAsync);
    STEP("2");
    SPEC_ASSERT(module.HasTLA);
    STEP("3");
    PromiseCapabilityRecord capability =
        MUST(NewPromiseCapability(agent, agent.current_realm()->intrinsic(Intrinsic::Promise)));
    Root<PromiseCapabilityRecord> rootedCapability(capability);
    STEP("4");
    auto fulfilledClosure = [](Agent& agent, BuiltinFunction& F, Value, std::span<const Value>,
                               Object*) -> ThrowCompletionOr<Value> {
        STEP("4.a");
        AsyncModuleExecutionFulfilled(agent, CapturedModule(F));
        STEP("4.b");
        return Value::undefined();
    };
    STEP("5");
    Root<Object*> onFulfilled(
        CreateBuiltinFunction(agent, fulfilledClosure, 0, agent.key(""), {.additionalInternalSlots = 1}));
    static_cast<BuiltinFunction*>(onFulfilled.get())->slots[ModuleSlot] = CaptureModule(agent, module);
    STEP("6");
    auto rejectedClosure = [](Agent& agent, BuiltinFunction& F, Value, std::span<const Value> arguments,
                              Object*) -> ThrowCompletionOr<Value> {
        Value error = arguments.empty() ? Value::undefined() : arguments[0];
        STEP("6.a");
        AsyncModuleExecutionRejected(agent, CapturedModule(F), error);
        STEP("6.b");
        return Value::undefined();
    };
    STEP("7");
    Root<Object*> onRejected(
        CreateBuiltinFunction(agent, rejectedClosure, 0, agent.key(""), {.additionalInternalSlots = 1}));
    static_cast<BuiltinFunction*>(onRejected.get())->slots[ModuleSlot] = CaptureModule(agent, module);
    STEP("8");
    PerformPromiseThen(agent, *as_promise(capability.Promise), onFulfilled.get(), onRejected.get());
    STEP("9");
    MUST(module.ExecuteModule(agent, capability));
    STEP("10");
}

void GatherAvailableAncestors(CyclicModuleRecord& module, std::vector<CyclicModuleRecord*>& execList)
{
    SPEC_ALGORITHM("sec-gather-available-ancestors");
    STEP("1");
    for (CyclicModuleRecord* m : module.AsyncParentModules) {
        STEP("1.a");
        if (!Contains(execList, m) && m->CycleRoot->EvaluationError.is_empty()) {
            STEP("1.a.i");
            SPEC_ASSERT(m->Status == ModuleStatus::EvaluatingAsync);
            STEP("1.a.ii");
            SPEC_ASSERT(m->EvaluationError.is_empty());
            STEP("1.a.iii");
            SPEC_ASSERT(m->AsyncEvaluationOrder.is_integer());
            STEP("1.a.iv");
            SPEC_ASSERT(*m->PendingAsyncDependencies > 0);
            STEP("1.a.v");
            *m->PendingAsyncDependencies -= 1;
            STEP("1.a.vi");
            if (*m->PendingAsyncDependencies == 0) {
                STEP("1.a.vi.1");
                execList.push_back(m);
                STEP("1.a.vi.2");
                if (!m->HasTLA) GatherAvailableAncestors(*m, execList);
            }
        }
    }
    STEP("2");
}

void AsyncModuleExecutionFulfilled(Agent& agent, CyclicModuleRecord& module)
{
    SPEC_ALGORITHM("sec-async-module-execution-fulfilled");
    STEP("1");
    if (module.Status == ModuleStatus::Evaluated) {
        STEP("1.a");
        SPEC_ASSERT(!module.EvaluationError.is_empty());
        STEP("1.b");
        return;
    }
    STEP("2");
    SPEC_ASSERT(module.Status == ModuleStatus::EvaluatingAsync);
    STEP("3");
    SPEC_ASSERT(module.AsyncEvaluationOrder.is_integer());
    STEP("4");
    SPEC_ASSERT(module.EvaluationError.is_empty());
    STEP("5");
    module.AsyncEvaluationOrder = AsyncEvaluationOrderValue::done();
    STEP("6");
    module.Status = ModuleStatus::Evaluated;
    STEP("7");
    if (module.TopLevelCapability) {
        STEP("7.a");
        SPEC_ASSERT(module.CycleRoot == &module);
        STEP("7.b");
        CallWith(agent, module.TopLevelCapability->Resolve, Value::undefined());
    }
    STEP("8");
    std::vector<CyclicModuleRecord*> execList;
    STEP("9");
    GatherAvailableAncestors(module, execList);
    STEP("10");
    for (CyclicModuleRecord* m : execList)
        SPEC_ASSERT(m->AsyncEvaluationOrder.is_integer() && *m->PendingAsyncDependencies == 0 &&
                    m->EvaluationError.is_empty());
    STEP("11");
    std::vector<CyclicModuleRecord*> sortedExecList = execList;
    std::stable_sort(sortedExecList.begin(), sortedExecList.end(),
                     [](const CyclicModuleRecord* a, const CyclicModuleRecord* b) {
                         return a->AsyncEvaluationOrder.integer < b->AsyncEvaluationOrder.integer;
                     });
    STEP("12");
    for (CyclicModuleRecord* m : sortedExecList) {
        STEP("12.a");
        if (m->Status == ModuleStatus::Evaluated) {
            STEP("12.a.i");
            SPEC_ASSERT(!m->EvaluationError.is_empty());
        } else if (m->HasTLA) {
            STEP("12.b");
            STEP("12.b.i");
            ExecuteAsyncModule(agent, *m);
        } else {
            STEP("12.c");
            STEP("12.c.i");
            ThrowCompletionOr<void> result = m->ExecuteModule(agent);
            STEP("12.c.ii");
            if (result.is_abrupt()) {
                STEP("12.c.ii.1");
                AsyncModuleExecutionRejected(agent, *m, result.thrown_value());
            } else {
                STEP("12.c.iii");
                STEP("12.c.iii.1");
                m->AsyncEvaluationOrder = AsyncEvaluationOrderValue::done();
                STEP("12.c.iii.2");
                m->Status = ModuleStatus::Evaluated;
                STEP("12.c.iii.3");
                if (m->TopLevelCapability) {
                    STEP("12.c.iii.3.a");
                    SPEC_ASSERT(m->CycleRoot == m);
                    STEP("12.c.iii.3.b");
                    CallWith(agent, m->TopLevelCapability->Resolve, Value::undefined());
                }
            }
        }
    }
    STEP("13");
}

void AsyncModuleExecutionRejected(Agent& agent, CyclicModuleRecord& module, Value error)
{
    SPEC_ALGORITHM("sec-async-module-execution-rejected");
    STEP("1");
    if (module.Status == ModuleStatus::Evaluated) {
        STEP("1.a");
        SPEC_ASSERT(!module.EvaluationError.is_empty());
        STEP("1.b");
        return;
    }
    STEP("2");
    SPEC_ASSERT(module.Status == ModuleStatus::EvaluatingAsync);
    STEP("3");
    SPEC_ASSERT(module.AsyncEvaluationOrder.is_integer());
    STEP("4");
    SPEC_ASSERT(module.EvaluationError.is_empty());
    STEP("5");
    module.EvaluationError = error;
    STEP("6");
    module.Status = ModuleStatus::Evaluated;
    STEP("7");
    module.AsyncEvaluationOrder = AsyncEvaluationOrderValue::done();
    STEP("8");
    STEP("9");
    // AsyncParentModules only grows while the graph is evaluated, not here.
    for (size_t i = 0; i < module.AsyncParentModules.size(); ++i) {
        STEP("9.a");
        AsyncModuleExecutionRejected(agent, *module.AsyncParentModules[i], error);
    }
    STEP("10");
    if (module.TopLevelCapability) {
        STEP("10.a");
        SPEC_ASSERT(module.CycleRoot == &module);
        STEP("10.b");
        CallWith(agent, module.TopLevelCapability->Reject, error);
    }
    STEP("11");
}

ModuleRecord* GetImportedModule(CyclicModuleRecord& referrer, const ModuleRequestRecord& request)
{
    SPEC_ALGORITHM("sec-GetImportedModule");
    STEP("1");
    std::vector<ScriptOrModule*> records;
    for (const LoadedModuleRequestRecord& r : referrer.LoadedModules)
        if (ModuleRequestsEqual(r, request)) records.push_back(r.Module);
    STEP("2");
    SPEC_ASSERT(records.size() == 1);
    STEP("3");
    ScriptOrModule* record = records.front();
    STEP("4");
    return static_cast<ModuleRecord*>(record);
}

void FinishLoadingImportedModule(Agent& agent, ModuleReferrer referrer, const ModuleRequestRecord& moduleRequest,
                                 ModuleLoadPayload payload, ThrowCompletionOr<ModuleRecord*> result)
{
    SPEC_ALGORITHM("sec-FinishLoadingImportedModule");
    STEP("1");
    if (!result.is_abrupt()) {
        std::vector<LoadedModuleRequestRecord>& loadedModules = LoadedModulesOf(referrer);
        STEP("1.a");
        const LoadedModuleRequestRecord* existing = nullptr;
        for (const LoadedModuleRequestRecord& record : loadedModules)
            if (ModuleRequestsEqual(record, moduleRequest)) existing = &record;
        if (existing) {
            STEP("1.a.i");
            SPEC_ASSERT(existing->Module == result.value());
        } else {
            STEP("1.b");
            STEP("1.b.i");
            loadedModules.push_back(
                LoadedModuleRequestRecord{moduleRequest.Specifier, moduleRequest.Attributes, result.value()});
        }
    }
    STEP("2");
    if (GraphLoadingStateRecord** state = std::get_if<GraphLoadingStateRecord*>(&payload)) {
        STEP("2.a");
        ContinueModuleLoading(agent, **state, result);
    } else {
        STEP("3");
        STEP("3.a");
        ContinueDynamicImport(agent, *std::get<PromiseCapabilityRecord*>(payload), result);
    }
    STEP("4");
}

bool AllImportAttributesSupported(Agent& agent, const std::vector<ImportAttributeRecord>& attributes)
{
    SPEC_ALGORITHM("sec-AllImportAttributesSupported");
    STEP("1");
    std::vector<std::u16string> supported = agent.host.HostGetSupportedImportAttributes(agent);
    STEP("2");
    for (const ImportAttributeRecord& attribute : attributes) {
        STEP("2.a");
        if (std::find(supported.begin(), supported.end(), attribute.Key) == supported.end()) return false;
    }
    STEP("3");
    return true;
}

Object* GetModuleNamespace(Agent& agent, ModuleRecord& module)
{
    SPEC_ALGORITHM("sec-getmodulenamespace");
    STEP("1");
    if (CyclicModuleRecord* cyclic = module.as_cyclic())
        SPEC_ASSERT(cyclic->Status != ModuleStatus::New && cyclic->Status != ModuleStatus::Unlinked);
    STEP("2");
    Object* namespaceObject = module.Namespace;
    STEP("3");
    if (!namespaceObject) {
        STEP("3.a");
        std::vector<std::u16string_view> exportedNames = module.GetExportedNames(agent);
        STEP("3.b");
        std::vector<std::u16string_view> unambiguousNames;
        STEP("3.c");
        for (std::u16string_view name : exportedNames) {
            STEP("3.c.i");
            ResolveExportResult resolution = module.ResolveExport(agent, name);
            STEP("3.c.ii");
            if (resolution.is_resolved_binding()) unambiguousNames.push_back(name);
        }
        STEP("3.d");
        namespaceObject = ModuleNamespaceCreate(agent, module, unambiguousNames);
    }
    STEP("4");
    return namespaceObject;
}

}  // namespace lockstep
