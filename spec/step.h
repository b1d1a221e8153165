// Step markers: how the code names the spec text it transcribes (DESIGN.md §2).
//
//   // ECMA-262 §10.1.5.1 OrdinaryGetOwnProperty ( O, P )
//   Completion<...> OrdinaryGetOwnProperty(Object& O, const PropertyKey& P)
//   {
//       SPEC_ALGORITHM("sec-ordinarygetownproperty");   // the clause id in spec.html
//       STEP("1");  if (!O.has_own(P)) return std::nullopt;
//       STEP("2");  ...
//   }
//
// `lockstep spec check` reads these markers from the source text and compares
// them with the steps of the clause; at run time STEP records (algorithm, step)
// only when recording is switched on (trace, coverage), at the cost of one
// predictable branch otherwise. Wasm code marks SpecTec rule names with RULE.
//
// How `lockstep spec check` reads the markers (spec/markers.h, spec/check.h):
// - SPEC_ALGORITHM("sec-foo") names the clause's first algorithm (emu-alg);
//   "sec-foo#2" its second, and so on, in document order: the productions of
//   a syntax-directed operation, or the steps after a built-in's table
//   (`lockstep spec show sec-foo` lists them with their numbers). JS-API
//   algorithms are named by their anchor ("run-a-promising-function").
// - Its STEP markers are those up to the closing brace of the block that
//   holds the SPEC_ALGORITHM. Steps of an abstract closure are ordinary
//   substeps ("3.a") and may sit in a lambda inside that block. A lambda
//   that transcribes a different clause declares its own SPEC_ALGORITHM; the
//   outer algorithm's markers resume after it, as C++ name lookup does.
// - Labels are written as the spec renders them ("1.b.iii.2"). "3-7" marks
//   sibling steps 3 to 7 and all their substeps at once (one C++ expression
//   doing several steps).
// - An Annex B algorithm that replaces a step (`replaces-step`) carries on
//   that step's numbering. Code that implements the web-compatible
//   algorithm marks the replacement's steps within the base algorithm
//   (FunctionDeclarationInstantiation marks 29, 29.a, … of §B.3.2.1): once
//   it marks a label only the replacement has, the check reads the
//   replacement in place of the replaced step; otherwise the base step.
// - A part: "sec-foo@3.b" transcribes just the substeps of step 3.b, apart
//   from the function that marks the rest (steps to perform later, "When
//   f is evaluated, perform the following steps"); the rest then need not
//   mark 3.b's substeps. "sec-foo#2@3.b" for the second algorithm.
// - Every step of the algorithm must be marked, in the spec's order; a label
//   may be marked more than once (several paths through the same step).
// - RULE takes a SpecTec rule ("Step_pure/select-true"), relation or
//   definition ("$default_"); each string literal in its argument counts.
#pragma once

namespace lockstep::spec {

// True while a trace or coverage run wants steps recorded.
extern bool g_recording;

// Called for each executed step while g_recording is on.
void record_step(const char* algorithm, const char* step);

// Algorithm nesting for traces (spec/trace.h): SPEC_ALGORITHM also declares
// an AlgorithmScope, which while g_recording is on counts the algorithm as
// open (algorithm_depth() in spec/recording.h) until the function, lambda or
// block that holds the marker is left. It holds no state: with recording
// off it costs one test of g_recording on entry and one on exit, like a
// STEP. Recording is switched on and off while no algorithm is running (a
// scope left after the switch is not counted; the depth never goes below
// 0). A fiber suspended inside algorithms (await, yield) keeps them counted
// until it resumes and leaves them, so the steps its caller runs meanwhile
// are shown that much deeper.
void enter_algorithm();
void leave_algorithm();

struct AlgorithmScope {
    AlgorithmScope()
    {
        if (g_recording) [[unlikely]]
            enter_algorithm();
    }
    ~AlgorithmScope()
    {
        if (g_recording) [[unlikely]]
            leave_algorithm();
    }
    AlgorithmScope(const AlgorithmScope&) = delete;
    AlgorithmScope& operator=(const AlgorithmScope&) = delete;
};

}  // namespace lockstep::spec

// The scope's exit test keeps a function that ends in `return F(...)` from
// tail-calling F: about +10% instructions on property-heavy scripts (a
// loop of property reads and additions, measured with callgrind). A build
// with EXTRA_CXXFLAGS=-DLOCKSTEP_FLAT_TRACES leaves it out; its traces
// then print every step at depth 0.
#ifdef LOCKSTEP_FLAT_TRACES
#define SPEC_ALGORITHM(clause_id) \
    [[maybe_unused]] static constexpr const char* spec_algorithm_id_ = clause_id
#else
#define SPEC_ALGORITHM(clause_id)                                                         \
    [[maybe_unused]] static constexpr const char* spec_algorithm_id_ = clause_id;         \
    const ::lockstep::spec::AlgorithmScope spec_algorithm_scope_
#endif

#define STEP(label)                                                          \
    do {                                                                     \
        if (::lockstep::spec::g_recording) [[unlikely]]                      \
            ::lockstep::spec::record_step(spec_algorithm_id_, label);        \
    } while (0)

// Wasm: the SpecTec rule (or def) an instruction handler implements.
#define RULE(rule_name)                                                      \
    do {                                                                     \
        if (::lockstep::spec::g_recording) [[unlikely]]                      \
            ::lockstep::spec::record_step("wasm", rule_name);                \
    } while (0)

// A spec assertion: on in every build. Failing one is a bug in lockstep or
// in the spec; it reports where and aborts the current agent's process.
#define SPEC_ASSERT(cond)                                                    \
    do {                                                                     \
        if (!(cond)) [[unlikely]]                                            \
            ::lockstep::spec::assertion_failed(#cond, __FILE__, __LINE__);   \
    } while (0)

namespace lockstep::spec {
[[noreturn]] void assertion_failed(const char* condition, const char* file, int line);
}
