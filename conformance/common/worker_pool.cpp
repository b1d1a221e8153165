#include "conformance/common/worker_pool.h"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <vector>

namespace lockstep::conformance {

namespace {

using Clock = std::chrono::steady_clock;

// Jobs handed to a worker ahead of time: enough to keep it busy while the
// parent reads results, few enough that the last jobs still spread out.
constexpr size_t kJobsInFlight = 8;
// How much of a worker's stdout/stderr is kept to explain a crash.
constexpr size_t kOutputTail = 2000;

// A result frame, worker to parent: this header, then the message bytes.
struct FrameHeader {
    uint64_t job;
    uint64_t duration_us;
    uint32_t message_size;
    uint8_t status;
};
// Field by field, so that no padding travels through the pipe.
constexpr size_t kHeaderSize = 8 + 8 + 4 + 1;

void EncodeHeader(const FrameHeader& header, char* out)
{
    std::memcpy(out, &header.job, 8);
    std::memcpy(out + 8, &header.duration_us, 8);
    std::memcpy(out + 16, &header.message_size, 4);
    std::memcpy(out + 20, &header.status, 1);
}

FrameHeader DecodeHeader(const char* in)
{
    FrameHeader header;
    std::memcpy(&header.job, in, 8);
    std::memcpy(&header.duration_us, in + 8, 8);
    std::memcpy(&header.message_size, in + 16, 4);
    std::memcpy(&header.status, in + 20, 1);
    return header;
}

bool WriteAll(int fd, const char* data, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

std::string EncodeFrame(uint64_t job, const Outcome& outcome, uint64_t duration_us)
{
    std::string frame(kHeaderSize, '\0');
    EncodeHeader({job, duration_us, static_cast<uint32_t>(outcome.message.size()),
                  static_cast<uint8_t>(outcome.status)},
                 frame.data());
    return frame + outcome.message;
}

// The worker's side: read job numbers until the parent closes the pipe.
[[noreturn]] void WorkerMain(int job_fd, int result_fd, const JobFunction& run_job)
{
    char buffer[kJobsInFlight * sizeof(uint64_t) * 4];
    size_t have = 0;
    for (;;) {
        ssize_t n = read(job_fd, buffer + have, sizeof buffer - have);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) _exit(n == 0 ? 0 : 3);
        have += static_cast<size_t>(n);
        size_t used = 0;
        for (; have - used >= sizeof(uint64_t); used += sizeof(uint64_t)) {
            uint64_t job;
            std::memcpy(&job, buffer + used, sizeof job);
            auto start = Clock::now();
            Outcome outcome = run_job(static_cast<size_t>(job));
            auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
            std::string frame = EncodeFrame(job, outcome, static_cast<uint64_t>(us.count()));
            if (!WriteAll(result_fd, frame.data(), frame.size())) _exit(3);
        }
        std::memmove(buffer, buffer + used, have - used);
        have -= used;
    }
}

struct Worker {
    pid_t pid = -1;
    int job_fd = -1;      // parent writes job numbers
    int result_fd = -1;   // parent reads result frames
    int output_fd = -1;   // parent reads the worker's stdout and stderr
    uint64_t generation = 0;          // tells a respawned worker from its predecessor
    std::deque<size_t> in_flight;     // sent, no result yet; the front one is running
    Clock::time_point front_started;  // when the front job started (as far as we know)
    std::string received;             // result bytes not yet forming a whole frame
    std::string output;               // tail of what the worker printed
};

void CloseFd(int& fd)
{
    if (fd >= 0) close(fd);
    fd = -1;
}

class Pool {
public:
    Pool(size_t job_count, const PoolOptions& options, const JobFunction& run_job,
         const ResultFunction& on_result, const TickFunction& on_tick)
        : options_(options), run_job_(run_job), on_result_(on_result), on_tick_(on_tick)
    {
        for (size_t job = 0; job < job_count; ++job) pending_.push_back(job);
        remaining_ = job_count;
        size_t count = std::min<size_t>(static_cast<size_t>(std::max(1, options.workers)), job_count);
        workers_.resize(count);
    }

    std::optional<std::string> Run()
    {
        while (remaining_ > 0) {
            // (Re)start workers while there is work for them.
            for (Worker& worker : workers_)
                if (worker.pid < 0 && !pending_.empty())
                    if (auto error = Spawn(worker)) return error;
            Dispatch();
            if (auto error = WaitAndCollect()) return error;
            if (on_tick_) on_tick_();
        }
        for (Worker& worker : workers_) Retire(worker);
        return std::nullopt;
    }

    ~Pool()
    {
        // Only reached early when the pool failed: don't leave workers behind.
        for (Worker& worker : workers_) {
            if (worker.pid > 0) kill(worker.pid, SIGKILL);
            Retire(worker);
        }
    }

private:
    std::optional<std::string> Spawn(Worker& worker)
    {
        int jobs[2], results[2], output[2];
        if (pipe(jobs) != 0) return std::string("pipe: ") + std::strerror(errno);
        if (pipe(results) != 0) {
            close(jobs[0]), close(jobs[1]);
            return std::string("pipe: ") + std::strerror(errno);
        }
        if (pipe(output) != 0) {
            close(jobs[0]), close(jobs[1]), close(results[0]), close(results[1]);
            return std::string("pipe: ") + std::strerror(errno);
        }
        std::fflush(nullptr);   // or the child would flush the parent's buffered output again
        pid_t parent = getpid();
        pid_t pid = fork();
        if (pid < 0) {
            std::string error = std::string("fork: ") + std::strerror(errno);
            for (int fd : {jobs[0], jobs[1], results[0], results[1], output[0], output[1]}) close(fd);
            return error;
        }
        if (pid == 0) {
            // A worker stuck in a hanging test must not outlive a killed runner.
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent) _exit(0);
            // Other workers' pipes must close here, or a worker's death would
            // not reach the parent as end-of-file on its result pipe.
            for (Worker& other : workers_) {
                CloseFd(other.job_fd);
                CloseFd(other.result_fd);
                CloseFd(other.output_fd);
            }
            close(jobs[1]), close(results[0]), close(output[0]);
            // A crash is reported, not dumped: thousands of core files help no one.
            rlimit no_core{0, 0};
            setrlimit(RLIMIT_CORE, &no_core);
            dup2(output[1], STDOUT_FILENO);
            dup2(output[1], STDERR_FILENO);
            close(output[1]);
            WorkerMain(jobs[0], results[1], run_job_);
        }
        close(jobs[0]), close(results[1]), close(output[1]);
        worker = Worker{};
        worker.generation = ++spawned_;
        worker.pid = pid;
        worker.job_fd = jobs[1];
        worker.result_fd = results[0];
        worker.output_fd = output[0];
        return std::nullopt;
    }

    void Dispatch()
    {
        for (Worker& worker : workers_) {
            if (worker.pid < 0 || pending_.empty() || worker.in_flight.size() >= kJobsInFlight)
                continue;
            if (worker.in_flight.empty()) worker.front_started = Clock::now();
            std::string ids;
            while (!pending_.empty() && worker.in_flight.size() < kJobsInFlight) {
                uint64_t job = pending_.front();
                pending_.pop_front();
                worker.in_flight.push_back(static_cast<size_t>(job));
                ids.append(reinterpret_cast<const char*>(&job), sizeof job);
            }
            // A worker that died meanwhile fails this write (EPIPE); its end of
            // file on the result pipe then reports the death.
            WriteAll(worker.job_fd, ids.data(), ids.size());
        }
    }

    std::optional<std::string> WaitAndCollect()
    {
        std::vector<pollfd> fds;
        // Whose fd each entry is: a worker replaced during this round may
        // reuse the fd numbers of its predecessor, whose events must be dropped.
        std::vector<std::pair<Worker*, uint64_t>> owners;
        auto now = Clock::now();
        auto wait = std::chrono::milliseconds(100);
        for (Worker& worker : workers_) {
            if (worker.pid < 0) continue;
            fds.push_back({worker.result_fd, POLLIN, 0});
            owners.emplace_back(&worker, worker.generation);
            if (worker.output_fd >= 0) {
                fds.push_back({worker.output_fd, POLLIN, 0});
                owners.emplace_back(&worker, worker.generation);
            }
            if (!worker.in_flight.empty()) {
                auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    worker.front_started + options_.timeout - now);
                wait = std::clamp(left + std::chrono::milliseconds(1), std::chrono::milliseconds(0), wait);
            }
        }
        int ready = poll(fds.data(), fds.size(), static_cast<int>(wait.count()));
        if (ready < 0 && errno != EINTR) return std::string("poll: ") + std::strerror(errno);
        for (size_t i = 0; ready > 0 && i < fds.size(); ++i) {
            if (!fds[i].revents) continue;
            Worker& worker = *owners[i].first;
            if (worker.pid < 0 || worker.generation != owners[i].second) continue;
            if (fds[i].fd == worker.output_fd) {
                ReadOutput(worker);
            } else if (!ReadResults(worker)) {
                WorkerDied(worker);
            }
        }
        now = Clock::now();
        for (Worker& worker : workers_) {
            if (worker.pid < 0 || worker.in_flight.empty()) continue;
            if (now - worker.front_started < options_.timeout) continue;
            kill(worker.pid, SIGKILL);
            auto seconds = std::chrono::duration<double>(options_.timeout).count();
            char message[64];
            std::snprintf(message, sizeof message, "no result after %g s", seconds);
            Replace(worker, Outcome{Status::Timeout, message});
        }
        return std::nullopt;
    }

    void ReadOutput(Worker& worker)
    {
        char buffer[4096];
        ssize_t n = read(worker.output_fd, buffer, sizeof buffer);
        if (n <= 0) {
            if (n == 0 || errno != EINTR) CloseFd(worker.output_fd);
            return;
        }
        worker.output.append(buffer, static_cast<size_t>(n));
        if (worker.output.size() > 2 * kOutputTail)
            worker.output.erase(0, worker.output.size() - kOutputTail);
    }

    // False when the worker has closed its result pipe (it exited or died).
    bool ReadResults(Worker& worker)
    {
        char buffer[65536];
        ssize_t n = read(worker.result_fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) return true;
        if (n <= 0) return false;
        worker.received.append(buffer, static_cast<size_t>(n));
        size_t used = 0;
        while (worker.received.size() - used >= kHeaderSize) {
            const char* frame = worker.received.data() + used;
            FrameHeader header = DecodeHeader(frame);
            if (worker.received.size() - used < kHeaderSize + header.message_size) break;
            Outcome outcome{static_cast<Status>(header.status),
                            std::string(frame + kHeaderSize, header.message_size)};
            used += kHeaderSize + header.message_size;
            // Results come back in the order the jobs were sent.
            worker.in_flight.pop_front();
            worker.front_started = Clock::now();
            worker.output.clear();
            Finish(static_cast<size_t>(header.job), std::move(outcome),
                   std::chrono::microseconds(header.duration_us));
        }
        worker.received.erase(0, used);
        return true;
    }

    void WorkerDied(Worker& worker)
    {
        while (worker.output_fd >= 0) ReadOutput(worker);   // the dead worker's last words
        int status = 0;
        waitpid(worker.pid, &status, 0);
        worker.pid = -1;
        if (worker.in_flight.empty()) {   // died between jobs: nothing lost
            Retire(worker);
            return;
        }
        std::string message;
        if (WIFSIGNALED(status)) {
            message = "signal " + std::to_string(WTERMSIG(status)) + " (" +
                      strsignal(WTERMSIG(status)) + ")";
        } else {
            message = "worker exited with status " + std::to_string(WEXITSTATUS(status));
        }
        std::string output = worker.output;
        while (!output.empty() && (output.back() == '\n' || output.back() == ' ')) output.pop_back();
        if (output.size() > kOutputTail) output.erase(0, output.size() - kOutputTail);
        if (!output.empty()) message += ": " + output;
        Replace(worker, Outcome{Status::Crash, message});
    }

    // Records `outcome` for the job the worker was running and gives its
    // other jobs back to the queue; Run starts a fresh worker in its place.
    void Replace(Worker& worker, Outcome outcome)
    {
        auto elapsed = Clock::now() - worker.front_started;
        size_t job = worker.in_flight.front();
        worker.in_flight.pop_front();
        pending_.insert(pending_.begin(), worker.in_flight.begin(), worker.in_flight.end());
        worker.in_flight.clear();
        Retire(worker);
        Finish(job, std::move(outcome), std::chrono::duration_cast<std::chrono::microseconds>(elapsed));
    }

    // Closes the worker's pipes and reaps it (after closing its job pipe, a
    // live worker exits on its own).
    void Retire(Worker& worker)
    {
        CloseFd(worker.job_fd);
        CloseFd(worker.result_fd);
        CloseFd(worker.output_fd);
        if (worker.pid > 0) {
            int status;
            waitpid(worker.pid, &status, 0);
        }
        worker.pid = -1;
    }

    void Finish(size_t job, Outcome outcome, std::chrono::microseconds duration)
    {
        --remaining_;
        on_result_(job, std::move(outcome), duration);
    }

    const PoolOptions& options_;
    const JobFunction& run_job_;
    const ResultFunction& on_result_;
    const TickFunction& on_tick_;
    std::deque<size_t> pending_;
    size_t remaining_ = 0;
    uint64_t spawned_ = 0;
    std::vector<Worker> workers_;
};

// Writing to a dead worker's pipe must fail with EPIPE, not kill the runner.
class IgnoreSigpipe {
public:
    IgnoreSigpipe() { previous_ = signal(SIGPIPE, SIG_IGN); }
    ~IgnoreSigpipe() { signal(SIGPIPE, previous_); }

private:
    sighandler_t previous_;
};

}  // namespace

std::optional<std::string> RunInWorkers(size_t job_count, const PoolOptions& options,
                                        const JobFunction& run_job, const ResultFunction& on_result,
                                        const TickFunction& on_tick)
{
    if (job_count == 0) return std::nullopt;
    IgnoreSigpipe ignore_sigpipe;
    Pool pool(job_count, options, run_job, on_result, on_tick);
    return pool.Run();
}

}  // namespace lockstep::conformance
