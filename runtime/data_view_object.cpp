// ECMA-262 §25.3.1 Abstract Operations for DataView Objects (buffer witness records).
#include "runtime/data_view_object.h"

#include "abstract_ops/array_buffer_operations.h"
#include "runtime/heap.h"

namespace lockstep {

void DataViewObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    if (ViewedArrayBuffer) visitor.visit(ViewedArrayBuffer);
}

DataViewWithBufferWitnessRecord MakeDataViewWithBufferWitnessRecord(Agent& agent, DataViewObject& obj, Order order)
{
    SPEC_ALGORITHM("sec-makedataviewwithbufferwitnessrecord");
    STEP("1");
    ArrayBufferObject& buffer = *obj.ViewedArrayBuffer;
    std::optional<uint64_t> byteLength;
    STEP("2");
    if (IsDetachedBuffer(buffer)) {
        STEP("2.a");
        byteLength = std::nullopt;
    } else {
        STEP("3");
        STEP("3.a");
        byteLength = ArrayBufferByteLength(agent, buffer, order);
    }
    STEP("4");
    return DataViewWithBufferWitnessRecord{&obj, byteLength};
}

uint64_t GetViewByteLength(const DataViewWithBufferWitnessRecord& viewRecord)
{
    SPEC_ALGORITHM("sec-getviewbytelength");
    STEP("1");
    SPEC_ASSERT(!IsViewOutOfBounds(viewRecord));
    STEP("2");
    DataViewObject& view = *viewRecord.Object;
    STEP("3");
    if (view.ByteLength) return *view.ByteLength;
    STEP("4");
    SPEC_ASSERT(!IsFixedLengthArrayBuffer(*view.ViewedArrayBuffer));
    STEP("5");
    uint64_t byteOffset = view.ByteOffset;
    STEP("6");
    std::optional<uint64_t> byteLength = viewRecord.CachedBufferByteLength;
    STEP("7");
    SPEC_ASSERT(byteLength.has_value());
    STEP("8");
    return *byteLength - byteOffset;
}

bool IsViewOutOfBounds(const DataViewWithBufferWitnessRecord& viewRecord)
{
    SPEC_ALGORITHM("sec-isviewoutofbounds");
    STEP("1");
    DataViewObject& view = *viewRecord.Object;
    STEP("2");
    std::optional<uint64_t> bufferByteLength = viewRecord.CachedBufferByteLength;
    STEP("3");
    SPEC_ASSERT(IsDetachedBuffer(*view.ViewedArrayBuffer) == !bufferByteLength.has_value());
    STEP("4");
    if (!bufferByteLength) return true;
    STEP("5");
    uint64_t byteOffsetStart = view.ByteOffset;
    uint64_t byteOffsetEnd;
    STEP("6");
    if (!view.ByteLength) {
        STEP("6.a");
        byteOffsetEnd = *bufferByteLength;
    } else {
        STEP("7");
        STEP("7.a");
        byteOffsetEnd = byteOffsetStart + *view.ByteLength;
    }
    STEP("8");
    if (byteOffsetStart > *bufferByteLength || byteOffsetEnd > *bufferByteLength) return true;
    STEP("9");
    STEP("10");
    return false;
}

}  // namespace lockstep
