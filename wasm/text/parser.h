// Wasm 3.0 §6 Text format (SpecTec 6.x-text.*): a token cursor shared by the
// module parser and the .wast script parser, and the module parser's entry.
//
// The module parser desugars the text format's abbreviations exactly as
// §6.6 defines them and emits the module's binary format; the binary
// decoder is then the one path from bytes to the abstract syntax.
#pragma once

#include "wasm/text/lexer.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace lockstep::wasm::text {

// Thrown inside the parsers, caught at their entry points.
struct SyntaxError {
    std::string message;
    uint32_t line = 0, column = 0;
};

class Cursor {
public:
    explicit Cursor(const std::vector<Token>& toks, size_t pos = 0) : toks_(toks), pos_(pos) {}

    const Token& peek(size_t ahead = 0) const
    {
        const size_t i = pos_ + ahead;
        return i < toks_.size() ? toks_[i] : toks_.back();
    }
    const Token& next()
    {
        const Token& t = peek();
        if (pos_ < toks_.size() - 1) ++pos_;
        return t;
    }
    size_t pos() const { return pos_; }
    void set_pos(size_t p) { pos_ = p; }

    bool is(TokKind k) const { return peek().kind == k; }
    bool is_keyword(const char* kw) const { return peek().kind == TokKind::Keyword && peek().text == kw; }
    // `(` followed by the keyword kw.
    bool is_list(const char* kw) const
    {
        return peek().kind == TokKind::LParen && peek(1).kind == TokKind::Keyword && peek(1).text == kw;
    }
    [[noreturn]] void fail(const std::string& message) const
    {
        throw SyntaxError{message, peek().line, peek().column};
    }
    void expect(TokKind k, const char* what)
    {
        if (!is(k)) fail(std::string("unexpected token, expected ") + what);
        next();
    }
    void expect_keyword(const char* kw)
    {
        if (!is_keyword(kw)) fail(std::string("unexpected token, expected ") + kw);
        next();
    }
    void lparen() { expect(TokKind::LParen, "("); }
    void rparen() { expect(TokKind::RParen, ")"); }
    std::string string()
    {
        if (!is(TokKind::String)) fail("unexpected token, expected a string");
        return next().text;
    }
    // Skips a balanced list starting at `(` (used to recover after errors).
    void skip_list();
    void skip_list_or_token();

private:
    const std::vector<Token>& toks_;
    size_t pos_;
};

// `v128.const shape lane*` after the keyword: the value's 16 bytes.
std::array<uint8_t, 16> v128_const(Cursor& c);

// Parses the fields of a module (the cursor is after `(module $id?`, or at
// the first field of an inline module) up to the closing `)` or end of input,
// which is not consumed; returns the module in the binary format.
std::vector<uint8_t> parse_module_fields(Cursor& c);

// Parses a whole text module from source: `(module …)` or bare fields.
// Returns false and fills `error` if it is malformed.
bool parse_module_text(const std::string& source, std::vector<uint8_t>& binary, TextError& error);

}  // namespace lockstep::wasm::text
