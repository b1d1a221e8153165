// ECMA-262 §24.2 Set Objects.
// https://tc39.es/ecma262/#sec-set-objects
#pragma once

#include "builtins/keyed_collections.h"
#include "builtins/map.h"
#include "runtime/object.h"

namespace lockstep {

class Realm;

// A Set instance: an ordinary object with [[SetData]] (entries use [[Key]] only).
class SetObject final : public Object {
public:
    using Object::Object;
    KeyedCollectionData SetData;  // [[SetData]]
    void visit_edges(Visitor&) override;
};

// §24.2.1.1 Set Records
struct SetRecord {
    Object* SetObject;   // [[SetObject]]
    double Size;         // [[Size]]: a non-negative integer or +∞
    Value Has;           // [[Has]]
    Value Keys;          // [[Keys]]
};

// §24.2.6 Set Iterator Objects.
using SetIteratorObject = KeyedCollectionIteratorObject<SetObject>;

// §24.2.1.2 GetSetRecord ( obj )
ThrowCompletionOr<SetRecord> GetSetRecord(Agent&, Value obj);
// §24.2.1.3 SetDataHas ( setData, value )
bool SetDataHas(const KeyedCollectionData& setData, Value value);
// §24.2.1.4 SetDataIndex ( setData, value ): nullopt is ~not-found~
std::optional<size_t> SetDataIndex(const KeyedCollectionData& setData, Value value);
// §24.2.1.5 SetDataSize ( setData )
size_t SetDataSize(const KeyedCollectionData& setData);
// §24.2.6.1 CreateSetIterator ( set, kind )
ThrowCompletionOr<Value> CreateSetIterator(Agent&, Value set, IterationKind kind);

// %Set%, %Set.prototype%, %SetIteratorPrototype% (needs %Iterator.prototype%).
void CreateSetIntrinsics(Agent&, Realm&);

}  // namespace lockstep
