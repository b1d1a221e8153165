// §4.3 Numerics: NaN choice, trapping truncations, min/max of zeros.
#include "wasm/numerics/numerics.h"

#include <gtest/gtest.h>

#include <bit>

using namespace lockstep::wasm::numerics;

namespace {

uint32_t bits(float f) { return std::bit_cast<uint32_t>(f); }
float from(uint32_t b) { return std::bit_cast<float>(b); }

TEST(Numerics, NanPropagationIsDeterministic)
{
    // No NaN operand: the positive canonical NaN.
    EXPECT_EQ(bits(fsub(INFINITY, INFINITY)), 0x7FC00000u);
    EXPECT_EQ(bits(fdiv(0.0f, 0.0f)), 0x7FC00000u);
    // A signalling NaN operand comes back quieted with its payload.
    EXPECT_EQ(bits(fadd(from(0x7F800001u), 1.0f)), 0x7FC00001u);
    // The first NaN operand wins.
    EXPECT_EQ(bits(fmul(from(0xFFC00123u), from(0x7FC00456u))), 0xFFC00123u);
    EXPECT_EQ(bits(fmin(1.0f, from(0x7FA00000u))), 0x7FE00000u);
}

TEST(Numerics, SignOperationsKeepPayloads)
{
    EXPECT_EQ(bits(fneg(from(0x7FA00001u))), 0xFFA00001u);
    EXPECT_EQ(bits(fabs_(from(0xFF800001u))), 0x7F800001u);
    EXPECT_EQ(bits(fcopysign(from(0x7FC00000u), -1.0f)), 0xFFC00000u);
}

TEST(Numerics, MinMaxOfZeros)
{
    EXPECT_TRUE(std::signbit(fmin(0.0f, -0.0f)));
    EXPECT_TRUE(std::signbit(fmin(-0.0f, 0.0f)));
    EXPECT_FALSE(std::signbit(fmax(-0.0f, 0.0f)));
    EXPECT_FALSE(std::signbit(fmax(0.0, -0.0)));
}

TEST(Numerics, TruncTrapsOutOfRange)
{
    EXPECT_EQ(trunc<int32_t>(-2147483648.0f), INT32_MIN);
    EXPECT_FALSE(trunc<int32_t>(2147483648.0f));
    EXPECT_EQ(trunc<int32_t>(-2147483648.9), INT32_MIN);
    EXPECT_FALSE(trunc<int32_t>(-2147483649.0));
    EXPECT_EQ(trunc<uint32_t>(-0.9f), 0u);
    EXPECT_FALSE(trunc<uint32_t>(-1.0f));
    EXPECT_FALSE(trunc<uint64_t>(18446744073709551616.0));
    EXPECT_FALSE(trunc<int64_t>(NAN));
}

TEST(Numerics, TruncSaturates)
{
    EXPECT_EQ(trunc_sat<int32_t>(1e10f), INT32_MAX);
    EXPECT_EQ(trunc_sat<int32_t>(-1e10f), INT32_MIN);
    EXPECT_EQ(trunc_sat<uint32_t>(-5.0f), 0u);
    EXPECT_EQ(trunc_sat<int64_t>(NAN), 0);
}

TEST(Numerics, IntegerCorners)
{
    EXPECT_FALSE(idiv_s<uint32_t>(0x80000000u, 0xFFFFFFFFu));  // overflow
    EXPECT_FALSE(idiv_s<uint32_t>(1, 0));                      // divide by zero
    EXPECT_EQ(irem_s<uint32_t>(0x80000000u, 0xFFFFFFFFu), 0u);
    EXPECT_EQ(ishl<uint32_t>(1, 33), 2u);  // shift counts are taken modulo the width
    EXPECT_EQ(irotr<uint64_t>(1, 1), 0x8000000000000000ull);
    EXPECT_EQ(fnearest(2.5), 2.0);
    EXPECT_EQ(fnearest(-3.5f), -4.0f);
}

}  // namespace
