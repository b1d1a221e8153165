// Which scenarios a test262 test runs in, per its flags (INTERPRETING.md).
#include "conformance/test262/scenario.h"

#include <gtest/gtest.h>

namespace lockstep::conformance::test262 {
namespace {

using Scenarios = std::vector<Scenario>;

TEST(Scenarios, FollowTheFlags)
{
    Flags none;
    EXPECT_EQ(ScenariosFor(none), (Scenarios{Scenario::NonStrict, Scenario::Strict}));

    Flags only_strict;
    only_strict.onlyStrict = true;
    EXPECT_EQ(ScenariosFor(only_strict), Scenarios{Scenario::Strict});

    Flags no_strict;
    no_strict.noStrict = true;
    EXPECT_EQ(ScenariosFor(no_strict), Scenarios{Scenario::NonStrict});

    Flags raw;
    raw.raw = true;
    EXPECT_EQ(ScenariosFor(raw), Scenarios{Scenario::NonStrict});

    Flags module;
    module.module = true;
    EXPECT_EQ(ScenariosFor(module), Scenarios{Scenario::Module});
    module.raw = true;   // language/comments/hashbang/module.js
    EXPECT_EQ(ScenariosFor(module), Scenarios{Scenario::Module});

    Flags async;   // async and generated do not change the scenarios
    async.async = true;
    async.generated = true;
    EXPECT_EQ(ScenariosFor(async), (Scenarios{Scenario::NonStrict, Scenario::Strict}));
}

TEST(Scenarios, OnlyStrictPrependsTheDirective)
{
    EXPECT_EQ(ScenarioSource(Scenario::Strict, "x = 1;\n"), "\"use strict\";\nx = 1;\n");
    EXPECT_EQ(ScenarioSource(Scenario::NonStrict, "x = 1;\n"), "x = 1;\n");
    EXPECT_EQ(ScenarioSource(Scenario::Module, "export {};\n"), "export {};\n");
    EXPECT_EQ(ScenarioName(Scenario::NonStrict), "non-strict");
    EXPECT_EQ(ScenarioName(Scenario::Strict), "strict");
    EXPECT_EQ(ScenarioName(Scenario::Module), "module");
}

}  // namespace
}  // namespace lockstep::conformance::test262
