// ECMA-262 §25.3 DataView instances and §25.3.1 Abstract Operations for
// DataView Objects (the buffer witness records; GetViewValue / SetViewValue
// are in builtins/data_view.cpp).
// https://tc39.es/ecma262/#sec-abstract-operations-for-dataview-objects
#pragma once

#include <cstdint>
#include <optional>

#include "runtime/array_buffer.h"
#include "runtime/object.h"

namespace lockstep {

// §25.3.5 Properties of DataView Instances: [[DataView]] is the class itself.
class DataViewObject final : public Object {
public:
    using Object::Object;

    ArrayBufferObject* ViewedArrayBuffer = nullptr;  // [[ViewedArrayBuffer]]
    std::optional<uint64_t> ByteLength;              // [[ByteLength]]: nullopt is ~auto~
    uint64_t ByteOffset = 0;                         // [[ByteOffset]]

    void visit_edges(Visitor&) override;
};

// §25.3.1.1 DataView With Buffer Witness Records.
struct DataViewWithBufferWitnessRecord {
    DataViewObject* Object;                          // [[Object]]
    std::optional<uint64_t> CachedBufferByteLength;  // [[CachedBufferByteLength]]: nullopt is ~detached~
};

// §25.3.1.2 MakeDataViewWithBufferWitnessRecord ( obj, order )
DataViewWithBufferWitnessRecord MakeDataViewWithBufferWitnessRecord(Agent&, DataViewObject& obj, Order order);
// §25.3.1.3 GetViewByteLength ( viewRecord )
uint64_t GetViewByteLength(const DataViewWithBufferWitnessRecord& viewRecord);
// §25.3.1.4 IsViewOutOfBounds ( viewRecord )
bool IsViewOutOfBounds(const DataViewWithBufferWitnessRecord& viewRecord);

}  // namespace lockstep
