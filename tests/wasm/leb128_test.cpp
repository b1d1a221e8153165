// §5.2.2 Integers: LEB128 size limits.
#include "wasm/binary/decoder.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace lockstep::wasm;

namespace {

LebResult u(std::vector<uint8_t> b, unsigned bits) { return read_leb_unsigned(b, bits); }
LebResult s(std::vector<uint8_t> b, unsigned bits) { return read_leb_signed(b, bits); }

TEST(Leb128, UnsignedValues)
{
    EXPECT_EQ(u({0x00}, 32).value, 0u);
    EXPECT_EQ(u({0xE5, 0x8E, 0x26}, 32).value, 624485u);
    EXPECT_EQ(u({0xE5, 0x8E, 0x26}, 32).length, 3u);
    EXPECT_EQ(u({0xFF, 0xFF, 0xFF, 0xFF, 0x0F}, 32).value, 0xFFFFFFFFu);
    // Redundant zero padding within the size limit is allowed.
    EXPECT_EQ(u({0x80, 0x80, 0x80, 0x80, 0x00}, 32).error, nullptr);
}

TEST(Leb128, UnsignedLimits)
{
    // Five bytes at most for u32; a sixth is "too long".
    EXPECT_STREQ(u({0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, 32).error, "integer representation too long");
    // The fifth byte of a u32 may carry only 4 bits.
    EXPECT_STREQ(u({0xFF, 0xFF, 0xFF, 0xFF, 0x1F}, 32).error, "integer too large");
    EXPECT_STREQ(u({0xFF, 0xFF, 0xFF, 0xFF, 0x4F}, 32).error, "integer too large");
    EXPECT_STREQ(u({0x80, 0x80}, 32).error, "unexpected end");
    // u64: ten bytes, the last with one payload bit.
    EXPECT_EQ(u({0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}, 64).value, UINT64_MAX);
    EXPECT_STREQ(u({0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02}, 64).error, "integer too large");
}

TEST(Leb128, SignedValuesAndLimits)
{
    EXPECT_EQ(static_cast<int32_t>(s({0x7F}, 32).value), -1);
    EXPECT_EQ(static_cast<int32_t>(s({0x80, 0x7F}, 32).value), -128);
    EXPECT_EQ(static_cast<int32_t>(s({0x80, 0x80, 0x80, 0x80, 0x78}, 32).value), INT32_MIN);
    // The unused bits of the last byte must be the sign extension.
    EXPECT_STREQ(s({0x80, 0x80, 0x80, 0x80, 0x70}, 32).error, "integer too large");
    EXPECT_STREQ(s({0xFF, 0xFF, 0xFF, 0xFF, 0x0F}, 32).error, "integer too large");
    EXPECT_EQ(s({0xFF, 0xFF, 0xFF, 0xFF, 0x7F}, 32).error, nullptr);
    // s33 (block types) takes five bytes too, with 5 payload bits in the last.
    EXPECT_EQ(s({0xFF, 0xFF, 0xFF, 0xFF, 0x0F}, 33).error, nullptr);
}

}  // namespace
