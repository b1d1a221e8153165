#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <vector>

#include "runtime/stack_pool.h"

namespace lockstep::testing {
namespace {

size_t page()
{
    return size_t(sysconf(_SC_PAGESIZE));
}

// How many pages of [low, high) are resident (mincore).
size_t resident_pages(const char* low, const char* high)
{
    size_t pages = size_t(high - low) / page();
    std::vector<unsigned char> status(pages);
    if (mincore(const_cast<char*>(low), size_t(high - low), status.data()) != 0) return SIZE_MAX;
    size_t resident = 0;
    for (unsigned char s : status) resident += s & 1;
    return resident;
}

void touch(const NativeStack& stack, size_t bytes)
{
    memset(stack.base - bytes, 0x5a, bytes);
}

StackPool::Options small_stacks(size_t warm)
{
    StackPool::Options options;
    options.stack_size = 256 * 1024;
    options.headroom = 32 * 1024;
    options.stacks_per_chunk = 4;
    options.warm_stacks = warm;
    return options;
}

TEST(StackPoolTest, StacksAreLaidOutAsConfigured)
{
    StackPool pool(small_stacks(0));
    NativeStack stack = pool.acquire();
    EXPECT_EQ(stack.size(), 256u * 1024);
    EXPECT_EQ(stack.limit, stack.lowest + 32 * 1024);
    EXPECT_EQ(size_t(stack.lowest - stack.guard_low), pool.options().guard_size);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(stack.base) % page(), 0u);
    EXPECT_TRUE(stack.in_guard(stack.lowest - 1));
    EXPECT_FALSE(stack.in_guard(stack.lowest));
    pool.release(stack);
}

TEST(StackPoolTest, StacksAreReservedNotCommitted)
{
    StackPool pool(small_stacks(0));
    NativeStack stack = pool.acquire();
    EXPECT_EQ(resident_pages(stack.lowest, stack.base), 0u);
    touch(stack, 3 * page());
    EXPECT_EQ(resident_pages(stack.lowest, stack.base), 3u);
    pool.release(stack);
}

TEST(StackPoolTest, AReleasedStackGivesItsPagesBack)
{
    StackPool pool(small_stacks(0));
    NativeStack stack = pool.acquire();
    touch(stack, 64 * 1024);
    pool.release(stack);
    EXPECT_EQ(resident_pages(stack.lowest, stack.base), 0u);
    EXPECT_EQ(pool.statistics().cold, pool.options().stacks_per_chunk);
}

TEST(StackPoolTest, WarmStacksKeepTheirPagesUntilPushedOut)
{
    StackPool pool(small_stacks(1));
    NativeStack first = pool.acquire();
    NativeStack second = pool.acquire();
    touch(first, 2 * page());
    touch(second, 2 * page());
    pool.release(first);
    EXPECT_EQ(resident_pages(first.lowest, first.base), 2u);  // warm
    pool.release(second);                                     // pushes `first` out
    EXPECT_EQ(resident_pages(first.lowest, first.base), 0u);
    EXPECT_EQ(resident_pages(second.lowest, second.base), 2u);
    // The warm stack is the next one handed out.
    NativeStack again = pool.acquire();
    EXPECT_EQ(again.base, second.base);
    pool.release(again);
}

TEST(StackPoolTest, StacksAreReusedInTheSteadyState)
{
    StackPool pool(small_stacks(2));
    for (int i = 0; i < 1000; ++i) {
        NativeStack a = pool.acquire();
        NativeStack b = pool.acquire();
        EXPECT_NE(a.base, b.base);
        pool.release(b);
        pool.release(a);
    }
    StackPool::Statistics statistics = pool.statistics();
    EXPECT_EQ(statistics.chunks, 1u);
    EXPECT_EQ(statistics.in_use, 0u);
}

TEST(StackPoolTest, ChunksGrowWithDemand)
{
    StackPool pool(small_stacks(0));
    std::vector<NativeStack> stacks;
    for (int i = 0; i < 10; ++i) stacks.push_back(pool.acquire());
    EXPECT_EQ(pool.statistics().chunks, 3u);  // 4 stacks each
    EXPECT_EQ(pool.statistics().in_use, 10u);
    // Distinct, non-overlapping stacks.
    for (size_t i = 0; i < stacks.size(); ++i)
        for (size_t j = i + 1; j < stacks.size(); ++j)
            EXPECT_TRUE(stacks[i].base <= stacks[j].guard_low || stacks[j].base <= stacks[i].guard_low);
    for (const NativeStack& stack : stacks) pool.release(stack);
}

TEST(StackPoolTest, TheSharedPoolIsConfiguredOnlyBeforeFirstUse)
{
    StackPool& shared = StackPool::shared();
    StackPool::Options other;
    other.stack_size = 2 * shared.options().stack_size;
    EXPECT_FALSE(StackPool::configure_shared(other));
    EXPECT_EQ(&StackPool::shared(), &shared);
    EXPECT_NE(StackPool::shared().options().stack_size, other.stack_size);
}

TEST(StackPoolDeathTest, TheGuardIsInaccessible)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    StackPool pool(small_stacks(0));
    NativeStack stack = pool.acquire();
    EXPECT_DEATH(*reinterpret_cast<volatile char*>(stack.lowest - 1) = 1, "");
    pool.release(stack);
}

}  // namespace
}  // namespace lockstep::testing
