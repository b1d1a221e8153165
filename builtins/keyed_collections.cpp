// ECMA-262 §24 Keyed Collections: [[MapData]] / [[SetData]] storage and §24.5.
#include "builtins/keyed_collections.h"

#include <cmath>
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
    return std::hash<uint64_t>()(key.bits());
}

bool KeyedCollectionData::KeySameValue::operator()(Value a, Value b) const
{
    return SameValue(a, b);
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
}

void KeyedCollectionData::clear()
{
    for (Entry& entry : entries_) entry = Entry{};
    index_.clear();
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
