// §25.5 %JSON%.
#include "runtime/bigint.h"

#include "builtin_call_fixture.h"

namespace lockstep::testing {
namespace {

class JSONTest : public BuiltinCallTest {
protected:
    Value json() { return intrinsic(Intrinsic::JSON); }
    Value parse(const char* text) { return invoke(json(), "parse", {str(text)}); }
    ThrowCompletionOr<Value> try_parse(const char* text) { return try_invoke(json(), "parse", {str(text)}); }
    std::string stringify(Value v, Value replacer = Value::undefined(), Value space = Value::undefined())
    {
        Value result = invoke(json(), "stringify", {v, replacer, space});
        return result.is_undefined() ? "undefined" : to_std(result);
    }
};

TEST_F(JSONTest, ParsesEveryKindOfValue)
{
    Value v = parse(" {\"a\": [1, -2.5e1, true, false, null, \"x\\u0041\\n\"], \"b\": {}} ");
    Value a = get(v, "a");
    EXPECT_TRUE(MUST(IsArray(agent, a)));
    EXPECT_EQ(get(a, "length").as_number(), 6);
    EXPECT_EQ(get(a, PropertyKey::from_array_index(1)).as_number(), -25);
    EXPECT_TRUE(get(a, PropertyKey::from_array_index(4)).is_null());
    EXPECT_EQ(to_std(get(a, PropertyKey::from_array_index(5))), "xA\n");
    EXPECT_EQ(get(v, "b").as_object()->Prototype, intrinsic(Intrinsic::ObjectPrototype));
    EXPECT_EQ(parse("0.1").as_number(), 0.1);
    EXPECT_EQ(parse("1e400").as_number(), INFINITY);
    EXPECT_TRUE(std::signbit(parse("-0").as_number()));
}

TEST_F(JSONTest, DuplicateNamesKeepTheLastAndProtoIsAnOrdinaryMember)
{
    Value v = parse("{\"k\": 1, \"k\": 2, \"__proto__\": 3}");
    EXPECT_EQ(get(v, "k").as_number(), 2);
    EXPECT_EQ(v.as_object()->Prototype, intrinsic(Intrinsic::ObjectPrototype));
    EXPECT_TRUE(MUST(HasOwnProperty(agent, *v.as_object(), key("__proto__"))));
}

TEST_F(JSONTest, RejectsWhatECMA404Rejects)
{
    for (const char* bad : {"", "01", "1.", ".5", "+1", "[1,]", "{\"a\":1,}", "'x'", "\"\t\"", "{a:1}", "[1 2]",
                            "nul", "\"\\x41\"", "1 2", "\"\\u00G1\"", "\u00a01"}) {
        auto r = try_parse(bad);
        EXPECT_TRUE(threw(r, Intrinsic::SyntaxErrorPrototype)) << bad;
    }
}

TEST_F(JSONTest, DeepNestingParsesWithoutNativeRecursion)
{
    std::string deep(200000, '[');
    deep += std::string(200000, ']');
    Value v = parse(deep.c_str());
    EXPECT_TRUE(MUST(IsArray(agent, v)));
    // Serializing it back recurses: a RangeError rather than a crash.
    auto r = try_invoke(json(), "stringify", {v});
    EXPECT_TRUE(!r.is_abrupt() || threw(r, Intrinsic::RangeErrorPrototype));
}

TEST_F(JSONTest, ReviverSeesLeavesFirstAndCanDelete)
{
    static std::string order;
    order.clear();
    Value reviver = function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                                 -> ThrowCompletionOr<Value> {
        std::string name = MUST(ToString(ag, args[0]))->to_utf8();
        order += "[" + name + "]";
        if (name == "drop") return Value::undefined();
        return args[1];
    });
    Value v = invoke(json(), "parse", {str("{\"a\": [1], \"drop\": 2}"), reviver});
    EXPECT_EQ(order, "[0][a][drop][]");
    EXPECT_FALSE(MUST(HasOwnProperty(agent, *v.as_object(), key("drop"))));
}

TEST_F(JSONTest, StringifyBasics)
{
    EXPECT_EQ(stringify(parse("{\"a\":[1,\"b\",null,true],\"c\":{}}")), "{\"a\":[1,\"b\",null,true],\"c\":{}}");
    EXPECT_EQ(stringify(Value::undefined()), "undefined");
    EXPECT_EQ(stringify(num(NAN)), "null");
    EXPECT_EQ(stringify(num(-0.0)), "0");
    EXPECT_EQ(stringify(array({Value::undefined(), function([](Agent&, BuiltinFunction&, Value, std::span<const Value>,
                                                              Object*) -> ThrowCompletionOr<Value> {
                                   return Value::undefined();
                               })})),
              "[null,null]");
    // Well-formed stringify: lone surrogates are escaped, pairs are kept.
    Value s = make_string(agent.heap, u"\xD800\U0001F600\x01\"\\");
    EXPECT_EQ(MUST(ToString(agent, invoke(json(), "stringify", {s})))->units(), u"\"\\ud800\U0001F600\\u0001\\\"\\\\\"");
}

TEST_F(JSONTest, StringifyIndentsWithGap)
{
    Value v = parse("{\"a\":[1,2],\"b\":{}}");
    EXPECT_EQ(stringify(v, Value::undefined(), num(2)), "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}");
    EXPECT_EQ(stringify(parse("[1]"), Value::undefined(), str("--------------long")), "[\n----------1\n]");
    EXPECT_EQ(stringify(parse("[1]"), Value::undefined(), num(0)), "[1]");
}

TEST_F(JSONTest, ReplacerArrayAndFunction)
{
    Value v = parse("{\"a\":1,\"b\":2,\"1\":3}");
    EXPECT_EQ(stringify(v, array({str("b"), num(1), str("b")})), "{\"b\":2,\"1\":3}");
    Value doubler = function([](Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                                 -> ThrowCompletionOr<Value> {
        return args[1].is_number() ? Value::number(args[1].as_number() * 2) : args[1];
    });
    EXPECT_EQ(stringify(v, doubler), "{\"1\":6,\"a\":2,\"b\":4}");
}

TEST_F(JSONTest, CyclesAndBigIntsAreTypeErrors)
{
    Object* o = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *o, key("self"), o));
    EXPECT_TRUE(threw(try_invoke(json(), "stringify", {o}), Intrinsic::TypeErrorPrototype));
    Value big = BigInt::create(agent.heap, 1);
    EXPECT_TRUE(threw(try_invoke(json(), "stringify", {big}), Intrinsic::TypeErrorPrototype));
}

TEST_F(JSONTest, ToJSONIsCalledWithTheKey)
{
    Object* o = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *o, key("toJSON"),
                                   function([](Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                                                -> ThrowCompletionOr<Value> { return args[0]; })));
    Object* holder = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *holder, key("k"), o));
    EXPECT_EQ(stringify(holder), "{\"k\":\"k\"}");
    EXPECT_EQ(to_std(get(json(), agent.well_known_symbol(WellKnownSymbol::toStringTag))), "JSON");
}

}  // namespace
}  // namespace lockstep::testing
