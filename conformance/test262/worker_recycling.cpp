#include "conformance/test262/worker_recycling.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

namespace lockstep::conformance {

namespace {

bool WriteAll(int fd, const void* data, size_t size)
{
    auto* bytes = static_cast<const char*>(data);
    while (size > 0) {
        ssize_t n = write(fd, bytes, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

// False at end of file or on an error before `size` bytes arrived.
bool ReadAll(int fd, void* data, size_t size)
{
    auto* bytes = static_cast<char*>(data);
    while (size > 0) {
        ssize_t n = read(fd, bytes, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

// An outcome from child to worker: status, retiring, message size, message.
struct Header {
    uint8_t status;
    uint8_t retiring;   // the child exits after this outcome
    uint32_t message_size;
};

// The child process the worker relays jobs to; pid -1 when there is none.
struct Child {
    pid_t pid = -1;
    int job_fd = -1;       // worker writes job numbers
    int outcome_fd = -1;   // worker reads outcomes
};

void Close(int& fd)
{
    if (fd >= 0) close(fd);
    fd = -1;
}

[[noreturn]] void ChildMain(int job_fd, int outcome_fd, const JobFunction& run_job, RecycleLimits limits)
{
    for (size_t done = 1;; ++done) {
        uint64_t job;
        if (!ReadAll(job_fd, &job, sizeof job)) _exit(0);   // the worker is gone
        Outcome outcome = run_job(static_cast<size_t>(job));
        bool retiring = done >= limits.jobs || ResidentBytes() > limits.resident_bytes;
        Header header{static_cast<uint8_t>(outcome.status), retiring,
                      static_cast<uint32_t>(outcome.message.size())};
        std::fflush(nullptr);
        if (!WriteAll(outcome_fd, &header, sizeof header) ||
            !WriteAll(outcome_fd, outcome.message.data(), outcome.message.size()))
            _exit(3);
        if (retiring) _exit(0);
    }
}

std::optional<std::string> Start(Child& child, const JobFunction& run_job, RecycleLimits limits)
{
    int jobs[2], outcomes[2];
    if (pipe2(jobs, O_CLOEXEC) != 0) return std::string("pipe: ") + std::strerror(errno);
    if (pipe2(outcomes, O_CLOEXEC) != 0) {
        close(jobs[0]), close(jobs[1]);
        return std::string("pipe: ") + std::strerror(errno);
    }
    std::fflush(nullptr);
    pid_t worker = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        std::string error = std::string("fork: ") + std::strerror(errno);
        for (int fd : {jobs[0], jobs[1], outcomes[0], outcomes[1]}) close(fd);
        return error;
    }
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != worker) _exit(0);
        close(jobs[1]), close(outcomes[0]);
        ChildMain(jobs[0], outcomes[1], run_job, limits);
    }
    close(jobs[0]), close(outcomes[1]);
    child = Child{pid, jobs[1], outcomes[0]};
    return std::nullopt;
}

void Retire(Child& child)
{
    Close(child.job_fd);
    Close(child.outcome_fd);
    if (child.pid > 0) waitpid(child.pid, nullptr, 0);
    child.pid = -1;
}

// The child died in a job: die the same way, for the pool to report.
[[noreturn]] void DieLike(Child& child)
{
    int status = 0;
    waitpid(child.pid, &status, 0);
    std::fflush(nullptr);
    if (WIFSIGNALED(status)) {
        int signal_number = WTERMSIG(status);
        signal(signal_number, SIG_DFL);
        raise(signal_number);
    }
    _exit(WIFEXITED(status) && WEXITSTATUS(status) != 0 ? WEXITSTATUS(status) : 3);
}

}  // namespace

size_t ResidentBytes()
{
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    if (!statm) return 0;
    unsigned long size = 0, resident = 0;
    int fields = std::fscanf(statm, "%lu %lu", &size, &resident);
    std::fclose(statm);
    return fields == 2 ? resident * static_cast<size_t>(sysconf(_SC_PAGESIZE)) : 0;
}

JobFunction RecyclingJobs(JobFunction run_job, RecycleLimits limits)
{
    // Each worker has its own copy (it is forked after this is made); the
    // parent, which never runs a job, never starts a child.
    auto child = std::make_shared<Child>();
    return [run_job = std::move(run_job), limits, child](size_t job) -> Outcome {
        if (child->pid < 0)
            if (auto error = Start(*child, run_job, limits)) return {Status::Crash, *error};
        uint64_t number = job;
        Header header;
        if (!WriteAll(child->job_fd, &number, sizeof number) ||
            !ReadAll(child->outcome_fd, &header, sizeof header))
            DieLike(*child);
        Outcome outcome{static_cast<Status>(header.status), std::string(header.message_size, '\0')};
        if (!ReadAll(child->outcome_fd, outcome.message.data(), outcome.message.size())) DieLike(*child);
        if (header.retiring) Retire(*child);
        return outcome;
    };
}

}  // namespace lockstep::conformance
