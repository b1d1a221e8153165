// ECMA-262 §22.2 RegExp (Regular Expression) Objects: the operations other
// built-ins and the evaluator use (String.prototype.match … and
// RegularExpressionLiteral evaluation).
// https://tc39.es/ecma262/#sec-regexp-regular-expression-objects
#pragma once

#include <string_view>

#include "runtime/completion.h"
#include "runtime/regexp_object.h"

namespace lockstep {

class Agent;
class Realm;

// §22.2.3.1 RegExpCreate ( P, F )
ThrowCompletionOr<Object*> RegExpCreate(Agent&, Value P, Value F);
// §22.2.3.2 RegExpAlloc ( newTarget )
ThrowCompletionOr<RegExpObject*> RegExpAlloc(Agent&, Object& newTarget);
// §22.2.3.3 RegExpInitialize ( obj, pattern, flags )
ThrowCompletionOr<RegExpObject*> RegExpInitialize(Agent&, RegExpObject& obj, Value pattern, Value flags);

// §22.2.7.1 RegExpExec ( R, S ): an Object or *null*
ThrowCompletionOr<Value> RegExpExec(Agent&, Object& R, String* S);
// §22.2.7.2 RegExpBuiltinExec ( R, S ): an Array or *null*
ThrowCompletionOr<Value> RegExpBuiltinExec(Agent&, RegExpObject& R, String* S);
// §22.2.7.3 AdvanceStringIndex ( S, index, unicode )
double AdvanceStringIndex(std::u16string_view S, double index, bool unicode);

// §22.2.9.1 CreateRegExpStringIterator ( R, S, global, fullUnicode )
Object* CreateRegExpStringIterator(Agent&, Object& R, String* S, bool global, bool fullUnicode);

// The parts of CreateRegExpIntrinsics (builtins/regexp/regexp_constructor.cpp) in the other files.
void DefineRegExpPrototypeProperties(Agent&, Realm&, Object& prototype);  // regexp_prototype.cpp
Object* CreateRegExpStringIteratorPrototype(Agent&, Realm&);              // regexp_string_iterator.cpp

}  // namespace lockstep
