// The stack switcher (DESIGN.md §4): an execution context with a native
// stack of its own, suspended in the middle of any evaluation and resumed
// later. Generators, async functions and async generators, module bodies
// with top-level await, and JSPI all rest on this one mechanism.
//
//   Fiber fiber(agent, &genContext, [&](Completion first) -> Completion {
//       ... Completion received = Fiber::running(agent)->suspend(NormalCompletion(v)); ...
//       return NormalCompletion(result);
//   });
//   Completion yielded = fiber.resume(NormalCompletion(x));  // until suspend() or the end
//
// A fiber runs on a stack of its StackPool, switched to with Boost.Context's
// fcontext (a register save and a jump, ~10 ns a round trip). suspend()
// always returns to whoever resumed the fiber last, so a fiber may be
// resumed by anyone (a job on the thread's stack, another fiber) after its
// creator returned. The body callable is moved onto the fiber's own stack:
// its captures are scanned like the fiber's frames.
//
// What the collector sees (runtime/heap.h): the running stack from the
// current frame to its base, and the resume chain below it — the stack of
// each fiber's resumer while that fiber runs (the thread's own stack
// included) — with the roots of each (every stack has its own list of
// Root/List nodes, runtime/root.h, switched with the stack). A fiber not
// running (suspended: from its saved context, the callee-saved registers
// fcontext pushed, to its top; not yet started: its closure) is scanned
// by its owner: a fiber with an owner cell (set_owner: a
// SuspendableContext) is scanned by the owner's visit_edges, so that an
// unreachable suspended context and everything only its frames reference
// are collected — the owner unwinds it (see below) between marking and
// sweeping. A bare fiber (no owner) registers its stack as a root.
//
// Native stack exhaustion: the fiber's stack has a limit `headroom` bytes
// above its lowest address; recursion points call check_native_stack(),
// which turns exhaustion into a RangeError. Below the stack lies a guard
// region; touching it (an unchecked recursion) ends the process with
// "native stack overflow in fiber #N" instead of a bare segfault.
//
// Rules for code that runs on a fiber:
// - The fiber only switches stacks; pushing and popping the execution
//   context stack around a suspension (GeneratorYield, Await) is the
//   caller's, as the spec says.
// - A fiber destroyed while suspended is unwound with FiberUnwind, possibly
//   from inside a collection (its owner found unreachable: after marking,
//   before the sweep, on whatever stack the collection runs; or its owner
//   swept at agent teardown): destructors of objects in fiber frames must
//   not allocate cells or read cells (they may be garbage, or swept
//   already), and no catch (...) may swallow FiberUnwind. Roots in its
//   frames only unlink from the fiber's own list.
// - Do not suspend inside a C++ catch block (the C++ runtime's record of
//   the exceptions being handled is per thread, not per fiber).
// - Why fcontext rather than boost::context::fiber (as fast): its switch
//   hands over the suspended side's exact stack pointer, the start of the
//   saved registers, which the collector must scan from.
// - Suspended stacks keep their addresses (DESIGN.md §4): frames hold
//   pointers into themselves. Their pages, though, need not stay: at a
//   collection, every suspended fiber with an owner has the used part of
//   its stack copied into a buffer and its pages given back (compact(); its
//   address range stays reserved for it, so nested resumptions — a fiber
//   resuming another while its own frames are live — are unaffected); the
//   next resume() copies it back to the same addresses. A suspension
//   between two collections costs nothing more than the switch. The
//   collector reads a compacted fiber's words and root list in the buffer.
#pragma once

#include <boost/context/detail/fcontext.hpp>

#include <cstdint>
#include <exception>
#include <iosfwd>
#include <new>
#include <type_traits>
#include <utility>

#include "runtime/agent.h"
#include "runtime/completion.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/root.h"
#include "runtime/stack_pool.h"

namespace lockstep {

// The fast check at recursion points (evaluation, Wasm calls, the parser
// under eval): a RangeError when the running native stack — the thread's
// or a fiber's — is within its headroom. `TRY(check_native_stack(agent));`
inline ThrowCompletionOr<void> check_native_stack(Agent& agent)
{
    if (agent.heap.native_stack_exhausted()) [[unlikely]]
        return throw_stack_overflow(agent);
    return {};
}

// The last resort against an unchecked recursion: a SIGSEGV handler, on an
// alternate signal stack of the calling thread, that recognises a hit of
// the running fiber's guard (or of the end of the thread's own stack) and
// prints "native stack overflow in fiber #N …" before the process dies of
// the SIGSEGV; other faults go to the previous handler. Every Fiber
// installs it for its thread; a host calls it at start-up to cover the
// thread's stack before any fiber exists. Idempotent per thread.
void install_stack_overflow_handler();

// Thrown by suspend() in a fiber destroyed while suspended, to run the C++
// destructors of its frames (no ECMAScript code runs: an abandoned
// generator's finally blocks never do). Code on a fiber must not swallow
// it: a catch (...) rethrows.
struct FiberUnwind {};

class Fiber {
public:
    enum class State : uint8_t {
        Created,    // not started
        Running,    // on the resume chain: running, or waiting for a fiber it resumed
        Suspended,  // in suspend()
        Done,       // the body returned; its stack is back in the pool
    };

    // A fiber that will run body(first), `first` being the first resume's
    // value; the body's result is what the last resume() returns. `context`
    // is the execution context it runs (may be null for a bare fiber).
    template <class Body>
        requires std::is_invocable_r_v<Completion, std::decay_t<Body>&, Completion>
    Fiber(Agent& agent, ExecutionContext* context, Body&& body, StackPool& pool = StackPool::shared())
        : Fiber(agent, context, pool)
    {
        using Closure = std::decay_t<Body>;
        static_assert(alignof(Closure) <= kClosureAlignment);
        void* closure = prepare_stack(sizeof(Closure));
        {
            // Roots among the captures belong to this fiber's stack.
            RootsOfStack roots(*this);
            new (closure) Closure(std::forward<Body>(body));
        }
        invoke_ = [](void* c, Completion first) -> Completion { return (*static_cast<Closure*>(c))(first); };
        destroy_ = [](void* c) { static_cast<Closure*>(c)->~Closure(); };
    }

    // A suspended fiber is unwound (see FiberUnwind); a running one must not
    // be destroyed.
    ~Fiber();
    Fiber(const Fiber&) = delete;
    Fiber& operator=(const Fiber&) = delete;

    // Runs the fiber (which must be Created or Suspended) until it suspends
    // or its body returns. `value` is what its pending suspend() returns (or
    // the body's argument); the result is what it passes to suspend(), or the
    // body's result once done(). A C++ exception escaping the body is
    // rethrown here.
    Completion resume(Completion value = NormalCompletion(Value::undefined()));

    // Called on this fiber (the agent's running fiber): gives `value` to the
    // resumer and waits; returns the value of the next resume().
    Completion suspend(Completion value);

    // The fiber whose stack runs now, or null on the thread's own stack.
    static Fiber* running(Agent& agent) { return agent.running_fiber; }

    State state() const { return state_; }
    bool done() const { return state_ == State::Done; }
    uint64_t id() const { return id_; }
    ExecutionContext* context() const { return context_; }
    void set_context(ExecutionContext* context) { context_ = context; }
    // Who resumed it, while it is Running (null: the thread's own stack).
    Fiber* resumer() const { return resumer_; }
    // Its stack, until it is done.
    const NativeStack& stack() const { return stack_; }
    // Bytes of its stack in use while not running (saved context to top).
    size_t suspended_stack_bytes() const;
    Agent& agent() const { return agent_; }
    // Where a layer above keeps the head of a chain of its own for this
    // stack while it is not running (SuspendableContext: t_stack_chain_head).
    void*& stack_chain_head() { return stack_chain_head_; }

    // The cell that owns this fiber (a SuspendableContext): the fiber's
    // stack stops being a root of its own; while it is not running, the
    // owner's visit_edges calls visit_suspended(). Once, right after
    // construction, before anything may allocate.
    void set_owner(Cell* owner);
    // Marks what the stack of a fiber not running references: a
    // conservative scan of its used part and its list of roots.
    void visit_suspended(Visitor&) const;
    // At a collection: copies the used part of a suspended stack into a
    // buffer and gives its pages back to the system (the pages fault in
    // again when the next resume copies it back). True if it did.
    bool compact();
    // True while its stack lives in a buffer (until the next resume).
    bool compacted() const { return saved_ != nullptr; }
    // What it keeps outside the heap while not running: this record, and the
    // buffer or the committed pages of its used stack.
    size_t retained_bytes() const;

    // One line: id, state, stack, usage, execution context, resumer.
    void dump(std::ostream&) const;
    Fiber* next_live() const { return next_; }

private:
    static constexpr size_t kClosureAlignment = 64;

    Fiber(Agent&, ExecutionContext*, StackPool&);
    void* prepare_stack(size_t closure_size);
    static void entry(boost::context::detail::transfer_t);
    [[noreturn]] void run();
    void arrived(boost::context::detail::transfer_t from);
    void release_stack();
    void restore_stack();

    // While it lives, roots made in this fiber's stack join its list.
    struct RootsOfStack {
        explicit RootsOfStack(Fiber&);
        ~RootsOfStack();
        RootList* list;
        const void* low;
        const void* high;
    };

    Agent& agent_;
    ExecutionContext* context_;
    StackPool& pool_;
    NativeStack stack_;
    uint64_t id_;
    State state_ = State::Created;
    bool unwinding_ = false;
    bool pages_reported_ = false;
    Cell* owner_ = nullptr;
    RootList roots_;  // the roots in this stack's frames

    boost::context::detail::fcontext_t context_of_fiber_ = nullptr;  // while not running
    boost::context::detail::fcontext_t caller_ = nullptr;            // while running
    Fiber* resumer_ = nullptr;

    void* closure_ = nullptr;
    Completion (*invoke_)(void*, Completion) = nullptr;
    void (*destroy_)(void*) = nullptr;

    StackRange range_;          // this stack, while not running
    StackRange resumer_range_;  // the resumer's stack, while this one runs
    Completion transfer_;       // the value crossing a switch
    std::exception_ptr exception_;
    char* saved_ = nullptr;  // the used part of the stack, while compacted
    void* stack_chain_head_ = nullptr;

    Fiber* prev_ = nullptr;  // the agent's list of live fibers
    Fiber* next_ = nullptr;
};

// Which execution context runs on which stack: the thread's stack, then
// every live fiber (the running one and its resume chain marked).
void dump_fibers(Agent&, std::ostream&);

}  // namespace lockstep
