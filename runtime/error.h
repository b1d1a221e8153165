// The spec's "throw a TypeError exception" (and the other native errors):
// a new error object of the current realm, as a throw completion.
#pragma once

#include <cstdint>
#include <string_view>

#include "runtime/completion.h"
#include "runtime/object.h"

namespace lockstep {

class Agent;

// §20.5.4 Properties of Error Instances: ordinary objects with an
// [[ErrorData]] internal slot (whose value is *undefined*: only its presence
// matters, to Object.prototype.toString).
class ErrorObject final : public Object {
public:
    using Object::Object;
};

// §20.5.5.1 the NativeError types, plus %Error% itself.
enum class ErrorType : uint8_t { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };

// An object whose [[Prototype]] is the current realm's %<type>.prototype%
// (or %Object.prototype% while the error built-ins do not exist yet), with
// an own non-enumerable "message" property.
ThrowCompletion throw_error(Agent&, ErrorType, std::string_view message);
inline ThrowCompletion throw_type_error(Agent& agent, std::string_view message)
{
    return throw_error(agent, ErrorType::TypeError, message);
}
inline ThrowCompletion throw_range_error(Agent& agent, std::string_view message)
{
    return throw_error(agent, ErrorType::RangeError, message);
}

// The RangeError for native stack exhaustion (an implementation limit).
inline ThrowCompletion throw_stack_overflow(Agent& agent)
{
    return throw_error(agent, ErrorType::RangeError, "Maximum call stack size exceeded");
}

}  // namespace lockstep
