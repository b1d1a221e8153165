// ECMA-262 §10.4.6 Module Namespace Exotic Objects: a module's exports as
// the properties of an object (import * as ns, import()), and §28.3 the
// properties it has besides them (@@toStringTag "Module").
// https://tc39.es/ecma262/#sec-module-namespace-exotic-objects
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/object.h"

namespace lockstep {

class ModuleRecord;

class ModuleNamespaceObject final : public Object {
public:
    using Object::Object;

    // Table "Internal Slots of Module Namespace Exotic Objects".
    ModuleRecord* Module = nullptr;
    std::vector<std::u16string> Exports;  // sorted by code units

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

    void visit_edges(Visitor&) override;

private:
    bool exports_contain(PropertyKey P) const;
};

// §10.4.6.12 ModuleNamespaceCreate ( module, exports )
ModuleNamespaceObject* ModuleNamespaceCreate(Agent&, ModuleRecord& module,
                                             const std::vector<std::u16string_view>& exports);

}  // namespace lockstep
