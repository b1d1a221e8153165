// Generators (§27.5), async functions and Await (§27.7), async generators
// (§27.6), for await and yield* (§14.7.5, §15.5.5) on the stack switcher:
// results, job orderings derived from the spec step by step (and checked
// against node), and the behaviour of suspended contexts at the limits
// (stack exhaustion, abandonment, collection).
#include "abstract_ops/generator_operations.h"
#include "runtime/fiber.h"
#include "runtime/stack_pool.h"
#include "tests/algorithms/fixture.h"

namespace lockstep::testing {
namespace {

class GeneratorTest : public ScriptTest {
protected:
    // Runs `source` (which fills a global array `log`), then every pending
    // job; the log joined with ",", or "throw …" if the script threw.
    std::string run_log(const std::string& source)
    {
        std::string result = eval("var log = [];\n" + source);
        if (result.rfind("throw ", 0) == 0) return result;
        ThrowCompletionOr<void> jobs = agent.run_jobs();
        if (jobs.is_abrupt()) return "job threw " + describe(jobs.thrown_value());
        return eval("log.join()");
    }
};

// ---- generators -------------------------------------------------------------

TEST_F(GeneratorTest, NextPassesValuesInAndYieldsThemOut)
{
    EXPECT_EQ(eval("function* g(a) { var x = yield a; var y = yield x * 2; return x + y; }"
                   "var it = g(1); var r = [it.next(), it.next(5), it.next(7), it.next()];"
                   "r.map(o => o.value + ':' + o.done).join()"),
              "1:false,10:false,12:true,undefined:true");
}

TEST_F(GeneratorTest, ReturnRunsFinallyBlocksAndCompletes)
{
    EXPECT_EQ(run_log("function* g() { try { yield 1; log.push('not reached'); } finally { log.push('fin'); } }"
                      "var it = g(); it.next(); var r = it.return(9);"
                      "log.push(r.value + ':' + r.done); var n = it.next(); log.push(n.value + ':' + n.done);"),
              "fin,9:true,undefined:true");
}

// A return completion received by a yield deep inside an expression goes
// through the expression (which only carries throws) to the statement.
TEST_F(GeneratorTest, ReturnCompletionTravelsThroughExpressions)
{
    EXPECT_EQ(run_log("function* g() { try { var a = [1, { k: (yield 'in'), m: log.push('not reached') }]; }"
                      "  catch (e) { log.push('caught ' + e); } finally { log.push('fin'); } }"
                      "var it = g(); it.next(); var r = it.return('R'); log.push(r.value + ':' + r.done);"),
              "fin,R:true");
}

// finally may override the return with a yield of its own, then complete normally.
TEST_F(GeneratorTest, FinallyMayYieldDuringReturn)
{
    EXPECT_EQ(eval("function* g() { try { yield 1; } finally { yield 2; } }"
                   "var it = g(); it.next(); var a = it.return(5), b = it.next(), c = it.next();"
                   "[a.value, a.done, b.value, b.done, c.done].join()"),
              "2,false,5,true,true");
}

// IteratorClose sees the return completion as a return: a "return" method
// whose result is not an object then makes it a TypeError (§7.4.11 step 7).
TEST_F(GeneratorTest, DestructuringClosesItsIteratorWithTheReturnCompletion)
{
    EXPECT_EQ(eval("var iterable = { [Symbol.iterator]() { return { next() { return { done: false }; },"
                   "  return() { return null; } }; } };"
                   "var x; function* g() { [ x = yield ] = iterable; }"
                   "var it = g(); it.next(); try { it.return(1); 'no error' } catch (e) { e.constructor.name }"),
              "TypeError");
}

TEST_F(GeneratorTest, ThrowIsCatchableInsideTheGenerator)
{
    EXPECT_EQ(eval("function* g() { while (true) { try { yield 1; } catch (e) { yield 'caught ' + e; } } }"
                   "var it = g(); it.next(); it.throw('x').value"),
              "caught x");
    EXPECT_EQ(thrown_error_name("function* g() { yield 1; } var it = g(); it.throw(new RangeError('y'));"),
              "RangeError");
}

TEST_F(GeneratorTest, ResumingARunningGeneratorIsATypeError)
{
    EXPECT_EQ(eval("var it; function* g() { try { it.next(); } catch (e) { yield e.constructor.name; } }"
                   "it = g(); it.next().value"),
              "TypeError");
}

TEST_F(GeneratorTest, YieldStarForwardsNextThrowAndReturn)
{
    EXPECT_EQ(run_log("function* inner() { try { var v = yield 'i1'; log.push('inner got ' + v); yield 'i2'; }"
                      "  finally { log.push('inner fin'); } }"
                      "function* outer() { var r = yield* inner(); log.push('r=' + r); }"
                      "var it = outer(); log.push(it.next().value); log.push(it.next('A').value);"
                      "var r = it.return('Z'); log.push(r.value + ':' + r.done);"),
              "i1,inner got A,i2,inner fin,Z:true");
    EXPECT_EQ(run_log("var inner = { [Symbol.iterator]() { return this; }, next() { return { value: 1, done: false }; },"
                      "  return() { log.push('closed'); return {}; } };"
                      "function* outer() { yield* inner; }"
                      "var it = outer(); it.next(); try { it.throw('t'); } catch (e) { log.push(e.constructor.name); }"),
              "closed,TypeError");
}

TEST_F(GeneratorTest, GeneratorMethodsAndExpressionsHaveTheirPrototypes)
{
    EXPECT_EQ(eval("var o = { *m() { yield this.k; }, k: 3 }; o.m().next().value"), "3");
    EXPECT_EQ(eval("class C { static *s() { yield* [1, 2]; } } [...C.s()].join()"), "1,2");
    EXPECT_EQ(eval("var GeneratorFunction = Object.getPrototypeOf(function*(){}).constructor;"
                   "var g = new GeneratorFunction('a', 'yield a; yield a + 1;'); [...g(5)].join()"),
              "5,6");
    EXPECT_EQ(eval("function* g() {} Object.getPrototypeOf(g()) === g.prototype && "
                   "Object.prototype.toString.call(g())"),
              "[object Generator]");
}

// CreateIteratorFromClosure (§27.5.3.8), as built-ins use it: an Abstract
// Closure that Yields, driven by GeneratorResume / GeneratorResumeAbrupt
// with its brand; another brand (or none) is a TypeError.
TEST_F(GeneratorTest, IteratorFromAClosureYieldsUntilItReturns)
{
    String* brand = agent.heap.intern_ascii("Test Iterator");
    Agent* a = &agent;
    GeneratorObject* generator = CreateIteratorFromClosure(
        agent,
        [a]() -> Completion {
            for (double i = 1; i <= 2; ++i) {
                Completion received = Yield(*a, Value::number(i));
                if (received.is_abrupt()) return received;
            }
            return NormalCompletion(Value::undefined());
        },
        brand, *agent.current_realm()->intrinsic(Intrinsic::IteratorPrototype));
    Root<Object*> rootedGenerator(generator);
    auto next = [&](const String* withBrand) -> std::string {
        ThrowCompletionOr<Value> result = GeneratorResume(agent, generator, Value::undefined(), withBrand);
        if (result.is_abrupt()) return "throw " + describe(result.thrown_value());
        Object& object = *result.value().as_object();
        return MUST(ToString(agent, MUST(Get(agent, object, agent.key("value")))))->to_utf8() + ":" +
               (MUST(Get(agent, object, agent.key("done"))).as_bool() ? "done" : "more");
    };
    EXPECT_EQ(next(nullptr).substr(0, 15), "throw TypeError");
    EXPECT_EQ(next(brand), "1:more");
    EXPECT_EQ(next(brand), "2:more");
    EXPECT_EQ(next(brand), "undefined:done");
    EXPECT_EQ(next(brand), "undefined:done");

    GeneratorObject* closed = CreateIteratorFromClosure(
        agent, [a]() -> Completion { return Yield(*a, Value::number(7)); }, brand,
        *agent.current_realm()->intrinsic(Intrinsic::IteratorPrototype));
    Root<Object*> rootedClosed(closed);
    ASSERT_FALSE(GeneratorResume(agent, closed, Value::undefined(), brand).is_abrupt());
    ThrowCompletionOr<Value> returned = GeneratorResumeAbrupt(agent, closed, ReturnCompletion(Value::number(3)), brand);
    ASSERT_FALSE(returned.is_abrupt());
    EXPECT_EQ(MUST(Get(agent, *returned.value().as_object(), agent.key("value"))).as_number(), 3);
}

// ---- limits: native stacks, nesting, abandonment, collection -------------------

TEST_F(GeneratorTest, DeepRecursionInsideAGeneratorIsARangeError)
{
    EXPECT_EQ(eval("function r() { return r(); }"
                   "function* g() { try { r(); } catch (e) { yield e.constructor.name; } }"
                   "g().next().value"),
              "RangeError");
    EXPECT_EQ(eval("1 + 1"), "2");  // the agent keeps running
}

TEST_F(GeneratorTest, GeneratorsResumedInsideEachOtherWithoutEndAreARangeError)
{
    EXPECT_EQ(thrown_error_name("function* g() { yield* g(); } g().next();"), "RangeError");
    EXPECT_EQ(eval("[...(function*() { yield 1; })()].join()"), "1");
}

TEST_F(GeneratorTest, AsyncRecursionWithoutEndIsARangeError)
{
    EXPECT_EQ(run_log("async function f() { await f(); }"
                      "f().catch(e => log.push(e.constructor.name));"),
              "RangeError");
    EXPECT_EQ(eval("2 * 3"), "6");
}

TEST_F(GeneratorTest, CollectionKeepsWhatSuspendedGeneratorsReference)
{
    eval("function* g() { let o = { a: 42 }; let s = 'x'.repeat(3); yield; yield o.a + s; }"
         "var it = g(); it.next();");
    agent.heap.collect();
    eval("var garbage = []; for (var i = 0; i < 1000; i++) garbage.push({ i });");
    agent.heap.collect();
    EXPECT_EQ(eval("it.next().value"), "42xxx");
}

// An agent destroyed with generators suspended in try/finally: their fibers
// unwind (no finally block runs) and every stack goes back to the pool.
TEST(GeneratorLifetimeTest, AbandonedSuspendedGeneratorsAreUnwound)
{
    size_t stacksInUse = StackPool::shared().statistics().in_use;
    {
        DefaultHost host;
        Agent agent(host);
        MUST(InitializeHostDefinedRealm(agent));
        auto parsed = ParseScript(agent,
                                  "var ran = false, kept = [];"
                                  "function* g(i) { try { yield i; } finally { ran = true; } }"
                                  "for (var i = 0; i < 50; i++) { var it = g(i); it.next(); kept.push(it); }"
                                  "async function a() { await new Promise(() => {}); }"
                                  "for (var i = 0; i < 50; i++) a();",
                                  *agent.current_realm(), Value::undefined(), "abandon.js");
        Root<ScriptRecord*> script(std::get<ScriptRecord*>(parsed));
        ASSERT_FALSE(ScriptEvaluation(agent, *script.get()).is_abrupt());
        EXPECT_EQ(StackPool::shared().statistics().in_use, stacksInUse + 100);
    }
    EXPECT_EQ(StackPool::shared().statistics().in_use, stacksInUse);
}

// A suspended context is no root of its own (runtime/fiber.h): it lives as
// long as something reachable references it; an unreachable one is unwound
// and its stack goes back to the pool at the next collection.
class SuspendedContextCollectionTest : public GeneratorTest {
protected:
    size_t stacks_in_use() { return StackPool::shared().statistics().in_use; }
    // Collects with the dead part of the stack cleared, so stale words of
    // finished frames keep nothing alive.
    void collect()
    {
        clobber();
        agent.heap.collect();
    }
    [[gnu::noinline]] static void clobber()
    {
        volatile char buffer[16384];
        for (size_t i = 0; i < sizeof buffer; ++i) buffer[i] = 0;
    }
};

TEST_F(SuspendedContextCollectionTest, AnAbandonedGeneratorsStackGoesBackToThePool)
{
    size_t before = stacks_in_use();
    eval("function* g() { const big = [1, 2, 3]; yield 1; yield big.length; }"
         "for (let i = 0; i < 100; i++) { const it = g(); it.next(); }");
    EXPECT_GE(stacks_in_use(), before + 90);
    collect();
    EXPECT_LE(stacks_in_use(), before + 1);
}

TEST_F(SuspendedContextCollectionTest, AbandonedGeneratorsAreReclaimedByAutomaticCollection)
{
    ASSERT_TRUE(agent.heap.automatic_collection());
    size_t before = stacks_in_use();
    size_t collections = agent.heap.statistics().collections;
    eval("function* g() { yield 1; } for (let i = 0; i < 20000; i++) { const it = g(); it.next(); }");
    EXPECT_GT(agent.heap.statistics().collections, collections);
    EXPECT_LT(stacks_in_use(), before + 10000);
}

TEST_F(SuspendedContextCollectionTest, AGeneratorReferencedOnlyFromAPropertySurvivesAndResumes)
{
    size_t before = stacks_in_use();
    eval("var holder = { it: (function* () { const o = { a: 1 }; const s = 'x'.repeat(2);"
         "  const x = yield 'first'; yield o.a + x + s; yield 'last'; })() };"
         "holder.it.next().value");
    collect();  // its stack is copied out and its pages given back
    eval("var garbage = []; for (var i = 0; i < 1000; i++) garbage.push({ i, s: 'y' + i });");
    collect();
    EXPECT_EQ(stacks_in_use(), before + 1);
    EXPECT_EQ(eval("holder.it.next(41).value"), "42xx");
    collect();
    EXPECT_EQ(eval("holder.it.next().value"), "last");
    EXPECT_EQ(eval("holder.it.next().done"), "true");
    EXPECT_EQ(stacks_in_use(), before);
}

TEST_F(SuspendedContextCollectionTest, AGeneratorReferencingItselfIsReclaimed)
{
    size_t before = stacks_in_use();
    eval("function* g() { const me = yield; yield me; }"
         "for (let i = 0; i < 20; i++) { const it = g(); it.self = it; it.next(); it.next(it); }");
    EXPECT_GE(stacks_in_use(), before + 19);
    collect();
    EXPECT_LE(stacks_in_use(), before + 1);
}

TEST_F(SuspendedContextCollectionTest, AsyncFunctionsAwaitingAnUnreachablePromiseAreReclaimed)
{
    size_t before = stacks_in_use();
    eval("async function f() { const o = { a: 1 }; await new Promise(() => {}); return o; }"
         "for (let i = 0; i < 50; i++) f();");
    EXPECT_GE(stacks_in_use(), before + 49);
    collect();
    EXPECT_LE(stacks_in_use(), before + 1);
}

TEST_F(SuspendedContextCollectionTest, AnAsyncFunctionAwaitingAHeldPromiseIsKept)
{
    size_t before = stacks_in_use();
    eval("var log = [], resolveIt; var held = new Promise(r => { resolveIt = r; });"
         "(async () => { const o = { a: 1 }; const v = await held; log.push(v + o.a); })();");
    collect();
    collect();
    EXPECT_EQ(stacks_in_use(), before + 1);
    eval("resolveIt(6);");
    ASSERT_FALSE(agent.run_jobs().is_abrupt());
    EXPECT_EQ(eval("log.join()"), "7");
    EXPECT_EQ(stacks_in_use(), before);
}

TEST_F(SuspendedContextCollectionTest, AGeneratorResumedInsideAnotherSurvivesCollections)
{
    // Collections while an inner generator runs (resumed from an outer one
    // whose own frames are live): both stacks are on the resume chain.
    EXPECT_EQ(eval("function* inner() { for (let i = 0; i < 3; i++) { const o = { i }; yield o; } }"
                   "function* outer() { const it = inner(); let sum = 0; for (const o of it) {"
                   "  const junk = []; for (let k = 0; k < 2000; k++) junk.push({ k }); sum += o.i; yield sum; } }"
                   "[...outer()].join()"),
              "0,1,3");
}

// Each native stack keeps its own chain of evaluators (stack traces): a
// generator resumed from elsewhere traces through its own frames.
TEST_F(GeneratorTest, StackTracesFollowTheGeneratorsOwnFrames)
{
    Completion result = run("function* g() { yield 1; c(); }\n"
                            "function c() { throw new Error('y'); }\n"
                            "var it = g(); it.next();\n"
                            "function d() { it.next(); }\n"
                            "d();\n");
    ASSERT_TRUE(result.is_throw_completion());
    std::vector<StackPosition> trace = StackTraceOf(agent, result.value);
    ASSERT_GE(trace.size(), 2u);
    EXPECT_EQ(trace[0].line, 2u);
    EXPECT_EQ(trace[1].line, 1u);
}

// A generator completed before it started (return() / throw() at
// suspended-start) is never resumed: its stack goes back to the pool at once.
TEST_F(GeneratorTest, GeneratorsCompletedBeforeStartingGiveTheirStacksBack)
{
    size_t stacksInUse = StackPool::shared().statistics().in_use;
    eval("var kept = []; function* g() { yield 1; } async function* ag() { yield 1; }"
         "for (var i = 0; i < 20; i++) { var a = g(), b = g(), c = ag(), d = ag();"
         "  a.return(); try { b.throw(0); } catch (e) {} c.return(); d.throw(0).catch(() => {});"
         "  kept.push(a, b, c, d); }");
    EXPECT_EQ(StackPool::shared().statistics().in_use, stacksInUse);
    eval("var started = g(); started.next();");
    EXPECT_EQ(StackPool::shared().statistics().in_use, stacksInUse + 1);
    EXPECT_EQ(eval("started.next(); started.next().done"), "true");
    EXPECT_EQ(StackPool::shared().statistics().in_use, stacksInUse);
}

// ---- async functions: job ordering ----------------------------------------------

// Await(thenable): PromiseResolve makes a new promise P and resolves it with
// the thenable, which enqueues NewPromiseResolveThenableJob (T); P is pending,
// so Await's PerformPromiseThen waits. Queue [T, p1]. T calls then(): "then",
// and r(1) fulfils P, enqueuing the resumption A: [p1, A]. p1 enqueues p2:
// [A, p2]. A logs a2, then p2, p3.
TEST_F(GeneratorTest, AwaitOfAThenableTakesTheThenableJobFirst)
{
    EXPECT_EQ(run_log("const thenable = { then(r) { log.push('then'); r(1); } };"
                      "(async () => { log.push('a1'); const v = await thenable; log.push('a2:' + v); })();"
                      "Promise.resolve().then(() => log.push('p1')).then(() => log.push('p2'))"
                      "  .then(() => log.push('p3'));"
                      "log.push('sync');"),
              "a1,sync,then,p1,a2:1,p2,p3");
}

// r1 returns a promise: AsyncBlockStart step 2.g resolves R1 with it, which
// enqueues a thenable job J1 (then J1 enqueues resolveR1: two ticks). r2
// awaits an already fulfilled %Promise%: PromiseResolve returns it and the
// resumption J2 is enqueued at once; r2's return fulfils R2 directly.
// Queue [J1, J2, t1] → [J2, t1, RR1] → [t1, RR1, r2] → [RR1, r2, t2] →
// [r2, t2, r1] …
TEST_F(GeneratorTest, ReturnAwaitIsOneTickFasterThanReturningAPromise)
{
    EXPECT_EQ(run_log("async function r1() { return Promise.resolve(1); }"
                      "async function r2() { return await Promise.resolve(1); }"
                      "r1().then(() => log.push('r1')); r2().then(() => log.push('r2'));"
                      "Promise.resolve().then(() => log.push('t1')).then(() => log.push('t2'))"
                      "  .then(() => log.push('t3')).then(() => log.push('t4'));"),
              "t1,r2,t2,r1,t3,t4");
}

TEST_F(GeneratorTest, AsyncFunctionErrorsRejectItsPromise)
{
    EXPECT_EQ(run_log("async function f(x = (() => { throw 'param'; })()) {}"
                      "async function g() { await null; throw 'body'; }"
                      "f().catch(e => log.push(e)); g().catch(e => log.push(e));"
                      "(async () => { try { await Promise.reject('rej'); } catch (e) { log.push('caught ' + e); } })();"),
              "param,caught rej,body");
}

TEST_F(GeneratorTest, AsyncArrowsAndMethodsAwait)
{
    EXPECT_EQ(run_log("var o = { async m() { return (await 1) + this.k; }, k: 1 };"
                      "var arrow = async x => (await x) * 2;"
                      "o.m().then(v => log.push(v)); arrow(Promise.resolve(4)).then(v => log.push(v));"
                      "var AsyncFunction = Object.getPrototypeOf(async function(){}).constructor;"
                      "new AsyncFunction('a', 'return await a;')('dyn').then(v => log.push(v));"),
              "2,8,dyn");
}

// ---- async generators --------------------------------------------------------------

// next() starts the body, which runs to `yield 1` and Awaits 1 (Yield step 2).
// return("R"), next(), throw("E") are queued while it executes. The Await
// resumes: AsyncGeneratorYield completes p1 and, the queue not being empty,
// takes return("R") without suspending: Await("R") (UnwrapYieldResumption),
// so p1's reaction runs first; then the return runs the finally block, the
// body completes p2 {R, done} and AsyncGeneratorDrainQueue completes p3
// {undefined, done} and rejects p4 with "E", in queue order.
TEST_F(GeneratorTest, AsyncGeneratorReturnAndThrowWhileQueued)
{
    EXPECT_EQ(run_log("async function* g() { try { log.push('start'); yield 1; log.push('after1'); yield 2; }"
                      "  finally { log.push('fin'); } }"
                      "const it = g();"
                      "const p1 = it.next(), p2 = it.return('R'), p3 = it.next(), p4 = it.throw('E');"
                      "log.push('sync');"
                      "p1.then(v => log.push('p1:' + JSON.stringify(v)));"
                      "p2.then(v => log.push('p2:' + JSON.stringify(v)));"
                      "p3.then(v => log.push('p3:' + JSON.stringify(v)));"
                      "p4.then(v => log.push('p4:' + JSON.stringify(v)), e => log.push('p4 rejected:' + e));"),
              "start,sync,p1:{\"value\":1,\"done\":false},fin,p2:{\"value\":\"R\",\"done\":true},"
              "p3:{\"done\":true},p4 rejected:E");
}

// yield* to an async iterator: each inner result is Awaited (§15.5.5 step
// 8.a.ii) and its value yielded with AsyncGeneratorYield; the ticks t1…
// pin where each step lands (checked against node).
TEST_F(GeneratorTest, YieldStarDelegatesToAnAsyncIterator)
{
    EXPECT_EQ(run_log("const inner = { i: 0, [Symbol.asyncIterator]() { return this; },"
                      "  next(v) { log.push('next(' + v + ')'); this.i++;"
                      "    return Promise.resolve({ value: 'v' + this.i, done: this.i > 2 }); },"
                      "  return(v) { log.push('return(' + v + ')'); return { value: 'ret', done: true }; } };"
                      "async function* outer() { const r = yield* inner; log.push('r=' + r); return 'end'; }"
                      "const it = outer();"
                      "(async () => {"
                      "  log.push(JSON.stringify(await it.next('a'))); log.push(JSON.stringify(await it.next('b')));"
                      "  log.push(JSON.stringify(await it.next('c'))); log.push(JSON.stringify(await it.next('d')));"
                      "})();"
                      "let t = Promise.resolve(); for (let i = 1; i <= 12; i++) t = t.then(() => log.push('t' + i));"),
              "next(undefined),t1,{\"value\":\"v1\",\"done\":false},next(b),t2,t3,{\"value\":\"v2\",\"done\":false},"
              "next(c),t4,r=v3,t5,t6,{\"value\":\"end\",\"done\":true},t7,{\"done\":true},t8,t9,t10,t11,t12");
}

// return() during yield* reaches the inner async iterator's return, whose
// result is Awaited (step 8.c.v); an inner result's value is yielded as is
// (a promise value is not unwrapped by yield*).
TEST_F(GeneratorTest, YieldStarForwardsReturnToAnAsyncIterator)
{
    EXPECT_EQ(run_log("const inner = { [Symbol.asyncIterator]() { return this; },"
                      "  next() { return { value: Promise.resolve('p'), done: false }; },"
                      "  return(v) { log.push('return(' + v + ')');"
                      "    return Promise.resolve({ value: 'inner-ret', done: true }); } };"
                      "async function* outer() { try { yield* inner; } finally { log.push('outer finally'); } }"
                      "const it = outer();"
                      "(async () => {"
                      "  const a = await it.next(); log.push('a.value is promise: ' + (a.value instanceof Promise));"
                      "  log.push(JSON.stringify(await it.return('X'))); log.push(JSON.stringify(await it.next()));"
                      "})();"
                      "let t = Promise.resolve(); for (let i = 1; i <= 10; i++) t = t.then(() => log.push('t' + i));"),
              "t1,a.value is promise: true,t2,return(X),t3,outer finally,t4,{\"value\":\"inner-ret\",\"done\":true},"
              "t5,{\"done\":true},t6,t7,t8,t9,t10");
}

TEST_F(GeneratorTest, ForAwaitOverSyncAndAsyncIterables)
{
    EXPECT_EQ(run_log("async function* ag() { yield 1; yield await Promise.resolve(2); }"
                      "(async () => {"
                      "  for await (const v of ag()) log.push('a' + v);"
                      "  for await (const v of [Promise.resolve('x'), 'y']) log.push(v);"
                      "  try { for await (const v of [Promise.reject('boom')]) log.push(v); }"
                      "  catch (e) { log.push('caught ' + e); }"
                      "  for await (const v of ag()) { log.push('break at ' + v); break; }"
                      "})();"),
              "a1,a2,x,y,caught boom,break at 1");
}

}  // namespace
}  // namespace lockstep::testing
