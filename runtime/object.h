// ECMA-262 §6.1.7 The Object Type, §6.1.7.2 essential internal methods, and
// §10.1 ordinary objects (their internal methods are in ordinary_object.cpp).
// https://tc39.es/ecma262/#sec-object-type
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "runtime/cell.h"
#include "runtime/completion.h"
#include "runtime/private_element.h"
#include "runtime/property_descriptor.h"
#include "runtime/property_key.h"
#include "runtime/property_storage.h"
#include "runtime/root.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;

// An object. The essential internal methods are virtual member functions
// named as the spec names them: O.[[Get]](P, Receiver) is
// `O.Get(agent, P, Receiver)`, while the abstract operation Get(O, P) of
// §7.3.2 is the free function `Get(agent, O, P)` in abstract_ops/. The
// defaults are the ordinary object's (§10.1); exotic objects override.
class Object : public Cell {
public:
    // Use MakeBasicObject / OrdinaryObjectCreate (runtime/ordinary_object.h);
    // subclasses pass the prototype through.
    explicit Object(Object* prototype) : Prototype(prototype) {}

    // §6.1.7.2 Table "Essential Internal Methods".
    virtual ThrowCompletionOr<Object*> GetPrototypeOf(Agent&);  // null Object* is *null*
    virtual ThrowCompletionOr<bool> SetPrototypeOf(Agent&, Object* V);
    virtual ThrowCompletionOr<bool> IsExtensible(Agent&);
    virtual ThrowCompletionOr<bool> PreventExtensions(Agent&);
    virtual ThrowCompletionOr<std::optional<PropertyDescriptor>> GetOwnProperty(Agent&, PropertyKey P);
    virtual ThrowCompletionOr<bool> DefineOwnProperty(Agent&, PropertyKey P, const PropertyDescriptor& Desc);
    virtual ThrowCompletionOr<bool> HasProperty(Agent&, PropertyKey P);
    virtual ThrowCompletionOr<Value> Get(Agent&, PropertyKey P, Value Receiver);
    virtual ThrowCompletionOr<bool> Set(Agent&, PropertyKey P, Value V, Value Receiver);
    virtual ThrowCompletionOr<bool> Delete(Agent&, PropertyKey P);
    virtual ThrowCompletionOr<List<PropertyKey>> OwnPropertyKeys(Agent&);

    // §6.1.7.2 Table "Additional Essential Internal Methods of Function
    // Objects": an object has [[Call]] / [[Construct]] when these say so.
    virtual bool has_call() const { return false; }
    virtual bool has_construct() const { return false; }
    virtual ThrowCompletionOr<Value> Call(Agent&, Value thisArgument, std::span<const Value> argumentsList);
    virtual ThrowCompletionOr<Object*> Construct(Agent&, std::span<const Value> argumentsList, Object* newTarget);

    // OrdinarySetPrototypeOf step 7.c.i asks whether [[GetPrototypeOf]] is
    // the ordinary one; only an exotic object that overrides it says no.
    virtual bool has_ordinary_get_prototype_of() const { return true; }

    // Internal slots every ordinary object has (OrdinaryObjectCreate,
    // MakeBasicObject). [[Prototype]]: null is *null*.
    Object* Prototype;
    bool Extensible = false;
    std::vector<PrivateElement> PrivateElements;

    // The own properties, for the ordinary algorithms of §10.1.
    PropertyStorage& properties() { return properties_; }
    const PropertyStorage& properties() const { return properties_; }

    void visit_edges(Visitor&) override;

private:
    PropertyStorage properties_;
};

}  // namespace lockstep
