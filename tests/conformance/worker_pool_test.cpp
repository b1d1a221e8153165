// The worker pool: every job gets exactly one outcome, and a job that crashes
// or hangs costs only its own result.
#include "conformance/common/worker_pool.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>
#include <map>

namespace lockstep::conformance {
namespace {

std::map<size_t, Outcome> RunAll(size_t count, int workers, std::chrono::milliseconds timeout,
                                 const JobFunction& job)
{
    std::map<size_t, Outcome> outcomes;
    auto error = RunInWorkers(count, PoolOptions{workers, timeout}, job,
                              [&](size_t index, Outcome outcome, std::chrono::microseconds) {
                                  EXPECT_TRUE(outcomes.emplace(index, std::move(outcome)).second)
                                      << "job " << index << " reported twice";
                              });
    EXPECT_FALSE(error.has_value()) << *error;
    return outcomes;
}

TEST(WorkerPool, RunsEveryJobOnceAndCarriesMessages)
{
    auto outcomes = RunAll(500, 2, std::chrono::seconds(30), [](size_t job) {
        if (job % 7 == 0) return Outcome{Status::Fail, "job " + std::to_string(job) + " failed"};
        return Outcome{Status::Pass, ""};
    });
    ASSERT_EQ(outcomes.size(), 500u);
    EXPECT_EQ(outcomes[14].status, Status::Fail);
    EXPECT_EQ(outcomes[14].message, "job 14 failed");
    EXPECT_EQ(outcomes[15].status, Status::Pass);
}

TEST(WorkerPool, ACrashLosesNoOtherResult)
{
    auto outcomes = RunAll(200, 2, std::chrono::seconds(30), [](size_t job) {
        if (job == 37 || job == 150) {
            std::fprintf(stderr, "about to fail job %zu\n", job);
            std::abort();   // what a failed SPEC_ASSERT does
        }
        return Outcome{Status::Pass, ""};
    });
    ASSERT_EQ(outcomes.size(), 200u);
    for (auto& [job, outcome] : outcomes) {
        if (job == 37 || job == 150) {
            EXPECT_EQ(outcome.status, Status::Crash);
            EXPECT_NE(outcome.message.find("signal 6"), std::string::npos) << outcome.message;
            EXPECT_NE(outcome.message.find("about to fail job " + std::to_string(job)), std::string::npos)
                << outcome.message;
        } else {
            EXPECT_EQ(outcome.status, Status::Pass) << "job " << job << ": " << outcome.message;
        }
    }
}

TEST(WorkerPool, AHangingJobTimesOutAndTheRestRun)
{
    auto outcomes = RunAll(40, 2, std::chrono::milliseconds(300), [](size_t job) {
        if (job == 5)
            for (;;) pause();
        return Outcome{Status::Pass, ""};
    });
    ASSERT_EQ(outcomes.size(), 40u);
    EXPECT_EQ(outcomes[5].status, Status::Timeout);
    EXPECT_EQ(outcomes[5].message, "no result after 0.3 s");
    for (auto& [job, outcome] : outcomes) {
        if (job != 5) {
            EXPECT_EQ(outcome.status, Status::Pass) << "job " << job;
        }
    }
}

TEST(WorkerPool, AWorkerThatExitsIsACrash)
{
    auto outcomes = RunAll(10, 1, std::chrono::seconds(30), [](size_t job) {
        if (job == 3) _exit(7);
        return Outcome{Status::Pass, ""};
    });
    ASSERT_EQ(outcomes.size(), 10u);
    EXPECT_EQ(outcomes[3].status, Status::Crash);
    EXPECT_EQ(outcomes[3].message, "worker exited with status 7");
    EXPECT_EQ(outcomes[9].status, Status::Pass);
}

}  // namespace
}  // namespace lockstep::conformance
