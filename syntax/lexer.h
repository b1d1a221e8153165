// ECMA-262 §12 ECMAScript Language: Lexical Grammar.
//
// The lexer is driven by the parser, which knows which goal symbol applies
// (§12: InputElementDiv / RegExp / RegExpOrTemplateTail / TemplateTail /
// HashbangOrRegExp): next() scans with InputElementDiv; the parser rescans a
// `/` or `/=` as a RegularExpressionLiteral and a `}` as a TemplateMiddle /
// TemplateTail where the grammar wants them.
#pragma once

#include "syntax/ast.h"
#include "syntax/parser.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace lockstep::syntax {

enum class Tok : uint8_t {
    EndOfSource,
    Identifier,       // IdentifierName that is not a reserved word (or one written with escapes)
    PrivateName,      // #IdentifierName
    Numeric,
    BigInt,
    String,
    NoSubstitutionTemplate,
    TemplateHead,
    TemplateMiddle,
    TemplateTail,
    RegExp,
    // punctuators
    LBrace, RBrace, LParen, RParen, LBracket, RBracket,
    Dot, Ellipsis, Semicolon, Comma, Question, OptionalChain, Colon, Arrow,
    Less, Greater, LessEq, GreaterEq, Eq2, NotEq, Eq3, NotEq2,
    Plus, Minus, Star, Slash, Percent, Star2, PlusPlus, MinusMinus,
    Shl, Sar, Shr, Amp, Pipe, Caret, Bang, Tilde, AmpAmp, PipePipe, Question2,
    Assign, PlusAssign, MinusAssign, StarAssign, SlashAssign, PercentAssign, Star2Assign,
    ShlAssign, SarAssign, ShrAssign, AmpAssign, PipeAssign, CaretAssign,
    AmpAmpAssign, PipePipeAssign, Question2Assign,
    // ReservedWord (§12.7.2) other than await / yield, which are contextual
    KwBreak, KwCase, KwCatch, KwClass, KwConst, KwContinue, KwDebugger, KwDefault, KwDelete,
    KwDo, KwElse, KwEnum, KwExport, KwExtends, KwFalse, KwFinally, KwFor, KwFunction, KwIf,
    KwImport, KwIn, KwInstanceof, KwNew, KwNull, KwReturn, KwSuper, KwSwitch, KwThis,
    KwThrow, KwTrue, KwTry, KwTypeof, KwVar, KwVoid, KwWhile, KwWith,
};

const char* TokText(Tok t);
inline bool IsKeyword(Tok t) { return t >= Tok::KwBreak; }

struct Token {
    Tok type = Tok::EndOfSource;
    bool newline_before = false;   // a LineTerminator precedes the token
    bool escaped = false;          // identifier / keyword text contains \u escapes
    bool reserved_escaped = false; // Identifier whose value is a ReservedWord, written with escapes
    uint32_t start = 0, end = 0, line = 1, column = 1;

    Name name;                     // Identifier, PrivateName, and keywords (interned)
    double number = 0;             // Numeric
    bool legacy_octal = false;     // Numeric: 017; String: legacy octal / \8 \9 escape
    bool non_octal_decimal = false;// Numeric: 08, 09.5
    std::string_view bigint;       // BigInt digits (arena)
    std::u16string_view string;    // String SV; template cooked; RegExp body (arena)
    std::u16string_view raw;       // template raw; RegExp flags
    bool has_cooked = true;        // template: false if an escape is invalid
    uint32_t invalid_escape = 0;   // template: offset of the first invalid escape
};

// A failure of the lexical grammar; the parser reports it as a SyntaxError.
struct LexError {
    std::string message;
    uint32_t offset;
};

// Line and column of a byte offset of source (scans from the start; for errors).
SourcePosition PositionAt(std::string_view source, uint32_t offset);

class Lexer {
public:
    Lexer(std::string_view source, Goal goal, Program& program);

    // Scans the next token with the InputElementDiv goal. Throws LexError.
    void next(Token& token);
    // Rescans the current `/` or `/=` token as a RegularExpressionLiteral.
    void rescan_regexp(Token& token);
    // Rescans the current `}` token as a TemplateMiddle or TemplateTail.
    void rescan_template_continuation(Token& token);

    struct State {
        uint32_t pos, line, line_start, continuation_bytes;
        bool seen_token;
    };
    State save() const { return {pos_, line_, line_start_, continuation_bytes_, seen_token_}; }
    void restore(const State& s)
    {
        pos_ = s.pos; line_ = s.line; line_start_ = s.line_start;
        continuation_bytes_ = s.continuation_bytes; seen_token_ = s.seen_token;
    }

private:
    [[noreturn]] void fail(const std::string& message, uint32_t offset) const;
    bool skip_trivia();   // returns whether a LineTerminator was crossed
    void skip_multiline_comment();
    void skip_line_comment();
    void new_line(uint32_t next_line_start);
    void scan_identifier(Token& t, bool private_name);
    void scan_number(Token& t);
    void scan_string(Token& t, char quote);
    void scan_template(Token& t, bool head);
    char32_t read_unicode_escape(bool& ok);   // after "\u"
    bool decode_escape(std::u16string& out, bool in_template, bool& octal);
    char32_t peek_cp(uint32_t at, size_t& len) const;

    std::string_view src_;
    const char* s_;
    uint32_t n_;
    Goal goal_;
    Program& program_;
    uint32_t pos_ = 0;
    uint32_t line_ = 1;
    uint32_t line_start_ = 0;
    uint32_t continuation_bytes_ = 0;   // UTF-8 continuation bytes between line_start_ and pos_
    bool seen_token_ = false;           // for HTMLCloseComment at the start of the input
    std::u16string buf_, raw_;
};

}  // namespace lockstep::syntax
