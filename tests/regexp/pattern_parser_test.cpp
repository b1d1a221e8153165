// RegExp pattern syntax: ECMA-262 §22.2.1 with the early errors of §22.2.1.1
// and Annex B.1.2. Each test names the production or rule it pins.
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "syntax/regexp/pattern_parser.h"

namespace lockstep::syntax::regexp {
namespace {

std::optional<PatternSyntaxError> Check(std::u16string_view body, std::u16string_view flags)
{
    return IsValidRegularExpressionLiteral(body, flags);
}

#define EXPECT_VALID(body, flags) EXPECT_FALSE(Check(body, flags).has_value()) << "should parse: /" << #body << "/" << #flags
#define EXPECT_INVALID(body, flags) EXPECT_TRUE(Check(body, flags).has_value()) << "should fail: /" << #body << "/" << #flags

Pattern Parsed(ParsePatternResult result)
{
    if (auto* error = std::get_if<PatternSyntaxError>(&result)) {
        ADD_FAILURE() << "unexpected error: " << error->message << " at " << error->offset;
        return Pattern();
    }
    return std::move(std::get<Pattern>(result));
}

const Atom& OnlyAtom(const Pattern& p, size_t term = 0)
{
    return std::get<Atom>(p.disjunction.alternatives.at(0).terms.at(term).body);
}

// §13.2.7.3 IsValidRegularExpressionLiteral, step 2 and ParsePattern step 1.
TEST(RegExpFlags, OnlyKnownFlagsEachOnce)
{
    EXPECT_VALID(u"a", u"dgimsuy");
    EXPECT_VALID(u"a", u"v");
    EXPECT_INVALID(u"a", u"z");
    EXPECT_INVALID(u"a", u"gg");
    EXPECT_INVALID(u"a", u"G");
    auto error = Check(u"abc", u"gx");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->offset, 5u);   // `abc/gx`: the x
}

TEST(RegExpFlags, UAndVTogetherAreAnError)
{
    EXPECT_INVALID(u"a", u"uv");
    EXPECT_TRUE(std::holds_alternative<PatternSyntaxError>(ParsePattern(u"a", true, true)));
}

// QuantifierPrefix :: { DecimalDigits , DecimalDigits }: the first MV ≤ the second.
TEST(RegExpEarlyErrors, QuantifierRangeOutOfOrder)
{
    EXPECT_INVALID(u"a{2,1}", u"");
    EXPECT_INVALID(u"a{2,1}", u"u");
    EXPECT_VALID(u"a{1,1}", u"u");
    EXPECT_VALID(u"a{001,1}", u"u");
    EXPECT_INVALID(u"a{18446744073709551617,18446744073709551616}", u"");
    EXPECT_VALID(u"a{9007199254740991,9007199254740992}", u"");
    const Pattern& p = Parsed(ParsePattern(u"a{2,99999999999999999999999}?", false, false));
    const Quantifier& q = *p.disjunction.alternatives[0].terms[0].quantifier;
    EXPECT_EQ(q.min, 2u);
    EXPECT_EQ(q.max, UINT64_MAX);   // saturated
    EXPECT_FALSE(q.greedy);
}

// Pattern: no two GroupSpecifiers with one name that MightBothParticipate.
TEST(RegExpEarlyErrors, DuplicateGroupNamesOnlyInDifferentAlternatives)
{
    EXPECT_INVALID(u"(?<a>x)(?<a>y)", u"");
    EXPECT_INVALID(u"(?<a>x)(?<a>y)", u"u");
    EXPECT_VALID(u"(?<a>x)|(?<a>y)", u"u");
    EXPECT_VALID(u"(?:(?<a>x)|(?<a>y))\\k<a>", u"u");
    EXPECT_VALID(u"(?<a>x)|(?:(?<a>y)|z)", u"v");
    EXPECT_INVALID(u"(?:(?<a>x)|y)(?<a>z)", u"");
    EXPECT_INVALID(u"(?<a>(?<a>x)|y)", u"");   // one contains the other
    EXPECT_INVALID(u"(?<a>x)|(?<b>y)(?<b>z)", u"");
    EXPECT_VALID(u"(?<a>x)|(?<a>y)|(?<a>z)", u"");
    EXPECT_VALID(u"(?:(?<a>x)|(?<a>y))|(?<a>z)", u"");
    EXPECT_INVALID(u"((?<a>x)|(?<a>y))(?<a>z)", u"");
    EXPECT_INVALID(u"(?<a>x)|((?<a>y)|(?<a>z))(?<a>w)", u"");
    EXPECT_INVALID(u"(?=(?<a>x))(?<a>y)", u"");          // look-arounds are Disjunctions too
    EXPECT_VALID(u"(?=(?<a>x)|(?<a>y))", u"");
    auto error = Check(u"(?<a>x)|(?<b>y)(?<b>z)", u"");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->offset, 15u);                        // the second (?<b>
}

// AtomEscape :: k GroupName: GroupSpecifiersThatMatch is not empty.
TEST(RegExpEarlyErrors, GroupNameReferenceMustNameAGroup)
{
    EXPECT_INVALID(u"\\k<a>", u"u");
    EXPECT_INVALID(u"(?<b>.)\\k<a>", u"u");
    EXPECT_VALID(u"\\k<a>(?<a>.)", u"u");   // forward references count
    EXPECT_INVALID(u"\\k", u"u");
    // Annex B: without a GroupName anywhere, \k is an IdentityEscape …
    EXPECT_VALID(u"\\k<a>", u"");
    EXPECT_VALID(u"\\k", u"");
    // … with one, the pattern is reparsed with [+NamedCaptureGroups].
    EXPECT_INVALID(u"(?<b>.)\\k<a>", u"");
    EXPECT_INVALID(u"(?<b>.)\\k", u"");
    EXPECT_INVALID(u"(?<b>.)[\\k]", u"");
    EXPECT_VALID(u"[\\k]", u"");
    const Pattern& p = Parsed(ParsePattern(u"(?<a>.)\\k<a>", false, false));
    EXPECT_TRUE(p.named_capture_groups);
    EXPECT_EQ(OnlyAtom(p, 1).kind, Atom::Kind::GroupNameBackreference);
    EXPECT_EQ(*OnlyAtom(p, 1).group_name, u"a");
}

// AtomEscape :: DecimalEscape: CapturingGroupNumber ≤ CountLeftCapturingParensWithin.
TEST(RegExpEarlyErrors, DecimalEscapeBeyondGroupCount)
{
    EXPECT_INVALID(u"\\1", u"u");
    EXPECT_INVALID(u"(a)\\2", u"u");
    EXPECT_VALID(u"\\1(a)", u"u");
    EXPECT_INVALID(u"(a)\\99999999999999999999", u"v");
    // Annex B: beyond the count it is a LegacyOctalEscapeSequence or an IdentityEscape.
    EXPECT_VALID(u"\\1", u"");
    EXPECT_VALID(u"\\8", u"");
    const Pattern& p = Parsed(ParsePattern(u"\\12(a)", false, false));
    EXPECT_EQ(OnlyAtom(p).kind, Atom::Kind::CharacterEscape);
    EXPECT_EQ(OnlyAtom(p).character_value, 012u);
    const Pattern& q = Parsed(ParsePattern(u"(a)\\1", false, false));
    EXPECT_EQ(OnlyAtom(q, 1).kind, Atom::Kind::DecimalEscape);
    EXPECT_EQ(OnlyAtom(q, 1).group_number, 1u);
}

// NonemptyClassRanges :: ClassAtom - ClassAtom ClassContents (and …NoDash).
TEST(RegExpEarlyErrors, ClassRanges)
{
    EXPECT_INVALID(u"[z-a]", u"");
    EXPECT_INVALID(u"[z-a]", u"u");
    EXPECT_VALID(u"[a-z]", u"u");
    EXPECT_INVALID(u"[\\d-a]", u"u");
    EXPECT_INVALID(u"[a-\\d]", u"u");
    EXPECT_INVALID(u"[\\p{L}-z]", u"u");
    // Annex B: a class escape at either end is allowed without [UnicodeMode].
    EXPECT_VALID(u"[\\d-a]", u"");
    EXPECT_VALID(u"[a-\\d]", u"");
    EXPECT_VALID(u"[-a]", u"u");
    EXPECT_VALID(u"[a-]", u"u");
    EXPECT_VALID(u"[--]", u"u");
    EXPECT_INVALID(u"[a--]", u"");   // a through -, out of order
    EXPECT_VALID(u"[\\d-]", u"u");
}

// RegExpUnicodeEscapeSequence :: u HexLeadSurrogate \u HexTrailSurrogate
TEST(RegExpSyntax, SurrogatePairEscapesInUnicodeMode)
{
    EXPECT_VALID(u"[\\uD83D\\uDE00-\\uD83D\\uDE01]", u"u");
    EXPECT_INVALID(u"[\\uD83D\\uDE00-\\uD83D\\uDE01]", u"");   // BMP: \uDE00-\uD83D is out of order
    const Pattern& p = Parsed(ParsePattern(u"\\uD83D\\uDE00", true, false));
    EXPECT_EQ(OnlyAtom(p).character_value, 0x1F600u);
    const Pattern& q = Parsed(ParsePattern(u"\\uD83D\\uD83D\\uDE00", true, false));
    EXPECT_EQ(OnlyAtom(q, 0).character_value, 0xD83Du);   // the nearest lead takes the trail
    EXPECT_EQ(OnlyAtom(q, 1).character_value, 0x1F600u);
    // A literal pair is one PatternCharacter in Unicode mode, two in BMP mode.
    EXPECT_EQ(Parsed(ParsePattern(u"\U0001F600", true, false)).disjunction.alternatives[0].terms.size(), 1u);
    EXPECT_EQ(Parsed(ParsePattern(u"\U0001F600", false, false)).disjunction.alternatives[0].terms.size(), 2u);
}

// RegExpUnicodeEscapeSequence :: u{ CodePoint }: CodePoint ≤ 0x10FFFF.
TEST(RegExpSyntax, BracedUnicodeEscape)
{
    EXPECT_VALID(u"\\u{10FFFF}", u"u");
    EXPECT_VALID(u"\\u{0000000000061}", u"u");
    EXPECT_INVALID(u"\\u{110000}", u"u");
    EXPECT_INVALID(u"\\u{}", u"u");
    EXPECT_INVALID(u"\\u{12", u"u");
    EXPECT_INVALID(u"\\u12", u"u");
    // Annex B: \u is an IdentityEscape and {3} a quantifier.
    const Pattern& p = Parsed(ParsePattern(u"\\u{3}", false, false));
    EXPECT_EQ(OnlyAtom(p).character_value, u'u');
    EXPECT_EQ(p.disjunction.alternatives[0].terms[0].quantifier->min, 3u);
}

// IdentityEscape[+UnicodeMode] :: SyntaxCharacter | /
TEST(RegExpSyntax, IdentityEscapesInUnicodeMode)
{
    for (std::u16string_view ok : {u"\\^", u"\\$", u"\\\\", u"\\.", u"\\*", u"\\+", u"\\?", u"\\(", u"\\)",
                                   u"\\[", u"\\]", u"\\{", u"\\}", u"\\|", u"\\/"}) {
        EXPECT_FALSE(Check(ok, u"u").has_value());
        EXPECT_FALSE(Check(ok, u"v").has_value());
    }
    for (std::u16string_view bad : {u"\\a", u"\\-", u"\\e", u"\\z", u"\\_", u"\\ ", u"\\8", u"\\q"}) {
        EXPECT_TRUE(Check(bad, u"u").has_value());
        EXPECT_FALSE(Check(bad, u"").has_value());   // Annex B SourceCharacterIdentityEscape
    }
    EXPECT_VALID(u"[\\-]", u"u");   // ClassEscape :: [+UnicodeMode] -
    EXPECT_INVALID(u"\\", u"");
    EXPECT_INVALID(u"[\\", u"u");
}

// CharacterEscape :: c AsciiLetter, and Annex B's `\` [lookahead = c] and ClassControlLetter.
TEST(RegExpSyntax, ControlLetterEscapes)
{
    EXPECT_EQ(OnlyAtom(Parsed(ParsePattern(u"\\cJ", true, false))).character_value, 10u);
    EXPECT_EQ(OnlyAtom(Parsed(ParsePattern(u"\\cj", true, false))).character_value, 10u);
    EXPECT_INVALID(u"\\c", u"u");
    EXPECT_INVALID(u"\\c0", u"u");
    EXPECT_INVALID(u"[\\c_]", u"u");
    const Pattern& p = Parsed(ParsePattern(u"\\c0", false, false));
    EXPECT_EQ(OnlyAtom(p, 0).character_value, u'\\');
    EXPECT_EQ(OnlyAtom(p, 1).character_value, u'c');
    EXPECT_EQ(OnlyAtom(p, 2).character_value, u'0');
    const Pattern& q = Parsed(ParsePattern(u"[\\c_\\c1\\c*]", false, false));
    const auto& ranges = OnlyAtom(q).character_class->ranges;
    ASSERT_EQ(ranges.size(), 5u);
    EXPECT_EQ(ranges[0].from.character_value, 0x1Fu);
    EXPECT_EQ(ranges[1].from.character_value, 0x11u);
    EXPECT_EQ(ranges[2].from.character_value, u'\\');
    EXPECT_EQ(ranges[3].from.character_value, u'c');
    EXPECT_EQ(ranges[4].from.character_value, u'*');
}

// Lone quantifier brackets: SyntaxCharacters in Unicode mode, ExtendedPatternCharacters in Annex B.
TEST(RegExpSyntax, LoneBrackets)
{
    for (std::u16string_view s : {u"{", u"}", u"]", u"a{", u"a{1", u"a{1,", u"{a}"}) {
        EXPECT_TRUE(Check(s, u"u").has_value());
        EXPECT_FALSE(Check(s, u"").has_value());
    }
    // ExtendedAtom :: InvalidBracedQuantifier is always an error.
    EXPECT_INVALID(u"{1}", u"");
    EXPECT_INVALID(u"a{1}{2}", u"");
    EXPECT_INVALID(u"^{1,}", u"");
    EXPECT_VALID(u"{*", u"");
}

TEST(RegExpSyntax, NothingToRepeat)
{
    for (std::u16string_view s : {u"*", u"+a", u"?", u"a**", u"a+++", u"a???", u"^*", u"$+", u"\\b*", u"(?<=a)*", u"(?<!a)+"}) {
        EXPECT_TRUE(Check(s, u"").has_value());
        EXPECT_TRUE(Check(s, u"u").has_value());
    }
    EXPECT_VALID(u"a*?", u"u");
    EXPECT_VALID(u"a??", u"u");
}

// Annex B QuantifiableAssertion: look-aheads take a Quantifier only without [UnicodeMode].
TEST(RegExpSyntax, QuantifiableAssertion)
{
    EXPECT_VALID(u"(?=a)*", u"");
    EXPECT_VALID(u"(?!a){2}", u"");
    EXPECT_INVALID(u"(?=a)*", u"u");
    EXPECT_INVALID(u"(?!a)+", u"v");
    const Pattern& p = Parsed(ParsePattern(u"(?=a)?", false, false));
    const Term& t = p.disjunction.alternatives[0].terms[0];
    EXPECT_EQ(std::get<Assertion>(t.body).kind, Assertion::Kind::Lookahead);
    EXPECT_TRUE(t.quantifier.has_value());
}

// Annex B LegacyOctalEscapeSequence; CharacterEscape :: 0 [lookahead ∉ DecimalDigit].
TEST(RegExpSyntax, LegacyOctalEscapes)
{
    EXPECT_VALID(u"\\0", u"u");
    EXPECT_INVALID(u"\\00", u"u");
    EXPECT_INVALID(u"\\01", u"u");
    EXPECT_INVALID(u"[\\1]", u"u");
    auto value = [](std::u16string_view s, size_t term = 0) {
        return OnlyAtom(Parsed(ParsePattern(s, false, false)), term).character_value;
    };
    EXPECT_EQ(value(u"\\08"), 0u);
    EXPECT_EQ(value(u"\\08", 1), u'8');
    EXPECT_EQ(value(u"\\377"), 0377u);
    EXPECT_EQ(value(u"\\400"), 040u);   // FourToSeven OctalDigit
    EXPECT_EQ(value(u"\\400", 1), u'0');
    EXPECT_EQ(value(u"\\7"), 7u);
}

// Atom :: (? RegularExpressionModifiers : Disjunction ) and the - form.
TEST(RegExpEarlyErrors, Modifiers)
{
    EXPECT_VALID(u"(?i:a)", u"");
    EXPECT_VALID(u"(?ims:a)", u"u");
    EXPECT_VALID(u"(?-ims:a)", u"v");
    EXPECT_VALID(u"(?i-ms:a)", u"");
    EXPECT_VALID(u"(?:a)", u"");
    EXPECT_INVALID(u"(?ii:a)", u"");     // same code point twice
    EXPECT_INVALID(u"(?-ss:a)", u"");
    EXPECT_INVALID(u"(?i-i:a)", u"");    // both added and removed
    EXPECT_INVALID(u"(?-:a)", u"");      // both empty
    EXPECT_INVALID(u"(?I:a)", u"");      // only i, m, s
    EXPECT_INVALID(u"(?u:a)", u"");
    EXPECT_INVALID(u"(?i)", u"");
    const Pattern& p = Parsed(ParsePattern(u"(?m-s:a)", false, false));
    const Atom& group = OnlyAtom(p);
    EXPECT_EQ(group.kind, Atom::Kind::NonCapturingGroup);
    EXPECT_TRUE(group.add_modifiers.m);
    EXPECT_TRUE(group.remove_modifiers.s);
    EXPECT_FALSE(group.add_modifiers.i);
}

// GroupName :: < RegExpIdentifierName > and the RegExpIdentifierStart/Part early errors.
TEST(RegExpEarlyErrors, GroupNames)
{
    EXPECT_VALID(u"(?<$_a1>.)", u"u");
    EXPECT_INVALID(u"(?<1a>.)", u"u");
    EXPECT_INVALID(u"(?<>.)", u"");
    EXPECT_INVALID(u"(?<a", u"");
    EXPECT_INVALID(u"(?<a-b>.)", u"");
    EXPECT_VALID(u"(?<a\u200C\u200D>.)", u"u");          // ZWNJ, ZWJ are ID_Continue
    EXPECT_VALID(u"(?<\\u0061>.)", u"");
    EXPECT_VALID(u"(?<\\u{61}>.)", u"");                 // [+UnicodeMode] escapes even in BMP patterns
    EXPECT_INVALID(u"(?<\\u0031>.)", u"u");              // '1' is no IdentifierStartChar
    for (std::u16string_view flags : {u"", u"u"}) {
        EXPECT_FALSE(Check(u"(?<\U0001D49C>.)", flags).has_value());            // 𝒜: ID_Start
        EXPECT_FALSE(Check(u"(?<\\uD835\\uDC9C>.)", flags).has_value());
        EXPECT_FALSE(Check(u"(?<\\u{1D49C}>.)", flags).has_value());
        EXPECT_TRUE(Check(u"(?<\U0001F98A>.)", flags).has_value());             // 🦊 is not
        EXPECT_TRUE(Check(u"(?<\\uD835>.)", flags).has_value());
        EXPECT_TRUE(Check(u"(?<a\\uDC9C>.)", flags).has_value());
    }
    const Pattern& p = Parsed(ParsePattern(u"(?<\\u{1D49C}b>.)(c)", true, false));
    ASSERT_EQ(p.group_names.size(), 2u);
    EXPECT_EQ(*p.group_names[0], u"\U0001D49Cb");
    EXPECT_FALSE(p.group_names[1].has_value());
}

// Unicode property escapes: exact names from the spec's tables and PropertyValueAliases.txt.
TEST(RegExpEarlyErrors, UnicodePropertyValueExpression)
{
    for (std::u16string_view ok : {u"\\p{Lu}", u"\\p{Uppercase_Letter}", u"\\p{L}", u"\\p{LC}", u"\\p{punct}",
                                   u"\\p{General_Category=Lu}", u"\\p{gc=Combining_Mark}", u"\\p{Script=Greek}",
                                   u"\\p{sc=Grek}", u"\\p{scx=Zinh}", u"\\p{Script_Extensions=Qaai}",
                                   u"\\p{ASCII}", u"\\p{Any}", u"\\p{Assigned}", u"\\p{space}", u"\\p{ExtPict}",
                                   u"\\P{Alpha}", u"\\p{sc=Garay}", u"\\p{scx=Beria_Erfe}"}) {
        EXPECT_FALSE(Check(ok, u"u").has_value()) << std::string(ok.begin(), ok.end());
        EXPECT_FALSE(Check(ok, u"v").has_value());
    }
    for (std::u16string_view bad : {u"\\p{lu}", u"\\p{ Lu }", u"\\p{IsGreek}", u"\\p{InGreek}", u"\\p{Greek}",
                                    u"\\p{Script}", u"\\p{General_Category}", u"\\p{gc}", u"\\p{ASCII=Y}",
                                    u"\\p{Script=}", u"\\p{=Lu}", u"\\p{}", u"\\p", u"\\pL", u"\\p{Lu",
                                    u"\\p{WSpace}", u"\\p{sc=greek}", u"\\p{Block=Basic_Latin}",
                                    u"\\p{General_Category=Greek}", u"\\p{^Lu}", u"\\p{ID_Start=True}"}) {
        EXPECT_TRUE(Check(bad, u"u").has_value()) << std::string(bad.begin(), bad.end());
        EXPECT_TRUE(Check(bad, u"v").has_value());
        EXPECT_FALSE(Check(bad, u"").has_value());   // Annex B: \p is an IdentityEscape
    }
    const Pattern& p = Parsed(ParsePattern(u"\\p{sc=Grek}", true, false));
    const CharacterClassEscape& e = *OnlyAtom(p).class_escape;
    EXPECT_EQ(e.kind, CharacterClassEscape::Kind::p);
    EXPECT_EQ(e.property.canonical_property, "Script");
    EXPECT_EQ(e.property.canonical_value, "Greek");
}

// Properties of strings: only with v, never negated (MayContainStrings).
TEST(RegExpEarlyErrors, PropertiesOfStrings)
{
    EXPECT_VALID(u"\\p{RGI_Emoji}", u"v");
    EXPECT_VALID(u"[\\p{Basic_Emoji}a]", u"v");
    EXPECT_INVALID(u"\\p{RGI_Emoji}", u"u");
    EXPECT_INVALID(u"\\P{RGI_Emoji}", u"v");
    EXPECT_INVALID(u"[^\\p{RGI_Emoji}]", u"v");
    EXPECT_INVALID(u"[^[\\p{RGI_Emoji}]]", u"v");
    EXPECT_INVALID(u"[^\\p{RGI_Emoji}--a]", u"v");         // ClassSubtraction: the first operand decides
    EXPECT_VALID(u"[^a--\\p{RGI_Emoji}]", u"v");
    EXPECT_VALID(u"[^\\p{RGI_Emoji}&&a]", u"v");           // ClassIntersection: both must
    EXPECT_INVALID(u"[^\\p{RGI_Emoji}&&\\q{ab}]", u"v");
    EXPECT_VALID(u"[[^\\p{L}]\\p{RGI_Emoji}]", u"v");
    EXPECT_INVALID(u"[^\\p{Emoji_Keycap_Sequence}]", u"v");
}

// ClassStringDisjunction :: \q{ … }: MayContainStrings unless every ClassString is one character.
TEST(RegExpEarlyErrors, ClassStringDisjunction)
{
    EXPECT_VALID(u"[\\q{abc|d}]", u"v");
    EXPECT_VALID(u"[^\\q{a|b|\\u{1F600}}]", u"v");
    EXPECT_INVALID(u"[^\\q{ab}]", u"v");
    EXPECT_INVALID(u"[^\\q{}]", u"v");                    // ClassString :: [empty]
    EXPECT_INVALID(u"[^\\q{a|}]", u"v");
    EXPECT_INVALID(u"[\\q{a-b}]", u"v");
    EXPECT_INVALID(u"[\\q{a]", u"v");
    EXPECT_INVALID(u"\\q{a}", u"v");                      // only inside a class
    EXPECT_INVALID(u"[\\q{a}]", u"u");
    const Pattern& p = Parsed(ParsePattern(u"[\\q{ab||c}]", false, true));
    const ClassSetOperand& op = OnlyAtom(p).character_class->expression.operands.at(0);
    ASSERT_EQ(op.kind, ClassSetOperand::Kind::ClassStringDisjunction);
    ASSERT_EQ(op.strings.strings.size(), 3u);
    EXPECT_EQ(op.strings.strings[0], U"ab");
    EXPECT_EQ(op.strings.strings[1], U"");
    EXPECT_EQ(op.strings.strings[2], U"c");
}

// v-mode ClassSetExpression: reserved double punctuators, syntax characters, no mixed operators.
TEST(RegExpSyntax, ClassSetExpression)
{
    EXPECT_VALID(u"[a&&b]", u"v");
    EXPECT_VALID(u"[a--b--c]", u"v");
    EXPECT_VALID(u"[[a-z]&&[aeiou]]", u"v");
    EXPECT_VALID(u"[\\&\\-\\!]", u"v");
    EXPECT_VALID(u"[&!#]", u"v");
    EXPECT_INVALID(u"[a&&&b]", u"v");
    EXPECT_INVALID(u"[a&&b--c]", u"v");
    EXPECT_INVALID(u"[a-z&&b]", u"v");
    EXPECT_INVALID(u"[ab&&c]", u"v");
    EXPECT_INVALID(u"[a--]", u"v");
    EXPECT_INVALID(u"[&&a]", u"v");
    for (std::u16string_view pair : {u"[!!]", u"[##]", u"[$$]", u"[%%]", u"[**]", u"[++]", u"[,,]", u"[..]",
                                     u"[::]", u"[;;]", u"[<<]", u"[==]", u"[>>]", u"[??]", u"[@@]", u"[a^^]",
                                     u"[``]", u"[~~]"}) {
        EXPECT_TRUE(Check(pair, u"v").has_value()) << std::string(pair.begin(), pair.end());
        EXPECT_FALSE(Check(pair, u"u").has_value());
    }
    for (std::u16string_view syntax : {u"[(]", u"[)]", u"[{]", u"[}]", u"[/]", u"[-]", u"[|]", u"[a-]"}) {
        EXPECT_TRUE(Check(syntax, u"v").has_value()) << std::string(syntax.begin(), syntax.end());
    }
    EXPECT_INVALID(u"[z-a]", u"v");
    EXPECT_INVALID(u"[\\d-z]", u"v");
    EXPECT_VALID(u"[\\u{1F600}-\\u{1F64F}]", u"v");
    const Pattern& p = Parsed(ParsePattern(u"[\\w--[a-c]--\\q{d}]", false, true));
    const ClassSetExpression& e = OnlyAtom(p).character_class->expression;
    EXPECT_EQ(e.kind, ClassSetExpression::Kind::ClassSubtraction);
    ASSERT_EQ(e.operands.size(), 3u);
    EXPECT_EQ(e.operands[0].kind, ClassSetOperand::Kind::CharacterClassEscape);
    EXPECT_EQ(e.operands[1].kind, ClassSetOperand::Kind::NestedClass);
    EXPECT_EQ(e.operands[2].kind, ClassSetOperand::Kind::ClassStringDisjunction);
}

// Pattern :: Disjunction — the shape the matcher compiles.
TEST(RegExpTree, ShapeAndOffsets)
{
    const Pattern& p = Parsed(ParsePattern(u"a|(b(?:c)(?<n>d))+\\1", false, false));
    EXPECT_EQ(p.capturing_groups_count, 2u);
    ASSERT_EQ(p.disjunction.alternatives.size(), 2u);
    const Alternative& second = p.disjunction.alternatives[1];
    EXPECT_EQ(second.range.start, 2u);
    EXPECT_EQ(second.range.end, 20u);
    ASSERT_EQ(second.terms.size(), 2u);
    const Atom& group = std::get<Atom>(second.terms[0].body);
    EXPECT_EQ(group.kind, Atom::Kind::CapturingGroup);
    EXPECT_EQ(group.group_number, 1u);
    EXPECT_EQ(second.terms[0].quantifier->min, 1u);
    EXPECT_FALSE(second.terms[0].quantifier->max.has_value());
    const Atom& named = std::get<Atom>(group.disjunction->alternatives[0].terms[2].body);
    EXPECT_EQ(named.group_number, 2u);
    EXPECT_EQ(*named.group_name, u"n");
    EXPECT_EQ(second.terms[0].range.start, 2u);
    EXPECT_EQ(second.terms[0].range.end, 18u);
    EXPECT_EQ(std::get<Atom>(second.terms[1].body).kind, Atom::Kind::DecimalEscape);
}

TEST(RegExpSyntax, UnbalancedParentheses)
{
    EXPECT_INVALID(u"(", u"");
    EXPECT_INVALID(u")", u"");
    EXPECT_INVALID(u"a)", u"u");
    EXPECT_INVALID(u"(?", u"");
    EXPECT_INVALID(u"(?=a", u"");
    EXPECT_INVALID(u"[a", u"");
    EXPECT_VALID(u"[]", u"");
    EXPECT_VALID(u"[^]", u"v");
    EXPECT_VALID(u"", u"");
    auto error = Check(u"ab)", u"");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->offset, 2u);
}

// Deep nesting is an error with a location, not a native stack overflow.
TEST(RegExpSyntax, DeepNestingIsAnError)
{
    std::u16string deep(100000, u'(');
    auto error = Check(deep, u"");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->message, "pattern nested too deeply");
    std::u16string classes(100000, u'[');
    EXPECT_TRUE(Check(classes, u"v").has_value());
    std::u16string lookaheads;
    for (int i = 0; i < 50000; ++i) lookaheads += u"(?=";
    EXPECT_TRUE(Check(lookaheads, u"u").has_value());
    std::u16string ok;
    for (size_t i = 0; i < kMaxPatternNesting; ++i) ok += u"(";
    for (size_t i = 0; i < kMaxPatternNesting; ++i) ok += u")";
    EXPECT_VALID(ok, u"");
}

}  // namespace
}  // namespace lockstep::syntax::regexp
