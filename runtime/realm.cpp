// ECMA-262 §9.3 Realms.
#include "runtime/realm.h"

#include <limits>

#include "abstract_ops/object_operations.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/error.h"
#include "runtime/immutable_prototype_object.h"
#include "runtime/ordinary_object.h"
#include "runtime/string.h"

namespace lockstep {

Object* Realm::intrinsic(Intrinsic which) const
{
    Object* object = Intrinsics[size_t(which)];
    SPEC_ASSERT(object);  // created by CreateIntrinsics (or not yet implemented)
    return object;
}

void Realm::set_intrinsic(Intrinsic which, Object* object)
{
    Intrinsics[size_t(which)] = object;
}

void Realm::visit_edges(Visitor& visitor)
{
    for (Object* object : Intrinsics) visitor.visit(object);
    visitor.visit(GlobalObject);
    visitor.visit(GlobalEnv);
    for (const TemplateMapEntry& entry : TemplateMap) visitor.visit(entry.Array);
    for (const LoadedModuleRequest& request : LoadedModules) visitor.visit(request.Module);
    visitor.visit(HostDefined);
}

ThrowCompletionOr<void> InitializeHostDefinedRealm(Agent& agent)
{
    SPEC_ALGORITHM("sec-initializehostdefinedrealm");
    STEP("1");
    Realm* realm = agent.heap.allocate<Realm>();
    // The realm is reachable only from this frame until step 9 pushes it.
    Root<Realm*> rooted_realm(realm);
    STEP("2");
    CreateIntrinsics(agent, *realm);
    STEP("3");
    realm->AgentSignifier = AgentSignifier(agent);
    STEP("4");
    realm->TemplateMap.clear();
    STEP("5");
    ExecutionContext& newContext = agent.keep_execution_context(std::make_unique<ExecutionContext>());
    STEP("6");
    newContext.Function = nullptr;
    STEP("7");
    newContext.Realm = realm;
    STEP("8");
    newContext.ScriptOrModule = nullptr;
    STEP("9");
    agent.push_execution_context(newContext);
    STEP("10");
    Object* global = agent.host.create_global_object(agent, *realm);
    if (global) {
        STEP("10.a");
    } else {
        STEP("11");
        STEP("11.a");
        global = OrdinaryObjectCreate(agent, realm->intrinsic(Intrinsic::ObjectPrototype));
    }
    STEP("12");
    Value thisValue = agent.host.global_this_value(agent, *realm, global);
    if (!thisValue.is_undefined()) {
        STEP("12.a");
    } else {
        STEP("13");
        STEP("13.a");
        thisValue = global;
    }
    STEP("14");
    realm->GlobalObject = global;
    STEP("15");
    realm->GlobalEnv = NewGlobalEnvironment(agent, *global, *thisValue.as_object());
    STEP("16");
    TRY(SetDefaultGlobalBindings(agent, *realm));
    STEP("17");
    TRY(agent.host.define_host_global_properties(agent, *realm));
    STEP("18");
    return {};
}

// §10.2.4.1 %ThrowTypeError% ( )
static Object* CreateThrowTypeError(Agent& agent, Realm& realm)
{
    auto* thrower = CreateBuiltinFunction(
        agent, [](Agent& a, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
            return throw_type_error(a, "'caller', 'callee' and 'arguments' may not be accessed here");
        },
        0, PropertyKey::from_ascii(agent.heap, ""), {.realm = &realm});
    // "length" and "name" are non-configurable; the function is not extensible.
    MUST(DefinePropertyOrThrow(agent, *thrower, agent.names.length, PropertyDescriptor{.configurable = false}));
    MUST(DefinePropertyOrThrow(agent, *thrower, agent.names.name, PropertyDescriptor{.configurable = false}));
    thrower->Extensible = false;
    return thrower;
}

// §10.2.4 AddRestrictedFunctionProperties ( F, realm )
static void AddRestrictedFunctionProperties(Agent& agent, Object& F, Realm& realm)
{
    SPEC_ALGORITHM("sec-addrestrictedfunctionproperties");
    STEP("1");
    SPEC_ASSERT(realm.Intrinsics[size_t(Intrinsic::ThrowTypeError)]);
    STEP("2");
    Value thrower = realm.intrinsic(Intrinsic::ThrowTypeError);
    STEP("3");
    MUST(DefinePropertyOrThrow(agent, F, agent.key("caller"),
                               PropertyDescriptor{.get = thrower, .set = thrower, .enumerable = false, .configurable = true}));
    STEP("4");
    MUST(DefinePropertyOrThrow(agent, F, agent.key("arguments"),
                               PropertyDescriptor{.get = thrower, .set = thrower, .enumerable = false, .configurable = true}));
    STEP("5");
}

void (*g_create_builtin_intrinsics)(Agent&, Realm&) = nullptr;

void CreateIntrinsics(Agent& agent, Realm& realmRec)
{
    SPEC_ALGORITHM("sec-createintrinsics");
    STEP("1");
    realmRec.Intrinsics.fill(nullptr);
    STEP("2");
    // The two every object and function needs, and %ThrowTypeError%; then
    // the built-ins library creates the rest and their properties.
    // §20.1.3 %Object.prototype%: an immutable prototype exotic object.
    realmRec.set_intrinsic(Intrinsic::ObjectPrototype, OrdinaryObjectCreate<ImmutablePrototypeObject>(agent, nullptr));
    // §20.2.3 %Function.prototype%: a built-in function that accepts any
    // arguments and returns undefined.
    realmRec.set_intrinsic(
        Intrinsic::FunctionPrototype,
        CreateBuiltinFunction(
            agent, [](Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
                return Value::undefined();
            },
            0, PropertyKey::from_ascii(agent.heap, ""),
            {.realm = &realmRec, .prototype = realmRec.intrinsic(Intrinsic::ObjectPrototype)}));
    realmRec.set_intrinsic(Intrinsic::ThrowTypeError, CreateThrowTypeError(agent, realmRec));
    if (g_create_builtin_intrinsics) g_create_builtin_intrinsics(agent, realmRec);
    STEP("3");
    AddRestrictedFunctionProperties(agent, *realmRec.intrinsic(Intrinsic::FunctionPrototype), realmRec);
    STEP("4");
}

ThrowCompletionOr<void> SetDefaultGlobalBindings(Agent& agent, Realm& realmRec)
{
    SPEC_ALGORITHM("sec-setdefaultglobalbindings");
    STEP("1");
    Object& global = *realmRec.GlobalObject;
    STEP("2");
    // §19.1 Value Properties of the Global Object, then the constructor, function and other
    // properties of §19.2-§19.4: every intrinsic with a global name that exists.
    const double infinity = std::numeric_limits<double>::infinity();
    const std::pair<const char*, Value> values[] = {
        {"Infinity", Value::number(infinity)},
        {"NaN", Value::number(std::numeric_limits<double>::quiet_NaN())},
        {"undefined", Value::undefined()},
    };
    for (const auto& [text, value] : values) {
        STEP("2.a");
        PropertyKey name = agent.key(text);
        STEP("2.b");
        PropertyDescriptor desc{.value = value, .writable = false, .enumerable = false, .configurable = false};
        STEP("2.c");
        TRY(DefinePropertyOrThrow(agent, global, name, desc));
    }
    {
        // §19.1.1 globalThis: the global Environment Record's [[GlobalThisValue]].
        STEP("2.a");
        PropertyKey name = agent.key("globalThis");
        STEP("2.b");
        Value thisValue = static_cast<GlobalEnvironmentRecord*>(realmRec.GlobalEnv)->GlobalThisValue;
        PropertyDescriptor desc{.value = thisValue, .writable = true, .enumerable = false, .configurable = true};
        STEP("2.c");
        TRY(DefinePropertyOrThrow(agent, global, name, desc));
    }
    for (unsigned i = 0; i < kIntrinsicCount; ++i) {
        const char* text = global_name_of(Intrinsic(i));
        Object* intrinsic = realmRec.Intrinsics[i];
        if (!*text || !intrinsic) continue;
        STEP("2.a");
        PropertyKey name = agent.key(text);
        STEP("2.b");
        PropertyDescriptor desc{.value = intrinsic, .writable = true, .enumerable = false, .configurable = true};
        STEP("2.c");
        TRY(DefinePropertyOrThrow(agent, global, name, desc));
    }
    STEP("3");
    return {};
}

const char* spec_name_of(Intrinsic which)
{
    static const char* const names[] = {
#define X(name, spec_name, global_name) spec_name,
        LOCKSTEP_WELL_KNOWN_INTRINSICS(X) LOCKSTEP_PROTOTYPE_INTRINSICS(X) LOCKSTEP_WASM_JS_API_INTRINSICS(X)
#undef X
    };
    return names[size_t(which)];
}

const char* global_name_of(Intrinsic which)
{
    static const char* const names[] = {
#define X(name, spec_name, global_name) global_name,
        LOCKSTEP_WELL_KNOWN_INTRINSICS(X) LOCKSTEP_PROTOTYPE_INTRINSICS(X) LOCKSTEP_WASM_JS_API_INTRINSICS(X)
#undef X
    };
    return names[size_t(which)];
}

}  // namespace lockstep
