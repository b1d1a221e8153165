// ECMA-262 §25.3 DataView Objects: GetViewValue / SetViewValue (§25.3.1.5,
// §25.3.1.6), the constructor (§25.3.2) and the prototype (§25.3.4). The
// buffer witness records are in runtime/data_view_object.cpp.
#include "abstract_ops/array_buffer_operations.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "runtime/data_view_object.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

Value number(double d) { return Value::number(d); }

// RequireInternalSlot ( view, [[DataView]] )
ThrowCompletionOr<DataViewObject*> require_data_view(Agent& agent, Value view)
{
    auto* dataView = view.is_object() ? dynamic_cast<DataViewObject*>(view.as_object()) : nullptr;
    if (!dataView) return throw_type_error(agent, "not a DataView");
    return dataView;
}

// §25.3.1.5 GetViewValue ( view, requestIndex, isLittleEndian, type )
ThrowCompletionOr<Value> GetViewValue(Agent& agent, Value viewValue, Value requestIndex, Value isLittleEndian,
                                      ElementType type)
{
    SPEC_ALGORITHM("sec-getviewvalue");
    STEP("1");
    DataViewObject* view = TRY(require_data_view(agent, viewValue));
    STEP("2");
    SPEC_ASSERT(view->ViewedArrayBuffer);
    STEP("3");
    uint64_t getIndex = TRY(ToIndex(agent, requestIndex));
    STEP("4");
    bool littleEndian = ToBoolean(isLittleEndian);
    STEP("5");
    uint64_t viewOffset = view->ByteOffset;
    STEP("6");
    DataViewWithBufferWitnessRecord viewRecord = MakeDataViewWithBufferWitnessRecord(agent, *view, Order::Unordered);
    STEP("7");
    STEP("8");
    if (IsViewOutOfBounds(viewRecord)) return throw_type_error(agent, "DataView is out of bounds (or detached)");
    STEP("9");
    uint64_t viewSize = GetViewByteLength(viewRecord);
    STEP("10");
    uint32_t elementSize = element_size(type);
    STEP("11");
    if (getIndex + elementSize > viewSize) return throw_range_error(agent, "offset is outside the DataView");
    STEP("12");
    uint64_t bufferIndex = getIndex + viewOffset;
    STEP("13");
    return GetValueFromBuffer(agent, *view->ViewedArrayBuffer, bufferIndex, type, false, Order::Unordered, littleEndian);
}

// §25.3.1.6 SetViewValue ( view, requestIndex, isLittleEndian, type, value )
ThrowCompletionOr<Value> SetViewValue(Agent& agent, Value viewValue, Value requestIndex, Value isLittleEndian,
                                      ElementType type, Value value)
{
    SPEC_ALGORITHM("sec-setviewvalue");
    STEP("1");
    DataViewObject* view = TRY(require_data_view(agent, viewValue));
    STEP("2");
    SPEC_ASSERT(view->ViewedArrayBuffer);
    STEP("3");
    uint64_t getIndex = TRY(ToIndex(agent, requestIndex));
    Value numberValue;
    STEP("4");
    if (IsBigIntElementType(type)) {
        numberValue = Value(TRY(ToBigInt(agent, value)));
    } else {
        STEP("5");
        numberValue = number(TRY(ToNumber(agent, value)));
    }
    Root<Value> rootedValue(numberValue);
    STEP("6");
    bool littleEndian = ToBoolean(isLittleEndian);
    STEP("7");
    uint64_t viewOffset = view->ByteOffset;
    STEP("8");
    DataViewWithBufferWitnessRecord viewRecord = MakeDataViewWithBufferWitnessRecord(agent, *view, Order::Unordered);
    STEP("9");
    STEP("10");
    if (IsViewOutOfBounds(viewRecord)) return throw_type_error(agent, "DataView is out of bounds (or detached)");
    STEP("11");
    uint64_t viewSize = GetViewByteLength(viewRecord);
    STEP("12");
    uint32_t elementSize = element_size(type);
    STEP("13");
    if (getIndex + elementSize > viewSize) return throw_range_error(agent, "offset is outside the DataView");
    STEP("14");
    uint64_t bufferIndex = getIndex + viewOffset;
    STEP("15");
    SetValueInBuffer(agent, *view->ViewedArrayBuffer, bufferIndex, type, numberValue, false, Order::Unordered,
                     littleEndian);
    STEP("16");
    return Value::undefined();
}

// §25.3.2.1 DataView ( buffer [ , byteOffset [ , byteLength ] ] )
ThrowCompletionOr<Value> DataView(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-dataview-buffer-byteoffset-bytelength");
    Value byteLength = argument(args, 2);
    STEP("1");
    if (!NewTarget) return throw_type_error(agent, "DataView constructor requires 'new'");
    STEP("2");
    Root<ArrayBufferObject*> buffer = TRY(RequireArrayBufferData(agent, argument(args, 0)));
    STEP("3");
    uint64_t offset = TRY(ToIndex(agent, argument(args, 1)));
    STEP("4");
    if (IsDetachedBuffer(*buffer)) return throw_type_error(agent, "ArrayBuffer is detached");
    STEP("5");
    uint64_t bufferByteLength = ArrayBufferByteLength(agent, *buffer, Order::SeqCst);
    STEP("6");
    if (offset > bufferByteLength) return throw_range_error(agent, "start offset is outside the buffer");
    STEP("7");
    bool bufferIsFixedLength = IsFixedLengthArrayBuffer(*buffer);
    std::optional<uint64_t> viewByteLength;
    STEP("8");
    if (byteLength.is_undefined()) {
        STEP("8.a");
        if (bufferIsFixedLength) {
            STEP("8.a.i");
            viewByteLength = bufferByteLength - offset;
        } else {
            STEP("8.b");
            STEP("8.b.i");
            viewByteLength = std::nullopt;
        }
    } else {
        STEP("9");
        STEP("9.a");
        viewByteLength = TRY(ToIndex(agent, byteLength));
        STEP("9.b");
        if (offset + *viewByteLength > bufferByteLength)
            return throw_range_error(agent, "length is out of the buffer's range");
    }
    STEP("10");
    DataViewObject* O = TRY(OrdinaryCreateFromConstructor<DataViewObject>(agent, *NewTarget, Intrinsic::DataViewPrototype));
    STEP("11");
    if (IsDetachedBuffer(*buffer)) return throw_type_error(agent, "ArrayBuffer is detached");
    STEP("12");
    bufferByteLength = ArrayBufferByteLength(agent, *buffer, Order::SeqCst);
    STEP("13");
    if (offset > bufferByteLength) return throw_range_error(agent, "start offset is outside the buffer");
    STEP("14");
    if (!byteLength.is_undefined()) {
        STEP("14.a");
        if (offset + *viewByteLength > bufferByteLength)
            return throw_range_error(agent, "length is out of the buffer's range");
    }
    STEP("15");
    O->ViewedArrayBuffer = buffer.get();
    STEP("16");
    O->ByteLength = viewByteLength;
    STEP("17");
    O->ByteOffset = offset;
    STEP("18");
    return Value(O);
}

// §25.3.4.1 get DataView.prototype.buffer
ThrowCompletionOr<Value> get_DataView_prototype_buffer(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                       Object*)
{
    SPEC_ALGORITHM("sec-get-dataview.prototype.buffer");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    DataViewObject* O = TRY(require_data_view(agent, Ovalue));
    STEP("3");
    SPEC_ASSERT(O->ViewedArrayBuffer);
    STEP("4");
    ArrayBufferObject* buffer = O->ViewedArrayBuffer;
    STEP("5");
    return Value(buffer);
}

// §25.3.4.2 get DataView.prototype.byteLength
ThrowCompletionOr<Value> get_DataView_prototype_byteLength(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                           Object*)
{
    SPEC_ALGORITHM("sec-get-dataview.prototype.bytelength");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    DataViewObject* O = TRY(require_data_view(agent, Ovalue));
    STEP("3");
    SPEC_ASSERT(O->ViewedArrayBuffer);
    STEP("4");
    DataViewWithBufferWitnessRecord viewRecord = MakeDataViewWithBufferWitnessRecord(agent, *O, Order::SeqCst);
    STEP("5");
    if (IsViewOutOfBounds(viewRecord)) return throw_type_error(agent, "DataView is out of bounds (or detached)");
    STEP("6");
    uint64_t size = GetViewByteLength(viewRecord);
    STEP("7");
    return number(double(size));
}

// §25.3.4.3 get DataView.prototype.byteOffset
ThrowCompletionOr<Value> get_DataView_prototype_byteOffset(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                           Object*)
{
    SPEC_ALGORITHM("sec-get-dataview.prototype.byteoffset");
    STEP("1");
    Value Ovalue = thisValue;
    STEP("2");
    DataViewObject* O = TRY(require_data_view(agent, Ovalue));
    STEP("3");
    SPEC_ASSERT(O->ViewedArrayBuffer);
    STEP("4");
    DataViewWithBufferWitnessRecord viewRecord = MakeDataViewWithBufferWitnessRecord(agent, *O, Order::SeqCst);
    STEP("5");
    if (IsViewOutOfBounds(viewRecord)) return throw_type_error(agent, "DataView is out of bounds (or detached)");
    STEP("6");
    uint64_t offset = O->ByteOffset;
    STEP("7");
    return number(double(offset));
}

// §25.3.4.5 DataView.prototype.getBigInt64 ( byteOffset [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_getBigInt64(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.getbigint64");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    return GetViewValue(agent, view, argument(args, 0), argument(args, 1), ElementType::BigInt64);
}

// §25.3.4.16 DataView.prototype.setBigInt64 ( byteOffset, value [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_setBigInt64(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.setbigint64");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    return SetViewValue(agent, view, argument(args, 0), argument(args, 2), ElementType::BigInt64, argument(args, 1));
}

// §25.3.4.6 DataView.prototype.getBigUint64 ( byteOffset [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_getBigUint64(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.getbiguint64");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    return GetViewValue(agent, view, argument(args, 0), argument(args, 1), ElementType::BigUint64);
}

// §25.3.4.17 DataView.prototype.setBigUint64 ( byteOffset, value [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_setBigUint64(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.setbiguint64");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    return SetViewValue(agent, view, argument(args, 0), argument(args, 2), ElementType::BigUint64, argument(args, 1));
}

// §25.3.4.7 DataView.prototype.getFloat16 ( byteOffset [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_getFloat16(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.getfloat16");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 1 ? args[1] : Value::boolean(false);
    STEP("3");
    return GetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Float16);
}

// §25.3.4.18 DataView.prototype.setFloat16 ( byteOffset, value [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_setFloat16(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.setfloat16");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 2 ? args[2] : Value::boolean(false);
    STEP("3");
    return SetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Float16, argument(args, 1));
}

// §25.3.4.8 DataView.prototype.getFloat32 ( byteOffset [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_getFloat32(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.getfloat32");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 1 ? args[1] : Value::boolean(false);
    STEP("3");
    return GetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Float32);
}

// §25.3.4.19 DataView.prototype.setFloat32 ( byteOffset, value [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_setFloat32(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.setfloat32");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 2 ? args[2] : Value::boolean(false);
    STEP("3");
    return SetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Float32, argument(args, 1));
}

// §25.3.4.9 DataView.prototype.getFloat64 ( byteOffset [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_getFloat64(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.getfloat64");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 1 ? args[1] : Value::boolean(false);
    STEP("3");
    return GetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Float64);
}

// §25.3.4.20 DataView.prototype.setFloat64 ( byteOffset, value [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_setFloat64(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.setfloat64");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 2 ? args[2] : Value::boolean(false);
    STEP("3");
    return SetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Float64, argument(args, 1));
}

// §25.3.4.10 DataView.prototype.getInt8 ( byteOffset )
ThrowCompletionOr<Value> DataView_prototype_getInt8(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.getint8");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    return GetViewValue(agent, view, argument(args, 0), Value::boolean(true), ElementType::Int8);
}

// §25.3.4.21 DataView.prototype.setInt8 ( byteOffset, value )
ThrowCompletionOr<Value> DataView_prototype_setInt8(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.setint8");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    return SetViewValue(agent, view, argument(args, 0), Value::boolean(true), ElementType::Int8, argument(args, 1));
}

// §25.3.4.11 DataView.prototype.getInt16 ( byteOffset [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_getInt16(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.getint16");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 1 ? args[1] : Value::boolean(false);
    STEP("3");
    return GetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Int16);
}

// §25.3.4.22 DataView.prototype.setInt16 ( byteOffset, value [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_setInt16(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.setint16");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 2 ? args[2] : Value::boolean(false);
    STEP("3");
    return SetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Int16, argument(args, 1));
}

// §25.3.4.12 DataView.prototype.getInt32 ( byteOffset [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_getInt32(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.getint32");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 1 ? args[1] : Value::boolean(false);
    STEP("3");
    return GetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Int32);
}

// §25.3.4.23 DataView.prototype.setInt32 ( byteOffset, value [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_setInt32(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.setint32");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 2 ? args[2] : Value::boolean(false);
    STEP("3");
    return SetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Int32, argument(args, 1));
}

// §25.3.4.13 DataView.prototype.getUint8 ( byteOffset )
ThrowCompletionOr<Value> DataView_prototype_getUint8(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.getuint8");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    return GetViewValue(agent, view, argument(args, 0), Value::boolean(true), ElementType::Uint8);
}

// §25.3.4.24 DataView.prototype.setUint8 ( byteOffset, value )
ThrowCompletionOr<Value> DataView_prototype_setUint8(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.setuint8");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    return SetViewValue(agent, view, argument(args, 0), Value::boolean(true), ElementType::Uint8, argument(args, 1));
}

// §25.3.4.14 DataView.prototype.getUint16 ( byteOffset [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_getUint16(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.getuint16");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 1 ? args[1] : Value::boolean(false);
    STEP("3");
    return GetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Uint16);
}

// §25.3.4.25 DataView.prototype.setUint16 ( byteOffset, value [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_setUint16(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.setuint16");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 2 ? args[2] : Value::boolean(false);
    STEP("3");
    return SetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Uint16, argument(args, 1));
}

// §25.3.4.15 DataView.prototype.getUint32 ( byteOffset [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_getUint32(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.getuint32");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 1 ? args[1] : Value::boolean(false);
    STEP("3");
    return GetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Uint32);
}

// §25.3.4.26 DataView.prototype.setUint32 ( byteOffset, value [ , littleEndian ] )
ThrowCompletionOr<Value> DataView_prototype_setUint32(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-dataview.prototype.setuint32");
    STEP("1");
    Value view = thisValue;
    STEP("2");
    Value littleEndian = args.size() > 2 ? args[2] : Value::boolean(false);
    STEP("3");
    return SetViewValue(agent, view, argument(args, 0), littleEndian, ElementType::Uint32, argument(args, 1));
}
}  // namespace

void CreateDataViewIntrinsics(Agent& agent, Realm& realm)
{
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, DataView, 1, agent.key("DataView"),
                                                         {.realm = &realm, .isConstructor = true});
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_getter(agent, realm, *prototype, agent.key("buffer"), get_DataView_prototype_buffer);
    define_builtin_getter(agent, realm, *prototype, agent.key("byteLength"), get_DataView_prototype_byteLength);
    define_builtin_getter(agent, realm, *prototype, agent.key("byteOffset"), get_DataView_prototype_byteOffset);
    struct Method {
        const char* name;
        BuiltinBehaviour::result_type (*behaviour)(Agent&, BuiltinFunction&, Value, Arguments, Object*);
        double length;
    };
    static const Method methods[] = {
        {"getBigInt64", DataView_prototype_getBigInt64, 1},
        {"setBigInt64", DataView_prototype_setBigInt64, 2},
        {"getBigUint64", DataView_prototype_getBigUint64, 1},
        {"setBigUint64", DataView_prototype_setBigUint64, 2},
        {"getFloat16", DataView_prototype_getFloat16, 1},
        {"setFloat16", DataView_prototype_setFloat16, 2},
        {"getFloat32", DataView_prototype_getFloat32, 1},
        {"setFloat32", DataView_prototype_setFloat32, 2},
        {"getFloat64", DataView_prototype_getFloat64, 1},
        {"setFloat64", DataView_prototype_setFloat64, 2},
        {"getInt8", DataView_prototype_getInt8, 1},
        {"setInt8", DataView_prototype_setInt8, 2},
        {"getInt16", DataView_prototype_getInt16, 1},
        {"setInt16", DataView_prototype_setInt16, 2},
        {"getInt32", DataView_prototype_getInt32, 1},
        {"setInt32", DataView_prototype_setInt32, 2},
        {"getUint8", DataView_prototype_getUint8, 1},
        {"setUint8", DataView_prototype_setUint8, 2},
        {"getUint16", DataView_prototype_getUint16, 1},
        {"setUint16", DataView_prototype_setUint16, 2},
        {"getUint32", DataView_prototype_getUint32, 1},
        {"setUint32", DataView_prototype_setUint32, 2},
    };
    for (const Method& method : methods)
        define_builtin_function(agent, realm, *prototype, method.name, method.behaviour, method.length);
    define_to_string_tag(agent, *prototype, "DataView");

    realm.set_intrinsic(Intrinsic::DataView, constructor);
    realm.set_intrinsic(Intrinsic::DataViewPrototype, prototype);
}

}  // namespace lockstep
