// Where STEP and RULE markers go while lockstep::spec::g_recording is on
// (spec/step.h): a set of executed (algorithm, step) pairs for coverage, or
// an observer that sees every step as it runs (trace).
#pragma once

#include <string>
#include <string_view>
#include <utility>
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

// The steps this thread and the threads that have exited recorded that no
// earlier call on this thread returned, unsorted,
// as the markers' string literals (cheap enough to call after every test of
// a coverage run: conformance/common/step_collection.h). Does not clear
// what take_recorded_steps() returns.
std::vector<std::pair<const char*, const char*>> take_new_steps();

// How many SPEC_ALGORITHM scopes are open on this thread, counting those
// entered since recording was switched on (spec/step.h, AlgorithmScope).
int algorithm_depth();

// Record fields in traces: code that changes a field of a spec record (a
// Module Record's [[Status]], an environment's binding, a promise's
// [[PromiseState]] …) may report the new value, and `lockstep trace` prints
// it as its own line at the current depth, between the steps around it:
//
//     spec::trace_field("module a.mjs", "[[Status]]", "linked");
//
// A no-op (one test of a pointer) unless a trace is running; code whose
// value is costly to format can test tracing_fields() first.
using FieldObserver = void (*)(std::string_view record, std::string_view field, std::string_view value);
extern FieldObserver g_field_observer;

inline bool tracing_fields() { return g_field_observer != nullptr; }

inline void trace_field(std::string_view record, std::string_view field, std::string_view value)
{
    if (g_field_observer) [[unlikely]]
        g_field_observer(record, field, value);
}

}  // namespace lockstep::spec
