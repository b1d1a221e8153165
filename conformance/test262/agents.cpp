#include "conformance/test262/agents.h"

#include <pthread.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "abstract_ops/array_buffer_operations.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/scripts.h"
#include "builtins/atomics.h"
#include "conformance/test262/test262_host.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep::conformance::test262 {

using Clock = std::chrono::steady_clock;

namespace {

// Started agents run on threads with stacks this big (the evaluator
// recurses on the native stack; the limit checks use the thread's stack).
constexpr size_t kAgentStackBytes = size_t(32) << 20;
// How long an idle event loop sleeps before it looks again at what other
// agents did (broadcasts, agents leaving): a wait, not a busy loop.
constexpr auto kPollInterval = std::chrono::milliseconds(5);
// How long the test's agent waits, once the test is over, for the agents it
// started to end before it leaves them behind.
constexpr auto kEndGrace = std::chrono::seconds(2);

Value ArgumentOrUndefined(std::span<const Value> arguments, size_t index)
{
    return index < arguments.size() ? arguments[index] : Value::undefined();
}

// What broadcast hands each agent: the SharedArrayBuffer's internal slots
// (its Shared Data Blocks are shared by ownership) and the id.
struct Broadcast {
    std::shared_ptr<DataBlock> data;
    uint64_t byteLength = 0;
    std::optional<uint64_t> maxByteLength;
    std::shared_ptr<DataBlock> byteLengthData;
    Value id = Value::undefined();  // a Number or undefined: no cell crosses threads
};

}  // namespace

struct WorkerAgent {
    std::string source;
    pthread_t thread{};
    std::shared_ptr<AgentGroup> group;
    bool gc_stress = false;  // as the test's agent's heap (--gc-stress)
    // Guarded by the group's mutex:
    bool running = false;   // its script has been evaluated
    bool exited = false;    // its thread has nothing left to do
    bool leaving = false;   // it called leaving()
    bool receiving = false; // it called receiveBroadcast()
    uint64_t received = 0;  // the serial number of the last broadcast it took
};

class AgentGroup {
public:
    std::mutex mutex;
    std::condition_variable changed;  // any field below, or a worker's
    std::vector<std::unique_ptr<WorkerAgent>> workers;
    std::deque<std::string> reports;
    uint64_t broadcast_serial = 0;
    Broadcast current_broadcast;
    bool ending = false;  // the test is over

    bool any_worker_running()
    {
        return std::any_of(workers.begin(), workers.end(), [](const auto& w) { return !w->exited; });
    }
};

namespace {

double MonotonicNow()
{
    static const Clock::time_point origin = Clock::now();
    return std::chrono::duration<double, std::milli>(Clock::now() - origin).count();
}

ThrowCompletionOr<Value> Sleep(Agent& agent, BuiltinFunction&, Value, std::span<const Value> arguments, Object*)
{
    double ms = TRY(ToNumber(agent, ArgumentOrUndefined(arguments, 0)));
    if (ms > 0) std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(std::min(ms, 1e9)));
    return Value::undefined();
}

ThrowCompletionOr<Value> MonotonicNowFunction(Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*)
{
    return Value::number(MonotonicNow());
}

void* RunWorkerThread(void* argument);

// $262.agent.start(source)
ThrowCompletionOr<Value> Start(Agent& agent, AgentHostState& state, std::span<const Value> arguments)
{
    String* source = TRY(ToString(agent, ArgumentOrUndefined(arguments, 0)));
    if (!state.group_) state.group_ = std::make_shared<AgentGroup>();
    AgentGroup& group = *state.group_;
    auto worker = std::make_unique<WorkerAgent>();
    worker->source = source->to_utf8();
    worker->group = state.group_;
    worker->gc_stress = agent.heap.stress();
    WorkerAgent* w = worker.get();
    {
        std::lock_guard lock(group.mutex);
        group.workers.push_back(std::move(worker));
    }
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, kAgentStackBytes);
    int error = pthread_create(&w->thread, &attributes, RunWorkerThread, w);
    pthread_attr_destroy(&attributes);
    if (error != 0) {
        std::lock_guard lock(group.mutex);
        w->exited = true;
        w->thread = pthread_t{};
        return throw_range_error(agent, "$262.agent.start: no thread for the agent");
    }
    // "Will block until that agent is running": here, until its script ran.
    std::unique_lock lock(group.mutex);
    group.changed.wait(lock, [&] { return w->running || w->exited; });
    return Value::undefined();
}

// $262.agent.broadcast(sab, id)
ThrowCompletionOr<Value> BroadcastFunction(Agent& agent, AgentHostState& state, std::span<const Value> arguments)
{
    Value argument = ArgumentOrUndefined(arguments, 0);
    auto* buffer = argument.is_object() ? dynamic_cast<ArrayBufferObject*>(argument.as_object()) : nullptr;
    if (!buffer || !IsSharedArrayBuffer(*buffer))
        return throw_type_error(agent, "$262.agent.broadcast: not a SharedArrayBuffer");
    Value id = ArgumentOrUndefined(arguments, 1);
    if (!state.group_) return Value::undefined();  // no agent to hand it to
    AgentGroup& group = *state.group_;
    buffer->ArrayBufferData->shared_with_other_agents = true;
    std::unique_lock lock(group.mutex);
    group.current_broadcast = Broadcast{buffer->ArrayBufferData, buffer->ArrayBufferByteLength,
                                        buffer->ArrayBufferMaxByteLength, buffer->ArrayBufferByteLengthData,
                                        id.is_number() ? id : Value::undefined()};
    uint64_t serial = ++group.broadcast_serial;
    group.changed.notify_all();
    // Until every running agent has taken it (one that ended never will).
    group.changed.wait(lock, [&] {
        return std::all_of(group.workers.begin(), group.workers.end(),
                           [&](const auto& w) { return w->exited || w->received >= serial; });
    });
    return Value::undefined();
}

// $262.agent.getReport()
ThrowCompletionOr<Value> GetReport(Agent& agent, AgentHostState& state)
{
    if (!state.group_) return Value::null();
    std::string report;
    {
        std::lock_guard lock(state.group_->mutex);
        if (state.group_->reports.empty()) return Value::null();
        report = std::move(state.group_->reports.front());
        state.group_->reports.pop_front();
    }
    return make_string_from_utf8(agent.heap, report);
}

// A started agent's $262.agent.report(value)
ThrowCompletionOr<Value> Report(Agent& agent, AgentHostState& state, std::span<const Value> arguments)
{
    String* text = TRY(ToString(agent, ArgumentOrUndefined(arguments, 0)));
    std::lock_guard lock(state.group_->mutex);
    state.group_->reports.push_back(text->to_utf8());
    state.group_->changed.notify_all();
    return Value::undefined();
}

// A started agent takes the broadcast it has not taken yet, if any, and
// calls its receiveBroadcast callback with it (as a job of its realm).
bool TakeBroadcast(Agent& agent, AgentHostState& state, Realm& realm)
{
    AgentGroup& group = *state.group_;
    Broadcast broadcast;
    {
        std::lock_guard lock(group.mutex);
        WorkerAgent& self = *state.worker_;
        if (!self.receiving || self.received >= group.broadcast_serial) return false;
        broadcast = group.current_broadcast;
        self.received = group.broadcast_serial;
        group.changed.notify_all();
    }
    Job job = [&agent, &state, &realm, broadcast]() -> ThrowCompletionOr<void> {
        // A SharedArrayBuffer of this realm on the same Shared Data Block.
        ArrayBufferObject* sab =
            TRY(AllocateSharedArrayBuffer(agent, *realm.intrinsic(Intrinsic::SharedArrayBuffer), 0));
        sab->ArrayBufferData = broadcast.data;
        sab->ArrayBufferByteLength = broadcast.byteLength;
        sab->ArrayBufferMaxByteLength = broadcast.maxByteLength;
        sab->ArrayBufferByteLengthData = broadcast.byteLengthData;
        Value callArguments[] = {sab, broadcast.id};
        TRY(Call(agent, state.callback_.get(), Value::undefined(), callArguments));
        return {};
    };
    agent.host.HostEnqueueGenericJob(agent, std::move(job), &realm);
    return true;
}

void* RunWorkerThread(void* argument)
{
    WorkerAgent& self = *static_cast<WorkerAgent*>(argument);
    AgentGroup& group = *self.group;
    std::string error;
    {
        Test262Host host;
        host.agents().worker_ = &self;
        host.agents().group_ = self.group;
        Agent agent(host);
        agent.heap.set_stress(self.gc_stress);
        auto report_error = [&](Value thrown) {
            Root<Value> held(thrown);
            auto text = ToString(agent, thrown);
            error = text.is_abrupt() ? "an exception" : text.value()->to_utf8();
        };
        ThrowCompletionOr<void> status = InitializeHostDefinedRealm(agent);
        Realm* realm = status.is_abrupt() ? nullptr : agent.current_realm();
        if (!realm) {
            report_error(status.thrown_value());
        } else {
            auto parsed = ParseScript(agent, self.source, *realm, Value::undefined(), "<agent>");
            if (auto* syntaxError = std::get_if<syntax::SyntaxError>(&parsed)) {
                error = "SyntaxError: " + syntaxError->message;
            } else {
                Root<ScriptRecord*> script(std::get<ScriptRecord*>(parsed));
                Completion result = ScriptEvaluation(agent, *script.get());
                if (result.is_throw_completion()) report_error(result.value);
            }
        }
        {
            std::lock_guard lock(group.mutex);
            self.running = true;
            group.changed.notify_all();
        }
        if (error.empty()) {
            ThrowCompletionOr<void> loop = RunEventLoop(agent, host.agents());
            if (loop.is_abrupt()) report_error(loop.thrown_value());
        }
    }
    if (!error.empty()) std::fprintf(stderr, "$262.agent: uncaught exception in an agent: %s\n", error.c_str());
    std::lock_guard lock(group.mutex);
    self.exited = true;
    group.changed.notify_all();
    return nullptr;
}

// Whether a started agent's event loop has something to wait for.
bool WorkerWaits(AgentHostState& state)
{
    std::lock_guard lock(state.group_->mutex);
    return !state.group_->ending && state.worker_->receiving && !state.worker_->leaving;
}

// Whether an agent other than this one is still running (and so could
// notify one of this agent's waiters).
bool OtherAgentsRun(AgentHostState& state)
{
    if (!state.group_) return false;
    std::lock_guard lock(state.group_->mutex);
    if (state.worker_) return !state.group_->ending || state.group_->workers.size() > 1;
    return state.group_->any_worker_running();
}

}  // namespace

AgentHostState::~AgentHostState()
{
    if (!group_ || worker_) return;
    AgentGroup& group = *group_;
    std::unique_lock lock(group.mutex);
    group.ending = true;
    group.changed.notify_all();
    // An agent blocked for good (waiting on a notification the test no
    // longer sends, or looping) is left behind rather than hang the runner;
    // it keeps what it uses alive (the group, its blocks).
    bool ended = group.changed.wait_for(lock, kEndGrace, [&] { return !group.any_worker_running(); });
    for (auto& worker : group.workers) {
        if (worker->thread == pthread_t{}) continue;
        if (ended || worker->exited) {
            lock.unlock();
            pthread_join(worker->thread, nullptr);
            lock.lock();
        } else {
            pthread_detach(worker->thread);
        }
    }
}

void AgentHostState::enqueue_timeout_job(Job job, Realm* realm, double milliseconds)
{
    auto due = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double, std::milli>(std::max(milliseconds, 0.0)));
    timeout_jobs_.emplace(due, TimeoutJob{std::move(job), realm});
}

bool AgentHostState::enqueue_due_jobs(Agent& agent)
{
    if (enqueuing_) return false;
    enqueuing_ = true;
    bool any = false;
    Clock::time_point now = Clock::now();
    while (!timeout_jobs_.empty() && timeout_jobs_.begin()->first <= now) {
        auto next = timeout_jobs_.begin();
        agent.job_queue.push_back(Agent::PendingJob{std::move(next->second.job), next->second.realm.get()});
        timeout_jobs_.erase(next);
        any = true;
    }
    if (ReceiveResolveInAgentJobs(agent, now)) any = true;
    enqueuing_ = false;
    return any;
}

ThrowCompletionOr<void> DefineAgentObject(Agent& agent, Realm& realm, Object& dollar262, AgentHostState& state)
{
    auto define = [&](Object& object, const char* name, Value value) {
        return DefinePropertyOrThrow(agent, object, agent.key(name),
                                     PropertyDescriptor{.value = value, .writable = true, .enumerable = false,
                                                        .configurable = true});
    };
    auto function = [&](BuiltinBehaviour behaviour, double length, const char* name) -> Value {
        return CreateBuiltinFunction(agent, std::move(behaviour), length, agent.key(name), {.realm = &realm});
    };
    AgentHostState* s = &state;
    Root<Object*> object(OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype)));
    if (!state.worker_) {
        TRY(define(*object.get(), "start",
                   function([s](Agent& a, BuiltinFunction&, Value, std::span<const Value> arguments, Object*) {
                       return Start(a, *s, arguments);
                   }, 1, "start")));
        TRY(define(*object.get(), "broadcast",
                   function([s](Agent& a, BuiltinFunction&, Value, std::span<const Value> arguments, Object*) {
                       return BroadcastFunction(a, *s, arguments);
                   }, 2, "broadcast")));
        TRY(define(*object.get(), "getReport",
                   function([s](Agent& a, BuiltinFunction&, Value, std::span<const Value>, Object*) {
                       return GetReport(a, *s);
                   }, 0, "getReport")));
    } else {
        TRY(define(*object.get(), "receiveBroadcast",
                   function([s](Agent& a, BuiltinFunction&, Value, std::span<const Value> arguments,
                                Object*) -> ThrowCompletionOr<Value> {
                       Value callback = ArgumentOrUndefined(arguments, 0);
                       if (!IsCallable(callback))
                           return throw_type_error(a, "$262.agent.receiveBroadcast: not a function");
                       s->callback_ = callback;
                       std::lock_guard lock(s->group_->mutex);
                       s->worker_->receiving = true;
                       return Value::undefined();
                   }, 1, "receiveBroadcast")));
        TRY(define(*object.get(), "report",
                   function([s](Agent& a, BuiltinFunction&, Value, std::span<const Value> arguments, Object*) {
                       return Report(a, *s, arguments);
                   }, 1, "report")));
        TRY(define(*object.get(), "leaving",
                   function([s](Agent&, BuiltinFunction&, Value, std::span<const Value>,
                                Object*) -> ThrowCompletionOr<Value> {
                       std::lock_guard lock(s->group_->mutex);
                       s->worker_->leaving = true;
                       return Value::undefined();
                   }, 0, "leaving")));
    }
    TRY(define(*object.get(), "sleep", function(Sleep, 1, "sleep")));
    TRY(define(*object.get(), "monotonicNow", function(MonotonicNowFunction, 0, "monotonicNow")));
    return define(dollar262, "agent", object.get());
}

ThrowCompletionOr<void> RunEventLoop(Agent& agent, AgentHostState& state)
{
    Realm* realm = agent.execution_context_stack.empty() ? nullptr : agent.execution_context_stack.front()->Realm;
    for (;;) {
        TRY(agent.run_jobs());
        if (state.enqueue_due_jobs(agent)) continue;
        if (state.worker_ && realm && TakeBroadcast(agent, state, *realm)) continue;
        Clock::time_point now = Clock::now();
        auto next = state.timeout_jobs_.begin();
        bool waits = next != state.timeout_jobs_.end() ||
                     (PendingWaitAsyncPromises(agent) > 0 && OtherAgentsRun(state)) ||
                     (state.worker_ && WorkerWaits(state));
        if (!waits) {
            // What an agent sent before it ended arrived before its end was seen.
            if (ReceiveResolveInAgentJobs(agent, now)) continue;
            return {};
        }
        Clock::time_point deadline = now + kPollInterval;
        if (next != state.timeout_jobs_.end()) deadline = std::min(deadline, next->first);
        ReceiveResolveInAgentJobs(agent, deadline);  // what arrives is run in the next round
    }
}

}  // namespace lockstep::conformance::test262
