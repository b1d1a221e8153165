#include "spec/js_api.h"

#include "spec/step_list.h"

#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>
#include <unordered_map>

namespace lockstep::spec {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

int indent_of(std::string_view line)
{
    int indent = 0;
    for (char c : line) {
        if (c == ' ') ++indent;
        else if (c == '\t') indent += 4;
        else break;
    }
    return indent;
}

// The value of attribute `name` in a tag's text: name="v", name=v, or
// present without a value ("").
std::optional<std::string> attribute(std::string_view tag, std::string_view name)
{
    for (std::size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
        if (at == 0 || !std::isspace(static_cast<unsigned char>(tag[at - 1]))) continue;
        std::size_t end = at + name.size();
        if (end < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[end])) || tag[end] == '-')) continue;
        if (end >= tag.size() || tag[end] != '=') return std::string();
        std::string_view rest = tag.substr(end + 1);
        if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
            std::size_t close = rest.find(rest.front(), 1);
            return std::string(rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
        }
        std::size_t stop = 0;
        while (stop < rest.size() && !std::isspace(static_cast<unsigned char>(rest[stop])) && rest[stop] != '>') ++stop;
        return std::string(rest.substr(0, stop));
    }
    return std::nullopt;
}

std::string slug(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string pascal_case(std::string_view text)
{
    std::string out;
    bool start = true;
    for (char c : text) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            start = true;
        } else {
            out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
            start = false;
        }
    }
    return out;
}

// What a <dfn> in an algorithm's introduction says about the algorithm.
struct Definition {
    std::string id, title, name;
};

std::optional<Definition> find_definition(std::string_view intro)
{
    std::size_t open = intro.rfind("<dfn");
    if (open == std::string_view::npos) return std::nullopt;
    std::size_t tag_end = intro.find('>', open);
    std::size_t close = intro.find("</dfn>", tag_end);
    if (tag_end == std::string_view::npos || close == std::string_view::npos) return std::nullopt;
    std::string_view tag = intro.substr(open, tag_end - open);
    std::string text = render_bikeshed_text(intro.substr(tag_end + 1, close - tag_end - 1));
    // "The <dfn …>abstract operation [=HostResizeArrayBuffer=]</dfn> takes …"
    if (text.starts_with("abstract operation ")) text.erase(0, std::string_view("abstract operation ").size());
    Definition definition;
    definition.title = text;
    std::optional<std::string> for_attr = attribute(tag, "for");
    bool idl_member = for_attr && (attribute(tag, "method") || attribute(tag, "constructor") ||
                                   attribute(tag, "attribute") || attribute(tag, "operation"));
    std::optional<std::string> lt = attribute(tag, "lt");
    std::string linking = lt ? lt->substr(0, lt->find('|')) : text;
    std::string member = linking.substr(0, linking.find('('));
    if (idl_member) {
        definition.id = "dom-" + slug(*for_attr) + "-" + slug(member);
        definition.name = attribute(tag, "constructor") ? *for_attr : *for_attr + "." + member;
        definition.title = *for_attr + "." + text;
    } else {
        definition.id = slug(member);
        definition.name = pascal_case(member);
    }
    if (std::optional<std::string> id = attribute(tag, "id"); id && !id->empty()) definition.id = *id;
    return definition;
}

}  // namespace

std::string render_bikeshed_text(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        std::string_view rest = text.substr(i);
        if (rest.starts_with("[=") || rest.starts_with("[$")) {
            std::string_view end_marker = rest[1] == '=' ? "=]" : "$]";
            std::size_t end = rest.find(end_marker, 2);
            if (end != std::string_view::npos) {
                std::string_view inner = rest.substr(2, end - 2);
                std::size_t bar = inner.find('|');
                std::string_view shown = bar == std::string_view::npos ? inner : inner.substr(bar + 1);
                if (std::size_t slash = shown.rfind('/'); bar == std::string_view::npos && slash != std::string_view::npos)
                    shown = shown.substr(slash + 1);
                out += shown;
                i += end + 2;
                continue;
            }
        }
        if (rest.starts_with("{{")) {
            std::size_t end = rest.find("}}", 2);
            if (end != std::string_view::npos) {
                out += rest.substr(2, end - 2);
                i += end + 2;
                continue;
            }
        }
        if (rest.starts_with("\\[")) {
            out += '[';
            i += 2;
            continue;
        }
        if (rest.front() == '<') {
            std::size_t end = rest.find('>');
            bool tag = end != std::string_view::npos && rest.size() > 1 &&
                       (std::isalpha(static_cast<unsigned char>(rest[1])) || rest[1] == '/');
            if (tag) {
                i += end + 1;
                continue;
            }
        }
        if (rest.front() == '|') {
            std::size_t end = rest.find('|', 1);
            // |x| is a variable; Bikeshed variables may hold spaces (|stored settings|).
            if (end != std::string_view::npos && end > 1 && end < 40) {
                out += rest.substr(1, end - 1);
                i += end + 1;
                continue;
            }
        }
        out += rest.front();
        ++i;
    }
    return out;
}

void load_js_api(std::string_view text, SpecIndex& index)
{
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }

    std::optional<std::string> algorithm_attr;  // inside <div algorithm…>
    std::size_t intro_start = 0;                 // first line an introduction may use
    std::string last_id;                         // the algorithm a dfn-less list continues
    std::unordered_map<std::string, int> clause_of;
    bool in_pre = false, in_comment = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        std::string_view content = trim(line);
        if (in_comment) {
            in_comment = content.find("-->") == std::string_view::npos;
            intro_start = i + 1;
            continue;
        }
        if (in_pre) {
            in_pre = content.find("</pre>") == std::string_view::npos && content.find("</xmp>") == std::string_view::npos;
            intro_start = i + 1;
            continue;
        }
        if (content.starts_with("<!--")) {
            in_comment = content.find("-->") == std::string_view::npos;
            intro_start = i + 1;
            continue;
        }
        if (content.starts_with("<pre") || content.starts_with("<xmp")) {
            in_pre = content.find("</pre>") == std::string_view::npos && content.find("</xmp>") == std::string_view::npos;
            intro_start = i + 1;
            continue;
        }
        if (content.starts_with("<h") && content.size() > 2 && std::isdigit(static_cast<unsigned char>(content[2]))) {
            intro_start = i + 1;
            last_id.clear();
            continue;
        }
        if (content.starts_with("<div")) {
            algorithm_attr = attribute(content.substr(0, content.find('>')), "algorithm");
            intro_start = i;
            last_id.clear();
            continue;
        }
        if (content.starts_with("</div>")) {
            algorithm_attr.reset();
            intro_start = i + 1;
            last_id.clear();
            continue;
        }
        if (!is_numbered_item(content)) continue;

        // A list: its items and everything indented deeper, blank lines included.
        int base = indent_of(line);
        std::size_t end = i + 1;
        for (; end < lines.size(); ++end) {
            std::string_view next = trim(lines[end]);
            if (next.empty()) continue;
            if (next.starts_with("</div>") || indent_of(lines[end]) < base) break;
            if (indent_of(lines[end]) == base && !is_numbered_item(next)) break;
        }
        while (end > i + 1 && trim(lines[end - 1]).empty()) --end;

        std::string intro;
        for (std::size_t k = intro_start; k < i; ++k) (intro += lines[k]) += '\n';
        std::optional<Definition> definition = find_definition(intro);
        // An algorithm attribute written as prose gets the anchor form of it.
        std::string id = !algorithm_attr || algorithm_attr->empty() ? (definition ? definition->id : last_id)
                         : algorithm_attr->find(' ') != std::string::npos ? slug(*algorithm_attr)
                                                                           : *algorithm_attr;
        std::string list_text;
        for (std::size_t k = i; k < end; ++k) (list_text += render_bikeshed_text(lines[k])) += '\n';
        SpecAlgorithm algorithm;
        algorithm.steps = parse_step_list(list_text, static_cast<int>(i) + 1, &algorithm.line);
        i = end - 1;
        intro_start = end;
        if (id.empty()) continue;  // steps that belong to no named algorithm
        last_id = id;

        auto known = clause_of.find(id);
        if (known == clause_of.end()) {
            SpecClause clause;
            clause.document = SpecDocument::JsApi;
            clause.id = id;
            clause.type = "algorithm";
            if (definition) {
                clause.title = definition->title;
                clause.name = definition->name;
            } else {
                clause.title = algorithm_attr ? *algorithm_attr : id;
                clause.name = pascal_case(clause.title);
            }
            int added = index.add(std::move(clause));
            if (added < 0) continue;  // the id is an ECMA-262 clause's: keep that one
            known = clause_of.emplace(id, added).first;
        }
        index.mutable_clause(known->second)->algorithms.push_back(std::move(algorithm));
    }
}

bool load_js_api_file(const std::string& path, SpecIndex& index, std::string& error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": cannot read";
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    load_js_api(text.str(), index);
    return true;
}

}  // namespace lockstep::spec
