// The order in which promise jobs are enqueued and run (§27.2.1-§27.2.2,
// §27.2.5.4.1). Each expected order is derived step by step from the spec
// in the comment above it.
#include "tests/promise/fixture.h"

namespace lockstep::testing {
namespace {

using PromiseJobOrderTest = PromiseTest;

// PerformPromiseThen step 10: `then` on a settled promise enqueues its job at
// once; on a pending promise, FulfillPromise → TriggerPromiseReactions
// enqueues it when the promise settles. Jobs run in FIFO order.
TEST_F(PromiseJobOrderTest, ThenOnSettledEnqueuesAtOnceThenOnPendingWhenSettled)
{
    Value settled = resolved(num(1));
    Deferred pending = deferred();
    then(settled, logger("A"));      // queue: A
    then(pending.promise, logger("B"));
    call(pending.resolve, num(2));   // queue: A, B
    then(settled, logger("C"));      // queue: A, B, C
    EXPECT_EQ(take_log(), "");       // nothing runs synchronously
    run();
    EXPECT_EQ(take_log(), "A:1,B:2,C:1");
}

// Reactions registered on one pending promise run in registration order,
// fulfil and reject alike.
TEST_F(PromiseJobOrderTest, ReactionsRunInRegistrationOrder)
{
    Deferred d = deferred();
    then(d.promise, logger("f1"), logger("r1"));
    then(d.promise, logger("f2"), logger("r2"));
    invoke(d.promise, "catch", {logger("c3")});
    call(d.reject, num(7));
    run();
    EXPECT_EQ(take_log(), "r1:7,r2:7,c3:7");
}

// Resolving with a native promise costs two extra ticks:
//   P = new Promise(r => r(resolved)); P.then(A);
//   resolved.then(B1).then(B2).then(B3);
// resolve function steps 13-15 enqueue NewPromiseResolveThenableJob(P):
// queue [thenable(P), B1]. The thenable job calls resolved.then(resolveP,
// rejectP): resolved is fulfilled, so PerformPromiseThen step 10 enqueues
// resolveP: [B1, resolveP]. B1 resolves its derived promise: [resolveP, B2].
// resolveP fulfils P, enqueuing A: [B2, A]. Then B2 → [A, B3], A, B3.
TEST_F(PromiseJobOrderTest, ResolvingWithANativePromiseTakesTwoExtraTicks)
{
    Value settled = resolved(Value::undefined());
    Deferred P = deferred();
    call(P.resolve, settled);
    then(P.promise, logger("A", false));
    Value b = then(settled, logger("B1", false));
    b = then(b, logger("B2", false));
    then(b, logger("B3", false));
    run();
    EXPECT_EQ(take_log(), "B1,B2,A,B3");
}

// The same with a plain value: no extra tick, A runs first.
TEST_F(PromiseJobOrderTest, ResolvingWithAPlainValueTakesNoExtraTick)
{
    Value settled = resolved(Value::undefined());
    Deferred P = deferred();
    call(P.resolve, num(1));
    then(P.promise, logger("A", false));
    Value b = then(settled, logger("B1", false));
    then(b, logger("B2", false));
    run();
    EXPECT_EQ(take_log(), "A,B1,B2");
}

// A thenable's `then` is called from a job (NewPromiseResolveThenableJob),
// never synchronously by the resolve function, with fresh resolving functions
// bound to the promise; its `this` is the thenable.
TEST_F(PromiseJobOrderTest, ThenableThenIsCalledFromAJob)
{
    Object* thenable = new_object();
    BuiltinFunction* thenMethod = function(
        [this](Agent& agent, BuiltinFunction&, Value thisValue, std::span<const Value> args,
               Object*) -> ThrowCompletionOr<Value> {
            log.push_back("then called");
            EXPECT_TRUE(thisValue.is_identical(get(thisValue, "self")));
            EXPECT_EQ(args.size(), 2u);
            Value v = num(42);
            TRY(Call(agent, args[0], Value::undefined(), std::span(&v, 1)));
            return Value::undefined();
        },
        2);
    MUST(CreateDataPropertyOrThrow(agent, *thenable, key("then"), thenMethod));
    MUST(CreateDataPropertyOrThrow(agent, *thenable, key("self"), thenable));
    Deferred d = deferred();
    call(d.resolve, thenable);
    log.push_back("sync end");
    then(d.promise, logger("fulfilled"));
    EXPECT_EQ(state(d.promise), PromiseState::Pending);
    run();
    EXPECT_EQ(take_log(), "sync end,then called,fulfilled:42");
}

// Promise Resolve Functions steps 9-13: "then" is read once, synchronously,
// and the job calls the function read then, not the property's later value.
TEST_F(PromiseJobOrderTest, ThenIsReadOnceAtResolveTime)
{
    Object* thenable = new_object();
    BuiltinFunction* getter = function(
        [this](Agent&, BuiltinFunction& F, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
            log.push_back("get then");
            return F.slots[0];
        },
        0, 1);
    getter->slots[0] = logger("first then", false);
    MUST(DefinePropertyOrThrow(agent, *thenable, key("then"),
                               PropertyDescriptor{.get = Value(getter), .configurable = true}));
    Deferred d = deferred();
    call(d.resolve, thenable);
    EXPECT_EQ(take_log(), "get then");
    getter->slots[0] = logger("second then", false);
    run();
    EXPECT_EQ(take_log(), "first then");
}

// A thenable whose `then` throws after resolving: the throw is ignored
// (the job's resolving functions are already resolved).
TEST_F(PromiseJobOrderTest, ThenableThatResolvesThenThrowsStaysFulfilled)
{
    Object* thenable = new_object();
    BuiltinFunction* thenMethod = function(
        [this](Agent& agent, BuiltinFunction&, Value, std::span<const Value> args, Object*) -> ThrowCompletionOr<Value> {
            Value v = num(1);
            TRY(Call(agent, args[0], Value::undefined(), std::span(&v, 1)));
            return ThrowCompletion(str("boom"));
        },
        2);
    MUST(CreateDataPropertyOrThrow(agent, *thenable, key("then"), thenMethod));
    Deferred d = deferred();
    call(d.resolve, thenable);
    run();
    EXPECT_EQ(state(d.promise), PromiseState::Fulfilled);
    EXPECT_EQ(text(result(d.promise)), "1");
}

// Promise.prototype.finally on a fulfilled promise:
//   Promise.resolve(1).finally(F).then(T); Promise.resolve(2).then(a1)…(a5)
// Queue [thenFinally, a1]. thenFinally calls F, PromiseResolve(%Promise%,
// undefined) is a fulfilled p2, p2.then(valueThunk) enqueues the thunk; its
// result p3 (a promise) resolves the finally promise q, enqueuing
// thenable(q, p3): [a1, thunk, thenable]. a1 → [thunk, thenable, a2]; the
// thunk fulfils p3 with 1; thenable calls p3.then(resolveQ) → [a2, resolveQ];
// a2 → [resolveQ, a3]; resolveQ fulfils q → [a3, T]; a3 → [T, a4]; T; a4; a5.
TEST_F(PromiseJobOrderTest, FinallyOnFulfilledTakesThreeExtraTicks)
{
    Value q = invoke(resolved(num(1)), "finally", {logger("F", false)});
    then(q, logger("T"));
    Value a = resolved(num(2));
    for (const char* label : {"a1", "a2", "a3", "a4", "a5"}) a = then(a, logger(label, false));
    run();
    EXPECT_EQ(take_log(), "F,a1,a2,a3,T:1,a4,a5");
}

// The same chain through catchFinally and the thrower: the reason passes
// through unchanged, at the same tick.
TEST_F(PromiseJobOrderTest, FinallyOnRejectedPassesTheReasonThrough)
{
    Value q = invoke(rejected(num(1)), "finally", {logger("F", false)});
    invoke(q, "catch", {logger("C")});
    Value a = resolved(num(2));
    for (const char* label : {"a1", "a2", "a3", "a4", "a5"}) a = then(a, logger(label, false));
    run();
    EXPECT_EQ(take_log(), "F,a1,a2,a3,C:1,a4,a5");
}

// onFinally's own throw replaces the fulfilment value.
TEST_F(PromiseJobOrderTest, FinallyCallbackThatThrowsRejects)
{
    Value q = invoke(resolved(num(1)), "finally", {rethrower("F")});
    then(q, logger("T"), logger("R"));
    run();
    EXPECT_EQ(take_log(), "F:undefined,R:undefined");
}

// onFinally is called with no arguments, and its return value is ignored.
TEST_F(PromiseJobOrderTest, FinallyIgnoresTheCallbackResult)
{
    Value q = invoke(resolved(num(1)), "finally", {logger("F", true, num(99))});
    then(q, logger("T"));
    run();
    EXPECT_EQ(take_log(), "F:undefined,T:1");
}

// A non-callable onFinally is passed to `then` as both handlers, so the
// value passes through.
TEST_F(PromiseJobOrderTest, FinallyWithNonCallablePassesThrough)
{
    Value q = invoke(resolved(num(5)), "finally", {num(3)});
    then(q, logger("T"));
    run();
    EXPECT_EQ(take_log(), "T:5");
}

// A handler's return value resolves the derived promise; a handler's throw
// rejects it; a missing handler passes value or reason through
// (NewPromiseReactionJob step 1.d).
TEST_F(PromiseJobOrderTest, DerivedPromisesFollowTheHandlers)
{
    Value p1 = then(resolved(num(1)), logger("h", true, num(10)));
    Value p2 = then(resolved(num(2)), rethrower("t"));
    Value p3 = then(resolved(num(3)), Value::undefined());
    Value p4 = then(rejected(num(4)), logger("unused"));
    run();
    EXPECT_EQ(state(p1), PromiseState::Fulfilled);
    EXPECT_EQ(text(result(p1)), "10");
    EXPECT_EQ(state(p2), PromiseState::Rejected);
    EXPECT_EQ(text(result(p2)), "2");
    EXPECT_EQ(state(p3), PromiseState::Fulfilled);
    EXPECT_EQ(text(result(p3)), "3");
    EXPECT_EQ(state(p4), PromiseState::Rejected);
    EXPECT_EQ(text(result(p4)), "4");
    EXPECT_EQ(take_log(), "h:1,t:2");
}

// Jobs enqueued while the queue runs go to its end.
TEST_F(PromiseJobOrderTest, NestedThenGoesToTheEndOfTheQueue)
{
    Value settled = resolved(num(0));
    BuiltinFunction* outer = function(
        [this](Agent&, BuiltinFunction& F, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
            log.push_back("outer");
            then(F.slots[0], logger("inner", false));
            return Value::undefined();
        },
        0, 1);
    outer->slots[0] = settled;
    then(settled, outer);
    then(settled, logger("second", false));
    run();
    EXPECT_EQ(take_log(), "outer,second,inner");
}

// NewPromiseReactionJob step 3.c: a revoked Proxy handler has no realm
// (GetFunctionRealm throws), so the job gets the current realm; calling it
// throws a TypeError that rejects the derived promise.
TEST_F(PromiseJobOrderTest, RevokedProxyHandlerRejectsTheDerivedPromise)
{
    Value Proxy = intrinsic(Intrinsic::Proxy);
    Value revocable = invoke(Proxy, "revocable", {logger("target"), new_object()});
    invoke(revocable, "revoke");
    Value derived = then(resolved(num(1)), get(revocable, "proxy"));
    ASSERT_EQ(agent.job_queue.size(), 1u);
    EXPECT_EQ(agent.job_queue.front().realm, &realm());
    run();
    EXPECT_EQ(take_log(), "");
    ASSERT_EQ(state(derived), PromiseState::Rejected);
    EXPECT_EQ(result(derived).as_object()->Prototype, intrinsic(Intrinsic::TypeErrorPrototype));
}

// A reaction without a handler runs with realm *null* (step 2).
TEST_F(PromiseJobOrderTest, ReactionWithoutHandlerHasNoRealm)
{
    then(resolved(num(1)), Value::undefined());
    ASSERT_EQ(agent.job_queue.size(), 1u);
    EXPECT_EQ(agent.job_queue.front().realm, nullptr);
    run();
}

// HostEnqueuePromiseJob (§9.5.5): the script or module active when the job
// was enqueued is the active one while it runs.
class FakeScript final : public ScriptOrModule {
public:
    bool is_module() const override { return false; }
};

TEST_F(PromiseJobOrderTest, JobsRunWithTheScriptOrModuleActiveAtEnqueueTime)
{
    FakeScript* script = agent.heap.allocate<FakeScript>();
    Value p = resolved(num(1));
    BuiltinFunction* handler = function(
        [this](Agent& agent, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
            log.push_back(GetActiveScriptOrModule(agent) ? "script" : "none");
            return Value::undefined();
        });
    ExecutionContext scriptContext;
    scriptContext.Realm = &realm();
    scriptContext.ScriptOrModule = script;
    agent.push_execution_context(scriptContext);
    then(p, handler);  // enqueued while the script runs
    agent.pop_execution_context(scriptContext);
    then(p, handler);  // enqueued outside it
    EXPECT_EQ(GetActiveScriptOrModule(agent), nullptr);
    run();
    EXPECT_EQ(take_log(), "script,none");
}

// HostMakeJobCallback is called by `then` (PerformPromiseThen steps 4, 6),
// HostCallJobCallback by the reaction job, with the same record.
class JobCallbackHost final : public DefaultHost {
public:
    JobCallbackRecord HostMakeJobCallback(Agent& agent, Object* callback) override
    {
        JobCallbackRecord record = DefaultHost::HostMakeJobCallback(agent, callback);
        record.HostDefined = Value::number(++made);
        return record;
    }
    ThrowCompletionOr<Value> HostCallJobCallback(Agent& agent, const JobCallbackRecord& jobCallback, Value V,
                                                 std::span<const Value> argumentsList) override
    {
        called.push_back(jobCallback.HostDefined.as_number());
        return DefaultHost::HostCallJobCallback(agent, jobCallback, V, argumentsList);
    }
    int made = 0;
    std::vector<double> called;
};

TEST(PromiseJobCallbacks, MadeAtThenTimeAndUsedByTheJob)
{
    JobCallbackHost host;
    Agent agent(host);
    MUST(InitializeHostDefinedRealm(agent));
    Object* Promise = agent.current_realm()->intrinsic(Intrinsic::Promise);
    auto noop = [](Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
        return Value::undefined();
    };
    Value record = MUST(Invoke(agent, Promise, agent.key("withResolvers")));
    Value promise = MUST(Get(agent, *record.as_object(), agent.key("promise")));
    Value resolve = MUST(Get(agent, *record.as_object(), agent.key("resolve")));
    Value handlers[] = {CreateBuiltinFunction(agent, noop, 0, agent.key("a")),
                        CreateBuiltinFunction(agent, noop, 0, agent.key("b"))};
    MUST(Invoke(agent, promise, agent.key("then"), handlers));
    EXPECT_EQ(host.made, 2);  // both handlers, at `then` time
    EXPECT_TRUE(host.called.empty());
    Value v = Value::number(1);
    MUST(Call(agent, resolve, Value::undefined(), std::span(&v, 1)));
    EXPECT_TRUE(host.called.empty());
    MUST(agent.run_jobs());
    EXPECT_EQ(host.called, std::vector<double>{1});  // the fulfil handler's record
}

}  // namespace
}  // namespace lockstep::testing
