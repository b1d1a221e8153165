// ECMA-262 §25.4 The Atomics Object. Agents may run on threads of their own
// (the test262 host's $262.agent), sharing Shared Data Blocks. The memory
// model's events are not recorded: ~seq-cst~ accesses to a shared block take
// the block's lock (runtime/array_buffer.h), so they happen one at a time in
// one total order, and every read observes the bytes of the last write. A
// WaiterList's critical section is a mutex; a suspended agent waits on the
// list's condition variable.
#include "builtins/atomics.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/promise_operations.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "builtins/typed_array.h"
#include "runtime/bigint.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

Value number(double d) { return Value::number(d); }

// "the time value (UTC) identifying the current time", in milliseconds.
double current_time_value()
{
    using namespace std::chrono;
    return double(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

// §25.4.3.1 ValidateIntegerTypedArray ( typedArray, waitable )
ThrowCompletionOr<TypedArrayWithBufferWitnessRecord> ValidateIntegerTypedArray(Agent& agent, Value typedArray,
                                                                               bool waitable)
{
    SPEC_ALGORITHM("sec-validateintegertypedarray");
    STEP("1");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateTypedArray(agent, typedArray, Order::Unordered));
    TypedArrayObject& O = *taRecord.Object;
    STEP("2");
    STEP("3");
    if (waitable) {
        STEP("3.a");
        ElementType type = TypedArrayElementType(O);
        if (type != ElementType::Int32 && type != ElementType::BigInt64)
            return throw_type_error(agent, "Atomics: the TypedArray is neither an Int32Array nor a BigInt64Array");
    } else {
        STEP("4");
        STEP("4.a");
        ElementType type = TypedArrayElementType(O);
        STEP("4.b");
        if (!IsUnclampedIntegerElementType(type) && !IsBigIntElementType(type))
            return throw_type_error(agent, "Atomics: the TypedArray is not an integer TypedArray");
    }
    STEP("5");
    return taRecord;
}

// §25.4.3.2 ValidateAtomicAccess ( taRecord, requestIndex )
ThrowCompletionOr<uint64_t> ValidateAtomicAccess(Agent& agent, const TypedArrayWithBufferWitnessRecord& taRecord,
                                                 Value requestIndex)
{
    SPEC_ALGORITHM("sec-validateatomicaccess");
    STEP("1");
    uint64_t length = TypedArrayLength(taRecord);
    STEP("2");
    uint64_t accessIndex = TRY(ToIndex(agent, requestIndex));
    STEP("3");
    STEP("4");
    if (accessIndex >= length) return throw_range_error(agent, "Atomics: index is out of range");
    STEP("5");
    TypedArrayObject& typedArray = *taRecord.Object;
    STEP("6");
    uint32_t elementSize = TypedArrayElementSize(typedArray);
    STEP("7");
    uint64_t offset = typedArray.ByteOffset;
    STEP("8");
    return accessIndex * elementSize + offset;
}

// §25.4.3.3 ValidateAtomicAccessOnIntegerTypedArray ( typedArray, requestIndex )
ThrowCompletionOr<uint64_t> ValidateAtomicAccessOnIntegerTypedArray(Agent& agent, Value typedArray, Value requestIndex)
{
    SPEC_ALGORITHM("sec-validateatomicaccessonintegertypedarray");
    STEP("1");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateIntegerTypedArray(agent, typedArray, false));
    STEP("2");
    return ValidateAtomicAccess(agent, taRecord, requestIndex);
}

// §25.4.3.4 RevalidateAtomicAccess ( typedArray, byteIndexInBuffer )
ThrowCompletionOr<void> RevalidateAtomicAccess(Agent& agent, TypedArrayObject& typedArray, uint64_t byteIndexInBuffer)
{
    SPEC_ALGORITHM("sec-revalidateatomicaccess");
    STEP("1");
    TypedArrayWithBufferWitnessRecord taRecord =
        MakeTypedArrayWithBufferWitnessRecord(agent, typedArray, Order::Unordered);
    STEP("2");
    STEP("3");
    if (IsTypedArrayOutOfBounds(taRecord)) return throw_type_error(agent, "Atomics: the TypedArray is out of bounds");
    STEP("4");
    SPEC_ASSERT(byteIndexInBuffer >= typedArray.ByteOffset);
    STEP("5");
    if (byteIndexInBuffer >= *taRecord.CachedBufferByteLength)
        return throw_range_error(agent, "Atomics: index is out of range");
    STEP("6");
    return {};
}

// §25.4.3.5 GetWaiterList ( block, i )
WaiterListRecord& GetWaiterList(DataBlock& block, uint64_t i)
{
    SPEC_ALGORITHM("sec-getwaiterlist");
    STEP("1");
    SPEC_ASSERT(i + 3 < block.size());
    STEP("2");
    std::lock_guard lock(block.waiter_lists_mutex);  // other agents' threads may add lists meanwhile
    return block.waiter_lists[i];
}

// The waitAsync promises of one agent and the resolutions other agents send
// it (Agent::atomics_waiters). [[PromiseCapability]]'s cells are the
// waiting agent's: it keeps them alive while the promise is pending, and
// only its thread touches them; another agent's Atomics.notify hands the
// Waiter Record to this agent's thread (EnqueueResolveInAgentJob).
class AgentWaiters final : public RootProvider {
public:
    explicit AgentWaiters(Agent& agent) : agent_(agent)
    {
        agent.heap.add_root_provider(this);
        std::lock_guard lock(registry_mutex());
        registry()[agent.Signifier] = this;
    }
    ~AgentWaiters()
    {
        {
            std::lock_guard lock(registry_mutex());
            registry().erase(agent_.Signifier);
        }
        agent_.heap.remove_root_provider(this);
    }

    static AgentWaiters& of(Agent& agent)
    {
        if (!agent.atomics_waiters) agent.atomics_waiters = std::make_shared<AgentWaiters>(agent);
        return *static_cast<AgentWaiters*>(agent.atomics_waiters.get());
    }

    // This agent's thread only: the waitAsync Waiter Records whose promise
    // is not resolved yet.
    std::set<std::shared_ptr<WaiterRecord>> pending;

    // Any thread: hands a Waiter Record of this agent and its resolution to
    // the agent's thread; false if the agent no longer exists.
    static bool post(uint32_t agentSignifier, std::shared_ptr<WaiterRecord> waiterRecord, const char* resolution)
    {
        std::lock_guard lock(registry_mutex());
        auto it = registry().find(agentSignifier);
        if (it == registry().end()) return false;
        AgentWaiters& target = *it->second;
        std::lock_guard inbox_lock(target.inbox_mutex_);
        target.inbox_.push_back({std::move(waiterRecord), resolution});
        target.arrived_.notify_all();
        return true;
    }

    struct Delivery {
        std::shared_ptr<WaiterRecord> waiterRecord;
        const char* resolution;
    };
    // This agent's thread: what other agents sent, waiting until `deadline`
    // for something to arrive.
    std::vector<Delivery> receive(std::chrono::steady_clock::time_point deadline)
    {
        std::unique_lock lock(inbox_mutex_);
        arrived_.wait_until(lock, deadline, [&] { return !inbox_.empty(); });
        return std::exchange(inbox_, {});
    }

    void visit_roots(Visitor& visitor) override
    {
        for (const auto& waiterRecord : pending) {
            visitor.visit(waiterRecord->Promise);
            visitor.visit(waiterRecord->Resolve);
        }
    }

private:
    static std::mutex& registry_mutex()
    {
        static std::mutex mutex;
        return mutex;
    }
    static std::map<uint32_t, AgentWaiters*>& registry()  // by agent signifier
    {
        static std::map<uint32_t, AgentWaiters*> agents;
        return agents;
    }

    Agent& agent_;
    std::mutex inbox_mutex_;
    std::condition_variable arrived_;
    std::vector<Delivery> inbox_;
};

// How many critical sections this thread's agent is in (at most one).
thread_local unsigned t_critical_sections = 0;

bool in_critical_section(const WaiterListRecord& WL)
{
    return WL.holder.load() == std::this_thread::get_id();
}

// §25.4.3.6 EnterCriticalSection ( WL )
void EnterCriticalSection(WaiterListRecord& WL)
{
    SPEC_ALGORITHM("sec-entercriticalsection");
    STEP("1");
    SPEC_ASSERT(t_critical_sections == 0);
    STEP("2");
    WL.critical_section.lock();
    WL.holder = std::this_thread::get_id();
    ++t_critical_sections;
    STEP("3");
    STEP("3.a-3.f");  // the Synchronize events are not recorded
    STEP("4");
}

// §25.4.3.7 LeaveCriticalSection ( WL )
void LeaveCriticalSection(WaiterListRecord& WL)
{
    SPEC_ALGORITHM("sec-leavecriticalsection");
    STEP("1");
    SPEC_ASSERT(in_critical_section(WL));
    STEP("2-6");  // the Synchronize event is not recorded
    STEP("7");
    WL.holder = std::thread::id();
    --t_critical_sections;
    WL.critical_section.unlock();
    STEP("8");
}

// §25.4.3.8 AddWaiter ( WL, waiterRecord )
void AddWaiter(WaiterListRecord& WL, std::shared_ptr<WaiterRecord> waiterRecord)
{
    SPEC_ALGORITHM("sec-addwaiter");
    STEP("1");
    SPEC_ASSERT(in_critical_section(WL));
    STEP("2");
    STEP("3");
    WL.Waiters.push_back(std::move(waiterRecord));
    STEP("4");
}

// §25.4.3.9 RemoveWaiter ( WL, waiterRecord )
void RemoveWaiter(WaiterListRecord& WL, const std::shared_ptr<WaiterRecord>& waiterRecord)
{
    SPEC_ALGORITHM("sec-removewaiter");
    STEP("1");
    SPEC_ASSERT(in_critical_section(WL));
    STEP("2");
    auto it = std::find(WL.Waiters.begin(), WL.Waiters.end(), waiterRecord);
    SPEC_ASSERT(it != WL.Waiters.end());
    STEP("3");
    WL.Waiters.erase(it);
    STEP("4");
}

// §25.4.3.10 RemoveWaiters ( WL, c )
std::vector<std::shared_ptr<WaiterRecord>> RemoveWaiters(WaiterListRecord& WL, double c)
{
    SPEC_ALGORITHM("sec-removewaiters");
    STEP("1");
    SPEC_ASSERT(in_critical_section(WL));
    STEP("2");
    size_t len = WL.Waiters.size();
    STEP("3");
    size_t n = c < double(len) ? size_t(c) : len;
    STEP("4");
    std::vector<std::shared_ptr<WaiterRecord>> L(WL.Waiters.begin(), WL.Waiters.begin() + ptrdiff_t(n));
    STEP("5");
    WL.Waiters.erase(WL.Waiters.begin(), WL.Waiters.begin() + ptrdiff_t(n));
    STEP("6");
    return L;
}

bool contains(const WaiterListRecord& WL, const std::shared_ptr<WaiterRecord>& waiterRecord)
{
    return std::find(WL.Waiters.begin(), WL.Waiters.end(), waiterRecord) != WL.Waiters.end();
}

// §25.4.3.11 SuspendThisAgent ( WL, waiterRecord )
void SuspendThisAgent(Agent& agent, WaiterListRecord& WL, const std::shared_ptr<WaiterRecord>& waiterRecord)
{
    SPEC_ALGORITHM("sec-suspendthisagent");
    STEP("1");
    SPEC_ASSERT(in_critical_section(WL));
    STEP("2");
    SPEC_ASSERT(contains(WL, waiterRecord));
    STEP("3");
    uint32_t thisAgent = AgentSignifier(agent);
    STEP("4");
    SPEC_ASSERT(waiterRecord->AgentSignifier == thisAgent);
    STEP("5");
    SPEC_ASSERT(waiterRecord->blocking);
    STEP("6");
    SPEC_ASSERT(AgentCanSuspend(agent));
    STEP("7");
    // LeaveCriticalSection(WL), and the condition variable's wait leaves the
    // mutex and suspends in one step, so no notification is lost. Only
    // NotifyWaiter (which first removes the record from WL) or the timeout
    // ends the wait; any other wake-up of the thread waits on.
    WL.holder = std::thread::id();
    --t_critical_sections;
    std::unique_lock lock(WL.critical_section, std::adopt_lock);
    auto notified = [&] { return !contains(WL, waiterRecord); };
    if (std::isinf(waiterRecord->TimeoutTime)) {
        WL.suspended_agents.wait(lock, notified);
    } else {
        auto timeoutTime = std::chrono::system_clock::time_point(
            std::chrono::milliseconds(int64_t(std::ceil(waiterRecord->TimeoutTime))));
        WL.suspended_agents.wait_until(lock, timeoutTime, notified);
    }
    lock.unlock();
    STEP("8");
    EnterCriticalSection(WL);
    STEP("9");
}

// §25.4.3.13 EnqueueResolveInAgentJob ( agentSignifier, promiseCapability, resolution ),
// performed by the target agent's thread: the notifying agent's thread only
// delivers the call (send_resolve_in_agent_job), since an agent must not
// access another agent's promise capability, nor its job queue.
void EnqueueResolveInAgentJob(Agent& agent, uint32_t agentSignifier, std::shared_ptr<WaiterRecord> waiterRecord,
                              const char* resolution)
{
    SPEC_ALGORITHM("sec-enqueueresolveinagentjob");
    STEP("1");
    Job resolveJob = [&agent, agentSignifier, waiterRecord, resolution]() -> ThrowCompletionOr<void> {
        STEP("1.a");
        SPEC_ASSERT(AgentSignifier(agent) == agentSignifier);
        STEP("1.b");
        Value result = agent.heap.intern_ascii(resolution);
        MUST(Call(agent, waiterRecord->Resolve, Value::undefined(), std::span(&result, 1)));
        AgentWaiters::of(agent).pending.erase(waiterRecord);  // the promise is resolved
        STEP("1.c");
        return {};
    };
    STEP("2");
    Realm* realmInTargetAgent = MUST(GetFunctionRealm(agent, *waiterRecord->Resolve));
    STEP("3");  // the realm is the target agent's: this is its thread
    SPEC_ASSERT(AgentSignifier(agent) == agentSignifier);
    STEP("4");
    agent.host.HostEnqueueGenericJob(agent, std::move(resolveJob), realmInTargetAgent);
    STEP("5");
}

// The notifying agent's half of EnqueueResolveInAgentJob: the call goes to
// the thread of the agent whose signifier is agentSignifier (if that agent
// is gone, its promise is gone with it).
void send_resolve_in_agent_job(uint32_t agentSignifier, std::shared_ptr<WaiterRecord> waiterRecord,
                               const char* resolution)
{
    AgentWaiters::post(agentSignifier, std::move(waiterRecord), resolution);
}

// §25.4.3.12 NotifyWaiter ( WL, waiterRecord )
void NotifyWaiter(Agent& agent, WaiterListRecord& WL, const std::shared_ptr<WaiterRecord>& waiterRecord)
{
    SPEC_ALGORITHM("sec-notifywaiter");
    STEP("1");
    SPEC_ASSERT(in_critical_section(WL));
    STEP("2");
    if (waiterRecord->blocking) {
        STEP("2.a");  // the record is no longer in WL: its agent's wait ends
        WL.suspended_agents.notify_all();
        STEP("2.b");
    } else if (AgentSignifier(agent) == waiterRecord->AgentSignifier) {
        STEP("3");
        STEP("3.a");
        Value resolve = waiterRecord->Resolve;
        STEP("3.b");
        Value result = agent.heap.intern_ascii(waiterRecord->Result);
        MUST(Call(agent, resolve, Value::undefined(), std::span(&result, 1)));
        AgentWaiters::of(agent).pending.erase(waiterRecord);  // the promise is resolved
    } else {
        STEP("4");
        STEP("4.a");
        send_resolve_in_agent_job(waiterRecord->AgentSignifier, waiterRecord, waiterRecord->Result);
    }
    STEP("5");
}

// §25.4.3.15 EnqueueAtomicsWaitAsyncTimeoutJob ( WL, waiterRecord )
void EnqueueAtomicsWaitAsyncTimeoutJob(Agent& agent, std::shared_ptr<DataBlock> block, uint64_t i,
                                       std::shared_ptr<WaiterRecord> waiterRecord)
{
    SPEC_ALGORITHM("sec-enqueueatomicswaitasynctimeoutjob");
    STEP("1");
    // The job keeps the block (and so WL) and the waiter record alive.
    Job timeoutJob = [&agent, block, i, waiterRecord]() -> ThrowCompletionOr<void> {
        WaiterListRecord& WL = GetWaiterList(*block, i);
        STEP("1.a");
        EnterCriticalSection(WL);
        STEP("1.b");
        if (contains(WL, waiterRecord)) {
            STEP("1.b.i");
            double timeOfJobExecution = current_time_value();
            STEP("1.b.ii");
            // A host may run a timeout job before its time: wait for it here.
            if (timeOfJobExecution < waiterRecord->TimeoutTime)
                std::this_thread::sleep_for(std::chrono::milliseconds(
                    int64_t(std::ceil(waiterRecord->TimeoutTime - timeOfJobExecution))));
            STEP("1.b.iii");
            waiterRecord->Result = "timed-out";
            STEP("1.b.iv");
            RemoveWaiter(WL, waiterRecord);
            STEP("1.b.v");
            NotifyWaiter(agent, WL, waiterRecord);
        }
        STEP("1.c");
        LeaveCriticalSection(WL);
        STEP("1.d");
        return {};
    };
    STEP("2");
    double now = current_time_value();
    STEP("3");
    Realm* currentRealm = agent.current_realm();
    STEP("4");
    agent.host.HostEnqueueTimeoutJob(agent, std::move(timeoutJob), currentRealm, waiterRecord->TimeoutTime - now);
    STEP("5");
}

enum class WaitMode : uint8_t { Sync, Async };

// §25.4.3.14 DoWait ( mode, typedArray, index, value, timeout )
ThrowCompletionOr<Value> DoWait(Agent& agent, WaitMode mode, Value typedArrayValue, Value index, Value value,
                                Value timeout)
{
    SPEC_ALGORITHM("sec-dowait");
    STEP("1");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateIntegerTypedArray(agent, typedArrayValue, true));
    TypedArrayObject& typedArray = *taRecord.Object;
    STEP("2");
    Root<ArrayBufferObject*> buffer(typedArray.ViewedArrayBuffer);
    STEP("3");
    if (!IsSharedArrayBuffer(*buffer)) return throw_type_error(agent, "Atomics.wait: the buffer is not shared");
    STEP("4");
    uint64_t i = TRY(ValidateAtomicAccess(agent, taRecord, index));
    STEP("5");
    ElementType arrayTypeName = TypedArrayElementType(typedArray);
    Value v;
    STEP("6");
    if (arrayTypeName == ElementType::BigInt64) {
        v = Value(BigInt::create(agent.heap, BigInt::Integer(TRY(ToBigInt64(agent, value)))));
    } else {
        STEP("7");
        v = number(TRY(ToInt32(agent, value)));
    }
    Root<Value> rootedV(v);
    STEP("8");
    double q = TRY(ToNumber(agent, timeout));
    STEP("9");
    double t = std::isnan(q) || q == INFINITY ? INFINITY : q == -INFINITY ? 0 : std::max(q, 0.0);
    STEP("10");
    if (mode == WaitMode::Sync && !AgentCanSuspend(agent))
        return throw_type_error(agent, "Atomics.wait: this agent cannot suspend");
    STEP("11");
    std::shared_ptr<DataBlock> block = buffer->ArrayBufferData;
    STEP("12");
    [[maybe_unused]] uint64_t offset = typedArray.ByteOffset;
    STEP("13");
    // ValidateAtomicAccess (step 4) already returned (index × 4) + offset, a
    // byte index; scaling it again as step 13 reads would address the wrong
    // element (an editorial slip of the pinned draft), so i is used as is.
    uint64_t byteIndexInBuffer = i;
    STEP("14");
    WaiterListRecord& WL = GetWaiterList(*block, byteIndexInBuffer);
    PromiseCapabilityRecord promiseCapability{};
    Root<Object*> resultObject;
    STEP("15");
    if (mode == WaitMode::Sync) {
        STEP("15.a");
        STEP("15.b");
    } else {
        STEP("16");
        STEP("16.a");
        promiseCapability = MUST(NewPromiseCapability(agent, agent.current_realm()->intrinsic(Intrinsic::Promise)));
        STEP("16.b");
        resultObject = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
    }
    Root<Object*> promise(promiseCapability.Promise), resolve(promiseCapability.Resolve);
    STEP("17");
    EnterCriticalSection(WL);
    STEP("18");
    ElementType elementType = TypedArrayElementType(typedArray);
    STEP("19");
    Value w = GetValueFromBuffer(agent, *buffer, byteIndexInBuffer, elementType, true, Order::SeqCst);
    STEP("20");
    bool equal = v.is_bigint() ? BigInt::equal(*v.as_bigint(), *w.as_bigint()) : v.as_number() == w.as_number();
    if (!equal) {
        STEP("20.a");
        LeaveCriticalSection(WL);
        STEP("20.b");
        if (mode == WaitMode::Sync) return Value(agent.heap.intern_ascii("not-equal"));
        STEP("20.c");
        MUST(CreateDataPropertyOrThrow(agent, *resultObject.get(), agent.key("async"), Value::boolean(false)));
        STEP("20.d");
        MUST(CreateDataPropertyOrThrow(agent, *resultObject.get(), agent.key("value"),
                                       agent.heap.intern_ascii("not-equal")));
        STEP("20.e");
        return Value(resultObject.get());
    }
    STEP("21");
    if (t == 0 && mode == WaitMode::Async) {
        STEP("21.a");
        STEP("21.b");
        LeaveCriticalSection(WL);
        STEP("21.c");
        MUST(CreateDataPropertyOrThrow(agent, *resultObject.get(), agent.key("async"), Value::boolean(false)));
        STEP("21.d");
        MUST(CreateDataPropertyOrThrow(agent, *resultObject.get(), agent.key("value"),
                                       agent.heap.intern_ascii("timed-out")));
        STEP("21.e");
        return Value(resultObject.get());
    }
    STEP("22");
    uint32_t thisAgent = AgentSignifier(agent);
    STEP("23");
    double now = current_time_value();
    STEP("24");
    // The time value counts whole milliseconds, so `now` may lag the clock by
    // up to one: one more keeps a wait from ending before t has passed.
    double additionalTimeout = 1;
    STEP("25");
    double timeoutTime = now + t + additionalTimeout;
    STEP("26");
    STEP("27");
    auto waiterRecord = std::make_shared<WaiterRecord>(WaiterRecord{thisAgent, mode == WaitMode::Sync,
                                                                    promiseCapability.Promise,
                                                                    promiseCapability.Resolve, timeoutTime, "ok"});
    // This agent keeps the promise alive until it is resolved.
    if (mode == WaitMode::Async) AgentWaiters::of(agent).pending.insert(waiterRecord);
    STEP("28");
    AddWaiter(WL, waiterRecord);
    STEP("29");
    if (mode == WaitMode::Sync) {
        STEP("29.a");
        // Only another agent that shares the block could notify this one;
        // if there is none, a wait without a timeout would never end, and
        // lockstep reports that instead of hanging (an implementation limit).
        if (std::isinf(timeoutTime) && !block->shared_with_other_agents) {
            RemoveWaiter(WL, waiterRecord);
            LeaveCriticalSection(WL);
            return throw_range_error(agent, "Atomics.wait would block forever: no other agent can notify this one");
        }
        SuspendThisAgent(agent, WL, waiterRecord);
        // The wait ended by its timeout: the timeout removes the waiter with
        // the result "timed-out" (a notified waiter is no longer in WL).
        if (contains(WL, waiterRecord)) {
            waiterRecord->Result = "timed-out";
            RemoveWaiter(WL, waiterRecord);
        }
    } else if (std::isfinite(timeoutTime)) {
        STEP("30");
        STEP("30.a");
        EnqueueAtomicsWaitAsyncTimeoutJob(agent, block, byteIndexInBuffer, waiterRecord);
    }
    STEP("31");
    LeaveCriticalSection(WL);
    STEP("32");
    if (mode == WaitMode::Sync) return Value(agent.heap.intern_ascii(waiterRecord->Result));
    STEP("33");
    MUST(CreateDataPropertyOrThrow(agent, *resultObject.get(), agent.key("async"), Value::boolean(true)));
    STEP("34");
    MUST(CreateDataPropertyOrThrow(agent, *resultObject.get(), agent.key("value"), promiseCapability.Promise));
    STEP("35");
    return Value(resultObject.get());
}

// §25.4.3.17 AtomicReadModifyWrite ( typedArray, index, value, op )
ThrowCompletionOr<Value> AtomicReadModifyWrite(Agent& agent, Value typedArrayValue, Value index, Value value,
                                               const ReadModifyWriteFunction& op)
{
    SPEC_ALGORITHM("sec-atomicreadmodifywrite");
    STEP("1");
    uint64_t byteIndexInBuffer = TRY(ValidateAtomicAccessOnIntegerTypedArray(agent, typedArrayValue, index));
    TypedArrayObject& typedArray = *as_typed_array(typedArrayValue);
    Value v;
    STEP("2");
    if (typedArray.ContentType == ContentType::BigInt) {
        v = Value(TRY(ToBigInt(agent, value)));
    } else {
        STEP("3");
        v = number(TRY(ToIntegerOrInfinity(agent, value)));
    }
    Root<Value> rootedV(v);
    STEP("4");
    TRY(RevalidateAtomicAccess(agent, typedArray, byteIndexInBuffer));
    STEP("5");
    ArrayBufferObject& buffer = *typedArray.ViewedArrayBuffer;
    STEP("6");
    ElementType elementType = TypedArrayElementType(typedArray);
    STEP("7");
    return GetModifySetValueInBuffer(agent, buffer, byteIndexInBuffer, elementType, v, op);
}

// §25.4.3.18 ByteListBitwiseOp ( op, xBytes, yBytes )
RawBytes ByteListBitwiseOp(char op, const RawBytes& xBytes, const RawBytes& yBytes)
{
    SPEC_ALGORITHM("sec-bytelistbitwiseop");
    STEP("1");
    SPEC_ASSERT(xBytes.size == yBytes.size);
    STEP("2");
    RawBytes result;
    STEP("3");
    uint32_t i = 0;
    STEP("4");
    for (; i < xBytes.size;) {
        uint8_t xByte = xBytes[i];
        STEP("4.a");
        uint8_t yByte = yBytes[i];
        uint8_t resultByte;
        STEP("4.b");
        if (op == '&') {
            STEP("4.b.i");
            resultByte = xByte & yByte;
        } else if (op == '^') {
            STEP("4.c");
            STEP("4.c.i");
            resultByte = xByte ^ yByte;
        } else {
            STEP("4.d");
            STEP("4.d.i");
            SPEC_ASSERT(op == '|');
            STEP("4.d.ii");
            resultByte = xByte | yByte;
        }
        STEP("4.e");
        ++i;
        STEP("4.f");
        result[result.size++] = resultByte;
    }
    STEP("5");
    return result;
}

// The numeric read-modify-write functions of Atomics.add and Atomics.sub:
// x and y decoded, combined as Numbers or BigInts, encoded again.
ReadModifyWriteFunction numeric_modification(Agent& agent, ElementType type, bool subtract)
{
    return [&agent, type, subtract](const RawBytes& xBytes, const RawBytes& yBytes) {
        bool isLittleEndian = agent.LittleEndian;
        Value x = RawBytesToNumeric(agent, type, xBytes, isLittleEndian);
        Value y = RawBytesToNumeric(agent, type, yBytes, isLittleEndian);
        Value result;
        if (x.is_number()) {
            result = number(subtract ? x.as_number() - y.as_number() : x.as_number() + y.as_number());
        } else {
            SPEC_ASSERT(x.is_bigint());
            result = subtract ? BigInt::subtract(agent.heap, *x.as_bigint(), *y.as_bigint())
                              : BigInt::add(agent.heap, *x.as_bigint(), *y.as_bigint());
        }
        RawBytes resultBytes = NumericToRawBytes(agent, type, result, isLittleEndian);
        SPEC_ASSERT(resultBytes.size == xBytes.size && xBytes.size == yBytes.size);
        return resultBytes;
    };
}

// The element type of Atomics' typedArray argument once it has been
// validated (for the closures of Atomics.add / sub, which run after
// AtomicReadModifyWrite has validated it); Int8 when it is not a TypedArray.
ElementType element_type_of(Value typedArray)
{
    TypedArrayObject* O = as_typed_array(typedArray);
    return O ? TypedArrayElementType(*O) : ElementType::Int8;
}

// §25.4.4 Atomics.add ( typedArray, index, value )
ThrowCompletionOr<Value> Atomics_add(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-atomics.add");
    Value typedArray = argument(args, 0);
    STEP("1");
    STEP("1.a-1.i");  // numeric_modification
    ReadModifyWriteFunction add = numeric_modification(agent, element_type_of(typedArray), false);
    STEP("2");
    return AtomicReadModifyWrite(agent, typedArray, argument(args, 1), argument(args, 2), add);
}

// §25.4.5 Atomics.and ( typedArray, index, value )
ThrowCompletionOr<Value> Atomics_and(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-atomics.and");
    STEP("1");
    ReadModifyWriteFunction and_ = [](const RawBytes& xBytes, const RawBytes& yBytes) {
        STEP("1.a");
        return ByteListBitwiseOp('&', xBytes, yBytes);
    };
    STEP("2");
    return AtomicReadModifyWrite(agent, argument(args, 0), argument(args, 1), argument(args, 2), and_);
}

// §25.4.6 Atomics.compareExchange ( typedArray, index, expectedValue, replacementValue )
ThrowCompletionOr<Value> Atomics_compareExchange(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-atomics.compareexchange");
    Value typedArrayValue = argument(args, 0);
    STEP("1");
    uint64_t byteIndexInBuffer = TRY(ValidateAtomicAccessOnIntegerTypedArray(agent, typedArrayValue, argument(args, 1)));
    TypedArrayObject& typedArray = *as_typed_array(typedArrayValue);
    STEP("2");
    ArrayBufferObject& buffer = *typedArray.ViewedArrayBuffer;
    STEP("3");  // the block is read after the revalidation (step 6): resizing may replace it
    Value expected, replacement;
    STEP("4");
    if (typedArray.ContentType == ContentType::BigInt) {
        STEP("4.a");
        expected = Value(TRY(ToBigInt(agent, argument(args, 2))));
        STEP("4.b");
        replacement = Value(TRY(ToBigInt(agent, argument(args, 3))));
    } else {
        STEP("5");
        STEP("5.a");
        expected = number(TRY(ToIntegerOrInfinity(agent, argument(args, 2))));
        STEP("5.b");
        replacement = number(TRY(ToIntegerOrInfinity(agent, argument(args, 3))));
    }
    Root<Value> rootedExpected(expected), rootedReplacement(replacement);
    STEP("6");
    TRY(RevalidateAtomicAccess(agent, typedArray, byteIndexInBuffer));
    DataBlock& block = *buffer.ArrayBufferData;
    STEP("7");
    ElementType elementType = TypedArrayElementType(typedArray);
    STEP("8");
    uint32_t elementSize = TypedArrayElementSize(typedArray);
    STEP("9");
    bool isLittleEndian = agent.LittleEndian;
    STEP("10");
    RawBytes expectedBytes = NumericToRawBytes(agent, elementType, expected, isLittleEndian);
    STEP("11");
    RawBytes replacementBytes = NumericToRawBytes(agent, elementType, replacement, isLittleEndian);
    RawBytes rawBytesRead;
    STEP("12");
    if (IsSharedArrayBuffer(buffer)) {
        STEP("12.a");
        rawBytesRead =
            AtomicCompareExchangeInSharedBlock(agent, block, byteIndexInBuffer, elementSize, expectedBytes, replacementBytes);
    } else {
        STEP("13");
        STEP("13.a");
        rawBytesRead.size = elementSize;
        std::memcpy(rawBytesRead.bytes, block.bytes() + byteIndexInBuffer, elementSize);
        STEP("13.b");
        if (ByteListEqual(rawBytesRead, expectedBytes)) {
            STEP("13.b.i");
            std::memcpy(block.bytes() + byteIndexInBuffer, replacementBytes.bytes, elementSize);
        }
    }
    STEP("14");
    return RawBytesToNumeric(agent, elementType, rawBytesRead, isLittleEndian);
}

// §25.4.7 Atomics.exchange ( typedArray, index, value )
ThrowCompletionOr<Value> Atomics_exchange(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-atomics.exchange");
    STEP("1");
    ReadModifyWriteFunction second = [](const RawBytes&, const RawBytes& newBytes) {
        STEP("1.a");
        return newBytes;
    };
    STEP("2");
    return AtomicReadModifyWrite(agent, argument(args, 0), argument(args, 1), argument(args, 2), second);
}

// §25.4.8 Atomics.isLockFree ( size )
ThrowCompletionOr<Value> Atomics_isLockFree(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-atomics.islockfree");
    STEP("1");
    double n = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("2");
    Agent& AR = agent;
    STEP("3");
    if (n == 1) return Value::boolean(AR.IsLockFree1);
    STEP("4");
    if (n == 2) return Value::boolean(AR.IsLockFree2);
    STEP("5");
    if (n == 4) return Value::boolean(true);
    STEP("6");
    if (n == 8) return Value::boolean(AR.IsLockFree8);
    STEP("7");
    return Value::boolean(false);
}

// §25.4.9 Atomics.load ( typedArray, index )
ThrowCompletionOr<Value> Atomics_load(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-atomics.load");
    Value typedArrayValue = argument(args, 0);
    STEP("1");
    uint64_t byteIndexInBuffer = TRY(ValidateAtomicAccessOnIntegerTypedArray(agent, typedArrayValue, argument(args, 1)));
    TypedArrayObject& typedArray = *as_typed_array(typedArrayValue);
    STEP("2");
    TRY(RevalidateAtomicAccess(agent, typedArray, byteIndexInBuffer));
    STEP("3");
    ArrayBufferObject& buffer = *typedArray.ViewedArrayBuffer;
    STEP("4");
    ElementType elementType = TypedArrayElementType(typedArray);
    STEP("5");
    return GetValueFromBuffer(agent, buffer, byteIndexInBuffer, elementType, true, Order::SeqCst);
}

// §25.4.10 Atomics.or ( typedArray, index, value )
ThrowCompletionOr<Value> Atomics_or(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-atomics.or");
    STEP("1");
    ReadModifyWriteFunction or_ = [](const RawBytes& xBytes, const RawBytes& yBytes) {
        STEP("1.a");
        return ByteListBitwiseOp('|', xBytes, yBytes);
    };
    STEP("2");
    return AtomicReadModifyWrite(agent, argument(args, 0), argument(args, 1), argument(args, 2), or_);
}

// §25.4.11 Atomics.store ( typedArray, index, value )
ThrowCompletionOr<Value> Atomics_store(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-atomics.store");
    Value typedArrayValue = argument(args, 0), value = argument(args, 2);
    STEP("1");
    uint64_t byteIndexInBuffer = TRY(ValidateAtomicAccessOnIntegerTypedArray(agent, typedArrayValue, argument(args, 1)));
    TypedArrayObject& typedArray = *as_typed_array(typedArrayValue);
    Value v;
    STEP("2");
    if (typedArray.ContentType == ContentType::BigInt) {
        v = Value(TRY(ToBigInt(agent, value)));
    } else {
        STEP("3");
        v = number(TRY(ToIntegerOrInfinity(agent, value)));
    }
    Root<Value> rootedV(v);
    STEP("4");
    TRY(RevalidateAtomicAccess(agent, typedArray, byteIndexInBuffer));
    STEP("5");
    ArrayBufferObject& buffer = *typedArray.ViewedArrayBuffer;
    STEP("6");
    ElementType elementType = TypedArrayElementType(typedArray);
    STEP("7");
    SetValueInBuffer(agent, buffer, byteIndexInBuffer, elementType, v, true, Order::SeqCst);
    STEP("8");
    return v;
}

// §25.4.12 Atomics.sub ( typedArray, index, value )
ThrowCompletionOr<Value> Atomics_sub(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-atomics.sub");
    Value typedArray = argument(args, 0);
    STEP("1");
    STEP("1.a-1.i");  // numeric_modification
    ReadModifyWriteFunction subtract = numeric_modification(agent, element_type_of(typedArray), true);
    STEP("2");
    return AtomicReadModifyWrite(agent, typedArray, argument(args, 1), argument(args, 2), subtract);
}

// §25.4.13 Atomics.wait ( typedArray, index, value, timeout )
ThrowCompletionOr<Value> Atomics_wait(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-atomics.wait");
    STEP("1");
    return DoWait(agent, WaitMode::Sync, argument(args, 0), argument(args, 1), argument(args, 2), argument(args, 3));
}

// §25.4.14 Atomics.waitAsync ( typedArray, index, value, timeout )
ThrowCompletionOr<Value> Atomics_waitAsync(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-atomics.waitasync");
    STEP("1");
    return DoWait(agent, WaitMode::Async, argument(args, 0), argument(args, 1), argument(args, 2), argument(args, 3));
}

// §25.4.15 Atomics.notify ( typedArray, index, count )
ThrowCompletionOr<Value> Atomics_notify(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-atomics.notify");
    Value typedArrayValue = argument(args, 0), count = argument(args, 2);
    STEP("1");
    TypedArrayWithBufferWitnessRecord taRecord = TRY(ValidateIntegerTypedArray(agent, typedArrayValue, true));
    TypedArrayObject& typedArray = *taRecord.Object;
    STEP("2");
    uint64_t byteIndexInBuffer = TRY(ValidateAtomicAccess(agent, taRecord, argument(args, 1)));
    double c;
    STEP("3");
    if (count.is_undefined()) {
        STEP("3.a");
        c = INFINITY;
    } else {
        STEP("4");
        STEP("4.a");
        double intCount = TRY(ToIntegerOrInfinity(agent, count));
        STEP("4.b");
        c = std::max(intCount, 0.0);
    }
    STEP("5");
    ArrayBufferObject& buffer = *typedArray.ViewedArrayBuffer;
    STEP("6");
    STEP("7");
    if (!IsSharedArrayBuffer(buffer)) return number(0);
    std::shared_ptr<DataBlock> block = buffer.ArrayBufferData;
    STEP("8");
    WaiterListRecord& WL = GetWaiterList(*block, byteIndexInBuffer);
    STEP("9");
    EnterCriticalSection(WL);
    STEP("10");
    std::vector<std::shared_ptr<WaiterRecord>> S = RemoveWaiters(WL, c);
    STEP("11");
    for (auto& W : S) {
        STEP("11.a");
        NotifyWaiter(agent, WL, W);
    }
    STEP("12");
    LeaveCriticalSection(WL);
    STEP("13");
    size_t n = S.size();
    STEP("14");
    return number(double(n));
}

// §25.4.16 Atomics.xor ( typedArray, index, value )
ThrowCompletionOr<Value> Atomics_xor(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-atomics.xor");
    STEP("1");
    ReadModifyWriteFunction xor_ = [](const RawBytes& xBytes, const RawBytes& yBytes) {
        STEP("1.a");
        return ByteListBitwiseOp('^', xBytes, yBytes);
    };
    STEP("2");
    return AtomicReadModifyWrite(agent, argument(args, 0), argument(args, 1), argument(args, 2), xor_);
}

}  // namespace

RawBytes AtomicCompareExchangeInSharedBlock(Agent&, DataBlock& block, uint64_t byteIndexInBuffer, uint32_t elementSize,
                                            const RawBytes& expectedBytes, const RawBytes& replacementBytes)
{
    SPEC_ALGORITHM("sec-atomiccompareexchangeinsharedblock");
    STEP("1");
    STEP("2");
    STEP("3");  // one indivisible ~seq-cst~ access: the bytes read are the block's
    std::lock_guard lock(block.seq_cst_accesses);
    RawBytes rawBytesRead;
    rawBytesRead.size = elementSize;
    std::memcpy(rawBytesRead.bytes, block.bytes() + byteIndexInBuffer, elementSize);
    STEP("4");
    STEP("5");
    STEP("6");
    if (ByteListEqual(rawBytesRead, expectedBytes)) {
        STEP("6.a");
        STEP("6.a.i");
        STEP("6.b");  // the ReadModifyWriteSharedMemory event stores replacementBytes
        std::memcpy(block.bytes() + byteIndexInBuffer, replacementBytes.bytes, elementSize);
    } else {
        STEP("7");
        STEP("7.a");
    }
    STEP("8");
    STEP("9");
    STEP("10");
    return rawBytesRead;
}

bool ByteListEqual(const RawBytes& xBytes, const RawBytes& yBytes)
{
    SPEC_ALGORITHM("sec-bytelistequal");
    STEP("1");
    if (xBytes.size != yBytes.size) return false;
    STEP("2");
    STEP("3");
    for (uint32_t i = 0; i < xBytes.size; ++i) {
        STEP("3.a");
        STEP("3.b");
        if (xBytes[i] != yBytes[i]) return false;
        STEP("3.c");
    }
    STEP("4");
    return true;
}

void CreateAtomicsIntrinsics(Agent& agent, Realm& realm)
{
    // §25.4: an ordinary object whose [[Prototype]] is %Object.prototype%.
    Object* atomics = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    struct Method {
        const char* name;
        BuiltinBehaviour::result_type (*behaviour)(Agent&, BuiltinFunction&, Value, Arguments, Object*);
        double length;
    };
    static const Method methods[] = {
        {"add", Atomics_add, 3},       {"and", Atomics_and, 3},       {"compareExchange", Atomics_compareExchange, 4},
        {"exchange", Atomics_exchange, 3}, {"isLockFree", Atomics_isLockFree, 1}, {"load", Atomics_load, 2},
        {"or", Atomics_or, 3},         {"store", Atomics_store, 3},   {"sub", Atomics_sub, 3},
        {"wait", Atomics_wait, 4},     {"waitAsync", Atomics_waitAsync, 4}, {"notify", Atomics_notify, 3},
        {"xor", Atomics_xor, 3},
    };
    for (const Method& method : methods)
        define_builtin_function(agent, realm, *atomics, method.name, method.behaviour, method.length);
    define_to_string_tag(agent, *atomics, "Atomics");
    realm.set_intrinsic(Intrinsic::Atomics, atomics);
}

size_t PendingWaitAsyncPromises(Agent& agent)
{
    return agent.atomics_waiters ? AgentWaiters::of(agent).pending.size() : 0;
}

bool ReceiveResolveInAgentJobs(Agent& agent, std::chrono::steady_clock::time_point deadline)
{
    // An agent that never waited asynchronously has been sent nothing.
    if (!agent.atomics_waiters && deadline <= std::chrono::steady_clock::now()) return false;
    std::vector<AgentWaiters::Delivery> deliveries = AgentWaiters::of(agent).receive(deadline);
    for (AgentWaiters::Delivery& delivery : deliveries) {
        uint32_t agentSignifier = delivery.waiterRecord->AgentSignifier;
        EnqueueResolveInAgentJob(agent, agentSignifier, delivery.waiterRecord, delivery.resolution);
    }
    return !deliveries.empty();
}

}  // namespace lockstep
