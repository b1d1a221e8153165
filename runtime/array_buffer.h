// ECMA-262 §6.2.9 Data Blocks, and the instances of §25.1 ArrayBuffer and
// §25.2 SharedArrayBuffer (their internal slots). The abstract operations on
// them are in abstract_ops/array_buffer_operations.h.
// https://tc39.es/ecma262/#sec-data-blocks
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "runtime/object.h"

namespace lockstep {

// §25.1.3 the element types of Table "The TypedArray Constructors" (the
// table's order), the unit GetValueFromBuffer / SetValueInBuffer work in.
enum class ElementType : uint8_t {
    Int8, Uint8, Uint8Clamped, Int16, Uint16, Int32, Uint32, BigInt64, BigUint64, Float16, Float32, Float64
};
// "the Element Size value specified in Table 71 for Element Type type"
constexpr uint32_t element_size(ElementType type)
{
    switch (type) {
    case ElementType::Int8: case ElementType::Uint8: case ElementType::Uint8Clamped: return 1;
    case ElementType::Int16: case ElementType::Uint16: case ElementType::Float16: return 2;
    case ElementType::Int32: case ElementType::Uint32: case ElementType::Float32: return 4;
    case ElementType::BigInt64: case ElementType::BigUint64: case ElementType::Float64: return 8;
    }
    return 1;
}

// The memory orders of §29 the buffer operations take: ~seq-cst~,
// ~unordered~, ~init~.
enum class Order : uint8_t { SeqCst, Unordered, Init };

// §25.4.3 WaiterList Records, kept with the Shared Data Block they belong to
// (GetWaiterList: "referenced by the pair (block, i)"). Agents run on
// threads of their own (the test262 host's $262.agent), so a Waiter Record
// is read by other agents' threads: they read its plain fields only, inside
// the critical section. [[PromiseCapability]]'s cells belong to the waiting
// agent, which alone touches them (and keeps them alive: builtins/atomics.cpp).
struct WaiterRecord {
    uint32_t AgentSignifier;            // [[AgentSignifier]]
    bool blocking;                      // [[PromiseCapability]] is ~blocking~
    Object* Promise = nullptr;          // [[PromiseCapability]].[[Promise]] otherwise
    Object* Resolve = nullptr;          // [[PromiseCapability]].[[Resolve]]
    double TimeoutTime;                 // [[TimeoutTime]] (ms since the epoch, or +∞)
    const char* Result = "ok";          // [[Result]]: "ok" or "timed-out"
};
struct WaiterListRecord {
    std::vector<std::shared_ptr<WaiterRecord>> Waiters;  // [[Waiters]], in order
    // The critical section (EnterCriticalSection / LeaveCriticalSection), and
    // the condition agents suspended in SuspendThisAgent wait on.
    std::mutex critical_section;
    std::condition_variable suspended_agents;
    // The thread inside the critical section (for the spec's assertions).
    std::atomic<std::thread::id> holder{};
};

// A Data Block or a Shared Data Block (§6.2.9): zeroed bytes in plain memory
// owned by the block. ArrayBuffers share a block only by being the same
// object; SharedArrayBuffers refer to theirs by shared ownership.
class DataBlock {
public:
    // A zeroed block of `size` bytes, or null if it is impossible to create
    // one (the implementation's limit, or the allocator says no).
    static std::shared_ptr<DataBlock> create(uint64_t size, bool shared);
    // A block over `size` bytes the block does not own (a WebAssembly
    // memory's bytes, which its Memory object's buffer exposes).
    static std::shared_ptr<DataBlock> view(uint8_t* bytes, uint64_t size, bool shared)
    {
        auto* block = new DataBlock(bytes, size, shared);
        block->owned_ = false;
        return std::shared_ptr<DataBlock>(block);
    }
    ~DataBlock();
    DataBlock(const DataBlock&) = delete;
    DataBlock& operator=(const DataBlock&) = delete;

    uint8_t* bytes() { return bytes_; }
    uint64_t size() const { return size_; }
    bool is_shared() const { return shared_; }

    // The WaiterList Records of a Shared Data Block, by byte index (a
    // record, once made, stays where it is: agents hold references to it).
    std::map<uint64_t, WaiterListRecord> waiter_lists;
    std::mutex waiter_lists_mutex;  // guards the map itself
    // Whether the block was handed to another agent ($262.agent.broadcast):
    // until then no other agent can notify a waiter on it.
    std::atomic<bool> shared_with_other_agents{false};
    // The ~seq-cst~ accesses to a Shared Data Block (Atomics' reads, writes
    // and read-modify-writes) take this lock, so they happen one at a time,
    // in one total order, whichever agents' threads make them.
    std::mutex seq_cst_accesses;

    // The largest block lockstep creates: larger requests are "impossible"
    // and throw a RangeError, as the spec allows.
    static constexpr uint64_t kMaxSize = uint64_t(1) << 33;

private:
    DataBlock(uint8_t* bytes, uint64_t size, bool shared) : bytes_(bytes), size_(size), shared_(shared) {}
    uint8_t* bytes_;
    uint64_t size_;
    bool shared_;
    bool owned_ = true;
};

// An ArrayBuffer or SharedArrayBuffer instance (§25.1.6, §25.2.5): an
// ordinary object with these internal slots. Which optional slots exist is
// part of the object's identity, as AllocateArrayBuffer and
// AllocateSharedArrayBuffer decide.
class ArrayBufferObject final : public Object {
public:
    using Object::Object;

    // [[ArrayBufferData]]: null is *null* (a detached ArrayBuffer).
    std::shared_ptr<DataBlock> ArrayBufferData;
    // [[ArrayBufferByteLength]] (absent on a growable SharedArrayBuffer).
    uint64_t ArrayBufferByteLength = 0;
    // [[ArrayBufferMaxByteLength]]: nullopt when the slot is absent.
    std::optional<uint64_t> ArrayBufferMaxByteLength;
    // [[ArrayBufferDetachKey]] (ArrayBuffers only).
    Value ArrayBufferDetachKey = Value::undefined();
    // [[ArrayBufferByteLengthData]]: an 8-byte Shared Data Block holding a
    // growable SharedArrayBuffer's length; null when the slot is absent.
    std::shared_ptr<DataBlock> ArrayBufferByteLengthData;

    void visit_edges(Visitor&) override;
};

// §6.2.9.1 CreateByteDataBlock ( size ): null data is a thrown RangeError
ThrowCompletionOr<std::shared_ptr<DataBlock>> CreateByteDataBlock(Agent&, uint64_t size);
// §6.2.9.2 CreateSharedByteDataBlock ( size )
ThrowCompletionOr<std::shared_ptr<DataBlock>> CreateSharedByteDataBlock(Agent&, uint64_t size);
// §6.2.9.3 CopyDataBlockBytes ( toBlock, toIndex, fromBlock, fromIndex, count )
void CopyDataBlockBytes(DataBlock& toBlock, uint64_t toIndex, DataBlock& fromBlock, uint64_t fromIndex,
                        uint64_t count);

}  // namespace lockstep
