// ECMA-262 §12 ECMAScript Language: Lexical Grammar, with Annex B.1.1
// (HTML-like comments) and B.1.2 (legacy octal literals and escapes).
#include "syntax/lexer.h"

#include "syntax/unicode.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace lockstep::syntax {

using unicode::IsIdentifierPart;
using unicode::IsIdentifierStart;
using unicode::IsLineTerminator;
using unicode::IsWhiteSpace;

namespace {

enum CharClass : uint8_t { kOther = 0, kIdStart = 1, kIdPart = 2, kDigit = 4, kSpace = 8 };

constexpr auto kAscii = [] {
    std::array<uint8_t, 128> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[c] = kIdStart | kIdPart;
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = kIdStart | kIdPart;
    t['$'] = t['_'] = kIdStart | kIdPart;
    for (int c = '0'; c <= '9'; ++c) t[c] = kIdPart | kDigit;
    t[' '] = t['\t'] = t['\v'] = t['\f'] = kSpace;
    return t;
}();

inline bool AsciiIdPart(unsigned char c) { return c < 128 && (kAscii[c] & kIdPart); }

int HexValue(char32_t c)
{
    if (c >= '0' && c <= '9') return int(c - '0');
    if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
    return -1;
}

struct Keyword {
    const char* text;
    Tok tok;
};
const Keyword kKeywords[] = {
    {"break", Tok::KwBreak},       {"case", Tok::KwCase},         {"catch", Tok::KwCatch},
    {"class", Tok::KwClass},       {"const", Tok::KwConst},       {"continue", Tok::KwContinue},
    {"debugger", Tok::KwDebugger}, {"default", Tok::KwDefault},   {"delete", Tok::KwDelete},
    {"do", Tok::KwDo},             {"else", Tok::KwElse},         {"enum", Tok::KwEnum},
    {"export", Tok::KwExport},     {"extends", Tok::KwExtends},   {"false", Tok::KwFalse},
    {"finally", Tok::KwFinally},   {"for", Tok::KwFor},           {"function", Tok::KwFunction},
    {"if", Tok::KwIf},             {"import", Tok::KwImport},     {"in", Tok::KwIn},
    {"instanceof", Tok::KwInstanceof}, {"new", Tok::KwNew},       {"null", Tok::KwNull},
    {"return", Tok::KwReturn},     {"super", Tok::KwSuper},       {"switch", Tok::KwSwitch},
    {"this", Tok::KwThis},         {"throw", Tok::KwThrow},       {"true", Tok::KwTrue},
    {"try", Tok::KwTry},           {"typeof", Tok::KwTypeof},     {"var", Tok::KwVar},
    {"void", Tok::KwVoid},         {"while", Tok::KwWhile},       {"with", Tok::KwWith},
};

// The keyword an unescaped ASCII IdentifierName spells, or Tok::Identifier.
Tok KeywordOf(std::string_view s)
{
    if (s.size() < 2 || s.size() > 10 || s[0] < 'b' || s[0] > 'w') return Tok::Identifier;
    for (const Keyword& k : kKeywords)
        if (k.text[0] == s[0] && std::strlen(k.text) == s.size() && s == k.text) return k.tok;
    return Tok::Identifier;
}

Tok KeywordOf(std::u16string_view s)
{
    if (s.size() < 2 || s.size() > 10) return Tok::Identifier;
    std::string ascii;
    for (char16_t c : s) {
        if (c >= 128) return Tok::Identifier;
        ascii.push_back(static_cast<char>(c));
    }
    return KeywordOf(std::string_view(ascii));
}

// The correctly rounded double of digits in radix 2^bits (§12.9.3 MV with
// §6.1.6.1 rounding: round half to even).
double RadixPow2ToDouble(std::string_view digits, int bits)
{
    uint64_t m = 0;
    int exp = 0;
    bool sticky = false;
    for (char c : digits) {
        int d = HexValue(static_cast<unsigned char>(c));
        if ((m >> (64 - bits)) == 0) {
            m = (m << bits) | uint64_t(d);
        } else {
            exp += bits;
            sticky |= d != 0;
        }
    }
    if (m == 0) return 0;
    int lz = __builtin_clzll(m);
    m <<= lz;
    exp -= lz;
    uint64_t top = m >> 11, rest = m & 0x7FF;
    bool half = rest & 0x400;
    bool below = (rest & 0x3FF) != 0 || sticky;
    if (half && (below || (top & 1))) ++top;
    return std::ldexp(static_cast<double>(top), exp + 11);
}

double DecimalToDouble(const std::string& text)
{
    double v = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec == std::errc()) return v;
    return std::strtod(text.c_str(), nullptr);   // out of range: ±Infinity or 0, correctly
}

}  // namespace

const char* TokText(Tok t)
{
    switch (t) {
    case Tok::EndOfSource: return "end of input";
    case Tok::Identifier: return "identifier";
    case Tok::PrivateName: return "private name";
    case Tok::Numeric: case Tok::BigInt: return "number";
    case Tok::String: return "string";
    case Tok::NoSubstitutionTemplate: case Tok::TemplateHead: case Tok::TemplateMiddle:
    case Tok::TemplateTail: return "template";
    case Tok::RegExp: return "regular expression";
    case Tok::LBrace: return "{"; case Tok::RBrace: return "}"; case Tok::LParen: return "(";
    case Tok::RParen: return ")"; case Tok::LBracket: return "["; case Tok::RBracket: return "]";
    case Tok::Dot: return "."; case Tok::Ellipsis: return "..."; case Tok::Semicolon: return ";";
    case Tok::Comma: return ","; case Tok::Question: return "?"; case Tok::OptionalChain: return "?.";
    case Tok::Colon: return ":"; case Tok::Arrow: return "=>"; case Tok::Less: return "<";
    case Tok::Greater: return ">"; case Tok::LessEq: return "<="; case Tok::GreaterEq: return ">=";
    case Tok::Eq2: return "=="; case Tok::NotEq: return "!="; case Tok::Eq3: return "===";
    case Tok::NotEq2: return "!=="; case Tok::Plus: return "+"; case Tok::Minus: return "-";
    case Tok::Star: return "*"; case Tok::Slash: return "/"; case Tok::Percent: return "%";
    case Tok::Star2: return "**"; case Tok::PlusPlus: return "++"; case Tok::MinusMinus: return "--";
    case Tok::Shl: return "<<"; case Tok::Sar: return ">>"; case Tok::Shr: return ">>>";
    case Tok::Amp: return "&"; case Tok::Pipe: return "|"; case Tok::Caret: return "^";
    case Tok::Bang: return "!"; case Tok::Tilde: return "~"; case Tok::AmpAmp: return "&&";
    case Tok::PipePipe: return "||"; case Tok::Question2: return "??"; case Tok::Assign: return "=";
    case Tok::PlusAssign: return "+="; case Tok::MinusAssign: return "-="; case Tok::StarAssign: return "*=";
    case Tok::SlashAssign: return "/="; case Tok::PercentAssign: return "%="; case Tok::Star2Assign: return "**=";
    case Tok::ShlAssign: return "<<="; case Tok::SarAssign: return ">>="; case Tok::ShrAssign: return ">>>=";
    case Tok::AmpAssign: return "&="; case Tok::PipeAssign: return "|="; case Tok::CaretAssign: return "^=";
    case Tok::AmpAmpAssign: return "&&="; case Tok::PipePipeAssign: return "||=";
    case Tok::Question2Assign: return "?\?=";
    default: break;
    }
    for (const Keyword& k : kKeywords)
        if (k.tok == t) return k.text;
    return "?";
}

Lexer::Lexer(std::string_view source, Goal goal, Program& program)
    : src_(source), s_(source.data()), n_(static_cast<uint32_t>(source.size())), goal_(goal), program_(program)
{
    // §12 InputElementHashbangOrRegExp: a HashbangComment only at the very start.
    if (n_ >= 2 && s_[0] == '#' && s_[1] == '!') skip_line_comment();
}

void Lexer::fail(const std::string& message, uint32_t offset) const
{
    throw LexError{message, offset};
}

SourcePosition PositionAt(std::string_view source, uint32_t offset)
{
    SourcePosition p;
    p.offset = offset;
    for (uint32_t i = 0, n = static_cast<uint32_t>(source.size()); i < offset && i < n;) {
        unsigned char c = static_cast<unsigned char>(source[i]);
        if (c == '\n' || (c == '\r' && !(i + 1 < n && source[i + 1] == '\n'))) {
            ++p.line; p.column = 1; ++i; continue;
        }
        if (c == '\r') { ++i; continue; }   // CR of CRLF: the LF ends the line
        size_t len = 1;
        char32_t cp = c < 0x80 ? c : unicode::DecodeUtf8(source, i, len);
        if (cp == 0x2028 || cp == 0x2029) { ++p.line; p.column = 1; } else { ++p.column; }
        i += static_cast<uint32_t>(len);
    }
    return p;
}

char32_t Lexer::peek_cp(uint32_t at, size_t& len) const
{
    if (at >= n_) { len = 0; return 0xFFFFFFFF; }
    unsigned char c = static_cast<unsigned char>(s_[at]);
    if (c < 0x80) { len = 1; return c; }
    return unicode::DecodeUtf8(src_, at, len);
}

void Lexer::new_line(uint32_t next_line_start)
{
    ++line_;
    line_start_ = next_line_start;
    continuation_bytes_ = 0;
}

void Lexer::skip_line_comment()
{
    while (pos_ < n_) {
        unsigned char c = static_cast<unsigned char>(s_[pos_]);
        if (c == '\n' || c == '\r') return;
        if (c < 0x80) { ++pos_; continue; }
        size_t len;
        char32_t cp = unicode::DecodeUtf8(src_, pos_, len);
        if (cp == 0x2028 || cp == 0x2029) return;
        continuation_bytes_ += static_cast<uint32_t>(len - 1);
        pos_ += static_cast<uint32_t>(len);
    }
}

void Lexer::skip_multiline_comment()
{
    uint32_t start = pos_;
    pos_ += 2;
    while (pos_ < n_) {
        unsigned char c = static_cast<unsigned char>(s_[pos_]);
        if (c == '*' && pos_ + 1 < n_ && s_[pos_ + 1] == '/') { pos_ += 2; return; }
        if (c == '\n') { ++pos_; new_line(pos_); continue; }
        if (c == '\r') {
            ++pos_;
            if (pos_ < n_ && s_[pos_] == '\n') ++pos_;
            new_line(pos_);
            continue;
        }
        if (c < 0x80) { ++pos_; continue; }
        size_t len;
        char32_t cp = unicode::DecodeUtf8(src_, pos_, len);
        pos_ += static_cast<uint32_t>(len);
        if (cp == 0x2028 || cp == 0x2029) new_line(pos_);
        else continuation_bytes_ += static_cast<uint32_t>(len - 1);
    }
    fail("unterminated comment", start);
}

bool Lexer::skip_trivia()
{
    bool newline = false;
    while (pos_ < n_) {
        unsigned char c = static_cast<unsigned char>(s_[pos_]);
        if (c == ' ' || c == '\t' || c == '\v' || c == '\f') { ++pos_; continue; }
        if (c == '\n') { ++pos_; new_line(pos_); newline = true; continue; }
        if (c == '\r') {
            ++pos_;
            if (pos_ < n_ && s_[pos_] == '\n') ++pos_;
            new_line(pos_);
            newline = true;
            continue;
        }
        if (c == '/') {
            if (pos_ + 1 < n_ && s_[pos_ + 1] == '/') { skip_line_comment(); continue; }
            if (pos_ + 1 < n_ && s_[pos_ + 1] == '*') {
                uint32_t line = line_;
                skip_multiline_comment();
                if (line_ != line) newline = true;
                continue;
            }
            return newline;
        }
        if (goal_ == Goal::Script) {
            // B.1.1 SingleLineHTMLOpenComment / SingleLineHTMLCloseComment.
            if (c == '<' && pos_ + 3 < n_ && s_[pos_ + 1] == '!' && s_[pos_ + 2] == '-' && s_[pos_ + 3] == '-') {
                skip_line_comment();
                continue;
            }
            if (c == '-' && (newline || !seen_token_) && pos_ + 2 < n_ && s_[pos_ + 1] == '-' && s_[pos_ + 2] == '>') {
                skip_line_comment();
                continue;
            }
        }
        if (c < 0x80) return newline;
        size_t len;
        char32_t cp = unicode::DecodeUtf8(src_, pos_, len);
        if (cp == 0x2028 || cp == 0x2029) {
            pos_ += static_cast<uint32_t>(len);
            new_line(pos_);
            newline = true;
            continue;
        }
        if (IsWhiteSpace(cp)) {
            pos_ += static_cast<uint32_t>(len);
            continuation_bytes_ += static_cast<uint32_t>(len - 1);
            continue;
        }
        return newline;
    }
    return newline;
}

char32_t Lexer::read_unicode_escape(bool& ok)
{
    // after `\u`: Hex4Digits or { CodePoint }
    ok = false;
    if (pos_ < n_ && s_[pos_] == '{') {
        uint32_t p = pos_ + 1;
        char32_t v = 0;
        bool any = false;
        while (p < n_ && HexValue(static_cast<unsigned char>(s_[p])) >= 0) {
            v = v * 16 + char32_t(HexValue(static_cast<unsigned char>(s_[p])));
            if (v > 0x10FFFF) return 0;
            any = true;
            ++p;
        }
        if (!any || p >= n_ || s_[p] != '}') return 0;
        pos_ = p + 1;
        ok = true;
        return v;
    }
    if (pos_ + 4 > n_) return 0;
    char32_t v = 0;
    for (int i = 0; i < 4; ++i) {
        int h = HexValue(static_cast<unsigned char>(s_[pos_ + i]));
        if (h < 0) return 0;
        v = v * 16 + char32_t(h);
    }
    pos_ += 4;
    ok = true;
    return v;
}

void Lexer::next(Token& t)
{
    t.newline_before = skip_trivia();
    seen_token_ = true;
    t.start = pos_;
    t.line = line_;
    t.column = pos_ - line_start_ - continuation_bytes_ + 1;
    t.escaped = false;
    t.reserved_escaped = false;
    if (pos_ >= n_) {
        t.type = Tok::EndOfSource;
        t.end = pos_;
        return;
    }
    unsigned char c = static_cast<unsigned char>(s_[pos_]);
    auto at = [&](uint32_t k) -> char { return pos_ + k < n_ ? s_[pos_ + k] : '\0'; };
    auto punct = [&](Tok type, uint32_t len) {
        t.type = type;
        pos_ += len;
        t.end = pos_;
    };
    if (c >= 0x80 || (kAscii[c] & kIdStart) || c == '\\') {
        scan_identifier(t, false);
        return;
    }
    if (kAscii[c] & kDigit) { scan_number(t); return; }
    switch (c) {
    case '{': return punct(Tok::LBrace, 1);
    case '}': return punct(Tok::RBrace, 1);
    case '(': return punct(Tok::LParen, 1);
    case ')': return punct(Tok::RParen, 1);
    case '[': return punct(Tok::LBracket, 1);
    case ']': return punct(Tok::RBracket, 1);
    case ';': return punct(Tok::Semicolon, 1);
    case ',': return punct(Tok::Comma, 1);
    case ':': return punct(Tok::Colon, 1);
    case '~': return punct(Tok::Tilde, 1);
    case '.':
        if (at(1) >= '0' && at(1) <= '9') { scan_number(t); return; }
        if (at(1) == '.' && at(2) == '.') return punct(Tok::Ellipsis, 3);
        return punct(Tok::Dot, 1);
    case '?':
        if (at(1) == '?') return at(2) == '=' ? punct(Tok::Question2Assign, 3) : punct(Tok::Question2, 2);
        // OptionalChainingPunctuator :: ?. [lookahead ∉ DecimalDigit]
        if (at(1) == '.' && !(at(2) >= '0' && at(2) <= '9')) return punct(Tok::OptionalChain, 2);
        return punct(Tok::Question, 1);
    case '<':
        if (at(1) == '<') return at(2) == '=' ? punct(Tok::ShlAssign, 3) : punct(Tok::Shl, 2);
        return at(1) == '=' ? punct(Tok::LessEq, 2) : punct(Tok::Less, 1);
    case '>':
        if (at(1) == '>') {
            if (at(2) == '>') return at(3) == '=' ? punct(Tok::ShrAssign, 4) : punct(Tok::Shr, 3);
            return at(2) == '=' ? punct(Tok::SarAssign, 3) : punct(Tok::Sar, 2);
        }
        return at(1) == '=' ? punct(Tok::GreaterEq, 2) : punct(Tok::Greater, 1);
    case '=':
        if (at(1) == '=') return at(2) == '=' ? punct(Tok::Eq3, 3) : punct(Tok::Eq2, 2);
        return at(1) == '>' ? punct(Tok::Arrow, 2) : punct(Tok::Assign, 1);
    case '!':
        if (at(1) == '=') return at(2) == '=' ? punct(Tok::NotEq2, 3) : punct(Tok::NotEq, 2);
        return punct(Tok::Bang, 1);
    case '+':
        if (at(1) == '+') return punct(Tok::PlusPlus, 2);
        return at(1) == '=' ? punct(Tok::PlusAssign, 2) : punct(Tok::Plus, 1);
    case '-':
        if (at(1) == '-') return punct(Tok::MinusMinus, 2);
        return at(1) == '=' ? punct(Tok::MinusAssign, 2) : punct(Tok::Minus, 1);
    case '*':
        if (at(1) == '*') return at(2) == '=' ? punct(Tok::Star2Assign, 3) : punct(Tok::Star2, 2);
        return at(1) == '=' ? punct(Tok::StarAssign, 2) : punct(Tok::Star, 1);
    case '/': return at(1) == '=' ? punct(Tok::SlashAssign, 2) : punct(Tok::Slash, 1);
    case '%': return at(1) == '=' ? punct(Tok::PercentAssign, 2) : punct(Tok::Percent, 1);
    case '&':
        if (at(1) == '&') return at(2) == '=' ? punct(Tok::AmpAmpAssign, 3) : punct(Tok::AmpAmp, 2);
        return at(1) == '=' ? punct(Tok::AmpAssign, 2) : punct(Tok::Amp, 1);
    case '|':
        if (at(1) == '|') return at(2) == '=' ? punct(Tok::PipePipeAssign, 3) : punct(Tok::PipePipe, 2);
        return at(1) == '=' ? punct(Tok::PipeAssign, 2) : punct(Tok::Pipe, 1);
    case '^': return at(1) == '=' ? punct(Tok::CaretAssign, 2) : punct(Tok::Caret, 1);
    case '\'': case '"': scan_string(t, static_cast<char>(c)); return;
    case '`': scan_template(t, true); return;
    case '#': ++pos_; scan_identifier(t, true); return;
    default: break;
    }
    fail(std::string("unexpected character '") + static_cast<char>(c) + "'", pos_);
}

// §12.7 IdentifierName (and §13.2 PrivateIdentifier after the '#').
void Lexer::scan_identifier(Token& t, bool private_name)
{
    uint32_t start = pos_;
    // ASCII fast path: no escapes, no non-ASCII.
    if (pos_ < n_ && static_cast<unsigned char>(s_[pos_]) < 0x80 && (kAscii[static_cast<unsigned char>(s_[pos_])] & kIdStart)) {
        uint32_t p = pos_ + 1;
        while (p < n_ && AsciiIdPart(static_cast<unsigned char>(s_[p]))) ++p;
        if (p >= n_ || (static_cast<unsigned char>(s_[p]) < 0x80 && s_[p] != '\\')) {
            std::string_view text(s_ + start, p - start);
            pos_ = p;
            t.end = p;
            t.type = private_name ? Tok::PrivateName : KeywordOf(text);
            char16_t tmp[64];
            if (text.size() <= 64) {
                for (size_t i = 0; i < text.size(); ++i) tmp[i] = static_cast<char16_t>(text[i]);
                t.name = program_.names.intern(std::u16string_view(tmp, text.size()));
            } else {
                t.name = program_.names.intern(unicode::Utf8ToUtf16(text));
            }
            return;
        }
    }
    buf_.clear();
    bool escaped = false;
    bool first = true;
    while (pos_ < n_) {
        uint32_t cp_start = pos_;
        char32_t cp;
        if (s_[pos_] == '\\') {
            if (pos_ + 1 >= n_ || s_[pos_ + 1] != 'u') fail("invalid escape in identifier", pos_);
            pos_ += 2;
            bool ok;
            cp = read_unicode_escape(ok);
            if (!ok) fail("invalid Unicode escape in identifier", cp_start);
            if (!(first ? IsIdentifierStart(cp) : IsIdentifierPart(cp)))
                fail("escaped character is not allowed in an identifier", cp_start);
            escaped = true;
        } else {
            size_t len;
            cp = peek_cp(pos_, len);
            if (!(first ? IsIdentifierStart(cp) : IsIdentifierPart(cp))) {
                if (first) fail("invalid character", pos_);
                break;
            }
            pos_ += static_cast<uint32_t>(len);
            continuation_bytes_ += static_cast<uint32_t>(len - 1);
        }
        unicode::AppendUtf16(buf_, cp);
        first = false;
    }
    t.end = pos_;
    t.escaped = escaped;
    t.name = program_.names.intern(buf_);
    if (private_name) {
        t.type = Tok::PrivateName;
        return;
    }
    Tok kw = KeywordOf(std::u16string_view(buf_));
    if (!escaped) {
        t.type = kw;
        return;
    }
    // A keyword written with escapes is never a keyword (§12.7.2); used as an
    // identifier it is an early error, as a property name it is fine.
    t.type = Tok::Identifier;
    t.reserved_escaped = kw != Tok::Identifier;
}

// §12.9.3 NumericLiteral with B.1.1 LegacyOctalIntegerLiteral and
// NonOctalDecimalIntegerLiteral.
void Lexer::scan_number(Token& t)
{
    uint32_t start = pos_;
    t.legacy_octal = false;
    t.non_octal_decimal = false;
    auto digit_ok = [&](char c, int radix) {
        int v = HexValue(static_cast<unsigned char>(c));
        return v >= 0 && v < radix && !(radix <= 10 && !(c >= '0' && c <= '9'));
    };
    // Digits with NumericLiteralSeparators: `_` only between two digits.
    std::string digits;
    auto scan_digits = [&](int radix, bool separators) {
        bool any = false;
        while (pos_ < n_) {
            char c = s_[pos_];
            if (c == '_' && separators) {
                if (!any || pos_ + 1 >= n_ || !digit_ok(s_[pos_ + 1], radix))
                    fail("numeric separator must be between digits", pos_);
                ++pos_;
                continue;
            }
            if (!digit_ok(c, radix)) break;
            digits.push_back(c);
            any = true;
            ++pos_;
        }
        return any;
    };
    auto finish = [&]() {
        // The SourceCharacter after a NumericLiteral must not be an IdentifierStart or DecimalDigit.
        if (pos_ < n_) {
            size_t len;
            char32_t cp = peek_cp(pos_, len);
            if ((cp >= '0' && cp <= '9') || IsIdentifierStart(cp) || cp == '\\')
                fail("identifier starts immediately after numeric literal", pos_);
        }
        t.end = pos_;
    };
    char c0 = s_[pos_];
    char c1 = pos_ + 1 < n_ ? s_[pos_ + 1] : '\0';
    if (c0 == '0' && (c1 == 'x' || c1 == 'X' || c1 == 'o' || c1 == 'O' || c1 == 'b' || c1 == 'B')) {
        int radix = (c1 == 'x' || c1 == 'X') ? 16 : (c1 == 'o' || c1 == 'O') ? 8 : 2;
        pos_ += 2;
        if (!scan_digits(radix, true)) fail("missing digits after radix prefix", pos_);
        if (pos_ < n_ && s_[pos_] == 'n') {
            ++pos_;
            t.type = Tok::BigInt;
            std::string prefixed = std::string("0") + static_cast<char>(c1 | 0x20) + digits;
            t.bigint = program_.arena.copy(std::string_view(prefixed));
            finish();
            return;
        }
        t.type = Tok::Numeric;
        t.number = RadixPow2ToDouble(digits, radix == 16 ? 4 : radix == 8 ? 3 : 1);
        finish();
        return;
    }
    if (c0 == '0' && c1 >= '0' && c1 <= '9') {
        // LegacyOctalIntegerLiteral or NonOctalDecimalIntegerLiteral (no separators).
        ++pos_;
        bool octal = true;
        while (pos_ < n_ && s_[pos_] >= '0' && s_[pos_] <= '9') {
            if (s_[pos_] >= '8') octal = false;
            digits.push_back(s_[pos_]);
            ++pos_;
        }
        if (pos_ < n_ && s_[pos_] == '_') fail("numeric separator not allowed in legacy octal-like literal", pos_);
        if (octal) {
            t.type = Tok::Numeric;
            t.legacy_octal = true;
            t.number = RadixPow2ToDouble(digits, 3);
            if (pos_ < n_ && s_[pos_] == 'n') fail("BigInt literal cannot be a legacy octal literal", pos_);
            finish();
            return;
        }
        t.non_octal_decimal = true;
        digits.insert(digits.begin(), '0');
        // NonOctalDecimalIntegerLiteral may continue as a DecimalLiteral: 08.5, 09e1
    } else if (c0 != '.') {
        if (c0 == '0') {
            digits.push_back('0');
            ++pos_;
            if (pos_ < n_ && s_[pos_] == '_') fail("numeric separator not allowed after leading 0", pos_);
        } else {
            scan_digits(10, true);
        }
        if (pos_ < n_ && s_[pos_] == 'n') {
            if (t.non_octal_decimal) fail("invalid BigInt literal", start);
            ++pos_;
            t.type = Tok::BigInt;
            t.bigint = program_.arena.copy(std::string_view(digits));
            finish();
            return;
        }
    }
    if (pos_ < n_ && s_[pos_] == '.') {
        digits.push_back('.');
        ++pos_;
        if (pos_ < n_ && s_[pos_] == '_') fail("numeric separator must be between digits", pos_);
        scan_digits(10, true);
    }
    if (pos_ < n_ && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
        digits.push_back('e');
        ++pos_;
        if (pos_ < n_ && (s_[pos_] == '+' || s_[pos_] == '-')) digits.push_back(s_[pos_++]);
        if (pos_ < n_ && s_[pos_] == '_') fail("numeric separator must be between digits", pos_);
        if (!scan_digits(10, true)) fail("missing exponent digits", pos_);
    }
    if (pos_ < n_ && s_[pos_] == 'n') fail("invalid BigInt literal", start);
    t.type = Tok::Numeric;
    t.number = DecimalToDouble(digits);
    finish();
}

// One escape sequence after a backslash (pos_ at the character after '\').
// Returns false for an invalid escape in a template (NotEscapeSequence);
// throws for an invalid escape in a string literal.
bool Lexer::decode_escape(std::u16string& out, bool in_template, bool& octal)
{
    uint32_t escape_start = pos_ - 1;
    size_t len;
    char32_t c = peek_cp(pos_, len);
    switch (c) {
    case 'b': out.push_back(u'\b'); ++pos_; return true;
    case 'f': out.push_back(u'\f'); ++pos_; return true;
    case 'n': out.push_back(u'\n'); ++pos_; return true;
    case 'r': out.push_back(u'\r'); ++pos_; return true;
    case 't': out.push_back(u'\t'); ++pos_; return true;
    case 'v': out.push_back(u'\v'); ++pos_; return true;
    case '\r':
        ++pos_;
        if (pos_ < n_ && s_[pos_] == '\n') ++pos_;
        new_line(pos_);
        return true;   // LineContinuation
    case '\n': ++pos_; new_line(pos_); return true;
    case 0x2028: case 0x2029: pos_ += 3; new_line(pos_); return true;
    case 'x': {
        ++pos_;
        int h1 = pos_ < n_ ? HexValue(static_cast<unsigned char>(s_[pos_])) : -1;
        int h2 = pos_ + 1 < n_ ? HexValue(static_cast<unsigned char>(s_[pos_ + 1])) : -1;
        if (h1 < 0 || h2 < 0) {
            if (in_template) return false;
            fail("invalid hexadecimal escape sequence", escape_start);
        }
        pos_ += 2;
        out.push_back(static_cast<char16_t>(h1 * 16 + h2));
        return true;
    }
    case 'u': {
        ++pos_;
        bool ok;
        char32_t v = read_unicode_escape(ok);
        if (!ok) {
            if (in_template) return false;
            fail("invalid Unicode escape sequence", escape_start);
        }
        unicode::AppendUtf16(out, v);
        return true;
    }
    default: break;
    }
    if (c >= '0' && c <= '9') {
        char next = pos_ + 1 < n_ ? s_[pos_ + 1] : '\0';
        if (c == '0' && !(next >= '0' && next <= '9')) {
            out.push_back(u'\0');
            ++pos_;
            return true;
        }
        if (in_template) return false;
        octal = true;
        if (c >= '8') {   // NonOctalDecimalEscapeSequence
            out.push_back(static_cast<char16_t>(c));
            ++pos_;
            return true;
        }
        // LegacyOctalEscapeSequence: up to three octal digits, value ≤ 0377.
        int v = int(c - '0');
        ++pos_;
        int max_digits = c <= '3' ? 2 : 1;
        for (int i = 0; i < max_digits && pos_ < n_ && s_[pos_] >= '0' && s_[pos_] <= '7'; ++i)
            v = v * 8 + (s_[pos_++] - '0');
        out.push_back(static_cast<char16_t>(v));
        return true;
    }
    if (c == 0xFFFFFFFF) fail(in_template ? "unterminated template literal" : "unterminated string literal", escape_start);
    // CharacterEscapeSequence :: NonEscapeCharacter
    unicode::AppendUtf16(out, c);
    pos_ += static_cast<uint32_t>(len);
    continuation_bytes_ += static_cast<uint32_t>(len - 1);
    return true;
}

// §12.9.4 StringLiteral
void Lexer::scan_string(Token& t, char quote)
{
    uint32_t start = pos_;
    ++pos_;
    buf_.clear();
    bool octal = false;
    for (;;) {
        if (pos_ >= n_) fail("unterminated string literal", start);
        unsigned char c = static_cast<unsigned char>(s_[pos_]);
        if (c == static_cast<unsigned char>(quote)) { ++pos_; break; }
        if (c == '\\') {
            ++pos_;
            decode_escape(buf_, false, octal);
            continue;
        }
        if (c == '\n' || c == '\r') fail("unterminated string literal", start);
        if (c < 0x80) { buf_.push_back(c); ++pos_; continue; }
        size_t len;
        char32_t cp = unicode::DecodeUtf8(src_, pos_, len);
        unicode::AppendUtf16(buf_, cp);   // LS and PS are allowed in string literals
        pos_ += static_cast<uint32_t>(len);
        if (cp == 0x2028 || cp == 0x2029) new_line(pos_);
        else continuation_bytes_ += static_cast<uint32_t>(len - 1);
    }
    t.type = Tok::String;
    t.end = pos_;
    t.string = program_.arena.copy(std::u16string_view(buf_));
    t.legacy_octal = octal;
}

// §12.9.6 Template literal components, from after '`' (head) or '}'.
void Lexer::scan_template(Token& t, bool head)
{
    uint32_t start = pos_;
    ++pos_;
    buf_.clear();
    raw_.clear();
    bool cooked_ok = true;
    uint32_t invalid_at = 0;
    for (;;) {
        if (pos_ >= n_) fail("unterminated template literal", start);
        unsigned char c = static_cast<unsigned char>(s_[pos_]);
        if (c == '`') {
            ++pos_;
            t.type = head ? Tok::NoSubstitutionTemplate : Tok::TemplateTail;
            break;
        }
        if (c == '$' && pos_ + 1 < n_ && s_[pos_ + 1] == '{') {
            pos_ += 2;
            t.type = head ? Tok::TemplateHead : Tok::TemplateMiddle;
            break;
        }
        if (c == '\\') {
            uint32_t esc = pos_;
            ++pos_;
            bool octal = false;
            if (!decode_escape(buf_, true, octal)) {
                if (cooked_ok) invalid_at = esc;
                cooked_ok = false;
                if (pos_ == esc + 1) {   // NotEscapeSequence: keep the character after '\' raw
                    size_t len;
                    peek_cp(pos_, len);
                    pos_ += static_cast<uint32_t>(len);
                    continuation_bytes_ += static_cast<uint32_t>(len - 1);
                }
            }
            // TRV: the escape as written, with line terminator sequences normalized.
            for (uint32_t i = esc; i < pos_; ++i) {
                unsigned char r = static_cast<unsigned char>(s_[i]);
                if (r == '\r') {
                    raw_.push_back(u'\n');
                    if (i + 1 < pos_ && s_[i + 1] == '\n') ++i;
                } else if (r < 0x80) {
                    raw_.push_back(r);
                } else {
                    size_t len;
                    unicode::AppendUtf16(raw_, unicode::DecodeUtf8(src_, i, len));
                    i += static_cast<uint32_t>(len - 1);
                }
            }
            continue;
        }
        if (c == '\r') {
            // TV and TRV normalize <CR><LF> and <CR> to <LF>.
            ++pos_;
            if (pos_ < n_ && s_[pos_] == '\n') ++pos_;
            new_line(pos_);
            buf_.push_back(u'\n');
            raw_.push_back(u'\n');
            continue;
        }
        if (c == '\n') {
            ++pos_;
            new_line(pos_);
            buf_.push_back(u'\n');
            raw_.push_back(u'\n');
            continue;
        }
        if (c < 0x80) { buf_.push_back(c); raw_.push_back(c); ++pos_; continue; }
        size_t len;
        char32_t cp = unicode::DecodeUtf8(src_, pos_, len);
        unicode::AppendUtf16(buf_, cp);
        unicode::AppendUtf16(raw_, cp);
        pos_ += static_cast<uint32_t>(len);
        if (cp == 0x2028 || cp == 0x2029) new_line(pos_);
        else continuation_bytes_ += static_cast<uint32_t>(len - 1);
    }
    t.end = pos_;
    t.has_cooked = cooked_ok;
    t.invalid_escape = invalid_at;
    t.string = cooked_ok ? program_.arena.copy(std::u16string_view(buf_)) : std::u16string_view();
    t.raw = program_.arena.copy(std::u16string_view(raw_));
}

void Lexer::rescan_template_continuation(Token& t)
{
    pos_ = t.start;
    uint32_t line = t.line, column = t.column;
    scan_template(t, false);
    t.line = line;
    t.column = column;
}

// §12.9.5 RegularExpressionLiteral
void Lexer::rescan_regexp(Token& t)
{
    pos_ = t.start + 1;
    uint32_t start = t.start;
    bool in_class = false;
    for (;;) {
        if (pos_ >= n_) fail("unterminated regular expression literal", start);
        unsigned char c = static_cast<unsigned char>(s_[pos_]);
        if (c == '\n' || c == '\r') fail("unterminated regular expression literal", start);
        if (c >= 0x80) {
            size_t len;
            char32_t cp = unicode::DecodeUtf8(src_, pos_, len);
            if (cp == 0x2028 || cp == 0x2029) fail("unterminated regular expression literal", start);
            pos_ += static_cast<uint32_t>(len);
            continuation_bytes_ += static_cast<uint32_t>(len - 1);
            continue;
        }
        if (c == '\\') {
            ++pos_;
            if (pos_ >= n_) fail("unterminated regular expression literal", start);
            size_t len;
            char32_t cp = peek_cp(pos_, len);
            if (IsLineTerminator(cp)) fail("unterminated regular expression literal", start);
            pos_ += static_cast<uint32_t>(len);
            continuation_bytes_ += static_cast<uint32_t>(len - 1);
            continue;
        }
        if (c == '[') in_class = true;
        else if (c == ']') in_class = false;
        else if (c == '/' && !in_class) break;
        ++pos_;
    }
    uint32_t body_end = pos_;
    ++pos_;
    uint32_t flags_start = pos_;
    while (pos_ < n_) {
        if (s_[pos_] == '\\') fail("escape sequences are not allowed in regular expression flags", pos_);
        size_t len;
        char32_t cp = peek_cp(pos_, len);
        if (!IsIdentifierPart(cp)) break;
        pos_ += static_cast<uint32_t>(len);
        continuation_bytes_ += static_cast<uint32_t>(len - 1);
    }
    t.type = Tok::RegExp;
    t.end = pos_;
    t.string = program_.arena.copy(std::u16string_view(
        unicode::Utf8ToUtf16(std::string_view(s_ + start + 1, body_end - start - 1))));
    t.raw = program_.arena.copy(
        std::u16string_view(unicode::Utf8ToUtf16(std::string_view(s_ + flags_start, pos_ - flags_start))));
}

}  // namespace lockstep::syntax
