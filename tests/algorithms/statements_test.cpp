// Completion values of statements (§14: UpdateEmpty wherever the spec says),
// control flow, labels, switch, try/finally, loops and their bindings.
#include "tests/algorithms/fixture.h"

namespace lockstep::testing {

using StatementsTest = ScriptTest;

TEST_F(StatementsTest, ExpressionStatementsGiveTheScriptItsValue)
{
    EXPECT_EQ(eval("1; 2; 3"), "3");
    EXPECT_EQ(eval("var x = 5;"), "undefined");  // empty completion → undefined (ScriptEvaluation 13.b)
    EXPECT_EQ(eval("7; var y = 1;"), "7");
    EXPECT_EQ(eval("8; ;"), "8");
}

TEST_F(StatementsTest, IfAndBlocksUpdateEmptyWithUndefined)
{
    EXPECT_EQ(eval("1; if (true) {}"), "undefined");
    EXPECT_EQ(eval("1; if (false) 2;"), "undefined");
    EXPECT_EQ(eval("1; {}"), "1");
    EXPECT_EQ(eval("1; { 2; }"), "2");
}

TEST_F(StatementsTest, LoopCompletionValues)
{
    EXPECT_EQ(eval("3; while (false);"), "undefined");
    EXPECT_EQ(eval("var i = 0; while (i < 3) { i++; }"), "2");
    EXPECT_EQ(eval("1; do { 2; break; } while (true)"), "2");
    // `if (j) continue;` completes with continue(undefined) (UpdateEmpty in §14.6.2).
    EXPECT_EQ(eval("1; for (var j = 0; j < 2; j++) { if (j) continue; 'a'; }"), "undefined");
    EXPECT_EQ(eval("1; for (var j = 0; j < 2; j++) { 'b'; continue; }"), "b");
    EXPECT_EQ(eval("4; for (var k in {}) 5;"), "undefined");
    EXPECT_EQ(eval("for (var k of [1, 2]) k * 10;"), "20");
}

TEST_F(StatementsTest, LabelledBreakAndContinue)
{
    EXPECT_EQ(eval("var r = ''; outer: for (var i = 0; i < 3; i++) { for (var j = 0; j < 3; j++) {"
                   " if (j == 1) continue outer; if (i == 2) break outer; r += i + '' + j; } } r"),
              "0010");
    EXPECT_EQ(eval("a: { 1; break a; 2; }"), "1");
}

TEST_F(StatementsTest, SwitchFallsThroughAndUsesStrictEquality)
{
    EXPECT_EQ(eval("var r = ''; switch (2) { case 1: r += 'a'; case 2: r += 'b'; case 3: r += 'c'; break;"
                   " default: r += 'd'; } r"),
              "bc");
    EXPECT_EQ(eval("var r = ''; switch ('1') { case 1: r += 'n'; break; default: r += 'd'; case 2: r += 'x'; } r"),
              "dx");
    EXPECT_EQ(eval("switch (1) { case 1: 'one'; }"), "one");
}

TEST_F(StatementsTest, TryCatchFinally)
{
    EXPECT_EQ(eval("try { throw 1 } catch (e) { e + 1 }"), "2");
    EXPECT_EQ(eval("1; try { 2 } finally { 3 }"), "2");  // a normal finally keeps the try's value
    EXPECT_EQ(eval("(function () { try { return 'try' } finally { 'ignored' } })()"), "try");
    EXPECT_EQ(eval("(function () { try { return 'try' } finally { return 'finally' } })()"), "finally");
    EXPECT_EQ(eval("try { throw {a: 1, b: [2]} } catch ({a, b: [c]}) { a + c }"), "3");
    EXPECT_EQ(eval("var log = ''; try { try { throw 'x' } finally { log += 'f' } } catch (e) { log += e } log"), "fx");
}

TEST_F(StatementsTest, LetBindingsArePerIteration)
{
    EXPECT_EQ(eval("var fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); fs.map(f => f()).join()"), "0,1,2");
    EXPECT_EQ(eval("var fs = []; for (var i = 0; i < 3; i++) fs.push(() => i); fs.map(f => f()).join()"), "3,3,3");
    EXPECT_EQ(eval("var fs = []; for (const k in {a: 1, b: 2}) fs.push(() => k); fs.map(f => f()).join()"), "a,b");
}

TEST_F(StatementsTest, TemporalDeadZone)
{
    EXPECT_EQ(thrown_error_name("x; let x = 1;"), "ReferenceError");
    EXPECT_EQ(thrown_error_name("{ f(); let y = 2; function f() { return y } }"), "ReferenceError");
    EXPECT_EQ(thrown_error_name("const c = 1; c = 2;"), "TypeError");
    EXPECT_EQ(thrown_error_name("for (let z of [z]) ;"), "ReferenceError");
}

TEST_F(StatementsTest, ForInVisitsEnumerableStringKeysOnce)
{
    EXPECT_EQ(eval("var p = {a: 1, b: 2}; var o = Object.create(p); o.b = 3; o.c = 4; var r = [];"
                   " for (var k in o) r.push(k); r.join()"),
              "b,c,a");
    EXPECT_EQ(eval("var r = []; for (var k in {x: 1, y: 2}) { r.push(k); } r.length"), "2");
    EXPECT_EQ(eval("var n = 0; for (var k in null) n++; n"), "0");
}

TEST_F(StatementsTest, ForOfClosesTheIteratorOnBreak)
{
    EXPECT_EQ(eval("var closed = false; var it = { [Symbol.iterator]() { return this },"
                   " next() { return {value: 1, done: false} }, return() { closed = true; return {} } };"
                   " for (var v of it) break; closed"),
              "true");
}

TEST_F(StatementsTest, WithStatementResolvesThroughTheObject)
{
    EXPECT_EQ(eval("var o = {p: 1}; with (o) { p = 2; } o.p"), "2");
    EXPECT_EQ(eval("var q = 'outer'; var o = {q: 'inner', [Symbol.unscopables]: {q: true}}; with (o) q"), "outer");
}

TEST_F(StatementsTest, GlobalDeclarationConflictsAreSyntaxErrors)
{
    EXPECT_EQ(eval("let a1 = 1; a1"), "1");
    EXPECT_EQ(thrown_error_name("let a1 = 2;"), "SyntaxError");  // second script, same realm
    EXPECT_EQ(thrown_error_name("var a1;"), "SyntaxError");
    EXPECT_EQ(thrown_error_name("let undefined;"), "SyntaxError");  // a restricted global property
}

}  // namespace lockstep::testing

namespace lockstep::testing {

using AnnexBTest = ScriptTest;

// §B.3.2: in sloppy code a function declared in a block is also assigned to
// a var binding of the same name when the block's declaration is evaluated.
TEST_F(AnnexBTest, BlockFunctionsAreAlsoVarScopedInSloppyCode)
{
    EXPECT_EQ(eval("var before = typeof hoistedF; { function hoistedF() { return 1 } } [before, typeof hoistedF]"),
              "undefined,function");
    EXPECT_EQ(eval("(function () { var r = typeof g; if (true) function g() {} return r + ',' + typeof g })()"),
              "undefined,function");
    EXPECT_EQ(eval("(function () { 'use strict'; { function h() {} } return typeof h })()"), "undefined");
    // A conflicting let keeps the function block-scoped.
    EXPECT_EQ(eval("(function () { let k = 1; { function k() {} } return typeof k })()"), "number");
    EXPECT_EQ(eval("(function () { eval('{ function e1() {} }'); return typeof e1 })()"), "function");
}

TEST_F(AnnexBTest, CallExpressionAssignmentTargetsThrowReferenceErrorAtRunTime)
{
    EXPECT_EQ(thrown_error_name("function f() {} f() = 1;"), "ReferenceError");
    EXPECT_EQ(thrown_error_name("function g() {} g()++;"), "ReferenceError");
}

using TraceTest = ScriptTest;

TEST_F(TraceTest, UncaughtExceptionsRecordWhereTheyWereThrown)
{
    Completion result = run("function inner() {\n  throw new Error('x');\n}\nfunction outer() { inner(); }\nouter();");
    ASSERT_TRUE(result.is_throw_completion());
    std::vector<StackPosition> trace = StackTraceOf(agent, result.value);
    ASSERT_GE(trace.size(), 3u);
    EXPECT_EQ(trace[0].line, 2u);   // the throw statement
    EXPECT_EQ(trace[0].column, 3u);
    EXPECT_EQ(trace[1].line, 4u);   // the call in outer
    EXPECT_EQ(trace[2].line, 5u);   // the call in the script
    EXPECT_EQ(trace[0].file, "test.js");
}

}  // namespace lockstep::testing
