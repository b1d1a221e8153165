#include "spec/spectec.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lockstep::spec {

namespace {

bool is_name_char(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '/' || c == '-' || c == '.' || c == '\'';
}

// The name after `keyword` at the start of `line`, if the line declares one.
std::string_view declared_name(std::string_view line, std::string_view keyword)
{
    if (!line.starts_with(keyword) || line.size() <= keyword.size() || line[keyword.size()] != ' ') return {};
    std::string_view rest = line.substr(keyword.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    std::size_t end = 0;
    if (!rest.empty() && rest.front() == '$') ++end;
    while (end < rest.size() && is_name_char(rest[end])) ++end;
    return rest.substr(0, end);
}

}  // namespace

void SpecTecIndex::add(SpecTecEntry entry)
{
    auto [it, inserted] = by_name_.emplace(entry.name, entries_.size());
    if (inserted) {
        entries_.push_back(std::move(entry));
    } else if (entries_[it->second].kind == SpecTecEntry::Kind::Relation && entry.kind == SpecTecEntry::Kind::Rule) {
        // `rule Numtype_ok:` is the single rule of `relation Numtype_ok`.
        entries_[it->second] = std::move(entry);
    }
}

const SpecTecEntry* SpecTecIndex::find(std::string_view name) const
{
    auto it = by_name_.find(std::string(name));
    return it == by_name_.end() ? nullptr : &entries_[it->second];
}

std::string spectec_part(std::string_view file_name)
{
    switch (file_name.empty() ? '?' : file_name.front()) {
    case '0': return "auxiliary";
    case '1': return "syntax";
    case '2': return "validation";
    case '3': return "numerics";
    case '4': return "execution";
    case '5': return "binary";
    case '6': return "text";
    case '7': return "soundness";
    default: return "notation";
    }
}

void parse_spectec(std::string_view text, const std::string& file_name, SpecTecIndex& index)
{
    std::string part = spectec_part(file_name);
    int line_number = 0;
    int comment_depth = 0;  // inside (; … ;) block comments, which nest
    while (!text.empty()) {
        std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        ++line_number;
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        bool commented = comment_depth > 0;
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            if (line[i] == ';' && line[i + 1] == ';' && comment_depth == 0) break;  // a line comment
            if (line[i] == '(' && line[i + 1] == ';') ++comment_depth, ++i;
            else if (line[i] == ';' && line[i + 1] == ')' && comment_depth > 0) --comment_depth, ++i;
        }
        if (commented) continue;

        static constexpr struct { std::string_view keyword; SpecTecEntry::Kind kind; } kDeclarations[] = {
            {"rule", SpecTecEntry::Kind::Rule},
            {"relation", SpecTecEntry::Kind::Relation},
            {"def", SpecTecEntry::Kind::Def},
        };
        for (const auto& declaration : kDeclarations) {
            std::string_view name = declared_name(line, declaration.keyword);
            if (name.empty() || (declaration.kind == SpecTecEntry::Kind::Def && !name.starts_with('$'))) continue;
            index.add({std::string(name), declaration.kind, part, file_name, line_number});
        }
    }
}

bool load_spectec_dir(const std::string& dir, SpecTecIndex& index, std::string& error)
{
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".spectec") files.push_back(entry.path());
    if (ec || files.empty()) {
        error = dir + ": no .spectec files" + (ec ? " (" + ec.message() + ")" : "");
        return false;
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        parse_spectec(text.str(), path.filename().string(), index);
    }
    return true;
}

}  // namespace lockstep::spec
