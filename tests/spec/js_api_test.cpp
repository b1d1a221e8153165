#include "spec/js_api.h"

#include "tests/spec/spec_paths.h"

#include <gtest/gtest.h>

namespace lockstep::spec {
namespace {

constexpr const char* kMiniApi = R"(
<h3 id="things">Things</h3>

<pre class="idl">
[Exposed=*]
interface Thing {
  1. not a step, inside IDL
};
</pre>

<div algorithm>
  The <dfn method for="Thing">poke(|x|)</dfn> method, when invoked, performs the following steps:
    1. If |x| is not a [=Number=], throw a {{TypeError}}.
    1. Let |y| be [=?=] [$ToNumber$](|x|).
        1. Note: a nested step.
    1. Return |y|.
</div>

<div algorithm>
To <dfn>run a Thing function</dfn> with |stored settings|, perform the following steps:

    1. Let |v| be \[[Value]] of [=the thing|a thing=].
    1. Return |v|.

Note: prose after the steps is not a step.
</div>

<div algorithm="make-the-thing">
  1. First.
  1. Second.
</div>

<!--
  1. commented out
-->
)";

TEST(JsApi, AlgorithmsAreNamedByTheirDefinitions)
{
    SpecIndex index;
    load_js_api(kMiniApi, index);
    ASSERT_EQ(index.size(), 3u);

    const SpecClause* poke = index.find_id("dom-thing-poke");
    ASSERT_NE(poke, nullptr);
    EXPECT_EQ(poke->name, "Thing.poke");
    EXPECT_EQ(poke->title, "Thing.poke(x)");
    EXPECT_EQ(poke->document, SpecDocument::JsApi);
    ASSERT_EQ(poke->algorithms.size(), 1u);
    const auto& steps = poke->algorithms[0].steps;
    ASSERT_EQ(steps.size(), 4u);
    EXPECT_EQ(steps[2].label, "2.a");
    EXPECT_EQ(steps[0].text, "If x is not a Number, throw a TypeError.");
    EXPECT_EQ(steps[1].text, "Let y be ? ToNumber(x).");
    EXPECT_EQ(poke->algorithms[0].line, 13);

    const SpecClause* run = index.find("RunAThingFunction");
    ASSERT_NE(run, nullptr);
    EXPECT_EQ(run->id, "run-a-thing-function");
    EXPECT_EQ(run->algorithms.at(0).steps.size(), 2u);
    EXPECT_EQ(run->algorithms[0].steps[0].text, "Let v be [[Value]] of a thing.");

    const SpecClause* made = index.find_id("make-the-thing");
    ASSERT_NE(made, nullptr);
    EXPECT_EQ(made->algorithms.at(0).steps.size(), 2u);
}

TEST(JsApi, JspiAlgorithmsOfThePinnedSpec)
{
    std::string dir = testing::shared_spec_dir();
    if (dir.empty()) GTEST_SKIP() << "no spec sources at ../shared/spec";
    SpecIndex index;
    std::string error;
    ASSERT_TRUE(load_js_api_file(dir + "/wasm-js-api/index.bs", index, error)) << error;

    const SpecClause* run = index.find_id("run-a-promising-function");
    ASSERT_NE(run, nullptr);
    EXPECT_EQ(run->name, "RunAPromisingFunction");
    std::vector<std::string> labels;
    for (const SpecStep& step : run->algorithms.at(0).steps) labels.push_back(step.label);
    EXPECT_EQ(labels, (std::vector<std::string>{"1", "2", "3", "3.a", "4", "5"}));

    const SpecClause* suspending = index.find("CreateASuspendingFunction");
    ASSERT_NE(suspending, nullptr);
    EXPECT_EQ(suspending->id, "create-a-suspending-function");
    const SpecStep* await_step = suspending->algorithms.at(0).find_step("3.o.iv.3");
    ASSERT_NE(await_step, nullptr);
    EXPECT_EQ(await_step->text, "Let awaitResult be the result of performing Completion(Await(promise)).");

    EXPECT_NE(index.find_id("evaluate-a-promising-function"), nullptr);
    EXPECT_NE(index.find_id("dom-webassembly-promising"), nullptr);
    EXPECT_NE(index.find_id("dom-suspending-suspending"), nullptr);
    EXPECT_NE(index.find_id("read-the-imports"), nullptr);
}

}  // namespace
}  // namespace lockstep::spec
