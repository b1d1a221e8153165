// §5 Binary format: malformations report the test suite's text and an offset.
#include "wasm/binary/decoder.h"

#include <gtest/gtest.h>

using namespace lockstep::wasm;

namespace {

std::optional<DecodeError> decode(std::vector<uint8_t> bytes)
{
    Module m;
    return decode_module(bytes, m);
}

const std::vector<uint8_t> kHeader = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

std::vector<uint8_t> with_header(std::vector<uint8_t> rest)
{
    std::vector<uint8_t> b = kHeader;
    b.insert(b.end(), rest.begin(), rest.end());
    return b;
}

TEST(Decoder, EmptyModule)
{
    Module m;
    EXPECT_FALSE(decode_module(kHeader, m));
    EXPECT_TRUE(m.funcs.empty());
}

TEST(Decoder, Header)
{
    EXPECT_EQ(decode({0x00, 0x61, 0x73}).value().message, "unexpected end");
    EXPECT_EQ(decode({0x00, 0x61, 0x73, 0x6E, 1, 0, 0, 0}).value().message, "magic header not detected");
    EXPECT_EQ(decode({0x00, 0x61, 0x73, 0x6D, 2, 0, 0, 0}).value().message, "unknown binary version");
    EXPECT_EQ(decode({0x00, 0x61, 0x73, 0x6D, 1, 0}).value().message, "unexpected end");
}

TEST(Decoder, Sections)
{
    auto e = decode(with_header({0x0E, 0x00}));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->message, "malformed section id");
    EXPECT_EQ(e->offset, 8u);
    // A type section whose size runs past the end.
    EXPECT_EQ(decode(with_header({0x01, 0x05, 0x00})).value().message, "length out of bounds");
    // Out of order: function section (3) before type section (1).
    EXPECT_EQ(decode(with_header({0x03, 0x01, 0x00, 0x01, 0x01, 0x00})).value().message,
              "unexpected content after last section");
    // A type section with trailing bytes.
    EXPECT_EQ(decode(with_header({0x01, 0x02, 0x00, 0x00})).value().message, "section size mismatch");
}

TEST(Decoder, FunctionAndCodeMismatch)
{
    // type () -> (); one function declared, no code section.
    auto e = decode(with_header({0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00}));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->message, "function and code section have inconsistent lengths");
}

TEST(Decoder, Utf8Names)
{
    // A custom section whose name is the invalid byte 0xFF.
    EXPECT_EQ(decode(with_header({0x00, 0x02, 0x01, 0xFF})).value().message, "malformed UTF-8 encoding");
    // An overlong encoding of '/' (C0 AF).
    EXPECT_EQ(decode(with_header({0x00, 0x03, 0x02, 0xC0, 0xAF})).value().message, "malformed UTF-8 encoding");
    EXPECT_FALSE(decode(with_header({0x00, 0x03, 0x02, 0xC3, 0xA9})));  // "é"
}

TEST(Decoder, NameSection)
{
    // custom "name": module name "m", function 0 named "f"; then a malformed one is ignored.
    Module m;
    ASSERT_FALSE(decode_module(with_header({0x00, 0x0F, 0x04, 'n', 'a', 'm', 'e', 0x00, 0x02, 0x01, 'm', 0x01, 0x04,
                                            0x01, 0x00, 0x01, 'f'}),
                               m));
    EXPECT_EQ(m.name.value_or(""), "m");
    EXPECT_EQ(m.func_names[0], "f");
    Module bad;
    EXPECT_FALSE(decode_module(with_header({0x00, 0x07, 0x04, 'n', 'a', 'm', 'e', 0x00, 0x05}), bad));
    EXPECT_FALSE(bad.name);
}

TEST(Decoder, FunctionBody)
{
    // (func (result i32) i32.const 7) with its instruction pre-decoded.
    Module m;
    ASSERT_FALSE(decode_module(with_header({0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F, 0x03, 0x02, 0x01, 0x00,
                                            0x0A, 0x06, 0x01, 0x04, 0x00, 0x41, 0x07, 0x0B}),
                               m));
    ASSERT_EQ(m.funcs.size(), 1u);
    ASSERT_EQ(m.funcs[0].body.size(), 2u);
    EXPECT_EQ(m.funcs[0].body[0].op, Op::I32Const);
    EXPECT_EQ(m.funcs[0].body[0].c, 7u);
    EXPECT_EQ(m.funcs[0].body[1].op, Op::End);
    // An unknown opcode.
    auto e = decode(with_header({0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x0A, 0x05, 0x01,
                                 0x03, 0x00, 0xFF, 0x0B}));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->message, "illegal opcode");
}

TEST(Decoder, TooManyLocals)
{
    auto e = decode(with_header({0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x0A, 0x0A, 0x01,
                                 0x08, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x0B}));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->message, "too many locals");
}

}  // namespace
