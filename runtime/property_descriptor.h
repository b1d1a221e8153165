// ECMA-262 §6.2.6 The Property Descriptor Specification Type.
// https://tc39.es/ecma262/#sec-property-descriptor-specification-type
#pragma once

#include <optional>

#include "runtime/completion.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class Visitor;

// Every field is optional, as in the spec ("Desc has a [[Get]] field").
// Field names are the spec's, lower-cased: `Value` is the language-value type.
struct PropertyDescriptor {
    std::optional<Value> value = std::nullopt;          // [[Value]]
    std::optional<bool> writable = std::nullopt;        // [[Writable]]
    std::optional<Value> get = std::nullopt;            // [[Get]]: an Object or *undefined*
    std::optional<Value> set = std::nullopt;            // [[Set]]: an Object or *undefined*
    std::optional<bool> enumerable = std::nullopt;      // [[Enumerable]]
    std::optional<bool> configurable = std::nullopt;    // [[Configurable]]

    // "Desc does not have any fields"
    bool has_no_fields() const
    {
        return !value && !writable && !get && !set && !enumerable && !configurable;
    }
    // "a fully populated Property Descriptor"
    bool is_fully_populated() const;

    void visit_edges(Visitor&) const;
};

// IsAccessorDescriptor ( Desc )
bool IsAccessorDescriptor(const PropertyDescriptor& Desc);
// IsDataDescriptor ( Desc )
bool IsDataDescriptor(const PropertyDescriptor& Desc);
// IsGenericDescriptor ( Desc )
bool IsGenericDescriptor(const PropertyDescriptor& Desc);
// FromPropertyDescriptor ( Desc ); nullopt is *undefined*
Value FromPropertyDescriptor(Agent&, const std::optional<PropertyDescriptor>& Desc);
// ToPropertyDescriptor ( Obj )
ThrowCompletionOr<PropertyDescriptor> ToPropertyDescriptor(Agent&, Value Obj);
// CompletePropertyDescriptor ( Desc )
void CompletePropertyDescriptor(PropertyDescriptor& Desc);

}  // namespace lockstep
