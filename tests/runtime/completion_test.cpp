#include <gtest/gtest.h>

#include "fixture.h"
#include "runtime/completion.h"
#include "runtime/error.h"

namespace lockstep::testing {
namespace {

ThrowCompletionOr<int> twice(ThrowCompletionOr<int> input, int& reached)
{
    int value = TRY(input);
    ++reached;
    return value * 2;
}

ThrowCompletionOr<void> check(bool ok)
{
    if (!ok) return ThrowCompletion(Value::number(7));
    return {};
}

Completion statement(Completion inner, int& reached)
{
    Value v = TRY(inner);  // break / continue / return propagate unchanged
    ++reached;
    return NormalCompletion(v);
}

TEST(Completion, TryReturnsTheValueOfANormalCompletion)
{
    int reached = 0;
    auto result = twice(21, reached);
    ASSERT_FALSE(result.is_abrupt());
    EXPECT_EQ(result.value(), 42);
    EXPECT_EQ(reached, 1);
}

TEST(Completion, TryPropagatesAThrowUnchanged)
{
    int reached = 0;
    auto result = twice(ThrowCompletion(Value::number(3)), reached);
    ASSERT_TRUE(result.is_throw_completion());
    EXPECT_EQ(result.thrown_value().as_number(), 3);
    EXPECT_EQ(reached, 0);
    EXPECT_TRUE(check(false).is_abrupt());
    EXPECT_FALSE(check(true).is_abrupt());
}

TEST(Completion, TryPropagatesBreakWithItsTarget)
{
    int reached = 0;
    Completion broken(CompletionType::Break, Value::empty(), nullptr);
    Completion result = statement(broken, reached);
    EXPECT_EQ(result.type, CompletionType::Break);
    EXPECT_EQ(reached, 0);
    Completion normal = statement(NormalCompletion(Value::number(1)), reached);
    EXPECT_TRUE(normal.is_normal());
    EXPECT_EQ(normal.value.as_number(), 1);
    EXPECT_EQ(reached, 1);
}

TEST(Completion, ThrowCompletionOrConvertsToACompletion)
{
    Completion thrown = ThrowCompletionOr<Value>(ThrowCompletion(Value::boolean(true)));
    EXPECT_TRUE(thrown.is_throw_completion());
    EXPECT_TRUE(thrown.value.as_bool());
    Completion normal = ThrowCompletionOr<Value>(Value::number(5));
    EXPECT_TRUE(normal.is_normal());
    EXPECT_EQ(normal.value.as_number(), 5);
}

TEST(Completion, UpdateEmpty)
{
    Completion empty_break(CompletionType::Break, Value::empty(), nullptr);
    Completion updated = UpdateEmpty(empty_break, Value::number(9));
    EXPECT_EQ(updated.type, CompletionType::Break);
    EXPECT_EQ(updated.value.as_number(), 9);
    Completion full = UpdateEmpty(NormalCompletion(Value::number(1)), Value::number(9));
    EXPECT_EQ(full.value.as_number(), 1);
}

TEST(CompletionDeathTest, MustAssertsTheCompletionIsNormal)
{
    EXPECT_EQ(MUST(ThrowCompletionOr<int>(4)), 4);
    EXPECT_DEATH(MUST(check(false)), "spec assertion failed");
}

}  // namespace
}  // namespace lockstep::testing
