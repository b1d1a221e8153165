#include "runtime/agent.h"

#include <atomic>

#include "runtime/object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

namespace {

uint32_t new_agent_signifier()
{
    static std::atomic<uint32_t> next{1};
    return next++;
}

}  // namespace

CommonPropertyKeys::CommonPropertyKeys(Heap& heap)
    : constructor(PropertyKey::from_ascii(heap, "constructor")),
      length(PropertyKey::from_ascii(heap, "length")),
      message(PropertyKey::from_ascii(heap, "message")),
      name(PropertyKey::from_ascii(heap, "name")),
      prototype(PropertyKey::from_ascii(heap, "prototype"))
{
}

Agent::Agent(Host& host_) : host(host_), Signifier(new_agent_signifier()), names(heap)
{
    heap.add_root_provider(this);
    for (size_t i = 0; i < well_known_symbols_.size(); ++i)
        well_known_symbols_[i] =
            heap.allocate<Symbol>(make_string_from_ascii(heap, description_of(WellKnownSymbol(i))));
}

Agent::~Agent()
{
    heap.remove_root_provider(this);
}

ExecutionContext& Agent::running_execution_context()
{
    SPEC_ASSERT(!execution_context_stack.empty());
    return *execution_context_stack.back();
}

void Agent::push_execution_context(ExecutionContext& context)
{
    execution_context_stack.push_back(&context);
}

void Agent::pop_execution_context(ExecutionContext& context)
{
    SPEC_ASSERT(!execution_context_stack.empty() && execution_context_stack.back() == &context);
    execution_context_stack.pop_back();
}

ExecutionContext& Agent::keep_execution_context(std::unique_ptr<ExecutionContext> context)
{
    kept_contexts_.push_back(std::move(context));
    return *kept_contexts_.back();
}

Realm* Agent::current_realm()
{
    return running_execution_context().Realm;
}

Object* Agent::active_function_object()
{
    return running_execution_context().Function;
}

ThrowCompletionOr<void> Agent::run_jobs()
{
    // §9.5: a job runs when the execution context stack is empty (beyond the
    // contexts the host keeps), prepared to evaluate code in its realm.
    for (;;) {
        PendingJob pending{nullptr, nullptr};
        if (!job_queue.empty()) {
            pending = std::move(job_queue.front());
            job_queue.pop_front();
        } else if (!timeout_queue.empty()) {
            pending = std::move(timeout_queue.begin()->second);
            timeout_queue.erase(timeout_queue.begin());
        } else {
            return {};
        }
        ExecutionContext context;
        context.Realm = pending.realm;
        context.ScriptOrModule = pending.script_or_module;
        if (pending.realm) push_execution_context(context);
        ThrowCompletionOr<void> result = pending.job();
        if (pending.realm) pop_execution_context(context);
        ClearKeptObjects(*this);
        if (result.is_abrupt()) return result;
    }
}

Value Agent::defer_tail_call(Value func, Value thisValue, std::vector<Value> argList)
{
    SPEC_ASSERT(!pending_tail_call_);
    pending_tail_call_ = TailCall{func, thisValue, std::move(argList)};
    return Value::tail_call();
}

Agent::TailCall Agent::take_tail_call()
{
    SPEC_ASSERT(pending_tail_call_);
    TailCall call = std::move(*pending_tail_call_);
    pending_tail_call_.reset();
    return call;
}

void Agent::visit_roots(Visitor& visitor)
{
    if (pending_tail_call_) {
        visitor.visit(pending_tail_call_->func);
        visitor.visit(pending_tail_call_->thisValue);
        for (Value argument : pending_tail_call_->argList) visitor.visit(argument);
    }
    for (const ExecutionContext* context : execution_context_stack) context->visit_edges(visitor);
    for (const auto& context : kept_contexts_) context->visit_edges(visitor);
    for (Symbol* symbol : well_known_symbols_) visitor.visit(symbol);
    for (Value value : KeptAlive) visitor.visit(value);
    for (const GlobalSymbolRegistryRecord& e : GlobalSymbolRegistry) {
        visitor.visit(e.Key);
        visitor.visit(e.Symbol);
    }
    for (const PendingJob& pending : job_queue) {
        visitor.visit(pending.realm);
        visitor.visit(pending.script_or_module);
    }
    for (const auto& [delay, pending] : timeout_queue) {
        visitor.visit(pending.realm);
        visitor.visit(pending.script_or_module);
    }
    visitor.visit(names.constructor);
    visitor.visit(names.length);
    visitor.visit(names.message);
    visitor.visit(names.name);
    visitor.visit(names.prototype);
}

ScriptOrModule* GetActiveScriptOrModule(Agent& agent)
{
    SPEC_ALGORITHM("sec-getactivescriptormodule");
    STEP("1");
    if (agent.execution_context_stack.empty()) return nullptr;
    STEP("2");
    for (auto ec = agent.execution_context_stack.rbegin(); ec != agent.execution_context_stack.rend(); ++ec) {
        STEP("3");
        if ((*ec)->ScriptOrModule) return (*ec)->ScriptOrModule;
    }
    STEP("3");
    return nullptr;
}

uint32_t AgentSignifier(Agent& agent)
{
    SPEC_ALGORITHM("sec-agentsignifier");
    STEP("1");
    STEP("2");
    return agent.Signifier;
}

bool AgentCanSuspend(Agent& agent)
{
    SPEC_ALGORITHM("sec-agentcansuspend");
    STEP("1");
    STEP("2");
    return agent.CanBlock;
}

void AddToKeptObjects(Agent& agent, Value value)
{
    SPEC_ALGORITHM("sec-addtokeptobjects");
    STEP("1");
    STEP("2");
    agent.KeptAlive.push_back(value);
    STEP("3");
}

void ClearKeptObjects(Agent& agent)
{
    SPEC_ALGORITHM("sec-clear-kept-objects");
    STEP("1");
    STEP("2");
    agent.KeptAlive.clear();
    STEP("3");
}

void ExecutionContext::visit_edges(Visitor& visitor) const
{
    visitor.visit(Function);
    visitor.visit(Realm);
    visitor.visit(ScriptOrModule);
    visitor.visit(LexicalEnvironment);
    visitor.visit(VariableEnvironment);
    visitor.visit(PrivateEnvironment);
    visitor.visit(Generator);
}

}  // namespace lockstep
