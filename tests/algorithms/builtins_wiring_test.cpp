// The evaluator as the built-ins and hosts reach it: %eval%, the Function
// constructor, Function.prototype.toString's [[SourceText]], the
// %Array.prototype.values% / %Array.prototype.toString% intrinsics,
// CreateScriptRecord, StackTraceOf per agent and the realm's [[TemplateMap]].
#include <memory>

#include "algorithms/source_unit.h"
#include "tests/algorithms/fixture.h"

namespace lockstep::testing {

using EvalIntrinsicTest = ScriptTest;

TEST_F(EvalIntrinsicTest, TheGlobalEvalIsTheRealmsIntrinsic)
{
    Realm& realm = *agent.current_realm();
    Value global_eval = MUST(Get(agent, *realm.GlobalObject, agent.key("eval")));
    ASSERT_TRUE(global_eval.is_object());
    EXPECT_EQ(global_eval.as_object(), realm.intrinsic(Intrinsic::eval));
    // §19.2.1 / §18: length 1, name "eval", writable and configurable, not enumerable.
    EXPECT_EQ(eval("var d = Object.getOwnPropertyDescriptor(globalThis, 'eval');"
                   " [eval.length, eval.name, d.writable, d.enumerable, d.configurable].join()"),
              "1,eval,true,false,true");
}

TEST_F(EvalIntrinsicTest, OnlyACallOfTheIntrinsicNamedEvalIsDirect)
{
    EXPECT_EQ(eval("function f() { var y = 2; return eval('y') } f()"), "2");
    EXPECT_EQ(eval("function g() { var y = 2; return (eval)('typeof y') } g()"), "number");
    EXPECT_EQ(eval("function h() { var y = 2; var e = eval; return e('typeof y') } h()"), "undefined");
    EXPECT_EQ(eval("function i() { var eval = function (s) { return 'own ' + s }; return eval('x') } i()"), "own x");
    // An eval that is not %eval% (here another function stored under the name) is a plain call.
    EXPECT_EQ(eval("var saved = eval; eval = function () { return 'replaced' };"
                   " var r = (function () { return eval('1') })(); eval = saved; r"),
              "replaced");
}

using FunctionConstructorTest = ScriptTest;

TEST_F(FunctionConstructorTest, BuildsFunctionsFromParametersAndBody)
{
    EXPECT_EQ(eval("new Function('a', 'b', 'return a + b')(1, 2)"), "3");
    EXPECT_EQ(eval("Function('a, b', 'c', 'return a + b + c')(1, 2, 3)"), "6");
    EXPECT_EQ(eval("Function()() === undefined"), "true");
    EXPECT_EQ(eval("Function('return this')() === globalThis"), "true");
    EXPECT_EQ(eval("var local = 'global'; (function () { var local = 'inner'; return Function('return local')() })()"),
              "global");
    EXPECT_EQ(eval("var f = Function('x', 'return x'); [f.name, f.length, typeof f.prototype].join()"),
              "anonymous,1,object");
    EXPECT_EQ(thrown_error_name("Function('}')"), "SyntaxError");
    EXPECT_EQ(thrown_error_name("Function('a', '\"use strict\"; with (a) {}')"), "SyntaxError");
    // The prototype comes from NewTarget (§20.2.1.1.1 step 25).
    EXPECT_EQ(eval("class F extends Function {} var g = new F('return 7');"
                   " [Object.getPrototypeOf(g) === F.prototype, g()].join()"),
              "true,7");
}

using SourceTextTest = ScriptTest;

TEST_F(SourceTextTest, FunctionsPrintTheirExactSourceText)
{
    EXPECT_EQ(eval("(function  f ( a ) { return a /* c */ }).toString()"), "function  f ( a ) { return a /* c */ }");
    EXPECT_EQ(eval("(( a ) => a * 2).toString()"), "( a ) => a * 2");
    EXPECT_EQ(eval("({ m ( ) { } }).m.toString()"), "m ( ) { }");
    EXPECT_EQ(eval("({ ['comp' + 'uted'] () {} })['computed'].toString()"), "['comp' + 'uted'] () {}");
    EXPECT_EQ(eval("Object.getOwnPropertyDescriptor({ get x() { return 1 } }, 'x').get.toString()"),
              "get x() { return 1 }");
    EXPECT_EQ(eval("(class A { m() {} }).toString()"), "class A { m() {} }");
    EXPECT_EQ(eval("(class B extends Object {}).toString()"), "class B extends Object {}");
    EXPECT_EQ(eval("Function('a', 'b', 'return a').toString()"), "function anonymous(a,b\n) {\nreturn a\n}");
    EXPECT_EQ(eval("Math.max.toString()"), "function max() { [native code] }");
}

using IntrinsicPropertyTest = ScriptTest;

TEST_F(IntrinsicPropertyTest, ArgumentsObjectsIterateWithTheOriginalArrayPrototypeValues)
{
    EXPECT_EQ(eval("(function () { return arguments[Symbol.iterator] === Array.prototype.values })()"), "true");
    EXPECT_EQ(eval("var original = Array.prototype.values; Array.prototype.values = function () {};"
                   " [(function (a) { return arguments[Symbol.iterator] === original })(1),"
                   "  (function (a) { 'use strict'; return arguments[Symbol.iterator] === original })(1),"
                   "  (function (a) { return [...arguments].join('') })(1, 2)].join()"),
              "true,true,12");
}

TEST_F(IntrinsicPropertyTest, TypedArraysShareArrayPrototypeToString)
{
    EXPECT_EQ(eval("Object.getPrototypeOf(Int8Array.prototype).toString === Array.prototype.toString"), "true");
}

TEST_F(IntrinsicPropertyTest, StrictCalleeAndFunctionPrototypeCallerShareThrowTypeError)
{
    EXPECT_EQ(eval("(function () { 'use strict';"
                   " var callee = Object.getOwnPropertyDescriptor(arguments, 'callee');"
                   " var caller = Object.getOwnPropertyDescriptor(Function.prototype, 'caller');"
                   " var args = Object.getOwnPropertyDescriptor(Function.prototype, 'arguments');"
                   " return callee.get === callee.set && callee.get === caller.get && caller.get === args.set })()"),
              "true");
    EXPECT_EQ(thrown_error_name("(function () { 'use strict'; return arguments.callee })()"), "TypeError");
}

// A Script parsed once and run in two agents: CreateScriptRecord is
// ParseScript's step 3 alone.
TEST(CreateScriptRecordTest, OneParseRunsInManyRealms)
{
    syntax::ParseOptions options;
    options.goal = syntax::Goal::Script;
    syntax::ParseResult parsed = syntax::ParseProgram("var n = (typeof n === 'number' ? n : 0) + 1; n", options);
    ASSERT_FALSE(parsed.error);
    auto unit = std::make_shared<SourceUnit>();
    unit->program = std::move(parsed.program);
    unit->file_name = "shared.js";
    for (int run = 0; run < 2; ++run) {
        DefaultHost host;
        Agent agent(host);
        MUST(InitializeHostDefinedRealm(agent));
        Realm& realm = *agent.current_realm();
        Root<ScriptRecord*> script(CreateScriptRecord(agent, unit, realm, Value::number(run)));
        EXPECT_EQ(script.get()->Realm, &realm);
        EXPECT_EQ(script.get()->ECMAScriptCode, unit);
        EXPECT_TRUE(script.get()->LoadedModules.empty());
        EXPECT_EQ(script.get()->HostDefined.as_number(), run);
        Completion result = ScriptEvaluation(agent, *script.get());
        ASSERT_TRUE(result.is_normal());
        EXPECT_EQ(result.value.as_number(), 1);  // a fresh realm each time
    }
}

// The trace of a throw belongs to the agent it was thrown in: another agent
// asking about the same Value (e.g. an object at a reused address) gets none.
TEST(StackTraceOfTest, TracesAreKeptPerAgent)
{
    DefaultHost host;
    Agent first(host);
    MUST(InitializeHostDefinedRealm(first));
    auto parsed = ParseScript(first, "throw 42", *first.current_realm(), Value::undefined(), "first.js");
    Root<ScriptRecord*> script(std::get<ScriptRecord*>(parsed));
    Completion result = ScriptEvaluation(first, *script.get());
    ASSERT_TRUE(result.is_throw_completion());
    std::vector<StackPosition> trace = StackTraceOf(first, result.value);
    ASSERT_EQ(trace.size(), 1u);
    EXPECT_EQ(trace[0].file, "first.js");

    Agent second(host);
    EXPECT_TRUE(StackTraceOf(second, result.value).empty());
    EXPECT_FALSE(StackTraceOf(first, result.value).empty());
}

using TemplateMapTest = ScriptTest;

// Each eval parses anew, so each evaluation of its template literal is a new
// site with a new template object, however often the code is freed and the
// next parse lands at the same addresses.
TEST_F(TemplateMapTest, EveryParsedSiteGetsItsOwnTemplateObject)
{
    EXPECT_EQ(eval("function tag(s) { return s } var seen = [];"
                   " for (var i = 0; i < 50; i++) seen.push(eval('tag`x`'));"
                   " seen.every((s, k) => seen.indexOf(s) === k)"),
              "true");
    // The same site evaluated twice gives the same object.
    EXPECT_EQ(eval("function site() { return tag`y` } site() === site()"), "true");
}

TEST_F(TemplateMapTest, TheRealmKeepsTheParseTreeOfEachSiteAlive)
{
    Realm& realm = *agent.current_realm();
    auto parsed = ParseScript(agent, "(s => s)`z`", realm, Value::undefined(), "template.js");
    Root<ScriptRecord*> script(std::get<ScriptRecord*>(parsed));
    std::weak_ptr<SourceUnit> unit = script.get()->ECMAScriptCode;
    ASSERT_TRUE(ScriptEvaluation(agent, *script.get()).is_normal());
    ASSERT_EQ(realm.TemplateMap.size(), 1u);
    script.get()->ECMAScriptCode.reset();  // the Script Record lets go of its code
    EXPECT_FALSE(unit.expired());         // the [[TemplateMap]] entry still holds it
}

}  // namespace lockstep::testing
