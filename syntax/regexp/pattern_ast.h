// The parse tree of a RegExp Pattern (ECMA-262 §22.2.1, with Annex B.1.2 for
// patterns that have neither the u nor the v flag).
//
// Nodes are named after the grammar's nonterminals and keep what §22.2.2
// CompilePattern needs: character values, group numbers and names, the
// canonical Unicode property names. Chain productions collapse into their
// parent (ClassContents → NonemptyClassRanges → ClassAtom becomes a list of
// ClassRanges elements), and Annex B's ExtendedAtom shares Atom's node
// (CompileAtom is the same for both, B.1.2.7). Every node records its source
// range in UTF-16 code units of the pattern text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lockstep::syntax::regexp {

// An early error or a parse failure: what went wrong and where.
struct PatternSyntaxError {
    std::string message;
    size_t offset = 0;   // in UTF-16 code units of the pattern text
};

struct SourceRange {
    size_t start = 0;   // UTF-16 code units, [start, end)
    size_t end = 0;
};

struct Disjunction;
struct CharacterClass;

// RegularExpressionModifiers: the i, m and s a `(?ims-ims:…)` group adds or removes.
struct RegularExpressionModifiers {
    bool i = false;
    bool m = false;
    bool s = false;
    bool empty() const { return !i && !m && !s; }
};

// UnicodePropertyValueExpression with the names resolved by
// UnicodeMatchProperty / UnicodeMatchPropertyValue.
struct UnicodePropertyValueExpression {
    SourceRange range;
    std::string name;    // source text of UnicodePropertyName; empty for a LoneUnicodePropertyNameOrValue
    std::string value;   // source text of UnicodePropertyValue or LoneUnicodePropertyNameOrValue
    // "General_Category", "Script", "Script_Extensions", a binary property or a
    // binary property of strings (canonical names).
    std::string canonical_property;
    // The canonical value for the non-binary properties; empty for binary ones.
    std::string canonical_value;
    bool may_contain_strings = false;   // MayContainStrings: a property of strings
};

// CharacterClassEscape :: d D s S w W p{…} P{…}
struct CharacterClassEscape {
    enum class Kind { d, D, s, S, w, W, p, P };
    Kind kind = Kind::d;
    SourceRange range;
    UnicodePropertyValueExpression property;   // p and P only
    bool MayContainStrings() const { return kind == Kind::p && property.may_contain_strings; }
};

// ClassAtom (and ClassAtomNoDash, ClassEscape): one character or a class escape.
struct ClassAtom {
    SourceRange range;
    std::optional<CharacterClassEscape> class_escape;   // set iff IsCharacterClass
    char32_t character_value = 0;                       // CharacterValue when not a class
    bool IsCharacterClass() const { return class_escape.has_value(); }
};

// One element of NonemptyClassRanges: a ClassAtom alone, or `ClassAtom - ClassAtom`.
// In Annex B a "range" may have a class escape at either end; CompileToCharSet
// then takes the union with `-` (CharacterRangeOrUnion, B.1.2.8.1).
struct ClassRangesElement {
    ClassAtom from;
    std::optional<ClassAtom> to;   // present for a range
};

// ClassStringDisjunction :: \q{ ClassString | ClassString … }
struct ClassStringDisjunction {
    SourceRange range;
    std::vector<std::u32string> strings;   // each ClassString's characters, possibly empty
};

// ClassSetOperand (and ClassSetRange, as an element of a ClassUnion).
struct ClassSetOperand {
    enum class Kind {
        ClassSetCharacter,       // character_value
        ClassSetRange,           // character_value - range_end
        NestedClass,             // nested_class (`[…]` or `[^…]`)
        CharacterClassEscape,    // NestedClass :: \ CharacterClassEscape
        ClassStringDisjunction,  // strings
    };
    Kind kind = Kind::ClassSetCharacter;
    SourceRange range;
    char32_t character_value = 0;
    char32_t range_end = 0;
    std::unique_ptr<CharacterClass> nested_class;
    std::optional<CharacterClassEscape> class_escape;
    ClassStringDisjunction strings;
};

// ClassSetExpression :: ClassUnion | ClassIntersection | ClassSubtraction
struct ClassSetExpression {
    enum class Kind { ClassUnion, ClassIntersection, ClassSubtraction };
    Kind kind = Kind::ClassUnion;
    std::vector<ClassSetOperand> operands;   // in source order; a ClassUnion may hold ranges
};

// CharacterClass :: [ ClassContents ] | [^ ClassContents ], and v-mode's NestedClass.
struct CharacterClass {
    SourceRange range;
    bool negated = false;
    bool unicode_sets = false;                   // which of the two ClassContents below
    std::vector<ClassRangesElement> ranges;      // [~UnicodeSetsMode] NonemptyClassRanges
    ClassSetExpression expression;               // [+UnicodeSetsMode] ClassSetExpression
    bool may_contain_strings = false;            // MayContainStrings of ClassContents
};

// Quantifier :: QuantifierPrefix `?`?
struct Quantifier {
    SourceRange range;
    // The MV of the DecimalDigits; values past 2^64 - 1 saturate, which no
    // input length can tell apart.
    uint64_t min = 0;
    std::optional<uint64_t> max;   // nullopt: +∞
    bool greedy = true;
};

// Assertion (and Annex B's QuantifiableAssertion).
struct Assertion {
    enum class Kind {
        LineStart,           // ^
        LineEnd,             // $
        WordBoundary,        // \b
        NotWordBoundary,     // \B
        Lookahead,           // (?= Disjunction )
        NegativeLookahead,   // (?! Disjunction )
        Lookbehind,          // (?<= Disjunction )
        NegativeLookbehind,  // (?<! Disjunction )
    };
    Kind kind = Kind::LineStart;
    std::unique_ptr<Disjunction> disjunction;   // the look-arounds
};

// Atom (and Annex B's ExtendedAtom).
struct Atom {
    enum class Kind {
        PatternCharacter,         // character_value (also ExtendedPatternCharacter and `\` [lookahead = c])
        Dot,                      // .
        CharacterEscape,          // \ CharacterEscape: character_value
        CharacterClassEscape,     // \ CharacterClassEscape: class_escape
        DecimalEscape,            // \ DecimalEscape: group_number (a backreference)
        GroupNameBackreference,   // \k GroupName: group_name
        CharacterClass,           // character_class
        CapturingGroup,           // ( GroupSpecifier? Disjunction ): group_number, group_name
        NonCapturingGroup,        // (? Modifiers : Disjunction ) and (? Modifiers - Modifiers : Disjunction )
    };
    Kind kind = Kind::PatternCharacter;
    char32_t character_value = 0;
    std::optional<CharacterClassEscape> class_escape;
    uint64_t group_number = 0;    // CapturingGroupNumber / the group's left-capturing-paren index (from 1)
    std::optional<std::u16string> group_name;   // CapturingGroupName
    RegularExpressionModifiers add_modifiers;
    RegularExpressionModifiers remove_modifiers;
    std::unique_ptr<CharacterClass> character_class;
    std::unique_ptr<Disjunction> disjunction;
};

// Term :: Assertion | Atom | Atom Quantifier (and Annex B's QuantifiableAssertion Quantifier).
struct Term {
    SourceRange range;
    std::variant<Assertion, Atom> body;
    std::optional<Quantifier> quantifier;
};

struct Alternative {
    SourceRange range;
    std::vector<Term> terms;
};

// Disjunction :: Alternative | Alternative `|` Disjunction, flattened.
struct Disjunction {
    SourceRange range;
    std::vector<Alternative> alternatives;
};

struct Pattern {
    Disjunction disjunction;
    bool unicode_mode = false;          // [UnicodeMode]
    bool unicode_sets_mode = false;     // [UnicodeSetsMode]
    bool named_capture_groups = false;  // [NamedCaptureGroups]
    // CountLeftCapturingParensWithin(Pattern)
    uint64_t capturing_groups_count = 0;
    // The CapturingGroupName of each capturing group, indexed by group number - 1
    // (empty optional for a group without GroupSpecifier).
    std::vector<std::optional<std::u16string>> group_names;
};

using ParsePatternResult = std::variant<Pattern, PatternSyntaxError>;

// §22.2.3.4 ParsePattern ( patternText, u, v ) with Annex B.1.2.9: parses
// patternText (a String; with u or v its surrogate pairs are code points, else
// every code unit is one) as Pattern[?UnicodeMode, ?UnicodeSetsMode,
// NamedCaptureGroups] and applies every early error of §22.2.1.1 / B.1.2.1.
ParsePatternResult ParsePattern(std::u16string_view patternText, bool u, bool v);

// Deeper nesting of groups, look-arounds and classes than this is rejected
// with a SyntaxError rather than risking the native stack.
inline constexpr size_t kMaxPatternNesting = 256;

}  // namespace lockstep::syntax::regexp
