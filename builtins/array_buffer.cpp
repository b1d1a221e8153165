// ECMA-262 §25.1 ArrayBuffer Objects: the constructor (§25.1.4, §25.1.5) and
// the prototype (§25.1.6). The abstract operations are in
// abstract_ops/array_buffer_operations.cpp.
#include <algorithm>
#include <cmath>

#include "abstract_ops/array_buffer_operations.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "runtime/data_view_object.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/typed_array_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

Value number(double d) { return Value::number(d); }

// The steps "If relative = -∞, let index be 0. Else if relative < 0, let
// index be max(len + relative, 0). Else, let index be min(relative, len)."
double clamp_relative(double relative, double len)
{
    if (relative == -INFINITY) return 0;
    return resolve_relative_index(relative, len);
}

// §25.1.4.1 ArrayBuffer ( length [ , options ] )
ThrowCompletionOr<Value> ArrayBuffer(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-arraybuffer-length");
    STEP("1");
    if (!NewTarget) return throw_type_error(agent, "ArrayBuffer constructor requires 'new'");
    STEP("2");
    uint64_t byteLength = TRY(ToIndex(agent, argument(args, 0)));
    STEP("3");
    std::optional<uint64_t> requestedMaxByteLength = TRY(GetArrayBufferMaxByteLengthOption(agent, argument(args, 1)));
    STEP("4");
    return Value(TRY(AllocateArrayBuffer(agent, *NewTarget, byteLength, requestedMaxByteLength)));
}

// §25.1.5.1 ArrayBuffer.isView ( arg )
ThrowCompletionOr<Value> ArrayBuffer_isView(Agent&, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-arraybuffer.isview");
    Value arg = argument(args, 0);
    STEP("1");
    if (!arg.is_object()) return Value::boolean(false);
    STEP("2");
    if (as_typed_array(arg) || dynamic_cast<DataViewObject*>(arg.as_object())) return Value::boolean(true);
    STEP("3");
    return Value::boolean(false);
}

// §25.1.5.3 get ArrayBuffer [ %Symbol.species% ]
ThrowCompletionOr<Value> get_ArrayBuffer_species(Agent&, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-arraybuffer-%symbol.species%");
    STEP("1");
    return thisValue;
}

// §25.1.6.1 get ArrayBuffer.prototype.byteLength
ThrowCompletionOr<Value> get_ArrayBuffer_prototype_byteLength(Agent& agent, BuiltinFunction&, Value thisValue,
                                                              Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-arraybuffer.prototype.bytelength");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    ArrayBufferObject* O = TRY(RequireArrayBufferData(agent, Ovalue));
    STEP("3");
    if (IsSharedArrayBuffer(*O)) return throw_type_error(agent, "ArrayBuffer.prototype.byteLength: a SharedArrayBuffer");
    STEP("4");
    if (IsDetachedBuffer(*O)) return number(0);
    STEP("5");
    uint64_t length = O->ArrayBufferByteLength;
    STEP("6");
    return number(double(length));
}

// §25.1.6.3 get ArrayBuffer.prototype.detached
ThrowCompletionOr<Value> get_ArrayBuffer_prototype_detached(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                            Object*)
{
    SPEC_ALGORITHM("sec-get-arraybuffer.prototype.detached");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    ArrayBufferObject* O = TRY(RequireArrayBufferData(agent, Ovalue));
    STEP("3");
    if (IsSharedArrayBuffer(*O)) return throw_type_error(agent, "ArrayBuffer.prototype.detached: a SharedArrayBuffer");
    STEP("4");
    return Value::boolean(IsDetachedBuffer(*O));
}

// §25.1.6.4 get ArrayBuffer.prototype.maxByteLength
ThrowCompletionOr<Value> get_ArrayBuffer_prototype_maxByteLength(Agent& agent, BuiltinFunction&, Value thisValue,
                                                                 Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-arraybuffer.prototype.maxbytelength");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    ArrayBufferObject* O = TRY(RequireArrayBufferData(agent, Ovalue));
    STEP("3");
    if (IsSharedArrayBuffer(*O))
        return throw_type_error(agent, "ArrayBuffer.prototype.maxByteLength: a SharedArrayBuffer");
    STEP("4");
    if (IsDetachedBuffer(*O)) return number(0);
    uint64_t length;
    STEP("5");
    if (IsFixedLengthArrayBuffer(*O)) {
        STEP("5.a");
        length = O->ArrayBufferByteLength;
    } else {
        STEP("6");
        STEP("6.a");
        length = *O->ArrayBufferMaxByteLength;
    }
    STEP("7");
    return number(double(length));
}

// §25.1.6.5 get ArrayBuffer.prototype.resizable
ThrowCompletionOr<Value> get_ArrayBuffer_prototype_resizable(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                             Object*)
{
    SPEC_ALGORITHM("sec-get-arraybuffer.prototype.resizable");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    ArrayBufferObject* O = TRY(RequireArrayBufferData(agent, Ovalue));
    STEP("3");
    if (IsSharedArrayBuffer(*O)) return throw_type_error(agent, "ArrayBuffer.prototype.resizable: a SharedArrayBuffer");
    STEP("4");
    return Value::boolean(!IsFixedLengthArrayBuffer(*O));
}

// §25.1.6.6 ArrayBuffer.prototype.resize ( newLength )
ThrowCompletionOr<Value> ArrayBuffer_prototype_resize(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                      Object*)
{
    SPEC_ALGORITHM("sec-arraybuffer.prototype.resize");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    ArrayBufferObject* O = TRY(RequireArrayBufferData(agent, Ovalue));
    if (!O->ArrayBufferMaxByteLength)
        return throw_type_error(agent, "ArrayBuffer.prototype.resize: the ArrayBuffer is not resizable");
    STEP("3");
    if (IsSharedArrayBuffer(*O)) return throw_type_error(agent, "ArrayBuffer.prototype.resize: a SharedArrayBuffer");
    STEP("4");
    uint64_t newByteLength = TRY(ToIndex(agent, argument(args, 0)));
    STEP("5");
    if (IsDetachedBuffer(*O)) return throw_type_error(agent, "ArrayBuffer is detached");
    STEP("6");
    if (newByteLength > *O->ArrayBufferMaxByteLength) return throw_range_error(agent, "new length exceeds maxByteLength");
    STEP("7");
    BufferResizeResult hostHandled = TRY(agent.host.HostResizeArrayBuffer(agent, O, newByteLength));
    STEP("8");
    if (hostHandled == BufferResizeResult::Handled) return Value::undefined();
    STEP("9");
    std::shared_ptr<DataBlock> oldBlock = O->ArrayBufferData;
    STEP("10");
    std::shared_ptr<DataBlock> newBlock = TRY(CreateByteDataBlock(agent, newByteLength));
    STEP("11");
    uint64_t copyLength = std::min(newByteLength, O->ArrayBufferByteLength);
    STEP("12");
    CopyDataBlockBytes(*newBlock, 0, *oldBlock, 0, copyLength);
    STEP("13");
    STEP("14");
    O->ArrayBufferData = std::move(newBlock);
    STEP("15");
    O->ArrayBufferByteLength = newByteLength;
    STEP("16");
    return Value::undefined();
}

// §25.1.6.7 ArrayBuffer.prototype.slice ( start, end )
ThrowCompletionOr<Value> ArrayBuffer_prototype_slice(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                     Object*)
{
    SPEC_ALGORITHM("sec-arraybuffer.prototype.slice");
    Value end = argument(args, 1);
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    ArrayBufferObject* O = TRY(RequireArrayBufferData(agent, Ovalue));
    STEP("3");
    if (IsSharedArrayBuffer(*O)) return throw_type_error(agent, "ArrayBuffer.prototype.slice: a SharedArrayBuffer");
    STEP("4");
    if (IsDetachedBuffer(*O)) return throw_type_error(agent, "ArrayBuffer is detached");
    STEP("5");
    double len = double(O->ArrayBufferByteLength);
    STEP("6");
    double relativeStart = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("7-9");
    double first = clamp_relative(relativeStart, len);
    STEP("10");
    double relativeEnd = end.is_undefined() ? len : TRY(ToIntegerOrInfinity(agent, end));
    STEP("11-13");
    double final_ = clamp_relative(relativeEnd, len);
    STEP("14");
    double newLen = std::max(final_ - first, 0.0);
    STEP("15");
    Object* ctor = TRY(SpeciesConstructor(agent, *O, *agent.current_realm()->intrinsic(Intrinsic::ArrayBuffer)));
    STEP("16");
    Value ctorArgs[] = {number(newLen)};
    Object* newObject = TRY(Construct(agent, *ctor, ctorArgs));
    STEP("17");
    ArrayBufferObject* new_ = TRY(RequireArrayBufferData(agent, newObject));
    STEP("18");
    if (IsSharedArrayBuffer(*new_)) return throw_type_error(agent, "species constructor made a SharedArrayBuffer");
    STEP("19");
    if (IsDetachedBuffer(*new_)) return throw_type_error(agent, "species constructor made a detached ArrayBuffer");
    STEP("20");
    if (new_ == O) return throw_type_error(agent, "species constructor returned the same ArrayBuffer");
    STEP("21");
    if (double(new_->ArrayBufferByteLength) < newLen)
        return throw_type_error(agent, "species constructor made a too small ArrayBuffer");
    STEP("22");
    STEP("23");
    if (IsDetachedBuffer(*O)) return throw_type_error(agent, "ArrayBuffer is detached");
    STEP("24");
    DataBlock& fromBuf = *O->ArrayBufferData;
    STEP("25");
    DataBlock& toBuf = *new_->ArrayBufferData;
    STEP("26");
    double currentLen = double(O->ArrayBufferByteLength);
    STEP("27");
    if (first < currentLen) {
        STEP("27.a");
        double count = std::min(newLen, currentLen - first);
        STEP("27.b");
        CopyDataBlockBytes(toBuf, 0, fromBuf, uint64_t(first), uint64_t(count));
    }
    STEP("28");
    return Value(new_);
}

// §25.1.6.8 ArrayBuffer.prototype.transfer ( [ newLength ] )
ThrowCompletionOr<Value> ArrayBuffer_prototype_transfer(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                        Object*)
{
    SPEC_ALGORITHM("sec-arraybuffer.prototype.transfer");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    return ArrayBufferCopyAndDetach(agent, O, argument(args, 0), PreserveResizability::PreserveResizability);
}

// §25.1.6.9 ArrayBuffer.prototype.transferToFixedLength ( [ newLength ] )
ThrowCompletionOr<Value> ArrayBuffer_prototype_transferToFixedLength(Agent& agent, BuiltinFunction&, Value thisValue,
                                                                     Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-arraybuffer.prototype.transfertofixedlength");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    return ArrayBufferCopyAndDetach(agent, O, argument(args, 0), PreserveResizability::FixedLength);
}

}  // namespace

void CreateArrayBufferIntrinsics(Agent& agent, Realm& realm)
{
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, ArrayBuffer, 1, agent.key("ArrayBuffer"),
                                                         {.realm = &realm, .isConstructor = true});
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_function(agent, realm, *constructor, "isView", ArrayBuffer_isView, 1);
    define_builtin_getter(agent, realm, *constructor, agent.well_known_symbol(WellKnownSymbol::species),
                          get_ArrayBuffer_species);

    define_builtin_getter(agent, realm, *prototype, agent.key("byteLength"), get_ArrayBuffer_prototype_byteLength);
    define_builtin_getter(agent, realm, *prototype, agent.key("detached"), get_ArrayBuffer_prototype_detached);
    define_builtin_getter(agent, realm, *prototype, agent.key("maxByteLength"), get_ArrayBuffer_prototype_maxByteLength);
    define_builtin_getter(agent, realm, *prototype, agent.key("resizable"), get_ArrayBuffer_prototype_resizable);
    define_builtin_function(agent, realm, *prototype, "resize", ArrayBuffer_prototype_resize, 1);
    define_builtin_function(agent, realm, *prototype, "slice", ArrayBuffer_prototype_slice, 2);
    define_builtin_function(agent, realm, *prototype, "transfer", ArrayBuffer_prototype_transfer, 0);
    define_builtin_function(agent, realm, *prototype, "transferToFixedLength",
                            ArrayBuffer_prototype_transferToFixedLength, 0);
    define_to_string_tag(agent, *prototype, "ArrayBuffer");

    realm.set_intrinsic(Intrinsic::ArrayBuffer, constructor);
    realm.set_intrinsic(Intrinsic::ArrayBufferPrototype, prototype);
}

}  // namespace lockstep
