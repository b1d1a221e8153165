// ECMA-262 §27.5.2 / §27.6.2 Generator and AsyncGenerator instances, and
// the execution contexts that suspend (§27.5.3, §27.6.3, §27.7.5): a
// context record together with the fiber (runtime/fiber.h) that holds its
// code evaluation state.
// https://tc39.es/ecma262/#sec-properties-of-generator-instances
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <utility>

#include "abstract_ops/promise_operations.h"
#include "runtime/execution_context.h"
#include "runtime/fiber.h"
#include "runtime/object.h"

namespace lockstep {

class String;

// The head of a chain that another layer keeps per native stack (the
// evaluator keeps its chain of callers there, for stack traces,
// algorithms/evaluation.cpp): SuspendableContext swaps it whenever it
// switches stacks, so the code on each stack sees its own chain.
inline thread_local void* t_stack_chain_head = nullptr;

// An execution context whose evaluation can be suspended and resumed: a
// generator's genContext, an async function's or async generator's
// asyncContext, a module body with top-level await. It owns its context
// record and the fiber its code runs on. It is a cell so that the Abstract
// Closures of Await can capture it (in a built-in function's slot) and so
// that an abandoned one is collected: while suspended, its stack is no root
// — its visit_edges scans it — and when the collector finds it unreachable
// its fiber is unwound (FiberUnwind) before the sweep, its stack returned
// to the pool; a reachable one has its stack compacted at each collection
// (Fiber::compact). Its stack goes back to the pool as soon as its code
// completes.
//
// The spec's operations map onto it as follows: "Set the code evaluation
// state of C such that when evaluation is resumed, closure will be called"
// is create(); "Resume the suspended evaluation of C using X" (after C was
// pushed) is C.resume(X); from C's own code, "Resume callerContext passing
// X" (after C was removed from the stack) is C.suspend(X), which returns
// the completion C is resumed with next.
class SuspendableContext final : public Object {
public:
    // closure: Completion() — the Abstract Closure with no parameters, run
    // on the context's own stack at the first resume. Its captures must not
    // be the only references to cells (a std::function may keep them off
    // the scanned stack).
    template <class Closure>
    static SuspendableContext* create(Agent& agent, const ExecutionContext& context, Closure&& closure)
    {
        SuspendableContext* result = allocate(agent, context);
        result->fiber_ = std::make_unique<Fiber>(agent, &result->context,
                                                 [closure = std::forward<Closure>(closure)](Completion) mutable {
                                                     return closure();
                                                 });
        result->own_fiber();
        return result;
    }

    SuspendableContext(Object* prototype, const ExecutionContext& context) : Object(prototype), context(context) {}
    ~SuspendableContext() override;

    // The execution context record (its Function, Realm, environments …).
    ExecutionContext context;

    // A return completion that a Yield in this context's code received, on
    // its way through expression evaluation (which carries only throw
    // completions) to the statement around it: expressions carry
    // ThrowCompletion(this context) — never visible to script — and
    // statements turn it back into ReturnCompletion(in_flight_return)
    // (algorithms/evaluation.cpp).
    Value in_flight_return = Value::empty();

    // Runs the context's code from where it is suspended until it suspends
    // again (the result is the value it passes) or its closure returns (the
    // result is the closure's). The caller has pushed `context`.
    Completion resume(Agent&, Completion value);
    // Called from the context's own code, `context` already removed from
    // the execution context stack: gives `value` to whoever resumed it and
    // returns the completion of the next resume().
    Completion suspend(Agent&, Completion value);

    // True when its code has completed or was discarded (it can never be
    // resumed again).
    bool done() const { return !fiber_; }
    // "Any execution state associated with it can be discarded": for a
    // context that will never be resumed (a generator completed before it
    // started), its stack goes back to the pool now rather than when the
    // collector sweeps it. Not while its code runs.
    void discard();

    // The context whose code runs on the running fiber, or null when none
    // does (code on the thread's own stack).
    static SuspendableContext* running(Agent&);

    // An implementation limit, checked where the spec's steps may throw
    // before a context is resumed: how many contexts may be resumed one
    // inside the other (each on its own stack). Beyond it a call throws a
    // RangeError as a native stack overflow would.
    static constexpr unsigned kMaxNestedResumes = 1000;
    static bool nesting_exhausted();

    void visit_edges(Visitor&) override;

private:
    static SuspendableContext* allocate(Agent&, const ExecutionContext&);
    void own_fiber();
    static void after_marking(Cell*, bool reachable);
    std::unique_ptr<Fiber> fiber_;
};
static_assert(sizeof(SuspendableContext) <= 192, "a size class of the heap: keep it there");

// [[GeneratorState]] (Table "Internal Slots of Generator Instances").
enum class GeneratorState : uint8_t { SuspendedStart, SuspendedYield, Executing, Completed };

// §27.5.2 Properties of Generator Instances.
class GeneratorObject : public Object {
public:
    using Object::Object;
    lockstep::GeneratorState GeneratorState = GeneratorState::SuspendedStart;  // [[GeneratorState]]
    SuspendableContext* GeneratorContext = nullptr;                            // [[GeneratorContext]]
    String* GeneratorBrand = nullptr;  // [[GeneratorBrand]]: null is ~empty~
    void visit_edges(Visitor&) override;
};

// [[AsyncGeneratorState]] (Table "Internal Slots of AsyncGenerator Instances").
enum class AsyncGeneratorState : uint8_t { SuspendedStart, SuspendedYield, Executing, DrainingQueue, Completed };

// §27.6.3.1 AsyncGeneratorRequest Records.
struct AsyncGeneratorRequest {
    lockstep::Completion Completion;          // [[Completion]]
    PromiseCapabilityRecord Capability;       // [[Capability]]
};

// §27.6.2 Properties of AsyncGenerator Instances.
class AsyncGeneratorObject final : public Object {
public:
    using Object::Object;
    lockstep::AsyncGeneratorState AsyncGeneratorState = AsyncGeneratorState::SuspendedStart;
    SuspendableContext* AsyncGeneratorContext = nullptr;      // [[AsyncGeneratorContext]]
    std::deque<AsyncGeneratorRequest> AsyncGeneratorQueue;    // [[AsyncGeneratorQueue]]
    String* GeneratorBrand = nullptr;  // [[GeneratorBrand]]: null is ~empty~
    void visit_edges(Visitor&) override;
};

// [[GeneratorBrand]] comparison: "is not generatorBrand" (null is ~empty~).
bool SameGeneratorBrand(const String* a, const String* b);

}  // namespace lockstep
