// ECMA-262 §25.5 The JSON Object: the abstract operations other clauses use.
#pragma once

#include "runtime/completion.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class String;

// §25.5.1.1 ParseJSON ( text )
ThrowCompletionOr<Value> ParseJSON(Agent&, String& text);

}  // namespace lockstep
