// ECMA-262 §7.2 Testing and Comparison Operations.
// https://tc39.es/ecma262/#sec-testing-and-comparison-operations
#pragma once

#include <string_view>

#include "runtime/completion.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class Object;

// §7.2.1 RequireObjectCoercible ( argument )
ThrowCompletionOr<Value> RequireObjectCoercible(Agent&, Value argument);
// §7.2.2 IsArray ( argument )
ThrowCompletionOr<bool> IsArray(Agent&, Value argument);
// §7.2.3 IsCallable ( argument )
bool IsCallable(Value argument);
// §7.2.4 IsConstructor ( argument )
bool IsConstructor(Value argument);
// §7.2.5 IsExtensible ( O )
ThrowCompletionOr<bool> IsExtensible(Agent&, Object& O);
// §7.2.9 SameType ( x, y )
bool SameType(Value x, Value y);
// §7.2.10 SameValue ( x, y )
bool SameValue(Value x, Value y);
// §7.2.11 SameValueZero ( x, y )
bool SameValueZero(Value x, Value y);
// §7.2.12 SameValueNonNumber ( x, y )
bool SameValueNonNumber(Value x, Value y);
// §7.2.6 IsRegExp ( argument )
ThrowCompletionOr<bool> IsRegExp(Agent&, Value argument);
// §7.2.7 Static Semantics: IsStringWellFormedUnicode ( string )
bool IsStringWellFormedUnicode(std::u16string_view string);
// §7.2.14 IsStrictlyEqual ( x, y )
bool IsStrictlyEqual(Value x, Value y);

}  // namespace lockstep
