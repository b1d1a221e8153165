// The one-line progress display of a conformance run (done/total, passed,
// failed, skipped, rate), redrawn in place on a terminal and silent otherwise.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>

#include "conformance/common/result.h"

namespace lockstep::conformance {

class Progress {
public:
    // Draws on `out` only when `enabled` (callers pass isatty(stderr)).
    Progress(size_t total, bool enabled, std::FILE* out = stderr);

    void Count(Status status);
    void Draw();     // redraws at most ten times a second
    void Finish();   // erases the line

private:
    void Render();

    size_t total_;
    bool enabled_;
    std::FILE* out_;
    size_t passed_ = 0, failed_ = 0, skipped_ = 0;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace lockstep::conformance
