// §10.5 Proxy exotic objects, §28.1 %Reflect%, §28.2 %Proxy%.
#include "runtime/proxy_object.h"

#include "builtin_call_fixture.h"

namespace lockstep::testing {
namespace {

class ProxyReflectTest : public BuiltinCallTest {
protected:
    Value reflect(const char* name, std::initializer_list<Value> args)
    {
        return invoke(intrinsic(Intrinsic::Reflect), name, args);
    }
    ThrowCompletionOr<Value> try_reflect(const char* name, std::initializer_list<Value> args)
    {
        return try_invoke(intrinsic(Intrinsic::Reflect), name, args);
    }
    Value new_proxy(Value target, Value handler)
    {
        Value args[] = {target, handler};
        return MUST(Construct(agent, *intrinsic(Intrinsic::Proxy), args));
    }
    // A handler whose `trap` returns `result`.
    Object* handler_returning(const char* trap, Value result)
    {
        Object* handler = new_object();
        BuiltinFunction* f = CreateBuiltinFunction(
            agent, [](Agent&, BuiltinFunction& F, Value, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
                return F.slots[0];
            },
            0, key(trap), {.additionalInternalSlots = 1});
        f->slots[0] = result;
        MUST(CreateDataPropertyOrThrow(agent, *handler, key(trap), f));
        return handler;
    }
};

TEST_F(ProxyReflectTest, ForwardsToTheTargetWithoutTraps)
{
    Object* target = new_object();
    Value p = new_proxy(target, new_object());
    MUST(Set(agent, *p.as_object(), key("x"), num(1), true));
    EXPECT_EQ(get(target, "x").as_number(), 1);
    EXPECT_TRUE(reflect("has", {p, str("x")}).as_bool());
    EXPECT_EQ(elements(reflect("ownKeys", {p})), "x");
    EXPECT_FALSE(MUST(IsArray(agent, p)));
    EXPECT_TRUE(MUST(IsArray(agent, new_proxy(array({}), new_object()))));
}

TEST_F(ProxyReflectTest, GetTrapMustReportNonConfigurableValues)
{
    Object* target = new_object();
    MUST(DefinePropertyOrThrow(agent, *target, key("fixed"),
                               PropertyDescriptor{.value = num(1), .writable = false, .enumerable = false,
                                                  .configurable = false}));
    Value lying = new_proxy(target, handler_returning("get", num(2)));
    EXPECT_TRUE(lying.as_object()->Get(agent, key("fixed"), lying).is_abrupt());
    EXPECT_EQ(MUST(lying.as_object()->Get(agent, key("other"), lying)).as_number(), 2);
}

TEST_F(ProxyReflectTest, OwnKeysInvariants)
{
    Object* target = new_object();
    MUST(DefinePropertyOrThrow(agent, *target, key("nc"),
                               PropertyDescriptor{.value = num(1), .writable = true, .enumerable = true,
                                                  .configurable = false}));
    // Omitting a non-configurable key is a TypeError.
    Value omits = new_proxy(target, handler_returning("ownKeys", array({str("a")})));
    EXPECT_TRUE(omits.as_object()->OwnPropertyKeys(agent).is_abrupt());
    // Duplicates are a TypeError.
    Value dup = new_proxy(new_object(), handler_returning("ownKeys", array({str("a"), str("a")})));
    EXPECT_TRUE(dup.as_object()->OwnPropertyKeys(agent).is_abrupt());
    // Non-key elements are a TypeError (CreateListFromArrayLike ~property-key~).
    Value nonKey = new_proxy(new_object(), handler_returning("ownKeys", array({num(1)})));
    EXPECT_TRUE(nonKey.as_object()->OwnPropertyKeys(agent).is_abrupt());
    // A non-extensible target's keys must be reported exactly.
    Object* sealed = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *sealed, key("k"), num(1)));
    MUST(sealed->PreventExtensions(agent));
    Value extra = new_proxy(sealed, handler_returning("ownKeys", array({str("k"), str("extra")})));
    EXPECT_TRUE(extra.as_object()->OwnPropertyKeys(agent).is_abrupt());
    Value exact = new_proxy(sealed, handler_returning("ownKeys", array({str("k")})));
    EXPECT_EQ(MUST(exact.as_object()->OwnPropertyKeys(agent)).size(), 1u);
}

TEST_F(ProxyReflectTest, GetOwnPropertyDescriptorInvariants)
{
    Object* target = new_object();
    MUST(DefinePropertyOrThrow(agent, *target, key("nc"),
                               PropertyDescriptor{.value = num(1), .writable = true, .enumerable = true,
                                                  .configurable = false}));
    // Reporting a non-configurable property as absent.
    Value hides = new_proxy(target, handler_returning("getOwnPropertyDescriptor", Value::undefined()));
    EXPECT_TRUE(hides.as_object()->GetOwnProperty(agent, key("nc")).is_abrupt());
    // Reporting a property the target lacks as non-configurable.
    Object* desc = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *desc, key("value"), num(1)));
    MUST(CreateDataPropertyOrThrow(agent, *desc, key("configurable"), Value::boolean(false)));
    Value invents = new_proxy(new_object(), handler_returning("getOwnPropertyDescriptor", desc));
    EXPECT_TRUE(invents.as_object()->GetOwnProperty(agent, key("x")).is_abrupt());
}

TEST_F(ProxyReflectTest, RevocableProxiesThrowOnceRevoked)
{
    Value result = invoke(intrinsic(Intrinsic::Proxy), "revocable", {new_object(), new_object()});
    Value p = get(result, "proxy");
    Value revoke = get(result, "revoke");
    EXPECT_EQ(get(revoke, "length").as_number(), 0);
    EXPECT_EQ(to_std(get(revoke, "name")), "");
    EXPECT_FALSE(p.as_object()->Get(agent, key("x"), p).is_abrupt());
    MUST(Call(agent, revoke, Value::undefined()));
    MUST(Call(agent, revoke, Value::undefined()));  // a second call does nothing
    EXPECT_TRUE(threw(p.as_object()->Get(agent, key("x"), p), Intrinsic::TypeErrorPrototype));
    EXPECT_TRUE(IsArray(agent, p).is_abrupt());
}

TEST_F(ProxyReflectTest, CallableOnlyIfTheTargetIs)
{
    Value fnProxy = new_proxy(intrinsic(Intrinsic::Array), new_object());
    EXPECT_TRUE(IsCallable(fnProxy));
    EXPECT_TRUE(IsConstructor(fnProxy));
    Value objProxy = new_proxy(new_object(), new_object());
    EXPECT_FALSE(IsCallable(objProxy));
    Value constructed = MUST(Construct(agent, *fnProxy.as_object()));
    EXPECT_TRUE(MUST(IsArray(agent, constructed)));
    // The apply trap receives the arguments as an array.
    Object* handler = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *handler, key("apply"),
                                   function([](Agent&, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                                                -> ThrowCompletionOr<Value> { return args[2]; })));
    Value trapped = new_proxy(intrinsic(Intrinsic::Array), handler);
    Value callArgs[] = {num(4), num(5)};
    EXPECT_EQ(elements(MUST(Call(agent, trapped, Value::undefined(), callArgs))), "4,5");
    EXPECT_TRUE(threw(Call(agent, intrinsic(Intrinsic::Proxy), Value::undefined()), Intrinsic::TypeErrorPrototype));
    EXPECT_FALSE(MUST(HasOwnProperty(agent, *intrinsic(Intrinsic::Proxy), key("prototype"))));
}

TEST_F(ProxyReflectTest, ReflectBasics)
{
    Object* o = new_object();
    Object* attrs = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *attrs, key("value"), num(7)));
    EXPECT_TRUE(reflect("defineProperty", {o, str("x"), attrs}).as_bool());
    EXPECT_FALSE(reflect("defineProperty", {o, str("x"), new_object()}).as_bool() &&
                 !reflect("defineProperty", {o, str("x"), attrs}).as_bool());
    EXPECT_EQ(reflect("get", {o, str("x")}).as_number(), 7);
    EXPECT_FALSE(reflect("set", {o, str("x"), num(8)}).as_bool());  // not writable
    EXPECT_FALSE(reflect("deleteProperty", {o, str("x")}).as_bool());  // not configurable
    Value desc = reflect("getOwnPropertyDescriptor", {o, str("x")});
    EXPECT_FALSE(get(desc, "writable").as_bool());
    EXPECT_TRUE(reflect("getOwnPropertyDescriptor", {o, str("y")}).is_undefined());
    EXPECT_TRUE(threw(try_reflect("get", {num(1), str("x")}), Intrinsic::TypeErrorPrototype));
    EXPECT_TRUE(reflect("setPrototypeOf", {o, Value::null()}).as_bool());
    EXPECT_TRUE(reflect("getPrototypeOf", {o}).is_null());
    EXPECT_TRUE(reflect("preventExtensions", {o}).as_bool());
    EXPECT_FALSE(reflect("isExtensible", {o}).as_bool());
    Value made = reflect("construct", {intrinsic(Intrinsic::Array), array({num(1), num(2)})});
    EXPECT_EQ(elements(made), "1,2");
    Value joined = reflect("apply", {get(intrinsic(Intrinsic::ArrayPrototype), "join"), array({str("a"), str("b")}),
                                     array({str("+")})});
    EXPECT_EQ(to_std(joined), "a+b");
    EXPECT_TRUE(try_reflect("construct", {intrinsic(Intrinsic::Array), array({}), new_object()}).is_abrupt());
}

TEST_F(ProxyReflectTest, LongProxyChainsDoNotOverflowTheNativeStack)
{
    Value p = array({});
    for (int i = 0; i < 100000; ++i) p = new_proxy(p, new_object());
    EXPECT_TRUE(MUST(IsArray(agent, p)));  // iterative
    // [[Get]] through the chain recurses natively: a RangeError, not a crash.
    auto r = p.as_object()->Get(agent, key("length"), p);
    EXPECT_TRUE(!r.is_abrupt() || threw(r, Intrinsic::RangeErrorPrototype));
    auto keys = p.as_object()->OwnPropertyKeys(agent);
    EXPECT_TRUE(!keys.is_abrupt() || keys.thrown_value().is_object());
}

}  // namespace
}  // namespace lockstep::testing
