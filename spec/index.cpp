#include "spec/index.h"

#include "spec/step_list.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace lockstep::spec {

namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b)
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

}  // namespace

const SpecStep* SpecAlgorithm::find_step(std::string_view label) const
{
    for (const SpecStep& step : steps)
        if (step.label == label) return &step;
    return nullptr;
}

std::optional<SpecAlgorithm::Span> SpecAlgorithm::marker_span(std::string_view label) const
{
    auto position = [&](std::string_view l) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < steps.size(); ++i)
            if (steps[i].label == l) return i;
        return std::nullopt;
    };
    std::size_t dash = label.find('-');
    if (dash == std::string_view::npos) {
        std::optional<std::size_t> at = position(label);
        if (!at) return std::nullopt;
        return Span{*at, *at + 1};
    }
    std::optional<std::size_t> first = position(label.substr(0, dash));
    std::optional<std::size_t> last = position(label.substr(dash + 1));
    if (!first || !last || *first > *last) return std::nullopt;
    const SpecStep& a = steps[*first];
    const SpecStep& b = steps[*last];
    if (a.depth != b.depth || !std::equal(a.path.begin(), a.path.end() - 1, b.path.begin())) return std::nullopt;
    std::size_t end = *last + 1;
    while (end < steps.size() && steps[end].depth > b.depth) ++end;
    return Span{*first, end};
}

int SpecIndex::add(SpecClause clause)
{
    auto [it, inserted] = by_id_.emplace(clause.id, clauses_.size());
    if (!inserted) return -1;
    clauses_.push_back(std::move(clause));
    return static_cast<int>(it->second);
}

const SpecClause* SpecIndex::find_id(std::string_view id) const
{
    auto it = by_id_.find(std::string(id));
    return it == by_id_.end() ? nullptr : &clauses_[it->second];
}

const SpecClause* SpecIndex::find(std::string_view key) const
{
    if (const SpecClause* clause = find_id(key)) return clause;
    std::string_view number = key.starts_with("§") ? key.substr(std::string_view("§").size()) : key;
    for (const SpecClause& clause : clauses_)
        if (!clause.number.empty() && clause.number == number) return &clause;
    for (const SpecClause& clause : clauses_)
        if (clause.name == key) return &clause;
    for (const SpecClause& clause : clauses_)
        if (equals_ignoring_case(clause.name, key) || equals_ignoring_case(clause.title, key))
            return &clause;
    return nullptr;
}

AlgorithmAddress parse_algorithm_address(std::string_view address)
{
    AlgorithmAddress result;
    std::size_t at = address.find('@');
    if (at != std::string_view::npos) {
        result.step = std::string(address.substr(at + 1));
        address = address.substr(0, at);
        std::vector<int> path;
        if (!parse_step_label(result.step, path)) result.valid = false;
    }
    std::size_t hash = address.find('#');
    result.clause_id = std::string(address.substr(0, hash));
    if (hash == std::string_view::npos) return result;
    std::string_view ordinal = address.substr(hash + 1);
    auto [end, ec] = std::from_chars(ordinal.data(), ordinal.data() + ordinal.size(), result.ordinal);
    result.valid = result.valid && ec == std::errc() && end == ordinal.data() + ordinal.size() && result.ordinal >= 1;
    return result;
}

}  // namespace lockstep::spec
