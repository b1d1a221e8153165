// Wasm 3.0 SpecTec: the names code can mark with RULE("…") — every
// `rule Relation/case:`, every `relation Name:` and every `def $name`.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lockstep::spec {

struct SpecTecEntry {
    enum class Kind { Relation, Rule, Def };
    std::string name;  // "Step_pure/select-true", "Instr_ok/block", "$default_"
    Kind kind = Kind::Rule;
    std::string part;  // from the file's chapter: "validation", "execution", …
    std::string file;  // file name, e.g. "4.3-execution.instructions.spectec"
    int line = 0;
};

class SpecTecIndex {
public:
    void add(SpecTecEntry entry);
    const SpecTecEntry* find(std::string_view name) const;
    const std::vector<SpecTecEntry>& entries() const { return entries_; }

private:
    std::vector<SpecTecEntry> entries_;
    std::unordered_map<std::string, std::size_t> by_name_;
};

// The chapter a SpecTec file belongs to, from its number: "2.3-…" is
// validation, "4.3-…" execution …
std::string spectec_part(std::string_view file_name);

// Adds the rules, relations and definitions of one SpecTec source.
void parse_spectec(std::string_view text, const std::string& file_name, SpecTecIndex& index);
// Every *.spectec file of `dir`, in name order.
bool load_spectec_dir(const std::string& dir, SpecTecIndex& index, std::string& error);

}  // namespace lockstep::spec
