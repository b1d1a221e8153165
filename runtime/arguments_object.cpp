// ECMA-262 §10.4.4 Arguments Exotic Objects.
#include "runtime/arguments_object.h"

#include "abstract_ops/object_operations.h"
#include "runtime/agent.h"
#include "runtime/heap.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

namespace {

void DefineLength(Agent& agent, Object& obj, size_t len)
{
    MUST(DefinePropertyOrThrow(agent, obj, agent.names.length,
                               PropertyDescriptor{.value = Value::number(double(len)), .writable = true,
                                                  .enumerable = false, .configurable = true}));
}

void DefineIterator(Agent& agent, Object& obj)
{
    Object* values = agent.current_realm()->intrinsic(Intrinsic::ArrayPrototypeValues);
    MUST(DefinePropertyOrThrow(agent, obj, agent.well_known_symbol(WellKnownSymbol::iterator),
                               PropertyDescriptor{.value = Value(values), .writable = true, .enumerable = false,
                                                  .configurable = true}));
}

}  // namespace

String* ArgumentsObject::mapped_name(PropertyKey P) const
{
    if (!P.is_array_index() || P.as_array_index() >= ParameterMap.size()) return nullptr;
    return ParameterMap[P.as_array_index()].name;
}

void ArgumentsObject::unmap(PropertyKey P)
{
    if (P.is_array_index() && P.as_array_index() < ParameterMap.size()) ParameterMap[P.as_array_index()].name = nullptr;
}

void ArgumentsObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    for (const Mapping& m : ParameterMap) visitor.visit(m.name);
    visitor.visit(env);
}

ThrowCompletionOr<std::optional<PropertyDescriptor>> ArgumentsObject::GetOwnProperty(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-arguments-exotic-objects-getownproperty-p");
    STEP("1");
    std::optional<PropertyDescriptor> desc = OrdinaryGetOwnProperty(*this, P);
    STEP("2");
    if (!desc) return desc;
    STEP("3");
    STEP("4");
    String* isMapped = mapped_name(P);
    STEP("5");
    if (isMapped) {
        STEP("5.a");  // Get(map, P): the MakeArgGetter closure reads the binding
        desc->value = MUST(env->GetBindingValue(agent, isMapped->view(), false));
    }
    STEP("6");
    return desc;
}

ThrowCompletionOr<bool> ArgumentsObject::DefineOwnProperty(Agent& agent, PropertyKey P, const PropertyDescriptor& Desc)
{
    SPEC_ALGORITHM("sec-arguments-exotic-objects-defineownproperty-p-desc");
    STEP("1");
    STEP("2");
    String* isMapped = mapped_name(P);
    STEP("3");
    PropertyDescriptor newArgDesc = Desc;
    STEP("4");
    if (isMapped && IsDataDescriptor(Desc)) {
        STEP("4.a");
        if (!Desc.value && Desc.writable && !*Desc.writable) {
            STEP("4.a.i");
            STEP("4.a.ii");
            newArgDesc.value = MUST(env->GetBindingValue(agent, isMapped->view(), false));
        }
    }
    STEP("5");
    bool allowed = MUST(OrdinaryDefineOwnProperty(agent, *this, P, newArgDesc));
    STEP("6");
    if (!allowed) return false;
    STEP("7");
    if (isMapped) {
        STEP("7.a");
        if (IsAccessorDescriptor(Desc)) {
            STEP("7.a.i");
            unmap(P);
        } else {
            STEP("7.b");
            STEP("7.b.i");
            if (Desc.value) {
                STEP("7.b.i.1");
                STEP("7.b.i.2");  // Set(map, P, V): the MakeArgSetter closure writes the binding
                MUST(env->SetMutableBinding(agent, isMapped->view(), *Desc.value, false));
            }
            STEP("7.b.ii");
            if (Desc.writable && !*Desc.writable) {
                STEP("7.b.ii.1");
                unmap(P);
            }
        }
    }
    STEP("8");
    return true;
}

ThrowCompletionOr<Value> ArgumentsObject::Get(Agent& agent, PropertyKey P, Value Receiver)
{
    SPEC_ALGORITHM("sec-arguments-exotic-objects-get-p-receiver");
    STEP("1");
    STEP("2");
    String* isMapped = mapped_name(P);
    STEP("3");
    if (!isMapped) {
        STEP("3.a");
        return OrdinaryGet(agent, *this, P, Receiver);
    }
    STEP("4");
    STEP("4.a");
    STEP("4.b");
    return MUST(env->GetBindingValue(agent, isMapped->view(), false));
}

ThrowCompletionOr<bool> ArgumentsObject::Set(Agent& agent, PropertyKey P, Value V, Value Receiver)
{
    SPEC_ALGORITHM("sec-arguments-exotic-objects-set-p-v-receiver");
    String* isMapped = nullptr;
    STEP("1");
    if (!(Receiver.is_object() && Receiver.as_object() == this)) {
        STEP("1.a");
    } else {
        STEP("2");
        STEP("2.a");
        STEP("2.b");
        isMapped = mapped_name(P);
    }
    STEP("3");
    if (isMapped) {
        STEP("3.a");
        STEP("3.b");
        MUST(env->SetMutableBinding(agent, isMapped->view(), V, false));
    }
    STEP("4");
    return OrdinarySet(agent, *this, P, V, Receiver);
}

ThrowCompletionOr<bool> ArgumentsObject::Delete(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-arguments-exotic-objects-delete-p");
    STEP("1");
    STEP("2");
    String* isMapped = mapped_name(P);
    STEP("3");
    bool result = TRY(OrdinaryDelete(agent, *this, P));
    STEP("4");
    if (result && isMapped) {
        STEP("4.a");
        unmap(P);
    }
    STEP("5");
    return result;
}

Object* CreateUnmappedArgumentsObject(Agent& agent, std::span<const Value> argumentsList)
{
    SPEC_ALGORITHM("sec-createunmappedargumentsobject");
    Realm& realm = *agent.current_realm();
    STEP("1");
    size_t len = argumentsList.size();
    STEP("2");
    STEP("3");
    Object* obj = OrdinaryObjectCreate<UnmappedArgumentsObject>(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    STEP("4");
    DefineLength(agent, *obj, len);
    STEP("5");
    STEP("6");
    for (size_t index = 0; index < len; ++index) {
        STEP("6.a");
        STEP("6.b");
        MUST(CreateDataPropertyOrThrow(agent, *obj, PropertyKey::from_array_index(uint32_t(index)), argumentsList[index]));
        STEP("6.c");
    }
    STEP("7");
    DefineIterator(agent, *obj);
    STEP("8");
    Value thrower = realm.intrinsic(Intrinsic::ThrowTypeError);
    MUST(DefinePropertyOrThrow(agent, *obj, agent.key("callee"),
                               PropertyDescriptor{.get = thrower, .set = thrower, .enumerable = false,
                                                  .configurable = false}));
    STEP("9");
    return obj;
}

Object* CreateMappedArgumentsObject(Agent& agent, Object& func, std::span<const BindingName> parameterNames,
                                    std::span<const Value> argumentsList, EnvironmentRecord& env)
{
    SPEC_ALGORITHM("sec-createmappedargumentsobject");
    STEP("1");
    STEP("2");
    size_t len = argumentsList.size();
    STEP("3");
    STEP("4-8");
    auto* obj = MakeBasicObject<ArgumentsObject>(agent);
    STEP("9");
    obj->Prototype = agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype);
    STEP("10");
    STEP("11");
    obj->env = &env;
    obj->ParameterMap.resize(std::min(len, parameterNames.size()));
    STEP("12");
    STEP("13");
    size_t numberOfParameters = parameterNames.size();
    STEP("14");
    STEP("15");
    for (size_t index = 0; index < len; ++index) {
        STEP("15.a");
        STEP("15.b");
        MUST(CreateDataPropertyOrThrow(agent, *obj, PropertyKey::from_array_index(uint32_t(index)), argumentsList[index]));
        STEP("15.c");
    }
    STEP("16");
    DefineLength(agent, *obj, len);
    STEP("17");
    std::vector<BindingName> mappedNames;
    STEP("18");
    STEP("19");
    for (size_t i = numberOfParameters; i-- > 0;) {
        STEP("19.a");
        BindingName name = parameterNames[i];
        STEP("19.b");
        bool contains = false;
        for (BindingName m : mappedNames) contains = contains || m == name;
        if (!contains) {
            STEP("19.b.i");
            mappedNames.push_back(name);
            STEP("19.b.ii");
            if (i < len) {
                STEP("19.b.ii.1");
                STEP("19.b.ii.2");
                STEP("19.b.ii.3");
                obj->ParameterMap[i].name = agent.heap.intern(name);
            }
        }
        STEP("19.c");
    }
    STEP("20");
    DefineIterator(agent, *obj);
    STEP("21");
    MUST(DefinePropertyOrThrow(agent, *obj, agent.key("callee"),
                               PropertyDescriptor{.value = Value(&func), .writable = true, .enumerable = false,
                                                  .configurable = true}));
    STEP("22");
    return obj;
}

}  // namespace lockstep
