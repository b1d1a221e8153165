// The machine that runs the closures of §22.2.2 (see matcher.h).
#include "builtins/regexp/matcher.h"

#include "spec/step.h"

namespace lockstep::regexp {

namespace {

bool is_lead(char16_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool is_trail(char16_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

// An implementation limit on the backtracking state of one run (choice
// points and live continuations each): ~1 GB in the worst case, far beyond
// what a realistic pattern needs even on inputs of several megabytes.
constexpr size_t kMaxEntries = size_t(1) << 24;

}  // namespace

std::optional<char32_t> InputCharacters::at(size_t e) const
{
    if (e >= S_.size()) return std::nullopt;
    char16_t u = S_[e];
    if (fullUnicode_ && is_lead(u) && e + 1 < S_.size() && is_trail(S_[e + 1]))
        return char32_t(0x10000 + ((u - 0xD800) << 10) + (S_[e + 1] - 0xDC00));
    return char32_t(u);
}

std::optional<char32_t> InputCharacters::before(size_t e) const
{
    if (e == 0) return std::nullopt;
    char16_t u = S_[e - 1];
    if (fullUnicode_ && is_trail(u) && e >= 2 && is_lead(S_[e - 2]))
        return char32_t(0x10000 + ((S_[e - 2] - 0xD800) << 10) + (u - 0xDC00));
    return char32_t(u);
}

std::optional<InputCharacters::Step> InputCharacters::step(size_t e, Direction direction) const
{
    if (direction == Direction::forward) {
        std::optional<char32_t> ch = at(e);
        if (!ch) return std::nullopt;
        return Step{*ch, e + (*ch > 0xFFFF ? 2 : 1)};
    }
    std::optional<char32_t> ch = before(e);
    if (!ch) return std::nullopt;
    return Step{*ch, e - (*ch > 0xFFFF ? 2 : 1)};
}

Engine::Engine(InputCharacters input, uint64_t capturingGroupsCount, uint64_t stepBudget)
    : input_(input), captures_(capturingGroupsCount + 1), step_budget_(stepBudget)
{
}

void Engine::set_capture(uint64_t k, std::optional<CaptureRange> r)
{
    std::optional<CaptureRange>& slot = captures_[k];
    if (!slot && !r) return;
    trail_.push_back({k, slot});
    slot = r;
}

void Engine::reset_captures()
{
    for (auto& capture : captures_) capture.reset();
    trail_.clear();
}

void Engine::undo_trail(size_t height)
{
    while (trail_.size() > height) {
        captures_[trail_.back().k] = trail_.back().old;
        trail_.pop_back();
    }
}

const MatcherContinuation* Engine::continuation(const MatcherContinuation& closure)
{
    continuations_.push_back(closure);
    return &continuations_.back();
}

void Engine::on_failure(const ChoicePoint& point)
{
    ChoicePoint& p = choice_points_.emplace_back(point);
    p.trail_height = uint32_t(trail_.size());
    p.continuations_height = uint32_t(continuations_.size());
    p.barrier = false;
}

Next Engine::call_and_then(const Matcher* m, MatchState x, const MatcherContinuation* d, const ChoicePoint& point)
{
    barriers_.push_back(choice_points_.size());
    ChoicePoint& p = choice_points_.emplace_back(point);
    p.trail_height = uint32_t(trail_.size());
    p.continuations_height = uint32_t(continuations_.size());
    p.barrier = true;
    return call(m, x, d);
}

Engine::Outcome Engine::run(const Matcher* m, MatchState x, const MatcherContinuation* c)
{
    continuations_.clear();
    choice_points_.clear();
    barriers_.clear();
    // The outermost matching: a barrier without steps.
    Next next = call_and_then(m, x, c, ChoicePoint{});
    uint64_t steps = 0;
    for (;;) {
        if (step_budget_ != 0 && ++steps > step_budget_) return Outcome::step_budget_exhausted;
        switch (next.kind) {
        case Next::Kind::CallMatcher:
            next = next.m->steps(*this, next.x, next.c);
            break;
        case Next::Kind::CallContinuation:
            next = next.c->steps(*this, *next.c, next.x);
            break;
        case Next::Kind::Return: {
            // The innermost nested matching has its result: forget what it
            // left to try (keeping its captures) and hand r to its barrier.
            size_t index = barriers_.back();
            barriers_.pop_back();
            ChoicePoint barrier = choice_points_[index];
            choice_points_.resize(index);
            continuations_.resize(barrier.continuations_height);
            if (!barrier.steps) {
                result_ = next.x;
                return Outcome::success;
            }
            next = barrier.steps(*this, barrier, next.x);
            break;
        }
        case Next::Kind::Failure: {
            ChoicePoint point = choice_points_.back();
            choice_points_.pop_back();
            undo_trail(point.trail_height);
            continuations_.resize(point.continuations_height);
            if (point.barrier) {
                barriers_.pop_back();
                if (!point.steps) return Outcome::failure;
            }
            next = point.steps(*this, point, std::nullopt);
            break;
        }
        }
        if (choice_points_.size() > kMaxEntries || continuations_.size() > kMaxEntries || trail_.size() > kMaxEntries)
            return Outcome::too_much_backtracking_state;
    }
}

}  // namespace lockstep::regexp
