// ECMA-262 §10.5 Proxy Object Internal Methods and Internal Slots.
#include "runtime/proxy_object.h"

#include <algorithm>
#include <unordered_set>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

Value key_value(Agent& agent, PropertyKey P) { return P.to_value(agent.heap); }

// What every internal method of a Proxy begins with: ValidateNonRevokedProxy,
// then its [[ProxyTarget]], its [[ProxyHandler]] and GetMethod(handler, trapName).
struct ProxyTrap {
    Object& target;
    Object& handler;
    Value trap;
};

ThrowCompletionOr<ProxyTrap> get_trap(Agent& agent, ProxyObject& proxy, std::string_view trapName)
{
    // A chain of proxies without traps nests one native frame per proxy, and
    // user code decides the chain's length: report exhaustion as a RangeError.
    if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);
    TRY(ValidateNonRevokedProxy(agent, proxy));
    Object& target = *proxy.ProxyTarget;
    Object& handler = *proxy.ProxyHandler;
    Value trap = TRY(GetMethod(agent, &handler, agent.key(trapName)));
    return ProxyTrap{target, handler, trap};
}

}  // namespace

ThrowCompletionOr<Object*> ProxyObject::GetPrototypeOf(Agent& agent)
{
    SPEC_ALGORITHM("sec-proxy-object-internal-methods-and-internal-slots-getprototypeof");
    STEP("1-5");
    auto [target, handler, trap] = TRY(get_trap(agent, *this, "getPrototypeOf"));
    STEP("6");
    if (trap.is_undefined()) {
        STEP("6.a");
        return TRY(target.GetPrototypeOf(agent));
    }
    STEP("7");
    Value args[] = {&target};
    Value handlerProto = TRY(lockstep::Call(agent, trap, &handler, args));
    STEP("8");
    if (!handlerProto.is_object() && !handlerProto.is_null())
        return throw_type_error(agent, "proxy getPrototypeOf trap returned neither an object nor null");
    STEP("9");
    bool extensibleTarget = TRY(lockstep::IsExtensible(agent, target));
    STEP("10");
    Object* result = handlerProto.is_null() ? nullptr : handlerProto.as_object();
    if (extensibleTarget) return result;
    STEP("11");
    Object* targetProto = TRY(target.GetPrototypeOf(agent));
    STEP("12");
    if (!SameValue(handlerProto, object_or_null(targetProto)))
        return throw_type_error(agent, "proxy getPrototypeOf trap result differs from the non-extensible target's");
    STEP("13");
    return result;
}

ThrowCompletionOr<bool> ProxyObject::SetPrototypeOf(Agent& agent, Object* V)
{
    SPEC_ALGORITHM("sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v");
    STEP("1-5");
    auto [target, handler, trap] = TRY(get_trap(agent, *this, "setPrototypeOf"));
    STEP("6");
    if (trap.is_undefined()) {
        STEP("6.a");
        return TRY(target.SetPrototypeOf(agent, V));
    }
    STEP("7");
    Value args[] = {&target, object_or_null(V)};
    bool booleanTrapResult = ToBoolean(TRY(lockstep::Call(agent, trap, &handler, args)));
    STEP("8");
    if (!booleanTrapResult) return false;
    STEP("9");
    bool extensibleTarget = TRY(lockstep::IsExtensible(agent, target));
    STEP("10");
    if (extensibleTarget) return true;
    STEP("11");
    Object* targetProto = TRY(target.GetPrototypeOf(agent));
    STEP("12");
    if (!SameValue(object_or_null(V), object_or_null(targetProto)))
        return throw_type_error(agent, "proxy setPrototypeOf trap succeeded on a non-extensible target");
    STEP("13");
    return true;
}

ThrowCompletionOr<bool> ProxyObject::IsExtensible(Agent& agent)
{
    SPEC_ALGORITHM("sec-proxy-object-internal-methods-and-internal-slots-isextensible");
    STEP("1-5");
    auto [target, handler, trap] = TRY(get_trap(agent, *this, "isExtensible"));
    STEP("6");
    if (trap.is_undefined()) {
        STEP("6.a");
        return TRY(lockstep::IsExtensible(agent, target));
    }
    STEP("7");
    Value args[] = {&target};
    bool booleanTrapResult = ToBoolean(TRY(lockstep::Call(agent, trap, &handler, args)));
    STEP("8");
    bool targetResult = TRY(lockstep::IsExtensible(agent, target));
    STEP("9");
    if (booleanTrapResult != targetResult)
        return throw_type_error(agent, "proxy isExtensible trap result differs from the target's");
    STEP("10");
    return booleanTrapResult;
}

ThrowCompletionOr<bool> ProxyObject::PreventExtensions(Agent& agent)
{
    SPEC_ALGORITHM("sec-proxy-object-internal-methods-and-internal-slots-preventextensions");
    STEP("1-5");
    auto [target, handler, trap] = TRY(get_trap(agent, *this, "preventExtensions"));
    STEP("6");
    if (trap.is_undefined()) {
        STEP("6.a");
        return TRY(target.PreventExtensions(agent));
    }
    STEP("7");
    Value args[] = {&target};
    bool booleanTrapResult = ToBoolean(TRY(lockstep::Call(agent, trap, &handler, args)));
    STEP("8");
    if (booleanTrapResult) {
        STEP("8.a");
        bool extensibleTarget = TRY(lockstep::IsExtensible(agent, target));
        STEP("8.b");
        if (extensibleTarget)
            return throw_type_error(agent, "proxy preventExtensions trap succeeded but the target is extensible");
    }
    STEP("9");
    return booleanTrapResult;
}

ThrowCompletionOr<std::optional<PropertyDescriptor>> ProxyObject::GetOwnProperty(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p");
    STEP("1-5");
    auto [target, handler, trap] = TRY(get_trap(agent, *this, "getOwnPropertyDescriptor"));
    STEP("6");
    if (trap.is_undefined()) {
        STEP("6.a");
        return TRY(target.GetOwnProperty(agent, P));
    }
    STEP("7");
    Value args[] = {&target, key_value(agent, P)};
    Value trapResultObj = TRY(lockstep::Call(agent, trap, &handler, args));
    STEP("8");
    if (!trapResultObj.is_object() && !trapResultObj.is_undefined())
        return throw_type_error(agent, "proxy getOwnPropertyDescriptor trap returned neither an object nor undefined");
    STEP("9");
    std::optional<PropertyDescriptor> targetDesc = TRY(target.GetOwnProperty(agent, P));
    STEP("10");
    if (trapResultObj.is_undefined()) {
        STEP("10.a");
        if (!targetDesc) return std::optional<PropertyDescriptor>();
        STEP("10.b");
        if (!*targetDesc->configurable)
            return throw_type_error(agent, "proxy getOwnPropertyDescriptor trap hid a non-configurable property");
        STEP("10.c");
        bool extensibleTarget = TRY(lockstep::IsExtensible(agent, target));
        STEP("10.d");
        if (!extensibleTarget)
            return throw_type_error(agent, "proxy getOwnPropertyDescriptor trap hid a property of a non-extensible target");
        STEP("10.e");
        return std::optional<PropertyDescriptor>();
    }
    STEP("11");
    bool extensibleTarget = TRY(lockstep::IsExtensible(agent, target));
    STEP("12");
    PropertyDescriptor resultDesc = TRY(ToPropertyDescriptor(agent, trapResultObj));
    STEP("13");
    CompletePropertyDescriptor(resultDesc);
    STEP("14");
    bool valid = IsCompatiblePropertyDescriptor(agent, extensibleTarget, resultDesc, targetDesc);
    STEP("15");
    if (!valid) return throw_type_error(agent, "proxy getOwnPropertyDescriptor trap returned an incompatible descriptor");
    STEP("16");
    if (!*resultDesc.configurable) {
        STEP("16.a");
        if (!targetDesc || *targetDesc->configurable) {
            STEP("16.a.i");
            return throw_type_error(agent, "proxy getOwnPropertyDescriptor trap reported a configurable property as non-configurable");
        }
        STEP("16.b");
        if (resultDesc.writable && !*resultDesc.writable) {
            STEP("16.b.i");
            SPEC_ASSERT(targetDesc->writable.has_value());
            STEP("16.b.ii");
            if (*targetDesc->writable)
                return throw_type_error(agent, "proxy getOwnPropertyDescriptor trap reported a writable property as non-writable");
        }
    }
    STEP("17");
    return std::optional<PropertyDescriptor>(resultDesc);
}

ThrowCompletionOr<bool> ProxyObject::DefineOwnProperty(Agent& agent, PropertyKey P, const PropertyDescriptor& Desc)
{
    SPEC_ALGORITHM("sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc");
    STEP("1-5");
    auto [target, handler, trap] = TRY(get_trap(agent, *this, "defineProperty"));
    STEP("6");
    if (trap.is_undefined()) {
        STEP("6.a");
        return TRY(target.DefineOwnProperty(agent, P, Desc));
    }
    STEP("7");
    Value descObj = FromPropertyDescriptor(agent, Desc);
    STEP("8");
    Value args[] = {&target, key_value(agent, P), descObj};
    bool booleanTrapResult = ToBoolean(TRY(lockstep::Call(agent, trap, &handler, args)));
    STEP("9");
    if (!booleanTrapResult) return false;
    STEP("10");
    std::optional<PropertyDescriptor> targetDesc = TRY(target.GetOwnProperty(agent, P));
    STEP("11");
    bool extensibleTarget = TRY(lockstep::IsExtensible(agent, target));
    bool settingConfigFalse;
    STEP("12");
    if (Desc.configurable && !*Desc.configurable) {
        STEP("12.a");
        settingConfigFalse = true;
    } else {
        STEP("13");
        STEP("13.a");
        settingConfigFalse = false;
    }
    STEP("14");
    if (!targetDesc) {
        STEP("14.a");
        if (!extensibleTarget)
            return throw_type_error(agent, "proxy defineProperty trap added a property to a non-extensible target");
        STEP("14.b");
        if (settingConfigFalse)
            return throw_type_error(agent, "proxy defineProperty trap defined a non-configurable property the target lacks");
    } else {
        STEP("15");
        STEP("15.a");
        if (!IsCompatiblePropertyDescriptor(agent, extensibleTarget, Desc, targetDesc))
            return throw_type_error(agent, "proxy defineProperty trap accepted an incompatible descriptor");
        STEP("15.b");
        if (settingConfigFalse && *targetDesc->configurable)
            return throw_type_error(agent, "proxy defineProperty trap made a configurable property non-configurable");
        STEP("15.c");
        if (IsDataDescriptor(*targetDesc) && !*targetDesc->configurable && *targetDesc->writable) {
            STEP("15.c.i");
            if (Desc.writable && !*Desc.writable)
                return throw_type_error(agent, "proxy defineProperty trap made a non-configurable property non-writable");
        }
    }
    STEP("16");
    return true;
}

ThrowCompletionOr<bool> ProxyObject::HasProperty(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p");
    STEP("1-5");
    auto [target, handler, trap] = TRY(get_trap(agent, *this, "has"));
    STEP("6");
    if (trap.is_undefined()) {
        STEP("6.a");
        return TRY(target.HasProperty(agent, P));
    }
    STEP("7");
    Value args[] = {&target, key_value(agent, P)};
    bool booleanTrapResult = ToBoolean(TRY(lockstep::Call(agent, trap, &handler, args)));
    STEP("8");
    if (!booleanTrapResult) {
        STEP("8.a");
        std::optional<PropertyDescriptor> targetDesc = TRY(target.GetOwnProperty(agent, P));
        STEP("8.b");
        if (targetDesc) {
            STEP("8.b.i");
            if (!*targetDesc->configurable)
                return throw_type_error(agent, "proxy has trap hid a non-configurable property");
            STEP("8.b.ii");
            bool extensibleTarget = TRY(lockstep::IsExtensible(agent, target));
            STEP("8.b.iii");
            if (!extensibleTarget)
                return throw_type_error(agent, "proxy has trap hid a property of a non-extensible target");
        }
    }
    STEP("9");
    return booleanTrapResult;
}

ThrowCompletionOr<Value> ProxyObject::Get(Agent& agent, PropertyKey P, Value Receiver)
{
    SPEC_ALGORITHM("sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver");
    STEP("1-5");
    auto [target, handler, trap] = TRY(get_trap(agent, *this, "get"));
    STEP("6");
    if (trap.is_undefined()) {
        STEP("6.a");
        return TRY(target.Get(agent, P, Receiver));
    }
    STEP("7");
    Value args[] = {&target, key_value(agent, P), Receiver};
    Value trapResult = TRY(lockstep::Call(agent, trap, &handler, args));
    STEP("8");
    std::optional<PropertyDescriptor> targetDesc = TRY(target.GetOwnProperty(agent, P));
    STEP("9");
    if (targetDesc && !*targetDesc->configurable) {
        STEP("9.a");
        if (IsDataDescriptor(*targetDesc) && !*targetDesc->writable) {
            STEP("9.a.i");
            if (!SameValue(trapResult, *targetDesc->value))
                return throw_type_error(agent, "proxy get trap misreported a non-writable, non-configurable property");
        }
        STEP("9.b");
        if (IsAccessorDescriptor(*targetDesc) && targetDesc->get->is_undefined()) {
            STEP("9.b.i");
            if (!trapResult.is_undefined())
                return throw_type_error(agent, "proxy get trap returned a value for a property without a getter");
        }
    }
    STEP("10");
    return trapResult;
}

ThrowCompletionOr<bool> ProxyObject::Set(Agent& agent, PropertyKey P, Value V, Value Receiver)
{
    SPEC_ALGORITHM("sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver");
    STEP("1-5");
    auto [target, handler, trap] = TRY(get_trap(agent, *this, "set"));
    STEP("6");
    if (trap.is_undefined()) {
        STEP("6.a");
        return TRY(target.Set(agent, P, V, Receiver));
    }
    STEP("7");
    Value args[] = {&target, key_value(agent, P), V, Receiver};
    bool booleanTrapResult = ToBoolean(TRY(lockstep::Call(agent, trap, &handler, args)));
    STEP("8");
    if (!booleanTrapResult) return false;
    STEP("9");
    std::optional<PropertyDescriptor> targetDesc = TRY(target.GetOwnProperty(agent, P));
    STEP("10");
    if (targetDesc && !*targetDesc->configurable) {
        STEP("10.a");
        if (IsDataDescriptor(*targetDesc) && !*targetDesc->writable) {
            STEP("10.a.i");
            if (!SameValue(V, *targetDesc->value))
                return throw_type_error(agent, "proxy set trap changed a non-writable, non-configurable property");
        }
        STEP("10.b");
        if (IsAccessorDescriptor(*targetDesc)) {
            STEP("10.b.i");
            if (targetDesc->set->is_undefined())
                return throw_type_error(agent, "proxy set trap succeeded for a property without a setter");
        }
    }
    STEP("11");
    return true;
}

ThrowCompletionOr<bool> ProxyObject::Delete(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-proxy-object-internal-methods-and-internal-slots-delete-p");
    STEP("1-5");
    auto [target, handler, trap] = TRY(get_trap(agent, *this, "deleteProperty"));
    STEP("6");
    if (trap.is_undefined()) {
        STEP("6.a");
        return TRY(target.Delete(agent, P));
    }
    STEP("7");
    Value args[] = {&target, key_value(agent, P)};
    bool booleanTrapResult = ToBoolean(TRY(lockstep::Call(agent, trap, &handler, args)));
    STEP("8");
    if (!booleanTrapResult) return false;
    STEP("9");
    std::optional<PropertyDescriptor> targetDesc = TRY(target.GetOwnProperty(agent, P));
    STEP("10");
    if (!targetDesc) return true;
    STEP("11");
    if (!*targetDesc->configurable)
        return throw_type_error(agent, "proxy deleteProperty trap deleted a non-configurable property");
    STEP("12");
    bool extensibleTarget = TRY(lockstep::IsExtensible(agent, target));
    STEP("13");
    if (!extensibleTarget)
        return throw_type_error(agent, "proxy deleteProperty trap deleted a property of a non-extensible target");
    STEP("14");
    return true;
}

ThrowCompletionOr<List<PropertyKey>> ProxyObject::OwnPropertyKeys(Agent& agent)
{
    SPEC_ALGORITHM("sec-proxy-object-internal-methods-and-internal-slots-ownpropertykeys");
    STEP("1-5");
    auto [target, handler, trap] = TRY(get_trap(agent, *this, "ownKeys"));
    STEP("6");
    if (trap.is_undefined()) {
        STEP("6.a");
        return TRY(target.OwnPropertyKeys(agent));
    }
    STEP("7");
    Value args[] = {&target};
    Value trapResultArray = TRY(lockstep::Call(agent, trap, &handler, args));
    STEP("8");
    List<Value> trapResultValues = TRY(CreateListFromArrayLike(agent, trapResultArray, ValidElementTypes::PropertyKey));
    List<PropertyKey> trapResult;
    for (Value v : trapResultValues) trapResult.append(MUST(ToPropertyKey(agent, v)));
    STEP("9");
    std::unordered_set<PropertyKey, PropertyKey::Hash> seen;
    for (PropertyKey key : trapResult)
        if (!seen.insert(key).second) return throw_type_error(agent, "proxy ownKeys trap returned a duplicate key");
    STEP("10");
    bool extensibleTarget = TRY(lockstep::IsExtensible(agent, target));
    STEP("11");
    List<PropertyKey> targetKeys = TRY(target.OwnPropertyKeys(agent));
    STEP("12");
    STEP("13");
    STEP("14");
    List<PropertyKey> targetConfigurableKeys;
    STEP("15");
    List<PropertyKey> targetNonconfigurableKeys;
    STEP("16");
    for (PropertyKey key : targetKeys) {
        STEP("16.a");
        std::optional<PropertyDescriptor> desc = TRY(target.GetOwnProperty(agent, key));
        STEP("16.b");
        if (desc && !*desc->configurable) {
            STEP("16.b.i");
            targetNonconfigurableKeys.append(key);
        } else {
            STEP("16.c");
            STEP("16.c.i");
            targetConfigurableKeys.append(key);
        }
    }
    STEP("17");
    if (extensibleTarget && targetNonconfigurableKeys.is_empty()) {
        STEP("17.a");
        return trapResult;
    }
    STEP("18");
    // trapResult has no duplicates (step 9), so the List is a set here.
    std::unordered_set<PropertyKey, PropertyKey::Hash>& uncheckedResultKeys = seen;
    STEP("19");
    for (PropertyKey key : targetNonconfigurableKeys) {
        STEP("19.a");
        if (!uncheckedResultKeys.contains(key))
            return throw_type_error(agent, "proxy ownKeys trap omitted a non-configurable key");
        STEP("19.b");
        uncheckedResultKeys.erase(key);
    }
    STEP("20");
    if (extensibleTarget) return trapResult;
    STEP("21");
    for (PropertyKey key : targetConfigurableKeys) {
        STEP("21.a");
        if (!uncheckedResultKeys.contains(key))
            return throw_type_error(agent, "proxy ownKeys trap omitted a key of a non-extensible target");
        STEP("21.b");
        uncheckedResultKeys.erase(key);
    }
    STEP("22");
    if (!uncheckedResultKeys.empty())
        return throw_type_error(agent, "proxy ownKeys trap added a key to a non-extensible target");
    STEP("23");
    return trapResult;
}

ThrowCompletionOr<Value> ProxyObject::Call(Agent& agent, Value thisArgument, std::span<const Value> argumentsList)
{
    SPEC_ALGORITHM("sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist");
    STEP("1-5");
    auto [target, handler, trap] = TRY(get_trap(agent, *this, "apply"));
    STEP("6");
    if (trap.is_undefined()) {
        STEP("6.a");
        return TRY(lockstep::Call(agent, &target, thisArgument, argumentsList));
    }
    STEP("7");
    Object* argArray = CreateArrayFromList(agent, argumentsList);
    STEP("8");
    Value args[] = {&target, thisArgument, argArray};
    return TRY(lockstep::Call(agent, trap, &handler, args));
}

ThrowCompletionOr<Object*> ProxyObject::Construct(Agent& agent, std::span<const Value> argumentsList, Object* newTarget)
{
    SPEC_ALGORITHM("sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget");
    STEP("1-6");
    auto [target, handler, trap] = TRY(get_trap(agent, *this, "construct"));
    SPEC_ASSERT(IsConstructor(&target));  // step 3
    STEP("7");
    if (trap.is_undefined()) {
        STEP("7.a");
        return TRY(lockstep::Construct(agent, target, argumentsList, newTarget));
    }
    STEP("8");
    Object* argArray = CreateArrayFromList(agent, argumentsList);
    STEP("9");
    Value args[] = {&target, argArray, newTarget};
    Value newObj = TRY(lockstep::Call(agent, trap, &handler, args));
    STEP("10");
    if (!newObj.is_object()) return throw_type_error(agent, "proxy construct trap returned a non-object");
    STEP("11");
    return newObj.as_object();
}

void ProxyObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(ProxyTarget);
    visitor.visit(ProxyHandler);
}

ThrowCompletionOr<void> ValidateNonRevokedProxy(Agent& agent, ProxyObject& proxy)
{
    SPEC_ALGORITHM("sec-validatenonrevokedproxy");
    STEP("1");
    if (!proxy.ProxyTarget) return throw_type_error(agent, "the proxy has been revoked");
    STEP("2");
    SPEC_ASSERT(proxy.ProxyHandler);
    STEP("3");
    return {};
}

ThrowCompletionOr<ProxyObject*> ProxyCreate(Agent& agent, Value target, Value handler)
{
    SPEC_ALGORITHM("sec-proxycreate");
    STEP("1");
    if (!target.is_object()) return throw_type_error(agent, "proxy target must be an object");
    STEP("2");
    if (!handler.is_object()) return throw_type_error(agent, "proxy handler must be an object");
    STEP("3");
    STEP("4");  // ProxyObject overrides the essential internal methods
    STEP("5");
    bool callable = IsCallable(target);
    STEP("5.a");
    STEP("5.b");
    STEP("5.b.i");
    auto* P = MakeBasicObject<ProxyObject>(agent, callable, callable && IsConstructor(target));
    STEP("6");
    P->ProxyTarget = target.as_object();
    STEP("7");
    P->ProxyHandler = handler.as_object();
    STEP("8");
    return P;
}

}  // namespace lockstep
