// §20.2.1.1.1 CreateDynamicFunction, called as the Function constructor does.
#include "algorithms/dynamic_function.h"
#include "runtime/realm.h"
#include "tests/algorithms/fixture.h"

namespace lockstep::testing {

class DynamicFunctionTest : public ScriptTest {
protected:
    ThrowCompletionOr<Object*> create(std::vector<std::string> parameters, const std::string& body)
    {
        lockstep::List<Value> args;
        for (const std::string& p : parameters) args.append(make_string_from_utf8(agent.heap, p));
        Object& Function = *agent.current_realm()->intrinsic(Intrinsic::FunctionPrototype);
        return CreateDynamicFunction(agent, Function, nullptr, DynamicFunctionKind::Normal, args.items(),
                                     make_string_from_utf8(agent.heap, body));
    }
};

TEST_F(DynamicFunctionTest, BuildsACallableFunctionInTheGlobalScope)
{
    auto f = create({"a", "b"}, "return a + b");
    ASSERT_FALSE(f.is_abrupt());
    Value args[] = {Value::number(2), Value::number(40)};
    Value result = MUST(Call(agent, f.value(), Value::undefined(), args));
    EXPECT_EQ(result.as_number(), 42);
    Value name = MUST(Get(agent, *f.value(), agent.names.name));
    EXPECT_EQ(name.as_string()->to_utf8(), "anonymous");
}

TEST_F(DynamicFunctionTest, ParametersAndBodyMustEachParseAlone)
{
    EXPECT_TRUE(create({"/*", "*/){"}, "").is_abrupt());           // a comment spanning both
    EXPECT_TRUE(create({}, "}); (function () {").is_abrupt());     // a body closing the function
    EXPECT_TRUE(create({"a){ return 1 }; (function (b"}, "").is_abrupt());
    EXPECT_FALSE(create({"a = 1", "...rest"}, "return rest").is_abrupt());
    // The whole function's early errors apply too: "use strict" with non-simple parameters.
    EXPECT_TRUE(create({"a = 1"}, "'use strict'").is_abrupt());
}

}  // namespace lockstep::testing
