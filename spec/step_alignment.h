// Aligning the steps code marks with the spec's steps, one level of the
// step tree at a time. When the spec inserts or deletes a step, the steps
// after it are renumbered; the alignment reports that step and the
// renumbering instead of a cascade of unrelated extra and missing labels.
#pragma once

#include "spec/index.h"

#include <string>
#include <vector>

namespace lockstep::spec {

struct MarkedLabel {
    std::string label;  // a step label as the spec writes it ("4.b.ii")
    int line = 0;
};

struct AlignmentFinding {
    enum class Kind {
        Missing,     // a spec step no marker stands for
        Extra,       // a marked step (with its substeps) with no counterpart in the spec
        Renumbered,  // a marked step that the spec now numbers `spec_label`
    };
    Kind kind;
    std::string label;       // the code's label (the spec's for Missing)
    std::string spec_label;  // Renumbered: the spec's label for it
    int line = 0;            // the marker's line (0 for Missing)
    std::vector<std::string> substeps;  // Extra: marked labels below `label`
};

// Steps are matched when their subtrees have the same shape; a match with a
// different number costs less than deleting one step and inserting another,
// so a run of renumbered steps beats a cascade of differences. Steps that
// keep their number are matched even when their substeps differ.
std::vector<AlignmentFinding> align_steps(const std::vector<SpecStep>& spec, const std::vector<MarkedLabel>& marked);

}  // namespace lockstep::spec
