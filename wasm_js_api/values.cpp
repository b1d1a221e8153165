// WebAssembly JS API §4 (index.bs "Exported Functions" … "ToJSValue",
// "ToWebAssemblyValue"): the conversions between JS values and Wasm values,
// and the value type names of the descriptors (ToValueType, DefaultValue).
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/bigint.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "spec/step.h"
#include "wasm/valid/type_registry.h"
#include "wasm_js_api/web_assembly.h"

#include <cmath>

namespace lockstep::wasm_js_api {

using wasm::AbsHeap;
using wasm::HeapType;
using wasm::Ref;
using wasm::ValKind;
using wasm::ValType;

std::optional<ValType> ToValueType(std::string_view s)
{
    SPEC_ALGORITHM("tovaluetype");
    STEP("1");  if (s == "i32") return wasm::kI32;
    STEP("2");  if (s == "i64") return wasm::kI64;
    STEP("3");  if (s == "f32") return wasm::kF32;
    STEP("4");  if (s == "f64") return wasm::kF64;
    STEP("5");  if (s == "v128") return wasm::kV128;
    STEP("6");  if (s == "anyfunc" || s == "funcref") return ValType::ref(true, HeapType::abs(AbsHeap::Func));
    STEP("7");  if (s == "externref") return ValType::ref(true, HeapType::abs(AbsHeap::Extern));
    STEP("8");  // not reached for the names the spec lists;
    // Wasm 3.0 adds the abstract reference types the GC tests name.
    if (s == "anyref") return ValType::ref(true, HeapType::abs(AbsHeap::Any));
    if (s == "eqref") return ValType::ref(true, HeapType::abs(AbsHeap::Eq));
    if (s == "i31ref") return ValType::ref(true, HeapType::abs(AbsHeap::I31));
    if (s == "structref") return ValType::ref(true, HeapType::abs(AbsHeap::Struct));
    if (s == "arrayref") return ValType::ref(true, HeapType::abs(AbsHeap::Array));
    if (s == "exnref") return ValType::ref(true, HeapType::abs(AbsHeap::Exn));
    if (s == "nullref") return ValType::ref(true, HeapType::abs(AbsHeap::None));
    if (s == "nullfuncref") return ValType::ref(true, HeapType::abs(AbsHeap::NoFunc));
    if (s == "nullexternref") return ValType::ref(true, HeapType::abs(AbsHeap::NoExtern));
    return std::nullopt;
}

wasm::Value DefaultValue(Agent& agent, const ValType& valuetype)
{
    SPEC_ALGORITHM("defaultvalue");
    STEP("1");
    if (valuetype == ValType::ref(true, HeapType::abs(AbsHeap::Extern)))
        return MUST(ToWebAssemblyValue(agent, Value::undefined(), valuetype));
    STEP("2");  // val_default: zero, or a null reference
    if (valuetype.is_ref()) return wasm::Value::from_ref(Ref::null());
    return wasm::Value();
}

Value RetrievingAHostValue(Agent& agent, uint32_t hostaddr)
{
    SPEC_ALGORITHM("retrieving-a-host-value");
    STEP("1");  auto& map = state(agent).host_values;
    STEP("2");  SPEC_ASSERT(hostaddr < map.size());
    STEP("3");  return map[hostaddr];
}

namespace {

// An Exported GC Object: an opaque, inert object standing for a struct or an
// array ([[ObjectAddress]], [[ObjectKind]] as the Ref's kind), with the
// internal methods of its own clause: no prototype, no properties, not
// extensible, and writes or deletes throw a TypeError.
class ExportedGCObject final : public Object {
public:
    using Object::Object;
    Ref ObjectAddress;

    bool has_ordinary_get_prototype_of() const override { return false; }
    ThrowCompletionOr<Object*> GetPrototypeOf(Agent&) override
    {
        SPEC_ALGORITHM("getprototypeof-internal-method-of-an-exported-gc-object");
        STEP("1");  return static_cast<Object*>(nullptr);
    }
    ThrowCompletionOr<bool> SetPrototypeOf(Agent&, Object*) override
    {
        SPEC_ALGORITHM("setprototypeof-internal-method-of-an-exported-gc-object");
        STEP("1");  return false;
    }
    ThrowCompletionOr<bool> IsExtensible(Agent&) override
    {
        SPEC_ALGORITHM("isextensible-internal-method-of-an-exported-gc-object");
        STEP("1");  return false;
    }
    ThrowCompletionOr<bool> PreventExtensions(Agent&) override
    {
        SPEC_ALGORITHM("preventextensions-internal-method-of-an-exported-gc-object");
        STEP("1");  return false;
    }
    ThrowCompletionOr<std::optional<PropertyDescriptor>> GetOwnProperty(Agent&, PropertyKey) override
    {
        SPEC_ALGORITHM("getownproperty-internal-method-of-an-exported-gc-object");
        STEP("1");  return std::optional<PropertyDescriptor>{};
    }
    ThrowCompletionOr<bool> DefineOwnProperty(Agent&, PropertyKey, const PropertyDescriptor&) override
    {
        SPEC_ALGORITHM("defineownproperty-internal-method-of-an-exported-gc-object");
        STEP("1");  return false;
    }
    ThrowCompletionOr<bool> HasProperty(Agent&, PropertyKey) override
    {
        SPEC_ALGORITHM("hasproperty-internal-method-of-an-exported-gc-object");
        STEP("1");  return false;
    }
    ThrowCompletionOr<Value> Get(Agent&, PropertyKey, Value) override
    {
        SPEC_ALGORITHM("get-internal-method-of-an-exported-gc-object");
        STEP("1");  return Value::undefined();
    }
    ThrowCompletionOr<bool> Set(Agent& agent, PropertyKey, Value, Value) override
    {
        SPEC_ALGORITHM("set-internal-method-of-an-exported-gc-object");
        STEP("1");  return throw_type_error(agent, "a WebAssembly GC object has no properties to set");
    }
    ThrowCompletionOr<bool> Delete(Agent& agent, PropertyKey) override
    {
        SPEC_ALGORITHM("delete-internal-method-of-an-exported-gc-object");
        STEP("1");  return throw_type_error(agent, "a WebAssembly GC object has no properties to delete");
    }
    ThrowCompletionOr<List<PropertyKey>> OwnPropertyKeys(Agent&) override
    {
        SPEC_ALGORITHM("ownpropertykeys-internal-method-of-an-exported-gc-object");
        STEP("1");  List<PropertyKey> keys;
        STEP("2");  return keys;
    }
};

// a new Exported GC Object from objectaddr and objectkind (the Ref's kind)
Object* ANewExportedGCObject(Agent& agent, const Ref& objectaddr)
{
    SPEC_ALGORITHM("a-new-exported-gc-object");
    STEP("1");  SPEC_ASSERT(objectaddr.kind == Ref::Array || objectaddr.kind == Ref::Struct);
    STEP("2");  auto& map = state(agent).object_cache;
    STEP("3");
    if (auto it = map.find(objectaddr.ptr); it != map.end()) {
        STEP("3.a");  return it->second;
    }
    STEP("4");  auto* object = MakeBasicObject<ExportedGCObject>(agent);
    object->Prototype = nullptr;
    STEP("5-6");  object->ObjectAddress = objectaddr;
    STEP("7-17");  // the overrides of ExportedGCObject
    STEP("18");  map[objectaddr.ptr] = object;
    STEP("19");  return object;
}

}  // namespace

ThrowCompletionOr<Value> ToJSValue(Agent& agent, const wasm::Value& w, const ValType& type)
{
    SPEC_ALGORITHM("tojsvalue");
    STEP("1");  SPEC_ASSERT(type.kind != ValKind::V128);
    STEP("2");  SPEC_ASSERT(!(type.is_ref() && !w.ref.is_null() && w.ref.kind == Ref::Exn));
    STEP("3");
    if (type.kind == ValKind::I64) {
        STEP("3.a-3.b");
        return Value(BigInt::create(agent.heap, BigInt::Integer(static_cast<int64_t>(w.i64))));
    }
    STEP("4");
    if (type.kind == ValKind::I32) {
        STEP("4.a-4.b");
        return Value::number(static_cast<int32_t>(w.i32));
    }
    STEP("5");
    if (type.kind == ValKind::F32) {
        STEP("5.a-5.c");
        return Value::number(static_cast<double>(w.f32));
    }
    STEP("6");
    if (type.kind == ValKind::F64) {
        STEP("6.a-6.c");
        return Value::number(w.f64);
    }
    const Ref& r = w.ref;
    const bool external = r.externalized;  // ref.extern ref (an internal reference made external)
    STEP("7");
    if (r.is_null()) return Value::null();
    STEP("8");
    if (!external && r.kind == Ref::I31) {
        STEP("8.a-8.b");
        const int32_t i31 = static_cast<int32_t>(r.bits << 1) >> 1;
        return Value::number(i31);
    }
    STEP("9");
    if (!external && r.kind == Ref::Struct) return Value(ANewExportedGCObject(agent, r));
    STEP("10");
    if (!external && r.kind == Ref::Array) return Value(ANewExportedGCObject(agent, r));
    STEP("11");
    if (!external && r.kind == Ref::Func) return Value(ANewExportedFunction(agent, r.as_func()));
    STEP("12");
    if (r.kind == Ref::Host) return RetrievingAHostValue(agent, r.bits);
    STEP("13");
    if (external) {
        Ref internal = r;
        internal.externalized = false;
        return ToJSValue(agent, wasm::Value::from_ref(internal), ValType::ref(true, HeapType::abs(AbsHeap::Any)));
    }
    SPEC_ASSERT(false);  // every reference kind is handled above
    return Value::undefined();
}

ThrowCompletionOr<wasm::Value> ToWebAssemblyValue(Agent& agent, Value v, const ValType& type)
{
    SPEC_ALGORITHM("towebassemblyvalue");
    STEP("1");  SPEC_ASSERT(type.kind != ValKind::V128);
    STEP("2");
    STEP("3");
    if (type.kind == ValKind::I64) {
        STEP("3.a");  int64_t i64 = TRY(ToBigInt64(agent, v));
        STEP("3.b-3.c");  return wasm::Value::from_i64(static_cast<uint64_t>(i64));
    }
    STEP("4");
    if (type.kind == ValKind::I32) {
        STEP("4.a");  int32_t i32 = TRY(ToInt32(agent, v));
        STEP("4.b-4.c");  return wasm::Value::from_i32(static_cast<uint32_t>(i32));
    }
    STEP("5");
    if (type.kind == ValKind::F32) {
        STEP("5.a");  double number = TRY(ToNumber(agent, v));
        STEP("5.b");
        if (std::isnan(number)) {
            STEP("5.b.i-5.b.ii");  return wasm::Value::from_f32_bits(0x7FC00000u);
        }
        STEP("5.c");  // the nearest f32, ties to even
        STEP("5.d");  return wasm::Value::from_f32(static_cast<float>(number));
    }
    STEP("6");
    if (type.kind == ValKind::F64) {
        STEP("6.a");  double number = TRY(ToNumber(agent, v));
        STEP("6.b");
        if (std::isnan(number)) {
            STEP("6.b.i-6.b.ii");  return wasm::Value::from_f64_bits(uint64_t{0x7FF8} << 48);
        }
        STEP("6.c");
        STEP("6.c.i");
        STEP("6.d");  return wasm::Value::from_f64(number);
    }
    STEP("7");
    SPEC_ASSERT(type.is_ref());
    Ref r;
    const AbsHeap top = wasm::top_heap(type.heap);
    STEP("7.a");
    if (v.is_null()) {
        STEP("7.a.i");  r = Ref::null();
    } else if (top == AbsHeap::Extern) {
        STEP("7.b");
        STEP("7.b.i");
        wasm::Value inner = TRY(ToWebAssemblyValue(agent, v, ValType::ref(false, HeapType::abs(AbsHeap::Any))));
        STEP("7.b.ii");  // ref.extern of a host reference is the host reference itself here
        r = inner.ref;
        if (r.kind != Ref::Host) r.externalized = true;
    } else if (wasm::FuncInst* funcaddr = exported_function_address(v); funcaddr && top == AbsHeap::Func) {
        STEP("7.c");
        STEP("7.c.i-7.c.ii");  r = Ref::func(funcaddr);
    } else if (v.is_number() && v.as_number() == std::trunc(v.as_number()) && v.as_number() < 1073741824.0 &&
               v.as_number() >= -1073741824.0 && !(v.as_number() == 0 && std::signbit(v.as_number()))) {
        // (-0 is not an i31: it stays a host value, so that it round-trips.)
        STEP("7.d");
        STEP("7.d.i");  int32_t i31 = MUST(ToInt32(agent, v));
        STEP("7.d.ii-7.d.iii");  r = Ref::i31(static_cast<uint32_t>(i31));
    } else if (auto* gc = v.is_object() ? dynamic_cast<ExportedGCObject*>(v.as_object()) : nullptr) {
        STEP("7.e");
        STEP("7.e.i");  Ref objectaddr = gc->ObjectAddress;
        STEP("7.e.ii");  Ref::Kind objectkind = objectaddr.kind;
        STEP("7.e.iii");
        if (objectkind == Ref::Array) {
            STEP("7.e.iii.1");  r = objectaddr;
        }
        STEP("7.e.iv");
        if (objectkind == Ref::Struct) {
            STEP("7.e.iv.1");  r = objectaddr;
        }
    } else {
        STEP("7.f");
        STEP("7.f.i");  auto& map = state(agent).host_values;
        STEP("7.f.ii");
        uint32_t hostaddr = 0;
        while (hostaddr < map.size() && !SameValue(map[hostaddr], v)) ++hostaddr;
        if (hostaddr < map.size()) {
            // The spec returns ref.host hostaddr here, skipping the type check
            // of steps 7.g-7.i; the WPT casts tests (and engines) check it:
            // a cached host value is no more a struct than a new one.
            STEP("7.f.ii.1");  r = Ref::host(hostaddr);
        } else {
            STEP("7.f.iii");  // the smallest free address: addresses are never freed here
            STEP("7.f.iv");  map.push_back(v);
            STEP("7.f.v");  r = Ref::host(hostaddr);
        }
    }
    STEP("7.g-7.h");
    STEP("7.i");
    if (!wasm::ref_matches(r, type)) {
        STEP("7.i.i");  return throw_type_error(agent, "value does not match the Wasm reference type " + wasm::to_string(type));
    }
    STEP("7.j");
    return wasm::Value::from_ref(r);
    STEP("8");  // not reached
}

}  // namespace lockstep::wasm_js_api
