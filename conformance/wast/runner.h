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

}  // namespace lockstep::conformance::wast
