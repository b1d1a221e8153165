// The WebIDL conventions the JS API's interfaces follow (the bindings of
// namespaces, interfaces, operations and attributes): operations and
// attributes are enumerable, interface objects are not, and each
// interface prototype carries its class string as @@toStringTag.
#pragma once

#include "builtins/builtin_helpers.h"
#include "wasm_js_api/web_assembly.h"

namespace lockstep::wasm_js_api {

using Arguments = std::span<const Value>;

// A regular or static operation: { writable, enumerable, configurable }.
inline BuiltinFunction* define_operation(Agent& agent, Realm& realm, Object& object, std::string_view name,
                                         BuiltinBehaviour behaviour, double length)
{
    PropertyKey key = agent.key(name);
    BuiltinFunction* function = CreateBuiltinFunction(agent, std::move(behaviour), length, key, {.realm = &realm});
    define_value_property(agent, object, key, function, true, true, true);
    return function;
}

// An attribute: an enumerable, configurable accessor ("get name" / "set name").
inline void define_attribute(Agent& agent, Realm& realm, Object& object, std::string_view name, BuiltinBehaviour getter,
                             BuiltinBehaviour setter = nullptr)
{
    PropertyKey key = agent.key(name);
    Value get = CreateBuiltinFunction(agent, std::move(getter), 0, key,
                                      {.realm = &realm, .prefix = make_string_from_ascii(agent.heap, "get")});
    Value set = Value::undefined();
    if (setter)
        set = CreateBuiltinFunction(agent, std::move(setter), 1, key,
                                    {.realm = &realm, .prefix = make_string_from_ascii(agent.heap, "set")});
    MUST(DefinePropertyOrThrow(agent, object, key,
                               PropertyDescriptor{.get = get, .set = set, .enumerable = true, .configurable = true}));
}

// The `this` of an operation or attribute of interface T, or a TypeError.
template <class T>
ThrowCompletionOr<T*> this_object(Agent& agent, Value thisValue, std::string_view interface_name)
{
    T* object = thisValue.is_object() ? dynamic_cast<T*>(thisValue.as_object()) : nullptr;
    if (!object) return throw_type_error(agent, std::string("not a WebAssembly.") + std::string(interface_name));
    return object;
}

// WebIDL dictionary member access: ? Get(dict, name) (undefined when dict is undefined or null).
ThrowCompletionOr<Value> dictionary_member(Agent&, Value dictionary, std::string_view name);
// WebIDL [EnforceRange] unsigned long / unsigned long long conversions.
ThrowCompletionOr<uint64_t> enforce_range(Agent&, Value v, double max);
// WebIDL `optional object` (undefined passes; a non-object is a TypeError).
ThrowCompletionOr<void> check_optional_object(Agent&, Value v, std::string_view what);

}  // namespace lockstep::wasm_js_api
