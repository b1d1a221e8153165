// WebAssembly JS API §3.2 Modules (index.bs "interface Module"): the Module
// constructor and its static operations exports, imports, customSections.
#include "abstract_ops/array_buffer_operations.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/array_buffer.h"
#include "runtime/ordinary_object.h"
#include "spec/step.h"
#include "wasm/binary/decoder.h"
#include "wasm_js_api/webidl.h"

#include <cstring>

namespace lockstep::wasm_js_api {

namespace {

// The string value of an extern type (ImportExportKind).
const char* kind_string(wasm::ExternKind kind)
{
    switch (kind) {
    case wasm::ExternKind::Func: return "function";
    case wasm::ExternKind::Table: return "table";
    case wasm::ExternKind::Mem: return "memory";
    case wasm::ExternKind::Global: return "global";
    case wasm::ExternKind::Tag: return "tag";
    }
    return "function";
}

ThrowCompletionOr<ModuleObject*> module_argument(Agent& agent, Value v)
{
    auto* module = v.is_object() ? dynamic_cast<ModuleObject*>(v.as_object()) : nullptr;
    if (!module) return throw_type_error(agent, "argument is not a WebAssembly.Module");
    return module;
}

// A WebIDL dictionary converted to an ordinary object: { key: value, … } in order.
Object* dictionary_object(Agent& agent, std::initializer_list<std::pair<const char*, Value>> members)
{
    Object* obj = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
    for (const auto& [key, value] : members) MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key(key), value));
    return obj;
}

// Module ( bytes )
ThrowCompletionOr<Value> Module(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("dom-module-module");
    if (!NewTarget) return throw_type_error(agent, "WebAssembly.Module constructor requires 'new'");
    STEP("1");  std::vector<uint8_t> stableBytes = TRY(get_buffer_source_bytes(agent, argument(args, 0)));
    STEP("2");
    std::string error;
    std::shared_ptr<wasm::Module> module = CompileAWebAssemblyModule(stableBytes, error);
    STEP("3");  if (!module) return throw_wasm_error(agent, WasmErrorType::CompileError, error);
    Object* proto = TRY(prototype_for(agent, NewTarget, Intrinsic::WebAssemblyModulePrototype));
    STEP("4-5");
    return Value(ConstructAWebAssemblyModuleObject(agent, std::move(module), std::move(stableBytes), proto));
}

// Module.exports ( moduleObject )
ThrowCompletionOr<Value> Module_exports(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("dom-module-exports");
    STEP("1");  ModuleObject* moduleObject = TRY(module_argument(agent, argument(args, 0)));
    const wasm::Module& module = *moduleObject->Module;
    STEP("2");  List<Value> exports;
    STEP("3");
    for (const wasm::Export& e : module.exports) {
        STEP("3.a");  Value kind = make_string_from_ascii(agent.heap, kind_string(e.kind));
        STEP("3.b");
        Value obj = dictionary_object(agent, {{"name", make_string_from_utf8(agent.heap, e.name)}, {"kind", kind}});
        STEP("3.c");  exports.append(obj);
    }
    STEP("4");
    return Value(CreateArrayFromList(agent, exports.items()));
}

// Module.imports ( moduleObject )
ThrowCompletionOr<Value> Module_imports(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("dom-module-imports");
    STEP("1");  ModuleObject* moduleObject = TRY(module_argument(agent, argument(args, 0)));
    const wasm::Module& module = *moduleObject->Module;
    STEP("2");  List<Value> imports;
    STEP("3");
    for (const wasm::Import& i : module.imports) {
        STEP("3.a");  Value kind = make_string_from_ascii(agent.heap, kind_string(i.kind));
        STEP("3.b");
        Root<Value> moduleName = Value(make_string_from_utf8(agent.heap, i.module));
        Root<Value> name = Value(make_string_from_utf8(agent.heap, i.name));
        Value obj = dictionary_object(agent, {{"module", moduleName.get()}, {"name", name.get()}, {"kind", kind}});
        STEP("3.c");  imports.append(obj);
    }
    STEP("4");
    return Value(CreateArrayFromList(agent, imports.items()));
}

// Module.customSections ( moduleObject, sectionName )
ThrowCompletionOr<Value> Module_customSections(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("dom-module-customsections");
    ModuleObject* moduleObject = TRY(module_argument(agent, argument(args, 0)));
    if (args.size() < 2) return throw_type_error(agent, "WebAssembly.Module.customSections needs a section name");
    Root<Value> sectionName = Value(TRY(ToString(agent, argument(args, 1))));  // a DOMString: compared as UTF-16
    STEP("1");  const std::vector<uint8_t>& bytes = moduleObject->Bytes;
    STEP("2");  List<Value> customSections;
    STEP("3");
    // The module is valid: its sections are well formed.
    size_t at = 8;  // magic and version
    while (at < bytes.size()) {
        const uint8_t id = bytes[at++];
        const wasm::LebResult size = wasm::read_leb_unsigned(std::span(bytes).subspan(at), 32);
        at += size.length;
        const size_t end = at + size.value;
        if (id == 0) {
            const wasm::LebResult name_length = wasm::read_leb_unsigned(std::span(bytes).subspan(at), 32);
            const size_t name_at = at + name_length.length;
            STEP("3.a");
            Value name = make_string_from_utf8(
                agent.heap, std::string_view(reinterpret_cast<const char*>(bytes.data() + name_at), name_length.value));
            STEP("3.b");
            STEP("3.c");
            if (SameValue(name, sectionName.get())) {
                STEP("3.c.i");
                const size_t payload = name_at + name_length.value;
                ArrayBufferObject* buffer = TRY(AllocateArrayBuffer(
                    agent, *agent.current_realm()->intrinsic(Intrinsic::ArrayBuffer), end - payload));
                if (end > payload) std::memcpy(buffer->ArrayBufferData->bytes(), bytes.data() + payload, end - payload);
                customSections.append(buffer);
            }
        }
        at = end;
    }
    STEP("4");
    return Value(CreateArrayFromList(agent, customSections.items()));
}

}  // namespace

void CreateModuleInterface(Agent& agent, Realm& realm, Object& ns)
{
    Object* constructor = define_interface(agent, realm, ns, "Module", 1, Module, Intrinsic::WebAssemblyModulePrototype);
    define_operation(agent, realm, *constructor, "exports", Module_exports, 1);
    define_operation(agent, realm, *constructor, "imports", Module_imports, 1);
    define_operation(agent, realm, *constructor, "customSections", Module_customSections, 2);
}

}  // namespace lockstep::wasm_js_api
