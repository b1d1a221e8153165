// The run phase end to end, on a small test262 tree of its own (stub harness
// files and tests): passes, assertion failures, negative tests, async tests,
// the $262 host API, a timeout and a crash, each with the verdict and the
// message a user sees.
#include "conformance/test262/run_phase.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "conformance/test262/runner.h"

namespace lockstep::conformance::test262 {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

std::string ReadBack(std::FILE* file)
{
    std::rewind(file);
    std::string text;
    for (int c; (c = std::fgetc(file)) != EOF;) text += static_cast<char>(c);
    std::fclose(file);
    return text;
}

// A test file: front matter, then the body.
std::string TestFile(const std::string& front_matter, const std::string& body)
{
    return "/*---\n" + front_matter + "\n---*/\n" + body + "\n";
}

class RunPhaseTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        char pattern[] = "/tmp/lockstep-run-phase-test-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        root_ = pattern;
        fs::path harness = root_ / "test262/harness";
        Write(harness / "sta.js",
              "function Test262Error(message) { this.message = message || ''; }\n"
              "function $DONOTEVALUATE() { throw 'Test262: This statement should not be evaluated.'; }\n");
        Write(harness / "assert.js",
              "function assert(value, message) { if (value !== true) throw new Test262Error(message); }\n"
              "assert.sameValue = function (actual, expected, message) {\n"
              "  if (actual !== expected) throw new Test262Error(message);\n"
              "};\n");
        Write(harness / "doneprintHandle.js",
              "function $DONE(error) {\n"
              "  if (error) print('Test262:AsyncTestFailure:Test262Error: ' + error.message);\n"
              "  else print('Test262:AsyncTestComplete');\n"
              "}\n");
        Write(harness / "helper.js", "function helper() { return 42; }\n");
        Write(harness / "broken.js", "var = 1;\n");

        options_.test262_dir = (root_ / "test262").string();
        options_.paths = {"language"};
        options_.jobs = 2;
        options_.timeout = std::chrono::milliseconds(1500);
        Write(root_ / "unsupported.txt", "Temporal  # proposal-temporal\n");
        options_.unsupported_features_file = (root_ / "unsupported.txt").string();
        options_.json_file = (root_ / "results.json").string();
    }
    void TearDown() override { fs::remove_all(root_); }

    void AddTest(const std::string& name, const std::string& text)
    {
        Write(root_ / "test262/test/language" / name, text);
    }

    // Runs the tree; "CRASH_THE_HOST" in a test's source aborts its worker.
    int Run()
    {
        RunPhase run_phase(options_.test262_dir);
        Phase phase = run_phase.AsPhase();
        Executor run = phase.run;
        phase.run = [run](const Test262Test& test, Scenario scenario) {
            if (test.source.find("CRASH_THE_HOST") != std::string::npos) std::abort();
            return run(test, scenario);
        };
        std::FILE* out = std::tmpfile();
        std::FILE* err = std::tmpfile();
        int status = RunTest262(options_, phase, out, err);
        out_ = ReadBack(out);
        err_ = ReadBack(err);
        return status;
    }

    // The line of the report about this scenario ("" when it passed).
    std::string Line(const std::string& name, const std::string& scenario)
    {
        std::string start = "language/" + name + " (" + scenario + "): ";
        size_t at = out_.find(start);
        if (at == std::string::npos) return "";
        size_t end = out_.find('\n', at);
        return out_.substr(at + start.size(), end - at - start.size());
    }

    bool Reported(const std::string& name) { return out_.find("language/" + name + " ") != std::string::npos; }

    fs::path root_;
    Test262Options options_;
    std::string out_, err_;
};

TEST_F(RunPhaseTest, PassesAndFailures)
{
    AddTest("pass.js", TestFile("description: x", "assert.sameValue(1 + 1, 2);"));
    AddTest("fail.js", TestFile("description: x", "assert.sameValue(1, 2, 'one is not two');"));
    AddTest("throw.js", TestFile("description: x", "\nthrow new Test262Error('direct');"));
    AddTest("strict.js", TestFile("flags: [onlyStrict]", "(function () { assert.sameValue(this, undefined); })();"));
    AddTest("sloppy.js", TestFile("flags: [noStrict]", "(function () { assert.sameValue(this, undefined, 'sloppy'); })();"));
    AddTest("include.js", TestFile("includes: [helper.js]", "assert.sameValue(helper(), 42);"));
    AddTest("raw.js", TestFile("flags: [raw]", "if (typeof assert !== 'undefined') throw new Error('harness in raw');"));
    AddTest("syntax.js", TestFile("description: x", "var = 2;"));
    AddTest("missing-include.js", TestFile("includes: [nope.js]", ""));
    AddTest("broken-include.js", TestFile("includes: [broken.js]", ""));
    EXPECT_EQ(Run(), 1) << err_;
    EXPECT_FALSE(Reported("pass.js")) << out_;
    EXPECT_FALSE(Reported("strict.js")) << out_;
    EXPECT_FALSE(Reported("include.js")) << out_;
    EXPECT_FALSE(Reported("raw.js")) << out_;
    EXPECT_EQ(Line("fail.js", "non-strict"), "Uncaught Test262Error: one is not two (at harness/assert.js:3:28)");
    // A position in the test is the test file's line, in the strict scenario too.
    EXPECT_EQ(Line("throw.js", "non-strict"), "Uncaught Test262Error: direct (at language/throw.js:5:1)");
    EXPECT_EQ(Line("throw.js", "strict"), "Uncaught Test262Error: direct (at language/throw.js:5:1)");
    EXPECT_EQ(Line("sloppy.js", "non-strict").rfind("Uncaught Test262Error: sloppy", 0), 0u);
    EXPECT_EQ(Line("syntax.js", "strict").rfind("SyntaxError at 4:", 0), 0u) << Line("syntax.js", "strict");
    EXPECT_NE(Line("missing-include.js", "non-strict").find("cannot read"), std::string::npos) << out_;
    EXPECT_EQ(Line("broken-include.js", "strict").rfind("harness/broken.js: SyntaxError at 1:", 0), 0u) << out_;
    EXPECT_NE(out_.find("6 passed, 11 failed, 0 skipped"), std::string::npos) << out_;
}

TEST_F(RunPhaseTest, NegativeTests)
{
    AddTest("runtime.js", TestFile("negative:\n  phase: runtime\n  type: ReferenceError", "$DONOTEVALUATE = 1; notDefined;"));
    AddTest("runtime-wrong-type.js", TestFile("negative:\n  phase: runtime\n  type: TypeError\nflags: [noStrict]", "notDefined;"));
    AddTest("runtime-none.js", TestFile("negative:\n  phase: runtime\n  type: TypeError\nflags: [noStrict]", "1;"));
    AddTest("parse.js", TestFile("negative:\n  phase: parse\n  type: SyntaxError", "$DONOTEVALUATE();\nvar = 1;"));
    AddTest("parse-none.js", TestFile("negative:\n  phase: parse\n  type: SyntaxError\nflags: [noStrict]", "1;"));
    // The thrown value's constructor.name decides, whatever the object.
    AddTest("custom.js", TestFile("negative:\n  phase: runtime\n  type: Custom\nflags: [noStrict]",
                              "function Custom() {}\nthrow new Custom();"));
    EXPECT_EQ(Run(), 1);
    EXPECT_FALSE(Reported("runtime.js ")) << out_;
    EXPECT_FALSE(Reported("parse.js ")) << out_;
    EXPECT_FALSE(Reported("custom.js ")) << out_;
    EXPECT_EQ(Line("runtime-wrong-type.js", "non-strict").rfind(
                  "expected a runtime TypeError, got Uncaught ReferenceError", 0),
              0u)
        << out_;
    EXPECT_EQ(Line("runtime-none.js", "non-strict"), "completed normally, but a runtime TypeError was expected");
    EXPECT_EQ(Line("parse-none.js", "non-strict"), "parsed, but a parse-phase SyntaxError was expected");
    EXPECT_NE(out_.find("5 passed, 3 failed, 0 skipped"), std::string::npos) << out_;
}

TEST_F(RunPhaseTest, AsyncTestsReportThroughPrint)
{
    AddTest("done.js", TestFile("flags: [async]", "Promise.resolve().then(function () { $DONE(); });"));
    AddTest("failure.js", TestFile("flags: [async, noStrict]",
                               "Promise.resolve().then(function () { $DONE(new Test262Error('late')); });"));
    AddTest("silent.js", TestFile("flags: [async, noStrict]", "Promise.resolve();"));
    EXPECT_EQ(Run(), 1);
    EXPECT_FALSE(Reported("done.js")) << out_;
    EXPECT_EQ(Line("failure.js", "non-strict"), "Test262:AsyncTestFailure:Test262Error: late");
    EXPECT_EQ(Line("silent.js", "non-strict"), "the async test did not print Test262:AsyncTestComplete");
}

TEST_F(RunPhaseTest, TheHostApi)
{
    AddTest("eval-script.js", TestFile("description: x",
                                   "$262.evalScript('var fromEval = 1;');\n"
                                   "assert.sameValue(fromEval, 1);\n"
                                   "var caught;\n"
                                   "try { $262.evalScript('var = 1;'); } catch (e) { caught = e; }\n"
                                   "assert.sameValue(caught.constructor, SyntaxError);\n"));
    AddTest("create-realm.js", TestFile("description: x",
                                    "var other = $262.createRealm();\n"
                                    "assert(other.global !== $262.global, 'a new global');\n"
                                    "assert.sameValue($262.global, this);\n"
                                    "var OtherArray = other.evalScript('Array');\n"
                                    "assert(OtherArray !== Array, 'new intrinsics');\n"
                                    "assert.sameValue(other.global.Array, OtherArray);\n"
                                    "assert.sameValue(other.evalScript('typeof $262.createRealm'), 'function');\n"));
    AddTest("descriptors.js", TestFile("description: x",
                                   "var d = Object.getOwnPropertyDescriptor(this, '$262');\n"
                                   "assert(d.writable && d.configurable && !d.enumerable, '$262');\n"
                                   "d = Object.getOwnPropertyDescriptor(this, 'print');\n"
                                   "assert(d.writable && d.configurable && !d.enumerable, 'print');\n"
                                   "assert.sameValue(typeof $262.IsHTMLDDA, 'undefined');\n"
                                   "assert.sameValue($262.gc(), undefined);\n"));
    AddTest("detach.js", TestFile("flags: [noStrict]",
                              "var buffer = new ArrayBuffer(8);\n"
                              "$262.detachArrayBuffer(buffer);\n"
                              "assert.sameValue(buffer.byteLength, 0);\n"
                              "$262.detachArrayBuffer({});\n"));
    AddTest("html-dda.js", TestFile("features: [IsHTMLDDA]", "throw 1;"));
    AddTest("module.js", TestFile("flags: [module]", "throw 1;"));
    AddTest("can-block.js", TestFile("flags: [CanBlockIsFalse]", "throw 1;"));
    EXPECT_EQ(Run(), 1);
    EXPECT_FALSE(Reported("eval-script.js")) << out_;
    EXPECT_FALSE(Reported("create-realm.js")) << out_;
    EXPECT_FALSE(Reported("descriptors.js")) << out_;
    // DetachArrayBuffer detaches an ArrayBuffer (the assertion holds); anything
    // else is a TypeError, thrown from the test itself, not from harness/assert.js.
    EXPECT_EQ(Line("detach.js", "non-strict").rfind("Uncaught TypeError: ", 0), 0u) << out_;
    EXPECT_NE(Line("detach.js", "non-strict").find("(at language/detach.js:"), std::string::npos) << out_;
    // A module test runs (as a module graph): its throw is its failure.
    EXPECT_EQ(Line("module.js", "module"), "Uncaught 1 (at language/module.js:4:1)") << out_;
    EXPECT_NE(out_.find("skipped 2, host capability: host does not provide $262.IsHTMLDDA\n"), std::string::npos)
        << out_;
    EXPECT_NE(out_.find("skipped 2, host capability: the agent's [[CanBlock]] is true\n"), std::string::npos) << out_;
    EXPECT_NE(out_.find("6 passed, 2 failed, 4 skipped"), std::string::npos) << out_;
}

// Module tests: fixtures beside the test are imported relative to it, the
// test may import itself (the same record), a missing export is a
// resolution-phase SyntaxError, top-level await works with `async` tests.
TEST_F(RunPhaseTest, ModuleTestsLoadTheirFixtures)
{
    AddTest("dep_FIXTURE.js", "export const answer = 42;\n");
    AddTest("imports.js", TestFile("flags: [module]",
                                   "import { answer } from './dep_FIXTURE.js';\n"
                                   "import * as self from './imports.js';\n"
                                   "export const mine = 1;\n"
                                   "assert.sameValue(answer, 42);\n"
                                   "assert.sameValue(self.mine, 1);\n"));
    AddTest("resolution.js", TestFile("flags: [module]\nnegative:\n  phase: resolution\n  type: SyntaxError",
                                      "import { absent } from './dep_FIXTURE.js';\n"));
    AddTest("wrong-resolution.js", TestFile("flags: [module]\nnegative:\n  phase: resolution\n  type: SyntaxError",
                                            "import { answer } from './dep_FIXTURE.js';\n"));
    AddTest("tla.js", TestFile("flags: [module, async]\nfeatures: [top-level-await]",
                               "await Promise.resolve();\n$DONE();\n"));
    EXPECT_EQ(Run(), 1);
    EXPECT_FALSE(Reported("imports.js")) << out_;
    EXPECT_FALSE(Reported("resolution.js")) << out_;
    EXPECT_FALSE(Reported("tla.js")) << out_;
    EXPECT_FALSE(Reported("dep_FIXTURE.js")) << out_;
    EXPECT_EQ(Line("wrong-resolution.js", "module"), "loaded and linked, but a resolution-phase SyntaxError was expected")
        << out_;
    EXPECT_NE(out_.find("3 passed, 1 failed"), std::string::npos) << out_;
}

TEST_F(RunPhaseTest, StrangeThrownValuesAreDescribedWithoutCrashing)
{
    AddTest("symbol.js", TestFile("flags: [noStrict]", "throw Symbol('s');"));
    AddTest("string.js", TestFile("flags: [noStrict]", "throw 'text';"));
    AddTest("getter.js", TestFile("flags: [noStrict]",
                              "throw { get constructor() { throw 1; }, get name() { throw 2; }, message: 'm' };"));
    AddTest("null-proto.js", TestFile("flags: [noStrict]", "throw Object.create(null);"));
    EXPECT_EQ(Run(), 1);
    EXPECT_EQ(Line("symbol.js", "non-strict").rfind("Uncaught Symbol(s)", 0), 0u) << out_;
    EXPECT_EQ(Line("string.js", "non-strict").rfind("Uncaught \"text\"", 0), 0u) << out_;
    EXPECT_EQ(Line("getter.js", "non-strict").rfind("Uncaught an object: m", 0), 0u) << out_;
    EXPECT_EQ(Line("null-proto.js", "non-strict").rfind("Uncaught an object", 0), 0u) << out_;
}

TEST_F(RunPhaseTest, ATimeoutAndACrashLoseNoOtherResult)
{
    AddTest("a-pass.js", TestFile("flags: [noStrict]", "assert(true);"));
    AddTest("b-hang.js", TestFile("flags: [noStrict]", "while (true) {}"));
    AddTest("c-crash.js", TestFile("flags: [noStrict]", "// CRASH_THE_HOST"));
    AddTest("d-fail.js", TestFile("flags: [noStrict]", "assert(false, 'after the others');"));
    AddTest("e-pass.js", TestFile("description: x", "assert(true);"));
    EXPECT_EQ(Run(), 1);
    EXPECT_EQ(Line("b-hang.js", "non-strict"), "timeout: no result after 1.5 s") << out_;
    EXPECT_EQ(Line("c-crash.js", "non-strict").rfind("crash: signal 6 (Aborted)", 0), 0u) << out_;
    EXPECT_EQ(Line("d-fail.js", "non-strict").rfind("Uncaught Test262Error: after the others", 0), 0u) << out_;
    EXPECT_NE(out_.find("3 passed, 3 failed, 0 skipped"), std::string::npos) << out_;
}

// $262.agent: agents on threads of their own, sharing memory through the
// SharedArrayBuffers the test broadcasts, waiting on and notifying each other.
TEST_F(RunPhaseTest, AgentsRunConcurrently)
{
    // getReport polls: a report comes when the agent's thread gets to it.
    const std::string getReport = "function getReport() {\n"
                                  "  var r;\n"
                                  "  while ((r = $262.agent.getReport()) === null) $262.agent.sleep(1);\n"
                                  "  return r;\n"
                                  "}\n";
    AddTest("report.js", TestFile("flags: [noStrict]",
                                  getReport + "$262.agent.start('$262.agent.report(6 * 7); $262.agent.leaving();');\n"
                                              "assert.sameValue(getReport(), '42');\n"
                                              "assert.sameValue($262.agent.getReport(), null);\n"));
    AddTest("broadcast.js",
            TestFile("flags: [noStrict]",
                     getReport + "for (var k = 0; k < 2; k++) $262.agent.start(\n"
                                 "  '$262.agent.receiveBroadcast(function (sab, id) {' +\n"
                                 "  '  var i32 = new Int32Array(sab);' +\n"
                                 "  '  Atomics.add(i32, 0, id);' +\n"
                                 "  '  $262.agent.report(sab instanceof SharedArrayBuffer && sab.byteLength);' +\n"
                                 "  '  $262.agent.leaving();' +\n"
                                 "  '});');\n"
                                 "var i32 = new Int32Array(new SharedArrayBuffer(8));\n"
                                 "$262.agent.broadcast(i32.buffer, 5);\n"
                                 "assert.sameValue(getReport(), '8');\n"
                                 "assert.sameValue(getReport(), '8');\n"
                                 "assert.sameValue(Atomics.load(i32, 0), 10, 'both agents added to the same memory');\n"));
    // The agent blocks without a timeout until the test's agent notifies it.
    AddTest("wait-notify.js",
            TestFile("flags: [noStrict]",
                     getReport + "$262.agent.start(\n"
                                 "  '$262.agent.receiveBroadcast(function (sab) {' +\n"
                                 "  '  var i32 = new Int32Array(sab);' +\n"
                                 "  '  Atomics.store(i32, 1, 1);' +\n"
                                 "  '  $262.agent.report(Atomics.wait(i32, 0, 0));' +\n"
                                 "  '  $262.agent.leaving();' +\n"
                                 "  '});');\n"
                                 "var i32 = new Int32Array(new SharedArrayBuffer(8));\n"
                                 "$262.agent.broadcast(i32.buffer);\n"
                                 "while (Atomics.load(i32, 1) !== 1) $262.agent.sleep(1);\n"
                                 "var woken = 0;\n"
                                 "while ((woken = Atomics.notify(i32, 0)) === 0) $262.agent.sleep(1);\n"
                                 "assert.sameValue(woken, 1);\n"
                                 "assert.sameValue(getReport(), 'ok');\n"));
    // The test's waitAsync promise, resolved by the other agent's notify:
    // the event loop waits for it.
    AddTest("wait-async.js",
            TestFile("flags: [async, noStrict]",
                     "var i32 = new Int32Array(new SharedArrayBuffer(8));\n"
                     "var result = Atomics.waitAsync(i32, 0, 0);\n"
                     "assert.sameValue(result.async, true);\n"
                     "result.value.then(function (v) {\n"
                     "  assert.sameValue(v, 'ok');\n"
                     "  $DONE();\n"
                     "}).catch($DONE);\n"
                     "$262.agent.start(\n"
                     "  '$262.agent.receiveBroadcast(function (sab) {' +\n"
                     "  '  var i32 = new Int32Array(sab);' +\n"
                     "  '  while (Atomics.notify(i32, 0) === 0) $262.agent.sleep(1);' +\n"
                     "  '  $262.agent.leaving();' +\n"
                     "  '});');\n"
                     "$262.agent.broadcast(i32.buffer);\n"));
    // With no other agent to notify it, a wait without a timeout is an error,
    // and one with a timeout times out.
    AddTest("alone.js", TestFile("flags: [noStrict]",
                                 "var i32 = new Int32Array(new SharedArrayBuffer(8));\n"
                                 "var caught;\n"
                                 "try { Atomics.wait(i32, 0, 0); } catch (e) { caught = e; }\n"
                                 "assert.sameValue(caught.constructor, RangeError);\n"
                                 "assert.sameValue(Atomics.wait(i32, 0, 0, 10), 'timed-out');\n"
                                 "var start = $262.agent.monotonicNow();\n"
                                 "$262.agent.sleep(20);\n"
                                 "assert($262.agent.monotonicNow() - start >= 19, 'slept');\n"));
    AddTest("thrower.js", TestFile("flags: [noStrict]", "$262.agent.broadcast({});"));
    EXPECT_EQ(Run(), 1) << err_;
    EXPECT_FALSE(Reported("report.js")) << out_;
    EXPECT_FALSE(Reported("broadcast.js")) << out_;
    EXPECT_FALSE(Reported("wait-notify.js")) << out_;
    EXPECT_FALSE(Reported("wait-async.js")) << out_;
    EXPECT_FALSE(Reported("alone.js")) << out_;
    EXPECT_EQ(Line("thrower.js", "non-strict").rfind("Uncaught TypeError: $262.agent.broadcast: not a SharedArrayBuffer", 0),
              0u)
        << out_;
}

}  // namespace
}  // namespace lockstep::conformance::test262
