// ECMA-262 §9.7 Agents: the Agent Record, its execution context stack and
// job queue, and the heap its cells live in.
// https://tc39.es/ecma262/#sec-agents
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "runtime/completion.h"
#include "runtime/execution_context.h"
#include "runtime/heap.h"
#include "runtime/host.h"
#include "runtime/property_key.h"
#include "runtime/symbol.h"

namespace lockstep {

class Fiber;
class Object;
class Realm;
class String;

// §29.? candidate execution: the memory model's events, recorded once
// shared memory (Atomics, SharedArrayBuffer) exists.
struct CandidateExecutionRecord {};

// Property keys the algorithms use everywhere, interned once per agent.
struct CommonPropertyKeys {
    explicit CommonPropertyKeys(Heap&);
    PropertyKey constructor, length, message, name, prototype;
};

class Agent final : public RootProvider {
public:
    explicit Agent(Host& host);
    ~Agent();
    Agent(const Agent&) = delete;
    Agent& operator=(const Agent&) = delete;

    Heap heap;  // first: destroyed last, after everything that points into it
    Host& host;

    // Table "Agent Record Fields".
    bool LittleEndian = std::endian::native == std::endian::little;
    bool CanBlock = true;
    uint32_t Signifier;
    bool IsLockFree1 = true;
    bool IsLockFree2 = true;
    bool IsLockFree8 = true;
    CandidateExecutionRecord CandidateExecution;
    std::vector<Value> KeptAlive;  // Objects and Symbols
    uint64_t ModuleAsyncEvaluationCount = 0;

    // Not in the spec (a deliberate deviation, off while 0): the most matcher
    // steps one RegExpBuiltinExec may take before it throws a RangeError, so
    // that catastrophic backtracking cannot hang the agent.
    uint64_t regexp_step_budget = 0;

    // §20.4.2.2 the GlobalSymbolRegistry List, shared by all realms of the
    // agent: append-only Records { [[Key]]: a String, [[Symbol]] }.
    struct GlobalSymbolRegistryRecord {
        String* Key;
        lockstep::Symbol* Symbol;
    };
    std::vector<GlobalSymbolRegistryRecord> GlobalSymbolRegistry;

    // §9.4 the execution context stack; the running execution context is its top.
    std::vector<ExecutionContext*> execution_context_stack;
    ExecutionContext& running_execution_context();
    void push_execution_context(ExecutionContext&);
    // Removes `context`, which must be the running execution context.
    void pop_execution_context(ExecutionContext& context);
    // A context the agent itself keeps (e.g. InitializeHostDefinedRealm's).
    ExecutionContext& keep_execution_context(std::unique_ptr<ExecutionContext>);

    // A call in tail position (§15.10.3 PrepareForTailCall) whose Call is
    // still to be made: EvaluateCall leaves it here and returns
    // Value::tail_call(), which its function's body returns unchanged; that
    // function's [[Call]] removes its execution context and then makes the
    // call, so a chain of tail calls takes constant native stack.
    struct TailCall {
        Value func;
        Value thisValue;
        std::vector<Value> argList;
    };
    Value defer_tail_call(Value func, Value thisValue, std::vector<Value> argList);
    TailCall take_tail_call();

    // The stack switcher (runtime/fiber.h): the fiber whose stack runs now
    // (null: the thread's own stack) and the head of the list of live fibers.
    Fiber* running_fiber = nullptr;
    Fiber* fibers = nullptr;

    // "the current Realm Record": the running execution context's Realm.
    Realm* current_realm();
    // "the active function object": the running execution context's Function.
    Object* active_function_object();

    // §6.1.5.1 Well-Known Symbols, shared by all realms of the agent.
    Symbol* well_known_symbol(WellKnownSymbol which) const { return well_known_symbols_[size_t(which)]; }

    CommonPropertyKeys names;
    PropertyKey key(std::string_view ascii) { return PropertyKey::from_ascii(heap, ascii); }

    // The job queue (§9.5) the DefaultHost enqueues into: FIFO jobs, then
    // timeouts by expiry once no job is pending.
    struct PendingJob {
        Job job;
        Realm* realm;  // null is *null*
        // HostEnqueuePromiseJob: the active script or module when the job
        // was enqueued, active again while it runs (null is *null*).
        ScriptOrModule* script_or_module = nullptr;
    };
    std::deque<PendingJob> job_queue;
    std::multimap<double, PendingJob> timeout_queue;
    // builtins/atomics.cpp's state for this agent: its waitAsync promises and
    // the resolutions other agents send it (null until the first waitAsync).
    std::shared_ptr<void> atomics_waiters;
    // Runs queued jobs until none is left; stops at the first job that
    // completes abruptly and returns that completion.
    ThrowCompletionOr<void> run_jobs();

    void visit_roots(Visitor&) override;

private:
    std::optional<TailCall> pending_tail_call_;
    std::array<Symbol*, size_t(WellKnownSymbol::Count)> well_known_symbols_{};
    std::vector<std::unique_ptr<ExecutionContext>> kept_contexts_;
};

// §9.7.1 AgentSignifier ( )
uint32_t AgentSignifier(Agent&);
// §9.4.1 GetActiveScriptOrModule ( ): null is *null*
ScriptOrModule* GetActiveScriptOrModule(Agent&);
// §9.7.2 AgentCanSuspend ( )
bool AgentCanSuspend(Agent&);
// §9.11 AddToKeptObjects ( value )
void AddToKeptObjects(Agent&, Value value);
// §9.10.3 ClearKeptObjects ( )
void ClearKeptObjects(Agent&);

}  // namespace lockstep
