// The Promise constructor, its static methods and the prototype methods
// (§27.2.3-§27.2.5), called from C++ as script would call them.
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/testing_and_comparison.h"
#include "tests/promise/fixture.h"

namespace lockstep::testing {
namespace {

class PromiseBuiltinsTest : public PromiseTest {
protected:
    std::optional<PropertyDescriptor> own(Value object, PropertyKey k)
    {
        return MUST(object.as_object()->GetOwnProperty(agent, k));
    }
    // "length"/"name" of a function: number and string.
    double length_of(Value f) { return get(f, "length").as_number(); }
    std::string name_of(Value f) { return text(get(f, "name")); }
    Value array(std::vector<Value> items) { return CreateArrayFromList(agent, items); }
    // The error constructor's name of a thrown or rejection value.
    std::string error_name(Value error) { return text(get(get(error, "constructor"), "name")); }
    bool is_type_error(Value error)
    {
        return error.is_object() && error.as_object()->Prototype == intrinsic(Intrinsic::TypeErrorPrototype);
    }

    // A constructor that calls its executor with logging resolve/reject functions
    // and returns a plain object: a promise-like for NewPromiseCapability.
    Value logging_capability_constructor()
    {
        BuiltinFunction* C = CreateBuiltinFunction(
            agent,
            [this](Agent& agent, BuiltinFunction&, Value, std::span<const Value> args,
                   Object*) -> ThrowCompletionOr<Value> {
                Value functions[] = {logger("resolve"), logger("reject")};
                TRY(Call(agent, args[0], Value::undefined(), functions));
                return Value(new_object());
            },
            1, key("C"), {.isConstructor = true});
        return C;
    }

    // An iterable over `items` whose iterator logs "next" / "return" calls.
    Value logging_iterable(std::vector<Value> items)
    {
        Object* iterable = new_object();
        Value values = array(std::move(items));
        BuiltinFunction* iteratorMethod = function(
            [this](Agent& agent, BuiltinFunction& F, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
                Object* iterator = new_object();
                BuiltinFunction* next = function(
                    [this](Agent& agent, BuiltinFunction& next, Value, std::span<const Value>,
                           Object*) -> ThrowCompletionOr<Value> {
                        log.push_back("next");
                        Object& values = *next.slots[0].as_object();
                        double index = next.slots[1].as_number();
                        double length = TRY(LengthOfArrayLike(agent, values));
                        if (index >= length) return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
                        next.slots[1] = Value::number(index + 1);
                        Value value = TRY(Get(agent, values, PropertyKey::from_array_index(uint32_t(index))));
                        return Value(CreateIteratorResultObject(agent, value, false));
                    },
                    0, 2);
                next->slots[0] = F.slots[0];
                next->slots[1] = Value::number(0);
                MUST(CreateDataPropertyOrThrow(agent, *iterator, key("next"), next));
                MUST(CreateDataPropertyOrThrow(agent, *iterator, key("return"), logger("return", false, Value(new_object()))));
                return Value(iterator);
            },
            0, 1);
        iteratorMethod->slots[0] = values;
        MUST(CreateDataPropertyOrThrow(agent, *iterable, agent.well_known_symbol(WellKnownSymbol::iterator),
                                       iteratorMethod));
        return iterable;
    }
};

// ---- §18 / §27.2.3-5 property shapes ---------------------------------------

TEST_F(PromiseBuiltinsTest, ConstructorAndPrototypeShape)
{
    Value P = Promise();
    EXPECT_TRUE(get(realm().GlobalObject, "Promise").is_identical(P));
    EXPECT_EQ(length_of(P), 1);
    EXPECT_EQ(name_of(P), "Promise");
    EXPECT_EQ(P.as_object()->Prototype, intrinsic(Intrinsic::FunctionPrototype));
    auto prototype = own(P, agent.names.prototype);
    ASSERT_TRUE(prototype);
    EXPECT_TRUE(prototype->value->is_identical(intrinsic(Intrinsic::PromisePrototype)));
    EXPECT_FALSE(*prototype->writable);
    EXPECT_FALSE(*prototype->enumerable);
    EXPECT_FALSE(*prototype->configurable);
    Value proto = intrinsic(Intrinsic::PromisePrototype);
    EXPECT_FALSE(IsPromise(proto));  // an ordinary object, no [[PromiseState]]
    EXPECT_EQ(proto.as_object()->Prototype, intrinsic(Intrinsic::ObjectPrototype));
    EXPECT_TRUE(get(proto, "constructor").is_identical(P));

    struct Method {
        Value holder;
        const char* name;
        double length;
    };
    for (const Method& m : {Method{P, "all", 1}, Method{P, "allSettled", 1}, Method{P, "any", 1},
                            Method{P, "race", 1}, Method{P, "reject", 1}, Method{P, "resolve", 1},
                            Method{P, "try", 1}, Method{P, "withResolvers", 0}, Method{proto, "catch", 1},
                            Method{proto, "finally", 1}, Method{proto, "then", 2}}) {
        SCOPED_TRACE(m.name);
        auto desc = own(m.holder, key(m.name));
        ASSERT_TRUE(desc);
        EXPECT_TRUE(*desc->writable);
        EXPECT_FALSE(*desc->enumerable);
        EXPECT_TRUE(*desc->configurable);
        EXPECT_EQ(length_of(*desc->value), m.length);
        EXPECT_EQ(name_of(*desc->value), m.name);
        EXPECT_FALSE(desc->value->as_object()->has_construct());
    }

    auto species = own(P, agent.well_known_symbol(WellKnownSymbol::species));
    ASSERT_TRUE(species);
    EXPECT_TRUE(species->set->is_undefined());
    EXPECT_EQ(name_of(*species->get), "get [Symbol.species]");
    EXPECT_TRUE(MUST(Call(agent, *species->get, num(7))).is_identical(num(7)));

    auto tag = own(proto, agent.well_known_symbol(WellKnownSymbol::toStringTag));
    ASSERT_TRUE(tag);
    EXPECT_EQ(text(*tag->value), "Promise");
    EXPECT_FALSE(*tag->writable);
    EXPECT_FALSE(*tag->enumerable);
    EXPECT_TRUE(*tag->configurable);
}

TEST_F(PromiseBuiltinsTest, ResolvingFunctionsAreAnonymousWithLengthOne)
{
    Deferred d = deferred();
    for (Value f : {d.resolve, d.reject}) {
        EXPECT_EQ(length_of(f), 1);
        EXPECT_EQ(name_of(f), "");
        EXPECT_FALSE(f.as_object()->has_construct());
    }
    EXPECT_FALSE(d.resolve.is_identical(d.reject));
}

// The anonymous built-ins the algorithms create: Promise.all's resolve
// element functions, allSettled's pair, any's reject element functions
// (length 1), and finally's thenFinally / catchFinally (length 1), all named
// "" and none a constructor. A promise with its own `then` records what it
// is passed.
TEST_F(PromiseBuiltinsTest, AnonymousFunctionsHaveTheSpecifiedShape)
{
    Value p = resolved(num(0));
    MUST(CreateDataPropertyOrThrow(
        agent, *p.as_object(), key("then"),
        function(
            [this](Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*) -> ThrowCompletionOr<Value> {
                std::string shape;
                for (Value f : args) {
                    shape += (shape.empty() ? "" : " ") + text(get(f, "length")) + "'" + text(get(f, "name")) + "'" +
                             (f.as_object()->has_construct() ? "C" : "");
                }
                log.push_back(shape);
                return Value::undefined();
            },
            2)));
    invoke(Promise(), "all", {array({p})});
    invoke(Promise(), "allSettled", {array({p})});
    invoke(Promise(), "any", {array({p})});
    invoke(p, "finally", {logger("f")});
    // all: (element, capability reject); allSettled: (element, element);
    // any: (capability resolve, element); finally: (thenFinally, catchFinally).
    EXPECT_EQ(take_log(), "1'' 1'',1'' 1'',1'' 1'',1'' 1''");
}

// NewPromiseCapability step 5: the executor has length 2 and no name.
TEST_F(PromiseBuiltinsTest, CapabilityExecutorHasLengthTwo)
{
    BuiltinFunction* C = CreateBuiltinFunction(
        agent,
        [this](Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*) -> ThrowCompletionOr<Value> {
            log.push_back("length " + text(get(args[0], "length")) + " name '" + text(get(args[0], "name")) + "'");
            return MUST(Construct(agent, *Promise(), args));
        },
        1, key("C"), {.isConstructor = true});
    MUST(NewPromiseCapability(agent, C));
    EXPECT_EQ(take_log(), "length 2 name ''");
}

// ---- §27.2.3.1 Promise ( executor ) ----------------------------------------

TEST_F(PromiseBuiltinsTest, ConstructorRequiresNewAndACallableExecutor)
{
    ThrowCompletionOr<Value> called = Call(agent, Promise(), Value::undefined(), std::vector<Value>{logger("e")});
    ASSERT_TRUE(called.is_abrupt());
    EXPECT_TRUE(is_type_error(called.thrown_value()));
    ThrowCompletionOr<Object*> constructed = Construct(agent, *Promise(), std::vector<Value>{num(1)});
    ASSERT_TRUE(constructed.is_abrupt());
    EXPECT_TRUE(is_type_error(constructed.thrown_value()));
    EXPECT_EQ(take_log(), "");
}

TEST_F(PromiseBuiltinsTest, ExecutorRunsSynchronouslyWithResolvingFunctions)
{
    BuiltinFunction* executor = function(
        [this](Agent& agent, BuiltinFunction&, Value thisValue, std::span<const Value> args,
               Object*) -> ThrowCompletionOr<Value> {
            log.push_back("executor this=" + text(thisValue) + " args=" + std::to_string(args.size()));
            Value v = num(1);
            TRY(Call(agent, args[0], Value::undefined(), std::span(&v, 1)));
            Value w = num(2);
            TRY(Call(agent, args[1], Value::undefined(), std::span(&w, 1)));  // ignored: already resolved
            return ThrowCompletion(str("ignored too"));
        },
        2);
    Value p = MUST(Construct(agent, *Promise(), std::vector<Value>{executor}));
    EXPECT_EQ(take_log(), "executor this=undefined args=2");
    EXPECT_EQ(state(p), PromiseState::Fulfilled);
    EXPECT_EQ(text(result(p)), "1");
    EXPECT_EQ(p.as_object()->Prototype, intrinsic(Intrinsic::PromisePrototype));
    EXPECT_TRUE(host.rejections.empty());
}

// OrdinaryCreateFromConstructor: the prototype comes from NewTarget.
TEST_F(PromiseBuiltinsTest, ConstructorUsesNewTargetPrototype)
{
    Object* proto = new_object();
    BuiltinFunction* newTarget = CreateBuiltinFunction(
        agent, [](Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
            return Value::undefined();
        },
        0, key("Sub"), {.isConstructor = true});
    MUST(CreateDataPropertyOrThrow(agent, *newTarget, agent.names.prototype, proto));
    Value p = MUST(Construct(agent, *Promise(), std::vector<Value>{logger("e", false)}, newTarget));
    EXPECT_TRUE(IsPromise(p));
    EXPECT_EQ(p.as_object()->Prototype, proto);
}

// Promise Resolve Functions step 7: resolving a promise with itself.
TEST_F(PromiseBuiltinsTest, SelfResolutionRejectsWithTypeError)
{
    Deferred d = deferred();
    call(d.resolve, d.promise);
    EXPECT_EQ(state(d.promise), PromiseState::Rejected);
    EXPECT_TRUE(is_type_error(result(d.promise)));
}

// Steps 9-10: a throwing "then" getter rejects at once, with what it threw.
TEST_F(PromiseBuiltinsTest, ThrowingThenGetterRejectsSynchronously)
{
    Object* resolution = new_object();
    BuiltinFunction* getter = function(
        [](Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
            return ThrowCompletion(Value::number(13));
        });
    MUST(DefinePropertyOrThrow(agent, *resolution, key("then"),
                               PropertyDescriptor{.get = Value(getter), .configurable = true}));
    Deferred d = deferred();
    call(d.resolve, resolution);
    EXPECT_EQ(state(d.promise), PromiseState::Rejected);
    EXPECT_EQ(text(result(d.promise)), "13");
}

// Step 12: an object whose "then" is not callable fulfils at once.
TEST_F(PromiseBuiltinsTest, NonCallableThenFulfilsWithTheObject)
{
    Object* resolution = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *resolution, key("then"), num(1)));
    Deferred d = deferred();
    call(d.resolve, resolution);
    EXPECT_EQ(state(d.promise), PromiseState::Fulfilled);
    EXPECT_TRUE(result(d.promise).is_identical(resolution));
}

TEST_F(PromiseBuiltinsTest, SettledPromisesIgnoreLaterResolution)
{
    Deferred d = deferred();
    call(d.reject, num(1));
    call(d.resolve, num(2));
    call(d.reject, num(3));
    EXPECT_EQ(state(d.promise), PromiseState::Rejected);
    EXPECT_EQ(text(result(d.promise)), "1");
}

// ---- §27.2.1.5 NewPromiseCapability ----------------------------------------

TEST_F(PromiseBuiltinsTest, NewPromiseCapabilityRejectsNonConstructors)
{
    auto r = NewPromiseCapability(agent, new_object());
    ASSERT_TRUE(r.is_abrupt());
    EXPECT_TRUE(is_type_error(r.thrown_value()));
    ThrowCompletionOr<Value> viaStatic = Call(agent, get(Promise(), "reject"), num(1), std::vector<Value>{num(1)});
    ASSERT_TRUE(viaStatic.is_abrupt());
    EXPECT_TRUE(is_type_error(viaStatic.thrown_value()));
}

// Steps 4.a-4.b: a constructor that calls the executor twice with functions.
TEST_F(PromiseBuiltinsTest, ExecutorCalledTwiceThrows)
{
    BuiltinFunction* C = CreateBuiltinFunction(
        agent,
        [this](Agent& agent, BuiltinFunction&, Value, std::span<const Value> args, Object*) -> ThrowCompletionOr<Value> {
            Value functions[] = {logger("a"), logger("b")};
            TRY(Call(agent, args[0], Value::undefined(), functions));
            ThrowCompletionOr<Value> second = Call(agent, args[0], Value::undefined(), functions);
            log.push_back(second.is_abrupt() && is_type_error(second.thrown_value()) ? "second threw" : "second ok");
            return Value(new_object());
        },
        1, key("C"), {.isConstructor = true});
    MUST(NewPromiseCapability(agent, C));
    EXPECT_EQ(take_log(), "second threw");
}

// Steps 4.a-4.d: undefined arguments may be replaced; steps 7-8 then check callability.
TEST_F(PromiseBuiltinsTest, ExecutorArgumentsMustEndUpCallable)
{
    BuiltinFunction* C = CreateBuiltinFunction(
        agent,
        [](Agent& agent, BuiltinFunction&, Value, std::span<const Value> args, Object*) -> ThrowCompletionOr<Value> {
            Value first[] = {Value::undefined(), Value::undefined()};
            TRY(Call(agent, args[0], Value::undefined(), first));
            Value second[] = {Value::undefined(), Value::number(1)};
            TRY(Call(agent, args[0], Value::undefined(), second));
            return Value(OrdinaryObjectCreate(agent, nullptr));
        },
        1, key("C"), {.isConstructor = true});
    auto r = NewPromiseCapability(agent, C);
    ASSERT_TRUE(r.is_abrupt());
    EXPECT_EQ(error_message(r.thrown_value()), "the promise constructor did not provide a callable resolve function");
}

TEST_F(PromiseBuiltinsTest, StaticsUseTheThisConstructorsCapability)
{
    Value C = logging_capability_constructor();
    Value p = MUST(Call(agent, get(Promise(), "reject"), C, std::vector<Value>{num(5)}));
    EXPECT_FALSE(IsPromise(p));
    EXPECT_EQ(take_log(), "reject:5");
    MUST(Call(agent, get(Promise(), "resolve"), C, std::vector<Value>{num(6)}));
    EXPECT_EQ(take_log(), "resolve:6");
}

// ---- Promise.resolve / PromiseResolve --------------------------------------

TEST_F(PromiseBuiltinsTest, ResolveReturnsAPromiseOfTheSameConstructorAsIs)
{
    Value p = resolved(num(1));
    EXPECT_TRUE(resolved(p).is_identical(p));
    // With another "constructor", PromiseResolve wraps it.
    MUST(CreateDataPropertyOrThrow(agent, *p.as_object(), agent.names.constructor, new_object()));
    Value wrapped = resolved(p);
    EXPECT_FALSE(wrapped.is_identical(p));
    EXPECT_EQ(state(wrapped), PromiseState::Pending);  // resolved with a thenable: a job away
    run();
    EXPECT_EQ(state(wrapped), PromiseState::Fulfilled);
    ThrowCompletionOr<Value> nonObject = Call(agent, get(Promise(), "resolve"), num(1), std::vector<Value>{num(1)});
    ASSERT_TRUE(nonObject.is_abrupt());
    EXPECT_TRUE(is_type_error(nonObject.thrown_value()));
}

// ---- then / catch and SpeciesConstructor -----------------------------------

TEST_F(PromiseBuiltinsTest, ThenRequiresAPromise)
{
    Value proto = intrinsic(Intrinsic::PromisePrototype);
    ThrowCompletionOr<Value> r = Call(agent, get(proto, "then"), new_object(), std::vector<Value>{});
    ASSERT_TRUE(r.is_abrupt());
    EXPECT_TRUE(is_type_error(r.thrown_value()));
}

TEST_F(PromiseBuiltinsTest, ThenUsesTheSpeciesConstructor)
{
    Value p = resolved(num(1));
    Object* constructor = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *constructor, agent.well_known_symbol(WellKnownSymbol::species),
                                   logging_capability_constructor()));
    MUST(CreateDataPropertyOrThrow(agent, *p.as_object(), agent.names.constructor, constructor));
    Value derived = then(p, logger("f", true, num(2)));
    EXPECT_FALSE(IsPromise(derived));
    run();
    EXPECT_EQ(take_log(), "f:1,resolve:2");
}

// catch is Invoke(promise, "then", « undefined, onRejected »): generic.
TEST_F(PromiseBuiltinsTest, CatchInvokesThenGenerically)
{
    Object* thenable = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *thenable, key("then"),
                                   function([this](Agent&, BuiltinFunction&, Value, std::span<const Value> args,
                                                   Object*) -> ThrowCompletionOr<Value> {
                                       log.push_back("then(" + text(args[0]) + ", " +
                                                     (IsCallable(args[1]) ? "fn" : "?") + ")");
                                       return Value::number(8);
                                   })));
    Value catchMethod = get(intrinsic(Intrinsic::PromisePrototype), "catch");
    Value r = MUST(Call(agent, catchMethod, thenable, std::vector<Value>{logger("c")}));
    EXPECT_EQ(text(r), "8");
    EXPECT_EQ(take_log(), "then(undefined, fn)");
}

TEST_F(PromiseBuiltinsTest, FinallyRequiresAnObject)
{
    Value proto = intrinsic(Intrinsic::PromisePrototype);
    ThrowCompletionOr<Value> r = Call(agent, get(proto, "finally"), num(1), std::vector<Value>{});
    ASSERT_TRUE(r.is_abrupt());
    EXPECT_TRUE(is_type_error(r.thrown_value()));
}

// ---- Promise.all / allSettled / any / race ---------------------------------

TEST_F(PromiseBuiltinsTest, AllKeepsInputOrder)
{
    Deferred a = deferred(), b = deferred();
    Value all = invoke(Promise(), "all", {array({a.promise, num(2), b.promise})});
    call(b.resolve, num(3));
    run();
    EXPECT_EQ(state(all), PromiseState::Pending);
    call(a.resolve, num(1));
    run();
    ASSERT_EQ(state(all), PromiseState::Fulfilled);
    EXPECT_EQ(text(result(all)), "1,2,3");
}

// PerformPromiseAll step 4.b.ii: an empty iterable resolves synchronously.
TEST_F(PromiseBuiltinsTest, AllOfNothingResolvesAtOnce)
{
    Value all = invoke(Promise(), "all", {array({})});
    ASSERT_EQ(state(all), PromiseState::Fulfilled);
    EXPECT_TRUE(MUST(IsArray(agent, result(all))));
    EXPECT_EQ(text(get(result(all), "length")), "0");
}

TEST_F(PromiseBuiltinsTest, AllRejectsWithTheFirstReason)
{
    Deferred a = deferred(), b = deferred();
    Value all = invoke(Promise(), "all", {array({a.promise, b.promise})});
    call(b.reject, num(2));
    call(a.reject, num(1));
    run();
    EXPECT_EQ(state(all), PromiseState::Rejected);
    EXPECT_EQ(text(result(all)), "2");
}

// A native promise with its own "then": PromiseResolve returns it as is, so
// Promise.all calls the custom then synchronously (step 4.n); its second
// call of the resolve element function is ignored ([[AlreadyCalled]]).
TEST_F(PromiseBuiltinsTest, AllCallsACustomThenSynchronously)
{
    Value p = resolved(num(0));
    MUST(CreateDataPropertyOrThrow(
        agent, *p.as_object(), key("then"),
        function(
            [this](Agent& agent, BuiltinFunction&, Value, std::span<const Value> args, Object*) -> ThrowCompletionOr<Value> {
                log.push_back("custom then");
                Value one = Value::number(1), two = Value::number(2);
                TRY(Call(agent, args[0], Value::undefined(), std::span(&one, 1)));
                TRY(Call(agent, args[0], Value::undefined(), std::span(&two, 1)));
                return Value::undefined();
            },
            2)));
    Value all = invoke(Promise(), "all", {array({p, num(3)})});
    log.push_back("returned");
    EXPECT_EQ(take_log(), "custom then,returned");
    run();
    ASSERT_EQ(state(all), PromiseState::Fulfilled);
    EXPECT_EQ(text(result(all)), "1,3");
}

// IfAbruptRejectPromise after GetPromiseResolve: the iterable is never touched.
TEST_F(PromiseBuiltinsTest, AllRejectsWhenResolveIsNotCallable)
{
    MUST(Set(agent, *Promise(), key("resolve"), num(1), true));
    Value all = invoke(Promise(), "all", {logging_iterable({num(1)})});
    EXPECT_EQ(state(all), PromiseState::Rejected);
    EXPECT_TRUE(is_type_error(result(all)));
    EXPECT_EQ(take_log(), "");
}

// Step 8.a: an abrupt PerformPromiseAll closes the iterator unless it is done.
TEST_F(PromiseBuiltinsTest, AllClosesTheIteratorWhenResolveThrows)
{
    MUST(Set(agent, *Promise(), key("resolve"), rethrower("resolve"), true));
    Value all = invoke(Promise(), "all", {logging_iterable({num(1), num(2)})});
    EXPECT_EQ(take_log(), "next,resolve:1,return");
    EXPECT_EQ(state(all), PromiseState::Rejected);
    EXPECT_EQ(text(result(all)), "1");
}

TEST_F(PromiseBuiltinsTest, AllDoesNotCloseAnIteratorThatThrew)
{
    Object* iterable = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *iterable, agent.well_known_symbol(WellKnownSymbol::iterator),
                                   function([this](Agent&, BuiltinFunction&, Value, std::span<const Value>,
                                                   Object*) -> ThrowCompletionOr<Value> {
                                       Object* iterator = new_object();
                                       MUST(CreateDataPropertyOrThrow(agent, *iterator, key("next"),
                                                                      rethrower("next")));
                                       MUST(CreateDataPropertyOrThrow(agent, *iterator, key("return"),
                                                                      logger("return", false)));
                                       return Value(iterator);
                                   })));
    Value all = invoke(Promise(), "all", {iterable});
    EXPECT_EQ(take_log(), "next:undefined");
    EXPECT_EQ(state(all), PromiseState::Rejected);
}

TEST_F(PromiseBuiltinsTest, AllSettledReportsEveryOutcome)
{
    Value all = invoke(Promise(), "allSettled", {array({resolved(num(1)), rejected(num(2)), num(3)})});
    run();
    ASSERT_EQ(state(all), PromiseState::Fulfilled);
    Value values = result(all);
    std::string out;
    for (uint32_t i = 0; i < 3; ++i) {
        Value entry = MUST(Get(agent, *values.as_object(), PropertyKey::from_array_index(i)));
        std::string status = text(get(entry, "status"));
        out += status + "=" + text(get(entry, status == "fulfilled" ? "value" : "reason")) + ";";
    }
    EXPECT_EQ(out, "fulfilled=1;rejected=2;fulfilled=3;");
}

// The two element functions of one allSettled element share [[AlreadyCalled]].
TEST_F(PromiseBuiltinsTest, AllSettledElementFunctionsShareAlreadyCalled)
{
    Object* thenable = new_object();
    MUST(CreateDataPropertyOrThrow(
        agent, *thenable, key("then"),
        function(
            [](Agent& agent, BuiltinFunction&, Value, std::span<const Value> args, Object*) -> ThrowCompletionOr<Value> {
                Value one = Value::number(1), two = Value::number(2);
                TRY(Call(agent, args[1], Value::undefined(), std::span(&two, 1)));
                TRY(Call(agent, args[0], Value::undefined(), std::span(&one, 1)));
                return Value::undefined();
            },
            2)));
    // A thenable that is not a promise: Promise.resolve wraps it, and the
    // wrapper's then (the native one) forwards to our element functions.
    Value p = resolved(num(0));
    MUST(CreateDataPropertyOrThrow(agent, *p.as_object(), key("then"), get(thenable, "then")));
    Value all = invoke(Promise(), "allSettled", {array({p})});
    run();
    ASSERT_EQ(state(all), PromiseState::Fulfilled);
    Value entry = MUST(Get(agent, *result(all).as_object(), PropertyKey::from_array_index(0)));
    EXPECT_EQ(text(get(entry, "status")), "rejected");
    EXPECT_EQ(text(get(entry, "reason")), "2");
}

TEST_F(PromiseBuiltinsTest, AnyFulfilsWithTheFirstFulfilment)
{
    Deferred a = deferred(), b = deferred();
    Value any = invoke(Promise(), "any", {array({a.promise, b.promise})});
    call(a.reject, num(1));
    call(b.resolve, num(2));
    run();
    EXPECT_EQ(state(any), PromiseState::Fulfilled);
    EXPECT_EQ(text(result(any)), "2");
}

TEST_F(PromiseBuiltinsTest, AnyRejectsWithAnAggregateErrorInInputOrder)
{
    Deferred a = deferred(), b = deferred();
    Value any = invoke(Promise(), "any", {array({a.promise, b.promise})});
    call(b.reject, num(2));
    call(a.reject, num(1));
    run();
    ASSERT_EQ(state(any), PromiseState::Rejected);
    Value error = result(any);
    EXPECT_EQ(error.as_object()->Prototype, intrinsic(Intrinsic::AggregateErrorPrototype));
    auto errors = own(error, key("errors"));
    ASSERT_TRUE(errors);
    EXPECT_TRUE(*errors->writable);
    EXPECT_FALSE(*errors->enumerable);
    EXPECT_TRUE(*errors->configurable);
    EXPECT_EQ(text(*errors->value), "1,2");
}

// PerformPromiseAny step 4.b.ii: no elements → an AggregateError, synchronously.
TEST_F(PromiseBuiltinsTest, AnyOfNothingRejectsAtOnce)
{
    Value any = invoke(Promise(), "any", {array({})});
    ASSERT_EQ(state(any), PromiseState::Rejected);
    EXPECT_EQ(error_name(result(any)), "AggregateError");
    EXPECT_EQ(text(get(get(result(any), "errors"), "length")), "0");
}

TEST_F(PromiseBuiltinsTest, RaceSettlesLikeTheFirstToSettle)
{
    Deferred a = deferred(), b = deferred();
    Value race = invoke(Promise(), "race", {array({a.promise, b.promise})});
    call(b.reject, num(2));
    call(a.resolve, num(1));
    run();
    EXPECT_EQ(state(race), PromiseState::Rejected);
    EXPECT_EQ(text(result(race)), "2");
    Value never = invoke(Promise(), "race", {array({})});
    run();
    EXPECT_EQ(state(never), PromiseState::Pending);
}

// ---- Promise.try / Promise.withResolvers -----------------------------------

TEST_F(PromiseBuiltinsTest, TryCallsTheCallbackSynchronouslyWithTheRestArguments)
{
    BuiltinFunction* callback = function(
        [this](Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*) -> ThrowCompletionOr<Value> {
            log.push_back("callback " + std::to_string(args.size()) + " " + text(args[0]) + text(args[1]));
            return Value::number(9);
        });
    Value p = invoke(Promise(), "try", {callback, num(1), num(2)});
    EXPECT_EQ(take_log(), "callback 2 12");
    EXPECT_EQ(state(p), PromiseState::Fulfilled);
    EXPECT_EQ(text(result(p)), "9");
    Value q = invoke(Promise(), "try", {rethrower("t")});
    EXPECT_EQ(state(q), PromiseState::Rejected);
    Value r = invoke(Promise(), "try", {num(1)});  // Call throws a TypeError: a rejection
    EXPECT_EQ(state(r), PromiseState::Rejected);
    EXPECT_TRUE(is_type_error(result(r)));
    ThrowCompletionOr<Value> nonObject = Call(agent, get(Promise(), "try"), num(1), std::vector<Value>{callback});
    ASSERT_TRUE(nonObject.is_abrupt());
    EXPECT_TRUE(is_type_error(nonObject.thrown_value()));
}

TEST_F(PromiseBuiltinsTest, WithResolversReturnsAFreshCapability)
{
    Value record = invoke(Promise(), "withResolvers");
    EXPECT_EQ(record.as_object()->Prototype, intrinsic(Intrinsic::ObjectPrototype));
    for (const char* name : {"promise", "resolve", "reject"}) {
        auto desc = own(record, key(name));
        ASSERT_TRUE(desc) << name;
        EXPECT_TRUE(*desc->writable && *desc->enumerable && *desc->configurable) << name;
    }
    call(get(record, "resolve"), num(4));
    EXPECT_EQ(text(result(get(record, "promise"))), "4");
}

// ---- the collector sees every promise structure ----------------------------

// The two-extra-ticks scenario and a Promise.all, collecting before every
// allocation: reactions, jobs and the element functions' shared records
// must all be reachable.
TEST_F(PromiseBuiltinsTest, SurvivesCollectionAtEveryAllocation)
{
    agent.heap.set_automatic_collection(true);
    agent.heap.set_stress(true);
    Value settled = resolved(Value::undefined());
    Deferred P = deferred();
    call(P.resolve, settled);
    then(P.promise, logger("A", false));
    Value b = then(settled, logger("B1", false));
    then(then(b, logger("B2", false)), logger("B3", false));
    Value all = invoke(Promise(), "all", {array({resolved(num(1)), P.promise, num(3)})});
    Value fin = invoke(all, "finally", {logger("F", false)});
    then(fin, logger("T"));
    run();
    agent.heap.set_stress(false);
    EXPECT_GT(agent.heap.statistics().collections, 100u);
    EXPECT_EQ(take_log(), "B1,B2,A,B3,F,T:1,,3");
}

}  // namespace
}  // namespace lockstep::testing
