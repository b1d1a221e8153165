// ECMA-262 §6.1.6.1 The Number Type.
#include "runtime/number.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <boost/multiprecision/cpp_int.hpp>

#include "spec/step.h"

namespace lockstep::Number {

bool sameValue(double x, double y)
{
    SPEC_ALGORITHM("sec-numeric-types-number-sameValue");
    STEP("1");
    if (std::isnan(x) && std::isnan(y)) return true;
    STEP("2");
    if (x == 0 && y == 0 && !std::signbit(x) && std::signbit(y)) return false;
    STEP("3");
    if (x == 0 && y == 0 && std::signbit(x) && !std::signbit(y)) return false;
    STEP("4");
    if (x == y) return true;
    STEP("5");
    return false;
}

bool sameValueZero(double x, double y)
{
    SPEC_ALGORITHM("sec-numeric-types-number-sameValueZero");
    STEP("1");
    if (std::isnan(x) && std::isnan(y)) return true;
    STEP("2");
    if (x == 0 && y == 0) return true;  // +0 and -0, either order
    STEP("3");
    STEP("4");
    if (x == y) return true;
    STEP("5");
    return false;
}

namespace {

constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// Step 5 for radix 10: the shortest digit string s (k digits) and exponent
// n such that s × 10^(n-k) round-trips to x. std::to_chars without a
// precision gives exactly the shortest round-trip representation.
void decimal_digits(double x, std::string& s, int& n)
{
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::scientific);
    std::string text(buffer, result.ptr);  // d[.ddd]e±XX
    size_t e = text.find('e');
    s.clear();
    for (size_t i = 0; i < e; ++i)
        if (text[i] != '.') s.push_back(text[i]);
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    n = std::atoi(text.c_str() + e + 1) + 1;
}

// Step 5 for other radices, exactly (the #2 variant: the closest of the
// shortest digit strings, ties to even): the free-format digit generation
// of Steele & White / Burger & Dybvig on big integers. x = R / S; the
// numbers that round to x lie strictly (inclusively, when x's significand
// is even) within M⁻ / S below and M⁺ / S above it.
void radix_digits(double x, unsigned radix, std::string& s, int& n)
{
    using boost::multiprecision::cpp_int;
    int exponent;
    double fraction = std::frexp(x, &exponent);  // x = fraction × 2^exponent, fraction in [0.5, 1)
    auto significand = uint64_t(std::ldexp(fraction, 53));
    int be = exponent - 53;
    while (be < -1074) {  // subnormals: the significand has fewer bits
        significand >>= 1;
        ++be;
    }
    bool inclusive = significand % 2 == 0;
    // The gap below x is half the gap above when x is a power of two (and not the least normal).
    bool unequal_gaps = significand == (uint64_t(1) << 52) && be > -1074;
    cpp_int R, S, Mplus, Mminus;
    if (be >= 0) {
        cpp_int bits = cpp_int(1) << be;
        R = cpp_int(significand) * bits * (unequal_gaps ? 4 : 2);
        S = unequal_gaps ? 4 : 2;
        Mplus = unequal_gaps ? bits * 2 : bits;
        Mminus = bits;
    } else {
        R = cpp_int(significand) * (unequal_gaps ? 4 : 2);
        S = cpp_int(1) << (-be + (unequal_gaps ? 2 : 1));
        Mplus = unequal_gaps ? 2 : 1;
        Mminus = 1;
    }
    // n: the least integer with x + M⁺ < radix^n (≤ when inclusive), from an estimate.
    n = int(std::ceil(std::log(x) / std::log(double(radix)) - 1e-9));
    auto scale = [&](int power) {
        cpp_int factor = boost::multiprecision::pow(cpp_int(radix), unsigned(std::abs(power)));
        if (power >= 0) {
            S *= factor;
        } else {
            R *= factor;
            Mplus *= factor;
            Mminus *= factor;
        }
    };
    scale(n);
    auto high_reaches = [&](const cpp_int& r, const cpp_int& m) { return inclusive ? r + m >= S : r + m > S; };
    while (high_reaches(R, Mplus)) {
        S *= radix;
        ++n;
    }
    for (;;) {
        cpp_int nextR = R * radix, nextMplus = Mplus * radix;
        if (high_reaches(nextR, nextMplus)) break;
        R *= radix;
        Mplus *= radix;
        Mminus *= radix;
        --n;
    }
    s.clear();
    for (;;) {
        R *= radix;
        Mplus *= radix;
        Mminus *= radix;
        cpp_int digit_value;
        boost::multiprecision::divide_qr(R, S, digit_value, R);
        unsigned digit = digit_value.convert_to<unsigned>();
        bool low = inclusive ? R <= Mminus : R < Mminus;
        bool high = high_reaches(R, Mplus);
        if (low || high) {
            // The last digit: down, up, or whichever leaves x closer (ties to even).
            bool up = high && (!low || 2 * R > S || (2 * R == S && digit % 2 == 1));
            if (up) ++digit;
            SPEC_ASSERT(digit < radix);  // x + M⁺ < radix^n leaves room for the increment
            s.push_back(kDigits[digit]);
            break;
        }
        s.push_back(kDigits[digit]);
    }
}

}  // namespace

std::u16string toString(double x, unsigned radix)
{
    SPEC_ALGORITHM("sec-numeric-types-number-tostring");
    SPEC_ASSERT(radix >= 2 && radix <= 36);
    STEP("1");
    if (std::isnan(x)) return u"NaN";
    STEP("2");
    if (x == 0) return u"0";
    STEP("3");
    if (x < 0) return u"-" + toString(-x, radix);
    STEP("4");
    if (std::isinf(x)) return u"Infinity";
    STEP("5");
    std::string s;
    int n;
    if (radix == 10)
        decimal_digits(x, s, n);
    else
        radix_digits(x, radix, s, n);
    int k = int(s.size());
    std::string result;
    STEP("6");
    if (radix != 10 || (n >= -5 && n <= 21)) {
        STEP("6.a");
        if (n >= k) {
            STEP("6.a.i");
            result = s + std::string(n - k, '0');
        } else if (n > 0) {
            STEP("6.b");
            STEP("6.b.i");
            result = s.substr(0, n) + "." + s.substr(n);
        } else {
            STEP("6.c");
            STEP("6.c.i");
            SPEC_ASSERT(n <= 0);
            STEP("6.c.ii");
            result = "0." + std::string(-n, '0') + s;
        }
        return std::u16string(result.begin(), result.end());
    }
    STEP("7");  // NOTE: scientific E notation
    STEP("8");
    SPEC_ASSERT(radix == 10);
    char exponentSign;
    STEP("9");
    if (n < 0) {
        STEP("9.a");
        exponentSign = '-';
    } else {
        STEP("10");
        STEP("10.a");
        exponentSign = '+';
    }
    std::string exponent = std::to_string(std::abs(n - 1));
    STEP("11");
    if (k == 1) {
        STEP("11.a");
        result = s + "e" + exponentSign + exponent;
    } else {
        STEP("12");
        result = s.substr(0, 1) + "." + s.substr(1) + "e" + exponentSign + exponent;
    }
    return std::u16string(result.begin(), result.end());
}

}  // namespace lockstep::Number
