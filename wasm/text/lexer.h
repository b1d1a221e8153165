// Wasm 3.0 §6.3 Lexical format (SpecTec 6.0-text.lexical): characters →
// tokens. Comments and annotations `(@id …)` are dropped here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lockstep::wasm::text {

enum class TokKind : uint8_t { LParen, RParen, Keyword, Id, Number, String, Eof };

struct Token {
    TokKind kind = TokKind::Eof;
    std::string text;  // keyword/number/id (without `$`) text; a string's decoded bytes
    uint32_t line = 0, column = 0;
    bool id_from_string = false;  // $"…" identifiers
};

// A lexical or syntax error with its position.
struct TextError {
    std::string message;
    uint32_t line = 0, column = 0;
};

// Tokenizes `source`; on error fills `error` and returns false.
bool tokenize(std::string_view source, std::vector<Token>& out, TextError& error);

}  // namespace lockstep::wasm::text
