#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "abstract_ops/object_operations.h"
#include "fixture.h"
#include "runtime/object.h"
#include "runtime/ordinary_object.h"
#include "runtime/root.h"
#include "runtime/string.h"

namespace lockstep::testing {
namespace {

Completion number(double n)
{
    return NormalCompletion(Value::number(n));
}

TEST_F(FiberTest, SwitchesBackAndForthPassingCompletions)
{
    std::vector<double> received;
    Fiber fiber(agent, nullptr, [&](Completion first) -> Completion {
        received.push_back(first.value.as_number());
        for (double n = 1; n <= 3; ++n)
            received.push_back(Fiber::running(agent)->suspend(number(n * 10)).value.as_number());
        return ReturnCompletion(Value::number(99.0));
    });
    EXPECT_EQ(fiber.state(), Fiber::State::Created);
    EXPECT_EQ(fiber.resume(number(1)).value.as_number(), 10);
    EXPECT_EQ(fiber.state(), Fiber::State::Suspended);
    EXPECT_EQ(fiber.resume(number(2)).value.as_number(), 20);
    EXPECT_EQ(fiber.resume(number(3)).value.as_number(), 30);
    Completion last = fiber.resume(number(4));
    EXPECT_TRUE(fiber.done());
    EXPECT_TRUE(last.is_return_completion());
    EXPECT_EQ(last.value.as_number(), 99);
    EXPECT_EQ(received, (std::vector<double>{1, 2, 3, 4}));
}

TEST_F(FiberTest, AbruptCompletionsCrossTheSwitch)
{
    Fiber fiber(agent, nullptr, [&](Completion) -> Completion {
        Completion received = Fiber::running(agent)->suspend(ThrowCompletion(Value::number(1.0)));
        EXPECT_TRUE(received.is_throw_completion());
        return received;
    });
    EXPECT_TRUE(fiber.resume().is_throw_completion());
    Completion last = fiber.resume(ThrowCompletion(Value::number(2.0)));
    EXPECT_TRUE(last.is_throw_completion());
    EXPECT_EQ(last.value.as_number(), 2);
}

TEST_F(FiberTest, TheRunningStackIsTheRunningFibers)
{
    const void* thread_base = agent.heap.running_stack_base();
    const void* thread_limit = agent.heap.running_stack_limit();
    ExecutionContext context;
    Fiber* seen = nullptr;
    const void* base_inside = nullptr;
    const void* limit_inside = nullptr;
    Fiber fiber(agent, &context, [&](Completion) -> Completion {
        seen = Fiber::running(agent);
        base_inside = agent.heap.running_stack_base();
        limit_inside = agent.heap.running_stack_limit();
        int local = 0;
        EXPECT_LT(static_cast<const void*>(&local), base_inside);
        EXPECT_GT(static_cast<const void*>(&local), limit_inside);
        return NormalCompletion(Value::undefined());
    });
    EXPECT_EQ(Fiber::running(agent), nullptr);
    const NativeStack stack = fiber.stack();
    (void)fiber.resume();
    EXPECT_EQ(seen, &fiber);
    EXPECT_EQ(seen->context(), &context);
    EXPECT_EQ(base_inside, stack.base);
    EXPECT_EQ(limit_inside, stack.limit);
    EXPECT_EQ(Fiber::running(agent), nullptr);
    EXPECT_EQ(agent.heap.running_stack_base(), thread_base);
    EXPECT_EQ(agent.heap.running_stack_limit(), thread_limit);
}

TEST_F(FiberTest, NestedSwitches)
{
    std::vector<std::string> log;
    std::unique_ptr<Fiber> inner;
    Fiber outer(agent, nullptr, [&](Completion) -> Completion {
        Fiber* self = Fiber::running(agent);
        inner = std::make_unique<Fiber>(agent, nullptr, [&](Completion) -> Completion {
            EXPECT_EQ(Fiber::running(agent), inner.get());
            EXPECT_EQ(inner->resumer(), self);
            EXPECT_EQ(self->state(), Fiber::State::Running);  // waiting for inner
            std::ostringstream dump;
            dump_fibers(agent, dump);
            EXPECT_NE(dump.str().find("resumed by fiber #" + std::to_string(self->id())), std::string::npos)
                << dump.str();
            log.push_back("inner 1");
            (void)Fiber::running(agent)->suspend(number(1));
            log.push_back("inner 2");
            return number(2);
        });
        log.push_back("outer resumes inner: " + std::to_string(inner->resume().value.as_number()));
        EXPECT_EQ(Fiber::running(agent), self);
        (void)self->suspend(number(0));
        log.push_back("outer resumes inner: " + std::to_string(inner->resume().value.as_number()));
        return number(3);
    });
    EXPECT_EQ(outer.resume().value.as_number(), 0);
    EXPECT_EQ(inner->state(), Fiber::State::Suspended);
    EXPECT_EQ(outer.resume().value.as_number(), 3);
    EXPECT_TRUE(inner->done());
    EXPECT_EQ(log, (std::vector<std::string>{"inner 1", "outer resumes inner: 1.000000", "inner 2",
                                             "outer resumes inner: 2.000000"}));
}

// The creator's frame is gone when the fiber resumes: its body (moved onto
// the fiber's stack) and its frames must not depend on it.
[[gnu::noinline]] std::unique_ptr<Fiber> start_counter(Agent& agent, std::string label)
{
    auto fiber = std::make_unique<Fiber>(agent, nullptr, [&agent, label](Completion) -> Completion {
        std::string text = label;
        for (int i = 0; i < 3; ++i) {
            text += '!';
            (void)Fiber::running(agent)->suspend(NormalCompletion(make_string_from_ascii(agent.heap, text)));
        }
        return NormalCompletion(make_string_from_ascii(agent.heap, text + " done"));
    });
    EXPECT_EQ(fiber->resume().value.as_string()->to_utf8(), label + "!");
    return fiber;
}

TEST_F(FiberTest, ResumesAfterItsCreatorReturned)
{
    std::unique_ptr<Fiber> fiber = start_counter(agent, "count");
    clobber_stack();
    EXPECT_EQ(fiber->resume().value.as_string()->to_utf8(), "count!!");
    EXPECT_EQ(fiber->resume().value.as_string()->to_utf8(), "count!!!");
    EXPECT_EQ(fiber->resume().value.as_string()->to_utf8(), "count!!! done");
    EXPECT_TRUE(fiber->done());
}

TEST_F(FiberTest, SuspendReturnsToWhoeverResumedLast)
{
    Fiber worker(agent, nullptr, [&](Completion) -> Completion {
        (void)Fiber::running(agent)->suspend(number(1));
        EXPECT_NE(worker.resumer(), nullptr);  // now a fiber, not the thread's stack
        (void)Fiber::running(agent)->suspend(number(2));
        return number(3);
    });
    EXPECT_EQ(worker.resume().value.as_number(), 1);  // from the thread's stack
    Fiber other(agent, nullptr, [&](Completion) -> Completion { return worker.resume(); });
    EXPECT_EQ(other.resume().value.as_number(), 2);  // worker suspended into `other`
    EXPECT_TRUE(other.done());
    EXPECT_EQ(worker.resume().value.as_number(), 3);
}

TEST_F(FiberTest, AFinishedFiberReturnsItsStackAtOnce)
{
    StackPool pool;
    Fiber fiber(agent, nullptr, [](Completion) -> Completion { return NormalCompletion(Value::undefined()); }, pool);
    EXPECT_EQ(pool.statistics().in_use, 1u);
    (void)fiber.resume();
    EXPECT_EQ(pool.statistics().in_use, 0u);
    EXPECT_FALSE(fiber.stack());
}

// A fiber with an owner: at a collection the used part of its suspended
// stack moves to a buffer (its pages go back to the system) and comes back
// at the same addresses when it is resumed; its roots are read from there.
TEST_F(FiberTest, ACompactedStackComesBackAtTheSameAddresses)
{
    Root<Object*> owner(OrdinaryObjectCreate(agent, nullptr));
    const void* address_before = nullptr;
    const void* address_after = nullptr;
    double sum = 0;
    Fiber fiber(agent, nullptr, [&](Completion) -> Completion {
        volatile double locals[64];
        for (int i = 0; i < 64; ++i) locals[i] = i;
        List<Value> list{Value::number(7)};
        address_before = const_cast<double*>(&locals[0]);
        (void)Fiber::running(agent)->suspend(NormalCompletion(Value::undefined()));
        address_after = const_cast<double*>(&locals[0]);
        for (int i = 0; i < 64; ++i) sum += locals[i];
        sum += list[0].as_number();
        return NormalCompletion(Value::undefined());
    });
    fiber.set_owner(owner.get());
    (void)fiber.resume();
    size_t used = fiber.suspended_stack_bytes();
    EXPECT_GT(used, 64 * sizeof(double));
    ASSERT_TRUE(fiber.compact());
    EXPECT_TRUE(fiber.compacted());
    EXPECT_FALSE(fiber.compact());  // once
    EXPECT_EQ(fiber.retained_bytes(), sizeof(Fiber) + used);
    (void)fiber.resume();
    EXPECT_TRUE(fiber.done());
    EXPECT_EQ(address_after, address_before);
    EXPECT_EQ(sum, 63 * 64 / 2 + 7);
}

// Roots made in a fiber's frames join that fiber's own list; roots made
// elsewhere while it runs (in a container) join the thread's list, which the
// collector always visits.
TEST_F(FiberTest, RootsJoinTheListOfTheStackTheyLieIn)
{
    std::vector<std::unique_ptr<Root<Value>>> outside;
    const RootBase* inside_address = nullptr;
    Fiber fiber(agent, nullptr, [&](Completion) -> Completion {
        Root<Value> inside(Value::number(1));
        inside_address = &inside;
        outside.push_back(std::make_unique<Root<Value>>(make_string_from_ascii(agent.heap, "kept")));
        (void)Fiber::running(agent)->suspend(NormalCompletion(Value::undefined()));
        return NormalCompletion(Value::undefined());
    });
    (void)fiber.resume();
    bool found_outside = false, found_inside = false;
    RootBase::for_each([&](const RootBase& root) {
        found_outside |= &root == outside[0].get();
        found_inside |= &root == inside_address;
    });
    EXPECT_TRUE(found_outside);
    EXPECT_FALSE(found_inside);
    agent.heap.collect();
    EXPECT_EQ(outside[0]->get().as_string()->to_utf8(), "kept");
    (void)fiber.resume();
}

struct SetOnDestruction {
    bool& flag;
    ~SetOnDestruction() { flag = true; }
};

TEST_F(FiberTest, DestroyingASuspendedFiberUnwindsItsFrames)
{
    StackPool pool;
    bool frame_destroyed = false;
    bool closure_destroyed = false;
    bool after_suspend = false;
    auto fiber = std::make_unique<Fiber>(
        agent, nullptr,
        [&, guard = std::make_shared<SetOnDestruction>(closure_destroyed)](Completion) -> Completion {
            SetOnDestruction frame{frame_destroyed};
            Root<Value> rooted(make_string_from_ascii(agent.heap, "rooted on the fiber"));
            (void)Fiber::running(agent)->suspend(NormalCompletion(Value::undefined()));
            after_suspend = true;
            return NormalCompletion(Value::undefined());
        },
        pool);
    (void)fiber->resume();
    EXPECT_FALSE(frame_destroyed);
    fiber.reset();
    EXPECT_TRUE(frame_destroyed);
    EXPECT_TRUE(closure_destroyed);
    EXPECT_FALSE(after_suspend);  // no code after the suspension point ran
    EXPECT_EQ(pool.statistics().in_use, 0u);
    agent.heap.collect();  // the fiber's Root left the root list
}

TEST_F(FiberTest, DestroyingAFiberThatNeverRanDestroysItsBody)
{
    StackPool pool;
    bool closure_destroyed = false;
    {
        Fiber fiber(
            agent, nullptr,
            [guard = std::make_shared<SetOnDestruction>(closure_destroyed)](Completion) -> Completion {
                return NormalCompletion(Value::undefined());
            },
            pool);
        EXPECT_EQ(pool.statistics().in_use, 1u);
    }
    EXPECT_TRUE(closure_destroyed);
    EXPECT_EQ(pool.statistics().in_use, 0u);
}

TEST_F(FiberTest, ACppExceptionInTheBodyReachesTheResumer)
{
    Fiber fiber(agent, nullptr, [](Completion) -> Completion { throw std::runtime_error("from the fiber"); });
    EXPECT_THROW((void)fiber.resume(), std::runtime_error);
    EXPECT_TRUE(fiber.done());
}

TEST_F(FiberTest, DumpShowsWhichContextRunsOnWhichStack)
{
    ExecutionContext context;
    Fiber fiber(agent, &context, [&](Completion) -> Completion {
        (void)Fiber::running(agent)->suspend(NormalCompletion(Value::undefined()));
        return NormalCompletion(Value::undefined());
    });
    (void)fiber.resume();
    std::ostringstream out;
    dump_fibers(agent, out);
    std::ostringstream context_address;
    context_address << static_cast<const void*>(&context);
    EXPECT_NE(out.str().find("thread stack (running)"), std::string::npos) << out.str();
    EXPECT_NE(out.str().find("fiber #" + std::to_string(fiber.id()) + " suspended"), std::string::npos) << out.str();
    EXPECT_NE(out.str().find("context " + context_address.str()), std::string::npos) << out.str();
    EXPECT_GT(fiber.suspended_stack_bytes(), 0u);
    (void)fiber.resume();
}

// ---- native stack exhaustion --------------------------------------------

// A recursion that checks the stack at each level, as evaluation does.
[[gnu::noinline]] ThrowCompletionOr<int> recurse_checked(Agent& agent, int depth, int& deepest)
{
    TRY(check_native_stack(agent));
    volatile char frame[256];
    frame[0] = char(depth);
    deepest = depth;
    int below = TRY(recurse_checked(agent, depth + 1, deepest));
    return below + frame[0];
}

std::string message_of(Agent& agent, Value thrown)
{
    return MUST(Get(agent, *thrown.as_object(), agent.names.message)).as_string()->to_utf8();
}

TEST_F(FiberTest, StackExhaustionOnAFiberIsARangeError)
{
    int deepest = 0;
    Fiber fiber(agent, nullptr, [&](Completion) -> Completion {
        auto result = recurse_checked(agent, 0, deepest);
        if (result.is_abrupt()) return result.release_error();
        return NormalCompletion(Value::number(result.value()));
    });
    Completion completion = fiber.resume();
    ASSERT_TRUE(completion.is_throw_completion());
    Object* error = completion.value.as_object();
    // (Until the error constructors exist, throw_error falls back to %Object.prototype%.)
    if (Object* prototype = agent.current_realm()->Intrinsics[size_t(Intrinsic::RangeErrorPrototype)]) {
        EXPECT_EQ(error->Prototype, prototype);
    }
    EXPECT_EQ(message_of(agent, completion.value), "Maximum call stack size exceeded");
    // Most of the fiber's stack was usable before the check fired.
    const StackPool::Options& options = StackPool::shared().options();
    EXPECT_GT(size_t(deepest) * 256, (options.stack_size - options.headroom) / 2);
    // The fiber is done and the thread's stack is checked against its own limit again.
    EXPECT_TRUE(fiber.done());
    EXPECT_FALSE(agent.heap.native_stack_exhausted());
}

TEST_F(FiberTest, StackExhaustionOnTheThreadsStackIsARangeError)
{
    int deepest = 0;
    auto result = recurse_checked(agent, 0, deepest);
    ASSERT_TRUE(result.is_abrupt());
    EXPECT_EQ(message_of(agent, result.thrown_value()), "Maximum call stack size exceeded");
}

// A recursion that never checks: it runs into the guard region.
[[gnu::noinline]] int recurse_unchecked(int depth, int bound)
{
    if (depth == bound) return 0;  // never: the bound is beyond any stack
    volatile char frame[512];
    frame[0] = char(depth);
    int below = recurse_unchecked(depth + 1, bound);
    return below + frame[0];
}

using FiberDeathTest = FiberTest;

TEST_F(FiberDeathTest, AnUncheckedOverflowHitsTheGuardWithAClearMessage)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(
        {
            Fiber fiber(agent, nullptr, [](Completion) -> Completion {
                return NormalCompletion(Value::number(recurse_unchecked(0, 1 << 30)));
            });
            (void)fiber.resume();
        },
        "native stack overflow in fiber #[0-9]+");
}

TEST_F(FiberDeathTest, AnUncheckedOverflowOfTheThreadsStackIsNamedToo)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(
        {
            install_stack_overflow_handler();
            (void)recurse_unchecked(0, 1 << 30);
        },
        "native stack overflow on the thread's own stack");
}

// ---- the collector and suspended stacks ---------------------------------

// Collecting at every allocation while fibers allocate, suspend and resume
// one another: every stack involved (running, suspended, resumers) is
// scanned, so each string kept only in a frame across a switch survives.
TEST_F(FiberTest, CollectingAtEveryAllocationKeepsEveryStacksCells)
{
    constexpr int kRounds = 20;
    auto producer = [&](std::string name) {
        return std::make_unique<Fiber>(agent, nullptr, [this, name](Completion) -> Completion {
            String* previous = nullptr;
            for (int i = 0; i < kRounds; ++i) {
                String* current = make_string_from_ascii(agent.heap, name + std::to_string(i));
                (void)Fiber::running(agent)->suspend(NormalCompletion(current));
                if (previous) {
                    EXPECT_EQ(previous->to_utf8(), name + std::to_string(i - 1));
                }
                previous = current;
            }
            return NormalCompletion(previous);
        });
    };
    auto a = producer("a");
    auto b = producer("b");
    // Resumes both producers; passes b's strings on, keeps a's in its frame.
    Fiber driver(agent, nullptr, [&](Completion) -> Completion {
        for (int i = 0; i < kRounds; ++i) {
            String* from_a = a->resume().value.as_string();
            (void)Fiber::running(agent)->suspend(b->resume());
            EXPECT_EQ(from_a->to_utf8(), "a" + std::to_string(i));
        }
        return NormalCompletion(Value::undefined());
    });
    agent.heap.set_stress(true);
    for (int i = 0; i < kRounds; ++i) {
        String* from_b = driver.resume().value.as_string();
        (void)make_string_from_ascii(agent.heap, "garbage");  // one more collection
        EXPECT_EQ(from_b->to_utf8(), "b" + std::to_string(i));
    }
    (void)driver.resume();
    agent.heap.set_stress(false);
    EXPECT_TRUE(driver.done());
    EXPECT_GE(agent.heap.statistics().collections, size_t(3 * kRounds));  // a, b and the garbage
}

TEST_F(FiberTest, ACellReferencedOnlyFromASuspendedFiberSurvivesCollection)
{
    Hidden hidden;
    std::string after_resume;
    Fiber fiber(agent, nullptr, [&](Completion) -> Completion {
        String* string = make_string_from_ascii(agent.heap, "held by a suspended fiber");
        hidden = Hidden(string);
        (void)Fiber::running(agent)->suspend(NormalCompletion(Value::undefined()));
        after_resume = string->to_utf8();
        return NormalCompletion(Value::undefined());
    });
    (void)fiber.resume();
    clobber_stack();
    agent.heap.collect();
    EXPECT_TRUE(is_live(agent.heap, hidden));
    (void)fiber.resume();
    EXPECT_EQ(after_resume, "held by a suspended fiber");
}

[[gnu::noinline]] Hidden make_unreferenced_string(Heap& heap)
{
    return Hidden(make_string_from_ascii(heap, "referenced by nothing"));
}

TEST_F(FiberTest, ACellNothingReferencesIsCollectedWhileFibersAreSuspended)
{
    Fiber fiber(agent, nullptr, [&](Completion) -> Completion {
        (void)Fiber::running(agent)->suspend(NormalCompletion(Value::undefined()));
        return NormalCompletion(Value::undefined());
    });
    (void)fiber.resume();
    Hidden hidden = make_unreferenced_string(agent.heap);
    clobber_stack();
    agent.heap.collect();
    EXPECT_FALSE(is_live(agent.heap, hidden));
    (void)fiber.resume();
}

TEST_F(FiberTest, TheResumersStackIsScannedWhileAFiberRuns)
{
    String* on_thread_stack = make_string_from_ascii(agent.heap, "held by the resumer");
    Hidden hidden(on_thread_stack);
    Fiber fiber(agent, nullptr, [&](Completion) -> Completion {
        clobber_stack();
        agent.heap.collect();
        return NormalCompletion(Value::boolean(is_live(agent.heap, hidden)));
    });
    Completion completion = fiber.resume();
    EXPECT_TRUE(completion.value.as_bool());
    EXPECT_EQ(on_thread_stack->to_utf8(), "held by the resumer");
}

TEST_F(FiberTest, TheBodysCapturesAreScannedBeforeItStarts)
{
    Hidden hidden;
    auto fiber = [&] {
        String* captured = make_string_from_ascii(agent.heap, "captured by the body");
        hidden = Hidden(captured);
        return std::make_unique<Fiber>(agent, nullptr, [captured](Completion) -> Completion {
            return NormalCompletion(Value(captured));
        });
    }();
    clobber_stack();
    agent.heap.collect();
    EXPECT_TRUE(is_live(agent.heap, hidden));
    EXPECT_EQ(fiber->resume().value.as_string()->to_utf8(), "captured by the body");
}

// ---- many fibers --------------------------------------------------------

size_t resident_bytes()
{
    long pages = 0, resident = 0;
    FILE* statm = fopen("/proc/self/statm", "r");
    if (!statm) return 0;
    if (fscanf(statm, "%ld %ld", &pages, &resident) != 2) resident = 0;
    fclose(statm);
    return size_t(resident) * size_t(sysconf(_SC_PAGESIZE));
}

TEST_F(FiberTest, TenThousandLiveFibers)
{
    constexpr int kFibers = 10000;
    StackPool::Options options;
    options.stack_size = 256 * 1024;
    options.headroom = 32 * 1024;
    StackPool pool(options);
    std::vector<std::unique_ptr<Fiber>> fibers;
    fibers.reserve(kFibers);
    size_t before = resident_bytes();
    for (int i = 0; i < kFibers; ++i) {
        fibers.push_back(std::make_unique<Fiber>(
            agent, nullptr,
            [this, i](Completion) -> Completion {
                Completion received = Fiber::running(agent)->suspend(number(i));
                return number(received.value.as_number() + i);
            },
            pool));
        EXPECT_EQ(fibers.back()->resume().value.as_number(), i);
    }
    size_t after = resident_bytes();
    EXPECT_EQ(pool.statistics().in_use, size_t(kFibers));
    // A sanity bound, not a measurement: one or two touched pages per
    // suspended fiber, not its whole reserved stack.
    EXPECT_LT(after - before, size_t(kFibers) * 16 * 1024);
    for (int i = kFibers; i-- > 0;) EXPECT_EQ(fibers[i]->resume(number(1)).value.as_number(), i + 1);
    EXPECT_EQ(pool.statistics().in_use, 0u);
    EXPECT_LE(pool.statistics().warm, pool.options().warm_stacks);
}

}  // namespace
}  // namespace lockstep::testing
