// A pool of forked worker processes that run numbered jobs, so that a job
// that crashes (segfault, a failed SPEC_ASSERT's abort) or hangs costs only
// its own result: the parent records it as a crash or a timeout, starts a
// fresh worker and hands the jobs that worker had not finished to another.
//
// Workers are forked once and fed job numbers over a pipe, a few at a time;
// each job's outcome comes back over a second pipe. A worker inherits the
// parent's memory at fork time, so jobs are just indices into data the parent
// prepared before calling RunInWorkers (e.g. every test file, read once).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "conformance/common/result.h"

namespace lockstep::conformance {

struct PoolOptions {
    int workers = 1;
    std::chrono::milliseconds timeout{10'000};   // per job, measured by the parent
};

// Runs in a worker process. Must not depend on state the parent changes after
// RunInWorkers starts (the worker sees the parent's memory as of its fork).
using JobFunction = std::function<Outcome(size_t job)>;

// Runs in the parent, once per job, in completion order. duration is the time
// the job took in its worker (for a crash or a timeout: until it was noticed).
using ResultFunction =
    std::function<void(size_t job, Outcome outcome, std::chrono::microseconds duration)>;

// Called in the parent whenever it wakes up (at least every 100 ms), so a
// progress display can redraw.
using TickFunction = std::function<void()>;

// Runs jobs 0 .. job_count-1. Returns an error message when the pool itself
// cannot run (pipe or fork failed); each job's own failure is an Outcome.
std::optional<std::string> RunInWorkers(size_t job_count, const PoolOptions& options,
                                        const JobFunction& run_job,
                                        const ResultFunction& on_result,
                                        const TickFunction& on_tick = {});

}  // namespace lockstep::conformance
