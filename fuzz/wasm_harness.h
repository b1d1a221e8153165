// The one path a fuzz input takes through the Wasm engine: decode, validate,
// instantiate against stub imports, then invoke every exported function with
// default arguments. Shared by the libFuzzer target (fuzz/wasm_fuzz.cpp) and
// the regression test that replays kept inputs (tests/wasm_fuzz_regressions/),
// so a kept input is replayed exactly as the fuzzer ran it.
//
// Header-only on purpose: the fuzzer is built with clang and sanitizers from
// the wasm sources, the regression test with the project's g++ build; neither
// needs a library of its own for these few functions.
#pragma once

#include "wasm/binary/decoder.h"
#include "wasm/exec/instantiate.h"
#include "wasm/exec/interpreter.h"
#include "wasm/valid/type_registry.h"
#include "wasm/valid/validator.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace lockstep::fuzz {

// Budgets that keep every input finite. Fuel counts calls and backward
// branches (Thread::set_fuel); the stacks are small so that deep recursion
// reaches "call stack exhausted" quickly; the GC budget keeps the heap well
// inside libFuzzer's -rss_limit_mb.
struct Budget {
    uint64_t fuel_per_call = 20000;
    size_t max_values = size_t{1} << 16;
    size_t max_frames = 2000;
    uint64_t max_import_table = 1u << 16;  // elements of a stub table
    uint64_t gc_bytes = uint64_t{1} << 28; // storage of structs and arrays (Store::set_gc_budget)
};

// How far an input got, and what happened there.
struct RunReport {
    enum Stage : uint8_t { Malformed, Invalid, Unlinkable, InstantiationFailed, Instantiated } stage = Malformed;
    std::string message;          // the decode / validation / link / instantiation message
    std::vector<std::string> calls;  // Instantiated: "name: ok|trap MESSAGE|exception|skipped" per export
};

inline const char* stage_name(RunReport::Stage s)
{
    switch (s) {
    case RunReport::Malformed: return "malformed";
    case RunReport::Invalid: return "invalid";
    case RunReport::Unlinkable: return "unlinkable";
    case RunReport::InstantiationFailed: return "instantiation failed";
    case RunReport::Instantiated: return "instantiated";
    }
    return "?";
}

// The report as text, one line per fact (what the regression test compares).
inline std::string to_string(const RunReport& r)
{
    std::string text = std::string(stage_name(r.stage));
    if (!r.message.empty()) text += ": " + r.message;
    text += '\n';
    for (const std::string& c : r.calls) text += c + '\n';
    return text;
}

// The default value of a closed value type, or false if it has none
// (non-nullable references).
inline bool default_value(const wasm::ValType& t, wasm::Value& out)
{
    if (t.is_ref() && !t.nullable) return false;
    out = wasm::Value{};  // zero bits: 0, +0.0, a zero vector, or the null reference
    return true;
}

// A stub for one import: functions return default results (or trap when a
// result type has no default), tables/globals hold defaults, memories have
// their minimum size. False if no stub of that type can be made.
inline bool make_stub_import(wasm::Store& store, const wasm::Module& m, const wasm::Import& im, const Budget& budget,
                             wasm::ExternVal& out)
{
    using namespace wasm;
    auto& registry = TypeRegistry::get();
    out.kind = im.kind;
    switch (im.kind) {
    case ExternKind::Func: {
        FuncInst* f = store.alloc_func();
        f->type_id = m.type_canon[im.type_index];
        f->type = &registry.type(f->type_id).comp.func;
        const FuncType* type = f->type;
        f->host = [type](const std::vector<Value>&) {
            HostResult r;
            for (const ValType& t : type->results) {
                Value v;
                if (!default_value(t, v)) return HostResult{{}, "fuzz stub: no default result"};
                r.results.push_back(v);
            }
            return r;
        };
        out.addr = f;
        return true;
    }
    case ExternKind::Table: {
        TableInst* t = store.alloc_table();
        t->type = im.table;
        t->type.elem = close_val(im.table.elem, m.type_canon);
        Value init;
        if (!default_value(t->type.elem, init) || im.table.limits.min > budget.max_import_table) return false;
        t->elems.assign(im.table.limits.min, init.ref);
        out.addr = t;
        return true;
    }
    case ExternKind::Mem: {
        MemInst* mem = store.alloc_mem();
        if (!mem->init(im.mem)) return false;
        out.addr = mem;
        return true;
    }
    case ExternKind::Global: {
        GlobalInst* g = store.alloc_global();
        g->type = GlobalType{close_val(im.global.type, m.type_canon), im.global.mut};
        if (!default_value(g->type.type, g->value)) return false;
        out.addr = g;
        return true;
    }
    case ExternKind::Tag: {
        TagInst* tag = store.alloc_tag();
        tag->type_id = m.type_canon[im.type_index];
        tag->type = &registry.type(tag->type_id).comp.func;
        out.addr = tag;
        return true;
    }
    }
    return false;
}

// Decode + validate + instantiate + invoke every exported function once.
inline RunReport run_wasm(std::span<const uint8_t> bytes, const Budget& budget = {})
{
    using namespace wasm;
    RunReport report;
    auto module = std::make_shared<Module>();
    if (auto e = decode_module(bytes, *module)) {
        report.stage = RunReport::Malformed;
        report.message = e->message + " at byte " + std::to_string(e->offset);
        return report;
    }
    if (auto e = validate_module(*module)) {
        report.stage = RunReport::Invalid;
        report.message = *e;
        return report;
    }
    Store store;
    store.set_gc_budget(budget.gc_bytes);
    Thread thread(store, budget.max_values, budget.max_frames);
    std::vector<ExternVal> imports(module->imports.size());
    for (size_t i = 0; i < imports.size(); ++i) {
        if (!make_stub_import(store, *module, module->imports[i], budget, imports[i])) {
            report.stage = RunReport::Unlinkable;
            report.message = "no stub for import " + module->imports[i].module + "." + module->imports[i].name;
            return report;
        }
    }
    thread.set_fuel(budget.fuel_per_call);  // bounds the start function
    InstantiateResult inst = instantiate(store, thread, module, imports);
    if (inst.kind != InstantiateResult::Ok) {
        report.stage = inst.kind == InstantiateResult::LinkError ? RunReport::Unlinkable
                                                                 : RunReport::InstantiationFailed;
        report.message = inst.message;
        return report;
    }
    report.stage = RunReport::Instantiated;
    for (const Export& e : module->exports) {
        if (e.kind != ExternKind::Func) continue;
        FuncInst* f = inst.instance->funcs[e.index];
        std::vector<Value> args(f->type->params.size());
        bool callable = true;
        for (size_t i = 0; i < args.size(); ++i) callable = callable && default_value(f->type->params[i], args[i]);
        if (!callable) {
            report.calls.push_back(e.name + ": skipped (non-nullable parameter)");
            continue;
        }
        thread.set_fuel(budget.fuel_per_call);
        Outcome o = thread.invoke(f, args);
        switch (o.kind) {
        case Outcome::Normal: report.calls.push_back(e.name + ": ok"); break;
        case Outcome::Trap: report.calls.push_back(e.name + ": trap " + o.message); break;
        case Outcome::Exception: report.calls.push_back(e.name + ": exception"); break;
        }
    }
    return report;
}

}  // namespace lockstep::fuzz
