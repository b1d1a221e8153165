// ECMA-262 §21.3 The Math Object. The C library computes the
// implementation-approximated values; every special case the spec lists is
// decided here, before the library is asked.
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <random>

#include "abstract_ops/operators.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kPi = std::numbers::pi;

bool is_zero(double n) { return n == 0; }
bool is_positive_zero(double n) { return n == 0 && !std::signbit(n); }
bool is_negative_zero(double n) { return n == 0 && std::signbit(n); }
bool is_integral(double n) { return std::isfinite(n) && std::trunc(n) == n; }

// IEEE 754 binary16 conversion with roundTiesToEven, directly from binary64
// (going through binary32 would round twice).
double round_to_binary16(double n)
{
    double magnitude = std::fabs(n);
    if (magnitude >= 65520.0) return std::copysign(kInfinity, n);  // halfway to 2^16 and beyond: overflow
    int exponent;
    std::frexp(magnitude, &exponent);  // magnitude in [2^(exponent-1), 2^exponent)
    // binary16 has 11 significant bits; below 2^-14 the spacing stays 2^-24.
    int quantum_exponent = std::max(exponent - 11, -24);
    double quantum = std::ldexp(1.0, quantum_exponent);
    double scaled = magnitude / quantum;  // exact: a power-of-two scaling
    double rounded = std::nearbyint(scaled);  // the default rounding mode: ties to even
    return std::copysign(rounded * quantum, n);
}

// §21.3.2.1 Math.abs ( x )
ThrowCompletionOr<Value> Math_abs(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.abs");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n)) return kNaN;
        STEP("3");
        if (is_negative_zero(n)) return 0.0;
        STEP("4");
        if (n == -kInfinity) return kInfinity;
        STEP("5");
        if (n < 0) return -n;
        STEP("6");
        return n;
    }());
}

// §21.3.2.2 Math.acos ( x )
ThrowCompletionOr<Value> Math_acos(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.acos");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || n > 1 || n < -1) return kNaN;
        STEP("3");
        if (n == 1) return 0.0;
        STEP("4");
        return std::acos(n);
    }());
}

// §21.3.2.3 Math.acosh ( x )
ThrowCompletionOr<Value> Math_acosh(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.acosh");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || n == kInfinity) return n;
        STEP("3");
        if (n == 1) return 0.0;
        STEP("4");
        if (n < 1) return kNaN;
        STEP("5");
        return std::acosh(n);
    }());
}

// §21.3.2.4 Math.asin ( x )
ThrowCompletionOr<Value> Math_asin(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.asin");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || is_zero(n)) return n;
        STEP("3");
        if (n > 1 || n < -1) return kNaN;
        STEP("4");
        return std::asin(n);
    }());
}

// §21.3.2.5 Math.asinh ( x )
ThrowCompletionOr<Value> Math_asinh(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.asinh");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (!std::isfinite(n) || is_zero(n)) return n;
        STEP("3");
        return std::asinh(n);
    }());
}

// §21.3.2.6 Math.atan ( x )
ThrowCompletionOr<Value> Math_atan(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.atan");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || is_zero(n)) return n;
        STEP("3");
        if (n == kInfinity) return kPi / 2;
        STEP("4");
        if (n == -kInfinity) return -kPi / 2;
        STEP("5");
        return std::atan(n);
    }());
}

// §21.3.2.7 Math.atanh ( x )
ThrowCompletionOr<Value> Math_atanh(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.atanh");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || is_zero(n)) return n;
        STEP("3");
        if (n > 1 || n < -1) return kNaN;
        STEP("4");
        if (n == 1) return kInfinity;
        STEP("5");
        if (n == -1) return -kInfinity;
        STEP("6");
        return std::atanh(n);
    }());
}

// §21.3.2.9 Math.cbrt ( x )
ThrowCompletionOr<Value> Math_cbrt(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.cbrt");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (!std::isfinite(n) || is_zero(n)) return n;
        STEP("3");
        // glibc's double cbrt is off by an ulp for many perfect cubes (27 gives
        // 3.0000000000000004); the extended-precision one, rounded, is not.
        return double(std::cbrt(static_cast<long double>(n)));
    }());
}

// §21.3.2.10 Math.ceil ( x )
ThrowCompletionOr<Value> Math_ceil(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.ceil");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (!std::isfinite(n) || is_zero(n)) return n;
        STEP("3");
        if (n < 0 && n > -1) return -0.0;
        STEP("4");
        if (is_integral(n)) return n;
        STEP("5");
        return std::ceil(n);
    }());
}

// §21.3.2.12 Math.cos ( x )
ThrowCompletionOr<Value> Math_cos(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.cos");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (!std::isfinite(n)) return kNaN;
        STEP("3");
        if (is_zero(n)) return 1.0;
        STEP("4");
        return std::cos(n);
    }());
}

// §21.3.2.13 Math.cosh ( x )
ThrowCompletionOr<Value> Math_cosh(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.cosh");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n)) return kNaN;
        STEP("3");
        if (std::isinf(n)) return kInfinity;
        STEP("4");
        if (is_zero(n)) return 1.0;
        STEP("5");
        return std::cosh(n);
    }());
}

// §21.3.2.14 Math.exp ( x )
ThrowCompletionOr<Value> Math_exp(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.exp");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || n == kInfinity) return n;
        STEP("3");
        if (is_zero(n)) return 1.0;
        STEP("4");
        if (n == -kInfinity) return 0.0;
        STEP("5");
        return std::exp(n);
    }());
}

// §21.3.2.15 Math.expm1 ( x )
ThrowCompletionOr<Value> Math_expm1(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.expm1");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || is_zero(n) || n == kInfinity) return n;
        STEP("3");
        if (n == -kInfinity) return -1.0;
        STEP("4");
        STEP("5");
        return std::expm1(n);
    }());
}

// §21.3.2.16 Math.floor ( x )
ThrowCompletionOr<Value> Math_floor(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.floor");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (!std::isfinite(n) || is_zero(n)) return n;
        STEP("3");
        if (n < 1 && n > 0) return 0.0;
        STEP("4");
        if (is_integral(n)) return n;
        STEP("5");
        return std::floor(n);
    }());
}

// §21.3.2.17 Math.fround ( x )
ThrowCompletionOr<Value> Math_fround(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.fround");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n)) return kNaN;
        STEP("3");
        if (is_zero(n) || std::isinf(n)) return n;
        STEP("4");
        auto n32 = static_cast<float>(n);  // IEEE conversion, round to nearest, ties to even
        STEP("5");
        auto n64 = static_cast<double>(n32);
        STEP("6");
        return n64;
    }());
}

// §21.3.2.18 Math.f16round ( x )
ThrowCompletionOr<Value> Math_f16round(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.f16round");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n)) return kNaN;
        STEP("3");
        if (is_zero(n) || std::isinf(n)) return n;
        STEP("4");
        STEP("5");
        STEP("6");
        return round_to_binary16(n);
    }());
}

// §21.3.2.21 Math.log ( x )
ThrowCompletionOr<Value> Math_log(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.log");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || n == kInfinity) return n;
        STEP("3");
        if (n == 1) return 0.0;
        STEP("4");
        if (is_zero(n)) return -kInfinity;
        STEP("5");
        if (n < 0) return kNaN;
        STEP("6");
        return std::log(n);
    }());
}

// §21.3.2.22 Math.log1p ( x )
ThrowCompletionOr<Value> Math_log1p(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.log1p");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || is_zero(n) || n == kInfinity) return n;
        STEP("3");
        if (n == -1) return -kInfinity;
        STEP("4");
        if (n < -1) return kNaN;
        STEP("5");
        return std::log1p(n);
    }());
}

// §21.3.2.23 Math.log10 ( x )
ThrowCompletionOr<Value> Math_log10(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.log10");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || n == kInfinity) return n;
        STEP("3");
        if (n == 1) return 0.0;
        STEP("4");
        if (is_zero(n)) return -kInfinity;
        STEP("5");
        if (n < 0) return kNaN;
        STEP("6");
        return std::log10(n);
    }());
}

// §21.3.2.24 Math.log2 ( x )
ThrowCompletionOr<Value> Math_log2(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.log2");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || n == kInfinity) return n;
        STEP("3");
        if (n == 1) return 0.0;
        STEP("4");
        if (is_zero(n)) return -kInfinity;
        STEP("5");
        if (n < 0) return kNaN;
        STEP("6");
        return std::log2(n);
    }());
}

// §21.3.2.29 Math.round ( x )
ThrowCompletionOr<Value> Math_round(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.round");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (!std::isfinite(n) || is_integral(n)) return n;
        STEP("3");
        if (n < 0.5 && n > 0) return 0.0;
        STEP("4");
        if (n < 0 && n >= -0.5) return -0.0;
        STEP("5");
        // floor(n + 0.5) would round 0.49999999999999994 up: n's integral
        // neighbours decide instead (|n| < 2^52 here, so both are exact).
        double lower = std::floor(n);
        return n - lower >= 0.5 ? lower + 1 : lower;
    }());
}

// §21.3.2.30 Math.sign ( x )
ThrowCompletionOr<Value> Math_sign(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.sign");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || is_zero(n)) return n;
        STEP("3");
        if (n < 0) return -1.0;
        STEP("4");
        return 1.0;
    }());
}

// §21.3.2.31 Math.sin ( x )
ThrowCompletionOr<Value> Math_sin(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.sin");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || is_zero(n)) return n;
        STEP("3");
        if (std::isinf(n)) return kNaN;
        STEP("4");
        return std::sin(n);
    }());
}

// §21.3.2.32 Math.sinh ( x )
ThrowCompletionOr<Value> Math_sinh(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.sinh");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (!std::isfinite(n) || is_zero(n)) return n;
        STEP("3");
        return std::sinh(n);
    }());
}

// §21.3.2.33 Math.sqrt ( x )
ThrowCompletionOr<Value> Math_sqrt(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.sqrt");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || is_zero(n) || n == kInfinity) return n;
        STEP("3");
        if (n < 0) return kNaN;
        STEP("4");
        return std::sqrt(n);  // IEEE sqrt is correctly rounded
    }());
}

// §21.3.2.34 Math.tan ( x )
ThrowCompletionOr<Value> Math_tan(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.tan");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || is_zero(n)) return n;
        STEP("3");
        if (std::isinf(n)) return kNaN;
        STEP("4");
        return std::tan(n);
    }());
}

// §21.3.2.35 Math.tanh ( x )
ThrowCompletionOr<Value> Math_tanh(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.tanh");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (std::isnan(n) || is_zero(n)) return n;
        STEP("3");
        if (n == kInfinity) return 1.0;
        STEP("4");
        if (n == -kInfinity) return -1.0;
        STEP("5");
        return std::tanh(n);
    }());
}

// §21.3.2.36 Math.trunc ( x )
ThrowCompletionOr<Value> Math_trunc(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.trunc");
    STEP("1");
    double n = TRY(ToNumber(agent, argument(arguments, 0)));
    return Value::number([&]() -> double {
        STEP("2");
        if (!std::isfinite(n) || is_zero(n)) return n;
        STEP("3");
        if (n < 1 && n > 0) return 0.0;
        STEP("4");
        if (n < 0 && n > -1) return -0.0;
        STEP("5");
        return std::trunc(n);
    }());
}

// §21.3.2.8 Math.atan2 ( y, x )
ThrowCompletionOr<Value> Math_atan2(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.atan2");
    STEP("1");
    double ny = TRY(ToNumber(agent, argument(arguments, 0)));
    STEP("2");
    double nx = TRY(ToNumber(agent, argument(arguments, 1)));
    return Value::number([&]() -> double {
        STEP("3");
        if (std::isnan(ny) || std::isnan(nx)) return kNaN;
        STEP("4");
        if (ny == kInfinity) {
            STEP("4.a");
            if (nx == kInfinity) return kPi / 4;
            STEP("4.b");
            if (nx == -kInfinity) return 3 * kPi / 4;
            STEP("4.c");
            return kPi / 2;
        }
        STEP("5");
        if (ny == -kInfinity) {
            STEP("5.a");
            if (nx == kInfinity) return -kPi / 4;
            STEP("5.b");
            if (nx == -kInfinity) return -3 * kPi / 4;
            STEP("5.c");
            return -kPi / 2;
        }
        STEP("6");
        if (is_positive_zero(ny)) {
            STEP("6.a");
            if (nx > 0 || is_positive_zero(nx)) return 0.0;
            STEP("6.b");
            return kPi;
        }
        STEP("7");
        if (is_negative_zero(ny)) {
            STEP("7.a");
            if (nx > 0 || is_positive_zero(nx)) return -0.0;
            STEP("7.b");
            return -kPi;
        }
        STEP("8");
        SPEC_ASSERT(std::isfinite(ny) && !is_zero(ny));
        STEP("9");
        if (ny > 0) {
            STEP("9.a");
            if (nx == kInfinity) return 0.0;
            STEP("9.b");
            if (nx == -kInfinity) return kPi;
            STEP("9.c");
            if (is_zero(nx)) return kPi / 2;
        }
        STEP("10");
        if (ny < 0) {
            STEP("10.a");
            if (nx == kInfinity) return -0.0;
            STEP("10.b");
            if (nx == -kInfinity) return -kPi;
            STEP("10.c");
            if (is_zero(nx)) return -kPi / 2;
        }
        STEP("11");
        SPEC_ASSERT(std::isfinite(nx) && !is_zero(nx));
        STEP("12");  // steps 12-15: the C library's atan2 of finite non-zero arguments
        STEP("13");
        STEP("13.a");
        STEP("13.b");
        STEP("14");
        STEP("14.a");
        STEP("15");
        return std::atan2(ny, nx);
    }());
}

// §21.3.2.11 Math.clz32 ( x )
ThrowCompletionOr<Value> Math_clz32(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.clz32");
    STEP("1");
    uint32_t n = TRY(ToUint32(agent, argument(arguments, 0)));
    STEP("2");
    int p = std::countl_zero(n);
    STEP("3");
    return Value::number(p);
}

// §21.3.2.19 Math.hypot ( ...args )
ThrowCompletionOr<Value> Math_hypot(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-math.hypot");
    STEP("1");
    std::vector<double> coerced;
    STEP("2");
    for (Value arg : args) {
        STEP("2.a");
        double n = TRY(ToNumber(agent, arg));
        STEP("2.b");
        coerced.push_back(n);
    }
    STEP("3");
    for (double number : coerced) {
        STEP("3.a");
        if (std::isinf(number)) return Value::number(kInfinity);
    }
    STEP("4");
    bool onlyZero = true;
    STEP("5");
    for (double number : coerced) {
        STEP("5.a");
        if (std::isnan(number)) return Value::number(kNaN);
        STEP("5.b");
        if (!is_zero(number)) onlyZero = false;
    }
    STEP("6");
    if (onlyZero) return Value::number(0);
    STEP("7");
    // Scaled by the largest magnitude so that the squares neither overflow nor underflow.
    double largest = 0;
    for (double number : coerced) largest = std::max(largest, std::fabs(number));
    double sum = 0, compensation = 0;  // Kahan summation of (number / largest)^2
    for (double number : coerced) {
        double scaled = number / largest;
        double term = scaled * scaled - compensation;
        double total = sum + term;
        compensation = (total - sum) - term;
        sum = total;
    }
    return Value::number(std::sqrt(sum) * largest);
}

// §21.3.2.20 Math.imul ( x, y )
ThrowCompletionOr<Value> Math_imul(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.imul");
    STEP("1");
    uint32_t a = TRY(ToUint32(agent, argument(arguments, 0)));
    STEP("2");
    uint32_t b = TRY(ToUint32(agent, argument(arguments, 1)));
    STEP("3");
    uint32_t product = a * b;  // unsigned arithmetic is modulo 2^32
    STEP("4");
    return Value::number(product >= 0x80000000u ? double(product) - 4294967296.0 : double(product));
}

// §21.3.2.25 Math.max ( ...args )
ThrowCompletionOr<Value> Math_max(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-math.max");
    STEP("1");
    std::vector<double> coerced;
    STEP("2");
    for (Value arg : args) {
        STEP("2.a");
        double n = TRY(ToNumber(agent, arg));
        STEP("2.b");
        coerced.push_back(n);
    }
    STEP("3");
    double highest = -kInfinity;
    STEP("4");
    for (double number : coerced) {
        STEP("4.a");
        if (std::isnan(number)) return Value::number(kNaN);
        STEP("4.b");
        if (is_positive_zero(number) && is_negative_zero(highest)) highest = 0.0;
        STEP("4.c");
        if (number > highest) highest = number;
    }
    STEP("5");
    return Value::number(highest);
}

// §21.3.2.26 Math.min ( ...args )
ThrowCompletionOr<Value> Math_min(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-math.min");
    STEP("1");
    std::vector<double> coerced;
    STEP("2");
    for (Value arg : args) {
        STEP("2.a");
        double n = TRY(ToNumber(agent, arg));
        STEP("2.b");
        coerced.push_back(n);
    }
    STEP("3");
    double lowest = kInfinity;
    STEP("4");
    for (double number : coerced) {
        STEP("4.a");
        if (std::isnan(number)) return Value::number(kNaN);
        STEP("4.b");
        if (is_negative_zero(number) && is_positive_zero(lowest)) lowest = -0.0;
        STEP("4.c");
        if (number < lowest) lowest = number;
    }
    STEP("5");
    return Value::number(lowest);
}

// §21.3.2.27 Math.pow ( base, exponent )
ThrowCompletionOr<Value> Math_pow(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-math.pow");
    STEP("1");
    double base = TRY(ToNumber(agent, argument(arguments, 0)));
    STEP("2");
    double exponent = TRY(ToNumber(agent, argument(arguments, 1)));
    STEP("3");
    return Value::number(Number::exponentiate(base, exponent));
}

// §21.3.2.28 Math.random ( ): uniformly distributed in [0, 1), from a
// generator seeded once per thread.
ThrowCompletionOr<Value> Math_random(Agent&, BuiltinFunction&, Value, Arguments, Object*)
{
    thread_local std::mt19937_64 generator{std::random_device{}()};
    return Value::number(double(generator() >> 11) * 0x1.0p-53);  // 53 random bits
}

}  // namespace

void CreateMathIntrinsics(Agent& agent, Realm& realm)
{
    // §21.3: an ordinary object whose [[Prototype]] is %Object.prototype%.
    Object* math = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    realm.set_intrinsic(Intrinsic::Math, math);

    // §21.3.1 Value Properties of the Math Object
    const std::pair<const char*, double> constants[] = {
        {"E", std::numbers::e},         {"LN10", std::numbers::ln10},     {"LN2", std::numbers::ln2},
        {"LOG10E", std::numbers::log10e}, {"LOG2E", std::numbers::log2e}, {"PI", std::numbers::pi},
        {"SQRT1_2", std::numbers::sqrt2 / 2}, {"SQRT2", std::numbers::sqrt2},
    };
    for (const auto& [name, value] : constants)
        define_value_property(agent, *math, agent.key(name), Value::number(value), false, false, false);
    define_to_string_tag(agent, *math, "Math");

    // §21.3.2 Function Properties of the Math Object
    const struct {
        const char* name;
        ThrowCompletionOr<Value> (*behaviour)(Agent&, BuiltinFunction&, Value, Arguments, Object*);
        double length;
    } functions[] = {
        {"abs", Math_abs, 1},
        {"acos", Math_acos, 1},
        {"acosh", Math_acosh, 1},
        {"asin", Math_asin, 1},
        {"asinh", Math_asinh, 1},
        {"atan", Math_atan, 1},
        {"atan2", Math_atan2, 2},
        {"atanh", Math_atanh, 1},
        {"cbrt", Math_cbrt, 1},
        {"ceil", Math_ceil, 1},
        {"clz32", Math_clz32, 1},
        {"cos", Math_cos, 1},
        {"cosh", Math_cosh, 1},
        {"exp", Math_exp, 1},
        {"expm1", Math_expm1, 1},
        {"f16round", Math_f16round, 1},
        {"floor", Math_floor, 1},
        {"fround", Math_fround, 1},
        {"hypot", Math_hypot, 2},
        {"imul", Math_imul, 2},
        {"log", Math_log, 1},
        {"log10", Math_log10, 1},
        {"log1p", Math_log1p, 1},
        {"log2", Math_log2, 1},
        {"max", Math_max, 2},
        {"min", Math_min, 2},
        {"pow", Math_pow, 2},
        {"random", Math_random, 0},
        {"round", Math_round, 1},
        {"sign", Math_sign, 1},
        {"sin", Math_sin, 1},
        {"sinh", Math_sinh, 1},
        {"sqrt", Math_sqrt, 1},
        {"tan", Math_tan, 1},
        {"tanh", Math_tanh, 1},
        {"trunc", Math_trunc, 1},
    };
    for (const auto& function : functions)
        define_builtin_function(agent, realm, *math, function.name, function.behaviour, function.length);
}

}  // namespace lockstep
