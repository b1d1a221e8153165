// ECMA-262 §24 Keyed Collections: the storage behind [[MapData]] and
// [[SetData]], and §24.5 Abstract Operations For Keyed Collections.
// https://tc39.es/ecma262/#sec-keyed-collections
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "runtime/heap.h"
#include "runtime/object.h"
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
// So that a collection with heavy churn does not keep its ~empty~ entries
// forever, they are compacted away once they outnumber the live ones. That
// is unobservable as long as every index into the List moves with its
// entry: an iterator keeps its index in a Cursor, which compaction updates;
// a loop that keeps an index in a C++ local while user code runs (forEach,
// the Set methods) holds a Pin, which defers compaction until it ends.
class KeyedCollectionData {
public:
    struct Entry {
        Value key = Value::empty();    // [[Key]]
        Value value = Value::empty();  // [[Value]]
    };

    // An index into the List that follows its entry through compaction: the
    // position an iterator resumes at. Register only cursors that do not move
    // (members of cells).
    class Cursor {
    public:
        explicit Cursor(KeyedCollectionData&);
        ~Cursor();
        Cursor(const Cursor&) = delete;
        Cursor& operator=(const Cursor&) = delete;
        size_t index = 0;

    private:
        std::weak_ptr<struct KeyedCollectionRegistry> registry_;
    };

    // Defers compaction while it lives.
    class Pin {
    public:
        explicit Pin(KeyedCollectionData&);
        ~Pin();
        Pin(const Pin&) = delete;
        Pin& operator=(const Pin&) = delete;

    private:
        std::shared_ptr<KeyedCollectionRegistry> registry_;
    };

    KeyedCollectionData() = default;
    // A copy (Set methods' "a copy of O.[[SetData]]") has the same List and
    // none of the original's cursors or pins.
    KeyedCollectionData(const KeyedCollectionData& other) : entries_(other.entries_), index_(other.index_) {}
    KeyedCollectionData& operator=(const KeyedCollectionData& other);

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
    KeyedCollectionRegistry& registry();
    void maybe_compact();

    std::vector<Entry> entries_;
    std::unordered_map<Value, size_t, KeyHash, KeySameValue> index_;
    std::shared_ptr<KeyedCollectionRegistry> registry_;  // created with the first cursor or pin
};

// What a Map or Set iterator yields (the kind argument of CreateMapIterator
// and CreateSetIterator).
enum class IterationKind : uint8_t { Key, Value, KeyValue };

// §24.1.5 Map Iterator Objects and §24.2.6 Set Iterator Objects: the
// generator CreateIteratorFromClosure makes, kept as the closure's state —
// its captures (the map or set, and kind) and its local index — so that
// resuming it runs the closure from where it yielded. [[GeneratorBrand]] is
// the C++ class itself (MapIteratorObject or SetIteratorObject).
template <class Collection>
class KeyedCollectionIteratorObject final : public Object {
public:
    using Closure = ThrowCompletionOr<Value> (*)(Agent&, KeyedCollectionIteratorObject& generator);
    KeyedCollectionIteratorObject(Object* prototype, Collection* collection, KeyedCollectionData& entries,
                                  IterationKind kind, Closure closure)
        : Object(prototype), collection(collection), cursor(entries), kind(kind), closure(closure)
    {
    }
    Collection* collection;  // null once the closure has returned
    KeyedCollectionData::Cursor cursor;  // the closure's index
    IterationKind kind;
    Closure closure;  // runs from the saved index to the next GeneratorYield
    void visit_edges(Visitor& visitor) override
    {
        Object::visit_edges(visitor);
        visitor.visit(collection);
    }
};

// §24.5.1 CanonicalizeKeyedCollectionKey ( key )
Value CanonicalizeKeyedCollectionKey(Value key);

// §9.13 CanBeHeldWeakly ( v ): what WeakMap, WeakSet (and later WeakRef and
// FinalizationRegistry) accept.
bool CanBeHeldWeakly(Agent&, Value v);

}  // namespace lockstep
