// The command line's embedder (wasm/embedding/run_module.h), behind
// `lockstep run FILE.wasm|FILE.wat --invoke NAME ARG...`.
#include "wasm/embedding/run_module.h"

#include "tests/wasm/helpers.h"

#include <gtest/gtest.h>

using namespace lockstep::wasm;
using namespace lockstep::wasm::embedding;

namespace {

const char* kAdd =
    "(module"
    " (func (export \"add\") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))"
    " (func (export \"div\") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))"
    " (func (export \"pair\") (param i64 f32) (result i64 f32) (local.get 0) (local.get 1))"
    " (func (export \"halve\") (param f64) (result f64) (f64.mul (local.get 0) (f64.const 0.5)))"
    " (memory (export \"mem\") 1))";

RunResult run_text(const std::string& source, const std::string& name = "", const std::vector<std::string>& args = {})
{
    return run_module(source, SourceFormat::Text, name, args);
}

std::string as_string(const std::vector<uint8_t>& bytes) { return std::string(bytes.begin(), bytes.end()); }

TEST(RunModule, InvokesAnExportAndFormatsItsResults)
{
    RunResult r = run_text(kAdd, "add", {"2", "3"});
    ASSERT_EQ(r.kind, RunResult::Ok) << r.message;
    EXPECT_EQ(r.results, std::vector<std::string>{"i32:5"});
    // Integers read signed or unsigned, decimal or hex; printed unsigned.
    EXPECT_EQ(run_text(kAdd, "add", {"-1", "0"}).results, std::vector<std::string>{"i32:4294967295"});
    EXPECT_EQ(run_text(kAdd, "add", {"0x10", "1_000"}).results, std::vector<std::string>{"i32:1016"});
    EXPECT_EQ(run_text(kAdd, "pair", {"-1", "1.5"}).results,
              (std::vector<std::string>{"i64:18446744073709551615", "f32:1.5"}));
    EXPECT_EQ(run_text(kAdd, "halve", {"0x1p-1"}).results, std::vector<std::string>{"f64:0.25"});
    EXPECT_EQ(run_text(kAdd, "halve", {"-inf"}).results, std::vector<std::string>{"f64:-inf"});
    EXPECT_EQ(run_text(kAdd, "halve", {"nan"}).results, std::vector<std::string>{"f64:nan"});
    EXPECT_EQ(run_text(kAdd, "pair", {"0", "nan:0x1"}).results, (std::vector<std::string>{"i64:0", "f32:nan:0x1"}));
    EXPECT_EQ(run_text(kAdd, "pair", {"0", "-0"}).results, (std::vector<std::string>{"i64:0", "f32:-0"}));
}

TEST(RunModule, TheBinaryFormatToo)
{
    const std::string binary = as_string(lockstep::wasm::testing::wat(kAdd));
    RunResult r = run_module(binary, SourceFormat::Binary, "add", {"40", "2"});
    ASSERT_EQ(r.kind, RunResult::Ok) << r.message;
    EXPECT_EQ(r.results, std::vector<std::string>{"i32:42"});
}

TEST(RunModule, TrapsAndExceptions)
{
    RunResult r = run_text(kAdd, "div", {"1", "0"});
    EXPECT_EQ(r.kind, RunResult::Trap);
    EXPECT_EQ(r.message, "trap: integer divide by zero");
    r = run_text("(module (func $s unreachable) (start $s))");
    EXPECT_EQ(r.kind, RunResult::Trap);
    EXPECT_EQ(r.message, "trap: unreachable");
    r = run_text("(module (tag $t) (func (export \"f\") (throw $t)))", "f");
    EXPECT_EQ(r.kind, RunResult::Exception);
    EXPECT_EQ(r.message, "uncaught exception");
    r = run_text("(module (type $a (array i8)) (func (export \"f\") (drop (array.new_default $a (i32.const -1)))))",
                 "f");
    EXPECT_EQ(r.kind, RunResult::Trap);
    EXPECT_EQ(r.message, "trap: out of memory");
}

TEST(RunModule, CompileErrorsSayWhere)
{
    RunResult r = run_module(std::string("\0asm\1\0\0", 7), SourceFormat::Binary, "", {});
    EXPECT_EQ(r.kind, RunResult::CompileError);
    EXPECT_EQ(r.message, "CompileError: unexpected end at byte 7");
    r = run_module("\0asn", SourceFormat::Binary, "", {});
    EXPECT_EQ(r.kind, RunResult::CompileError);
    EXPECT_EQ(r.message.rfind("CompileError: ", 0), 0u) << r.message;
    // Validation: the invalid function, and in a binary where its body starts.
    const char* invalid = "(module (func) (func (result i32) (i64.const 1)))";
    const std::vector<uint8_t> bytes = lockstep::wasm::testing::wat(invalid);
    r = run_module(as_string(bytes), SourceFormat::Binary, "", {});
    EXPECT_EQ(r.kind, RunResult::CompileError);
    // The second code entry: after the first body (size 2: no locals, end).
    const size_t body = bytes.size() - 4;  // [size] 0 (no locals) i64.const 1 end
    EXPECT_EQ(r.message, "CompileError: type mismatch: instruction requires [i32] but stack has [i64]"
                         " (function 1, body at byte " + std::to_string(body) + ")");
    r = run_text(invalid);
    EXPECT_EQ(r.message, "CompileError: type mismatch: instruction requires [i32] but stack has [i64] (function 1)");
    r = run_text("(module (func (export \"f\") (i32.const 1))\n(funcx))");
    EXPECT_EQ(r.kind, RunResult::CompileError);
    EXPECT_EQ(r.message.rfind("CompileError: ", 0), 0u) << r.message;
    EXPECT_NE(r.message.find("line 2, column"), std::string::npos) << r.message;
}

TEST(RunModule, ImportsAreUnlinkable)
{
    RunResult r = run_text("(module (import \"env\" \"f\" (func)))");
    EXPECT_EQ(r.kind, RunResult::LinkError);
    EXPECT_EQ(r.message, "LinkError: unknown import \"env\" \"f\" (lockstep run provides no imports)");
}

TEST(RunModule, InvocationsThatDoNotFit)
{
    EXPECT_EQ(run_text(kAdd, "sub").message, "no export named \"sub\"");
    EXPECT_EQ(run_text(kAdd, "mem").message, "export \"mem\" is a memory, not a function");
    EXPECT_EQ(run_text(kAdd, "add", {"1"}).message, "\"add\" takes 2 argument(s) [i32 i32], got 1");
    RunResult r = run_text(kAdd, "add", {"1", "1.5"});
    EXPECT_EQ(r.kind, RunResult::BadInvocation);
    EXPECT_EQ(r.message, "argument 2 \"1.5\" is not a literal of type i32");
    EXPECT_EQ(run_text(kAdd, "add", {"1", "4294967296"}).kind, RunResult::BadInvocation);  // out of range
    // Instantiation alone (no export named) succeeds and prints nothing.
    r = run_text(kAdd);
    EXPECT_EQ(r.kind, RunResult::Ok);
    EXPECT_TRUE(r.results.empty());
}

TEST(RunModule, ArgumentsAndResultsOfEveryType)
{
    EXPECT_EQ(parse_argument(kF32, "1e40").has_value(), false);  // out of range for f32
    EXPECT_EQ(parse_argument(kF64, "1e40")->f64, 1e40);
    EXPECT_EQ(parse_argument(ValType::ref(true, HeapType::abs(AbsHeap::Func)), "null")->ref.is_null(), true);
    EXPECT_FALSE(parse_argument(ValType::ref(false, HeapType::abs(AbsHeap::Func)), "null").has_value());
    EXPECT_FALSE(parse_argument(kV128, "0").has_value());

    Value v;
    for (int i = 0; i < 16; ++i) v.v128[i] = static_cast<uint8_t>(i);
    EXPECT_EQ(format_result(kV128, v), "v128:i32x4 0x03020100 0x07060504 0x0b0a0908 0x0f0e0d0c");
    EXPECT_EQ(format_result(ValType::ref(true, HeapType::abs(AbsHeap::Any)), Value::from_ref(Ref::null())),
              "ref.null");
    EXPECT_EQ(format_result(ValType::ref(true, HeapType::abs(AbsHeap::I31)), Value::from_ref(Ref::i31(7))),
              "ref.i31:7");
    EXPECT_EQ(format_result(kF32, Value::from_f32_bits(0xFFC00000u)), "f32:-nan");
    EXPECT_EQ(format_result(kF64, Value::from_f64(3.4028234663852886e+38)), "f64:3.4028234663852886e+38");

    RunResult r = run_text(
        "(module (type $s (struct)) (func (export \"refs\") (param funcref) (result i31ref (ref $s) funcref)"
        " (ref.i31 (i32.const 9)) (struct.new $s) (local.get 0)))",
        "refs", {"null"});
    ASSERT_EQ(r.kind, RunResult::Ok) << r.message;
    EXPECT_EQ(r.results, (std::vector<std::string>{"ref.i31:9", "ref.struct", "ref.null"}));
}

}  // namespace
