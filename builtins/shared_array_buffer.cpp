// ECMA-262 §25.2 SharedArrayBuffer Objects: the constructor (§25.2.3,
// §25.2.4) and the prototype (§25.2.5). AllocateSharedArrayBuffer and
// IsSharedArrayBuffer are in abstract_ops/array_buffer_operations.cpp.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "abstract_ops/array_buffer_operations.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/atomics.h"
#include "builtins/builtin_helpers.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

Value number(double d) { return Value::number(d); }

double clamp_relative(double relative, double len)
{
    if (relative == -INFINITY) return 0;
    return resolve_relative_index(relative, len);
}

// RequireInternalSlot ( O, [[ArrayBufferData]] ) and IsSharedArrayBuffer ( O ) is *true*:
// the steps every SharedArrayBuffer.prototype member starts with.
ThrowCompletionOr<ArrayBufferObject*> require_shared(Agent& agent, Value O, const char* what)
{
    ArrayBufferObject* buffer = TRY(RequireArrayBufferData(agent, O));
    if (!IsSharedArrayBuffer(*buffer)) return throw_type_error(agent, std::string(what) + ": not a SharedArrayBuffer");
    return buffer;
}

// §25.2.3.1 SharedArrayBuffer ( length [ , options ] )
ThrowCompletionOr<Value> SharedArrayBuffer(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-sharedarraybuffer-length");
    STEP("1");
    if (!NewTarget) return throw_type_error(agent, "SharedArrayBuffer constructor requires 'new'");
    STEP("2");
    uint64_t byteLength = TRY(ToIndex(agent, argument(args, 0)));
    STEP("3");
    std::optional<uint64_t> requestedMaxByteLength = TRY(GetArrayBufferMaxByteLengthOption(agent, argument(args, 1)));
    STEP("4");
    return Value(TRY(AllocateSharedArrayBuffer(agent, *NewTarget, byteLength, requestedMaxByteLength)));
}

// §25.2.4.2 get SharedArrayBuffer [ %Symbol.species% ]
ThrowCompletionOr<Value> get_SharedArrayBuffer_species(Agent&, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-sharedarraybuffer-%symbol.species%");
    STEP("1");
    return thisValue;
}

// §25.2.5.1 get SharedArrayBuffer.prototype.byteLength
ThrowCompletionOr<Value> get_SharedArrayBuffer_prototype_byteLength(Agent& agent, BuiltinFunction&, Value thisValue,
                                                                    Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-sharedarraybuffer.prototype.bytelength");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    STEP("3");
    ArrayBufferObject* O = TRY(require_shared(agent, Ovalue, "SharedArrayBuffer.prototype.byteLength"));
    STEP("4");
    uint64_t length = ArrayBufferByteLength(agent, *O, Order::SeqCst);
    STEP("5");
    return number(double(length));
}

// §25.2.5.3 SharedArrayBuffer.prototype.grow ( newLength )
ThrowCompletionOr<Value> SharedArrayBuffer_prototype_grow(Agent& agent, BuiltinFunction&, Value thisValue,
                                                          Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-sharedarraybuffer.prototype.grow");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    ArrayBufferObject* O = TRY(RequireArrayBufferData(agent, Ovalue));
    if (!O->ArrayBufferMaxByteLength)
        return throw_type_error(agent, "SharedArrayBuffer.prototype.grow: the buffer is not growable");
    STEP("3");
    if (!IsSharedArrayBuffer(*O)) return throw_type_error(agent, "SharedArrayBuffer.prototype.grow: not a SharedArrayBuffer");
    STEP("4");
    uint64_t newByteLength = TRY(ToIndex(agent, argument(args, 0)));
    STEP("5");
    BufferResizeResult hostHandled = TRY(agent.host.HostGrowSharedArrayBuffer(agent, O, newByteLength));
    STEP("6");
    if (hostHandled == BufferResizeResult::Handled) return Value::undefined();
    STEP("7");
    bool isLittleEndian = agent.LittleEndian;
    STEP("8");
    DataBlock& byteLengthBlock = *O->ArrayBufferByteLengthData;
    STEP("9");
    RawBytes currentByteLengthRawBytes =
        GetRawBytesFromSharedBlock(agent, byteLengthBlock, 0, ElementType::BigUint64, true, Order::SeqCst);
    STEP("10");
    // NumericToRawBytes(~biguint64~, ℤ(newByteLength), isLittleEndian), without the BigInt cell.
    RawBytes newByteLengthRawBytes;
    newByteLengthRawBytes.size = 8;
    for (int i = 0; i < 8; ++i) newByteLengthRawBytes[isLittleEndian ? i : 7 - i] = uint8_t(newByteLength >> (8 * i));
    STEP("11");
    while (true) {
        STEP("11.a");
        STEP("11.b");
        uint64_t currentByteLength = 0;
        for (int i = 0; i < 8; ++i)
            currentByteLength |= uint64_t(currentByteLengthRawBytes[isLittleEndian ? i : 7 - i]) << (8 * i);
        STEP("11.c");
        if (newByteLength == currentByteLength) return Value::undefined();
        STEP("11.d");
        if (newByteLength < currentByteLength || newByteLength > *O->ArrayBufferMaxByteLength)
            return throw_range_error(agent, "SharedArrayBuffer.prototype.grow: invalid new length");
        STEP("11.e");
        STEP("11.f");  // the block was allocated at its maximum size: growing cannot fail
        STEP("11.g");
        STEP("11.h");
        RawBytes readByteLengthRawBytes = AtomicCompareExchangeInSharedBlock(
            agent, byteLengthBlock, 0, 8, currentByteLengthRawBytes, newByteLengthRawBytes);
        STEP("11.i");
        if (ByteListEqual(readByteLengthRawBytes, currentByteLengthRawBytes)) return Value::undefined();
        STEP("11.j");
        currentByteLengthRawBytes = readByteLengthRawBytes;
    }
}

// §25.2.5.4 get SharedArrayBuffer.prototype.growable
ThrowCompletionOr<Value> get_SharedArrayBuffer_prototype_growable(Agent& agent, BuiltinFunction&, Value thisValue,
                                                                  Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-sharedarraybuffer.prototype.growable");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    STEP("3");
    ArrayBufferObject* O = TRY(require_shared(agent, Ovalue, "SharedArrayBuffer.prototype.growable"));
    STEP("4");
    return Value::boolean(!IsFixedLengthArrayBuffer(*O));
}

// §25.2.5.5 get SharedArrayBuffer.prototype.maxByteLength
ThrowCompletionOr<Value> get_SharedArrayBuffer_prototype_maxByteLength(Agent& agent, BuiltinFunction&, Value thisValue,
                                                                       Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-sharedarraybuffer.prototype.maxbytelength");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    STEP("3");
    ArrayBufferObject* O = TRY(require_shared(agent, Ovalue, "SharedArrayBuffer.prototype.maxByteLength"));
    uint64_t length;
    STEP("4");
    if (IsFixedLengthArrayBuffer(*O)) {
        STEP("4.a");
        length = O->ArrayBufferByteLength;
    } else {
        STEP("5");
        STEP("5.a");
        length = *O->ArrayBufferMaxByteLength;
    }
    STEP("6");
    return number(double(length));
}

// §25.2.5.6 SharedArrayBuffer.prototype.slice ( start, end )
ThrowCompletionOr<Value> SharedArrayBuffer_prototype_slice(Agent& agent, BuiltinFunction&, Value thisValue,
                                                           Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-sharedarraybuffer.prototype.slice");
    Value end = argument(args, 1);
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    STEP("3");
    Root<ArrayBufferObject*> O = TRY(require_shared(agent, Ovalue, "SharedArrayBuffer.prototype.slice"));
    STEP("4");
    double len = double(ArrayBufferByteLength(agent, *O, Order::SeqCst));
    STEP("5");
    double relativeStart = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("6-8");
    double first = clamp_relative(relativeStart, len);
    STEP("9");
    double relativeEnd = end.is_undefined() ? len : TRY(ToIntegerOrInfinity(agent, end));
    STEP("10-12");
    double final_ = clamp_relative(relativeEnd, len);
    STEP("13");
    double newLen = std::max(final_ - first, 0.0);
    STEP("14");
    Object* ctor = TRY(SpeciesConstructor(agent, *O, *agent.current_realm()->intrinsic(Intrinsic::SharedArrayBuffer)));
    STEP("15");
    Value ctorArgs[] = {number(newLen)};
    Object* newObject = TRY(Construct(agent, *ctor, ctorArgs));
    STEP("16");
    ArrayBufferObject* new_ = TRY(RequireArrayBufferData(agent, newObject));
    STEP("17");
    if (!IsSharedArrayBuffer(*new_)) return throw_type_error(agent, "species constructor made no SharedArrayBuffer");
    STEP("18");
    if (new_->ArrayBufferData == O->ArrayBufferData)
        return throw_type_error(agent, "species constructor returned the same SharedArrayBuffer");
    STEP("19");
    if (double(ArrayBufferByteLength(agent, *new_, Order::SeqCst)) < newLen)
        return throw_type_error(agent, "species constructor made a too small SharedArrayBuffer");
    STEP("20");
    DataBlock& fromBuf = *O->ArrayBufferData;
    STEP("21");
    DataBlock& toBuf = *new_->ArrayBufferData;
    STEP("22");
    CopyDataBlockBytes(toBuf, 0, fromBuf, uint64_t(first), uint64_t(newLen));
    STEP("23");
    return Value(new_);
}

}  // namespace

void CreateSharedArrayBufferIntrinsics(Agent& agent, Realm& realm)
{
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, SharedArrayBuffer, 1, agent.key("SharedArrayBuffer"),
                                                         {.realm = &realm, .isConstructor = true});
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_getter(agent, realm, *constructor, agent.well_known_symbol(WellKnownSymbol::species),
                          get_SharedArrayBuffer_species);

    define_builtin_getter(agent, realm, *prototype, agent.key("byteLength"),
                          get_SharedArrayBuffer_prototype_byteLength);
    define_builtin_function(agent, realm, *prototype, "grow", SharedArrayBuffer_prototype_grow, 1);
    define_builtin_getter(agent, realm, *prototype, agent.key("growable"), get_SharedArrayBuffer_prototype_growable);
    define_builtin_getter(agent, realm, *prototype, agent.key("maxByteLength"),
                          get_SharedArrayBuffer_prototype_maxByteLength);
    define_builtin_function(agent, realm, *prototype, "slice", SharedArrayBuffer_prototype_slice, 2);
    define_to_string_tag(agent, *prototype, "SharedArrayBuffer");

    realm.set_intrinsic(Intrinsic::SharedArrayBuffer, constructor);
    realm.set_intrinsic(Intrinsic::SharedArrayBufferPrototype, prototype);
}

}  // namespace lockstep
