#include "conformance/common/report.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <pugixml.hpp>

namespace lockstep::conformance {

namespace {

std::string CannotWrite(const std::string& file)
{
    return "cannot write " + file + ": " + std::strerror(errno);
}

}  // namespace

Counts CountResults(const std::vector<TestResult>& results)
{
    Counts counts;
    for (const TestResult& result : results) {
        if (result.status == Status::Pass) ++counts.passed;
        else if (result.status == Status::Skip) ++counts.skipped;
        else ++counts.failed;
    }
    return counts;
}

std::string ClosingLine(const Counts& counts)
{
    return std::to_string(counts.passed) + " passed, " + std::to_string(counts.failed) + " failed, " +
           std::to_string(counts.skipped) + " skipped";
}

std::optional<std::string> WriteSummaryFile(const std::string& file, const Counts& counts)
{
    std::ofstream out(file);
    out << counts.passed << ' ' << counts.failed << ' ' << counts.skipped << ' ' << counts.known_failures << '\n';
    if (!out.flush()) return CannotWrite(file);
    return std::nullopt;
}

std::string JsonEscape(const std::string& text)
{
    std::string escaped;
    escaped.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '"': escaped += "\\\""; break;
        case '\\': escaped += "\\\\"; break;
        case '\n': escaped += "\\n"; break;
        case '\r': escaped += "\\r"; break;
        case '\t': escaped += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                escaped += buffer;
            } else {
                escaped += c;
            }
        }
    }
    return escaped;
}

std::optional<std::string> WriteJson(const std::string& file, const std::vector<TestResult>& results)
{
    std::ofstream out(file);
    out << "[\n";
    for (size_t i = 0; i < results.size(); ++i) {
        const TestResult& result = results[i];
        char duration[32];
        std::snprintf(duration, sizeof duration, "%.3f", result.duration_ms);
        out << "  {\"path\": \"" << JsonEscape(result.path) << "\", \"scenario\": \""
            << JsonEscape(result.scenario) << "\", \"status\": \"" << StatusName(result.status)
            << "\", \"message\": \"" << JsonEscape(result.message) << "\", \"duration_ms\": " << duration
            << (i + 1 < results.size() ? "},\n" : "}\n");
    }
    out << "]\n";
    if (!out.flush()) return CannotWrite(file);
    return std::nullopt;
}

std::optional<std::string> WriteJunit(const std::string& file, const std::string& suite,
                                      const std::vector<TestResult>& results)
{
    Counts counts = CountResults(results);
    size_t errors = 0;
    double total_ms = 0;
    for (const TestResult& result : results) {
        if (result.status == Status::Crash || result.status == Status::Timeout) ++errors;
        total_ms += result.duration_ms;
    }
    pugi::xml_document document;
    pugi::xml_node suites = document.append_child("testsuites");
    pugi::xml_node node = suites.append_child("testsuite");
    node.append_attribute("name") = suite.c_str();
    node.append_attribute("tests") = static_cast<unsigned long long>(results.size());
    node.append_attribute("failures") = static_cast<unsigned long long>(counts.failed - errors);
    node.append_attribute("errors") = static_cast<unsigned long long>(errors);
    node.append_attribute("skipped") = static_cast<unsigned long long>(counts.skipped);
    node.append_attribute("time") = total_ms / 1000;
    for (const TestResult& result : results) {
        pugi::xml_node testcase = node.append_child("testcase");
        // classname is the test's folder, dotted, as JUnit viewers group by it.
        std::string folder = result.path.substr(0, result.path.rfind('/') == std::string::npos
                                                       ? 0 : result.path.rfind('/'));
        for (char& c : folder)
            if (c == '/') c = '.';
        testcase.append_attribute("classname") = folder.c_str();
        std::string name = DisplayName(result).substr(folder.empty() ? 0 : folder.size() + 1);
        testcase.append_attribute("name") = name.c_str();
        testcase.append_attribute("time") = result.duration_ms / 1000;
        const char* element = nullptr;
        switch (result.status) {
        case Status::Pass: break;
        case Status::Skip: element = "skipped"; break;
        case Status::Fail: element = "failure"; break;
        case Status::Crash:
        case Status::Timeout: element = "error"; break;
        }
        if (!element) continue;
        pugi::xml_node detail = testcase.append_child(element);
        detail.append_attribute("message") = result.message.c_str();
        detail.append_attribute("type") = std::string(StatusName(result.status)).c_str();
    }
    if (!document.save_file(file.c_str(), "  ")) return CannotWrite(file);
    return std::nullopt;
}

}  // namespace lockstep::conformance
