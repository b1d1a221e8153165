// ECMA-262 §24.1 Map Objects.
#include "builtins/map.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/testing_and_comparison.h"
#include "builtins/builtin_helpers.h"
#include "builtins/object.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

void MapObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    MapData.visit_edges(visitor);
}

namespace {

using Arguments = std::span<const Value>;

// RequireInternalSlot ( M, [[MapData]] )
ThrowCompletionOr<MapObject*> require_map(Agent& agent, Value M)
{
    return RequireInternalSlot<MapObject>(agent, M, "not a Map");
}

// §24.1.1.1 Map ( [ iterable ] )
ThrowCompletionOr<Value> Map(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-map-iterable");
    Value iterable = argument(args, 0);
    STEP("1");
    if (!NewTarget) return throw_type_error(agent, "Map constructor requires 'new'");
    STEP("2");
    MapObject* map = TRY(OrdinaryCreateFromConstructor<MapObject>(agent, *NewTarget, Intrinsic::MapPrototype));
    STEP("3");  // [[MapData]] starts empty
    STEP("4");
    if (iterable.is_nullish()) return Value(map);
    STEP("5");
    Value adder = TRY(Get(agent, *map, agent.key("set")));
    STEP("6");
    if (!IsCallable(adder)) return throw_type_error(agent, "Map.prototype.set is not callable");
    STEP("7");
    return TRY(AddEntriesFromIterable(agent, *map, iterable, adder));
}

// §24.1.2.1 Map.groupBy ( items, callback )
ThrowCompletionOr<Value> Map_groupBy(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-map.groupby");
    STEP("1");
    std::vector<KeyedGroup> groups = TRY(GroupBy(agent, argument(args, 0), argument(args, 1), KeyCoercion::Collection));
    STEP("2");
    auto* map = static_cast<MapObject*>(MUST(Construct(agent, *agent.current_realm()->intrinsic(Intrinsic::Map))));
    STEP("3");
    for (KeyedGroup& g : groups) {
        STEP("3.a");
        Object* elements = CreateArrayFromList(agent, g.Elements.items());
        STEP("3.b");
        STEP("3.c");  // GroupBy's ~collection~ keys are canonical and distinct
        map->MapData.append(g.Key, elements);
    }
    STEP("4");
    return Value(map);
}

// §24.1.2.3 get Map [ %Symbol.species% ]
ThrowCompletionOr<Value> get_Map_species(Agent&, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-map-%symbol.species%");
    STEP("1");
    return thisValue;
}

// §24.1.3.1 Map.prototype.clear ( )
ThrowCompletionOr<Value> Map_prototype_clear(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-map.prototype.clear");
    STEP("1");
    STEP("2");
    MapObject* M = TRY(require_map(agent, thisValue));
    STEP("3");
    STEP("3.a");
    STEP("3.b");
    M->MapData.clear();
    STEP("4");
    return Value::undefined();
}

// §24.1.3.3 Map.prototype.delete ( key )
ThrowCompletionOr<Value> Map_prototype_delete(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-map.prototype.delete");
    STEP("1");
    STEP("2");
    MapObject* M = TRY(require_map(agent, thisValue));
    STEP("3");
    Value key = CanonicalizeKeyedCollectionKey(argument(args, 0));
    STEP("4");
    if (auto index = M->MapData.index_of(key)) {
        STEP("4.a");
        STEP("4.a.i");
        STEP("4.a.ii");
        M->MapData.remove_at(*index);
        STEP("4.a.iii");
        return Value::boolean(true);
    }
    STEP("5");
    return Value::boolean(false);
}

// §24.1.3.4 Map.prototype.entries ( )
ThrowCompletionOr<Value> Map_prototype_entries(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-map.prototype.entries");
    STEP("1");
    STEP("2");
    return TRY(CreateMapIterator(agent, thisValue, IterationKind::KeyValue));
}

// §24.1.3.5 Map.prototype.forEach ( callback [ , thisArg ] )
ThrowCompletionOr<Value> Map_prototype_forEach(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-map.prototype.foreach");
    Value callback = argument(args, 0);
    Value thisArg = argument(args, 1);
    STEP("1");
    STEP("2");
    MapObject* M = TRY(require_map(agent, thisValue));
    STEP("3");
    if (!IsCallable(callback)) return throw_type_error(agent, "Map.prototype.forEach callback is not callable");
    STEP("4");
    KeyedCollectionData& entries = M->MapData;
    KeyedCollectionData::Pin pin(entries);  // index is a C++ local while callback runs
    STEP("5");
    size_t numEntries = entries.size();
    STEP("6");
    size_t index = 0;
    STEP("7");
    while (index < numEntries) {
        STEP("7.a");
        KeyedCollectionData::Entry e = entries[index];
        STEP("7.b");
        ++index;
        STEP("7.c");
        if (!e.key.is_empty()) {
            STEP("7.c.i");
            Value callArgs[] = {e.value, e.key, M};
            TRY(Call(agent, callback, thisArg, callArgs));
            STEP("7.c.ii");
            STEP("7.c.iii");
            numEntries = entries.size();
        }
    }
    STEP("8");
    return Value::undefined();
}

// §24.1.3.6 Map.prototype.get ( key )
ThrowCompletionOr<Value> Map_prototype_get(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-map.prototype.get");
    STEP("1");
    STEP("2");
    MapObject* M = TRY(require_map(agent, thisValue));
    STEP("3");
    Value key = CanonicalizeKeyedCollectionKey(argument(args, 0));
    STEP("4");
    STEP("4.a");
    if (auto index = M->MapData.index_of(key)) return M->MapData[*index].value;
    STEP("5");
    return Value::undefined();
}

// §24.1.3.7 Map.prototype.has ( key )
ThrowCompletionOr<Value> Map_prototype_has(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-map.prototype.has");
    STEP("1");
    STEP("2");
    MapObject* M = TRY(require_map(agent, thisValue));
    STEP("3");
    Value key = CanonicalizeKeyedCollectionKey(argument(args, 0));
    STEP("4");
    STEP("4.a");
    if (M->MapData.index_of(key)) return Value::boolean(true);
    STEP("5");
    return Value::boolean(false);
}

// §24.1.3.8 Map.prototype.keys ( )
ThrowCompletionOr<Value> Map_prototype_keys(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-map.prototype.keys");
    STEP("1");
    STEP("2");
    return TRY(CreateMapIterator(agent, thisValue, IterationKind::Key));
}

// §24.1.3.9 Map.prototype.set ( key, value )
ThrowCompletionOr<Value> Map_prototype_set(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-map.prototype.set");
    Value value = argument(args, 1);
    STEP("1");
    STEP("2");
    MapObject* M = TRY(require_map(agent, thisValue));
    STEP("3");
    Value key = CanonicalizeKeyedCollectionKey(argument(args, 0));
    STEP("4");
    if (auto index = M->MapData.index_of(key)) {
        STEP("4.a");
        STEP("4.a.i");
        M->MapData[*index].value = value;
        STEP("4.a.ii");
        return Value(M);
    }
    STEP("5");
    STEP("6");
    M->MapData.append(key, value);
    STEP("7");
    return Value(M);
}

// §24.1.3.10 get Map.prototype.size
ThrowCompletionOr<Value> get_Map_prototype_size(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-map.prototype.size");
    STEP("1");
    STEP("2");
    MapObject* M = TRY(require_map(agent, thisValue));
    STEP("3");
    STEP("4");
    STEP("4.a");
    size_t count = M->MapData.live_count();
    STEP("5");
    return Value::number(double(count));
}

// §24.1.3.11 Map.prototype.values ( )
ThrowCompletionOr<Value> Map_prototype_values(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-map.prototype.values");
    STEP("1");
    STEP("2");
    return TRY(CreateMapIterator(agent, thisValue, IterationKind::Value));
}

// §24.1.5.2.1 %MapIteratorPrototype%.next ( )
ThrowCompletionOr<Value> MapIteratorPrototype_next(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-%mapiteratorprototype%.next");
    STEP("1");
    return ResumeBuiltinGenerator<MapIteratorObject>(agent, thisValue, "not a Map Iterator");
}

}  // namespace

ThrowCompletionOr<Value> AddEntriesFromIterable(Agent& agent, Object& target, Value iterable, Value adder)
{
    SPEC_ALGORITHM("sec-add-entries-from-iterable");
    STEP("1");
    IteratorRecord iteratorRecord = TRY(GetIterator(agent, iterable, IteratorKind::Sync));
    STEP("2");
    for (;;) {
        STEP("2.a");
        std::optional<Value> next = TRY(IteratorStepValue(agent, iteratorRecord));
        STEP("2.b");
        if (!next) return Value(&target);
        STEP("2.c");
        if (!next->is_object()) {
            STEP("2.c.i");
            ThrowCompletionOr<Value> error = throw_type_error(agent, "iterable entries must be objects");
            STEP("2.c.ii");
            return IteratorClose(agent, iteratorRecord, error);
        }
        STEP("2.d");
        ThrowCompletionOr<Value> k = Get(agent, *next->as_object(), PropertyKey::from_array_index(0));
        STEP("2.e");
        if (k.is_abrupt()) return IteratorClose(agent, iteratorRecord, k);
        STEP("2.f");
        ThrowCompletionOr<Value> v = Get(agent, *next->as_object(), PropertyKey::from_array_index(1));
        STEP("2.g");
        if (v.is_abrupt()) return IteratorClose(agent, iteratorRecord, v);
        STEP("2.h");
        Value callArgs[] = {k.value(), v.value()};
        ThrowCompletionOr<Value> status = Call(agent, adder, &target, callArgs);
        STEP("2.i");
        if (status.is_abrupt()) return IteratorClose(agent, iteratorRecord, status);
    }
}

ThrowCompletionOr<Value> CreateMapIterator(Agent& agent, Value map, IterationKind kind)
{
    SPEC_ALGORITHM("sec-createmapiterator");
    STEP("1");
    MapObject* M = TRY(require_map(agent, map));
    STEP("2");
    // Captureless: what it captures and its own locals live in the generator.
    MapIteratorObject::Closure closure = [](Agent& agent, MapIteratorObject& generator) -> ThrowCompletionOr<Value> {
        if (!generator.collection) return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
        STEP("2.a");
        KeyedCollectionData& entries = generator.collection->MapData;
        STEP("2.b");  // the index lives in the generator
        STEP("2.c");
        size_t numEntries = entries.size();
        STEP("2.d");
        while (generator.cursor.index < numEntries) {
            STEP("2.d.i");
            KeyedCollectionData::Entry e = entries[generator.cursor.index];
            STEP("2.d.ii");
            ++generator.cursor.index;
            STEP("2.d.iii");
            if (!e.key.is_empty()) {
                Value result;
                STEP("2.d.iii.1");
                if (generator.kind == IterationKind::Key) {
                    STEP("2.d.iii.1.a");
                    result = e.key;
                } else if (generator.kind == IterationKind::Value) {
                    STEP("2.d.iii.2");
                    STEP("2.d.iii.2.a");
                    result = e.value;
                } else {
                    STEP("2.d.iii.3");
                    STEP("2.d.iii.3.a");
                    STEP("2.d.iii.3.b");
                    Value pair[] = {e.key, e.value};
                    result = CreateArrayFromList(agent, pair);
                }
                STEP("2.d.iii.4");  // GeneratorYield: return the result, resume at the saved index
                STEP("2.d.iii.5");
                STEP("2.d.iii.6");  // on resumption, step 2.c reads the current number of elements
                return Value(CreateIteratorResultObject(agent, result, false));
            }
        }
        STEP("2.e");
        generator.collection = nullptr;
        return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
    };
    STEP("3");
    return Value(OrdinaryObjectCreate<MapIteratorObject>(
        agent, agent.current_realm()->intrinsic(Intrinsic::MapIteratorPrototype), M, M->MapData, kind,
        closure));
}

void CreateMapIntrinsics(Agent& agent, Realm& realm)
{
    // §24.1.3 Properties of the Map Prototype Object: an ordinary object.
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    // §24.1.2 Properties of the Map Constructor.
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, Map, 0, agent.key("Map"),
                                                         {.realm = &realm, .isConstructor = true});
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_function(agent, realm, *constructor, "groupBy", Map_groupBy, 2);
    define_builtin_getter(agent, realm, *constructor, agent.well_known_symbol(WellKnownSymbol::species), get_Map_species);

    define_builtin_function(agent, realm, *prototype, "clear", Map_prototype_clear, 0);
    define_builtin_function(agent, realm, *prototype, "delete", Map_prototype_delete, 1);
    BuiltinFunction* entries = define_builtin_function(agent, realm, *prototype, "entries", Map_prototype_entries, 0);
    define_builtin_function(agent, realm, *prototype, "forEach", Map_prototype_forEach, 1);
    define_builtin_function(agent, realm, *prototype, "get", Map_prototype_get, 1);
    define_builtin_function(agent, realm, *prototype, "has", Map_prototype_has, 1);
    define_builtin_function(agent, realm, *prototype, "keys", Map_prototype_keys, 0);
    define_builtin_function(agent, realm, *prototype, "set", Map_prototype_set, 2);
    define_builtin_getter(agent, realm, *prototype, agent.key("size"), get_Map_prototype_size);
    define_builtin_function(agent, realm, *prototype, "values", Map_prototype_values, 0);
    // §24.1.3.12 Map.prototype [ %Symbol.iterator% ]: the same function object as entries.
    define_value_property(agent, *prototype, agent.well_known_symbol(WellKnownSymbol::iterator), entries, true, false,
                          true);
    define_to_string_tag(agent, *prototype, "Map");

    // §24.1.5.2 The %MapIteratorPrototype% Object.
    Object* iteratorPrototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::IteratorPrototype));
    define_builtin_function(agent, realm, *iteratorPrototype, "next", MapIteratorPrototype_next, 0);
    define_to_string_tag(agent, *iteratorPrototype, "Map Iterator");

    realm.set_intrinsic(Intrinsic::Map, constructor);
    realm.set_intrinsic(Intrinsic::MapPrototype, prototype);
    realm.set_intrinsic(Intrinsic::MapIteratorPrototype, iteratorPrototype);
}

}  // namespace lockstep
