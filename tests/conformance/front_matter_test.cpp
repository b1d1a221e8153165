// The test262 front-matter parser, on front matter as test262 writes it.
#include "conformance/test262/front_matter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace lockstep::conformance::test262 {
namespace {

FrontMatter Parse(std::string_view source)
{
    auto parsed = ParseFrontMatter(source);
    if (auto* error = std::get_if<FrontMatterError>(&parsed)) {
        ADD_FAILURE() << "line " << error->line << ": " << error->message;
        return {};
    }
    return std::get<FrontMatter>(parsed);
}

FrontMatterError ParseError(std::string_view source)
{
    auto parsed = ParseFrontMatter(source);
    if (auto* error = std::get_if<FrontMatterError>(&parsed)) return *error;
    ADD_FAILURE() << "parsed, but an error was expected";
    return {};
}

TEST(FrontMatter, FoldedDescriptionLiteralInfoAndFlowLists)
{
    // From test/language/comments/S7.4_A5.js, with lists added.
    FrontMatter fm = Parse(
        "// Copyright 2009 the Sputnik authors.  All rights reserved.\n"
        "/*---\n"
        "info: |\n"
        "    Single line comments can contain any Unicode character without Line\n"
        "    Terminators\n"
        "es5id: 7.4_A5\n"
        "description: >\n"
        "    //var \" + xx + \"yy = -1\", insert instead of xx all Unicode\n"
        "    characters\n"
        "includes: [compareArray.js, propertyHelper.js]\n"
        "flags: [onlyStrict]\n"
        "---*/\n"
        "var hex = [];\n");
    EXPECT_EQ(fm.info, "Single line comments can contain any Unicode character without Line\nTerminators\n");
    EXPECT_EQ(fm.description, "//var \" + xx + \"yy = -1\", insert instead of xx all Unicode characters\n");
    EXPECT_EQ(fm.includes, (std::vector<std::string>{"compareArray.js", "propertyHelper.js"}));
    EXPECT_TRUE(fm.flags.onlyStrict);
    EXPECT_FALSE(fm.flags.noStrict);
    EXPECT_FALSE(fm.negative.has_value());
}

TEST(FrontMatter, NegativeBlockAndPlainScalars)
{
    FrontMatter fm = Parse(
        "/*---\n"
        "esid: sec-variable-statement\n"
        "description: var with a reserved word  # a comment\n"
        "negative:\n"
        "  phase: parse\n"
        "  type: SyntaxError\n"
        "flags: [noStrict, generated]\n"
        "---*/\n"
        "$DONOTEVALUATE();\nvar default;\n");
    EXPECT_EQ(fm.esid, "sec-variable-statement");
    EXPECT_EQ(fm.description, "var with a reserved word");
    ASSERT_TRUE(fm.negative.has_value());
    EXPECT_EQ(fm.negative->phase, "parse");
    EXPECT_EQ(fm.negative->type, "SyntaxError");
    EXPECT_TRUE(fm.flags.noStrict);
    EXPECT_TRUE(fm.flags.generated);
}

TEST(FrontMatter, BlockListsAndMultiLineFlowLists)
{
    FrontMatter fm = Parse(
        "/*---\n"
        "features:\n"
        "  - Symbol\n"
        "  - Symbol.iterator\n"
        "includes: [a.js,\n"
        "  'b.js', \"c.js\"]\n"
        "flags: []\n"
        "locale:\n"
        "- en\n"
        "- ar\n"
        "---*/\n");
    EXPECT_EQ(fm.features, (std::vector<std::string>{"Symbol", "Symbol.iterator"}));
    EXPECT_EQ(fm.locale, (std::vector<std::string>{"en", "ar"}));
    EXPECT_EQ(fm.includes, (std::vector<std::string>{"a.js", "b.js", "c.js"}));
}

TEST(FrontMatter, ChompingAndBlankLinesInBlockScalars)
{
    FrontMatter fm = Parse(
        "/*---\n"
        "info: |-\n"
        "  line one\n"
        "\n"
        "    indented\n"
        "description: >\n"
        "  folded\n"
        "  together\n"
        "\n"
        "  new paragraph\n"
        "---*/\n");
    EXPECT_EQ(fm.info, "line one\n\n  indented");
    EXPECT_EQ(fm.description, "folded together\nnew paragraph\n");
}

TEST(FrontMatter, CarriageReturnLinesAndAnIndentedMapping)
{
    // Function/prototype/toString/line-terminator-normalisation-CR.js uses CR
    // line ends; statements/function/13.2-30-s.js indents the whole mapping.
    FrontMatter fm = Parse("/*---\r esid: sec-x\r description: CR only\r flags: [raw]\r---*/\r");
    EXPECT_EQ(fm.esid, "sec-x");
    EXPECT_EQ(fm.description, "CR only");
    EXPECT_TRUE(fm.flags.raw);
}

TEST(FrontMatter, ErrorsNameTheirLine)
{
    EXPECT_EQ(ParseError("// no metadata\nfoo();\n").message, "no front matter ('/*---' ... '---*/')");

    FrontMatterError flag = ParseError("// header\n/*---\nflags: [module, fast]\n---*/\n");
    EXPECT_EQ(flag.line, 3);
    EXPECT_EQ(flag.message, "unknown flag 'fast'");

    FrontMatterError list = ParseError("/*---\ndescription: x\nfeatures: [a, b\n---*/\n");
    EXPECT_EQ(list.line, 3);
    EXPECT_EQ(list.message, "unterminated '[' list");

    FrontMatterError duplicate = ParseError("/*---\nesid: a\nesid: b\n---*/\n");
    EXPECT_EQ(duplicate.line, 3);

    FrontMatterError phase = ParseError("/*---\nnegative:\n  phase: early\n  type: SyntaxError\n---*/\n");
    EXPECT_EQ(phase.message, "negative.phase must be parse, resolution or runtime");

    EXPECT_EQ(ParseError("/*---\nflags: [onlyStrict, noStrict]\n---*/\n").message,
              "flag onlyStrict contradicts noStrict and raw");
    EXPECT_EQ(ParseError("/*---\ndescription: x\n---\n").message, "front matter does not end ('---*/')");
}

// Every test of the pinned test262 has front matter this parser reads
// (checked against PyYAML when the parser was written). Tests run from the
// repository root, as `make test` runs them.
TEST(FrontMatter, EveryTest262TestParses)
{
    const std::filesystem::path root = "../shared/test262/test";
    if (!std::filesystem::exists(root)) GTEST_SKIP() << "no test262 at " << root;
    size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".js" || name.find("_FIXTURE") != std::string::npos) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream source;
        source << in.rdbuf();
        auto parsed = ParseFrontMatter(source.str());
        if (auto* error = std::get_if<FrontMatterError>(&parsed))
            ADD_FAILURE() << entry.path() << ":" << error->line << ": " << error->message;
        ++files;
    }
    EXPECT_GT(files, 40000u);
}

}  // namespace
}  // namespace lockstep::conformance::test262
