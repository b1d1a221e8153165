// ECMA-262 §27.5.2 / §27.6.2 Generator and AsyncGenerator instances, and
// suspendable execution contexts.
#include "runtime/generator_object.h"

#include "runtime/agent.h"
#include "runtime/heap.h"
#include "runtime/string.h"

namespace lockstep {

namespace {

// The context whose code runs on the running fiber, and how many contexts
// are resumed one inside the other. Resumptions nest (a context suspends
// back to whoever resumed it), so both are saved and restored around each.
thread_local SuspendableContext* t_running_context = nullptr;
thread_local unsigned t_nested_resumes = 0;

}  // namespace

SuspendableContext* SuspendableContext::allocate(Agent& agent, const ExecutionContext& context)
{
    return agent.heap.allocate<SuspendableContext>(nullptr, context);
}

void SuspendableContext::own_fiber()
{
    fiber_->set_owner(this);
    fiber_->agent().heap.watch(this, &SuspendableContext::after_marking);
}

// Between marking and sweeping: an unreachable context's fiber is unwound
// while every cell its frames may point to is still intact; a reachable
// suspended one gives its stack pages back.
void SuspendableContext::after_marking(Cell* cell, bool reachable)
{
    auto* context = static_cast<SuspendableContext*>(cell);
    if (!context->fiber_) return;
    if (!reachable) return context->discard();
    context->fiber_->compact();
    context->fiber_->agent().heap.report_external_live(context->fiber_->retained_bytes());
}

Completion SuspendableContext::resume(Agent&, Completion value)
{
    SPEC_ASSERT(fiber_);
    SuspendableContext* resumer = std::exchange(t_running_context, this);
    void* resumerChainHead = std::exchange(t_stack_chain_head, fiber_->stack_chain_head());
    ++t_nested_resumes;
    Completion result = fiber_->resume(value);
    --t_nested_resumes;
    fiber_->stack_chain_head() = std::exchange(t_stack_chain_head, resumerChainHead);
    t_running_context = resumer;
    // Once its code completed the context is never resumed: its stack went
    // back to the pool, and the fiber record goes now.
    if (fiber_->done()) {
        fiber_->agent().heap.unwatch(this);
        fiber_.reset();
    }
    return result;
}

Completion SuspendableContext::suspend(Agent& agent, Completion value)
{
    SPEC_ASSERT(fiber_ && Fiber::running(agent) == fiber_.get());
    return fiber_->suspend(value);
}

SuspendableContext::~SuspendableContext()
{
    discard();
}

void SuspendableContext::discard()
{
    SPEC_ASSERT(!fiber_ || fiber_->state() != Fiber::State::Running);
    if (!fiber_) return;
    fiber_->agent().heap.unwatch(this);
    // Unwinding a suspended fiber runs the destructors of its frames, which
    // unlink them from its own chain: the running stack's chain stays.
    void* chainHead = t_stack_chain_head;
    fiber_.reset();
    t_stack_chain_head = chainHead;
}

SuspendableContext* SuspendableContext::running(Agent& agent)
{
    if (!t_running_context || Fiber::running(agent) != t_running_context->fiber_.get()) return nullptr;
    return t_running_context;
}

bool SuspendableContext::nesting_exhausted()
{
    return t_nested_resumes >= kMaxNestedResumes;
}

void SuspendableContext::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    context.visit_edges(visitor);
    visitor.visit(in_flight_return);
    if (fiber_) fiber_->visit_suspended(visitor);
}

void GeneratorObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(GeneratorContext);
    visitor.visit(GeneratorBrand);
}

void AsyncGeneratorObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(AsyncGeneratorContext);
    for (const AsyncGeneratorRequest& request : AsyncGeneratorQueue) {
        visitor.visit(request.Completion.value);
        visitor.visit(request.Completion.target);
        visit_root_item(visitor, request.Capability);
    }
    visitor.visit(GeneratorBrand);
}

bool SameGeneratorBrand(const String* a, const String* b)
{
    if (!a || !b) return a == b;
    return *a == *b;
}

}  // namespace lockstep
