#include "runtime/fiber.h"

#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <ostream>

namespace lockstep {

namespace ctx = boost::context::detail;

namespace {

// The fiber running on this thread, for the SIGSEGV handler (which cannot
// know the agent). Set on every switch, like agent.running_fiber.
thread_local const Fiber* t_running_fiber = nullptr;

std::atomic<uint64_t> g_next_fiber_id{1};

// ---- the last resort: a guard-page hit becomes a clear fatal message ----

struct sigaction g_previous_segv_action;

// The lowest address of this thread's own stack (for its overflow message).
thread_local const char* t_thread_stack_low = nullptr;

void write_text(const char* text)
{
    size_t length = strlen(text);
    while (length > 0) {
        ssize_t written = write(STDERR_FILENO, text, length);
        if (written <= 0) return;
        text += written;
        length -= size_t(written);
    }
}

// Async-signal-safe number formatting.
void write_number(uint64_t n, unsigned radix)
{
    char digits[24];
    char* p = digits + sizeof digits;
    *--p = '\0';
    do {
        *--p = "0123456789abcdef"[n % radix];
        n /= radix;
    } while (n);
    if (radix == 16) write_text("0x");
    write_text(p);
}

bool near_thread_stack_low(const void* address)
{
    if (!t_thread_stack_low) return false;
    auto a = reinterpret_cast<uintptr_t>(address);
    auto low = reinterpret_cast<uintptr_t>(t_thread_stack_low);
    // The kernel keeps a gap (1 MiB by default) below a growing stack.
    return a < low + 64 * 1024 && a + (1 << 20) >= low;
}

void on_segv(int, siginfo_t* info, void*)
{
    const char* address = static_cast<const char*>(info->si_addr);
    const Fiber* fiber = t_running_fiber;
    if (fiber && fiber->stack().in_guard(address)) {
        write_text("lockstep: fatal: native stack overflow in fiber #");
        write_number(fiber->id(), 10);
        write_text(" (stack ");
        write_number(uint64_t(fiber->stack().lowest), 16);
        write_text("-");
        write_number(uint64_t(fiber->stack().base), 16);
        write_text(", execution context ");
        write_number(uint64_t(fiber->context()), 16);
        write_text("): a recursion without check_native_stack()\n");
    } else if (!fiber && near_thread_stack_low(address)) {
        write_text("lockstep: fatal: native stack overflow on the thread's own stack: a recursion without "
                   "check_native_stack()\n");
    } else {
        // Not ours: whoever handled SIGSEGV before handles the fault again.
        sigaction(SIGSEGV, &g_previous_segv_action, nullptr);
        return;
    }
    // Returning re-executes the faulting access, which now kills the
    // process with SIGSEGV as a bare overflow would.
    struct sigaction fallback {};
    fallback.sa_handler = SIG_DFL;
    sigaction(SIGSEGV, &fallback, nullptr);
}

// The handler runs on an alternate stack: the faulting one is full.
struct AlternateSignalStack {
    AlternateSignalStack()
    {
        size = 64 * 1024;
        memory = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (memory == MAP_FAILED) return;
        stack_t stack{};
        stack.ss_sp = memory;
        stack.ss_size = size;
        installed = sigaltstack(&stack, nullptr) == 0;

        pthread_attr_t attr;
        if (pthread_getattr_np(pthread_self(), &attr) == 0) {
            void* low = nullptr;
            size_t stack_size = 0;
            pthread_attr_getstack(&attr, &low, &stack_size);
            pthread_attr_destroy(&attr);
            t_thread_stack_low = static_cast<const char*>(low);
        }
    }
    ~AlternateSignalStack()
    {
        if (installed) {
            stack_t disable{};
            disable.ss_flags = SS_DISABLE;
            sigaltstack(&disable, nullptr);
        }
        if (memory != MAP_FAILED) munmap(memory, size);
    }
    void* memory = MAP_FAILED;
    size_t size = 0;
    bool installed = false;
};

}  // namespace

void install_stack_overflow_handler()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action {};
        action.sa_sigaction = on_segv;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        sigaction(SIGSEGV, &action, &g_previous_segv_action);
    });
    thread_local AlternateSignalStack alternate_stack;
}

namespace {

const char* state_name(Fiber::State state)
{
    switch (state) {
    case Fiber::State::Created: return "created";
    case Fiber::State::Running: return "running";
    case Fiber::State::Suspended: return "suspended";
    case Fiber::State::Done: return "done";
    }
    return "?";
}

}  // namespace

Fiber::Fiber(Agent& agent, ExecutionContext* context, StackPool& pool)
    : agent_(agent), context_(context), pool_(pool), stack_(pool.acquire()), id_(g_next_fiber_id++)
{
    install_stack_overflow_handler();
    range_.base = stack_.base;
    range_.roots = &roots_;
    agent_.heap.add_stack_range(&range_);  // until it has an owner
    next_ = agent_.fibers;
    if (next_) next_->prev_ = this;
    agent_.fibers = this;
}

void* Fiber::prepare_stack(size_t closure_size)
{
    auto top = reinterpret_cast<uintptr_t>(stack_.base);
    auto closure = (top - closure_size) & ~uintptr_t(kClosureAlignment - 1);
    SPEC_ASSERT(closure_size <= stack_.size() / 4);
    closure_ = reinterpret_cast<void*>(closure);
    // Before it starts, the collector scans the closure (its captures).
    range_.saved_sp = closure_;
    auto* sp = static_cast<char*>(closure_);
    context_of_fiber_ = ctx::make_fcontext(sp, size_t(sp - stack_.lowest), &Fiber::entry);
    return closure_;
}

Fiber::RootsOfStack::RootsOfStack(Fiber& fiber)
    : list(RootBase::running_stack_roots()), low(nullptr), high(nullptr)
{
    if (Fiber* running = fiber.agent_.running_fiber) {
        low = running->stack_.lowest;
        high = running->stack_.base;
    }
    RootBase::set_running_stack_roots(&fiber.roots_, fiber.stack_.lowest, fiber.stack_.base);
}

Fiber::RootsOfStack::~RootsOfStack()
{
    RootBase::set_running_stack_roots(list, low, high);
}

void Fiber::set_owner(Cell* owner)
{
    SPEC_ASSERT(!owner_ && state_ == State::Created);
    owner_ = owner;
    resumer_range_.keep_alive = owner;
    agent_.heap.remove_stack_range(&range_);
}

Fiber::~Fiber()
{
    SPEC_ASSERT(state_ != State::Running);
    if (state_ == State::Suspended) {
        unwinding_ = true;
        (void)resume();  // returns once the body unwound; exceptions stay there
    } else if (state_ == State::Created) {
        if (destroy_) {
            RootsOfStack roots(*this);
            destroy_(closure_);
        }
        release_stack();
    }
    SPEC_ASSERT(!roots_.head);
    if (!owner_) agent_.heap.remove_stack_range(&range_);
    if (prev_) prev_->next_ = next_;
    else agent_.fibers = next_;
    if (next_) next_->prev_ = prev_;
}

void Fiber::release_stack()
{
    range_.saved_sp = nullptr;
    pool_.release(stack_);
    stack_ = NativeStack{};
}

Completion Fiber::resume(Completion value)
{
    SPEC_ASSERT(state_ == State::Created || state_ == State::Suspended);
    if (saved_) restore_stack();
    transfer_ = value;
    resumer_ = agent_.running_fiber;
    const void* resumer_base = agent_.heap.running_stack_base();
    const void* resumer_limit = agent_.heap.running_stack_limit();
    RootList* resumer_roots = RootBase::running_stack_roots();
    resumer_range_.base = resumer_base;
    resumer_range_.roots = resumer_roots;
    state_ = State::Running;
    agent_.heap.push_stack_range(&resumer_range_);

    ctx::transfer_t back = ctx::jump_fcontext(context_of_fiber_, this);

    // Back on the resumer's stack: the fiber suspended or returned.
    agent_.heap.pop_stack_range(&resumer_range_);
    context_of_fiber_ = back.fctx;
    resumer_range_.saved_sp = nullptr;
    agent_.heap.set_running_stack(resumer_base, resumer_limit);
    if (resumer_) RootBase::set_running_stack_roots(resumer_roots, resumer_->stack_.lowest, resumer_->stack_.base);
    else RootBase::set_running_stack_roots(nullptr, nullptr, nullptr);
    agent_.running_fiber = resumer_;
    t_running_fiber = resumer_;
    resumer_ = nullptr;
    if (state_ == State::Done) {
        release_stack();
        if (exception_ && !unwinding_) std::rethrow_exception(std::exchange(exception_, nullptr));
    } else {
        range_.saved_sp = context_of_fiber_;
        // The pages it holds count toward the next collection (which may
        // compact it), once per stint in them.
        if (!std::exchange(pages_reported_, true))
            agent_.heap.report_external_allocation((suspended_stack_bytes() + 4095) & ~size_t(4095));
    }
    return transfer_;
}

bool Fiber::compact()
{
    SPEC_ASSERT(owner_);  // a bare fiber's registered range is scanned in place
    if (state_ != State::Suspended || saved_) return false;
    size_t used = suspended_stack_bytes();
    saved_ = static_cast<char*>(std::malloc(used));
    if (!saved_) return false;
    std::memcpy(saved_, range_.saved_sp, used);
    // The whole stack: the pages below the used part may hold what deeper
    // calls left there earlier. The range stays reserved for this fiber.
    madvise(stack_.lowest, stack_.size(), MADV_DONTNEED);
    pages_reported_ = false;
    return true;
}

// Before a resume: the used part back at its addresses (the pages fault in
// again, zeroed, as it is written).
void Fiber::restore_stack()
{
    std::memcpy(const_cast<void*>(range_.saved_sp), saved_, suspended_stack_bytes());
    std::free(std::exchange(saved_, nullptr));
}

size_t Fiber::retained_bytes() const
{
    size_t used = suspended_stack_bytes();
    return sizeof(Fiber) + (saved_ ? used : (used + 4095) & ~size_t(4095));
}

void Fiber::visit_suspended(Visitor& visitor) const
{
    if (state_ != State::Suspended && state_ != State::Created) return;
    if (!range_.saved_sp) return;
    if (saved_) {
        visitor.visit_conservatively(saved_, saved_ + suspended_stack_bytes());
        visitor.visit_roots(roots_, saved_ - static_cast<const char*>(range_.saved_sp));
    } else {
        visitor.visit_conservatively(range_.saved_sp, range_.base);
        visitor.visit_roots(roots_);
    }
}

// On the fiber's stack, just after a switch to it.
void Fiber::arrived(ctx::transfer_t from)
{
    caller_ = from.fctx;
    resumer_range_.saved_sp = from.fctx;
    range_.saved_sp = nullptr;
    agent_.heap.set_running_stack(stack_.base, stack_.limit);
    RootBase::set_running_stack_roots(&roots_, stack_.lowest, stack_.base);
    agent_.running_fiber = this;
    t_running_fiber = this;
}

Completion Fiber::suspend(Completion value)
{
    SPEC_ASSERT(agent_.running_fiber == this && state_ == State::Running);
    // A destructor running during the unwind cannot wait for a resume.
    SPEC_ASSERT(!unwinding_);
    transfer_ = value;
    state_ = State::Suspended;
    ctx::transfer_t from = ctx::jump_fcontext(caller_, nullptr);
    arrived(from);
    if (unwinding_) throw FiberUnwind{};
    return transfer_;
}

void Fiber::entry(ctx::transfer_t from)
{
    auto* fiber = static_cast<Fiber*>(from.data);
    fiber->arrived(from);
    fiber->run();
}

void Fiber::run()
{
    try {
        transfer_ = invoke_(closure_, transfer_);
    } catch (const FiberUnwind&) {
        transfer_ = NormalCompletion(Value::undefined());
    } catch (...) {
        exception_ = std::current_exception();
    }
    destroy_(closure_);
    state_ = State::Done;
    ctx::jump_fcontext(caller_, nullptr);
    __builtin_unreachable();  // a done fiber is never resumed
}

size_t Fiber::suspended_stack_bytes() const
{
    if (!range_.saved_sp) return 0;
    return size_t(stack_.base - static_cast<const char*>(range_.saved_sp));
}

void Fiber::dump(std::ostream& out) const
{
    out << "fiber #" << id_ << ' ' << state_name(state_);
    if (stack_) {
        out << " stack [" << static_cast<const void*>(stack_.lowest) << ", " << static_cast<const void*>(stack_.base)
            << ')';
        if (range_.saved_sp) out << " holding " << suspended_stack_bytes() << " bytes" << (saved_ ? " (compacted)" : "");
    }
    out << " context " << static_cast<const void*>(context_);
    if (context_) {
        out << " (Function " << static_cast<const void*>(context_->Function) << ", Realm "
            << static_cast<const void*>(context_->Realm) << ')';
    }
    if (state_ == State::Running) {
        out << " resumed by ";
        if (resumer_) out << "fiber #" << resumer_->id_;
        else out << "the thread's stack";
    }
}

void dump_fibers(Agent& agent, std::ostream& out)
{
    out << "thread stack" << (agent.running_fiber ? "" : " (running)") << '\n';
    for (const Fiber* fiber = agent.fibers; fiber; fiber = fiber->next_live()) {
        out << (fiber == agent.running_fiber ? "* " : "  ");
        fiber->dump(out);
        out << '\n';
    }
}

}  // namespace lockstep
