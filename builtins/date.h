// ECMA-262 §21.4 Date Objects: the Date instance (other built-ins test for
// its [[DateValue]] slot, e.g. Object.prototype.toString's builtinTag).
#pragma once

#include "runtime/object.h"

namespace lockstep {

class Agent;
class String;

// §21.4.5 Properties of Date Instances: [[DateValue]], a time value.
class DateObject final : public Object {
public:
    explicit DateObject(Object* prototype, double dateValue) : Object(prototype), DateValue(dateValue) {}
    double DateValue;
};

// §21.4.4.41.4 ToDateString ( tv )
String* ToDateString(Agent&, double tv);

}  // namespace lockstep
