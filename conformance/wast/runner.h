// The .wast script runner: executes a script's commands against a fresh
// store with the `spectest` module registered, and counts assertions.
#pragma once

#include <cstdio>
#include <string>

namespace lockstep::conformance::wast {

struct Totals {
    size_t passed = 0, failed = 0, skipped = 0;
};

struct Options {
    bool verbose = false;  // also report trap/error message mismatches
};

// Runs one script file; prints `file:line: …` for each failing assertion to `out`.
Totals run_wast_file(const std::string& path, const Options& options, FILE* out);

}  // namespace lockstep::conformance::wast
