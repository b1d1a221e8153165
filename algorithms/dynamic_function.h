// ECMA-262 §20.2.1.1.1 CreateDynamicFunction: the Function, GeneratorFunction,
// AsyncFunction and AsyncGeneratorFunction constructors' common part (it
// parses source text, so it lives with the evaluator).
#pragma once

#include <span>

#include "runtime/completion.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class Object;

enum class DynamicFunctionKind : uint8_t { Normal, Generator, Async, AsyncGenerator };

// §20.2.1.1.1 CreateDynamicFunction ( constructor, newTarget, kind, parameterArgs, bodyArg );
// newTarget null is *undefined*.
ThrowCompletionOr<Object*> CreateDynamicFunction(Agent&, Object& constructor, Object* newTarget,
                                                 DynamicFunctionKind kind, std::span<const Value> parameterArgs,
                                                 Value bodyArg);

}  // namespace lockstep
