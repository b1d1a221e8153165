// Expressions (§13): operators, references, property access, templates,
// optional chains, destructuring assignment order of operations.
#include "tests/algorithms/fixture.h"

namespace lockstep::testing {

using ExpressionsTest = ScriptTest;

TEST_F(ExpressionsTest, ArithmeticAndConversions)
{
    EXPECT_EQ(eval("1 + 2 * 3 - 4 / 2"), "5");
    EXPECT_EQ(eval("'a' + 1 + 2"), "a12");
    EXPECT_EQ(eval("2 ** 10"), "1024");
    EXPECT_EQ(eval("-7 % 3"), "-1");
    EXPECT_EQ(eval("1 << 31"), "-2147483648");
    EXPECT_EQ(eval("-1 >>> 0"), "4294967295");
    EXPECT_EQ(eval("~5"), "-6");
    EXPECT_EQ(eval("({valueOf() { return 41 }}) + 1"), "42");
    EXPECT_EQ(eval("10n ** 20n"), "100000000000000000000");
    EXPECT_EQ(thrown_error_name("1n + 1"), "TypeError");
}

TEST_F(ExpressionsTest, Comparisons)
{
    EXPECT_EQ(eval("[1 < 2, 'b' < 'a', NaN < 1, NaN >= 1, 2n > 1, '10' < 9]"), "true,false,false,false,true,false");
    EXPECT_EQ(eval("[null == undefined, 0 == '', '1' == 1, 1n == 1, NaN == NaN, null == 0]"),
              "true,true,true,true,false,false");
    EXPECT_EQ(eval("[0 === -0, 'a' === 'a', {} === {}]"), "true,true,false");
}

TEST_F(ExpressionsTest, LogicalAndConditional)
{
    EXPECT_EQ(eval("0 || 'x'"), "x");
    EXPECT_EQ(eval("1 && 0"), "0");
    EXPECT_EQ(eval("null ?? 'd'"), "d");
    EXPECT_EQ(eval("0 ?? 'd'"), "0");
    EXPECT_EQ(eval("var a = null; a ?\?= 5; a ||= 6; a &&= 7; a"), "7");
    EXPECT_EQ(eval("true ? 'y' : 'n'"), "y");
}

TEST_F(ExpressionsTest, TypeofAndDelete)
{
    EXPECT_EQ(eval("[typeof undeclared, typeof null, typeof function(){}, typeof 1n, typeof Symbol()]"),
              "undefined,object,function,bigint,symbol");
    EXPECT_EQ(eval("var o = {p: 1}; [delete o.p, 'p' in o]"), "true,false");
    EXPECT_EQ(thrown_error_name("'use strict'; delete Object.prototype"), "TypeError");
    EXPECT_EQ(thrown_error_name("undeclared"), "ReferenceError");
    EXPECT_EQ(thrown_error_name("'use strict'; undeclared2 = 1"), "ReferenceError");
    EXPECT_EQ(eval("sloppyGlobal = 3; sloppyGlobal"), "3");
}

TEST_F(ExpressionsTest, UpdateExpressions)
{
    EXPECT_EQ(eval("var i = 1; [i++, i, ++i, i--, --i]"), "1,2,3,3,1");
    EXPECT_EQ(eval("var o = {n: '5'}; o.n++; o.n"), "6");
    EXPECT_EQ(eval("var b = 1n; b++; b"), "2");
}

TEST_F(ExpressionsTest, ObjectAndArrayLiterals)
{
    EXPECT_EQ(eval("var o = {a: 1, ['b' + 1]: 2, 3: 'c'}; Object.keys(o).join()"), "3,a,b1");
    EXPECT_EQ(eval("[1, , 3].length"), "3");
    EXPECT_EQ(eval("[, ,].length"), "2");
    EXPECT_EQ(eval("[...'abc', ...[1, 2]].join()"), "a,b,c,1,2");
    EXPECT_EQ(eval("var o = {__proto__: Array.prototype}; Array.isArray(o) + ',' + (o instanceof Array)"),
              "false,true");
    EXPECT_EQ(eval("({...{a: 1, b: 2}, b: 3}).b"), "3");
    EXPECT_EQ(eval("({ f() {}, g: function () {}, h: () => 1 }).g.name"), "g");
}

TEST_F(ExpressionsTest, TemplatesAndTaggedTemplates)
{
    EXPECT_EQ(eval("var x = 2; `a${x}b${x * 2}`"), "a2b4");
    EXPECT_EQ(eval("function tag(s, ...v) { return s.raw.join('|') + v.join() } tag`x\\n${1}y`"), "x\\n|y1");
    EXPECT_EQ(eval("function t(s) { return s } t`a` === t`a`"), "false");
    EXPECT_EQ(eval("function t(s) { return s } function f() { return t`a` } f() === f()"), "true");
}

TEST_F(ExpressionsTest, OptionalChains)
{
    EXPECT_EQ(eval("var o = null; o?.a.b.c"), "undefined");
    EXPECT_EQ(eval("var o = {a: {b() { return this.c }, c: 4}}; o?.a.b()"), "4");
    EXPECT_EQ(eval("var o = {f() { return this === o }}; o.f?.()"), "true");
    EXPECT_EQ(eval("var o = {}; o.missing?.()"), "undefined");
    EXPECT_EQ(thrown_error_name("var o = {}; o?.missing()"), "TypeError");
}

TEST_F(ExpressionsTest, DestructuringAssignmentOrderOfOperations)
{
    // The target reference is evaluated before the value is read (§13.15.5.6).
    EXPECT_EQ(eval("var log = []; var src = { get a() { log.push('get a'); return 1 } };"
                   " var tgt = {}; function t() { log.push('target'); return tgt }"
                   " ({a: t().x} = src); log.join() + ';' + tgt.x"),
              "target,get a;1");
    EXPECT_EQ(eval("var a, b, rest; [a, , b = 'dflt', ...rest] = [1, 2, undefined, 4, 5]; [a, b, rest]"),
              "1,dflt,4,5");
    EXPECT_EQ(eval("var x, y; ({x, y = 2, ...z} = {x: 1, w: 3}); [x, y, z.w]"), "1,2,3");
    EXPECT_EQ(eval("var f; [f = function () {}] = []; f.name"), "f");
    EXPECT_EQ(thrown_error_name("var {a} = null;"), "TypeError");
}

TEST_F(ExpressionsTest, IteratorCloseOnDestructuring)
{
    EXPECT_EQ(eval("var closed = 0; var it = { [Symbol.iterator]() { return this },"
                   " next() { return {value: 1, done: false} }, return() { closed++; return {} } };"
                   " var [a] = it; closed"),
              "1");
}

TEST_F(ExpressionsTest, CommaAndGrouping)
{
    EXPECT_EQ(eval("(1, 2, 3)"), "3");
    EXPECT_EQ(eval("var o = {m() { return this }}; (o.m)() === o"), "true");
    EXPECT_EQ(eval("var o = {m() { return this }}; (0, o.m)() === o"), "false");
}

}  // namespace lockstep::testing
