// ECMA-262 §11.1 Source Text: the static semantics that move between
// UTF-16 code units and code points (used by the String, URI and RegExp
// built-ins as well as by the parser's callers).
// https://tc39.es/ecma262/#sec-source-text
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lockstep {

// §11.1.1 UTF16EncodeCodePoint ( cp )
std::u16string UTF16EncodeCodePoint(char32_t cp);
// §11.1.2 CodePointsToString ( text )
std::u16string CodePointsToString(const std::vector<char32_t>& text);
// §11.1.3 UTF16SurrogatePairToCodePoint ( lead, trail )
char32_t UTF16SurrogatePairToCodePoint(char16_t lead, char16_t trail);

// The Record CodePointAt returns.
struct CodePointRecord {
    char32_t CodePoint;      // [[CodePoint]]
    uint8_t CodeUnitCount;   // [[CodeUnitCount]]
    bool IsUnpairedSurrogate;  // [[IsUnpairedSurrogate]]
};
// §11.1.4 CodePointAt ( string, position )
CodePointRecord CodePointAt(std::u16string_view string, size_t position);
// §11.1.5 StringToCodePoints ( string )
std::vector<char32_t> StringToCodePoints(std::u16string_view string);

}  // namespace lockstep
