// §21.1 Number, §21.2 BigInt, §21.3 Math, §19.2 global functions, §20.3
// Boolean and §20.4 Symbol: exact digits and the special cases.
#include <cmath>
#include <limits>

#include "builtins_fixture.h"
#include "runtime/bigint.h"

namespace lockstep::testing {
namespace {

class NumberTest : public BuiltinsTest {
protected:
    std::string method(double x, const char* name, List<Value> arguments = {})
    {
        return text(MUST(Call(agent, get(std::string("Number.prototype.") + name), num(x), arguments.items())));
    }
    double math(const char* name, List<Value> arguments)
    {
        return MUST(call(std::string("Math.") + name, std::move(arguments))).as_number();
    }
    bool is_negative_zero(double d) { return d == 0 && std::signbit(d); }
    bool is_positive_zero(double d) { return d == 0 && !std::signbit(d); }
};

TEST_F(NumberTest, ToStringRadixIsExactShortest)
{
    auto radix = [&](double x, int r) { return method(x, "toString", {num(r)}); };
    EXPECT_EQ(radix(0.1, 2), "0.0001100110011001100110011001100110011001100110011001101");
    EXPECT_EQ(radix(0.5, 2), "0.1");
    EXPECT_EQ(radix(255.5, 16), "ff.8");
    EXPECT_EQ(radix(-255, 36), "-73");
    EXPECT_EQ(radix(1.0 / 3, 3), "0.1");
    EXPECT_EQ(radix(0.1, 3), "0.0022002200220022002200220022002201");
    EXPECT_EQ(radix(123.456, 7), "234.312256641535441");
    EXPECT_EQ(radix(0.1, 36), "0.3lllllllllm");
    EXPECT_EQ(radix(123.456, 36), "3f.gez4w97ry");
    // V8 prints "5v1j4f4ds7c000", which is not even 1e21 again; the shortest
    // digits that round-trip are these.
    EXPECT_EQ(radix(1e21, 36), "5v1j4f4ds7a000");
    EXPECT_EQ(radix(1e21, 16), "3635c9adc5dea00000");
    EXPECT_EQ(radix(std::pow(2.0, -30), 16), "0.00000004");
    EXPECT_EQ(radix(0.000001, 36), "0.0001ogs5wo29m7");  // V8: "…m8", which does not round-trip
    std::string smallest = radix(5e-324, 2);
    EXPECT_EQ(smallest.size(), 2u + 1074u);  // "0." and 1073 zeros before the 1
    EXPECT_EQ(smallest.back(), '1');
    EXPECT_EQ(radix(std::numeric_limits<double>::max(), 16).substr(0, 14), "fffffffffffff8");
    EXPECT_EQ(radix(std::nan(""), 2), "NaN");
    EXPECT_EQ(radix(-std::numeric_limits<double>::infinity(), 2), "-Infinity");
    EXPECT_EQ(thrown_name(Call(agent, get("Number.prototype.toString"), num(1), {{num(37)}})), "RangeError");
    EXPECT_EQ(thrown_name(Call(agent, get("Number.prototype.toString"), str("1"))), "TypeError");
}

TEST_F(NumberTest, ToFixedToExponentialToPrecisionAreExact)
{
    EXPECT_EQ(method(1.005, "toFixed", {num(2)}), "1.00");  // 1.005 is 1.00499999999999989…
    EXPECT_EQ(method(1.45, "toFixed", {num(1)}), "1.4");
    EXPECT_EQ(method(0.5, "toFixed", {num(0)}), "1");  // a tie picks the larger n
    EXPECT_EQ(method(2.5, "toFixed", {num(0)}), "3");
    EXPECT_EQ(method(-1.5, "toFixed", {num(0)}), "-2");
    EXPECT_EQ(method(0.000001, "toFixed", {num(7)}), "0.0000010");
    EXPECT_EQ(method(123.456, "toFixed", {num(10)}), "123.4560000000");
    EXPECT_EQ(method(1e21, "toFixed", {num(2)}), "1e+21");
    EXPECT_EQ(method(-0.0, "toFixed", {num(2)}), "0.00");
    EXPECT_EQ(method(0.1, "toFixed", {num(100)}).substr(0, 30), "0.1000000000000000055511151231");
    EXPECT_EQ(thrown_name(Call(agent, get("Number.prototype.toFixed"), num(1), {{num(101)}})), "RangeError");

    EXPECT_EQ(method(123456, "toExponential", {num(2)}), "1.23e+5");
    EXPECT_EQ(method(0, "toExponential", {num(3)}), "0.000e+0");
    EXPECT_EQ(method(1.5, "toExponential", {num(0)}), "2e+0");
    EXPECT_EQ(method(2.5, "toExponential", {num(0)}), "3e+0");
    EXPECT_EQ(method(123.456, "toExponential"), "1.23456e+2");
    EXPECT_EQ(method(5e-324, "toExponential"), "5e-324");
    EXPECT_EQ(method(9.95, "toExponential", {num(1)}), "9.9e+0");  // 9.95 is 9.949999…
    EXPECT_EQ(method(9.5, "toExponential", {num(0)}), "1e+1");      // rounding carries into a new digit
    EXPECT_EQ(method(std::numeric_limits<double>::infinity(), "toExponential", {num(1000)}), "Infinity");
    EXPECT_EQ(thrown_name(Call(agent, get("Number.prototype.toExponential"), num(1), {{num(-1)}})), "RangeError");

    EXPECT_EQ(method(123.456, "toPrecision", {num(4)}), "123.5");
    EXPECT_EQ(method(0.000123, "toPrecision", {num(2)}), "0.00012");
    EXPECT_EQ(method(1e21, "toPrecision", {num(3)}), "1.00e+21");
    EXPECT_EQ(method(123456, "toPrecision", {num(2)}), "1.2e+5");
    EXPECT_EQ(method(0, "toPrecision", {num(3)}), "0.00");
    EXPECT_EQ(method(99.99, "toPrecision", {num(3)}), "100");
    EXPECT_EQ(method(1.25, "toPrecision", {num(2)}), "1.3");
    EXPECT_EQ(method(0.0000001, "toPrecision", {num(1)}), "1e-7");
    EXPECT_EQ(method(1.5, "toPrecision"), "1.5");
    EXPECT_EQ(thrown_name(Call(agent, get("Number.prototype.toPrecision"), num(1), {{num(0)}})), "RangeError");
}

TEST_F(NumberTest, ConstructorAndStatics)
{
    EXPECT_EQ(MUST(call("Number", {str(" 0x10 ")})).as_number(), 16);
    EXPECT_EQ(MUST(call("Number", {BigInt::create(agent.heap, BigInt::Integer("9007199254740993"))})).as_number(),
              9007199254740992.0);
    EXPECT_TRUE(is_positive_zero(MUST(call("Number", {})).as_number()));
    Value wrapped = MUST(Construct(agent, *get("Number").as_object(), {{num(4)}}));
    EXPECT_EQ(MUST(Call(agent, get("Number.prototype.valueOf"), wrapped)).as_number(), 4);
    EXPECT_TRUE(MUST(call("Number.isInteger", {num(5)})).as_bool());
    EXPECT_FALSE(MUST(call("Number.isInteger", {num(5.5)})).as_bool());
    EXPECT_FALSE(MUST(call("Number.isSafeInteger", {num(9007199254740992.0)})).as_bool());
    EXPECT_FALSE(MUST(call("Number.isNaN", {str("NaN")})).as_bool());
    EXPECT_TRUE(MUST(call("isNaN", {str("NaN")})).as_bool());
    EXPECT_FALSE(MUST(call("Number.isFinite", {str("1")})).as_bool());
    EXPECT_TRUE(MUST(call("isFinite", {str("1")})).as_bool());
    EXPECT_TRUE(SameValue(get("Number.parseInt"), get("parseInt")));
    EXPECT_TRUE(SameValue(get("Number.parseFloat"), get("parseFloat")));
    EXPECT_EQ(get("Number.MIN_VALUE").as_number(), 5e-324);
    EXPECT_EQ(get("Number.EPSILON").as_number(), std::pow(2.0, -52));
}

TEST_F(NumberTest, ParseIntAndParseFloat)
{
    EXPECT_EQ(MUST(call("parseInt", {str("0x1f")})).as_number(), 31);
    EXPECT_EQ(MUST(call("parseInt", {str(" \n -12abc")})).as_number(), -12);
    EXPECT_EQ(MUST(call("parseInt", {str("123"), num(5)})).as_number(), 38);
    EXPECT_EQ(MUST(call("parseInt", {str("1e3")})).as_number(), 1);
    EXPECT_EQ(MUST(call("parseInt", {str("zz"), num(36)})).as_number(), 1295);
    EXPECT_EQ(MUST(call("parseInt", {str("900719925474099267")})).as_number(), 900719925474099300.0);
    EXPECT_TRUE(std::isnan(MUST(call("parseInt", {str("0x")})).as_number()));
    EXPECT_TRUE(std::isnan(MUST(call("parseInt", {str("10"), num(37)})).as_number()));
    EXPECT_TRUE(is_negative_zero(MUST(call("parseInt", {str("-0")})).as_number()));
    EXPECT_EQ(MUST(call("parseInt", {str("11"), num(4294967298.0)})).as_number(), 3);  // ToInt32(2^32 + 2) = 2
    EXPECT_EQ(MUST(call("parseFloat", {str("  -.5e-3xyz")})).as_number(), -0.0005);
    EXPECT_EQ(MUST(call("parseFloat", {str("Infinityx")})).as_number(), std::numeric_limits<double>::infinity());
    EXPECT_EQ(MUST(call("parseFloat", {str("1e")})).as_number(), 1);
    EXPECT_EQ(MUST(call("parseFloat", {str("1e1000")})).as_number(), std::numeric_limits<double>::infinity());
    EXPECT_EQ(MUST(call("parseFloat", {str("0x10")})).as_number(), 0);
    EXPECT_TRUE(std::isnan(MUST(call("parseFloat", {str(".e1")})).as_number()));
    EXPECT_TRUE(is_negative_zero(MUST(call("parseFloat", {str("-0")})).as_number()));
}

TEST_F(NumberTest, UriFunctions)
{
    EXPECT_EQ(text(MUST(call("encodeURIComponent", {str("a b&\xC3\xBC\xF0\x9F\x98\x80")}))),
              "a%20b%26%C3%BC%F0%9F%98%80");
    EXPECT_EQ(text(MUST(call("encodeURI", {str("http://x/a b?c=d#e")}))), "http://x/a%20b?c=d#e");
    EXPECT_EQ(text(MUST(call("decodeURIComponent", {str("%E2%82%AC")}))), "\xE2\x82\xAC");
    EXPECT_EQ(text(MUST(call("decodeURI", {str("%23%41")}))), "%23A");  // '#' is preserved, 'A' is not
    // A lone surrogate cannot be encoded; malformed escapes and UTF-8 cannot be decoded.
    Value lone = make_string(agent.heap, std::u16string(1, char16_t(0xD800)));
    EXPECT_EQ(thrown_name(call("encodeURIComponent", {lone})), "URIError");
    for (const char* bad : {"%", "%4", "%G0", "%C0%80", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%80", "%E2%82%41"})
        EXPECT_EQ(thrown_name(call("decodeURIComponent", {str(bad)})), "URIError") << bad;
}

TEST_F(NumberTest, AnnexBEscapeAndUnescape)
{
    Value text16 = make_string(agent.heap, u"a b\u00E9\u20AC@*_+-./");
    EXPECT_EQ(text(MUST(call("escape", {text16}))), "a%20b%E9%u20AC@*_+-./");
    EXPECT_EQ(text(MUST(call("unescape", {str("%u20AC%41%4g%u12%")}))), "\xE2\x82\xAC" "A%4g%u12%");
    EXPECT_EQ(text(MUST(call("unescape", {str("%u004")}))), "%u004");  // too short for %u: %u0 is not two hex digits
    EXPECT_EQ(thrown_name(call("escape", {agent.well_known_symbol(WellKnownSymbol::iterator)})), "TypeError");
}

TEST_F(NumberTest, MathSpecialCases)
{
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(math("round", {num(0.49999999999999994)}), 0);
    EXPECT_TRUE(is_negative_zero(math("round", {num(-0.5)})));
    EXPECT_EQ(math("round", {num(2.5)}), 3);
    EXPECT_EQ(math("round", {num(-2.5)}), -2);
    EXPECT_EQ(math("round", {num(4503599627370495.5)}), 4503599627370496.0);
    EXPECT_TRUE(is_negative_zero(math("ceil", {num(-0.5)})));
    EXPECT_TRUE(is_negative_zero(math("trunc", {num(-0.9)})));
    EXPECT_TRUE(is_negative_zero(math("max", {num(-0.0), num(-0.0)})));
    EXPECT_TRUE(is_positive_zero(math("max", {num(-0.0), num(0.0)})));
    EXPECT_TRUE(is_negative_zero(math("min", {num(0.0), num(-0.0)})));
    EXPECT_EQ(math("max", {}), -inf);
    EXPECT_TRUE(std::isnan(math("max", {num(1), num(std::nan(""))})));
    EXPECT_EQ(math("hypot", {num(3), num(4)}), 5);
    EXPECT_EQ(math("hypot", {num(std::nan("")), num(inf)}), inf);
    EXPECT_TRUE(is_positive_zero(math("hypot", {num(-0.0)})));
    EXPECT_EQ(math("hypot", {num(1e300), num(1e300)}), 1e300 * std::sqrt(2.0));
    EXPECT_EQ(math("fround", {num(5.05)}), 5.050000190734863);
    EXPECT_EQ(math("f16round", {num(5.05)}), 5.05078125);
    EXPECT_EQ(math("f16round", {num(65519.99)}), 65504);
    EXPECT_EQ(math("f16round", {num(65520)}), inf);
    EXPECT_EQ(math("f16round", {num(std::pow(2.0, -25))}), 0);  // a tie with 0: even
    EXPECT_EQ(math("f16round", {num(std::pow(2.0, -25) * 1.5)}), std::pow(2.0, -24));
    EXPECT_EQ(math("clz32", {num(1)}), 31);
    EXPECT_EQ(math("clz32", {num(0)}), 32);
    EXPECT_EQ(math("imul", {num(0xffffffff), num(5)}), -5);
    EXPECT_TRUE(std::isnan(math("pow", {num(1), num(inf)})));
    EXPECT_TRUE(is_negative_zero(math("pow", {num(-0.0), num(3)})));
    EXPECT_EQ(math("pow", {num(-inf), num(-3)}), 0);
    EXPECT_TRUE(is_negative_zero(math("atan2", {num(-0.0), num(0.0)})));
    EXPECT_EQ(math("atan2", {num(0.0), num(-0.0)}), M_PI);
    EXPECT_EQ(math("atanh", {num(1)}), inf);
    EXPECT_TRUE(is_negative_zero(math("sign", {num(-0.0)})));
    EXPECT_EQ(math("expm1", {num(-inf)}), -1);
    EXPECT_TRUE(std::isnan(math("cos", {num(inf)})));
    EXPECT_TRUE(is_positive_zero(math("acos", {num(1)})));
    EXPECT_EQ(math("sqrt", {num(2)}), std::sqrt(2.0));
    EXPECT_EQ(math("cbrt", {num(27)}), 3);
    EXPECT_EQ(math("cbrt", {num(-1000)}), -10);
    for (int i = 0; i < 100; ++i) {
        double r = math("random", {});
        EXPECT_TRUE(r >= 0 && r < 1);
    }
    EXPECT_EQ(text(MUST(Call(agent, get("Object.prototype.toString"), get("Math")))), "[object Math]");
    EXPECT_EQ(MUST(Get(agent, *get("Math.max").as_object(), agent.names.length)).as_number(), 2);
}

TEST_F(NumberTest, BigIntBuiltins)
{
    auto big = [&](const char* digits) { return Value(BigInt::create(agent.heap, BigInt::Integer(digits))); };
    EXPECT_EQ(text(MUST(call("BigInt.asIntN", {num(8), big("255")}))), "-1");
    EXPECT_EQ(text(MUST(call("BigInt.asUintN", {num(8), big("-1")}))), "255");
    EXPECT_EQ(text(MUST(call("BigInt.asIntN", {num(64), big("9223372036854775808")}))), "-9223372036854775808");
    EXPECT_EQ(text(MUST(call("BigInt.asIntN", {num(0), big("5")}))), "0");
    EXPECT_EQ(text(MUST(call("BigInt.asUintN", {num(9007199254740991.0), big("5")}))), "5");
    EXPECT_EQ(text(MUST(call("BigInt.asIntN", {num(9007199254740991.0), big("-5")}))), "-5");
    EXPECT_EQ(thrown_name(call("BigInt.asUintN", {num(-1), big("5")})), "RangeError");
    EXPECT_EQ(text(MUST(call("BigInt", {num(1e21)}))), "1000000000000000000000");
    EXPECT_EQ(thrown_name(call("BigInt", {num(1.5)})), "RangeError");
    EXPECT_EQ(thrown_name(call("BigInt", {str("1.5")})), "SyntaxError");
    EXPECT_EQ(thrown_name(Construct(agent, *get("BigInt").as_object(), {{num(1)}})), "TypeError");
    EXPECT_EQ(text(MUST(Call(agent, get("BigInt.prototype.toString"), big("-255"), {{num(16)}}))), "-ff");
    EXPECT_EQ(text(MUST(Call(agent, get("Object.prototype.toString"), big("1")))), "[object BigInt]");
}

TEST_F(NumberTest, BooleanAndSymbol)
{
    EXPECT_FALSE(MUST(call("Boolean", {str("")})).as_bool());
    Value wrapped = MUST(Construct(agent, *get("Boolean").as_object(), {{num(1)}}));
    EXPECT_TRUE(wrapped.is_object());
    EXPECT_EQ(text(MUST(Call(agent, get("Boolean.prototype.toString"), wrapped))), "true");
    EXPECT_EQ(thrown_name(Call(agent, get("Boolean.prototype.valueOf"), num(1))), "TypeError");

    Value a = MUST(call("Symbol.for", {str("app")}));
    Value b = MUST(call("Symbol.for", {str("app")}));
    EXPECT_TRUE(SameValue(a, b));
    EXPECT_EQ(text(MUST(call("Symbol.keyFor", {a}))), "app");
    Value unique = MUST(call("Symbol", {str("app")}));
    EXPECT_FALSE(SameValue(a, unique));
    EXPECT_TRUE(MUST(call("Symbol.keyFor", {unique})).is_undefined());
    EXPECT_EQ(thrown_name(call("Symbol.keyFor", {str("app")})), "TypeError");
    EXPECT_EQ(text(MUST(Call(agent, get("Symbol.prototype.toString"), unique))), "Symbol(app)");
    EXPECT_EQ(text(MUST(Call(agent, get("Symbol.prototype.toString"), MUST(call("Symbol", {}))))), "Symbol()");
    Object& prototype = *get("Symbol.prototype").as_object();
    PropertyDescriptor description = *MUST(prototype.GetOwnProperty(agent, key("description")));
    EXPECT_TRUE(MUST(Call(agent, *description.get, MUST(call("Symbol", {})))).is_undefined());
    EXPECT_EQ(text(MUST(Call(agent, *description.get, MUST(ToObject(agent, unique))))), "app");
    EXPECT_TRUE(SameValue(get("Symbol.iterator"), agent.well_known_symbol(WellKnownSymbol::iterator)));
    EXPECT_EQ(thrown_name(Construct(agent, *get("Symbol").as_object())), "TypeError");
    // A Symbol wrapper converts back through @@toPrimitive; a Symbol never converts to a string implicitly.
    EXPECT_TRUE(SameValue(MUST(ToPrimitive(agent, MUST(ToObject(agent, unique)))), unique));
    EXPECT_EQ(thrown_name(ToString(agent, unique)), "TypeError");
}

}  // namespace
}  // namespace lockstep::testing
