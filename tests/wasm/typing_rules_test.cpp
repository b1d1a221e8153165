// The SpecTec typing rule the validator records for instructions it types
// from the instruction table's signature column (RULE markers, spec/step.h).
#include "tests/wasm/helpers.h"

#include "spec/recording.h"
#include "spec/step.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using lockstep::wasm::testing::validate_text;

namespace {

// The Instr_ok rules recorded while validating `module`.
std::set<std::string> typing_rules(const std::string& module)
{
    lockstep::spec::take_recorded_steps();
    lockstep::spec::g_recording = true;
    std::string error = validate_text(module);
    lockstep::spec::g_recording = false;
    EXPECT_EQ(error, "");
    std::set<std::string> rules;
    for (const auto& step : lockstep::spec::take_recorded_steps())
        if (step.algorithm == "wasm" && step.step.starts_with("Instr_ok/")) rules.insert(step.step);
    return rules;
}

std::string func(const std::string& params, const std::string& result, const std::string& body)
{
    return "(module (memory 1) (func " + params + " (result " + result + ") " + body + "))";
}

TEST(TypingRules, ScalarNumericInstructions)
{
    EXPECT_EQ(typing_rules(func("(param i32 i32)", "i32", "(i32.add (local.get 0) (local.get 1))")),
              (std::set<std::string>{"Instr_ok/binop", "Instr_ok/local.get"}));
    EXPECT_EQ(typing_rules(func("(param i32 i32)", "i32", "(i32.lt_s (local.get 0) (local.get 1))")),
              (std::set<std::string>{"Instr_ok/relop", "Instr_ok/local.get"}));
    EXPECT_EQ(typing_rules(func("(param i32)", "i32", "(i32.eqz (local.get 0))")),
              (std::set<std::string>{"Instr_ok/testop", "Instr_ok/local.get"}));
    EXPECT_EQ(typing_rules(func("(param i32)", "i32", "(i32.extend8_s (local.get 0))")),
              (std::set<std::string>{"Instr_ok/unop", "Instr_ok/local.get"}));
    EXPECT_EQ(typing_rules(func("(param f64)", "i64", "(i64.trunc_sat_f64_s (local.get 0))")),
              (std::set<std::string>{"Instr_ok/cvtop", "Instr_ok/local.get"}));
    EXPECT_EQ(typing_rules(func("", "f32", "(f32.const 1.5)")), (std::set<std::string>{"Instr_ok/const"}));
}

TEST(TypingRules, LoadsAndStoresAreFullWidthOrPacked)
{
    EXPECT_EQ(typing_rules(func("", "i64", "(i64.load (i32.const 0))")),
              (std::set<std::string>{"Instr_ok/const", "Instr_ok/load-val"}));
    EXPECT_EQ(typing_rules(func("", "i64", "(i64.load32_u (i32.const 0))")),
              (std::set<std::string>{"Instr_ok/const", "Instr_ok/load-pack"}));
    EXPECT_EQ(typing_rules(func("", "i32", "(f32.store (i32.const 0) (f32.const 0)) (i32.const 0)")),
              (std::set<std::string>{"Instr_ok/const", "Instr_ok/store-val"}));
    EXPECT_EQ(typing_rules(func("", "i32", "(i64.store16 (i32.const 0) (i64.const 0)) (i32.const 0)")),
              (std::set<std::string>{"Instr_ok/const", "Instr_ok/store-pack"}));
}

TEST(TypingRules, VectorInstructions)
{
    auto one = [](const std::string& op, const std::string& operands, const std::string& result = "v128") {
        std::set<std::string> rules = typing_rules(func("(param v128 v128 v128 i32)", result, "(" + op + " " + operands + ")"));
        rules.erase("Instr_ok/local.get");
        rules.erase("Instr_ok/const");
        return rules.size() == 1 ? *rules.begin() : std::to_string(rules.size()) + " rules";
    };
    const std::string v1 = "(local.get 0)", v2 = v1 + " (local.get 1)", v3 = v2 + " (local.get 2)";
    EXPECT_EQ(one("v128.load8x8_s", "(i32.const 0)"), "Instr_ok/vload-pack");
    EXPECT_EQ(one("v128.load32_splat", "(i32.const 0)"), "Instr_ok/vload-splat");
    EXPECT_EQ(one("v128.load64_zero", "(i32.const 0)"), "Instr_ok/vload-zero");
    EXPECT_EQ(one("v128.load16_lane 1", "(i32.const 0) " + v1), "Instr_ok/vload_lane");
    EXPECT_EQ(one("v128.andnot", v2), "Instr_ok/vvbinop");
    EXPECT_EQ(one("v128.bitselect", v3), "Instr_ok/vvternop");
    EXPECT_EQ(one("v128.any_true", v1, "i32"), "Instr_ok/vvtestop");
    EXPECT_EQ(one("i16x8.all_true", v1, "i32"), "Instr_ok/vtestop");
    EXPECT_EQ(one("f32x4.trunc", v1), "Instr_ok/vunop");
    EXPECT_EQ(one("i32x4.trunc_sat_f32x4_u", v1), "Instr_ok/vcvtop");
    EXPECT_EQ(one("f32x4.demote_f64x2_zero", v1), "Instr_ok/vcvtop");
    EXPECT_EQ(one("i32x4.relaxed_trunc_f64x2_s_zero", v1), "Instr_ok/vcvtop");
    EXPECT_EQ(one("i8x16.add_sat_u", v2), "Instr_ok/vbinop");
    EXPECT_EQ(one("f64x2.le", v2), "Instr_ok/vrelop");
    EXPECT_EQ(one("i64x2.shr_s", v1 + " (local.get 3)"), "Instr_ok/vshiftop");
    EXPECT_EQ(one("i16x8.extadd_pairwise_i8x16_u", v1), "Instr_ok/vextunop");
    EXPECT_EQ(one("i32x4.dot_i16x8_s", v2), "Instr_ok/vextbinop");
    EXPECT_EQ(one("i32x4.relaxed_dot_i8x16_i7x16_add_s", v3), "Instr_ok/vextternop");
    EXPECT_EQ(one("i16x8.narrow_i32x4_s", v2), "Instr_ok/vnarrow");
    EXPECT_EQ(one("i32x4.relaxed_laneselect", v3), "Instr_ok/vternop");
    EXPECT_EQ(one("f64x2.relaxed_madd", v3), "Instr_ok/vternop");
    EXPECT_EQ(one("i8x16.relaxed_swizzle", v2), "Instr_ok/vswizzlop");
    EXPECT_EQ(one("i8x16.bitmask", v1, "i32"), "Instr_ok/vbitmask");
    EXPECT_EQ(one("i16x8.extract_lane_u 3", v1, "i32"), "Instr_ok/vextract_lane");
    EXPECT_EQ(one("i32x4.splat", "(local.get 3)"), "Instr_ok/vsplat");
}

}  // namespace
