// ECMA-262 §22.1 String Objects: the operations other built-ins use.
#pragma once

#include <span>
#include <string_view>

#include "runtime/completion.h"

namespace lockstep {

class Agent;
class String;

// §22.1.3.19.1 GetSubstitution ( matched, str, position, captures, namedCaptures, replacementTemplate );
// a capture is a String or *undefined*; namedCaptures is an Object or *undefined*
ThrowCompletionOr<String*> GetSubstitution(Agent&, std::u16string_view matched, std::u16string_view str,
                                           size_t position, std::span<const Value> captures, Value namedCaptures,
                                           std::u16string_view replacementTemplate);

}  // namespace lockstep
