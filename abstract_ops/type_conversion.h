// ECMA-262 §7.1 Type Conversion.
// https://tc39.es/ecma262/#sec-type-conversion
//
// Results that the spec types as mathematical values or as integral Numbers
// with a fixed range are returned as the C++ type that holds them exactly
// (ToInt32 → int32_t, ToIntegerOrInfinity → double, ToIndex → uint64_t);
// the caller wraps them in Value::number where the spec returns a Number.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "runtime/completion.h"
#include "runtime/property_key.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class BigInt;
class Heap;
class Object;
class String;

// The preferredType / hint of ToPrimitive and OrdinaryToPrimitive; "not
// present" is std::nullopt.
enum class PreferredType : uint8_t { String, Number };

// §7.1.1 ToPrimitive ( input [ , preferredType ] )
ThrowCompletionOr<Value> ToPrimitive(Agent&, Value input, std::optional<PreferredType> preferredType = std::nullopt);
// §7.1.1.1 OrdinaryToPrimitive ( O, hint )
ThrowCompletionOr<Value> OrdinaryToPrimitive(Agent&, Object& O, PreferredType hint);
// §7.1.2 ToBoolean ( argument )
bool ToBoolean(Value argument);
// §7.1.3 ToNumeric ( value ): a Number or a BigInt
ThrowCompletionOr<Value> ToNumeric(Agent&, Value value);
// §7.1.4 ToNumber ( argument )
ThrowCompletionOr<double> ToNumber(Agent&, Value argument);
// §7.1.4.1.1 StringToNumber ( str )
double StringToNumber(std::u16string_view str);
// §7.1.4.1 StrWhiteSpaceChar ::: WhiteSpace | LineTerminator (also what
// TrimString and the JSON-free parts of the library call white space).
bool IsStrWhiteSpaceChar(char16_t c);
// The MV of the longest prefix of `text` that is a StrDecimalLiteral
// (parseFloat §19.2.4 step 4), or nullopt if no prefix is one. `text` must
// not start with white space.
std::optional<double> StrDecimalLiteralPrefixValue(std::u16string_view text);
// §7.1.5 ToIntegerOrInfinity ( argument ): an integer, +∞ or -∞
ThrowCompletionOr<double> ToIntegerOrInfinity(Agent&, Value argument);
// §7.1.6 - §7.1.12 ToInt32 … ToUint8Clamp
ThrowCompletionOr<int32_t> ToInt32(Agent&, Value argument);
ThrowCompletionOr<uint32_t> ToUint32(Agent&, Value argument);
ThrowCompletionOr<int16_t> ToInt16(Agent&, Value argument);
ThrowCompletionOr<uint16_t> ToUint16(Agent&, Value argument);
ThrowCompletionOr<int8_t> ToInt8(Agent&, Value argument);
ThrowCompletionOr<uint8_t> ToUint8(Agent&, Value argument);
ThrowCompletionOr<uint8_t> ToUint8Clamp(Agent&, Value argument);
// §7.1.13 ToBigInt ( argument )
ThrowCompletionOr<BigInt*> ToBigInt(Agent&, Value argument);
// §7.1.14 StringToBigInt ( str ): null is *undefined*
BigInt* StringToBigInt(Heap&, std::u16string_view str);
// §7.1.15 ToBigInt64 ( argument ), §7.1.16 ToBigUint64 ( argument ): the
// mathematical value of the BigInt they return
ThrowCompletionOr<int64_t> ToBigInt64(Agent&, Value argument);
ThrowCompletionOr<uint64_t> ToBigUint64(Agent&, Value argument);
// §7.1.17 ToString ( argument )
ThrowCompletionOr<String*> ToString(Agent&, Value argument);
// §7.1.18 ToObject ( argument )
ThrowCompletionOr<Object*> ToObject(Agent&, Value argument);
// §7.1.19 ToPropertyKey ( argument )
ThrowCompletionOr<PropertyKey> ToPropertyKey(Agent&, Value argument);
// §7.1.20 ToLength ( argument ): an integral Number in [0, 2^53 - 1]
ThrowCompletionOr<double> ToLength(Agent&, Value argument);
// §7.1.21 CanonicalNumericIndexString ( argument ): nullopt is *undefined*
std::optional<double> CanonicalNumericIndexString(const String& argument);
// §7.1.22 ToIndex ( value )
ThrowCompletionOr<uint64_t> ToIndex(Agent&, Value value);

// 𝔽(ℝ(x)) for a BigInt x (Number ( value ) step 2.a): the Number nearest
// to the integer, ties to even.
double to_number_value(const BigInt& x);

}  // namespace lockstep
