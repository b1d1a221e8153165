#include "syntax/unicode.h"

#include "syntax/unicode_identifier_supplement.h"

#include <algorithm>
#include <iterator>
#include <unicode/uchar.h>

namespace lockstep::syntax::unicode {

namespace {

// Code points newer than ICU's Unicode version (see unicode_identifier_supplement.h).
template <size_t N>
bool InRanges(const CodePointRange (&ranges)[N], char32_t cp)
{
    auto it = std::upper_bound(std::begin(ranges), std::end(ranges), cp,
                               [](char32_t c, const CodePointRange& r) { return c < r.first; });
    return it != std::begin(ranges) && cp <= std::prev(it)->last;
}

}  // namespace

std::optional<size_t> FindInvalidUtf8(std::string_view text, Surrogates surrogates)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        // ASCII fast path, eight bytes at a time.
        while (i + 8 <= n) {
            uint64_t w;
            __builtin_memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        if (c < 0x80) { ++i; continue; }
        size_t len;
        char32_t min;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
        else return i;
        if (i + len > n) return i;
        char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        if (cp < min || cp > 0x10FFFF || (surrogate && surrogates == Surrogates::IllFormed)) return i;
        i += len;
    }
    return std::nullopt;
}

std::u16string Utf8ToUtf16(std::string_view text)
{
    std::u16string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        size_t len;
        AppendUtf16(out, DecodeUtf8(text, i, len));
        i += len;
    }
    return out;
}

std::string Utf16ToUtf8(std::u16string_view text, Surrogates surrogates)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        char32_t cp = text[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (text[i + 1] - 0xDC00);
            ++i;
        } else if (cp >= 0xD800 && cp <= 0xDFFF && surrogates == Surrogates::IllFormed) {
            cp = 0xFFFD;
        }
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    return out;
}

bool IsIdentifierStart(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '$' || cp == '_';
    return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_ID_START) || InRanges(kIdStartAdded, cp);
}

bool IsIdentifierPart(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '$' ||
               cp == '_';
    if (cp == 0x200C || cp == 0x200D) return true;
    return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_ID_CONTINUE) || InRanges(kIdContinueAdded, cp);
}

bool IsWhiteSpace(char32_t cp)
{
    if (cp == 0x09 || cp == 0x0B || cp == 0x0C || cp == 0x20 || cp == 0xA0 || cp == 0xFEFF) return true;
    if (cp < 0x80) return false;
    return u_charType(static_cast<UChar32>(cp)) == U_SPACE_SEPARATOR;
}

}  // namespace lockstep::syntax::unicode
