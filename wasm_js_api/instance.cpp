// WebAssembly JS API §3.3 Instances (index.bs "interface Instance"): reading
// the imports, instantiating the core, the exports object, the Instance
// constructor and its exports attribute.
#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "runtime/ordinary_object.h"
#include "spec/step.h"
#include "wasm/exec/instantiate.h"
#include "wasm/valid/type_registry.h"
#include "wasm_js_api/webidl.h"

namespace lockstep::wasm_js_api {

void InstanceObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(Exports);
}

// read the imports of module with imports importObject
ThrowCompletionOr<std::vector<wasm::ExternVal>> ReadTheImports(Agent& agent, const wasm::Module& module,
                                                               Value importObject)
{
    SPEC_ALGORITHM("read-the-imports");
    STEP("1");
    if (!module.imports.empty() && importObject.is_undefined())
        return throw_type_error(agent, "the module has imports but no import object was given");
    STEP("2");  std::vector<wasm::ExternVal> imports;
    const std::vector<uint32_t> canon = wasm::TypeRegistry::get().add_module_types(module.rec_types);
    WebAssemblyNamespaceObject& ns = state(agent);
    STEP("3");
    for (const wasm::Import& import : module.imports) {
        PropertyKey moduleName = PropertyKey::from_string(agent.heap, *make_string_from_utf8(agent.heap, import.module));
        STEP("3.a");
        Root<Value> o = TRY(Get(agent, *importObject.as_object(), moduleName));
        STEP("3.b");
        if (!o.get().is_object()) return throw_type_error(agent, "import module \"" + import.module + "\" is not an object");
        STEP("3.c");
        PropertyKey componentName = PropertyKey::from_string(agent.heap, *make_string_from_utf8(agent.heap, import.name));
        Root<Value> v = TRY(Get(agent, *o.get().as_object(), componentName));
        const std::string what = "import \"" + import.module + "\" \"" + import.name + "\"";
        switch (import.kind) {
        case wasm::ExternKind::Func: {
            STEP("3.d");
            wasm::FuncInst* funcaddr = nullptr;
            STEP("3.d.i");
            if (IsCallable(v.get())) {
                STEP("3.d.i.1");
                if (wasm::FuncInst* exported = exported_function_address(v.get())) {
                    STEP("3.d.i.1.a");  funcaddr = exported;
                } else {
                    STEP("3.d.i.2");
                    STEP("3.d.i.2.a");  funcaddr = CreateAHostFunction(agent, v.get(), canon[import.type_index]);
                }
            } else if (auto* suspending = v.get().is_object() ? dynamic_cast<SuspendingObject*>(v.get().as_object()) : nullptr) {
                STEP("3.d.ii");
                STEP("3.d.ii.1");  Value func = suspending->WrappedFunction;
                STEP("3.d.ii.2");  SPEC_ASSERT(IsCallable(func));
                STEP("3.d.ii.3");  funcaddr = CreateASuspendingFunction(agent, func, canon[import.type_index]);
            } else {
                STEP("3.d.iii");
                return throw_wasm_error(agent, WasmErrorType::LinkError, what + " must be callable");
            }
            STEP("3.d.iv-3.d.vi");
            imports.push_back(wasm::ExternVal{wasm::ExternKind::Func, funcaddr});
            break;
        }
        case wasm::ExternKind::Global: {
            STEP("3.e");
            wasm::GlobalInst* globaladdr = nullptr;
            STEP("3.e.i");
            if (auto* global = v.get().is_object() ? dynamic_cast<GlobalObject*>(v.get().as_object()) : nullptr) {
                STEP("3.e.i.1");  globaladdr = global->Global;
            } else {
                STEP("3.e.ii");
                const wasm::ValType valtype = wasm::close_val(import.global.type, canon);
                STEP("3.e.ii.1");
                if (valtype.kind == wasm::ValKind::I64 && !v.get().is_bigint()) {
                    STEP("3.e.ii.1.a");  return throw_wasm_error(agent, WasmErrorType::LinkError, what + " must be a BigInt");
                }
                STEP("3.e.ii.2");
                if ((valtype.kind == wasm::ValKind::I32 || valtype.kind == wasm::ValKind::F32 ||
                     valtype.kind == wasm::ValKind::F64) && !v.get().is_number()) {
                    STEP("3.e.ii.2.a");  return throw_wasm_error(agent, WasmErrorType::LinkError, what + " must be a Number");
                }
                STEP("3.e.ii.3");
                if (valtype.kind == wasm::ValKind::V128) {
                    STEP("3.e.ii.3.a");  return throw_wasm_error(agent, WasmErrorType::LinkError, what + " cannot be a v128 value");
                }
                if (import.global.mut)  // a mutable global can only be imported as a Global object
                    return throw_wasm_error(agent, WasmErrorType::LinkError, what + " must be a WebAssembly.Global");
                STEP("3.e.ii.4");
                auto value = ToWebAssemblyValue(agent, v.get(), valtype);
                if (value.is_abrupt())
                    return throw_wasm_error(agent, WasmErrorType::LinkError, what + ": the value does not match its type");
                STEP("3.e.ii.5-3.e.ii.7");
                globaladdr = ns.store().alloc_global();
                globaladdr->type = wasm::GlobalType{valtype, false};
                globaladdr->value = value.value();
            }
            STEP("3.e.iii-3.e.iv");
            imports.push_back(wasm::ExternVal{wasm::ExternKind::Global, globaladdr});
            break;
        }
        case wasm::ExternKind::Mem: {
            STEP("3.f");
            STEP("3.f.i");
            auto* memory = v.get().is_object() ? dynamic_cast<MemoryObject*>(v.get().as_object()) : nullptr;
            if (!memory) return throw_wasm_error(agent, WasmErrorType::LinkError, what + " must be a WebAssembly.Memory");
            STEP("3.f.ii-3.f.iii");
            imports.push_back(wasm::ExternVal{wasm::ExternKind::Mem, memory->Memory});
            break;
        }
        case wasm::ExternKind::Table: {
            STEP("3.g");
            STEP("3.g.i");
            auto* table = v.get().is_object() ? dynamic_cast<TableObject*>(v.get().as_object()) : nullptr;
            if (!table) return throw_wasm_error(agent, WasmErrorType::LinkError, what + " must be a WebAssembly.Table");
            STEP("3.g.ii-3.g.iv");
            imports.push_back(wasm::ExternVal{wasm::ExternKind::Table, table->Table});
            break;
        }
        case wasm::ExternKind::Tag: {
            STEP("3.h");
            STEP("3.h.i");
            STEP("3.h.ii");
            auto* tag = v.get().is_object() ? dynamic_cast<TagObject*>(v.get().as_object()) : nullptr;
            if (!tag) return throw_wasm_error(agent, WasmErrorType::LinkError, what + " must be a WebAssembly.Tag");
            STEP("3.h.iii-3.h.v");
            imports.push_back(wasm::ExternVal{wasm::ExternKind::Tag, tag->Address});
            break;
        }
        }
    }
    STEP("4");
    return imports;
}

ThrowCompletionOr<wasm::ModuleInst*> InstantiateTheCoreOfAWebAssemblyModule(Agent& agent,
                                                                            std::shared_ptr<wasm::Module> module,
                                                                            const std::vector<wasm::ExternVal>& imports)
{
    SPEC_ALGORITHM("instantiate-the-core-of-a-webassembly-module");
    STEP("1");  WebAssemblyNamespaceObject& store = state(agent);
    STEP("2");  wasm::InstantiateResult result = wasm::instantiate(store.store(), running_wasm_thread(agent), module, imports);
    STEP("3");
    switch (result.kind) {
    case wasm::InstantiateResult::Ok: break;
    case wasm::InstantiateResult::LinkError: return throw_wasm_error(agent, WasmErrorType::LinkError, result.message);
    case wasm::InstantiateResult::Trap: {
        wasm::Outcome outcome = wasm::Outcome::trap(result.message);
        return throw_outcome(agent, outcome);
    }
    case wasm::InstantiateResult::Exception: return ThrowCompletion(exception_to_js(agent, result.exn));
    }
    STEP("4-5");
    STEP("6");
    return result.instance;
}

namespace {

// create an exports object from module and instance
Object* CreateAnExportsObject(Agent& agent, const wasm::Module& module, wasm::ModuleInst* instance)
{
    SPEC_ALGORITHM("create-an-exports-object");
    STEP("1");  Root<Object*> exportsObject = OrdinaryObjectCreate(agent, nullptr);
    STEP("2");
    for (const wasm::Export& e : module.exports) {
        STEP("2.a");  const wasm::ExternVal externval = instance->exports.at(e.name);
        STEP("2.b");
        Value value;
        switch (e.kind) {
        case wasm::ExternKind::Func:
            STEP("2.c");
            STEP("2.c.i-2.c.iv");  value = ANewExportedFunction(agent, externval.func());
            break;
        case wasm::ExternKind::Global:
            STEP("2.d");
            STEP("2.d.i-2.d.iv");  value = CreateAGlobalObject(agent, externval.global());
            break;
        case wasm::ExternKind::Mem:
            STEP("2.e");
            STEP("2.e.i-2.e.iv");  value = CreateAMemoryObject(agent, externval.mem());
            break;
        case wasm::ExternKind::Table:
            STEP("2.f");
            STEP("2.f.i-2.f.iv");  value = CreateATableObject(agent, externval.table());
            break;
        case wasm::ExternKind::Tag:
            STEP("2.g");
            STEP("2.g.i-2.g.v");  value = CreateATagObject(agent, externval.tag());
            break;
        }
        STEP("2.h");
        Root<Value> rooted = value;
        MUST(CreateDataPropertyOrThrow(agent, *exportsObject.get(), PropertyKey::from_string(agent.heap, *make_string_from_utf8(agent.heap, e.name)), rooted.get()));
        STEP("2.i");
    }
    STEP("3");  MUST(SetIntegrityLevel(agent, *exportsObject.get(), IntegrityLevel::Frozen));
    STEP("4");  return exportsObject.get();
}

// Instance ( module, importObject )
ThrowCompletionOr<Value> Instance(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("dom-instance-instance");
    if (!NewTarget) return throw_type_error(agent, "WebAssembly.Instance constructor requires 'new'");
    Value moduleArg = argument(args, 0);
    auto* moduleObject = moduleArg.is_object() ? dynamic_cast<ModuleObject*>(moduleArg.as_object()) : nullptr;
    if (!moduleObject) return throw_type_error(agent, "argument is not a WebAssembly.Module");
    Value importObject = argument(args, 1);
    TRY(check_optional_object(agent, importObject, "importObject"));
    Object* proto = TRY(prototype_for(agent, NewTarget, Intrinsic::WebAssemblyInstancePrototype));
    Root<Object*> protoRoot = proto;
    STEP("1-3");  wasm::ModuleInst* instance = TRY(InstantiateModule(agent, *moduleObject, importObject));
    STEP("4");
    return Value(TRY(InitializeAnInstanceObject(agent, instance, protoRoot.get())));
}

// Instance.prototype.exports
ThrowCompletionOr<Value> Instance_exports(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    InstanceObject* instance = TRY(this_object<InstanceObject>(agent, thisValue, "Instance"));
    return Value(instance->Exports);
}

}  // namespace

ThrowCompletionOr<wasm::ModuleInst*> InstantiateModule(Agent& agent, ModuleObject& moduleObject, Value importObject)
{
    Root<Object*> keep = &moduleObject;
    std::vector<wasm::ExternVal> imports = TRY(ReadTheImports(agent, *moduleObject.Module, importObject));
    return InstantiateTheCoreOfAWebAssemblyModule(agent, moduleObject.Module, imports);
}

ThrowCompletionOr<Object*> InitializeAnInstanceObject(Agent& agent, wasm::ModuleInst* instance, Object* proto)
{
    SPEC_ALGORITHM("initialize-an-instance-object");
    if (!proto) proto = agent.current_realm()->intrinsic(Intrinsic::WebAssemblyInstancePrototype);
    Root<InstanceObject*> instanceObject = OrdinaryObjectCreate<InstanceObject>(agent, proto);
    STEP("1");  Object* exportsObject = CreateAnExportsObject(agent, *instance->module, instance);
    STEP("2");  instanceObject.get()->Instance = instance;
    STEP("3");  instanceObject.get()->Exports = exportsObject;
    return static_cast<Object*>(instanceObject.get());
}

void CreateInstanceInterface(Agent& agent, Realm& realm, Object& ns)
{
    define_interface(agent, realm, ns, "Instance", 1, Instance, Intrinsic::WebAssemblyInstancePrototype);
    define_attribute(agent, realm, *realm.intrinsic(Intrinsic::WebAssemblyInstancePrototype), "exports", Instance_exports);
}

}  // namespace lockstep::wasm_js_api
