// ECMA-262 §12 lexical grammar, through the parser's public API.
#include "syntax_test_util.h"

#include <cmath>

namespace lockstep::syntax::testing {
namespace {

double NumberOf(const char* source)
{
    ParseResult r = Parse(source);
    EXPECT_FALSE(r.error) << source;
    if (r.error) return NAN;
    Node* e = FirstExpression(r);
    EXPECT_EQ(e->kind, NodeKind::NumericLiteral) << source;
    return e->as<NumericLiteral>()->value;
}

std::u16string StringOf(const char* source)
{
    ParseResult r = Parse(source);
    EXPECT_FALSE(r.error) << source << ": " << (r.error ? r.error->message : "");
    if (r.error) return u"";
    return std::u16string(FirstExpression(r)->as<StringLiteral>()->value);
}

// §12.9.3 NumericLiteral
TEST(NumericLiteral, DecimalHexOctalBinary)
{
    EXPECT_EQ(NumberOf("1234567890"), 1234567890.0);
    EXPECT_EQ(NumberOf(".5"), 0.5);
    EXPECT_EQ(NumberOf("5."), 5.0);
    EXPECT_EQ(NumberOf("1e3"), 1000.0);
    EXPECT_EQ(NumberOf("1E-2"), 0.01);
    EXPECT_EQ(NumberOf("0xFF"), 255.0);
    EXPECT_EQ(NumberOf("0o17"), 15.0);
    EXPECT_EQ(NumberOf("0b101"), 5.0);
    EXPECT_TRUE(std::isinf(NumberOf("1e400")));
    EXPECT_EQ(NumberOf("1e-400"), 0.0);
}

TEST(NumericLiteral, LargeRadixLiteralsRoundToNearestEven)
{
    EXPECT_EQ(NumberOf("0x20000000000001"), 9007199254740992.0);   // 2^53 + 1 → tie, round to even
    EXPECT_EQ(NumberOf("0x20000000000003"), 9007199254740996.0);   // 2^53 + 3 → tie, round up to even
    EXPECT_EQ(NumberOf("0xFFFFFFFFFFFFFFFFF"), 295147905179352825856.0);
}

TEST(NumericLiteral, Separators)
{
    EXPECT_EQ(NumberOf("1_000_000"), 1000000.0);
    EXPECT_EQ(NumberOf("0xF_F"), 255.0);
    EXPECT_EQ(NumberOf("1_0.0_1e1_0"), 10.01e10);
}

TEST(NumericLiteral, SeparatorRestrictions)
{
    for (const char* bad : {"1__0", "1_", "0_1", "1._5", "1_.5", "1e_1", "0x_1", "01_1", "08_1", "1_e1"})
        EXPECT_SYNTAX_ERROR(bad);
}

TEST(NumericLiteral, LegacyOctalAndNonOctalDecimal)
{
    EXPECT_EQ(NumberOf("010"), 8.0);
    EXPECT_EQ(NumberOf("08"), 8.0);
    EXPECT_EQ(NumberOf("09.5"), 9.5);
    EXPECT_SYNTAX_ERROR("010", Goal::Script, true);
    EXPECT_SYNTAX_ERROR("08", Goal::Script, true);
    EXPECT_SYNTAX_ERROR("function f() { 'use strict'; 010 }");
}

TEST(NumericLiteral, BigInt)
{
    ParseResult r = Parse("0x1Fn");
    ASSERT_FALSE(r.error);
    EXPECT_EQ(FirstExpression(r)->as<BigIntLiteral>()->digits, "0x1F");
    r = Parse("1_000n");
    ASSERT_FALSE(r.error);
    EXPECT_EQ(FirstExpression(r)->as<BigIntLiteral>()->digits, "1000");
    for (const char* bad : {"1.5n", "1e3n", "01n", "08n"}) EXPECT_SYNTAX_ERROR(bad);
}

TEST(NumericLiteral, NoIdentifierStartDirectlyAfter)
{
    EXPECT_SYNTAX_ERROR("3in []");
    EXPECT_SYNTAX_ERROR("1a");
}

// §12.9.4 StringLiteral
TEST(StringLiteral, Escapes)
{
    EXPECT_EQ(StringOf(R"("a\nb\t\x41\u0042\u{1F600}")"), u"a\nb\tAB\U0001F600");
    EXPECT_EQ(StringOf(R"('\0')"), std::u16string(1, u'\0'));
    EXPECT_EQ(StringOf("'a\\\nb'"), u"ab");   // LineContinuation
    EXPECT_EQ(StringOf("'\xE2\x80\xA8'"), u"\u2028");   // LS is allowed unescaped
    EXPECT_EQ(StringOf(R"('\101')"), u"A");   // legacy octal
    EXPECT_EQ(StringOf(R"('\8')"), u"8");
}

TEST(StringLiteral, InvalidEscapesAndStrictOctal)
{
    EXPECT_SYNTAX_ERROR(R"('\x4')");
    EXPECT_SYNTAX_ERROR(R"('\u{110000}')");
    EXPECT_SYNTAX_ERROR(R"('\u12')");
    EXPECT_SYNTAX_ERROR(R"('\08')", Goal::Script, true);
    EXPECT_SYNTAX_ERROR(R"('\9')", Goal::Script, true);
    // The Use Strict Directive applies to an octal escape earlier in the prologue.
    EXPECT_SYNTAX_ERROR(R"(function f() { '\07'; 'use strict'; })");
    EXPECT_PARSES(R"(function f() { '\07'; })");
}

// §12.9.6 Template literal lexical components
TEST(TemplateLiteral, CookedAndRaw)
{
    ParseResult r = Parse("`a\\n${1}b\r\nc`");
    ASSERT_FALSE(r.error);
    auto* t = FirstExpression(r)->as<TemplateLiteral>();
    ASSERT_EQ(t->quasis.size(), 2u);
    EXPECT_EQ(t->quasis[0].cooked, u"a\n");
    EXPECT_EQ(t->quasis[0].raw, u"a\\n");
    EXPECT_EQ(t->quasis[1].cooked, u"b\nc");   // CR LF normalized
    EXPECT_EQ(t->quasis[1].raw, u"b\nc");
}

TEST(TemplateLiteral, InvalidEscapesOnlyInTaggedTemplates)
{
    EXPECT_SYNTAX_ERROR("`\\unicode`");
    EXPECT_SYNTAX_ERROR("`\\01`");
    ParseResult r = Parse("tag`\\unicode and \\u{55}`");
    ASSERT_FALSE(r.error);
    auto* t = FirstExpression(r)->as<TaggedTemplate>()->quasi;
    EXPECT_FALSE(t->quasis[0].has_cooked);
    EXPECT_EQ(t->quasis[0].raw, u"\\unicode and \\u{55}");
}

// §12.9.5 RegularExpressionLiteral vs division
TEST(RegularExpressionLiteral, GoalSymbolFollowsTheGrammar)
{
    ParseResult r = Parse("a / b / c");
    ASSERT_FALSE(r.error);
    EXPECT_EQ(FirstExpression(r)->kind, NodeKind::BinaryExpression);
    r = Parse("x = /[/]+/g");
    ASSERT_FALSE(r.error);
    auto* re = FirstExpression(r)->as<AssignmentExpression>()->value->as<RegularExpressionLiteral>();
    EXPECT_EQ(re->body, u"[/]+");
    EXPECT_EQ(re->flags, u"g");
    EXPECT_PARSES("{}\n/foo/g");
    EXPECT_PARSES("x = function(){} / 1");
    EXPECT_SYNTAX_ERROR("x = /a\\u0067/\\u0067");
}

// §12.7 Names and Keywords
TEST(Identifiers, UnicodeAndEscapes)
{
    ParseResult r = Parse("var \\u0061b\\u{63} = 1, \xC3\xA9t\xC3\xA9 = 2");
    ASSERT_FALSE(r.error);
    auto* decls = r.program->body[0]->as<VariableDeclarationList>();
    auto* id = decls->declarations[0]->target->as<Identifier>();
    EXPECT_EQ(id->name, u"abc");
    EXPECT_TRUE(id->escaped);
    EXPECT_EQ(decls->declarations[1]->target->as<Identifier>()->name, u"\u00e9t\u00e9");
    EXPECT_SYNTAX_ERROR("var \\u0030x");        // escaped character must be IdentifierStart
    EXPECT_SYNTAX_ERROR("var v\\u{2F}");        // '/' is not IdentifierPart
    EXPECT_SYNTAX_ERROR("var \\u0069f = 1");    // escaped reserved word
    EXPECT_PARSES("({ \\u0069f: 1 }).i\\u0066");  // fine as IdentifierName
}

TEST(Identifiers, EqualNamesAreInterned)
{
    ParseResult r = Parse("abc; abc");
    ASSERT_FALSE(r.error);
    auto* a = r.program->body[0]->as<ExpressionStatement>()->expression->as<Identifier>();
    auto* b = r.program->body[1]->as<ExpressionStatement>()->expression->as<Identifier>();
    EXPECT_EQ(a->name.data(), b->name.data());
}

// §12.4 Comments, B.1.1 HTML-like comments, §12.5 Hashbang
TEST(Comments, HtmlLikeCommentsOnlyInScripts)
{
    EXPECT_PARSES("x = 1 <!-- comment\n");
    EXPECT_PARSES("x = 1;\n--> comment\n");
    EXPECT_PARSES("--> comment at the start\nx");
    EXPECT_PARSES("x = 1; /*\n*/ --> comment");
    EXPECT_SYNTAX_ERROR("x <!-- 1\n", Goal::Module);   // x < !(--1): not a comment in modules
    EXPECT_SYNTAX_ERROR("x = 1; --> z");                // not at the start of a line
    ParseResult r = Parse("x = a --> b");               // a-- > b
    ASSERT_FALSE(r.error);
    EXPECT_EQ(FirstExpression(r)->as<AssignmentExpression>()->value->kind, NodeKind::BinaryExpression);
}

TEST(Comments, Hashbang)
{
    EXPECT_PARSES("#!/usr/bin/env node\nx");
    EXPECT_SYNTAX_ERROR(" #!/usr/bin/env node\nx");
}

// Positions: 1-based line and column in code points.
TEST(Positions, LineAndColumnInCodePoints)
{
    ParseResult r = Parse("var \xC3\xA9 = 1;\n  \xE2\x80\xA8 x");
    ASSERT_FALSE(r.error);
    Node* second = r.program->body[1];
    EXPECT_EQ(second->range.line, 3u);
    EXPECT_EQ(second->range.column, 2u);
    r = Parse("'\xF0\x9F\x98\x80' + @");
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->position.line, 1u);
    EXPECT_EQ(r.error->position.column, 7u);
}

}  // namespace
}  // namespace lockstep::syntax::testing
