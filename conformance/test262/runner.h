// The test262 runner: finds the tests under the given PATHs, reads each file
// once, works out its scenarios and skips, runs every scenario in a pool of
// worker processes, and reports (summary, unexpected results against the
// expectation file, JSON, JUnit).
//
// What "running a scenario" means is the Phase's business: the parse phase
// (parse_phase.h) or the run phase (run_phase.h). The runner is the host's
// driver, not the host.
#pragma once

#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "conformance/common/result.h"
#include "conformance/test262/front_matter.h"
#include "conformance/test262/scenario.h"
#include "conformance/test262/worker_recycling.h"

namespace lockstep::conformance::test262 {

struct Test262Test {
    std::string path;     // relative to DIR/test, e.g. "language/types/null/S8.2_A1_T1.js"
    std::string source;   // the file's bytes
    FrontMatter front_matter;
    std::optional<FrontMatterError> front_matter_error;
};

// Runs one scenario of one test; called in a worker process.
using Executor = std::function<Outcome(const Test262Test& test, Scenario scenario)>;

// A way of running the tests: the executor, and what it needs around it.
struct Phase {
    Executor run;
    // Called once in the parent after every test is read and before any
    // worker forks, so that the workers share what it prepares (the run
    // phase parses the harness files here). An error stops the run.
    std::function<std::optional<std::string>(const std::vector<Test262Test>& tests)> prepare;
    // Why this host cannot run the scenario (a capability it lacks, such as
    // $262.IsHTMLDDA), or nullopt. Counted apart from unsupported proposals.
    std::function<std::optional<std::string>(const Test262Test& test, Scenario scenario)> host_skip;
    // Run the scenarios of each worker in child processes replaced now and
    // then (worker_recycling.h): for executors whose memory grows.
    std::optional<RecycleLimits> recycle;
};

struct Test262Options {
    std::string test262_dir = "../shared/test262";
    std::vector<std::string> paths;   // under DIR/test; files or folders
    int jobs = 1;
    std::chrono::milliseconds timeout{10'000};
    std::string unsupported_features_file;
    std::vector<std::string> exclude_features;
    std::string expectations_file;
    bool update_expectations = false;
    std::string json_file;
    std::string junit_file;
    std::string summary_file;
    std::string step_coverage_file;   // the spec steps all tests executed (common/step_collection.h)
    bool progress = false;   // draw the progress line on stderr
};

// Returns the exit status: 0 iff nothing was unexpected, 1 when something
// was, 2 when the run could not happen (bad options or files). The report
// goes to `out`, errors to `err`.
int RunTest262(const Test262Options& options, const Phase& phase, std::FILE* out, std::FILE* err);
// A phase that is only an executor.
int RunTest262(const Test262Options& options, const Executor& executor, std::FILE* out, std::FILE* err);

// The paths (relative to DIR/test) of the test files under `path`, sorted:
// every .js file whose name does not contain _FIXTURE. An error when `path`
// does not exist.
std::optional<std::string> FindTests(const std::string& test_root, const std::string& path,
                                     std::vector<std::string>& found);

}  // namespace lockstep::conformance::test262
