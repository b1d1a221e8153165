// §27.1 %Iterator%, %Iterator.prototype% and the iterator helpers.
#include "builtin_call_fixture.h"

namespace lockstep::testing {
namespace {

class IteratorTest : public BuiltinCallTest {
public:
    // An array's values() iterator, whose prototype chain reaches %Iterator.prototype%.
    Value values_of(std::initializer_list<Value> items) { return invoke(array(items), "values"); }
    std::string to_list(Value iterator) { return elements(invoke(iterator, "toArray")); }
    static ThrowCompletionOr<Value> plus_ten(Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*)
    {
        return Value::number(args[0].as_number() + 10);
    }
    static ThrowCompletionOr<Value> is_odd(Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*)
    {
        return Value::boolean(std::fmod(args[0].as_number(), 2) != 0);
    }
    // An iterator object counting 0, 1, 2 … and recording return() calls.
    Object* counting_iterator(int* returns)
    {
        Object* it = new_object();
        static int* counter_target;
        counter_target = returns;
        MUST(CreateDataPropertyOrThrow(agent, *it, key("i"), num(0)));
        MUST(CreateDataPropertyOrThrow(
            agent, *it, key("next"),
            function([](Agent& ag, BuiltinFunction&, Value self, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
                double i = MUST(Get(ag, *self.as_object(), ag.key("i"))).as_number();
                MUST(Set(ag, *self.as_object(), ag.key("i"), Value::number(i + 1), true));
                Object* result = OrdinaryObjectCreate(ag, ag.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
                MUST(CreateDataPropertyOrThrow(ag, *result, ag.key("value"), Value::number(i)));
                MUST(CreateDataPropertyOrThrow(ag, *result, ag.key("done"), Value::boolean(false)));
                return Value(result);
            })));
        MUST(CreateDataPropertyOrThrow(
            agent, *it, key("return"),
            function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
                ++*counter_target;
                return Value(OrdinaryObjectCreate(ag, ag.current_realm()->intrinsic(Intrinsic::ObjectPrototype)));
            })));
        return it;
    }
    Value from(Value v) { return invoke(intrinsic(Intrinsic::Iterator), "from", {v}); }
};

TEST_F(IteratorTest, MapFilterTakeDropChain)
{
    Value it = values_of({num(1), num(2), num(3), num(4), num(5)});
    Value mapped = invoke(invoke(it, "filter", {function(is_odd, 1)}), "map", {function(plus_ten, 1)});
    EXPECT_EQ(to_list(mapped), "11,13,15");
    EXPECT_EQ(to_list(invoke(values_of({num(1), num(2), num(3)}), "drop", {num(1)})), "2,3");
    EXPECT_EQ(to_list(invoke(values_of({num(1), num(2), num(3)}), "take", {num(2)})), "1,2");
    EXPECT_EQ(to_list(invoke(values_of({num(1)}), "drop", {num(INFINITY)})), "");
    EXPECT_TRUE(threw(try_invoke(values_of({}), "take", {num(NAN)}), Intrinsic::RangeErrorPrototype));
    EXPECT_TRUE(threw(try_invoke(values_of({}), "drop", {num(-1)}), Intrinsic::RangeErrorPrototype));
}

TEST_F(IteratorTest, TakeClosesTheUnderlyingIteratorWhenTheLimitIsReached)
{
    int returns = 0;
    Value counting = from(counting_iterator(&returns));
    Value taken = invoke(counting, "take", {num(2)});
    EXPECT_EQ(to_list(taken), "0,1");
    EXPECT_EQ(returns, 1);
}

TEST_F(IteratorTest, ReturnClosesTheUnderlyingIteratorOnce)
{
    int returns = 0;
    Value helper = invoke(from(counting_iterator(&returns)), "map", {function(plus_ten, 1)});
    EXPECT_EQ(get(invoke(helper, "next"), "value").as_number(), 10);
    Value done = invoke(helper, "return");
    EXPECT_TRUE(get(done, "done").as_bool());
    EXPECT_EQ(returns, 1);
    EXPECT_TRUE(get(invoke(helper, "next"), "done").as_bool());
    invoke(helper, "return");
    EXPECT_EQ(returns, 1);  // completed: no second close
    // return() before the first next() closes too (suspended-start).
    Value fresh = invoke(from(counting_iterator(&returns)), "filter", {function(is_odd, 1)});
    invoke(fresh, "return");
    EXPECT_EQ(returns, 2);
}

TEST_F(IteratorTest, FlatMapFlattensIterablesButNotStrings)
{
    Value pairs = function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                               -> ThrowCompletionOr<Value> {
        Value pair[] = {args[0], args[0]};
        return Value(CreateArrayFromList(ag, pair));
    });
    EXPECT_EQ(to_list(invoke(values_of({num(1), num(2)}), "flatMap", {pairs})), "1,1,2,2");
    Value toString = function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value>, Object*)
                                  -> ThrowCompletionOr<Value> { return Value(make_string_from_ascii(ag.heap, "ab")); });
    EXPECT_TRUE(threw(try_invoke(invoke(values_of({num(1)}), "flatMap", {toString}), "next"),
                      Intrinsic::TypeErrorPrototype));
}

TEST_F(IteratorTest, FlatMapReturnClosesInnerThenOuter)
{
    static int outerReturns, innerReturns;
    outerReturns = innerReturns = 0;
    static IteratorTest* test;
    test = this;
    // Each value maps to a counting iterator (infinite), whose return() counts in innerReturns.
    Value toCounting = function([](Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*)
                                    -> ThrowCompletionOr<Value> { return Value(test->counting_iterator(&innerReturns)); });
    Object* outer = counting_iterator(&outerReturns);
    // counting_iterator keeps one counter target: re-point the outer's return at outerReturns.
    MUST(CreateDataPropertyOrThrow(
        agent, *outer, key("return"),
        function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
            ++outerReturns;
            return Value(OrdinaryObjectCreate(ag, ag.current_realm()->intrinsic(Intrinsic::ObjectPrototype)));
        })));
    Value helper = invoke(from(outer), "flatMap", {toCounting});
    EXPECT_EQ(get(invoke(helper, "next"), "value").as_number(), 0);
    EXPECT_EQ(get(invoke(helper, "next"), "value").as_number(), 1);
    EXPECT_TRUE(get(invoke(helper, "return"), "done").as_bool());
    EXPECT_EQ(innerReturns, 1);
    EXPECT_EQ(outerReturns, 1);
}

TEST_F(IteratorTest, ConsumingMethods)
{
    EXPECT_EQ(invoke(values_of({num(1), num(2), num(3)}), "reduce",
                     {function([](Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                                   -> ThrowCompletionOr<Value> {
                         return Value::number(args[0].as_number() + args[1].as_number());
                     })})
                  .as_number(),
              6);
    EXPECT_TRUE(invoke(values_of({num(2), num(3)}), "some", {function(is_odd, 1)}).as_bool());
    EXPECT_FALSE(invoke(values_of({num(2), num(3)}), "every", {function(is_odd, 1)}).as_bool());
    EXPECT_EQ(invoke(values_of({num(2), num(3)}), "find", {function(is_odd, 1)}).as_number(), 3);
    int returns = 0;
    EXPECT_TRUE(invoke(from(counting_iterator(&returns)), "some", {function(is_odd, 1)}).as_bool());
    EXPECT_EQ(returns, 1);  // some closes the iterator when it finds a match
    EXPECT_TRUE(threw(try_invoke(values_of({}), "reduce", {function(is_odd, 1)}), Intrinsic::TypeErrorPrototype));
}

TEST_F(IteratorTest, ConstructorFromAndPrototypeAccessors)
{
    Value ctor = intrinsic(Intrinsic::Iterator);
    EXPECT_TRUE(threw(Call(agent, ctor, Value::undefined()), Intrinsic::TypeErrorPrototype));
    EXPECT_TRUE(Construct(agent, *ctor.as_object()).is_abrupt());  // NewTarget is Iterator itself
    // Iterator.from wraps a non-Iterator iterator and returns an Iterator as is.
    Value arrayIterator = values_of({num(1)});
    EXPECT_TRUE(SameValue(from(arrayIterator), arrayIterator));
    int returns = 0;
    Value wrapped = from(counting_iterator(&returns));
    EXPECT_EQ(wrapped.as_object()->Prototype, intrinsic(Intrinsic::WrapForValidIteratorPrototype));
    EXPECT_EQ(get(invoke(wrapped, "next"), "value").as_number(), 0);
    EXPECT_EQ(elements(invoke(from(str("ab")), "toArray")), "a,b");
    // constructor and @@toStringTag are accessors; the setters refuse the prototype itself.
    Object* proto = intrinsic(Intrinsic::IteratorPrototype);
    EXPECT_TRUE(SameValue(get(proto, "constructor"), ctor));
    EXPECT_EQ(to_std(get(proto, agent.well_known_symbol(WellKnownSymbol::toStringTag))), "Iterator");
    EXPECT_TRUE(proto->Set(agent, key("constructor"), num(1), proto).is_abrupt());
    Object* heir = OrdinaryObjectCreate(agent, proto);
    EXPECT_TRUE(MUST(heir->Set(agent, key("constructor"), num(1), heir)));
    EXPECT_EQ(get(heir, "constructor").as_number(), 1);
    EXPECT_TRUE(SameValue(get(proto, "constructor"), ctor));
}

TEST_F(IteratorTest, HelpersAreNotReentrant)
{
    // A mapper that calls next() on its own helper: "already running".
    static Value self;
    Value reenter = function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value>, Object*)
                                 -> ThrowCompletionOr<Value> {
        Value next = MUST(Get(ag, *self.as_object(), ag.key("next")));
        return TRY(Call(ag, next, self));
    });
    Value helper = invoke(values_of({num(1)}), "map", {reenter});
    self = helper;
    EXPECT_TRUE(threw(try_invoke(helper, "next"), Intrinsic::TypeErrorPrototype));
    self = Value::undefined();
}

}  // namespace
}  // namespace lockstep::testing
