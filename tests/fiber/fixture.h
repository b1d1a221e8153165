// An agent with a realm for the stack switcher's tests, and helpers to see
// whether a cell survives a collection without keeping it alive.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>

#include "runtime/agent.h"
#include "runtime/fiber.h"
#include "runtime/host.h"
#include "runtime/realm.h"

namespace lockstep::testing {

class FiberTest : public ::testing::Test {
protected:
    FiberTest() { MUST(InitializeHostDefinedRealm(agent)); }

    DefaultHost host;
    Agent agent{host};
};

// An address hidden from the conservative scan (stored flipped, volatile so
// the compiler keeps no plain copy in a register).
struct Hidden {
    Hidden() = default;
    explicit Hidden(const Cell* cell) : bits(~reinterpret_cast<uintptr_t>(cell)) {}
    const Cell* get() const { return reinterpret_cast<const Cell*>(~bits); }
    volatile uintptr_t bits = ~uintptr_t(0);
};

// Overwrites the dead part of the running stack so stale words of finished
// frames do not keep cells alive.
[[gnu::noinline]] inline void clobber_stack()
{
    volatile char buffer[16384];
    for (size_t i = 0; i < sizeof buffer; ++i) buffer[i] = 0;
}

// Asks in a frame of its own, so the unflipped address never sits in a
// register of the caller when it collects.
[[gnu::noinline]] inline bool is_live(Heap& heap, const Hidden& hidden)
{
    return heap.is_live(hidden.get());
}

}  // namespace lockstep::testing
