// Wasm 3.0 §2.3 Types (SpecTec 1.2-syntax.types): number, vector and
// reference types, composite/sub/recursive types, limits, external types.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lockstep::wasm {

// Abstract heap types carry negative codes; a non-negative code is a type
// index (in a module's AST) or a canonical type id (once validation has
// "closed" the type against the process-wide TypeRegistry).
enum class AbsHeap : int32_t {
    Func = -1, Extern = -2, Any = -3, Eq = -4, I31 = -5, Struct = -6, Array = -7,
    Exn = -8, None = -9, NoFunc = -10, NoExtern = -11, NoExn = -12, Bot = -13,
};

struct HeapType {
    int32_t code = static_cast<int32_t>(AbsHeap::Func);
    static HeapType abs(AbsHeap a) { return HeapType{static_cast<int32_t>(a)}; }
    static HeapType idx(uint32_t i) { return HeapType{static_cast<int32_t>(i)}; }
    bool is_index() const { return code >= 0; }
    AbsHeap absh() const { return static_cast<AbsHeap>(code); }
    bool operator==(const HeapType&) const = default;
};

enum class ValKind : uint8_t { I32, I64, F32, F64, V128, Ref, Bot };

struct ValType {
    ValKind kind = ValKind::I32;
    bool nullable = false;
    HeapType heap{};
    static ValType num(ValKind k) { return ValType{k, false, {}}; }
    static ValType ref(bool null, HeapType h) { return ValType{ValKind::Ref, null, h}; }
    bool is_num() const { return kind <= ValKind::F64; }
    bool is_ref() const { return kind == ValKind::Ref; }
    bool operator==(const ValType& o) const
    {
        return kind == o.kind && (kind != ValKind::Ref || (nullable == o.nullable && heap == o.heap));
    }
};

inline const ValType kI32 = ValType::num(ValKind::I32);
inline const ValType kI64 = ValType::num(ValKind::I64);
inline const ValType kF32 = ValType::num(ValKind::F32);
inline const ValType kF64 = ValType::num(ValKind::F64);
inline const ValType kV128 = ValType::num(ValKind::V128);
inline const ValType kBot = ValType{ValKind::Bot, false, {}};

// Storage types of struct fields and array elements: a value type or a packed type.
enum class Packed : uint8_t { None, I8, I16 };
struct FieldType {
    ValType type;          // unpacked (i32 for packed fields)
    Packed packed = Packed::None;
    bool mut = false;
};

struct FuncType {
    std::vector<ValType> params, results;
};

enum class CompKind : uint8_t { Func, Struct, Array };
struct CompType {
    CompKind kind = CompKind::Func;
    FuncType func;
    std::vector<FieldType> fields;  // struct fields, or the single array field
};

struct SubType {
    bool final = true;
    std::vector<uint32_t> supers;  // type indices (module) or canonical ids (registry)
    CompType comp;
};

struct RecType {
    std::vector<SubType> subs;
};

enum class AddrType : uint8_t { I32, I64 };
struct Limits {
    AddrType at = AddrType::I32;
    uint64_t min = 0;
    bool has_max = false;
    uint64_t max = 0;
};

struct TableType {
    Limits limits;
    ValType elem = ValType::ref(true, HeapType::abs(AbsHeap::Func));
};
struct MemType {
    Limits limits;
    bool shared = false;
};
struct GlobalType {
    ValType type;
    bool mut = false;
};
struct TagType {
    uint32_t type_index = 0;  // a function type (results must be empty)
};

enum class ExternKind : uint8_t { Func = 0, Table = 1, Mem = 2, Global = 3, Tag = 4 };

std::string to_string(const ValType& t);

}  // namespace lockstep::wasm
