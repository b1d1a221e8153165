// WebAssembly JS API §3.6 Globals (index.bs "interface Global"): the Global
// constructor, value and valueOf.
#include "abstract_ops/type_conversion.h"
#include "runtime/ordinary_object.h"
#include "spec/step.h"
#include "wasm/valid/type_registry.h"
#include "wasm_js_api/webidl.h"

namespace lockstep::wasm_js_api {

namespace {

bool is_v128_or_exnref(const wasm::ValType& t)
{
    return t.kind == wasm::ValKind::V128 || (t.is_ref() && wasm::top_heap(t.heap) == wasm::AbsHeap::Exn);
}

// initialize a global object global from globaladdr
void InitializeAGlobalObject(Agent& agent, GlobalObject& global, wasm::GlobalInst* globaladdr)
{
    SPEC_ALGORITHM("initialize-a-global-object");
    STEP("1");  auto& map = state(agent).object_cache;
    STEP("2");  SPEC_ASSERT(!map.contains(globaladdr));
    STEP("3");  global.Global = globaladdr;
    STEP("4");  map[globaladdr] = &global;
}

// Global ( descriptor, v )
ThrowCompletionOr<Value> Global(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("dom-global-global");
    if (!NewTarget) return throw_type_error(agent, "WebAssembly.Global constructor requires 'new'");
    Value descriptor = argument(args, 0);
    if (!descriptor.is_object()) return throw_type_error(agent, "WebAssembly.Global: the descriptor must be an object");
    // The dictionary's members, in WebIDL's (lexicographic) order.
    STEP("1");  bool mutable_ = ToBoolean(TRY(dictionary_member(agent, descriptor, "mutable")));
    Value typeValue = TRY(dictionary_member(agent, descriptor, "value"));
    if (typeValue.is_undefined()) return throw_type_error(agent, "WebAssembly.Global: 'value' is required");
    String* typeName = TRY(ToString(agent, typeValue));
    STEP("2");  std::optional<wasm::ValType> valuetype = ToValueType(typeName->to_utf8());
    if (!valuetype) return throw_type_error(agent, "WebAssembly.Global: 'value' is not a value type");
    STEP("3");
    if (is_v128_or_exnref(*valuetype)) {
        STEP("3.a");  return throw_type_error(agent, "WebAssembly.Global: v128 and exnref globals have no JS value");
    }
    STEP("4");
    wasm::Value value;
    if (argument(args, 1).is_undefined()) {  // (WebIDL: undefined for an optional argument is missing)
        STEP("4.a-4.b");  value = DefaultValue(agent, *valuetype);
    } else {
        STEP("5");
        STEP("5.a");  value = TRY(ToWebAssemblyValue(agent, args[1], *valuetype));
    }
    STEP("6");  wasm::GlobalType globaltype{*valuetype, mutable_};
    Object* proto = TRY(prototype_for(agent, NewTarget, Intrinsic::WebAssemblyGlobalPrototype));
    STEP("7");
    STEP("8");
    wasm::GlobalInst* globaladdr = state(agent).store().alloc_global();
    globaladdr->type = globaltype;
    globaladdr->value = value;
    STEP("9");
    STEP("10");
    auto* global = OrdinaryObjectCreate<GlobalObject>(agent, proto);
    InitializeAGlobalObject(agent, *global, globaladdr);
    return Value(global);
}

// GetGlobalValue ( global )
ThrowCompletionOr<Value> GetGlobalValue(Agent& agent, GlobalObject& global)
{
    SPEC_ALGORITHM("getglobalvalue");
    STEP("1");
    STEP("2");  wasm::GlobalInst* globaladdr = global.Global;
    STEP("3");  const wasm::GlobalType& globaltype = globaladdr->type;
    STEP("4");
    if (is_v128_or_exnref(globaltype.type)) return throw_type_error(agent, "a v128 or exnref global has no JS value");
    STEP("5");  wasm::Value value = globaladdr->value;
    STEP("6");  return ToJSValue(agent, value, globaltype.type);
}

// get Global.prototype.value
ThrowCompletionOr<Value> Global_value_get(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("dom-global-value#1");
    GlobalObject* global = TRY(this_object<GlobalObject>(agent, thisValue, "Global"));
    STEP("1");  return GetGlobalValue(agent, *global);
}

// set Global.prototype.value
ThrowCompletionOr<Value> Global_value_set(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("dom-global-value#2");
    GlobalObject* global = TRY(this_object<GlobalObject>(agent, thisValue, "Global"));
    STEP("1");
    STEP("2");  wasm::GlobalInst* globaladdr = global->Global;
    STEP("3");  const wasm::ValType valuetype = globaladdr->type.type;
    STEP("4");  if (is_v128_or_exnref(valuetype)) return throw_type_error(agent, "a v128 or exnref global has no JS value");
    STEP("5");  if (!globaladdr->type.mut) return throw_type_error(agent, "the global is immutable");
    STEP("6");  wasm::Value value = TRY(ToWebAssemblyValue(agent, argument(args, 0), valuetype));
    STEP("7");  globaladdr->value = value;
    STEP("8");
    STEP("9");
    return Value::undefined();
}

// Global.prototype.valueOf ( )
ThrowCompletionOr<Value> Global_valueOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("dom-global-valueof");
    GlobalObject* global = TRY(this_object<GlobalObject>(agent, thisValue, "Global"));
    STEP("1");  return GetGlobalValue(agent, *global);
}

}  // namespace

Object* CreateAGlobalObject(Agent& agent, wasm::GlobalInst* globaladdr)
{
    SPEC_ALGORITHM("create-a-global-object");
    STEP("1");  auto& map = state(agent).object_cache;
    STEP("2");
    if (auto it = map.find(globaladdr); it != map.end()) {
        STEP("2.a");  return it->second;
    }
    STEP("3");
    auto* global = OrdinaryObjectCreate<GlobalObject>(agent, agent.current_realm()->intrinsic(Intrinsic::WebAssemblyGlobalPrototype));
    STEP("4");  InitializeAGlobalObject(agent, *global, globaladdr);
    STEP("5");  return global;
}

void CreateGlobalInterface(Agent& agent, Realm& realm, Object& ns)
{
    define_interface(agent, realm, ns, "Global", 1, Global, Intrinsic::WebAssemblyGlobalPrototype);
    Object& proto = *realm.intrinsic(Intrinsic::WebAssemblyGlobalPrototype);
    define_operation(agent, realm, proto, "valueOf", Global_valueOf, 0);
    define_attribute(agent, realm, proto, "value", Global_value_get, Global_value_set);
}

}  // namespace lockstep::wasm_js_api
