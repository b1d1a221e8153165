// ECMA-262 §27.2.2 Promise Jobs.
#include "abstract_ops/promise_jobs.h"

#include "abstract_ops/object_operations.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/promise_object.h"
#include "runtime/root.h"

namespace lockstep {

PromiseJobRecord NewPromiseReactionJob(Agent& agent, const PromiseReactionRecord& reaction, Value argument)
{
    SPEC_ALGORITHM("sec-newpromisereactionjob");
    STEP("1");  // the job runs after this call returns: it roots what it captures
    Job job = [&agent, reaction = Root<PromiseReactionRecord>(reaction),
               argument = Root<Value>(argument)]() -> ThrowCompletionOr<void> {
        STEP("1.a");
        std::optional<PromiseCapabilityRecord> promiseCapability = reaction.get().Capability;
        STEP("1.b");
        PromiseReactionType type = reaction.get().Type;
        STEP("1.c");
        std::optional<JobCallbackRecord> handler = reaction.get().Handler;
        ThrowCompletionOr<Value> handlerResult = Value::undefined();
        STEP("1.d");
        if (!handler) {
            STEP("1.d.i");
            if (type == PromiseReactionType::Fulfill) {
                STEP("1.d.i.1");
                handlerResult = argument.get();
            } else {
                STEP("1.d.ii");
                STEP("1.d.ii.1");
                SPEC_ASSERT(type == PromiseReactionType::Reject);
                STEP("1.d.ii.2");
                handlerResult = ThrowCompletion(argument.get());
            }
        } else {
            STEP("1.e");
            STEP("1.e.i");
            Value arguments[] = {argument.get()};
            handlerResult = agent.host.HostCallJobCallback(agent, *handler, Value::undefined(), arguments);
        }
        STEP("1.f");
        if (!promiseCapability) {
            STEP("1.f.i");
            SPEC_ASSERT(!handlerResult.is_abrupt());
            STEP("1.f.ii");
            return {};
        }
        STEP("1.g");  // promiseCapability is a PromiseCapability Record by its type
        STEP("1.h");
        if (handlerResult.is_abrupt()) {
            STEP("1.h.i");
            Value arguments[] = {handlerResult.thrown_value()};
            TRY(Call(agent, promiseCapability->Reject, Value::undefined(), arguments));
            return {};
        }
        STEP("1.i");
        STEP("1.i.i");
        Value arguments[] = {handlerResult.value()};
        TRY(Call(agent, promiseCapability->Resolve, Value::undefined(), arguments));
        return {};
    };
    STEP("2");
    Realm* handlerRealm = nullptr;
    STEP("3");
    if (reaction.Handler) {
        STEP("3.a");
        ThrowCompletionOr<Realm*> getHandlerRealmResult = GetFunctionRealm(agent, *reaction.Handler->Callback);
        STEP("3.b");
        if (!getHandlerRealmResult.is_abrupt()) {
            handlerRealm = getHandlerRealmResult.value();
        } else {
            STEP("3.c");
            handlerRealm = agent.current_realm();
        }
        STEP("3.d");
    }
    STEP("4");
    return PromiseJobRecord{std::move(job), handlerRealm};
}

PromiseJobRecord NewPromiseResolveThenableJob(Agent& agent, PromiseObject& promiseToResolve, Object& thenable,
                                              const JobCallbackRecord& then)
{
    SPEC_ALGORITHM("sec-newpromiseresolvethenablejob");
    STEP("1");  // the job runs after this call returns: it roots what it captures
    Job job = [&agent, promiseToResolve = Root<PromiseObject*>(&promiseToResolve),
               thenable = Root<Object*>(&thenable), then = Root<JobCallbackRecord>(then)]() -> ThrowCompletionOr<void> {
        STEP("1.a");
        ResolvingFunctions resolvingFunctions = CreateResolvingFunctions(agent, *promiseToResolve.get());
        STEP("1.b");
        Value arguments[] = {resolvingFunctions.Resolve, resolvingFunctions.Reject};
        ThrowCompletionOr<Value> thenCallResult =
            agent.host.HostCallJobCallback(agent, then.get(), thenable.get(), arguments);
        STEP("1.c");
        if (thenCallResult.is_abrupt()) {
            STEP("1.c.i");
            Value reason[] = {thenCallResult.thrown_value()};
            TRY(Call(agent, resolvingFunctions.Reject, Value::undefined(), reason));
            return {};
        }
        STEP("1.d");
        return {};
    };
    STEP("2");
    ThrowCompletionOr<Realm*> getThenRealmResult = GetFunctionRealm(agent, *then.Callback);
    Realm* thenRealm;
    STEP("3");
    if (!getThenRealmResult.is_abrupt()) {
        thenRealm = getThenRealmResult.value();
    } else {
        STEP("4");
        thenRealm = agent.current_realm();
    }
    STEP("5");
    STEP("6");
    return PromiseJobRecord{std::move(job), thenRealm};
}

}  // namespace lockstep
