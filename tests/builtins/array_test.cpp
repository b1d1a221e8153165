// §10.4.2 Array exotic objects and §23.1 %Array%.
#include "builtin_call_fixture.h"

namespace lockstep::testing {
namespace {

using ArrayTest = BuiltinCallTest;

TEST_F(ArrayTest, DefiningAnIndexGrowsLength)
{
    Object* a = MUST(ArrayCreate(agent, 0));
    MUST(CreateDataPropertyOrThrow(agent, *a, PropertyKey::from_array_index(9), num(1)));
    EXPECT_EQ(get(a, "length").as_number(), 10);
}

TEST_F(ArrayTest, ShrinkingLengthDeletesIndicesAndStopsAtNonConfigurable)
{
    Object* a = array({num(0), num(1), num(2), num(3)});
    MUST(DefinePropertyOrThrow(agent, *a, PropertyKey::from_array_index(1),
                               PropertyDescriptor{.configurable = false}));
    EXPECT_FALSE(MUST(a->DefineOwnProperty(agent, agent.names.length, PropertyDescriptor{.value = num(0)})));
    // Deletion went down from 3 and stopped at the non-configurable index 1.
    EXPECT_EQ(get(a, "length").as_number(), 2);
    EXPECT_TRUE(MUST(HasOwnProperty(agent, *a, PropertyKey::from_array_index(1))));
    EXPECT_FALSE(MUST(HasOwnProperty(agent, *a, PropertyKey::from_array_index(2))));
}

TEST_F(ArrayTest, ReadOnlyLengthIsAppliedAfterDeletion)
{
    Object* a = array({num(0), num(1), num(2)});
    EXPECT_TRUE(MUST(a->DefineOwnProperty(agent, agent.names.length,
                                          PropertyDescriptor{.value = num(1), .writable = false})));
    auto len = *MUST(a->GetOwnProperty(agent, agent.names.length));
    EXPECT_EQ(len.value->as_number(), 1);
    EXPECT_FALSE(*len.writable);
    // No index at or past a read-only length can be added.
    EXPECT_FALSE(MUST(a->DefineOwnProperty(agent, PropertyKey::from_array_index(5), PropertyDescriptor{.value = num(1)})));
}

TEST_F(ArrayTest, InvalidLengthIsARangeError)
{
    Object* a = MUST(ArrayCreate(agent, 0));
    auto r = a->DefineOwnProperty(agent, agent.names.length, PropertyDescriptor{.value = num(1.5)});
    EXPECT_TRUE(r.is_abrupt());
    EXPECT_TRUE(ArrayCreate(agent, 4294967296.0).is_abrupt());
}

TEST_F(ArrayTest, ConstructorWithOneNumberSetsLength)
{
    Value ctor = intrinsic(Intrinsic::Array);
    Value args[] = {num(3)};
    Object* a = MUST(Construct(agent, *ctor.as_object(), args));
    EXPECT_EQ(get(a, "length").as_number(), 3);
    EXPECT_FALSE(MUST(HasOwnProperty(agent, *a, PropertyKey::from_array_index(0))));
    Value bad[] = {num(-1)};
    EXPECT_TRUE(Construct(agent, *ctor.as_object(), bad).is_abrupt());
    // Called as a function it constructs too; a non-Number argument is an element.
    Value strArg[] = {str("x")};
    Value b = MUST(Call(agent, ctor, Value::undefined(), strArg));
    EXPECT_EQ(elements(b), "x");
}

TEST_F(ArrayTest, PushPopShiftUnshift)
{
    Value a = array({num(1), num(2)});
    EXPECT_EQ(invoke(a, "push", {num(3), num(4)}).as_number(), 4);
    EXPECT_EQ(invoke(a, "pop").as_number(), 4);
    EXPECT_EQ(invoke(a, "shift").as_number(), 1);
    EXPECT_EQ(invoke(a, "unshift", {num(7), num(8)}).as_number(), 4);
    EXPECT_EQ(elements(a), "7,8,2,3");
}

TEST_F(ArrayTest, GenericMethodsWorkOnArrayLikes)
{
    Object* o = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *o, key("length"), num(2)));
    MUST(CreateDataPropertyOrThrow(agent, *o, PropertyKey::from_array_index(0), str("a")));
    MUST(CreateDataPropertyOrThrow(agent, *o, PropertyKey::from_array_index(1), str("b")));
    Value join = get(intrinsic(Intrinsic::ArrayPrototype), "join");
    Value sep[] = {str("-")};
    EXPECT_EQ(to_std(MUST(Call(agent, join, o, sep))), "a-b");
}

TEST_F(ArrayTest, SliceSpliceConcat)
{
    Value a = array({num(0), num(1), num(2), num(3), num(4)});
    EXPECT_EQ(elements(invoke(a, "slice", {num(1), num(-1)})), "1,2,3");
    Value removed = invoke(a, "splice", {num(1), num(2), str("x")});
    EXPECT_EQ(elements(removed), "1,2");
    EXPECT_EQ(elements(a), "0,x,3,4");
    Value c = invoke(a, "concat", {array({num(9)}), num(10)});
    EXPECT_EQ(elements(c), "0,x,3,4,9,10");
}

TEST_F(ArrayTest, ConcatHonoursIsConcatSpreadable)
{
    Object* spreadable = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *spreadable, key("length"), num(1)));
    MUST(CreateDataPropertyOrThrow(agent, *spreadable, PropertyKey::from_array_index(0), str("s")));
    MUST(CreateDataPropertyOrThrow(agent, *spreadable, agent.well_known_symbol(WellKnownSymbol::isConcatSpreadable),
                                   Value::boolean(true)));
    Value c = invoke(array({}), "concat", {spreadable});
    EXPECT_EQ(elements(c), "s");
}

TEST_F(ArrayTest, SortIsStableAndPutsUndefinedLastAndKeepsHolesAtTheEnd)
{
    // Sort by the first character only: "b1" must stay before "b2".
    Value a = array({str("b1"), Value::undefined(), str("a"), str("b2")});
    MUST(DeletePropertyOrThrow(agent, *a.as_object(), PropertyKey::from_array_index(1)));  // a hole
    MUST(Set(agent, *a.as_object(), PropertyKey::from_array_index(4), Value::undefined(), true));
    Value byFirst = function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                                 -> ThrowCompletionOr<Value> {
        char16_t x = MUST(ToString(ag, args[0]))->units()[0];
        char16_t y = MUST(ToString(ag, args[1]))->units()[0];
        return Value::number(double(x) - double(y));
    });
    invoke(a, "sort", {byFirst});
    EXPECT_EQ(elements(a), "a,b1,b2,undefined,undefined");
    EXPECT_FALSE(MUST(HasOwnProperty(agent, *a.as_object(), PropertyKey::from_array_index(4))));  // the hole moved last
    Value d = array({num(10), num(9), num(1)});
    invoke(d, "sort");
    EXPECT_EQ(elements(d), "1,10,9");  // default order compares strings
}

TEST_F(ArrayTest, SortStopsAtTheFirstAbruptComparison)
{
    int calls = 0;
    static int* counter;
    counter = &calls;
    Value thrower = function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value>, Object*)
                                 -> ThrowCompletionOr<Value> {
        ++*counter;
        return throw_type_error(ag, "stop");
    });
    auto r = try_invoke(array({num(3), num(2), num(1)}), "sort", {thrower});
    EXPECT_TRUE(r.is_abrupt());
    EXPECT_EQ(calls, 1);
}

TEST_F(ArrayTest, IncludesUsesSameValueZeroAndIndexOfStrictEquality)
{
    Value nan = num(std::numeric_limits<double>::quiet_NaN());
    Value a = array({nan, num(-0.0)});
    EXPECT_TRUE(invoke(a, "includes", {nan}).as_bool());
    EXPECT_EQ(invoke(a, "indexOf", {nan}).as_number(), -1);
    EXPECT_EQ(invoke(a, "indexOf", {num(0)}).as_number(), 1);
    EXPECT_EQ(invoke(a, "lastIndexOf", {num(0)}).as_number(), 1);
}

TEST_F(ArrayTest, SearchResultsAreNeverMinusZero)
{
    Value a = array({num(1)});
    EXPECT_FALSE(std::signbit(invoke(a, "indexOf", {num(1), num(-0.0)}).as_number()));
    EXPECT_FALSE(std::signbit(invoke(a, "lastIndexOf", {num(1), num(-0.0)}).as_number()));
    EXPECT_FALSE(std::signbit(invoke(a, "findIndex", {get(intrinsic(Intrinsic::Array), "isArray")}).as_number() + 1));
}

TEST_F(ArrayTest, LengthLimitsAreTypeErrors)
{
    Object* huge = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *huge, key("length"), num(9007199254740991.0)));
    Value push = get(intrinsic(Intrinsic::ArrayPrototype), "push");
    Value one[] = {num(1)};
    EXPECT_TRUE(threw(Call(agent, push, huge, one), Intrinsic::TypeErrorPrototype));
    // An index past 2^32 - 2 is an ordinary string key of the array-like.
    Object* big = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *big, key("length"), num(4294967296.0)));
    Value pop = get(intrinsic(Intrinsic::ArrayPrototype), "pop");
    MUST(CreateDataPropertyOrThrow(agent, *big, key("4294967295"), str("last")));
    EXPECT_EQ(to_std(MUST(Call(agent, pop, big))), "last");
    EXPECT_EQ(get(big, "length").as_number(), 4294967295.0);
}

TEST_F(ArrayTest, SpeciesConstructorIsUsed)
{
    // A constructor whose @@species makes plain objects.
    Object* ctor = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *ctor, agent.well_known_symbol(WellKnownSymbol::species),
                                   intrinsic(Intrinsic::Object)));
    Value a = array({num(1), num(2)});
    MUST(CreateDataPropertyOrThrow(agent, *a.as_object(), key("constructor"), ctor));
    Value mapped = invoke(a, "slice");
    EXPECT_FALSE(MUST(IsArray(agent, mapped)));
    EXPECT_EQ(get(mapped, "length").as_number(), 2);
    // A non-constructor species is a TypeError; null falls back to %Array%.
    MUST(Set(agent, *ctor, agent.well_known_symbol(WellKnownSymbol::species), num(1), true));
    EXPECT_TRUE(threw(try_invoke(a, "slice"), Intrinsic::TypeErrorPrototype));
    MUST(Set(agent, *ctor, agent.well_known_symbol(WellKnownSymbol::species), Value::null(), true));
    EXPECT_TRUE(MUST(IsArray(agent, invoke(a, "slice"))));
}

TEST_F(ArrayTest, FlatAndFlatMap)
{
    Value a = array({num(1), array({num(2), array({num(3)})})});
    EXPECT_EQ(elements(invoke(a, "flat")), "1,2,3");  // the inner array stringifies to "3"
    EXPECT_EQ(get(invoke(a, "flat"), "length").as_number(), 3);
    EXPECT_EQ(get(invoke(a, "flat", {num(INFINITY)}), "length").as_number(), 3);
    Value twice = function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                               -> ThrowCompletionOr<Value> {
        Value pair[] = {args[0], args[0]};
        return Value(CreateArrayFromList(ag, pair));
    });
    EXPECT_EQ(elements(invoke(array({num(1), num(2)}), "flatMap", {twice})), "1,1,2,2");
}

TEST_F(ArrayTest, DeeplyNestedFlatThrowsInsteadOfCrashing)
{
    Value inner = array({});
    for (int i = 0; i < 200000; ++i) inner = array({inner});
    auto r = try_invoke(inner, "flat", {num(INFINITY)});
    EXPECT_TRUE(r.is_abrupt());
}

TEST_F(ArrayTest, ChangeArrayByCopyMethods)
{
    Value a = array({num(3), num(1), num(2)});
    EXPECT_EQ(elements(invoke(a, "toReversed")), "2,1,3");
    EXPECT_EQ(elements(invoke(a, "toSorted")), "1,2,3");
    EXPECT_EQ(elements(invoke(a, "toSpliced", {num(0), num(1), str("x"), str("y")})), "x,y,1,2");
    EXPECT_EQ(elements(invoke(a, "with", {num(-1), num(9)})), "3,1,9");
    EXPECT_TRUE(threw(try_invoke(a, "with", {num(3), num(0)}), Intrinsic::RangeErrorPrototype));
    EXPECT_EQ(elements(a), "3,1,2");  // unchanged
}

TEST_F(ArrayTest, FindFamilyAndAt)
{
    Value a = array({num(1), num(2), num(3), num(4)});
    Value even = function([](Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                              -> ThrowCompletionOr<Value> {
        return Value::boolean(std::fmod(args[0].as_number(), 2) == 0);
    });
    EXPECT_EQ(invoke(a, "find", {even}).as_number(), 2);
    EXPECT_EQ(invoke(a, "findIndex", {even}).as_number(), 1);
    EXPECT_EQ(invoke(a, "findLast", {even}).as_number(), 4);
    EXPECT_EQ(invoke(a, "findLastIndex", {even}).as_number(), 3);
    EXPECT_EQ(invoke(a, "at", {num(-1)}).as_number(), 4);
    EXPECT_TRUE(invoke(a, "at", {num(4)}).is_undefined());
}

TEST_F(ArrayTest, ReduceWithoutInitialValueSkipsHoles)
{
    Value a = array({num(0), num(5), num(6)});
    MUST(DeletePropertyOrThrow(agent, *a.as_object(), PropertyKey::from_array_index(0)));
    Value add = function([](Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                             -> ThrowCompletionOr<Value> {
        return Value::number(args[0].as_number() + args[1].as_number());
    });
    EXPECT_EQ(invoke(a, "reduce", {add}).as_number(), 11);
    EXPECT_EQ(invoke(a, "reduceRight", {add, num(1)}).as_number(), 12);
    EXPECT_TRUE(try_invoke(array({}), "reduce", {add}).is_abrupt());
}

TEST_F(ArrayTest, IteratorsWalkTheLiveLength)
{
    Value a = array({num(1)});
    Value it = invoke(a, "entries");
    Value first = invoke(it, "next");
    EXPECT_EQ(elements(get(first, "value")), "0,1");
    invoke(a, "push", {num(2)});  // seen: the length is read on every step
    EXPECT_EQ(elements(get(invoke(it, "next"), "value")), "1,2");
    EXPECT_TRUE(get(invoke(it, "next"), "done").as_bool());
    invoke(a, "push", {num(3)});  // not seen: the iterator is exhausted for good
    EXPECT_TRUE(get(invoke(it, "next"), "done").as_bool());
    // values is @@iterator, and the prototype chain reaches %Iterator.prototype%.
    Value proto = intrinsic(Intrinsic::ArrayPrototype);
    EXPECT_TRUE(SameValue(get(proto, "values"), get(proto, agent.well_known_symbol(WellKnownSymbol::iterator))));
    Value itProto = intrinsic(Intrinsic::ArrayIteratorPrototype);
    EXPECT_EQ(itProto.as_object()->Prototype, intrinsic(Intrinsic::IteratorPrototype));
}

TEST_F(ArrayTest, FromArrayLikeAndIterableAndOf)
{
    Value ctor = intrinsic(Intrinsic::Array);
    Value fromSet = invoke(ctor, "from", {array({str("a"), str("b")})});  // iterable path
    EXPECT_EQ(elements(fromSet), "a,b");
    Object* arrayLike = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *arrayLike, key("length"), num(2)));
    MUST(CreateDataPropertyOrThrow(agent, *arrayLike, PropertyKey::from_array_index(1), str("z")));
    EXPECT_EQ(elements(invoke(ctor, "from", {arrayLike})), "undefined,z");
    EXPECT_EQ(elements(invoke(ctor, "of", {num(7), num(8)})), "7,8");
    EXPECT_TRUE(invoke(ctor, "isArray", {array({})}).as_bool());
    EXPECT_FALSE(invoke(ctor, "isArray", {new_object()}).as_bool());
}

TEST_F(ArrayTest, PropertyAttributesFollowClause18)
{
    Object* proto = intrinsic(Intrinsic::ArrayPrototype);
    auto push = *MUST(proto->GetOwnProperty(agent, key("push")));
    EXPECT_TRUE(*push.writable);
    EXPECT_FALSE(*push.enumerable);
    EXPECT_TRUE(*push.configurable);
    Object* pushFn = push.value->as_object();
    auto length = *MUST(pushFn->GetOwnProperty(agent, key("length")));
    EXPECT_EQ(length.value->as_number(), 1);
    EXPECT_FALSE(*length.writable);
    EXPECT_TRUE(*length.configurable);
    Value unscopables = get(proto, agent.well_known_symbol(WellKnownSymbol::unscopables));
    EXPECT_EQ(unscopables.as_object()->Prototype, nullptr);
    EXPECT_TRUE(get(unscopables, "flat").as_bool());
    EXPECT_TRUE(MUST(IsArray(agent, proto)));
    auto speciesGetter = MUST(intrinsic(Intrinsic::Array)->GetOwnProperty(
        agent, agent.well_known_symbol(WellKnownSymbol::species)));
    EXPECT_EQ(to_std(get(speciesGetter->get->as_object(), "name")), "get [Symbol.species]");
}

TEST_F(ArrayTest, ToStringFallsBackToTheIntrinsicObjectToString)
{
    Object* o = new_object();  // no "join"
    Value toString = get(intrinsic(Intrinsic::ArrayPrototype), "toString");
    // Replacing Object.prototype.toString does not change the fallback.
    MUST(Set(agent, *intrinsic(Intrinsic::ObjectPrototype), key("toString"), num(0), true));
    EXPECT_EQ(to_std(MUST(Call(agent, toString, o))), "[object Object]");
}

TEST_F(ArrayTest, CopyWithinAndFillAndReverse)
{
    Value a = array({num(1), num(2), num(3), num(4), num(5)});
    invoke(a, "copyWithin", {num(0), num(3)});
    EXPECT_EQ(elements(a), "4,5,3,4,5");
    invoke(a, "fill", {num(0), num(1), num(-1)});
    EXPECT_EQ(elements(a), "4,0,0,0,5");
    invoke(a, "reverse");
    EXPECT_EQ(elements(a), "5,0,0,0,4");
    EXPECT_EQ(to_std(invoke(a, "toString")), "5,0,0,0,4");
}

}  // namespace
}  // namespace lockstep::testing
