// The .wast script runner: executes a script's commands against a fresh
// store with the `spectest` module registered, and counts assertions.
#pragma once

#include "conformance/common/report.h"

#include <cstdio>
#include <string>
#include <vector>

namespace lockstep::conformance::wast {

// A failing assertion (or module command): where, and "expected …, got …".
struct Failure {
    uint32_t line = 0;
    std::string message;
};

struct FileResult {
    Counts counts;  // assertions: passed, failed, skipped (unsupported commands)
    std::vector<Failure> failures;
};

struct Options {
    bool verbose = false;           // also list skipped commands
    bool lenient_messages = false;  // accept any trap/error text (only its kind must match)
};

// Runs one script file with a fresh store (and the `spectest` module).
// `skipped_out` (if set) receives a line per unsupported command when verbose.
FileResult run_wast_file(const std::string& path, const Options& options, FILE* skipped_out);

// A script's testcase in the JUnit report (`lockstep wast --junit`, written
// by WriteJunit): a failure when an assertion failed, its message listing
// them ("line 12: expected …, got …", those an expectation file lists as
// known failures marked so), skipped when the script ran no supported
// command, else a pass. `name` is the script's path as reported.
TestResult junit_result(const std::string& name, const FileResult& result,
                        const std::vector<uint32_t>& known_failure_lines, double duration_ms);

}  // namespace lockstep::conformance::wast
