// Source text (ECMA-262 §11.1) and the code point classes the lexical
// grammar uses (§12.2 white space, §12.3 line terminators, §12.7 names).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lockstep::syntax::unicode {

// What becomes of a surrogate code point (U+D800–U+DFFF) in UTF-8: source
// text read from a file must not have one, but source text made from a
// String value (eval, the Function constructor) may: §11.1 reads a String as
// code points, a lone surrogate being one. Such text is carried in WTF-8
// (a lone surrogate encoded as any other three-byte code point).
enum class Surrogates : bool { IllFormed, Allowed };

// The offset of the first byte that is not part of well-formed UTF-8
// (overlong forms, surrogates unless allowed, and code points above
// U+10FFFF are ill-formed), or nullopt when the whole text is well-formed.
std::optional<size_t> FindInvalidUtf8(std::string_view text, Surrogates = Surrogates::IllFormed);

// Decodes one code point of well-formed UTF-8 at text[i]; sets length.
inline char32_t DecodeUtf8(std::string_view text, size_t i, size_t& length)
{
    auto b = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
    unsigned char c = b(0);
    if (c < 0x80) { length = 1; return c; }
    if (c < 0xE0) { length = 2; return ((c & 0x1F) << 6) | (b(1) & 0x3F); }
    if (c < 0xF0) { length = 3; return ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F); }
    length = 4;
    return ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
}

inline void AppendUtf16(std::u16string& out, char32_t cp)
{
    if (cp < 0x10000) {
        out.push_back(static_cast<char16_t>(cp));
    } else {
        cp -= 0x10000;
        out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
        out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    }
}

std::u16string Utf8ToUtf16(std::string_view text);
// Lone surrogates become U+FFFD, or (Surrogates::Allowed) stay, in WTF-8.
std::string Utf16ToUtf8(std::u16string_view text, Surrogates = Surrogates::IllFormed);

// IdentifierStartChar :: UnicodeIDStart | $ | _   (UnicodeIDStart = ID_Start)
bool IsIdentifierStart(char32_t cp);
// IdentifierPartChar :: UnicodeIDContinue | $ | <ZWNJ> | <ZWJ>
bool IsIdentifierPart(char32_t cp);
// WhiteSpace :: <TAB> <VT> <FF> <ZWNBSP> <USP> (USP = general category Zs)
bool IsWhiteSpace(char32_t cp);
// LineTerminator :: <LF> <CR> <LS> <PS>
inline bool IsLineTerminator(char32_t cp)
{
    return cp == 0x0A || cp == 0x0D || cp == 0x2028 || cp == 0x2029;
}

}  // namespace lockstep::syntax::unicode
