// What every conformance runner (test262, .wast, WPT) records per test: one
// TestResult per scenario run, in a shape the reports (summary, JSON, JUnit)
// and the expectation file all read.
#pragma once

#include <string>
#include <string_view>

namespace lockstep::conformance {

enum class Status { Pass, Fail, Skip, Crash, Timeout };

std::string_view StatusName(Status status);   // "pass", "fail", "skip", "crash", "timeout"

// A crash or a timeout is a failure too: the expectation file lists them alike.
inline bool IsFailure(Status status)
{
    return status == Status::Fail || status == Status::Crash || status == Status::Timeout;
}

// What running one scenario produced, as the worker reports it.
struct Outcome {
    Status status = Status::Pass;
    std::string message;   // why it failed or was skipped; empty for a pass
};

struct TestResult {
    std::string path;       // relative to the suite's root, '/'-separated
    std::string scenario;   // e.g. "strict", "non-strict", "module"; may be empty
    Status status = Status::Pass;
    std::string message;
    double duration_ms = 0;   // wall-clock time in the worker; 0 for skips
};

// "path (scenario)", or "path" when the result has no scenario.
std::string DisplayName(const TestResult& result);

}  // namespace lockstep::conformance
