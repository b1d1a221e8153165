// ECMA-262 §18 ECMAScript Standard Built-in Objects: how the built-ins put
// their properties on the intrinsics, with the attributes §18 prescribes.
#pragma once

#include <span>
#include <string_view>

#include "abstract_ops/object_operations.h"
#include "runtime/agent.h"
#include "runtime/number.h"
#include "runtime/builtin_function.h"
#include "runtime/error.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

// The i-th argument, or *undefined* when fewer were passed (§18: missing
// arguments are *undefined*).
inline Value argument(std::span<const Value> arguments, size_t i)
{
    return i < arguments.size() ? arguments[i] : Value::undefined();
}

// §10.1.15 RequireInternalSlot ( O, internalSlot ): the C++ class T is what
// carries the slot, so the object comes back as a T. `what` is the TypeError's
// message ("not a Map").
template <class T>
ThrowCompletionOr<T*> RequireInternalSlot(Agent& agent, Value O, std::string_view what)
{
    SPEC_ALGORITHM("sec-requireinternalslot");
    STEP("1");
    if (!O.is_object()) return throw_type_error(agent, what);
    STEP("2");
    auto* object = dynamic_cast<T*>(O.as_object());
    if (!object) return throw_type_error(agent, what);
    STEP("3");
    return object;
}

// GeneratorResume ( generator, ~empty~, generatorBrand ) for the built-in
// iterators whose closure keeps its state in a C++ object of class T (Map, Set
// and String iterators): GeneratorValidate's brand check is T's class, and
// resuming runs T::closure from where it last yielded.
template <class T>
ThrowCompletionOr<Value> ResumeBuiltinGenerator(Agent& agent, Value generator, std::string_view what)
{
    T* object = TRY(RequireInternalSlot<T>(agent, generator, what));
    return object->closure(agent, *object);
}

// ! ToString(𝔽(k)) as a property key, for an integer index 0 ≤ k ≤ 2^53 - 1.
inline PropertyKey index_key(Agent& agent, double k)
{
    if (k < 4294967295.0) return PropertyKey::from_array_index(uint32_t(k));
    return PropertyKey::from_string(agent.heap, Number::toString(k));
}

// The clamp the relative-index arguments of slice, fill, copyWithin … go
// through: -∞ → 0, negative → max(len + relative, 0), else min(relative, len).
inline double resolve_relative_index(double relative, double len)
{
    if (relative < 0) return relative + len > 0 ? relative + len : 0;
    return relative < len ? relative : len;
}

// A function-valued property: { [[Writable]]: true, [[Enumerable]]: false,
// [[Configurable]]: true } (§18 ¶ "Every other data property…").
inline BuiltinFunction* define_builtin_function(Agent& agent, Realm& realm, Object& object, PropertyKey key,
                                                BuiltinBehaviour behaviour, double length)
{
    BuiltinFunction* function = CreateBuiltinFunction(agent, std::move(behaviour), length, key, {.realm = &realm});
    MUST(DefinePropertyOrThrow(agent, object, key,
                               PropertyDescriptor{.value = function, .writable = true, .enumerable = false,
                                                  .configurable = true}));
    return function;
}
inline BuiltinFunction* define_builtin_function(Agent& agent, Realm& realm, Object& object, std::string_view name,
                                                BuiltinBehaviour behaviour, double length)
{
    return define_builtin_function(agent, realm, object, agent.key(name), std::move(behaviour), length);
}

// An accessor with a getter only: { [[Set]]: undefined, [[Enumerable]]:
// false, [[Configurable]]: true }; the getter is named "get <key>".
inline BuiltinFunction* define_builtin_getter(Agent& agent, Realm& realm, Object& object, PropertyKey key,
                                              BuiltinBehaviour behaviour)
{
    BuiltinFunction* getter = CreateBuiltinFunction(agent, std::move(behaviour), 0, key,
                                                    {.realm = &realm, .prefix = make_string_from_ascii(agent.heap, "get")});
    MUST(DefinePropertyOrThrow(agent, object, key,
                               PropertyDescriptor{.get = Value(getter), .set = Value::undefined(), .enumerable = false,
                                                  .configurable = true}));
    return getter;
}

// A data property with explicit attributes (constants, "prototype",
// "constructor", @@toStringTag …).
inline void define_value_property(Agent& agent, Object& object, PropertyKey key, Value value, bool writable,
                                  bool enumerable, bool configurable)
{
    MUST(DefinePropertyOrThrow(agent, object, key,
                               PropertyDescriptor{.value = value, .writable = writable, .enumerable = enumerable,
                                                  .configurable = configurable}));
}

// A built-in constructor C with C.prototype = P (non-writable,
// non-enumerable, non-configurable) and P.constructor = C (writable,
// configurable), as every constructor clause of §19-§28 specifies.
inline void link_constructor_and_prototype(Agent& agent, Object& constructor, Object& prototype)
{
    define_value_property(agent, constructor, agent.names.prototype, &prototype, false, false, false);
    define_value_property(agent, prototype, agent.names.constructor, &constructor, true, false, true);
}

// `P[@@toStringTag] = tag` with { [[Writable]]: false, [[Enumerable]]:
// false, [[Configurable]]: true }.
inline void define_to_string_tag(Agent& agent, Object& object, std::string_view tag)
{
    define_value_property(agent, object, agent.well_known_symbol(WellKnownSymbol::toStringTag),
                          make_string_from_ascii(agent.heap, tag), false, false, true);
}

}  // namespace lockstep
