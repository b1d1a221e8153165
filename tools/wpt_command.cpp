// `lockstep wpt FILE|DIR...`: runs web-platform-tests .any.js files (the
// WebAssembly JS API and JSPI suites) with testharness.js, each file in a
// worker process (conformance/common/worker_pool.h), counting subtests.
//
// A subtest's result is recorded as `path [name]`, the name with blanks and
// brackets turned into `_`, so the expectation file (conformance/wpt/
// expectations.txt) lists known failures as the test262 runner's does; a file
// whose harness does not complete adds a `[harness]` failure.
#include "tools/commands.h"

#include "conformance/common/expectations.h"
#include "conformance/common/progress.h"
#include "conformance/common/report.h"
#include "conformance/common/worker_pool.h"
#include "conformance/wpt/runner.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace lockstep::tools {

namespace {

namespace fs = std::filesystem;
using namespace lockstep::conformance;

int usage()
{
    std::fprintf(stderr,
                 "usage: lockstep wpt [--wpt-root DIR] [--harness DIR] [-j N] [--timeout MS] [--gc-stress]\n"
                 "                    [--expectations FILE [--update-expectations]] [--summary-file FILE]\n"
                 "                    [--json FILE] [--junit FILE] FILE|DIR...\n");
    return 2;
}

// A subtest name as an expectation-file scenario (no blanks, brackets or '#').
std::string ScenarioName(const std::string& name)
{
    std::string s = name;
    for (char& c : s)
        if (std::isspace(static_cast<unsigned char>(c)) || c == '[' || c == ']' || c == '#') c = '_';
    return s.empty() ? "_" : s;
}

// The path of `p` relative to `root` ('/'-separated), or p itself outside it.
std::string Relative(const fs::path& p, const fs::path& root)
{
    std::error_code ec;
    fs::path relative = fs::relative(fs::weakly_canonical(p, ec), fs::weakly_canonical(root, ec), ec);
    std::string s = (ec || relative.empty() || *relative.begin() == "..") ? p.generic_string() : relative.generic_string();
    return s == "." ? "" : s;
}

}  // namespace

int wpt_command(int argc, char** argv)
{
    std::string wpt_root = "../shared/wasm", harness_dir, expectations_file, summary_file, json_file, junit_file;
    bool update = false;
    PoolOptions pool;
    pool.workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    pool.timeout = std::chrono::milliseconds(30'000);
    wpt::RunOptions run_options;
    std::vector<std::string> args;
    for (int i = 0; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        std::string number;
        if (arg == "--wpt-root") { if (!value(wpt_root)) return usage(); }
        else if (arg == "--harness") { if (!value(harness_dir)) return usage(); }
        else if (arg == "--expectations") { if (!value(expectations_file)) return usage(); }
        else if (arg == "--summary-file") { if (!value(summary_file)) return usage(); }
        else if (arg == "--json") { if (!value(json_file)) return usage(); }
        else if (arg == "--junit") { if (!value(junit_file)) return usage(); }
        else if (arg == "-j") { if (!value(number)) return usage(); pool.workers = std::max(1, std::atoi(number.c_str())); }
        else if (arg == "--timeout") { if (!value(number)) return usage(); pool.timeout = std::chrono::milliseconds(std::atoi(number.c_str())); }
        else if (arg == "--gc-stress") run_options.gc_stress = true;
        else if (arg == "--update-expectations") update = true;
        else if (!arg.empty() && arg[0] == '-') return usage();
        else args.push_back(arg);
    }
    if (args.empty()) return usage();
    run_options.harness_dir = harness_dir.empty() ? wpt_root + "/harness" : harness_dir;

    // 1. The test files under the PATHs, in order.
    std::vector<wpt::WptFile> files;
    std::vector<std::string> roots;
    for (const std::string& arg : args) {
        roots.push_back(Relative(arg, wpt_root));
        std::error_code ec;
        std::vector<fs::path> found;
        if (fs::is_directory(arg, ec)) {
            for (const auto& e : fs::recursive_directory_iterator(arg, ec)) {
                const std::string name = e.path().filename().string();
                if (e.is_regular_file() && name.size() > 7 && name.compare(name.size() - 7, 7, ".any.js") == 0)
                    found.push_back(e.path());
            }
            std::sort(found.begin(), found.end());
        } else if (fs::is_regular_file(arg, ec)) {
            found.push_back(arg);
        } else {
            std::fprintf(stderr, "lockstep wpt: no such file or directory: %s\n", arg.c_str());
            return 2;
        }
        for (const fs::path& p : found) files.push_back(wpt::PrepareFile(p.string(), Relative(p, wpt_root), wpt_root));
    }

    // 2-3. Each file in a worker; its subtests come back as one message.
    std::vector<std::vector<TestResult>> per_file(files.size());
    Progress progress(files.size(), isatty(STDERR_FILENO));
    auto run_job = [&](size_t job) -> Outcome {
        wpt::FileRun run = wpt::RunFile(files[job], run_options);
        return {Status::Pass, wpt::Serialize(run)};
    };
    auto on_result = [&](size_t job, Outcome outcome, std::chrono::microseconds duration) {
        const wpt::WptFile& file = files[job];
        std::vector<TestResult>& results = per_file[job];
        const double ms = duration.count() / 1000.0;
        if (outcome.status != Status::Pass) {  // the worker crashed or timed out
            results.push_back(TestResult{file.path, "harness", outcome.status, outcome.message, ms});
            progress.Count(outcome.status);
            return;
        }
        wpt::FileRun run = wpt::Deserialize(outcome.message);
        for (const wpt::SubtestResult& r : run.subtests) {
            Status status = Status::Pass;
            std::string message = r.message;
            switch (r.status) {
            case wpt::SubtestStatus::Pass: break;
            case wpt::SubtestStatus::PreconditionFailed: status = Status::Skip; message = "precondition failed: " + message; break;
            case wpt::SubtestStatus::Timeout: status = Status::Timeout; break;
            case wpt::SubtestStatus::NotRun: status = Status::Fail; message = "not run"; break;
            case wpt::SubtestStatus::Fail: status = Status::Fail; break;
            }
            results.push_back(TestResult{file.path, ScenarioName(r.name), status, message, ms / std::max<size_t>(1, run.subtests.size())});
        }
        if (!run.completed || !run.harness_error.empty())
            results.push_back(TestResult{file.path, "harness", Status::Fail,
                                         run.harness_error.empty() ? "the harness did not complete" : run.harness_error, 0});
        progress.Count(results.empty() || std::all_of(results.begin(), results.end(), [](const TestResult& r) { return !IsFailure(r.status); })
                           ? Status::Pass : Status::Fail);
    };
    if (auto error = RunInWorkers(files.size(), pool, run_job, on_result, [&] { progress.Draw(); })) {
        std::fprintf(stderr, "lockstep wpt: %s\n", error->c_str());
        return 2;
    }
    progress.Finish();
    std::vector<TestResult> results;
    for (auto& r : per_file) results.insert(results.end(), r.begin(), r.end());

    // 4. Judge against the expectation file and report.
    ExpectationFile expectations;
    if (!expectations_file.empty()) {
        std::ifstream in(expectations_file);
        std::ostringstream text;
        if (in) text << in.rdbuf();
        else if (!update) {
            std::fprintf(stderr, "lockstep wpt: cannot read %s\n", expectations_file.c_str());
            return 2;
        }
        auto parsed = ParseExpectations(text.str(), expectations_file);
        if (auto* error = std::get_if<std::string>(&parsed)) {
            std::fprintf(stderr, "lockstep wpt: %s\n", error->c_str());
            return 2;
        }
        expectations = std::get<ExpectationFile>(parsed);
    }
    Verdict verdict = Judge(expectations, results, roots);
    Counts counts = CountResults(results);
    counts.known_failures = verdict.expected_failures;
    for (const TestResult* r : verdict.unexpected_failures) {
        std::string status = r->status == Status::Fail ? "" : std::string(StatusName(r->status)) + ": ";
        std::printf("%s: %s%s\n", DisplayName(*r).c_str(), status.c_str(), r->message.c_str());
    }
    if (!expectations_file.empty() && !update) {
        for (const TestResult* r : verdict.unexpected_passes)
            std::printf("%s: passes, but %s lists it as failing\n", DisplayName(*r).c_str(), expectations_file.c_str());
        for (const ExpectationEntry* e : verdict.stale_entries)
            std::printf("%s:%d: %s [%s] matches no subtest of this run\n", expectations_file.c_str(), e->line,
                        e->path.c_str(), e->scenario.c_str());
        std::printf("%zu expected failures (%s), %zu unexpected failures, %zu unexpected passes, %zu stale entries\n",
                    verdict.expected_failures, expectations_file.c_str(), verdict.unexpected_failures.size(),
                    verdict.unexpected_passes.size(), verdict.stale_entries.size());
    }
    std::printf("%s\n", ClosingLine(counts).c_str());

    // 5. The files asked for.
    auto write = [](std::optional<std::string> error) {
        if (error) std::fprintf(stderr, "lockstep wpt: %s\n", error->c_str());
        return !error;
    };
    if (update) {
        std::ofstream out(expectations_file, std::ios::binary);
        out << UpdatedExpectations(expectations, results, roots);
        if (!out) return write("cannot write " + expectations_file) ? 0 : 2;
        std::fprintf(stderr, "lockstep wpt: updated %s\n", expectations_file.c_str());
    }
    if (!summary_file.empty() && !write(WriteSummaryFile(summary_file, counts))) return 2;
    if (!json_file.empty() && !write(WriteJson(json_file, results))) return 2;
    if (!junit_file.empty() && !write(WriteJunit(junit_file, "wpt", results))) return 2;
    if (update) return 0;
    return (expectations_file.empty() ? counts.failed == 0 : verdict.ok()) ? 0 : 1;
}

}  // namespace lockstep::tools
