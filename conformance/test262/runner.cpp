#include "conformance/test262/runner.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "conformance/common/expectations.h"
#include "conformance/common/progress.h"
#include "conformance/common/report.h"
#include "conformance/common/step_collection.h"
#include "conformance/common/worker_pool.h"
#include "conformance/test262/unsupported_features.h"

namespace lockstep::conformance::test262 {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> ReadFile(const std::string& file, std::string& contents)
{
    int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return "cannot read " + file + ": " + std::strerror(errno);
    struct stat info;
    if (fstat(fd, &info) == 0) contents.reserve(static_cast<size_t>(info.st_size));
    char buffer[65536];
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            std::string error = "cannot read " + file + ": " + std::strerror(errno);
            close(fd);
            return error;
        }
        if (n == 0) break;
        contents.append(buffer, static_cast<size_t>(n));
    }
    close(fd);
    return std::nullopt;
}

// "language/expressions/" and "./language//expressions" name the same folder.
std::string NormalizePath(const std::string& path)
{
    std::string normal = fs::path(path).lexically_normal().generic_string();
    while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
    return normal == "." ? "" : normal;
}

// Reads and parses every test, on `threads` threads (before any fork).
std::optional<std::string> LoadTests(const std::string& test_root, std::vector<Test262Test>& tests,
                                     int threads)
{
    std::atomic<size_t> next{0};
    std::vector<std::optional<std::string>> errors(static_cast<size_t>(std::max(1, threads)));
    auto load = [&](size_t worker) {
        for (size_t i; (i = next++) < tests.size();) {
            Test262Test& test = tests[i];
            if (auto error = ReadFile(test_root + "/" + test.path, test.source)) {
                errors[worker] = error;
                return;
            }
            auto parsed = ParseFrontMatter(test.source);
            if (auto* error = std::get_if<FrontMatterError>(&parsed)) test.front_matter_error = *error;
            else test.front_matter = std::move(std::get<FrontMatter>(parsed));
        }
    };
    std::vector<std::thread> pool;
    for (size_t worker = 1; worker < errors.size(); ++worker) pool.emplace_back(load, worker);
    load(0);
    for (std::thread& thread : pool) thread.join();
    for (auto& error : errors)
        if (error) return error;
    return std::nullopt;
}

std::optional<std::string> WriteText(const std::string& file, const std::string& text)
{
    std::ofstream out(file);
    out << text;
    if (!out.flush()) return "cannot write " + file + ": " + std::strerror(errno);
    return std::nullopt;
}

// Continuation lines of a message, indented under its first line.
std::string Indented(const std::string& message)
{
    std::string text;
    for (char c : message) {
        text += c;
        if (c == '\n') text += "    ";
    }
    return text;
}

// One scenario that a worker runs.
struct Job {
    size_t test;
    Scenario scenario;
    size_t result;   // index into the results
};

std::optional<std::string> LoadUnsupportedFeatures(const Test262Options& options, UnsupportedFeatures& unsupported)
{
    std::string text;
    if (auto error = ReadFile(options.unsupported_features_file, text)) return error;
    auto parsed = ParseUnsupportedFeatures(text, options.unsupported_features_file);
    if (auto* error = std::get_if<std::string>(&parsed)) return *error;
    unsupported = std::move(std::get<UnsupportedFeatures>(parsed));
    for (const std::string& feature : options.exclude_features)
        unsupported.reasons.emplace(feature, "excluded by --exclude-features");
    return std::nullopt;
}

// No --expectations: no known failures. --update-expectations may create the file.
std::optional<std::string> LoadExpectations(const Test262Options& options, ExpectationFile& expectations)
{
    if (options.expectations_file.empty()) {
        if (options.update_expectations) return "--update-expectations needs --expectations FILE";
        return std::nullopt;
    }
    std::string text;
    if (fs::exists(options.expectations_file) || !options.update_expectations)
        if (auto error = ReadFile(options.expectations_file, text)) return error;
    auto parsed = ParseExpectations(text, options.expectations_file);
    if (auto* error = std::get_if<std::string>(&parsed)) return *error;
    expectations = std::move(std::get<ExpectationFile>(parsed));
    return std::nullopt;
}

// The run's roots (its PATHs, relative to DIR/test) and the tests under them.
std::optional<std::string> CollectTests(const Test262Options& options, const std::string& test_root,
                                        std::vector<std::string>& roots, std::vector<Test262Test>& tests)
{
    std::vector<std::string> paths;
    for (const std::string& path : options.paths) {
        // An absolute PATH must lie under DIR/test; a relative one is relative to it.
        fs::path relative = path;
        if (relative.is_absolute()) relative = relative.lexically_relative(fs::absolute(test_root).lexically_normal());
        if (relative.empty() || *relative.begin() == "..") return path + " does not lie under " + test_root;
        roots.push_back(NormalizePath(relative.string()));
        if (auto error = FindTests(test_root, roots.back(), paths)) return error;
    }
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    tests.resize(paths.size());
    for (size_t i = 0; i < paths.size(); ++i) tests[i].path = std::move(paths[i]);
    return std::nullopt;
}

// One result per scenario, in test order. Skips and front-matter errors are
// decided here; the other scenarios become jobs that fill their result in.
struct Plan {
    std::vector<TestResult> results;
    std::vector<Job> jobs;
    std::map<std::string, size_t> skips_by_feature;
    std::map<std::string, size_t> skips_by_host_reason;
};

Plan PlanScenarios(const std::vector<Test262Test>& tests, const UnsupportedFeatures& unsupported,
                   const Phase& phase)
{
    Plan plan;
    for (size_t i = 0; i < tests.size(); ++i) {
        const Test262Test& test = tests[i];
        if (test.front_matter_error) {
            plan.results.push_back({test.path, "", Status::Fail,
                                    "front matter, line " + std::to_string(test.front_matter_error->line) +
                                        ": " + test.front_matter_error->message,
                                    0});
            continue;
        }
        const std::string* skipped = unsupported.FirstUnsupported(test.front_matter.features);
        for (Scenario scenario : ScenariosFor(test.front_matter.flags)) {
            TestResult result{test.path, std::string(ScenarioName(scenario)), Status::Skip, "", 0};
            std::optional<std::string> host_reason;
            if (!skipped && phase.host_skip) host_reason = phase.host_skip(test, scenario);
            if (skipped) {
                result.message = "feature " + *skipped + ": " + unsupported.reasons.find(*skipped)->second;
                ++plan.skips_by_feature[*skipped];
            } else if (host_reason) {
                result.message = *host_reason;
                ++plan.skips_by_host_reason[*host_reason];
            } else {
                plan.jobs.push_back({i, scenario, plan.results.size()});
            }
            plan.results.push_back(std::move(result));
        }
    }
    return plan;
}

// What was unexpected, the skips per feature, then the closing line.
void PrintReport(std::FILE* out, const Test262Options& options, const Verdict& verdict, const Plan& plan,
                 const UnsupportedFeatures& unsupported, const Counts& counts)
{
    const char* file = options.expectations_file.c_str();
    for (const TestResult* result : verdict.unexpected_failures) {
        std::string status = result->status == Status::Fail ? "" : std::string(StatusName(result->status)) + ": ";
        std::fprintf(out, "%s: %s%s\n", DisplayName(*result).c_str(), status.c_str(),
                     Indented(result->message).c_str());
    }
    for (const TestResult* result : verdict.unexpected_passes)
        std::fprintf(out, "%s: passes, but %s lists it as failing\n", DisplayName(*result).c_str(), file);
    for (const ExpectationEntry* entry : verdict.stale_entries) {
        std::string scenario = entry->scenario.empty() ? "" : " [" + entry->scenario + "]";
        std::fprintf(out, "%s:%d: %s%s matches no test of this run\n", file, entry->line, entry->path.c_str(),
                     scenario.c_str());
    }
    for (const auto& [feature, count] : plan.skips_by_feature)
        std::fprintf(out, "skipped %zu for %s (%s)\n", count, feature.c_str(),
                     unsupported.reasons.find(feature)->second.c_str());
    for (const auto& [reason, count] : plan.skips_by_host_reason)
        std::fprintf(out, "skipped %zu, host capability: %s\n", count, reason.c_str());
    if (!options.expectations_file.empty())
        std::fprintf(out, "%zu expected failures (%s), %zu unexpected failures, %zu unexpected passes, %zu stale entries\n",
                     verdict.expected_failures, file, verdict.unexpected_failures.size(),
                     verdict.unexpected_passes.size(), verdict.stale_entries.size());
    std::fprintf(out, "%s\n", ClosingLine(counts).c_str());
    std::fflush(out);
}

std::optional<std::string> WriteReports(const Test262Options& options, const std::vector<TestResult>& results,
                                        const Counts& counts)
{
    if (!options.summary_file.empty())
        if (auto error = WriteSummaryFile(options.summary_file, counts)) return error;
    if (!options.json_file.empty())
        if (auto error = WriteJson(options.json_file, results)) return error;
    if (!options.junit_file.empty())
        if (auto error = WriteJunit(options.junit_file, "test262", results)) return error;
    return std::nullopt;
}

}  // namespace

std::optional<std::string> FindTests(const std::string& test_root, const std::string& path,
                                     std::vector<std::string>& found)
{
    fs::path full = fs::path(test_root) / path;
    std::error_code error;
    auto is_test = [](const fs::path& file) {
        return file.extension() == ".js" && file.filename().string().find("_FIXTURE") == std::string::npos;
    };
    if (fs::is_regular_file(full, error)) {
        if (!is_test(full)) return path + " is not a test (not a .js file, or a _FIXTURE)";
        found.push_back(NormalizePath(path));
        return std::nullopt;
    }
    if (!fs::is_directory(full, error)) return "no such test file or folder: " + full.string();
    size_t first = found.size();
    for (fs::recursive_directory_iterator it(full, error), end; !error && it != end; it.increment(error)) {
        if (it->is_regular_file(error) && is_test(it->path()))
            found.push_back(it->path().lexically_relative(test_root).generic_string());
    }
    if (error) return "cannot list " + full.string() + ": " + error.message();
    std::sort(found.begin() + static_cast<std::ptrdiff_t>(first), found.end());
    return std::nullopt;
}

int RunTest262(const Test262Options& options, const Executor& executor, std::FILE* out, std::FILE* err)
{
    Phase phase;
    phase.run = executor;
    return RunTest262(options, phase, out, err);
}

int RunTest262(const Test262Options& options, const Phase& phase, std::FILE* out, std::FILE* err)
{
    auto fail = [&](const std::string& message) {
        std::fprintf(err, "lockstep test262: %s\n", message.c_str());
        return 2;
    };
    UnsupportedFeatures unsupported;
    if (auto error = LoadUnsupportedFeatures(options, unsupported)) return fail(*error);
    ExpectationFile expectations;
    if (auto error = LoadExpectations(options, expectations)) return fail(*error);
    std::string test_root = options.test262_dir + "/test";
    std::vector<std::string> roots;
    std::vector<Test262Test> tests;
    if (auto error = CollectTests(options, test_root, roots, tests)) return fail(*error);
    int readers = std::min(options.jobs, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    if (auto error = LoadTests(test_root, tests, readers)) return fail(*error);

    if (phase.prepare)
        if (auto error = phase.prepare(tests)) return fail(*error);

    Plan plan = PlanScenarios(tests, unsupported, phase);
    std::vector<TestResult>& results = plan.results;
    Progress progress(results.size(), options.progress);
    std::vector<bool> runs(results.size(), false);
    for (const Job& job : plan.jobs) runs[job.result] = true;
    for (size_t i = 0; i < results.size(); ++i)
        if (!runs[i]) progress.Count(results[i].status);   // decided already: skips, bad front matter
    JobFunction run_job = [&](size_t job) { return phase.run(tests[plan.jobs[job].test], plan.jobs[job].scenario); };
    StepCollection steps;
    if (!options.step_coverage_file.empty()) {
        if (auto error = steps.Start()) return fail(*error);
        run_job = steps.Wrap(std::move(run_job));
    }
    if (phase.recycle) run_job = RecyclingJobs(std::move(run_job), *phase.recycle);
    auto pool_error = RunInWorkers(
        plan.jobs.size(), PoolOptions{std::max(1, options.jobs), options.timeout}, run_job,
        [&](size_t job, Outcome outcome, std::chrono::microseconds duration) {
            TestResult& result = results[plan.jobs[job].result];
            result.status = outcome.status;
            result.message = std::move(outcome.message);
            result.duration_ms = static_cast<double>(duration.count()) / 1000;
            progress.Count(result.status);
        },
        [&] { progress.Draw(); });
    progress.Finish();
    if (pool_error) return fail(*pool_error);
    if (!options.step_coverage_file.empty())
        if (auto error = steps.Finish(options.step_coverage_file)) return fail(*error);

    Verdict verdict = Judge(expectations, results, roots);
    Counts counts = CountResults(results);
    counts.known_failures = verdict.expected_failures;
    PrintReport(out, options, verdict, plan, unsupported, counts);
    if (auto error = WriteReports(options, results, counts)) return fail(*error);
    if (options.update_expectations) {
        if (auto error = WriteText(options.expectations_file, UpdatedExpectations(expectations, results, roots)))
            return fail(*error);
        std::fprintf(err, "lockstep test262: updated %s\n", options.expectations_file.c_str());
        return 0;
    }
    return verdict.ok() ? 0 : 1;
}

}  // namespace lockstep::conformance::test262
