// The skip list: its format, and the real list against test262's features.txt.
#include "conformance/test262/unsupported_features.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <sstream>

namespace lockstep::conformance::test262 {
namespace {

TEST(UnsupportedFeatures, ParsesFeaturesWithReasons)
{
    auto parsed = ParseUnsupportedFeatures("# comment\n\ndecorators  # stage 3\nTemporal # proposal\n", "f.txt");
    ASSERT_TRUE(std::holds_alternative<UnsupportedFeatures>(parsed));
    const UnsupportedFeatures& features = std::get<UnsupportedFeatures>(parsed);
    EXPECT_EQ(features.reasons.size(), 2u);
    EXPECT_EQ(features.reasons.at("decorators"), "stage 3");
    std::vector<std::string> test_features = {"class", "Temporal", "decorators"};
    ASSERT_NE(features.FirstUnsupported(test_features), nullptr);
    EXPECT_EQ(*features.FirstUnsupported(test_features), "Temporal");
    EXPECT_EQ(features.FirstUnsupported({"class"}), nullptr);
}

TEST(UnsupportedFeatures, EveryFeatureNeedsAReason)
{
    auto parsed = ParseUnsupportedFeatures("decorators  # ok\nTemporal\n", "f.txt");
    ASSERT_TRUE(std::holds_alternative<std::string>(parsed));
    EXPECT_EQ(std::get<std::string>(parsed), "f.txt:2: feature 'Temporal' needs a reason ('# why')");
}

std::string ReadAll(const std::string& file)
{
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every feature in the list is one test262 knows (no typo silently skips
// nothing). Tests run from the repository root, as `make test` runs them.
TEST(UnsupportedFeatures, TheListNamesRealTest262Features)
{
    const std::string list = "conformance/test262/unsupported_features.txt";
    const std::string known = "../shared/test262/features.txt";
    if (!std::filesystem::exists(list) || !std::filesystem::exists(known))
        GTEST_SKIP() << "run from the repository root, next to ../shared/test262";
    auto parsed = ParseUnsupportedFeatures(ReadAll(list), list);
    ASSERT_TRUE(std::holds_alternative<UnsupportedFeatures>(parsed)) << std::get<std::string>(parsed);
    std::set<std::string> features;
    std::istringstream lines(ReadAll(known));
    for (std::string line; std::getline(lines, line);) {
        line = line.substr(0, line.find('#'));
        line.erase(line.find_last_not_of(" \t\r") + 1);
        if (!line.empty()) features.insert(line);
    }
    for (const auto& [feature, reason] : std::get<UnsupportedFeatures>(parsed).reasons)
        EXPECT_TRUE(features.count(feature)) << feature << " is not in " << known;
}

}  // namespace
}  // namespace lockstep::conformance::test262
