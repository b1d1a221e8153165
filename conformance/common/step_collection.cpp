#include "conformance/common/step_collection.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "spec/coverage.h"
#include "spec/recording.h"
#include "spec/step.h"

namespace lockstep::conformance {

namespace fs = std::filesystem;

StepCollection::~StepCollection()
{
    if (folder_.empty()) return;
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
}

std::optional<std::string> StepCollection::Start()
{
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/lockstep-steps-XXXXXX";
    if (!mkdtemp(pattern.data())) return "cannot make a folder " + pattern + ": " + std::strerror(errno);
    folder_ = pattern;
    spec::take_recorded_steps();  // steps from before the run do not count
    spec::g_recording = true;
    return std::nullopt;
}

void StepCollection::Flush() const
{
    std::string lines;
    for (const auto& [algorithm, step] : spec::take_new_steps()) lines.append(algorithm).append("\t").append(step).append("\n");
    if (lines.empty()) return;
    std::string file = folder_ + "/steps." + std::to_string(getpid());
    int fd = open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) return;
    // One write: a process killed in the middle of a job leaves whole lines.
    for (const char* data = lines.data(); size_t size = lines.size() - static_cast<size_t>(data - lines.data());) {
        ssize_t n = write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        data += n;
    }
    close(fd);
}

JobFunction StepCollection::Wrap(JobFunction job) const
{
    return [this, job = std::move(job)](size_t index) {
        Outcome outcome = job(index);
        Flush();
        return outcome;
    };
}

std::optional<std::string> StepCollection::Finish(const std::string& step_file)
{
    spec::g_recording = false;
    std::set<spec::RecordedStep> merged;
    for (spec::RecordedStep& step : spec::take_recorded_steps()) merged.insert(std::move(step));
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder_, error)) {
        std::vector<spec::RecordedStep> steps;
        std::string problem;
        if (!spec::read_step_file(entry.path().string(), steps, problem)) return problem;
        merged.insert(steps.begin(), steps.end());
    }
    if (error) return "cannot list " + folder_ + ": " + error.message();
    fs::remove_all(folder_, error);
    folder_.clear();
    std::string problem;
    if (!spec::write_step_file(step_file, {merged.begin(), merged.end()}, problem)) return problem;
    return std::nullopt;
}

}  // namespace lockstep::conformance
