// The test262 host (INTERPRETING.md, "Host-Defined Functions"): the global
// object of every realm it makes has `print` and `$262` (writable,
// configurable, non-enumerable). $262 has:
//   createRealm()        a new realm (with its own $262), returning its $262
//   evalScript(source)   ParseScript + ScriptEvaluation in the current realm;
//                        a parse error is thrown as that realm's SyntaxError
//   detachArrayBuffer(b) DetachArrayBuffer(b) (a TypeError for anything but an ArrayBuffer)
//   gc()                 a full collection of the agent's heap
//   global               the global object $262 was defined on
//   agent                the multi-agent API (agents.h)
// Left out: IsHTMLDDA (this host cannot make such an object; INTERPRETING.md
// says such hosts do not define it, and tests using it are skipped) and
// AbstractModuleSource (not in the pinned spec).
// Timeout jobs run once due, in the event loop of agents.h (RunEventLoop),
// which runs an agent's jobs.
#pragma once

#include <string>
#include <vector>

#include "conformance/test262/agents.h"
#include "runtime/host.h"
#include "runtime/module_loader.h"

namespace lockstep::conformance::test262 {

// Modules load from files, relative to the importing file (`_FIXTURE.js`
// files beside the test), JSON modules with `with { type: "json" }`.
class Test262Host final : public FileModuleHost {
public:
    ThrowCompletionOr<void> define_host_global_properties(Agent&, Realm&) override;
    void HostEnqueueTimeoutJob(Agent&, Job timeoutJob, Realm* realm, double milliseconds) override
    {
        agents_.enqueue_timeout_job(std::move(timeoutJob), realm, milliseconds);
    }
    // A test may keep the job queue busy (harness/atomicsHelper.js's
    // setTimeout polls with promise jobs): due timeout jobs and what other
    // agents sent go into the queue as promise jobs are enqueued, too.
    void HostEnqueuePromiseJob(Agent& agent, Job job, Realm* realm) override
    {
        agents_.enqueue_due_jobs(agent);
        FileModuleHost::HostEnqueuePromiseJob(agent, std::move(job), realm);
    }

    // This agent's side of $262.agent.
    AgentHostState& agents() { return agents_; }

    // The string value of the first argument of each call to `print`, in order.
    const std::vector<std::string>& printed() const { return printed_; }

private:
    std::vector<std::string> printed_;
    AgentHostState agents_;
};

}  // namespace lockstep::conformance::test262
