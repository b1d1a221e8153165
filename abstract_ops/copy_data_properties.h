// ECMA-262 §7.3.25 CopyDataProperties (object spread and rest). It belongs
// with §7.3 in object_operations.cpp; kept apart until that file's owner
// takes it in.
#pragma once

#include <span>

#include "runtime/completion.h"
#include "runtime/property_key.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class Object;

// §7.3.25 CopyDataProperties ( target, source, excludedItems )
ThrowCompletionOr<void> CopyDataProperties(Agent&, Object& target, Value source,
                                           std::span<const PropertyKey> excludedItems);

}  // namespace lockstep
