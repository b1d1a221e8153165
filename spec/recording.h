// Where STEP and RULE markers go while lockstep::spec::g_recording is on
// (spec/step.h): a set of executed (algorithm, step) pairs for coverage, or
// an observer that sees every step as it runs (trace).
#pragma once

#include <string>
#include <vector>

namespace lockstep::spec {

struct RecordedStep {
    std::string algorithm;  // SPEC_ALGORITHM address, or "wasm" for RULE markers
    std::string step;       // STEP label, or the SpecTec rule name

    auto operator<=>(const RecordedStep&) const = default;
};

// Called for every executed step instead of the coverage set when set
// (nullptr restores the set). Set it before recording starts.
using StepObserver = void (*)(const char* algorithm, const char* step);
void set_step_observer(StepObserver observer);

// The distinct steps recorded since the last call, sorted, and clears them.
// Steps of threads that have exited are included; call it once the threads
// that record have finished.
std::vector<RecordedStep> take_recorded_steps();

}  // namespace lockstep::spec
