#include "spec/coverage.h"

#include "spec/trace.h"

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
            entry.ran = ran;
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

namespace lockstep::spec {

RuleCoverage rule_coverage(const SourceMarkers& markers, const std::vector<RecordedStep>& executed)
{
    std::set<std::string> ran;
    for (const RecordedStep& step : executed)
        if (step.algorithm == "wasm") ran.insert(step.step);
    std::set<std::string> marked;
    for (const RuleMarker& rule : markers.rules) marked.insert(rule.name);
    RuleCoverage coverage;
    for (const std::string& rule : marked) (ran.count(rule) ? coverage.executed : coverage.not_executed).push_back(rule);
    return coverage;
}

void print_rule_coverage(const RuleCoverage& rules, std::FILE* out, bool list_missing)
{
    std::size_t total = rules.executed.size() + rules.not_executed.size();
    if (list_missing)
        for (const std::string& rule : rules.not_executed) std::fprintf(out, "wasm rule not executed: %s\n", rule.c_str());
    std::fprintf(out, "%zu of %zu marked Wasm rules executed (%.1f%%)\n", rules.executed.size(), total,
                 total ? 100.0 * static_cast<double>(rules.executed.size()) / static_cast<double>(total) : 0.0);
}

namespace {

std::string html_escaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string percent(std::size_t part, std::size_t whole)
{
    char text[16];
    std::snprintf(text, sizeof text, "%.1f%%", whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
    return text;
}

// "5/8" with a bar as wide as the covered share.
std::string meter(std::size_t part, std::size_t whole)
{
    std::string width = whole ? std::to_string(100 * part / whole) : "0";
    return "<span class=\"count\">" + std::to_string(part) + "/" + std::to_string(whole) + "</span>" +
           "<span class=\"bar\"><span style=\"width:" + width + "%\"></span></span>";
}

constexpr const char* kStyle = R"(
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 70em; padding: 0 1em; color: #222; }
h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
table { border-collapse: collapse; }
td, th { padding: .15em .6em; text-align: left; }
tr:nth-child(even) { background: #f6f6f6; }
.count { display: inline-block; min-width: 5em; text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; width: 6em; height: .7em; background: #f3c4c4; margin-left: .5em; vertical-align: middle; }
.bar span { display: block; height: 100%; background: #6cb56c; }
details { margin: .2em 0; }
summary { cursor: pointer; }
summary .addr { color: #888; font-size: 85%; margin-left: .5em; }
.none > summary { color: #a33; }
.full > summary { color: #276b27; }
ol.steps { list-style: none; margin: .3em 0 .6em; padding-left: 1em; font-size: 95%; }
ol.steps li { padding: 0 .3em; }
ol.steps li.miss { background: #fbdcdc; }
ol.steps .label { display: inline-block; min-width: 4em; color: #555; font-variant-numeric: tabular-nums; }
ul.rules { columns: 3; font-size: 90%; }
ul.rules li.miss { background: #fbdcdc; }
)";

}  // namespace

bool write_coverage_html(const std::string& path, const std::string& title, const SpecIndex& index,
                         const std::vector<AlgorithmCoverage>& coverage, const RuleCoverage& rules,
                         std::string& error)
{
    const std::vector<SpecClause>& clauses = index.clauses();
    auto position = [&](const SpecClause* clause) { return static_cast<std::size_t>(clause - clauses.data()); };
    auto top_level = [&](const SpecClause* clause) {
        while (clause->parent >= 0) clause = &clauses[static_cast<std::size_t>(clause->parent)];
        return clause;
    };
    // Top-level clause → its algorithms, both in document order.
    std::map<std::size_t, std::vector<const AlgorithmCoverage*>> groups;
    std::vector<const AlgorithmCoverage*> unknown;
    std::size_t executed = 0, total = 0, full = 0, untouched = 0;
    for (const AlgorithmCoverage& entry : coverage) {
        if (!entry.clause) {
            unknown.push_back(&entry);
            continue;
        }
        groups[position(top_level(entry.clause))].push_back(&entry);
        executed += entry.executed;
        total += entry.total;
        if (entry.executed == entry.total) ++full;
        if (entry.executed == 0) ++untouched;
    }
    for (auto& [top, entries] : groups)
        std::stable_sort(entries.begin(), entries.end(), [&](const AlgorithmCoverage* a, const AlgorithmCoverage* b) {
            return position(a->clause) < position(b->clause);
        });
    auto heading = [](const SpecClause& clause) {
        return html_escaped((clause.number.empty() ? "" : "§" + clause.number + " ") + clause.title);
    };

    std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html_escaped(title) +
                       "</title>\n<style>" + kStyle + "</style></head><body>\n<h1>" + html_escaped(title) + "</h1>\n";
    html += "<p><b>" + std::to_string(executed) + " of " + std::to_string(total) + " steps executed (" +
            percent(executed, total) + ")</b> in " + std::to_string(coverage.size() - unknown.size()) +
            " algorithms the code transcribes: " + std::to_string(full) + " fully covered, " +
            std::to_string(untouched) + " not reached at all. ";
    std::size_t rule_total = rules.executed.size() + rules.not_executed.size();
    html += "Wasm: " + std::to_string(rules.executed.size()) + " of " + std::to_string(rule_total) +
            " marked SpecTec rules executed (" + percent(rules.executed.size(), rule_total) + ").</p>\n";
    html += "<p>Algorithms with steps no test reached are open; those steps are highlighted.</p>\n";

    html += "<table><tr><th>clause</th><th>algorithms</th><th>steps executed</th><th></th></tr>\n";
    for (const auto& [top, entries] : groups) {
        std::size_t group_executed = 0, group_total = 0;
        for (const AlgorithmCoverage* entry : entries) group_executed += entry->executed, group_total += entry->total;
        html += "<tr><td><a href=\"#" + html_escaped(clauses[top].id) + "\">" + heading(clauses[top]) + "</a></td><td>" +
                std::to_string(entries.size()) + "</td><td>" + meter(group_executed, group_total) + "</td><td>" +
                percent(group_executed, group_total) + "</td></tr>\n";
    }
    html += "</table>\n";

    for (const auto& [top, entries] : groups) {
        html += "<h2 id=\"" + html_escaped(clauses[top].id) + "\">" + heading(clauses[top]) + "</h2>\n";
        for (const AlgorithmCoverage* entry : entries) {
            const SpecClause& clause = *entry->clause;
            AlgorithmAddress address = parse_algorithm_address(entry->address);
            const SpecAlgorithm& algorithm = clause.algorithms[static_cast<std::size_t>(address.ordinal - 1)];
            const char* state = entry->executed == entry->total ? "full" : entry->executed == 0 ? "none" : "partial";
            html += std::string("<details class=\"") + state + "\"" +
                    (entry->executed && entry->executed < entry->total ? " open" : "") + "><summary>" +
                    meter(entry->executed, entry->total) + " " + heading(clause) +
                    (algorithm.grammar.empty() ? "" : " <i>" + html_escaped(algorithm.grammar) + "</i>") +
                    "<span class=\"addr\">" + html_escaped(entry->address) + "</span></summary>\n<ol class=\"steps\">\n";
            for (std::size_t i = 0; i < algorithm.steps.size(); ++i) {
                const SpecStep& step = algorithm.steps[i];
                bool ran = i < entry->ran.size() && entry->ran[i];
                html += std::string("<li") + (ran ? "" : " class=\"miss\"") + " style=\"margin-left:" +
                        std::to_string(2 * step.depth) + "em\"><span class=\"label\">" + html_escaped(step.label) +
                        "</span> " + html_escaped(plain_text(step.text)) + "</li>\n";
            }
            html += "</ol></details>\n";
        }
    }

    if (rule_total) {
        html += "<h2 id=\"wasm-rules\">Wasm 3.0 (SpecTec rules marked with RULE)</h2>\n<p>" +
                meter(rules.executed.size(), rule_total) + " executed; the rules no test reached are highlighted.</p>\n"
                "<ul class=\"rules\">\n";
        std::vector<std::pair<std::string, bool>> all;
        for (const std::string& rule : rules.executed) all.emplace_back(rule, true);
        for (const std::string& rule : rules.not_executed) all.emplace_back(rule, false);
        std::sort(all.begin(), all.end());
        for (const auto& [rule, ran] : all)
            html += std::string("<li") + (ran ? "" : " class=\"miss\"") + ">" + html_escaped(rule) + "</li>\n";
        html += "</ul>\n";
    }
    if (!unknown.empty()) {
        html += "<h2>Markers naming no algorithm of the spec</h2>\n<ul>\n";
        for (const AlgorithmCoverage* entry : unknown) html += "<li>" + html_escaped(entry->address) + "</li>\n";
        html += "</ul>\n";
    }
    html += "</body></html>\n";

    std::ofstream out(path);
    out << html;
    if (!out.flush()) {
        error = path + ": cannot write";
        return false;
    }
    return true;
}

}  // namespace lockstep::spec
