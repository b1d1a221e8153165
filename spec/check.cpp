#include "spec/check.h"

#include "spec/step_alignment.h"
#include "spec/step_list.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace lockstep::spec {

namespace {

// Indices (into `positions`) of a longest strictly increasing subsequence.
std::vector<bool> longest_increasing(const std::vector<std::size_t>& positions)
{
    std::vector<std::size_t> tails;  // index of the last element of the best run of each length
    std::vector<long> previous(positions.size(), -1);
    for (std::size_t i = 0; i < positions.size(); ++i) {
        auto at = std::lower_bound(tails.begin(), tails.end(), positions[i],
                                   [&](std::size_t tail, std::size_t value) { return positions[tail] < value; });
        if (at != tails.begin()) previous[i] = static_cast<long>(*(at - 1));
        if (at == tails.end()) tails.push_back(i);
        else *at = i;
    }
    std::vector<bool> kept(positions.size(), false);
    for (long i = tails.empty() ? -1 : static_cast<long>(tails.back()); i >= 0; i = previous[i]) kept[i] = true;
    return kept;
}

std::string describe(const SpecClause& clause)
{
    std::string text = clause.number.empty() ? clause.title : "§" + clause.number + " " + clause.title;
    return text.empty() ? clause.id : text;
}

}  // namespace

std::vector<Drift> check_steps(const SpecAlgorithm& algorithm, const AlgorithmMarkers& markers)
{
    const std::vector<SpecStep>& steps = algorithm.steps;
    std::vector<Drift> drift;
    std::vector<MarkedLabel> marked;               // what the alignment compares with the spec
    std::vector<const StepMarker*> first_markers;  // first marker of each label, in source order
    std::vector<std::size_t> first_positions;
    std::unordered_set<std::string> seen;
    std::vector<int> path;
    for (const StepMarker& marker : markers.steps) {
        std::optional<SpecAlgorithm::Span> span = algorithm.marker_span(marker.label);
        if (!span) {
            if (marker.label.find('-') == std::string::npos && parse_step_label(marker.label, path))
                marked.push_back({marker.label, marker.line});
            else
                drift.push_back({Drift::Kind::ExtraStep, marker.label, marker.line,
                                 "\"" + marker.label + "\" is not a step label or range of this algorithm"});
            continue;
        }
        for (std::size_t k = span->begin; k < span->end; ++k) marked.push_back({steps[k].label, marker.line});
        if (seen.insert(marker.label).second) {
            first_markers.push_back(&marker);
            first_positions.push_back(span->begin);
        }
    }

    for (const AlignmentFinding& finding : align_steps(steps, marked)) {
        switch (finding.kind) {
        case AlignmentFinding::Kind::Missing:
            drift.push_back({Drift::Kind::MissingStep, finding.label, markers.line, "missing step " + finding.label});
            break;
        case AlignmentFinding::Kind::Renumbered:
            drift.push_back({Drift::Kind::Renumbered, finding.label, finding.line,
                             "step " + finding.label + " is step " + finding.spec_label + " in the spec (renumbered)"});
            break;
        case AlignmentFinding::Kind::Extra: {
            std::string message = "step " + finding.label;
            for (std::size_t i = 0; i < finding.substeps.size(); ++i)
                message += (i ? ", " : " (with ") + finding.substeps[i] + (i + 1 == finding.substeps.size() ? ")" : "");
            message += algorithm.find_step(finding.label)
                           ? " does not match the spec's step " + finding.label + " (deleted from the spec?)"
                           : " is not in the spec";
            drift.push_back({Drift::Kind::ExtraStep, finding.label, finding.line, message});
            break;
        }
        }
    }

    // The markers outside a longest run in spec order are the moved ones.
    std::vector<bool> in_order = longest_increasing(first_positions);
    for (std::size_t i = 0; i < first_markers.size(); ++i) {
        if (in_order[i]) continue;
        // Name the nearest marker it is on the wrong side of.
        std::string message = "step " + first_markers[i]->label + " out of order";
        std::size_t before = i, after = i;
        while (before-- > 0 && first_positions[before] < first_positions[i]) {}
        while (++after < first_markers.size() && first_positions[after] > first_positions[i]) {}
        if (before < i)
            message += " (marked after step " + first_markers[before]->label + " on line " +
                       std::to_string(first_markers[before]->line) + ")";
        else if (after < first_markers.size())
            message += " (marked before step " + first_markers[after]->label + " on line " +
                       std::to_string(first_markers[after]->line) + ")";
        drift.push_back({Drift::Kind::OutOfOrder, first_markers[i]->label, first_markers[i]->line, message});
    }
    return drift;
}

CheckReport check_markers(const SpecIndex& index, const SpecTecIndex& spectec, const SourceMarkers& markers)
{
    CheckReport report;
    report.problems = markers.problems;
    for (const AlgorithmMarkers& algorithm : markers.algorithms) {
        AlgorithmCheck check;
        check.markers = &algorithm;
        report.step_markers += algorithm.steps.size();
        AlgorithmAddress address = parse_algorithm_address(algorithm.address);
        check.clause = address.valid ? index.find_id(address.clause_id) : nullptr;
        if (!address.valid) {
            check.drift.push_back({Drift::Kind::UnknownAlgorithm, {}, algorithm.line,
                                   "malformed address \"" + algorithm.address + "\" (want \"clause-id\" or \"clause-id#N\")"});
        } else if (!check.clause) {
            check.drift.push_back({Drift::Kind::UnknownAlgorithm, {}, algorithm.line,
                                   "unknown clause id \"" + address.clause_id + "\""});
        } else if (check.clause->algorithms.empty()) {
            check.drift.push_back({Drift::Kind::UnknownAlgorithm, {}, algorithm.line,
                                   "the clause has no algorithm steps (a table or prose defines it)"});
        } else if (static_cast<std::size_t>(address.ordinal) > check.clause->algorithms.size()) {
            check.drift.push_back({Drift::Kind::UnknownAlgorithm, {}, algorithm.line,
                                   "the clause has " + std::to_string(check.clause->algorithms.size()) +
                                       " algorithm(s), not #" +
                                       std::to_string(address.ordinal)});
        } else {
            check.drift = check_steps(check.clause->algorithms[address.ordinal - 1], algorithm);
        }
        if (!check.drift.empty()) ++report.drifted;
        report.algorithms.push_back(std::move(check));
    }

    std::unordered_set<std::string> marked;
    for (const RuleMarker& rule : markers.rules) {
        if (spectec.find(rule.name)) marked.insert(rule.name);
        else report.unknown_rules.push_back(&rule);
    }
    for (const SpecTecEntry& entry : spectec.entries()) {
        if (entry.kind != SpecTecEntry::Kind::Rule || (entry.part != "validation" && entry.part != "execution"))
            continue;
        ++report.spectec_rules;
        if (!marked.count(entry.name)) report.unmarked_rules.push_back(&entry);
    }
    return report;
}

void print_check_report(const CheckReport& report, std::FILE* out, bool verbose, bool list_unmarked)
{
    for (const AlgorithmCheck& check : report.algorithms) {
        const AlgorithmMarkers& markers = *check.markers;
        std::string where = markers.file + ":";
        std::string what = markers.address + (check.clause ? " (" + describe(*check.clause) + ")" : "");
        if (check.drift.empty()) {
            if (verbose)
                std::fprintf(out, "%s%d: %s: ok, %zu steps\n", where.c_str(), markers.line, what.c_str(),
                             markers.steps.size());
            continue;
        }
        std::string missing;
        for (const Drift& drift : check.drift) {
            if (drift.kind == Drift::Kind::MissingStep) {
                missing += (missing.empty() ? "" : ", ") + drift.label;
                continue;
            }
            std::fprintf(out, "%s%d: %s: %s\n", where.c_str(), drift.line, what.c_str(), drift.message.c_str());
        }
        if (!missing.empty())
            std::fprintf(out, "%s%d: %s: missing %s %s\n", where.c_str(), markers.line, what.c_str(),
                         missing.find(',') == std::string::npos ? "step" : "steps", missing.c_str());
    }
    for (const MarkerProblem& problem : report.problems)
        std::fprintf(out, "%s:%d: %s\n", problem.file.c_str(), problem.line, problem.message.c_str());
    for (const RuleMarker* rule : report.unknown_rules)
        std::fprintf(out, "%s:%d: RULE(\"%s\") names no SpecTec rule or definition\n", rule->file.c_str(),
                     rule->line, rule->name.c_str());
    if (list_unmarked)
        for (const SpecTecEntry* entry : report.unmarked_rules)
            std::fprintf(out, "unmarked: %s (%s:%d)\n", entry->name.c_str(), entry->file.c_str(), entry->line);
    std::size_t marked_rules = report.spectec_rules - report.unmarked_rules.size();
    std::fprintf(out, "SpecTec: %zu of %zu validation/execution rules marked; %zu unknown RULE marker(s)%s\n",
                 marked_rules, report.spectec_rules, report.unknown_rules.size(),
                 list_unmarked || report.unmarked_rules.empty() ? "" : " (--unmarked-rules lists the others)");
    if (!report.problems.empty()) std::fprintf(out, "%zu unreadable marker(s)\n", report.problems.size());
    std::fprintf(out, "%zu algorithms, %zu steps, %zu drifted\n", report.algorithms.size(), report.step_markers,
                 report.drifted);
}

}  // namespace lockstep::spec
