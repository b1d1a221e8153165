// ECMA-262 §7.3 Operations on Objects.
#include "abstract_ops/object_operations.h"

#include "abstract_ops/relational_operators.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/array_object.h"
#include "runtime/bound_function_object.h"
#include "runtime/builtin_function.h"
#include "runtime/ecmascript_function_object.h"
#include "runtime/error.h"
#include "runtime/object.h"
#include "runtime/proxy_object.h"

namespace lockstep {

ThrowCompletionOr<Value> Get(Agent& agent, Object& O, PropertyKey P)
{
    SPEC_ALGORITHM("sec-get-o-p");
    STEP("1");
    return TRY(O.Get(agent, P, &O));
}

ThrowCompletionOr<void> Set(Agent& agent, Object& O, PropertyKey P, Value V, bool Throw)
{
    SPEC_ALGORITHM("sec-set-o-p-v-throw");
    STEP("1");
    bool success = TRY(O.Set(agent, P, V, &O));
    STEP("2");
    if (!success && Throw) return throw_type_error(agent, "cannot assign to a read-only property");
    STEP("3");
    return {};
}

ThrowCompletionOr<bool> CreateDataProperty(Agent& agent, Object& O, PropertyKey P, Value V)
{
    SPEC_ALGORITHM("sec-createdataproperty");
    STEP("1");
    PropertyDescriptor newDesc{.value = V, .writable = true, .enumerable = true, .configurable = true};
    STEP("2");
    return TRY(O.DefineOwnProperty(agent, P, newDesc));
}

ThrowCompletionOr<void> CreateDataPropertyOrThrow(Agent& agent, Object& O, PropertyKey P, Value V)
{
    SPEC_ALGORITHM("sec-createdatapropertyorthrow");
    STEP("1");
    bool success = TRY(CreateDataProperty(agent, O, P, V));
    STEP("2");
    if (!success) return throw_type_error(agent, "cannot define property");
    STEP("3");
    return {};
}

void CreateNonEnumerableDataPropertyOrThrow(Agent& agent, Object& O, PropertyKey P, Value V)
{
    SPEC_ALGORITHM("sec-createnonenumerabledatapropertyorthrow");
    STEP("1");
    SPEC_ASSERT(O.Extensible);
    STEP("2");
    PropertyDescriptor newDesc{.value = V, .writable = true, .enumerable = false, .configurable = true};
    STEP("3");
    MUST(DefinePropertyOrThrow(agent, O, P, newDesc));
    STEP("4");
}

ThrowCompletionOr<void> DefinePropertyOrThrow(Agent& agent, Object& O, PropertyKey P, const PropertyDescriptor& desc)
{
    SPEC_ALGORITHM("sec-definepropertyorthrow");
    STEP("1");
    bool success = TRY(O.DefineOwnProperty(agent, P, desc));
    STEP("2");
    if (!success) return throw_type_error(agent, "cannot redefine property");
    STEP("3");
    return {};
}

ThrowCompletionOr<void> DeletePropertyOrThrow(Agent& agent, Object& O, PropertyKey P)
{
    SPEC_ALGORITHM("sec-deletepropertyorthrow");
    STEP("1");
    bool success = TRY(O.Delete(agent, P));
    STEP("2");
    if (!success) return throw_type_error(agent, "cannot delete property");
    STEP("3");
    return {};
}

ThrowCompletionOr<bool> HasProperty(Agent& agent, Object& O, PropertyKey P)
{
    SPEC_ALGORITHM("sec-hasproperty");
    STEP("1");
    return TRY(O.HasProperty(agent, P));
}

ThrowCompletionOr<bool> HasOwnProperty(Agent& agent, Object& O, PropertyKey P)
{
    SPEC_ALGORITHM("sec-hasownproperty");
    STEP("1");
    auto desc = TRY(O.GetOwnProperty(agent, P));
    STEP("2");
    if (!desc) return false;
    STEP("3");
    return true;
}

ThrowCompletionOr<Value> Call(Agent& agent, Value F, Value V, std::span<const Value> argumentsList)
{
    SPEC_ALGORITHM("sec-call");
    STEP("1");  // an absent argumentsList is the empty span
    STEP("2");
    if (!IsCallable(F)) return throw_type_error(agent, "not a function");
    STEP("3");
    return TRY(F.as_object()->Call(agent, V, argumentsList));
}

ThrowCompletionOr<Object*> Construct(Agent& agent, Object& F, std::span<const Value> argumentsList, Object* newTarget)
{
    SPEC_ALGORITHM("sec-construct");
    STEP("1");
    if (!newTarget) newTarget = &F;
    STEP("2");  // an absent argumentsList is the empty span
    STEP("3");
    return TRY(F.Construct(agent, argumentsList, newTarget));
}

ThrowCompletionOr<bool> SetIntegrityLevel(Agent& agent, Object& O, IntegrityLevel level)
{
    SPEC_ALGORITHM("sec-setintegritylevel");
    STEP("1");
    bool status = TRY(O.PreventExtensions(agent));
    STEP("2");
    if (!status) return false;
    STEP("3");
    List<PropertyKey> keys = TRY(O.OwnPropertyKeys(agent));
    STEP("4");
    if (level == IntegrityLevel::Sealed) {
        STEP("4.a");
        for (PropertyKey k : keys) {
            STEP("4.a.i");
            TRY(DefinePropertyOrThrow(agent, O, k, PropertyDescriptor{.configurable = false}));
        }
    } else {
        STEP("5");
        STEP("5.a");
        STEP("5.b");
        for (PropertyKey k : keys) {
            STEP("5.b.i");
            auto currentDesc = TRY(O.GetOwnProperty(agent, k));
            STEP("5.b.ii");
            if (currentDesc) {
                PropertyDescriptor desc;
                STEP("5.b.ii.1");
                if (IsAccessorDescriptor(*currentDesc)) {
                    STEP("5.b.ii.1.a");
                    desc = PropertyDescriptor{.configurable = false};
                } else {
                    STEP("5.b.ii.2");
                    STEP("5.b.ii.2.a");
                    desc = PropertyDescriptor{.writable = false, .configurable = false};
                }
                STEP("5.b.ii.3");
                TRY(DefinePropertyOrThrow(agent, O, k, desc));
            }
        }
    }
    STEP("6");
    return true;
}

ThrowCompletionOr<bool> TestIntegrityLevel(Agent& agent, Object& O, IntegrityLevel level)
{
    SPEC_ALGORITHM("sec-testintegritylevel");
    STEP("1");
    bool extensible = TRY(IsExtensible(agent, O));
    STEP("2");
    if (extensible) return false;
    STEP("3");
    STEP("4");
    List<PropertyKey> keys = TRY(O.OwnPropertyKeys(agent));
    STEP("5");
    for (PropertyKey k : keys) {
        STEP("5.a");
        auto currentDesc = TRY(O.GetOwnProperty(agent, k));
        STEP("5.b");
        if (currentDesc) {
            STEP("5.b.i");
            if (*currentDesc->configurable) return false;
            STEP("5.b.ii");
            if (level == IntegrityLevel::Frozen && IsDataDescriptor(*currentDesc)) {
                STEP("5.b.ii.1");
                if (*currentDesc->writable) return false;
            }
        }
    }
    STEP("6");
    return true;
}

ThrowCompletionOr<Object*> SpeciesConstructor(Agent& agent, Object& O, Object& defaultConstructor)
{
    SPEC_ALGORITHM("sec-speciesconstructor");
    STEP("1");
    Value C = TRY(Get(agent, O, agent.names.constructor));
    STEP("2");
    if (C.is_undefined()) return &defaultConstructor;
    STEP("3");
    if (!C.is_object()) return throw_type_error(agent, "constructor is not an object");
    STEP("4");
    Value S = TRY(Get(agent, *C.as_object(), agent.well_known_symbol(WellKnownSymbol::species)));
    STEP("5");
    if (S.is_nullish()) return &defaultConstructor;
    STEP("6");
    if (IsConstructor(S)) return S.as_object();
    STEP("7");
    return throw_type_error(agent, "[Symbol.species] is not a constructor");
}

ThrowCompletionOr<Realm*> GetFunctionRealm(Agent& agent, Object& obj)
{
    SPEC_ALGORITHM("sec-getfunctionrealm");
    STEP("1");  // built-in and ECMAScript function objects have a [[Realm]] slot
    Realm* realm = nullptr;
    if (auto* builtin = dynamic_cast<BuiltinFunction*>(&obj))
        realm = builtin->Realm;
    else if (ECMAScriptFunctionObject* function = as_ecmascript_function(&obj))
        realm = function->Realm;
    if (realm) {
        STEP("1.a");
        return realm;
    }
    STEP("2");
    if (auto* bound = dynamic_cast<BoundFunctionObject*>(&obj)) {
        STEP("2.a");
        Object* boundTargetFunction = bound->BoundTargetFunction;
        STEP("2.b");
        return TRY(GetFunctionRealm(agent, *boundTargetFunction));
    }
    STEP("3");
    if (auto* proxy = dynamic_cast<ProxyObject*>(&obj)) {
        STEP("3.a");
        TRY(ValidateNonRevokedProxy(agent, *proxy));
        STEP("3.b");
        Object* proxyTarget = proxy->ProxyTarget;
        STEP("3.c");
        SPEC_ASSERT(proxyTarget->has_call());
        STEP("3.d");
        return TRY(GetFunctionRealm(agent, *proxyTarget));
    }
    STEP("4");
    return agent.current_realm();
}

Object* CreateArrayFromList(Agent& agent, std::span<const Value> elements)
{
    SPEC_ALGORITHM("sec-createarrayfromlist");
    STEP("1");
    Object* array = MUST(ArrayCreate(agent, 0));
    STEP("2");
    uint32_t n = 0;
    STEP("3");
    for (Value e : elements) {
        STEP("3.a");
        MUST(CreateDataPropertyOrThrow(agent, *array, PropertyKey::from_array_index(n), e));
        STEP("3.b");
        ++n;
    }
    STEP("4");
    return array;
}

ThrowCompletionOr<Value> GetV(Agent& agent, Value V, PropertyKey P)
{
    SPEC_ALGORITHM("sec-getv");
    STEP("1");
    Object* O = TRY(ToObject(agent, V));
    STEP("2");
    return TRY(O->Get(agent, P, V));
}

ThrowCompletionOr<Value> GetMethod(Agent& agent, Value V, PropertyKey P)
{
    SPEC_ALGORITHM("sec-getmethod");
    STEP("1");
    Value func = TRY(GetV(agent, V, P));
    STEP("2");
    if (func.is_nullish()) return Value::undefined();
    STEP("3");
    if (!IsCallable(func)) return throw_type_error(agent, "method is not a function");
    STEP("4");
    return func;
}

ThrowCompletionOr<double> LengthOfArrayLike(Agent& agent, Object& obj)
{
    SPEC_ALGORITHM("sec-lengthofarraylike");
    STEP("1");
    return TRY(ToLength(agent, TRY(Get(agent, obj, agent.names.length))));
}

ThrowCompletionOr<List<Value>> CreateListFromArrayLike(Agent& agent, Value obj, ValidElementTypes validElementTypes)
{
    SPEC_ALGORITHM("sec-createlistfromarraylike");
    STEP("1");  // the default argument is ~all~
    STEP("2");
    if (!obj.is_object()) return throw_type_error(agent, "CreateListFromArrayLike called on a non-object");
    STEP("3");
    double len = TRY(LengthOfArrayLike(agent, *obj.as_object()));
    STEP("4");
    List<Value> list;
    STEP("5");
    double index = 0;
    STEP("6");
    while (index < len) {
        STEP("6.a");
        PropertyKey indexName = index < 4294967295.0
                                    ? PropertyKey::from_array_index(uint32_t(index))
                                    : PropertyKey::from_string(agent.heap, *MUST(ToString(agent, Value::number(index))));
        STEP("6.b");
        Value next = TRY(Get(agent, *obj.as_object(), indexName));
        STEP("6.c");
        if (validElementTypes == ValidElementTypes::PropertyKey && !next.is_string() && !next.is_symbol())
            return throw_type_error(agent, "element is not a property key");
        STEP("6.d");
        list.append(next);
        STEP("6.e");
        index += 1;
    }
    STEP("7");
    return list;
}

ThrowCompletionOr<Value> Invoke(Agent& agent, Value V, PropertyKey P, std::span<const Value> argumentsList)
{
    SPEC_ALGORITHM("sec-invoke");
    STEP("1");  // an absent argumentsList is the empty span
    STEP("2");
    Value func = TRY(GetV(agent, V, P));
    STEP("3");
    return TRY(Call(agent, func, V, argumentsList));
}

ThrowCompletionOr<bool> OrdinaryHasInstance(Agent& agent, Value C, Value O)
{
    SPEC_ALGORITHM("sec-ordinaryhasinstance");
    STEP("1");
    if (!IsCallable(C)) return false;
    STEP("2");
    if (auto* bound = dynamic_cast<BoundFunctionObject*>(C.as_object())) {
        STEP("2.a");
        Object* BC = bound->BoundTargetFunction;
        STEP("2.b");
        return TRY(InstanceofOperator(agent, O, BC));
    }
    STEP("3");
    if (!O.is_object()) return false;
    STEP("4");
    Value P = TRY(Get(agent, *C.as_object(), agent.names.prototype));
    STEP("5");
    if (!P.is_object()) return throw_type_error(agent, "function has a non-object prototype in instanceof check");
    STEP("6");
    Object* object = O.as_object();
    for (;;) {
        STEP("6.a");
        object = TRY(object->GetPrototypeOf(agent));
        STEP("6.b");
        if (!object) return false;
        STEP("6.c");
        if (SameValue(P, object)) return true;
    }
}

ThrowCompletionOr<List<Value>> EnumerableOwnProperties(Agent& agent, Object& O, EnumerableOwnPropertiesKind kind)
{
    SPEC_ALGORITHM("sec-enumerableownproperties");
    STEP("1");
    List<PropertyKey> ownKeys = TRY(O.OwnPropertyKeys(agent));
    STEP("2");
    List<Value> results;
    STEP("3");
    for (PropertyKey key : ownKeys) {
        STEP("3.a");
        if (!key.is_string()) continue;
        STEP("3.a.i");
        auto desc = TRY(O.GetOwnProperty(agent, key));
        STEP("3.a.ii");
        if (desc && *desc->enumerable) {
            STEP("3.a.ii.1");
            if (kind == EnumerableOwnPropertiesKind::Key) {
                STEP("3.a.ii.1.a");
                results.append(key.to_value(agent.heap));
            } else {
                STEP("3.a.ii.2");
                STEP("3.a.ii.2.a");
                Value value = TRY(Get(agent, O, key));
                STEP("3.a.ii.2.b");
                if (kind == EnumerableOwnPropertiesKind::Value) {
                    STEP("3.a.ii.2.b.i");
                    results.append(value);
                } else {
                    STEP("3.a.ii.2.c");
                    STEP("3.a.ii.2.c.i");
                    SPEC_ASSERT(kind == EnumerableOwnPropertiesKind::KeyValue);
                    STEP("3.a.ii.2.c.ii");
                    Value pair[] = {key.to_value(agent.heap), value};
                    Object* entry = CreateArrayFromList(agent, pair);
                    STEP("3.a.ii.2.c.iii");
                    results.append(entry);
                }
            }
        }
    }
    STEP("4");
    return results;
}

ThrowCompletionOr<void> SetterThatIgnoresPrototypeProperties(Agent& agent, Value thisValue, Object& home, PropertyKey p,
                                                              Value v)
{
    SPEC_ALGORITHM("sec-SetterThatIgnoresPrototypeProperties");
    STEP("1");
    if (!thisValue.is_object()) {
        STEP("1.a");
        return throw_type_error(agent, "setter called on a non-object");
    }
    Object& O = *thisValue.as_object();
    STEP("2");
    if (&O == &home) {
        STEP("2.a");  // like assigning to a non-writable property of home in strict code
        STEP("2.b");
        return throw_type_error(agent, "cannot assign to this property of the prototype itself");
    }
    STEP("3");
    std::optional<PropertyDescriptor> desc = TRY(O.GetOwnProperty(agent, p));
    STEP("4");
    if (!desc) {
        STEP("4.a");
        TRY(CreateDataPropertyOrThrow(agent, O, p, v));
    } else {
        STEP("5");
        STEP("5.a");
        TRY(Set(agent, O, p, v, true));
    }
    STEP("6");
    return {};
}

}  // namespace lockstep
