// ECMA-262 §10.4.7 Immutable Prototype Exotic Objects.
#include "runtime/immutable_prototype_object.h"

#include "runtime/agent.h"

namespace lockstep {

ThrowCompletionOr<bool> ImmutablePrototypeObject::SetPrototypeOf(Agent& agent, Object* V)
{
    SPEC_ALGORITHM("sec-immutable-prototype-exotic-objects-setprototypeof-v");
    STEP("1");
    return TRY(SetImmutablePrototype(agent, *this, V));
}

ThrowCompletionOr<bool> SetImmutablePrototype(Agent& agent, Object& O, Object* V)
{
    SPEC_ALGORITHM("sec-set-immutable-prototype");
    STEP("1");
    Object* current = TRY(O.GetPrototypeOf(agent));
    STEP("2");
    if (V == current) return true;  // SameValue on Objects or *null*
    STEP("3");
    return false;
}

}  // namespace lockstep
