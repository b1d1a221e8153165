// `lockstep wast --junit`: one testcase per script, failing with its failed
// assertions, written as JUnit XML by the shared report writer.
#include "conformance/wast/runner.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <filesystem>
#include <fstream>

namespace lockstep::conformance::wast {
namespace {

namespace fs = std::filesystem;

fs::path WriteScript(const std::string& name, const std::string& text)
{
    fs::path file = fs::temp_directory_path() / ("lockstep_junit_" + std::to_string(getpid()) + "_" + name);
    std::ofstream(file) << text;
    return file;
}

TEST(WastJunit, OneTestcasePerScript)
{
    fs::path good = WriteScript("good.wast", R"((module (func (export "one") (result i32) (i32.const 1)))
(assert_return (invoke "one") (i32.const 1))
)");
    fs::path bad = WriteScript("bad.wast", R"((module (func (export "one") (result i32) (i32.const 1)))
(assert_return (invoke "one") (i32.const 1))
(assert_return (invoke "one") (i32.const 2))
(assert_return (invoke "one") (i32.const 3))
)");
    FileResult good_result = run_wast_file(good.string(), {}, nullptr);
    FileResult bad_result = run_wast_file(bad.string(), {}, nullptr);
    ASSERT_EQ(good_result.counts.passed, 1u);
    ASSERT_EQ(bad_result.failures.size(), 2u);

    std::vector<TestResult> results = {junit_result("core/good.wast", good_result, {}, 1.5),
                                       junit_result("core/bad.wast", bad_result, {4}, 2.0)};
    EXPECT_EQ(results[0].status, Status::Pass);
    EXPECT_EQ(results[1].status, Status::Fail);
    fs::path xml = fs::temp_directory_path() / ("lockstep_junit_" + std::to_string(getpid()) + ".xml");
    ASSERT_FALSE(WriteJunit(xml.string(), "wast", results).has_value());

    pugi::xml_document document;
    ASSERT_TRUE(document.load_file(xml.c_str()));
    pugi::xml_node suite = document.child("testsuites").child("testsuite");
    EXPECT_STREQ(suite.attribute("name").value(), "wast");
    EXPECT_EQ(suite.attribute("tests").as_int(), 2);
    EXPECT_EQ(suite.attribute("failures").as_int(), 1);
    pugi::xml_node first = suite.child("testcase");
    EXPECT_STREQ(first.attribute("classname").value(), "core");
    EXPECT_STREQ(first.attribute("name").value(), "good.wast");
    EXPECT_FALSE(first.child("failure"));
    pugi::xml_node second = first.next_sibling("testcase");
    EXPECT_STREQ(second.attribute("name").value(), "bad.wast");
    std::string message = second.child("failure").attribute("message").value();
    EXPECT_NE(message.find("line 3: "), std::string::npos) << message;
    EXPECT_NE(message.find("line 4: (known failure) "), std::string::npos) << message;
    EXPECT_EQ(message.find("line 2"), std::string::npos) << message;
    for (const fs::path& file : {good, bad, xml}) fs::remove(file);
}

TEST(WastJunit, AScriptOfUnsupportedCommandsIsSkipped)
{
    FileResult only_skipped;
    only_skipped.counts.skipped = 3;
    TestResult result = junit_result("x.wast", only_skipped, {}, 0);
    EXPECT_EQ(result.status, Status::Skip);
    EXPECT_EQ(result.message, "3 unsupported commands");
}

}  // namespace
}  // namespace lockstep::conformance::wast
