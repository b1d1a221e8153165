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
};

// Coverage of every algorithm that the code marks or the run recorded, in
// address order. RULE records ("wasm") are not algorithms and are skipped.
std::vector<AlgorithmCoverage> step_coverage(const SpecIndex& index, const SourceMarkers& markers,
                                             const std::vector<RecordedStep>& executed);

// One line per algorithm, then "N of M steps executed (P%) in K algorithms".
// `list_missing` adds the labels of the steps that did not run.
void print_coverage(const std::vector<AlgorithmCoverage>& coverage, std::FILE* out, bool list_missing);

}  // namespace lockstep::spec
