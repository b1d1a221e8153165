#include "spec/coverage.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

namespace lockstep::spec {

bool write_step_file(const std::string& path, const std::vector<RecordedStep>& steps, std::string& error)
{
    std::ofstream out(path);
    for (const RecordedStep& step : steps) out << step.algorithm << '\t' << step.step << '\n';
    if (!out) error = path + ": cannot write";
    return static_cast<bool>(out);
}

bool read_step_file(const std::string& path, std::vector<RecordedStep>& steps, std::string& error)
{
    std::ifstream in(path);
    if (!in) {
        error = path + ": cannot read";
        return false;
    }
    int line_number = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        if (line.empty()) continue;
        std::size_t tab = line.find('\t');
        if (tab == std::string::npos) {
            error = path + ":" + std::to_string(line_number) + ": expected \"algorithm<TAB>step\"";
            return false;
        }
        steps.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    return true;
}

std::vector<AlgorithmCoverage> step_coverage(const SpecIndex& index, const SourceMarkers& markers,
                                             const std::vector<RecordedStep>& executed)
{
    // A part ("sec-foo@3.b") counts towards its whole algorithm.
    auto whole = [](const std::string& address) { return address.substr(0, address.find('@')); };
    std::map<std::string, std::set<std::string>> labels_by_address;
    for (const AlgorithmMarkers& algorithm : markers.algorithms) labels_by_address[whole(algorithm.address)];
    for (const RecordedStep& step : executed)
        if (step.algorithm != "wasm") labels_by_address[whole(step.algorithm)].insert(step.step);

    std::vector<AlgorithmCoverage> coverage;
    for (const auto& [address, labels] : labels_by_address) {
        AlgorithmCoverage entry;
        entry.address = address;
        AlgorithmAddress parsed = parse_algorithm_address(address);
        const SpecClause* clause = parsed.valid ? index.find_id(parsed.clause_id) : nullptr;
        if (clause && static_cast<std::size_t>(parsed.ordinal) <= clause->algorithms.size()) {
            entry.clause = clause;
            const SpecAlgorithm& algorithm = clause->algorithms[parsed.ordinal - 1];
            std::vector<bool> ran(algorithm.steps.size(), false);
            for (const std::string& label : labels)
                if (std::optional<SpecAlgorithm::Span> span = algorithm.marker_span(label))
                    std::fill(ran.begin() + span->begin, ran.begin() + span->end, true);
            entry.total = algorithm.steps.size();
            for (std::size_t i = 0; i < ran.size(); ++i) {
                if (ran[i]) ++entry.executed;
                else entry.not_executed.push_back(algorithm.steps[i].label);
            }
        }
        coverage.push_back(std::move(entry));
    }
    return coverage;
}

void print_coverage(const std::vector<AlgorithmCoverage>& coverage, std::FILE* out, bool list_missing)
{
    std::size_t executed = 0, total = 0;
    for (const AlgorithmCoverage& entry : coverage) {
        if (!entry.clause) {
            std::fprintf(out, "%s: names no algorithm of the spec\n", entry.address.c_str());
            continue;
        }
        executed += entry.executed;
        total += entry.total;
        std::fprintf(out, "%-60s %4zu/%-4zu %s%s\n", entry.address.c_str(), entry.executed, entry.total,
                     entry.clause->number.empty() ? "" : ("§" + entry.clause->number + " ").c_str(),
                     entry.clause->name.c_str());
        if (list_missing && !entry.not_executed.empty()) {
            std::string labels;
            for (const std::string& label : entry.not_executed) labels += (labels.empty() ? "" : ", ") + label;
            std::fprintf(out, "    not executed: %s\n", labels.c_str());
        }
    }
    std::fprintf(out, "%zu of %zu steps executed (%.1f%%) in %zu algorithms\n", executed, total,
                 total ? 100.0 * static_cast<double>(executed) / static_cast<double>(total) : 0.0, coverage.size());
}

}  // namespace lockstep::spec
