// lockstep trace (spec/trace.h): steps printed in the order they run,
// indented by algorithm nesting, with the spec's text of each step.
#include "spec/trace.h"

#include "spec/ecma262.h"
#include "spec/recording.h"
#include "spec/step.h"

#define BOOST_BIND_GLOBAL_PLACEHOLDERS  // property_tree still includes the deprecated boost/bind.hpp
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>

namespace lockstep::spec {
namespace {

// A two-clause spec: Outer calls Inner from its step 1.a.
constexpr const char* kSpec = R"(<html><emu-clause id="sec-ops"><h1>Operations</h1>
<emu-clause id="sec-outer"><h1>Outer ( x )</h1><emu-alg>
  1. If _x_ is *true*, then
    1. Let _y_ be Inner().
  1. Return   _y_,
     whatever it is.
</emu-alg></emu-clause><emu-clause id="sec-inner"><h1>Inner ( )</h1><emu-alg>
  1. Return 42.
</emu-alg></emu-clause></emu-clause></html>)";

void Inner()
{
    SPEC_ALGORITHM("sec-inner");
    STEP("1");
}

void Outer()
{
    SPEC_ALGORITHM("sec-outer");
    STEP("1");
    STEP("1.a");
    Inner();
    trace_field("record R", "[[Field]]", "\"set\"");
    STEP("2");
    RULE("Step_pure/nop");
}

// Runs Outer() under a tracer and returns what it printed, line by line.
std::vector<std::string> Trace(const TraceOptions& options)
{
    SpecIndex index;
    std::string error;
    EXPECT_TRUE(load_ecma262_xhtml(kSpec, index, error)) << error;
    SpecTecIndex spectec;
    char* buffer = nullptr;
    size_t size = 0;
    std::FILE* out = open_memstream(&buffer, &size);
    {
        Tracer tracer(index, spectec, options, out);
        Outer();  // before start(): not traced
        tracer.start();
        Outer();
        tracer.stop();
        Outer();  // after stop(): not traced
    }
    std::fclose(out);
    std::vector<std::string> lines;
    std::istringstream text(std::string(buffer, size));
    std::free(buffer);
    for (std::string line; std::getline(text, line);) lines.push_back(line);
    EXPECT_FALSE(g_recording);
    return lines;
}

TraceOptions Options(bool json, bool text, const std::string& only)
{
    TraceOptions options;
    options.json = json;
    options.text = text;
    options.only = only;
    return options;
}

TEST(Trace, StepsInOrderWithDepthAndText)
{
    EXPECT_EQ(Trace(Options(false, true, "")), (std::vector<std::string>{
                             "  §1.1 Outer 1  If x is true, then",
                             "  §1.1 Outer 1.a  Let y be Inner().",
                             "    §1.2 Inner 1  Return 42.",
                             "  [[Field]] of record R = \"set\"",
                             "  §1.1 Outer 2  Return y, whatever it is.",
                             "  wasm Step_pure/nop",
                         }));
}

TEST(Trace, NoTextAndOnly)
{
    EXPECT_EQ(Trace(Options(false, false, "Inner")), (std::vector<std::string>{
                                                            "    §1.2 Inner 1",
                                                            "  [[Field]] of record R = \"set\"",
                                                        }));
    EXPECT_EQ(Trace(Options(false, false, "^§1\\.1 ")).size(), 4u);  // Outer's 3 steps and the field
    std::string error;
    EXPECT_FALSE(Tracer::valid_filter("(", error));
    EXPECT_NE(error.find("--only"), std::string::npos);
}

TEST(Trace, JsonLinesParse)
{
    std::vector<std::string> lines = Trace(Options(true, true, ""));
    ASSERT_EQ(lines.size(), 6u);
    std::vector<boost::property_tree::ptree> objects;
    for (const std::string& line : lines) {
        std::istringstream in(line);
        boost::property_tree::ptree object;
        ASSERT_NO_THROW(boost::property_tree::read_json(in, object)) << line;
        objects.push_back(object);
    }
    EXPECT_EQ(objects[2].get<int>("depth"), 2);
    EXPECT_EQ(objects[2].get<std::string>("section"), "1.2");
    EXPECT_EQ(objects[2].get<std::string>("id"), "sec-inner");
    EXPECT_EQ(objects[2].get<std::string>("algorithm"), "Inner");
    EXPECT_EQ(objects[2].get<std::string>("step"), "1");
    EXPECT_EQ(objects[2].get<std::string>("text"), "Return 42.");
    EXPECT_EQ(objects[3].get<std::string>("field"), "[[Field]]");
    EXPECT_EQ(objects[3].get<std::string>("value"), "\"set\"");
    EXPECT_EQ(objects[5].get<std::string>("id"), "wasm");
    EXPECT_EQ(objects[5].get<std::string>("step"), "Step_pure/nop");
}

TEST(Trace, DepthCountsTheOpenScopes)
{
    g_recording = true;
    int before = algorithm_depth();
    {
        SPEC_ALGORITHM("sec-outer");
        EXPECT_EQ(algorithm_depth(), before + 1);
        [before] {
            SPEC_ALGORITHM("sec-inner");
            EXPECT_EQ(algorithm_depth(), before + 2);
        }();
        EXPECT_EQ(algorithm_depth(), before + 1);
    }
    g_recording = false;
    EXPECT_EQ(algorithm_depth(), before);
    {
        SPEC_ALGORITHM("sec-outer");  // recording off: depth untouched
        EXPECT_EQ(algorithm_depth(), before);
    }
}

TEST(Trace, PlainText)
{
    EXPECT_EQ(plain_text("If _input_ is not *undefined*, let _hint_ be *\"default\"*."),
              "If input is not undefined, let hint be \"default\".");
    EXPECT_EQ(plain_text("If _preferredType_ is ~string~ or ~non-strict~, then"),
              "If preferredType is string or non-strict, then");
    EXPECT_EQ(plain_text("Return ? Evaluation of |AdditiveExpression|, `+` and |Arguments[?Yield]|."),
              "Return ? Evaluation of AdditiveExpression, `+` and Arguments[?Yield].");
    EXPECT_EQ(plain_text("Let _O_ be ? ToObject(*this* value); *+0*<sub>𝔽</sub>; a_b_c; 2 * 3 * 4; |x| and [[Field]]"),
              "Let O be ? ToObject(this value); +0<sub>𝔽</sub>; a_b_c; 2 * 3 * 4; |x| and [[Field]]");
}

TEST(Trace, OneLine)
{
    EXPECT_EQ(one_line("  a \n\t b  ", 80), "a b");
    EXPECT_EQ(one_line("abcdef", 3), "abc…");
    EXPECT_EQ(one_line("ab\xC3\xA9", 3), "ab…");  // é is not cut in half
}

}  // namespace
}  // namespace lockstep::spec
