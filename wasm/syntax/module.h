// Wasm 3.0 §2.5 Modules (SpecTec 1.4-syntax.modules): the abstract syntax a
// decoded module has. Function bodies are already pre-decoded into fixed-size
// instruction records (syntax/instructions.h).
#pragma once

#include "wasm/syntax/instructions.h"
#include "wasm/syntax/types.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lockstep::wasm {

// A block type: empty, one value type, or a type index.
struct BlockType {
    enum Kind : uint8_t { Empty, Value, Index } kind = Empty;
    ValType type{};
    uint32_t index = 0;
};

// A catch clause of try_table.
struct Catch {
    enum Kind : uint8_t { Catch_, CatchRef, CatchAll, CatchAllRef } kind = Catch_;
    uint32_t tag = 0;
    uint32_t label = 0;
};

// Immediates that do not fit the fixed record live in per-function pools;
// the record's `a`/`b` then index these vectors.
struct CodePools {
    std::vector<BlockType> block_types;           // block, loop, if, try_table: a = index
    std::vector<std::vector<uint32_t>> br_tables; // br_table: a = index (labels then default)
    std::vector<std::vector<ValType>> select_types;
    std::vector<ValType> ref_types;               // ref.null/test/cast, br_on_cast (b, c)
    std::vector<std::vector<Catch>> catches;      // try_table: b = index
    std::vector<std::array<uint8_t, 16>> v128s;
};

using Expr = std::vector<Instr>;  // ends with `end`

// Side tables that validation computes for execution (§9 of DESIGN.md):
// where a branch lands, how many values it carries, and the operand-stack
// height (relative to the frame's operand base) to unwind to.
struct BrTarget {
    uint32_t pc = 0, arity = 0, height = 0;
};
struct CatchTarget {
    Catch::Kind kind = Catch::CatchAll;
    uint32_t tag = 0;
    BrTarget target;
};
// A try_table's extent [start, end) in the instruction array and its
// handlers; for a legacy `try`, [start, end) is its body (up to the first
// catch or delegate), the catches jump to their bodies, and the caught
// exception is kept in a hidden local slot for `rethrow`.
struct TryRegion {
    uint32_t start = 0, end = 0;
    std::vector<CatchTarget> catches;
    bool legacy = false;
    uint32_t exn_slot = 0;                 // legacy: the hidden local holding the caught exception
    bool delegates = false;                // legacy `delegate l`
    uint32_t delegate_start = UINT32_MAX;  // the start pc of l's block; UINT32_MAX = the caller
};

struct Func {
    uint32_t type_index = 0;
    std::vector<ValType> locals;  // declared locals (not parameters)
    Expr body;
    CodePools pools;
    uint32_t body_offset = 0;     // byte offset, for diagnostics
    // Filled by validation:
    std::vector<BrTarget> br_targets;    // br_table: a = first, b = count (default last)
    std::vector<TryRegion> try_regions;  // innermost first
    uint32_t max_height = 0;             // the deepest operand stack
    uint32_t extra_slots = 0;            // hidden locals after the declared ones (legacy try)
};

// A constant expression (globals, offsets, element items) shares the code form.
struct ConstExpr {
    Expr code;
    CodePools pools;
};

struct Import {
    std::string module, name;
    ExternKind kind = ExternKind::Func;
    uint32_t type_index = 0;  // Func, Tag
    TableType table;
    MemType mem;
    GlobalType global;
};

struct Export {
    std::string name;
    ExternKind kind = ExternKind::Func;
    uint32_t index = 0;
};

struct Global {
    GlobalType type;
    ConstExpr init;
};

struct Table {
    TableType type;
    std::optional<ConstExpr> init;
};

enum class SegMode : uint8_t { Passive, Active, Declarative };

struct Elem {
    ValType type = ValType::ref(true, HeapType::abs(AbsHeap::Func));
    std::vector<ConstExpr> items;
    SegMode mode = SegMode::Passive;
    uint32_t table = 0;
    ConstExpr offset;
};

struct Data {
    std::vector<uint8_t> bytes;
    SegMode mode = SegMode::Passive;
    uint32_t memory = 0;
    ConstExpr offset;
};

struct Module {
    std::vector<RecType> rec_types;
    std::vector<SubType> types;       // flattened: type index → its subtype
    std::vector<uint32_t> type_rec;   // type index → index of its rec group
    std::vector<Import> imports;
    std::vector<uint32_t> func_types; // all functions (imports first): type index
    std::vector<Func> funcs;          // defined functions
    std::vector<TableType> table_types;  // imports first
    std::vector<Table> tables;
    std::vector<MemType> mem_types;      // imports first
    std::vector<GlobalType> global_types;// imports first
    std::vector<Global> globals;
    std::vector<uint32_t> tag_types;     // imports first
    std::vector<Export> exports;
    std::optional<uint32_t> start;
    std::vector<Elem> elems;
    std::vector<Data> datas;
    std::optional<uint32_t> data_count;
    // The custom "name" section (§ Appendix: Name section), if present and well-formed.
    std::optional<std::string> name;
    std::map<uint32_t, std::string> func_names;
    std::map<uint32_t, std::map<uint32_t, std::string>> local_names;
    // Filled by validation: type index → canonical type id (valid/type_registry.h).
    std::vector<uint32_t> type_canon;
    bool validated = false;
    uint32_t num_imported_funcs = 0, num_imported_tables = 0, num_imported_mems = 0,
             num_imported_globals = 0, num_imported_tags = 0;
};

}  // namespace lockstep::wasm
