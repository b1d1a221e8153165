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

// §24.1.5 Map Iterator Objects.
using MapIteratorObject = KeyedCollectionIteratorObject<MapObject>;

// §24.1.1.2 AddEntriesFromIterable ( target, iterable, adder )
ThrowCompletionOr<Value> AddEntriesFromIterable(Agent&, Object& target, Value iterable, Value adder);
// §24.1.5.1 CreateMapIterator ( map, kind )
ThrowCompletionOr<Value> CreateMapIterator(Agent&, Value map, IterationKind kind);

// %Map%, %Map.prototype%, %MapIteratorPrototype% (needs %Iterator.prototype%).
void CreateMapIntrinsics(Agent&, Realm&);

}  // namespace lockstep
