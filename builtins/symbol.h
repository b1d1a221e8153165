// ECMA-262 §20.4 Symbol Objects: the abstract operations others use.
// https://tc39.es/ecma262/#sec-symbol-objects
#pragma once

#include "runtime/value.h"

namespace lockstep {

class Agent;
class String;
class Symbol;

// §20.4.3.3.1 SymbolDescriptiveString ( sym )
String* SymbolDescriptiveString(Agent&, const Symbol& sym);
// §20.4.5.1 KeyForSymbol ( sym ): the registry key (a String) or *undefined*
Value KeyForSymbol(Agent&, const Symbol& sym);

}  // namespace lockstep
