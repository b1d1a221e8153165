// ECMA-262 §7.3.26-§7.3.33: the operations on private elements and class
// fields (PrivateElementFind … InitializeInstanceElements).
// https://tc39.es/ecma262/#sec-privateelementfind
#pragma once

#include "runtime/completion.h"
#include "runtime/private_element.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class Object;
class ECMAScriptFunctionObject;
struct ClassFieldDefinition;

// §7.3.26 PrivateElementFind ( O, P ): null is ~empty~
PrivateElement* PrivateElementFind(Object& O, PrivateName& P);
// §7.3.27 PrivateFieldAdd ( O, P, value )
ThrowCompletionOr<void> PrivateFieldAdd(Agent&, Object& O, PrivateName& P, Value value);
// §7.3.28 PrivateMethodOrAccessorAdd ( O, method )
ThrowCompletionOr<void> PrivateMethodOrAccessorAdd(Agent&, Object& O, const PrivateElement& method);
// §7.3.30 PrivateGet ( O, P )
ThrowCompletionOr<Value> PrivateGet(Agent&, Object& O, PrivateName& P);
// §7.3.31 PrivateSet ( O, P, value )
ThrowCompletionOr<void> PrivateSet(Agent&, Object& O, PrivateName& P, Value value);
// §7.3.32 DefineField ( receiver, fieldRecord )
ThrowCompletionOr<void> DefineField(Agent&, Object& receiver, const ClassFieldDefinition& fieldRecord);
// §7.3.33 InitializeInstanceElements ( O, constructor )
ThrowCompletionOr<void> InitializeInstanceElements(Agent&, Object& O, ECMAScriptFunctionObject& constructor);

}  // namespace lockstep
