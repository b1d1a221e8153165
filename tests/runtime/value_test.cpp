#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "fixture.h"
#include "runtime/number.h"
#include "runtime/property_key.h"
#include "runtime/symbol.h"

namespace lockstep::testing {
namespace {

TEST(Value, IsEightBytesAndDefaultsToUndefined)
{
    EXPECT_EQ(sizeof(Value), 8u);
    EXPECT_TRUE(Value().is_undefined());
    EXPECT_EQ(Value().type(), Type::Undefined);
}

TEST(Value, PrimitiveTypes)
{
    EXPECT_EQ(Value::null().type(), Type::Null);
    EXPECT_EQ(Value::boolean(true).type(), Type::Boolean);
    EXPECT_TRUE(Value::boolean(true).as_bool());
    EXPECT_FALSE(Value::boolean(false).as_bool());
    EXPECT_EQ(Value::number(1.5).type(), Type::Number);
    EXPECT_EQ(Value::number(1.5).as_number(), 1.5);
    EXPECT_TRUE(Value::empty().is_empty());
    EXPECT_FALSE(Value::empty().is_undefined());
}

TEST(Value, EveryNumberStaysANumber)
{
    const double cases[] = {0.0, -0.0, std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::denorm_min(), -std::numeric_limits<double>::max(), -1.0};
    for (double d : cases) {
        Value v = Value::number(d);
        EXPECT_TRUE(v.is_number()) << d;
        EXPECT_EQ(std::bit_cast<uint64_t>(v.as_number()), std::bit_cast<uint64_t>(d));
    }
    // Every NaN, whatever its bits, is the one canonical NaN.
    double negative_nan = std::bit_cast<double>(uint64_t(0xFFF8'0000'0000'0001));
    Value nan = Value::number(negative_nan);
    EXPECT_TRUE(nan.is_number());
    EXPECT_TRUE(std::isnan(nan.as_number()));
    EXPECT_TRUE(nan.is_identical(Value::number(std::nan(""))));
}

TEST_F(RuntimeTest, CellValuesRoundTrip)
{
    String* s = make_string_from_ascii(agent.heap, "abc");
    Object* o = new_object();
    Symbol* sym = agent.well_known_symbol(WellKnownSymbol::iterator);
    EXPECT_EQ(Value(s).type(), Type::String);
    EXPECT_EQ(Value(s).as_string(), s);
    EXPECT_EQ(Value(o).type(), Type::Object);
    EXPECT_EQ(Value(o).as_object(), o);
    EXPECT_EQ(Value(sym).type(), Type::Symbol);
    EXPECT_EQ(sym->Description.as_string()->to_utf8(), "Symbol.iterator");
}

TEST_F(RuntimeTest, SameValueFamily)
{
    Value nan = Value::number(NAN), zero = Value::number(0.0), minus_zero = Value::number(-0.0);
    EXPECT_TRUE(SameValue(nan, nan));
    EXPECT_FALSE(SameValue(zero, minus_zero));
    EXPECT_TRUE(SameValueZero(zero, minus_zero));
    EXPECT_TRUE(SameValueZero(nan, nan));
    EXPECT_FALSE(SameValue(Value::number(1), str("1")));
    EXPECT_TRUE(SameValue(str("same"), str("same")));  // two cells, same code units
    EXPECT_FALSE(SameValue(str("same"), str("Same")));
    EXPECT_TRUE(SameValue(Value::null(), Value::null()));
    EXPECT_FALSE(SameValue(Value::null(), Value::undefined()));
    EXPECT_FALSE(SameValue(new_object(), new_object()));
    Value sym = agent.heap.allocate<Symbol>(Value::undefined());
    EXPECT_TRUE(SameValue(sym, sym));
    EXPECT_FALSE(SameValue(sym, agent.heap.allocate<Symbol>(Value::undefined())));
}

TEST_F(RuntimeTest, StringsAreUtf16)
{
    String* s = make_string_from_utf8(agent.heap, "a\xF0\x9F\x98\x80");  // a + U+1F600
    EXPECT_EQ(s->length(), 3u);
    EXPECT_EQ((*s)[1], 0xD83D);
    EXPECT_EQ((*s)[2], 0xDE00);
    EXPECT_EQ(s->to_utf8(), "a\xF0\x9F\x98\x80");
    String* lone = make_string(agent.heap, std::u16string(1, char16_t(0xD800)));
    EXPECT_EQ(lone->to_utf8(), "\xEF\xBF\xBD");
}

TEST_F(RuntimeTest, PropertyKeysInternStringsAndKeepArrayIndicesNumeric)
{
    PropertyKey a = key("foo"), b = PropertyKey::from_string(agent.heap, *make_string_from_ascii(agent.heap, "foo"));
    EXPECT_TRUE(a == b);
    EXPECT_TRUE(a.as_string()->is_interned());
    EXPECT_TRUE(key("0").is_array_index());
    EXPECT_EQ(key("4294967294").as_array_index(), 4294967294u);
    EXPECT_FALSE(key("4294967295").is_array_index());  // 2^32 - 1 is not an array index
    EXPECT_FALSE(key("01").is_array_index());
    EXPECT_FALSE(key("-0").is_array_index());
    EXPECT_TRUE(key("7") == PropertyKey::from_array_index(7));
    EXPECT_TRUE(key("7").is_string());
    EXPECT_EQ(PropertyKey::from_array_index(42).to_value(agent.heap).as_string()->to_utf8(), "42");
    PropertyKey sym = agent.well_known_symbol(WellKnownSymbol::toStringTag);
    EXPECT_TRUE(sym.is_symbol());
    EXPECT_FALSE(sym.is_string());
}

std::string number_to_string(double x, unsigned radix = 10)
{
    return utf16_to_utf8(Number::toString(x, radix));
}

TEST(NumberToString, SpecCornerCases)
{
    EXPECT_EQ(number_to_string(1e21), "1e+21");
    EXPECT_EQ(number_to_string(1e20), "100000000000000000000");
    EXPECT_EQ(number_to_string(1e-7), "1e-7");
    EXPECT_EQ(number_to_string(1e-6), "0.000001");
    EXPECT_EQ(number_to_string(-0.0), "0");
    EXPECT_EQ(number_to_string(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(number_to_string(5e-324), "5e-324");
    EXPECT_EQ(number_to_string(NAN), "NaN");
    EXPECT_EQ(number_to_string(INFINITY), "Infinity");
    EXPECT_EQ(number_to_string(-INFINITY), "-Infinity");
    EXPECT_EQ(number_to_string(123.456), "123.456");
    EXPECT_EQ(number_to_string(-1.5e300), "-1.5e+300");
    EXPECT_EQ(number_to_string(1.7976931348623157e308), "1.7976931348623157e+308");
    EXPECT_EQ(number_to_string(123456789012345680000.0), "123456789012345680000");
    EXPECT_EQ(number_to_string(42), "42");
}

TEST(NumberToString, OtherRadices)
{
    EXPECT_EQ(number_to_string(255, 16), "ff");
    EXPECT_EQ(number_to_string(-255, 2), "-11111111");
    EXPECT_EQ(number_to_string(0.5, 2), "0.1");
    EXPECT_EQ(number_to_string(0.25, 2), "0.01");
    EXPECT_EQ(number_to_string(3.75, 16), "3.c");
    EXPECT_EQ(number_to_string(35, 36), "z");
    EXPECT_EQ(number_to_string(0.1, 3), "0.0022002200220022002200220022002201");
    // V8 prints "5v1j4f4ds7c000", which does not round-trip to 1e21; these
    // are the shortest digits that do (step 5).
    EXPECT_EQ(number_to_string(1e21, 36), "5v1j4f4ds7a000");
    EXPECT_EQ(number_to_string(0.3, 7), "0.2046204620462046205");
    EXPECT_EQ(number_to_string(123.456, 36), "3f.gez4w97ry");
    EXPECT_EQ(number_to_string(-0.0000001, 5), "-0.000000000044201334330402232142411");
    EXPECT_EQ(number_to_string(1e21, 2).find('e'), std::string::npos);  // no exponent form outside radix 10
    EXPECT_EQ(number_to_string(1e21, 2).size(), 70u);
}

}  // namespace
}  // namespace lockstep::testing
