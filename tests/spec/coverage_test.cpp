#include "spec/coverage.h"

#include "spec/ecma262.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace lockstep::spec {
namespace {

TEST(Coverage, ExecutedStepsPerTranscribedAlgorithm)
{
    SpecIndex index;
    std::string error;
    ASSERT_TRUE(load_ecma262_xhtml(R"(<html><emu-clause id="sec-f"><h1>F ( )</h1><emu-alg>
      1. If _x_, then
        1. Return 1.
      1. Return 2.
    </emu-alg></emu-clause><emu-clause id="sec-g"><h1>G ( )</h1><emu-alg>
      1. Return 3.
    </emu-alg></emu-clause></html>)",
                                   index, error));
    SourceMarkers markers;
    scan_markers("void F() { SPEC_ALGORITHM(\"sec-f\"); STEP(\"1\"); STEP(\"1.a\"); STEP(\"2\"); }\n"
                 "void G() { SPEC_ALGORITHM(\"sec-g\"); STEP(\"1\"); }\n",
                 "fg.cpp", markers);
    std::vector<RecordedStep> run = {{"sec-f", "1"}, {"sec-f", "2"}, {"sec-gone", "1"}, {"wasm", "Step_pure/nop"}};

    auto coverage = step_coverage(index, markers, run);
    ASSERT_EQ(coverage.size(), 3u);
    EXPECT_EQ(coverage[0].address, "sec-f");
    EXPECT_EQ(coverage[0].executed, 2u);
    EXPECT_EQ(coverage[0].total, 3u);
    EXPECT_EQ(coverage[0].not_executed, std::vector<std::string>{"1.a"});
    EXPECT_EQ(coverage[1].address, "sec-g");  // transcribed, never run
    EXPECT_EQ(coverage[1].executed, 0u);
    EXPECT_EQ(coverage[2].clause, nullptr);  // recorded under an unknown address
}

TEST(Coverage, APartCountsTowardsItsAlgorithm)
{
    SpecIndex index;
    std::string error;
    ASSERT_TRUE(load_ecma262_xhtml(R"(<html><emu-clause id="sec-f"><h1>F ( )</h1><emu-alg>
      1. When _x_ is read, perform the following steps:
        1. Return 1.
      1. Return 2.
    </emu-alg></emu-clause></html>)",
                                   index, error));
    SourceMarkers markers;
    scan_markers("void F() { SPEC_ALGORITHM(\"sec-f\"); STEP(\"1\"); STEP(\"2\"); }\n"
                 "void Read() { SPEC_ALGORITHM(\"sec-f@1\"); STEP(\"1.a\"); }\n",
                 "f.cpp", markers);
    std::vector<RecordedStep> run = {{"sec-f", "1"}, {"sec-f@1", "1.a"}};
    auto coverage = step_coverage(index, markers, run);
    ASSERT_EQ(coverage.size(), 1u);
    EXPECT_EQ(coverage[0].address, "sec-f");
    EXPECT_EQ(coverage[0].executed, 2u);
    EXPECT_EQ(coverage[0].not_executed, std::vector<std::string>{"2"});
}

TEST(Coverage, StepFilesRoundTrip)
{
    std::string path = (std::filesystem::temp_directory_path() / "lockstep-steps-test.tsv").string();
    std::vector<RecordedStep> steps = {{"sec-f", "1"}, {"wasm", "Step_pure/nop"}};
    std::string error;
    ASSERT_TRUE(write_step_file(path, steps, error)) << error;
    std::vector<RecordedStep> read;
    ASSERT_TRUE(read_step_file(path, read, error)) << error;
    EXPECT_EQ(read, steps);
    std::filesystem::remove(path);
    EXPECT_FALSE(read_step_file(path, read, error));
    EXPECT_NE(error.find("cannot read"), std::string::npos);
}

TEST(Coverage, WasmRulesAndTheHtmlPage)
{
    SpecIndex index;
    std::string error;
    ASSERT_TRUE(load_ecma262_xhtml(R"(<html><emu-clause id="sec-ops"><h1>Operations</h1>
      <emu-clause id="sec-f"><h1>F ( _x_ )</h1><emu-alg>
        1. If _x_ is *true*, then
          1. Return 1.
        1. Return 2 &lt; 3.
      </emu-alg></emu-clause></emu-clause></html>)",
                                   index, error))
        << error;
    SourceMarkers markers;
    scan_markers("void F() { SPEC_ALGORITHM(\"sec-f\"); STEP(\"1\"); STEP(\"1.a\"); STEP(\"2\"); }\n"
                 "void N() { RULE(\"Step_pure/nop\"); RULE(\"Step_pure/drop\"); }\n",
                 "f.cpp", markers);
    std::vector<RecordedStep> run = {{"sec-f", "1"}, {"sec-f", "2"}, {"wasm", "Step_pure/nop"}};
    RuleCoverage rules = rule_coverage(markers, run);
    EXPECT_EQ(rules.executed, std::vector<std::string>{"Step_pure/nop"});
    EXPECT_EQ(rules.not_executed, std::vector<std::string>{"Step_pure/drop"});

    std::string path = (std::filesystem::temp_directory_path() / "lockstep-coverage-test.html").string();
    ASSERT_TRUE(write_coverage_html(path, "run <1>", index, step_coverage(index, markers, run), rules, error)) << error;
    std::ifstream in(path);
    std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(path);
    EXPECT_NE(html.find("<title>run &lt;1&gt;</title>"), std::string::npos);
    EXPECT_NE(html.find("<b>2 of 3 steps executed (66.7%)</b>"), std::string::npos);
    EXPECT_NE(html.find("<h2 id=\"sec-ops\">§1 Operations</h2>"), std::string::npos);
    EXPECT_NE(html.find("<details class=\"partial\" open>"), std::string::npos);  // partly covered: open
    EXPECT_NE(html.find("<li style=\"margin-left:0em\"><span class=\"label\">1</span> If x is true, then</li>"),
              std::string::npos);
    EXPECT_NE(html.find("<li class=\"miss\" style=\"margin-left:2em\"><span class=\"label\">1.a</span> Return 1.</li>"),
              std::string::npos);
    EXPECT_NE(html.find("<span class=\"label\">2</span> Return 2 &lt; 3.</li>"), std::string::npos);
    EXPECT_NE(html.find("<li class=\"miss\">Step_pure/drop</li>"), std::string::npos);
    EXPECT_NE(html.find("<li>Step_pure/nop</li>"), std::string::npos);
}

}  // namespace
}  // namespace lockstep::spec
