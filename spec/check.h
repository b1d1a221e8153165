// `lockstep spec check`: the step markers of the code against the spec's
// steps (unknown clauses; missing, extra, renumbered and out-of-order steps)
// and the RULE markers against the SpecTec rules.
#pragma once

#include "spec/index.h"
#include "spec/markers.h"
#include "spec/spectec.h"

#include <cstdio>
#include <string>
#include <vector>

namespace lockstep::spec {

// One finding about one SPEC_ALGORITHM.
struct Drift {
    enum class Kind { UnknownAlgorithm, MissingStep, ExtraStep, Renumbered, OutOfOrder };
    Kind kind;
    std::string label;    // the step concerned (empty for UnknownAlgorithm)
    int line = 0;         // source line of the marker (the SPEC_ALGORITHM's when missing)
    std::string message;  // what a reader is told
};

struct AlgorithmCheck {
    const AlgorithmMarkers* markers = nullptr;
    const SpecClause* clause = nullptr;  // null when the address is unknown
    std::vector<Drift> drift;
};

struct CheckReport {
    std::vector<AlgorithmCheck> algorithms;  // in scan order
    std::size_t step_markers = 0;
    std::size_t drifted = 0;                 // algorithms with any drift
    std::vector<const RuleMarker*> unknown_rules;
    std::vector<const SpecTecEntry*> unmarked_rules;  // validation/execution rules no code marks
    std::size_t spectec_rules = 0;                    // validation/execution rules in all
    std::vector<MarkerProblem> problems;

    bool ok() const { return drifted == 0 && unknown_rules.empty() && problems.empty(); }
};

// Checks one algorithm's markers against its spec steps.
std::vector<Drift> check_steps(const SpecAlgorithm& algorithm, const AlgorithmMarkers& markers);

CheckReport check_markers(const SpecIndex& index, const SpecTecIndex& spectec, const SourceMarkers& markers);

// The report: one line per finding (file:line: …), then the totals, ending
// with "N algorithms, N steps, N drifted". `verbose` also lists clean
// algorithms; `list_unmarked` lists the unmarked SpecTec rules.
void print_check_report(const CheckReport& report, std::FILE* out, bool verbose, bool list_unmarked);

}  // namespace lockstep::spec
