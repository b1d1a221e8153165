// The Pattern grammar of ECMA-262 §22.2.1, with Annex B.1.2's changes for
// patterns parsed without [UnicodeMode]. A recursive-descent parser: one
// function per nonterminal (chain productions folded in), the parameters
// [UnicodeMode], [UnicodeSetsMode] and [NamedCaptureGroups] as the members
// U, V and N. Early errors local to a production are checked where it is
// parsed; those that need the whole Pattern run afterwards
// (pattern_static_semantics.cpp).
#include "syntax/regexp/pattern_parser.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <utility>

#include "spec/step.h"
#include "syntax/unicode.h"
#include "syntax/regexp/pattern_static_semantics.h"
#include "syntax/regexp/unicode_match_property.h"

namespace lockstep::syntax::regexp {
namespace {

constexpr char32_t kEnd = 0xFFFFFFFF;   // past the last code point

bool IsLeadSurrogate(char32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool IsTrailSurrogate(char32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }
char32_t UTF16SurrogatePairToCodePoint(char32_t lead, char32_t trail)
{
    return (lead - 0xD800) * 0x400 + (trail - 0xDC00) + 0x10000;
}
bool IsDecimalDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsOctalDigit(char32_t c) { return c >= '0' && c <= '7'; }
bool IsHexDigit(char32_t c) { return IsDecimalDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
unsigned HexValue(char32_t c) { return IsDecimalDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }
bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsCharacterClassEscapeLetter(char32_t c)
{
    switch (c) {
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'p': case 'P':
        return true;
    default:
        return false;
    }
}

// SyntaxCharacter :: one of ^ $ \ . * + ? ( ) [ ] { } |
bool IsSyntaxCharacter(char32_t c)
{
    switch (c) {
    case '^': case '$': case '\\': case '.': case '*': case '+': case '?':
    case '(': case ')': case '[': case ']': case '{': case '}': case '|':
        return true;
    default:
        return false;
    }
}

// ClassSetSyntaxCharacter :: one of ( ) [ ] { } / - \ |
bool IsClassSetSyntaxCharacter(char32_t c)
{
    switch (c) {
    case '(': case ')': case '[': case ']': case '{': case '}': case '/': case '-': case '\\': case '|':
        return true;
    default:
        return false;
    }
}

// ClassSetReservedPunctuator :: one of & - ! # % , : ; < = > @ ` ~
bool IsClassSetReservedPunctuator(char32_t c)
{
    switch (c) {
    case '&': case '-': case '!': case '#': case '%': case ',': case ':': case ';':
    case '<': case '=': case '>': case '@': case '`': case '~':
        return true;
    default:
        return false;
    }
}

// ClassSetReservedDoublePunctuator: one of these characters, twice.
bool IsClassSetReservedDoublePunctuatorCharacter(char32_t c)
{
    switch (c) {
    case '&': case '!': case '#': case '$': case '%': case '*': case '+': case ',': case '.':
    case ':': case ';': case '<': case '=': case '>': case '?': case '@': case '^': case '`': case '~':
        return true;
    default:
        return false;
    }
}

// DecimalDigits compare by their MV, whatever their length.
int CompareDecimalDigits(std::u16string_view a, std::u16string_view b)
{
    while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
    while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    return a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0;
}

uint64_t SaturatingDecimalValue(std::u16string_view digits)
{
    uint64_t value = 0;
    constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
    for (char16_t d : digits) {
        unsigned digit = d - u'0';
        if (value > (kMax - digit) / 10) return kMax;
        value = value * 10 + digit;
    }
    return value;
}

// The result of trying a production that Annex B may let fall through to
// another alternative.
enum class Match { Yes, No, Error };

class PatternParser {
public:
    // backreferenceLimit: the CountLeftCapturingParensWithin(Pattern) that
    // Annex B's DecimalEscape disambiguation compares against.
    PatternParser(std::u16string_view text, bool unicodeMode, bool unicodeSetsMode,
                  bool namedCaptureGroups, uint64_t backreferenceLimit)
        : text_(text), U(unicodeMode), V(unicodeSetsMode), N(namedCaptureGroups),
          backreference_limit_(backreferenceLimit)
    {
    }

    // Pattern :: Disjunction
    bool ParsePattern(Pattern& pattern)
    {
        pattern.unicode_mode = U;
        pattern.unicode_sets_mode = V;
        pattern.named_capture_groups = N;
        if (!ParseDisjunction(pattern.disjunction)) return false;
        if (Current() != kEnd) return Fail(Current() == ')' ? "unmatched ')'" : "unexpected character", pos_);
        pattern.capturing_groups_count = facts_.left_capturing_parens;
        pattern.group_names = std::move(group_names_);
        return true;
    }

    const PatternFacts& facts() const { return facts_; }
    const PatternSyntaxError& error() const { return error_; }
    bool saw_group_name() const { return !facts_.group_specifiers.empty(); }
    // A DecimalEscape that Annex B parsed as a backreference beyond the
    // groups the Pattern turned out to have.
    bool backreference_limit_too_high() const
    {
        if (U) return false;
        for (const auto& reference : facts_.decimal_escapes)
            if (reference.number > facts_.left_capturing_parens) return true;
        return false;
    }

private:
    std::u16string_view text_;
    size_t pos_ = 0;
    const bool U, V, N;
    const uint64_t backreference_limit_;
    size_t depth_ = 0;
    uint32_t disjunctions_ = 0;
    DisjunctionPath path_;
    PatternFacts facts_;
    std::vector<std::optional<std::u16string>> group_names_;
    PatternSyntaxError error_;

    bool Fail(std::string message, size_t offset)
    {
        error_ = PatternSyntaxError{std::move(message), offset};
        return false;
    }

    // The code point at code unit index `at`: with [UnicodeMode] a surrogate
    // pair is one code point, otherwise every code unit is one.
    char32_t At(size_t at) const
    {
        if (at >= text_.size()) return kEnd;
        char32_t c = text_[at];
        if (U && IsLeadSurrogate(c) && at + 1 < text_.size() && IsTrailSurrogate(text_[at + 1]))
            return UTF16SurrogatePairToCodePoint(c, text_[at + 1]);
        return c;
    }
    size_t Width(size_t at) const { return At(at) > 0xFFFF && At(at) != kEnd ? 2 : 1; }
    char32_t Current() const { return At(pos_); }
    char32_t Next() const { return At(pos_ + Width(pos_)); }
    void Advance() { pos_ += Width(pos_); }
    bool LookingAt(std::u16string_view ascii) const { return text_.substr(pos_, ascii.size()) == ascii; }
    bool Eat(char32_t c)
    {
        if (Current() != c) return false;
        Advance();
        return true;
    }

    bool Enter(size_t offset)
    {
        if (++depth_ > kMaxPatternNesting) return Fail("pattern nested too deeply", offset);
        return true;
    }
    void Leave() { --depth_; }

    // Disjunction :: Alternative | Alternative `|` Disjunction
    bool ParseDisjunction(Disjunction& disjunction)
    {
        disjunction.range.start = pos_;
        uint32_t id = disjunctions_++;
        for (uint32_t index = 0;; ++index) {
            path_.push_back({id, index});
            Alternative& alternative = disjunction.alternatives.emplace_back();
            bool ok = ParseAlternative(alternative);
            path_.pop_back();
            if (!ok) return false;
            if (!Eat('|')) break;
        }
        disjunction.range.end = pos_;
        return true;
    }

    // Alternative :: [empty] | Alternative Term
    bool ParseAlternative(Alternative& alternative)
    {
        alternative.range.start = pos_;
        while (Current() != kEnd && Current() != '|' && Current() != ')') {
            if (!ParseTerm(alternative.terms.emplace_back())) return false;
        }
        alternative.range.end = pos_;
        return true;
    }

    // Term :: Assertion | Atom | Atom Quantifier, and Annex B's
    // QuantifiableAssertion Quantifier / ExtendedAtom Quantifier?.
    bool ParseTerm(Term& term)
    {
        term.range.start = pos_;
        Match assertion = ParseAssertion(term);
        if (assertion == Match::Error) return false;
        if (assertion == Match::No) {
            Atom& atom = term.body.emplace<Atom>();
            if (!ParseAtom(atom) || !ParseQuantifier(term.quantifier)) return false;
        }
        term.range.end = pos_;
        return true;
    }

    // Assertion; a look-ahead without [UnicodeMode] is a QuantifiableAssertion.
    Match ParseAssertion(Term& term)
    {
        static constexpr struct {
            std::u16string_view text;
            Assertion::Kind kind;
        } kAssertions[] = {
            {u"^", Assertion::Kind::LineStart},        {u"$", Assertion::Kind::LineEnd},
            {u"\\b", Assertion::Kind::WordBoundary},   {u"\\B", Assertion::Kind::NotWordBoundary},
            {u"(?=", Assertion::Kind::Lookahead},      {u"(?!", Assertion::Kind::NegativeLookahead},
            {u"(?<=", Assertion::Kind::Lookbehind},    {u"(?<!", Assertion::Kind::NegativeLookbehind},
        };
        size_t start = pos_;
        const auto* match = std::find_if(std::begin(kAssertions), std::end(kAssertions),
                                         [this](const auto& a) { return LookingAt(a.text); });
        if (match == std::end(kAssertions)) return Match::No;
        const Assertion::Kind kind = match->kind;
        const size_t length = match->text.size();
        pos_ += length;
        Assertion& assertion = term.body.emplace<Assertion>();
        assertion.kind = kind;
        if (length < 3) return Match::Yes;
        assertion.disjunction = std::make_unique<Disjunction>();
        if (!ParseGroupBody(*assertion.disjunction, start)) return Match::Error;
        bool quantifiable = !U && (kind == Assertion::Kind::Lookahead || kind == Assertion::Kind::NegativeLookahead);
        if (quantifiable && !ParseQuantifier(term.quantifier)) return Match::Error;
        return Match::Yes;
    }

    // Disjunction `)` after a group's opening; `open` is where the group began.
    bool ParseGroupBody(Disjunction& disjunction, size_t open)
    {
        if (!Enter(open)) return false;
        bool ok = ParseDisjunction(disjunction);
        Leave();
        if (!ok) return false;
        if (!Eat(')')) return Fail("unterminated group", open);
        return true;
    }

    // `{` DecimalDigits `}` | `{` DecimalDigits `,}` | `{` DecimalDigits `,` DecimalDigits `}`
    // (QuantifierPrefix and InvalidBracedQuantifier). Consumes nothing unless it matches.
    bool ParseBracedQuantifier(std::u16string_view& minDigits, std::optional<std::u16string_view>& maxDigits)
    {
        size_t at = pos_;
        auto digits = [&]() {
            size_t start = at;
            while (at < text_.size() && IsDecimalDigit(text_[at])) ++at;
            return text_.substr(start, at - start);
        };
        if (at >= text_.size() || text_[at] != '{') return false;
        ++at;
        minDigits = digits();
        if (minDigits.empty()) return false;
        maxDigits = minDigits;
        if (at < text_.size() && text_[at] == ',') {
            ++at;
            std::u16string_view second = digits();
            maxDigits = second.empty() ? std::nullopt : std::optional(second);
        }
        if (at >= text_.size() || text_[at] != '}') return false;
        pos_ = at + 1;
        return true;
    }

    // Quantifier :: QuantifierPrefix | QuantifierPrefix `?`, if one comes next.
    bool ParseQuantifier(std::optional<Quantifier>& quantifier)
    {
        size_t start = pos_;
        Quantifier q;
        switch (Current()) {
        case '*': Advance(); q.min = 0; break;
        case '+': Advance(); q.min = 1; break;
        case '?': Advance(); q.min = 0; q.max = 1; break;
        case '{': {
            std::u16string_view minDigits;
            std::optional<std::u16string_view> maxDigits;
            if (!ParseBracedQuantifier(minDigits, maxDigits)) return true;
            // QuantifierPrefix :: { DecimalDigits , DecimalDigits }
            if (maxDigits && CompareDecimalDigits(minDigits, *maxDigits) > 0)
                return Fail("numbers out of order in {} quantifier", start);
            q.min = SaturatingDecimalValue(minDigits);
            if (maxDigits) q.max = SaturatingDecimalValue(*maxDigits);
            break;
        }
        default:
            return true;
        }
        if (Eat('?')) q.greedy = false;
        q.range = {start, pos_};
        quantifier = q;
        return true;
    }

    // Atom, and Annex B's ExtendedAtom without [UnicodeMode].
    bool ParseAtom(Atom& atom)
    {
        size_t start = pos_;
        char32_t c = Current();
        switch (c) {
        case '.':
            Advance();
            atom.kind = Atom::Kind::Dot;
            return true;
        case '(':
            return ParseGroup(atom);
        case '[':
            atom.kind = Atom::Kind::CharacterClass;
            atom.character_class = std::make_unique<CharacterClass>();
            return ParseCharacterClass(*atom.character_class);
        case '\\':
            return ParseAtomEscape(atom);
        case '*': case '+': case '?':
            return Fail("nothing to repeat", start);
        case '{': {
            std::u16string_view minDigits;
            std::optional<std::u16string_view> maxDigits;
            if (ParseBracedQuantifier(minDigits, maxDigits)) return Fail("nothing to repeat", start);
            if (U) return Fail("lone quantifier brackets", start);
            break;   // ExtendedPatternCharacter
        }
        case '}': case ']':
            if (U) return Fail("lone quantifier brackets", start);
            break;   // ExtendedPatternCharacter
        default:
            break;
        }
        // PatternCharacter :: SourceCharacter but not SyntaxCharacter
        SPEC_ASSERT(!IsSyntaxCharacter(c) || (!U && (c == '{' || c == '}' || c == ']')));
        atom.kind = Atom::Kind::PatternCharacter;
        atom.character_value = c;
        Advance();
        return true;
    }

    // `(` GroupSpecifier? Disjunction `)`, `(?` RegularExpressionModifiers `:` Disjunction `)`,
    // `(?` RegularExpressionModifiers `-` RegularExpressionModifiers `:` Disjunction `)`
    bool ParseGroup(Atom& atom)
    {
        size_t start = pos_;
        Advance();
        atom.disjunction = std::make_unique<Disjunction>();
        if (Eat('?')) {
            if (Current() == '<') {
                // GroupSpecifier :: ? GroupName
                std::u16string name;
                if (!ParseGroupName(name)) return false;
                facts_.group_specifiers.push_back({name, path_, start});
                return ParseCapturingGroup(atom, start, std::move(name));
            }
            atom.kind = Atom::Kind::NonCapturingGroup;
            size_t addStart = pos_;
            if (!ParseRegularExpressionModifiers(atom.add_modifiers)) return false;
            if (Eat('-')) {
                size_t removeStart = pos_;
                if (!ParseRegularExpressionModifiers(atom.remove_modifiers)) return false;
                if (atom.add_modifiers.empty() && atom.remove_modifiers.empty())
                    return Fail("empty modifiers", addStart);
                const auto& a = atom.add_modifiers;
                const auto& r = atom.remove_modifiers;
                if ((a.i && r.i) || (a.m && r.m) || (a.s && r.s))
                    return Fail("modifier both added and removed", removeStart);
            }
            if (!Eat(':')) return Fail("invalid group", start);
            return ParseGroupBody(*atom.disjunction, start);
        }
        return ParseCapturingGroup(atom, start, std::nullopt);
    }

    bool ParseCapturingGroup(Atom& atom, size_t start, std::optional<std::u16string> name)
    {
        atom.kind = Atom::Kind::CapturingGroup;
        atom.group_number = ++facts_.left_capturing_parens;
        atom.group_name = name;
        group_names_.push_back(std::move(name));
        return ParseGroupBody(*atom.disjunction, start);
    }

    // RegularExpressionModifiers :: [empty] | RegularExpressionModifiers RegularExpressionModifier,
    // with its early error: no code point twice.
    bool ParseRegularExpressionModifiers(RegularExpressionModifiers& modifiers)
    {
        for (;;) {
            bool* flag = Current() == 'i' ? &modifiers.i
                       : Current() == 'm' ? &modifiers.m
                       : Current() == 's' ? &modifiers.s
                       : nullptr;
            if (!flag) return true;
            if (*flag) return Fail("repeated modifier", pos_);
            *flag = true;
            Advance();
        }
    }

    // GroupName :: `<` RegExpIdentifierName `>`, computing its CapturingGroupName.
    bool ParseGroupName(std::u16string& name)
    {
        size_t start = pos_;
        if (!Eat('<')) return Fail("invalid capture group name", start);
        for (bool first = true;; first = false) {
            size_t at = pos_;
            char32_t cp = Current();
            if (cp == '>' && !first) break;
            if (cp == kEnd) return Fail("invalid capture group name", start);
            if (cp == '\\') {
                // `\` RegExpUnicodeEscapeSequence[+UnicodeMode]
                Advance();
                if (Current() != 'u') return Fail("invalid capture group name", at);
                Match escape = ParseRegExpUnicodeEscapeSequence(/*unicodeMode=*/true, cp);
                if (escape == Match::Error) return false;
                if (escape == Match::No) return Fail("invalid Unicode escape in capture group name", at);
            } else {
                Advance();
                // [~UnicodeMode] UnicodeLeadSurrogate UnicodeTrailSurrogate
                if (!U && IsLeadSurrogate(cp) && IsTrailSurrogate(Current())) {
                    cp = UTF16SurrogatePairToCodePoint(cp, Current());
                    Advance();
                }
            }
            // RegExpIdentifierStart / RegExpIdentifierPart and their early errors
            if (!(first ? unicode::IsIdentifierStart(cp) : unicode::IsIdentifierPart(cp)))
                return Fail("invalid capture group name", at);
            unicode::AppendUtf16(name, cp);
        }
        Advance();   // `>`
        return true;
    }

    // RegExpUnicodeEscapeSequence after the `\`, at the `u`. Match::No when
    // the text is not one (Annex B then reads an IdentityEscape `u`).
    Match ParseRegExpUnicodeEscapeSequence(bool unicodeMode, char32_t& value)
    {
        size_t start = pos_;
        auto hex4 = [this](size_t at, char32_t& v) {
            if (at + 4 > text_.size()) return false;
            v = 0;
            for (size_t k = 0; k < 4; ++k) {
                if (!IsHexDigit(text_[at + k])) return false;
                v = v * 16 + HexValue(text_[at + k]);
            }
            return true;
        };
        if (unicodeMode && LookingAt(u"u{")) {
            // `u{` CodePoint `}`
            size_t at = pos_ + 2;
            uint64_t v = 0;
            size_t digits = 0;
            while (at < text_.size() && IsHexDigit(text_[at])) {
                v = std::min<uint64_t>(v * 16 + HexValue(text_[at]), 0x110000);
                ++at, ++digits;
            }
            if (digits == 0 || at >= text_.size() || text_[at] != '}' || v > 0x10FFFF) {
                Fail("invalid Unicode escape", start - 1);
                return Match::Error;
            }
            value = static_cast<char32_t>(v);
            pos_ = at + 1;
            return Match::Yes;
        }
        if (!hex4(pos_ + 1, value)) return Match::No;
        pos_ += 5;
        // `u` HexLeadSurrogate `\u` HexTrailSurrogate: the nearest lead takes the trail.
        char32_t trail;
        if (unicodeMode && IsLeadSurrogate(value) && LookingAt(u"\\u") && hex4(pos_ + 2, trail) &&
            IsTrailSurrogate(trail)) {
            value = UTF16SurrogatePairToCodePoint(value, trail);
            pos_ += 6;
        }
        return Match::Yes;
    }

    // `\` AtomEscape (and Annex B's `\` [lookahead = c]).
    bool ParseAtomEscape(Atom& atom)
    {
        size_t start = pos_;
        Advance();
        char32_t c = Current();
        if (c == kEnd) return Fail("\\ at end of pattern", start);
        if (c >= '1' && c <= '9') {
            // DecimalEscape :: NonZeroDigit DecimalDigits? [lookahead ∉ DecimalDigit]
            size_t digitsStart = pos_;
            while (IsDecimalDigit(Current())) Advance();
            uint64_t number = SaturatingDecimalValue(text_.substr(digitsStart, pos_ - digitsStart));
            // Annex B: only a backreference when the Pattern has that many groups.
            if (U || number <= backreference_limit_) {
                atom.kind = Atom::Kind::DecimalEscape;
                atom.group_number = number;
                facts_.decimal_escapes.push_back({number, start});
                return true;
            }
            pos_ = digitsStart;
        }
        if (Match m = ParseCharacterClassEscape(atom.class_escape); m != Match::No) {
            atom.kind = Atom::Kind::CharacterClassEscape;
            return m == Match::Yes;
        }
        if (c == 'k' && N) {
            // [+NamedCaptureGroups] `k` GroupName
            Advance();
            std::u16string name;
            if (!ParseGroupName(name)) return Fail("invalid named reference", start);
            atom.kind = Atom::Kind::GroupNameBackreference;
            atom.group_name = name;
            facts_.group_name_references.push_back({std::move(name), start});
            return true;
        }
        Match escape = ParseCharacterEscape(atom.character_value, start);
        if (escape == Match::Error) return false;
        if (escape == Match::No) {
            // ExtendedAtom :: `\` [lookahead = c]: the `\` alone; `c` is read next.
            atom.kind = Atom::Kind::PatternCharacter;
            atom.character_value = '\\';
            return true;
        }
        atom.kind = Atom::Kind::CharacterEscape;
        return true;
    }

    // CharacterClassEscape after the `\`.
    Match ParseCharacterClassEscape(std::optional<CharacterClassEscape>& escape)
    {
        size_t start = pos_ - 1;
        CharacterClassEscape e;
        switch (Current()) {
        case 'd': e.kind = CharacterClassEscape::Kind::d; break;
        case 'D': e.kind = CharacterClassEscape::Kind::D; break;
        case 's': e.kind = CharacterClassEscape::Kind::s; break;
        case 'S': e.kind = CharacterClassEscape::Kind::S; break;
        case 'w': e.kind = CharacterClassEscape::Kind::w; break;
        case 'W': e.kind = CharacterClassEscape::Kind::W; break;
        case 'p': case 'P':
            if (!U) return Match::No;
            e.kind = Current() == 'p' ? CharacterClassEscape::Kind::p : CharacterClassEscape::Kind::P;
            Advance();
            if (!ParseUnicodePropertyValueExpression(e.property, start)) return Match::Error;
            // CharacterClassEscape :: P{ UnicodePropertyValueExpression }
            if (e.kind == CharacterClassEscape::Kind::P && e.property.may_contain_strings) {
                Fail("negated property of strings", start);
                return Match::Error;
            }
            e.range = {start, pos_};
            escape = std::move(e);
            return Match::Yes;
        default:
            return Match::No;
        }
        Advance();
        e.range = {start, pos_};
        escape = std::move(e);
        return Match::Yes;
    }

    // `{` UnicodePropertyValueExpression `}` and its early errors.
    bool ParseUnicodePropertyValueExpression(UnicodePropertyValueExpression& expression, size_t escapeStart)
    {
        auto invalid = [&]() { return Fail("invalid property name", escapeStart); };
        if (!Eat('{')) return invalid();
        expression.range.start = pos_;
        auto characters = [this](bool digitsToo) {
            std::string s;
            for (char32_t c = Current(); IsAsciiLetter(c) || c == '_' || (digitsToo && IsDecimalDigit(c)); c = Current()) {
                s.push_back(static_cast<char>(c));
                Advance();
            }
            return s;
        };
        std::string first = characters(/*digitsToo=*/true);
        if (Eat('=')) {
            // UnicodePropertyName `=` UnicodePropertyValue
            expression.name = first;
            expression.value = characters(/*digitsToo=*/true);
            std::optional<std::string_view> p = UnicodeMatchProperty(V, expression.name);
            if (!p || !IsNonbinaryUnicodeProperty(*p)) return invalid();
            std::optional<std::string_view> v = UnicodeMatchPropertyValue(*p, expression.value);
            if (!v) return invalid();
            expression.canonical_property = *p;
            expression.canonical_value = *v;
        } else {
            // LoneUnicodePropertyNameOrValue
            expression.value = first;
            if (std::optional<std::string_view> gc = UnicodeMatchPropertyValue("General_Category", first)) {
                expression.canonical_property = "General_Category";
                expression.canonical_value = *gc;
            } else {
                std::optional<std::string_view> p = UnicodeMatchProperty(V, first);
                if (!p || IsNonbinaryUnicodeProperty(*p)) return invalid();
                expression.canonical_property = *p;
                expression.may_contain_strings = IsBinaryUnicodePropertyOfStrings(*p);
            }
        }
        expression.range.end = pos_;
        if (!Eat('}')) return invalid();
        return true;
    }

    // CharacterEscape after the `\`. Match::No only for Annex B's `\c` not
    // followed by a control letter.
    Match ParseCharacterEscape(char32_t& value, size_t escapeStart)
    {
        auto error = [&](const char* message) {
            Fail(message, escapeStart);
            return Match::Error;
        };
        char32_t c = Current();
        switch (c) {
        // ControlEscape
        case 'f': value = 0x0C; Advance(); return Match::Yes;
        case 'n': value = 0x0A; Advance(); return Match::Yes;
        case 'r': value = 0x0D; Advance(); return Match::Yes;
        case 't': value = 0x09; Advance(); return Match::Yes;
        case 'v': value = 0x0B; Advance(); return Match::Yes;
        case 'c':
            // `c` AsciiLetter
            if (IsAsciiLetter(Next())) {
                Advance();
                value = Current() % 32;
                Advance();
                return Match::Yes;
            }
            if (U) return error("invalid unicode escape");
            return Match::No;
        case '0':
            // `0` [lookahead ∉ DecimalDigit]
            if (!IsDecimalDigit(Next())) {
                Advance();
                value = 0;
                return Match::Yes;
            }
            if (U) return error("invalid decimal escape");
            break;
        case 'x': {
            // HexEscapeSequence :: `x` HexDigit HexDigit
            char32_t h1 = Next();
            char32_t h2 = pos_ + 2 < text_.size() ? char32_t(text_[pos_ + 2]) : kEnd;
            if (IsHexDigit(h1) && IsHexDigit(h2)) {
                value = HexValue(h1) * 16 + HexValue(h2);
                pos_ += 3;
                return Match::Yes;
            }
            if (U) return error("invalid escape");
            break;
        }
        case 'u': {
            Match m = ParseRegExpUnicodeEscapeSequence(U, value);
            if (m != Match::No) return m;
            if (U) return error("invalid Unicode escape");
            break;
        }
        default:
            break;
        }
        if (!U && IsOctalDigit(c)) {
            // [~UnicodeMode] LegacyOctalEscapeSequence
            size_t digits = 1;
            char32_t d2 = Next();
            char32_t d3 = pos_ + 2 < text_.size() ? char32_t(text_[pos_ + 2]) : kEnd;
            if (c != '0' || IsOctalDigit(d2)) {
                if (IsOctalDigit(d2)) digits = (c <= '3' && IsOctalDigit(d3)) ? 3 : 2;
            }
            value = 0;
            for (size_t k = 0; k < digits; ++k) value = value * 8 + (text_[pos_ + k] - '0');
            pos_ += digits;
            return Match::Yes;
        }
        // IdentityEscape
        bool identity = U ? (IsSyntaxCharacter(c) || c == '/')
                          : (c != 'c' && !(N && c == 'k'));   // SourceCharacterIdentityEscape
        if (!identity) return error("invalid escape");
        value = c;
        Advance();
        return Match::Yes;
    }

    // CharacterClass :: `[` ClassContents `]` | `[^` ClassContents `]` (and v-mode's NestedClass).
    bool ParseCharacterClass(CharacterClass& cls)
    {
        size_t start = pos_;
        Advance();
        cls.negated = Eat('^');
        cls.unicode_sets = V;
        if (!Enter(start)) return false;
        bool ok = V ? ParseClassSetExpression(cls.expression, cls.may_contain_strings)
                    : ParseNonemptyClassRanges(cls.ranges);
        Leave();
        if (!ok) return false;
        if (!Eat(']')) return Fail("unterminated character class", start);
        // CharacterClass :: [^ ClassContents ] and NestedClass :: [^ ClassContents ]
        if (cls.negated && cls.may_contain_strings) return Fail("negated character class may contain strings", start);
        if (cls.negated) cls.may_contain_strings = false;
        cls.range = {start, pos_};
        return true;
    }

    // [~UnicodeSetsMode] ClassContents: NonemptyClassRanges or [empty], up to the `]`.
    bool ParseNonemptyClassRanges(std::vector<ClassRangesElement>& ranges)
    {
        while (Current() != ']') {
            if (Current() == kEnd) return Fail("unterminated character class", pos_);
            ClassRangesElement& element = ranges.emplace_back();
            if (!ParseClassAtom(element.from)) return false;
            // ClassAtom `-` ClassAtom ClassContents (a `-` before `]` is a ClassAtom)
            if (Current() != '-' || Next() == ']' || Next() == kEnd) continue;
            size_t dash = pos_;
            Advance();
            if (!ParseClassAtom(element.to.emplace())) return false;
            const ClassAtom& a = element.from;
            const ClassAtom& b = *element.to;
            if (a.IsCharacterClass() || b.IsCharacterClass()) {
                if (U) return Fail("invalid character class range", dash);   // Annex B: only with [UnicodeMode]
            } else if (a.character_value > b.character_value) {
                return Fail("range out of order in character class", dash);
            }
        }
        return true;
    }

    // ClassAtom :: `-` | ClassAtomNoDash
    bool ParseClassAtom(ClassAtom& atom)
    {
        atom.range.start = pos_;
        if (Current() != '\\') {
            atom.character_value = Current();
            Advance();
        } else if (!ParseClassEscape(atom)) {
            return false;
        }
        atom.range.end = pos_;
        return true;
    }

    // `\` ClassEscape, and Annex B's ClassAtomNoDash :: `\` [lookahead = c].
    bool ParseClassEscape(ClassAtom& atom)
    {
        size_t start = pos_;
        Advance();
        char32_t c = Current();
        if (c == kEnd) return Fail("\\ at end of pattern", start);
        if (c == 'b' || (U && c == '-')) {
            atom.character_value = c == 'b' ? 0x08 : '-';
            Advance();
            return true;
        }
        if (!U && c == 'c' && (IsDecimalDigit(Next()) || Next() == '_')) {
            // [~UnicodeMode] `c` ClassControlLetter
            Advance();
            atom.character_value = Current() % 32;
            Advance();
            return true;
        }
        if (Match m = ParseCharacterClassEscape(atom.class_escape); m != Match::No) return m == Match::Yes;
        Match escape = ParseCharacterEscape(atom.character_value, start);
        if (escape == Match::No) atom.character_value = '\\';   // `\` [lookahead = c]
        return escape != Match::Error;
    }

    // [+UnicodeSetsMode] ClassContents :: [empty] | ClassSetExpression, with MayContainStrings.
    bool ParseClassSetExpression(ClassSetExpression& expression, bool& mayContainStrings)
    {
        mayContainStrings = false;
        if (Current() == ']') return true;
        ClassSetOperand& first = expression.operands.emplace_back();
        if (!ParseClassSetOperand(first, /*rangeAllowed=*/true)) return false;
        const bool firstMayContainStrings = MayContainStrings(first);
        const bool firstIsRange = first.kind == ClassSetOperand::Kind::ClassSetRange;
        bool anyStrings = firstMayContainStrings;
        bool allStrings = firstMayContainStrings;
        if (!firstIsRange && (LookingAt(u"&&") || LookingAt(u"--"))) {
            // ClassIntersection :: ClassSetOperand && [lookahead ≠ &] ClassSetOperand …
            // ClassSubtraction :: ClassSetOperand -- ClassSetOperand …
            bool intersection = LookingAt(u"&&");
            std::u16string_view op = intersection ? u"&&" : u"--";
            expression.kind = intersection ? ClassSetExpression::Kind::ClassIntersection
                                           : ClassSetExpression::Kind::ClassSubtraction;
            while (LookingAt(op)) {
                pos_ += 2;
                if (intersection && Current() == '&') return Fail("invalid set operation in character class", pos_);
                ClassSetOperand& operand = expression.operands.emplace_back();
                if (!ParseClassSetOperand(operand, /*rangeAllowed=*/false)) return false;
                allStrings = allStrings && MayContainStrings(operand);
            }
            if (Current() != ']') return Fail("invalid set operation in character class", pos_);
            mayContainStrings = intersection ? allStrings : firstMayContainStrings;
            return true;
        }
        // ClassUnion :: ClassSetRange ClassUnion? | ClassSetOperand ClassUnion?
        expression.kind = ClassSetExpression::Kind::ClassUnion;
        while (Current() != ']') {
            if (Current() == kEnd) return Fail("unterminated character class", pos_);
            if (LookingAt(u"&&") || LookingAt(u"--")) return Fail("invalid set operation in character class", pos_);
            ClassSetOperand& operand = expression.operands.emplace_back();
            if (!ParseClassSetOperand(operand, /*rangeAllowed=*/true)) return false;
            anyStrings = anyStrings || MayContainStrings(operand);
        }
        mayContainStrings = anyStrings;
        return true;
    }

    // MayContainStrings of a ClassSetOperand (a ClassSetRange: false).
    static bool MayContainStrings(const ClassSetOperand& operand)
    {
        switch (operand.kind) {
        case ClassSetOperand::Kind::ClassSetCharacter:
        case ClassSetOperand::Kind::ClassSetRange:
            return false;
        case ClassSetOperand::Kind::NestedClass:
            return operand.nested_class->may_contain_strings;
        case ClassSetOperand::Kind::CharacterClassEscape:
            return operand.class_escape->MayContainStrings();
        case ClassSetOperand::Kind::ClassStringDisjunction:
            // ClassString :: [empty] is true; NonEmptyClassString: more than one character
            for (const std::u32string& s : operand.strings.strings)
                if (s.size() != 1) return true;
            return false;
        }
        return false;
    }

    // ClassSetOperand :: NestedClass | ClassStringDisjunction | ClassSetCharacter,
    // or (in a ClassUnion) ClassSetRange :: ClassSetCharacter `-` ClassSetCharacter.
    bool ParseClassSetOperand(ClassSetOperand& operand, bool rangeAllowed)
    {
        size_t start = pos_;
        operand.range.start = start;
        if (Current() == '[') {
            operand.kind = ClassSetOperand::Kind::NestedClass;
            operand.nested_class = std::make_unique<CharacterClass>();
            if (!ParseCharacterClass(*operand.nested_class)) return false;
        } else if (LookingAt(u"\\q{")) {
            operand.kind = ClassSetOperand::Kind::ClassStringDisjunction;
            if (!ParseClassStringDisjunction(operand.strings)) return false;
        } else if (Current() == '\\' && IsCharacterClassEscapeLetter(Next())) {
            // NestedClass :: `\` CharacterClassEscape
            Advance();
            operand.kind = ClassSetOperand::Kind::CharacterClassEscape;
            if (ParseCharacterClassEscape(operand.class_escape) != Match::Yes) return false;
        } else if (!ParseClassSetCharacterOrRange(operand, rangeAllowed)) {
            return false;
        }
        operand.range.end = pos_;
        return true;
    }

    bool ParseClassSetCharacterOrRange(ClassSetOperand& operand, bool rangeAllowed)
    {
        operand.kind = ClassSetOperand::Kind::ClassSetCharacter;
        if (!ParseClassSetCharacter(operand.character_value)) return false;
        if (!rangeAllowed || Current() != '-' || LookingAt(u"--")) return true;
        // ClassSetRange :: ClassSetCharacter `-` ClassSetCharacter
        size_t dash = pos_;
        Advance();
        operand.kind = ClassSetOperand::Kind::ClassSetRange;
        if (!ParseClassSetCharacter(operand.range_end)) return false;
        if (operand.character_value > operand.range_end) return Fail("range out of order in character class", dash);
        return true;
    }

    // ClassSetCharacter
    bool ParseClassSetCharacter(char32_t& value)
    {
        size_t start = pos_;
        char32_t c = Current();
        if (c == kEnd) return Fail("unterminated character class", start);
        if (c == '\\') {
            char32_t next = Next();
            if (next == 'b' || IsClassSetReservedPunctuator(next)) {
                // `\b` | `\` ClassSetReservedPunctuator
                value = next == 'b' ? 0x08 : next;
                pos_ += 2;
                return true;
            }
            // `\` CharacterEscape[+UnicodeMode]
            Advance();
            if (Current() == kEnd) return Fail("\\ at end of pattern", start);
            return ParseCharacterEscape(value, start) == Match::Yes;
        }
        // [lookahead ∉ ClassSetReservedDoublePunctuator] SourceCharacter but not ClassSetSyntaxCharacter
        if (IsClassSetSyntaxCharacter(c)) return Fail("invalid character in character class", start);
        if (IsClassSetReservedDoublePunctuatorCharacter(c) && Next() == c)
            return Fail("invalid set operation in character class", start);
        value = c;
        Advance();
        return true;
    }

    // ClassStringDisjunction :: `\q{` ClassStringDisjunctionContents `}`
    bool ParseClassStringDisjunction(ClassStringDisjunction& disjunction)
    {
        size_t start = pos_;
        disjunction.range.start = start;
        pos_ += 3;
        disjunction.strings.emplace_back();
        for (;;) {
            if (Current() == kEnd) return Fail("unterminated class string disjunction", start);
            if (Eat('}')) break;
            if (Eat('|')) {
                disjunction.strings.emplace_back();
                continue;
            }
            char32_t value;
            if (!ParseClassSetCharacter(value)) return false;
            disjunction.strings.back().push_back(value);
        }
        disjunction.range.end = pos_;
        return true;
    }
};

// ParseText(patternText, Pattern[?U, ?V, ?N]) with every early error. Annex
// B's DecimalEscape needs CountLeftCapturingParensWithin(Pattern) before the
// parse is done: parse assuming every DecimalEscape is in range, and again
// with the real count when one was not.
ParsePatternResult ParseText(std::u16string_view text, bool u, bool v, bool n, bool* sawGroupName)
{
    uint64_t backreferenceLimit = std::numeric_limits<uint64_t>::max();
    for (bool firstPass = true;; firstPass = false) {
        Pattern pattern;
        PatternParser parser(text, u, v, n, backreferenceLimit);
        if (!parser.ParsePattern(pattern)) return parser.error();
        if (firstPass && parser.backreference_limit_too_high()) {
            backreferenceLimit = parser.facts().left_capturing_parens;
            continue;
        }
        if (std::optional<PatternSyntaxError> error = PatternEarlyErrors(parser.facts())) return *error;
        if (sawGroupName) *sawGroupName = parser.saw_group_name();
        return pattern;
    }
}

}  // namespace

// ECMA-262 §22.2.3.4 ParsePattern ( patternText, u, v ), as Annex B.1.2.9 amends it.
ParsePatternResult ParsePattern(std::u16string_view patternText, bool u, bool v)
{
    SPEC_ALGORITHM("sec-parsepattern-annexb");
    ParsePatternResult parseResult;
    STEP("1");
    if (v && u) {
        STEP("1.a");
        parseResult = PatternSyntaxError{"both u and v flags", 0};
    } else if (v) {
        STEP("2");
        STEP("2.a");
        parseResult = ParseText(patternText, true, true, true, nullptr);
    } else if (u) {
        STEP("3");
        STEP("3.a");
        parseResult = ParseText(patternText, true, false, true, nullptr);
    } else {
        STEP("4");
        STEP("4.a");
        bool containsGroupName = false;
        parseResult = ParseText(patternText, false, false, false, &containsGroupName);
        STEP("4.b");
        if (std::holds_alternative<Pattern>(parseResult) && containsGroupName) {
            STEP("4.b.i");
            parseResult = ParseText(patternText, false, false, true, nullptr);
        }
    }
    STEP("5");
    return parseResult;
}

}  // namespace lockstep::syntax::regexp
