// ECMA-262 §28.2 Proxy Objects: the %Proxy% constructor and Proxy.revocable.
// The Proxy exotic object itself is runtime/proxy_object.h (§10.5).
#include "builtins/builtin_helpers.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/proxy_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// §28.2.1.1 Proxy ( target, handler )
ThrowCompletionOr<Value> Proxy(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-proxy-target-handler");
    STEP("1");
    if (!NewTarget) return throw_type_error(agent, "Proxy constructor requires 'new'");
    STEP("2");
    return Value(TRY(ProxyCreate(agent, argument(args, 0), argument(args, 1))));
}

// The revoker's [[RevocableProxy]] internal slot: F.slots[0].
constexpr size_t kRevocableProxy = 0;

// §28.2.2.1 Proxy.revocable ( target, handler )
ThrowCompletionOr<Value> Proxy_revocable(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-proxy.revocable");
    STEP("1");
    ProxyObject* proxy = TRY(ProxyCreate(agent, argument(args, 0), argument(args, 1)));
    STEP("2");
    BuiltinBehaviour revokerClosure = [](Agent&, BuiltinFunction& F, Value, Arguments, Object*) -> ThrowCompletionOr<Value> {
        STEP("2.a");  // F is the active function object
        STEP("2.b");
        Value p = F.slots[kRevocableProxy];
        STEP("2.c");
        if (p.is_null()) return Value::undefined();
        STEP("2.d");
        F.slots[kRevocableProxy] = Value::null();
        STEP("2.e");
        auto* proxy = dynamic_cast<ProxyObject*>(p.as_object());
        SPEC_ASSERT(proxy);
        STEP("2.f");
        proxy->ProxyTarget = nullptr;
        STEP("2.g");
        proxy->ProxyHandler = nullptr;
        STEP("2.h");
        return Value::undefined();
    };
    STEP("3");
    BuiltinFunction* revoker = CreateBuiltinFunction(agent, std::move(revokerClosure), 0, agent.key(""),
                                                     {.additionalInternalSlots = 1});
    STEP("4");
    revoker->slots[kRevocableProxy] = proxy;
    STEP("5");
    Object* result = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
    STEP("6");
    MUST(CreateDataPropertyOrThrow(agent, *result, agent.key("proxy"), proxy));
    STEP("7");
    MUST(CreateDataPropertyOrThrow(agent, *result, agent.key("revoke"), revoker));
    STEP("8");
    return Value(result);
}

}  // namespace

void CreateProxyIntrinsics(Agent& agent, Realm& realm)
{
    // §28.2.2: %Proxy% has no "prototype" property.
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, Proxy, 2, agent.key("Proxy"),
                                                         {.realm = &realm, .isConstructor = true});
    define_builtin_function(agent, realm, *constructor, "revocable", Proxy_revocable, 2);
    realm.set_intrinsic(Intrinsic::Proxy, constructor);
}

}  // namespace lockstep
