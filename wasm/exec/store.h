// Wasm 3.0 §4.2 Runtime structure: the store and its instances
// (SpecTec 4.0-execution.configurations: store, funcinst, tableinst, meminst,
// globalinst, taginst, eleminst, datainst, structinst, arrayinst, exninst,
// moduleinst).
//
// Ownership: the store owns every instance it allocates (std::deque keeps
// addresses stable) and GC objects live until the store dies. This is the
// small interface that moves onto the shared collected heap (runtime/) later:
// only Store::alloc_* create them.
#pragma once

#include "wasm/exec/value.h"
#include "wasm/syntax/module.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lockstep::wasm {

struct ModuleInst;

// Implementation limits on sizes that Wasm operands choose (Wasm 3.0
// Appendix, Implementation Limitations: "the size of an array instance",
// "the size of a table instance"). An array allocation beyond them traps
// with "out of memory"; a table grows no further (table.grow returns -1).
inline constexpr uint64_t kMaxArrayLength = uint64_t{1} << 26;  // elements: 1 GiB of 16-byte slots
inline constexpr uint64_t kMaxTableSize = uint64_t{1} << 24;    // elements

struct ExnInst;

// A host function's outcome: results, a trap message, or an exception the
// host throws into Wasm (the JS API's host functions throw a JS exception
// as a Wasm exception: a Wasm handler can catch it, as `throw` would).
struct HostResult {
    std::vector<Value> results;
    std::string trap;            // empty: no trap
    ExnInst* exception = nullptr;  // not null: the host threw this exception
};
using HostFunc = std::function<HostResult(const std::vector<Value>& args)>;

struct FuncInst {
    uint32_t type_id = 0;           // canonical type id
    const FuncType* type = nullptr; // the canonical function type
    ModuleInst* module = nullptr;
    const Func* code = nullptr;     // null for host functions
    HostFunc host;
};

struct TableInst {
    TableType type;  // closed
    std::vector<Ref> elems;
};

// Linear memory: a reservation of virtual memory that is committed on touch,
// so growing never moves the bytes.
struct MemInst {
    MemType type;
    uint8_t* data = nullptr;
    uint64_t size = 0;       // bytes
    uint64_t reserved = 0;   // bytes mapped
    MemInst() = default;
    MemInst(const MemInst&) = delete;
    MemInst& operator=(const MemInst&) = delete;
    ~MemInst();
    // Allocates `pages` pages; false if the implementation cannot.
    bool init(const MemType& t);
    // Grows by `delta` pages; false on failure (the limit or the implementation).
    bool grow(uint64_t delta);
    uint64_t pages() const { return size / 65536; }
};

struct GlobalInst {
    GlobalType type;  // closed
    Value value;
};

struct TagInst {
    uint32_t type_id = 0;
    const FuncType* type = nullptr;
};

struct ElemInst {
    ValType type;
    std::vector<Ref> refs;
};

struct DataInst {
    std::vector<uint8_t> bytes;
};

// Struct and array instances: fields (or elements) as values; packed
// fields hold their wrapped i32.
struct GcObject {
    uint32_t type_id = 0;
    std::vector<Value> fields;
};

// A value as a field of type `f` stores it: packed fields hold the wrapped i32.
inline Value pack(const Value& v, const FieldType& f)
{
    if (f.packed == Packed::I8) return Value::from_i32(v.i32 & 0xFF);
    if (f.packed == Packed::I16) return Value::from_i32(v.i32 & 0xFFFF);
    return v;
}

struct ExnInst {
    TagInst* tag = nullptr;
    std::vector<Value> fields;
};

struct ExternVal {
    ExternKind kind = ExternKind::Func;
    void* addr = nullptr;
    FuncInst* func() const { return static_cast<FuncInst*>(addr); }
    TableInst* table() const { return static_cast<TableInst*>(addr); }
    MemInst* mem() const { return static_cast<MemInst*>(addr); }
    GlobalInst* global() const { return static_cast<GlobalInst*>(addr); }
    TagInst* tag() const { return static_cast<TagInst*>(addr); }
};

struct ModuleInst {
    std::shared_ptr<Module> module;  // keeps code and pools alive
    std::vector<uint32_t> types;     // canonical ids
    std::vector<FuncInst*> funcs;
    std::vector<TableInst*> tables;
    std::vector<MemInst*> mems;
    std::vector<GlobalInst*> globals;
    std::vector<TagInst*> tags;
    std::vector<ElemInst*> elems;
    std::vector<DataInst*> datas;
    std::map<std::string, ExternVal> exports;
};

class Store {
public:
    FuncInst* alloc_func() { return &funcs_.emplace_back(); }
    TableInst* alloc_table() { return &tables_.emplace_back(); }
    MemInst* alloc_mem() { return &mems_.emplace_back(); }
    GlobalInst* alloc_global() { return &globals_.emplace_back(); }
    TagInst* alloc_tag() { return &tags_.emplace_back(); }
    ElemInst* alloc_elem() { return &elems_.emplace_back(); }
    DataInst* alloc_data() { return &datas_.emplace_back(); }
    // A struct or array instance of `n` fields (elements), all `init`; null
    // when `n` exceeds kMaxArrayLength or the storage would exceed the GC
    // budget (the store never frees GC objects: the budget bounds the heap).
    GcObject* alloc_object(uint32_t type_id, uint64_t n, Value init = Value())
    {
        const uint64_t bytes = n * sizeof(Value);
        if (n > kMaxArrayLength || bytes > gc_budget_ - gc_bytes_) return nullptr;
        GcObject& o = objects_.emplace_back();
        o.type_id = type_id;
        o.fields.assign(n, init);
        gc_bytes_ += bytes;
        return &o;
    }
    // Bytes of GC object storage the store may hand out (default: 4 GiB).
    void set_gc_budget(uint64_t bytes) { gc_budget_ = std::max(bytes, gc_bytes_); }
    ExnInst* alloc_exn() { return &exns_.emplace_back(); }
    ModuleInst* alloc_module() { return &modules_.emplace_back(); }

    // The embedder's hook after a memory.grow instruction grew a memory (the
    // JS API refreshes the buffer of the memory's Memory object); may be empty.
    std::function<void(MemInst*)> memory_grown;

private:
    std::deque<FuncInst> funcs_;
    std::deque<TableInst> tables_;
    std::deque<MemInst> mems_;
    std::deque<GlobalInst> globals_;
    std::deque<TagInst> tags_;
    std::deque<ElemInst> elems_;
    std::deque<DataInst> datas_;
    std::deque<GcObject> objects_;
    std::deque<ExnInst> exns_;
    std::deque<ModuleInst> modules_;
    uint64_t gc_budget_ = uint64_t{4} << 30;
    uint64_t gc_bytes_ = 0;
};

}  // namespace lockstep::wasm
