// ECMA-262 §10.2 SetFunctionName and SetFunctionLength: the
// helpers every kind of function object uses (§10.2 proper, ECMAScript
// function objects, arrives with the evaluator).
#pragma once

#include <variant>

#include "runtime/property_key.h"

namespace lockstep {

class Agent;
class Object;
class PrivateName;
class String;

// SetFunctionName ( F, name [ , prefix ] ); prefix null is "not present"
void SetFunctionName(Agent&, Object& F, std::variant<PropertyKey, PrivateName*> name, String* prefix = nullptr);
// SetFunctionLength ( F, length ); length may be +∞
void SetFunctionLength(Agent&, Object& F, double length);

}  // namespace lockstep
