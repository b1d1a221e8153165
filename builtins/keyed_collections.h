// ECMA-262 §24 Keyed Collections: the storage behind [[MapData]] and
// [[SetData]], and §24.5 Abstract Operations For Keyed Collections.
// https://tc39.es/ecma262/#sec-keyed-collections
#pragma once

#include <cstddef>
#include <optional>
#include <unordered_map>
#include <vector>

#include "runtime/value.h"

namespace lockstep {

class Agent;
class Visitor;

// The spec's List of Records { [[Key]], [[Value]] } (a Set's [[SetData]]
// uses only [[Key]]). Deleting sets an entry's [[Key]] and [[Value]] to
// ~empty~ and leaves it in place, as the spec does, so that iterators and
// forEach, which walk the List by index, skip deleted entries and still see
// the ones appended while they run. A hash index over the live keys
// (SameValue on canonicalized keys) makes lookups O(1) instead of the
// spec's linear search, with the same results.
//
// Deleted entries are never compacted away: compaction would have to
// re-base every live iterator's index. A collection with heavy churn keeps
// its tombstones (8-16 bytes each) until it dies.
class KeyedCollectionData {
public:
    struct Entry {
        Value key = Value::empty();    // [[Key]]
        Value value = Value::empty();  // [[Value]]
    };

    // The number of elements of the List, ~empty~ entries included.
    size_t size() const { return entries_.size(); }
    const Entry& operator[](size_t index) const { return entries_[index]; }
    Entry& operator[](size_t index) { return entries_[index]; }

    // The index of the live entry whose [[Key]] is SameValue to `key` (already
    // canonicalized), or nullopt (~not-found~).
    std::optional<size_t> index_of(Value key) const;
    // Appends { [[Key]]: key, [[Value]]: value }; key must not be present.
    void append(Value key, Value value);
    // Sets the entry at `index` to ~empty~.
    void remove_at(size_t index);
    // Sets every entry to ~empty~ (the List keeps its length).
    void clear();
    // The number of entries that are not ~empty~.
    size_t live_count() const { return index_.size(); }

    void visit_edges(Visitor&) const;

private:
    struct KeyHash {
        size_t operator()(Value key) const;
    };
    struct KeySameValue {
        bool operator()(Value a, Value b) const;
    };
    std::vector<Entry> entries_;
    std::unordered_map<Value, size_t, KeyHash, KeySameValue> index_;
};

// §24.5.1 CanonicalizeKeyedCollectionKey ( key )
Value CanonicalizeKeyedCollectionKey(Value key);

// §9.13 CanBeHeldWeakly ( v ): what WeakMap, WeakSet (and later WeakRef and
// FinalizationRegistry) accept.
bool CanBeHeldWeakly(Agent&, Value v);

}  // namespace lockstep
