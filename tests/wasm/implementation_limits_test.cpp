// Implementation limits (Wasm 3.0 Appendix, Implementation Limitations:
// Execution): sizes chosen by Wasm operands end in a trap or a failed grow,
// never in an abort (the fuzzer's array.new findings, fuzz/regressions/).
#include "tests/wasm/helpers.h"
#include "wasm/valid/type_registry.h"

#include <gtest/gtest.h>

#include <new>

using namespace lockstep::wasm;
using lockstep::wasm::testing::Instance;
using lockstep::wasm::testing::validate_text;
using lockstep::wasm::testing::wat;

namespace {

// Decodes, validates and instantiates `source` in `store`, with `imports`.
InstantiateResult instantiate_text(Store& store, Thread& thread, const std::string& source,
                                   const std::vector<ExternVal>& imports = {})
{
    auto m = std::make_shared<Module>();
    EXPECT_FALSE(decode_module(wat(source), *m).has_value());
    EXPECT_FALSE(validate_module(*m).has_value());
    return instantiate(store, thread, m, imports);
}

TEST(ImplementationLimits, HugeArrayLengthsTrapOutOfMemory)
{
    Instance m(
        "(module (type $a (array i8)) (type $b (array (mut i64)))"
        " (func (export \"new_default\") (param i32) (result i32)"
        "  (array.len (array.new_default $a (local.get 0))))"
        " (func (export \"new\") (param i32) (result i32)"
        "  (array.len (array.new $b (i64.const 7) (local.get 0)))))");
    for (const char* f : {"new_default", "new"}) {
        for (uint32_t len : {0xFFFFFFFFu, 0xFFFFFFFEu, static_cast<uint32_t>(kMaxArrayLength) + 1}) {
            Outcome o = m.call(f, {Value::from_i32(len)});
            EXPECT_EQ(o.kind, Outcome::Trap) << f << " " << len;
            EXPECT_EQ(o.message, "out of memory") << f << " " << len;
        }
        // Lengths within the limits still work, on the same thread.
        Outcome o = m.call(f, {Value::from_i32(1000)});
        ASSERT_EQ(o.kind, Outcome::Normal) << f;
        EXPECT_EQ(o.values.at(0).i32, 1000u);
    }
}

TEST(ImplementationLimits, TheGcBudgetBoundsEveryAllocation)
{
    Store store;
    store.set_gc_budget(100 * sizeof(Value));
    Thread thread(store);
    InstantiateResult r = instantiate_text(
        store, thread,
        "(module (type $a (array i32)) (type $s (struct (field i32) (field i32)))"
        " (data $d \"0123456789abcdef0123456789abcdef\")"
        " (type $fa (array funcref))"
        " (elem $e func $f $f $f $f)"
        " (func $f (export \"new\") (param i32) (drop (array.new_default $a (local.get 0))))"
        " (func (export \"struct\") (drop (struct.new_default $s)))"
        " (func (export \"data\") (drop (array.new_data $a $d (i32.const 0) (i32.const 8))))"
        " (func (export \"elem\") (drop (array.new_elem $fa $e (i32.const 0) (i32.const 4)))))");
    ASSERT_EQ(r.kind, InstantiateResult::Ok) << r.message;
    auto call = [&](const char* name, std::vector<Value> args = {}) {
        return thread.invoke(r.instance->exports.at(name).func(), args);
    };
    EXPECT_EQ(call("new", {Value::from_i32(101)}).message, "out of memory");  // more than the whole budget
    EXPECT_EQ(call("new", {Value::from_i32(90)}).kind, Outcome::Normal);      // 10 slots left
    EXPECT_EQ(call("data").kind, Outcome::Normal);                            // 8 slots: 2 left
    EXPECT_EQ(call("elem").message, "out of memory");                         // 4 slots
    EXPECT_EQ(call("struct").kind, Outcome::Normal);                          // 2 slots: none left
    EXPECT_EQ(call("struct").message, "out of memory");
    EXPECT_EQ(call("new", {Value::from_i32(0)}).kind, Outcome::Normal);       // an empty array costs nothing
}

TEST(ImplementationLimits, ConstantExpressionsTrapAtInstantiation)
{
    Store store;
    Thread thread(store);
    InstantiateResult r = instantiate_text(
        store, thread,
        "(module (type $a (array i8))"
        " (global (ref $a) (array.new_default $a (i32.const -1))))");
    EXPECT_EQ(r.kind, InstantiateResult::Trap);
    EXPECT_EQ(r.message, "out of memory");
}

// Constant expressions store packed fields wrapped, as the instructions do.
TEST(ImplementationLimits, ConstantArraysOfPackedFieldsAreWrapped)
{
    Instance m(
        "(module (type $a (array i8)) (type $s (struct (field i16)))"
        " (global $g (ref $a) (array.new $a (i32.const 300) (i32.const 2)))"
        " (global $h (ref $a) (array.new_fixed $a 1 (i32.const -1)))"
        " (global $t (ref $s) (struct.new $s (i32.const 0x12345)))"
        " (func (export \"g\") (result i32) (array.get_u $a (global.get $g) (i32.const 1)))"
        " (func (export \"h\") (result i32) (array.get_s $a (global.get $h) (i32.const 0)))"
        " (func (export \"t\") (result i32) (struct.get_u $s 0 (global.get $t))))");
    EXPECT_EQ(m.call("g").values.at(0).i32, 300u & 0xFF);
    EXPECT_EQ(m.call("h").values.at(0).i32, 0xFFFFFFFFu);
    EXPECT_EQ(m.call("t").values.at(0).i32, 0x2345u);
}

TEST(ImplementationLimits, TablesGrowNoFurtherThanTheLimit)
{
    Instance m(
        "(module (table $t 1 funcref)"
        " (func (export \"grow\") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0))))");
    EXPECT_EQ(m.call("grow", {Value::from_i32(static_cast<uint32_t>(kMaxTableSize))}).values.at(0).i32,
              0xFFFFFFFFu);
    EXPECT_EQ(m.call("grow", {Value::from_i32(0xFFFFFFFFu)}).values.at(0).i32, 0xFFFFFFFFu);
    EXPECT_EQ(m.call("grow", {Value::from_i32(2)}).values.at(0).i32, 1u);
}

// A std::bad_alloc from deep inside a call (here a host function) ends the
// invocation with a trap at Thread::invoke, and the thread stays usable.
TEST(ImplementationLimits, BadAllocBecomesATrapAtTheInvokeBoundary)
{
    Store store;
    Thread thread(store);
    auto m = std::make_shared<Module>();
    ASSERT_FALSE(decode_module(wat("(module (import \"host\" \"alloc\" (func $alloc))"
                                   " (func (export \"f\") (param i32) (result i32)"
                                   "  (if (local.get 0) (then (call $alloc))) (i32.const 5)))"),
                               *m)
                     .has_value());
    ASSERT_FALSE(validate_module(*m).has_value());
    FuncInst* host = store.alloc_func();
    host->type_id = m->type_canon[m->imports[0].type_index];
    host->type = &TypeRegistry::get().type(host->type_id).comp.func;
    host->host = [](const std::vector<Value>&) -> HostResult { throw std::bad_alloc(); };
    InstantiateResult r = instantiate(store, thread, m, {ExternVal{ExternKind::Func, host}});
    ASSERT_EQ(r.kind, InstantiateResult::Ok) << r.message;
    FuncInst* f = r.instance->exports.at("f").func();
    Outcome o = thread.invoke(f, {Value::from_i32(1)});
    EXPECT_EQ(o.kind, Outcome::Trap);
    EXPECT_EQ(o.message, "out of memory");
    o = thread.invoke(f, {Value::from_i32(0)});
    ASSERT_EQ(o.kind, Outcome::Normal);
    EXPECT_EQ(o.values.at(0).i32, 5u);
}

// array.new_fixed's operand count is validated without one step per operand
// (the count may be 2^32-1 in unreachable code) and still checked when reachable.
TEST(ImplementationLimits, ArrayNewFixedValidatesHugeCountsInUnreachableCode)
{
    EXPECT_EQ(validate_text("(module (type $a (array i32))"
                            " (func (drop (unreachable) (array.new_fixed $a 4294967295))))"),
              "");
    EXPECT_EQ(validate_text("(module (type $a (array i32))"
                            " (func (drop (unreachable) (i32.const 1) (array.new_fixed $a 4294967295))))"),
              "");
    EXPECT_NE(validate_text("(module (type $a (array i32))"
                            " (func (drop (array.new_fixed $a 3 (i32.const 1) (i32.const 2)))))"),
              "");
    EXPECT_NE(validate_text("(module (type $a (array i32))"
                            " (func (drop (unreachable) (f32.const 1) (array.new_fixed $a 4294967295))))"),
              "");
}

}  // namespace
