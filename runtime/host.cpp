#include "runtime/host.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "runtime/agent.h"
#include "runtime/heap.h"
#include "runtime/object.h"

namespace lockstep {

void visit_root_item(Visitor& visitor, const JobCallbackRecord& record)
{
    visitor.visit(record.Callback);
    visitor.visit(record.HostDefined);
}

JobCallbackRecord Host::HostMakeJobCallback(Agent&, Object* callback)
{
    SPEC_ALGORITHM("sec-hostmakejobcallback");
    STEP("1");
    return JobCallbackRecord{callback, Value::empty()};
}

ThrowCompletionOr<Value> Host::HostCallJobCallback(Agent& agent, const JobCallbackRecord& jobCallback, Value V,
                                                   std::span<const Value> argumentsList)
{
    SPEC_ALGORITHM("sec-hostcalljobcallback");
    STEP("1");
    SPEC_ASSERT(IsCallable(Value(jobCallback.Callback)));
    STEP("2");
    return TRY(Call(agent, Value(jobCallback.Callback), V, argumentsList));
}

void Host::HostPromiseRejectionTracker(Agent&, Object*, PromiseRejectionOperation) {}

std::vector<std::u16string> Host::HostGetSupportedImportAttributes(Agent&)
{
    return {};
}

std::vector<ImportMetaProperty> Host::HostGetImportMetaProperties(Agent&, ScriptOrModule&)
{
    return {};
}

void Host::HostFinalizeImportMeta(Agent&, Object*, ScriptOrModule&) {}

ThrowCompletionOr<void> Host::HostEnsureCanCompileStrings(Agent&, Realm&, std::span<String* const>, String*, bool)
{
    return {};
}

bool Host::HostHasSourceTextAvailable(Agent&, Object*)
{
    return true;
}

ThrowCompletionOr<void> Host::HostEnsureCanAddPrivateElement(Agent&, Object*)
{
    return {};
}

ThrowCompletionOr<BufferResizeResult> Host::HostResizeArrayBuffer(Agent&, Object*, uint64_t)
{
    return BufferResizeResult::Unhandled;
}

ThrowCompletionOr<BufferResizeResult> Host::HostGrowSharedArrayBuffer(Agent&, Object*, uint64_t)
{
    return BufferResizeResult::Unhandled;
}

void DefaultHost::HostEnqueueGenericJob(Agent& agent, Job job, Realm* realm)
{
    agent.job_queue.push_back(Agent::PendingJob{std::move(job), realm});
}

void DefaultHost::HostEnqueuePromiseJob(Agent& agent, Job job, Realm* realm)
{
    // §9.5.5: jobs run in the order they were enqueued, with the active
    // script or module of this moment active again.
    agent.job_queue.push_back(Agent::PendingJob{std::move(job), realm, GetActiveScriptOrModule(agent)});
}

void DefaultHost::HostEnqueueTimeoutJob(Agent& agent, Job timeoutJob, Realm* realm, double milliseconds)
{
    agent.timeout_queue.emplace(milliseconds, Agent::PendingJob{std::move(timeoutJob), realm});
}

void DefaultHost::HostLoadImportedModule(Agent&, ModuleReferrer, const ModuleRequestRecord&, Value, ModuleLoadPayload)
{
    // Reached only through module loading, which needs a host that can
    // find module source text (the CLI's, the test262 runner's).
    spec::assertion_failed("HostLoadImportedModule needs a module-aware host", __FILE__, __LINE__);
}

void DefaultHost::HostEnqueueFinalizationRegistryCleanupJob(Agent&, Object*)
{
    // Cleanup is optional (§9.10.4.1): this host never schedules it.
}

}  // namespace lockstep
