// ECMA-262 §10.4.3 String Exotic Objects.
// https://tc39.es/ecma262/#sec-string-exotic-objects
#pragma once

#include "runtime/object.h"

namespace lockstep {

class String;

// A String exotic object: a String wrapper whose code units appear as
// read-only, enumerable integer-indexed own properties.
class StringObject final : public Object {
public:
    StringObject(Object* prototype, String* stringData) : Object(prototype), StringData(stringData) {}

    String* StringData;  // [[StringData]]

    // §10.4.3.1 [[GetOwnProperty]] ( P )
    ThrowCompletionOr<std::optional<PropertyDescriptor>> GetOwnProperty(Agent&, PropertyKey P) override;
    // §10.4.3.2 [[DefineOwnProperty]] ( P, Desc )
    ThrowCompletionOr<bool> DefineOwnProperty(Agent&, PropertyKey P, const PropertyDescriptor& Desc) override;
    // §10.4.3.3 [[OwnPropertyKeys]] ( )
    ThrowCompletionOr<List<PropertyKey>> OwnPropertyKeys(Agent&) override;

    void visit_edges(Visitor&) override;
};

// §10.4.3.4 StringCreate ( value, prototype )
StringObject* StringCreate(Agent&, String* value, Object* prototype);
// §10.4.3.5 StringGetOwnProperty ( S, P )
std::optional<PropertyDescriptor> StringGetOwnProperty(Agent&, StringObject& S, PropertyKey P);

}  // namespace lockstep
