// The core built-ins under collection stress: every allocation collects
// first, so a Value held where the collector cannot see it is lost and the
// results below come out wrong (or the process crashes).
#include "builtins_fixture.h"

namespace lockstep::testing {
namespace {

class CoreGCStressTest : public BuiltinsTest {
protected:
    CoreGCStressTest()
    {
        agent.heap.set_automatic_collection(true);
        agent.heap.set_stress(true);
    }
    ~CoreGCStressTest() override { agent.heap.set_stress(false); }
};

TEST_F(CoreGCStressTest, ObjectFunctionAndErrorBuiltins)
{
    Value parsed = MUST(call("JSON.parse", {str("{\"a\":[\"x\",\"y\"],\"c\":\"w\"}")}));
    EXPECT_EQ(text(MUST(call("Object.keys", {parsed}))), "a,c");
    EXPECT_EQ(text(MUST(call("Object.entries", {parsed}))), "a,x,y,c,w");
    Value copy = MUST(call("Object.assign", {new_object(), parsed, str("pq")}));
    EXPECT_EQ(text(MUST(call("Object.values", {copy}))), "p,q,x,y,w");
    Value fromEntries = MUST(call("Object.fromEntries", {MUST(call("Object.entries", {parsed}))}));
    EXPECT_EQ(text(MUST(call("JSON.stringify", {fromEntries}))), "{\"a\":[\"x\",\"y\"],\"c\":\"w\"}");
    Value descriptors = MUST(call("Object.getOwnPropertyDescriptors", {parsed}));
    Value created = MUST(call("Object.create", {Value::null(), descriptors}));
    EXPECT_EQ(text(MUST(call("Object.getOwnPropertyNames", {created}))), "a,c");
    Value bound = MUST(call_on("Function.prototype.bind", get("String.prototype.concat"), {str("<"), str("-")}));
    EXPECT_EQ(text(MUST(Call(agent, bound, Value::undefined(), {{str(">")}}))), "<->");
    EXPECT_EQ(text(MUST(Get(agent, *bound.as_object(), agent.names.name))), "bound concat");
    Value aggregate = MUST(call("AggregateError", {MUST(call("Object.values", {parsed})), str("many")}));
    EXPECT_EQ(text(MUST(Get(agent, *aggregate.as_object(), key("errors")))), "x,y,w");
    EXPECT_EQ(text(aggregate), "AggregateError: many");
}

TEST_F(CoreGCStressTest, NumberSymbolAndGlobalBuiltins)
{
    EXPECT_EQ(text(MUST(call_on("Number.prototype.toString", num(123.456), {num(36)}))), "3f.gez4w97ry");
    EXPECT_EQ(text(MUST(call_on("Number.prototype.toFixed", num(1.005), {num(2)}))), "1.00");
    EXPECT_EQ(text(MUST(call_on("Number.prototype.toPrecision", num(99.99), {num(3)}))), "100");
    Value a = MUST(call("Symbol.for", {str("shared")}));
    EXPECT_TRUE(SameValue(a, MUST(call("Symbol.for", {str("shared")}))));
    EXPECT_EQ(text(MUST(call("Symbol.keyFor", {a}))), "shared");
    EXPECT_EQ(MUST(call("parseInt", {str("123456789012345678901234567890")})).as_number(), 1.2345678901234568e29);
    EXPECT_EQ(text(MUST(call("decodeURIComponent", {MUST(call("encodeURIComponent", {str("\xE2\x82\xAC x")}))}))),
              "\xE2\x82\xAC x");
    EXPECT_EQ(text(MUST(call("BigInt.asUintN", {num(70), MUST(call("BigInt", {num(-1)}))}))), "1180591620717411303423");
}

}  // namespace
}  // namespace lockstep::testing
