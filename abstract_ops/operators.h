// The abstract operations behind ECMAScript's operators: §7.2.12
// IsLessThan, §7.2.13 IsLooselyEqual, §13.15.3
// ApplyStringOrNumericBinaryOperator, and the Number:: operations of
// §6.1.6.1 they dispatch to. (IsStrictlyEqual is in testing_and_comparison.h,
// InstanceofOperator in relational_operators.h.)
#pragma once

#include <optional>

#include "runtime/completion.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;

// The opText of ApplyStringOrNumericBinaryOperator.
enum class NumericOperator : uint8_t {
    Exponentiate, Multiply, Divide, Remainder, Add, Subtract,
    LeftShift, SignedRightShift, UnsignedRightShift, BitwiseAND, BitwiseXOR, BitwiseOR,
};

// §7.2.12 IsLessThan ( x, y, LeftFirst ): *true*, *false* or *undefined*
enum class LessThanResult : uint8_t { False, True, Undefined };
ThrowCompletionOr<LessThanResult> IsLessThan(Agent&, Value x, Value y, bool LeftFirst);
// §7.2.13 IsLooselyEqual ( x, y )
ThrowCompletionOr<bool> IsLooselyEqual(Agent&, Value x, Value y);
// §13.15.3 ApplyStringOrNumericBinaryOperator ( lVal, opText, rVal )
ThrowCompletionOr<Value> ApplyStringOrNumericBinaryOperator(Agent&, Value lVal, NumericOperator opText, Value rVal);

// §6.1.6.1 Number:: operations the operators use.
namespace Number {
double exponentiate(double base, double exponent);
double remainder(double n, double d);
double leftShift(double x, double y);
double signedRightShift(double x, double y);
double unsignedRightShift(double x, double y);
double bitwiseNOT(double x);
}  // namespace Number

}  // namespace lockstep
