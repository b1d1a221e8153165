#include "spec/ecma262.h"

#include "tests/spec/spec_paths.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace lockstep::spec {
namespace {

std::vector<std::string> labels(const SpecAlgorithm& algorithm)
{
    std::vector<std::string> out;
    for (const SpecStep& step : algorithm.steps) out.push_back(step.label);
    return out;
}

// A miniature ecmarkup document with each kind of numbering.
constexpr const char* kMiniSpec = R"(<html><body>
<emu-intro id="sec-intro"><h1>Introduction</h1>
  <emu-clause id="sec-intro-sub"><h1>Inside the intro</h1></emu-clause>
</emu-intro>
<emu-clause id="sec-one"><h1>One</h1>
  <emu-clause id="sec-one-a" type="abstract operation">
    <h1>
      DoThing (
        _x_: a Number,
        optional _y_: a String,
        optional _z_: a String,
      ): a Number
    </h1>
    <emu-alg>
      1. Let _r_ be _x_.
      1. [id="step-do-thing-hook"] If _y_ is present, then
        1. Set _r_ to 2.
      1. Return _r_ (see <emu-xref href="#sec-two"></emu-xref> and step <emu-xref href="#step-do-thing-hook"></emu-xref>).
    </emu-alg>
  </emu-clause>
  <div><emu-clause id="sec-one-b" type="sdo"><h1>Runtime Semantics: Evaluation</h1>
    <emu-grammar>A : `a`</emu-grammar>
    <emu-alg>
      1. Return 1.
    </emu-alg>
    <emu-grammar>A : `b`</emu-grammar>
    <emu-alg>
      1. Return 2.
    </emu-alg>
  </emu-clause></div>
</emu-clause>
<emu-clause id="sec-two"><h1>Two ( _a_ )</h1>
  <emu-clause id="sec-two-a"><h1>Two A</h1>
    <emu-clause id="sec-two-a-i"><h1>Deep</h1></emu-clause>
  </emu-clause>
</emu-clause>
<emu-annex id="sec-annex-a"><h1>Annex A</h1></emu-annex>
<emu-annex id="sec-annex-b"><h1>Annex B</h1>
  <emu-annex id="sec-annex-b-1"><h1>Replacement</h1>
    <emu-alg replaces-step="step-do-thing-hook">
      1. If _y_ is *"web"*, then
        1. Set _r_ to 3.
      1. Else if _y_ is present, then
        1. Set _r_ to 2.
    </emu-alg>
  </emu-annex>
</emu-annex>
<emu-annex id="sec-bibliography" back-matter=""><h1>Bibliography</h1>
  <emu-clause id="sec-bib-sub"><h1>Sub</h1></emu-clause>
</emu-annex>
</body></html>)";

class MiniSpec : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string error;
        ASSERT_TRUE(load_ecma262_xhtml(kMiniSpec, index, error)) << error;
    }
    std::string number(const char* id)
    {
        const SpecClause* clause = index.find_id(id);
        return clause ? clause->number : "<no clause " + std::string(id) + ">";
    }
    SpecIndex index;
};

TEST_F(MiniSpec, ClausesAreNumberedAsEcmarkupRendersThem)
{
    EXPECT_EQ(number("sec-intro"), "");
    EXPECT_EQ(number("sec-intro-sub"), "");
    EXPECT_EQ(number("sec-one"), "1");
    EXPECT_EQ(number("sec-one-a"), "1.1");
    EXPECT_EQ(number("sec-one-b"), "1.2");  // a wrapping <div> does not hide it
    EXPECT_EQ(number("sec-two"), "2");
    EXPECT_EQ(number("sec-two-a-i"), "2.1.1");
    EXPECT_EQ(number("sec-annex-a"), "A");
    EXPECT_EQ(number("sec-annex-b-1"), "B.1");
    EXPECT_EQ(number("sec-bibliography"), "");
    EXPECT_EQ(number("sec-bib-sub"), "");
    EXPECT_EQ(index.find_id("sec-two-a-i")->parent, index.find_id("sec-two-a") - index.clauses().data());
}

TEST_F(MiniSpec, StructuredHeadersGiveTheRenderedTitleAndTheName)
{
    const SpecClause* clause = index.find_id("sec-one-a");
    EXPECT_EQ(clause->title, "DoThing ( x [ , y [ , z ] ] )");
    EXPECT_EQ(clause->name, "DoThing");
    EXPECT_EQ(clause->type, "abstract operation");
    EXPECT_EQ(index.find_id("sec-two")->title, "Two ( a )");
    EXPECT_EQ(index.find_id("sec-two")->name, "Two");
    EXPECT_EQ(index.find_id("sec-one-b")->name, "Evaluation");
    EXPECT_EQ(index.find("DoThing"), clause);
    EXPECT_EQ(index.find("1.1"), clause);
    EXPECT_EQ(index.find("§1.1"), clause);
}

TEST_F(MiniSpec, StepsAndSyntaxDirectedAlgorithms)
{
    const SpecClause* thing = index.find_id("sec-one-a");
    ASSERT_EQ(thing->algorithms.size(), 1u);
    EXPECT_EQ(labels(thing->algorithms[0]), (std::vector<std::string>{"1", "2", "2.a", "3"}));
    EXPECT_EQ(thing->algorithms[0].steps[1].id, "step-do-thing-hook");
    // Cross-references read as the published spec renders them.
    EXPECT_EQ(thing->algorithms[0].steps[3].text, "Return _r_ (see §2 and step 2).");
    const SpecClause* sdo = index.find_id("sec-one-b");
    ASSERT_EQ(sdo->algorithms.size(), 2u);
    EXPECT_EQ(sdo->algorithms[1].grammar, "A : `b`");
    EXPECT_EQ(sdo->algorithms[1].steps[0].text, "Return 2.");
}

TEST_F(MiniSpec, ReplacementStepsContinueTheReplacedStepsNumbering)
{
    const SpecAlgorithm& replacement = index.find_id("sec-annex-b-1")->algorithms.at(0);
    EXPECT_EQ(replacement.replaces_step, "step-do-thing-hook");
    EXPECT_EQ(labels(replacement), (std::vector<std::string>{"2", "2.a", "3", "3.a"}));
}

TEST(Ecma262Xhtml, MalformedInputIsAnErrorWithALocation)
{
    SpecIndex index;
    std::string error;
    EXPECT_FALSE(load_ecma262_xhtml("<html><emu-clause id='x'>", index, error));
    EXPECT_NE(error.find("offset"), std::string::npos) << error;
}

// The pinned ECMA-262 draft, converted with xmllint.
class Ecma262 : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        std::string dir = testing::shared_spec_dir();
        if (dir.empty()) return;
        index_ = new SpecIndex;
        std::string error;
        if (!load_ecma262(dir + "/ecma262/spec.html", testing::cache_dir(), *index_, error)) {
            ADD_FAILURE() << error;
            delete index_;
            index_ = nullptr;
        }
    }
    static void TearDownTestSuite()
    {
        delete index_;
        index_ = nullptr;
    }
    void SetUp() override
    {
        if (!index_) GTEST_SKIP() << "no ECMA-262 source at ../shared/spec (set LOCKSTEP_SPEC)";
    }
    const SpecClause& clause(const char* id)
    {
        const SpecClause* found = index_->find_id(id);
        if (!found) throw std::runtime_error(std::string("no clause ") + id);
        return *found;
    }
    static SpecIndex* index_;
};
SpecIndex* Ecma262::index_ = nullptr;

// Numbers as the published draft renders them; each checked against the
// clause tree of the pinned source (e.g. 16.2.1.3 ModuleRequest Records
// moved Cyclic Module Records to 16.2.1.6, and its "Implementation of Module
// Record Abstract Methods" level puts GatherAvailableAncestors one deeper
// than ES2025's 16.2.1.5.3.3).
TEST_F(Ecma262, PublishedSectionNumbers)
{
    EXPECT_EQ(clause("sec-scope").number, "1");
    EXPECT_EQ(clause("sec-conformance-legacy").number, "2.2");
    EXPECT_EQ(clause("sec-toprimitive").number, "7.1.1");
    EXPECT_EQ(clause("sec-ordinarygetownproperty").number, "10.1.5.1");
    EXPECT_EQ(clause("sec-createresolvingfunctions").number, "27.2.1.3");
    EXPECT_EQ(clause("sec-promise.all").number, "27.2.4.1");
    EXPECT_EQ(clause("sec-cyclic-module-records").number, "16.2.1.6");
    EXPECT_EQ(clause("sec-gather-available-ancestors").number, "16.2.1.6.1.3.3");
    EXPECT_EQ(clause("sec-memory-model").number, "29");
    EXPECT_EQ(clause("sec-grammar-summary").number, "A");
    EXPECT_EQ(clause("sec-block-level-function-declarations-web-legacy-compatibility-semantics").number, "B.3.2");
    EXPECT_EQ(clause("sec-IsHTMLDDA-internal-slot-typeof").number, "B.3.6.3");
    EXPECT_EQ(clause("sec-additions-and-changes-that-introduce-incompatibilities-with-prior-editions").number, "F");
    EXPECT_EQ(clause("sec-intro").number, "");
    EXPECT_EQ(clause("sec-colophon").number, "");
}

TEST_F(Ecma262, OrdinaryGetOwnPropertySteps)
{
    const SpecClause& c = clause("sec-ordinarygetownproperty");
    EXPECT_EQ(c.title, "OrdinaryGetOwnProperty ( O, P )");
    EXPECT_EQ(c.name, "OrdinaryGetOwnProperty");
    ASSERT_EQ(c.algorithms.size(), 1u);
    EXPECT_EQ(labels(c.algorithms[0]), (std::vector<std::string>{"1", "2", "3", "4", "4.a", "4.b", "5", "5.a", "5.b",
                                                                 "5.c", "6", "7", "8"}));
    EXPECT_EQ(c.algorithms[0].steps[7].text, "Assert: _X_ is an accessor property.");
    EXPECT_EQ(c.algorithms[0].steps[12].text, "Return _D_.");
}

TEST_F(Ecma262, ToPrimitiveNestsFourLevels)
{
    const SpecClause& c = clause("sec-toprimitive");
    EXPECT_EQ(c.title, "ToPrimitive ( input [ , preferredType ] )");
    const SpecStep* step = c.algorithms.at(0).find_step("1.b.iii.2");
    ASSERT_NE(step, nullptr);
    EXPECT_EQ(step->text, "Let _hint_ be *\"number\"*.");
    EXPECT_EQ(c.algorithms[0].steps.back().label, "2");
}

TEST_F(Ecma262, AnnexBReplacesTheTypeofStep)
{
    const SpecAlgorithm& typeof_evaluation = clause("sec-typeof-operator-runtime-semantics-evaluation").algorithms.at(0);
    const SpecStep* hook = typeof_evaluation.find_step("12");
    ASSERT_NE(hook, nullptr);
    EXPECT_EQ(hook->id, "step-typeof-web-compat-insertion-point");
    const SpecAlgorithm& replacement = clause("sec-IsHTMLDDA-internal-slot-typeof").algorithms.at(0);
    ASSERT_EQ(replacement.steps.size(), 1u);
    EXPECT_EQ(replacement.steps[0].label, "12");
}

TEST_F(Ecma262, EveryAlgorithmIsRead)
{
    std::size_t algorithms = 0, steps = 0;
    for (const SpecClause& c : index_->clauses()) {
        algorithms += c.algorithms.size();
        for (const SpecAlgorithm& a : c.algorithms) steps += a.steps.size();
    }
    EXPECT_EQ(algorithms, 2219u);  // every <emu-alg> of the pinned source
    EXPECT_GT(steps, 13000u);
    EXPECT_EQ(clause("sec-promise.all").algorithms.at(0).steps.size(), 11u);
}

}  // namespace
}  // namespace lockstep::spec
