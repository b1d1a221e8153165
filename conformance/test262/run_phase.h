// The run phase of a test262 run (the default): each scenario in a fresh
// agent and realm of the test262 host (test262_host.h), as INTERPRETING.md
// says: the harness files first (unless `raw`), then the test as a Script
// (with "use strict";\n prepended in the strict scenario), then the event
// loop (agents.h: jobs, due timeout jobs, and what other agents started by
// $262.agent send) until nothing is left to wait for.
//
// Verdicts:
// - negative parse: ParseScript must fail with the expected SyntaxError;
// - negative runtime: evaluation must throw a value whose constructor's
//   `name` (read as test262 hosts do) is negative.type;
// - otherwise evaluation (and every job) must complete normally, and an
//   `async` test must have printed Test262:AsyncTestComplete (printing
//   Test262:AsyncTestFailure:... fails it). An uncaught exception fails with
//   "Uncaught <Name>: <message> (at file:line:column)".
// - a module test (flag `module`) is parsed with ParseModule, its imports
//   loaded from the files beside it (LoadRequestedModules), linked and
//   evaluated; an error while loading or linking is a resolution-phase
//   error (negative.phase `resolution`), a rejected evaluation promise a
//   runtime one.
// Tests of capabilities this host lacks ($262.IsHTMLDDA, [[CanBlock]]
// false) are skipped.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "conformance/common/result.h"
#include "conformance/test262/harness.h"
#include "conformance/test262/runner.h"

namespace lockstep::conformance::test262 {

struct RunPhaseOptions {
    // Collect garbage before every allocation (Heap::set_stress): slow, and
    // a use of an unrooted cell shows up as a wrong result or a crash.
    bool gc_stress = false;
};

class RunPhase {
public:
    explicit RunPhase(const std::string& test262_dir, RunPhaseOptions options = {})
        : harness_(test262_dir + "/harness"), test_root_(test262_dir + "/test"), options_(options)
    {
    }

    // In the parent: parses every harness file the tests use, once.
    std::optional<std::string> Prepare(const std::vector<Test262Test>& tests);
    // Why this host does not run the scenario, or nullopt.
    std::optional<std::string> HostSkip(const Test262Test& test, Scenario scenario) const;
    // In a worker: runs the scenario. Prepare must have seen the test.
    Outcome Run(const Test262Test& test, Scenario scenario) const;

    // The three above, with worker recycling, for RunTest262.
    Phase AsPhase();

private:
    Harness harness_;
    std::string test_root_;  // where test paths (and the modules they import) are
    RunPhaseOptions options_;
};

}  // namespace lockstep::conformance::test262
