// ECMA-262 §22.2.2 Pattern Semantics: a Pattern's parse tree compiled into
// the Matchers of §22.2.2.1 (run by the Engine of matcher.h).
// https://tc39.es/ecma262/#sec-pattern-semantics
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <unicode/uniset.h>

#include "builtins/regexp/matcher.h"
#include "syntax/regexp/pattern_ast.h"

namespace lockstep::regexp {

// §22.2.2.1.1 RegExp Records.
struct RegExpRecord {
    bool IgnoreCase = false;
    bool Multiline = false;
    bool DotAll = false;
    bool Unicode = false;
    bool UnicodeSets = false;
    uint64_t CapturingGroupsCount = 0;
};

// §22.2.2.1 CharSet: a mathematical set of CharSetElements, each a sequence
// of characters. Single characters (code units, or code points with u / v)
// are an ICU UnicodeSet; the other sequences (the empty one and strings of
// two or more, which only UnicodeSets mode makes) are listed apart.
struct CharSet {
    icu::UnicodeSet characters;
    std::set<std::u32string> strings;
};

// What a CharacterSetMatcher captures (rer, A, invert, direction), with A
// as the set of its canonicalized characters (see CharacterSetMatcher).
struct CharacterSetTest {
    RegExpRecord rer;
    icu::UnicodeSet canonicalA;
    bool invert = false;
    Direction direction = Direction::forward;
    // Steps 2.k to 2.n: does ch match?
    bool matches(char32_t ch) const;
};

// The [[RegExpMatcher]] Abstract Closure CompilePattern returns, with the
// Matchers it holds (they refer to each other by address).
class RegExpMatcher {
public:
    // §22.2.2.2 step 2's closure (Input, index): ~failure~ is nullopt.
    // `engine` supplies the Input and is reused across calls (and carries
    // the step budget over them).
    std::optional<MatchState> operator()(Engine& engine, size_t index, Engine::Outcome& outcome) const;

    RegExpRecord rer;
    // The CapturingGroupName of each capturing group (nullopt: none), for RegExpBuiltinExec.
    std::vector<std::optional<std::u16string>> group_names;
    std::function<std::optional<MatchState>(Engine&, size_t, Engine::Outcome&)> closure;

    // Storage for the closures (a std::deque: addresses stay put).
    std::deque<Matcher> matchers;
    std::deque<CharacterSetTest> character_set_tests;
    std::deque<std::vector<uint64_t>> index_lists;
};

// §22.2.2.2 Runtime Semantics: CompilePattern ( rer )
std::shared_ptr<const RegExpMatcher> CompilePattern(const syntax::regexp::Pattern& pattern, const RegExpRecord& rer);

// §22.2.2.7.3 Canonicalize ( rer, ch )
char32_t Canonicalize(const RegExpRecord& rer, char32_t ch);

}  // namespace lockstep::regexp
