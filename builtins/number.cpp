// ECMA-262 §21.1 Number Objects.
#include <charconv>
#include <cmath>
#include <limits>

#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "builtins/primitive_objects.h"
#include "runtime/bigint.h"
#include "runtime/error.h"
#include "runtime/number.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;
using Integer = BigInt::Integer;

// ---- exact decimal arithmetic on a double's mathematical value ----------

// ℝ(x) = num / den exactly, for finite x > 0.
struct Rational {
    Integer num, den;
};

Rational exact_value(double x)
{
    int exponent;
    double fraction = std::frexp(x, &exponent);
    auto significand = int64_t(std::ldexp(fraction, 53));
    int be = exponent - 53;
    if (be >= 0) return {Integer(significand) << be, 1};
    return {Integer(significand), Integer(1) << -be};
}

Integer power_of_ten(int exponent) { return boost::multiprecision::pow(Integer(10), unsigned(exponent)); }

// The integer n nearest to num / den, the larger one on a tie.
Integer round_half_up(const Integer& num, const Integer& den) { return (2 * num + den) / (2 * den); }

// The e and n for which 10^f ≤ n < 10^(f+1) and n × 10^(e-f) - x is as
// close to zero as possible, the larger n × 10^(e-f) on a tie: the shared
// step of toExponential (10.a.i) and toPrecision (10.a, with f = p - 1).
void exponential_digits(double x, int f, Integer& n, int& e)
{
    Rational value = exact_value(x);
    // e: floor(log10(x)) exactly, from an estimate.
    e = int(std::floor(std::log10(x)));
    auto at_least_power = [&](int power) {  // x ≥ 10^power
        return power >= 0 ? value.num >= value.den * power_of_ten(power)
                          : value.num * power_of_ten(-power) >= value.den;
    };
    while (!at_least_power(e)) --e;
    while (at_least_power(e + 1)) ++e;
    // n = round(x / 10^(e - f)).
    int shift = e - f;
    n = shift >= 0 ? round_half_up(value.num, value.den * power_of_ten(shift))
                   : round_half_up(value.num * power_of_ten(-shift), value.den);
    if (n == power_of_ten(f + 1)) {  // rounding carried into one more digit
        n /= 10;
        e += 1;
    }
}

std::string decimal_string(const Integer& n) { return n.str(); }

Value ascii_value(Agent& agent, const std::string& text)
{
    return make_string(agent.heap, std::u16string(text.begin(), text.end()));
}

// §21.1.3.7.1 ThisNumberValue ( value )
ThrowCompletionOr<double> ThisNumberValue(Agent& agent, Value value)
{
    SPEC_ALGORITHM("sec-thisnumbervalue");
    STEP("1");
    if (value.is_number()) return value.as_number();
    STEP("2");
    if (auto* object = value.is_object() ? dynamic_cast<NumberObject*>(value.as_object()) : nullptr) {
        STEP("2.a");
        double n = object->NumberData;
        STEP("2.b");
        STEP("2.c");
        return n;
    }
    STEP("3");
    return throw_type_error(agent, "not a Number");
}

// §21.1.1.1 Number ( value )
ThrowCompletionOr<Value> Number_constructor(Agent& agent, BuiltinFunction&, Value, Arguments arguments,
                                            Object* NewTarget)
{
    SPEC_ALGORITHM("sec-number-constructor-number-value");
    double n;
    STEP("1");
    if (!arguments.empty()) {
        STEP("1.a");
        Value prim = TRY(ToNumeric(agent, arguments[0]));
        STEP("1.b");
        STEP("1.c");
        n = prim.is_bigint() ? to_number_value(*prim.as_bigint()) : prim.as_number();
    } else {
        STEP("2");
        STEP("2.a");
        n = 0;
    }
    STEP("3");
    if (!NewTarget) return Value::number(n);
    STEP("4");
    NumberObject* O = TRY(OrdinaryCreateFromConstructor<NumberObject>(agent, *NewTarget, Intrinsic::NumberPrototype, 0.0));
    STEP("5");
    O->NumberData = n;
    STEP("6");
    return O;
}

// "an integral Number": finite with no fractional part.
bool is_integral_number(Value number)
{
    return number.is_number() && std::isfinite(number.as_number()) && std::trunc(number.as_number()) == number.as_number();
}

// §21.1.2.2 Number.isFinite ( number )
ThrowCompletionOr<Value> Number_isFinite(Agent&, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-number.isfinite");
    Value number = argument(arguments, 0);
    STEP("1");
    if (!number.is_number()) return Value::boolean(false);
    STEP("2");
    if (!std::isfinite(number.as_number())) return Value::boolean(false);
    STEP("3");
    return Value::boolean(true);
}

// §21.1.2.3 Number.isInteger ( number )
ThrowCompletionOr<Value> Number_isInteger(Agent&, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-number.isinteger");
    STEP("1");
    if (is_integral_number(argument(arguments, 0))) return Value::boolean(true);
    STEP("2");
    return Value::boolean(false);
}

// §21.1.2.4 Number.isNaN ( number )
ThrowCompletionOr<Value> Number_isNaN(Agent&, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-number.isnan");
    Value number = argument(arguments, 0);
    STEP("1");
    if (!number.is_number()) return Value::boolean(false);
    STEP("2");
    if (std::isnan(number.as_number())) return Value::boolean(true);
    STEP("3");
    return Value::boolean(false);
}

// §21.1.2.5 Number.isSafeInteger ( number )
ThrowCompletionOr<Value> Number_isSafeInteger(Agent&, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-number.issafeinteger");
    Value number = argument(arguments, 0);
    STEP("1");
    if (is_integral_number(number)) {
        STEP("1.a");
        if (std::fabs(number.as_number()) <= 9007199254740991.0) return Value::boolean(true);
    }
    STEP("2");
    return Value::boolean(false);
}

// §21.1.3.2 Number.prototype.toExponential ( fractionDigits )
ThrowCompletionOr<Value> Number_prototype_toExponential(Agent& agent, BuiltinFunction&, Value thisValue,
                                                        Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-number.prototype.toexponential#1");
    Value fractionDigits = argument(arguments, 0);
    STEP("1");
    double x = TRY(ThisNumberValue(agent, thisValue));
    STEP("2");
    double f = TRY(ToIntegerOrInfinity(agent, fractionDigits));
    STEP("3");
    SPEC_ASSERT(!fractionDigits.is_undefined() || f == 0);
    STEP("4");
    if (!std::isfinite(x)) return make_string(agent.heap, Number::toString(x, 10));
    STEP("5");
    if (f < 0 || f > 100) return throw_range_error(agent, "toExponential() argument must be between 0 and 100");
    STEP("6");
    STEP("7");
    std::string s;
    STEP("8");
    if (x < 0) {
        STEP("8.a");
        s = "-";
        STEP("8.b");
        x = -x;
    }
    std::string m;
    int e;
    STEP("9");
    if (x == 0) {
        STEP("9.a");
        m = std::string(size_t(f) + 1, '0');
        STEP("9.b");
        e = 0;
    } else {
        STEP("10");
        STEP("10.a");
        if (!fractionDigits.is_undefined()) {
            STEP("10.a.i");
            Integer n;
            exponential_digits(x, int(f), n, e);
            m = decimal_string(n);
        } else {
            STEP("10.b");
            STEP("10.b.i");
            // The shortest digits that round-trip, closest to x (the #2
            // variant); std::to_chars gives exactly those.
            char buffer[64];
            auto result = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::scientific);
            std::string text(buffer, result.ptr);  // d[.ddd]e±XX
            size_t at = text.find('e');
            for (size_t i = 0; i < at; ++i)
                if (text[i] != '.') m.push_back(text[i]);
            e = std::stoi(text.substr(at + 1));
            STEP("10.b.ii");
            f = double(m.size() - 1);
        }
        STEP("10.c");
    }
    STEP("11");
    if (f != 0) {
        STEP("11.a");
        STEP("11.b");
        STEP("11.c");
        m = m.substr(0, 1) + "." + m.substr(1);
    }
    std::string c, d;
    STEP("12");
    if (e == 0) {
        STEP("12.a");
        c = "+";
        STEP("12.b");
        d = "0";
    } else {
        STEP("13");
        STEP("13.a");
        if (e > 0) {
            STEP("13.a.i");
            c = "+";
        } else {
            STEP("13.b");
            STEP("13.b.i");
            SPEC_ASSERT(e < 0);
            STEP("13.b.ii");
            c = "-";
            STEP("13.b.iii");
            e = -e;
        }
        STEP("13.c");
        d = std::to_string(e);
    }
    STEP("14");
    m = m + "e" + c + d;
    STEP("15");
    return ascii_value(agent, s + m);
}

// §21.1.3.3 Number.prototype.toFixed ( fractionDigits )
ThrowCompletionOr<Value> Number_prototype_toFixed(Agent& agent, BuiltinFunction&, Value thisValue, Arguments arguments,
                                                  Object*)
{
    SPEC_ALGORITHM("sec-number.prototype.tofixed");
    Value fractionDigits = argument(arguments, 0);
    STEP("1");
    double x = TRY(ThisNumberValue(agent, thisValue));
    STEP("2");
    double f = TRY(ToIntegerOrInfinity(agent, fractionDigits));
    STEP("3");
    SPEC_ASSERT(!fractionDigits.is_undefined() || f == 0);
    STEP("4");
    if (!std::isfinite(f)) return throw_range_error(agent, "toFixed() digits argument must be between 0 and 100");
    STEP("5");
    if (f < 0 || f > 100) return throw_range_error(agent, "toFixed() digits argument must be between 0 and 100");
    STEP("6");
    if (!std::isfinite(x)) return make_string(agent.heap, Number::toString(x, 10));
    STEP("7");
    STEP("8");
    std::string s;
    STEP("9");
    if (x < 0) {
        STEP("9.a");
        s = "-";
        STEP("9.b");
        x = -x;
    }
    std::string m;
    STEP("10");
    if (x >= 1e21) {
        STEP("10.a");
        m = MUST(ToString(agent, Value::number(x)))->to_utf8();
    } else {
        STEP("11");
        STEP("11.a");
        Integer n = 0;
        if (x != 0) {
            Rational value = exact_value(x);
            n = round_half_up(value.num * power_of_ten(int(f)), value.den);
        }
        STEP("11.b");
        m = n == 0 ? "0" : decimal_string(n);
        STEP("11.c");
        if (f != 0) {
            STEP("11.c.i");
            size_t k = m.size();
            STEP("11.c.ii");
            if (k <= size_t(f)) {
                STEP("11.c.ii.1");
                std::string z(size_t(f) + 1 - k, '0');
                STEP("11.c.ii.2");
                m = z + m;
                STEP("11.c.ii.3");
                k = size_t(f) + 1;
            }
            STEP("11.c.iii");
            std::string a = m.substr(0, k - size_t(f));
            STEP("11.c.iv");
            std::string b = m.substr(k - size_t(f));
            STEP("11.c.v");
            m = a + "." + b;
        }
    }
    STEP("12");
    return ascii_value(agent, s + m);
}

// §21.1.3.4 Number.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
// Without ECMA-402 the result is implementation-defined; the Number's
// ToString is a faithful locale-neutral representation.
ThrowCompletionOr<Value> Number_prototype_toLocaleString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                         Object*)
{
    double x = TRY(ThisNumberValue(agent, thisValue));
    return make_string(agent.heap, Number::toString(x, 10));
}

// §21.1.3.5 Number.prototype.toPrecision ( precision )
ThrowCompletionOr<Value> Number_prototype_toPrecision(Agent& agent, BuiltinFunction&, Value thisValue,
                                                      Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-number.prototype.toprecision");
    Value precision = argument(arguments, 0);
    STEP("1");
    double x = TRY(ThisNumberValue(agent, thisValue));
    STEP("2");
    if (precision.is_undefined()) return MUST(ToString(agent, Value::number(x)));
    STEP("3");
    double p = TRY(ToIntegerOrInfinity(agent, precision));
    STEP("4");
    if (!std::isfinite(x)) return make_string(agent.heap, Number::toString(x, 10));
    STEP("5");
    if (p < 1 || p > 100) return throw_range_error(agent, "toPrecision() argument must be between 1 and 100");
    int P = int(p);
    STEP("6");
    STEP("7");
    std::string s;
    STEP("8");
    if (x < 0) {
        STEP("8.a");
        s = "-";
        STEP("8.b");
        x = -x;
    }
    std::string m;
    int e;
    STEP("9");
    if (x == 0) {
        STEP("9.a");
        m = std::string(size_t(P), '0');
        STEP("9.b");
        e = 0;
    } else {
        STEP("10");
        STEP("10.a");
        Integer n;
        exponential_digits(x, P - 1, n, e);
        STEP("10.b");
        m = decimal_string(n);
        STEP("10.c");
        if (e < -6 || e >= P) {
            STEP("10.c.i");
            SPEC_ASSERT(e != 0);
            STEP("10.c.ii");
            if (P != 1) {
                STEP("10.c.ii.1");
                STEP("10.c.ii.2");
                STEP("10.c.ii.3");
                m = m.substr(0, 1) + "." + m.substr(1);
            }
            std::string c;
            STEP("10.c.iii");
            if (e > 0) {
                STEP("10.c.iii.1");
                c = "+";
            } else {
                STEP("10.c.iv");
                STEP("10.c.iv.1");
                SPEC_ASSERT(e < 0);
                STEP("10.c.iv.2");
                c = "-";
                STEP("10.c.iv.3");
                e = -e;
            }
            STEP("10.c.v");
            std::string d = std::to_string(e);
            STEP("10.c.vi");
            return ascii_value(agent, s + m + "e" + c + d);
        }
    }
    STEP("11");
    if (e == P - 1) return ascii_value(agent, s + m);
    STEP("12");
    if (e >= 0) {
        STEP("12.a");
        m = m.substr(0, size_t(e) + 1) + "." + m.substr(size_t(e) + 1);
    } else {
        STEP("13");
        STEP("13.a");
        m = "0." + std::string(size_t(-(e + 1)), '0') + m;
    }
    STEP("14");
    return ascii_value(agent, s + m);
}

// §21.1.3.6 Number.prototype.toString ( [ radix ] )
ThrowCompletionOr<Value> Number_prototype_toString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments arguments,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-number.prototype.tostring");
    Value radix = argument(arguments, 0);
    STEP("1");
    double x = TRY(ThisNumberValue(agent, thisValue));
    double radixMV;
    STEP("2");
    if (radix.is_undefined()) {
        radixMV = 10;
    } else {
        STEP("3");
        radixMV = TRY(ToIntegerOrInfinity(agent, radix));
    }
    STEP("4");
    if (radixMV < 2 || radixMV > 36) return throw_range_error(agent, "toString() radix must be between 2 and 36");
    STEP("5");
    return make_string(agent.heap, Number::toString(x, unsigned(radixMV)));
}

// §21.1.3.7 Number.prototype.valueOf ( )
ThrowCompletionOr<Value> Number_prototype_valueOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-number.prototype.valueof");
    STEP("1");
    return Value::number(TRY(ThisNumberValue(agent, thisValue)));
}

}  // namespace

void CreateNumberIntrinsics(Agent& agent, Realm& realm)
{
    // §21.1.1 The Number Constructor
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, Number_constructor, 1, agent.key("Number"),
                                                         {.realm = &realm, .isConstructor = true});
    realm.set_intrinsic(Intrinsic::Number, constructor);
    // §21.1.3: the prototype is itself a Number object whose [[NumberData]] is +0.
    auto* prototype = OrdinaryObjectCreate<NumberObject>(agent, realm.intrinsic(Intrinsic::ObjectPrototype), 0.0);
    realm.set_intrinsic(Intrinsic::NumberPrototype, prototype);
    link_constructor_and_prototype(agent, *constructor, *prototype);

    // §21.1.2 Properties of the Number Constructor
    const double infinity = std::numeric_limits<double>::infinity();
    const std::pair<const char*, double> constants[] = {
        {"EPSILON", std::numeric_limits<double>::epsilon()},
        {"MAX_SAFE_INTEGER", 9007199254740991.0},
        {"MAX_VALUE", std::numeric_limits<double>::max()},
        {"MIN_SAFE_INTEGER", -9007199254740991.0},
        {"MIN_VALUE", std::numeric_limits<double>::denorm_min()},
        {"NaN", std::numeric_limits<double>::quiet_NaN()},
        {"NEGATIVE_INFINITY", -infinity},
        {"POSITIVE_INFINITY", infinity},
    };
    for (const auto& [name, value] : constants)
        define_value_property(agent, *constructor, agent.key(name), Value::number(value), false, false, false);
    define_builtin_function(agent, realm, *constructor, "isFinite", Number_isFinite, 1);
    define_builtin_function(agent, realm, *constructor, "isInteger", Number_isInteger, 1);
    define_builtin_function(agent, realm, *constructor, "isNaN", Number_isNaN, 1);
    define_builtin_function(agent, realm, *constructor, "isSafeInteger", Number_isSafeInteger, 1);
    // §21.1.2.12-13: the same function objects as the globals.
    define_value_property(agent, *constructor, agent.key("parseFloat"), realm.intrinsic(Intrinsic::parseFloat), true,
                          false, true);
    define_value_property(agent, *constructor, agent.key("parseInt"), realm.intrinsic(Intrinsic::parseInt), true, false,
                          true);

    // §21.1.3 Properties of the Number Prototype Object
    define_builtin_function(agent, realm, *prototype, "toExponential", Number_prototype_toExponential, 1);
    define_builtin_function(agent, realm, *prototype, "toFixed", Number_prototype_toFixed, 1);
    define_builtin_function(agent, realm, *prototype, "toLocaleString", Number_prototype_toLocaleString, 0);
    define_builtin_function(agent, realm, *prototype, "toPrecision", Number_prototype_toPrecision, 1);
    define_builtin_function(agent, realm, *prototype, "toString", Number_prototype_toString, 1);
    define_builtin_function(agent, realm, *prototype, "valueOf", Number_prototype_valueOf, 0);
}

}  // namespace lockstep
