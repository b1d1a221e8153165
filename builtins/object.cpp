// ECMA-262 §20.1 Object Objects (with Annex B.2.2's __proto__ and legacy
// accessor methods, which the spec now places in §20.1.3).
#include "builtins/object.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "builtins/date.h"
#include "builtins/keyed_collections.h"
#include "builtins/map.h"
#include "builtins/primitive_objects.h"
#include "runtime/arguments_object.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/regexp_object.h"
#include "runtime/string_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;
using NativeFunction = ThrowCompletionOr<Value> (*)(Agent&, BuiltinFunction&, Value, Arguments, Object*);

// A PropertyKey from a String or Symbol value (the keys GroupBy computes).
PropertyKey key_of(Agent& agent, Value key)
{
    return key.is_symbol() ? PropertyKey(key.as_symbol()) : PropertyKey::from_string(agent.heap, *key.as_string());
}

// §20.1.2.3.1 ObjectDefineProperties ( O, Properties )
ThrowCompletionOr<Object*> ObjectDefineProperties(Agent& agent, Object& O, Value Properties)
{
    SPEC_ALGORITHM("sec-objectdefineproperties");
    STEP("1");
    Object* props = TRY(ToObject(agent, Properties));
    STEP("2");
    List<PropertyKey> keys = TRY(props->OwnPropertyKeys(agent));
    STEP("3");
    struct Record {
        PropertyKey Key;
        PropertyDescriptor Descriptor;
    };
    std::vector<Record> descriptors;
    // The descriptors' [[Value]], [[Get]] and [[Set]] stay rooted here: a
    // later getter may remove them from every object that held them.
    List<Value> descriptor_values;
    STEP("4");
    for (PropertyKey nextKey : keys) {
        STEP("4.a");
        auto propDesc = TRY(props->GetOwnProperty(agent, nextKey));
        STEP("4.b");
        if (propDesc && *propDesc->enumerable) {
            STEP("4.b.i");
            Value descObj = TRY(Get(agent, *props, nextKey));
            STEP("4.b.ii");
            PropertyDescriptor desc = TRY(ToPropertyDescriptor(agent, descObj));
            STEP("4.b.iii");
            for (const std::optional<Value>& field : {desc.value, desc.get, desc.set})
                if (field) descriptor_values.append(*field);
            descriptors.push_back({nextKey, desc});
        }
    }
    STEP("5");
    for (const Record& property : descriptors) {
        STEP("5.a");
        TRY(DefinePropertyOrThrow(agent, O, property.Key, property.Descriptor));
    }
    STEP("6");
    return &O;
}

enum class KeyType : uint8_t { String, Symbol };

// §20.1.2.11.1 GetOwnPropertyKeys ( O, type )
ThrowCompletionOr<List<Value>> GetOwnPropertyKeys(Agent& agent, Value O, KeyType type)
{
    SPEC_ALGORITHM("sec-getownpropertykeys");
    STEP("1");
    Object* obj = TRY(ToObject(agent, O));
    STEP("2");
    List<PropertyKey> keys = TRY(obj->OwnPropertyKeys(agent));
    STEP("3");
    List<Value> nameList;
    STEP("4");
    for (PropertyKey nextKey : keys) {
        STEP("4.a");
        if ((nextKey.is_symbol() && type == KeyType::Symbol) || (nextKey.is_string() && type == KeyType::String)) {
            STEP("4.a.i");
            nameList.append(nextKey.to_value(agent.heap));
        }
    }
    STEP("5");
    return nameList;
}

// §20.1.1.1 Object ( [ value ] )
ThrowCompletionOr<Value> Object_constructor(Agent& agent, BuiltinFunction&, Value, Arguments arguments,
                                            Object* NewTarget)
{
    SPEC_ALGORITHM("sec-object-value");
    Value value = argument(arguments, 0);
    STEP("1");
    if (NewTarget && NewTarget != agent.active_function_object()) {
        STEP("1.a");
        return TRY(OrdinaryCreateFromConstructor(agent, *NewTarget, Intrinsic::ObjectPrototype));
    }
    STEP("2");
    if (value.is_nullish())
        return OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
    STEP("3");
    return MUST(ToObject(agent, value));
}

// §20.1.2.1 Object.assign ( target, ...sources )
ThrowCompletionOr<Value> Object_assign(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.assign");
    STEP("1");
    Object* to = TRY(ToObject(agent, argument(arguments, 0)));
    STEP("2");
    if (arguments.size() <= 1) return to;
    STEP("3");
    for (Value nextSource : arguments.subspan(1)) {
        STEP("3.a");
        if (nextSource.is_nullish()) continue;
        STEP("3.a.i");
        Object* from = MUST(ToObject(agent, nextSource));
        STEP("3.a.ii");
        List<PropertyKey> keys = TRY(from->OwnPropertyKeys(agent));
        STEP("3.a.iii");
        for (PropertyKey nextKey : keys) {
            STEP("3.a.iii.1");
            auto desc = TRY(from->GetOwnProperty(agent, nextKey));
            STEP("3.a.iii.2");
            if (desc && *desc->enumerable) {
                STEP("3.a.iii.2.a");
                Value propValue = TRY(Get(agent, *from, nextKey));
                STEP("3.a.iii.2.b");
                TRY(Set(agent, *to, nextKey, propValue, true));
            }
        }
    }
    STEP("4");
    return to;
}

// §20.1.2.2 Object.create ( O, Properties )
ThrowCompletionOr<Value> Object_create(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.create");
    Value O = argument(arguments, 0);
    Value Properties = argument(arguments, 1);
    STEP("1");
    if (!O.is_object() && !O.is_null()) return throw_type_error(agent, "Object prototype may only be an Object or null");
    STEP("2");
    Object* obj = OrdinaryObjectCreate(agent, O.is_null() ? nullptr : O.as_object());
    STEP("3");
    if (!Properties.is_undefined()) {
        STEP("3.a");
        return TRY(ObjectDefineProperties(agent, *obj, Properties));
    }
    STEP("4");
    return obj;
}

// §20.1.2.3 Object.defineProperties ( O, Properties )
ThrowCompletionOr<Value> Object_defineProperties(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.defineproperties");
    Value O = argument(arguments, 0);
    STEP("1");
    if (!O.is_object()) return throw_type_error(agent, "Object.defineProperties called on a non-object");
    STEP("2");
    return TRY(ObjectDefineProperties(agent, *O.as_object(), argument(arguments, 1)));
}

// §20.1.2.4 Object.defineProperty ( O, P, Attributes )
ThrowCompletionOr<Value> Object_defineProperty(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.defineproperty");
    Value O = argument(arguments, 0);
    STEP("1");
    if (!O.is_object()) return throw_type_error(agent, "Object.defineProperty called on a non-object");
    STEP("2");
    PropertyKey key = TRY(ToPropertyKey(agent, argument(arguments, 1)));
    STEP("3");
    PropertyDescriptor desc = TRY(ToPropertyDescriptor(agent, argument(arguments, 2)));
    STEP("4");
    TRY(DefinePropertyOrThrow(agent, *O.as_object(), key, desc));
    STEP("5");
    return O;
}

// §20.1.2.5 Object.entries ( O )
ThrowCompletionOr<Value> Object_entries(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.entries");
    STEP("1");
    Object* obj = TRY(ToObject(agent, argument(arguments, 0)));
    STEP("2");
    List<Value> entryList = TRY(EnumerableOwnProperties(agent, *obj, EnumerableOwnPropertiesKind::KeyValue));
    STEP("3");
    return CreateArrayFromList(agent, entryList.items());
}

// §20.1.2.6 Object.freeze ( O )
ThrowCompletionOr<Value> Object_freeze(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.freeze");
    Value O = argument(arguments, 0);
    STEP("1");
    if (!O.is_object()) return O;
    STEP("2");
    bool status = TRY(SetIntegrityLevel(agent, *O.as_object(), IntegrityLevel::Frozen));
    STEP("3");
    if (!status) return throw_type_error(agent, "cannot change the integrity level of this object");
    STEP("4");
    return O;
}

// §20.1.2.22 Object.seal ( O )
ThrowCompletionOr<Value> Object_seal(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.seal");
    Value O = argument(arguments, 0);
    STEP("1");
    if (!O.is_object()) return O;
    STEP("2");
    bool status = TRY(SetIntegrityLevel(agent, *O.as_object(), IntegrityLevel::Sealed));
    STEP("3");
    if (!status) return throw_type_error(agent, "cannot change the integrity level of this object");
    STEP("4");
    return O;
}

// §20.1.2.7 Object.fromEntries ( iterable )
ThrowCompletionOr<Value> Object_fromEntries(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.fromentries");
    Value iterable = argument(arguments, 0);
    STEP("1");
    TRY(RequireObjectCoercible(agent, iterable));
    STEP("2");
    Object* obj = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
    STEP("3");
    SPEC_ASSERT(obj->Extensible && obj->properties().size() == 0);
    STEP("4");  // the closure captures obj in the adder's slot 0
    auto closure = [](Agent& agent, BuiltinFunction& adder, Value, Arguments arguments,
                      Object*) -> ThrowCompletionOr<Value> {
        Object& obj = *adder.slots[0].as_object();
        STEP("4.a");
        PropertyKey propertyKey = TRY(ToPropertyKey(agent, argument(arguments, 0)));
        STEP("4.b");
        MUST(CreateDataPropertyOrThrow(agent, obj, propertyKey, argument(arguments, 1)));
        STEP("4.c");
        return Value::undefined();
    };
    STEP("5");
    BuiltinFunction* adder =
        CreateBuiltinFunction(agent, closure, 2, PropertyKey::from_ascii(agent.heap, ""), {.additionalInternalSlots = 1});
    adder->slots[0] = obj;
    STEP("6");
    return TRY(AddEntriesFromIterable(agent, *obj, iterable, adder));
}

// §20.1.2.8 Object.getOwnPropertyDescriptor ( O, P )
ThrowCompletionOr<Value> Object_getOwnPropertyDescriptor(Agent& agent, BuiltinFunction&, Value, Arguments arguments,
                                                         Object*)
{
    SPEC_ALGORITHM("sec-object.getownpropertydescriptor");
    STEP("1");
    Object* obj = TRY(ToObject(agent, argument(arguments, 0)));
    STEP("2");
    PropertyKey key = TRY(ToPropertyKey(agent, argument(arguments, 1)));
    STEP("3");
    auto desc = TRY(obj->GetOwnProperty(agent, key));
    STEP("4");
    return FromPropertyDescriptor(agent, desc);
}

// §20.1.2.9 Object.getOwnPropertyDescriptors ( O )
ThrowCompletionOr<Value> Object_getOwnPropertyDescriptors(Agent& agent, BuiltinFunction&, Value, Arguments arguments,
                                                          Object*)
{
    SPEC_ALGORITHM("sec-object.getownpropertydescriptors");
    STEP("1");
    Object* obj = TRY(ToObject(agent, argument(arguments, 0)));
    STEP("2");
    List<PropertyKey> ownKeys = TRY(obj->OwnPropertyKeys(agent));
    STEP("3");
    Object* descriptors = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
    STEP("4");
    for (PropertyKey key : ownKeys) {
        STEP("4.a");
        auto desc = TRY(obj->GetOwnProperty(agent, key));
        STEP("4.b");
        Value descriptor = FromPropertyDescriptor(agent, desc);
        STEP("4.c");
        if (!descriptor.is_undefined()) MUST(CreateDataPropertyOrThrow(agent, *descriptors, key, descriptor));
    }
    STEP("5");
    return descriptors;
}

// §20.1.2.10 Object.getOwnPropertyNames ( O )
ThrowCompletionOr<Value> Object_getOwnPropertyNames(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.getownpropertynames");
    STEP("1");
    List<Value> keys = TRY(GetOwnPropertyKeys(agent, argument(arguments, 0), KeyType::String));
    return CreateArrayFromList(agent, keys.items());
}

// §20.1.2.11 Object.getOwnPropertySymbols ( O )
ThrowCompletionOr<Value> Object_getOwnPropertySymbols(Agent& agent, BuiltinFunction&, Value, Arguments arguments,
                                                      Object*)
{
    SPEC_ALGORITHM("sec-object.getownpropertysymbols");
    STEP("1");
    List<Value> keys = TRY(GetOwnPropertyKeys(agent, argument(arguments, 0), KeyType::Symbol));
    return CreateArrayFromList(agent, keys.items());
}

// §20.1.2.12 Object.getPrototypeOf ( O )
ThrowCompletionOr<Value> Object_getPrototypeOf(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.getprototypeof");
    STEP("1");
    Object* obj = TRY(ToObject(agent, argument(arguments, 0)));
    STEP("2");
    return object_or_null(TRY(obj->GetPrototypeOf(agent)));
}

// §20.1.2.13 Object.groupBy ( items, callback )
ThrowCompletionOr<Value> Object_groupBy(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.groupby");
    STEP("1");
    std::vector<KeyedGroup> groups =
        TRY(GroupBy(agent, argument(arguments, 0), argument(arguments, 1), KeyCoercion::Property));
    STEP("2");
    Object* obj = OrdinaryObjectCreate(agent, nullptr);
    STEP("3");
    for (const KeyedGroup& g : groups) {
        STEP("3.a");
        Object* elements = CreateArrayFromList(agent, g.Elements.items());
        STEP("3.b");
        MUST(CreateDataPropertyOrThrow(agent, *obj, key_of(agent, g.Key), elements));
    }
    STEP("4");
    return obj;
}

// §20.1.2.14 Object.hasOwn ( O, P )
ThrowCompletionOr<Value> Object_hasOwn(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.hasown");
    STEP("1");
    Object* obj = TRY(ToObject(agent, argument(arguments, 0)));
    STEP("2");
    PropertyKey key = TRY(ToPropertyKey(agent, argument(arguments, 1)));
    STEP("3");
    return Value::boolean(TRY(HasOwnProperty(agent, *obj, key)));
}

// §20.1.2.15 Object.is ( value1, value2 )
ThrowCompletionOr<Value> Object_is(Agent&, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.is");
    STEP("1");
    return Value::boolean(SameValue(argument(arguments, 0), argument(arguments, 1)));
}

// §20.1.2.16 Object.isExtensible ( O )
ThrowCompletionOr<Value> Object_isExtensible(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.isextensible");
    Value O = argument(arguments, 0);
    STEP("1");
    if (!O.is_object()) return Value::boolean(false);
    STEP("2");
    return Value::boolean(TRY(IsExtensible(agent, *O.as_object())));
}

// §20.1.2.17 Object.isFrozen ( O )
ThrowCompletionOr<Value> Object_isFrozen(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.isfrozen");
    Value O = argument(arguments, 0);
    STEP("1");
    if (!O.is_object()) return Value::boolean(true);
    STEP("2");
    return Value::boolean(TRY(TestIntegrityLevel(agent, *O.as_object(), IntegrityLevel::Frozen)));
}

// §20.1.2.18 Object.isSealed ( O )
ThrowCompletionOr<Value> Object_isSealed(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.issealed");
    Value O = argument(arguments, 0);
    STEP("1");
    if (!O.is_object()) return Value::boolean(true);
    STEP("2");
    return Value::boolean(TRY(TestIntegrityLevel(agent, *O.as_object(), IntegrityLevel::Sealed)));
}

// §20.1.2.19 Object.keys ( O )
ThrowCompletionOr<Value> Object_keys(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.keys");
    STEP("1");
    Object* obj = TRY(ToObject(agent, argument(arguments, 0)));
    STEP("2");
    List<Value> keyList = TRY(EnumerableOwnProperties(agent, *obj, EnumerableOwnPropertiesKind::Key));
    STEP("3");
    return CreateArrayFromList(agent, keyList.items());
}

// §20.1.2.24 Object.values ( O )
ThrowCompletionOr<Value> Object_values(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.values");
    STEP("1");
    Object* obj = TRY(ToObject(agent, argument(arguments, 0)));
    STEP("2");
    List<Value> valueList = TRY(EnumerableOwnProperties(agent, *obj, EnumerableOwnPropertiesKind::Value));
    STEP("3");
    return CreateArrayFromList(agent, valueList.items());
}

// §20.1.2.20 Object.preventExtensions ( O )
ThrowCompletionOr<Value> Object_preventExtensions(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.preventextensions");
    Value O = argument(arguments, 0);
    STEP("1");
    if (!O.is_object()) return O;
    STEP("2");
    bool status = TRY(O.as_object()->PreventExtensions(agent));
    STEP("3");
    if (!status) return throw_type_error(agent, "cannot prevent extensions");
    STEP("4");
    return O;
}

// §20.1.2.23 Object.setPrototypeOf ( O, proto )
ThrowCompletionOr<Value> Object_setPrototypeOf(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.setprototypeof");
    Value proto = argument(arguments, 1);
    STEP("1");
    Value O = TRY(RequireObjectCoercible(agent, argument(arguments, 0)));
    STEP("2");
    if (!proto.is_object() && !proto.is_null())
        return throw_type_error(agent, "Object prototype may only be an Object or null");
    STEP("3");
    if (!O.is_object()) return O;
    STEP("4");
    bool status = TRY(O.as_object()->SetPrototypeOf(agent, proto.is_null() ? nullptr : proto.as_object()));
    STEP("5");
    if (!status) return throw_type_error(agent, "cannot set prototype");
    STEP("6");
    return O;
}

// §20.1.3.2 Object.prototype.hasOwnProperty ( V )
ThrowCompletionOr<Value> Object_prototype_hasOwnProperty(Agent& agent, BuiltinFunction&, Value thisValue,
                                                         Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.prototype.hasownproperty");
    STEP("1");
    PropertyKey P = TRY(ToPropertyKey(agent, argument(arguments, 0)));
    STEP("2");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("3");
    return Value::boolean(TRY(HasOwnProperty(agent, *O, P)));
}

// §20.1.3.3 Object.prototype.isPrototypeOf ( V )
ThrowCompletionOr<Value> Object_prototype_isPrototypeOf(Agent& agent, BuiltinFunction&, Value thisValue,
                                                        Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.prototype.isprototypeof");
    Value V = argument(arguments, 0);
    STEP("1");
    if (!V.is_object()) return Value::boolean(false);
    STEP("2");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("3");
    Object* v = V.as_object();
    for (;;) {
        STEP("3.a");
        v = TRY(v->GetPrototypeOf(agent));
        STEP("3.b");
        if (!v) return Value::boolean(false);
        STEP("3.c");
        if (v == O) return Value::boolean(true);
    }
}

// §20.1.3.4 Object.prototype.propertyIsEnumerable ( V )
ThrowCompletionOr<Value> Object_prototype_propertyIsEnumerable(Agent& agent, BuiltinFunction&, Value thisValue,
                                                               Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.prototype.propertyisenumerable");
    STEP("1");
    PropertyKey P = TRY(ToPropertyKey(agent, argument(arguments, 0)));
    STEP("2");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("3");
    auto desc = TRY(O->GetOwnProperty(agent, P));
    STEP("4");
    if (!desc) return Value::boolean(false);
    STEP("5");
    return Value::boolean(*desc->enumerable);
}

// §20.1.3.5 Object.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
ThrowCompletionOr<Value> Object_prototype_toLocaleString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                         Object*)
{
    SPEC_ALGORITHM("sec-object.prototype.tolocalestring");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    return TRY(Invoke(agent, O, agent.key("toString")));
}

// §20.1.3.6 Object.prototype.toString ( )
ThrowCompletionOr<Value> Object_prototype_toString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.prototype.tostring");
    STEP("1");
    if (thisValue.is_undefined()) return agent.heap.intern_ascii("[object Undefined]");
    STEP("2");
    if (thisValue.is_null()) return agent.heap.intern_ascii("[object Null]");
    STEP("3");
    Object* O = MUST(ToObject(agent, thisValue));
    STEP("4");
    bool isArray = TRY(IsArray(agent, O));
    // Steps 5-14 are one if / else-if chain: the first tag that applies wins.
    const char* builtinTag = nullptr;
    STEP("5");
    if (isArray) builtinTag = "Array";
    STEP("6");
    if (!builtinTag && (dynamic_cast<ArgumentsObject*>(O) || dynamic_cast<UnmappedArgumentsObject*>(O)))
        builtinTag = "Arguments";
    STEP("7");
    if (!builtinTag && O->has_call()) builtinTag = "Function";
    STEP("8");
    if (!builtinTag && dynamic_cast<ErrorObject*>(O)) builtinTag = "Error";
    STEP("9");
    if (!builtinTag && dynamic_cast<BooleanObject*>(O)) builtinTag = "Boolean";
    STEP("10");
    if (!builtinTag && dynamic_cast<NumberObject*>(O)) builtinTag = "Number";
    STEP("11");
    if (!builtinTag && dynamic_cast<StringObject*>(O)) builtinTag = "String";
    STEP("12");
    if (!builtinTag && dynamic_cast<DateObject*>(O)) builtinTag = "Date";
    STEP("13");
    if (!builtinTag && dynamic_cast<RegExpObject*>(O)) builtinTag = "RegExp";
    STEP("14");
    if (!builtinTag) builtinTag = "Object";
    STEP("15");
    Value tag = TRY(Get(agent, *O, agent.well_known_symbol(WellKnownSymbol::toStringTag)));
    STEP("16");
    std::u16string tagText;
    if (tag.is_string()) {
        tagText = tag.as_string()->units();
    } else {
        tagText.assign(builtinTag, builtinTag + std::char_traits<char>::length(builtinTag));
    }
    STEP("17");
    return make_string(agent.heap, u"[object " + tagText + u"]");
}

// §20.1.3.7 Object.prototype.valueOf ( )
ThrowCompletionOr<Value> Object_prototype_valueOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.prototype.valueof");
    STEP("1");
    return TRY(ToObject(agent, thisValue));
}

// §20.1.3.8.1 get Object.prototype.__proto__
ThrowCompletionOr<Value> get_Object_prototype___proto__(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                        Object*)
{
    SPEC_ALGORITHM("sec-get-object.prototype.__proto__");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    return object_or_null(TRY(O->GetPrototypeOf(agent)));
}

// §20.1.3.8.2 set Object.prototype.__proto__
ThrowCompletionOr<Value> set_Object_prototype___proto__(Agent& agent, BuiltinFunction&, Value thisValue,
                                                        Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-set-object.prototype.__proto__");
    Value proto = argument(arguments, 0);
    STEP("1");
    Value O = TRY(RequireObjectCoercible(agent, thisValue));
    STEP("2");
    if (!proto.is_object() && !proto.is_null()) return Value::undefined();
    STEP("3");
    if (!O.is_object()) return Value::undefined();
    STEP("4");
    bool status = TRY(O.as_object()->SetPrototypeOf(agent, proto.is_null() ? nullptr : proto.as_object()));
    STEP("5");
    if (!status) return throw_type_error(agent, "cannot set prototype");
    STEP("6");
    return Value::undefined();
}

// §20.1.3.9.1 Object.prototype.__defineGetter__ ( P, getter )
ThrowCompletionOr<Value> Object_prototype___defineGetter__(Agent& agent, BuiltinFunction&, Value thisValue,
                                                           Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.prototype.__defineGetter__");
    Value getter = argument(arguments, 1);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    if (!IsCallable(getter)) return throw_type_error(agent, "getter must be a function");
    STEP("3");
    PropertyDescriptor desc{.get = getter, .enumerable = true, .configurable = true};
    STEP("4");
    PropertyKey key = TRY(ToPropertyKey(agent, argument(arguments, 0)));
    STEP("5");
    TRY(DefinePropertyOrThrow(agent, *O, key, desc));
    STEP("6");
    return Value::undefined();
}

// §20.1.3.9.2 Object.prototype.__defineSetter__ ( P, setter )
ThrowCompletionOr<Value> Object_prototype___defineSetter__(Agent& agent, BuiltinFunction&, Value thisValue,
                                                           Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.prototype.__defineSetter__");
    Value setter = argument(arguments, 1);
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    if (!IsCallable(setter)) return throw_type_error(agent, "setter must be a function");
    STEP("3");
    PropertyDescriptor desc{.set = setter, .enumerable = true, .configurable = true};
    STEP("4");
    PropertyKey key = TRY(ToPropertyKey(agent, argument(arguments, 0)));
    STEP("5");
    TRY(DefinePropertyOrThrow(agent, *O, key, desc));
    STEP("6");
    return Value::undefined();
}

// §20.1.3.9.3 Object.prototype.__lookupGetter__ ( P )
ThrowCompletionOr<Value> Object_prototype___lookupGetter__(Agent& agent, BuiltinFunction&, Value thisValue,
                                                           Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.prototype.__lookupGetter__");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    PropertyKey key = TRY(ToPropertyKey(agent, argument(arguments, 0)));
    STEP("3");
    for (;;) {
        STEP("3.a");
        auto desc = TRY(O->GetOwnProperty(agent, key));
        STEP("3.b");
        if (desc) {
            STEP("3.b.i");
            if (IsAccessorDescriptor(*desc)) return desc->get.value_or(Value::undefined());
            STEP("3.b.ii");
            return Value::undefined();
        }
        STEP("3.c");
        O = TRY(O->GetPrototypeOf(agent));
        STEP("3.d");
        if (!O) return Value::undefined();
    }
}

// §20.1.3.9.4 Object.prototype.__lookupSetter__ ( P )
ThrowCompletionOr<Value> Object_prototype___lookupSetter__(Agent& agent, BuiltinFunction&, Value thisValue,
                                                           Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-object.prototype.__lookupSetter__");
    STEP("1");
    Object* O = TRY(ToObject(agent, thisValue));
    STEP("2");
    PropertyKey key = TRY(ToPropertyKey(agent, argument(arguments, 0)));
    STEP("3");
    for (;;) {
        STEP("3.a");
        auto desc = TRY(O->GetOwnProperty(agent, key));
        STEP("3.b");
        if (desc) {
            STEP("3.b.i");
            if (IsAccessorDescriptor(*desc)) return desc->set.value_or(Value::undefined());
            STEP("3.b.ii");
            return Value::undefined();
        }
        STEP("3.c");
        O = TRY(O->GetPrototypeOf(agent));
        STEP("3.d");
        if (!O) return Value::undefined();
    }
}

}  // namespace

ThrowCompletionOr<std::vector<KeyedGroup>> GroupBy(Agent& agent, Value items, Value callback, KeyCoercion keyCoercion)
{
    SPEC_ALGORITHM("sec-groupby");
    STEP("1");
    TRY(RequireObjectCoercible(agent, items));
    STEP("2");
    if (!IsCallable(callback)) return throw_type_error(agent, "callback is not a function");
    STEP("3");
    std::vector<KeyedGroup> groups;
    STEP("4");
    IteratorRecord iteratorRecord = TRY(GetIterator(agent, items, IteratorKind::Sync));
    STEP("5");
    double k = 0;
    STEP("6");
    for (;;) {
        STEP("6.a");
        if (k >= 9007199254740991.0) {
            STEP("6.a.i");
            ThrowCompletionOr<Value> error = throw_type_error(agent, "too many elements to group");
            STEP("6.a.ii");
            return IteratorClose(agent, iteratorRecord, error).release_error();
        }
        STEP("6.b");
        std::optional<Value> next = TRY(IteratorStepValue(agent, iteratorRecord));
        STEP("6.c");
        if (!next) {
            STEP("6.c.i");
            return groups;
        }
        STEP("6.d");
        Value value = *next;
        STEP("6.e");
        Value callArgs[] = {value, Value::number(k)};
        ThrowCompletionOr<Value> key = Call(agent, callback, Value::undefined(), callArgs);
        STEP("6.f");
        if (key.is_abrupt()) return IteratorClose(agent, iteratorRecord, key).release_error();
        Value keyValue = key.value();
        STEP("6.g");
        if (keyCoercion == KeyCoercion::Property) {
            STEP("6.g.i");
            ThrowCompletionOr<PropertyKey> propertyKey = ToPropertyKey(agent, keyValue);
            STEP("6.g.ii");
            if (propertyKey.is_abrupt())
                return IteratorClose(agent, iteratorRecord, ThrowCompletionOr<Value>(propertyKey.release_error()))
                    .release_error();
            keyValue = propertyKey.value().to_value(agent.heap);
        } else {
            STEP("6.h");
            STEP("6.h.i");
            SPEC_ASSERT(keyCoercion == KeyCoercion::Collection);
            STEP("6.h.ii");
            keyValue = CanonicalizeKeyedCollectionKey(keyValue);
        }
        STEP("6.i");
        AddValueToKeyedGroup(groups, keyValue, value);
        STEP("6.j");
        k += 1;
    }
}

void AddValueToKeyedGroup(std::vector<KeyedGroup>& groups, Value key, Value value)
{
    SPEC_ALGORITHM("sec-add-value-to-keyed-group");
    STEP("1");
    for (KeyedGroup& g : groups) {
        STEP("1.a");
        if (SameValue(g.Key, key)) {
            STEP("1.a.i");  // keys are unique by construction
            STEP("1.a.ii");
            g.Elements.append(value);
            STEP("1.a.iii");
            return;
        }
    }
    STEP("2");
    KeyedGroup group{key, List<Value>{value}};
    STEP("3");
    groups.push_back(std::move(group));
    STEP("4");
}

void CreateObjectIntrinsics(Agent& agent, Realm& realm)
{
    Object& prototype = *realm.intrinsic(Intrinsic::ObjectPrototype);

    // §20.1.1 The Object Constructor
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, Object_constructor, 1, agent.key("Object"),
                                                         {.realm = &realm, .isConstructor = true});
    realm.set_intrinsic(Intrinsic::Object, constructor);
    link_constructor_and_prototype(agent, *constructor, prototype);

    // §20.1.2 Properties of the Object Constructor
    const struct {
        const char* name;
        NativeFunction behaviour;
        double length;
    } functions[] = {
        {"assign", Object_assign, 2},
        {"create", Object_create, 2},
        {"defineProperties", Object_defineProperties, 2},
        {"defineProperty", Object_defineProperty, 3},
        {"entries", Object_entries, 1},
        {"freeze", Object_freeze, 1},
        {"fromEntries", Object_fromEntries, 1},
        {"getOwnPropertyDescriptor", Object_getOwnPropertyDescriptor, 2},
        {"getOwnPropertyDescriptors", Object_getOwnPropertyDescriptors, 1},
        {"getOwnPropertyNames", Object_getOwnPropertyNames, 1},
        {"getOwnPropertySymbols", Object_getOwnPropertySymbols, 1},
        {"getPrototypeOf", Object_getPrototypeOf, 1},
        {"groupBy", Object_groupBy, 2},
        {"hasOwn", Object_hasOwn, 2},
        {"is", Object_is, 2},
        {"isExtensible", Object_isExtensible, 1},
        {"isFrozen", Object_isFrozen, 1},
        {"isSealed", Object_isSealed, 1},
        {"keys", Object_keys, 1},
        {"preventExtensions", Object_preventExtensions, 1},
        {"seal", Object_seal, 1},
        {"setPrototypeOf", Object_setPrototypeOf, 2},
        {"values", Object_values, 1},
    };
    for (const auto& function : functions)
        define_builtin_function(agent, realm, *constructor, function.name, function.behaviour, function.length);

    // §20.1.3 Properties of the Object Prototype Object
    const struct {
        const char* name;
        NativeFunction behaviour;
        double length;
    } methods[] = {
        {"hasOwnProperty", Object_prototype_hasOwnProperty, 1},
        {"isPrototypeOf", Object_prototype_isPrototypeOf, 1},
        {"propertyIsEnumerable", Object_prototype_propertyIsEnumerable, 1},
        {"toLocaleString", Object_prototype_toLocaleString, 0},
        {"toString", Object_prototype_toString, 0},
        {"valueOf", Object_prototype_valueOf, 0},
        {"__defineGetter__", Object_prototype___defineGetter__, 2},
        {"__defineSetter__", Object_prototype___defineSetter__, 2},
        {"__lookupGetter__", Object_prototype___lookupGetter__, 1},
        {"__lookupSetter__", Object_prototype___lookupSetter__, 1},
    };
    for (const auto& method : methods)
        define_builtin_function(agent, realm, prototype, method.name, method.behaviour, method.length);
    // §20.1.3.8 Object.prototype.__proto__: an accessor { [[Enumerable]]: false, [[Configurable]]: true }.
    PropertyKey proto = agent.key("__proto__");
    MUST(DefinePropertyOrThrow(
        agent, prototype, proto,
        PropertyDescriptor{
            .get = Value(CreateBuiltinFunction(agent, get_Object_prototype___proto__, 0, proto,
                                               {.realm = &realm, .prefix = agent.heap.intern_ascii("get")})),
            .set = Value(CreateBuiltinFunction(agent, set_Object_prototype___proto__, 1, proto,
                                               {.realm = &realm, .prefix = agent.heap.intern_ascii("set")})),
            .enumerable = false,
            .configurable = true}));
}

}  // namespace lockstep
