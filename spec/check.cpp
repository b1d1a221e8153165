#include "spec/check.h"

#include "spec/step_alignment.h"
#include "spec/step_list.h"

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_map>
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

// The Annex B algorithms that replace a step (replaces-step), by the id of
// the step they replace.
using Replacements = std::unordered_map<std::string, std::vector<const SpecAlgorithm*>>;

Replacements index_replacements(const SpecIndex& index)
{
    Replacements replacements;
    for (const SpecClause& clause : index.clauses())
        for (const SpecAlgorithm& algorithm : clause.algorithms)
            if (!algorithm.replaces_step.empty()) replacements[algorithm.replaces_step].push_back(&algorithm);
    return replacements;
}

// Steps whose substeps a part (SPEC_ALGORITHM("id@step")) transcribes: the
// algorithm that holds the step, and its label.
using Parts = std::set<std::pair<const SpecAlgorithm*, std::string>>;

// The labels the markers name, ranges by their two ends.
std::unordered_set<std::string> marked_labels(const AlgorithmMarkers& markers)
{
    std::unordered_set<std::string> labels;
    for (const StepMarker& marker : markers.steps) {
        std::size_t dash = marker.label.find('-');
        labels.insert(marker.label.substr(0, dash));
        if (dash != std::string::npos) labels.insert(marker.label.substr(dash + 1));
    }
    return labels;
}

// One past the last substep of steps[i].
std::size_t subtree_end(const std::vector<SpecStep>& steps, std::size_t i)
{
    std::size_t end = i + 1;
    while (end < steps.size() && steps[end].depth > steps[i].depth) ++end;
    return end;
}

// Whether the code transcribes `replacement` in place of steps [begin, end)
// of `algorithm`: it marks a label only the replacement has. A replacement
// whose labels collide with the algorithm's other steps cannot be read in
// place; it is checked on its own only.
bool replacement_applies(const SpecAlgorithm& algorithm, std::size_t begin, std::size_t end,
                         const SpecAlgorithm& replacement, const std::unordered_set<std::string>& marked)
{
    std::unordered_set<std::string> replaced, others;
    for (std::size_t i = 0; i < algorithm.steps.size(); ++i)
        (i >= begin && i < end ? replaced : others).insert(algorithm.steps[i].label);
    bool marks_replacement = false;
    for (const SpecStep& step : replacement.steps) {
        if (others.count(step.label)) return false;
        if (!replaced.count(step.label) && marked.count(step.label)) marks_replacement = true;
    }
    return marks_replacement;
}

// `algorithm`'s steps with the replacements the code follows spliced in;
// `origins` receives the algorithm each step comes from.
void expand_replacements(const SpecAlgorithm& algorithm, const Replacements& replacements,
                         const std::unordered_set<std::string>& marked, int nesting, std::vector<SpecStep>& steps,
                         std::vector<const SpecAlgorithm*>& origins)
{
    const std::vector<SpecStep>& own = algorithm.steps;
    for (std::size_t i = 0; i < own.size(); ++i) {
        std::size_t end = subtree_end(own, i);
        const SpecAlgorithm* replacement = nullptr;
        auto found = own[i].id.empty() || nesting > 8 ? replacements.end() : replacements.find(own[i].id);
        if (found != replacements.end())
            for (const SpecAlgorithm* candidate : found->second)
                if (!replacement && replacement_applies(algorithm, i, end, *candidate, marked)) replacement = candidate;
        if (replacement) {
            expand_replacements(*replacement, replacements, marked, nesting + 1, steps, origins);
            i = end - 1;
            continue;
        }
        steps.push_back(own[i]);
        origins.push_back(&algorithm);
    }
}

bool is_below(const SpecStep& step, const std::vector<int>& path)
{
    return step.path.size() > path.size() && std::equal(path.begin(), path.end(), step.path.begin());
}

// The steps `markers` are checked against: the algorithm with the Annex B
// replacements the code follows, without the substeps of steps that parts
// transcribe elsewhere; for a part (`part` non-empty), the substeps of that
// step only. `part_origin` receives the algorithm that holds the part's step
// (null when there is no such step).
SpecAlgorithm checked_steps(const SpecAlgorithm& algorithm, const AlgorithmMarkers& markers,
                            const Replacements& replacements, const Parts& parts, const std::string& part,
                            const SpecAlgorithm** part_origin = nullptr)
{
    std::vector<SpecStep> steps;
    std::vector<const SpecAlgorithm*> origins;
    expand_replacements(algorithm, replacements, marked_labels(markers), 0, steps, origins);
    SpecAlgorithm checked;
    checked.grammar = algorithm.grammar;
    checked.line = algorithm.line;
    std::vector<int> part_path;
    if (!part.empty()) parse_step_label(part, part_path);
    if (part_origin) *part_origin = nullptr;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (!part.empty() && steps[i].label == part && part_origin) *part_origin = origins[i];
        if (!part.empty() && !is_below(steps[i], part_path)) continue;
        checked.steps.push_back(steps[i]);
        if (parts.count({origins[i], steps[i].label})) i = subtree_end(steps, i) - 1;
    }
    return checked;
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
    Replacements replacements = index_replacements(index);

    // First the algorithm each SPEC_ALGORITHM names, and the parts.
    struct Named {
        AlgorithmAddress address;
        const SpecClause* clause = nullptr;
        const SpecAlgorithm* algorithm = nullptr;
        std::vector<Drift> drift;
    };
    std::vector<Named> named(markers.algorithms.size());
    Parts parts;
    for (std::size_t i = 0; i < markers.algorithms.size(); ++i) {
        const AlgorithmMarkers& algorithm = markers.algorithms[i];
        Named& n = named[i];
        n.address = parse_algorithm_address(algorithm.address);
        n.clause = n.address.valid ? index.find_id(n.address.clause_id) : nullptr;
        if (!n.address.valid) {
            n.drift.push_back({Drift::Kind::UnknownAlgorithm, {}, algorithm.line,
                               "malformed address \"" + algorithm.address +
                                   "\" (want \"clause-id\" or \"clause-id#N\", then \"@step\" for a part)"});
        } else if (!n.clause) {
            n.drift.push_back({Drift::Kind::UnknownAlgorithm, {}, algorithm.line,
                               "unknown clause id \"" + n.address.clause_id + "\""});
        } else if (n.clause->algorithms.empty()) {
            n.drift.push_back({Drift::Kind::UnknownAlgorithm, {}, algorithm.line,
                               "the clause has no algorithm steps (a table or prose defines it)"});
        } else if (static_cast<std::size_t>(n.address.ordinal) > n.clause->algorithms.size()) {
            n.drift.push_back({Drift::Kind::UnknownAlgorithm, {}, algorithm.line,
                               "the clause has " + std::to_string(n.clause->algorithms.size()) +
                                   " algorithm(s), not #" + std::to_string(n.address.ordinal)});
        } else {
            n.algorithm = &n.clause->algorithms[n.address.ordinal - 1];
        }
        if (!n.algorithm || n.address.step.empty()) continue;
        const SpecAlgorithm* origin = nullptr;
        SpecAlgorithm below = checked_steps(*n.algorithm, algorithm, replacements, {}, n.address.step, &origin);
        if (!origin) {
            n.drift.push_back({Drift::Kind::UnknownAlgorithm, {}, algorithm.line,
                               "the algorithm has no step " + n.address.step});
            n.algorithm = nullptr;
        } else if (below.steps.empty()) {
            n.drift.push_back({Drift::Kind::UnknownAlgorithm, {}, algorithm.line,
                               "step " + n.address.step + " has no substeps to transcribe apart"});
            n.algorithm = nullptr;
        } else {
            parts.insert({origin, n.address.step});
        }
    }

    for (std::size_t i = 0; i < markers.algorithms.size(); ++i) {
        const AlgorithmMarkers& algorithm = markers.algorithms[i];
        Named& n = named[i];
        AlgorithmCheck check;
        check.markers = &algorithm;
        check.clause = n.clause;
        check.drift = std::move(n.drift);
        report.step_markers += algorithm.steps.size();
        if (n.algorithm) {
            SpecAlgorithm steps = checked_steps(*n.algorithm, algorithm, replacements, parts, n.address.step);
            if (n.address.step.empty()) {
                check.drift = check_steps(steps, algorithm);
            } else {
                // A part marks the substeps of its step only.
                std::vector<int> path;
                parse_step_label(n.address.step, path);
                AlgorithmMarkers inside = algorithm;
                inside.steps.clear();
                for (const StepMarker& marker : algorithm.steps) {
                    std::vector<int> marked;
                    std::string first = marker.label.substr(0, marker.label.find('-'));
                    if (parse_step_label(first, marked) && marked.size() > path.size() &&
                        std::equal(path.begin(), path.end(), marked.begin()))
                        inside.steps.push_back(marker);
                    else
                        check.drift.push_back({Drift::Kind::ExtraStep, marker.label, marker.line,
                                               "step " + marker.label + " is not a substep of step " +
                                                   n.address.step + ", which this part transcribes"});
                }
                std::vector<Drift> drift = check_steps(steps, inside);
                check.drift.insert(check.drift.end(), drift.begin(), drift.end());
            }
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
