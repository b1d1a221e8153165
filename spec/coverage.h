// Step coverage: which steps of each transcribed algorithm a run executed.
// A run records (algorithm, step) pairs with lockstep::spec::g_recording on
// (spec/recording.h) and saves them as a step file: one
// "address<TAB>label" line per executed step.
#pragma once

#include "spec/index.h"
#include "spec/markers.h"
#include "spec/recording.h"

#include <cstdio>
#include <string>
#include <vector>

namespace lockstep::spec {

bool write_step_file(const std::string& path, const std::vector<RecordedStep>& steps, std::string& error);
bool read_step_file(const std::string& path, std::vector<RecordedStep>& steps, std::string& error);

struct AlgorithmCoverage {
    std::string address;
    const SpecClause* clause = nullptr;  // null: the address names no algorithm
    std::size_t executed = 0;            // distinct spec steps that ran
    std::size_t total = 0;               // steps of the algorithm
    std::vector<std::string> not_executed;
    std::vector<bool> ran;  // per step of the algorithm, in document order
};

// Coverage of every algorithm that the code marks or the run recorded, in
// address order. RULE records ("wasm") are not algorithms and are skipped.
std::vector<AlgorithmCoverage> step_coverage(const SpecIndex& index, const SourceMarkers& markers,
                                             const std::vector<RecordedStep>& executed);

// One line per algorithm, then "N of M steps executed (P%) in K algorithms".
// `list_missing` adds the labels of the steps that did not run.
void print_coverage(const std::vector<AlgorithmCoverage>& coverage, std::FILE* out, bool list_missing);

// Wasm: the SpecTec rules the code marks with RULE, split by whether the
// run executed them (RULE records, "wasm<TAB>rule"), each sorted.
struct RuleCoverage {
    std::vector<std::string> executed;
    std::vector<std::string> not_executed;
};
RuleCoverage rule_coverage(const SourceMarkers& markers, const std::vector<RecordedStep>& executed);

// "N of M marked Wasm rules executed (P%)", and with `list_missing` the others.
void print_rule_coverage(const RuleCoverage& rules, std::FILE* out, bool list_missing);

// A static, self-contained HTML page (inline CSS, no script): the totals,
// then per top-level clause its algorithms in document order, each with its
// steps covered of total and every step with the spec's text, the steps no
// test reached highlighted; then the Wasm rules. `title` heads the page.
bool write_coverage_html(const std::string& path, const std::string& title, const SpecIndex& index,
                         const std::vector<AlgorithmCoverage>& coverage, const RuleCoverage& rules,
                         std::string& error);

}  // namespace lockstep::spec
