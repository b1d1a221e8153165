#include "spec/step.h"

#include "spec/recording.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <unordered_set>

namespace lockstep::spec {

bool g_recording = false;
FieldObserver g_field_observer = nullptr;

namespace {

// Markers pass string literals, so a pair of pointers identifies a step
// cheaply; equal labels from different translation units are merged when
// the set is read.
struct StepKey {
    const char* algorithm;
    const char* step;
    bool operator==(const StepKey&) const = default;
};

struct StepKeyHash {
    std::size_t operator()(const StepKey& key) const
    {
        std::size_t a = std::hash<const void*>()(key.algorithm);
        return a ^ (std::hash<const void*>()(key.step) + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
    }
};

using StepSet = std::unordered_set<StepKey, StepKeyHash>;

std::mutex g_finished_mutex;
StepSet g_finished;  // steps of threads that have exited
StepObserver g_observer = nullptr;

// Each thread records into its own set without locking; the set joins
// g_finished when the thread exits.
struct ThreadSteps {
    StepSet steps;
    ~ThreadSteps()
    {
        std::lock_guard lock(g_finished_mutex);
        g_finished.insert(steps.begin(), steps.end());
    }
};
thread_local ThreadSteps t_steps;

// Steps already in t_steps, direct-mapped by hash: a hot loop runs the same
// few steps again and again, and finding them here is much cheaper than in
// the set (a plain array needs no thread_local initialisation check either).
constexpr std::size_t kSeenSlots = 4096;
thread_local StepKey t_seen[kSeenSlots];

}  // namespace

void record_step(const char* algorithm, const char* step)
{
    if (g_observer) {
        g_observer(algorithm, step);
        return;
    }
    StepKey key{algorithm, step};
    StepKey& seen = t_seen[StepKeyHash()(key) % kSeenSlots];
    if (seen == key) return;
    seen = key;
    t_steps.steps.insert(key);
}

void set_step_observer(StepObserver observer) { g_observer = observer; }

namespace {
thread_local int t_depth = 0;  // open AlgorithmScopes (spec/step.h) since recording started
}

void enter_algorithm() { ++t_depth; }

void leave_algorithm()
{
    if (t_depth > 0) --t_depth;
}

int algorithm_depth() { return t_depth; }

std::vector<std::pair<const char*, const char*>> take_new_steps()
{
    static thread_local StepSet t_reported;  // returned by earlier calls
    std::vector<std::pair<const char*, const char*>> fresh;
    auto add = [&](const StepSet& steps) {
        for (const StepKey& key : steps)
            if (t_reported.insert(key).second) fresh.emplace_back(key.algorithm, key.step);
    };
    add(t_steps.steps);
    std::lock_guard lock(g_finished_mutex);
    add(g_finished);  // of threads that have exited (a test's agents)
    return fresh;
}

std::vector<RecordedStep> take_recorded_steps()
{
    std::vector<RecordedStep> steps;
    {
        std::lock_guard lock(g_finished_mutex);
        g_finished.insert(t_steps.steps.begin(), t_steps.steps.end());
        for (const StepKey& key : g_finished) steps.push_back({key.algorithm, key.step});
        g_finished.clear();
    }
    t_steps.steps.clear();
    std::fill(std::begin(t_seen), std::end(t_seen), StepKey{nullptr, nullptr});
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    return steps;
}

void assertion_failed(const char* condition, const char* file, int line)
{
    std::fprintf(stderr, "lockstep: spec assertion failed: %s (%s:%d)\n", condition, file, line);
    std::abort();
}

}  // namespace lockstep::spec
