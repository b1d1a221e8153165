// The own properties of an object: how §10.1's "own property whose key is P"
// is stored. Array indices in a dense vector (spilling to a sorted map when
// sparse), other keys in creation order with a hash index once there are
// more than a few. Objects reach it only through find/add/remove/keys, so
// shapes (hidden classes) can replace it later without touching §10.1.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include "runtime/property_key.h"
#include "runtime/root.h"
#include "runtime/value.h"

namespace lockstep {

class Visitor;

// A property's attributes (§6.1.7.1, Tables "Attributes of a Data Property"
// and "… of an Accessor Property"), without optional fields.
struct StoredProperty {
    enum Flag : uint8_t { Writable = 1, Enumerable = 2, Configurable = 4, Accessor = 8, Absent = 16 };

    Value value;   // [[Value]] of a data property, [[Get]] of an accessor
    Value setter;  // [[Set]] of an accessor
    uint8_t flags = 0;

    bool is_accessor() const { return flags & Accessor; }
    bool writable() const { return flags & Writable; }
    bool enumerable() const { return flags & Enumerable; }
    bool configurable() const { return flags & Configurable; }
    Value getter() const { return value; }
};

class PropertyStorage {
public:
    PropertyStorage() = default;
    PropertyStorage(const PropertyStorage&) = delete;
    PropertyStorage& operator=(const PropertyStorage&) = delete;

    // The own property with key `key`, or null.
    StoredProperty* find(PropertyKey key);
    // Adds a property; there must be none with this key.
    void add(PropertyKey key, StoredProperty property);
    // Removes the property with this key, if any.
    void remove(PropertyKey key);
    // The keys as OrdinaryOwnPropertyKeys lists them: array indices in
    // ascending order; other Strings, then Symbols, in creation order.
    void append_array_index_keys(List<PropertyKey>& keys) const;
    void append_string_keys(List<PropertyKey>& keys) const;
    void append_symbol_keys(List<PropertyKey>& keys) const;
    size_t size() const { return count_; }

    void visit_edges(Visitor&) const;

private:
    struct NamedEntry {
        PropertyKey key;
        StoredProperty property;  // Absent once removed (a tombstone)
    };
    static constexpr size_t kLinearSearchLimit = 8;

    bool fits_dense(uint32_t index) const;
    NamedEntry* find_named(PropertyKey key);
    void rebuild_index();

    std::vector<StoredProperty> dense_;  // index i at dense_[i]; holes are Absent
    std::unique_ptr<std::map<uint32_t, StoredProperty>> sparse_;  // indices >= dense_.size()
    std::vector<NamedEntry> named_;
    std::unique_ptr<std::unordered_map<PropertyKey, uint32_t, PropertyKey::Hash>> named_index_;
    uint32_t named_tombstones_ = 0;
    uint32_t count_ = 0;
};

}  // namespace lockstep
