// ECMA-262 §6.1.6.2 The BigInt Type.
#include "runtime/bigint.h"

#include <algorithm>

#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/agent.h"

namespace lockstep {

namespace {

// An implementation limit on the size of a BigInt, so that 1n << 2n**40n is
// a RangeError rather than an attempt to allocate a terabyte.
constexpr unsigned kMaxBits = 1u << 30;

bool too_large_shift(const BigInt::Integer& x, const BigInt::Integer& shift)
{
    return x != 0 && shift > 0 && (shift > kMaxBits || msb(abs(x)) + shift.convert_to<uint64_t>() > kMaxBits);
}

}  // namespace

BigInt* BigInt::create(Heap& heap, Integer value)
{
    return heap.allocate<BigInt>(std::move(value));
}

BigInt* BigInt::unaryMinus(Heap& heap, const BigInt& x)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-unaryMinus");
    STEP("1");
    if (x.value_ == 0) return create(heap, 0);
    STEP("2");
    return create(heap, -x.value_);
}

BigInt* BigInt::bitwiseNOT(Heap& heap, const BigInt& x)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-bitwiseNOT");
    STEP("1");
    return create(heap, -x.value_ - 1);
}

ThrowCompletionOr<BigInt*> BigInt::exponentiate(Agent& agent, const BigInt& base, const BigInt& exponent)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-exponentiate");
    STEP("1");
    if (exponent.value_ < 0) return throw_range_error(agent, "BigInt negative exponent");
    STEP("2");
    if (base.value_ == 0 && exponent.value_ == 0) return create(agent.heap, 1);
    STEP("3");
    Integer magnitude = abs(base.value_);
    if (magnitude <= 1) {  // 0, 1 and -1 stay small for any exponent
        bool negative = base.value_ < 0 && bit_test(exponent.value_, 0);
        int result = magnitude == 0 ? 0 : negative ? -1 : 1;
        return create(agent.heap, result);
    }
    if (exponent.value_ > kMaxBits || (msb(magnitude) + 1) * exponent.value_.convert_to<uint64_t>() > 2ull * kMaxBits)
        return throw_range_error(agent, "Maximum BigInt size exceeded");
    return create(agent.heap, boost::multiprecision::pow(base.value_, exponent.value_.convert_to<unsigned>()));
}

BigInt* BigInt::multiply(Heap& heap, const BigInt& x, const BigInt& y)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-multiply");
    STEP("1");
    return create(heap, x.value_ * y.value_);
}

ThrowCompletionOr<BigInt*> BigInt::divide(Agent& agent, const BigInt& x, const BigInt& y)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-divide");
    STEP("1");
    if (y.value_ == 0) return throw_range_error(agent, "Division by zero");
    STEP("2");
    STEP("3");  // cpp_int division truncates toward zero
    return create(agent.heap, x.value_ / y.value_);
}

ThrowCompletionOr<BigInt*> BigInt::remainder(Agent& agent, const BigInt& n, const BigInt& d)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-remainder");
    STEP("1");
    if (d.value_ == 0) return throw_range_error(agent, "Division by zero");
    STEP("2");
    if (n.value_ == 0) return create(agent.heap, 0);
    STEP("3");
    STEP("4");
    Integer q = n.value_ / d.value_;
    STEP("5");
    return create(agent.heap, n.value_ - d.value_ * q);
}

BigInt* BigInt::add(Heap& heap, const BigInt& x, const BigInt& y)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-add");
    STEP("1");
    return create(heap, x.value_ + y.value_);
}

BigInt* BigInt::subtract(Heap& heap, const BigInt& x, const BigInt& y)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-subtract");
    STEP("1");
    return create(heap, x.value_ - y.value_);
}

ThrowCompletionOr<BigInt*> BigInt::leftShift(Agent& agent, const BigInt& x, const BigInt& y)
{
    return shift_left(agent, x.value_, y.value_);
}

ThrowCompletionOr<BigInt*> BigInt::shift_left(Agent& agent, const Integer& x, const Integer& y)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-leftShift");
    STEP("1");
    if (y < 0) {
        STEP("1.a");  // floor(x / 2^-y): an arithmetic right shift
        Integer shift = -y;
        if (shift > kMaxBits) return create(agent.heap, x < 0 ? -1 : 0);
        unsigned bits = shift.convert_to<unsigned>();
        Integer magnitude = abs(x);
        Integer quotient = magnitude >> bits;
        if (x < 0) {
            bool inexact = (quotient << bits) != magnitude;
            quotient = -quotient - (inexact ? 1 : 0);
        }
        return create(agent.heap, quotient);
    }
    STEP("2");
    if (too_large_shift(x, y)) return throw_range_error(agent, "Maximum BigInt size exceeded");
    if (x == 0) return create(agent.heap, 0);
    return create(agent.heap, x << y.convert_to<unsigned>());
}

ThrowCompletionOr<BigInt*> BigInt::signedRightShift(Agent& agent, const BigInt& x, const BigInt& y)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-signedRightShift");
    STEP("1");
    return TRY(shift_left(agent, x.value_, -y.value_));
}

ThrowCompletionOr<BigInt*> BigInt::unsignedRightShift(Agent& agent, const BigInt&, const BigInt&)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-unsignedRightShift");
    STEP("1");
    return throw_type_error(agent, "BigInts have no unsigned right shift, use >> instead");
}

bool BigInt::lessThan(const BigInt& x, const BigInt& y)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-lessThan");
    STEP("1");
    return x.value_ < y.value_;
}

bool BigInt::equal(const BigInt& x, const BigInt& y)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-equal");
    STEP("1");
    return x.value_ == y.value_;
}

// BigIntBitwiseOp ( op, x, y ) computes on infinite two's complement bit
// strings; cpp_int's &, ^ and | on negative values have exactly that meaning.
BigInt* BigInt::bitwiseAND(Heap& heap, const BigInt& x, const BigInt& y)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-bitwiseAND");
    STEP("1");
    return create(heap, x.value_ & y.value_);
}

BigInt* BigInt::bitwiseXOR(Heap& heap, const BigInt& x, const BigInt& y)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-bitwiseXOR");
    STEP("1");
    return create(heap, x.value_ ^ y.value_);
}

BigInt* BigInt::bitwiseOR(Heap& heap, const BigInt& x, const BigInt& y)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-bitwiseOR");
    STEP("1");
    return create(heap, x.value_ | y.value_);
}

std::u16string BigInt::toString(const BigInt& x, unsigned radix)
{
    return to_string(x.value_, radix);
}

std::u16string BigInt::to_string(const Integer& x, unsigned radix)
{
    SPEC_ALGORITHM("sec-numeric-types-bigint-tostring");
    SPEC_ASSERT(radix >= 2 && radix <= 36);
    STEP("1");
    if (x < 0) return u"-" + to_string(-x, radix);
    STEP("2");
    static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::u16string result;
    if (radix == 10) {
        std::string decimal = x.str();
        result.assign(decimal.begin(), decimal.end());
        return result;
    }
    Integer rest = x;
    do {
        Integer quotient, digit;
        boost::multiprecision::divide_qr(rest, Integer(radix), quotient, digit);
        result.push_back(char16_t(digits[digit.convert_to<unsigned>()]));
        rest = std::move(quotient);
    } while (rest != 0);
    std::reverse(result.begin(), result.end());
    return result;
}

}  // namespace lockstep
