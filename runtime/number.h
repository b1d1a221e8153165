// ECMA-262 §6.1.6.1 The Number Type: the Number:: operations used so far.
// https://tc39.es/ecma262/#sec-ecmascript-language-types-number-type
#pragma once

#include <string>

namespace lockstep::Number {

// Number::sameValue ( x, y )
bool sameValue(double x, double y);
// Number::sameValueZero ( x, y )
bool sameValueZero(double x, double y);
// Number::toString ( x, radix ), radix in [2, 36]
std::u16string toString(double x, unsigned radix = 10);

}  // namespace lockstep::Number
