// Iso-recursive canonicalization and subtyping (SpecTec 2.2-validation.subtyping).
#include "wasm/valid/type_registry.h"

#include "spec/step.h"

#include <map>
#include <mutex>
#include <string>

namespace lockstep::wasm {

TypeRegistry& TypeRegistry::get()
{
    static TypeRegistry registry;
    return registry;
}

namespace {

// A key for a rec group: references into the group are relative ("r"),
// references outside are canonical ids ("c").
void key_heap(std::string& k, const HeapType& h, uint32_t group_start, uint32_t group_size,
              const std::vector<uint32_t>& canon)
{
    if (!h.is_index()) {
        k += "a" + std::to_string(-h.code);
    } else if (static_cast<uint32_t>(h.code) >= group_start && static_cast<uint32_t>(h.code) < group_start + group_size) {
        k += "r" + std::to_string(h.code - group_start);
    } else if (static_cast<size_t>(h.code) < canon.size()) {
        k += "c" + std::to_string(canon[h.code]);
    } else {
        k += "u";  // an unknown type: validation rejects the module before using it
    }
}
void key_val(std::string& k, const ValType& t, uint32_t gs, uint32_t gn, const std::vector<uint32_t>& canon)
{
    k += static_cast<char>('0' + static_cast<int>(t.kind));
    if (t.is_ref()) {
        k += t.nullable ? 'n' : 'x';
        key_heap(k, t.heap, gs, gn, canon);
    }
    k += ',';
}

}  // namespace

std::vector<uint32_t> TypeRegistry::add_module_types(const std::vector<RecType>& recs)
{
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<uint32_t> canon;
    for (const RecType& rec : recs) {
        const uint32_t gs = static_cast<uint32_t>(canon.size());
        const uint32_t gn = static_cast<uint32_t>(rec.subs.size());
        std::string key;
        for (const SubType& s : rec.subs) {
            key += s.final ? "F" : "O";
            for (uint32_t sup : s.supers) {
                key += "s";
                key_heap(key, HeapType::idx(sup), gs, gn, canon);
            }
            key += "k" + std::to_string(static_cast<int>(s.comp.kind));
            for (auto& t : s.comp.func.params) key_val(key, t, gs, gn, canon);
            key += "->";
            for (auto& t : s.comp.func.results) key_val(key, t, gs, gn, canon);
            for (auto& f : s.comp.fields) {
                key += f.mut ? "m" : "i";
                key += static_cast<char>('0' + static_cast<int>(f.packed));
                key_val(key, f.type, gs, gn, canon);
            }
            key += ";";
        }
        auto it = groups_.find(key);
        uint32_t first;
        if (it != groups_.end()) {
            first = it->second;
        } else {
            first = static_cast<uint32_t>(types_.size());
            groups_.emplace(key, first);
            // Register the group with every reference closed to canonical ids.
            std::vector<uint32_t> local = canon;
            for (uint32_t i = 0; i < gn; ++i) local.push_back(first + i);
            for (const SubType& s : rec.subs) {
                SubType c = s;
                for (auto& sup : c.supers) sup = sup < local.size() ? local[sup] : 0;
                for (auto& t : c.comp.func.params) t = close_val(t, local);
                for (auto& t : c.comp.func.results) t = close_val(t, local);
                for (auto& f : c.comp.fields) f.type = close_val(f.type, local);
                types_.push_back(std::move(c));
                group_.push_back(first);
            }
        }
        for (uint32_t i = 0; i < gn; ++i) canon.push_back(first + i);
    }
    return canon;
}

bool TypeRegistry::is_sub(uint32_t a, uint32_t b) const
{
    // Declared supertype chains are acyclic (validation checks order), and
    // each step goes to a smaller or earlier id, so this loop terminates.
    for (uint32_t cur = a;;) {
        if (cur == b) return true;
        const SubType& s = types_[cur];
        if (s.supers.empty()) return false;
        cur = s.supers[0];
    }
}

HeapType close_heap(const HeapType& h, const std::vector<uint32_t>& canon)
{
    if (!h.is_index()) return h;
    if (static_cast<size_t>(h.code) >= canon.size()) return h;  // unknown: rejected by validation
    return HeapType::idx(canon[h.code]);
}

ValType close_val(const ValType& t, const std::vector<uint32_t>& canon)
{
    if (!t.is_ref()) return t;
    return ValType::ref(t.nullable, close_heap(t.heap, canon));
}

AbsHeap top_heap(const HeapType& h)
{
    if (h.is_index()) {
        const CompKind k = TypeRegistry::get().type(h.code).comp.kind;
        return k == CompKind::Func ? AbsHeap::Func : AbsHeap::Any;
    }
    switch (h.absh()) {
    case AbsHeap::Func: case AbsHeap::NoFunc: return AbsHeap::Func;
    case AbsHeap::Extern: case AbsHeap::NoExtern: return AbsHeap::Extern;
    case AbsHeap::Exn: case AbsHeap::NoExn: return AbsHeap::Exn;
    default: return AbsHeap::Any;
    }
}

AbsHeap bottom_heap(const HeapType& h)
{
    switch (top_heap(h)) {
    case AbsHeap::Func: return AbsHeap::NoFunc;
    case AbsHeap::Extern: return AbsHeap::NoExtern;
    case AbsHeap::Exn: return AbsHeap::NoExn;
    default: return AbsHeap::None;
    }
}

// Heaptype_sub decided in closed form: a chain of Heaptype_sub/trans steps
// is one comparison here (none <: i31 <: eq <: any …).
bool heap_matches(const HeapType& a, const HeapType& b)
{
    if (a == b) {
        RULE("Heaptype_sub/refl");
        return true;
    }
    if (!a.is_index() && a.absh() == AbsHeap::Bot) {
        RULE("Heaptype_sub/bot");
        return true;
    }
    if (a.is_index() && b.is_index()) {
        // Defined types (the registry's canonical ids): reflexive, or up the declared supertypes.
        RULE("Heaptype_sub/def");
        RULE("Deftype_sub/refl");
        RULE("Deftype_sub/super");
        return TypeRegistry::get().is_sub(a.code, b.code);
    }
    if (a.is_index()) {
        const CompKind k = TypeRegistry::get().type(a.code).comp.kind;
        switch (b.absh()) {
        case AbsHeap::Func: RULE("Heaptype_sub/func"); return k == CompKind::Func;
        case AbsHeap::Struct: RULE("Heaptype_sub/struct"); return k == CompKind::Struct;
        case AbsHeap::Array: RULE("Heaptype_sub/array"); return k == CompKind::Array;
        case AbsHeap::Eq: case AbsHeap::Any:
            RULE(k == CompKind::Struct ? "Heaptype_sub/struct" : "Heaptype_sub/array");
            RULE(k == CompKind::Struct ? "Heaptype_sub/struct-eq" : "Heaptype_sub/array-eq");
            if (b.absh() == AbsHeap::Any) RULE("Heaptype_sub/eq-any");
            RULE("Heaptype_sub/trans");
            return k != CompKind::Func;
        default: return false;
        }
    }
    const AbsHeap x = a.absh();
    if (b.is_index()) {
        const CompKind k = TypeRegistry::get().type(b.code).comp.kind;
        RULE(x == AbsHeap::None ? "Heaptype_sub/none" : "Heaptype_sub/nofunc");
        return (x == AbsHeap::None && k != CompKind::Func) || (x == AbsHeap::NoFunc && k == CompKind::Func);
    }
    const AbsHeap y = b.absh();
    switch (x) {
    case AbsHeap::None:
        RULE("Heaptype_sub/none");
        return y == AbsHeap::I31 || y == AbsHeap::Struct || y == AbsHeap::Array || y == AbsHeap::Eq || y == AbsHeap::Any;
    case AbsHeap::I31: case AbsHeap::Struct: case AbsHeap::Array:
        RULE(x == AbsHeap::I31      ? "Heaptype_sub/i31-eq"
             : x == AbsHeap::Struct ? "Heaptype_sub/struct-eq"
                                    : "Heaptype_sub/array-eq");
        if (y == AbsHeap::Any) {
            RULE("Heaptype_sub/eq-any");
            RULE("Heaptype_sub/trans");
        }
        return y == AbsHeap::Eq || y == AbsHeap::Any;
    case AbsHeap::Eq: RULE("Heaptype_sub/eq-any"); return y == AbsHeap::Any;
    case AbsHeap::NoFunc: RULE("Heaptype_sub/nofunc"); return y == AbsHeap::Func;
    case AbsHeap::NoExtern: RULE("Heaptype_sub/noextern"); return y == AbsHeap::Extern;
    case AbsHeap::NoExn: RULE("Heaptype_sub/noexn"); return y == AbsHeap::Exn;
    default: return false;
    }
}

bool val_matches(const ValType& a, const ValType& b)
{
    if (a.kind == ValKind::Bot) {
        RULE("Valtype_sub/bot");
        return true;
    }
    if (a.kind != b.kind) return false;
    if (!a.is_ref()) {
        RULE(a.kind == ValKind::V128 ? "Valtype_sub/vec" : "Valtype_sub/num");
        RULE(a.kind == ValKind::V128 ? "Vectype_sub" : "Numtype_sub");
        return true;
    }
    RULE("Valtype_sub/ref");
    if (a.nullable && !b.nullable) return false;
    RULE(b.nullable ? "Reftype_sub/null" : "Reftype_sub/nonnull");
    return heap_matches(a.heap, b.heap);
}

bool vals_match(const std::vector<ValType>& a, const std::vector<ValType>& b)
{
    RULE("Resulttype_sub");
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!val_matches(a[i], b[i])) return false;
    return true;
}

std::string to_string(const ValType& t)
{
    switch (t.kind) {
    case ValKind::I32: return "i32";
    case ValKind::I64: return "i64";
    case ValKind::F32: return "f32";
    case ValKind::F64: return "f64";
    case ValKind::V128: return "v128";
    case ValKind::Bot: return "bot";
    case ValKind::Ref: break;
    }
    static const char* kNames[] = {"", "func", "extern", "any", "eq", "i31", "struct", "array", "exn",
                                   "none", "nofunc", "noextern", "noexn", "bot"};
    std::string h = t.heap.is_index() ? std::to_string(t.heap.code) : kNames[-t.heap.code];
    return std::string("(ref ") + (t.nullable ? "null " : "") + h + ")";
}

}  // namespace lockstep::wasm
