#include "syntax/regexp/pattern_static_semantics.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "spec/step.h"

namespace lockstep::syntax::regexp {

// ECMA-262 §22.2.1.4 MightBothParticipate ( x, y )
bool MightBothParticipate(const GroupSpecifierRecord& x, const GroupSpecifierRecord& y)
{
    SPEC_ALGORITHM("sec-mightbothparticipate");
    STEP("1");  // both come from the same Pattern: their paths start at its Disjunction
    SPEC_ASSERT(!x.path.empty() && !y.path.empty() && x.path[0].disjunction == y.path[0].disjunction);
    STEP("2");  // a Disjunction that holds x in one Alternative and y in another
    // The paths agree up to the innermost Disjunction containing both; only
    // there can x and y sit in different Alternatives of one Disjunction.
    auto [xi, yi] = std::mismatch(x.path.begin(), x.path.end(), y.path.begin(), y.path.end());
    if (xi != x.path.end() && yi != y.path.end() && xi->disjunction == yi->disjunction)
        return false;
    STEP("3");
    return true;
}

// ECMA-262 §22.2.1.9 GroupSpecifiersThatMatch ( thisGroupName )
std::vector<const GroupSpecifierRecord*> GroupSpecifiersThatMatch(const PatternFacts& pattern,
                                                                  const std::u16string& name)
{
    SPEC_ALGORITHM("sec-groupspecifiersthatmatch");
    STEP("1");  // name: the CapturingGroupName, computed by the parser
    STEP("2");
    STEP("3");
    std::vector<const GroupSpecifierRecord*> result;
    STEP("4");
    for (const GroupSpecifierRecord& gs : pattern.group_specifiers) {
        STEP("4.a");
        if (gs.name == name) {
            STEP("4.a.i");
            result.push_back(&gs);
        }
    }
    STEP("5");
    return result;
}

std::optional<PatternSyntaxError> PatternEarlyErrors(const PatternFacts& pattern)
{
    std::optional<PatternSyntaxError> first;
    auto report = [&first](std::string message, size_t offset) {
        if (!first || offset < first->offset) first = PatternSyntaxError{std::move(message), offset};
    };

    // Pattern :: Disjunction
    if (pattern.left_capturing_parens >= 0xFFFFFFFFull)
        report("too many capturing groups", 0);
    // Comparing every pair with one name is quadratic. Sorted by path, a name
    // has a pair that MightBothParticipate iff it has an adjacent one: between
    // x and y that first differ in two different Disjunctions (or where x's
    // path is a prefix of y's), the neighbour z of x either shares x's
    // Disjunction at that depth (then z and y form a closer such pair) or not
    // (then x and z do).
    std::map<std::u16string_view, std::vector<const GroupSpecifierRecord*>> byName;
    for (const GroupSpecifierRecord& gs : pattern.group_specifiers) byName[gs.name].push_back(&gs);
    auto pathLess = [](const GroupSpecifierRecord* a, const GroupSpecifierRecord* b) {
        auto key = [](const DisjunctionStep& s) { return std::pair(s.disjunction, s.alternative); };
        return std::lexicographical_compare(a->path.begin(), a->path.end(), b->path.begin(), b->path.end(),
                                            [&](const auto& l, const auto& r) { return key(l) < key(r); });
    };
    for (auto& [name, groups] : byName) {
        std::sort(groups.begin(), groups.end(), pathLess);
        for (size_t k = 1; k < groups.size(); ++k) {
            if (MightBothParticipate(*groups[k - 1], *groups[k]))
                report("duplicate capture group name", std::max(groups[k - 1]->offset, groups[k]->offset));
        }
    }
    // AtomEscape :: k GroupName
    for (const auto& reference : pattern.group_name_references) {
        if (GroupSpecifiersThatMatch(pattern, reference.name).empty())
            report("invalid named capture referenced", reference.offset);
    }
    // AtomEscape :: DecimalEscape
    for (const auto& reference : pattern.decimal_escapes) {
        if (reference.number > pattern.left_capturing_parens)
            report("invalid escape: no such capturing group", reference.offset);
    }
    return first;
}

}  // namespace lockstep::syntax::regexp
