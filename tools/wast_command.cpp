// `lockstep wast FILE|DIR...`: runs WebAssembly .wast scripts (DESIGN.md §7).
//
// One line per failing assertion (`file:line: expected …, got …`), then the
// closing `N passed, N failed, N skipped`. With --expectations, failures
// listed there (as `path:line`, matched as a suffix of the reported place)
// are known gaps: they are still counted, but only unexpected failures (and
// listed ones that now pass) make the exit status non-zero.
#include "tools/commands.h"

#include "conformance/common/report.h"
#include "conformance/common/step_collection.h"
#include "conformance/wast/runner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace lockstep::tools {

namespace {

int usage()
{
    std::fprintf(stderr,
                 "usage: lockstep wast [-v] [--lenient-messages] [--expectations FILE] [--summary-file FILE]\n"
                 "                     [--junit FILE] [--step-coverage STEPFILE] FILE|DIR...\n"
                 "  --junit FILE              JUnit XML: one testcase per script, failing with its failed assertions\n"
                 "  --step-coverage STEPFILE  the spec steps and Wasm rules the scripts executed, for\n"
                 "                            `lockstep spec coverage STEPFILE [--html OUT.html]`\n");
    return 2;
}

bool ends_with(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A script's name in reports: relative to the folder above the DIR it was
// found in, or to the folder above its own ("core/simd/simd_lane.wast").
std::string report_name(const std::filesystem::path& file, const std::filesystem::path& dir)
{
    std::filesystem::path base = dir.lexically_normal();
    if (!base.has_filename()) base = base.parent_path();  // "core/" → "core"
    return file.lexically_normal().lexically_relative(base.parent_path()).generic_string();
}


}  // namespace

int wast_command(int argc, char** argv)
{
    namespace fs = std::filesystem;
    conformance::wast::Options options;
    std::vector<std::string> files;
    std::vector<std::string> names;  // as reported in JUnit
    std::string expectations_file, summary_file, junit_file, step_coverage_file;
    for (int i = 0; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "-v" || arg == "--verbose") {
            options.verbose = true;
        } else if (arg == "--lenient-messages") {
            options.lenient_messages = true;
        } else if (arg == "--expectations" || arg == "--summary-file" || arg == "--junit" ||
                   arg == "--step-coverage") {
            if (i + 1 >= argc) return usage();
            (arg == "--expectations" ? expectations_file
             : arg == "--summary-file" ? summary_file
             : arg == "--junit"        ? junit_file
                                       : step_coverage_file) = argv[++i];
        } else if (!arg.empty() && arg[0] == '-') {
            return usage();
        } else {
            std::error_code ec;
            if (fs::is_directory(arg, ec)) {
                std::vector<std::string> found;
                for (const auto& e : fs::recursive_directory_iterator(arg, ec))
                    if (e.is_regular_file() && e.path().extension() == ".wast") found.push_back(e.path().string());
                std::sort(found.begin(), found.end());
                files.insert(files.end(), found.begin(), found.end());
                for (const std::string& f : found) names.push_back(report_name(f, arg));
            } else {
                files.push_back(arg);
                names.push_back(report_name(arg, fs::path(arg).lexically_normal().parent_path()));
            }
        }
    }
    if (files.empty()) return usage();

    std::vector<std::string> expected;  // known failures, `path:line`
    if (!expectations_file.empty()) {
        std::ifstream in(expectations_file);
        if (!in) {
            std::fprintf(stderr, "lockstep wast: cannot read %s\n", expectations_file.c_str());
            return 2;
        }
        for (std::string line; std::getline(in, line);) {
            line.erase(std::find(line.begin(), line.end(), '#'), line.end());
            while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
            if (!line.empty()) expected.push_back(line);
        }
    }
    std::set<std::string> seen_expected;

    conformance::StepCollection steps;
    if (!step_coverage_file.empty())
        if (auto error = steps.Start()) {
            std::fprintf(stderr, "lockstep wast: %s\n", error->c_str());
            return 2;
        }
    std::vector<conformance::TestResult> junit;
    conformance::Counts total;
    size_t unexpected = 0;
    for (size_t file_index = 0; file_index < files.size(); ++file_index) {
        const std::string& f = files[file_index];
        const auto start = std::chrono::steady_clock::now();
        const auto r = conformance::wast::run_wast_file(f, options, stdout);
        const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
        std::vector<uint32_t> known_lines;  // of this file's known failures
        total.passed += r.counts.passed;
        total.failed += r.counts.failed;
        total.skipped += r.counts.skipped;
        for (const auto& failure : r.failures) {
            const std::string place = f + ":" + std::to_string(failure.line);
            auto known = std::find_if(expected.begin(), expected.end(), [&](const std::string& e) { return ends_with(place, e); });
            if (known != expected.end()) {
                seen_expected.insert(*known);
                known_lines.push_back(failure.line);
                ++total.known_failures;  // the summary file's 4th column: not counted as failing by `make test`
                if (options.verbose) std::printf("%s: (known) %s\n", place.c_str(), failure.message.c_str());
                continue;
            }
            ++unexpected;
            std::printf("%s: %s\n", place.c_str(), failure.message.c_str());
        }
        if (!junit_file.empty()) junit.push_back(conformance::wast::junit_result(names[file_index], r, known_lines, took.count()));
    }
    if (!step_coverage_file.empty())
        if (auto error = steps.Finish(step_coverage_file)) {
            std::fprintf(stderr, "lockstep wast: %s\n", error->c_str());
            return 2;
        }
    if (!junit_file.empty())
        if (auto error = conformance::WriteJunit(junit_file, "wast", junit)) {
            std::fprintf(stderr, "lockstep wast: %s\n", error->c_str());
            return 2;
        }
    if (!expected.empty()) {
        // A listed failure that no longer fails (in a file that ran) makes the
        // run fail too, so the list is kept up to date.
        for (const std::string& e : expected) {
            if (seen_expected.count(e)) continue;
            const std::string file = e.substr(0, e.rfind(':'));
            const bool ran = std::any_of(files.begin(), files.end(), [&](const std::string& f) { return ends_with(f, file); });
            if (!ran) continue;
            ++unexpected;
            std::printf("%s: listed as a known failure but passes now\n", e.c_str());
        }
        std::printf("%zu unexpected results (known failures: %s)\n", unexpected, expectations_file.c_str());
    }
    std::printf("%s\n", conformance::ClosingLine(total).c_str());
    if (!summary_file.empty()) {
        if (auto error = conformance::WriteSummaryFile(summary_file, total)) {
            std::fprintf(stderr, "lockstep wast: %s\n", error->c_str());
            return 2;
        }
    }
    return unexpected ? 1 : 0;
}

}  // namespace lockstep::tools
