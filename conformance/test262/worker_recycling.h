// Workers that stay small: a pool worker (conformance/common/worker_pool.h)
// runs many jobs, and an executor whose memory only grows (garbage
// collection may be off, a test may leak) would make it grow without bound.
// RecyclingJobs wraps a job function so that, inside each worker, the jobs
// run in a child process forked from the worker; the child exits after
// `jobs` jobs or once its resident memory passes `resident_bytes`, and the
// next job forks a fresh one from the worker, whose memory never changed.
//
// The worker relays each job to its child over a pipe and its outcome back.
// When the child dies in a job (a signal, an exit), the worker dies the same
// way, so the pool records the crash with the output tail as it would have
// without recycling; a child outlives no worker (it dies with its parent,
// e.g. when the pool kills a worker whose job timed out).
#pragma once

#include <cstddef>

#include "conformance/common/worker_pool.h"

namespace lockstep::conformance {

struct RecycleLimits {
    size_t jobs = 2000;                     // jobs per child process
    size_t resident_bytes = size_t(1) << 30;   // a child this big is replaced after its job
};

JobFunction RecyclingJobs(JobFunction run_job, RecycleLimits limits);

// The resident set size of this process, in bytes (0 if it cannot be read).
size_t ResidentBytes();

}  // namespace lockstep::conformance
