// §20.1 Object, §20.2 Function.prototype, §20.5 Error objects.
#include "builtins_fixture.h"
#include "runtime/property_descriptor.h"

namespace lockstep::testing {
namespace {

class ObjectTest : public BuiltinsTest {
protected:
    // A built-in function returning slot 0 and recording its this value in slot 1.
    Object* constant_function(Value result, double length = 0)
    {
        auto* f = CreateBuiltinFunction(
            agent,
            [](Agent&, BuiltinFunction& F, Value thisValue, std::span<const Value>, Object*) -> ThrowCompletionOr<Value> {
                F.slots[1] = thisValue;
                return F.slots[0];
            },
            length, key("target"), {.additionalInternalSlots = 2});
        f->slots[0] = result;
        return f;
    }
    PropertyDescriptor own(Object& O, const char* name) { return *MUST(O.GetOwnProperty(agent, key(name))); }
};

TEST_F(ObjectTest, PropertyAttributesFollowSection18)
{
    Object& object = *get("Object").as_object();
    PropertyDescriptor prototype = own(object, "prototype");
    EXPECT_FALSE(*prototype.writable);
    EXPECT_FALSE(*prototype.configurable);
    PropertyDescriptor assign = own(object, "assign");
    EXPECT_TRUE(*assign.writable && *assign.configurable && !*assign.enumerable);
    Object& assignFn = *assign.value->as_object();
    PropertyDescriptor length = own(assignFn, "length");
    EXPECT_EQ(length.value->as_number(), 2);
    EXPECT_TRUE(!*length.writable && !*length.enumerable && *length.configurable);
    EXPECT_EQ(text(*own(assignFn, "name").value), "assign");
    EXPECT_EQ(text(MUST(Get(agent, *get("Object.defineProperty").as_object(), agent.names.length))), "3");
    // The __proto__ accessor's functions are named "get __proto__" / "set __proto__".
    PropertyDescriptor proto = own(*get("Object.prototype").as_object(), "__proto__");
    EXPECT_EQ(text(MUST(Get(agent, *proto.get->as_object(), agent.names.name))), "get __proto__");
    EXPECT_EQ(text(MUST(Get(agent, *proto.set->as_object(), agent.names.name))), "set __proto__");
    // Globals.
    EXPECT_TRUE(SameValue(get("Object.prototype.constructor"), get("Object")));
}

TEST_F(ObjectTest, ToStringBuiltinTags)
{
    EXPECT_EQ(text(MUST(call_on("Object.prototype.toString.call", get("Object.prototype.toString")))),
              "[object Undefined]");
    auto tag = [&](Value v) { return text(MUST(Call(agent, get("Object.prototype.toString"), v))); };
    EXPECT_EQ(tag(Value::null()), "[object Null]");
    EXPECT_EQ(tag(new_object()), "[object Object]");
    EXPECT_EQ(tag(get("Object")), "[object Function]");
    EXPECT_EQ(tag(Value::boolean(true)), "[object Boolean]");
    EXPECT_EQ(tag(num(1)), "[object Number]");
    EXPECT_EQ(tag(str("s")), "[object String]");
    EXPECT_EQ(tag(MUST(Construct(agent, *get("TypeError").as_object()))), "[object Error]");
    Object* tagged = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *tagged, agent.well_known_symbol(WellKnownSymbol::toStringTag), str("Custom")));
    EXPECT_EQ(tag(tagged), "[object Custom]");
    // A non-String @@toStringTag falls back to the builtin tag.
    MUST(CreateDataPropertyOrThrow(agent, *tagged, agent.well_known_symbol(WellKnownSymbol::toStringTag), num(1)));
    EXPECT_EQ(tag(tagged), "[object Object]");
}

TEST_F(ObjectTest, DefinePropertyAndDescriptors)
{
    Object* o = new_object();
    Object* attributes = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *attributes, key("value"), num(5)));
    MUST(CreateDataPropertyOrThrow(agent, *attributes, key("enumerable"), Value::boolean(true)));
    MUST(call("Object.defineProperty", {o, str("x"), attributes}));
    PropertyDescriptor x = own(*o, "x");
    EXPECT_EQ(x.value->as_number(), 5);
    EXPECT_TRUE(*x.enumerable);
    EXPECT_FALSE(*x.writable);
    EXPECT_FALSE(*x.configurable);
    // Redefining a non-configurable property throws; so does a mixed descriptor.
    MUST(CreateDataPropertyOrThrow(agent, *attributes, key("value"), num(6)));
    EXPECT_EQ(thrown_name(call("Object.defineProperty", {o, str("x"), attributes})), "TypeError");
    Object* mixed = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *mixed, key("get"), Value::undefined()));
    MUST(CreateDataPropertyOrThrow(agent, *mixed, key("value"), num(1)));
    EXPECT_EQ(thrown_name(call("Object.defineProperty", {o, str("y"), mixed})), "TypeError");
    EXPECT_EQ(thrown_name(call("Object.defineProperty", {num(1), str("y"), new_object()})), "TypeError");
    // getOwnPropertyDescriptor round-trips.
    Value desc = MUST(call("Object.getOwnPropertyDescriptor", {o, str("x")}));
    EXPECT_EQ(MUST(Get(agent, *desc.as_object(), key("value"))).as_number(), 5);
    EXPECT_FALSE(MUST(Get(agent, *desc.as_object(), key("configurable"))).as_bool());
    EXPECT_TRUE(MUST(call("Object.getOwnPropertyDescriptor", {o, str("nope")})).is_undefined());
}

TEST_F(ObjectTest, AssignKeysEntriesAndIntegrity)
{
    Object* source = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *source, key("b"), num(2)));
    MUST(CreateDataPropertyOrThrow(agent, *source, PropertyKey::from_array_index(1), num(1)));
    MUST(CreateDataPropertyOrThrow(agent, *source, key("a"), num(3)));
    Value target = MUST(call("Object.assign", {new_object(), Value::null(), source, Value::undefined()}));
    // Integer keys first in ascending order, then strings in creation order.
    Value keys = MUST(call("Object.keys", {target}));
    EXPECT_EQ(text(keys), "1,b,a");
    Value entries = MUST(call("Object.entries", {target}));
    EXPECT_EQ(text(entries), "1,1,b,2,a,3");
    EXPECT_EQ(text(MUST(call("Object.values", {str("xy")}))), "x,y");
    EXPECT_EQ(thrown_name(call("Object.assign", {Value::undefined()})), "TypeError");
    // freeze / isFrozen / seal.
    EXPECT_FALSE(MUST(call("Object.isFrozen", {target})).as_bool());
    MUST(call("Object.freeze", {target}));
    EXPECT_TRUE(MUST(call("Object.isFrozen", {target})).as_bool());
    EXPECT_TRUE(MUST(call("Object.isSealed", {target})).as_bool());
    EXPECT_FALSE(MUST(call("Object.isExtensible", {target})).as_bool());
    EXPECT_TRUE(MUST(call("Object.isFrozen", {num(1)})).as_bool());
    EXPECT_EQ(MUST(call("Object.freeze", {num(1)})).as_number(), 1);
    // Assigning to a frozen object throws (Set with Throw = true).
    EXPECT_EQ(thrown_name(call("Object.assign", {target, source})), "TypeError");
}

TEST_F(ObjectTest, CreateAndPrototypes)
{
    Object* proto = new_object();
    Value o = MUST(call("Object.create", {proto}));
    EXPECT_TRUE(SameValue(MUST(call("Object.getPrototypeOf", {o})), proto));
    EXPECT_TRUE(MUST(call("Object.getPrototypeOf", {MUST(call("Object.create", {Value::null()}))})).is_null());
    EXPECT_EQ(thrown_name(call("Object.create", {num(1)})), "TypeError");
    EXPECT_TRUE(MUST(Call(agent, get("Object.prototype.isPrototypeOf"), proto, {{o}})).as_bool());
    // setPrototypeOf refuses cycles; primitives pass through; null/undefined throw.
    EXPECT_EQ(thrown_name(call("Object.setPrototypeOf", {proto, o})), "TypeError");
    EXPECT_EQ(MUST(call("Object.setPrototypeOf", {num(3), Value::null()})).as_number(), 3);
    EXPECT_EQ(thrown_name(call("Object.setPrototypeOf", {Value::undefined(), Value::null()})), "TypeError");
    // %Object.prototype% is an immutable prototype exotic object.
    EXPECT_EQ(thrown_name(call("Object.setPrototypeOf", {get("Object.prototype"), new_object()})), "TypeError");
    EXPECT_TRUE(MUST(call("Object.setPrototypeOf", {get("Object.prototype"), Value::null()})).is_object());
    // __proto__ getter and setter.
    PropertyDescriptor accessor = own(*get("Object.prototype").as_object(), "__proto__");
    EXPECT_TRUE(SameValue(MUST(Call(agent, *accessor.get, o)), proto));
    MUST(Call(agent, *accessor.set, o, {{Value::null()}}));
    EXPECT_TRUE(MUST(call("Object.getPrototypeOf", {o})).is_null());
    // Object(value) wraps primitives and returns objects as they are.
    EXPECT_TRUE(SameValue(MUST(call("Object", {o})), o));
    EXPECT_TRUE(MUST(call("Object", {num(1)})).is_object());
}

TEST_F(ObjectTest, LegacyAccessorMethods)
{
    Object* o = new_object();
    Object* getter = constant_function(num(42));
    MUST(Call(agent, get("Object.prototype.__defineGetter__"), o, {{str("g"), getter}}));
    EXPECT_EQ(MUST(Get(agent, *o, key("g"))).as_number(), 42);
    EXPECT_TRUE(*own(*o, "g").enumerable);
    Value child = MUST(call("Object.create", {o}));
    EXPECT_TRUE(SameValue(MUST(Call(agent, get("Object.prototype.__lookupGetter__"), child, {{str("g")}})), getter));
    EXPECT_TRUE(MUST(Call(agent, get("Object.prototype.__lookupSetter__"), child, {{str("g")}})).is_undefined());
    EXPECT_EQ(thrown_name(Call(agent, get("Object.prototype.__defineSetter__"), o, {{str("s"), num(1)}})), "TypeError");
}

TEST_F(ObjectTest, FunctionPrototypeMethods)
{
    Object* target = constant_function(num(7), 3);
    // call / apply pass this and arguments.
    EXPECT_EQ(MUST(Call(agent, get("Function.prototype.call"), target, {{str("this")}})).as_number(), 7);
    EXPECT_EQ(text(static_cast<BuiltinFunction*>(target)->slots[1]), "this");
    Object* array_like = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *array_like, agent.names.length, num(2)));
    EXPECT_EQ(MUST(Call(agent, get("Function.prototype.apply"), target, {{Value::null(), array_like}})).as_number(), 7);
    EXPECT_EQ(thrown_name(Call(agent, get("Function.prototype.apply"), target, {{Value::null(), num(1)}})), "TypeError");
    EXPECT_EQ(thrown_name(Call(agent, get("Function.prototype.call"), num(1))), "TypeError");
    // bind: name, length, bound this.
    Value bound = MUST(Call(agent, get("Function.prototype.bind"), target, {{str("bound this"), num(1)}}));
    EXPECT_EQ(text(MUST(Get(agent, *bound.as_object(), agent.names.name))), "bound target");
    EXPECT_EQ(MUST(Get(agent, *bound.as_object(), agent.names.length)).as_number(), 2);
    EXPECT_EQ(MUST(Call(agent, bound, Value::undefined())).as_number(), 7);
    EXPECT_EQ(text(static_cast<BuiltinFunction*>(target)->slots[1]), "bound this");
    EXPECT_FALSE(IsConstructor(bound));
    Value boundObject = MUST(Call(agent, get("Function.prototype.bind"), get("Object")));
    EXPECT_TRUE(IsConstructor(boundObject));
    // instanceof through a bound function uses the target's prototype.
    EXPECT_TRUE(MUST(OrdinaryHasInstance(agent, boundObject, new_object())));
    EXPECT_TRUE(MUST(Call(agent, MUST(Get(agent, *get("Function.prototype").as_object(),
                                          agent.well_known_symbol(WellKnownSymbol::hasInstance))),
                          get("Object"), {{new_object()}}))
                    .as_bool());
    // toString of built-ins and bound functions is a NativeFunction.
    EXPECT_EQ(text(MUST(Call(agent, get("Function.prototype.toString"), get("Object.keys")))),
              "function keys() { [native code] }");
    EXPECT_EQ(text(MUST(Call(agent, get("Function.prototype.toString"), bound))), "function () { [native code] }");
    EXPECT_EQ(thrown_name(Call(agent, get("Function.prototype.toString"), new_object())), "TypeError");
}

TEST_F(ObjectTest, ErrorObjects)
{
    Value options = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *options.as_object(), key("cause"), num(9)));
    Value error = MUST(call("RangeError", {str("bad"), options}));
    EXPECT_EQ(text(error), "RangeError: bad");
    EXPECT_EQ(MUST(Get(agent, *error.as_object(), key("cause"))).as_number(), 9);
    EXPECT_FALSE(*own(*error.as_object(), "message").enumerable);
    EXPECT_FALSE(MUST(HasOwnProperty(agent, *MUST(call("Error", {})).as_object(), key("message"))));
    EXPECT_TRUE(SameValue(MUST(get("RangeError").as_object()->GetPrototypeOf(agent)), get("Error")));
    EXPECT_EQ(text(MUST(Call(agent, get("Error.prototype.toString"), get("Error.prototype")))), "Error");
    Object* noName = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *noName, key("name"), str("")));
    MUST(CreateDataPropertyOrThrow(agent, *noName, key("message"), str("m")));
    EXPECT_EQ(text(MUST(Call(agent, get("Error.prototype.toString"), noName))), "m");
    // The runtime's own errors are instances of the realm's constructors.
    ThrowCompletionOr<Value> thrown = call("Object.defineProperty", {num(1)});
    EXPECT_EQ(thrown_name(thrown), "TypeError");
    EXPECT_TRUE(MUST(OrdinaryHasInstance(agent, get("Error"), thrown.thrown_value())));
}

}  // namespace
}  // namespace lockstep::testing
