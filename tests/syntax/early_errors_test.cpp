// Static Semantics: Early Errors, clause by clause.
#include "syntax_test_util.h"

namespace lockstep::syntax::testing {
namespace {

// §13.1.1 identifiers
TEST(EarlyErrors, Identifiers)
{
    EXPECT_SYNTAX_ERROR("var implements", Goal::Script, true);
    EXPECT_PARSES("var implements");
    EXPECT_SYNTAX_ERROR("var eval", Goal::Script, true);
    EXPECT_SYNTAX_ERROR("eval = 1", Goal::Script, true);
    EXPECT_SYNTAX_ERROR("[arguments] = []", Goal::Script, true);
    EXPECT_SYNTAX_ERROR("function* g() { var yield; }");
    EXPECT_SYNTAX_ERROR("function* g() { yi\\u0065ld; }");
    EXPECT_PARSES("function g() { var yield; }");
    EXPECT_SYNTAX_ERROR("async function f() { var await; }");
    EXPECT_SYNTAX_ERROR("var await", Goal::Module);
    EXPECT_PARSES("var await");
}

// §13.5.1.1 delete
TEST(EarlyErrors, Delete)
{
    EXPECT_SYNTAX_ERROR("delete x", Goal::Script, true);
    EXPECT_SYNTAX_ERROR("delete ((x))", Goal::Script, true);
    EXPECT_PARSES("delete x");
    EXPECT_SYNTAX_ERROR("class C { #x; m() { delete this.#x; } }");
}

// §13.15.1, §13.4.1 assignment targets
TEST(EarlyErrors, AssignmentTargets)
{
    EXPECT_SYNTAX_ERROR("1 = 2");
    EXPECT_SYNTAX_ERROR("a + b = c");
    EXPECT_SYNTAX_ERROR("++a.b()", Goal::Script, true);
    EXPECT_PARSES("f() = 1");   // B.3.7: a ReferenceError at run time in non-strict code
    EXPECT_SYNTAX_ERROR("f() = 1", Goal::Script, true);
    EXPECT_SYNTAX_ERROR("f() &&= 1");
    EXPECT_SYNTAX_ERROR("[f()] = 1");
}

// §14.2.1, §14.3.1 declarations in blocks and functions
TEST(EarlyErrors, Redeclarations)
{
    EXPECT_SYNTAX_ERROR("let a; let a;");
    EXPECT_SYNTAX_ERROR("let a; var a;");
    EXPECT_SYNTAX_ERROR("var a; let a;");
    EXPECT_SYNTAX_ERROR("{ var a; } let a;");
    EXPECT_SYNTAX_ERROR("{ let a; { var a; } }");
    EXPECT_PARSES("{ let a; } var a;");
    EXPECT_SYNTAX_ERROR("const [a, a] = [];");
    EXPECT_SYNTAX_ERROR("function f(a) { let a; }");
    EXPECT_PARSES("function f(a) { var a; function a() {} }");
    EXPECT_SYNTAX_ERROR("switch (0) { case 1: let a; case 2: let a; }");
    EXPECT_PARSES("{ function f() {} function f() {} }");        // B.3.2.4
    EXPECT_SYNTAX_ERROR("'use strict'; { function f() {} function f() {} }");
    EXPECT_SYNTAX_ERROR("{ function* f() {} function f() {} }");
    EXPECT_SYNTAX_ERROR("function f() {} let f;");
    EXPECT_SYNTAX_ERROR("function f() {} var f;", Goal::Module);
    EXPECT_SYNTAX_ERROR("for (let a;;) { var a; }");
}

// §14.15.1 catch parameters, B.3.4
TEST(EarlyErrors, Catch)
{
    EXPECT_SYNTAX_ERROR("try {} catch (e) { let e; }");
    EXPECT_PARSES("try {} catch (e) { var e; }");
    EXPECT_SYNTAX_ERROR("try {} catch ([e]) { var e; }");
    EXPECT_SYNTAX_ERROR("try {} catch ([e, e]) {}");
}

// §14.13 labels, §14.8 / §14.9 continue and break
TEST(EarlyErrors, Labels)
{
    EXPECT_SYNTAX_ERROR("a: a: ;");
    EXPECT_PARSES("a: ; a: ;");
    EXPECT_SYNTAX_ERROR("break;");
    EXPECT_SYNTAX_ERROR("while (1) { break b; }");
    EXPECT_SYNTAX_ERROR("a: { continue a; }");
    EXPECT_PARSES("a: b: while (1) continue a;");
    EXPECT_SYNTAX_ERROR("while (1) { function f() { break; } }");
    EXPECT_PARSES("switch (0) { default: break; }");
    EXPECT_SYNTAX_ERROR("switch (0) { default: continue; }");
}

// §14.10, §15 function placement
TEST(EarlyErrors, ReturnSuperNewTarget)
{
    EXPECT_SYNTAX_ERROR("return;");
    EXPECT_SYNTAX_ERROR("super.x");
    EXPECT_SYNTAX_ERROR("function f() { super.x }");
    EXPECT_PARSES("({ m() { super.x; () => super.y; } })");
    EXPECT_SYNTAX_ERROR("class A { constructor() { super(); } }");
    EXPECT_PARSES("class A extends B { constructor() { (() => super())(); } }");
    EXPECT_SYNTAX_ERROR("class A extends B { m() { super(); } }");
    EXPECT_SYNTAX_ERROR("class A extends B { x = super(); }");
    EXPECT_SYNTAX_ERROR("() => new.target");
    EXPECT_PARSES("function f() { () => new.target }");
}

// §15.1.1 parameters
TEST(EarlyErrors, Parameters)
{
    EXPECT_PARSES("function f(a, a) {}");
    EXPECT_SYNTAX_ERROR("function f(a, a) { 'use strict'; }");
    EXPECT_SYNTAX_ERROR("function f(a, [a]) {}");
    EXPECT_SYNTAX_ERROR("(a, a) => 1");
    EXPECT_SYNTAX_ERROR("({ m(a, a) {} })");
    EXPECT_SYNTAX_ERROR("function* g(a = yield) {}");
    EXPECT_SYNTAX_ERROR("async function f(a = await 1) {}");
    EXPECT_SYNTAX_ERROR("function* g() { (a = yield) => 1; }");
    EXPECT_SYNTAX_ERROR("({ get x(a) {} })");
    EXPECT_SYNTAX_ERROR("({ set x(...a) {} })");
}

// §15.7.1 classes
TEST(EarlyErrors, Classes)
{
    EXPECT_SYNTAX_ERROR("class C { constructor() {} constructor() {} }");
    EXPECT_SYNTAX_ERROR("class C { get constructor() {} }");
    EXPECT_SYNTAX_ERROR("class C { static prototype() {} }");
    EXPECT_SYNTAX_ERROR("class C { constructor = 1 }");
    EXPECT_SYNTAX_ERROR("class C { #constructor }");
    EXPECT_SYNTAX_ERROR("class C { #a; #a }");
    EXPECT_PARSES("class C { get #a() {} set #a(v) {} }");
    EXPECT_SYNTAX_ERROR("class C { static get #a() {} set #a(v) {} }");
    EXPECT_SYNTAX_ERROR("class C { m() { this.#b } }");
    EXPECT_PARSES("class C { #a; m() { class D { n() { this.#a } } } }");
    EXPECT_SYNTAX_ERROR("class C { x = arguments }");
    EXPECT_SYNTAX_ERROR("class C { static { arguments } }");
    EXPECT_PARSES("class C { x = function() { arguments } }");
    EXPECT_SYNTAX_ERROR("class C { static { await } }");
    EXPECT_SYNTAX_ERROR("class C { static { return; } }");
    EXPECT_SYNTAX_ERROR("class C { m() { with (a) {} } }");
    EXPECT_SYNTAX_ERROR("class C extends D { static m() { super(); } }");
}

// §13.2.5.1 __proto__
TEST(EarlyErrors, DuplicateProto)
{
    EXPECT_SYNTAX_ERROR("({ __proto__: 1, '__proto__': 2 })");
    EXPECT_PARSES("({ __proto__: 1, ['__proto__']: 2, __proto__() {} })");
    EXPECT_PARSES("({ __proto__: a, __proto__: b } = {})");
}

// B.3.3, B.3.4, §14.11.1 statement positions
TEST(EarlyErrors, StatementPositions)
{
    EXPECT_PARSES("if (1) function f() {}");
    EXPECT_SYNTAX_ERROR("if (1) function f() {}", Goal::Script, true);
    EXPECT_SYNTAX_ERROR("while (1) function f() {}");
    EXPECT_PARSES("a: function f() {}");
    EXPECT_SYNTAX_ERROR("a: function f() {}", Goal::Script, true);
    EXPECT_SYNTAX_ERROR("if (1) a: function f() {}");
    EXPECT_SYNTAX_ERROR("with (a) {}", Goal::Script, true);
}

// §16.2.1.1 modules
TEST(EarlyErrors, Modules)
{
    EXPECT_SYNTAX_ERROR("export var a; export { a };", Goal::Module);
    EXPECT_SYNTAX_ERROR("export default 1; export default 2;", Goal::Module);
    EXPECT_SYNTAX_ERROR("export { b };", Goal::Module);
    EXPECT_PARSES("export { b }; var b;", Goal::Module);
    EXPECT_PARSES("import { b } from 'm'; export { b };", Goal::Module);
    EXPECT_SYNTAX_ERROR("import { a } from 'm'; import { a } from 'n';", Goal::Module);
    EXPECT_SYNTAX_ERROR("new.target", Goal::Module);
    EXPECT_SYNTAX_ERROR("label: function f() {}", Goal::Module);
}

}  // namespace
}  // namespace lockstep::syntax::testing

namespace lockstep::syntax::testing {
namespace {

// §19.2.1.1 PerformEval: the code around a direct eval decides what it may contain.
TEST(EarlyErrors, DirectEvalContext)
{
    ParseOptions options;
    EXPECT_TRUE(ParseProgram("new.target", options).error);
    options.allow_new_target = true;
    EXPECT_FALSE(ParseProgram("new.target", options).error);
    EXPECT_TRUE(ParseProgram("super.x", options).error);
    options.allow_super_property = true;
    EXPECT_FALSE(ParseProgram("super.x", options).error);
    EXPECT_TRUE(ParseProgram("super()", options).error);
    options.allow_super_call = true;
    EXPECT_FALSE(ParseProgram("() => super()", options).error);
    options.allow_arguments = false;
    EXPECT_TRUE(ParseProgram("arguments", options).error);
    EXPECT_TRUE(ParseProgram("this.#x", options).error);
    options.private_names = {u"x"};
    EXPECT_FALSE(ParseProgram("this.#x", options).error);
}

}  // namespace
}  // namespace lockstep::syntax::testing
