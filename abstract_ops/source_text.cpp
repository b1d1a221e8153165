// ECMA-262 §11.1 Source Text.
#include "abstract_ops/source_text.h"

#include "spec/step.h"

namespace lockstep {

namespace {

bool is_leading_surrogate(char16_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool is_trailing_surrogate(char16_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

}  // namespace

std::u16string UTF16EncodeCodePoint(char32_t cp)
{
    SPEC_ALGORITHM("sec-utf16encodecodepoint");
    STEP("1");
    SPEC_ASSERT(cp <= 0x10FFFF);
    STEP("2");
    if (cp <= 0xFFFF) return std::u16string(1, char16_t(cp));
    STEP("3");
    auto cu1 = char16_t((cp - 0x10000) / 0x400 + 0xD800);
    STEP("4");
    auto cu2 = char16_t((cp - 0x10000) % 0x400 + 0xDC00);
    STEP("5");
    return {cu1, cu2};
}

std::u16string CodePointsToString(const std::vector<char32_t>& text)
{
    SPEC_ALGORITHM("sec-codepointstostring");
    STEP("1");
    std::u16string result;
    STEP("2");
    for (char32_t cp : text) {
        STEP("2.a");
        result += UTF16EncodeCodePoint(cp);
    }
    STEP("3");
    return result;
}

char32_t UTF16SurrogatePairToCodePoint(char16_t lead, char16_t trail)
{
    SPEC_ALGORITHM("sec-utf16decodesurrogatepair");
    STEP("1");
    SPEC_ASSERT(is_leading_surrogate(lead) && is_trailing_surrogate(trail));
    STEP("2");
    char32_t cp = (char32_t(lead) - 0xD800) * 0x400 + (char32_t(trail) - 0xDC00) + 0x10000;
    STEP("3");
    return cp;
}

CodePointRecord CodePointAt(std::u16string_view string, size_t position)
{
    SPEC_ALGORITHM("sec-codepointat");
    STEP("1");
    size_t size = string.size();
    STEP("2");
    SPEC_ASSERT(position < size);
    STEP("3");
    char16_t first = string[position];
    STEP("4");
    char32_t cp = first;
    STEP("5");
    if (!is_leading_surrogate(first) && !is_trailing_surrogate(first)) {
        STEP("5.a");
        return {cp, 1, false};
    }
    STEP("6");
    if (is_trailing_surrogate(first) || position + 1 == size) {
        STEP("6.a");
        return {cp, 1, true};
    }
    STEP("7");
    char16_t second = string[position + 1];
    STEP("8");
    if (!is_trailing_surrogate(second)) {
        STEP("8.a");
        return {cp, 1, true};
    }
    STEP("9");
    cp = UTF16SurrogatePairToCodePoint(first, second);
    STEP("10");
    return {cp, 2, false};
}

std::vector<char32_t> StringToCodePoints(std::u16string_view string)
{
    SPEC_ALGORITHM("sec-stringtocodepoints");
    STEP("1");
    std::vector<char32_t> codePoints;
    STEP("2");
    size_t size = string.size();
    STEP("3");
    size_t position = 0;
    STEP("4");
    while (position < size) {
        STEP("4.a");
        CodePointRecord cp = CodePointAt(string, position);
        STEP("4.b");
        codePoints.push_back(cp.CodePoint);
        STEP("4.c");
        position += cp.CodeUnitCount;
    }
    STEP("5");
    return codePoints;
}

}  // namespace lockstep
