#include "spec/spectec.h"

#include "tests/spec/spec_paths.h"

#include <gtest/gtest.h>

namespace lockstep::spec {
namespace {

TEST(SpecTec, RulesRelationsAndDefinitionsWithTheirLines)
{
    SpecTecIndex index;
    parse_spectec(R"(;; comment: rule Not/a-rule:
relation Step_pure: instr* ~> instr*
rule Step_pure/select-true:
  val_1 val_2 (CONST I32 c) (SELECT t?)  ~>  val_1
  -- if c =/= 0

def $default_(valtype) : val?
def $default_(I32) = (CONST I32 0)
rule Numtype_ok:
)",
                  "4.3-execution.instructions.spectec", index);
    const SpecTecEntry* select = index.find("Step_pure/select-true");
    ASSERT_NE(select, nullptr);
    EXPECT_EQ(select->kind, SpecTecEntry::Kind::Rule);
    EXPECT_EQ(select->part, "execution");
    EXPECT_EQ(select->line, 3);
    const SpecTecEntry* def = index.find("$default_");
    ASSERT_NE(def, nullptr);
    EXPECT_EQ(def->line, 7);  // the declaration, not the clauses
    EXPECT_EQ(index.find("Step_pure")->kind, SpecTecEntry::Kind::Relation);
    EXPECT_EQ(index.find("Not/a-rule"), nullptr);
    EXPECT_EQ(index.entries().size(), 4u);
}

TEST(SpecTec, RulesInBlockCommentsAreNotRules)
{
    SpecTecIndex index;
    parse_spectec(R"(rule Instr_ok/nop:
(;
rule Instr_ok/load:
  (; nested ;)
rule Instr_ok/store:
;)
rule Instr_ok/load-val: (; a trailing comment ;)
(; one line ;) rule Not/a-declaration:
rule Instr_ok/store-val:
)",
                  "2.3-validation.instructions.spectec", index);
    EXPECT_NE(index.find("Instr_ok/nop"), nullptr);
    EXPECT_EQ(index.find("Instr_ok/load"), nullptr);
    EXPECT_EQ(index.find("Instr_ok/store"), nullptr);
    EXPECT_NE(index.find("Instr_ok/load-val"), nullptr);
    EXPECT_NE(index.find("Instr_ok/store-val"), nullptr);
    EXPECT_EQ(index.entries().size(), 3u);
}

TEST(SpecTec, PartsFollowTheChapterNumbers)
{
    EXPECT_EQ(spectec_part("2.3-validation.instructions.spectec"), "validation");
    EXPECT_EQ(spectec_part("4.1-execution.values.spectec"), "execution");
    EXPECT_EQ(spectec_part("X.1-notation.syntax.spectec"), "notation");
}

TEST(SpecTec, ThePinnedWasm3Sources)
{
    std::string dir = testing::shared_spec_dir();
    if (dir.empty()) GTEST_SKIP() << "no spec sources at ../shared/spec";
    SpecTecIndex index;
    std::string error;
    ASSERT_TRUE(load_spectec_dir(dir + "/wasm-3.0-spectec", index, error)) << error;
    for (const char* name : {"Step_pure/select-true", "Instr_ok/block", "Step_read/br_on_cast-succeed", "Step/throw",
                             "Module_ok", "$default_"})
        EXPECT_NE(index.find(name), nullptr) << name;
    EXPECT_EQ(index.find("Instr_ok/block")->file, "2.3-validation.instructions.spectec");
}

}  // namespace
}  // namespace lockstep::spec
