// Host-defined timers: HTML's setTimeout / clearTimeout (not part of
// ECMA-262), run as timeout jobs of the agent (HostEnqueueTimeoutJob, §9.5.6)
// on a virtual clock. A timeout is due at the clock's time plus its delay;
// when it runs, the clock moves to that time. Timeouts therefore run in the
// order of their due times, after the promise jobs queued before them, and
// a run never sleeps: results are deterministic, as a tool that diffs
// evaluation orders needs. The CLI and the WPT runner install them.
#pragma once

#include <unordered_set>

#include "runtime/completion.h"

namespace lockstep {

class Agent;
class Object;
class Realm;

class HostTimers {
public:
    // Defines setTimeout(handler, timeout, ...arguments) and
    // clearTimeout(id) on `global`. The timers must outlive the realm.
    ThrowCompletionOr<void> define(Agent&, Realm&, Object& global);

private:
    double now_ = 0;
    double last_timer_ = 0;
    std::unordered_set<double> cancelled_;
};

}  // namespace lockstep
