// ECMA-262 §6.1.6.2 The BigInt Type: an arbitrary-precision integer, a heap
// cell holding a Boost.Multiprecision cpp_int. Include this header only
// where BigInt arithmetic is needed: it brings in Boost.
// https://tc39.es/ecma262/#sec-ecmascript-language-types-bigint-type
#pragma once

#include <string>

#include <boost/multiprecision/cpp_int.hpp>

#include "runtime/cell.h"
#include "runtime/completion.h"

namespace lockstep {

class Agent;
class Heap;

class BigInt final : public Cell {
public:
    using Integer = boost::multiprecision::cpp_int;

    explicit BigInt(Integer value) : value_(std::move(value)) {}
    const Integer& value() const { return value_; }

    // A new BigInt cell with this mathematical value.
    static BigInt* create(Heap&, Integer value);

    // The BigInt:: operations of Table "Numeric Type Operations", as the
    // spec names them. Results are new cells.
    static BigInt* unaryMinus(Heap&, const BigInt& x);
    static BigInt* bitwiseNOT(Heap&, const BigInt& x);
    static ThrowCompletionOr<BigInt*> exponentiate(Agent&, const BigInt& base, const BigInt& exponent);
    static BigInt* multiply(Heap&, const BigInt& x, const BigInt& y);
    static ThrowCompletionOr<BigInt*> divide(Agent&, const BigInt& x, const BigInt& y);
    static ThrowCompletionOr<BigInt*> remainder(Agent&, const BigInt& n, const BigInt& d);
    static BigInt* add(Heap&, const BigInt& x, const BigInt& y);
    static BigInt* subtract(Heap&, const BigInt& x, const BigInt& y);
    static ThrowCompletionOr<BigInt*> leftShift(Agent&, const BigInt& x, const BigInt& y);
    static ThrowCompletionOr<BigInt*> signedRightShift(Agent&, const BigInt& x, const BigInt& y);
    static ThrowCompletionOr<BigInt*> unsignedRightShift(Agent&, const BigInt& x, const BigInt& y);
    static bool lessThan(const BigInt& x, const BigInt& y);
    static bool equal(const BigInt& x, const BigInt& y);
    static BigInt* bitwiseAND(Heap&, const BigInt& x, const BigInt& y);
    static BigInt* bitwiseXOR(Heap&, const BigInt& x, const BigInt& y);
    static BigInt* bitwiseOR(Heap&, const BigInt& x, const BigInt& y);
    static std::u16string toString(const BigInt& x, unsigned radix = 10);

private:
    static ThrowCompletionOr<BigInt*> shift_left(Agent&, const Integer& x, const Integer& y);
    static std::u16string to_string(const Integer& x, unsigned radix);
    Integer value_;
};

}  // namespace lockstep
