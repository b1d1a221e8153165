#include "spec/step_list.h"

#include <cctype>

namespace lockstep::spec {

namespace {

std::string lower_roman(int n)
{
    static constexpr struct { int value; const char* digits; } kNumerals[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
        {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
    std::string out;
    for (const auto& numeral : kNumerals)
        for (; n >= numeral.value; n -= numeral.value) out += numeral.digits;
    return out;
}

// CSS lower-alpha: a … z, aa, ab … (bijective base 26).
std::string lower_alpha(int n)
{
    std::string out;
    for (; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('a' + (n - 1) % 26));
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Appends `text` to `out`, collapsing runs of whitespace to one space.
void append_collapsed(std::string& out, std::string_view text)
{
    for (char c : text) {
        bool space = is_space(c) || c == '\n';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
}

// ecmarkdown step attributes: `[id="step-foo", fence-effects="user-code"] text`.
std::string_view take_step_attributes(std::string_view text, std::string& id)
{
    if (!text.starts_with('[')) return text;
    std::size_t close = text.find(']');
    std::string_view attributes = text.substr(1, close == std::string_view::npos ? 0 : close - 1);
    if (close == std::string_view::npos || attributes.find("=\"") == std::string_view::npos) return text;
    if (std::size_t at = attributes.find("id=\""); at != std::string_view::npos &&
        (at == 0 || attributes[at - 1] == ' ' || attributes[at - 1] == ',')) {
        std::size_t start = at + 4;
        id = std::string(attributes.substr(start, attributes.find('"', start) - start));
    }
    text.remove_prefix(close + 1);
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    return text;
}

}  // namespace

std::string step_label_component(int depth, int ordinal)
{
    switch (depth % 3) {
    case 0: return std::to_string(ordinal);
    case 1: return lower_alpha(ordinal);
    default: return lower_roman(ordinal);
    }
}

std::string step_label(const std::vector<int>& path)
{
    std::string label;
    for (std::size_t depth = 0; depth < path.size(); ++depth) {
        if (depth) label += '.';
        label += step_label_component(static_cast<int>(depth), path[depth]);
    }
    return label;
}

bool parse_step_label(std::string_view label, std::vector<int>& path)
{
    path.clear();
    while (!label.empty()) {
        std::size_t dot = label.find('.');
        std::string_view component = label.substr(0, dot);
        int depth = static_cast<int>(path.size());
        int ordinal = 0;
        for (char c : component) {
            bool ok = depth % 3 == 0 ? std::isdigit(static_cast<unsigned char>(c)) : std::islower(static_cast<unsigned char>(c));
            if (!ok || component.size() > 9) return false;
            if (depth % 3 == 0) ordinal = ordinal * 10 + (c - '0');
            else if (depth % 3 == 1) ordinal = ordinal * 26 + (c - 'a' + 1);
        }
        if (depth % 3 == 2) {
            // Roman numerals: the ordinal whose rendering is `component`.
            for (int n = 1; n < 4000 && !ordinal; ++n)
                if (lower_roman(n) == component) ordinal = n;
        }
        if (ordinal <= 0 || step_label_component(depth, ordinal) != component) return false;
        path.push_back(ordinal);
        if (dot == std::string_view::npos) break;
        label.remove_prefix(dot + 1);
        if (label.empty()) return false;
    }
    return !path.empty();
}

bool is_numbered_item(std::string_view line, std::size_t* text_start)
{
    std::size_t i = 0;
    while (i < line.size() && i < 9 && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
    if (i == 0 || i + 1 >= line.size() || line[i] != '.' || !is_space(line[i + 1])) return false;
    if (text_start) *text_start = i + 2;
    return true;
}

std::vector<SpecStep> parse_step_list(std::string_view text, int first_line, int* first_step_line)
{
    struct Level {
        int indent;
        int ordinal;
    };
    std::vector<Level> levels;
    std::vector<SpecStep> steps;
    int line_number = first_line;
    while (!text.empty()) {
        std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        int this_line = line_number++;

        int indent = 0;
        std::size_t i = 0;
        for (; i < line.size() && is_space(line[i]); ++i) indent += line[i] == '\t' ? 4 : 1;
        std::string_view content = line.substr(i);
        while (!content.empty() && is_space(content.back())) content.remove_suffix(1);
        if (content.empty()) continue;

        std::size_t text_start = 0;
        if (!is_numbered_item(content, &text_start)) {
            // A bullet, a table row or a wrapped line: part of the step above.
            if (!steps.empty()) append_collapsed(steps.back().text, std::string(" ") + std::string(content));
            continue;
        }
        while (!levels.empty() && levels.back().indent > indent) levels.pop_back();
        if (!levels.empty() && levels.back().indent == indent) {
            ++levels.back().ordinal;
        } else {
            // A new level starts at the number written on its first item.
            int start = 0;
            for (char c : content.substr(0, text_start - 2)) start = start * 10 + (c - '0');
            levels.push_back({indent, start > 0 ? start : 1});
        }
        SpecStep step;
        for (const Level& level : levels) step.path.push_back(level.ordinal);
        step.depth = static_cast<int>(levels.size()) - 1;
        step.label = step_label(step.path);
        std::string_view body = take_step_attributes(content.substr(text_start), step.id);
        append_collapsed(step.text, body);
        if (steps.empty() && first_step_line) *first_step_line = this_line;
        steps.push_back(std::move(step));
    }
    for (SpecStep& step : steps)
        while (!step.text.empty() && step.text.back() == ' ') step.text.pop_back();
    return steps;
}

}  // namespace lockstep::spec
