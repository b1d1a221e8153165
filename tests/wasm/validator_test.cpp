// §3 Validation: a few rules, with the test suite's messages.
#include "tests/wasm/helpers.h"

#include <gtest/gtest.h>

using namespace lockstep::wasm;
using lockstep::wasm::testing::validate_text;

namespace {

TEST(Validator, AcceptsWellTyped)
{
    EXPECT_EQ(validate_text("(module (func (result i32) (i32.add (i32.const 1) (i32.const 2))))"), "");
}

TEST(Validator, OperandTypes)
{
    EXPECT_NE(validate_text("(module (func (result i32) (i32.add (i64.const 1) (i32.const 2))))")
                  .find("type mismatch"),
              std::string::npos);
    EXPECT_NE(validate_text("(module (func (result i32)))").find("type mismatch"), std::string::npos);
}

TEST(Validator, UnreachableCodeIsPolymorphic)
{
    EXPECT_EQ(validate_text("(module (func (result i32) unreachable i32.add))"), "");
    EXPECT_EQ(validate_text("(module (func (result i64) (br 0 (i64.const 1)) (i32.const 0) drop))"), "");
    EXPECT_NE(validate_text("(module (func (result i32) unreachable (i64.const 0) i32.add))"), "");
}

TEST(Validator, Labels)
{
    EXPECT_EQ(validate_text("(module (func (block (br 0))))"), "");
    EXPECT_EQ(validate_text("(module (func (block (br 1))))"), "");  // the function body's label
    EXPECT_EQ(validate_text("(module (func (block (br 2))))"), "unknown label 2");
}

TEST(Validator, ImmutableGlobal)
{
    EXPECT_EQ(validate_text("(module (global i32 (i32.const 0)) (func (global.set 0 (i32.const 1))))"),
              "immutable global");
}

TEST(Validator, Alignment)
{
    EXPECT_EQ(validate_text("(module (memory 1) (func (drop (i32.load align=8 (i32.const 0)))))"),
              "alignment must not be larger than natural");
}

TEST(Validator, NonDefaultableLocals)
{
    const char* ok =
        "(module (type $t (func)) (func $f) (elem declare func $f)"
        " (func (local (ref $t)) (local.set 0 (ref.func $f)) (drop (local.get 0))))";
    EXPECT_EQ(validate_text(ok), "");
    const char* bad = "(module (type $t (func)) (func (local (ref $t)) (drop (local.get 0))))";
    EXPECT_EQ(validate_text(bad), "uninitialized local 0");
}

TEST(Validator, ConstantExpressions)
{
    EXPECT_EQ(validate_text("(module (global i32 (i32.add (i32.const 1) (i32.const 2))))"), "");  // extended-const
    EXPECT_EQ(validate_text("(module (global i32 (i32.clz (i32.const 1))))"), "constant expression required");
}

TEST(Validator, IsoRecursiveTypesAreCanonical)
{
    // Two structurally equal rec groups are the same type: the call_indirect type check passes.
    const char* m =
        "(module (rec (type $a (func))) (type $b (func))"
        " (func $f (type $a)) (table 1 funcref) (elem (i32.const 0) $f)"
        " (func (call_indirect (type $b) (i32.const 0))))";
    EXPECT_EQ(validate_text(m), "");
    EXPECT_NE(validate_text("(module (type $s (sub final (struct))) (type (sub $s (struct))))"), "");
}

TEST(Validator, UndeclaredFunctionReference)
{
    EXPECT_EQ(validate_text("(module (func $f) (func (drop (ref.func $f))))"), "undeclared function reference");
    EXPECT_EQ(validate_text("(module (func $f) (elem declare func $f) (func (drop (ref.func $f))))"), "");
}

}  // namespace
