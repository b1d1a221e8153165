// ECMA-262 §7.2.12, §7.2.13, §13.15.3 and the Number:: operations of §6.1.6.1.
#include "abstract_ops/operators.h"

#include <cmath>
#include <cstdint>

#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/bigint.h"
#include "runtime/error.h"
#include "runtime/string.h"

namespace lockstep {

namespace {

// ToInt32 / ToUint32 of a Number (never abrupt).
int32_t int32_of(double x)
{
    if (!std::isfinite(x)) return 0;
    double t = std::fmod(std::trunc(x), 4294967296.0);
    if (t < 0) t += 4294967296.0;
    return int32_t(uint32_t(t));
}
uint32_t uint32_of(double x) { return uint32_t(int32_of(x)); }

// Compares a BigInt's mathematical value with a finite Number's: <0, 0, >0.
int compare_bigint_number(const BigInt& x, double y)
{
    double floor_y = std::floor(y);
    BigInt::Integer integral(floor_y);
    if (x.value() < integral) return -1;
    if (x.value() > integral) return 1;
    return floor_y == y ? 0 : -1;
}

LessThanResult result(bool b) { return b ? LessThanResult::True : LessThanResult::False; }

}  // namespace

namespace Number {

double exponentiate(double base, double exponent)
{
    SPEC_ALGORITHM("sec-numeric-types-number-exponentiate");
    // Where C's pow differs from the spec: NaN exponents, and |base| = 1 with
    // an infinite exponent, are *NaN*; everything else pow gets right.
    STEP("1");
    if (std::isnan(exponent)) return std::nan("");
    STEP("2");
    if (exponent == 0) return 1;
    STEP("3");
    if (std::isnan(base)) return std::nan("");
    STEP("4-13");
    if (std::isinf(exponent) && std::fabs(base) == 1) return std::nan("");
    return std::pow(base, exponent);
}

double remainder(double n, double d)
{
    SPEC_ALGORITHM("sec-numeric-types-number-remainder");
    STEP("1-6");
    if (std::isnan(n) || std::isnan(d) || std::isinf(n) || d == 0) return std::nan("");
    if (std::isinf(d) || n == 0) return n;
    STEP("7-11");
    return std::fmod(n, d);
}

double leftShift(double x, double y)
{
    SPEC_ALGORITHM("sec-numeric-types-number-leftShift");
    STEP("1");
    int32_t lnum = int32_of(x);
    STEP("2");
    uint32_t rnum = uint32_of(y);
    STEP("3");
    uint32_t shiftCount = rnum % 32;
    STEP("4");
    return double(int32_t(uint32_t(lnum) << shiftCount));
}

double signedRightShift(double x, double y)
{
    SPEC_ALGORITHM("sec-numeric-types-number-signedRightShift");
    STEP("1");
    int32_t lnum = int32_of(x);
    STEP("2");
    uint32_t rnum = uint32_of(y);
    STEP("3");
    uint32_t shiftCount = rnum % 32;
    STEP("4");
    return double(lnum >> shiftCount);
}

double unsignedRightShift(double x, double y)
{
    SPEC_ALGORITHM("sec-numeric-types-number-unsignedRightShift");
    STEP("1");
    uint32_t lnum = uint32_of(x);
    STEP("2");
    uint32_t rnum = uint32_of(y);
    STEP("3");
    uint32_t shiftCount = rnum % 32;
    STEP("4");
    return double(lnum >> shiftCount);
}

double bitwiseNOT(double x)
{
    SPEC_ALGORITHM("sec-numeric-types-number-bitwiseNOT");
    STEP("1");
    int32_t oldValue = int32_of(x);
    STEP("2");
    return double(~oldValue);
}

}  // namespace Number

ThrowCompletionOr<LessThanResult> IsLessThan(Agent& agent, Value x, Value y, bool LeftFirst)
{
    SPEC_ALGORITHM("sec-islessthan");
    Value px, py;
    // Numbers are their own ToPrimitive: compare them at once (steps 4.d-4.f.i.1).
    if (x.is_number() && y.is_number()) {
        double a = x.as_number(), b = y.as_number();
        if (std::isnan(a) || std::isnan(b)) return LessThanResult::Undefined;
        return result(a < b);
    }
    STEP("1");
    if (LeftFirst) {
        STEP("1.a");
        px = TRY(ToPrimitive(agent, x, PreferredType::Number));
        STEP("1.b");
        py = TRY(ToPrimitive(agent, y, PreferredType::Number));
    } else {
        STEP("2");
        STEP("2.a");
        STEP("2.b");
        py = TRY(ToPrimitive(agent, y, PreferredType::Number));
        STEP("2.c");
        px = TRY(ToPrimitive(agent, x, PreferredType::Number));
    }
    STEP("3");
    if (px.is_string() && py.is_string()) {
        STEP("3.a");
        STEP("3.b");
        STEP("3.c");
        STEP("3.c.i-3.c.iv");
        STEP("3.d");
        // std::u16string_view compares code unit by code unit, then by length.
        return result(px.as_string()->view() < py.as_string()->view());
    }
    STEP("4");
    STEP("4.a");
    if (px.is_bigint() && py.is_string()) {
        STEP("4.a.i");
        BigInt* ny = StringToBigInt(agent.heap, py.as_string()->view());
        STEP("4.a.ii");
        if (!ny) return LessThanResult::Undefined;
        STEP("4.a.iii");
        return result(BigInt::lessThan(*px.as_bigint(), *ny));
    }
    STEP("4.b");
    if (px.is_string() && py.is_bigint()) {
        STEP("4.b.i");
        BigInt* nx = StringToBigInt(agent.heap, px.as_string()->view());
        STEP("4.b.ii");
        if (!nx) return LessThanResult::Undefined;
        STEP("4.b.iii");
        return result(BigInt::lessThan(*nx, *py.as_bigint()));
    }
    STEP("4.c");
    STEP("4.d");
    Value nx = TRY(ToNumeric(agent, px));
    STEP("4.e");
    Value ny = TRY(ToNumeric(agent, py));
    STEP("4.f");
    if (SameType(nx, ny)) {
        STEP("4.f.i");
        if (nx.is_number()) {
            STEP("4.f.i.1");  // Number::lessThan: *undefined* if either is NaN
            double a = nx.as_number(), b = ny.as_number();
            if (std::isnan(a) || std::isnan(b)) return LessThanResult::Undefined;
            return result(a < b);
        }
        STEP("4.f.ii");
        STEP("4.f.ii.1");
        STEP("4.f.ii.2");
        return result(BigInt::lessThan(*nx.as_bigint(), *ny.as_bigint()));
    }
    STEP("4.g");
    STEP("4.h");
    if ((nx.is_number() && std::isnan(nx.as_number())) || (ny.is_number() && std::isnan(ny.as_number())))
        return LessThanResult::Undefined;
    STEP("4.i");
    if ((nx.is_number() && nx.as_number() == -INFINITY) || (ny.is_number() && ny.as_number() == INFINITY))
        return result(true);
    STEP("4.j");
    if ((nx.is_number() && nx.as_number() == INFINITY) || (ny.is_number() && ny.as_number() == -INFINITY))
        return result(false);
    STEP("4.k");
    if (nx.is_bigint()) return result(compare_bigint_number(*nx.as_bigint(), ny.as_number()) < 0);
    return result(compare_bigint_number(*ny.as_bigint(), nx.as_number()) > 0);
}

ThrowCompletionOr<bool> IsLooselyEqual(Agent& agent, Value x, Value y)
{
    SPEC_ALGORITHM("sec-islooselyequal");
    // The spec's recursion, as a loop: each round converts one side.
    for (;;) {
        STEP("1");
        if (SameType(x, y)) {
            STEP("1.a");
            return IsStrictlyEqual(x, y);
        }
        STEP("2");
        if (x.is_null() && y.is_undefined()) return true;
        STEP("3");
        if (x.is_undefined() && y.is_null()) return true;
        STEP("4");  // [[IsHTMLDDA]]: no such objects in this host
        STEP("5");
        if (x.is_number() && y.is_string()) {
            y = Value::number(MUST(ToNumber(agent, y)));
            continue;
        }
        STEP("6");
        if (x.is_string() && y.is_number()) {
            x = Value::number(MUST(ToNumber(agent, x)));
            continue;
        }
        STEP("7");
        if (x.is_bigint() && y.is_string()) {
            STEP("7.a");
            BigInt* n = StringToBigInt(agent.heap, y.as_string()->view());
            STEP("7.b");
            if (!n) return false;
            STEP("7.c");
            y = n;
            continue;
        }
        STEP("8");
        if (x.is_string() && y.is_bigint()) {
            std::swap(x, y);
            continue;
        }
        STEP("9");
        if (x.is_boolean()) {
            x = Value::number(x.as_bool() ? 1 : 0);
            continue;
        }
        STEP("10");
        if (y.is_boolean()) {
            y = Value::number(y.as_bool() ? 1 : 0);
            continue;
        }
        STEP("11");
        if ((x.is_string() || x.is_number() || x.is_bigint() || x.is_symbol()) && y.is_object()) {
            y = TRY(ToPrimitive(agent, y));
            continue;
        }
        STEP("12");
        if (x.is_object() && (y.is_string() || y.is_number() || y.is_bigint() || y.is_symbol())) {
            x = TRY(ToPrimitive(agent, x));
            continue;
        }
        STEP("13");
        if ((x.is_bigint() && y.is_number()) || (x.is_number() && y.is_bigint())) {
            STEP("13.a");
            double n = x.is_number() ? x.as_number() : y.as_number();
            const BigInt& b = x.is_bigint() ? *x.as_bigint() : *y.as_bigint();
            if (!std::isfinite(n)) return false;
            STEP("13.b");
            return compare_bigint_number(b, n) == 0;
        }
        STEP("14");
        return false;
    }
}

ThrowCompletionOr<Value> ApplyStringOrNumericBinaryOperator(Agent& agent, Value lVal, NumericOperator opText,
                                                            Value rVal)
{
    SPEC_ALGORITHM("sec-applystringornumericbinaryoperator");
    STEP("1");
    if (opText == NumericOperator::Add) {
        // Number + Number needs no conversion at all (the common case).
        if (lVal.is_number() && rVal.is_number()) return Value::number(lVal.as_number() + rVal.as_number());
        STEP("1.a");
        Value lPrim = TRY(ToPrimitive(agent, lVal));
        STEP("1.b");
        Value rPrim = TRY(ToPrimitive(agent, rVal));
        STEP("1.c");
        if (lPrim.is_string() || rPrim.is_string()) {
            STEP("1.c.i");
            String* lStr = TRY(ToString(agent, lPrim));
            STEP("1.c.ii");
            String* rStr = TRY(ToString(agent, rPrim));
            STEP("1.c.iii");
            if (lStr->length() + rStr->length() > (size_t(1) << 30))
                return throw_range_error(agent, "string too long");
            return make_string(agent.heap, lStr->units() + rStr->units());
        }
        STEP("1.d");
        lVal = lPrim;
        STEP("1.e");
        rVal = rPrim;
    }
    STEP("2");
    STEP("3");
    // Numbers are their own ToNumeric: the common case skips the calls.
    Value lNum = lVal.is_number() ? lVal : TRY(ToNumeric(agent, lVal));
    STEP("4");
    Value rNum = rVal.is_number() ? rVal : TRY(ToNumeric(agent, rVal));
    STEP("5");
    if (!SameType(lNum, rNum)) return throw_type_error(agent, "cannot mix BigInt and other types");
    STEP("6");
    if (lNum.is_bigint()) {
        const BigInt& l = *lNum.as_bigint();
        const BigInt& r = *rNum.as_bigint();
        Heap& heap = agent.heap;
        switch (opText) {
        case NumericOperator::Exponentiate: STEP("6.a"); return Value(TRY(BigInt::exponentiate(agent, l, r)));
        case NumericOperator::Divide: STEP("6.b"); return Value(TRY(BigInt::divide(agent, l, r)));
        case NumericOperator::Remainder: STEP("6.c"); return Value(TRY(BigInt::remainder(agent, l, r)));
        case NumericOperator::UnsignedRightShift: STEP("6.d"); return Value(TRY(BigInt::unsignedRightShift(agent, l, r)));
        default: break;
        }
        STEP("6.e");
        switch (opText) {
        case NumericOperator::Multiply: return Value(BigInt::multiply(heap, l, r));
        case NumericOperator::Add: return Value(BigInt::add(heap, l, r));
        case NumericOperator::Subtract: return Value(BigInt::subtract(heap, l, r));
        case NumericOperator::LeftShift: return Value(TRY(BigInt::leftShift(agent, l, r)));
        case NumericOperator::SignedRightShift: return Value(TRY(BigInt::signedRightShift(agent, l, r)));
        case NumericOperator::BitwiseAND: return Value(BigInt::bitwiseAND(heap, l, r));
        case NumericOperator::BitwiseXOR: return Value(BigInt::bitwiseXOR(heap, l, r));
        default: return Value(BigInt::bitwiseOR(heap, l, r));
        }
    }
    STEP("7");
    STEP("7.a");
    SPEC_ASSERT(lNum.is_number());
    STEP("7.b");
    double l = lNum.as_number(), r = rNum.as_number();
    STEP("8");
    switch (opText) {
    case NumericOperator::Exponentiate: return Value::number(Number::exponentiate(l, r));
    case NumericOperator::Multiply: return Value::number(l * r);
    case NumericOperator::Divide: return Value::number(l / r);
    case NumericOperator::Remainder: return Value::number(Number::remainder(l, r));
    case NumericOperator::Add: return Value::number(l + r);
    case NumericOperator::Subtract: return Value::number(l - r);
    case NumericOperator::LeftShift: return Value::number(Number::leftShift(l, r));
    case NumericOperator::SignedRightShift: return Value::number(Number::signedRightShift(l, r));
    case NumericOperator::UnsignedRightShift: return Value::number(Number::unsignedRightShift(l, r));
    case NumericOperator::BitwiseAND: return Value::number(double(int32_of(l) & int32_of(r)));
    case NumericOperator::BitwiseXOR: return Value::number(double(int32_of(l) ^ int32_of(r)));
    case NumericOperator::BitwiseOR: return Value::number(double(int32_of(l) | int32_of(r)));
    }
    return Value::undefined();
}

}  // namespace lockstep
