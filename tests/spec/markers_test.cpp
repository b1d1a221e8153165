#include "spec/markers.h"

#include <gtest/gtest.h>

namespace lockstep::spec {
namespace {

std::vector<std::string> labels(const AlgorithmMarkers& algorithm)
{
    std::vector<std::string> out;
    for (const StepMarker& step : algorithm.steps) out.push_back(step.label);
    return out;
}

TEST(Markers, StepsBelongToTheAlgorithmWhoseBlockHoldsThem)
{
    SourceMarkers out;
    scan_markers(R"cpp(
#define STEP_ALIAS(x) STEP(x)
int First()
{
    SPEC_ALGORITHM("sec-first");
    STEP("1");  // STEP("not this one")
    if (x) { STEP("1.a"); }
    /* STEP("nor this") */
    const char* s = "STEP(\"nor this\")";
    char c = '"';
    int n = 1'000;
    STEP("2");
}

void Outside() { STEP("3"); }

int Second()
{
    SPEC_ALGORITHM("sec-second#2");
    STEP("1");
    auto closure = [] {
        SPEC_ALGORITHM("sec-closure");
        STEP("1");
    };
    STEP(
        "2");
    RULE(c ? "Step_pure/a" : "Step_pure/b");
}
)cpp",
                 "mini.cpp", out);
    ASSERT_EQ(out.algorithms.size(), 3u);
    EXPECT_EQ(out.algorithms[0].address, "sec-first");
    EXPECT_EQ(out.algorithms[0].line, 5);
    EXPECT_EQ(labels(out.algorithms[0]), (std::vector<std::string>{"1", "1.a", "2"}));
    EXPECT_EQ(out.algorithms[0].steps[2].line, 12);
    EXPECT_EQ(out.algorithms[1].address, "sec-second#2");
    EXPECT_EQ(labels(out.algorithms[1]), (std::vector<std::string>{"1", "2"}));  // resumes after the closure
    EXPECT_EQ(out.algorithms[1].steps[1].line, 25);  // the line of the STEP itself
    EXPECT_EQ(labels(out.algorithms[2]), (std::vector<std::string>{"1"}));

    ASSERT_EQ(out.rules.size(), 2u);
    EXPECT_EQ(out.rules[1].name, "Step_pure/b");
    EXPECT_EQ(out.rules[1].line, 27);

    ASSERT_EQ(out.problems.size(), 1u);
    EXPECT_EQ(out.problems[0].line, 15);
    EXPECT_NE(out.problems[0].message.find("outside any SPEC_ALGORITHM"), std::string::npos);
}

TEST(Markers, UnreadableMarkersAreReportedWithTheirLine)
{
    SourceMarkers out;
    scan_markers("void f() {\n SPEC_ALGORITHM(kId);\n STEP(\"1\" \"2\");\n}\n/* never closed", "bad.cpp", out);
    ASSERT_EQ(out.problems.size(), 3u);
    EXPECT_EQ(out.problems[0].line, 2);
    EXPECT_EQ(out.problems[1].line, 3);
    EXPECT_EQ(out.problems[2].message, "unterminated comment");
    EXPECT_EQ(out.problems[2].line, 5);
}

TEST(Markers, RuleMarkersInAMacroBodyCount)
{
    SourceMarkers out;
    scan_markers("#include \"RULE(\\\"Not/one\\\")\"\n"
                 "#define BINOP(op, e)   \\\n"
                 "    case Op::op:        \\\n"
                 "        RULE(\"Step_pure/binop-val\"); STEP(\"1\"); \\\n"
                 "        break;\n"
                 "void f() { SPEC_ALGORITHM(\"sec-x\"); STEP(\"1\"); RULE(\"Step_pure/nop\"); }\n",
                 "macro.cpp", out);
    ASSERT_EQ(out.rules.size(), 2u);
    EXPECT_EQ(out.rules[0].name, "Step_pure/binop-val");
    EXPECT_EQ(out.rules[0].line, 4);
    EXPECT_EQ(out.rules[1].name, "Step_pure/nop");
    EXPECT_EQ(out.rules[1].line, 6);
    ASSERT_EQ(out.algorithms.size(), 1u);
    EXPECT_EQ(labels(out.algorithms[0]), (std::vector<std::string>{"1"}));
    EXPECT_TRUE(out.problems.empty());
}

TEST(Markers, RawStringsAreSkipped)
{
    SourceMarkers out;
    scan_markers("void f() {\n SPEC_ALGORITHM(\"sec-x\");\n auto s = R\"x(STEP(\"9\") })x\";\n STEP(\"1\");\n}\n",
                 "raw.cpp", out);
    ASSERT_EQ(out.algorithms.size(), 1u);
    EXPECT_EQ(labels(out.algorithms[0]), (std::vector<std::string>{"1"}));
    EXPECT_TRUE(out.problems.empty());
}

}  // namespace
}  // namespace lockstep::spec
