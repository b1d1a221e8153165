// §10.2.5 MakeConstructor on a built-in function object (step 2).
#include "tests/runtime/fixture.h"

#include "runtime/builtin_function.h"
#include "runtime/ecmascript_function_object.h"

namespace lockstep::testing {
namespace {

class MakeConstructorTest : public RuntimeTest {};

TEST_F(MakeConstructorTest, ABuiltinFunctionBecomesAConstructorWithAPrototype)
{
    BuiltinFunction* f = CreateBuiltinFunction(
        agent,
        [](Agent& agent, BuiltinFunction&, Value, std::span<const Value>, Object* newTarget) -> ThrowCompletionOr<Value> {
            if (!newTarget) return Value::undefined();
            return Value(OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype)));
        },
        0, key("F"));
    ASSERT_FALSE(IsConstructor(f));
    MakeConstructor(agent, *f);
    EXPECT_TRUE(IsConstructor(f));
    auto prototype = MUST(f->GetOwnProperty(agent, agent.names.prototype));
    ASSERT_TRUE(prototype.has_value());
    EXPECT_TRUE(*prototype->writable);
    EXPECT_FALSE(*prototype->enumerable);
    EXPECT_FALSE(*prototype->configurable);
    Object* proto = prototype->value->as_object();
    EXPECT_EQ(MUST(Get(agent, *proto, agent.names.constructor)).as_object(), f);
    Object* made = MUST(Construct(agent, *f, {}, f));
    EXPECT_NE(made, nullptr);
}

TEST_F(MakeConstructorTest, WritablePrototypeAndAGivenPrototype)
{
    BuiltinFunction* f = CreateBuiltinFunction(
        agent, [](Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
            return Value::undefined();
        },
        0, key("G"));
    Object* given = new_object();
    MakeConstructor(agent, *f, false, given);
    auto prototype = MUST(f->GetOwnProperty(agent, agent.names.prototype));
    ASSERT_TRUE(prototype.has_value());
    EXPECT_EQ(prototype->value->as_object(), given);
    EXPECT_FALSE(*prototype->writable);
    // A prototype passed in is not given a "constructor" (step 5 only makes one).
    EXPECT_FALSE(MUST(given->GetOwnProperty(agent, agent.names.constructor)).has_value());
}

}  // namespace
}  // namespace lockstep::testing
