// Atomics across agents (ECMA-262 §25.4.3): a second agent on a thread of
// its own shares a Shared Data Block with the test's agent; read-modify-write
// operations do not lose updates, a waiter's critical section and suspension
// let another agent's Atomics.notify wake it, and a waitAsync promise is
// resolved in its own agent by a job another agent's notify sends there.
#include <atomic>
#include <thread>

#include "abstract_ops/array_buffer_operations.h"
#include "builtins/atomics.h"
#include "runtime/array_buffer.h"
#include "runtime/typed_array_object.h"
#include "tests/algorithms/fixture.h"

namespace lockstep::testing {
namespace {

class AtomicsAgentsTest : public ScriptTest {
protected:
    void SetUp() override
    {
        ASSERT_EQ(eval("var i32 = new Int32Array(new SharedArrayBuffer(16)); i32.length"), "4");
        Value sab = MUST(Get(agent, *agent.current_realm()->GlobalObject, agent.key("i32")));
        block = as_typed_array(sab)->ViewedArrayBuffer->ArrayBufferData;
        block->shared_with_other_agents = true;
    }

    // Runs `source` in a new agent on a new thread, with `i32` an Int32Array
    // on the shared block, then its jobs until its waitAsync promises are
    // resolved; `result` gets the string value of its global `result`.
    std::thread other_agent(std::string source, std::string* result)
    {
        return std::thread([this, source, result] {
            DefaultHost otherHost;
            Agent other(otherHost);
            MUST(InitializeHostDefinedRealm(other));
            Realm& realm = *other.current_realm();
            ArrayBufferObject* sab =
                MUST(AllocateSharedArrayBuffer(other, *realm.intrinsic(Intrinsic::SharedArrayBuffer), 0));
            sab->ArrayBufferData = block;
            sab->ArrayBufferByteLength = block->size();
            MUST(CreateDataPropertyOrThrow(other, *realm.GlobalObject, other.key("sab"), sab));
            auto parsed = ParseScript(other, "var i32 = new Int32Array(sab);\n" + source, realm,
                                      Value::undefined(), "other.js");
            Root<ScriptRecord*> script(std::get<ScriptRecord*>(parsed));
            Completion completion = ScriptEvaluation(other, *script.get());
            // The resolutions other agents send, then the jobs they enqueue.
            while (PendingWaitAsyncPromises(other) > 0) {
                ReceiveResolveInAgentJobs(other, std::chrono::steady_clock::now() + std::chrono::milliseconds(10));
                MUST(other.run_jobs());
            }
            Value value = completion.is_throw_completion()
                              ? Value(other.heap.intern_ascii("threw"))
                              : MUST(Get(other, *realm.GlobalObject, other.key("result")));
            *result = MUST(ToString(other, value))->to_utf8();
        });
    }

    std::shared_ptr<DataBlock> block;
};

TEST_F(AtomicsAgentsTest, ReadModifyWriteLosesNoUpdate)
{
    std::string result;
    std::thread thread = other_agent("for (var k = 0; k < 20000; k++) Atomics.add(i32, 0, 1); var result = 'done';",
                                     &result);
    EXPECT_EQ(eval("for (var k = 0; k < 20000; k++) Atomics.sub(i32, 1, 1), Atomics.add(i32, 0, 1); 'done'"),
              "done");
    thread.join();
    EXPECT_EQ(result, "done");
    EXPECT_EQ(eval("Atomics.load(i32, 0) + ',' + Atomics.load(i32, 1)"), "40000,-20000");
}

TEST_F(AtomicsAgentsTest, NotifyWakesAWaiterOfAnotherAgent)
{
    std::string result;
    std::thread thread = other_agent("Atomics.store(i32, 1, 1); var result = Atomics.wait(i32, 0, 0);", &result);
    // Once the other agent waits (and not before), notify wakes exactly it.
    EXPECT_EQ(eval("while (Atomics.load(i32, 1) !== 1) ;\n"
                   "var woken; while ((woken = Atomics.notify(i32, 0)) === 0) ;\n"
                   "woken + ',' + Atomics.notify(i32, 0)"),
              "1,0");
    thread.join();
    EXPECT_EQ(result, "ok");
}

TEST_F(AtomicsAgentsTest, AWaitWithATimeoutTimesOutWhenNobodyNotifies)
{
    std::string result;
    std::thread thread = other_agent("var result = Atomics.wait(i32, 0, 0, 20);", &result);
    thread.join();
    EXPECT_EQ(result, "timed-out");
}

TEST_F(AtomicsAgentsTest, NotifyResolvesAWaitAsyncPromiseInItsAgent)
{
    std::string result;
    std::thread thread = other_agent("var result = 'pending';\n"
                                     "Atomics.waitAsync(i32, 0, 0).value.then(function (v) { result = v; });\n"
                                     "Atomics.store(i32, 1, 1);",
                                     &result);
    EXPECT_EQ(eval("while (Atomics.load(i32, 1) !== 1) ;\n"
                   "var woken; while ((woken = Atomics.notify(i32, 0)) === 0) ;\n"
                   "woken"),
              "1");
    thread.join();
    EXPECT_EQ(result, "ok");
}

}  // namespace
}  // namespace lockstep::testing
