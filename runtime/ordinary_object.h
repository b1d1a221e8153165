// ECMA-262 §10.1 Ordinary Object Internal Methods and Internal Slots, and
// §7.3.1 MakeBasicObject.
// https://tc39.es/ecma262/#sec-ordinary-object-internal-methods-and-internal-slots
#pragma once

#include <optional>
#include <utility>

#include "runtime/heap.h"
#include "runtime/object.h"

namespace lockstep {

class Agent;
class Realm;
enum class Intrinsic : uint16_t;

Heap& heap_of(Agent&);

// §10.1.1.1 OrdinaryGetPrototypeOf ( O )
Object* OrdinaryGetPrototypeOf(Object& O);
// §10.1.2.1 OrdinarySetPrototypeOf ( O, V )
bool OrdinarySetPrototypeOf(Object& O, Object* V);
// §10.1.3.1 OrdinaryIsExtensible ( O )
bool OrdinaryIsExtensible(Object& O);
// §10.1.4.1 OrdinaryPreventExtensions ( O )
bool OrdinaryPreventExtensions(Object& O);
// §10.1.5.1 OrdinaryGetOwnProperty ( O, P )
std::optional<PropertyDescriptor> OrdinaryGetOwnProperty(Object& O, PropertyKey P);
// §10.1.6.1 OrdinaryDefineOwnProperty ( O, P, Desc )
ThrowCompletionOr<bool> OrdinaryDefineOwnProperty(Agent&, Object& O, PropertyKey P, const PropertyDescriptor& Desc);
// §10.1.6.2 IsCompatiblePropertyDescriptor ( Extensible, Desc, Current )
bool IsCompatiblePropertyDescriptor(Agent&, bool Extensible, const PropertyDescriptor& Desc,
                                    const std::optional<PropertyDescriptor>& Current);
// §10.1.6.3 ValidateAndApplyPropertyDescriptor ( O, P, extensible, Desc, current ); O null is *undefined*
bool ValidateAndApplyPropertyDescriptor(Object* O, PropertyKey P, bool extensible, const PropertyDescriptor& Desc,
                                        const std::optional<PropertyDescriptor>& current);
// §10.1.7.1 OrdinaryHasProperty ( O, P )
ThrowCompletionOr<bool> OrdinaryHasProperty(Agent&, Object& O, PropertyKey P);
// §10.1.8.1 OrdinaryGet ( O, P, Receiver )
ThrowCompletionOr<Value> OrdinaryGet(Agent&, Object& O, PropertyKey P, Value Receiver);
// §10.1.9.1 OrdinarySet ( O, P, V, Receiver )
ThrowCompletionOr<bool> OrdinarySet(Agent&, Object& O, PropertyKey P, Value V, Value Receiver);
// §10.1.9.2 OrdinarySetWithOwnDescriptor ( O, P, V, Receiver, ownDesc )
ThrowCompletionOr<bool> OrdinarySetWithOwnDescriptor(Agent&, Object& O, PropertyKey P, Value V, Value Receiver,
                                                     std::optional<PropertyDescriptor> ownDesc);
// §10.1.10.1 OrdinaryDelete ( O, P )
ThrowCompletionOr<bool> OrdinaryDelete(Agent&, Object& O, PropertyKey P);
// §10.1.11.1 OrdinaryOwnPropertyKeys ( O )
List<PropertyKey> OrdinaryOwnPropertyKeys(Object& O);

// §7.3.1 MakeBasicObject ( internalSlotsList ). The C++ class T is the list
// of internal slots: Object has [[Prototype]], [[Extensible]] and
// [[PrivateElements]]; subclasses add theirs. T's constructor takes the
// prototype first (set by the caller afterwards, as the spec does).
template <class T = Object, class... Args>
T* MakeBasicObject(Agent& agent, Args&&... args)
{
    SPEC_ALGORITHM("sec-makebasicobject");
    STEP("1");  // [[PrivateElements]] is a member of every Object
    STEP("2");
    T* obj = heap_of(agent).allocate<T>(nullptr, std::forward<Args>(args)...);
    STEP("3");
    STEP("4");
    obj->PrivateElements.clear();
    STEP("5");  // the virtual internal methods default to the ordinary ones; T overrides its exotic ones
    STEP("6");
    STEP("7");
    STEP("8");
    obj->Extensible = true;
    STEP("9");
    return obj;
}

// §10.1.12 OrdinaryObjectCreate ( proto [ , additionalInternalSlotsList ] );
// T (an Object subclass) carries the additional internal slots.
template <class T = Object, class... Args>
T* OrdinaryObjectCreate(Agent& agent, Object* proto, Args&&... args)
{
    SPEC_ALGORITHM("sec-ordinaryobjectcreate");
    STEP("1");
    STEP("2");
    STEP("3");
    T* O = MakeBasicObject<T>(agent, std::forward<Args>(args)...);
    STEP("4");
    O->Prototype = proto;
    STEP("5");
    return O;
}

// §10.1.14 GetPrototypeFromConstructor ( constructor, intrinsicDefaultProto )
ThrowCompletionOr<Object*> GetPrototypeFromConstructor(Agent&, Object& constructor, Intrinsic intrinsicDefaultProto);

// §10.1.13 OrdinaryCreateFromConstructor ( constructor, intrinsicDefaultProto [ , internalSlotsList ] )
template <class T = Object, class... Args>
ThrowCompletionOr<T*> OrdinaryCreateFromConstructor(Agent& agent, Object& constructor, Intrinsic intrinsicDefaultProto,
                                                    Args&&... args)
{
    SPEC_ALGORITHM("sec-ordinarycreatefromconstructor");
    STEP("1");  // intrinsicDefaultProto is an Intrinsic enumerator by construction
    STEP("2");
    Object* proto = TRY(GetPrototypeFromConstructor(agent, constructor, intrinsicDefaultProto));
    STEP("3");
    STEP("4");
    STEP("5");
    return OrdinaryObjectCreate<T>(agent, proto, std::forward<Args>(args)...);
}

// A Value for an "Object or null": *null* for a null pointer.
inline Value object_or_null(Object* object) { return object ? Value(object) : Value::null(); }

}  // namespace lockstep
