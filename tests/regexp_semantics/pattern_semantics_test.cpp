// §22.2.2 Pattern Semantics and the RegExp built-ins (§22.2.3 – §22.2.9),
// end to end through scripts.
#include <string>

#include "runtime/error.h"
#include "tests/algorithms/fixture.h"

namespace lockstep::testing {
namespace {

using RegExpTest = ScriptTest;

TEST_F(RegExpTest, CapturesAreResetOnEachIterationOfAQuantifier)
{
    // RepeatMatcher step 4: the last iteration matched "ac", so group 4 (b+) is undefined.
    EXPECT_EQ(eval("JSON.stringify(/(z)((a+)?(b+)?(c))*/.exec('zaacbbbcac'))"),
              R"(["zaacbbbcac","z","ac","a",null,"c"])");
    EXPECT_EQ(eval("JSON.stringify(/(a)|b/.exec('b'))"), R"(["b",null])");
}

TEST_F(RegExpTest, AnIterationOfAStarThatMatchesNothingFails)
{
    // RepeatMatcher step 2.b: with min 0 an empty iteration is a failure.
    EXPECT_EQ(eval("JSON.stringify(/(a*)*/.exec('b'))"), R"(["",null])");
    EXPECT_EQ(eval("JSON.stringify(/(a*)+/.exec('b'))"), R"(["",""])");
    EXPECT_EQ(eval("JSON.stringify(/(?:a|())*?b/.exec('aab'))"), R"(["aab",null])");
}

TEST_F(RegExpTest, LookbehindMatchesBackwardsWithBackreferences)
{
    EXPECT_EQ(eval("JSON.stringify(/(?<=(\\d+)(\\d+))$/.exec('1053'))"), R"(["","1","053"])");
    // In a lookbehind the group to the right is matched first, so \1 can refer to it.
    EXPECT_EQ(eval("JSON.stringify(/(?<=\\1(\\w))d/i.exec('abcCd'))"), R"(["d","C"])");
    EXPECT_EQ(eval("/(?<!a)b/.exec('ab cb').index"), "4");
}

TEST_F(RegExpTest, LookaheadKeepsItsCapturesButIsNotBacktrackedInto)
{
    EXPECT_EQ(eval("JSON.stringify(/(?=(a+))a*b\\1/.exec('baaabac'))"), R"(["aba","a"])");
    EXPECT_EQ(eval("JSON.stringify(/(.*?)a(?!(a+)b\\2c)\\2(.*)/.exec('baaabaac'))"),
              R"(["baaabaac","ba",null,"abaac"])");
}

TEST_F(RegExpTest, CanonicalizeWithoutUnicodeUsesToUppercaseButNeverMapsIntoAscii)
{
    EXPECT_EQ(eval("[/\\u212a/i.test('k'), /\\u017f/i.test('s'), /\\u00e5/i.test('\\u00c5')].join()"),
              "false,false,true");
    // ß uppercases to "SS" (two code units): it stays itself.
    EXPECT_EQ(eval("/\\u00df/i.test('SS')"), "false");
}

TEST_F(RegExpTest, CanonicalizeWithUnicodeUsesSimpleCaseFolding)
{
    EXPECT_EQ(eval("[/\\u212a/iu.test('k'), /\\u017f/iu.test('S'), /\\w/iu.test('\\u017f')].join()"), "true,true,true");
    EXPECT_EQ(eval("/\\W/iu.test('S')"), "false");
}

TEST_F(RegExpTest, UnicodeModeReadsSurrogatePairsAsOneCharacter)
{
    EXPECT_EQ(eval("[/^.$/u.test('\\ud83d\\ude00'), /^.$/.test('\\ud83d\\ude00')].join()"), "true,false");
    EXPECT_EQ(eval("/\\udf06/u.exec('\\ud834\\udf06')"), "null");
    EXPECT_EQ(eval("/(?<=\\ud834\\udf06)x/u.exec('\\ud834\\udf06x').index"), "2");
    EXPECT_EQ(eval("'\\ud834\\udf06'.replace(/(?:)/gu, '-')"), "-\xF0\x9D\x8C\x86-");
}

TEST_F(RegExpTest, LastIndexForGlobalAndSticky)
{
    EXPECT_EQ(eval("var r = /a/g; r.exec('aba'); r.lastIndex"), "1");
    EXPECT_EQ(eval("var r = /a/g; r.exec('aba'); r.exec('aba'); r.exec('aba'); r.lastIndex"), "0");
    EXPECT_EQ(eval("var r = /a/y; r.lastIndex = 1; [r.exec('aba'), r.lastIndex].join()"), ",0");
    EXPECT_EQ(eval("var r = /a/; r.lastIndex = 2; r.exec('aa').index + ',' + r.lastIndex"), "0,2");
}

TEST_F(RegExpTest, ModifiersChangeFlagsInsideTheGroup)
{
    EXPECT_EQ(eval("[/(?i:a)b/.test('Ab'), /(?i:a)b/.test('AB'), /(?-i:a)b/i.test('aB'), /(?-i:a)b/i.test('AB')].join()"),
              "true,false,true,false");
    EXPECT_EQ(eval("/(?s:.)./.test('\\n\\n')"), "false");
    EXPECT_EQ(eval("/(?m:^b)/.test('a\\nb')"), "true");
}

TEST_F(RegExpTest, UnicodeSetsClassesWithStringsTryTheLongestFirst)
{
    EXPECT_EQ(eval("/[\\q{abc|d}]/v.exec('xabc')[0]"), "abc");
    EXPECT_EQ(eval("/[\\p{ASCII}--[a-z]]+/v.exec('abcDEF')[0]"), "DEF");
    EXPECT_EQ(eval("/[[a-z]&&[^aeiou]]+/v.exec('aei strength')[0]"), "str");
    EXPECT_EQ(eval("/^[\\q{}]$/v.test('')"), "true");
}

TEST_F(RegExpTest, NamedGroupsIndicesAndDuplicateNames)
{
    EXPECT_EQ(eval("'2020-01'.replace(/(?<y>\\d+)-(?<m>\\d+)/, '$<m>/$<y>')"), "01/2020");
    EXPECT_EQ(eval("JSON.stringify(/b(c)/d.exec('abc').indices)"), "[[1,3],[2,3]]");
    EXPECT_EQ(eval("/(?<x>a)|(?<x>b)/.exec('b').groups.x"), "b");
    EXPECT_EQ(eval("/(?<x>a)|(?<x>b)\\k<x>/.exec('bb')[0]"), "bb");
}

TEST_F(RegExpTest, SymbolMethodsAndStringMethods)
{
    EXPECT_EQ(eval("'a1b2c'.split(/(\\d)/).join('|')"), "a|1|b|2|c");
    EXPECT_EQ(eval("[...'a1b22'.matchAll(/\\d+/g)].map(m => m[0] + '@' + m.index).join()"), "1@1,22@3");
    EXPECT_EQ(eval("'aaa'.replace(/a*?/g, '-')"), "-a-a-a-");
    EXPECT_EQ(eval("'abc'.search(/c/) + ',' + 'xAy'.match(/a/i)[0] + ',' + 'aXa'.match(/a/g).length"), "2,A,2");
    EXPECT_EQ(thrown_error_name("'a'.matchAll(/a/)"), "TypeError");
}

TEST_F(RegExpTest, SourceFlagsToStringAndEscape)
{
    EXPECT_EQ(eval("[new RegExp('/').source, new RegExp('\\n').source, String(new RegExp(''))].join(' ')"),
              "\\/ \\n /(?:)/");
    EXPECT_EQ(eval("/a/dgimsy.flags + ' ' + /a/v.flags"), "dgimsy v");
    EXPECT_EQ(eval("RegExp.escape('1a.b c')"), "\\x31a\\.b\\x20c");
    EXPECT_EQ(eval("Object.prototype.toString.call(/x/)"), "[object RegExp]");
    EXPECT_EQ(eval("RegExp.prototype.source + RegExp.prototype.global"), "(?:)undefined");
}

TEST_F(RegExpTest, BadPatternsAndFlagsAreSyntaxErrors)
{
    EXPECT_EQ(thrown_error_name("new RegExp('(')"), "SyntaxError");
    EXPECT_EQ(thrown_error_name("new RegExp('a', 'gg')"), "SyntaxError");
    EXPECT_EQ(thrown_error_name("new RegExp('a', 'uv')"), "SyntaxError");
    EXPECT_EQ(thrown_error_name("RegExp.prototype.exec.call({}, 'a')"), "TypeError");
}

TEST_F(RegExpTest, ConstructorReturnsItsArgumentOnlyWhenCalledWithoutFlags)
{
    EXPECT_EQ(eval("var r = /a/g; RegExp(r) === r"), "true");
    EXPECT_EQ(eval("var r = /a/g; RegExp(r, 'i') === r"), "false");
    EXPECT_EQ(eval("new RegExp(/a/g, 'y').flags"), "y");
    EXPECT_EQ(eval("var r = /a/; r.compile('b', 'g'); r.source + r.flags + r.lastIndex"), "bg0");
    // Each evaluation of a literal makes a new object (the compiled closure may be shared).
    EXPECT_EQ(eval("var a = []; for (var i = 0; i < 2; i++) a.push(/x/g); a[0].lastIndex = 3; "
                   "(a[0] !== a[1]) + ',' + a[1].lastIndex + ',' + a[1].test('x')"),
              "true,0,true");
}

TEST_F(RegExpTest, QuantifiedCharacterSetsBacktrackOneCharacterAtATime)
{
    EXPECT_EQ(eval("[/a*ab/.exec('aaab')[0], /a*?b/.exec('aaab')[0], /a{2,3}?a/.exec('aaaa')[0], "
                   "/a{0,2}?b/.exec('aaab')[0], /x?x?x/.exec('xx')[0]].join()"),
              "aaab,aaab,aaa,aab,xx");
    EXPECT_EQ(eval("/(?<=^a*)b/.exec('aab').index + ',' + /(?<=^a{1,2}?)b/.exec('aab').index"), "2,2");
    EXPECT_EQ(eval("/^.*(.)$/u.exec('a\\ud83d\\ude00')[1] === '\\ud83d\\ude00'"), "true");
    EXPECT_EQ(eval("/^.*(.)$/.exec('a\\ud83d\\ude00')[1] === '\\ude00'"), "true");
    EXPECT_EQ(eval("/[^x]*x/.exec('ab'.repeat(1 << 20) + 'x')[0].length"), "2097153");
}

TEST_F(RegExpTest, LongInputsDoNotUseTheNativeStack)
{
    // One choice point and one continuation per character, all on the heap.
    EXPECT_EQ(eval("var m = /(a|b)*/.exec('ab'.repeat(1 << 19)); m[0].length + m[1]"), "1048576b");
    EXPECT_EQ(eval("/^(?:a|b)*c$/.test('ab'.repeat(100000))"), "false");
}

TEST_F(RegExpTest, TheStepBudgetEndsCatastrophicBacktrackingWithARangeError)
{
    EXPECT_EQ(eval("/(a*)*b/.test('a'.repeat(12))"), "false");  // no budget: the spec's answer
    agent.regexp_step_budget = 100000;
    EXPECT_EQ(thrown_error_name("/(a*)*b/.test('a'.repeat(40))"), "RangeError");
    EXPECT_EQ(eval("/(a*)*b/.test('aab')"), "true");  // within budget
}

}  // namespace
}  // namespace lockstep::testing
