// WebAssembly JS API §3.8 Tags (index.bs "interface Tag"): the Tag
// constructor and WebAssembly.JSTag.
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/ordinary_object.h"
#include "spec/step.h"
#include "wasm/valid/type_registry.h"
#include "wasm_js_api/webidl.h"

namespace lockstep::wasm_js_api {

namespace {

// initialize a Tag object tag from tagAddress
void InitializeATagObject(Agent& agent, TagObject& tag, wasm::TagInst* tagAddress)
{
    SPEC_ALGORITHM("initialize-a-tag-object");
    STEP("1");  auto& map = state(agent).object_cache;
    STEP("2");  SPEC_ASSERT(!map.contains(tagAddress));
    STEP("3");  tag.Address = tagAddress;
    STEP("4");  map[tagAddress] = &tag;
}

// new Tag ( type )
ThrowCompletionOr<Value> Tag(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("dom-tag-tag");
    if (!NewTarget) return throw_type_error(agent, "WebAssembly.Tag constructor requires 'new'");
    Value type = argument(args, 0);
    if (!type.is_object()) return throw_type_error(agent, "WebAssembly.Tag: the type must be an object");
    STEP("1");
    Value parameters = TRY(dictionary_member(agent, type, "parameters"));
    if (!parameters.is_object()) return throw_type_error(agent, "WebAssembly.Tag: 'parameters' must be a sequence");
    IteratorRecord iterator = TRY(GetIterator(agent, parameters, IteratorKind::Sync));
    List<Value> names = TRY(IteratorToList(agent, iterator));
    STEP("2");  std::vector<wasm::ValType> wasmParameters;
    STEP("3");
    for (Value name : names) {
        String* s = TRY(ToString(agent, name));
        STEP("3.a");
        std::optional<wasm::ValType> t = ToValueType(s->to_utf8());
        if (!t) return throw_type_error(agent, "WebAssembly.Tag: not a value type: " + s->to_utf8());
        wasmParameters.push_back(*t);
    }
    Object* proto = TRY(prototype_for(agent, NewTarget, Intrinsic::WebAssemblyTagPrototype));
    STEP("4");
    STEP("5");
    wasm::TagInst* tagAddress = state(agent).store().alloc_tag();
    tagAddress->type_id = canonical_func_type(wasmParameters, {});
    tagAddress->type = &wasm::TypeRegistry::get().type(tagAddress->type_id).comp.func;
    STEP("6");
    STEP("7");
    auto* tag = OrdinaryObjectCreate<TagObject>(agent, proto);
    InitializeATagObject(agent, *tag, tagAddress);
    return Value(tag);
}

// get WebAssembly.JSTag
ThrowCompletionOr<Value> WebAssembly_JSTag(Agent& agent, BuiltinFunction&, Value, Arguments, Object*)
{
    SPEC_ALGORITHM("dom-webassembly-jstag");
    STEP("1");  wasm::TagInst* JSTagAddr = GetTheJavaScriptExceptionTag(agent);
    STEP("2");  Object* JSTagObject = CreateATagObject(agent, JSTagAddr);
    STEP("3");  return Value(JSTagObject);
}

}  // namespace

Object* CreateATagObject(Agent& agent, wasm::TagInst* tagAddress)
{
    SPEC_ALGORITHM("create-a-tag-object");
    STEP("1");  auto& map = state(agent).object_cache;
    STEP("2");
    if (auto it = map.find(tagAddress); it != map.end()) {
        STEP("2.a");  return it->second;
    }
    STEP("3");
    auto* tag = OrdinaryObjectCreate<TagObject>(agent, agent.current_realm()->intrinsic(Intrinsic::WebAssemblyTagPrototype));
    STEP("4");  InitializeATagObject(agent, *tag, tagAddress);
    STEP("5");  return tag;
}

void CreateTagInterface(Agent& agent, Realm& realm, Object& ns)
{
    define_interface(agent, realm, ns, "Tag", 1, Tag, Intrinsic::WebAssemblyTagPrototype);
    // JSTag: a readonly attribute of the namespace (enumerable, configurable).
    define_attribute(agent, realm, ns, "JSTag", WebAssembly_JSTag);
}

}  // namespace lockstep::wasm_js_api
