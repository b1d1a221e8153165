#include <cmath>

#include <gtest/gtest.h>

#include "fixture.h"
#include "runtime/builtin_function.h"
#include "runtime/error.h"
#include "runtime/symbol.h"

namespace lockstep::testing {
namespace {

using D = PropertyDescriptor;

class OrdinaryObjectTest : public RuntimeTest {
protected:
    bool define(Object* o, const char* name, const D& desc) { return MUST(o->DefineOwnProperty(agent, key(name), desc)); }
    D own(Object* o, const char* name) { return *MUST(o->GetOwnProperty(agent, key(name))); }
    std::vector<std::string> keys_of(Object* o)
    {
        std::vector<std::string> out;
        for (PropertyKey k : MUST(o->OwnPropertyKeys(agent))) {
            if (k.is_symbol()) out.push_back("@" + k.as_symbol()->Description.as_string()->to_utf8());
            else out.push_back(k.to_value(agent.heap).as_string()->to_utf8());
        }
        return out;
    }
    void put_named(Object* o, int i)
    {
        MUST(CreateDataPropertyOrThrow(agent, *o, key(("k" + std::to_string(i)).c_str()), Value::number(i)));
    }
    // A built-in whose behaviour is `f`.
    BuiltinFunction* builtin(BuiltinBehaviour f) { return CreateBuiltinFunction(agent, std::move(f), 0, key("f")); }
};

TEST_F(OrdinaryObjectTest, DefineCreatesWithDefaultsForAbsentFields)
{
    Object* o = new_object();
    EXPECT_TRUE(define(o, "x", D{.value = Value::number(1)}));
    D d = own(o, "x");
    EXPECT_EQ(d.value->as_number(), 1);
    EXPECT_FALSE(*d.writable);
    EXPECT_FALSE(*d.enumerable);
    EXPECT_FALSE(*d.configurable);
    EXPECT_FALSE(d.get.has_value());
    EXPECT_FALSE(MUST(o->GetOwnProperty(agent, key("y"))).has_value());
}

TEST_F(OrdinaryObjectTest, NonExtensibleObjectsRejectNewProperties)
{
    Object* o = new_object();
    EXPECT_TRUE(MUST(o->PreventExtensions(agent)));
    EXPECT_FALSE(MUST(o->IsExtensible(agent)));
    EXPECT_FALSE(define(o, "x", D{.value = Value::number(1)}));
    EXPECT_FALSE(MUST(o->HasProperty(agent, key("x"))));
}

TEST_F(OrdinaryObjectTest, NonConfigurablePropertiesResistChange)
{
    Object* o = new_object();
    ASSERT_TRUE(define(o, "x", D{.value = Value::number(1), .writable = false, .enumerable = false, .configurable = false}));
    EXPECT_FALSE(define(o, "x", D{.configurable = true}));
    EXPECT_FALSE(define(o, "x", D{.enumerable = true}));
    EXPECT_FALSE(define(o, "x", D{.writable = true}));
    EXPECT_FALSE(define(o, "x", D{.value = Value::number(2)}));
    EXPECT_TRUE(define(o, "x", D{.value = Value::number(1)}));  // SameValue: no change is allowed
    EXPECT_FALSE(define(o, "x", D{.get = Value::undefined()}));  // kind change
    EXPECT_TRUE(define(o, "x", D{}));                            // no fields
    EXPECT_TRUE(define(o, "x", D{.enumerable = false, .configurable = false}));
    EXPECT_EQ(own(o, "x").value->as_number(), 1);
    EXPECT_FALSE(MUST(o->Delete(agent, key("x"))));
}

TEST_F(OrdinaryObjectTest, NonConfigurableButWritableDataMayChangeValueAndBecomeReadOnly)
{
    Object* o = new_object();
    ASSERT_TRUE(define(o, "x", D{.value = Value::number(1), .writable = true, .enumerable = true, .configurable = false}));
    EXPECT_TRUE(define(o, "x", D{.value = Value::number(2)}));
    EXPECT_TRUE(define(o, "x", D{.writable = false}));
    EXPECT_FALSE(define(o, "x", D{.writable = true}));
    EXPECT_EQ(own(o, "x").value->as_number(), 2);
}

TEST_F(OrdinaryObjectTest, NegativeZeroAndNaNUnderSameValue)
{
    Object* o = new_object();
    ASSERT_TRUE(define(o, "z", D{.value = Value::number(0.0), .writable = false, .configurable = false}));
    EXPECT_FALSE(define(o, "z", D{.value = Value::number(-0.0)}));
    ASSERT_TRUE(define(o, "n", D{.value = Value::number(NAN), .writable = false, .configurable = false}));
    EXPECT_TRUE(define(o, "n", D{.value = Value::number(NAN)}));
}

TEST_F(OrdinaryObjectTest, ConfigurablePropertiesSwitchKindKeepingAttributes)
{
    Object* o = new_object();
    BuiltinFunction* getter = builtin([](Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
        return Value::number(5);
    });
    ASSERT_TRUE(define(o, "x", D{.value = Value::number(1), .writable = true, .enumerable = true, .configurable = true}));
    ASSERT_TRUE(define(o, "x", D{.get = getter}));
    D accessor = own(o, "x");
    EXPECT_TRUE(accessor.get->is_identical(getter));
    EXPECT_TRUE(accessor.set->is_undefined());
    EXPECT_TRUE(*accessor.enumerable);
    EXPECT_TRUE(*accessor.configurable);
    EXPECT_EQ(MUST(Get(agent, *o, key("x"))).as_number(), 5);
    ASSERT_TRUE(define(o, "x", D{.value = Value::number(3)}));
    D data = own(o, "x");
    EXPECT_EQ(data.value->as_number(), 3);
    EXPECT_FALSE(*data.writable);
    EXPECT_TRUE(*data.enumerable);
}

TEST_F(OrdinaryObjectTest, NonConfigurableAccessorsKeepTheirFunctions)
{
    Object* o = new_object();
    BuiltinFunction* f = builtin([](Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
        return Value::undefined();
    });
    BuiltinFunction* g = builtin([](Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
        return Value::undefined();
    });
    ASSERT_TRUE(define(o, "a", D{.get = f, .set = Value::undefined(), .configurable = false}));
    EXPECT_TRUE(define(o, "a", D{.get = f}));
    EXPECT_FALSE(define(o, "a", D{.get = g}));
    EXPECT_FALSE(define(o, "a", D{.set = g}));
    EXPECT_TRUE(define(o, "a", D{.set = Value::undefined()}));
}

TEST_F(OrdinaryObjectTest, IsCompatiblePropertyDescriptorValidatesWithoutAnObject)
{
    D current{.value = Value::number(1), .writable = false, .enumerable = false, .configurable = false};
    EXPECT_FALSE(IsCompatiblePropertyDescriptor(agent, true, D{.value = Value::number(2)}, current));
    EXPECT_TRUE(IsCompatiblePropertyDescriptor(agent, true, D{.value = Value::number(1)}, current));
    EXPECT_TRUE(IsCompatiblePropertyDescriptor(agent, true, D{.value = Value::number(1)}, std::nullopt));
    EXPECT_FALSE(IsCompatiblePropertyDescriptor(agent, false, D{.value = Value::number(1)}, std::nullopt));
}

TEST_F(OrdinaryObjectTest, OwnPropertyKeysOrder)
{
    Object* o = new_object();
    Symbol* s1 = agent.heap.allocate<Symbol>(str("s1"));
    Symbol* s2 = agent.heap.allocate<Symbol>(str("s2"));
    auto put = [&](PropertyKey k) { MUST(CreateDataPropertyOrThrow(agent, *o, k, Value::number(0))); };
    put(key("b"));
    put(s2);
    put(key("10"));
    put(key("a"));
    put(key("4294967295"));  // not an array index: a String key in creation order
    put(s1);
    put(key("2"));
    put(key("4294967294"));  // the largest array index, kept sparse
    put(key("0"));
    EXPECT_EQ(keys_of(o), (std::vector<std::string>{"0", "2", "10", "4294967294", "b", "a", "4294967295", "@s2", "@s1"}));
    MUST(DeletePropertyOrThrow(agent, *o, key("b")));
    MUST(DeletePropertyOrThrow(agent, *o, key("2")));
    put(key("b"));
    EXPECT_EQ(keys_of(o), (std::vector<std::string>{"0", "10", "4294967294", "a", "4294967295", "b", "@s2", "@s1"}));
}

TEST_F(OrdinaryObjectTest, ManyPropertiesAndDeletions)
{
    Object* o = new_object();
    for (int i = 0; i < 200; ++i) put_named(o, i);
    for (int i = 0; i < 200; i += 2) MUST(DeletePropertyOrThrow(agent, *o, key(("k" + std::to_string(i)).c_str())));
    auto keys = keys_of(o);
    ASSERT_EQ(keys.size(), 100u);
    EXPECT_EQ(keys.front(), "k1");
    EXPECT_EQ(keys.back(), "k199");
    EXPECT_EQ(MUST(Get(agent, *o, key("k99"))).as_number(), 99);
    EXPECT_TRUE(MUST(Get(agent, *o, key("k98"))).is_undefined());
}

TEST_F(OrdinaryObjectTest, PrototypeCyclesAreRefused)
{
    Object* a = new_object();
    Object* b = OrdinaryObjectCreate(agent, a);
    Object* c = OrdinaryObjectCreate(agent, b);
    EXPECT_FALSE(MUST(a->SetPrototypeOf(agent, c)));
    EXPECT_FALSE(MUST(a->SetPrototypeOf(agent, a)));
    EXPECT_TRUE(MUST(c->SetPrototypeOf(agent, a)));
    EXPECT_EQ(MUST(c->GetPrototypeOf(agent)), a);
    EXPECT_TRUE(MUST(a->SetPrototypeOf(agent, nullptr)));
    MUST(a->PreventExtensions(agent));
    EXPECT_TRUE(MUST(a->SetPrototypeOf(agent, nullptr)));  // same value: allowed
    EXPECT_FALSE(MUST(a->SetPrototypeOf(agent, b)));
}

TEST_F(OrdinaryObjectTest, GetAndHasFollowThePrototypeChain)
{
    Object* proto = new_object();
    Object* o = OrdinaryObjectCreate(agent, proto);
    MUST(CreateDataPropertyOrThrow(agent, *proto, key("inherited"), Value::number(1)));
    EXPECT_TRUE(MUST(HasProperty(agent, *o, key("inherited"))));
    EXPECT_FALSE(MUST(HasOwnProperty(agent, *o, key("inherited"))));
    EXPECT_EQ(MUST(Get(agent, *o, key("inherited"))).as_number(), 1);
    EXPECT_TRUE(MUST(Get(agent, *o, key("missing"))).is_undefined());
}

TEST_F(OrdinaryObjectTest, SetCreatesOnTheReceiverNotTheHolder)
{
    Object* proto = new_object();
    Object* o = OrdinaryObjectCreate(agent, proto);
    MUST(CreateDataPropertyOrThrow(agent, *proto, key("x"), Value::number(1)));
    MUST(Set(agent, *o, key("x"), Value::number(2), true));
    EXPECT_EQ(own(o, "x").value->as_number(), 2);
    EXPECT_EQ(own(proto, "x").value->as_number(), 1);
    // A read-only inherited property blocks the assignment.
    ASSERT_TRUE(define(proto, "ro", D{.value = Value::number(1), .writable = false}));
    EXPECT_FALSE(MUST(o->Set(agent, key("ro"), Value::number(2), o)));
    auto thrown = Set(agent, *o, key("ro"), Value::number(2), true);
    ASSERT_TRUE(thrown.is_abrupt());
    EXPECT_EQ(MUST(thrown.thrown_value().as_object()->GetPrototypeOf(agent)), realm().intrinsic(Intrinsic::ObjectPrototype));
    // A primitive receiver: nothing to create the property on.
    EXPECT_FALSE(MUST(proto->Set(agent, key("y"), Value::number(1), Value::number(3))));
    // An explicit receiver gets the property; the target does not.
    Object* receiver = new_object();
    EXPECT_TRUE(MUST(proto->Set(agent, key("z"), Value::number(4), receiver)));
    EXPECT_EQ(own(receiver, "z").value->as_number(), 4);
    EXPECT_FALSE(MUST(HasOwnProperty(agent, *proto, key("z"))));
    // A receiver with an accessor or read-only own property refuses.
    ASSERT_TRUE(define(receiver, "frozen", D{.value = Value::number(0), .writable = false, .configurable = true}));
    EXPECT_FALSE(MUST(proto->Set(agent, key("frozen"), Value::number(1), receiver)));
}

TEST_F(OrdinaryObjectTest, AccessorsRunThroughBuiltinsWithTheReceiver)
{
    Object* holder = new_object();
    Object* o = OrdinaryObjectCreate(agent, holder);
    // The getter returns its this value; the setter stores its argument in a slot.
    BuiltinFunction* getter = builtin([](Agent&, BuiltinFunction&, Value thisArgument, std::span<const Value>,
                                         Object*) -> ThrowCompletionOr<Value> { return thisArgument; });
    BuiltinFunction* setter = builtin([](Agent&, BuiltinFunction& F, Value thisArgument, std::span<const Value> args,
                                         Object*) -> ThrowCompletionOr<Value> {
        F.slots[0] = thisArgument;
        F.slots[1] = args.empty() ? Value::undefined() : args[0];
        return Value::undefined();
    });
    setter->slots.resize(2);
    ASSERT_TRUE(define(holder, "p", D{.get = getter, .set = setter, .enumerable = true, .configurable = true}));
    EXPECT_TRUE(MUST(Get(agent, *o, key("p"))).is_identical(o));
    MUST(Set(agent, *o, key("p"), Value::number(9), true));
    EXPECT_TRUE(setter->slots[0].is_identical(o));
    EXPECT_EQ(setter->slots[1].as_number(), 9);
    EXPECT_FALSE(MUST(HasOwnProperty(agent, *o, key("p"))));
    // An accessor without a setter makes [[Set]] fail.
    ASSERT_TRUE(define(holder, "getonly", D{.get = getter}));
    EXPECT_FALSE(MUST(o->Set(agent, key("getonly"), Value::number(1), o)));
}

TEST_F(OrdinaryObjectTest, ThrowingGetterPropagates)
{
    Object* o = new_object();
    BuiltinFunction* thrower = builtin([](Agent& a, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
        return throw_type_error(a, "boom");
    });
    ASSERT_TRUE(define(o, "x", D{.get = thrower}));
    auto result = Get(agent, *o, key("x"));
    ASSERT_TRUE(result.is_abrupt());
    EXPECT_EQ(message_of(result.thrown_value()), "boom");
    EXPECT_TRUE(agent.execution_context_stack.size() == 1);  // the callee context was popped
}

TEST_F(OrdinaryObjectTest, BuiltinFunctionsHaveLengthNameAndRealm)
{
    BuiltinFunction* f = CreateBuiltinFunction(
        agent, [](Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*) -> ThrowCompletionOr<Value> {
            return Value::number(double(args.size()));
        },
        2, key("count"));
    EXPECT_EQ(own(f, "length").value->as_number(), 2);
    EXPECT_EQ(own(f, "name").value->as_string()->to_utf8(), "count");
    EXPECT_TRUE(*own(f, "name").configurable);
    EXPECT_FALSE(*own(f, "name").writable);
    EXPECT_EQ(f->Realm, &realm());
    EXPECT_EQ(f->Prototype, realm().intrinsic(Intrinsic::FunctionPrototype));
    EXPECT_TRUE(IsCallable(f));
    EXPECT_FALSE(IsConstructor(f));
    Value args[] = {Value::number(1), Value::number(2), Value::number(3)};
    EXPECT_EQ(MUST(Call(agent, f, Value::undefined(), args)).as_number(), 3);
    auto not_callable = Call(agent, new_object(), Value::undefined());
    ASSERT_TRUE(not_callable.is_abrupt());
    EXPECT_EQ(message_of(not_callable.thrown_value()), "not a function");

    BuiltinFunction* symbol_named = CreateBuiltinFunction(
        agent, [](Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
            return Value::undefined();
        },
        0, agent.well_known_symbol(WellKnownSymbol::iterator), {.prefix = make_string_from_ascii(agent.heap, "get")});
    EXPECT_EQ(own(symbol_named, "name").value->as_string()->to_utf8(), "get [Symbol.iterator]");
}

TEST_F(OrdinaryObjectTest, IntegrityLevels)
{
    Object* o = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *o, key("a"), Value::number(1)));
    EXPECT_FALSE(MUST(TestIntegrityLevel(agent, *o, IntegrityLevel::Sealed)));
    EXPECT_TRUE(MUST(SetIntegrityLevel(agent, *o, IntegrityLevel::Sealed)));
    EXPECT_TRUE(MUST(TestIntegrityLevel(agent, *o, IntegrityLevel::Sealed)));
    EXPECT_FALSE(MUST(TestIntegrityLevel(agent, *o, IntegrityLevel::Frozen)));
    EXPECT_TRUE(MUST(SetIntegrityLevel(agent, *o, IntegrityLevel::Frozen)));
    EXPECT_TRUE(MUST(TestIntegrityLevel(agent, *o, IntegrityLevel::Frozen)));
    EXPECT_TRUE(Set(agent, *o, key("a"), Value::number(2), true).is_abrupt());
}

TEST_F(OrdinaryObjectTest, RealmHasIntrinsicsAndGlobals)
{
    Object* global = realm().GlobalObject;
    ASSERT_NE(global, nullptr);
    EXPECT_EQ(global->Prototype, realm().intrinsic(Intrinsic::ObjectPrototype));
    D nan = own(global, "NaN");
    EXPECT_TRUE(std::isnan(nan.value->as_number()));
    EXPECT_FALSE(*nan.configurable);
    EXPECT_TRUE(IsCallable(realm().intrinsic(Intrinsic::FunctionPrototype)));
    // %Function.prototype% carries the restricted "caller" accessor: reading it throws.
    auto caller = Get(agent, *realm().intrinsic(Intrinsic::FunctionPrototype), key("caller"));
    EXPECT_TRUE(caller.is_abrupt());
    EXPECT_STREQ(spec_name_of(Intrinsic::ArrayPrototype), "%Array.prototype%");
    EXPECT_STREQ(global_name_of(Intrinsic::Array), "Array");
    EXPECT_STREQ(global_name_of(Intrinsic::ThrowTypeError), "");
}

TEST_F(OrdinaryObjectTest, DeepPrototypeChainsRaiseRangeErrorNotACrash)
{
    Object* o = new_object();
    for (int i = 0; i < 1'000'000; ++i) o = OrdinaryObjectCreate(agent, o);
    auto result = Get(agent, *o, key("missing"));
    ASSERT_TRUE(result.is_abrupt());
    EXPECT_EQ(message_of(result.thrown_value()), "Maximum call stack size exceeded");
}

}  // namespace
}  // namespace lockstep::testing
