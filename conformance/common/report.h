// The reports of a conformance run: counts, the summary file `make test` adds
// up, per-test JSON, and JUnit XML for CI.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "conformance/common/result.h"

namespace lockstep::conformance {

struct Counts {
    size_t passed = 0;
    size_t failed = 0;   // fail, crash and timeout
    size_t skipped = 0;
    size_t known_failures = 0;   // of `failed`, those an expectation file lists
};

Counts CountResults(const std::vector<TestResult>& results);

// "N passed, N failed, N skipped": the closing line of every runner.
std::string ClosingLine(const Counts& counts);

// Each writer returns an error message when the file cannot be written.

// "passed failed skipped\n", three integers.
// The summary file: "passed failed skipped known_failures", for make test.
std::optional<std::string> WriteSummaryFile(const std::string& file, const Counts& counts);

// A JSON array of {path, scenario, status, message, duration_ms}.
std::optional<std::string> WriteJson(const std::string& file, const std::vector<TestResult>& results);
std::string JsonEscape(const std::string& text);

// JUnit XML: one <testsuite> named `suite`, one <testcase> per result.
std::optional<std::string> WriteJunit(const std::string& file, const std::string& suite,
                                      const std::vector<TestResult>& results);

}  // namespace lockstep::conformance
