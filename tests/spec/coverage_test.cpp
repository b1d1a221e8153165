#include "spec/coverage.h"

#include "spec/ecma262.h"

#include <gtest/gtest.h>

#include <filesystem>

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

}  // namespace
}  // namespace lockstep::spec
