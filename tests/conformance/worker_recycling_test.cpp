// Worker recycling: jobs run in child processes of the workers, replaced
// after a number of jobs or past a memory bound, and a child's crash is
// still the crash of exactly one job.
#include "conformance/test262/worker_recycling.h"

#include <unistd.h>

#include <cstdlib>
#include <gtest/gtest.h>
#include <map>
#include <set>

namespace lockstep::conformance {
namespace {

std::map<size_t, Outcome> RunAll(size_t count, const JobFunction& job)
{
    std::map<size_t, Outcome> outcomes;
    auto error = RunInWorkers(count, PoolOptions{1, std::chrono::seconds(30)}, job,
                              [&](size_t index, Outcome outcome, std::chrono::microseconds) {
                                  EXPECT_TRUE(outcomes.emplace(index, std::move(outcome)).second);
                              });
    EXPECT_FALSE(error.has_value()) << *error;
    return outcomes;
}

// Each job answers with the pid of the process that ran it.
Outcome Pid(size_t)
{
    return {Status::Pass, std::to_string(getpid())};
}

std::set<std::string> Pids(const std::map<size_t, Outcome>& outcomes)
{
    std::set<std::string> pids;
    for (const auto& [job, outcome] : outcomes) pids.insert(outcome.message);
    return pids;
}

TEST(WorkerRecycling, AChildRunsAtMostItsNumberOfJobs)
{
    auto outcomes = RunAll(7, RecyclingJobs(Pid, RecycleLimits{.jobs = 2, .resident_bytes = size_t(1) << 40}));
    ASSERT_EQ(outcomes.size(), 7u);
    EXPECT_EQ(Pids(outcomes).size(), 4u);   // 2 + 2 + 2 + 1
    EXPECT_EQ(outcomes[0].message, outcomes[1].message);
    EXPECT_NE(outcomes[1].message, outcomes[2].message);
    EXPECT_EQ(Pids(outcomes).count(std::to_string(getpid())), 0u);
}

TEST(WorkerRecycling, AChildPastTheMemoryBoundIsReplacedAfterItsJob)
{
    ASSERT_GT(ResidentBytes(), 0u);
    auto outcomes = RunAll(5, RecyclingJobs(Pid, RecycleLimits{.jobs = 100, .resident_bytes = 1}));
    EXPECT_EQ(Pids(outcomes).size(), 5u);
}

TEST(WorkerRecycling, ACrashInAChildCostsOnlyItsJob)
{
    auto outcomes = RunAll(6, RecyclingJobs(
                                  [](size_t job) {
                                      if (job == 2) std::abort();
                                      return Outcome{Status::Fail, "job " + std::to_string(job)};
                                  },
                                  RecycleLimits{}));
    ASSERT_EQ(outcomes.size(), 6u);
    EXPECT_EQ(outcomes[2].status, Status::Crash);
    EXPECT_EQ(outcomes[2].message.rfind("signal 6", 0), 0u) << outcomes[2].message;
    for (size_t job : {0, 1, 3, 4, 5}) {
        EXPECT_EQ(outcomes[job].status, Status::Fail);
        EXPECT_EQ(outcomes[job].message, "job " + std::to_string(job));
    }
}

}  // namespace
}  // namespace lockstep::conformance
