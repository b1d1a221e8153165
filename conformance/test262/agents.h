// $262.agent (INTERPRETING.md): agents that run concurrently with the
// test's, each on a thread of its own with its own Agent, heap and realm,
// sharing memory only through the Shared Data Blocks of SharedArrayBuffers
// the test broadcasts.
//
// The test's agent (the main one) gets
//   start(source)        a new agent evaluating `source` as a Script; returns
//                        once the script has run (the agent then waits for
//                        broadcasts)
//   broadcast(sab, id)   hands every started agent the SharedArrayBuffer's
//                        block (wrapped in a SharedArrayBuffer of the agent's
//                        realm) and id, calling its receiveBroadcast callback
//                        on its thread; returns once all have received it
//   getReport()          the oldest report not read yet (a String), or null
//   sleep(ms), monotonicNow()
// and each started agent
//   receiveBroadcast(callback), report(value), leaving(), sleep(ms), monotonicNow().
//
// The event loop of every agent (RunEventLoop) runs its jobs, its timeout
// jobs once they are due, and the promise resolutions other agents send it
// (Atomics.waitAsync resolved by another agent's Atomics.notify); it ends
// once nothing is left that could still happen.
#pragma once

#include <chrono>
#include <map>
#include <memory>

#include "runtime/completion.h"
#include "runtime/host.h"
#include "runtime/root.h"

namespace lockstep {
class Agent;
class Object;
class Realm;
}  // namespace lockstep

namespace lockstep::conformance::test262 {

class AgentGroup;   // the agents one test started
struct WorkerAgent;  // one of them

// One agent's side of the multi-agent API, kept by its host.
class AgentHostState {
public:
    AgentHostState() = default;
    // The test's agent: ends the agents it started (their threads are
    // joined; one that cannot end, e.g. blocked forever, is left behind).
    ~AgentHostState();
    AgentHostState(const AgentHostState&) = delete;
    AgentHostState& operator=(const AgentHostState&) = delete;

    // HostEnqueueTimeoutJob: the job runs once `milliseconds` have passed.
    void enqueue_timeout_job(Job job, Realm* realm, double milliseconds);
    // Enqueues the timeout jobs that are due and the jobs resolving what
    // other agents sent (ReceiveResolveInAgentJobs); true if there was any.
    bool enqueue_due_jobs(Agent&);

    // The state of the API (agents.cpp).
    std::shared_ptr<AgentGroup> group_;  // the test's agent: made by the first start
    WorkerAgent* worker_ = nullptr;      // a started agent: itself
    Root<Value> callback_;               // a started agent: receiveBroadcast's
    struct TimeoutJob {
        Job job;
        Root<Realm*> realm;
    };
    std::multimap<std::chrono::steady_clock::time_point, TimeoutJob> timeout_jobs_;
    bool enqueuing_ = false;  // inside enqueue_due_jobs
};

// Defines $262.agent on `dollar262`: the test's agent's, or a started one's.
ThrowCompletionOr<void> DefineAgentObject(Agent&, Realm&, Object& dollar262, AgentHostState&);

// Runs the agent's jobs until nothing is left to wait for; stops at the
// first job that completes abruptly and returns that completion.
ThrowCompletionOr<void> RunEventLoop(Agent&, AgentHostState&);

}  // namespace lockstep::conformance::test262
