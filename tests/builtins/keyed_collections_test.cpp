// §24 Keyed Collections: %Map%, %Set% and their iterators.
#include "builtins/keyed_collections.h"
#include "builtins/map.h"
#include "runtime/symbol.h"

#include "builtin_call_fixture.h"

namespace lockstep::testing {
namespace {

class KeyedCollectionsTest : public BuiltinCallTest {
protected:
    Value new_map(std::initializer_list<Value> args = {})
    {
        return MUST(Construct(agent, *intrinsic(Intrinsic::Map), std::span(args.begin(), args.size())));
    }
    Value new_set(std::initializer_list<Value> args = {})
    {
        return MUST(Construct(agent, *intrinsic(Intrinsic::Set), std::span(args.begin(), args.size())));
    }
    // Drains an iterator, joining the values' strings with ",".
    std::string drain(Value iterator)
    {
        std::string out;
        for (;;) {
            Value result = invoke(iterator, "next");
            if (get(result, "done").as_bool()) return out;
            if (!out.empty()) out += ";";
            Value v = get(result, "value");
            out += v.is_object() ? elements(v) : to_std(v);
        }
    }
};

TEST_F(KeyedCollectionsTest, MapKeysUseSameValueZero)
{
    Value m = new_map();
    invoke(m, "set", {num(-0.0), str("zero")});
    invoke(m, "set", {num(NAN), str("nan")});
    EXPECT_EQ(to_std(invoke(m, "get", {num(0)})), "zero");
    EXPECT_EQ(to_std(invoke(m, "get", {num(NAN)})), "nan");
    // -0 was canonicalized to +0 on the way in.
    Value key = get(invoke(invoke(m, "keys"), "next"), "value");
    EXPECT_FALSE(std::signbit(key.as_number()));
    // Strings compare by content, not by cell.
    invoke(m, "set", {make_string_from_utf8(agent.heap, "k"), num(1)});
    EXPECT_EQ(invoke(m, "get", {make_string_from_utf8(agent.heap, "k")}).as_number(), 1);
    EXPECT_EQ(get(m, "size").as_number(), 3);
}

TEST_F(KeyedCollectionsTest, IteratorsSeeAdditionsAndSkipDeletions)
{
    Value m = new_map();
    invoke(m, "set", {str("a"), num(1)});
    invoke(m, "set", {str("b"), num(2)});
    invoke(m, "set", {str("c"), num(3)});
    Value it = invoke(m, "keys");
    EXPECT_EQ(to_std(get(invoke(it, "next"), "value")), "a");
    invoke(m, "delete", {str("b")});
    invoke(m, "set", {str("d"), num(4)});
    EXPECT_EQ(drain(it), "c;d");
    // clear() during iteration: entries added afterwards are still seen.
    Value it2 = invoke(m, "values");
    EXPECT_EQ(to_std(get(invoke(it2, "next"), "value")), "1");
    invoke(m, "clear");
    invoke(m, "set", {str("e"), num(5)});
    EXPECT_EQ(drain(it2), "5");
    // Re-adding a deleted key appends it at the end.
    Value s = new_set();
    invoke(s, "add", {num(1)});
    invoke(s, "add", {num(2)});
    invoke(s, "delete", {num(1)});
    invoke(s, "add", {num(1)});
    EXPECT_EQ(drain(invoke(s, "values")), "2;1");
}

TEST_F(KeyedCollectionsTest, ForEachVisitsEntriesAddedDuringIteration)
{
    Value s = new_set();
    invoke(s, "add", {num(1)});
    static int visits;
    visits = 0;
    Value grow = function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                              -> ThrowCompletionOr<Value> {
        ++visits;
        double v = args[0].as_number();
        if (v < 5) {
            Value add = MUST(Get(ag, *args[2].as_object(), ag.key("add")));
            Value next[] = {Value::number(v + 1)};
            TRY(Call(ag, add, args[2], next));
        }
        return Value::undefined();
    });
    invoke(s, "forEach", {grow});
    EXPECT_EQ(visits, 5);
}

TEST_F(KeyedCollectionsTest, ConstructorsTakeIterablesAndRequireNew)
{
    Value m = new_map({array({array({str("x"), num(1)}), array({str("y"), num(2)})})});
    EXPECT_EQ(drain(invoke(m, "entries")), "x,1;y,2");
    Value s = new_set({array({num(1), num(1), num(2)})});
    EXPECT_EQ(get(s, "size").as_number(), 2);
    auto call = Call(agent, intrinsic(Intrinsic::Map), Value::undefined());
    EXPECT_TRUE(threw(call, Intrinsic::TypeErrorPrototype));
    // A non-object entry is a TypeError.
    Value bad[] = {array({num(1)})};
    EXPECT_TRUE(Construct(agent, *intrinsic(Intrinsic::Map), bad).is_abrupt());
    // Methods check for [[MapData]].
    EXPECT_TRUE(try_invoke(s, "add", {}).value().is_object());
    Value mapGet = get(intrinsic(Intrinsic::MapPrototype), "get");
    EXPECT_TRUE(Call(agent, mapGet, s).is_abrupt());
}

TEST_F(KeyedCollectionsTest, SetMethods)
{
    Value a = new_set({array({num(1), num(2), num(3)})});
    Value b = new_set({array({num(2), num(3), num(4)})});
    EXPECT_EQ(drain(invoke(invoke(a, "union", {b}), "values")), "1;2;3;4");
    EXPECT_EQ(drain(invoke(invoke(a, "intersection", {b}), "values")), "2;3");
    EXPECT_EQ(drain(invoke(invoke(a, "difference", {b}), "values")), "1");
    EXPECT_EQ(drain(invoke(invoke(a, "symmetricDifference", {b}), "values")), "1;4");
    EXPECT_FALSE(invoke(a, "isSubsetOf", {b}).as_bool());
    EXPECT_TRUE(invoke(new_set({array({num(2)})}), "isSubsetOf", {b}).as_bool());
    EXPECT_TRUE(invoke(b, "isSupersetOf", {new_set({array({num(4)})})}).as_bool());
    EXPECT_FALSE(invoke(a, "isDisjointFrom", {b}).as_bool());
    EXPECT_TRUE(invoke(a, "isDisjointFrom", {new_set({array({num(9)})})}).as_bool());
    // A Map is set-like too (size, has, keys).
    Value m = new_map({array({array({num(1), str("one")})})});
    EXPECT_EQ(drain(invoke(invoke(a, "intersection", {m}), "values")), "1");
}

TEST_F(KeyedCollectionsTest, GetSetRecordValidatesSize)
{
    Value a = new_set();
    Object* noSize = new_object();
    EXPECT_TRUE(threw(try_invoke(a, "union", {noSize}), Intrinsic::TypeErrorPrototype));
    Object* negative = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *negative, key("size"), num(-1)));
    EXPECT_TRUE(threw(try_invoke(a, "union", {negative}), Intrinsic::RangeErrorPrototype));
}

TEST_F(KeyedCollectionsTest, PrototypeShape)
{
    Object* proto = intrinsic(Intrinsic::SetPrototype);
    EXPECT_TRUE(SameValue(get(proto, "keys"), get(proto, "values")));
    EXPECT_TRUE(SameValue(get(proto, agent.well_known_symbol(WellKnownSymbol::iterator)), get(proto, "values")));
    EXPECT_EQ(to_std(get(proto, agent.well_known_symbol(WellKnownSymbol::toStringTag))), "Set");
    auto size = *MUST(proto->GetOwnProperty(agent, key("size")));
    EXPECT_TRUE(size.set->is_undefined());
    EXPECT_EQ(to_std(get(size.get->as_object(), "name")), "get size");
    Object* mapIt = intrinsic(Intrinsic::MapIteratorPrototype);
    EXPECT_EQ(to_std(get(mapIt, agent.well_known_symbol(WellKnownSymbol::toStringTag))), "Map Iterator");
    // next checks its brand.
    Value setIterNext = get(intrinsic(Intrinsic::SetIteratorPrototype), "next");
    EXPECT_TRUE(Call(agent, setIterNext, invoke(new_map(), "keys")).is_abrupt());
}

TEST_F(KeyedCollectionsTest, WeakCollectionsAcceptObjectsAndUnregisteredSymbols)
{
    Value wm = MUST(Construct(agent, *intrinsic(Intrinsic::WeakMap)));
    Object* k = new_object();
    invoke(wm, "set", {k, num(1)});
    EXPECT_EQ(invoke(wm, "get", {k}).as_number(), 1);
    EXPECT_TRUE(threw(try_invoke(wm, "set", {num(1), num(1)}), Intrinsic::TypeErrorPrototype));
    EXPECT_FALSE(invoke(wm, "has", {str("k")}).as_bool());
    Value sym = agent.heap.allocate<Symbol>(Value::undefined());
    invoke(wm, "set", {sym, num(2)});
    EXPECT_EQ(invoke(wm, "get", {sym}).as_number(), 2);
    EXPECT_TRUE(invoke(wm, "delete", {k}).as_bool());
    EXPECT_FALSE(invoke(wm, "has", {k}).as_bool());
    Value ws = MUST(Construct(agent, *intrinsic(Intrinsic::WeakSet)));
    invoke(ws, "add", {k});
    EXPECT_TRUE(invoke(ws, "has", {k}).as_bool());
    EXPECT_TRUE(threw(try_invoke(ws, "add", {str("s")}), Intrinsic::TypeErrorPrototype));
}

TEST_F(KeyedCollectionsTest, MapGroupByKeepsKeysAsValues)
{
    Value parity = function([](Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                                -> ThrowCompletionOr<Value> {
        return Value::number(std::fmod(args[0].as_number(), 2) == 0 ? -0.0 : 1);
    });
    Value m = invoke(intrinsic(Intrinsic::Map), "groupBy", {array({num(1), num(2), num(3), num(4)}), parity});
    EXPECT_EQ(elements(invoke(m, "get", {num(1)})), "1,3");
    EXPECT_EQ(elements(invoke(m, "get", {num(0)})), "2,4");  // -0 keys were canonicalized
}

TEST_F(KeyedCollectionsTest, ChurnDoesNotGrowTheList)
{
    Value m = new_map();
    for (int i = 0; i < 10000; ++i) {
        invoke(m, "set", {num(i), num(i)});
        if (i >= 3) invoke(m, "delete", {num(i - 3)});
    }
    auto* map = dynamic_cast<MapObject*>(m.as_object());
    EXPECT_EQ(map->MapData.live_count(), 3u);
    EXPECT_LT(map->MapData.size(), 64u);
    EXPECT_EQ(drain(invoke(m, "keys")), "9997;9998;9999");
}

TEST_F(KeyedCollectionsTest, IteratorsFollowTheirEntryThroughCompaction)
{
    Value m = new_map();
    for (int i = 0; i < 100; ++i) invoke(m, "set", {num(i), num(i)});
    Value it = invoke(m, "keys");
    for (int i = 0; i < 50; ++i) invoke(it, "next");
    // Deleting 0-49 and 60-89 compacts; the iterator resumes at 50.
    for (int i = 0; i < 50; ++i) invoke(m, "delete", {num(i)});
    for (int i = 60; i < 90; ++i) invoke(m, "delete", {num(i)});
    auto* map = dynamic_cast<MapObject*>(m.as_object());
    EXPECT_LT(map->MapData.size(), 100u);  // compacted
    invoke(m, "set", {num(1000), num(0)});
    EXPECT_EQ(drain(it), "50;51;52;53;54;55;56;57;58;59;90;91;92;93;94;95;96;97;98;99;1000");
    // clear() of a large map: the iterator then sees only what comes after.
    Value it2 = invoke(m, "values");
    invoke(it2, "next");
    invoke(m, "clear");
    EXPECT_EQ(map->MapData.size(), 0u);
    invoke(m, "set", {str("late"), str("v")});
    EXPECT_EQ(drain(it2), "v");
}

TEST_F(KeyedCollectionsTest, ForEachDefersCompactionWhileItRuns)
{
    Value s = new_set();
    for (int i = 0; i < 40; ++i) invoke(s, "add", {num(i)});
    static std::string seen;
    seen.clear();
    // On the first call, delete everything but the last two and add one.
    Value cb = function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                            -> ThrowCompletionOr<Value> {
        double v = args[0].as_number();
        seen += std::to_string(int(v)) + ";";
        if (v == 0) {
            Value del = MUST(Get(ag, *args[2].as_object(), ag.key("delete")));
            for (int i = 1; i < 38; ++i) {
                Value x[] = {Value::number(i)};
                TRY(Call(ag, del, args[2], x));
            }
            Value add = MUST(Get(ag, *args[2].as_object(), ag.key("add")));
            Value x[] = {Value::number(100)};
            TRY(Call(ag, add, args[2], x));
        }
        return Value::undefined();
    });
    invoke(s, "forEach", {cb});
    EXPECT_EQ(seen, "0;38;39;100;");
    // Once forEach is over, the next deletion compacts.
    invoke(s, "delete", {num(0)});
    EXPECT_EQ(drain(invoke(s, "values")), "38;39;100");
}

TEST_F(KeyedCollectionsTest, StorageKeepsTombstonesForIterators)
{
    KeyedCollectionData data;
    data.append(Value::number(1), Value::number(10));
    data.append(Value::number(2), Value::number(20));
    data.remove_at(*data.index_of(Value::number(1)));
    EXPECT_EQ(data.size(), 2u);
    EXPECT_EQ(data.live_count(), 1u);
    EXPECT_TRUE(data[0].key.is_empty());
    EXPECT_EQ(*data.index_of(Value::number(2)), 1u);
    EXPECT_FALSE(data.index_of(Value::number(1)).has_value());
}

}  // namespace
}  // namespace lockstep::testing
