// Expectation files: parsing, judging a run against them, and updating them.
#include "conformance/common/expectations.h"

#include <gtest/gtest.h>

namespace lockstep::conformance {
namespace {

ExpectationFile Parse(std::string_view text)
{
    auto parsed = ParseExpectations(text, "known.txt");
    if (auto* error = std::get_if<std::string>(&parsed)) {
        ADD_FAILURE() << *error;
        return {};
    }
    return std::get<ExpectationFile>(parsed);
}

TestResult Result(std::string path, std::string scenario, Status status, std::string message = "")
{
    return {std::move(path), std::move(scenario), status, std::move(message), 0};
}

TEST(Expectations, ParsesEntriesScenariosAndReasons)
{
    ExpectationFile file = Parse(
        "# header comment\n"
        "\n"
        "language/a.js  # every scenario\n"
        "language/b.js [strict]  # only strict\n"
        "language/c.js\n");
    EXPECT_EQ(file.header, "# header comment\n\n");
    ASSERT_EQ(file.entries.size(), 3u);
    EXPECT_EQ(file.entries[0].path, "language/a.js");
    EXPECT_EQ(file.entries[0].scenario, "");
    EXPECT_EQ(file.entries[0].reason, "every scenario");
    EXPECT_EQ(file.entries[1].scenario, "strict");
    EXPECT_EQ(file.entries[1].line, 4);
    EXPECT_EQ(file.entries[2].reason, "");
}

TEST(Expectations, RejectsMalformedAndDuplicateEntries)
{
    auto bad = ParseExpectations("a.js strict\n", "known.txt");
    ASSERT_TRUE(std::holds_alternative<std::string>(bad));
    EXPECT_EQ(std::get<std::string>(bad), "known.txt:1: expected 'path' or 'path [scenario]', found 'a.js strict'");
    auto twice = ParseExpectations("a.js\n# x\na.js  # again\n", "known.txt");
    ASSERT_TRUE(std::holds_alternative<std::string>(twice));
    EXPECT_EQ(std::get<std::string>(twice), "known.txt:3: duplicate entry (first at line 1)");
}

TEST(Expectations, JudgesUnexpectedFailuresAndPasses)
{
    ExpectationFile file = Parse(
        "language/a.js  # all scenarios fail\n"
        "language/b.js [strict]  # strict fails\n"
        "language/c.js  # fixed since\n"
        "language/gone.js  # deleted test\n"
        "built-ins/x.js  # not under this run's roots\n");
    std::vector<TestResult> results = {
        Result("language/a.js", "non-strict", Status::Fail),
        Result("language/a.js", "strict", Status::Crash),
        Result("language/b.js", "non-strict", Status::Fail),   // not listed
        Result("language/b.js", "strict", Status::Fail),
        Result("language/c.js", "module", Status::Pass),       // listed, passes
        Result("language/d.js", "strict", Status::Timeout),    // not listed
        Result("language/e.js", "strict", Status::Skip),
    };
    Verdict verdict = Judge(file, results, {"language"});
    EXPECT_EQ(verdict.expected_failures, 3u);
    ASSERT_EQ(verdict.unexpected_failures.size(), 2u);
    EXPECT_EQ(DisplayName(*verdict.unexpected_failures[0]), "language/b.js (non-strict)");
    EXPECT_EQ(DisplayName(*verdict.unexpected_failures[1]), "language/d.js (strict)");
    ASSERT_EQ(verdict.unexpected_passes.size(), 1u);
    EXPECT_EQ(verdict.unexpected_passes[0]->path, "language/c.js");
    ASSERT_EQ(verdict.stale_entries.size(), 1u);
    EXPECT_EQ(verdict.stale_entries[0]->path, "language/gone.js");
    EXPECT_FALSE(verdict.ok());

    // Everything as listed: the verdict is clean.
    ExpectationFile exact = Parse("language/a.js\n");
    Verdict clean = Judge(exact, {results[0], results[1], results[6]}, {"language/a.js", "language/e.js"});
    EXPECT_TRUE(clean.ok());
    EXPECT_EQ(clean.expected_failures, 2u);
}

TEST(Expectations, RootsSelectWhichEntriesAreChecked)
{
    EXPECT_TRUE(IsUnder("language/a/b.js", "language"));
    EXPECT_TRUE(IsUnder("language/a/b.js", "language/a/"));
    EXPECT_TRUE(IsUnder("language/a/b.js", "language/a/b.js"));
    EXPECT_TRUE(IsUnder("language/a/b.js", ""));
    EXPECT_FALSE(IsUnder("language-x/b.js", "language"));
    EXPECT_FALSE(IsUnder("built-ins/b.js", "language"));
}

TEST(Expectations, UpdateListsCurrentFailuresAndKeepsReasons)
{
    ExpectationFile file = Parse(
        "# header\n"
        "built-ins/x.js  # outside the run: kept\n"
        "language/a.js [strict]  # old reason\n"
        "language/c.js  # fixed: dropped\n"
        "language/s.js  # skipped this run: kept\n");
    std::vector<TestResult> results = {
        Result("language/a.js", "non-strict", Status::Fail, "SyntaxError at 1:1: boom"),
        Result("language/a.js", "strict", Status::Fail, "SyntaxError at 1:1: boom"),
        Result("language/b.js", "non-strict", Status::Pass),
        Result("language/b.js", "strict", Status::Crash, "signal 6 (Aborted): assertion failed"),
        Result("language/c.js", "module", Status::Pass),
        Result("language/s.js", "module", Status::Skip, "feature Temporal"),
    };
    EXPECT_EQ(UpdatedExpectations(file, results, {"language"}),
              "# header\n"
              "built-ins/x.js  # outside the run: kept\n"
              "language/a.js  # old reason\n"
              "language/b.js [strict]  # crash: signal 6 (Aborted): assertion failed\n"
              "language/s.js  # skipped this run: kept\n");
}

}  // namespace
}  // namespace lockstep::conformance
