// ECMA-262 §10.4.4 Arguments Exotic Objects (and unmapped arguments objects).
// https://tc39.es/ecma262/#sec-arguments-exotic-objects
#pragma once

#include <span>
#include <vector>

#include "runtime/environment_records.h"
#include "runtime/object.h"

namespace lockstep {

class String;

// An arguments exotic object. [[ParameterMap]] is, in the spec, an ordinary
// object whose accessors (MakeArgGetter / MakeArgSetter closures) read and
// write the parameter bindings; no code can reach that object, so here it
// is a table from argument index to the parameter binding it aliases.
class ArgumentsObject final : public Object {
public:
    using Object::Object;

    struct Mapping {
        String* name = nullptr;  // null: index not mapped
    };
    std::vector<Mapping> ParameterMap;
    EnvironmentRecord* env = nullptr;  // where the mapped bindings live

    ThrowCompletionOr<std::optional<PropertyDescriptor>> GetOwnProperty(Agent&, PropertyKey P) override;
    ThrowCompletionOr<bool> DefineOwnProperty(Agent&, PropertyKey P, const PropertyDescriptor& Desc) override;
    ThrowCompletionOr<Value> Get(Agent&, PropertyKey P, Value Receiver) override;
    ThrowCompletionOr<bool> Set(Agent&, PropertyKey P, Value V, Value Receiver) override;
    ThrowCompletionOr<bool> Delete(Agent&, PropertyKey P) override;

    void visit_edges(Visitor&) override;

private:
    String* mapped_name(PropertyKey P) const;  // HasOwnProperty(map, P): its binding, or null
    void unmap(PropertyKey P);                 // map.[[Delete]](P)
};

// An unmapped arguments object is ordinary but for its [[ParameterMap]] slot
// (Object.prototype.toString's "Arguments" test).
class UnmappedArgumentsObject final : public Object {
public:
    using Object::Object;
};

// §10.4.4.6 CreateUnmappedArgumentsObject ( argumentsList )
Object* CreateUnmappedArgumentsObject(Agent&, std::span<const Value> argumentsList);
// §10.4.4.7 CreateMappedArgumentsObject ( func, formals, argumentsList, env );
// parameterNames are the BoundNames of formals.
Object* CreateMappedArgumentsObject(Agent&, Object& func, std::span<const BindingName> parameterNames,
                                    std::span<const Value> argumentsList, EnvironmentRecord& env);

}  // namespace lockstep
