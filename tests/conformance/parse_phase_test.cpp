// The parse phase's verdicts: which goal and source each scenario parses, and
// what counts as a pass for negative and positive tests.
#include "conformance/test262/parse_phase.h"

#include <gtest/gtest.h>

namespace lockstep::conformance::test262 {
namespace {

Test262Test MakeTest(std::string source, std::optional<Negative> negative = std::nullopt)
{
    Test262Test test;
    test.path = "language/example.js";
    test.source = std::move(source);
    test.front_matter.negative = std::move(negative);
    return test;
}

TEST(ParsePhase, PositiveTestsMustParseInTheirScenario)
{
    Test262Test fine = MakeTest("var x = 1;\nx += 2;\n");
    EXPECT_EQ(RunParsePhase(fine, Scenario::NonStrict).status, Status::Pass);
    EXPECT_EQ(RunParsePhase(fine, Scenario::Strict).status, Status::Pass);

    Test262Test broken = MakeTest("var x = 1;\nvar = 2;\n");
    for (Scenario scenario : {Scenario::NonStrict, Scenario::Strict}) {
        Outcome outcome = RunParsePhase(broken, scenario);
        EXPECT_EQ(outcome.status, Status::Fail);
        // The line is the test file's: the strict scenario's directive does not count.
        EXPECT_EQ(outcome.message.rfind("SyntaxError at 2:", 0), 0u) << outcome.message;
    }

    Test262Test module = MakeTest("export var y = 2;\n");
    EXPECT_EQ(RunParsePhase(module, Scenario::Module).status, Status::Pass);
    EXPECT_EQ(RunParsePhase(module, Scenario::NonStrict).status, Status::Fail);
}

TEST(ParsePhase, ParseNegativeTestsMustBeRejected)
{
    Negative parse{"parse", "SyntaxError"};
    EXPECT_EQ(RunParsePhase(MakeTest("var default;\n", parse), Scenario::NonStrict).status, Status::Pass);
    Outcome parsed = RunParsePhase(MakeTest("var ok;\n", parse), Scenario::NonStrict);
    EXPECT_EQ(parsed.status, Status::Fail);
    EXPECT_EQ(parsed.message, "parsed, but a parse-phase SyntaxError was expected");

    // Resolution- and runtime-negative tests must parse.
    Negative runtime{"runtime", "ReferenceError"};
    EXPECT_EQ(RunParsePhase(MakeTest("unresolvable;\n", runtime), Scenario::NonStrict).status, Status::Pass);
}

TEST(ParsePhase, InvalidUtf8IsAFailureNotACrash)
{
    Outcome outcome = RunParsePhase(MakeTest("var s = '\xC3\x28';\n"), Scenario::NonStrict);
    EXPECT_EQ(outcome.status, Status::Fail);
    EXPECT_EQ(outcome.message, "the test file is not valid UTF-8");
}

}  // namespace
}  // namespace lockstep::conformance::test262
