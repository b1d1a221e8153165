#include "spec/check.h"

#include "spec/ecma262.h"
#include "spec/js_api.h"
#include "spec/step_list.h"
#include "tests/spec/spec_paths.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lockstep::spec {
namespace {

SpecAlgorithm algorithm_of(const char* steps)
{
    SpecAlgorithm algorithm;
    algorithm.steps = parse_step_list(steps);
    return algorithm;
}

// The spec side of the synthetic checks.
constexpr const char* kSteps = R"(
  1. Let _a_ be 1.
  1. If _a_ is 1, then
    1. Set _a_ to 2.
  1. Else,
    1. Set _a_ to 3.
    1. Set _a_ to 4.
  1. Return _a_.
)";

AlgorithmMarkers markers_of(const std::string& body)
{
    SourceMarkers out;
    scan_markers("void F()\n{\n    SPEC_ALGORITHM(\"sec-f\");\n" + body + "}\n", "f.cpp", out);
    EXPECT_TRUE(out.problems.empty());
    return out.algorithms.at(0);
}

std::vector<std::string> findings(const std::vector<Drift>& drift)
{
    std::vector<std::string> out;
    for (const Drift& d : drift) out.push_back(std::to_string(d.line) + ": " + d.message);
    return out;
}

TEST(CheckSteps, AFaithfulTranscriptionHasNoDrift)
{
    auto drift = check_steps(algorithm_of(kSteps), markers_of(R"(
    STEP("1");
    STEP("2");
    if (a == 1) { STEP("2.a"); }
    else { STEP("3"); STEP("3.a"); STEP("3.b"); }
    STEP("4");
    STEP("4");  // a step marked twice (two return paths) is fine
)"));
    EXPECT_EQ(findings(drift), std::vector<std::string>{});
}

TEST(CheckSteps, AMissingStepIsNamed)
{
    auto drift = check_steps(algorithm_of(kSteps), markers_of(R"(
    STEP("1"); STEP("2"); STEP("2.a"); STEP("3"); STEP("3.a");
    STEP("4");
)"));
    EXPECT_EQ(findings(drift), std::vector<std::string>{"3: missing step 3.b"});
}

TEST(CheckSteps, TwoSwappedStepsNameTheMovedOne)
{
    auto drift = check_steps(algorithm_of(kSteps), markers_of(R"(
    STEP("2");
    STEP("1");
    STEP("2.a"); STEP("3"); STEP("3.a"); STEP("3.b"); STEP("4");
)"));
    EXPECT_EQ(findings(drift), std::vector<std::string>{"5: step 2 out of order (marked before step 1 on line 6)"});
}

TEST(CheckSteps, AStepMovedFarAwayIsTheOnlyOneReported)
{
    auto drift = check_steps(algorithm_of(kSteps), markers_of(R"(
    STEP("4");
    STEP("1"); STEP("2"); STEP("2.a"); STEP("3"); STEP("3.a"); STEP("3.b");
)"));
    EXPECT_EQ(findings(drift), std::vector<std::string>{"5: step 4 out of order (marked before step 1 on line 6)"});
}

TEST(CheckSteps, ExtraStepsAndLabelsThatAreNoLabels)
{
    auto drift = check_steps(algorithm_of(kSteps), markers_of(R"(
    STEP("1"); STEP("2"); STEP("2.a"); STEP("2.b"); STEP("3"); STEP("3.a"); STEP("3.b"); STEP("4");
    STEP("5");
    STEP("step five");
)"));
    EXPECT_EQ(findings(drift), (std::vector<std::string>{
                                   "7: \"step five\" is not a step label or range of this algorithm",
                                   "5: step 2.b is not in the spec",
                                   "6: step 5 is not in the spec",
                               }));
}

TEST(CheckSteps, ARangeCoversSiblingsAndTheirSubsteps)
{
    auto drift = check_steps(algorithm_of(kSteps), markers_of(R"(
    STEP("1");
    STEP("2-3");  // both branches in one expression
    STEP("4");
)"));
    EXPECT_EQ(findings(drift), std::vector<std::string>{});
    drift = check_steps(algorithm_of(kSteps), markers_of("STEP(\"1\"); STEP(\"2.a-3\"); STEP(\"4\");\n"));
    // Not siblings: rejected, so 2, 2.a, 3, 3.a and 3.b are missing.
    ASSERT_EQ(drift.size(), 6u);
    EXPECT_EQ(drift[0].kind, Drift::Kind::ExtraStep);
    EXPECT_EQ(drift[5].label, "3.b");
}

TEST(CheckSteps, AStepInsertedIntoTheSpecShowsAsThatStepAndARenumbering)
{
    // The code was written before the spec gained a new step 2.
    auto drift = check_steps(algorithm_of(R"(
      1. Let _a_ be 1.
      1. Perform Something().
      1. If _a_ is 1, then
        1. Set _a_ to 2.
      1. Else,
        1. Set _a_ to 3.
        1. Set _a_ to 4.
      1. Return _a_.
    )"),
                             markers_of(R"(
    STEP("1");
    STEP("2"); STEP("2.a");
    STEP("3"); STEP("3.a"); STEP("3.b");
    STEP("4");
)"));
    EXPECT_EQ(findings(drift), (std::vector<std::string>{
                                   "3: missing step 2",
                                   "6: step 2 is step 3 in the spec (renumbered)",
                                   "7: step 3 is step 4 in the spec (renumbered)",
                                   "8: step 4 is step 5 in the spec (renumbered)",
                               }));
}

CheckReport check_source(const SpecIndex& index, const std::string& source)
{
    static SourceMarkers markers;  // the report points into it
    markers = {};
    scan_markers(source, "snippet.cpp", markers);
    return check_markers(index, SpecTecIndex{}, markers);
}

std::string report_text(const CheckReport& report)
{
    std::FILE* file = std::tmpfile();
    print_check_report(report, file, false, false);
    std::rewind(file);
    std::string text;
    for (int c; (c = std::fgetc(file)) != EOF;) text += static_cast<char>(c);
    std::fclose(file);
    return text;
}

TEST(CheckMarkers, UnknownClausesAndAlgorithmNumbers)
{
    SpecIndex index;
    std::string error;
    ASSERT_TRUE(load_ecma262_xhtml(R"(<html><emu-clause id="sec-f"><h1>F ( )</h1><emu-alg>
      1. Return 1.
    </emu-alg></emu-clause><emu-clause id="sec-table"><h1>T</h1></emu-clause></html>)",
                                   index, error));
    CheckReport report = check_source(index, R"(
void A() { SPEC_ALGORITHM("sec-f"); STEP("1"); }
void B() { SPEC_ALGORITHM("sec-nope"); STEP("1"); }
void C() { SPEC_ALGORITHM("sec-f#2"); STEP("1"); }
void D() { SPEC_ALGORITHM("sec-table"); }
void E() { SPEC_ALGORITHM("sec-f#x"); }
)");
    EXPECT_EQ(report.drifted, 4u);
    EXPECT_FALSE(report.ok());
    EXPECT_EQ(report_text(report),
              "snippet.cpp:3: sec-nope: unknown clause id \"sec-nope\"\n"
              "snippet.cpp:4: sec-f#2 (§1 F ( )): the clause has 1 algorithm(s), not #2\n"
              "snippet.cpp:5: sec-table (§2 T): the clause has no algorithm steps (a table or prose defines it)\n"
              "snippet.cpp:6: sec-f#x: malformed address \"sec-f#x\" (want \"clause-id\" or \"clause-id#N\", then \"@step\" for a part)\n"
              "SpecTec: 0 of 0 validation/execution rules marked; 0 unknown RULE marker(s)\n"
              "5 algorithms, 3 steps, 4 drifted\n");
}

TEST(CheckMarkers, RuleMarkersAgainstSpecTec)
{
    SpecTecIndex spectec;
    parse_spectec("rule Step_pure/nop:\nrule Step_pure/drop:\nrule Instr_ok/nop:\n",
                  "4.3-execution.instructions.spectec", spectec);
    SourceMarkers markers;
    scan_markers("void f() { RULE(\"Step_pure/nop\"); RULE(\"Step_pure/nope\"); }", "w.cpp", markers);
    CheckReport report = check_markers(SpecIndex{}, spectec, markers);
    ASSERT_EQ(report.unknown_rules.size(), 1u);
    EXPECT_EQ(report.unknown_rules[0]->name, "Step_pure/nope");
    EXPECT_EQ(report.spectec_rules, 3u);
    ASSERT_EQ(report.unmarked_rules.size(), 2u);
    EXPECT_EQ(report.unmarked_rules[0]->name, "Step_pure/drop");
    EXPECT_FALSE(report.ok());
}

// Annex B style: an algorithm whose step 2 another algorithm replaces, and a
// replacement of a step of that replacement.
constexpr const char* kReplacedSpec = R"(<html><body>
<emu-clause id="sec-f" type="abstract operation"><h1>F ( )</h1><emu-alg>
  1. Let _x_ be 1.
  1. [id="step-f-hook"] NOTE: Annex B adds steps here.
  1. Return _x_.
</emu-alg></emu-clause>
<emu-annex id="sec-annex"><h1>Annex</h1>
  <emu-annex id="sec-web-f"><h1>Changes to F</h1>
    <emu-alg replaces-step="step-f-hook">
      1. If _web_ is *true*, then
        1. [id="step-web-f-inner"] Set _x_ to 2.
        1. When _x_ is read, perform the following steps:
          1. Return 2.
    </emu-alg>
  </emu-annex>
  <emu-annex id="sec-web-f-inner"><h1>More changes to F</h1>
    <emu-alg replaces-step="step-web-f-inner">
      1. Set _x_ to 3.
    </emu-alg>
  </emu-annex>
</emu-annex>
</body></html>)";

class ReplacedSteps : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string error;
        ASSERT_TRUE(load_ecma262_xhtml(kReplacedSpec, index, error)) << error;
    }
    std::vector<std::string> check(const std::string& source)
    {
        CheckReport report = check_source(index, source);
        std::vector<std::string> out;
        for (const AlgorithmCheck& algorithm : report.algorithms)
            for (const Drift& drift : algorithm.drift)
                out.push_back(algorithm.markers->address + ":" + std::to_string(drift.line) + ": " + drift.message);
        return out;
    }
    SpecIndex index;
};

TEST_F(ReplacedSteps, AReplacementOfAReplacementStepIsNumberedInPlace)
{
    std::vector<std::string> labels;
    for (const SpecStep& step : index.find_id("sec-web-f")->algorithms.at(0).steps) labels.push_back(step.label);
    EXPECT_EQ(labels, (std::vector<std::string>{"2", "2.a", "2.b", "2.b.i"}));
    EXPECT_EQ(index.find_id("sec-web-f-inner")->algorithms.at(0).steps.at(0).label, "2.a");
}

TEST_F(ReplacedSteps, TheCodeFollowsEitherTheBaseStepOrItsReplacement)
{
    // The base algorithm alone (no Annex B).
    EXPECT_EQ(check(R"(void F() { SPEC_ALGORITHM("sec-f"); STEP("1"); STEP("2"); STEP("3"); })"),
              std::vector<std::string>{});
    // Base and replacement in one run of steps, numbered as the replacement continues them.
    EXPECT_EQ(check(R"(void F() { SPEC_ALGORITHM("sec-f"); STEP("1"); STEP("2"); STEP("2.a"); STEP("2.b");
                                  STEP("2.b.i"); STEP("3"); })"),
              std::vector<std::string>{});
    // Following the replacement, its steps must all be there.
    EXPECT_EQ(check(R"(void F() { SPEC_ALGORITHM("sec-f"); STEP("1"); STEP("2"); STEP("2.a"); STEP("2.b");
                                  STEP("3"); })"),
              std::vector<std::string>{"sec-f:1: missing step 2.b.i"});
    // The replacement checked on its own.
    EXPECT_EQ(check(R"(void G() { SPEC_ALGORITHM("sec-web-f"); STEP("2"); STEP("2.a"); STEP("2.b"); })"),
              std::vector<std::string>{"sec-web-f:1: missing step 2.b.i"});
}

TEST_F(ReplacedSteps, APartTranscribesTheSubstepsOfOneStepElsewhere)
{
    EXPECT_EQ(check(R"(
void F() { SPEC_ALGORITHM("sec-f"); STEP("1"); STEP("2"); STEP("2.a"); STEP("2.b"); STEP("3"); }
void WhenRead() { SPEC_ALGORITHM("sec-web-f@2.b"); STEP("2.b.i"); }
)"),
              std::vector<std::string>{});
    // Without the part, the substeps of 2.b are missing from F.
    EXPECT_EQ(check(R"(void F() { SPEC_ALGORITHM("sec-f"); STEP("1"); STEP("2"); STEP("2.a"); STEP("2.b");
                                  STEP("3"); })"),
              std::vector<std::string>{"sec-f:1: missing step 2.b.i"});
    // A part marks the substeps of its step, all of them.
    EXPECT_EQ(check(R"(
void WhenRead()
{
    SPEC_ALGORITHM("sec-web-f@2.b");
    STEP("2.a");
}
void F() { SPEC_ALGORITHM("sec-web-f@2"); STEP("2.a"); }
)"),
              (std::vector<std::string>{
                  "sec-web-f@2.b:5: step 2.a is not a substep of step 2.b, which this part transcribes",
                  "sec-web-f@2.b:4: missing step 2.b.i",
                  "sec-web-f@2:7: missing step 2.b",  // its substeps are the other part's
              }));
    EXPECT_EQ(check(R"(
void A() { SPEC_ALGORITHM("sec-f@1"); STEP("1.a"); }
void B() { SPEC_ALGORITHM("sec-f@9"); }
void C() { SPEC_ALGORITHM("sec-f@nine"); }
)"),
              (std::vector<std::string>{
                  "sec-f@1:2: step 1 has no substeps to transcribe apart",
                  "sec-f@9:3: the algorithm has no step 9",
                  "sec-f@nine:4: malformed address \"sec-f@nine\" (want \"clause-id\" or \"clause-id#N\", then "
                  "\"@step\" for a part)",
              }));
}

// JS API algorithms (Bikeshed) are checked as ECMA-262 ones: addressed by
// their anchor, "#N" for a later step list, "@step" for a part.
TEST(CheckMarkers, JsApiAlgorithmsByTheirAnchor)
{
    SpecIndex index;
    load_js_api(R"(
<div algorithm>
  The <dfn method for="Thing">poke(|x|)</dfn> method, when invoked, performs the following steps:
    1. If |x| is not a [=Number=], throw a {{TypeError}}.
    1. Let |onFulfilled| be an abstract closure that performs the following steps:
        1. Return |x|.
    1. Return |x|.
</div>

<div algorithm>
To <dfn>run a Thing function</dfn> with |f|, perform the following steps:

    1. Let |v| be |f|.
    1. Return |v|.
</div>
)",
                index);
    CheckReport report = check_source(index, R"(
void Poke() { SPEC_ALGORITHM("dom-thing-poke"); STEP("1"); STEP("2"); STEP("3"); }
void OnFulfilled() { SPEC_ALGORITHM("dom-thing-poke@2"); STEP("2.a"); }
void Run()
{
    SPEC_ALGORITHM("run-a-thing-function");
    STEP("1");
}
void Unknown() { SPEC_ALGORITHM("run-a-thing-procedure"); }
)");
    EXPECT_EQ(report_text(report),
              "snippet.cpp:6: run-a-thing-function (run a Thing function): missing step 2\n"
              "snippet.cpp:9: run-a-thing-procedure: unknown clause id \"run-a-thing-procedure\"\n"
              "SpecTec: 0 of 0 validation/execution rules marked; 0 unknown RULE marker(s)\n"
              "4 algorithms, 5 steps, 2 drifted\n");
}

// The drift check end to end on a real clause: OrdinaryGetOwnProperty's
// source copied out of the pinned spec.html, converted by xmllint, and
// checked against a transcription written for the unmodified clause.
class RealClauseDrift : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string dir = testing::shared_spec_dir();
        if (dir.empty()) GTEST_SKIP() << "no spec sources at ../shared/spec";
        std::ifstream in(dir + "/ecma262/spec.html");
        std::stringstream text;
        text << in.rdbuf();
        std::string spec = text.str();
        std::size_t start = spec.find("<emu-clause id=\"sec-ordinarygetownproperty\"");
        ASSERT_NE(start, std::string::npos);
        std::size_t end = spec.find("</emu-clause>", start);
        clause_ = spec.substr(start, end + std::string("</emu-clause>").size() - start);
        work_ = std::filesystem::temp_directory_path() / ("lockstep-spec-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(work_);
    }
    void TearDown() override
    {
        std::error_code ec;
        if (!work_.empty()) std::filesystem::remove_all(work_, ec);
    }

    std::string check(const std::string& clause_source)
    {
        std::string path = (work_ / "clause.html").string();
        std::ofstream(path) << "<html><body>" << clause_source << "</body></html>\n";
        SpecIndex index;
        std::string error;
        EXPECT_TRUE(load_ecma262(path, (work_ / "cache").string(), index, error)) << error;
        std::filesystem::remove_all(work_ / "cache");  // every check converts its own copy
        return report_text(check_source(index, kTranscription));
    }

    static constexpr const char* kTranscription = R"cpp(
std::optional<PropertyDescriptor> OrdinaryGetOwnProperty(Object& O, PropertyKey P)
{
    SPEC_ALGORITHM("sec-ordinarygetownproperty");
    STEP("1");  if (!O.has(P)) return std::nullopt;
    STEP("2");  PropertyDescriptor D;
    STEP("3");  auto& X = O.property(P);
    STEP("4");
    if (X.is_data()) {
        STEP("4.a");  D.value = X.value;
        STEP("4.b");  D.writable = X.writable;
    } else {
        STEP("5");
        STEP("5.a");  SPEC_ASSERT(X.is_accessor());
        STEP("5.b");  D.get = X.get;
        STEP("5.c");  D.set = X.set;
    }
    STEP("6");  D.enumerable = X.enumerable;
    STEP("7");  D.configurable = X.configurable;
    STEP("8");  return D;
}
)cpp";

    std::string clause_;
    std::filesystem::path work_;
};

TEST_F(RealClauseDrift, TheUnmodifiedClauseMatches)
{
    EXPECT_EQ(check(clause_), "SpecTec: 0 of 0 validation/execution rules marked; 0 unknown RULE marker(s)\n"
                              "1 algorithms, 13 steps, 0 drifted\n");
}

TEST_F(RealClauseDrift, ADeletedSpecStepIsNamed)
{
    std::string copy = clause_;
    std::string deleted = "1. Let _X_ be _O_'s own property whose key is _P_.";
    std::size_t at = copy.find(deleted);
    ASSERT_NE(at, std::string::npos);
    copy.erase(at, deleted.size());
    EXPECT_EQ(check(copy),
              "snippet.cpp:7: sec-ordinarygetownproperty (§1 OrdinaryGetOwnProperty ( O, P )): step 3 does not match "
              "the spec's step 3 (deleted from the spec?)\n"
              "snippet.cpp:8: sec-ordinarygetownproperty (§1 OrdinaryGetOwnProperty ( O, P )): step 4 is step 3 in "
              "the spec (renumbered)\n"
              "snippet.cpp:13: sec-ordinarygetownproperty (§1 OrdinaryGetOwnProperty ( O, P )): step 5 is step 4 in "
              "the spec (renumbered)\n"
              "snippet.cpp:18: sec-ordinarygetownproperty (§1 OrdinaryGetOwnProperty ( O, P )): step 6 is step 5 in "
              "the spec (renumbered)\n"
              "snippet.cpp:19: sec-ordinarygetownproperty (§1 OrdinaryGetOwnProperty ( O, P )): step 7 is step 6 in "
              "the spec (renumbered)\n"
              "snippet.cpp:20: sec-ordinarygetownproperty (§1 OrdinaryGetOwnProperty ( O, P )): step 8 is step 7 in "
              "the spec (renumbered)\n"
              "SpecTec: 0 of 0 validation/execution rules marked; 0 unknown RULE marker(s)\n"
              "1 algorithms, 13 steps, 1 drifted\n");
}

TEST_F(RealClauseDrift, TwoSwappedMarkersNameTheMovedStep)
{
    // The spec is unchanged; the transcription marks 6 after 7.
    std::string source = kTranscription;
    std::size_t six = source.find("STEP(\"6\")"), seven = source.find("STEP(\"7\")");
    source.replace(seven, 9, "STEP(\"6\")");
    source.replace(six, 9, "STEP(\"7\")");
    std::string path = (work_ / "clause.html").string();
    std::ofstream(path) << "<html><body>" << clause_ << "</body></html>\n";
    SpecIndex index;
    std::string error;
    ASSERT_TRUE(load_ecma262(path, (work_ / "cache").string(), index, error)) << error;
    EXPECT_EQ(report_text(check_source(index, source)),
              "snippet.cpp:18: sec-ordinarygetownproperty (§1 OrdinaryGetOwnProperty ( O, P )): step 7 out of order "
              "(marked before step 6 on line 19)\n"
              "SpecTec: 0 of 0 validation/execution rules marked; 0 unknown RULE marker(s)\n"
              "1 algorithms, 13 steps, 1 drifted\n");
}

}  // namespace
}  // namespace lockstep::spec
