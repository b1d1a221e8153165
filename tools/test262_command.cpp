// lockstep test262: run test262 tests (conformance/test262/runner.h).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

#include "conformance/test262/parse_phase.h"
#include "conformance/test262/run_phase.h"
#include "conformance/test262/runner.h"
#include "tools/commands.h"

namespace lockstep::tools {

namespace {

namespace fs = std::filesystem;
using conformance::test262::Test262Options;

constexpr const char* kUsage =
    "usage: lockstep test262 [--test262 DIR] [-j N] [--parse-only | --gc-stress] [--json FILE] [--junit FILE]\n"
    "                        [--expectations FILE [--update-expectations]] [--exclude-features a,b]\n"
    "                        [--summary-file FILE] [--timeout SECONDS] [--unsupported-features FILE]\n"
    "                        [--step-coverage STEPFILE] PATH...\n"
    "PATH is a test file or folder under DIR/test (DIR defaults to ../shared/test262).\n"
    "Without --parse-only, every scenario runs in a fresh realm (the run phase); the\n"
    "time limit per scenario (--timeout) defaults to 10 s; --gc-stress collects garbage\n"
    "before every allocation. --step-coverage records the spec steps the tests execute\n"
    "into STEPFILE, for `lockstep spec coverage STEPFILE [--html OUT.html]`.\n";

// The skip list lives in the source tree; find it from the executable
// (build/lockstep, build/tests/...) upwards, else from the working directory.
std::string DefaultUnsupportedFeaturesFile()
{
    const fs::path relative = "conformance/test262/unsupported_features.txt";
    std::error_code error;
    fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error)
        for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path())
            if (fs::exists(dir / relative, error)) return (dir / relative).string();
    return relative.string();
}

std::vector<std::string> SplitCommas(const std::string& text)
{
    std::vector<std::string> items;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        if (comma > start) items.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return items;
}

int Usage(const char* problem)
{
    std::fprintf(stderr, "lockstep test262: %s\n%s", problem, kUsage);
    return 2;
}

}  // namespace

int test262_command(int argc, char** argv)
{
    Test262Options options;
    options.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    options.progress = isatty(STDERR_FILENO);
    bool parse_only = false;
    conformance::test262::RunPhaseOptions run_options;
    for (int i = 0; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= argc) return false;
            into = argv[++i];
            return true;
        };
        std::string text;
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (arg == "--parse-only") {
            parse_only = true;
        } else if (arg == "--gc-stress") {
            run_options.gc_stress = true;
        } else if (arg == "--update-expectations") {
            options.update_expectations = true;
        } else if (arg == "--test262") {
            if (!value(options.test262_dir)) return Usage("--test262 needs a folder");
        } else if (arg.rfind("-j", 0) == 0) {   // -j N or -jN
            if (arg != "-j") text = arg.substr(2);
            else if (!value(text)) return Usage("-j needs a number");
            char* end;
            long jobs = std::strtol(text.c_str(), &end, 10);
            if (*end || jobs < 1 || jobs > 1024) return Usage("-j needs a number from 1 to 1024");
            options.jobs = static_cast<int>(jobs);
        } else if (arg == "--timeout") {
            if (!value(text)) return Usage("--timeout needs a number of seconds");
            char* end;
            double seconds = std::strtod(text.c_str(), &end);
            if (*end || !(seconds > 0) || seconds > 86400) return Usage("--timeout needs a number of seconds");
            options.timeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
        } else if (arg == "--json") {
            if (!value(options.json_file)) return Usage("--json needs a file");
        } else if (arg == "--junit") {
            if (!value(options.junit_file)) return Usage("--junit needs a file");
        } else if (arg == "--expectations") {
            if (!value(options.expectations_file)) return Usage("--expectations needs a file");
        } else if (arg == "--step-coverage") {
            if (!value(options.step_coverage_file)) return Usage("--step-coverage needs a file");
        } else if (arg == "--summary-file") {
            if (!value(options.summary_file)) return Usage("--summary-file needs a file");
        } else if (arg == "--unsupported-features") {
            if (!value(options.unsupported_features_file)) return Usage("--unsupported-features needs a file");
        } else if (arg == "--exclude-features") {
            if (!value(text)) return Usage("--exclude-features needs a list a,b,...");
            for (std::string& feature : SplitCommas(text)) options.exclude_features.push_back(std::move(feature));
        } else if (arg.size() > 1 && arg[0] == '-') {
            return Usage(("unknown option " + arg).c_str());
        } else {
            options.paths.push_back(arg);
        }
    }
    if (options.paths.empty()) return Usage("no PATH given");
    if (options.unsupported_features_file.empty())
        options.unsupported_features_file = DefaultUnsupportedFeaturesFile();
    if (parse_only)
        return conformance::test262::RunTest262(options, conformance::test262::RunParsePhase, stdout, stderr);
    conformance::test262::RunPhase run_phase(options.test262_dir, run_options);
    return conformance::test262::RunTest262(options, run_phase.AsPhase(), stdout, stderr);
}

}  // namespace lockstep::tools
