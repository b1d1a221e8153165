// ECMA-262 §13.10 Relational Operators: the abstract operation behind
// `instanceof` (also called by OrdinaryHasInstance for bound functions).
// https://tc39.es/ecma262/#sec-relational-operators
#pragma once

#include "runtime/completion.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;

// §13.10.2 InstanceofOperator ( V, target )
ThrowCompletionOr<bool> InstanceofOperator(Agent&, Value V, Value target);

}  // namespace lockstep
