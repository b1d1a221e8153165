// WebAssembly JS API §3.9 Exceptions (index.bs "interface Exception"): the
// Exception constructor, getArg, is and stack.
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/ordinary_object.h"
#include "spec/step.h"
#include "wasm/valid/type_registry.h"
#include "wasm_js_api/webidl.h"

namespace lockstep::wasm_js_api {

void ExceptionObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(stack);
}

namespace {

bool is_v128_or_exnref(const wasm::ValType& t)
{
    return t.kind == wasm::ValKind::V128 || (t.is_ref() && wasm::top_heap(t.heap) == wasm::AbsHeap::Exn);
}

// initialize an Exception object exn from exnAddress ([[Address]] is [[Payload]] here).
void InitializeAnExceptionObject(Agent& agent, ExceptionObject& exn, wasm::ExnInst* exnAddress)
{
    SPEC_ALGORITHM("initialize-an-exception-object");
    STEP("1");  auto& map = state(agent).object_cache;
    STEP("2");  SPEC_ASSERT(!map.contains(exnAddress));
    STEP("3");  exn.Payload = exnAddress;
    STEP("4");  map[exnAddress] = &exn;
    STEP("5");
    STEP("6");  wasm::TagInst* tagaddr = exnAddress->tag;
    STEP("7");
    STEP("8");  exn.Type = tagaddr;
    STEP("9");
    STEP("10");  exn.stack = Value::undefined();
}

ThrowCompletionOr<TagObject*> tag_argument(Agent& agent, Value v)
{
    auto* tag = v.is_object() ? dynamic_cast<TagObject*>(v.as_object()) : nullptr;
    if (!tag) return throw_type_error(agent, "argument is not a WebAssembly.Tag");
    return tag;
}

// new Exception ( exceptionTag, payload, options )
ThrowCompletionOr<Value> Exception(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("dom-exception-exception");
    if (!NewTarget) return throw_type_error(agent, "WebAssembly.Exception constructor requires 'new'");
    TagObject* exceptionTag = TRY(tag_argument(agent, argument(args, 0)));
    Root<Object*> keepTag = exceptionTag;
    Value payloadValue = argument(args, 1);
    if (!payloadValue.is_object()) return throw_type_error(agent, "WebAssembly.Exception: the payload must be a sequence");
    IteratorRecord iterator = TRY(GetIterator(agent, payloadValue, IteratorKind::Sync));
    List<Value> payload = TRY(IteratorToList(agent, iterator));
    Value options = argument(args, 2);
    bool traceStack = ToBoolean(TRY(dictionary_member(agent, options, "traceStack")));
    STEP("1");  wasm::TagInst* JSTagAddr = GetTheJavaScriptExceptionTag(agent);
    STEP("2");
    if (exceptionTag->Address == JSTagAddr) {
        STEP("2.a");  return throw_type_error(agent, "WebAssembly.Exception: the JavaScript tag cannot be used");
    }
    STEP("3");
    STEP("4");  const std::vector<wasm::ValType>& types = exceptionTag->Address->type->params;
    STEP("5");
    if (types.size() != payload.size()) {
        STEP("5.a");  return throw_type_error(agent, "WebAssembly.Exception: the payload does not match the tag");
    }
    STEP("6");  std::vector<wasm::Value> wasmPayload;
    STEP("7");
    for (size_t i = 0; i < types.size(); ++i) {
        STEP("7.a");
        if (is_v128_or_exnref(types[i])) {
            STEP("7.a.i");  return throw_type_error(agent, "WebAssembly.Exception: a v128 or exnref payload value");
        }
        STEP("7.b");  wasmPayload.push_back(TRY(ToWebAssemblyValue(agent, payload[i], types[i])));
    }
    Object* proto = TRY(prototype_for(agent, NewTarget, Intrinsic::WebAssemblyExceptionPrototype));
    STEP("8");
    wasm::ExnInst* exceptionAddr = state(agent).store().alloc_exn();
    exceptionAddr->tag = exceptionTag->Address;
    exceptionAddr->fields = std::move(wasmPayload);
    STEP("9");
    STEP("10");
    auto* exn = OrdinaryObjectCreate<ExceptionObject>(agent, proto);
    InitializeAnExceptionObject(agent, *exn, exceptionAddr);
    STEP("11");
    if (traceStack) {
        STEP("11.a");  // lockstep keeps no JS call stack trace: undefined
    }
    return Value(exn);
}

// Exception.prototype.getArg ( index )
ThrowCompletionOr<Value> Exception_getArg(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("dom-exception-getarg");
    ExceptionObject* exn = TRY(this_object<ExceptionObject>(agent, thisValue, "Exception"));
    uint64_t index = TRY(enforce_range(agent, argument(args, 0), 4294967295.0));
    STEP("1");
    STEP("2");  wasm::TagInst* tagaddr = exn->Payload->tag;
    STEP("3");  const std::vector<wasm::Value>& payload = exn->Payload->fields;
    STEP("4");  SPEC_ASSERT(tagaddr == exn->Type);
    STEP("5");
    if (index >= payload.size()) {
        STEP("5.a");  return throw_range_error(agent, "WebAssembly.Exception.getArg: index out of bounds");
    }
    STEP("6");  const std::vector<wasm::ValType>& types = tagaddr->type->params;
    STEP("7");
    if (is_v128_or_exnref(types[index])) {
        STEP("7.a");  return throw_type_error(agent, "WebAssembly.Exception.getArg: a v128 or exnref value");
    }
    STEP("8");  return ToJSValue(agent, payload[index], types[index]);
}

// Exception.prototype.is ( exceptionTag )
ThrowCompletionOr<Value> Exception_is(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("dom-exception-is");
    ExceptionObject* exn = TRY(this_object<ExceptionObject>(agent, thisValue, "Exception"));
    TagObject* exceptionTag = TRY(tag_argument(agent, argument(args, 0)));
    STEP("1");
    if (exn->Type != exceptionTag->Address) {
        STEP("1.a");  return Value::boolean(false);
    }
    STEP("2");  return Value::boolean(true);
}

// Exception.prototype.stack
ThrowCompletionOr<Value> Exception_stack(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("dom-exception-stack");
    ExceptionObject* exn = TRY(this_object<ExceptionObject>(agent, thisValue, "Exception"));
    STEP("1");  return exn->stack;
}

}  // namespace

Object* CreateAnExceptionObject(Agent& agent, wasm::ExnInst* exnAddress)
{
    SPEC_ALGORITHM("create-an-exception-object");
    STEP("1");  auto& map = state(agent).object_cache;
    STEP("2");
    if (auto it = map.find(exnAddress); it != map.end()) {
        STEP("2.a");  return it->second;
    }
    STEP("3");
    auto* exn = OrdinaryObjectCreate<ExceptionObject>(agent, agent.current_realm()->intrinsic(Intrinsic::WebAssemblyExceptionPrototype));
    STEP("4");  InitializeAnExceptionObject(agent, *exn, exnAddress);
    STEP("5");  return exn;
}

void CreateExceptionInterface(Agent& agent, Realm& realm, Object& ns)
{
    define_interface(agent, realm, ns, "Exception", 2, Exception, Intrinsic::WebAssemblyExceptionPrototype);
    Object& proto = *realm.intrinsic(Intrinsic::WebAssemblyExceptionPrototype);
    define_operation(agent, realm, proto, "getArg", Exception_getArg, 1);
    define_operation(agent, realm, proto, "is", Exception_is, 1);
    define_attribute(agent, realm, proto, "stack", Exception_stack);
}

}  // namespace lockstep::wasm_js_api
