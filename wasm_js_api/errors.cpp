// WebAssembly JS API §5 Error Objects (index.bs "Error Objects"):
// CompileError, LinkError, RuntimeError (and JSPI's SuspendError), each
// "implementing the NativeError Object Structure" of ECMA-262 §20.5.6.
#include "builtins/builtin_helpers.h"
#include "runtime/ordinary_object.h"
#include "spec/step.h"
#include "wasm_js_api/web_assembly.h"

namespace lockstep::wasm_js_api {

namespace {

const struct {
    const char* name;
    Intrinsic prototype;
} kErrors[] = {
    {"CompileError", Intrinsic::WebAssemblyCompileErrorPrototype},
    {"LinkError", Intrinsic::WebAssemblyLinkErrorPrototype},
    {"RuntimeError", Intrinsic::WebAssemblyRuntimeErrorPrototype},
    {"SuspendError", Intrinsic::WebAssemblySuspendErrorPrototype},
};

}  // namespace

ThrowCompletion throw_wasm_error(Agent& agent, WasmErrorType type, std::string_view message)
{
    Object* proto = agent.current_realm()->intrinsic(kErrors[size_t(type)].prototype);
    Object* error = OrdinaryObjectCreate<ErrorObject>(agent, proto);
    CreateNonEnumerableDataPropertyOrThrow(agent, *error, agent.names.message, make_string_from_utf8(agent.heap, message));
    return ThrowCompletion(error);
}

void CreateErrorInterfaces(Agent& agent, Realm& realm, Object& ns)
{
    // The steps of %NativeError% (§20.5.6.1.1), whose slot 0 names the
    // prototype to create instances with: every NativeError shares them.
    const BuiltinBehaviour nativeErrorSteps = static_cast<BuiltinFunction*>(realm.intrinsic(Intrinsic::TypeError))->behaviour;
    Object* error = realm.intrinsic(Intrinsic::Error);
    Object* errorPrototype = realm.intrinsic(Intrinsic::ErrorPrototype);
    for (const auto& e : kErrors) {
        BuiltinFunction* constructor =
            CreateBuiltinFunction(agent, nativeErrorSteps, 1, agent.key(e.name),
                                  {.additionalInternalSlots = 1, .realm = &realm, .prototype = error, .isConstructor = true});
        constructor->slots[0] = Value::number(double(e.prototype));
        Object* prototype = OrdinaryObjectCreate(agent, errorPrototype);
        link_constructor_and_prototype(agent, *constructor, *prototype);
        define_value_property(agent, *prototype, agent.names.message, make_string_from_ascii(agent.heap, ""), true, false, true);
        define_value_property(agent, *prototype, agent.names.name, make_string_from_ascii(agent.heap, e.name), true, false, true);
        realm.set_intrinsic(e.prototype, prototype);
        define_value_property(agent, ns, agent.key(e.name), constructor, true, false, true);
    }
}

}  // namespace lockstep::wasm_js_api
