// ECMA-262 §22.2.2.1 Notation: Matchers, MatcherContinuations and
// MatchStates, and the machine that runs them.
// https://tc39.es/ecma262/#sec-pattern-notation
//
// The spec writes matching in continuation-passing style: a Matcher is an
// Abstract Closure (x, c) that tries to match from MatchState x and calls the
// MatcherContinuation c on success; a call that returns ~failure~ makes the
// caller try its next alternative. Called literally, that nests one native
// frame per character matched, which long inputs turn into a stack overflow.
//
// Here each closure still has the spec's steps (pattern_semantics.cpp), but
// instead of calling the next closure it returns a `Next` saying which
// closure to call with which MatchState, and the Engine's loop makes that
// call (a trampoline). "Let r be m(x, c). If r is not ~failure~, return r.
// Otherwise …" becomes a ChoicePoint: the Engine remembers where to continue
// if everything tried after it fails, and backtracking resumes there.
// Captures are one array plus a trail of undo entries, so "a copy of
// x.[[Captures]]" costs nothing until it is changed, and resuming a choice
// point restores the captures its MatchState had. The Engine's stacks live on
// the heap, so the native stack stays flat however long the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace lockstep::regexp {

enum class Direction : uint8_t { forward, backward };

// §22.2.2.1 CaptureRange { [[StartIndex]], [[EndIndex]] }.
struct CaptureRange {
    size_t StartIndex = 0;
    size_t EndIndex = 0;
};

// §22.2.2.1 MatchState { [[Input]], [[EndIndex]], [[Captures]] }. [[Input]]
// and [[Captures]] are the Engine's (see above): a MatchState the spec builds
// with "the same Captures" or "a copy of" them is just its [[EndIndex]].
struct MatchState {
    size_t EndIndex = 0;
};

class Engine;
struct Matcher;
struct MatcherContinuation;
struct ChoicePoint;

// What a closure asks the Engine to do next: call a Matcher or a
// MatcherContinuation, fail (return ~failure~), or return a MatchState as the
// result of the innermost matching the Engine was asked to run (the
// continuation of CompilePattern and of the look-arounds, "Return y").
struct Next {
    enum class Kind : uint8_t { CallMatcher, CallContinuation, Failure, Return };
    Kind kind = Kind::Failure;
    const Matcher* m = nullptr;
    const MatcherContinuation* c = nullptr;
    MatchState x = {};
};

// A Matcher: an Abstract Closure with parameters (x, c).
struct Matcher {
    std::function<Next(Engine&, MatchState x, const MatcherContinuation* c)> steps;
};

// A MatcherContinuation: an Abstract Closure with parameter (y). Its steps
// are a plain function; what it captures is in the fields (a continuation
// is made for every character matched, so it must be cheap to make).
struct MatcherContinuation {
    Next (*steps)(Engine&, const MatcherContinuation& self, MatchState y) = nullptr;
    const void* captured = nullptr;          // compile-time values the closure captures
    const MatcherContinuation* c = nullptr;  // the continuation it captures, if any
    MatchState x = {};                       // the MatchState it captures, if any
    uint64_t a = 0, b = 0;                   // the integers it captures (min, max, …)
};

// Where to continue when what was tried after it fails. A barrier choice
// point marks the start of a nested matching (Engine::call_and_then): its
// steps get that matching's result r, a MatchState or ~failure~ (nullopt).
struct ChoicePoint {
    Next (*steps)(Engine&, const ChoicePoint& self, std::optional<MatchState> r) = nullptr;
    const void* captured = nullptr;
    const MatcherContinuation* c = nullptr;
    MatchState x = {};
    uint64_t a = 0, b = 0;
    uint32_t trail_height = 0;
    uint32_t continuations_height = 0;
    bool barrier = false;
};

// The List of characters a Matcher reads: the code units of S, or with
// fullUnicode its code points. Positions are code unit indices into S
// either way: with fullUnicode the matcher only ever stands between code
// points, so an index into the List of code points and the code unit index
// where that code point starts say the same.
class InputCharacters {
public:
    InputCharacters(std::u16string_view S, bool fullUnicode) : S_(S), fullUnicode_(fullUnicode) {}
    size_t InputLength() const { return S_.size(); }
    std::u16string_view code_units() const { return S_; }
    bool full_unicode() const { return fullUnicode_; }
    // The character at e (nullopt when e is InputLength) and the one ending at e (nullopt when e is 0).
    std::optional<char32_t> at(size_t e) const;
    std::optional<char32_t> before(size_t e) const;
    // The character read when moving one character from e in `direction`,
    // and where that leaves: nullopt when f would be < 0 or > InputLength.
    struct Step {
        char32_t ch;
        size_t f;
    };
    std::optional<Step> step(size_t e, Direction direction) const;

private:
    std::u16string_view S_;
    bool fullUnicode_;
};

class Engine {
public:
    // Why a run stopped without a result.
    enum class Outcome : uint8_t { success, failure, step_budget_exhausted, too_much_backtracking_state };

    // stepBudget 0: no budget (the spec's behaviour).
    Engine(InputCharacters input, uint64_t capturingGroupsCount, uint64_t stepBudget);

    const InputCharacters& Input() const { return input_; }

    // x.[[Captures]][k] for 1 ≤ k ≤ [[CapturingGroupsCount]]; nullopt is *undefined*.
    const std::optional<CaptureRange>& capture(uint64_t k) const { return captures_[k]; }
    // "Set cap[k] to r" on the MatchState being built (undone on backtracking).
    void set_capture(uint64_t k, std::optional<CaptureRange> r);
    void reset_captures();  // every capture *undefined* (CompilePattern step 2.d)

    // The closures' ways to continue.
    static Next call(const Matcher* m, MatchState x, const MatcherContinuation* c)
    {
        return {Next::Kind::CallMatcher, m, c, x};
    }
    static Next call(const MatcherContinuation* c, MatchState y) { return {Next::Kind::CallContinuation, nullptr, c, y}; }
    static Next failure() { return {}; }
    static Next return_state(MatchState y) { return {Next::Kind::Return, nullptr, nullptr, y}; }

    // A new MatcherContinuation (alive until backtracking passes the point where it was made).
    const MatcherContinuation* continuation(const MatcherContinuation& closure);
    // "If what follows fails, continue with `point`" (its x is the MatchState to restore).
    void on_failure(const ChoicePoint& point);
    // "Let r be m(x, d)" where d returns its MatchState: runs m to its first
    // result and then point.steps(r). What m left to try is forgotten once
    // it has a result, as in the spec, where m(x, d) returns.
    Next call_and_then(const Matcher* m, MatchState x, const MatcherContinuation* d, const ChoicePoint& point);

    // Runs m(x, c) to its result; on success the final MatchState is result().
    Outcome run(const Matcher* m, MatchState x, const MatcherContinuation* c);
    MatchState result() const { return result_; }

private:
    void undo_trail(size_t height);

    InputCharacters input_;
    std::vector<std::optional<CaptureRange>> captures_;  // indexed 1 through [[CapturingGroupsCount]]
    struct TrailEntry {
        uint64_t k;
        std::optional<CaptureRange> old;
    };
    std::vector<TrailEntry> trail_;
    std::deque<MatcherContinuation> continuations_;
    std::deque<ChoicePoint> choice_points_;
    std::vector<size_t> barriers_;  // indices of the barrier choice points, innermost last
    uint64_t step_budget_;
    MatchState result_;
};

}  // namespace lockstep::regexp
