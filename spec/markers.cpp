#include "spec/markers.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lockstep::spec {

namespace {

bool is_identifier_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

class MarkerScanner {
public:
    MarkerScanner(std::string_view source, const std::string& file, SourceMarkers& out)
        : src_(source), file_(file), out_(out)
    {
    }

    void run()
    {
        bool line_start = true;  // only whitespace so far on this line
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            if (c == '\n') {
                ++line_;
                ++pos_;
                line_start = true;
                continue;
            }
            if (std::isspace(static_cast<unsigned char>(c))) {
                ++pos_;
                continue;
            }
            if (line_start && c == '#' && !macro_body_) {
                skip_preprocessor_line();
                continue;
            }
            line_start = false;
            if (starts_with("//")) {
                while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
            } else if (starts_with("/*")) {
                skip_block_comment();
            } else if (c == '"') {
                read_string_literal();
            } else if (c == '\'') {
                skip_char_literal();
            } else if (c == '{') {
                ++depth_;
                ++pos_;
            } else if (c == '}') {
                --depth_;
                ++pos_;
                while (!scopes_.empty() && scopes_.back().depth > depth_) scopes_.pop_back();
            } else if (is_identifier_start(c)) {
                read_identifier();
            } else if (std::isdigit(static_cast<unsigned char>(c))) {
                // A number, with its digit separators (1'000).
                while (pos_ < src_.size() && (is_identifier_char(src_[pos_]) || src_[pos_] == '\'' || src_[pos_] == '.'))
                    ++pos_;
            } else {
                ++pos_;
            }
        }
    }

private:
    struct Scope {
        int depth;
        std::size_t algorithm;  // index in out_.algorithms
    };

    bool starts_with(std::string_view s) const { return src_.substr(pos_).starts_with(s); }

    void problem(int line, std::string message) { out_.problems.push_back({file_, line, std::move(message)}); }

    // A preprocessor line is skipped, but the RULE markers in a macro's
    // body count (a handler written as a macro for several instructions).
    void skip_preprocessor_line()
    {
        std::size_t start = pos_;
        int start_line = line_;
        while (pos_ < src_.size() && src_[pos_] != '\n') {
            if (src_[pos_] == '\\' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '\n') {
                ++line_;
                ++pos_;
            } else if (starts_with("/*")) {
                skip_block_comment();
                continue;
            }
            ++pos_;
        }
        std::string_view directive = src_.substr(start + 1, pos_ - start - 1);
        while (!directive.empty() && (directive.front() == ' ' || directive.front() == '\t')) directive.remove_prefix(1);
        if (!directive.starts_with("define")) return;
        MarkerScanner body(directive.substr(std::string_view("define").size()), file_, out_);
        body.line_ = start_line;
        body.macro_body_ = true;
        body.run();
    }

    void skip_block_comment()
    {
        int start = line_;
        std::size_t end = src_.find("*/", pos_ + 2);
        if (end == std::string_view::npos) {
            problem(start, "unterminated comment");
            end = src_.size();
        } else {
            end += 2;
        }
        line_ += static_cast<int>(std::count(src_.begin() + pos_, src_.begin() + end, '\n'));
        pos_ = end;
    }

    // Reads a "…" literal at pos_ (or a raw literal R"d(…)d" when `raw`),
    // returning its contents with simple escapes resolved.
    std::string read_string_literal(bool raw = false)
    {
        int start = line_;
        std::string value;
        ++pos_;
        if (raw) {
            std::size_t open = src_.find('(', pos_);
            std::string close = ")" + std::string(src_.substr(pos_, open == std::string_view::npos ? 0 : open - pos_)) + "\"";
            std::size_t end = open == std::string_view::npos ? std::string_view::npos : src_.find(close, open);
            if (end == std::string_view::npos) {
                problem(start, "unterminated raw string literal");
                pos_ = src_.size();
                return value;
            }
            value = std::string(src_.substr(open + 1, end - open - 1));
            line_ += static_cast<int>(std::count(src_.begin() + pos_, src_.begin() + end, '\n'));
            pos_ = end + close.size();
            return value;
        }
        while (pos_ < src_.size() && src_[pos_] != '"' && src_[pos_] != '\n') {
            if (src_[pos_] == '\\' && pos_ + 1 < src_.size()) {
                if (src_[pos_ + 1] == '\n') ++line_;
                value += src_[pos_ + 1];
                pos_ += 2;
            } else {
                value += src_[pos_++];
            }
        }
        if (pos_ >= src_.size() || src_[pos_] != '"') problem(start, "unterminated string literal");
        else ++pos_;
        return value;
    }

    void skip_char_literal()
    {
        ++pos_;
        while (pos_ < src_.size() && src_[pos_] != '\'' && src_[pos_] != '\n')
            pos_ += src_[pos_] == '\\' ? 2 : 1;
        if (pos_ < src_.size() && src_[pos_] == '\'') ++pos_;
    }

    void skip_space()
    {
        while (pos_ < src_.size() && std::isspace(static_cast<unsigned char>(src_[pos_]))) {
            if (src_[pos_] == '\n') ++line_;
            ++pos_;
        }
    }

    void read_identifier()
    {
        std::size_t start = pos_;
        while (pos_ < src_.size() && is_identifier_char(src_[pos_])) ++pos_;
        std::string_view word = src_.substr(start, pos_ - start);
        if (pos_ < src_.size() && src_[pos_] == '"') {
            // An encoding prefix or a raw string: u8"…", R"(…)", LR"(…)".
            read_string_literal(word.ends_with('R'));
            return;
        }
        if (word != "SPEC_ALGORITHM" && word != "STEP" && word != "RULE") return;
        if (macro_body_ && word != "RULE") return;  // a macro's steps would have no algorithm
        int line = line_;
        skip_space();
        if (pos_ >= src_.size() || src_[pos_] != '(') return;  // the name alone, not a use
        ++pos_;
        bool single_literal = false;
        std::vector<std::string> literals = read_argument_literals(single_literal);
        if (word == "RULE") {
            // RULE(cond ? "Step_pure/a" : "Step_pure/b") marks both rules.
            for (std::string& name : literals) out_.rules.push_back({std::move(name), file_, line});
            if (literals.empty()) problem(line, "RULE needs a string literal argument");
            return;
        }
        if (!single_literal) {
            problem(line, std::string(word) + " needs a single string literal argument");
            return;
        }
        if (word == "SPEC_ALGORITHM") {
            while (!scopes_.empty() && scopes_.back().depth >= depth_) scopes_.pop_back();
            scopes_.push_back({depth_, out_.algorithms.size()});
            out_.algorithms.push_back({literals.front(), file_, line, {}});
        } else if (scopes_.empty()) {
            problem(line, "STEP(\"" + literals.front() + "\") outside any SPEC_ALGORITHM");
        } else {
            out_.algorithms[scopes_.back().algorithm].steps.push_back({literals.front(), line});
        }
    }

    // Reads a macro's arguments up to the matching ')', returning the string
    // literals in them; `single` tells whether the arguments are exactly one.
    std::vector<std::string> read_argument_literals(bool& single)
    {
        std::vector<std::string> literals;
        bool other_tokens = false;
        for (int parens = 1; pos_ < src_.size();) {
            char c = src_[pos_];
            if (c == '\n') {
                ++line_;
                ++pos_;
            } else if (std::isspace(static_cast<unsigned char>(c))) {
                ++pos_;
            } else if (starts_with("//")) {
                while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
            } else if (starts_with("/*")) {
                skip_block_comment();
            } else if (c == '"') {
                literals.push_back(read_string_literal());
            } else if (c == '\'') {
                skip_char_literal();
                other_tokens = true;
            } else if (c == ';' || c == '{' || c == '}') {
                break;  // unbalanced: leave the statement to the main loop
            } else {
                if (c == '(') ++parens;
                if (c == ')' && --parens == 0) {
                    ++pos_;
                    break;
                }
                other_tokens = true;
                ++pos_;
            }
        }
        single = literals.size() == 1 && !other_tokens;
        return literals;
    }

    std::string_view src_;
    const std::string& file_;
    SourceMarkers& out_;
    std::size_t pos_ = 0;
    int line_ = 1;
    int depth_ = 0;
    bool macro_body_ = false;  // scanning a #define's body: RULE markers only
    std::vector<Scope> scopes_;
};

bool is_source_file(const std::filesystem::path& path)
{
    std::string ext = path.extension().string();
    return ext == ".cpp" || ext == ".h" || ext == ".cc" || ext == ".hpp";
}

}  // namespace

void scan_markers(std::string_view source, const std::string& file, SourceMarkers& out)
{
    MarkerScanner(source, file, out).run();
}

bool scan_marker_sources(const std::vector<std::string>& roots, SourceMarkers& out, std::string& error)
{
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (const std::string& root : roots) {
        std::error_code ec;
        if (fs::is_regular_file(root, ec)) {
            files.emplace_back(root);
            continue;
        }
        if (!fs::is_directory(root, ec)) {
            error = root + ": no such file or directory";
            return false;
        }
        for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec))
            if (it->is_regular_file() && is_source_file(it->path())) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        scan_markers(text.str(), path.string(), out);
    }
    return true;
}

}  // namespace lockstep::spec
