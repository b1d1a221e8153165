// The step markers written in C++ sources (spec/step.h), read from the
// source text: which function claims which spec algorithm, and which steps
// it marks in which order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lockstep::spec {

struct StepMarker {
    std::string label;  // "2.a", or a range of siblings "3-7"
    int line = 0;
};

// One SPEC_ALGORITHM("address") and the STEP markers in its scope: from the
// marker to the closing brace of the block that holds it. A SPEC_ALGORITHM
// in a nested block (a lambda transcribing another algorithm) opens a nested
// scope; the outer one resumes after it, as C++ name lookup does.
struct AlgorithmMarkers {
    std::string address;  // "sec-foo" or "sec-foo#2"
    std::string file;
    int line = 0;
    std::vector<StepMarker> steps;  // in source order
};

struct RuleMarker {
    std::string name;
    std::string file;
    int line = 0;
};

struct MarkerProblem {
    std::string file;
    int line = 0;
    std::string message;
};

struct SourceMarkers {
    std::vector<AlgorithmMarkers> algorithms;
    std::vector<RuleMarker> rules;
    std::vector<MarkerProblem> problems;  // markers the check cannot read
};

// Scans one C++ source text. Comments, string and character literals and
// preprocessor lines are skipped; braces are counted to find scopes.
void scan_markers(std::string_view source, const std::string& file, SourceMarkers& out);

// Scans every .cpp/.h/.cc/.hpp file below each root (a file or a folder),
// in path order. A missing root is an error.
bool scan_marker_sources(const std::vector<std::string>& roots, SourceMarkers& out, std::string& error);

}  // namespace lockstep::spec
