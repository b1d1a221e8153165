// §7.1 Type Conversion: the tricky corners.
#include <cmath>
#include <limits>

#include "builtins_fixture.h"
#include "runtime/bigint.h"

namespace lockstep::testing {
namespace {

class TypeConversionTest : public BuiltinsTest {
protected:
    double to_number(const char* text) { return MUST(ToNumber(agent, str(text))); }
    std::string number_text(double d) { return text(Value::number(d)); }
};

bool is_negative_zero(double d) { return d == 0 && std::signbit(d); }

TEST_F(TypeConversionTest, StringToNumberGrammar)
{
    EXPECT_EQ(to_number(""), 0);
    EXPECT_EQ(to_number(" \t\n\u00A0\uFEFF\u2028 "), 0);
    EXPECT_EQ(to_number("  42  "), 42);
    EXPECT_EQ(to_number("+1.5e3"), 1500);
    EXPECT_EQ(to_number(".5"), 0.5);
    EXPECT_EQ(to_number("5."), 5);
    EXPECT_EQ(to_number("0x1F"), 31);
    EXPECT_EQ(to_number("0B101"), 5);
    EXPECT_EQ(to_number("0o17"), 15);
    EXPECT_EQ(to_number("-Infinity"), -std::numeric_limits<double>::infinity());
    EXPECT_TRUE(is_negative_zero(to_number("-0")));
    EXPECT_TRUE(is_negative_zero(to_number("-0.0e5")));
    // Not StringNumericLiterals.
    for (const char* bad : {"-0x10", "0x", "1_000", "1n", "infinity", "Infinityx", "1e", "e5", ".", "+", "0b2", "1 2",
                            "--1", "inf", "nan", "0x1.8"})
        EXPECT_TRUE(std::isnan(to_number(bad))) << bad;
}

TEST_F(TypeConversionTest, StringToNumberRoundsCorrectly)
{
    EXPECT_EQ(to_number("0.1"), 0.1);
    EXPECT_EQ(to_number("9007199254740993"), 9007199254740992.0);  // tie to even
    EXPECT_EQ(to_number("9007199254740995"), 9007199254740996.0);
    EXPECT_EQ(to_number("1e309"), std::numeric_limits<double>::infinity());
    EXPECT_EQ(to_number("1e-400"), 0);
    EXPECT_EQ(to_number("1e99999999999999999999"), std::numeric_limits<double>::infinity());
    EXPECT_EQ(to_number("0.0000001e-99999999999999999999"), 0);
    EXPECT_EQ(to_number("5e-324"), std::numeric_limits<double>::denorm_min());
    EXPECT_EQ(to_number("2.4703282292062328e-324"), std::numeric_limits<double>::denorm_min());
    // Hex beyond 2^53 rounds to nearest, ties to even.
    EXPECT_EQ(to_number("0x20000000000001"), 9007199254740992.0);
    EXPECT_EQ(to_number("0x20000000000003"), 9007199254740996.0);
    EXPECT_EQ(to_number("0x200000000000011"), 144115188075855904.0);  // 2^57 + 17: above the tie, rounds up
}

TEST_F(TypeConversionTest, ToNumberOfOtherTypes)
{
    EXPECT_TRUE(std::isnan(MUST(ToNumber(agent, Value::undefined()))));
    EXPECT_EQ(MUST(ToNumber(agent, Value::null())), 0);
    EXPECT_EQ(MUST(ToNumber(agent, Value::boolean(true))), 1);
    EXPECT_TRUE(ToNumber(agent, BigInt::create(agent.heap, 1)).is_abrupt());
    EXPECT_TRUE(ToNumber(agent, agent.well_known_symbol(WellKnownSymbol::iterator)).is_abrupt());
}

TEST_F(TypeConversionTest, IntegerConversions)
{
    EXPECT_EQ(MUST(ToInt32(agent, num(4294967296.0 + 5))), 5);
    EXPECT_EQ(MUST(ToInt32(agent, num(2147483648.0))), -2147483647 - 1);
    EXPECT_EQ(MUST(ToInt32(agent, num(-1.9))), -1);
    EXPECT_EQ(MUST(ToInt32(agent, num(std::numeric_limits<double>::infinity()))), 0);
    EXPECT_EQ(MUST(ToUint32(agent, num(-1))), 4294967295u);
    EXPECT_EQ(MUST(ToUint32(agent, num(1e20))), uint32_t(1e20 - 4294967296.0 * std::floor(1e20 / 4294967296.0)));
    EXPECT_EQ(MUST(ToInt16(agent, num(32768))), -32768);
    EXPECT_EQ(MUST(ToUint16(agent, num(-1))), 65535);
    EXPECT_EQ(MUST(ToInt8(agent, num(255))), -1);
    EXPECT_EQ(MUST(ToUint8(agent, num(257.9))), 1);
    EXPECT_EQ(MUST(ToUint8Clamp(agent, num(2.5))), 2);  // ties to even
    EXPECT_EQ(MUST(ToUint8Clamp(agent, num(3.5))), 4);
    EXPECT_EQ(MUST(ToUint8Clamp(agent, num(-3))), 0);
    EXPECT_EQ(MUST(ToUint8Clamp(agent, num(300))), 255);
    EXPECT_EQ(MUST(ToUint8Clamp(agent, num(std::nan("")))), 0);
    EXPECT_FALSE(std::signbit(MUST(ToIntegerOrInfinity(agent, num(-0.5)))));
    EXPECT_EQ(MUST(ToLength(agent, num(1e300))), 9007199254740991.0);
    EXPECT_EQ(MUST(ToLength(agent, num(-5))), 0);
    EXPECT_EQ(MUST(ToIndex(agent, Value::undefined())), 0u);
    EXPECT_TRUE(ToIndex(agent, num(-1)).is_abrupt());
    EXPECT_TRUE(ToIndex(agent, num(9007199254740992.0)).is_abrupt());
}

TEST_F(TypeConversionTest, BigIntConversions)
{
    auto big = [&](const char* text) { return MUST(ToBigInt(agent, str(text)))->value(); };
    EXPECT_EQ(big("  -123  "), -123);
    EXPECT_EQ(big(""), 0);
    EXPECT_EQ(big("0xff"), 255);
    EXPECT_TRUE(ToBigInt(agent, str("1.5")).is_abrupt());
    EXPECT_TRUE(ToBigInt(agent, str("-0x1")).is_abrupt());
    EXPECT_TRUE(ToBigInt(agent, str("1n")).is_abrupt());
    EXPECT_TRUE(ToBigInt(agent, num(1)).is_abrupt());
    EXPECT_EQ(MUST(ToBigInt(agent, Value::boolean(true)))->value(), 1);
    EXPECT_EQ(MUST(ToBigInt64(agent, str("18446744073709551615"))), -1);
    EXPECT_EQ(MUST(ToBigInt64(agent, str("-9223372036854775809"))), INT64_MAX);
    EXPECT_EQ(MUST(ToBigUint64(agent, str("-1"))), UINT64_MAX);
}

TEST_F(TypeConversionTest, ToStringAndPropertyKeys)
{
    EXPECT_EQ(number_text(-0.0), "0");
    EXPECT_EQ(number_text(1e21), "1e+21");
    EXPECT_EQ(number_text(123456789012345680000.0), "123456789012345680000");
    EXPECT_EQ(number_text(1.5e-7), "1.5e-7");
    EXPECT_EQ(number_text(0.000001), "0.000001");
    EXPECT_EQ(text(BigInt::create(agent.heap, -42)), "-42");
    EXPECT_TRUE(ToString(agent, agent.well_known_symbol(WellKnownSymbol::iterator)).is_abrupt());
    PropertyKey index = MUST(ToPropertyKey(agent, num(7)));
    EXPECT_TRUE(index.is_array_index());
    EXPECT_EQ(index.as_array_index(), 7u);
    PropertyKey zero = MUST(ToPropertyKey(agent, num(-0.0)));  // ToString(-0) is "0"
    EXPECT_TRUE(zero.is_array_index() && zero.as_array_index() == 0);
    PropertyKey beyond = MUST(ToPropertyKey(agent, num(4294967295.0)));  // 2^32 - 1 is not an array index
    EXPECT_FALSE(beyond.is_array_index());
    EXPECT_EQ(text(beyond.to_value(agent.heap)), "4294967295");
    EXPECT_EQ(text(MUST(ToPropertyKey(agent, num(1.5))).to_value(agent.heap)), "1.5");
    EXPECT_TRUE(MUST(ToPropertyKey(agent, agent.well_known_symbol(WellKnownSymbol::iterator))).is_symbol());
}

TEST_F(TypeConversionTest, CanonicalNumericIndexString)
{
    auto canonical = [&](const char* text) {
        return CanonicalNumericIndexString(*make_string_from_utf8(agent.heap, text));
    };
    EXPECT_TRUE(is_negative_zero(*canonical("-0")));
    EXPECT_EQ(*canonical("1.5"), 1.5);
    EXPECT_TRUE(std::isnan(*canonical("NaN")));
    EXPECT_EQ(*canonical("Infinity"), std::numeric_limits<double>::infinity());
    EXPECT_FALSE(canonical("01"));
    EXPECT_FALSE(canonical("1.0"));
    EXPECT_FALSE(canonical("+1"));
}

TEST_F(TypeConversionTest, ToPrimitiveOrder)
{
    // valueOf first for ~number~, toString first for ~string~.
    Object* object = new_object();
    auto make = [&](double result) {
        auto* f = CreateBuiltinFunction(
            agent,
            [](Agent&, BuiltinFunction& F, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
                return F.slots[0];
            },
            0, key("f"), {.additionalInternalSlots = 1});
        f->slots[0] = num(result);
        return Value(f);
    };
    MUST(CreateDataPropertyOrThrow(agent, *object, key("valueOf"), make(1)));
    MUST(CreateDataPropertyOrThrow(agent, *object, key("toString"), make(2)));
    EXPECT_EQ(MUST(ToNumber(agent, object)), 1);
    EXPECT_EQ(text(object), "2");
    // @@toPrimitive wins and gets the hint; an object result is a TypeError.
    auto* exotic = CreateBuiltinFunction(
        agent,
        [](Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*) -> ThrowCompletionOr<Value> {
            return args[0];
        },
        1, key("toPrimitive"));
    MUST(CreateDataPropertyOrThrow(agent, *object, agent.well_known_symbol(WellKnownSymbol::toPrimitive), exotic));
    EXPECT_EQ(text(MUST(ToPrimitive(agent, object))), "default");
    EXPECT_EQ(text(MUST(ToPrimitive(agent, object, PreferredType::Number))), "number");
    EXPECT_EQ(text(object), "string");
    EXPECT_TRUE(ToBoolean(object));
    EXPECT_FALSE(ToBoolean(str("")));
    EXPECT_FALSE(ToBoolean(num(-0.0)));
    EXPECT_FALSE(ToBoolean(BigInt::create(agent.heap, 0)));
}

}  // namespace
}  // namespace lockstep::testing
