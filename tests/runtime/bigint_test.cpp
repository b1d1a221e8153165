#include <gtest/gtest.h>

#include "fixture.h"
#include "runtime/bigint.h"

namespace lockstep::testing {
namespace {

class BigIntTest : public RuntimeTest {
protected:
    BigInt* big(const char* decimal) { return BigInt::create(agent.heap, BigInt::Integer(decimal)); }
    static std::string text(const BigInt* x, unsigned radix = 10) { return utf16_to_utf8(BigInt::toString(*x, radix)); }
};

TEST_F(BigIntTest, Arithmetic)
{
    BigInt* a = big("123456789012345678901234567890");
    BigInt* b = big("987654321098765432109876543210");
    EXPECT_EQ(text(BigInt::add(agent.heap, *a, *b)), "1111111110111111111011111111100");
    EXPECT_EQ(text(BigInt::subtract(agent.heap, *a, *b)), "-864197532086419753208641975320");
    EXPECT_EQ(text(BigInt::multiply(agent.heap, *a, *b)),
              "121932631137021795226185032733622923332237463801111263526900");
    EXPECT_EQ(text(BigInt::unaryMinus(agent.heap, *big("0"))), "0");
    EXPECT_EQ(text(BigInt::bitwiseNOT(agent.heap, *big("5"))), "-6");
    EXPECT_TRUE(BigInt::lessThan(*a, *b));
    EXPECT_TRUE(BigInt::equal(*big("42"), *big("42")));
}

TEST_F(BigIntTest, DivisionTruncatesAndRemainderTakesTheDividendsSign)
{
    EXPECT_EQ(text(MUST(BigInt::divide(agent, *big("-7"), *big("2")))), "-3");
    EXPECT_EQ(text(MUST(BigInt::remainder(agent, *big("-7"), *big("2")))), "-1");
    EXPECT_EQ(text(MUST(BigInt::remainder(agent, *big("7"), *big("-2")))), "1");
    auto by_zero = BigInt::divide(agent, *big("1"), *big("0"));
    ASSERT_TRUE(by_zero.is_abrupt());
    EXPECT_EQ(message_of(by_zero.thrown_value()), "Division by zero");
}

TEST_F(BigIntTest, Exponentiate)
{
    EXPECT_EQ(text(MUST(BigInt::exponentiate(agent, *big("2"), *big("100")))), "1267650600228229401496703205376");
    EXPECT_EQ(text(MUST(BigInt::exponentiate(agent, *big("0"), *big("0")))), "1");
    EXPECT_EQ(text(MUST(BigInt::exponentiate(agent, *big("-1"), *big("1000000000001")))), "-1");
    EXPECT_TRUE(BigInt::exponentiate(agent, *big("2"), *big("-1")).is_abrupt());
    EXPECT_TRUE(BigInt::exponentiate(agent, *big("2"), *big("100000000000")).is_abrupt());  // size limit
}

TEST_F(BigIntTest, ShiftsFloorLikeTwosComplement)
{
    EXPECT_EQ(text(MUST(BigInt::leftShift(agent, *big("1"), *big("70")))), "1180591620717411303424");
    EXPECT_EQ(text(MUST(BigInt::signedRightShift(agent, *big("-5"), *big("1")))), "-3");
    EXPECT_EQ(text(MUST(BigInt::signedRightShift(agent, *big("-4"), *big("1")))), "-2");
    EXPECT_EQ(text(MUST(BigInt::signedRightShift(agent, *big("5"), *big("1")))), "2");
    EXPECT_EQ(text(MUST(BigInt::leftShift(agent, *big("-1"), *big("-100000000000")))), "-1");
    EXPECT_TRUE(BigInt::unsignedRightShift(agent, *big("1"), *big("1")).is_abrupt());
    EXPECT_TRUE(BigInt::leftShift(agent, *big("1"), *big("100000000000")).is_abrupt());
}

TEST_F(BigIntTest, BitwiseOnNegativeValuesIsTwosComplement)
{
    EXPECT_EQ(text(BigInt::bitwiseAND(agent.heap, *big("-1"), *big("255"))), "255");
    EXPECT_EQ(text(BigInt::bitwiseAND(agent.heap, *big("-6"), *big("-3"))), "-8");
    EXPECT_EQ(text(BigInt::bitwiseOR(agent.heap, *big("-6"), *big("3"))), "-5");
    EXPECT_EQ(text(BigInt::bitwiseXOR(agent.heap, *big("-6"), *big("3"))), "-7");
    EXPECT_EQ(text(BigInt::bitwiseXOR(agent.heap, *big("-18446744073709551616"), *big("1"))),
              "-18446744073709551615");
}

TEST_F(BigIntTest, ToStringInEveryRadix)
{
    EXPECT_EQ(text(big("255"), 16), "ff");
    EXPECT_EQ(text(big("-255"), 2), "-11111111");
    EXPECT_EQ(text(big("0"), 36), "0");
    EXPECT_EQ(text(big("1267650600228229401496703205376"), 36), "3ewfdnca0n6ld1ggvfgg");
    EXPECT_EQ(text(big("-123456789")), "-123456789");
}

}  // namespace
}  // namespace lockstep::testing
