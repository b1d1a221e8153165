// Wasm 3.0 §6.3 Lexical format (SpecTec 6.0-text.lexical).
#include "wasm/text/lexer.h"

#include "wasm/syntax/names.h"

namespace lockstep::wasm::text {

namespace {

bool is_idchar(unsigned char c)
{
    if (c <= 0x20 || c >= 0x7F) return false;
    switch (c) {
    case '"': case ',': case ';': case '(': case ')': case '[': case ']': case '{': case '}':
        return false;
    default:
        return true;
    }
}

class Lexer {
public:
    Lexer(std::string_view s, std::vector<Token>& out, TextError& err) : s_(s), out_(out), err_(err) {}

    bool run()
    {
        int annotation_depth = 0;  // > 0 while inside `(@id …)`
        for (;;) {
            if (!skip_space(annotation_depth > 0)) return false;
            if (pos_ >= s_.size()) break;
            const uint32_t line = line_, col = col_of(pos_);
            const char c = s_[pos_];
            if (annotation_depth && c != '(' && c != ')' && c != '"') {
                // Inside an annotation any printable character may appear.
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return fail("illegal character", line, col);
                // Outside strings an annotation holds only printable ASCII.
                if (static_cast<unsigned char>(c) >= 0x80)
                    return fail(utf8_length(pos_) ? "illegal character" : "malformed UTF-8 encoding", line, col);
                ++pos_;
                continue;
            }
            if (c == '(') {
                if (!annotation_depth && pos_ + 1 < s_.size() && s_[pos_ + 1] == '@') {
                    // An annotation: its contents are lexed for balance, then dropped.
                    ++pos_;
                    size_t start = ++pos_;
                    if (pos_ < s_.size() && s_[pos_] == '"') {
                        std::string id;
                        if (!string(id)) {
                            err_.message = "empty annotation id";  // as the reference lexer reports it
                            return false;
                        }
                        if (id.empty()) return fail("empty annotation id", line, col);
                        if (!valid_utf8(id)) return fail("malformed UTF-8 encoding", line, col);
                    } else {
                        while (pos_ < s_.size() && is_idchar(s_[pos_])) ++pos_;
                        if (pos_ == start) return fail("empty annotation id", line, col);
                    }
                    ++annotation_depth;
                    continue;
                }
                ++pos_;
                if (annotation_depth) ++annotation_depth; else push(TokKind::LParen, "", line, col);
                continue;
            }
            if (c == ')') {
                ++pos_;
                if (annotation_depth) --annotation_depth; else push(TokKind::RParen, "", line, col);
                continue;
            }
            Token t;
            t.line = line;
            t.column = col;
            if (c == '"') {
                t.kind = TokKind::String;
                if (!string(t.text)) return false;
            } else if (c == '$' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {
                ++pos_;
                t.kind = TokKind::Id;
                t.id_from_string = true;
                if (!string(t.text)) {
                    err_.message = "empty identifier";  // as the reference lexer reports a broken $"…"
                    return false;
                }
                if (t.text.empty()) return fail("empty identifier", line, col);
                if (!valid_utf8(t.text)) return fail("malformed UTF-8 encoding", line, col);
            } else if (is_idchar(c)) {
                const size_t start = pos_;
                while (pos_ < s_.size() && is_idchar(s_[pos_])) ++pos_;
                std::string_view word = s_.substr(start, pos_ - start);
                if (word[0] == '$') {
                    if (word.size() == 1) return fail("empty identifier", line, col);
                    t.kind = TokKind::Id;
                    t.text = std::string(word.substr(1));
                } else if (word[0] >= 'a' && word[0] <= 'z') {
                    t.kind = TokKind::Keyword;
                    t.text = std::string(word);
                } else if ((word[0] >= '0' && word[0] <= '9') || word[0] == '+' || word[0] == '-') {
                    t.kind = TokKind::Number;
                    t.text = std::string(word);
                } else {
                    return fail("unknown operator", line, col);
                }
            } else {
                return fail("illegal character", line, col);
            }
            // Tokens must be separated: `0$l` or `"a"b` is one reserved token.
            if (!annotation_depth && pos_ < s_.size()) {
                const unsigned char n = s_[pos_];
                const bool delimiter = n == ' ' || n == '\t' || n == '\n' || n == '\r' || n == '(' ||
                                       n == ')' || n == ';';
                if (!delimiter) return fail("unknown operator", line, col);
            }
            if (!annotation_depth) out_.push_back(std::move(t));
        }
        if (annotation_depth) return fail("unclosed annotation", line_, col_of(pos_));
        Token eof;
        eof.line = line_;
        eof.column = col_of(pos_);
        out_.push_back(eof);
        return true;
    }

private:
    void push(TokKind k, std::string text, uint32_t line, uint32_t col)
    {
        Token t;
        t.kind = k;
        t.text = std::move(text);
        t.line = line;
        t.column = col;
        out_.push_back(std::move(t));
    }
    bool fail(const char* message, uint32_t line, uint32_t col)
    {
        err_ = TextError{message, line, col};
        return false;
    }
    uint32_t col_of(size_t pos) const { return static_cast<uint32_t>(pos - line_start_ + 1); }
    void newline()
    {
        ++line_;
        line_start_ = pos_ + 1;
    }
    // Whitespace, `;; line` and nested `(; block ;)` comments.
    bool skip_space(bool lone_semicolon_ok)
    {
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if (c == '\n') {
                newline();
                ++pos_;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++pos_;
            } else if (c == ';' && pos_ + 1 < s_.size() && s_[pos_ + 1] == ';') {
                while (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r') {
                    if (!check_comment_char()) return false;
                    ++pos_;
                }
            } else if (c == '(' && pos_ + 1 < s_.size() && s_[pos_ + 1] == ';') {
                const uint32_t line = line_, col = col_of(pos_);
                int depth = 1;
                pos_ += 2;
                while (depth > 0) {
                    if (pos_ >= s_.size()) return fail("unclosed comment", line, col);
                    if (s_[pos_] == '(' && pos_ + 1 < s_.size() && s_[pos_ + 1] == ';') {
                        ++depth;
                        pos_ += 2;
                    } else if (s_[pos_] == ';' && pos_ + 1 < s_.size() && s_[pos_ + 1] == ')') {
                        --depth;
                        pos_ += 2;
                    } else {
                        if (s_[pos_] == '\n') newline();
                        else if (!check_comment_char()) return false;
                        ++pos_;
                    }
                }
            } else if (c == ';' && lone_semicolon_ok) {
                break;
            } else if (c == ';') {
                return fail("unexpected character ';'", line_, col_of(pos_));
            } else {
                break;
            }
        }
        return true;
    }
    // Comments may hold any character (controls included) but must be UTF-8.
    bool check_comment_char()
    {
        const unsigned char c = s_[pos_];
        if (c >= 0x80) {
            size_t len = utf8_length(pos_);
            if (!len) return fail("malformed UTF-8 encoding", line_, col_of(pos_));
            pos_ += len - 1;
        }
        return true;
    }
    size_t utf8_length(size_t p) const { return utf8_sequence_length(s_, p); }
    static int hex(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    static void append_utf8(std::string& out, uint32_t cp)
    {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    // §6.3.3 Strings: `"` stringchar* `"`, decoded to bytes.
    bool string(std::string& out)
    {
        const uint32_t line = line_, col = col_of(pos_);
        ++pos_;  // opening quote
        for (;;) {
            if (pos_ >= s_.size()) return fail("unclosed string", line, col);
            const unsigned char c = s_[pos_];
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c == '\n' || c < 0x20 || c == 0x7F) return fail("illegal character", line_, col_of(pos_));
            if (c == '\\') {
                if (pos_ + 1 >= s_.size()) return fail("unclosed string", line, col);
                const char e = s_[pos_ + 1];
                pos_ += 2;
                switch (e) {
                case 't': out += '\t'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case '"': out += '"'; break;
                case '\'': out += '\''; break;
                case '\\': out += '\\'; break;
                case 'u': {
                    if (pos_ >= s_.size() || s_[pos_] != '{') return fail("malformed escape", line_, col_of(pos_));
                    ++pos_;
                    uint64_t cp = 0;
                    size_t digits = 0;
                    while (pos_ < s_.size() && s_[pos_] != '}') {
                        if (s_[pos_] == '_' && digits) { ++pos_; continue; }
                        const int h = hex(s_[pos_]);
                        if (h < 0) return fail("malformed escape", line_, col_of(pos_));
                        cp = cp * 16 + h;
                        if (cp > 0x10FFFF) return fail("malformed escape", line_, col_of(pos_));
                        ++digits;
                        ++pos_;
                    }
                    if (pos_ >= s_.size() || !digits) return fail("malformed escape", line_, col_of(pos_));
                    ++pos_;
                    if (cp >= 0xD800 && cp <= 0xDFFF) return fail("malformed escape", line_, col_of(pos_));
                    append_utf8(out, static_cast<uint32_t>(cp));
                    break;
                }
                default: {
                    const int h1 = hex(e);
                    const int h2 = pos_ < s_.size() ? hex(s_[pos_]) : -1;
                    if (h1 < 0 || h2 < 0) return fail("malformed escape", line_, col_of(pos_));
                    ++pos_;
                    out += static_cast<char>(h1 * 16 + h2);
                }
                }
                continue;
            }
            if (c >= 0x80) {
                const size_t len = utf8_length(pos_);
                if (!len) return fail("malformed UTF-8 encoding", line_, col_of(pos_));
                out.append(s_.substr(pos_, len));
                pos_ += len;
                continue;
            }
            out += static_cast<char>(c);
            ++pos_;
        }
    }

    std::string_view s_;
    std::vector<Token>& out_;
    TextError& err_;
    size_t pos_ = 0;
    uint32_t line_ = 1;
    size_t line_start_ = 0;
};

}  // namespace

bool tokenize(std::string_view source, std::vector<Token>& out, TextError& error)
{
    return Lexer(source, out, error).run();
}

}  // namespace lockstep::wasm::text
