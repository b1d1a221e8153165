// --step-coverage: the steps executed in every worker process reach the
// parent's step file; a worker that crashes loses only its own job's steps.
#include "conformance/common/step_collection.h"

#include "conformance/test262/worker_recycling.h"
#include "spec/coverage.h"
#include "spec/step.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>

namespace lockstep::conformance {
namespace {

void Job0() { SPEC_ALGORITHM("sec-zero"); STEP("1"); }
void Job1() { SPEC_ALGORITHM("sec-one"); STEP("1"); STEP("2"); }
void Crashing() { SPEC_ALGORITHM("sec-crash"); STEP("1"); std::raise(SIGKILL); }

Outcome RunJob(size_t job)
{
    if (job % 3 == 0) Job0();
    else if (job % 3 == 1) Job1();
    else if (job == 5) Crashing();
    else RULE("Step_pure/nop");
    return {Status::Pass, ""};
}

std::vector<spec::RecordedStep> RunCollected(bool recycle)
{
    StepCollection steps;
    EXPECT_FALSE(steps.Start().has_value());
    JobFunction job = steps.Wrap(RunJob);
    if (recycle) job = RecyclingJobs(std::move(job), RecycleLimits{2, size_t(1) << 40});
    size_t crashes = 0;
    auto error = RunInWorkers(9, PoolOptions{2, std::chrono::seconds(30)}, job,
                              [&](size_t, Outcome outcome, std::chrono::microseconds) {
                                  crashes += outcome.status == Status::Crash;
                              });
    EXPECT_FALSE(error.has_value());
    EXPECT_EQ(crashes, 1u);
    std::string file = (std::filesystem::temp_directory_path() / ("lockstep_steps_" + std::to_string(getpid()))).string();
    EXPECT_FALSE(steps.Finish(file).has_value());
    EXPECT_FALSE(spec::g_recording);
    std::vector<spec::RecordedStep> recorded;
    std::string problem;
    EXPECT_TRUE(spec::read_step_file(file, recorded, problem)) << problem;
    std::filesystem::remove(file);
    return recorded;
}

const std::vector<spec::RecordedStep> kExpected = {
    {"sec-one", "1"}, {"sec-one", "2"}, {"sec-zero", "1"}, {"wasm", "Step_pure/nop"}};

TEST(StepCollection, MergesTheStepsOfEveryWorker) { EXPECT_EQ(RunCollected(false), kExpected); }

TEST(StepCollection, MergesTheStepsOfRecycledChildren) { EXPECT_EQ(RunCollected(true), kExpected); }

}  // namespace
}  // namespace lockstep::conformance
