#include "conformance/common/expectations.h"

#include "conformance/common/commented_lines.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace lockstep::conformance {

namespace {

bool Matches(const ExpectationEntry& entry, const TestResult& result)
{
    return entry.path == result.path && (entry.scenario.empty() || entry.scenario == result.scenario);
}

// A new entry's reason: the first line of the failure, kept short.
std::string ReasonFor(const TestResult& result)
{
    std::string reason = result.message.substr(0, result.message.find('\n'));
    if (result.status != Status::Fail) reason = std::string(StatusName(result.status)) + ": " + reason;
    constexpr size_t kMaxReason = 100;
    if (reason.size() > kMaxReason) reason = reason.substr(0, kMaxReason - 3) + "...";
    return std::string(Trim(reason));
}

std::string FormatEntry(const ExpectationEntry& entry)
{
    std::string line = entry.path;
    if (!entry.scenario.empty()) line += " [" + entry.scenario + "]";
    if (!entry.reason.empty()) line += "  # " + entry.reason;
    return line + "\n";
}

}  // namespace

std::variant<ExpectationFile, std::string> ParseExpectations(std::string_view text,
                                                             std::string_view file_name)
{
    ExpectationFile file;
    std::map<std::pair<std::string, std::string>, int> seen;
    for (const CommentedLine& line : SplitCommentedLines(text)) {
        auto error = [&](const std::string& message) { return LineError(file_name, line.number, message); };
        std::string_view content = line.content;
        if (content.empty()) {
            if (file.entries.empty()) file.header = std::string(text.substr(0, std::min(line.end, text.size())));
            continue;
        }
        ExpectationEntry entry;
        entry.line = line.number;
        entry.reason = std::string(line.comment);
        size_t space = content.find_first_of(" \t");
        entry.path = std::string(content.substr(0, space));
        if (space != std::string_view::npos) {
            std::string_view scenario = Trim(content.substr(space));
            if (scenario.size() < 3 || scenario.front() != '[' || scenario.back() != ']' ||
                scenario.find_first_of(" \t[]", 1) != scenario.size() - 1)
                return error("expected 'path' or 'path [scenario]', found '" + std::string(content) + "'");
            entry.scenario = std::string(scenario.substr(1, scenario.size() - 2));
        }
        auto [it, inserted] = seen.emplace(std::pair(entry.path, entry.scenario), line.number);
        if (!inserted)
            return error("duplicate entry (first at line " + std::to_string(it->second) + ")");
        file.entries.push_back(std::move(entry));
    }
    return file;
}

bool IsUnder(std::string_view path, std::string_view root)
{
    while (!root.empty() && root.back() == '/') root.remove_suffix(1);
    if (root.empty() || root == ".") return true;
    return path.substr(0, root.size()) == root && (path.size() == root.size() || path[root.size()] == '/');
}

bool IsUnderAny(std::string_view path, const std::vector<std::string>& roots)
{
    return std::any_of(roots.begin(), roots.end(),
                       [&](const std::string& root) { return IsUnder(path, root); });
}

Verdict Judge(const ExpectationFile& expectations, const std::vector<TestResult>& results,
              const std::vector<std::string>& roots)
{
    std::unordered_map<std::string_view, std::vector<const ExpectationEntry*>> by_path;
    for (const ExpectationEntry& entry : expectations.entries) by_path[entry.path].push_back(&entry);
    std::set<const ExpectationEntry*> used;

    Verdict verdict;
    for (const TestResult& result : results) {
        const ExpectationEntry* listed = nullptr;
        if (auto it = by_path.find(result.path); it != by_path.end())
            for (const ExpectationEntry* entry : it->second)
                if (Matches(*entry, result)) {
                    listed = entry;
                    used.insert(entry);
                }
        if (IsFailure(result.status)) {
            if (listed) ++verdict.expected_failures;
            else verdict.unexpected_failures.push_back(&result);
        } else if (result.status == Status::Pass && listed) {
            verdict.unexpected_passes.push_back(&result);
        }
    }
    for (const ExpectationEntry& entry : expectations.entries)
        if (IsUnderAny(entry.path, roots) && !used.count(&entry)) verdict.stale_entries.push_back(&entry);
    return verdict;
}

std::string UpdatedExpectations(const ExpectationFile& expectations,
                                const std::vector<TestResult>& results,
                                const std::vector<std::string>& roots)
{
    // What this run saw of each test under its roots.
    struct Seen {
        std::vector<const TestResult*> failures;
        size_t ran = 0;        // scenarios that ran (not skipped)
        bool skipped = false;  // some scenario was skipped: the run knows nothing new
    };
    std::map<std::string, Seen> seen;
    for (const TestResult& result : results) {
        Seen& test = seen[result.path];
        if (result.status == Status::Skip) {
            test.skipped = true;
            continue;
        }
        ++test.ran;
        if (IsFailure(result.status)) test.failures.push_back(&result);
    }

    std::map<std::pair<std::string, std::string>, std::string> old_reasons;
    for (const ExpectationEntry& entry : expectations.entries)
        old_reasons[{entry.path, entry.scenario}] = entry.reason;
    // The reason of the old entry for this scenario, else of any old entry
    // for the test, else the failure message.
    auto reason = [&](const std::string& path, const std::string& scenario, const TestResult& result) {
        if (auto it = old_reasons.find({path, scenario}); it != old_reasons.end() && !it->second.empty())
            return it->second;
        for (auto it = old_reasons.lower_bound({path, ""}); it != old_reasons.end() && it->first.first == path; ++it)
            if (!it->second.empty()) return it->second;
        return ReasonFor(result);
    };

    std::vector<ExpectationEntry> entries;
    for (const ExpectationEntry& entry : expectations.entries) {
        auto it = seen.find(entry.path);
        bool unknown_now = it == seen.end() || it->second.skipped;
        if (!IsUnderAny(entry.path, roots) || (it != seen.end() && unknown_now)) entries.push_back(entry);
    }
    for (const auto& [path, test] : seen) {
        if (test.failures.empty() || test.skipped) continue;
        if (test.failures.size() == test.ran) {
            entries.push_back({path, "", reason(path, "", *test.failures.front()), 0});
            continue;
        }
        for (const TestResult* failure : test.failures)
            entries.push_back({path, failure->scenario, reason(path, failure->scenario, *failure), 0});
    }
    std::sort(entries.begin(), entries.end(), [](const ExpectationEntry& a, const ExpectationEntry& b) {
        return std::tie(a.path, a.scenario) < std::tie(b.path, b.scenario);
    });

    std::string text = expectations.header;
    if (!text.empty() && text.back() != '\n') text += '\n';
    for (const ExpectationEntry& entry : entries) text += FormatEntry(entry);
    return text;
}

}  // namespace lockstep::conformance
