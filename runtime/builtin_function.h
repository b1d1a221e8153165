// ECMA-262 §10.3 Built-in Function Objects.
// https://tc39.es/ecma262/#sec-built-in-function-objects
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <variant>
#include <vector>

#include "runtime/object.h"

namespace lockstep {

class BuiltinFunction;
class PrivateName;
class Realm;
class String;

// A built-in function's behaviour: the steps the spec gives for it. It gets
// the function object itself (for its additional internal slots), the this
// value (~uninitialized~, i.e. Value::empty(), under [[Construct]]), the
// arguments and NewTarget (null is *undefined*).
// The behaviour must not capture cells: a capture is invisible to the
// collector. State goes into the function's `slots` (its additional
// internal slots), which the collector sees.
using BuiltinBehaviour = std::function<ThrowCompletionOr<Value>(
    Agent&, BuiltinFunction& F, Value thisArgument, std::span<const Value> argumentsList, Object* NewTarget)>;

class BuiltinFunction final : public Object {
public:
    BuiltinFunction(Object* prototype, BuiltinBehaviour behaviour, bool isConstructor, size_t additionalSlots)
        : Object(prototype), behaviour(std::move(behaviour)), slots(additionalSlots), is_constructor_(isConstructor)
    {
    }

    BuiltinBehaviour behaviour;
    lockstep::Realm* Realm = nullptr;
    Value InitialName = Value::null();  // [[InitialName]]: null or a String
    std::vector<Value> slots;           // additionalInternalSlotsList, by position

    bool has_call() const override { return true; }
    bool has_construct() const override { return is_constructor_; }
    // §10.3.1 [[Call]] ( thisArgument, argumentsList )
    ThrowCompletionOr<Value> Call(Agent&, Value thisArgument, std::span<const Value> argumentsList) override;
    // §10.3.2 [[Construct]] ( argumentsList, newTarget )
    ThrowCompletionOr<Object*> Construct(Agent&, std::span<const Value> argumentsList, Object* newTarget) override;

    void visit_edges(Visitor&) override;

    // MakeConstructor step 2.a: [[Construct]] becomes §10.3.2's.
    void make_constructor() { is_constructor_ = true; }

private:
    bool is_constructor_;
};

// §10.3.3 BuiltinCallOrConstruct ( F, thisArgument, argumentsList, newTarget );
// thisArgument ~uninitialized~ is Value::empty(), newTarget *undefined* is null.
ThrowCompletionOr<Value> BuiltinCallOrConstruct(Agent&, BuiltinFunction& F, Value thisArgument,
                                                std::span<const Value> argumentsList, Object* newTarget);

// §10.3.4 CreateBuiltinFunction ( behaviour, length, name, additionalInternalSlotsList
//                                  [ , realm [ , prototype [ , prefix ] ] ] )
// Optional arguments not present are null / nullopt. Whether the function is
// a constructor is part of its behaviour's specification, hence isConstructor.
struct BuiltinFunctionOptions {
    size_t additionalInternalSlots = 0;
    lockstep::Realm* realm = nullptr;
    std::optional<Object*> prototype = std::nullopt;
    String* prefix = nullptr;
    bool isConstructor = false;
};
BuiltinFunction* CreateBuiltinFunction(Agent&, BuiltinBehaviour behaviour, double length,
                                       std::variant<PropertyKey, PrivateName*> name,
                                       const BuiltinFunctionOptions& options = {});

}  // namespace lockstep
