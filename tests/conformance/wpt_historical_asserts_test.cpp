// The WPT runner's assert_throws / promise_rejects (conformance/wpt/runner.cpp):
// the older testharness.js API the JSPI tests call, run with the real
// ../shared/wasm/harness/testharness.js.
#include "conformance/wpt/runner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace lockstep::conformance::wpt {
namespace {

namespace fs = std::filesystem;

const char* const kHarnessDir = "../shared/wasm/harness";

// Runs `body` as a WPT .any.js file; returns each subtest's status by name.
std::map<std::string, SubtestStatus> RunWpt(const std::string& name, const std::string& body)
{
    const fs::path file = fs::temp_directory_path() / ("lockstep_wpt_" + std::to_string(getpid()) + "_" + name + ".any.js");
    std::ofstream(file) << body;
    WptFile prepared = PrepareFile(file.string(), file.filename().string(), file.parent_path().string());
    FileRun run = RunFile(prepared, {.harness_dir = kHarnessDir});
    fs::remove(file);
    EXPECT_TRUE(run.completed) << run.harness_error;
    EXPECT_EQ(run.harness_error, "");
    std::map<std::string, SubtestStatus> statuses;
    for (const SubtestResult& r : run.subtests) statuses[r.name] = r.status;
    return statuses;
}

class WptHistoricalAsserts : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!fs::is_regular_file(fs::path(kHarnessDir) / "testharness.js"))
            GTEST_SKIP() << "run from the repository root, next to ../shared/wasm/harness";
    }
};

TEST_F(WptHistoricalAsserts, AssertThrowsWithAConstructor)
{
    auto statuses = RunWpt("constructor", R"JS(
test(() => assert_throws(TypeError, () => null.x, /a regular expression as description/), "right");
test(() => assert_throws(RangeError, () => null.x), "wrong constructor");
test(() => assert_throws(TypeError, () => {}), "no throw");
test(() => assert_throws(TypeError, () => { throw "TypeError"; }), "not an object");
)JS");
    EXPECT_EQ(statuses.at("right"), SubtestStatus::Pass);
    EXPECT_EQ(statuses.at("wrong constructor"), SubtestStatus::Fail);
    EXPECT_EQ(statuses.at("no throw"), SubtestStatus::Fail);
    EXPECT_EQ(statuses.at("not an object"), SubtestStatus::Fail);
}

TEST_F(WptHistoricalAsserts, AssertThrowsWithAnObject)
{
    auto statuses = RunWpt("object", R"JS(
class Thing {}
test(() => assert_throws(new TypeError("other text"), () => null.x), "same name");
test(() => assert_throws(new RangeError(), () => null.x), "other name");
test(() => assert_throws({name: "E", code: 3}, () => { throw {name: "E", code: 3}; }), "same name and code");
test(() => assert_throws({name: "E", code: 3}, () => { throw {name: "E", code: 4}; }), "other code");
test(() => assert_throws(new Thing(), () => { throw new Thing(); }), "nameless, same constructor");
test(() => assert_throws(new Thing(), () => { throw {}; }), "nameless, other constructor");
test(() => assert_throws(new Thing(), () => { throw new AssertionError("kept"); }), "assertion errors pass through");
)JS");
    EXPECT_EQ(statuses.at("same name"), SubtestStatus::Pass);
    EXPECT_EQ(statuses.at("other name"), SubtestStatus::Fail);
    EXPECT_EQ(statuses.at("same name and code"), SubtestStatus::Pass);
    EXPECT_EQ(statuses.at("other code"), SubtestStatus::Fail);
    EXPECT_EQ(statuses.at("nameless, same constructor"), SubtestStatus::Pass);
    EXPECT_EQ(statuses.at("nameless, other constructor"), SubtestStatus::Fail);
    EXPECT_EQ(statuses.at("assertion errors pass through"), SubtestStatus::Fail);
}

TEST_F(WptHistoricalAsserts, PromiseRejects)
{
    auto statuses = RunWpt("promise", R"JS(
promise_test(t => promise_rejects(t, TypeError, Promise.reject(new TypeError())), "rejected as expected");
promise_test(t => promise_rejects(t, new RangeError(), Promise.reject(new RangeError())), "object, as expected");
promise_test(t => promise_rejects(t, TypeError, Promise.reject(new RangeError())), "rejected otherwise");
promise_test(t => promise_rejects(t, TypeError, Promise.resolve(1)), "fulfilled");
promise_test(t => {
  const tag = new WebAssembly.Tag({parameters: []});
  return promise_rejects(t, new WebAssembly.Exception(tag, []), Promise.reject(new WebAssembly.Exception(tag, [])));
}, "a WebAssembly.Exception");
)JS");
    EXPECT_EQ(statuses.at("rejected as expected"), SubtestStatus::Pass);
    EXPECT_EQ(statuses.at("object, as expected"), SubtestStatus::Pass);
    EXPECT_EQ(statuses.at("rejected otherwise"), SubtestStatus::Fail);
    EXPECT_EQ(statuses.at("fulfilled"), SubtestStatus::Fail);
    EXPECT_EQ(statuses.at("a WebAssembly.Exception"), SubtestStatus::Pass);
}

}  // namespace
}  // namespace lockstep::conformance::wpt
