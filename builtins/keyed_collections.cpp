// ECMA-262 §24 Keyed Collections: [[MapData]] / [[SetData]] storage and §24.5.
#include "builtins/keyed_collections.h"

#include <cmath>
#include <algorithm>
#include <functional>
#include <string_view>

#include "abstract_ops/testing_and_comparison.h"
#include "builtins/symbol.h"
#include "runtime/bigint.h"
#include "runtime/heap.h"
#include "runtime/string.h"

namespace lockstep {

size_t KeyedCollectionData::KeyHash::operator()(Value key) const
{
    // Equal under SameValue ⇒ equal hash: Strings and BigInts by content,
    // everything else by its bits (NaNs are canonical; -0 was canonicalized).
    if (key.is_string()) return std::hash<std::u16string_view>()(key.as_string()->view());
    if (key.is_bigint()) return boost::multiprecision::hash_value(key.as_bigint()->value());
    uint64_t bits = key.bits();  // Number bits keep their entropy high: mix them
    return size_t((bits ^ (bits >> 31)) * 0x9E3779B97F4A7C15ull);
}

bool KeyedCollectionData::KeySameValue::operator()(Value a, Value b) const
{
    return SameValue(a, b);
}

// The cursors of a collection's live iterators and the number of active pins.
// Shared with the cursors weakly: whichever of a collection and its
// iterators the collector destroys first, the other finds out.
struct KeyedCollectionRegistry {
    std::vector<KeyedCollectionData::Cursor*> cursors;
    unsigned pins = 0;
};

KeyedCollectionRegistry& KeyedCollectionData::registry()
{
    if (!registry_) registry_ = std::make_shared<KeyedCollectionRegistry>();
    return *registry_;
}

KeyedCollectionData::Cursor::Cursor(KeyedCollectionData& data)
{
    data.registry().cursors.push_back(this);
    registry_ = data.registry_;
}

KeyedCollectionData::Cursor::~Cursor()
{
    if (auto registry = registry_.lock()) std::erase(registry->cursors, this);
}

KeyedCollectionData::Pin::Pin(KeyedCollectionData& data)
{
    ++data.registry().pins;
    registry_ = data.registry_;
}

KeyedCollectionData::Pin::~Pin()
{
    --registry_->pins;
}

KeyedCollectionData& KeyedCollectionData::operator=(const KeyedCollectionData& other)
{
    // Only fresh collections are assigned to (the Set methods' results).
    SPEC_ASSERT(!registry_ || (registry_->cursors.empty() && registry_->pins == 0));
    entries_ = other.entries_;
    index_ = other.index_;
    return *this;
}

void KeyedCollectionData::maybe_compact()
{
    size_t deleted = entries_.size() - index_.size();
    if (deleted < 16 || deleted < index_.size()) return;
    if (registry_ && registry_->pins > 0) return;
    // live_before[i]: the live entries before index i, i.e. where index i moves to.
    std::vector<size_t> live_before(entries_.size() + 1);
    std::vector<Entry> live;
    live.reserve(index_.size());
    for (size_t i = 0; i < entries_.size(); ++i) {
        live_before[i] = live.size();
        if (!entries_[i].key.is_empty()) live.push_back(entries_[i]);
    }
    live_before[entries_.size()] = live.size();
    if (registry_) {
        for (Cursor* cursor : registry_->cursors)
            cursor->index = live_before[std::min(cursor->index, entries_.size())];
    }
    entries_ = std::move(live);
    for (size_t i = 0; i < entries_.size(); ++i) index_[entries_[i].key] = i;
}

std::optional<size_t> KeyedCollectionData::index_of(Value key) const
{
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

void KeyedCollectionData::append(Value key, Value value)
{
    index_.emplace(key, entries_.size());
    entries_.push_back(Entry{key, value});
}

void KeyedCollectionData::remove_at(size_t index)
{
    index_.erase(entries_[index].key);
    entries_[index] = Entry{};
    maybe_compact();
}

void KeyedCollectionData::clear()
{
    for (Entry& entry : entries_) entry = Entry{};
    index_.clear();
    maybe_compact();
}

void KeyedCollectionData::visit_edges(Visitor& visitor) const
{
    for (const Entry& entry : entries_) {
        visitor.visit(entry.key);
        visitor.visit(entry.value);
    }
}

Value CanonicalizeKeyedCollectionKey(Value key)
{
    SPEC_ALGORITHM("sec-canonicalizekeyedcollectionkey");
    STEP("1");
    if (key.is_number() && key.as_number() == 0 && std::signbit(key.as_number())) return Value::number(0);
    STEP("2");
    return key;
}

bool CanBeHeldWeakly(Agent& agent, Value v)
{
    SPEC_ALGORITHM("sec-canbeheldweakly");
    STEP("1");
    if (v.is_object()) return true;
    STEP("2");
    if (v.is_symbol() && KeyForSymbol(agent, *v.as_symbol()).is_undefined()) return true;
    STEP("3");
    return false;
}

}  // namespace lockstep
