// Functions, closures, `this`, `new`, arguments objects, classes, and
// native stack exhaustion.
#include "tests/algorithms/fixture.h"

namespace lockstep::testing {

using FunctionsTest = ScriptTest;

TEST_F(FunctionsTest, ClosuresCaptureTheirEnvironment)
{
    EXPECT_EQ(eval("function counter() { var n = 0; return () => ++n } var c = counter(); c(); c(); c()"), "3");
    EXPECT_EQ(eval("var f = function g() { return typeof g }; f()"), "function");
    EXPECT_EQ(eval("hoisted(); function hoisted() { return 'ok' } hoisted()"), "ok");
}

TEST_F(FunctionsTest, ThisBinding)
{
    EXPECT_EQ(eval("function f() { return this } f() === globalThis || f() === this"), "true");
    EXPECT_EQ(eval("function f() { 'use strict'; return this } f()"), "undefined");
    EXPECT_EQ(eval("var o = {m() { return () => this }}; o.m()() === o"), "true");
    EXPECT_EQ(eval("function f() { return typeof this } f.call(5)"), "object");
}

TEST_F(FunctionsTest, NewAndPrototypes)
{
    EXPECT_EQ(eval("function P(x) { this.x = x } P.prototype.get = function () { return this.x };"
                   " new P(9).get()"),
              "9");
    EXPECT_EQ(eval("function R() { return {r: 1} } new R().r"), "1");
    // new.target is the constructor, and returning an object replaces `this`.
    EXPECT_EQ(eval("function N() { return new.target } [N() === undefined, new N() === N]"), "true,true");
    EXPECT_EQ(eval("function M() { this.t = new.target } new M().t === M"), "true");
    EXPECT_EQ(thrown_error_name("new (() => 1)"), "TypeError");
    EXPECT_EQ(thrown_error_name("var o = {}; o.notAFunction()"), "TypeError");
}

TEST_F(FunctionsTest, NamesAndLengths)
{
    EXPECT_EQ(eval("function f(a, b = 1, c) {} f.length + ',' + f.name"), "1,f");
    EXPECT_EQ(eval("var anon = function () {}; var arrow = () => {}; anon.name + ',' + arrow.name"), "anon,arrow");
    EXPECT_EQ(eval("let c = class {}; c.name"), "c");
    EXPECT_EQ(eval("var o = {get x() { return 1 }}; Object.getOwnPropertyDescriptor(o, 'x').get.name"), "get x");
}

TEST_F(FunctionsTest, ParametersAndDefaults)
{
    EXPECT_EQ(eval("function f(a, b = a + 1, ...rest) { return [a, b, rest.length] } f(1) + ';' + f(1, 5, 6, 7)"),
              "1,2,0;1,5,2");
    EXPECT_EQ(eval("function f({a, b: [c] = [3]} = {a: 2}) { return a + c } f()"), "5");
    EXPECT_EQ(eval("function f(a, a) { return a } f(1, 2)"), "2");
}

TEST_F(FunctionsTest, ArgumentsObjects)
{
    EXPECT_EQ(eval("function f(a) { arguments[0] = 9; return a } f(1)"), "9");          // mapped
    EXPECT_EQ(eval("function f(a) { 'use strict'; arguments[0] = 9; return a } f(1)"), "1");  // unmapped
    EXPECT_EQ(eval("function f(a) { a = 3; return arguments[0] } f(1)"), "3");
    EXPECT_EQ(eval("function f() { return arguments.length } f(1, 2, 3)"), "3");
    EXPECT_EQ(thrown_error_name("function f() { 'use strict'; return arguments.callee } f()"), "TypeError");
}

TEST_F(FunctionsTest, Classes)
{
    EXPECT_EQ(eval("class A { constructor(x) { this.x = x } get double() { return this.x * 2 } static make() {"
                   " return new A(4) } } A.make().double"),
              "8");
    EXPECT_EQ(eval("class A2 { m() { return 'A' } } class B2 extends A2 { m() { return 'B' + super.m() } }"
                   " new B2().m()"),
              "BA");
    EXPECT_EQ(eval("class A3 { constructor(v) { this.v = v } } class B3 extends A3 {} new B3(3).v"), "3");
    EXPECT_EQ(eval("class C { #p = 1; static #s = 2; inc() { return ++this.#p } static s() { return C.#s }"
                   " has(o) { return #p in o } } var c = new C(); [c.inc(), C.s(), c.has(c), c.has({})]"),
              "2,2,true,false");
    EXPECT_EQ(eval("class C4 { static x = 1; static { C4.y = C4.x + 1 } } C4.y"), "2");
    EXPECT_EQ(eval("class C5 { f = this; } var c5 = new C5(); c5.f === c5"), "true");
    EXPECT_EQ(thrown_error_name("class A6 {} A6()"), "TypeError");
    EXPECT_EQ(thrown_error_name("class A7 extends Object { constructor() { this.x = 1 } } new A7()"),
              "ReferenceError");
    EXPECT_EQ(thrown_error_name("class A8 { #x; static get(o) { return o.#x } } A8.get({})"), "TypeError");
}

TEST_F(FunctionsTest, DeepRecursionIsARangeError)
{
    EXPECT_EQ(thrown_error_name("function f() { f() } f()"), "RangeError");
    // The agent is still usable afterwards.
    EXPECT_EQ(eval("function g(n) { return n ? g(n - 1) + 1 : 0 } g(1000)"), "1000");
}

TEST_F(FunctionsTest, DeeplyNestedDataDoesNotCrash)
{
    // As deep as the parser allows: the evaluator recurses as deep, safely.
    std::string source = "var a = ";
    for (int i = 0; i < 300; ++i) source += "[";
    for (int i = 0; i < 300; ++i) source += "]";
    source += "; var d = 0; for (var x = a; x.length; x = x[0]) d++; d";
    EXPECT_EQ(eval(source), "299");
}

}  // namespace lockstep::testing

namespace lockstep::testing {

using EvalTest = ScriptTest;

TEST_F(EvalTest, DirectEvalSeesAndDeclaresInTheCallersScope)
{
    EXPECT_EQ(eval("function f() { var local = 2; return eval('local * 21') } f()"), "42");
    EXPECT_EQ(eval("function g() { eval('var added = 5'); return added } g()"), "5");
    EXPECT_EQ(eval("function h() { 'use strict'; eval('var hidden = 5'); return typeof hidden } h()"), "undefined");
    EXPECT_EQ(eval("eval('1; if (true) { 2 }')"), "2");
    EXPECT_EQ(eval("var o = {m() { return eval('this') }}; o.m() === o"), "true");
}

TEST_F(EvalTest, IndirectEvalRunsInTheGlobalScope)
{
    EXPECT_EQ(eval("var v = 'global'; function f() { var v = 'local'; return (0, eval)('v') } f()"), "global");
    EXPECT_EQ(eval("eval(42)"), "42");  // not a String: returned as is
    EXPECT_EQ(thrown_error_name("eval('1 +')"), "SyntaxError");
    EXPECT_EQ(thrown_error_name("let lexical = 1; eval('var lexical')"), "SyntaxError");
}

}  // namespace lockstep::testing

namespace lockstep::testing {

using CollectionTest = ScriptTest;

// Nothing the evaluator holds may be lost to a collection: collect before
// every allocation while a script exercises closures, classes, destructuring
// and iteration.
TEST_F(CollectionTest, SurvivesCollectionAtEveryAllocation)
{
    agent.heap.set_stress(true);
    EXPECT_EQ(eval("class P { #x = [1, 2]; static s = {k: 'v'}; get x() { return this.#x } }"
                   " class Q extends P { y = this.x.map(v => v * 2) }"
                   " var q = new Q(); var {y: [a, ...rest]} = q; var keys = [];"
                   " for (var k in {[`c${1}`]: 1, d: 2}) keys.push(k);"
                   " function make(n) { var acc = ''; for (let i = 0; i < n; i++) acc += i; return () => acc }"
                   " [a, rest.join(), keys.join(), make(4)(), P.s.k].join('|')"),
              "2|4|c1,d|0123|v");
    agent.heap.set_stress(false);
}

// Source text made from a String (§11.1) is its code points, a lone
// surrogate being one: eval and the Function constructor keep it.
TEST_F(FunctionsTest, LoneSurrogatesInEvalAndFunctionSourceText)
{
    EXPECT_EQ(eval(R"(eval("'\uD800'").charCodeAt(0))"), "55296");
    EXPECT_EQ(eval(R"(eval("/\uDC00/").source.charCodeAt(0))"), "56320");
    EXPECT_EQ(eval(R"(Function("return '\uDBFF!'")().length)"), "2");
    EXPECT_EQ(eval(R"(String(Function("/* \uD800 */")).includes("\uD800"))"), "true");
    // A pair stays one code point; a lone surrogate is no identifier.
    EXPECT_EQ(eval(R"(eval("'\uD83D\uDE00'").codePointAt(0))"), "128512");
    EXPECT_EQ(eval(R"(try { eval("var \uD800") } catch (e) { e.name })"), "SyntaxError");
}

// The pinned spec's FunctionDeclarationInstantiation keeps "arguments" out of
// parameterNames (step 22.f makes a separate parameterBindings list), so the
// Annex B hoisting of a block function named `arguments` applies: B.3.2.1
// step 29.a.ii.2 creates no binding, but 29.a.ii.3 assigns the function to
// the existing `arguments` binding when the declaration is evaluated.
// (test262's block-decl-func-skip-arguments.js expects the older text.)
TEST_F(FunctionsTest, AnnexBBlockFunctionNamedArgumentsReplacesTheArgumentsObject)
{
    EXPECT_EQ(eval("(function () { { function arguments() {} } return typeof arguments })()"), "function");
    EXPECT_EQ(eval("(function () { var before = typeof arguments; { function arguments() {} } return before })()"),
              "object");
}

// §15.10 tail position calls: a strict function's calls in tail position
// leave its context before the call, so they take no native stack.
TEST_F(FunctionsTest, TailCallsInStrictCodeTakeNoStack)
{
    EXPECT_EQ(eval("'use strict'; function f(n) { return n === 0 ? 'done' : f(n - 1) } f(1e5)"), "done");
    EXPECT_EQ(eval("'use strict'; var f = n => n && f(n - 1); f(1e5)"), "0");
    EXPECT_EQ(eval("'use strict'; function f(n) { if (n) { try { throw n } catch (e) { return f(e - 1) } } "
                   "return 'caught' } f(1e5)"),
              "caught");
    EXPECT_EQ(eval("'use strict'; function f(_, n) { return n ? f`${n - 1}` : 'tagged' } f(null, 1e5)"), "tagged");
    EXPECT_EQ(eval("'use strict'; var o = { f(n) { return n ? this?.f(n - 1) : 'chain' } }; o.f(1e5)"), "chain");
    // Mutual recursion through an accessor-free method and a plain function.
    EXPECT_EQ(eval("'use strict'; function even(n) { return n === 0 || odd(n - 1) } "
                   "function odd(n) { return n !== 0 && even(n - 1) } even(100001)"),
              "false");
}

TEST_F(FunctionsTest, CallsOutsideTailPositionStillNest)
{
    // Not in tail position: an operand, a try block with finally, sloppy
    // code, a generator. Each still ends in a RangeError, not a crash.
    const char* nested[] = {
        "'use strict'; function f(n) { return n === 0 ? 0 : 1 + f(n - 1) } f(1e6)",
        "'use strict'; function f(n) { try { return n ? f(n - 1) : 0 } finally { } } f(1e6)",
        "function f(n) { return n === 0 ? 0 : f(n - 1) } f(1e6)",
        "'use strict'; function f(n) { for (const x of [n]) return x ? f(x - 1) : 0 } f(1e6)",
    };
    for (const char* source : nested) EXPECT_EQ(eval(std::string("try { ") + source + " } catch (e) { e.name }"),
                                                "RangeError") << source;
}

TEST_F(FunctionsTest, TailCallsToEveryKindOfCallee)
{
    EXPECT_EQ(eval("'use strict'; function f() { return Math.max(1, 2) } f()"), "2");
    EXPECT_EQ(eval("'use strict'; function g(a, b) { return a + b } function f() { return g.bind(null, 1)(2) } f()"),
              "3");
    EXPECT_EQ(eval("'use strict'; var p = new Proxy(function () { return 'proxied' }, {}); "
                   "function f() { return p() } f()"),
              "proxied");
    EXPECT_EQ(eval("'use strict'; class C {} function f() { return C() } try { f() } catch (e) { e.name }"),
              "TypeError");
    EXPECT_EQ(eval("'use strict'; function g() { return { made: 'by g' } } function F() { return g() } new F().made"),
              "by g");
    EXPECT_EQ(eval("'use strict'; function g() { return 1 } function F() { this.x = 'own'; return g() } new F().x"),
              "own");
}

}  // namespace lockstep::testing
