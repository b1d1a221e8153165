// §7.4 Operations on Iterator Objects: IteratorClose's completion precedence
// and [[Done]] bookkeeping, observed through Object.fromEntries and GroupBy.
#include "abstract_ops/operations_on_iterator_objects.h"
#include "builtins_fixture.h"

namespace lockstep::testing {
namespace {

class IteratorOperationsTest : public BuiltinsTest {
protected:
    // An iterable whose next() yields `items` and whose return() counts its
    // calls in "returns" and throws a RangeError when `returnThrows`.
    Object* iterable(List<Value> items, bool returnThrows)
    {
        Object* it = new_object();
        MUST(CreateDataPropertyOrThrow(agent, *it, key("items"), CreateArrayFromList(agent, items.items())));
        MUST(CreateDataPropertyOrThrow(agent, *it, key("index"), num(0)));
        MUST(CreateDataPropertyOrThrow(agent, *it, key("returns"), num(0)));
        MUST(CreateDataPropertyOrThrow(agent, *it, key("returnThrows"), Value::boolean(returnThrows)));
        auto next = [](Agent& agent, BuiltinFunction&, Value self, std::span<const Value>,
                       Object*) -> ThrowCompletionOr<Value> {
            Object& it = *self.as_object();
            double index = MUST(Get(agent, it, agent.key("index"))).as_number();
            Object& items = *MUST(Get(agent, it, agent.key("items"))).as_object();
            double length = MUST(LengthOfArrayLike(agent, items));
            MUST(Set(agent, it, agent.key("index"), Value::number(index + 1), true));
            if (index >= length) return CreateIteratorResultObject(agent, Value::undefined(), true);
            return CreateIteratorResultObject(agent, MUST(Get(agent, items, PropertyKey::from_array_index(uint32_t(index)))),
                                              false);
        };
        auto return_ = [](Agent& agent, BuiltinFunction&, Value self, std::span<const Value>,
                          Object*) -> ThrowCompletionOr<Value> {
            Object& it = *self.as_object();
            double returns = MUST(Get(agent, it, agent.key("returns"))).as_number();
            MUST(Set(agent, it, agent.key("returns"), Value::number(returns + 1), true));
            if (MUST(Get(agent, it, agent.key("returnThrows"))).as_bool())
                return throw_range_error(agent, "from return");
            return Value(OrdinaryObjectCreate(agent, nullptr));
        };
        auto self = [](Agent&, BuiltinFunction&, Value self, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
            return self;
        };
        MUST(CreateDataPropertyOrThrow(agent, *it, key("next"), CreateBuiltinFunction(agent, next, 0, key("next"))));
        MUST(CreateDataPropertyOrThrow(agent, *it, key("return"), CreateBuiltinFunction(agent, return_, 0, key("return"))));
        MUST(CreateDataPropertyOrThrow(agent, *it, agent.well_known_symbol(WellKnownSymbol::iterator),
                                       CreateBuiltinFunction(agent, self, 0, key("iterator"))));
        return it;
    }
    double returns(Object* it) { return MUST(Get(agent, *it, key("returns"))).as_number(); }
};

TEST_F(IteratorOperationsTest, AnAbruptCompletionClosesTheIteratorAndWins)
{
    // A non-object entry: TypeError, after return() ran.
    Object* it = iterable({num(1)}, false);
    EXPECT_EQ(thrown_name(call("Object.fromEntries", {it})), "TypeError");
    EXPECT_EQ(returns(it), 1);
    // return() throwing does not replace the original throw completion.
    Object* throwing = iterable({num(1)}, true);
    EXPECT_EQ(thrown_name(call("Object.fromEntries", {throwing})), "TypeError");
    EXPECT_EQ(returns(throwing), 1);
}

TEST_F(IteratorOperationsTest, ExhaustedIteratorsAreNotClosed)
{
    Object* pair = CreateArrayFromList(agent, List<Value>{str("k"), num(1)}.items());
    Object* it = iterable({pair}, true);
    Value object = MUST(call("Object.fromEntries", {it}));
    EXPECT_EQ(MUST(Get(agent, *object.as_object(), key("k"))).as_number(), 1);
    EXPECT_EQ(returns(it), 0);
}

TEST_F(IteratorOperationsTest, IteratorCloseOnANormalCompletion)
{
    // With a normal completion, a throwing return() is the result; a
    // non-object result of return() is a TypeError.
    Object* throwing = iterable({}, true);
    IteratorRecord record = MUST(GetIterator(agent, throwing, IteratorKind::Sync));
    EXPECT_EQ(thrown_name(IteratorClose(agent, record, ThrowCompletionOr<Value>(num(5)))), "RangeError");
    Object* fine = iterable({}, false);
    record = MUST(GetIterator(agent, fine, IteratorKind::Sync));
    EXPECT_EQ(MUST(IteratorClose(agent, record, ThrowCompletionOr<Value>(num(5)))).as_number(), 5);
    EXPECT_EQ(returns(fine), 1);
    // IteratorStepValue reports ~done~ and sets [[Done]].
    record = MUST(GetIterator(agent, fine, IteratorKind::Sync));
    EXPECT_FALSE(MUST(IteratorStepValue(agent, record)).has_value());
    EXPECT_TRUE(record.Done);
    // GetIterator of a non-iterable is a TypeError.
    EXPECT_EQ(thrown_name(GetIterator(agent, num(1), IteratorKind::Sync)), "TypeError");
}

TEST_F(IteratorOperationsTest, GroupByClosesWhenTheCallbackThrows)
{
    Object* it = iterable({num(1), num(2)}, false);
    auto thrower = CreateBuiltinFunction(
        agent,
        [](Agent& agent, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
            return throw_error(agent, ErrorType::EvalError, "callback");
        },
        2, key("callback"));
    EXPECT_EQ(thrown_name(call("Object.groupBy", {it, thrower})), "EvalError");
    EXPECT_EQ(returns(it), 1);
}

}  // namespace
}  // namespace lockstep::testing
