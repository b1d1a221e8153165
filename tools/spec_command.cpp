// `lockstep spec check|coverage|show|list|rules|stats`: the spec index (spec/) on the
// command line.
#include "tools/commands.h"

#include "spec/check.h"
#include "spec/coverage.h"
#include "spec/load.h"
#include "spec/markers.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace lockstep::tools {

namespace {

namespace fs = std::filesystem;

// Folders that hold transcribed algorithms, scanned by default.
constexpr const char* kSourceFolders[] = {"algorithms", "abstract_ops", "runtime", "builtins",
                                          "syntax",     "wasm",         "wasm_js_api"};

struct Options {
    std::string spec_dir;
    std::string cache_dir;
    std::string html;  // coverage: also write this HTML page
    std::vector<std::string> sources;
    std::vector<std::string> operands;
    bool verbose = false;
    bool unmarked_rules = false;
    bool all = false;
    bool missing = false;
};

// The checkout the binary was built in (build/lockstep → .), else the
// current directory.
fs::path repository_root()
{
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    fs::path root = ec ? fs::path() : exe.parent_path().parent_path();
    if (root.empty() || !fs::exists(root / "Makefile", ec)) root = fs::current_path(ec);
    return root;
}

std::string shown_path(const fs::path& path)
{
    std::error_code ec;
    fs::path relative = path.lexically_proximate(fs::current_path(ec));
    return relative.string();
}

int usage()
{
    std::fprintf(stderr,
                 "usage: lockstep spec check [--source DIR]... [--verbose] [--unmarked-rules]\n"
                 "       lockstep spec coverage STEPFILE [--source DIR]... [--missing] [--html OUT.html]\n"
                 "       lockstep spec show ID|NAME|NUMBER\n"
                 "       lockstep spec list [--all]\n"
                 "       lockstep spec rules\n"
                 "       lockstep spec stats\n"
                 "options: --spec DIR (default $LOCKSTEP_SPEC or ../shared/spec), --cache DIR (build/spec-cache)\n");
    return 2;
}

bool parse_options(int argc, char** argv, Options& options)
{
    fs::path root = repository_root();
    for (int i = 0; i < argc; ++i) {
        std::string arg = argv[i];
        bool has_value = i + 1 < argc;
        if (arg == "--spec" && has_value) options.spec_dir = argv[++i];
        else if (arg == "--cache" && has_value) options.cache_dir = argv[++i];
        else if (arg == "--source" && has_value) options.sources.push_back(argv[++i]);
        else if (arg == "--html" && has_value) options.html = argv[++i];
        else if (arg == "--verbose" || arg == "-v") options.verbose = true;
        else if (arg == "--unmarked-rules") options.unmarked_rules = true;
        else if (arg == "--all") options.all = true;
        else if (arg == "--missing") options.missing = true;
        else if (arg.starts_with("--")) return false;
        else options.operands.push_back(arg);
    }
    SpecLocation location = spec_location(options.spec_dir);
    options.spec_dir = location.spec_dir;
    if (options.cache_dir.empty()) options.cache_dir = location.cache_dir;
    if (options.sources.empty()) {
        std::error_code ec;
        for (const char* folder : kSourceFolders)
            if (fs::is_directory(root / folder, ec)) options.sources.push_back(shown_path(root / folder));
    }
    return true;
}

bool load(const Options& options, spec::SpecIndex& index, spec::SpecTecIndex& spectec,
          spec::LoadTimings* timings = nullptr)
{
    std::string error;
    if (spec::load_spec(options.spec_dir, options.cache_dir, index, spectec, error, timings)) return true;
    std::fprintf(stderr, "lockstep spec: %s\n", error.c_str());
    return false;
}

int check(const Options& options)
{
    spec::SpecIndex index;
    spec::SpecTecIndex spectec;
    if (!load(options, index, spectec)) return 2;
    spec::SourceMarkers markers;
    std::string error;
    if (!spec::scan_marker_sources(options.sources, markers, error)) {
        std::fprintf(stderr, "lockstep spec check: %s\n", error.c_str());
        return 2;
    }
    spec::CheckReport report = spec::check_markers(index, spectec, markers);
    spec::print_check_report(report, stdout, options.verbose, options.unmarked_rules);
    return report.ok() ? 0 : 1;
}

// STEPFILE: "algorithm<TAB>step" lines recorded by a run (spec/coverage.h).
int coverage(const Options& options)
{
    if (options.operands.size() != 1) return usage();
    spec::SpecIndex index;
    spec::SpecTecIndex spectec;
    if (!load(options, index, spectec)) return 2;
    spec::SourceMarkers markers;
    std::vector<spec::RecordedStep> executed;
    std::string error;
    if (!spec::scan_marker_sources(options.sources, markers, error) ||
        !spec::read_step_file(options.operands[0], executed, error)) {
        std::fprintf(stderr, "lockstep spec coverage: %s\n", error.c_str());
        return 2;
    }
    std::vector<spec::AlgorithmCoverage> algorithms = spec::step_coverage(index, markers, executed);
    spec::RuleCoverage rules = spec::rule_coverage(markers, executed);
    spec::print_coverage(algorithms, stdout, options.missing);
    spec::print_rule_coverage(rules, stdout, options.missing);
    if (!options.html.empty()) {
        std::string title = "lockstep step coverage: " + fs::path(options.operands[0]).filename().string();
        if (!spec::write_coverage_html(options.html, title, index, algorithms, rules, error)) {
            std::fprintf(stderr, "lockstep spec coverage: %s\n", error.c_str());
            return 2;
        }
    }
    return 0;
}

void print_clause(const spec::SpecClause& clause)
{
    std::printf("%s%s\n", clause.number.empty() ? "" : ("§" + clause.number + " ").c_str(), clause.title.c_str());
    std::printf("id: %s  name: %s%s%s\n", clause.id.c_str(), clause.name.c_str(),
                clause.type.empty() ? "" : "  type: ", clause.type.c_str());
    for (std::size_t a = 0; a < clause.algorithms.size(); ++a) {
        const spec::SpecAlgorithm& algorithm = clause.algorithms[a];
        if (clause.algorithms.size() > 1 || !algorithm.grammar.empty() || !algorithm.replaces_step.empty())
            std::printf("\nalgorithm %s#%zu%s%s%s%s\n", clause.id.c_str(), a + 1,
                        algorithm.example ? " (example)" : "",
                        algorithm.grammar.empty() ? "" : ("  for " + algorithm.grammar).c_str(),
                        algorithm.replaces_step.empty() ? "" : "  replaces step ",
                        algorithm.replaces_step.c_str());
        for (const spec::SpecStep& step : algorithm.steps)
            std::printf("%*s%s. %s\n", 2 + 2 * step.depth, "", step.label.c_str(), step.text.c_str());
    }
}

int show(const Options& options)
{
    if (options.operands.empty()) return usage();
    spec::SpecIndex index;
    spec::SpecTecIndex spectec;
    if (!load(options, index, spectec)) return 2;
    int status = 0;
    for (const std::string& key : options.operands) {
        if (const spec::SpecClause* clause = index.find(key)) {
            print_clause(*clause);
        } else if (const spec::SpecTecEntry* entry = spectec.find(key)) {
            std::printf("%s (SpecTec %s, %s:%d)\n", entry->name.c_str(), entry->part.c_str(), entry->file.c_str(),
                        entry->line);
        } else {
            std::fprintf(stderr, "lockstep spec show: no clause, algorithm or rule named '%s'\n", key.c_str());
            status = 1;
        }
    }
    return status;
}

std::size_t step_count(const spec::SpecClause& clause)
{
    std::size_t steps = 0;
    for (const spec::SpecAlgorithm& algorithm : clause.algorithms) steps += algorithm.steps.size();
    return steps;
}

int list(const Options& options)
{
    spec::SpecIndex index;
    spec::SpecTecIndex spectec;
    if (!load(options, index, spectec)) return 2;
    for (const spec::SpecClause& clause : index.clauses()) {
        if (clause.algorithms.empty() && !options.all) continue;
        std::printf("%s\t%s\t%s\t%zu algorithm(s)\t%zu steps\n", clause.number.empty() ? "-" : clause.number.c_str(),
                    clause.id.c_str(), clause.name.c_str(), clause.algorithms.size(), step_count(clause));
    }
    return 0;
}

int rules(const Options& options)
{
    spec::SpecIndex index;
    spec::SpecTecIndex spectec;
    if (!load(options, index, spectec)) return 2;
    constexpr const char* kKinds[] = {"relation", "rule", "def"};
    for (const spec::SpecTecEntry& entry : spectec.entries())
        std::printf("%s\t%s\t%s\t%s:%d\n", entry.name.c_str(), kKinds[static_cast<int>(entry.kind)],
                    entry.part.c_str(), entry.file.c_str(), entry.line);
    return 0;
}

int stats(const Options& options)
{
    spec::SpecIndex index;
    spec::SpecTecIndex spectec;
    spec::LoadTimings timings;
    if (!load(options, index, spectec, &timings)) return 2;
    std::size_t counts[2][3] = {};  // [document][clauses, algorithms, steps]
    for (const spec::SpecClause& clause : index.clauses()) {
        std::size_t* c = counts[static_cast<int>(clause.document)];
        c[0] += 1;
        c[1] += clause.algorithms.size();
        c[2] += step_count(clause);
    }
    std::size_t kinds[3] = {};
    for (const spec::SpecTecEntry& entry : spectec.entries()) ++kinds[static_cast<int>(entry.kind)];
    std::printf("ECMA-262: %zu clauses, %zu algorithms, %zu steps\n", counts[0][0], counts[0][1], counts[0][2]);
    std::printf("JS API:   %zu algorithms (%zu step lists), %zu steps\n", counts[1][0], counts[1][1], counts[1][2]);
    std::printf("SpecTec:  %zu relations, %zu rules, %zu definitions\n", kinds[0], kinds[1], kinds[2]);
    std::printf("time: xhtml %.1f ms, ECMA-262 extraction %.1f ms, JS API %.1f ms, SpecTec %.1f ms\n",
                timings.xhtml_ms, timings.ecma262_ms, timings.js_api_ms, timings.spectec_ms);
    return 0;
}

}  // namespace

SpecLocation spec_location(const std::string& spec_dir)
{
    fs::path root = repository_root();
    SpecLocation location{spec_dir, shown_path(root / "build" / "spec-cache")};
    if (location.spec_dir.empty()) {
        const char* env = std::getenv("LOCKSTEP_SPEC");
        location.spec_dir = env && *env ? env : shown_path(root / ".." / "shared" / "spec");
    }
    return location;
}

int spec_command(int argc, char** argv)
{
    if (argc < 1) return usage();
    Options options;
    if (!parse_options(argc - 1, argv + 1, options)) return usage();
    std::string command = argv[0];
    if (command == "check") return check(options);
    if (command == "coverage") return coverage(options);
    if (command == "show") return show(options);
    if (command == "list") return list(options);
    if (command == "rules") return rules(options);
    if (command == "stats") return stats(options);
    return usage();
}

}  // namespace lockstep::tools
