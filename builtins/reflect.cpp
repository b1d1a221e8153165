// ECMA-262 §28.1 The Reflect Object.
#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

ThrowCompletion not_an_object(Agent& agent, const char* function)
{
    return throw_type_error(agent, std::string(function) + ": target is not an object");
}

// §28.1.1 Reflect.apply ( target, thisArgument, argumentsList )
ThrowCompletionOr<Value> Reflect_apply(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-reflect.apply");
    Value target = argument(args, 0);
    STEP("1");
    if (!IsCallable(target)) return throw_type_error(agent, "Reflect.apply: target is not callable");
    STEP("2");
    List<Value> list = TRY(CreateListFromArrayLike(agent, argument(args, 2)));
    STEP("3");  // PrepareForTailCall: a built-in is not a tail position
    STEP("4");
    return TRY(Call(agent, target, argument(args, 1), list.items()));
}

// §28.1.2 Reflect.construct ( target, argumentsList [ , newTarget ] )
ThrowCompletionOr<Value> Reflect_construct(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-reflect.construct");
    Value target = argument(args, 0);
    STEP("1");
    if (!IsConstructor(target)) return throw_type_error(agent, "Reflect.construct: target is not a constructor");
    Value newTarget;
    STEP("2");
    if (args.size() < 3) {
        newTarget = target;
    } else {
        STEP("3");
        newTarget = args[2];
        if (!IsConstructor(newTarget)) return throw_type_error(agent, "Reflect.construct: newTarget is not a constructor");
    }
    STEP("4");
    List<Value> list = TRY(CreateListFromArrayLike(agent, argument(args, 1)));
    STEP("5");
    return Value(TRY(Construct(agent, *target.as_object(), list.items(), newTarget.as_object())));
}

// §28.1.3 Reflect.defineProperty ( target, propertyKey, attributes )
ThrowCompletionOr<Value> Reflect_defineProperty(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-reflect.defineproperty");
    Value target = argument(args, 0);
    STEP("1");
    if (!target.is_object()) return not_an_object(agent, "Reflect.defineProperty");
    STEP("2");
    PropertyKey key = TRY(ToPropertyKey(agent, argument(args, 1)));
    STEP("3");
    PropertyDescriptor desc = TRY(ToPropertyDescriptor(agent, argument(args, 2)));
    STEP("4");
    return Value::boolean(TRY(target.as_object()->DefineOwnProperty(agent, key, desc)));
}

// §28.1.4 Reflect.deleteProperty ( target, propertyKey )
ThrowCompletionOr<Value> Reflect_deleteProperty(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-reflect.deleteproperty");
    Value target = argument(args, 0);
    STEP("1");
    if (!target.is_object()) return not_an_object(agent, "Reflect.deleteProperty");
    STEP("2");
    PropertyKey key = TRY(ToPropertyKey(agent, argument(args, 1)));
    STEP("3");
    return Value::boolean(TRY(target.as_object()->Delete(agent, key)));
}

// §28.1.5 Reflect.get ( target, propertyKey [ , receiver ] )
ThrowCompletionOr<Value> Reflect_get(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-reflect.get");
    Value target = argument(args, 0);
    STEP("1");
    if (!target.is_object()) return not_an_object(agent, "Reflect.get");
    STEP("2");
    PropertyKey key = TRY(ToPropertyKey(agent, argument(args, 1)));
    Value receiver = argument(args, 2);
    STEP("3");
    if (args.size() < 3) {
        STEP("3.a");
        receiver = target;
    }
    STEP("4");
    return TRY(target.as_object()->Get(agent, key, receiver));
}

// §28.1.6 Reflect.getOwnPropertyDescriptor ( target, propertyKey )
ThrowCompletionOr<Value> Reflect_getOwnPropertyDescriptor(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-reflect.getownpropertydescriptor");
    Value target = argument(args, 0);
    STEP("1");
    if (!target.is_object()) return not_an_object(agent, "Reflect.getOwnPropertyDescriptor");
    STEP("2");
    PropertyKey key = TRY(ToPropertyKey(agent, argument(args, 1)));
    STEP("3");
    std::optional<PropertyDescriptor> desc = TRY(target.as_object()->GetOwnProperty(agent, key));
    STEP("4");
    return FromPropertyDescriptor(agent, desc);
}

// §28.1.7 Reflect.getPrototypeOf ( target )
ThrowCompletionOr<Value> Reflect_getPrototypeOf(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-reflect.getprototypeof");
    Value target = argument(args, 0);
    STEP("1");
    if (!target.is_object()) return not_an_object(agent, "Reflect.getPrototypeOf");
    STEP("2");
    return object_or_null(TRY(target.as_object()->GetPrototypeOf(agent)));
}

// §28.1.8 Reflect.has ( target, propertyKey )
ThrowCompletionOr<Value> Reflect_has(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-reflect.has");
    Value target = argument(args, 0);
    STEP("1");
    if (!target.is_object()) return not_an_object(agent, "Reflect.has");
    STEP("2");
    PropertyKey key = TRY(ToPropertyKey(agent, argument(args, 1)));
    STEP("3");
    return Value::boolean(TRY(target.as_object()->HasProperty(agent, key)));
}

// §28.1.9 Reflect.isExtensible ( target )
ThrowCompletionOr<Value> Reflect_isExtensible(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-reflect.isextensible");
    Value target = argument(args, 0);
    STEP("1");
    if (!target.is_object()) return not_an_object(agent, "Reflect.isExtensible");
    STEP("2");
    return Value::boolean(TRY(target.as_object()->IsExtensible(agent)));
}

// §28.1.10 Reflect.ownKeys ( target )
ThrowCompletionOr<Value> Reflect_ownKeys(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-reflect.ownkeys");
    Value target = argument(args, 0);
    STEP("1");
    if (!target.is_object()) return not_an_object(agent, "Reflect.ownKeys");
    STEP("2");
    List<PropertyKey> keys = TRY(target.as_object()->OwnPropertyKeys(agent));
    STEP("3");
    List<Value> values;
    for (PropertyKey key : keys) values.append(key.to_value(agent.heap));
    return Value(CreateArrayFromList(agent, values.items()));
}

// §28.1.11 Reflect.preventExtensions ( target )
ThrowCompletionOr<Value> Reflect_preventExtensions(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-reflect.preventextensions");
    Value target = argument(args, 0);
    STEP("1");
    if (!target.is_object()) return not_an_object(agent, "Reflect.preventExtensions");
    STEP("2");
    return Value::boolean(TRY(target.as_object()->PreventExtensions(agent)));
}

// §28.1.12 Reflect.set ( target, propertyKey, V [ , receiver ] )
ThrowCompletionOr<Value> Reflect_set(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-reflect.set");
    Value target = argument(args, 0);
    STEP("1");
    if (!target.is_object()) return not_an_object(agent, "Reflect.set");
    STEP("2");
    PropertyKey key = TRY(ToPropertyKey(agent, argument(args, 1)));
    Value receiver = argument(args, 3);
    STEP("3");
    if (args.size() < 4) {
        STEP("3.a");
        receiver = target;
    }
    STEP("4");
    return Value::boolean(TRY(target.as_object()->Set(agent, key, argument(args, 2), receiver)));
}

// §28.1.13 Reflect.setPrototypeOf ( target, proto )
ThrowCompletionOr<Value> Reflect_setPrototypeOf(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-reflect.setprototypeof");
    Value target = argument(args, 0);
    Value proto = argument(args, 1);
    STEP("1");
    if (!target.is_object()) return not_an_object(agent, "Reflect.setPrototypeOf");
    STEP("2");
    if (!proto.is_object() && !proto.is_null())
        return throw_type_error(agent, "Reflect.setPrototypeOf: proto is neither an object nor null");
    STEP("3");
    Object* V = proto.is_null() ? nullptr : proto.as_object();
    return Value::boolean(TRY(target.as_object()->SetPrototypeOf(agent, V)));
}

}  // namespace

void CreateReflectIntrinsics(Agent& agent, Realm& realm)
{
    // §28.1: an ordinary object whose [[Prototype]] is %Object.prototype%.
    Object* reflect = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    define_builtin_function(agent, realm, *reflect, "apply", Reflect_apply, 3);
    define_builtin_function(agent, realm, *reflect, "construct", Reflect_construct, 2);
    define_builtin_function(agent, realm, *reflect, "defineProperty", Reflect_defineProperty, 3);
    define_builtin_function(agent, realm, *reflect, "deleteProperty", Reflect_deleteProperty, 2);
    define_builtin_function(agent, realm, *reflect, "get", Reflect_get, 2);
    define_builtin_function(agent, realm, *reflect, "getOwnPropertyDescriptor", Reflect_getOwnPropertyDescriptor, 2);
    define_builtin_function(agent, realm, *reflect, "getPrototypeOf", Reflect_getPrototypeOf, 1);
    define_builtin_function(agent, realm, *reflect, "has", Reflect_has, 2);
    define_builtin_function(agent, realm, *reflect, "isExtensible", Reflect_isExtensible, 1);
    define_builtin_function(agent, realm, *reflect, "ownKeys", Reflect_ownKeys, 1);
    define_builtin_function(agent, realm, *reflect, "preventExtensions", Reflect_preventExtensions, 1);
    define_builtin_function(agent, realm, *reflect, "set", Reflect_set, 3);
    define_builtin_function(agent, realm, *reflect, "setPrototypeOf", Reflect_setPrototypeOf, 2);
    // §28.1.14 Reflect [ %Symbol.toStringTag% ]
    define_to_string_tag(agent, *reflect, "Reflect");
    realm.set_intrinsic(Intrinsic::Reflect, reflect);
}

}  // namespace lockstep
