// ECMA-262 §25.1.3 Abstract Operations for ArrayBuffer Objects and §25.2.2
// Abstract Operations for SharedArrayBuffer Objects.
#include "abstract_ops/array_buffer_operations.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <mutex>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/bigint.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"

namespace lockstep {

namespace {

// Reverses the first `size` bytes (the spec's "reverse the order of the elements").
void reverse_bytes(RawBytes& raw)
{
    std::reverse(raw.bytes, raw.bytes + raw.size);
}

// The little-endian encoding of the low `size` bytes of `bits`.
RawBytes little_endian_bytes(uint64_t bits, uint32_t size)
{
    RawBytes raw;
    raw.size = size;
    for (uint32_t i = 0; i < size; ++i) raw[i] = uint8_t(bits >> (8 * i));
    return raw;
}

// The bytes of a little-endian List, concatenated into an unsigned integer.
uint64_t little_endian_value(const RawBytes& raw)
{
    uint64_t bits = 0;
    for (uint32_t i = 0; i < raw.size; ++i) bits |= uint64_t(raw[i]) << (8 * i);
    return bits;
}

}  // namespace

uint16_t to_binary16_bits(double value)
{
    uint16_t sign = std::signbit(value) ? 0x8000 : 0;
    if (std::isnan(value)) return 0x7E00;
    double a = std::fabs(value);
    // 65520 is halfway between the largest finite binary16 (65504) and 2^16:
    // ties to even round it (and everything above) to infinity.
    if (a >= 65520.0) return sign | 0x7C00;
    if (a < 0x1p-14) {
        // Subnormal (or zero): a multiple of 2^-24; 1024 units is the smallest normal.
        return sign | uint16_t(std::nearbyint(a * 0x1p24));
    }
    int e;
    std::frexp(a, &e);  // a = m × 2^e, 0.5 ≤ m < 1
    int exponent = e - 1;
    double significand = std::nearbyint(std::ldexp(a, 10 - exponent));  // in [1024, 2048], ties to even
    uint32_t biased = uint32_t(exponent + 15);
    uint32_t mantissa = uint32_t(significand);
    if (mantissa == 2048) {
        mantissa = 1024;
        ++biased;
    }
    if (biased >= 31) return sign | 0x7C00;
    return uint16_t(sign | (biased << 10) | (mantissa - 1024));
}

double from_binary16_bits(uint16_t bits)
{
    double sign = (bits & 0x8000) ? -1.0 : 1.0;
    uint32_t exponent = (bits >> 10) & 0x1F;
    uint32_t mantissa = bits & 0x3FF;
    if (exponent == 0) return sign * std::ldexp(double(mantissa), -24);
    if (exponent == 31) return mantissa ? std::nan("") : sign * INFINITY;
    return sign * std::ldexp(double(mantissa + 1024), int(exponent) - 25);
}

ThrowCompletionOr<ArrayBufferObject*> AllocateArrayBuffer(Agent& agent, Object& constructor, uint64_t byteLength,
                                                          std::optional<uint64_t> maxByteLength)
{
    SPEC_ALGORITHM("sec-allocatearraybuffer");
    STEP("1");  // the slots are ArrayBufferObject's
    STEP("2");
    bool allocatingResizableBuffer = maxByteLength.has_value();
    STEP("3");
    if (allocatingResizableBuffer) {
        STEP("3.a");
        if (byteLength > *maxByteLength) return throw_range_error(agent, "byteLength exceeds maxByteLength");
        STEP("3.b");
    }
    STEP("4");
    ArrayBufferObject* obj =
        TRY(OrdinaryCreateFromConstructor<ArrayBufferObject>(agent, constructor, Intrinsic::ArrayBufferPrototype));
    Root<Object*> rooted(obj);
    STEP("5");
    std::shared_ptr<DataBlock> block = TRY(CreateByteDataBlock(agent, byteLength));
    STEP("6");
    obj->ArrayBufferData = std::move(block);
    STEP("7");
    obj->ArrayBufferByteLength = byteLength;
    STEP("8");
    if (allocatingResizableBuffer) {
        STEP("8.a");
        // Blocks grow by reallocation (8.b allows that); what must be
        // possible up front is a block of the maximum size.
        if (*maxByteLength > DataBlock::kMaxSize)
            return throw_range_error(agent, "maxByteLength exceeds the implementation's limit");
        STEP("8.b");
        STEP("8.c");
        obj->ArrayBufferMaxByteLength = *maxByteLength;
    }
    STEP("9");
    return obj;
}

uint64_t ArrayBufferByteLength(Agent& agent, ArrayBufferObject& arrayBuffer, Order order)
{
    SPEC_ALGORITHM("sec-arraybufferbytelength");
    STEP("1");
    if (IsSharedArrayBuffer(arrayBuffer) && arrayBuffer.ArrayBufferByteLengthData) {
        STEP("1.a");
        DataBlock& bufferByteLengthBlock = *arrayBuffer.ArrayBufferByteLengthData;
        STEP("1.b");
        RawBytes rawLength =
            GetRawBytesFromSharedBlock(agent, bufferByteLengthBlock, 0, ElementType::BigUint64, true, order);
        STEP("1.c");
        bool isLittleEndian = agent.LittleEndian;
        STEP("1.d");
        if (!isLittleEndian) reverse_bytes(rawLength);
        return little_endian_value(rawLength);  // ℝ(RawBytesToNumeric(~biguint64~, …)) without the BigInt cell
    }
    STEP("2");
    SPEC_ASSERT(!IsDetachedBuffer(arrayBuffer));
    STEP("3");
    return arrayBuffer.ArrayBufferByteLength;
}

ThrowCompletionOr<Value> ArrayBufferCopyAndDetach(Agent& agent, Value arrayBufferValue, Value newLength,
                                                  PreserveResizability preserveResizability)
{
    SPEC_ALGORITHM("sec-arraybuffercopyanddetach");
    STEP("1");
    Root<ArrayBufferObject*> arrayBuffer = TRY(RequireArrayBufferData(agent, arrayBufferValue));
    STEP("2");
    if (IsSharedArrayBuffer(*arrayBuffer)) return throw_type_error(agent, "ArrayBuffer is a SharedArrayBuffer");
    uint64_t newByteLength;
    STEP("3");
    if (newLength.is_undefined()) {
        STEP("3.a");
        newByteLength = arrayBuffer->ArrayBufferByteLength;
    } else {
        STEP("4");
        STEP("4.a");
        newByteLength = TRY(ToIndex(agent, newLength));
    }
    STEP("5");
    if (IsDetachedBuffer(*arrayBuffer)) return throw_type_error(agent, "ArrayBuffer is detached");
    std::optional<uint64_t> newMaxByteLength;
    STEP("6");
    if (preserveResizability == PreserveResizability::PreserveResizability && !IsFixedLengthArrayBuffer(*arrayBuffer)) {
        STEP("6.a");
        newMaxByteLength = arrayBuffer->ArrayBufferMaxByteLength;
    } else {
        STEP("7");
        STEP("7.a");
        newMaxByteLength = std::nullopt;
    }
    STEP("8");
    if (!arrayBuffer->ArrayBufferDetachKey.is_undefined())
        return throw_type_error(agent, "ArrayBuffer has a detach key");
    STEP("9");
    ArrayBufferObject* newBuffer = TRY(AllocateArrayBuffer(
        agent, *agent.current_realm()->intrinsic(Intrinsic::ArrayBuffer), newByteLength, newMaxByteLength));
    Root<ArrayBufferObject*> rootedNew(newBuffer);
    STEP("10");
    uint64_t copyLength = std::min(newByteLength, arrayBuffer->ArrayBufferByteLength);
    STEP("11");
    DataBlock& fromBlock = *arrayBuffer->ArrayBufferData;
    STEP("12");
    DataBlock& toBlock = *newBuffer->ArrayBufferData;
    STEP("13");
    CopyDataBlockBytes(toBlock, 0, fromBlock, 0, copyLength);
    STEP("14");
    STEP("15");
    MUST(DetachArrayBuffer(agent, *arrayBuffer));
    STEP("16");
    return Value(newBuffer);
}

bool IsDetachedBuffer(const ArrayBufferObject& arrayBuffer)
{
    SPEC_ALGORITHM("sec-isdetachedbuffer");
    STEP("1");
    if (!arrayBuffer.ArrayBufferData) return true;
    STEP("2");
    return false;
}

ThrowCompletionOr<void> DetachArrayBuffer(Agent& agent, ArrayBufferObject& arrayBuffer, Value key)
{
    SPEC_ALGORITHM("sec-detacharraybuffer");
    STEP("1");
    SPEC_ASSERT(!IsSharedArrayBuffer(arrayBuffer));
    STEP("2");  // a missing key is *undefined* already
    STEP("3");
    if (!SameValue(arrayBuffer.ArrayBufferDetachKey, key))
        return throw_type_error(agent, "ArrayBuffer detach key does not match");
    STEP("4");
    arrayBuffer.ArrayBufferData = nullptr;
    STEP("5");
    arrayBuffer.ArrayBufferByteLength = 0;
    STEP("6");
    return {};
}

ThrowCompletionOr<ArrayBufferObject*> CloneArrayBuffer(Agent& agent, ArrayBufferObject& srcBuffer,
                                                       uint64_t srcByteOffset, uint64_t srcLength)
{
    SPEC_ALGORITHM("sec-clonearraybuffer");
    STEP("1");
    SPEC_ASSERT(!IsDetachedBuffer(srcBuffer));
    STEP("2");
    ArrayBufferObject* targetBuffer =
        TRY(AllocateArrayBuffer(agent, *agent.current_realm()->intrinsic(Intrinsic::ArrayBuffer), srcLength));
    STEP("3");
    DataBlock& srcBlock = *srcBuffer.ArrayBufferData;
    STEP("4");
    DataBlock& targetBlock = *targetBuffer->ArrayBufferData;
    STEP("5");
    CopyDataBlockBytes(targetBlock, 0, srcBlock, srcByteOffset, srcLength);
    STEP("6");
    return targetBuffer;
}

ThrowCompletionOr<std::optional<uint64_t>> GetArrayBufferMaxByteLengthOption(Agent& agent, Value options)
{
    SPEC_ALGORITHM("sec-getarraybuffermaxbytelengthoption");
    STEP("1");
    if (!options.is_object()) return std::optional<uint64_t>();
    STEP("2");
    Value maxByteLength = TRY(Get(agent, *options.as_object(), agent.key("maxByteLength")));
    STEP("3");
    if (maxByteLength.is_undefined()) return std::optional<uint64_t>();
    STEP("4");
    return std::optional<uint64_t>(TRY(ToIndex(agent, maxByteLength)));
}

bool IsFixedLengthArrayBuffer(const ArrayBufferObject& arrayBuffer)
{
    SPEC_ALGORITHM("sec-isfixedlengtharraybuffer");
    STEP("1");
    if (arrayBuffer.ArrayBufferMaxByteLength) return false;
    STEP("2");
    return true;
}

bool IsUnsignedElementType(ElementType type)
{
    SPEC_ALGORITHM("sec-isunsignedelementtype");
    STEP("1");
    if (type == ElementType::Uint8 || type == ElementType::Uint8Clamped || type == ElementType::Uint16 ||
        type == ElementType::Uint32 || type == ElementType::BigUint64)
        return true;
    STEP("2");
    return false;
}

bool IsUnclampedIntegerElementType(ElementType type)
{
    SPEC_ALGORITHM("sec-isunclampedintegerelementtype");
    STEP("1");
    if (type == ElementType::Int8 || type == ElementType::Uint8 || type == ElementType::Int16 ||
        type == ElementType::Uint16 || type == ElementType::Int32 || type == ElementType::Uint32)
        return true;
    STEP("2");
    return false;
}

bool IsBigIntElementType(ElementType type)
{
    SPEC_ALGORITHM("sec-isbigintelementtype");
    STEP("1");
    if (type == ElementType::BigUint64 || type == ElementType::BigInt64) return true;
    STEP("2");
    return false;
}

bool IsNoTearConfiguration(ElementType type, Order order)
{
    SPEC_ALGORITHM("sec-isnotearconfiguration");
    STEP("1");
    if (IsUnclampedIntegerElementType(type)) return true;
    STEP("2");
    if (IsBigIntElementType(type) && order != Order::Init && order != Order::Unordered) return true;
    STEP("3");
    return false;
}

Value RawBytesToNumeric(Agent& agent, ElementType type, RawBytes rawBytes, bool isLittleEndian)
{
    SPEC_ALGORITHM("sec-rawbytestonumeric");
    STEP("1");
    uint32_t elementSize = element_size(type);
    SPEC_ASSERT(rawBytes.size == elementSize);
    STEP("2");
    if (!isLittleEndian) reverse_bytes(rawBytes);
    uint64_t bits = little_endian_value(rawBytes);
    STEP("3");
    if (type == ElementType::Float16) {
        STEP("3.a");
        double value = from_binary16_bits(uint16_t(bits));
        STEP("3.b");  // Value::number canonicalises every NaN
        STEP("3.c");
        return Value::number(value);
    }
    STEP("4");
    if (type == ElementType::Float32) {
        STEP("4.a");
        float value = std::bit_cast<float>(uint32_t(bits));
        STEP("4.b");
        STEP("4.c");
        return Value::number(double(value));
    }
    STEP("5");
    if (type == ElementType::Float64) {
        STEP("5.a");
        double value = std::bit_cast<double>(bits);
        STEP("5.b");
        STEP("5.c");
        return Value::number(value);
    }
    uint64_t intBits = bits;
    bool negative = false;
    STEP("6");
    if (IsUnsignedElementType(type)) {
        STEP("6.a");
    } else {
        STEP("7");
        STEP("7.a");
        unsigned bitLength = elementSize * 8;
        negative = (bits >> (bitLength - 1)) & 1;
        if (negative && bitLength < 64) intBits |= ~uint64_t(0) << bitLength;  // sign-extend
    }
    STEP("8");
    if (IsBigIntElementType(type)) {
        BigInt::Integer intValue(intBits);
        if (negative) intValue -= BigInt::Integer(1) << 64;  // two's complement: subtract 2^64
        return Value(BigInt::create(agent.heap, std::move(intValue)));
    }
    STEP("9");
    return Value::number(negative ? double(int64_t(intBits)) : double(intBits));
}

RawBytes GetRawBytesFromSharedBlock(Agent&, DataBlock& block, uint64_t byteIndex, ElementType type,
                                    bool isTypedArray, Order order)
{
    SPEC_ALGORITHM("sec-getrawbytesfromsharedblock");
    STEP("1");
    uint32_t elementSize = element_size(type);
    // 2-3, 7-9: the candidate execution's events are not recorded: with one
    // agent, the value a read chooses is the bytes the last write stored.
    STEP("2");
    STEP("3");
    STEP("4");
    [[maybe_unused]] bool noTear = isTypedArray && IsNoTearConfiguration(type, order);
    STEP("5");
    STEP("6");
    RawBytes rawValue;
    rawValue.size = elementSize;
    {
        // Agents run on threads: a ~seq-cst~ read is one of the block's
        // totally ordered accesses (runtime/array_buffer.h).
        std::unique_lock lock(block.seq_cst_accesses, std::defer_lock);
        if (order == Order::SeqCst) lock.lock();
        std::memcpy(rawValue.bytes, block.bytes() + byteIndex, elementSize);
    }
    STEP("7");
    STEP("8");
    STEP("9");
    STEP("10");
    return rawValue;
}

Value GetValueFromBuffer(Agent& agent, ArrayBufferObject& arrayBuffer, uint64_t byteIndex, ElementType type,
                         bool isTypedArray, Order order, std::optional<bool> isLittleEndian)
{
    SPEC_ALGORITHM("sec-getvaluefrombuffer");
    STEP("1");
    SPEC_ASSERT(!IsDetachedBuffer(arrayBuffer));
    STEP("2");
    SPEC_ASSERT(byteIndex + element_size(type) <= arrayBuffer.ArrayBufferData->size());
    STEP("3");
    DataBlock& block = *arrayBuffer.ArrayBufferData;
    STEP("4");
    uint32_t elementSize = element_size(type);
    RawBytes rawValue;
    STEP("5");
    if (IsSharedArrayBuffer(arrayBuffer)) {
        STEP("5.a");
        SPEC_ASSERT(block.is_shared());
        STEP("5.b");
        rawValue = GetRawBytesFromSharedBlock(agent, block, byteIndex, type, isTypedArray, order);
    } else {
        STEP("6");
        STEP("6.a");
        rawValue.size = elementSize;
        std::memcpy(rawValue.bytes, block.bytes() + byteIndex, elementSize);
    }
    STEP("7");
    SPEC_ASSERT(rawValue.size == elementSize);
    STEP("8");
    if (!isLittleEndian) isLittleEndian = agent.LittleEndian;
    STEP("9");
    return RawBytesToNumeric(agent, type, rawValue, *isLittleEndian);
}

RawBytes NumericToRawBytes(Agent& agent, ElementType type, Value value, bool isLittleEndian)
{
    SPEC_ALGORITHM("sec-numerictorawbytes");
    RawBytes rawBytes;
    STEP("1");
    if (type == ElementType::Float16) {
        STEP("1.a");  // NaN: always 0x7E00
        rawBytes = little_endian_bytes(to_binary16_bits(value.as_number()), 2);
    } else if (type == ElementType::Float32) {
        STEP("2");
        STEP("2.a");  // an IEEE conversion: round to nearest, ties to even; NaN: always 0x7FC00000
        double d = value.as_number();
        uint32_t bits = std::isnan(d) ? 0x7FC00000u : std::bit_cast<uint32_t>(static_cast<float>(d));
        rawBytes = little_endian_bytes(bits, 4);
    } else if (type == ElementType::Float64) {
        STEP("3");
        STEP("3.a");  // Value::number holds one NaN: 0x7FF8000000000000
        rawBytes = little_endian_bytes(std::bit_cast<uint64_t>(value.as_number()), 8);
    } else {
        STEP("4");
        STEP("4.a");
        uint32_t n = element_size(type);
        STEP("4.b");
        STEP("4.c");
        uint64_t intBits;  // the n-byte two's complement encoding of intValue (4.d-4.e)
        switch (type) {
        case ElementType::Int8: intBits = uint8_t(MUST(ToInt8(agent, value))); break;
        case ElementType::Uint8: intBits = MUST(ToUint8(agent, value)); break;
        case ElementType::Uint8Clamped: intBits = MUST(ToUint8Clamp(agent, value)); break;
        case ElementType::Int16: intBits = uint16_t(MUST(ToInt16(agent, value))); break;
        case ElementType::Uint16: intBits = MUST(ToUint16(agent, value)); break;
        case ElementType::Int32: intBits = uint32_t(MUST(ToInt32(agent, value))); break;
        case ElementType::Uint32: intBits = MUST(ToUint32(agent, value)); break;
        case ElementType::BigInt64: intBits = uint64_t(MUST(ToBigInt64(agent, value))); break;
        case ElementType::BigUint64: intBits = MUST(ToBigUint64(agent, value)); break;
        default: SPEC_ASSERT(false); intBits = 0;
        }
        STEP("4.d");
        STEP("4.d.i");
        STEP("4.e");
        STEP("4.e.i");
        rawBytes = little_endian_bytes(intBits, n);
    }
    STEP("5");
    if (!isLittleEndian) reverse_bytes(rawBytes);
    STEP("6");
    return rawBytes;
}

void SetValueInBuffer(Agent& agent, ArrayBufferObject& arrayBuffer, uint64_t byteIndex, ElementType type, Value value,
                      bool isTypedArray, Order order, std::optional<bool> isLittleEndian)
{
    SPEC_ALGORITHM("sec-setvalueinbuffer");
    STEP("1");
    SPEC_ASSERT(!IsDetachedBuffer(arrayBuffer));
    STEP("2");
    SPEC_ASSERT(byteIndex + element_size(type) <= arrayBuffer.ArrayBufferData->size());
    STEP("3");
    SPEC_ASSERT(IsBigIntElementType(type) ? value.is_bigint() : value.is_number());
    STEP("4");
    DataBlock& block = *arrayBuffer.ArrayBufferData;
    STEP("5");
    uint32_t elementSize = element_size(type);
    STEP("6");
    if (!isLittleEndian) isLittleEndian = agent.LittleEndian;
    STEP("7");
    RawBytes rawBytes = NumericToRawBytes(agent, type, value, *isLittleEndian);
    STEP("8");
    if (IsSharedArrayBuffer(arrayBuffer)) {
        // 8.a-8.d: the WriteSharedMemory event is not recorded (one agent);
        // its payload is what a later read of these bytes observes.
        STEP("8.a");
        STEP("8.b");
        STEP("8.c");
        [[maybe_unused]] bool noTear = isTypedArray && IsNoTearConfiguration(type, order);
        STEP("8.d");
        std::unique_lock lock(block.seq_cst_accesses, std::defer_lock);  // see GetRawBytesFromSharedBlock
        if (order == Order::SeqCst) lock.lock();
        std::memcpy(block.bytes() + byteIndex, rawBytes.bytes, elementSize);
    } else {
        STEP("9");
        STEP("9.a");
        std::memcpy(block.bytes() + byteIndex, rawBytes.bytes, elementSize);
    }
    STEP("10");
}

Value GetModifySetValueInBuffer(Agent& agent, ArrayBufferObject& arrayBuffer, uint64_t byteIndex, ElementType type,
                                Value value, const ReadModifyWriteFunction& op)
{
    SPEC_ALGORITHM("sec-getmodifysetvalueinbuffer");
    STEP("1");
    SPEC_ASSERT(!IsDetachedBuffer(arrayBuffer));
    STEP("2");
    SPEC_ASSERT(byteIndex + element_size(type) <= arrayBuffer.ArrayBufferData->size());
    STEP("3");
    SPEC_ASSERT(IsBigIntElementType(type) ? value.is_bigint() : value.is_number());
    STEP("4");
    DataBlock& block = *arrayBuffer.ArrayBufferData;
    STEP("5");
    uint32_t elementSize = element_size(type);
    STEP("6");
    bool isLittleEndian = agent.LittleEndian;
    STEP("7");
    RawBytes rawBytes = NumericToRawBytes(agent, type, value, isLittleEndian);
    RawBytes rawBytesRead;
    rawBytesRead.size = elementSize;
    STEP("8");
    if (IsSharedArrayBuffer(arrayBuffer)) {
        // 8.a-8.g: a ReadModifyWriteSharedMemory event; with one agent the
        // chosen value read is the block's bytes and the event applies op.
        STEP("8.a");
        STEP("8.b");
        STEP("8.c");
        STEP("8.d");
        STEP("8.e");
        STEP("8.f");
        STEP("8.g");
    } else {
        STEP("9");
        STEP("9.a");
    }
    // A shared block's read-modify-write is one indivisible ~seq-cst~ access
    // (see GetRawBytesFromSharedBlock).
    std::unique_lock lock(block.seq_cst_accesses, std::defer_lock);
    if (block.is_shared()) lock.lock();
    std::memcpy(rawBytesRead.bytes, block.bytes() + byteIndex, elementSize);
    STEP("9.b");
    RawBytes rawBytesModified = op(rawBytesRead, rawBytes);
    STEP("9.c");
    std::memcpy(block.bytes() + byteIndex, rawBytesModified.bytes, elementSize);
    if (lock.owns_lock()) lock.unlock();
    STEP("10");
    return RawBytesToNumeric(agent, type, rawBytesRead, isLittleEndian);
}

ThrowCompletionOr<ArrayBufferObject*> AllocateSharedArrayBuffer(Agent& agent, Object& constructor, uint64_t byteLength,
                                                                std::optional<uint64_t> maxByteLength)
{
    SPEC_ALGORITHM("sec-allocatesharedarraybuffer");
    STEP("1");
    STEP("2");
    bool allocatingGrowableBuffer = maxByteLength.has_value();
    STEP("3");
    if (allocatingGrowableBuffer) {
        STEP("3.a");
        if (byteLength > *maxByteLength) return throw_range_error(agent, "byteLength exceeds maxByteLength");
        STEP("3.b");
    } else {
        STEP("4");
        STEP("4.a");
    }
    STEP("5");
    ArrayBufferObject* obj = TRY(
        OrdinaryCreateFromConstructor<ArrayBufferObject>(agent, constructor, Intrinsic::SharedArrayBufferPrototype));
    Root<Object*> rooted(obj);
    STEP("6");
    uint64_t allocLength = allocatingGrowableBuffer ? *maxByteLength : byteLength;
    STEP("7");
    std::shared_ptr<DataBlock> block = TRY(CreateSharedByteDataBlock(agent, allocLength));
    STEP("8");
    obj->ArrayBufferData = std::move(block);
    STEP("9");
    if (allocatingGrowableBuffer) {
        STEP("9.a");
        SPEC_ASSERT(byteLength <= *maxByteLength);
        STEP("9.b");
        std::shared_ptr<DataBlock> byteLengthBlock = TRY(CreateSharedByteDataBlock(agent, 8));
        STEP("9.c");
        // SetValueInBuffer on the bare block: the little-endian (agent order) bytes of byteLength.
        RawBytes raw = little_endian_bytes(byteLength, 8);
        if (!agent.LittleEndian) reverse_bytes(raw);
        std::memcpy(byteLengthBlock->bytes(), raw.bytes, 8);
        STEP("9.d");
        obj->ArrayBufferByteLengthData = std::move(byteLengthBlock);
        STEP("9.e");
        obj->ArrayBufferMaxByteLength = *maxByteLength;
    } else {
        STEP("10");
        STEP("10.a");
        obj->ArrayBufferByteLength = byteLength;
    }
    STEP("11");
    return obj;
}

bool IsSharedArrayBuffer(const ArrayBufferObject& obj)
{
    SPEC_ALGORITHM("sec-issharedarraybuffer");
    STEP("1");
    const DataBlock* bufferData = obj.ArrayBufferData.get();
    STEP("2");
    if (!bufferData) return false;
    STEP("3");
    if (!bufferData->is_shared()) return false;
    STEP("4");
    STEP("5");
    return true;
}

ThrowCompletionOr<ArrayBufferObject*> RequireArrayBufferData(Agent& agent, Value O)
{
    auto* buffer = O.is_object() ? dynamic_cast<ArrayBufferObject*>(O.as_object()) : nullptr;
    if (!buffer) return throw_type_error(agent, "not an ArrayBuffer or SharedArrayBuffer");
    return buffer;
}

}  // namespace lockstep
