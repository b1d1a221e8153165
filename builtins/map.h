// ECMA-262 §24.1 Map Objects.
// https://tc39.es/ecma262/#sec-map-objects
#pragma once

#include "builtins/keyed_collections.h"
#include "runtime/object.h"

namespace lockstep {

class Realm;

// A Map instance: an ordinary object with [[MapData]].
class MapObject final : public Object {
public:
    using Object::Object;
    KeyedCollectionData MapData;  // [[MapData]]
    void visit_edges(Visitor&) override;
};

// What a Map or Set iterator yields (the kind argument of CreateMapIterator
// and CreateSetIterator).
enum class IterationKind : uint8_t { Key, Value, KeyValue };

// §24.1.5 Map Iterator Objects: the generator CreateIteratorFromClosure
// makes, kept as the closure's state — its captures (map, kind) and its
// local index — so that resuming it runs the closure from where it yielded.
// [[GeneratorBrand]] is the C++ class itself.
class MapIteratorObject final : public Object {
public:
    using Closure = ThrowCompletionOr<Value> (*)(Agent&, MapIteratorObject& generator);
    MapIteratorObject(Object* prototype, MapObject* map, IterationKind kind, Closure closure)
        : Object(prototype), map(map), kind(kind), closure(closure)
    {
    }
    MapObject* map;  // null once the closure has returned
    size_t index = 0;
    IterationKind kind;
    Closure closure;  // runs from the saved index to the next GeneratorYield
    void visit_edges(Visitor&) override;
};

// §24.1.1.2 AddEntriesFromIterable ( target, iterable, adder )
ThrowCompletionOr<Value> AddEntriesFromIterable(Agent&, Object& target, Value iterable, Value adder);
// §24.1.5.1 CreateMapIterator ( map, kind )
ThrowCompletionOr<Value> CreateMapIterator(Agent&, Value map, IterationKind kind);

// %Map%, %Map.prototype%, %MapIteratorPrototype% (needs %Iterator.prototype%).
void CreateMapIntrinsics(Agent&, Realm&);

}  // namespace lockstep
