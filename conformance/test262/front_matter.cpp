#include "conformance/test262/front_matter.h"

#include <cstdint>
#include <set>
#include <utility>

namespace lockstep::conformance::test262 {

namespace {

struct Line {
    std::string_view text;
    int number;   // in the test file

    size_t Indent() const
    {
        size_t n = text.find_first_not_of(' ');
        return n == std::string_view::npos ? text.size() : n;
    }
    bool Blank() const { return text.find_first_not_of(" \t") == std::string_view::npos; }
};

// A YAML value as test262 writes them: a string, a list of strings, or (for
// `negative:`) a mapping of strings.
struct Value {
    enum class Kind { Scalar, List, Map } kind = Kind::Scalar;
    std::string scalar;
    std::vector<std::string> list;
    std::vector<std::pair<std::string, std::string>> map;
    int line = 0;
};

struct Error {
    std::string message;
    int line;
};

std::string_view Trim(std::string_view text)
{
    size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return {};
    size_t end = text.find_last_not_of(" \t");
    return text.substr(begin, end - begin + 1);
}

// Number of line terminators (LF, CR, CRLF) in text.
int CountLines(std::string_view text)
{
    int lines = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') ++lines;
        else if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) ++lines;
    }
    return lines;
}

std::vector<Line> SplitLines(std::string_view text, int first_line)
{
    std::vector<Line> lines;
    size_t start = 0;
    int number = first_line;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '\n' && text[i] != '\r') continue;
        lines.push_back({text.substr(start, i - start), number++});
        if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
        start = i + 1;
    }
    return lines;
}

void AppendUtf8(std::string& out, uint32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// A quoted scalar that starts text; `rest` receives what follows it.
std::variant<std::string, Error> Unquote(std::string_view text, int line, std::string_view* rest)
{
    char quote = text[0];
    std::string out;
    for (size_t i = 1; i < text.size(); ++i) {
        char c = text[i];
        if (c == quote) {
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                out += '\'';
                ++i;
                continue;
            }
            *rest = text.substr(i + 1);
            return out;
        }
        if (c != '\\' || quote == '\'') {
            out += c;
            continue;
        }
        if (++i == text.size()) break;
        switch (text[i]) {
        case '\\': out += '\\'; break;
        case '"': out += '"'; break;
        case '/': out += '/'; break;
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '0': out += '\0'; break;
        case 'x':
        case 'u': {
            size_t digits = text[i] == 'x' ? 2 : 4;
            uint32_t code = 0;
            for (size_t d = 0; d < digits; ++d) {
                char h = i + 1 < text.size() ? text[++i] : '\0';
                int v = h >= '0' && h <= '9' ? h - '0'
                      : h >= 'a' && h <= 'f' ? h - 'a' + 10
                      : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                if (v < 0) return Error{"bad escape in quoted scalar", line};
                code = code * 16 + static_cast<uint32_t>(v);
            }
            if (code >= 0xD800 && code <= 0xDFFF) return Error{"surrogate escape in quoted scalar", line};
            AppendUtf8(out, code);
            break;
        }
        default: return Error{std::string("unsupported escape '\\") + text[i] + "' in quoted scalar", line};
        }
    }
    return Error{"unterminated quoted scalar (quoted scalars must end on their line)", line};
}

// A scalar inside a list or mapping: quoted, or plain up to a comment.
std::variant<std::string, Error> ItemScalar(std::string_view text, int line)
{
    text = Trim(text);
    if (!text.empty() && (text[0] == '"' || text[0] == '\'')) {
        std::string_view rest;
        auto value = Unquote(text, line, &rest);
        if (std::holds_alternative<Error>(value)) return value;
        rest = Trim(rest);
        if (!rest.empty() && rest[0] != '#') return Error{"unexpected text after quoted scalar", line};
        return value;
    }
    if (size_t hash = text.find(" #"); hash != std::string_view::npos) text = Trim(text.substr(0, hash));
    if (!text.empty() && (text[0] == '{' || text[0] == '[' || text[0] == '&' || text[0] == '*' || text[0] == '!'))
        return Error{"unsupported YAML here: '" + std::string(text) + "'", line};
    return std::string(text);
}

class Parser {
public:
    explicit Parser(std::vector<Line> lines) : lines_(std::move(lines)) {}

    // The top-level mapping, key by key.
    std::variant<std::vector<std::pair<std::string, Value>>, Error> Parse()
    {
        std::vector<std::pair<std::string, Value>> entries;
        std::set<std::string, std::less<>> keys;
        while (next_ < lines_.size()) {
            const Line& line = lines_[next_];
            if (line.Blank() || Trim(line.text)[0] == '#') {
                ++next_;
                continue;
            }
            if (line.text[0] == '\t') return Error{"tabs cannot indent YAML", line.number};
            // The mapping may be indented as a whole; its first key says how far.
            if (entries.empty()) base_ = line.Indent();
            if (line.Indent() != base_) return Error{"unexpected indentation", line.number};
            std::string_view text = line.text.substr(base_);
            size_t colon = text.find(':');
            if (colon == std::string_view::npos || colon == 0)
                return Error{"expected 'key: value'", line.number};
            std::string key(Trim(text.substr(0, colon)));
            std::string_view rest = text.substr(colon + 1);
            if (!rest.empty() && rest[0] != ' ' && rest[0] != '\t')
                return Error{"expected a space after ':'", line.number};
            if (!keys.insert(key).second) return Error{"duplicate key '" + key + "'", line.number};
            ++next_;
            auto value = ParseValue(Trim(rest), line.number);
            if (auto* error = std::get_if<Error>(&value)) return *error;
            entries.emplace_back(std::move(key), std::move(std::get<Value>(value)));
        }
        return entries;
    }

private:
    std::variant<Value, Error> ParseValue(std::string_view rest, int line)
    {
        Value value;
        value.line = line;
        if (rest.empty()) return ParseIndentedBlock(value);
        if (rest[0] == '|' || rest[0] == '>') return ParseBlockScalar(rest, value);
        if (rest[0] == '[') return ParseFlowList(rest, value);
        if (rest[0] == '"' || rest[0] == '\'') {
            auto scalar = ItemScalar(rest, line);
            if (auto* error = std::get_if<Error>(&scalar)) return *error;
            value.scalar = std::get<std::string>(scalar);
            return value;
        }
        return ParsePlainScalar(rest, value);
    }

    // A plain scalar may continue on more-indented lines; they fold into
    // spaces (a blank line into a line break).
    std::variant<Value, Error> ParsePlainScalar(std::string_view rest, Value& value)
    {
        auto first = ItemScalar(rest, value.line);
        if (auto* error = std::get_if<Error>(&first)) return *error;
        value.scalar = std::get<std::string>(first);
        int breaks = 0;
        while (next_ < lines_.size() && (lines_[next_].Blank() || lines_[next_].Indent() > base_)) {
            const Line& line = lines_[next_++];
            if (line.Blank()) {
                ++breaks;
                continue;
            }
            auto more = ItemScalar(line.text, line.number);
            if (auto* error = std::get_if<Error>(&more)) return *error;
            value.scalar += breaks ? std::string(static_cast<size_t>(breaks), '\n') : " ";
            value.scalar += std::get<std::string>(more);
            breaks = 0;
        }
        return value;
    }

    // `key:` followed by a block list (`- item` lines, indented or not) or
    // an indented mapping of scalars; or by nothing (an empty value).
    std::variant<Value, Error> ParseIndentedBlock(Value& value)
    {
        std::optional<size_t> indent;
        bool list = false;
        for (; next_ < lines_.size(); ++next_) {
            const Line& line = lines_[next_];
            if (line.Blank()) continue;
            std::string_view text = line.text.substr(std::min(line.text.size(), line.Indent()));
            if (line.text[0] == '\t') return Error{"tabs cannot indent YAML", line.number};
            bool is_item = text[0] == '-' && (text.size() == 1 || text[1] == ' ');
            // A list may sit at its key's own indentation.
            if (line.Indent() < base_ || (line.Indent() == base_ && !(is_item && (!indent || list)))) break;
            if (text[0] == '#') continue;
            if (!indent) {
                indent = line.Indent();
                list = is_item;
                value.kind = list ? Value::Kind::List : Value::Kind::Map;
            }
            if (line.Indent() != *indent) return Error{"inconsistent indentation", line.number};
            if (list) {
                if (text[0] != '-' || (text.size() > 1 && text[1] != ' '))
                    return Error{"expected '- item'", line.number};
                auto item = ItemScalar(text.substr(1), line.number);
                if (auto* error = std::get_if<Error>(&item)) return *error;
                value.list.push_back(std::get<std::string>(item));
                continue;
            }
            size_t colon = text.find(':');
            if (colon == std::string_view::npos || colon == 0 ||
                (colon + 1 < text.size() && text[colon + 1] != ' '))
                return Error{"expected 'key: value'", line.number};
            auto item = ItemScalar(text.substr(colon + 1), line.number);
            if (auto* error = std::get_if<Error>(&item)) return *error;
            value.map.emplace_back(std::string(Trim(text.substr(0, colon))), std::get<std::string>(item));
        }
        return value;
    }

    // `[a, b]`, which may go on over the following lines until it closes.
    std::variant<Value, Error> ParseFlowList(std::string_view rest, Value& value)
    {
        value.kind = Value::Kind::List;
        std::string text(rest);
        char quote = 0;
        size_t close = std::string::npos;
        for (size_t i = 1;; ++i) {
            if (i == text.size()) {
                if (next_ == lines_.size() || lines_[next_].Indent() <= base_)
                    return Error{"unterminated '[' list", value.line};
                text += ' ';
                text += Trim(lines_[next_++].text);
                if (i == text.size()) continue;
            }
            char c = text[i];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                return Error{"nested collections are not supported", value.line};
            } else if (c == ']') {
                close = i;
                break;
            }
        }
        std::string_view after = Trim(std::string_view(text).substr(close + 1));
        if (!after.empty() && after[0] != '#') return Error{"unexpected text after ']'", value.line};
        std::string_view items = Trim(std::string_view(text).substr(1, close - 1));
        if (items.empty()) return value;
        size_t start = 0;
        quote = 0;
        for (size_t i = 0; i <= items.size(); ++i) {
            if (i < items.size()) {
                char c = items[i];
                if (quote) {
                    if (c == quote) quote = 0;
                    continue;
                }
                if (c == '"' || c == '\'') quote = c;
                if (c != ',') continue;
            }
            std::string_view item = Trim(items.substr(start, i - start));
            start = i + 1;
            if (item.empty()) {
                if (i == items.size()) break;   // `[a, b,]`
                return Error{"empty item in '[' list", value.line};
            }
            auto scalar = ItemScalar(item, value.line);
            if (auto* error = std::get_if<Error>(&scalar)) return *error;
            value.list.push_back(std::get<std::string>(scalar));
        }
        return value;
    }

    // `|` (literal) or `>` (folded), optionally with a chomping indicator
    // (`-` strip, `+` keep) and an indentation digit, in either order.
    std::variant<Value, Error> ParseBlockScalar(std::string_view header, Value& value)
    {
        bool folded = header[0] == '>';
        char chomping = 0;
        size_t explicit_indent = 0;   // relative to the mapping
        size_t i = 1;
        for (; i < header.size() && i < 3; ++i) {
            char c = header[i];
            if ((c == '-' || c == '+') && !chomping) chomping = c;
            else if (c >= '1' && c <= '9' && !explicit_indent) explicit_indent = static_cast<size_t>(c - '0');
            else break;
        }
        std::string_view after = Trim(header.substr(i));
        if (!after.empty() && after[0] != '#') return Error{"unexpected text after block scalar indicator", value.line};

        // The block: the following lines that are blank or indented.
        std::vector<std::string_view> content;
        size_t indent = explicit_indent ? base_ + explicit_indent : 0;
        while (next_ < lines_.size()) {
            const Line& line = lines_[next_];
            if (!line.Blank()) {
                if (line.Indent() <= base_) break;
                if (indent == 0) indent = line.Indent();
                if (line.Indent() < indent) return Error{"block scalar line indented too little", line.number};
            }
            content.push_back(line.text);
            ++next_;
        }
        // Trailing blank lines belong to the chomping, not the content.
        size_t trailing = 0;
        while (!content.empty() && Trim(content.back()).empty()) {
            content.pop_back();
            ++trailing;
        }
        std::string& out = value.scalar;
        int breaks = 0;             // blank lines since the last content line
        bool previous_more = false; // the last content line was more indented
        bool started = false;
        for (std::string_view raw : content) {
            // A line of nothing but indentation is empty; spaces beyond it are content.
            if (raw.size() <= indent) {
                ++breaks;
                continue;
            }
            std::string_view text = raw.substr(indent);
            bool more = text[0] == ' ' || text[0] == '\t';
            if (!started) {
                out.append(static_cast<size_t>(breaks), '\n');
            } else if (!folded || more || previous_more) {
                out.append(static_cast<size_t>(breaks) + 1, '\n');
            } else {
                // Folding: one line break becomes a space; with blank lines
                // between, only the blank lines remain as breaks.
                if (breaks == 0) out += ' ';
                else out.append(static_cast<size_t>(breaks), '\n');
            }
            out += text;
            started = true;
            breaks = 0;
            previous_more = more;
        }
        if (started && chomping != '-') out += '\n';
        if (chomping == '+') out.append(trailing, '\n');
        return value;
    }

    std::vector<Line> lines_;
    size_t next_ = 0;
    size_t base_ = 0;   // indentation of the top-level mapping
};

std::optional<Error> SetFlags(const Value& value, Flags& flags)
{
    for (const std::string& flag : value.list) {
        bool* field = flag == "onlyStrict"          ? &flags.onlyStrict
                    : flag == "noStrict"            ? &flags.noStrict
                    : flag == "module"              ? &flags.module
                    : flag == "raw"                 ? &flags.raw
                    : flag == "async"               ? &flags.async
                    : flag == "generated"           ? &flags.generated
                    : flag == "CanBlockIsFalse"     ? &flags.CanBlockIsFalse
                    : flag == "CanBlockIsTrue"      ? &flags.CanBlockIsTrue
                    : flag == "non-deterministic"   ? &flags.non_deterministic
                    : nullptr;
        if (!field) return Error{"unknown flag '" + flag + "'", value.line};
        *field = true;
    }
    if (flags.onlyStrict && (flags.noStrict || flags.raw))
        return Error{"flag onlyStrict contradicts noStrict and raw", value.line};
    if (flags.CanBlockIsFalse && flags.CanBlockIsTrue)
        return Error{"flags CanBlockIsFalse and CanBlockIsTrue contradict each other", value.line};
    return std::nullopt;
}

std::optional<Error> SetNegative(const Value& value, FrontMatter& front_matter)
{
    if (value.kind != Value::Kind::Map) return Error{"'negative' must be a mapping", value.line};
    Negative negative;
    for (const auto& [key, text] : value.map) {
        if (key == "phase") negative.phase = text;
        else if (key == "type") negative.type = text;
        else return Error{"unknown key 'negative." + key + "'", value.line};
    }
    if (negative.phase != "parse" && negative.phase != "resolution" && negative.phase != "runtime")
        return Error{"negative.phase must be parse, resolution or runtime", value.line};
    if (negative.type.empty()) return Error{"negative.type is missing", value.line};
    front_matter.negative = std::move(negative);
    return std::nullopt;
}

}  // namespace

std::variant<FrontMatter, FrontMatterError> ParseFrontMatter(std::string_view source)
{
    size_t open = source.find("/*---");
    if (open == std::string_view::npos) return FrontMatterError{"no front matter ('/*---' ... '---*/')", 1};
    size_t body = open + 5;
    int first_line = CountLines(source.substr(0, open)) + 1;
    size_t close = source.find("---*/", body);
    if (close == std::string_view::npos) return FrontMatterError{"front matter does not end ('---*/')", first_line};

    auto parsed = Parser(SplitLines(source.substr(body, close - body), first_line)).Parse();
    if (auto* error = std::get_if<Error>(&parsed)) return FrontMatterError{error->message, error->line};

    FrontMatter front_matter;
    for (auto& [key, value] : std::get<0>(parsed)) {
        std::string* scalar = key == "description" ? &front_matter.description
                            : key == "info"        ? &front_matter.info
                            : key == "esid"        ? &front_matter.esid
                            : nullptr;
        std::vector<std::string>* list = key == "includes" ? &front_matter.includes
                                       : key == "features" ? &front_matter.features
                                       : key == "locale"   ? &front_matter.locale
                                       : nullptr;
        std::optional<Error> error;
        if (scalar) {
            if (value.kind != Value::Kind::Scalar) error = Error{"'" + key + "' must be a string", value.line};
            else *scalar = std::move(value.scalar);
        } else if (list || key == "flags") {
            // `features:` with nothing after it is an empty list.
            if (value.kind == Value::Kind::Scalar && value.scalar.empty()) value.kind = Value::Kind::List;
            if (value.kind != Value::Kind::List) error = Error{"'" + key + "' must be a list", value.line};
            else if (list) *list = std::move(value.list);
            else error = SetFlags(value, front_matter.flags);
        } else if (key == "negative") {
            error = SetNegative(value, front_matter);
        }
        // Other keys (es5id, es6id, author, ...) say nothing about how to run.
        if (error) return FrontMatterError{error->message, error->line};
    }
    return front_matter;
}

}  // namespace lockstep::conformance::test262
