// Wasm 3.0 §4.5.3 Allocation and §4.5.4 Instantiation
// (SpecTec 4.4-execution.modules), in the spec's order: check imports,
// allocate the instance, evaluate globals and table initializers, apply the
// element and data segments, run the start function.
#include "wasm/exec/instantiate.h"

#include "spec/step.h"
#include "wasm/valid/type_registry.h"

#include <cstring>

namespace lockstep::wasm {

namespace {

// Limits_sub, with the instance's current size as its minimum.
bool limits_match(uint64_t size, const Limits& have, const Limits& want)
{
    RULE(have.has_max ? "Limits_sub/max" : "Limits_sub/eps");
    if (have.at != want.at) return false;
    if (size < want.min) return false;
    if (want.has_max) {
        if (!have.has_max) return false;
        if (have.max > want.max) return false;
    }
    return true;
}

// Evaluates a validated constant expression ($evalexpr: the Step rules of its
// instructions); nullopt when an allocation exceeds an implementation limit.
std::optional<Value> eval_const(Store& store, ModuleInst& inst, const ConstExpr& e)
{
    RULE("Eval_expr");
    std::vector<Value> st;
    for (const Instr& in : e.code) {
        switch (in.op) {
        case Op::I32Const: case Op::F32Const: st.push_back(Value::from_i32(static_cast<uint32_t>(in.c))); break;
        case Op::I64Const: case Op::F64Const: st.push_back(Value::from_i64(in.c)); break;
        case Op::V128Const: {
            Value v;
            std::memcpy(v.v128, e.pools.v128s[in.a].data(), 16);
            st.push_back(v);
            break;
        }
        case Op::RefNull: st.push_back(Value::from_ref(Ref::null())); break;
        case Op::RefFunc: st.push_back(Value::from_ref(Ref::func(inst.funcs[in.a]))); break;
        case Op::GlobalGet: st.push_back(inst.globals[in.a]->value); break;
        case Op::I32Add: case Op::I32Sub: case Op::I32Mul: {
            const uint32_t b = st.back().i32;
            st.pop_back();
            uint32_t& a = st.back().i32;
            a = in.op == Op::I32Add ? a + b : in.op == Op::I32Sub ? a - b : a * b;
            break;
        }
        case Op::I64Add: case Op::I64Sub: case Op::I64Mul: {
            const uint64_t b = st.back().i64;
            st.pop_back();
            uint64_t& a = st.back().i64;
            a = in.op == Op::I64Add ? a + b : in.op == Op::I64Sub ? a - b : a * b;
            break;
        }
        case Op::RefI31: st.back() = Value::from_ref(Ref::i31(st.back().i32)); break;
        case Op::AnyConvertExtern: st.back().ref.externalized = false; break;
        case Op::ExternConvertAny:
            if (!st.back().ref.is_null() && st.back().ref.kind != Ref::Host) st.back().ref.externalized = true;
            break;
        case Op::StructNew: case Op::StructNewDefault: {
            const uint32_t id = inst.types[in.a];
            const CompType& ct = TypeRegistry::get().type(id).comp;
            GcObject* o = store.alloc_object(id, ct.fields.size());
            if (!o) return std::nullopt;
            if (in.op == Op::StructNew) {
                for (size_t i = ct.fields.size(); i-- > 0;) {
                    o->fields[i] = pack(st.back(), ct.fields[i]);
                    st.pop_back();
                }
            }
            st.push_back(Value::from_ref(Ref{o, 0, Ref::Struct, false}));
            break;
        }
        case Op::ArrayNew: case Op::ArrayNewDefault: case Op::ArrayNewFixed: {
            const uint32_t id = inst.types[in.a];
            const FieldType& f = TypeRegistry::get().type(id).comp.fields[0];
            uint32_t len = in.b;
            Value init;
            if (in.op != Op::ArrayNewFixed) {
                len = st.back().i32;
                st.pop_back();
                if (in.op == Op::ArrayNew) {
                    init = pack(st.back(), f);
                    st.pop_back();
                }
            }
            GcObject* o = store.alloc_object(id, len, init);
            if (!o) return std::nullopt;
            if (in.op == Op::ArrayNewFixed) {
                for (uint32_t i = len; i-- > 0;) {
                    o->fields[i] = pack(st.back(), f);
                    st.pop_back();
                }
            }
            st.push_back(Value::from_ref(Ref{o, 0, Ref::Array, false}));
            break;
        }
        case Op::End: break;
        default: SPEC_ASSERT(!"validation admits constant instructions only");
        }
    }
    return st.back();
}

}  // namespace

// Externaddr_ok/sub: the address's type (Externaddr_ok/…) matches the
// import's (Externtype_sub/…).
bool import_matches(const ExternVal& v, const Import& im, const std::vector<uint32_t>& canon)
{
    RULE("Externaddr_ok/sub");
    if (v.kind != im.kind) return false;
    switch (im.kind) {
    case ExternKind::Func:
        RULE("Externaddr_ok/func");
        RULE("Externtype_sub/func");
        return TypeRegistry::get().is_sub(v.func()->type_id, canon[im.type_index]);
    case ExternKind::Tag:
        RULE("Externaddr_ok/tag");
        RULE("Externtype_sub/tag");
        RULE("Tagtype_sub");
        return v.tag()->type_id == canon[im.type_index];
    case ExternKind::Table: {
        RULE("Externaddr_ok/table");
        RULE("Externtype_sub/table");
        RULE("Tabletype_sub");
        const TableInst* t = v.table();
        const ValType want = close_val(im.table.elem, canon);
        return limits_match(t->elems.size(), t->type.limits, im.table.limits) && val_matches(t->type.elem, want) &&
               val_matches(want, t->type.elem);
    }
    case ExternKind::Mem: {
        RULE("Externaddr_ok/mem");
        RULE("Externtype_sub/mem");
        RULE("Memtype_sub");
        const MemInst* m = v.mem();
        return limits_match(m->pages(), m->type.limits, im.mem.limits);
    }
    case ExternKind::Global: {
        RULE("Externaddr_ok/global");
        RULE("Externtype_sub/global");
        const GlobalInst* g = v.global();
        const ValType want = close_val(im.global.type, canon);
        if (g->type.mut != im.global.mut) return false;
        RULE(g->type.mut ? "Globaltype_sub/var" : "Globaltype_sub/const");
        if (g->type.mut) return val_matches(g->type.type, want) && val_matches(want, g->type.type);
        return val_matches(g->type.type, want);
    }
    }
    return false;
}

InstantiateResult instantiate(Store& store, Thread& thread, std::shared_ptr<Module> module,
                              const std::vector<ExternVal>& imports)
{
    RULE("$instantiate");
    const Module& m = *module;
    InstantiateResult result;
    // Module_ok was checked by the caller; Externaddr_ok: one matching address per import.
    if (imports.size() != m.imports.size()) {
        result.kind = InstantiateResult::LinkError;
        result.message = "wrong number of imports";
        return result;
    }
    for (size_t i = 0; i < imports.size(); ++i) {
        if (!import_matches(imports[i], m.imports[i], m.type_canon)) {
            result.kind = InstantiateResult::LinkError;
            result.message = "incompatible import type";
            return result;
        }
    }
    RULE("$allocmodule");
    ModuleInst* inst = store.alloc_module();
    inst->module = module;
    inst->types = m.type_canon;
    for (const ExternVal& v : imports) {
        switch (v.kind) {
        case ExternKind::Func: inst->funcs.push_back(v.func()); break;
        case ExternKind::Table: inst->tables.push_back(v.table()); break;
        case ExternKind::Mem: inst->mems.push_back(v.mem()); break;
        case ExternKind::Global: inst->globals.push_back(v.global()); break;
        case ExternKind::Tag: inst->tags.push_back(v.tag()); break;
        }
    }
    auto& reg = TypeRegistry::get();
    for (const Func& f : m.funcs) {
        FuncInst* fi = store.alloc_func();
        fi->type_id = m.type_canon[f.type_index];
        fi->type = &reg.type(fi->type_id).comp.func;
        fi->module = inst;
        fi->code = &f;
        inst->funcs.push_back(fi);
    }
    for (uint32_t t : std::vector<uint32_t>(m.tag_types.begin() + m.num_imported_tags, m.tag_types.end())) {
        TagInst* ti = store.alloc_tag();
        ti->type_id = m.type_canon[t];
        ti->type = &reg.type(ti->type_id).comp.func;
        inst->tags.push_back(ti);
    }
    for (const MemType& mt : std::vector<MemType>(m.mem_types.begin() + m.num_imported_mems, m.mem_types.end())) {
        MemInst* mi = store.alloc_mem();
        if (!mi->init(mt)) {
            result.kind = InstantiateResult::LinkError;
            result.message = "memory allocation failed";
            return result;
        }
        inst->mems.push_back(mi);
    }
    auto fail_trap = [&](const char* message) {
        result.kind = InstantiateResult::Trap;
        result.message = message;
        result.instance = inst;
        return result;
    };
    // Globals in order: each initializer sees the earlier ones.
    RULE("$evalglobals");
    for (const Global& g : m.globals) {
        auto v = eval_const(store, *inst, g.init);
        if (!v) return fail_trap("out of memory");
        GlobalInst* gi = store.alloc_global();
        gi->type = GlobalType{close_val(g.type.type, m.type_canon), g.type.mut};
        gi->value = *v;
        inst->globals.push_back(gi);
    }
    for (const Table& t : m.tables) {
        TableInst* ti = store.alloc_table();
        ti->type = t.type;
        ti->type.elem = close_val(t.type.elem, m.type_canon);
        Ref init = Ref::null();
        if (t.init) {
            auto v = eval_const(store, *inst, *t.init);
            if (!v) return fail_trap("out of memory");
            init = v->ref;
        }
        if (t.type.limits.min > kMaxTableSize) {
            result.kind = InstantiateResult::LinkError;
            result.message = "table allocation failed";
            return result;
        }
        ti->elems.assign(t.type.limits.min, init);
        inst->tables.push_back(ti);
    }
    for (const Elem& e : m.elems) {
        ElemInst* ei = store.alloc_elem();
        ei->type = close_val(e.type, m.type_canon);
        for (const ConstExpr& item : e.items) {
            auto v = eval_const(store, *inst, item);
            if (!v) return fail_trap("out of memory");
            ei->refs.push_back(v->ref);
        }
        inst->elems.push_back(ei);
    }
    for (const Data& d : m.datas) {
        DataInst* di = store.alloc_data();
        di->bytes = d.bytes;
        inst->datas.push_back(di);
    }
    for (const Export& e : m.exports) {
        ExternVal v;
        v.kind = e.kind;
        switch (e.kind) {
        case ExternKind::Func: v.addr = inst->funcs[e.index]; break;
        case ExternKind::Table: v.addr = inst->tables[e.index]; break;
        case ExternKind::Mem: v.addr = inst->mems[e.index]; break;
        case ExternKind::Global: v.addr = inst->globals[e.index]; break;
        case ExternKind::Tag: v.addr = inst->tags[e.index]; break;
        }
        inst->exports[e.name] = v;
    }
    // instr_E*: active element segments run table.init then elem.drop; declarative ones elem.drop.
    RULE("$runelem_");
    for (uint32_t i = 0; i < m.elems.size(); ++i) {
        const Elem& e = m.elems[i];
        if (e.mode == SegMode::Active) {
            auto off = eval_const(store, *inst, e.offset);
            if (!off) return fail_trap("out of memory");
            TableInst* t = inst->tables[e.table];
            const uint64_t d = t->type.limits.at == AddrType::I64 ? off->i64 : off->i32;
            ElemInst* ei = inst->elems[i];
            const uint64_t n = ei->refs.size();
            if (d > t->elems.size() || n > t->elems.size() - d) return fail_trap("out of bounds table access");
            std::copy(ei->refs.begin(), ei->refs.end(), t->elems.begin() + d);
            ei->refs.clear();
        } else if (e.mode == SegMode::Declarative) {
            inst->elems[i]->refs.clear();
        }
    }
    // instr_D*: active data segments run memory.init then data.drop.
    RULE("$rundata_");
    for (uint32_t i = 0; i < m.datas.size(); ++i) {
        const Data& d = m.datas[i];
        if (d.mode != SegMode::Active) continue;
        auto off = eval_const(store, *inst, d.offset);
        if (!off) return fail_trap("out of memory");
        MemInst* mem = inst->mems[d.memory];
        const uint64_t at = mem->type.limits.at == AddrType::I64 ? off->i64 : off->i32;
        const uint64_t n = d.bytes.size();
        if (at > mem->size || n > mem->size - at) return fail_trap("out of bounds memory access");
        if (n) std::memcpy(mem->data + at, d.bytes.data(), n);
        inst->datas[i]->bytes.clear();
    }
    // instr_S?: the start function.
    if (m.start) {
        Outcome o = thread.invoke(inst->funcs[*m.start], {});
        if (o.kind == Outcome::Trap) {
            result.kind = InstantiateResult::Trap;
            result.message = o.message;
            result.instance = inst;
            return result;
        }
        if (o.kind == Outcome::Exception) {
            result.kind = InstantiateResult::Exception;
            result.message = "uncaught exception";
            result.exn = o.exn;
            result.instance = inst;
            return result;
        }
    }
    result.instance = inst;
    return result;
}

}  // namespace lockstep::wasm
