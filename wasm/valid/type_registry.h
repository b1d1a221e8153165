// Wasm 3.0 §4.2 / §2.2: iso-recursive type canonicalization and subtyping
// (SpecTec 2.1-validation.types, 2.2-validation.subtyping; 4.2-execution.types).
//
// Every defined type of every module is "closed" into a canonical id: two
// types get the same id exactly when their recursion groups are equal and
// they sit at the same position in them. Canonical types refer to other
// types by canonical id, so subtyping and casts need no module context.
#pragma once

#include "wasm/syntax/types.h"

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace lockstep::wasm {

class TypeRegistry {
public:
    // The process-wide registry (types are immutable and shared by all stores).
    static TypeRegistry& get();

    // Canonicalizes a module's rec groups; returns type index → canonical id.
    std::vector<uint32_t> add_module_types(const std::vector<RecType>& recs);

    const SubType& type(uint32_t id) const { return types_[id]; }
    // The canonical id's recursion group (for equality of groups).
    uint32_t group_of(uint32_t id) const { return group_[id]; }

    // Defined-type subtyping along declared supertypes (Subtype_ok chains).
    bool is_sub(uint32_t a, uint32_t b) const;

private:
    TypeRegistry() = default;
    std::mutex mutex_;                          // modules may be validated on several threads
    std::map<std::string, uint32_t> groups_;    // structural key of a rec group → its first id
    std::deque<SubType> types_;                 // stable references for FuncInst::type
    std::vector<uint32_t> group_;
};

// Closes a module-relative value/heap type with the module's canonical ids.
HeapType close_heap(const HeapType& h, const std::vector<uint32_t>& canon);
ValType close_val(const ValType& t, const std::vector<uint32_t>& canon);

// §2.2 Matching on closed types.
bool heap_matches(const HeapType& a, const HeapType& b);
bool val_matches(const ValType& a, const ValType& b);
bool vals_match(const std::vector<ValType>& a, const std::vector<ValType>& b);
// The top abstract heap type of a closed heap type (any, func, extern, exn).
AbsHeap top_heap(const HeapType& h);
// The bottom heap type of the hierarchy (none, nofunc, noextern, noexn).
AbsHeap bottom_heap(const HeapType& h);

}  // namespace lockstep::wasm
