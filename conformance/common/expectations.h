// Expectation files: the known failures of a conformance suite, so that CI
// fails on a regression (an unexpected failure) and on a forgotten update (a
// listed test that now passes), but not on a known gap.
//
//   # comment lines, and a comment after each entry giving its reason
//   language/expressions/foo.js              # every scenario fails
//   language/expressions/bar.js [strict]     # only the strict scenario fails
//
// Paths are relative to the suite's root. An entry without a scenario says
// that every scenario of the test fails.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "conformance/common/result.h"

namespace lockstep::conformance {

struct ExpectationEntry {
    std::string path;
    std::string scenario;   // empty: every scenario of the test
    std::string reason;     // the comment after the entry
    int line = 0;           // where it is in the file (0 for new entries)
};

struct ExpectationFile {
    std::string header;   // the lines before the first entry, which updates keep
    std::vector<ExpectationEntry> entries;
};

// An error names the file and line: "parse.txt:12: ...".
std::variant<ExpectationFile, std::string> ParseExpectations(std::string_view text,
                                                             std::string_view file_name);

// True when `path` is `root` or lies below it ("" and "." are the whole suite).
bool IsUnder(std::string_view path, std::string_view root);
bool IsUnderAny(std::string_view path, const std::vector<std::string>& roots);

// How a run's results compare with the expectation file. Only entries under
// the run's roots are checked: another run covers the rest.
struct Verdict {
    std::vector<const TestResult*> unexpected_failures;
    std::vector<const TestResult*> unexpected_passes;   // listed, yet passed
    std::vector<const ExpectationEntry*> stale_entries; // under the roots, matching no test
    size_t expected_failures = 0;

    bool ok() const
    {
        return unexpected_failures.empty() && unexpected_passes.empty() && stale_entries.empty();
    }
};

Verdict Judge(const ExpectationFile& expectations, const std::vector<TestResult>& results,
              const std::vector<std::string>& roots);

// The expectation file rewritten to list exactly the run's failures under its
// roots: entries elsewhere, and entries of tests that were skipped, stay as
// they were; entries that stay keep their reasons; new entries get the failure
// message as reason. A test whose every scenario failed gets one entry without
// a scenario.
std::string UpdatedExpectations(const ExpectationFile& expectations,
                                const std::vector<TestResult>& results,
                                const std::vector<std::string>& roots);

}  // namespace lockstep::conformance
