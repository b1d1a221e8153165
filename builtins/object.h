// ECMA-262 §20.1 Object Objects, and the grouping operations of §7.3 that
// Object.groupBy and Map.groupBy share.
// https://tc39.es/ecma262/#sec-object-objects
#pragma once

#include <vector>

#include "runtime/completion.h"
#include "runtime/root.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;

// The Records { [[Key]], [[Elements]] } GroupBy returns, held in one rooted
// List: keys at even positions would be obscure, so each group is a Key and
// a List of its elements.
struct KeyedGroup {
    Root<Value> Key;
    List<Value> Elements;
};

enum class KeyCoercion : uint8_t { Property, Collection };

// §7.3.35 GroupBy ( items, callback, keyCoercion )
ThrowCompletionOr<std::vector<KeyedGroup>> GroupBy(Agent&, Value items, Value callback, KeyCoercion keyCoercion);
// §7.3.34 AddValueToKeyedGroup ( groups, key, value )
void AddValueToKeyedGroup(std::vector<KeyedGroup>& groups, Value key, Value value);

}  // namespace lockstep
