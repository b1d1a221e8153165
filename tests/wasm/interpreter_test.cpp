// §4.4 Execution: calls, traps, exceptions, call-stack exhaustion.
#include "tests/wasm/helpers.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace lockstep::wasm;
using lockstep::wasm::testing::Instance;

namespace {

TEST(Interpreter, RecursiveFactorial)
{
    Instance m(
        "(module (func $fac (export \"fac\") (param i64) (result i64)"
        "  (if (result i64) (i64.eqz (local.get 0)) (then (i64.const 1))"
        "    (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1))))))))");
    Outcome o = m.call("fac", {Value::from_i64(20)});
    ASSERT_EQ(o.kind, Outcome::Normal);
    EXPECT_EQ(o.values.at(0).i64, 2432902008176640000ull);
}

TEST(Interpreter, BranchTablesUnwindTheStack)
{
    Instance m(
        "(module (func (export \"f\") (param i32) (result i32)"
        "  (block (result i32) (block (result i32) (i32.const 10) (i32.const 20) (local.get 0)"
        "   (br_table 0 1)) (drop (i32.const 5)) (i32.const 1) (i32.add))))");
    EXPECT_EQ(m.call("f", {Value::from_i32(0)}).values.at(0).i32, 21u);
    EXPECT_EQ(m.call("f", {Value::from_i32(7)}).values.at(0).i32, 20u);
}

TEST(Interpreter, Traps)
{
    Instance m(
        "(module (memory 1)"
        " (func (export \"div\") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))"
        " (func (export \"load\") (param i32) (result i32) (i32.load (local.get 0)))"
        " (func (export \"trunc\") (param f32) (result i32) (i32.trunc_f32_s (local.get 0))))");
    EXPECT_EQ(m.call("div", {Value::from_i32(1), Value::from_i32(0)}).message, "integer divide by zero");
    EXPECT_EQ(m.call("div", {Value::from_i32(0x80000000u), Value::from_i32(0xFFFFFFFFu)}).message, "integer overflow");
    EXPECT_EQ(m.call("load", {Value::from_i32(65533)}).message, "out of bounds memory access");
    EXPECT_EQ(m.call("load", {Value::from_i32(65532)}).kind, Outcome::Normal);
    EXPECT_EQ(m.call("trunc", {Value::from_f32(NAN)}).message, "invalid conversion to integer");
    EXPECT_EQ(m.call("trunc", {Value::from_f32(3e9f)}).message, "integer overflow");
}

TEST(Interpreter, CallStackExhaustionIsATrap)
{
    Instance m("(module (func $f (export \"f\") (call $f)))");
    Outcome o = m.call("f");
    EXPECT_EQ(o.kind, Outcome::Trap);
    EXPECT_EQ(o.message, "call stack exhausted");
    // The thread is usable again afterwards.
    Instance ok("(module (func (export \"g\") (result i32) (i32.const 3)))");
    EXPECT_EQ(ok.call("g").values.at(0).i32, 3u);
}

TEST(Interpreter, TailCallsDoNotGrowTheStack)
{
    Instance m(
        "(module (func $loop (export \"count\") (param i64) (result i64)"
        "  (if (result i64) (i64.eqz (local.get 0)) (then (i64.const 42))"
        "    (else (return_call $loop (i64.sub (local.get 0) (i64.const 1)))))))");
    Outcome o = m.call("count", {Value::from_i64(1000000)});
    ASSERT_EQ(o.kind, Outcome::Normal);
    EXPECT_EQ(o.values.at(0).i64, 42u);
}

TEST(Interpreter, ExceptionsAreCaught)
{
    Instance m(
        "(module (tag $e (param i32))"
        " (func $thrower (param i32) (throw $e (local.get 0)))"
        " (func (export \"catch\") (param i32) (result i32)"
        "  (block $h (result i32) (try_table (catch $e $h) (call $thrower (local.get 0))) (i32.const -1)))"
        " (func (export \"escape\") (call $thrower (i32.const 1))))");
    EXPECT_EQ(m.call("catch", {Value::from_i32(9)}).values.at(0).i32, 9u);
    EXPECT_EQ(m.call("escape").kind, Outcome::Exception);
}

}  // namespace

namespace {

TEST(Interpreter, FuelBoundsInfiniteLoops)
{
    Instance m(
        "(module (tag $e) (func (export \"spin\") (loop (br 0)))"
        " (func (export \"rethrow-loop\") (loop $l (try_table (catch_all $l) (throw $e)))))");
    m.thread.set_fuel(1000);
    Outcome o = m.call("spin");
    EXPECT_EQ(o.kind, Outcome::Trap);
    EXPECT_EQ(o.message, "fuel exhausted");
    // Used-up fuel stays used up.
    EXPECT_EQ(m.call("spin").message, "fuel exhausted");
    // A handler that jumps back to a loop spends fuel too.
    m.thread.set_fuel(1000);
    EXPECT_EQ(m.call("rethrow-loop").message, "fuel exhausted");
}

}  // namespace
