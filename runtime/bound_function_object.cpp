// ECMA-262 §10.4.1 Bound Function Exotic Objects.
#include "runtime/bound_function_object.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

ThrowCompletionOr<Value> BoundFunctionObject::Call(Agent& agent, Value, std::span<const Value> argumentsList)
{
    SPEC_ALGORITHM("sec-bound-function-exotic-objects-call-thisargument-argumentslist");
    // A chain of bound functions nests native frames.
    if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);
    STEP("1");
    Object* target = BoundTargetFunction;
    STEP("2");
    Value boundThis = BoundThis;
    STEP("3");
    const std::vector<Value>& boundArgs = BoundArguments;
    STEP("4");
    List<Value> args(boundArgs);
    args.items().insert(args.end(), argumentsList.begin(), argumentsList.end());
    STEP("5");
    return TRY(lockstep::Call(agent, target, boundThis, args.items()));
}

ThrowCompletionOr<Object*> BoundFunctionObject::Construct(Agent& agent, std::span<const Value> argumentsList,
                                                          Object* newTarget)
{
    SPEC_ALGORITHM("sec-bound-function-exotic-objects-construct-argumentslist-newtarget");
    if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);
    STEP("1");
    Object* target = BoundTargetFunction;
    STEP("2");
    SPEC_ASSERT(IsConstructor(target));
    STEP("3");
    const std::vector<Value>& boundArgs = BoundArguments;
    STEP("4");
    List<Value> args(boundArgs);
    args.items().insert(args.end(), argumentsList.begin(), argumentsList.end());
    STEP("5");
    if (newTarget == this) newTarget = target;
    STEP("6");
    return TRY(lockstep::Construct(agent, *target, args.items(), newTarget));
}

void BoundFunctionObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(BoundTargetFunction);
    visitor.visit(BoundThis);
    for (Value argument : BoundArguments) visitor.visit(argument);
}

ThrowCompletionOr<BoundFunctionObject*> BoundFunctionCreate(Agent& agent, Object& targetFunction, Value boundThis,
                                                            std::span<const Value> boundArgs)
{
    SPEC_ALGORITHM("sec-boundfunctioncreate");
    STEP("1");
    Object* proto = TRY(targetFunction.GetPrototypeOf(agent));
    STEP("2");  // the class BoundFunctionObject is the list of internal slots
    STEP("3");  // its constructor also performs steps 6-9 (fields are set once)
    bool hasConstruct = IsConstructor(&targetFunction);
    auto* obj = MakeBasicObject<BoundFunctionObject>(agent, &targetFunction, boundThis,
                                                     std::vector<Value>(boundArgs.begin(), boundArgs.end()),
                                                     hasConstruct);
    STEP("4");
    obj->Prototype = proto;
    STEP("5");  // [[Call]] is BoundFunctionObject::Call
    STEP("6");
    if (hasConstruct) {
        STEP("6.a");  // [[Construct]] is BoundFunctionObject::Construct
    }
    STEP("7");
    STEP("8");
    STEP("9");
    STEP("10");
    return obj;
}

}  // namespace lockstep
