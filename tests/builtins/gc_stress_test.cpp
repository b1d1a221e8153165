// The built-ins of this batch under collection stress: every allocation
// collects first, so a Value held where the collector cannot see it is lost
// (and the results below come out wrong or crash).
#include "builtin_call_fixture.h"

namespace lockstep::testing {
namespace {

class GCStressTest : public BuiltinCallTest {
protected:
    void stress()
    {
        agent.heap.set_automatic_collection(true);
        agent.heap.set_stress(true);
    }
    ~GCStressTest() override { agent.heap.set_stress(false); }
};

TEST_F(GCStressTest, CollectionsJSONAndSortSurviveCollectionAtEveryAllocation)
{
    stress();
    Value set = MUST(Construct(agent, *intrinsic(Intrinsic::Set)));
    for (int i = 0; i < 20; ++i) invoke(set, "add", {make_string_from_ascii(agent.heap, std::to_string(i))});
    Value other = MUST(Construct(agent, *intrinsic(Intrinsic::Set)));
    for (int i = 10; i < 30; ++i) invoke(other, "add", {make_string_from_ascii(agent.heap, std::to_string(i))});
    Value uni = invoke(set, "union", {other});
    EXPECT_EQ(get(uni, "size").as_number(), 30);
    Value diff = invoke(set, "difference", {other});
    EXPECT_EQ(get(diff, "size").as_number(), 10);

    Value parsed = invoke(intrinsic(Intrinsic::JSON), "parse", {str("{\"a\":[\"x\",\"y\",{\"b\":\"z\"}],\"c\":\"w\"}")});
    EXPECT_EQ(to_std(invoke(intrinsic(Intrinsic::JSON), "stringify", {parsed})),
              "{\"a\":[\"x\",\"y\",{\"b\":\"z\"}],\"c\":\"w\"}");

    Value a = array({str("d"), str("b"), str("c"), str("a")});
    invoke(a, "sort");
    EXPECT_EQ(elements(a), "a,b,c,d");
    EXPECT_EQ(elements(invoke(str("p,q,r"), "split", {str(",")})), "p,q,r");
    Value m = MUST(Construct(agent, *intrinsic(Intrinsic::Map)));
    invoke(m, "set", {str("k"), str("v")});
    EXPECT_EQ(elements(get(invoke(invoke(m, "entries"), "next"), "value")), "k,v");
    EXPECT_GT(agent.heap.statistics().collections, 100u);
}

TEST_F(GCStressTest, ProxiesStringsAndArrayMethodsSurviveCollectionAtEveryAllocation)
{
    stress();
    Object* handler = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *handler, key("ownKeys"),
                                   function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value>, Object*)
                                                -> ThrowCompletionOr<Value> {
                                       Value keys[] = {make_string_from_ascii(ag.heap, "dyn1"),
                                                       make_string_from_ascii(ag.heap, "dyn2")};
                                       return Value(CreateArrayFromList(ag, keys));
                                   })));
    Value proxyArgs[] = {new_object(), handler};
    Value p = MUST(Construct(agent, *intrinsic(Intrinsic::Proxy), proxyArgs));
    EXPECT_EQ(elements(invoke(intrinsic(Intrinsic::Reflect), "ownKeys", {p})), "dyn1,dyn2");
    EXPECT_EQ(to_std(invoke(str("a-b-c"), "replaceAll", {str("-"), str("$&$&")})), "a--b--c");
    EXPECT_EQ(to_std(invoke(str("7"), "padStart", {num(4), str("0")})), "0007");
    Value nested = array({array({str("x"), array({str("y")})}), str("z")});
    EXPECT_EQ(elements(invoke(nested, "flat", {num(INFINITY)})), "x,y,z");
    Value fromIter = invoke(intrinsic(Intrinsic::Array), "from", {str("h\U0001F600i")});
    EXPECT_EQ(get(fromIter, "length").as_number(), 3);
    Value joined = invoke(invoke(array({str("q")}), "concat", {array({str("r")}), str("s")}), "join", {str("+")});
    EXPECT_EQ(to_std(joined), "q+r+s");
}

TEST_F(GCStressTest, IteratorHelpersSurviveCollectionAtEveryAllocation)
{
    stress();
    Value it = invoke(array({str("a"), str("b"), str("c"), str("d")}), "values");
    Value dup = function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                             -> ThrowCompletionOr<Value> {
        Value pair[] = {args[0], make_string_from_ascii(ag.heap, "-")};
        return Value(CreateArrayFromList(ag, pair));
    });
    Value chain = invoke(invoke(invoke(it, "drop", {num(1)}), "flatMap", {dup}), "take", {num(5)});
    EXPECT_EQ(elements(invoke(chain, "toArray")), "b,-,c,-,d");
}

TEST_F(GCStressTest, CollectedIteratorsLeaveTheirMapConsistent)
{
    stress();
    Value m = MUST(Construct(agent, *intrinsic(Intrinsic::Map)));
    Value kept;
    for (int i = 0; i < 200; ++i) {
        invoke(m, "set", {num(i), num(i)});
        Value it = invoke(m, "keys");  // garbage at the next iteration, except the first
        if (i == 0) kept = it;
        if (i >= 20) invoke(m, "delete", {num(i - 20)});
    }
    Root<Value> rootedKept(kept);
    EXPECT_EQ(to_std(get(invoke(kept, "next"), "value")), "180");
    // A map and its iterator dying together.
    for (int i = 0; i < 20; ++i) {
        Value temp = MUST(Construct(agent, *intrinsic(Intrinsic::Set)));
        invoke(temp, "add", {num(i)});
        invoke(temp, "values");
    }
    agent.heap.collect();
}

}  // namespace
}  // namespace lockstep::testing
