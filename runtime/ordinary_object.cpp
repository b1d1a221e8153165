// ECMA-262 §10.1 Ordinary Object Internal Methods and Internal Slots.
#include "runtime/ordinary_object.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/realm.h"

namespace lockstep {

namespace {

StoredProperty::Flag flag_if(bool condition, StoredProperty::Flag flag)
{
    return condition ? flag : StoredProperty::Flag(0);
}

}  // namespace

// §10.1.1 [[GetPrototypeOf]] ( )
ThrowCompletionOr<Object*> Object::GetPrototypeOf(Agent&)
{
    SPEC_ALGORITHM("sec-ordinary-object-internal-methods-and-internal-slots-getprototypeof");
    STEP("1");
    return OrdinaryGetPrototypeOf(*this);
}

Object* OrdinaryGetPrototypeOf(Object& O)
{
    SPEC_ALGORITHM("sec-ordinarygetprototypeof");
    STEP("1");
    return O.Prototype;
}

// §10.1.2 [[SetPrototypeOf]] ( V )
ThrowCompletionOr<bool> Object::SetPrototypeOf(Agent&, Object* V)
{
    SPEC_ALGORITHM("sec-ordinary-object-internal-methods-and-internal-slots-setprototypeof-v");
    STEP("1");
    return OrdinarySetPrototypeOf(*this, V);
}

bool OrdinarySetPrototypeOf(Object& O, Object* V)
{
    SPEC_ALGORITHM("sec-ordinarysetprototypeof");
    STEP("1");
    Object* current = O.Prototype;
    STEP("2");
    if (SameValue(object_or_null(V), object_or_null(current))) return true;
    STEP("3");
    bool extensible = O.Extensible;
    STEP("4");
    if (!extensible) return false;
    STEP("5");
    Object* p = V;
    STEP("6");
    bool done = false;
    STEP("7");
    while (!done) {
        STEP("7.a");
        if (!p) {
            STEP("7.a.i");
            done = true;
            continue;
        }
        STEP("7.b");
        if (SameValue(Value(p), Value(&O))) {
            STEP("7.b.i");
            return false;
        }
        STEP("7.c");
        STEP("7.c.i");
        if (!p->has_ordinary_get_prototype_of()) {
            done = true;
        } else {
            STEP("7.c.ii");
            p = p->Prototype;
        }
    }
    STEP("8");
    O.Prototype = V;
    STEP("9");
    return true;
}

// §10.1.3 [[IsExtensible]] ( )
ThrowCompletionOr<bool> Object::IsExtensible(Agent&)
{
    SPEC_ALGORITHM("sec-ordinary-object-internal-methods-and-internal-slots-isextensible");
    STEP("1");
    return OrdinaryIsExtensible(*this);
}

bool OrdinaryIsExtensible(Object& O)
{
    SPEC_ALGORITHM("sec-ordinaryisextensible");
    STEP("1");
    return O.Extensible;
}

// §10.1.4 [[PreventExtensions]] ( )
ThrowCompletionOr<bool> Object::PreventExtensions(Agent&)
{
    SPEC_ALGORITHM("sec-ordinary-object-internal-methods-and-internal-slots-preventextensions");
    STEP("1");
    return OrdinaryPreventExtensions(*this);
}

bool OrdinaryPreventExtensions(Object& O)
{
    SPEC_ALGORITHM("sec-ordinarypreventextensions");
    STEP("1");
    O.Extensible = false;
    STEP("2");
    return true;
}

// §10.1.5 [[GetOwnProperty]] ( P )
ThrowCompletionOr<std::optional<PropertyDescriptor>> Object::GetOwnProperty(Agent&, PropertyKey P)
{
    SPEC_ALGORITHM("sec-ordinary-object-internal-methods-and-internal-slots-getownproperty-p");
    STEP("1");
    return OrdinaryGetOwnProperty(*this, P);
}

std::optional<PropertyDescriptor> OrdinaryGetOwnProperty(Object& O, PropertyKey P)
{
    SPEC_ALGORITHM("sec-ordinarygetownproperty");
    STEP("1");
    const StoredProperty* X = O.properties().find(P);
    if (!X) return std::nullopt;
    STEP("2");
    PropertyDescriptor D;
    STEP("3");  // X is the own property found in step 1
    STEP("4");
    if (!X->is_accessor()) {
        STEP("4.a");
        D.value = X->value;
        STEP("4.b");
        D.writable = X->writable();
    } else {
        STEP("5");
        STEP("5.a");
        SPEC_ASSERT(X->is_accessor());
        STEP("5.b");
        D.get = X->getter();
        STEP("5.c");
        D.set = X->setter;
    }
    STEP("6");
    D.enumerable = X->enumerable();
    STEP("7");
    D.configurable = X->configurable();
    STEP("8");
    return D;
}

// §10.1.6 [[DefineOwnProperty]] ( P, Desc )
ThrowCompletionOr<bool> Object::DefineOwnProperty(Agent& agent, PropertyKey P, const PropertyDescriptor& Desc)
{
    SPEC_ALGORITHM("sec-ordinary-object-internal-methods-and-internal-slots-defineownproperty-p-desc");
    STEP("1");
    return TRY(OrdinaryDefineOwnProperty(agent, *this, P, Desc));
}

ThrowCompletionOr<bool> OrdinaryDefineOwnProperty(Agent& agent, Object& O, PropertyKey P, const PropertyDescriptor& Desc)
{
    SPEC_ALGORITHM("sec-ordinarydefineownproperty");
    STEP("1");
    auto current = TRY(O.GetOwnProperty(agent, P));
    STEP("2");
    bool extensible = TRY(IsExtensible(agent, O));
    STEP("3");
    return ValidateAndApplyPropertyDescriptor(&O, P, extensible, Desc, current);
}

bool IsCompatiblePropertyDescriptor(Agent& agent, bool Extensible, const PropertyDescriptor& Desc,
                                    const std::optional<PropertyDescriptor>& Current)
{
    SPEC_ALGORITHM("sec-iscompatiblepropertydescriptor");
    STEP("1");
    return ValidateAndApplyPropertyDescriptor(nullptr, PropertyKey::from_ascii(heap_of(agent), ""), Extensible, Desc,
                                              Current);
}

bool ValidateAndApplyPropertyDescriptor(Object* O, PropertyKey P, bool extensible, const PropertyDescriptor& Desc,
                                        const std::optional<PropertyDescriptor>& current)
{
    SPEC_ALGORITHM("sec-validateandapplypropertydescriptor");
    STEP("1");  // P is a PropertyKey by its type
    STEP("2");
    if (!current) {
        STEP("2.a");
        if (!extensible) return false;
        STEP("2.b");
        if (!O) return true;
        STEP("2.c");
        if (IsAccessorDescriptor(Desc)) {
            STEP("2.c.i");  // absent fields take their defaults: undefined / false
            O->properties().add(P, StoredProperty{Desc.get.value_or(Value::undefined()),
                                                  Desc.set.value_or(Value::undefined()),
                                                  uint8_t(StoredProperty::Accessor |
                                                          flag_if(Desc.enumerable.value_or(false), StoredProperty::Enumerable) |
                                                          flag_if(Desc.configurable.value_or(false), StoredProperty::Configurable))});
        } else {
            STEP("2.d");
            STEP("2.d.i");
            O->properties().add(P, StoredProperty{Desc.value.value_or(Value::undefined()), Value::undefined(),
                                                  uint8_t(flag_if(Desc.writable.value_or(false), StoredProperty::Writable) |
                                                          flag_if(Desc.enumerable.value_or(false), StoredProperty::Enumerable) |
                                                          flag_if(Desc.configurable.value_or(false), StoredProperty::Configurable))});
        }
        STEP("2.e");
        return true;
    }
    STEP("3");
    SPEC_ASSERT(current->is_fully_populated());
    STEP("4");
    if (Desc.has_no_fields()) return true;
    STEP("5");
    if (!*current->configurable) {
        STEP("5.a");
        if (Desc.configurable && *Desc.configurable) return false;
        STEP("5.b");
        if (Desc.enumerable && *Desc.enumerable != *current->enumerable) return false;
        STEP("5.c");
        if (!IsGenericDescriptor(Desc) && IsAccessorDescriptor(Desc) != IsAccessorDescriptor(*current)) return false;
        STEP("5.d");
        if (IsAccessorDescriptor(*current)) {
            STEP("5.d.i");
            if (Desc.get && !SameValue(*Desc.get, *current->get)) return false;
            STEP("5.d.ii");
            if (Desc.set && !SameValue(*Desc.set, *current->set)) return false;
        } else {
            STEP("5.e");
            if (!*current->writable) {
                STEP("5.e.i");
                if (Desc.writable && *Desc.writable) return false;
                STEP("5.e.ii");  // NOTE: returning here leaves a NaN's bits alone
                STEP("5.e.iii");
                if (Desc.value) return SameValue(*Desc.value, *current->value);
            }
        }
    }
    STEP("6");
    if (O) {
        StoredProperty& property = *O->properties().find(P);
        STEP("6.a");
        if (IsDataDescriptor(*current) && IsAccessorDescriptor(Desc)) {
            STEP("6.a.i");
            bool configurable = Desc.configurable.value_or(*current->configurable);
            STEP("6.a.ii");
            bool enumerable = Desc.enumerable.value_or(*current->enumerable);
            STEP("6.a.iii");  // absent [[Get]] / [[Set]] take their default, undefined
            property = StoredProperty{Desc.get.value_or(Value::undefined()), Desc.set.value_or(Value::undefined()),
                                      uint8_t(StoredProperty::Accessor | flag_if(enumerable, StoredProperty::Enumerable) |
                                              flag_if(configurable, StoredProperty::Configurable))};
        } else if (IsAccessorDescriptor(*current) && IsDataDescriptor(Desc)) {
            STEP("6.b");
            STEP("6.b.i");
            bool configurable = Desc.configurable.value_or(*current->configurable);
            STEP("6.b.ii");
            bool enumerable = Desc.enumerable.value_or(*current->enumerable);
            STEP("6.b.iii");  // absent [[Value]] / [[Writable]] take their defaults
            property = StoredProperty{Desc.value.value_or(Value::undefined()), Value::undefined(),
                                      uint8_t(flag_if(Desc.writable.value_or(false), StoredProperty::Writable) |
                                              flag_if(enumerable, StoredProperty::Enumerable) |
                                              flag_if(configurable, StoredProperty::Configurable))};
        } else {
            STEP("6.c");
            STEP("6.c.i");
            if (Desc.value) property.value = *Desc.value;
            if (Desc.get) property.value = *Desc.get;
            if (Desc.set) property.setter = *Desc.set;
            auto set_flag = [&](const std::optional<bool>& field, StoredProperty::Flag flag) {
                if (field) property.flags = uint8_t(*field ? property.flags | flag : property.flags & ~flag);
            };
            set_flag(Desc.writable, StoredProperty::Writable);
            set_flag(Desc.enumerable, StoredProperty::Enumerable);
            set_flag(Desc.configurable, StoredProperty::Configurable);
        }
    }
    STEP("7");
    return true;
}

// §10.1.7 [[HasProperty]] ( P )
ThrowCompletionOr<bool> Object::HasProperty(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-ordinary-object-internal-methods-and-internal-slots-hasproperty-p");
    STEP("1");
    return TRY(OrdinaryHasProperty(agent, *this, P));
}

ThrowCompletionOr<bool> OrdinaryHasProperty(Agent& agent, Object& O, PropertyKey P)
{
    SPEC_ALGORITHM("sec-ordinaryhasproperty");
    STEP("1");
    auto hasOwn = TRY(O.GetOwnProperty(agent, P));
    STEP("2");
    if (hasOwn) return true;
    STEP("3");
    Object* parent = TRY(O.GetPrototypeOf(agent));
    STEP("4");
    if (parent) {
        STEP("4.a");
        if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);  // a long prototype chain
        return TRY(parent->HasProperty(agent, P));
    }
    STEP("5");
    return false;
}

// §10.1.8 [[Get]] ( P, Receiver )
ThrowCompletionOr<Value> Object::Get(Agent& agent, PropertyKey P, Value Receiver)
{
    SPEC_ALGORITHM("sec-ordinary-object-internal-methods-and-internal-slots-get-p-receiver");
    STEP("1");
    return TRY(OrdinaryGet(agent, *this, P, Receiver));
}

ThrowCompletionOr<Value> OrdinaryGet(Agent& agent, Object& O, PropertyKey P, Value Receiver)
{
    SPEC_ALGORITHM("sec-ordinaryget");
    STEP("1");
    auto desc = TRY(O.GetOwnProperty(agent, P));
    STEP("2");
    if (!desc) {
        STEP("2.a");
        Object* parent = TRY(O.GetPrototypeOf(agent));
        STEP("2.b");
        if (!parent) return Value::undefined();
        STEP("2.c");
        if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);  // a long prototype chain
        return TRY(parent->Get(agent, P, Receiver));
    }
    STEP("3");
    if (IsDataDescriptor(*desc)) return *desc->value;
    STEP("4");
    SPEC_ASSERT(IsAccessorDescriptor(*desc));
    STEP("5");
    Value getter = *desc->get;
    STEP("6");
    if (getter.is_undefined()) return Value::undefined();
    STEP("7");
    return TRY(lockstep::Call(agent, getter, Receiver));
}

// §10.1.9 [[Set]] ( P, V, Receiver )
ThrowCompletionOr<bool> Object::Set(Agent& agent, PropertyKey P, Value V, Value Receiver)
{
    SPEC_ALGORITHM("sec-ordinary-object-internal-methods-and-internal-slots-set-p-v-receiver");
    STEP("1");
    return TRY(OrdinarySet(agent, *this, P, V, Receiver));
}

ThrowCompletionOr<bool> OrdinarySet(Agent& agent, Object& O, PropertyKey P, Value V, Value Receiver)
{
    SPEC_ALGORITHM("sec-ordinaryset");
    STEP("1");
    auto ownDesc = TRY(O.GetOwnProperty(agent, P));
    STEP("2");
    return TRY(OrdinarySetWithOwnDescriptor(agent, O, P, V, Receiver, ownDesc));
}

ThrowCompletionOr<bool> OrdinarySetWithOwnDescriptor(Agent& agent, Object& O, PropertyKey P, Value V, Value Receiver,
                                                     std::optional<PropertyDescriptor> ownDesc)
{
    SPEC_ALGORITHM("sec-ordinarysetwithowndescriptor");
    STEP("1");
    if (!ownDesc) {
        STEP("1.a");
        Object* parent = TRY(O.GetPrototypeOf(agent));
        STEP("1.b");
        if (parent) {
            STEP("1.b.i");
            if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);  // a long prototype chain
            return TRY(parent->Set(agent, P, V, Receiver));
        }
        STEP("1.c");
        STEP("1.c.i");
        ownDesc = PropertyDescriptor{.value = Value::undefined(), .writable = true, .enumerable = true, .configurable = true};
    }
    STEP("2");
    if (IsDataDescriptor(*ownDesc)) {
        STEP("2.a");
        if (!*ownDesc->writable) return false;
        STEP("2.b");
        if (!Receiver.is_object()) return false;
        STEP("2.c");
        auto existingDescriptor = TRY(Receiver.as_object()->GetOwnProperty(agent, P));
        STEP("2.d");
        if (existingDescriptor) {
            STEP("2.d.i");
            if (IsAccessorDescriptor(*existingDescriptor)) return false;
            STEP("2.d.ii");
            if (!*existingDescriptor->writable) return false;
            STEP("2.d.iii");
            PropertyDescriptor valueDesc{.value = V};
            STEP("2.d.iv");
            return TRY(Receiver.as_object()->DefineOwnProperty(agent, P, valueDesc));
        }
        STEP("2.e");
        STEP("2.e.i");  // Receiver has no own property P (just checked)
        STEP("2.e.ii");
        return TRY(CreateDataProperty(agent, *Receiver.as_object(), P, V));
    }
    STEP("3");
    SPEC_ASSERT(IsAccessorDescriptor(*ownDesc));
    STEP("4");
    Value setter = *ownDesc->set;
    STEP("5");
    if (setter.is_undefined()) return false;
    STEP("6");
    Value arguments[] = {V};
    TRY(lockstep::Call(agent, setter, Receiver, arguments));
    STEP("7");
    return true;
}

// §10.1.10 [[Delete]] ( P )
ThrowCompletionOr<bool> Object::Delete(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-ordinary-object-internal-methods-and-internal-slots-delete-p");
    STEP("1");
    return TRY(OrdinaryDelete(agent, *this, P));
}

ThrowCompletionOr<bool> OrdinaryDelete(Agent& agent, Object& O, PropertyKey P)
{
    SPEC_ALGORITHM("sec-ordinarydelete");
    STEP("1");
    auto desc = TRY(O.GetOwnProperty(agent, P));
    STEP("2");
    if (!desc) return true;
    STEP("3");
    if (*desc->configurable) {
        STEP("3.a");
        O.properties().remove(P);
        STEP("3.b");
        return true;
    }
    STEP("4");
    return false;
}

// §10.1.11 [[OwnPropertyKeys]] ( )
ThrowCompletionOr<List<PropertyKey>> Object::OwnPropertyKeys(Agent&)
{
    SPEC_ALGORITHM("sec-ordinary-object-internal-methods-and-internal-slots-ownpropertykeys");
    STEP("1");
    return OrdinaryOwnPropertyKeys(*this);
}

List<PropertyKey> OrdinaryOwnPropertyKeys(Object& O)
{
    SPEC_ALGORITHM("sec-ordinaryownpropertykeys");
    STEP("1");
    List<PropertyKey> keys;
    STEP("2");
    STEP("2.a");  // each array index, ascending
    O.properties().append_array_index_keys(keys);
    STEP("3");
    STEP("3.a");  // each other String key, in creation order
    O.properties().append_string_keys(keys);
    STEP("4");
    STEP("4.a");  // each Symbol key, in creation order
    O.properties().append_symbol_keys(keys);
    STEP("5");
    return keys;
}

// Objects without [[Call]] / [[Construct]] are never called: Call and
// Construct (§7.3) check IsCallable / IsConstructor first.
ThrowCompletionOr<Value> Object::Call(Agent&, Value, std::span<const Value>)
{
    spec::assertion_failed("the object has a [[Call]] internal method", __FILE__, __LINE__);
}

ThrowCompletionOr<Object*> Object::Construct(Agent&, std::span<const Value>, Object*)
{
    spec::assertion_failed("the object has a [[Construct]] internal method", __FILE__, __LINE__);
}

void Object::visit_edges(Visitor& visitor)
{
    visitor.visit(Prototype);
    for (const PrivateElement& element : PrivateElements) {
        visitor.visit(element.key);
        visitor.visit(element.value);
        visitor.visit(element.get);
        visitor.visit(element.set);
    }
    properties_.visit_edges(visitor);
}

ThrowCompletionOr<Object*> GetPrototypeFromConstructor(Agent& agent, Object& constructor, Intrinsic intrinsicDefaultProto)
{
    SPEC_ALGORITHM("sec-getprototypefromconstructor");
    STEP("1");  // intrinsicDefaultProto names an intrinsic by construction
    STEP("2");
    Value proto = TRY(lockstep::Get(agent, constructor, agent.names.prototype));
    STEP("3");
    if (!proto.is_object()) {
        STEP("3.a");
        Realm* realm = TRY(GetFunctionRealm(agent, constructor));
        STEP("3.b");
        proto = realm->intrinsic(intrinsicDefaultProto);
    }
    STEP("4");
    return proto.as_object();
}

Heap& heap_of(Agent& agent)
{
    return agent.heap;
}

}  // namespace lockstep
