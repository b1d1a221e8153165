#include "spec/step_list.h"

#include <gtest/gtest.h>

namespace lockstep::spec {
namespace {

std::vector<std::string> labels(const std::vector<SpecStep>& steps)
{
    std::vector<std::string> out;
    for (const SpecStep& step : steps) out.push_back(step.label);
    return out;
}

TEST(StepLabels, LevelsCycleDecimalAlphaRoman)
{
    EXPECT_EQ(step_label({2, 3, 1}), "2.c.i");
    EXPECT_EQ(step_label({1, 1, 4, 2}), "1.a.iv.2");
    EXPECT_EQ(step_label({1, 2, 3, 4, 5, 6}), "1.b.iii.4.e.vi");
    EXPECT_EQ(step_label_component(1, 26), "z");
    EXPECT_EQ(step_label_component(1, 27), "aa");
    EXPECT_EQ(step_label_component(2, 9), "ix");
    EXPECT_EQ(step_label_component(2, 14), "xiv");
}

TEST(StepLabels, ParseIsTheInverseOfRendering)
{
    std::vector<int> path;
    ASSERT_TRUE(parse_step_label("12.b.xiv.3", path));
    EXPECT_EQ(path, (std::vector<int>{12, 2, 14, 3}));
    ASSERT_TRUE(parse_step_label("1.aa", path));
    EXPECT_EQ(path, (std::vector<int>{1, 27}));
    EXPECT_FALSE(parse_step_label("a.1", path));      // level 1 is decimal
    EXPECT_FALSE(parse_step_label("1.b.iiii", path)); // not a roman numeral as rendered
    EXPECT_FALSE(parse_step_label("1.", path));
    EXPECT_FALSE(parse_step_label("", path));
    EXPECT_FALSE(parse_step_label("3-7", path));
}

TEST(StepList, IndentationNestsAndEveryItemIsOne)
{
    auto steps = parse_step_list(R"(
      1. Let _x_ be 1.
      1. If _x_ is 1, then
        1. Do a.
        1. If b, then
          1. Do c.
          1. Do d.
        1. Else,
          1. Do e.
      1. Return _x_.
    )");
    EXPECT_EQ(labels(steps), (std::vector<std::string>{"1", "2", "2.a", "2.b", "2.b.i", "2.b.ii", "2.c", "2.c.i", "3"}));
    EXPECT_EQ(steps[1].text, "If _x_ is 1, then");
    EXPECT_EQ(steps[4].depth, 2);
    EXPECT_EQ(steps[8].path, (std::vector<int>{3}));
}

TEST(StepList, BulletsAndWrappedLinesContinueTheStep)
{
    auto steps = parse_step_list("1. Let _t_ be:\n   * the first;\n   * the second.\n1. Return _t_.\n");
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(steps[0].text, "Let _t_ be: * the first; * the second.");
}

TEST(StepList, StepAttributesAreReadAndDropped)
{
    auto steps = parse_step_list(R"(1. [id="step-foo", fence-effects="user-code"] Let _x_ be ? Foo().)");
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].id, "step-foo");
    EXPECT_EQ(steps[0].text, "Let _x_ be ? Foo().");
}

TEST(StepList, FirstStepLineIsReported)
{
    int line = 0;
    auto steps = parse_step_list("intro\n\n  1. a\n  1. b\n", 10, &line);
    EXPECT_EQ(steps.size(), 2u);
    EXPECT_EQ(line, 12);
}

}  // namespace
}  // namespace lockstep::spec
