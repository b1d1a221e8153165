// Wasm 3.0 §3 Validation (SpecTec 2.3-validation.instructions,
// 2.4-validation.modules), following the spec appendix's algorithm: an
// operand stack of value types (⊥ for unknown in unreachable code) and a
// control stack of frames.
//
// A rejected module unwinds with a private exception caught once in
// validate_module (the checks are judgments, not spec completions).
#include "wasm/valid/validator.h"

#include "spec/step.h"
#include "wasm/valid/type_registry.h"

#include <set>
#include <string>
#include <unordered_set>

namespace lockstep::wasm {

namespace {

struct Invalid {
    std::string message;
    const Func* in = nullptr;  // the function whose body is invalid, if any
};
[[noreturn]] void invalid(const std::string& m) { throw Invalid{m}; }

bool defaultable(const ValType& t)
{
    const bool has_default = !t.is_ref() || t.nullable;  // $default_(t) is not eps
    RULE(has_default ? "Defaultable" : "Nondefaultable");
    return has_default;
}

ValType val_of_char(char c)
{
    switch (c) {
    case 'i': return kI32;
    case 'I': return kI64;
    case 'f': return kF32;
    case 'F': return kF64;
    default: return kV128;
    }
}

ValType addr_val(AddrType at) { return at == AddrType::I64 ? kI64 : kI32; }

// The SpecTec rule that types an instruction of the table's signature column
// (Instr_ok/const, unop, …, load-pack, vcvtop …), read off its mnemonic.
enum class Typing : uint8_t {
    Const, Unop, Binop, Testop, Relop, Cvtop, LoadVal, LoadPack, StoreVal, StorePack,
    VloadVal, VloadPack, VloadSplat, VloadZero, VloadLane, Vstore, VstoreLane,
    Vconst, Vvunop, Vvbinop, Vvternop, Vvtestop, Vunop, Vbinop, Vternop, Vtestop, Vrelop, Vshiftop,
    Vbitmask, Vswizzlop, Vshuffle, Vsplat, VextractLane, VreplaceLane, Vextunop, Vextbinop, Vextternop,
    Vnarrow, Vcvtop,
};

Typing typing_of(const OpInfo& info)
{
    const std::string_view m = info.mnemonic;
    const std::string_view sig = info.sig;
    const std::string_view op = m.substr(m.find('.') + 1);
    auto has = [&](std::string_view part) { return op.find(part) != std::string_view::npos; };
    const bool relop = op == "eq" || op == "ne" || op.starts_with("lt") || op.starts_with("gt") ||
                       op.starts_with("le") || op.starts_with("ge");
    if (!m.starts_with("v128") && m[3] == '.') {  // i32. i64. f32. f64.
        if (info.imm == Imm::MemArg) {
            // "a:i2" loads, "ai:2" stores; packed when the access is narrower than the type.
            const bool load = sig[1] == ':';
            const char type = load ? sig[2] : sig[1];
            const int natural = (type == 'i' || type == 'f') ? 2 : 3;
            const bool pack = sig.back() - '0' < natural;
            return load ? (pack ? Typing::LoadPack : Typing::LoadVal) : (pack ? Typing::StorePack : Typing::StoreVal);
        }
        if (op == "const") return Typing::Const;
        if (op == "eqz") return Typing::Testop;
        if (relop) return Typing::Relop;
        const std::size_t colon = sig.find(':');
        if (colon == 1) return sig[0] == sig[2] ? Typing::Unop : Typing::Cvtop;
        return Typing::Binop;
    }
    if (info.imm == Imm::MemArg) {
        if (op == "load") return Typing::VloadVal;
        if (op == "store") return Typing::Vstore;
        if (has("splat")) return Typing::VloadSplat;
        if (has("zero")) return Typing::VloadZero;
        return Typing::VloadPack;  // load8x8_s …
    }
    if (info.imm == Imm::MemArgLane) return has("load") ? Typing::VloadLane : Typing::VstoreLane;
    if (op == "const") return Typing::Vconst;
    if (op == "not") return Typing::Vvunop;
    if (op == "and" || op == "andnot" || op == "or" || op == "xor") return Typing::Vvbinop;
    if (op == "bitselect") return Typing::Vvternop;
    if (op == "any_true") return Typing::Vvtestop;
    if (op == "all_true") return Typing::Vtestop;
    if (op == "bitmask") return Typing::Vbitmask;
    if (op == "shuffle") return Typing::Vshuffle;
    if (has("swizzle")) return Typing::Vswizzlop;
    if (op == "splat") return Typing::Vsplat;
    if (has("extract_lane")) return Typing::VextractLane;
    if (op == "replace_lane") return Typing::VreplaceLane;
    if (has("narrow")) return Typing::Vnarrow;
    if (op.starts_with("sh")) return Typing::Vshiftop;
    if (has("extend_") || has("extadd")) return Typing::Vextunop;
    if (has("dot") && has("add")) return Typing::Vextternop;
    if (has("extmul") || has("dot")) return Typing::Vextbinop;
    if (has("trunc_sat") || has("relaxed_trunc") || has("convert") || has("demote") || has("promote"))
        return Typing::Vcvtop;
    if (has("madd") || has("laneselect")) return Typing::Vternop;
    if (relop) return Typing::Vrelop;
    return sig == "v:v" ? Typing::Vunop : Typing::Vbinop;
}

void mark_typing_rule(Typing t)
{
    switch (t) {
    case Typing::Const: RULE("Instr_ok/const"); return;
    case Typing::Unop: RULE("Instr_ok/unop"); return;
    case Typing::Binop: RULE("Instr_ok/binop"); return;
    case Typing::Testop: RULE("Instr_ok/testop"); return;
    case Typing::Relop: RULE("Instr_ok/relop"); return;
    case Typing::Cvtop: RULE("Instr_ok/cvtop"); return;
    case Typing::LoadVal: RULE("Instr_ok/load-val"); return;
    case Typing::LoadPack: RULE("Instr_ok/load-pack"); return;
    case Typing::StoreVal: RULE("Instr_ok/store-val"); return;
    case Typing::StorePack: RULE("Instr_ok/store-pack"); return;
    case Typing::VloadVal: RULE("Instr_ok/vload-val"); return;
    case Typing::VloadPack: RULE("Instr_ok/vload-pack"); return;
    case Typing::VloadSplat: RULE("Instr_ok/vload-splat"); return;
    case Typing::VloadZero: RULE("Instr_ok/vload-zero"); return;
    case Typing::VloadLane: RULE("Instr_ok/vload_lane"); return;
    case Typing::Vstore: RULE("Instr_ok/vstore"); return;
    case Typing::VstoreLane: RULE("Instr_ok/vstore_lane"); return;
    case Typing::Vconst: RULE("Instr_ok/vconst"); return;
    case Typing::Vvunop: RULE("Instr_ok/vvunop"); return;
    case Typing::Vvbinop: RULE("Instr_ok/vvbinop"); return;
    case Typing::Vvternop: RULE("Instr_ok/vvternop"); return;
    case Typing::Vvtestop: RULE("Instr_ok/vvtestop"); return;
    case Typing::Vunop: RULE("Instr_ok/vunop"); return;
    case Typing::Vbinop: RULE("Instr_ok/vbinop"); return;
    case Typing::Vternop: RULE("Instr_ok/vternop"); return;
    case Typing::Vtestop: RULE("Instr_ok/vtestop"); return;
    case Typing::Vrelop: RULE("Instr_ok/vrelop"); return;
    case Typing::Vshiftop: RULE("Instr_ok/vshiftop"); return;
    case Typing::Vbitmask: RULE("Instr_ok/vbitmask"); return;
    case Typing::Vswizzlop: RULE("Instr_ok/vswizzlop"); return;
    case Typing::Vshuffle: RULE("Instr_ok/vshuffle"); return;
    case Typing::Vsplat: RULE("Instr_ok/vsplat"); return;
    case Typing::VextractLane: RULE("Instr_ok/vextract_lane"); return;
    case Typing::VreplaceLane: RULE("Instr_ok/vreplace_lane"); return;
    case Typing::Vextunop: RULE("Instr_ok/vextunop"); return;
    case Typing::Vextbinop: RULE("Instr_ok/vextbinop"); return;
    case Typing::Vextternop: RULE("Instr_ok/vextternop"); return;
    case Typing::Vnarrow: RULE("Instr_ok/vnarrow"); return;
    case Typing::Vcvtop: RULE("Instr_ok/vcvtop"); return;
    }
}

// The module-level context C (SpecTec 2.0-validation.contexts).
struct Context {
    Module& m;
    std::vector<uint32_t> canon;
    std::unordered_set<uint32_t> refs;  // C.refs: function indices declared outside function bodies
    uint32_t globals_visible = 0;       // globals usable in constant expressions so far

    explicit Context(Module& mod) : m(mod) {}

    // C.TYPES[typeidx], unrolled to its subtype: the comptype is its expansion (Expand).
    const SubType& def(uint32_t typeidx) const
    {
        if (typeidx >= canon.size()) invalid("unknown type " + std::to_string(typeidx));
        RULE("Expand");
        return TypeRegistry::get().type(canon[typeidx]);
    }
    const FuncType& func_type_at(uint32_t typeidx) const
    {
        const SubType& s = def(typeidx);
        RULE("Expand_use/typeidx");
        if (s.comp.kind != CompKind::Func) invalid("type mismatch: not a function type");
        return s.comp.func;
    }
    const FuncType& func(uint32_t funcidx) const
    {
        if (funcidx >= m.func_types.size()) invalid("unknown function " + std::to_string(funcidx));
        return func_type_at(m.func_types[funcidx]);
    }
    // Valtype_ok, with the type index resolved to its defined type.
    ValType close(const ValType& t) const
    {
        if (!t.is_ref()) {
            RULE(t.kind == ValKind::V128 ? "Valtype_ok/vec" : "Valtype_ok/num");
            RULE(t.kind == ValKind::V128 ? "Vectype_ok" : "Numtype_ok");
            return t;
        }
        RULE("Valtype_ok/ref");
        RULE("Reftype_ok");
        if (t.heap.is_index()) {
            RULE("Heaptype_ok/typeuse");
            RULE("Typeuse_ok/typeidx");
            if (static_cast<size_t>(t.heap.code) >= canon.size()) invalid("unknown type " + std::to_string(t.heap.code));
        } else {
            RULE("Heaptype_ok/abs");
        }
        return close_val(t, canon);
    }
    HeapType close(const HeapType& h) const { return close(ValType::ref(true, h)).heap; }
    const TableType& table(uint32_t i) const
    {
        if (i >= m.table_types.size()) invalid("unknown table " + std::to_string(i));
        return m.table_types[i];
    }
    const MemType& mem(uint32_t i) const
    {
        if (i >= m.mem_types.size()) invalid("unknown memory " + std::to_string(i));
        return m.mem_types[i];
    }
    const GlobalType& global(uint32_t i) const
    {
        if (i >= m.global_types.size()) invalid("unknown global " + std::to_string(i));
        return m.global_types[i];
    }
    const FuncType& tag(uint32_t i) const
    {
        if (i >= m.tag_types.size()) invalid("unknown tag " + std::to_string(i));
        return func_type_at(m.tag_types[i]);
    }
    const Elem& elem(uint32_t i) const
    {
        if (i >= m.elems.size()) invalid("unknown elem segment " + std::to_string(i));
        return m.elems[i];
    }
    void data(uint32_t i) const
    {
        if (!m.data_count || i >= *m.data_count) invalid("unknown data segment " + std::to_string(i));
    }
};

enum class FixupKind : uint8_t { InstrA, BrTarget, Catch };
struct Fixup {
    FixupKind kind;
    uint32_t index;   // instruction, br_targets entry, or try region
    uint32_t sub = 0; // catch index
};

struct Frame {
    Op op = Op::Block;
    std::vector<ValType> params, results;
    uint32_t height = 0;
    bool unreachable = false;
    uint32_t start_pc = 0;
    size_t init_height = 0;
    std::vector<Fixup> fixups;
    uint32_t region = 0;  // try_table: its TryRegion
    uint32_t if_pc = 0;   // if: the `if` instruction (patched at else/end)
    bool saw_else = false;
};

class FuncValidator {
public:
    FuncValidator(Context& c, Expr& code, CodePools& pools, Func* func) : c_(c), code_(code), pools_(pools), func_(func) {}

    void run_function(const FuncType& type, const std::vector<ValType>& locals);
    void run_const(const ValType& expected);

private:
    // ---- operand stack ----
    void push(const ValType& t)
    {
        vals_.push_back(t);
        if (func_ && vals_.size() > func_->max_height) func_->max_height = static_cast<uint32_t>(vals_.size());
    }
    void push(const std::vector<ValType>& ts)
    {
        for (auto& t : ts) push(t);
    }
    ValType pop()
    {
        Frame& f = ctrls_.back();
        if (vals_.size() == f.height) {
            if (f.unreachable) return kBot;
            invalid("type mismatch: instruction requires an operand but stack is empty");
        }
        ValType t = vals_.back();
        vals_.pop_back();
        return t;
    }
    ValType pop(const ValType& expected)
    {
        const Frame& f = ctrls_.back();
        if (vals_.size() == f.height && !f.unreachable)
            invalid("type mismatch: instruction requires [" + to_string(expected) + "] but stack has []");
        ValType actual = pop();
        RULE("Instrs_ok/sub");  // the operand's type may be a subtype of the one expected
        if (!val_matches(actual, expected))
            invalid("type mismatch: instruction requires [" + to_string(expected) + "] but stack has [" +
                    to_string(actual) + "]");
        return actual;
    }
    void pop(const std::vector<ValType>& ts)
    {
        for (size_t i = ts.size(); i-- > 0;) pop(ts[i]);
    }
    // A reference operand: ⊥ reads as (ref null bot).
    ValType pop_ref()
    {
        ValType t = pop();
        if (t.kind == ValKind::Bot) return ValType::ref(true, HeapType::abs(AbsHeap::Bot));
        if (!t.is_ref()) invalid("type mismatch: reference expected");
        return t;
    }
    // ---- control stack ----
    void push_ctrl(Op op, std::vector<ValType> in, std::vector<ValType> out, uint32_t pc)
    {
        Frame f;
        f.op = op;
        f.params = std::move(in);
        f.results = std::move(out);
        f.height = static_cast<uint32_t>(vals_.size());
        f.start_pc = pc;
        f.init_height = inits_.size();
        ctrls_.push_back(std::move(f));
        push(ctrls_.back().params);
    }
    Frame pop_ctrl()
    {
        if (ctrls_.empty()) invalid("type mismatch");
        Frame& f = ctrls_.back();
        pop(f.results);
        if (vals_.size() != f.height) {
            std::string extra;
            for (size_t i = f.height; i < vals_.size(); ++i) extra += (extra.empty() ? "" : " ") + to_string(vals_[i]);
            invalid("type mismatch: block requires [] but stack has [" + extra + "]");
        }
        // Locals initialized inside the block are uninitialized again after it.
        while (inits_.size() > f.init_height) {
            local_init_[inits_.back()] = false;
            inits_.pop_back();
        }
        Frame out = std::move(f);
        ctrls_.pop_back();
        return out;
    }
    const std::vector<ValType>& label_types(const Frame& f) const { return f.op == Op::Loop ? f.params : f.results; }
    void set_unreachable()
    {
        Frame& f = ctrls_.back();
        vals_.resize(f.height);
        f.unreachable = true;
    }
    Frame& label_frame(uint32_t l)
    {
        if (l >= ctrls_.size()) invalid("unknown label " + std::to_string(l));
        return ctrls_[ctrls_.size() - 1 - l];
    }
    // Resolves label l into a branch target; forward targets are patched at `end`.
    BrTarget target_of(uint32_t l, Fixup fix)
    {
        Frame& f = label_frame(l);
        BrTarget t;
        t.arity = static_cast<uint32_t>(label_types(f).size());
        t.height = f.height;
        if (f.op == Op::Loop) {
            t.pc = f.start_pc + 1;
        } else {
            f.fixups.push_back(fix);
        }
        return t;
    }
    void branch_instr(uint32_t pc, uint32_t l)
    {
        const BrTarget t = target_of(l, Fixup{FixupKind::InstrA, pc});
        Instr& in = code_[pc];
        if (label_frame(l).op == Op::Loop) in.a = t.pc;
        in.c = (uint64_t{t.height} << 32) | t.arity;
    }
    void patch(const Frame& f, uint32_t end_pc)
    {
        for (const Fixup& fx : f.fixups) {
            switch (fx.kind) {
            case FixupKind::InstrA: code_[fx.index].a = end_pc; break;
            case FixupKind::BrTarget: func_->br_targets[fx.index].pc = end_pc; break;
            case FixupKind::Catch: func_->try_regions[fx.index].catches[fx.sub].target.pc = end_pc; break;
            }
        }
    }

    void block_sig(const BlockType& bt, std::vector<ValType>& in, std::vector<ValType>& out)
    {
        switch (bt.kind) {
        case BlockType::Empty: RULE("Blocktype_ok/valtype"); break;
        case BlockType::Value: RULE("Blocktype_ok/valtype"); out.push_back(c_.close(bt.type)); break;
        case BlockType::Index: {
            RULE("Blocktype_ok/typeidx");
            const FuncType& ft = c_.func_type_at(bt.index);
            in = ft.params;
            out = ft.results;
        }
        }
    }
    void local_check(uint32_t i) const
    {
        if (i >= locals_.size()) invalid("unknown local " + std::to_string(i));
    }
    void memarg(const Instr& in, const std::string& sig, AddrType& at)
    {
        RULE("Memarg_ok");
        const MemType& mt = c_.mem(in.b);
        at = mt.limits.at;
        const uint32_t natural = static_cast<uint32_t>(sig.back() - '0');
        if (in.a > natural) invalid("alignment must not be larger than natural");
        if (at == AddrType::I32 && in.c > 0xFFFFFFFFull) invalid("offset out of range");
    }
    const CompType& struct_type(uint32_t x)
    {
        RULE("Expand_use/typeidx");
        const SubType& s = c_.def(x);
        if (s.comp.kind != CompKind::Struct) invalid("type mismatch: not a struct type");
        return s.comp;
    }
    const FieldType& array_field(uint32_t x)
    {
        RULE("Expand_use/typeidx");
        const SubType& s = c_.def(x);
        if (s.comp.kind != CompKind::Array) invalid("type mismatch: not an array type");
        return s.comp.fields[0];
    }
    ValType ref_to(uint32_t x, bool null) { return ValType::ref(null, HeapType::idx(c_.canon[x])); }
    void call(const FuncType& ft)
    {
        pop(ft.params);
        push(ft.results);
    }
    void return_call(const FuncType& ft)
    {
        if (!vals_match(ft.results, results_)) invalid("type mismatch: tail call results");
        pop(ft.params);
        set_unreachable();
    }
    void instr(uint32_t pc);
    void const_instr_check(const Instr& in);

    Context& c_;
    Expr& code_;
    CodePools& pools_;
    Func* func_;  // null for constant expressions
    std::vector<ValType> vals_;
    std::vector<Frame> ctrls_;
    std::vector<ValType> locals_;
    std::vector<bool> local_init_;
    std::vector<uint32_t> inits_;
    std::vector<ValType> results_;
    bool const_mode_ = false;
};

void FuncValidator::run_function(const FuncType& type, const std::vector<ValType>& locals)
{
    RULE("Func_ok");
    locals_ = type.params;
    for (auto& l : locals) locals_.push_back(c_.close(l));
    local_init_.assign(locals_.size(), true);
    for (size_t i = type.params.size(); i < locals_.size(); ++i) {
        local_init_[i] = defaultable(locals_[i]);
        RULE(local_init_[i] ? "Local_ok/set" : "Local_ok/unset");
    }
    results_ = type.results;
    RULE("Expr_ok");
    push_ctrl(Op::Block, {}, type.results, 0);
    for (uint32_t pc = 0; pc < code_.size(); ++pc) {
        if (ctrls_.empty()) invalid("unexpected content after function end");
        RULE("Instrs_ok/seq");
        instr(pc);
    }
    if (!ctrls_.empty()) invalid("unexpected end of function");
}

void FuncValidator::run_const(const ValType& expected)
{
    const_mode_ = true;
    RULE("Expr_ok_const");
    RULE("Expr_ok");
    RULE("Expr_const");
    push_ctrl(Op::Block, {}, {expected}, 0);
    for (uint32_t pc = 0; pc < code_.size(); ++pc) {
        if (ctrls_.empty()) invalid("unexpected content after expression end");
        RULE("Instrs_ok/seq");
        const_instr_check(code_[pc]);
        instr(pc);
    }
    if (!ctrls_.empty()) invalid("unexpected end of expression");
}

// §3.4.13 Constant expressions (Instr_const).
void FuncValidator::const_instr_check(const Instr& in)
{
    switch (in.op) {
    case Op::End: return;
    case Op::I32Const: case Op::I64Const: case Op::F32Const: case Op::F64Const: RULE("Instr_const/const"); return;
    case Op::V128Const: RULE("Instr_const/vconst"); return;
    case Op::RefNull: RULE("Instr_const/ref.null"); return;
    case Op::RefFunc: RULE("Instr_const/ref.func"); return;
    case Op::I32Add: case Op::I32Sub: case Op::I32Mul: case Op::I64Add: case Op::I64Sub: case Op::I64Mul:
        RULE("Instr_const/binop");
        return;
    case Op::StructNew: RULE("Instr_const/struct.new"); return;
    case Op::StructNewDefault: RULE("Instr_const/struct.new_default"); return;
    case Op::ArrayNew: RULE("Instr_const/array.new"); return;
    case Op::ArrayNewDefault: RULE("Instr_const/array.new_default"); return;
    case Op::ArrayNewFixed: RULE("Instr_const/array.new_fixed"); return;
    case Op::RefI31: RULE("Instr_const/ref.i31"); return;
    case Op::AnyConvertExtern: RULE("Instr_const/any.convert_extern"); return;
    case Op::ExternConvertAny: RULE("Instr_const/extern.convert_any"); return;
    case Op::GlobalGet:
        RULE("Instr_const/global.get");
        if (in.a < c_.m.global_types.size() && c_.m.global_types[in.a].mut) invalid("constant expression required");
        if (in.a >= c_.globals_visible) invalid("unknown global " + std::to_string(in.a));
        return;
    default:
        invalid("constant expression required");
    }
}

void FuncValidator::instr(uint32_t pc)
{
    RULE("Instrs_ok/instr");
    RULE("Instrs_ok/frame");  // the operands below the instruction's own stay as they are
    Instr& in = code_[pc];
    const OpInfo& info = op_info(in.op);
    const uint32_t label = in.a;  // branch instructions' label (overwritten by the resolved target)
    switch (in.op) {
    case Op::Unreachable: RULE("Instr_ok/unreachable"); set_unreachable(); return;
    case Op::Nop: RULE("Instr_ok/nop"); return;
    case Op::Block: case Op::Loop: case Op::If: case Op::TryTable: {
        std::vector<ValType> params, results;
        block_sig(pools_.block_types[in.a], params, results);
        if (in.op == Op::If) {
            RULE("Instr_ok/if");
            pop(kI32);
        }
        std::vector<CatchTarget> catches;
        if (in.op == Op::TryTable) {
            RULE("Instr_ok/try_table");
            for (const Catch& k : pools_.catches[in.b]) {
                RULE(k.kind == Catch::Catch_      ? "Catch_ok/catch"
                     : k.kind == Catch::CatchRef  ? "Catch_ok/catch_ref"
                     : k.kind == Catch::CatchAll  ? "Catch_ok/catch_all"
                                                  : "Catch_ok/catch_all_ref");
                // The label receives the tag's values (and an exnref).
                std::vector<ValType> carried;
                if (k.kind == Catch::Catch_ || k.kind == Catch::CatchRef) carried = c_.tag(k.tag).params;
                if (k.kind == Catch::CatchRef || k.kind == Catch::CatchAllRef)
                    carried.push_back(ValType::ref(false, HeapType::abs(AbsHeap::Exn)));
                const Frame& lf = label_frame(k.label);
                if (!vals_match(carried, label_types(lf))) invalid("type mismatch: catch label");
                CatchTarget ct;
                ct.kind = k.kind;
                ct.tag = k.tag;
                catches.push_back(ct);
            }
        }
        pop(params);
        const uint32_t region = func_ ? static_cast<uint32_t>(func_->try_regions.size()) : 0;
        if (in.op == Op::TryTable) {
            // Catch labels are resolved outside the try_table's own frame.
            TryRegion r;
            r.start = pc;
            func_->try_regions.push_back(r);
            for (uint32_t i = 0; i < catches.size(); ++i) {
                const Catch& k = pools_.catches[in.b][i];
                catches[i].target = target_of(k.label, Fixup{FixupKind::Catch, region, i});
                func_->try_regions[region].catches.push_back(catches[i]);
            }
            in.b = region;
        }
        if (in.op == Op::Block) RULE("Instr_ok/block");
        if (in.op == Op::Loop) RULE("Instr_ok/loop");
        push_ctrl(in.op, params, results, pc);
        ctrls_.back().region = region;
        ctrls_.back().if_pc = pc;
        return;
    }
    // Legacy exception handling (try/catch/catch_all/delegate/rethrow) is not
    // part of Wasm 3.0, so these cases have no SpecTec rule to name.
    case Op::Try: {
        std::vector<ValType> params, results;
        block_sig(pools_.block_types[in.a], params, results);
        pop(params);
        const uint32_t region = static_cast<uint32_t>(func_->try_regions.size());
        TryRegion r;
        r.start = pc;
        r.legacy = true;
        r.exn_slot = static_cast<uint32_t>(locals_.size()) + func_->extra_slots++;
        func_->try_regions.push_back(r);
        push_ctrl(Op::Try, params, results, pc);
        ctrls_.back().region = region;
        return;
    }
    case Op::Catch: case Op::CatchAll: {
        Frame& f = ctrls_.back();
        if (f.op != Op::Try && f.op != Op::Catch) invalid(in.op == Op::Catch ? "catch without try" : "catch_all without try");
        Frame done = pop_ctrl();
        TryRegion& r = func_->try_regions[done.region];
        if (done.op == Op::Try) r.end = pc;
        CatchTarget ct;
        ct.kind = in.op == Op::Catch ? Catch::Catch_ : Catch::CatchAll;
        ct.tag = in.a;
        std::vector<ValType> caught;
        if (in.op == Op::Catch) caught = c_.tag(in.a).params;
        ct.target = BrTarget{pc + 1, static_cast<uint32_t>(caught.size()), done.height};
        r.catches.push_back(ct);
        push_ctrl(in.op, {}, done.results, done.start_pc);
        push(caught);
        ctrls_.back().region = done.region;
        ctrls_.back().fixups = std::move(done.fixups);
        ctrls_.back().fixups.push_back(Fixup{FixupKind::InstrA, pc});  // the previous part ends: jump to end
        return;
    }
    case Op::Delegate: {
        if (ctrls_.back().op != Op::Try) invalid("delegate without try");
        Frame done = pop_ctrl();
        TryRegion& r = func_->try_regions[done.region];
        r.end = pc;
        r.delegates = true;
        const Frame& target = label_frame(label);
        r.delegate_start = &target == &ctrls_.front() ? UINT32_MAX : target.start_pc;
        patch(done, pc);
        push(done.results);
        return;
    }
    case Op::Rethrow: {
        const Frame& f = label_frame(label);
        if (f.op != Op::Catch && f.op != Op::CatchAll) invalid("invalid rethrow label");
        in.a = func_->try_regions[f.region].exn_slot;
        set_unreachable();
        return;
    }
    case Op::Else: {
        Frame& f = ctrls_.back();
        if (f.op != Op::If || f.saw_else) invalid("else without if");
        Frame done = pop_ctrl();
        code_[done.if_pc].a = pc + 1;  // the false branch starts after `else`
        push_ctrl(Op::If, done.params, done.results, done.start_pc);
        ctrls_.back().fixups = std::move(done.fixups);
        ctrls_.back().fixups.push_back(Fixup{FixupKind::InstrA, pc});  // end of the true branch jumps to end
        ctrls_.back().saw_else = true;
        ctrls_.back().if_pc = done.if_pc;
        return;
    }
    case Op::End: {
        Frame f = pop_ctrl();
        if (f.op == Op::If && !f.saw_else) {
            // Without else the block type must be [t*] -> [t*].
            if (!vals_match(f.params, f.results)) invalid("type mismatch: if without else");
            code_[f.if_pc].a = pc;
        }
        if (f.op == Op::TryTable && func_) func_->try_regions[f.region].end = pc;
        if (f.op == Op::Try) func_->try_regions[f.region].end = pc;  // a try without catches
        if (func_) patch(f, pc);
        push(f.results);
        return;
    }
    case Op::Br: {
        RULE("Instr_ok/br");
        branch_instr(pc, label);
        pop(label_types(label_frame(label)));
        set_unreachable();
        return;
    }
    case Op::BrIf: {
        RULE("Instr_ok/br_if");
        pop(kI32);
        const auto types = label_types(label_frame(label));
        branch_instr(pc, label);
        pop(types);
        push(types);
        return;
    }
    case Op::BrTable: {
        RULE("Instr_ok/br_table");
        pop(kI32);
        const std::vector<uint32_t> labels = pools_.br_tables[in.a];
        const uint32_t arity = static_cast<uint32_t>(label_types(label_frame(labels.back())).size());
        const uint32_t first = static_cast<uint32_t>(func_->br_targets.size());
        for (uint32_t l : labels) {
            const auto& types = label_types(label_frame(l));
            if (types.size() != arity) invalid("type mismatch: br_table arity");
            // Each label's types must accept the operands (checked against a copy of the stack).
            std::vector<ValType> saved = vals_;
            pop(types);
            vals_ = saved;
            const uint32_t idx = static_cast<uint32_t>(func_->br_targets.size());
            func_->br_targets.push_back(BrTarget{});
            func_->br_targets[idx] = target_of(l, Fixup{FixupKind::BrTarget, idx});
        }
        in.a = first;
        in.b = static_cast<uint32_t>(labels.size());
        pop(label_types(label_frame(labels.back())));
        set_unreachable();
        return;
    }
    case Op::BrOnNull: {
        RULE("Instr_ok/br_on_null");
        const ValType r = pop_ref();
        const auto types = label_types(label_frame(label));
        branch_instr(pc, label);
        pop(types);
        push(types);
        push(ValType::ref(false, r.heap));
        return;
    }
    case Op::BrOnNonNull: {
        RULE("Instr_ok/br_on_non_null");
        const ValType r = pop_ref();
        auto types = label_types(label_frame(label));
        if (types.empty() || !val_matches(ValType::ref(false, r.heap), types.back()))
            invalid("type mismatch: br_on_non_null label");
        branch_instr(pc, label);
        types.pop_back();
        pop(types);
        push(types);
        return;
    }
    case Op::BrOnCast: case Op::BrOnCastFail: {
        RULE(in.op == Op::BrOnCast ? "Instr_ok/br_on_cast" : "Instr_ok/br_on_cast_fail");
        const ValType rt1 = c_.close(pools_.ref_types[in.b]);
        const ValType rt2 = c_.close(pools_.ref_types[in.b + 1]);
        pools_.ref_types[in.b] = rt1;
        pools_.ref_types[in.b + 1] = rt2;
        if (!val_matches(rt2, rt1)) invalid("type mismatch: br_on_cast types");
        pop(rt1);
        const ValType diff = ValType::ref(rt1.nullable && !rt2.nullable, rt1.heap);
        const ValType on_branch = in.op == Op::BrOnCast ? rt2 : diff;
        const ValType on_fall = in.op == Op::BrOnCast ? diff : rt2;
        auto types = label_types(label_frame(label));
        if (types.empty() || !val_matches(on_branch, types.back())) invalid("type mismatch: br_on_cast label");
        branch_instr(pc, label);
        types.pop_back();
        pop(types);
        push(types);
        push(on_fall);
        return;
    }
    case Op::Return: RULE("Instr_ok/return"); pop(results_); set_unreachable(); return;
    case Op::Call: RULE("Instr_ok/call"); call(c_.func(in.a)); return;
    case Op::ReturnCall: RULE("Instr_ok/return_call"); return_call(c_.func(in.a)); return;
    case Op::CallIndirect: case Op::ReturnCallIndirect: {
        RULE(in.op == Op::CallIndirect ? "Instr_ok/call_indirect" : "Instr_ok/return_call_indirect");
        const TableType& tt = c_.table(in.b);
        if (!val_matches(c_.close(tt.elem), ValType::ref(true, HeapType::abs(AbsHeap::Func))))
            invalid("type mismatch: call_indirect table");
        const FuncType& ft = c_.func_type_at(in.a);
        pop(addr_val(tt.limits.at));
        if (in.op == Op::CallIndirect) call(ft); else return_call(ft);
        return;
    }
    case Op::CallRef: case Op::ReturnCallRef: {
        RULE(in.op == Op::CallRef ? "Instr_ok/call_ref" : "Instr_ok/return_call_ref");
        const FuncType& ft = c_.func_type_at(in.a);
        pop(ref_to(in.a, true));
        if (in.op == Op::CallRef) call(ft); else return_call(ft);
        return;
    }
    case Op::Throw: {
        RULE("Instr_ok/throw");
        const FuncType& ft = c_.tag(in.a);
        pop(ft.params);
        set_unreachable();
        return;
    }
    case Op::ThrowRef:
        RULE("Instr_ok/throw_ref");
        pop(ValType::ref(true, HeapType::abs(AbsHeap::Exn)));
        set_unreachable();
        return;
    case Op::Drop: RULE("Instr_ok/drop"); pop(); return;
    case Op::Select: {
        RULE("Instr_ok/select-impl");
        pop(kI32);
        const ValType t1 = pop();
        const ValType t2 = pop();
        if (t1.is_ref() || t2.is_ref()) invalid("type mismatch: select on references needs a type");
        if (t1.kind != ValKind::Bot && t2.kind != ValKind::Bot && !(t1 == t2)) invalid("type mismatch: select");
        push(t1.kind == ValKind::Bot ? t2 : t1);
        return;
    }
    case Op::SelectT: {
        RULE("Instr_ok/select-expl");
        auto& ts = pools_.select_types[in.a];
        if (ts.size() != 1) invalid("invalid result arity");
        const ValType t = c_.close(ts[0]);
        ts[0] = t;
        pop(kI32);
        pop(t);
        pop(t);
        push(t);
        return;
    }
    case Op::LocalGet:
        RULE("Instr_ok/local.get");
        local_check(in.a);
        if (!local_init_[in.a]) invalid("uninitialized local " + std::to_string(in.a));
        push(locals_[in.a]);
        return;
    case Op::LocalSet: case Op::LocalTee:
        RULE(in.op == Op::LocalSet ? "Instr_ok/local.set" : "Instr_ok/local.tee");
        local_check(in.a);
        pop(locals_[in.a]);
        if (!local_init_[in.a]) {
            local_init_[in.a] = true;
            inits_.push_back(in.a);
        }
        if (in.op == Op::LocalTee) push(locals_[in.a]);
        return;
    case Op::GlobalGet: RULE("Instr_ok/global.get"); push(c_.close(c_.global(in.a).type)); return;
    case Op::GlobalSet:
        RULE("Instr_ok/global.set");
        if (!c_.global(in.a).mut) invalid("immutable global");
        pop(c_.close(c_.global(in.a).type));
        return;
    case Op::TableGet: {
        RULE("Instr_ok/table.get");
        const TableType& tt = c_.table(in.a);
        pop(addr_val(tt.limits.at));
        push(c_.close(tt.elem));
        return;
    }
    case Op::TableSet: {
        RULE("Instr_ok/table.set");
        const TableType& tt = c_.table(in.a);
        pop(c_.close(tt.elem));
        pop(addr_val(tt.limits.at));
        return;
    }
    case Op::TableSize: RULE("Instr_ok/table.size"); push(addr_val(c_.table(in.a).limits.at)); return;
    case Op::TableGrow: {
        RULE("Instr_ok/table.grow");
        const TableType& tt = c_.table(in.a);
        pop(addr_val(tt.limits.at));
        pop(c_.close(tt.elem));
        push(addr_val(tt.limits.at));
        return;
    }
    case Op::TableFill: {
        RULE("Instr_ok/table.fill");
        const TableType& tt = c_.table(in.a);
        pop(addr_val(tt.limits.at));
        pop(c_.close(tt.elem));
        pop(addr_val(tt.limits.at));
        return;
    }
    case Op::TableCopy: {
        RULE("Instr_ok/table.copy");
        const TableType& d = c_.table(in.a);
        const TableType& s = c_.table(in.b);
        if (!val_matches(c_.close(s.elem), c_.close(d.elem))) invalid("type mismatch: table.copy");
        const AddrType n = (d.limits.at == AddrType::I64 && s.limits.at == AddrType::I64) ? AddrType::I64 : AddrType::I32;
        pop(addr_val(n));
        pop(addr_val(s.limits.at));
        pop(addr_val(d.limits.at));
        return;
    }
    case Op::TableInit: {
        RULE("Instr_ok/table.init");
        const TableType& tt = c_.table(in.a);
        const Elem& e = c_.elem(in.b);
        if (!val_matches(c_.close(e.type), c_.close(tt.elem))) invalid("type mismatch: table.init");
        pop(kI32);
        pop(kI32);
        pop(addr_val(tt.limits.at));
        return;
    }
    case Op::ElemDrop: RULE("Instr_ok/elem.drop"); c_.elem(in.a); return;
    case Op::MemorySize: RULE("Instr_ok/memory.size"); push(addr_val(c_.mem(in.a).limits.at)); return;
    case Op::MemoryGrow: {
        RULE("Instr_ok/memory.grow");
        const ValType at = addr_val(c_.mem(in.a).limits.at);
        pop(at);
        push(at);
        return;
    }
    case Op::MemoryFill: {
        RULE("Instr_ok/memory.fill");
        const ValType at = addr_val(c_.mem(in.a).limits.at);
        pop(at);
        pop(kI32);
        pop(at);
        return;
    }
    case Op::MemoryCopy: {
        RULE("Instr_ok/memory.copy");
        const AddrType d = c_.mem(in.a).limits.at, s = c_.mem(in.b).limits.at;
        const AddrType n = (d == AddrType::I64 && s == AddrType::I64) ? AddrType::I64 : AddrType::I32;
        pop(addr_val(n));
        pop(addr_val(s));
        pop(addr_val(d));
        return;
    }
    case Op::MemoryInit: {
        RULE("Instr_ok/memory.init");
        const AddrType at = c_.mem(in.a).limits.at;
        c_.data(in.b);
        pop(kI32);
        pop(kI32);
        pop(addr_val(at));
        return;
    }
    case Op::DataDrop: RULE("Instr_ok/data.drop"); c_.data(in.a); return;
    case Op::RefNull: {
        RULE("Instr_ok/ref.null");
        const ValType t = c_.close(pools_.ref_types[in.a]);
        pools_.ref_types[in.a] = t;
        push(t);
        return;
    }
    case Op::RefIsNull: RULE("Instr_ok/ref.is_null"); pop_ref(); push(kI32); return;
    case Op::RefAsNonNull: {
        RULE("Instr_ok/ref.as_non_null");
        const ValType r = pop_ref();
        push(ValType::ref(false, r.heap));
        return;
    }
    case Op::RefFunc: {
        RULE("Instr_ok/ref.func");
        c_.func(in.a);
        if (!const_mode_ && !c_.refs.count(in.a)) invalid("undeclared function reference");
        push(ref_to(c_.m.func_types[in.a], false));
        return;
    }
    case Op::RefEq: {
        RULE("Instr_ok/ref.eq");
        const ValType eq = ValType::ref(true, HeapType::abs(AbsHeap::Eq));
        pop(eq);
        pop(eq);
        push(kI32);
        return;
    }
    case Op::RefTest: case Op::RefTestNull: case Op::RefCast: case Op::RefCastNull: {
        const bool test = in.op == Op::RefTest || in.op == Op::RefTestNull;
        RULE(test ? "Instr_ok/ref.test" : "Instr_ok/ref.cast");
        const ValType rt = c_.close(pools_.ref_types[in.a]);
        pools_.ref_types[in.a] = rt;
        const ValType r = pop_ref();
        if (!(r.heap == HeapType::abs(AbsHeap::Bot)) && top_heap(r.heap) != top_heap(rt.heap))
            invalid("type mismatch: cast to an unrelated type");
        push(test ? kI32 : rt);
        return;
    }
    case Op::RefI31: RULE("Instr_ok/ref.i31"); pop(kI32); push(ValType::ref(false, HeapType::abs(AbsHeap::I31))); return;
    case Op::I31GetS: case Op::I31GetU:
        RULE("Instr_ok/i31.get");
        pop(ValType::ref(true, HeapType::abs(AbsHeap::I31)));
        push(kI32);
        return;
    case Op::AnyConvertExtern: case Op::ExternConvertAny: {
        const bool to_any = in.op == Op::AnyConvertExtern;
        RULE(to_any ? "Instr_ok/any.convert_extern" : "Instr_ok/extern.convert_any");
        const ValType r = pop_ref();
        const AbsHeap from = to_any ? AbsHeap::Extern : AbsHeap::Any;
        if (!val_matches(r, ValType::ref(true, HeapType::abs(from)))) invalid("type mismatch");
        push(ValType::ref(r.nullable, HeapType::abs(to_any ? AbsHeap::Any : AbsHeap::Extern)));
        return;
    }
    case Op::StructNew: case Op::StructNewDefault: {
        RULE(in.op == Op::StructNew ? "Instr_ok/struct.new" : "Instr_ok/struct.new_default");
        const CompType& st = struct_type(in.a);
        if (in.op == Op::StructNew) {
            for (size_t i = st.fields.size(); i-- > 0;) pop(st.fields[i].type);
        } else {
            for (auto& f : st.fields)
                if (!defaultable(f.type)) invalid("type mismatch: field is not defaultable");
        }
        push(ref_to(in.a, false));
        return;
    }
    case Op::StructGet: case Op::StructGetS: case Op::StructGetU: {
        RULE("Instr_ok/struct.get");
        const CompType& st = struct_type(in.a);
        if (in.b >= st.fields.size()) invalid("unknown field " + std::to_string(in.b));
        const FieldType& f = st.fields[in.b];
        if ((f.packed == Packed::None) != (in.op == Op::StructGet)) invalid("type mismatch: packed field access");
        pop(ref_to(in.a, true));
        push(f.type);
        return;
    }
    case Op::StructSet: {
        RULE("Instr_ok/struct.set");
        const CompType& st = struct_type(in.a);
        if (in.b >= st.fields.size()) invalid("unknown field " + std::to_string(in.b));
        const FieldType& f = st.fields[in.b];
        if (!f.mut) invalid("immutable field");
        pop(f.type);
        pop(ref_to(in.a, true));
        return;
    }
    case Op::ArrayNew: case Op::ArrayNewDefault: {
        RULE(in.op == Op::ArrayNew ? "Instr_ok/array.new" : "Instr_ok/array.new_default");
        const FieldType& f = array_field(in.a);
        pop(kI32);
        if (in.op == Op::ArrayNew) pop(f.type);
        else if (!defaultable(f.type)) invalid("type mismatch: array element is not defaultable");
        push(ref_to(in.a, false));
        return;
    }
    case Op::ArrayNewFixed: {
        RULE("Instr_ok/array.new_fixed");
        const FieldType& f = array_field(in.a);
        uint32_t popped = 0;
        for (; popped < in.b && vals_.size() > ctrls_.back().height; ++popped) pop(f.type);
        // At the frame's height a pop fails, or yields ⊥ for this and every
        // further operand: one stands for the rest (n may be 2^32-1).
        if (popped < in.b) pop(f.type);
        push(ref_to(in.a, false));
        return;
    }
    case Op::ArrayNewData: case Op::ArrayInitData: {
        const bool init = in.op == Op::ArrayInitData;
        RULE(init ? "Instr_ok/array.init_data" : "Instr_ok/array.new_data");
        const FieldType& f = array_field(in.a);
        if (f.type.is_ref()) invalid("array type is not numeric or vector");
        c_.data(in.b);
        if (init && !f.mut) invalid("immutable array");
        pop(kI32);
        pop(kI32);
        if (init) {
            pop(kI32);
            pop(ref_to(in.a, true));
        } else {
            push(ref_to(in.a, false));
        }
        return;
    }
    case Op::ArrayNewElem: case Op::ArrayInitElem: {
        const bool init = in.op == Op::ArrayInitElem;
        RULE(init ? "Instr_ok/array.init_elem" : "Instr_ok/array.new_elem");
        const FieldType& f = array_field(in.a);
        const Elem& e = c_.elem(in.b);
        if (!val_matches(c_.close(e.type), f.type)) invalid("type mismatch: element segment type");
        if (init && !f.mut) invalid("immutable array");
        pop(kI32);
        pop(kI32);
        if (init) {
            pop(kI32);
            pop(ref_to(in.a, true));
        } else {
            push(ref_to(in.a, false));
        }
        return;
    }
    case Op::ArrayGet: case Op::ArrayGetS: case Op::ArrayGetU: {
        RULE("Instr_ok/array.get");
        const FieldType& f = array_field(in.a);
        if ((f.packed == Packed::None) != (in.op == Op::ArrayGet)) invalid("type mismatch: packed array access");
        pop(kI32);
        pop(ref_to(in.a, true));
        push(f.type);
        return;
    }
    case Op::ArraySet: {
        RULE("Instr_ok/array.set");
        const FieldType& f = array_field(in.a);
        if (!f.mut) invalid("immutable array");
        pop(f.type);
        pop(kI32);
        pop(ref_to(in.a, true));
        return;
    }
    case Op::ArrayLen:
        RULE("Instr_ok/array.len");
        pop(ValType::ref(true, HeapType::abs(AbsHeap::Array)));
        push(kI32);
        return;
    case Op::ArrayFill: {
        RULE("Instr_ok/array.fill");
        const FieldType& f = array_field(in.a);
        if (!f.mut) invalid("immutable array");
        pop(kI32);
        pop(f.type);
        pop(kI32);
        pop(ref_to(in.a, true));
        return;
    }
    case Op::ArrayCopy: {
        RULE("Instr_ok/array.copy");
        const FieldType& d = array_field(in.a);
        const FieldType& s = array_field(in.b);
        if (!d.mut) invalid("immutable array");
        if (d.packed != s.packed || !val_matches(s.type, d.type)) invalid("array types do not match");
        pop(kI32);
        pop(kI32);
        pop(ref_to(in.b, true));
        pop(kI32);
        pop(ref_to(in.a, true));
        return;
    }
    default: break;
    }
    // Numeric, vector and memory instructions: typed by the table's signature
    // column (Instr_ok/const, unop, binop, testop, relop, cvtop, load, store,
    // and their vector counterparts).
    const std::string sig = info.sig;
    const size_t colon = sig.find(':');
    if (colon == std::string::npos) invalid("unknown operator");
    if (spec::g_recording) [[unlikely]]
        mark_typing_rule(typing_of(info));
    AddrType at = AddrType::I32;
    if (info.imm == Imm::MemArg || info.imm == Imm::MemArgLane) memarg(in, sig, at);
    if (info.imm == Imm::MemArgLane && in.d >= (16u >> (sig.back() - '0'))) invalid("invalid lane index");
    if (info.imm == Imm::Lane) {
        // The shape prefix gives the lane count: i8x16 → 16 … f64x2 → 2.
        const std::string mnemonic = info.mnemonic;
        const uint32_t lanes = static_cast<uint32_t>(std::stoi(mnemonic.substr(mnemonic.find('x') + 1, 2)));
        if (in.a >= lanes) invalid("invalid lane index");
    }
    if (info.imm == Imm::Shuffle) {
        for (uint8_t lane : pools_.v128s[in.a])
            if (lane >= 32) invalid("invalid lane index");
    }
    for (size_t i = colon; i-- > 0;) pop(sig[i] == 'a' ? addr_val(at) : val_of_char(sig[i]));
    for (size_t i = colon + 1; i < sig.size(); ++i) {
        if (sig[i] >= '0' && sig[i] <= '9') break;
        push(sig[i] == 'a' ? addr_val(at) : val_of_char(sig[i]));
    }
}

// ---------------------------------------------------------------------------
// Modules (SpecTec 2.4-validation.modules)

void limits_ok(const Limits& l, uint64_t bound, const char* what)
{
    RULE("Limits_ok");
    if (l.min > bound) invalid(std::string(what) + " size must be at most " + std::to_string(bound));
    if (l.has_max) {
        if (l.max > bound) invalid(std::string(what) + " size must be at most " + std::to_string(bound));
        if (l.min > l.max) invalid("size minimum must not be greater than maximum");
    }
}

// Mem_ok / Memtype_ok, with Limits_ok's bound 2^(|at|-16) pages.
void mem_ok(const MemType& t)
{
    RULE("Mem_ok");
    RULE("Memtype_ok");
    RULE("Limits_ok");
    const uint64_t bound = t.limits.at == AddrType::I64 ? (uint64_t{1} << 48) : 65536;
    if (t.limits.min > bound || (t.limits.has_max && t.limits.max > bound))
        invalid(t.limits.at == AddrType::I64 ? "memory size must be at most 2^48 pages (256TiB)"
                                              : "memory size must be at most 65536 pages (4GiB)");
    if (t.limits.has_max && t.limits.min > t.limits.max) invalid("size minimum must not be greater than maximum");
    if (t.shared && !t.limits.has_max) invalid("shared memory must have maximum");
}

// Tabletype_ok (Table_ok's type; its initializer is checked in module_ok).
void table_ok(Context& c, const TableType& t)
{
    RULE("Tabletype_ok");
    const uint64_t bound = t.limits.at == AddrType::I64 ? UINT64_MAX : 0xFFFFFFFFull;
    limits_ok(t.limits, bound, "table");
    c.close(t.elem);
}

// Type_ok / Rectype_ok: references point backwards or into the group;
// declared supertypes are earlier, not final, and structurally compatible.
void types_ok(Context& c)
{
    const Module& m = c.m;
    uint32_t group_start = 0;
    for (uint32_t r = 0; r < m.rec_types.size(); ++r) {
        RULE("Types_ok/cons");
        RULE("Type_ok");
        const uint32_t group_end = group_start + static_cast<uint32_t>(m.rec_types[r].subs.size());
        auto check_val = [&](const ValType& t) {
            if (t.is_ref() && t.heap.is_index() && static_cast<uint32_t>(t.heap.code) >= group_end)
                invalid("unknown type " + std::to_string(t.heap.code));
        };
        for (uint32_t i = group_start; i < group_end; ++i) {
            RULE("Rectype_ok/cons");
            RULE("Subtype_ok");
            const SubType& s = m.types[i];
            RULE(s.comp.kind == CompKind::Func     ? "Comptype_ok/func"
                 : s.comp.kind == CompKind::Struct ? "Comptype_ok/struct"
                                                   : "Comptype_ok/array");
            if (s.supers.size() > 1) invalid("type has too many supertypes");
            for (uint32_t sup : s.supers)
                if (sup >= i) invalid("unknown type " + std::to_string(sup));
            if (s.comp.kind == CompKind::Func) RULE("Resulttype_ok");  // the parameters', then the results'
            for (auto& t : s.comp.func.params) check_val(t);
            for (auto& t : s.comp.func.results) check_val(t);
            for (auto& f : s.comp.fields) {
                RULE("Fieldtype_ok");
                RULE(f.packed != Packed::None ? "Storagetype_ok/pack" : "Storagetype_ok/val");
                if (f.packed != Packed::None) RULE("Packtype_ok");
                check_val(f.type);
            }
        }
        RULE("Rectype_ok/empty");
        group_start = group_end;
    }
    RULE("Types_ok/empty");
    c.canon = TypeRegistry::get().add_module_types(m.rec_types);
    // Subtype_ok: the declared supertype matches structurally.
    auto& reg = TypeRegistry::get();
    for (uint32_t i = 0; i < m.types.size(); ++i) {
        const SubType& s = reg.type(c.canon[i]);
        for (uint32_t sup_id : s.supers) {
            const SubType& sup = reg.type(sup_id);
            if (sup.final) invalid("sub type: supertype is final");
            if (sup.comp.kind != s.comp.kind) invalid("sub type: different kinds");
            bool ok = true;
            RULE("Deftype_sub/super");
            if (s.comp.kind == CompKind::Func) {
                RULE("Comptype_sub/func");
                ok = vals_match(sup.comp.func.params, s.comp.func.params) &&
                     vals_match(s.comp.func.results, sup.comp.func.results);
            } else {
                RULE(s.comp.kind == CompKind::Struct ? "Comptype_sub/struct" : "Comptype_sub/array");
                if (s.comp.fields.size() < sup.comp.fields.size()) ok = false;
                for (size_t k = 0; ok && k < sup.comp.fields.size(); ++k) {
                    const FieldType& a = s.comp.fields[k];
                    const FieldType& b = sup.comp.fields[k];
                    RULE(a.mut ? "Fieldtype_sub/var" : "Fieldtype_sub/const");
                    RULE(a.packed != Packed::None ? "Storagetype_sub/pack" : "Storagetype_sub/val");
                    if (a.packed != Packed::None) RULE("Packtype_sub");
                    if (a.mut != b.mut || a.packed != b.packed) ok = false;
                    else if (a.mut) ok = a.type == b.type;
                    else ok = val_matches(a.type, b.type);
                }
                if (s.comp.kind == CompKind::Array && s.comp.fields.size() != sup.comp.fields.size()) ok = false;
            }
            if (!ok) invalid("sub type: does not match its supertype");
        }
    }
}

void const_expr_ok(Context& c, ConstExpr& e, const ValType& expected)
{
    FuncValidator v(c, e.code, e.pools, nullptr);
    v.run_const(expected);
}

// C.refs: function indices referenced by ref.func outside function bodies.
void collect_refs(Context& c, const ConstExpr& e)
{
    for (const Instr& in : e.code)
        if (in.op == Op::RefFunc) c.refs.insert(in.a);
}

void module_ok(Module& m)
{
    RULE("Module_ok");
    Context c(m);
    types_ok(c);
    // The types of the imports come first in each index space: checking
    // them is Import_ok's Externtype_ok.
    auto imported = [](uint32_t i, uint32_t count) {
        if (i < count) RULE("Import_ok");
        return i < count;
    };
    for (uint32_t i = 0; i < m.func_types.size(); ++i) {
        if (imported(i, m.num_imported_funcs)) RULE("Externtype_ok/func");
        c.func_type_at(m.func_types[i]);
    }
    for (uint32_t i = 0; i < m.table_types.size(); ++i) {
        if (imported(i, m.num_imported_tables)) RULE("Externtype_ok/table");
        table_ok(c, m.table_types[i]);
    }
    for (uint32_t i = 0; i < m.mem_types.size(); ++i) {
        if (imported(i, m.num_imported_mems)) RULE("Externtype_ok/mem");
        mem_ok(m.mem_types[i]);
    }
    for (uint32_t i = 0; i < m.global_types.size(); ++i) {
        if (imported(i, m.num_imported_globals)) RULE("Externtype_ok/global");
        RULE("Globaltype_ok");
        c.close(m.global_types[i].type);
    }
    for (uint32_t i = 0; i < m.tag_types.size(); ++i) {
        const uint32_t t = m.tag_types[i];
        if (imported(i, m.num_imported_tags)) RULE("Externtype_ok/tag");
        // Tag_ok: a function type without results.
        RULE("Tag_ok");
        RULE("Tagtype_ok");
        if (!c.func_type_at(t).results.empty()) invalid("non-empty tag result type");
    }
    for (auto& g : m.globals) collect_refs(c, g.init);
    for (auto& t : m.tables)
        if (t.init) collect_refs(c, *t.init);
    for (auto& e : m.elems)
        for (auto& item : e.items) collect_refs(c, item);
    for (const Export& e : m.exports)
        if (e.kind == ExternKind::Func) c.refs.insert(e.index);

    // Globals: each initializer sees the imported and the earlier globals.
    c.globals_visible = m.num_imported_globals;
    for (auto& g : m.globals) {
        RULE("Globals_ok/cons");
        RULE("Global_ok");
        const_expr_ok(c, g.init, c.close(g.type.type));
        ++c.globals_visible;
    }
    RULE("Globals_ok/empty");
    // Table initializers precede the global section: they see imported globals only.
    c.globals_visible = m.num_imported_globals;
    for (auto& t : m.tables) {
        RULE("Table_ok");
        const ValType et = c.close(t.type.elem);
        if (t.init) const_expr_ok(c, *t.init, et);
        else if (!et.nullable) invalid("type mismatch: table of non-nullable references needs an initializer");
    }
    c.globals_visible = static_cast<uint32_t>(m.global_types.size());
    for (auto& e : m.elems) {
        RULE("Elem_ok");
        const ValType et = c.close(e.type);
        for (auto& item : e.items) const_expr_ok(c, item, et);
        RULE(e.mode == SegMode::Active    ? "Elemmode_ok/active"
             : e.mode == SegMode::Passive ? "Elemmode_ok/passive"
                                          : "Elemmode_ok/declare");
        if (e.mode == SegMode::Active) {
            const TableType& tt = c.table(e.table);
            if (!val_matches(et, c.close(tt.elem))) invalid("type mismatch: element segment does not match table");
            const_expr_ok(c, e.offset, addr_val(tt.limits.at));
        }
    }
    for (auto& d : m.datas) {
        RULE("Data_ok");
        RULE(d.mode == SegMode::Active ? "Datamode_ok/active" : "Datamode_ok/passive");
        if (d.mode == SegMode::Active) {
            const MemType& mt = c.mem(d.memory);
            const_expr_ok(c, d.offset, addr_val(mt.limits.at));
        }
    }
    for (auto& f : m.funcs) {
        const FuncType& ft = c.func_type_at(f.type_index);
        f.br_targets.clear();
        f.try_regions.clear();
        f.max_height = 0;
        FuncValidator v(c, f.body, f.pools, &f);
        try {
            v.run_function(ft, f.locals);
        } catch (Invalid& e) {
            e.in = &f;
            throw;
        }
        f.locals = [&] {
            std::vector<ValType> closed;
            for (auto& l : f.locals) closed.push_back(c.close(l));
            return closed;
        }();
    }
    if (m.start) {
        RULE("Start_ok");
        const FuncType& ft = c.func(*m.start);
        if (!ft.params.empty() || !ft.results.empty()) invalid("start function must have type [] -> []");
    }
    std::set<std::string> names;
    for (const Export& e : m.exports) {
        RULE("Export_ok");
        if (!names.insert(e.name).second) invalid("duplicate export name");
        switch (e.kind) {
        case ExternKind::Func: RULE("Externidx_ok/func"); c.func(e.index); break;
        case ExternKind::Table: RULE("Externidx_ok/table"); c.table(e.index); break;
        case ExternKind::Mem: RULE("Externidx_ok/mem"); c.mem(e.index); break;
        case ExternKind::Global: RULE("Externidx_ok/global"); c.global(e.index); break;
        case ExternKind::Tag: RULE("Externidx_ok/tag"); c.tag(e.index); break;
        }
    }
    m.type_canon = c.canon;
}

}  // namespace

std::optional<std::string> validate_module(Module& m, size_t* body_offset)
{
    if (m.validated) return std::nullopt;
    try {
        module_ok(m);
    } catch (const Invalid& e) {
        if (e.in && body_offset) *body_offset = e.in->body_offset;
        return e.message;
    }
    m.validated = true;
    return std::nullopt;
}

}  // namespace lockstep::wasm
