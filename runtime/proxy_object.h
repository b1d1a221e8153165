// ECMA-262 §10.5 Proxy Object Internal Methods and Internal Slots.
// https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots
#pragma once

#include "runtime/object.h"

namespace lockstep {

// A Proxy exotic object. [[ProxyTarget]] and [[ProxyHandler]] are null once
// the proxy is revoked.
class ProxyObject final : public Object {
public:
    ProxyObject(Object* prototype, bool callable, bool constructor)
        : Object(prototype), callable_(callable), constructor_(constructor)
    {
    }

    Object* ProxyTarget = nullptr;   // [[ProxyTarget]]
    Object* ProxyHandler = nullptr;  // [[ProxyHandler]]

    ThrowCompletionOr<Object*> GetPrototypeOf(Agent&) override;
    ThrowCompletionOr<bool> SetPrototypeOf(Agent&, Object* V) override;
    ThrowCompletionOr<bool> IsExtensible(Agent&) override;
    ThrowCompletionOr<bool> PreventExtensions(Agent&) override;
    ThrowCompletionOr<std::optional<PropertyDescriptor>> GetOwnProperty(Agent&, PropertyKey P) override;
    ThrowCompletionOr<bool> DefineOwnProperty(Agent&, PropertyKey P, const PropertyDescriptor& Desc) override;
    ThrowCompletionOr<bool> HasProperty(Agent&, PropertyKey P) override;
    ThrowCompletionOr<Value> Get(Agent&, PropertyKey P, Value Receiver) override;
    ThrowCompletionOr<bool> Set(Agent&, PropertyKey P, Value V, Value Receiver) override;
    ThrowCompletionOr<bool> Delete(Agent&, PropertyKey P) override;
    ThrowCompletionOr<List<PropertyKey>> OwnPropertyKeys(Agent&) override;

    // ProxyCreate step 5: [[Call]] / [[Construct]] only if the target has them.
    bool has_call() const override { return callable_; }
    bool has_construct() const override { return constructor_; }
    ThrowCompletionOr<Value> Call(Agent&, Value thisArgument, std::span<const Value> argumentsList) override;
    ThrowCompletionOr<Object*> Construct(Agent&, std::span<const Value> argumentsList, Object* newTarget) override;

    bool has_ordinary_get_prototype_of() const override { return false; }

    void visit_edges(Visitor&) override;

private:
    bool callable_;
    bool constructor_;
};

// §10.5.14 ValidateNonRevokedProxy ( proxy )
ThrowCompletionOr<void> ValidateNonRevokedProxy(Agent&, ProxyObject& proxy);
// §10.5.15 ProxyCreate ( target, handler )
ThrowCompletionOr<ProxyObject*> ProxyCreate(Agent&, Value target, Value handler);

}  // namespace lockstep
