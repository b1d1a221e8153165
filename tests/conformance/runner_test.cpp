// The test262 runner end to end, on a small test262 tree of its own and an
// executor that stands in for the parser (and crashes on demand).
#include "conformance/test262/runner.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lockstep::conformance::test262 {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& file)
{
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void Write(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

// Passes, except: "CRASH" in the source aborts the worker; "FAIL_STRICT"
// fails the strict scenario.
Outcome FakeExecutor(const Test262Test& test, Scenario scenario)
{
    if (test.source.find("CRASH") != std::string::npos) std::abort();
    if (test.source.find("FAIL_STRICT") != std::string::npos && scenario == Scenario::Strict)
        return {Status::Fail, "strict scenario rejected"};
    return {Status::Pass, ""};
}

class RunnerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        char pattern[] = "/tmp/lockstep-runner-test-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        root_ = pattern;
        fs::path tests = root_ / "test262/test/language";
        Write(tests / "a/pass.js", "/*---\ndescription: both scenarios\n---*/\nx;\n");
        Write(tests / "a/strict-only.js", "/*---\nflags: [onlyStrict]\n---*/\n");
        Write(tests / "a/module.js", "/*---\nflags: [module]\n---*/\nexport {};\n");
        Write(tests / "a/dep_FIXTURE.js", "CRASH (never run: not a test)\n");
        Write(tests / "a/temporal.js", "/*---\nfeatures: [Temporal]\n---*/\nCRASH\n");
        Write(tests / "a/excluded.js", "/*---\nfeatures: [class, foo]\n---*/\n");
        Write(tests / "b/crash.js", "/*---\nflags: [noStrict]\n---*/\nCRASH\n");
        Write(tests / "b/strict-fails.js", "/*---\ndescription: x\n---*/\nFAIL_STRICT\n");
        Write(tests / "b/no-front-matter.js", "x;\n");
        Write(tests / "b/readme.txt", "not a test\n");
        Write(root_ / "unsupported.txt", "Temporal  # proposal-temporal\n");

        options_.test262_dir = (root_ / "test262").string();
        options_.paths = {"language"};
        options_.jobs = 2;
        options_.unsupported_features_file = (root_ / "unsupported.txt").string();
        options_.exclude_features = {"foo"};
        options_.summary_file = (root_ / "summary").string();
        options_.json_file = (root_ / "results.json").string();
    }
    void TearDown() override { fs::remove_all(root_); }

    int Run()
    {
        std::FILE* out = std::tmpfile();
        std::FILE* err = std::tmpfile();
        int status = RunTest262(options_, FakeExecutor, out, err);
        out_ = ReadBack(out);
        err_ = ReadBack(err);
        return status;
    }

    static std::string ReadBack(std::FILE* file)
    {
        std::rewind(file);
        std::string text;
        for (int c; (c = std::fgetc(file)) != EOF;) text += static_cast<char>(c);
        std::fclose(file);
        return text;
    }

    fs::path root_;
    Test262Options options_;
    std::string out_, err_;
};

TEST_F(RunnerTest, ReportsEveryScenarioAndSurvivesACrash)
{
    options_.junit_file = (root_ / "junit.xml").string();
    EXPECT_EQ(Run(), 1) << err_;
    EXPECT_EQ(out_,
              "language/b/crash.js (non-strict): crash: signal 6 (Aborted)\n"
              "language/b/no-front-matter.js: front matter, line 1: no front matter ('/*---' ... '---*/')\n"
              "language/b/strict-fails.js (strict): strict scenario rejected\n"
              "skipped 2 for Temporal (proposal-temporal)\n"
              "skipped 2 for foo (excluded by --exclude-features)\n"
              "5 passed, 3 failed, 4 skipped\n");
    EXPECT_EQ(ReadAll(root_ / "summary"), "5 3 4 0\n");
    std::string json = ReadAll(root_ / "results.json");
    EXPECT_NE(json.find("{\"path\": \"language/a/module.js\", \"scenario\": \"module\", \"status\": \"pass\""),
              std::string::npos)
        << json;
    EXPECT_NE(json.find("\"path\": \"language/a/temporal.js\", \"scenario\": \"strict\", \"status\": \"skip\", "
                        "\"message\": \"feature Temporal: proposal-temporal\""),
              std::string::npos)
        << json;
    std::string junit = ReadAll(root_ / "junit.xml");
    EXPECT_NE(junit.find("<testsuite name=\"test262\" tests=\"12\" failures=\"2\" errors=\"1\" skipped=\"4\""),
              std::string::npos)
        << junit;
    EXPECT_NE(junit.find("<testcase classname=\"language.b\" name=\"crash.js (non-strict)\""), std::string::npos)
        << junit;
    EXPECT_NE(junit.find("<error message=\"signal 6 (Aborted)\" type=\"crash\""), std::string::npos) << junit;
}

TEST_F(RunnerTest, ExpectationsTurnKnownFailuresIntoASuccess)
{
    options_.expectations_file = (root_ / "known.txt").string();
    options_.update_expectations = true;
    Write(root_ / "known.txt", "# known failures\nbuilt-ins/other.js  # elsewhere\nlanguage/a/pass.js  # stale\n");
    EXPECT_EQ(Run(), 0) << err_;
    EXPECT_EQ(ReadAll(root_ / "known.txt"),
              "# known failures\n"
              "built-ins/other.js  # elsewhere\n"
              "language/b/crash.js  # crash: signal 6 (Aborted)\n"
              "language/b/no-front-matter.js  # front matter, line 1: no front matter ('/*---' ... '---*/')\n"
              "language/b/strict-fails.js [strict]  # strict scenario rejected\n");

    options_.update_expectations = false;
    EXPECT_EQ(Run(), 0) << out_ << err_;
    EXPECT_NE(out_.find("3 expected failures"), std::string::npos) << out_;

    // A listed test that passes makes the run fail, as does a regression.
    Write(root_ / "known.txt", ReadAll(root_ / "known.txt") + "language/a/module.js  # fixed meanwhile\n");
    Write(root_ / "test262/test/language/a/pass.js", "/*---\ndescription: now fails\n---*/\nFAIL_STRICT\n");
    EXPECT_EQ(Run(), 1);
    EXPECT_NE(out_.find("language/a/module.js (module): passes, but"), std::string::npos) << out_;
    EXPECT_NE(out_.find("language/a/pass.js (strict): strict scenario rejected"), std::string::npos) << out_;
}

TEST_F(RunnerTest, RunsOnlyTheGivenPaths)
{
    options_.paths = {"language/b/strict-fails.js", "language/a/"};
    EXPECT_EQ(Run(), 1);
    EXPECT_NE(out_.find("5 passed, 1 failed, 4 skipped"), std::string::npos) << out_;
}

TEST_F(RunnerTest, BadPathsAndFilesAreCleanErrors)
{
    options_.paths = {"language/nope"};
    EXPECT_EQ(Run(), 2);
    EXPECT_NE(err_.find("no such test file or folder"), std::string::npos) << err_;

    options_.paths = {"language"};
    options_.unsupported_features_file = (root_ / "missing.txt").string();
    EXPECT_EQ(Run(), 2);
    EXPECT_NE(err_.find("cannot read"), std::string::npos) << err_;
}

}  // namespace
}  // namespace lockstep::conformance::test262
