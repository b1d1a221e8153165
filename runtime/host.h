// DESIGN.md §6: everything ECMA-262 leaves to the host goes through Host.
// One virtual function per host hook, named as the spec names it; where the
// spec gives a default implementation, the base class has it. The CLI, the
// test262 runner and the WPT runner are hosts; so is an embedder.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "runtime/completion.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class Object;
class Realm;
class ScriptOrModule;
class String;
class Visitor;
struct ModuleRequestRecord;       // §16.2.1.3.1
struct GraphLoadingStateRecord;   // §16.2.1.5.1
struct PromiseCapabilityRecord;   // §27.2.1.1

// A Job Abstract Closure (§9.5). It runs after the current one finishes, so
// it must keep what it captures alive itself: capture cells as Root<T>.
using Job = std::function<ThrowCompletionOr<void>()>;

// §9.5.1 JobCallback Records.
struct JobCallbackRecord {
    Object* Callback;
    Value HostDefined = Value::empty();  // ~empty~ by default
};
// What a Root<JobCallbackRecord> (or a record that holds one) keeps alive.
void visit_root_item(Visitor&, const JobCallbackRecord&);

enum class PromiseRejectionOperation : uint8_t { Reject, Handle };
enum class BufferResizeResult : uint8_t { Handled, Unhandled };

// HostLoadImportedModule's referrer: a Script Record, a Module Record or a Realm Record.
using ModuleReferrer = std::variant<ScriptOrModule*, Realm*>;
// …and its payload: a GraphLoadingState Record or a PromiseCapability Record.
// A host that calls FinishLoadingImportedModule later (not during the call)
// must keep the GraphLoadingState Record alive (it is a cell: a Root) and
// copy the PromiseCapability Record (the pointer is valid during the call only).
using ModuleLoadPayload = std::variant<GraphLoadingStateRecord*, PromiseCapabilityRecord*>;

// A { [[Key]], [[Value]] } Record of HostGetImportMetaProperties' result
// (lower-case fields: `Value` is the language-value type).
struct ImportMetaProperty {
    Value key;  // a property key
    Value value;
};

class Host {
public:
    virtual ~Host() = default;

    // §9.5.4 HostEnqueueGenericJob ( job, realm )
    virtual void HostEnqueueGenericJob(Agent&, Job job, Realm* realm) = 0;
    // §9.5.5 HostEnqueuePromiseJob ( job, realm ); realm null is *null*
    virtual void HostEnqueuePromiseJob(Agent&, Job job, Realm* realm) = 0;
    // §9.5.6 HostEnqueueTimeoutJob ( timeoutJob, realm, milliseconds )
    virtual void HostEnqueueTimeoutJob(Agent&, Job timeoutJob, Realm* realm, double milliseconds) = 0;
    // §9.5.2 HostMakeJobCallback ( callback )
    virtual JobCallbackRecord HostMakeJobCallback(Agent&, Object* callback);
    // §9.5.3 HostCallJobCallback ( jobCallback, V, argumentsList )
    virtual ThrowCompletionOr<Value> HostCallJobCallback(Agent&, const JobCallbackRecord& jobCallback, Value V,
                                                         std::span<const Value> argumentsList);
    // §27.2.1.9 HostPromiseRejectionTracker ( promise, operation )
    virtual void HostPromiseRejectionTracker(Agent&, Object* promise, PromiseRejectionOperation operation);
    // §16.2.1.10 HostLoadImportedModule ( referrer, moduleRequest, hostDefined, payload )
    virtual void HostLoadImportedModule(Agent&, ModuleReferrer referrer, const ModuleRequestRecord& moduleRequest,
                                        Value hostDefined, ModuleLoadPayload payload) = 0;
    // §16.2.1.11 HostGetSupportedImportAttributes ( ): the supported keys
    virtual std::vector<std::u16string> HostGetSupportedImportAttributes(Agent&);
    // §13.3.12.1.1 HostGetImportMetaProperties ( moduleRecord )
    virtual std::vector<ImportMetaProperty> HostGetImportMetaProperties(Agent&, ScriptOrModule& moduleRecord);
    // §13.3.12.1.2 HostFinalizeImportMeta ( importMeta, moduleRecord )
    virtual void HostFinalizeImportMeta(Agent&, Object* importMeta, ScriptOrModule& moduleRecord);
    // §19.2.1.2 HostEnsureCanCompileStrings ( calleeRealm, parameterStrings, bodyString, direct )
    virtual ThrowCompletionOr<void> HostEnsureCanCompileStrings(Agent&, Realm& calleeRealm,
                                                                std::span<String* const> parameterStrings,
                                                                String* bodyString, bool direct);
    // §20.2.5 HostHasSourceTextAvailable ( func )
    virtual bool HostHasSourceTextAvailable(Agent&, Object* func);
    // §7.3.31 HostEnsureCanAddPrivateElement ( O )
    virtual ThrowCompletionOr<void> HostEnsureCanAddPrivateElement(Agent&, Object* O);
    // §25.1.3.7 HostResizeArrayBuffer ( buffer, newByteLength )
    virtual ThrowCompletionOr<BufferResizeResult> HostResizeArrayBuffer(Agent&, Object* buffer, uint64_t newByteLength);
    // §25.2.2.3 HostGrowSharedArrayBuffer ( buffer, newByteLength )
    virtual ThrowCompletionOr<BufferResizeResult> HostGrowSharedArrayBuffer(Agent&, Object* buffer,
                                                                            uint64_t newByteLength);
    // §9.10.4.1 HostEnqueueFinalizationRegistryCleanupJob ( finalizationRegistry )
    virtual void HostEnqueueFinalizationRegistryCleanupJob(Agent&, Object* finalizationRegistry) = 0;

    // InitializeHostDefinedRealm's host-defined choices (steps 10, 12, 17):
    // an exotic global object (null: an ordinary one), a `this` other than
    // the global object (undefined: the global object), and extra global
    // properties.
    virtual Object* create_global_object(Agent&, Realm&) { return nullptr; }
    virtual Value global_this_value(Agent&, Realm&, Object* /*global*/) { return Value::undefined(); }
    virtual ThrowCompletionOr<void> define_host_global_properties(Agent&, Realm&) { return {}; }
};

// A host for embedders and tests that need no more: jobs go to the agent's
// job queue in FIFO order (Agent::run_jobs drains it), timeouts are queued
// in the agent's timeout queue (run once the job queue is empty, earliest
// expiry first). Module loading needs a module-aware host.
class DefaultHost : public Host {
public:
    void HostEnqueueGenericJob(Agent&, Job job, Realm* realm) override;
    void HostEnqueuePromiseJob(Agent&, Job job, Realm* realm) override;
    void HostEnqueueTimeoutJob(Agent&, Job timeoutJob, Realm* realm, double milliseconds) override;
    void HostLoadImportedModule(Agent&, ModuleReferrer, const ModuleRequestRecord&, Value, ModuleLoadPayload) override;
    void HostEnqueueFinalizationRegistryCleanupJob(Agent&, Object* finalizationRegistry) override;
};

}  // namespace lockstep
