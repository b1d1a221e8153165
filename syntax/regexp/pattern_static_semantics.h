// Static semantics of §22.2.1.1 – §22.2.1.9 that look at the whole Pattern:
// the group-name and backreference early errors. The parser records what they
// need while it builds the tree (pattern_parser.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "syntax/regexp/pattern_ast.h"

namespace lockstep::syntax::regexp {

// Where a node sits: for each Disjunction that contains it, outermost first,
// the Disjunction (numbered in parse order) and which of its Alternatives.
struct DisjunctionStep {
    uint32_t disjunction = 0;
    uint32_t alternative = 0;
    bool operator==(const DisjunctionStep&) const = default;
};
using DisjunctionPath = std::vector<DisjunctionStep>;

// A GroupSpecifier: its CapturingGroupName, where it is, and where its `(` is.
struct GroupSpecifierRecord {
    std::u16string name;
    DisjunctionPath path;
    size_t offset = 0;
};

// What the early errors of the Pattern production need to know.
struct PatternFacts {
    uint64_t left_capturing_parens = 0;            // CountLeftCapturingParensWithin(Pattern)
    std::vector<GroupSpecifierRecord> group_specifiers;
    struct NamedReference { std::u16string name; size_t offset; };
    std::vector<NamedReference> group_name_references;   // AtomEscape :: k GroupName
    struct DecimalReference { uint64_t number; size_t offset; };
    std::vector<DecimalReference> decimal_escapes;       // AtomEscape :: DecimalEscape
};

// §22.2.1.4 MightBothParticipate ( x, y )
bool MightBothParticipate(const GroupSpecifierRecord& x, const GroupSpecifierRecord& y);

// §22.2.1.9 GroupSpecifiersThatMatch ( thisGroupName )
std::vector<const GroupSpecifierRecord*> GroupSpecifiersThatMatch(const PatternFacts& pattern,
                                                                  const std::u16string& name);

// §22.2.1.1 Static Semantics: Early Errors for Pattern, AtomEscape :: k GroupName
// and AtomEscape :: DecimalEscape. The first error in source order, if any.
std::optional<PatternSyntaxError> PatternEarlyErrors(const PatternFacts& pattern);

}  // namespace lockstep::syntax::regexp
