// ECMA-262 §19.2.1 eval ( x ): PerformEval and EvalDeclarationInstantiation.
// %eval% (builtins/global_functions.cpp) calls `PerformEval(agent, x, false, false)`;
// a direct eval (algorithms/left_hand_side_expressions.cpp) passes true.
#pragma once

#include "runtime/completion.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;

// §19.2.1.1 PerformEval ( x, strictCaller, direct )
ThrowCompletionOr<Value> PerformEval(Agent&, Value x, bool strictCaller, bool direct);

}  // namespace lockstep
