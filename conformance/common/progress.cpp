#include "conformance/common/progress.h"

namespace lockstep::conformance {

Progress::Progress(size_t total, bool enabled, std::FILE* out)
    : total_(total), enabled_(enabled), out_(out), start_(std::chrono::steady_clock::now())
{
}

void Progress::Count(Status status)
{
    if (status == Status::Pass) ++passed_;
    else if (status == Status::Skip) ++skipped_;
    else ++failed_;
}

void Progress::Draw()
{
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    Render();
}

void Progress::Render()
{
    double seconds = std::chrono::duration<double>(last_draw_ - start_).count();
    size_t done = passed_ + failed_ + skipped_;
    double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    // \r and "erase to end of line": the line is redrawn in place.
    std::fprintf(out_, "\r[%zu/%zu] %zu passed, %zu failed, %zu skipped  %.0f/s\x1b[K", done, total_,
                 passed_, failed_, skipped_, rate);
    std::fflush(out_);
}

void Progress::Finish()
{
    if (!enabled_) return;
    std::fprintf(out_, "\r\x1b[K");
    std::fflush(out_);
}

}  // namespace lockstep::conformance
