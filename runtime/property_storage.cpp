#include "runtime/property_storage.h"

#include "runtime/heap.h"
#include "spec/step.h"

namespace lockstep {

bool PropertyStorage::fits_dense(uint32_t index) const
{
    // Grow the dense part while it stays at least half full.
    return index < dense_.size() + 8 + dense_.size() / 2;
}

PropertyStorage::NamedEntry* PropertyStorage::find_named(PropertyKey key)
{
    if (named_index_) {
        auto found = named_index_->find(key);
        return found == named_index_->end() ? nullptr : &named_[found->second];
    }
    for (NamedEntry& entry : named_)
        if (entry.key == key && !(entry.property.flags & StoredProperty::Absent)) return &entry;
    return nullptr;
}

StoredProperty* PropertyStorage::find(PropertyKey key)
{
    if (key.is_array_index()) {
        uint32_t index = key.as_array_index();
        if (index < dense_.size())
            return dense_[index].flags & StoredProperty::Absent ? nullptr : &dense_[index];
        if (!sparse_) return nullptr;
        auto found = sparse_->find(index);
        return found == sparse_->end() ? nullptr : &found->second;
    }
    NamedEntry* entry = find_named(key);
    return entry ? &entry->property : nullptr;
}

void PropertyStorage::add(PropertyKey key, StoredProperty property)
{
    SPEC_ASSERT(!find(key));
    ++count_;
    if (key.is_array_index()) {
        uint32_t index = key.as_array_index();
        if (index < dense_.size()) {
            dense_[index] = property;
        } else if (fits_dense(index)) {
            dense_.resize(index + 1, StoredProperty{Value(), Value(), StoredProperty::Absent});
            dense_[index] = property;
            // Indices the dense part now covers move out of the sparse map.
            while (sparse_ && !sparse_->empty() && sparse_->begin()->first < dense_.size()) {
                dense_[sparse_->begin()->first] = sparse_->begin()->second;
                sparse_->erase(sparse_->begin());
            }
        } else {
            if (!sparse_) sparse_ = std::make_unique<std::map<uint32_t, StoredProperty>>();
            sparse_->emplace(index, property);
        }
        return;
    }
    named_.push_back(NamedEntry{key, property});
    if (named_index_) named_index_->emplace(key, uint32_t(named_.size() - 1));
    else if (named_.size() > kLinearSearchLimit) rebuild_index();
}

void PropertyStorage::remove(PropertyKey key)
{
    if (key.is_array_index()) {
        uint32_t index = key.as_array_index();
        if (index < dense_.size()) {
            if (dense_[index].flags & StoredProperty::Absent) return;
            dense_[index] = StoredProperty{Value(), Value(), StoredProperty::Absent};
            --count_;
            while (!dense_.empty() && (dense_.back().flags & StoredProperty::Absent)) dense_.pop_back();
        } else if (sparse_ && sparse_->erase(index)) {
            --count_;
        }
        return;
    }
    NamedEntry* entry = find_named(key);
    if (!entry) return;
    --count_;
    entry->property = StoredProperty{Value(), Value(), StoredProperty::Absent};
    if (named_index_) named_index_->erase(key);
    // Compact once tombstones outnumber live entries: removal stays O(1) amortised.
    if (++named_tombstones_ * 2 > named_.size()) {
        std::erase_if(named_, [](const NamedEntry& e) { return e.property.flags & StoredProperty::Absent; });
        named_tombstones_ = 0;
        if (named_index_) rebuild_index();
    }
}

void PropertyStorage::rebuild_index()
{
    named_index_ = std::make_unique<std::unordered_map<PropertyKey, uint32_t, PropertyKey::Hash>>();
    for (uint32_t i = 0; i < named_.size(); ++i)
        if (!(named_[i].property.flags & StoredProperty::Absent)) named_index_->emplace(named_[i].key, i);
}

void PropertyStorage::append_array_index_keys(List<PropertyKey>& keys) const
{
    for (uint32_t i = 0; i < dense_.size(); ++i)
        if (!(dense_[i].flags & StoredProperty::Absent)) keys.append(PropertyKey::from_array_index(i));
    if (sparse_)
        for (const auto& [index, property] : *sparse_) keys.append(PropertyKey::from_array_index(index));
}

void PropertyStorage::append_string_keys(List<PropertyKey>& keys) const
{
    for (const NamedEntry& entry : named_)
        if (!(entry.property.flags & StoredProperty::Absent) && entry.key.is_string()) keys.append(entry.key);
}

void PropertyStorage::append_symbol_keys(List<PropertyKey>& keys) const
{
    for (const NamedEntry& entry : named_)
        if (!(entry.property.flags & StoredProperty::Absent) && entry.key.is_symbol()) keys.append(entry.key);
}

void PropertyStorage::visit_edges(Visitor& visitor) const
{
    auto visit = [&](const StoredProperty& p) {
        visitor.visit(p.value);
        visitor.visit(p.setter);
    };
    for (const StoredProperty& p : dense_) visit(p);
    if (sparse_)
        for (const auto& [index, property] : *sparse_) visit(property);
    for (const NamedEntry& entry : named_) {
        visitor.visit(entry.key);
        visit(entry.property);
    }
}

}  // namespace lockstep
