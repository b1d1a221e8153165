// ECMA-262 §25.1.3 Abstract Operations for ArrayBuffer Objects, and §25.2.2
// Abstract Operations for SharedArrayBuffer Objects (the two share their
// buffers' representation: runtime/array_buffer.h).
// https://tc39.es/ecma262/#sec-abstract-operations-for-arraybuffer-objects
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "runtime/array_buffer.h"
#include "runtime/completion.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class Object;

// A List of byte values of one element (at most 8: the largest Element Size).
struct RawBytes {
    uint8_t bytes[8] = {};
    uint32_t size = 0;
    uint8_t& operator[](size_t i) { return bytes[i]; }
    uint8_t operator[](size_t i) const { return bytes[i]; }
};

// §25.1.3.1 AllocateArrayBuffer ( constructor, byteLength [ , maxByteLength ] );
// maxByteLength nullopt is "not present" or ~empty~
ThrowCompletionOr<ArrayBufferObject*> AllocateArrayBuffer(Agent&, Object& constructor, uint64_t byteLength,
                                                          std::optional<uint64_t> maxByteLength = std::nullopt);
// §25.1.3.2 ArrayBufferByteLength ( arrayBuffer, order )
uint64_t ArrayBufferByteLength(Agent&, ArrayBufferObject& arrayBuffer, Order order);
// §25.1.3.3 ArrayBufferCopyAndDetach ( arrayBuffer, newLength, preserveResizability )
enum class PreserveResizability : uint8_t { PreserveResizability, FixedLength };
ThrowCompletionOr<Value> ArrayBufferCopyAndDetach(Agent&, Value arrayBuffer, Value newLength,
                                                  PreserveResizability preserveResizability);
// §25.1.3.4 IsDetachedBuffer ( arrayBuffer )
bool IsDetachedBuffer(const ArrayBufferObject& arrayBuffer);
// §25.1.3.5 DetachArrayBuffer ( arrayBuffer [ , key ] ); key *undefined* is "not present"
ThrowCompletionOr<void> DetachArrayBuffer(Agent&, ArrayBufferObject& arrayBuffer, Value key = Value::undefined());
// §25.1.3.6 CloneArrayBuffer ( srcBuffer, srcByteOffset, srcLength )
ThrowCompletionOr<ArrayBufferObject*> CloneArrayBuffer(Agent&, ArrayBufferObject& srcBuffer, uint64_t srcByteOffset,
                                                       uint64_t srcLength);
// §25.1.3.7 GetArrayBufferMaxByteLengthOption ( options ): nullopt is ~empty~
ThrowCompletionOr<std::optional<uint64_t>> GetArrayBufferMaxByteLengthOption(Agent&, Value options);
// §25.1.3.9 IsFixedLengthArrayBuffer ( arrayBuffer )
bool IsFixedLengthArrayBuffer(const ArrayBufferObject& arrayBuffer);
// §25.1.3.10 IsUnsignedElementType ( type )
bool IsUnsignedElementType(ElementType type);
// §25.1.3.11 IsUnclampedIntegerElementType ( type )
bool IsUnclampedIntegerElementType(ElementType type);
// §25.1.3.12 IsBigIntElementType ( type )
bool IsBigIntElementType(ElementType type);
// §25.1.3.13 IsNoTearConfiguration ( type, order )
bool IsNoTearConfiguration(ElementType type, Order order);
// §25.1.3.14 RawBytesToNumeric ( type, rawBytes, isLittleEndian ): a Number or a BigInt
Value RawBytesToNumeric(Agent&, ElementType type, RawBytes rawBytes, bool isLittleEndian);
// §25.1.3.15 GetRawBytesFromSharedBlock ( block, byteIndex, type, isTypedArray, order )
RawBytes GetRawBytesFromSharedBlock(Agent&, DataBlock& block, uint64_t byteIndex, ElementType type,
                                    bool isTypedArray, Order order);
// §25.1.3.16 GetValueFromBuffer ( arrayBuffer, byteIndex, type, isTypedArray, order [ , isLittleEndian ] )
Value GetValueFromBuffer(Agent&, ArrayBufferObject& arrayBuffer, uint64_t byteIndex, ElementType type,
                         bool isTypedArray, Order order, std::optional<bool> isLittleEndian = std::nullopt);
// §25.1.3.17 NumericToRawBytes ( type, value, isLittleEndian )
RawBytes NumericToRawBytes(Agent&, ElementType type, Value value, bool isLittleEndian);
// §25.1.3.18 SetValueInBuffer ( arrayBuffer, byteIndex, type, value, isTypedArray, order [ , isLittleEndian ] )
void SetValueInBuffer(Agent&, ArrayBufferObject& arrayBuffer, uint64_t byteIndex, ElementType type, Value value,
                      bool isTypedArray, Order order, std::optional<bool> isLittleEndian = std::nullopt);
// A read-modify-write modification function (§29.1): (xBytes, yBytes) → bytes.
using ReadModifyWriteFunction = std::function<RawBytes(const RawBytes& xBytes, const RawBytes& yBytes)>;
// §25.1.3.19 GetModifySetValueInBuffer ( arrayBuffer, byteIndex, type, value, op )
Value GetModifySetValueInBuffer(Agent&, ArrayBufferObject& arrayBuffer, uint64_t byteIndex, ElementType type,
                                Value value, const ReadModifyWriteFunction& op);

// §25.2.2.1 AllocateSharedArrayBuffer ( constructor, byteLength [ , maxByteLength ] )
ThrowCompletionOr<ArrayBufferObject*> AllocateSharedArrayBuffer(Agent&, Object& constructor, uint64_t byteLength,
                                                                std::optional<uint64_t> maxByteLength = std::nullopt);
// §25.2.2.2 IsSharedArrayBuffer ( obj )
bool IsSharedArrayBuffer(const ArrayBufferObject& obj);

// RequireInternalSlot ( O, [[ArrayBufferData]] ): O as an ArrayBuffer or
// SharedArrayBuffer, or a thrown TypeError.
ThrowCompletionOr<ArrayBufferObject*> RequireArrayBufferData(Agent&, Value O);

// IEEE 754-2019 binary16 conversions (roundTiesToEven), for NumericToRawBytes
// and RawBytesToNumeric of ~float16~.
uint16_t to_binary16_bits(double value);
double from_binary16_bits(uint16_t bits);

}  // namespace lockstep
