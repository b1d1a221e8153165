// ECMA-262 §10.4.1 Bound Function Exotic Objects.
// https://tc39.es/ecma262/#sec-bound-function-exotic-objects
#pragma once

#include <vector>

#include "runtime/object.h"

namespace lockstep {

// Table "Internal Slots of Bound Function Exotic Objects". [[Construct]] is
// present exactly when the target function has one (BoundFunctionCreate 6).
class BoundFunctionObject final : public Object {
public:
    BoundFunctionObject(Object* prototype, Object* boundTargetFunction, Value boundThis,
                        std::vector<Value> boundArguments, bool hasConstruct)
        : Object(prototype),
          BoundTargetFunction(boundTargetFunction),
          BoundThis(boundThis),
          BoundArguments(std::move(boundArguments)),
          has_construct_(hasConstruct)
    {
    }

    Object* BoundTargetFunction;
    Value BoundThis;
    std::vector<Value> BoundArguments;

    bool has_call() const override { return true; }
    bool has_construct() const override { return has_construct_; }
    // §10.4.1.1 [[Call]] ( thisArgument, argumentsList )
    ThrowCompletionOr<Value> Call(Agent&, Value thisArgument, std::span<const Value> argumentsList) override;
    // §10.4.1.2 [[Construct]] ( argumentsList, newTarget )
    ThrowCompletionOr<Object*> Construct(Agent&, std::span<const Value> argumentsList, Object* newTarget) override;

    void visit_edges(Visitor&) override;

private:
    bool has_construct_;
};

// §10.4.1.3 BoundFunctionCreate ( targetFunction, boundThis, boundArgs )
ThrowCompletionOr<BoundFunctionObject*> BoundFunctionCreate(Agent&, Object& targetFunction, Value boundThis,
                                                            std::span<const Value> boundArgs);

}  // namespace lockstep
