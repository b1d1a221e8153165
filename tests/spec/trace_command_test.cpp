// `lockstep trace` end to end: a tiny script traced by the built binary
// (build/lockstep beside this test binary's folder; `make test` builds it).
#include "spec_paths.h"

#define BOOST_BIND_GLOBAL_PLACEHOLDERS  // property_tree still includes the deprecated boost/bind.hpp
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lockstep::spec {
namespace {

namespace fs = std::filesystem;

fs::path Lockstep()
{
    std::error_code error;
    fs::path exe = fs::read_symlink("/proc/self/exe", error);
    return error ? fs::path() : exe.parent_path().parent_path() / "lockstep";
}

// Runs `lockstep trace SCRIPT ARGS` on `source`; its stdout, line by line.
std::vector<std::string> Trace(const std::string& source, const std::string& args)
{
    fs::path script = fs::temp_directory_path() / ("lockstep_trace_" + std::to_string(getpid()) + ".js");
    std::ofstream(script) << source;
    std::string command = Lockstep().string() + " trace " + script.string() + " " + args + " 2>&1";
    std::vector<std::string> lines;
    if (std::FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[4096];
        while (std::fgets(buffer, sizeof buffer, pipe)) {
            std::string line = buffer;
            if (!line.empty() && line.back() == '\n') line.pop_back();
            lines.push_back(line);
        }
        pclose(pipe);
    }
    fs::remove(script);
    return lines;
}

// Where `wanted` occurs in `lines` (a line equal to it, or containing it), or -1.
long Find(const std::vector<std::string>& lines, const std::string& wanted, long from = 0)
{
    for (long i = from; i < static_cast<long>(lines.size()); ++i)
        if (lines[static_cast<std::size_t>(i)].find(wanted) != std::string::npos) return i;
    return -1;
}

class TraceCommand : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!fs::exists(Lockstep())) GTEST_SKIP() << "no " << Lockstep() << " (make build/lockstep)";
        if (testing::shared_spec_dir().empty()) GTEST_SKIP() << "no spec sources";
    }
};

TEST_F(TraceCommand, AdditionCallsToPrimitiveAndValueOf)
{
    auto lines = Trace("var x = 1 + { valueOf() { return 2; } };\nprint(x);\n", "");
    long apply = Find(lines, "§13.15.3 ApplyStringOrNumericBinaryOperator 1.b  Let rPrim be ? ToPrimitive(rVal).");
    ASSERT_GE(apply, 0) << "no step 1.b of ApplyStringOrNumericBinaryOperator";
    long to_primitive = Find(lines, "§7.1.1 ToPrimitive 1  If input is an Object, then", apply);
    long ordinary = Find(lines, "§7.1.1.1 OrdinaryToPrimitive", to_primitive);
    long printed = Find(lines, "3", ordinary);
    ASSERT_GT(to_primitive, apply);
    ASSERT_GT(ordinary, to_primitive);
    EXPECT_GT(printed, ordinary);
    // ToPrimitive runs inside ApplyStringOrNumericBinaryOperator: one level deeper.
    auto indent = [&](long i) { return lines[static_cast<std::size_t>(i)].find_first_not_of(' '); };
    EXPECT_EQ(indent(to_primitive), indent(apply) + 2);
    EXPECT_EQ(indent(ordinary), indent(to_primitive) + 2);
    EXPECT_EQ(lines.back().find("§16.1.6 ScriptEvaluation"), 2u);  // the script's evaluation ends the trace
}

TEST_F(TraceCommand, JsonLinesOfOneAlgorithm)
{
    auto lines = Trace("var x = 1 + { valueOf() { return 2; } };\n", "--json --only ^§7\\\\.1\\\\.1\\ ");
    ASSERT_GE(lines.size(), 3u);
    std::vector<std::string> steps;
    for (const std::string& line : lines) {
        std::istringstream in(line);
        boost::property_tree::ptree object;
        ASSERT_NO_THROW(boost::property_tree::read_json(in, object)) << line;
        EXPECT_EQ(object.get<std::string>("algorithm"), "ToPrimitive");
        EXPECT_EQ(object.get<std::string>("id"), "sec-toprimitive");
        EXPECT_EQ(object.get<std::string>("section"), "7.1.1");
        EXPECT_GT(object.get<int>("depth"), 0);
        steps.push_back(object.get<std::string>("step"));
        if (steps.back() == "1.a") {
            EXPECT_EQ(object.get<std::string>("text"), "Let exoticToPrim be ? GetMethod(input, %Symbol.toPrimitive%).");
        }
    }
    // 1 + {}: ToPrimitive(1) returns at step 2; ToPrimitive({…}) goes through 1.a to 1.d.
    EXPECT_EQ(steps, (std::vector<std::string>{"1", "2", "1", "1.a", "1.b", "1.c", "1.d"}));
}

TEST_F(TraceCommand, BadOnlyRegexIsAUsageError)
{
    auto lines = Trace("1;", "--only '('");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("bad --only regex"), std::string::npos);
}

}  // namespace
}  // namespace lockstep::spec
