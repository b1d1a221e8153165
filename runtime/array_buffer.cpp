// ECMA-262 §6.2.9 Data Blocks and the ArrayBuffer / SharedArrayBuffer cells.
#include "runtime/array_buffer.h"

#include <cstdlib>
#include <cstring>

#include "runtime/error.h"
#include "runtime/heap.h"

namespace lockstep {

std::shared_ptr<DataBlock> DataBlock::create(uint64_t size, bool shared)
{
    if (size > kMaxSize) return nullptr;
    // calloc: the pages are zero and committed only when touched.
    auto* bytes = static_cast<uint8_t*>(std::calloc(size ? size : 1, 1));
    if (!bytes) return nullptr;
    return std::shared_ptr<DataBlock>(new DataBlock(bytes, size, shared));
}

DataBlock::~DataBlock()
{
    if (owned_) std::free(bytes_);
}

void ArrayBufferObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(ArrayBufferDetachKey);
}

ThrowCompletionOr<std::shared_ptr<DataBlock>> CreateByteDataBlock(Agent& agent, uint64_t size)
{
    SPEC_ALGORITHM("sec-createbytedatablock");
    STEP("1");
    if (size > 9007199254740991ull) return throw_range_error(agent, "Data Block size exceeds 2^53 - 1");
    STEP("2");
    std::shared_ptr<DataBlock> db = DataBlock::create(size, false);
    if (!db) return throw_range_error(agent, "cannot allocate a Data Block of this size");
    STEP("3");  // DataBlock::create zeroes the bytes
    STEP("4");
    return db;
}

ThrowCompletionOr<std::shared_ptr<DataBlock>> CreateSharedByteDataBlock(Agent& agent, uint64_t size)
{
    SPEC_ALGORITHM("sec-createsharedbytedatablock");
    STEP("1");
    std::shared_ptr<DataBlock> db = DataBlock::create(size, true);
    if (!db) return throw_range_error(agent, "cannot allocate a Shared Data Block of this size");
    // 2-5: the initial zero writes are events of the candidate execution,
    // which lockstep does not record (one agent: every read sees the last write).
    STEP("2");
    STEP("3");
    STEP("4");
    STEP("5");
    STEP("5.a");
    STEP("6");
    return db;
}

void CopyDataBlockBytes(DataBlock& toBlock, uint64_t toIndex, DataBlock& fromBlock, uint64_t fromIndex, uint64_t count)
{
    SPEC_ALGORITHM("sec-copydatablockbytes");
    STEP("1");
    SPEC_ASSERT(&fromBlock != &toBlock);
    STEP("2");
    uint64_t fromSize = fromBlock.size();
    STEP("3");
    SPEC_ASSERT(fromIndex + count <= fromSize);
    STEP("4");
    uint64_t toSize = toBlock.size();
    STEP("5");
    SPEC_ASSERT(toIndex + count <= toSize);
    STEP("6");
    // Byte by byte in the spec; with one agent the shared-block branch (6.a:
    // ReadSharedMemory / WriteSharedMemory events) copies the same bytes, so
    // the loop is one memmove.
    if (fromBlock.is_shared()) {
        STEP("6.a");
        STEP("6.a.i-6.a.vii");
        STEP("6.a.viii");
        STEP("6.a.viii.1");
        STEP("6.a.ix");
        STEP("6.a.ix.1");
    } else {
        STEP("6.b");
        STEP("6.b.i");
        SPEC_ASSERT(!toBlock.is_shared());
        STEP("6.b.ii");
    }
    if (count) std::memmove(toBlock.bytes() + toIndex, fromBlock.bytes() + fromIndex, count);
    STEP("6.c-6.e");
    STEP("7");
}

}  // namespace lockstep
