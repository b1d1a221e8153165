// Wasm 3.0 §4.4 Instructions (SpecTec 4.3-execution.instructions).
//
// Design: an in-place interpreter over the pre-decoded instruction array.
// The decoder turns each function body into a vector of fixed-size records
// (Instr: opcode + inline immediates) once; validation then writes each
// branch's resolved target pc, carried arity and operand-stack height into
// the record (and br_table/try_table targets into per-function side tables).
// So execution is one `switch` per record with no decoding, no LEB128 and no
// scan for `end` — the speed of a pre-translating interpreter with the
// instruction sequence still 1:1 with the spec's (a reader can map every pc
// back to the instruction it executes, and every handler to its rule).
//
// The spec's configuration maps onto the Thread: the operand stack is
// `stack_` (values of all frames, locals first in each frame), the label
// stack is implicit in the validated heights, frames are `frames_`.
#include "wasm/exec/interpreter.h"

#include "spec/step.h"
#include "wasm/exec/simd.h"
#include "wasm/numerics/numerics.h"
#include "wasm/valid/type_registry.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <new>

namespace lockstep::wasm {

namespace n = numerics;

Thread::ValueStorage::ValueStorage(size_t n)
{
    void* p = mmap(nullptr, n * sizeof(Value), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return;
    data_ = static_cast<Value*>(p);
    size_ = n;
}

Thread::ValueStorage::~ValueStorage()
{
    if (data_) munmap(data_, size_ * sizeof(Value));
}

Thread::Thread(Store& store, size_t max_values, size_t max_frames)
    : store_(store), stack_(max_values), max_frames_(max_frames)
{
    sp_ = stack_.data();
}

// Ref_ok/sub: the reference's own type (Ref_ok/…) matches t.
bool ref_matches(const Ref& r, const ValType& t)
{
    RULE("Ref_ok/sub");
    if (r.is_null()) {
        RULE("Ref_ok/null");
        return t.nullable;
    }
    const AbsHeap top = top_heap(t.heap);
    if (r.externalized || r.kind == Ref::Host) {
        // ref.host is an extern (and, converted, an any); ref.extern wraps an any.
        RULE(r.externalized ? "Ref_ok/extern" : "Ref_ok/host");
        if (top == AbsHeap::Extern) return t.heap == HeapType::abs(AbsHeap::Extern);
        return r.kind == Ref::Host && t.heap == HeapType::abs(AbsHeap::Any);
    }
    switch (r.kind) {
    case Ref::I31: RULE("Ref_ok/i31"); return heap_matches(HeapType::abs(AbsHeap::I31), t.heap);
    case Ref::Struct: case Ref::Array:
        RULE(r.kind == Ref::Struct ? "Ref_ok/struct" : "Ref_ok/array");
        return heap_matches(HeapType::idx(r.as_object()->type_id), t.heap);
    case Ref::Func: RULE("Ref_ok/func"); return heap_matches(HeapType::idx(r.as_func()->type_id), t.heap);
    case Ref::Exn: RULE("Ref_ok/exn"); return heap_matches(HeapType::abs(AbsHeap::Exn), t.heap);
    default: return false;
    }
}

namespace {

// The storage size of an array element (for array.new_data / init_data).
uint32_t storage_size(const FieldType& f)
{
    if (f.packed == Packed::I8) return 1;
    if (f.packed == Packed::I16) return 2;
    switch (f.type.kind) {
    case ValKind::I32: case ValKind::F32: return 4;
    case ValKind::I64: case ValKind::F64: return 8;
    default: return 16;
    }
}

Value read_storage(const uint8_t* p, const FieldType& f)
{
    Value v;
    std::memcpy(&v, p, storage_size(f));
    return v;
}

// An effective address check: [ea, ea+n) within size.
inline bool in_bounds(uint64_t base, uint64_t offset, uint64_t n, uint64_t size, uint64_t& ea)
{
    if (__builtin_add_overflow(base, offset, &ea)) return false;
    return ea <= size && n <= size - ea;
}

inline bool range_ok(uint64_t start, uint64_t n, uint64_t size)
{
    uint64_t end;
    return !__builtin_add_overflow(start, n, &end) && end <= size;
}

}  // namespace

Outcome Thread::invoke(FuncInst* f, const std::vector<Value>& args)
{
    if (!f->code) {
        HostResult r = f->host(args);
        if (!r.trap.empty()) return Outcome::trap(r.trap);
        Outcome o;
        if (r.exception) {
            o.kind = Outcome::Exception;
            o.exn = r.exception;
            return o;
        }
        o.values = std::move(r.results);
        return o;
    }
    Value* const base = sp_;
    const Value* const end = stack_.data() + stack_.size();
    if (static_cast<size_t>(end - base) < args.size()) return Outcome::trap("call stack exhausted");
    std::copy(args.begin(), args.end(), base);
    sp_ = base + args.size();
    const size_t entry = frames_.size();
    // Enter the callee's frame (Step_read/call's `frame` step).
    const size_t nlocals = f->type->params.size() + f->code->locals.size() + f->code->extra_slots;
    Value* locals = sp_ - f->type->params.size();
    if (frames_.size() >= max_frames_ ||
        static_cast<size_t>(end - locals) < nlocals + f->code->max_height + 1) {
        sp_ = base;
        return Outcome::trap("call stack exhausted");
    }
    std::fill(locals + f->type->params.size(), locals + nlocals, Value());
    frames_.push_back(Frame{f, f->code->body.data(), 0, locals, locals + nlocals});
    sp_ = locals + nlocals;
    Outcome o;
    try {
        o = run(entry);
    } catch (const std::bad_alloc&) {
        // The last resort for an allocation that the implementation limits
        // let through but the machine cannot satisfy: a trap, not an abort.
        o = Outcome::trap("out of memory");
    }
    if (o.kind == Outcome::Normal) o.values.assign(base, base + f->type->results.size());
    frames_.resize(entry);
    sp_ = base;
    return o;
}

Outcome Thread::run(size_t entry_depth)
{
    Frame* fr;
    const Instr* code;
    uint32_t pc;
    Value* locals;
    ModuleInst* mod;
    Value* sp = sp_;
    const Value* const stack_end = stack_.data() + stack_.size();
    ExnInst* pending = nullptr;  // an exception being thrown

#define LOAD_FRAME()                   \
    do {                               \
        fr = &frames_.back();          \
        code = fr->code;               \
        pc = fr->pc;                   \
        locals = fr->locals;           \
        mod = fr->func->module;        \
    } while (0)
#define TRAP(msg)                                  \
    do {                                           \
        frames_.resize(entry_depth);               \
        return Outcome::trap(msg);                 \
    } while (0)
#define POP() (*--sp)
#define PUSH(v) (*sp++ = (v))
#define TOP() (sp[-1])
// Jumps to a branch target; backward jumps (loops) spend fuel.
#define JUMP(target)                                          \
    do {                                                      \
        const uint32_t to_ = (target);                        \
        if (to_ < pc && !spend_fuel()) TRAP("fuel exhausted"); \
        pc = to_;                                             \
    } while (0)

    LOAD_FRAME();

    // Enters a Wasm function whose arguments are on top of the stack
    // (Step_read/call: the frame and the function body's label).
    auto enter = [&](FuncInst* callee) -> bool {
        const size_t nparams = callee->type->params.size();
        const size_t nlocals = nparams + callee->code->locals.size() + callee->code->extra_slots;
        Value* new_locals = sp - nparams;
        if (frames_.size() >= max_frames_ ||
            static_cast<size_t>(stack_end - new_locals) < nlocals + callee->code->max_height + 1)
            return false;
        std::fill(new_locals + nparams, new_locals + nlocals, Value());
        frames_.push_back(Frame{callee, callee->code->body.data(), 0, new_locals, new_locals + nlocals});
        sp = new_locals + nlocals;
        return true;
    };
    // Calls a host function with the arguments on top of the stack.
    auto call_host = [&](FuncInst* callee, std::string& trap) {
        const size_t nparams = callee->type->params.size();
        std::vector<Value> args(sp - nparams, sp);
        sp -= nparams;
        sp_ = sp;
        HostResult r = callee->host(args);
        // The host may have run Wasm code on this thread (a reentrant
        // invoke): the frame vector may have moved.
        if (frames_.size() > entry_depth) fr = &frames_.back();
        if (!r.trap.empty()) {
            trap = r.trap;
            return;
        }
        if (r.exception) {
            // Step_read/throw_ref: the host's exception unwinds from the call.
            pending = r.exception;
            return;
        }
        for (const Value& v : r.results) PUSH(v);
    };
    // Step_pure/return-frame: the results replace the frame.
    auto leave = [&](size_t arity) {
        Value* dst = fr->locals;
        std::memmove(dst, sp - arity, arity * sizeof(Value));
        sp = dst + arity;
        frames_.pop_back();
    };

    for (;;) {
        if (pending) {
            // Step_read/throw_ref-*: unwind to the innermost matching handler.
            ExnInst* exn = pending;
            pending = nullptr;
            bool caught = false;
            while (frames_.size() > entry_depth) {
                fr = &frames_.back();
                uint32_t at = fr->pc - 1;  // the throwing instruction (or the call)
                const Func& f = *fr->func->code;
                // Handlers of the regions containing `at`, innermost (latest start) first;
                // `bound` excludes regions already tried (and, after a delegate, those
                // nested inside its target block).
                uint32_t bound = UINT32_MAX;
                for (;;) {
                    const TryRegion* best = nullptr;
                    for (const TryRegion& r : f.try_regions)
                        if (r.start < at && at < r.end && r.start < bound && (!best || r.start > best->start)) best = &r;
                    if (!best) break;
                    bound = best->start;
                    if (best->delegates) {
                        RULE("Step_read/throw_ref-handler-next");
                        if (best->delegate_start == UINT32_MAX) break;  // delegated to the caller
                        at = best->start;
                        bound = best->delegate_start + 1;
                        continue;
                    }
                    for (const CatchTarget& c : best->catches) {
                        const bool tag_ok = c.kind == Catch::CatchAll || c.kind == Catch::CatchAllRef ||
                                            exn->tag == fr->func->module->tags[c.tag];
                        if (!tag_ok) continue;
                        RULE(c.kind == Catch::Catch_      ? "Step_read/throw_ref-handler-catch"
                             : c.kind == Catch::CatchRef  ? "Step_read/throw_ref-handler-catch_ref"
                             : c.kind == Catch::CatchAll  ? "Step_read/throw_ref-handler-catch_all"
                                                          : "Step_read/throw_ref-handler-catch_all_ref");
                        sp = fr->operands + c.target.height;
                        if (c.kind == Catch::Catch_ || c.kind == Catch::CatchRef)
                            for (const Value& v : exn->fields) PUSH(v);
                        if (c.kind == Catch::CatchRef || c.kind == Catch::CatchAllRef)
                            PUSH(Value::from_ref(Ref{exn, 0, Ref::Exn, false}));
                        if (best->legacy) fr->locals[best->exn_slot] = Value::from_ref(Ref{exn, 0, Ref::Exn, false});
                        fr->pc = c.target.pc;
                        caught = true;
                        break;
                    }
                    if (caught) break;
                    RULE("Step_read/throw_ref-handler-empty");  // no catch of this handler matched
                }
                if (caught) break;
                RULE("Step_read/throw_ref-frame");
                sp = fr->locals;
                frames_.pop_back();
            }
            // A handler may lie before the throw (a loop around a try_table): spend fuel.
            if (caught && !spend_fuel()) TRAP("fuel exhausted");
            if (!caught) {
                Outcome o;
                o.kind = Outcome::Exception;
                o.exn = exn;
                return o;
            }
            LOAD_FRAME();
        }

        const Instr& in = code[pc++];
        switch (in.op) {
        // ---- control (Step_pure / Step_read) ----
        case Op::Unreachable: RULE("Step_pure/unreachable"); TRAP("unreachable");
        case Op::Nop: RULE("Step_pure/nop"); break;
        case Op::Block: RULE("Step_read/block"); break;
        case Op::Loop: RULE("Step_read/loop"); break;
        case Op::If:
            if (POP().i32) {
                RULE("Step_pure/if-true");
            } else {
                RULE("Step_pure/if-false");
                pc = in.a;
            }
            break;
        case Op::Else:
            // The true branch finished: leave the `if` (Step_pure/label-vals).
            pc = in.a;
            break;
        case Op::TryTable: RULE("Step_read/try_table"); break;
        // Legacy exception handling (the legacy proposal's try/catch/delegate/rethrow).
        case Op::Try: break;
        case Op::Catch: case Op::CatchAll:
            // The previous part of the try finished: leave the try.
            pc = in.a;
            break;
        case Op::Delegate: break;
        case Op::Rethrow:
            fr->pc = pc;
            pending = locals[in.a].ref.as_exn();
            break;
        case Op::End:
            if (pc < fr->func->code->body.size()) {
                RULE("Step_pure/label-vals");
                break;
            }
            [[fallthrough]];
        case Op::Return: {
            // The end of the function's body (End falls through): frame-vals.
            RULE(in.op == Op::Return ? "Step_pure/return-frame" : "Step_pure/frame-vals");
            leave(fr->func->type->results.size());
            if (frames_.size() == entry_depth) {
                sp_ = sp;
                return Outcome{};
            }
            LOAD_FRAME();
            break;
        }
        case Op::Br: {
            RULE("Step_pure/br-label-zero");
            const uint32_t arity = static_cast<uint32_t>(in.c), height = static_cast<uint32_t>(in.c >> 32);
            Value* dst = fr->operands + height;
            std::memmove(dst, sp - arity, arity * sizeof(Value));
            sp = dst + arity;
            JUMP(in.a);
            break;
        }
        case Op::BrIf:
            if (POP().i32) {
                RULE("Step_pure/br_if-true");
                const uint32_t arity = static_cast<uint32_t>(in.c), height = static_cast<uint32_t>(in.c >> 32);
                Value* dst = fr->operands + height;
                std::memmove(dst, sp - arity, arity * sizeof(Value));
                sp = dst + arity;
                JUMP(in.a);
            } else {
                RULE("Step_pure/br_if-false");
            }
            break;
        case Op::BrTable: {
            const uint32_t i = POP().i32;
            RULE(i < in.b - 1 ? "Step_pure/br_table-lt" : "Step_pure/br_table-ge");
            const BrTarget& t = fr->func->code->br_targets[in.a + std::min(i, in.b - 1)];
            Value* dst = fr->operands + t.height;
            std::memmove(dst, sp - t.arity, t.arity * sizeof(Value));
            sp = dst + t.arity;
            JUMP(t.pc);
            break;
        }
        case Op::BrOnNull: case Op::BrOnNonNull: {
            const bool is_null = TOP().ref.is_null();
            const bool take = (in.op == Op::BrOnNull) == is_null;
            RULE(in.op == Op::BrOnNull ? (is_null ? "Step_pure/br_on_null-null" : "Step_pure/br_on_null-addr")
                                       : (is_null ? "Step_pure/br_on_non_null-null" : "Step_pure/br_on_non_null-addr"));
            if (is_null) --sp;  // br_on_null drops the null; br_on_non_null falls through without it
            if (take) {
                const uint32_t arity = static_cast<uint32_t>(in.c), height = static_cast<uint32_t>(in.c >> 32);
                Value* dst = fr->operands + height;
                std::memmove(dst, sp - arity, arity * sizeof(Value));
                sp = dst + arity;
                JUMP(in.a);
            }
            break;
        }
        case Op::BrOnCast: case Op::BrOnCastFail: {
            const ValType& rt2 = fr->func->code->pools.ref_types[in.b + 1];
            const bool ok = ref_matches(TOP().ref, rt2);
            RULE(in.op == Op::BrOnCast ? (ok ? "Step_read/br_on_cast-succeed" : "Step_read/br_on_cast-fail")
                                       : (ok ? "Step_read/br_on_cast_fail-fail" : "Step_read/br_on_cast_fail-succeed"));
            if (ok == (in.op == Op::BrOnCast)) {
                const uint32_t arity = static_cast<uint32_t>(in.c), height = static_cast<uint32_t>(in.c >> 32);
                Value* dst = fr->operands + height;
                std::memmove(dst, sp - arity, arity * sizeof(Value));
                sp = dst + arity;
                JUMP(in.a);
            }
            break;
        }
        case Op::Call: case Op::ReturnCall: case Op::CallIndirect: case Op::ReturnCallIndirect:
        case Op::CallRef: case Op::ReturnCallRef: {
            FuncInst* callee;
            if (in.op == Op::Call || in.op == Op::ReturnCall) {
                RULE(in.op == Op::Call ? "Step_read/call" : "Step_read/return_call");
                callee = mod->funcs[in.a];
            } else if (in.op == Op::CallIndirect || in.op == Op::ReturnCallIndirect) {
                RULE(in.op == Op::CallIndirect ? "Step_pure/call_indirect" : "Step_pure/return_call_indirect");
                TableInst* t = mod->tables[in.b];
                const uint64_t i = t->type.limits.at == AddrType::I64 ? POP().i64 : POP().i32;
                if (i >= t->elems.size()) TRAP("undefined element " + std::to_string(i));
                const Ref r = t->elems[i];
                if (r.is_null()) TRAP("uninitialized element " + std::to_string(i));
                callee = r.as_func();
                if (!TypeRegistry::get().is_sub(callee->type_id, mod->types[in.a])) TRAP("indirect call type mismatch");
            } else {
                const Ref r = POP().ref;
                if (in.op == Op::ReturnCallRef)
                    RULE(r.is_null() ? "Step_read/return_call_ref-frame-null" : "Step_read/return_call_ref-frame-addr");
                else
                    RULE(r.is_null() ? "Step_read/call_ref-null" : "Step_read/call_ref-func");
                if (r.is_null()) TRAP("null function reference");
                callee = r.as_func();
            }
            if (!spend_fuel()) TRAP("fuel exhausted");
            const bool tail = in.op == Op::ReturnCall || in.op == Op::ReturnCallIndirect || in.op == Op::ReturnCallRef;
            if (tail) {
                // The arguments replace the current frame (return_call's frame step).
                const size_t nparams = callee->type->params.size();
                Value* dst = fr->locals;
                std::memmove(dst, sp - nparams, nparams * sizeof(Value));
                sp = dst + nparams;
                frames_.pop_back();
            } else {
                fr->pc = pc;
            }
            if (!callee->code) {
                std::string trap;
                call_host(callee, trap);
                if (!trap.empty()) TRAP(trap);
                if (tail && !pending) {
                    if (frames_.size() == entry_depth) {
                        sp_ = sp;
                        return Outcome{};
                    }
                    LOAD_FRAME();
                }
                break;
            }
            if (!enter(callee)) TRAP("call stack exhausted");
            LOAD_FRAME();
            break;
        }
        case Op::Throw: {
            RULE("Step/throw");
            TagInst* tag = mod->tags[in.a];
            ExnInst* exn = store_.alloc_exn();
            exn->tag = tag;
            const size_t nf = tag->type->params.size();
            exn->fields.assign(sp - nf, sp);
            sp -= nf;
            fr->pc = pc;
            pending = exn;
            break;
        }
        case Op::ThrowRef: {
            const Ref r = POP().ref;
            if (r.is_null()) {
                RULE("Step_read/throw_ref-null");
                TRAP("null exception reference");
            }
            fr->pc = pc;
            pending = r.as_exn();
            break;
        }
        // ---- parametric ----
        case Op::Drop: RULE("Step_pure/drop"); --sp; break;
        case Op::Select: case Op::SelectT: {
            const uint32_t c = POP().i32;
            RULE(c ? "Step_pure/select-true" : "Step_pure/select-false");
            const Value b = POP();
            if (!c) TOP() = b;
            break;
        }
        // ---- variables ----
        case Op::LocalGet: RULE("Step_read/local.get"); PUSH(locals[in.a]); break;
        case Op::LocalSet: RULE("Step/local.set"); locals[in.a] = POP(); break;
        case Op::LocalTee: RULE("Step_pure/local.tee"); locals[in.a] = TOP(); break;
        case Op::GlobalGet: RULE("Step_read/global.get"); PUSH(mod->globals[in.a]->value); break;
        case Op::GlobalSet: RULE("Step/global.set"); mod->globals[in.a]->value = POP(); break;
        // ---- tables ----
        case Op::TableGet: {
            TableInst* t = mod->tables[in.a];
            const uint64_t i = t->type.limits.at == AddrType::I64 ? POP().i64 : POP().i32;
            if (i >= t->elems.size()) {
                RULE("Step_read/table.get-oob");
                TRAP("out of bounds table access");
            }
            RULE("Step_read/table.get-val");
            PUSH(Value::from_ref(t->elems[i]));
            break;
        }
        case Op::TableSet: {
            TableInst* t = mod->tables[in.a];
            const Ref r = POP().ref;
            const uint64_t i = t->type.limits.at == AddrType::I64 ? POP().i64 : POP().i32;
            if (i >= t->elems.size()) {
                RULE("Step/table.set-oob");
                TRAP("out of bounds table access");
            }
            RULE("Step/table.set-val");
            t->elems[i] = r;
            break;
        }
        case Op::TableSize: {
            RULE("Step_read/table.size");
            TableInst* t = mod->tables[in.a];
            PUSH(Value::from_i64(t->elems.size()));
            if (t->type.limits.at == AddrType::I32) TOP() = Value::from_i32(static_cast<uint32_t>(t->elems.size()));
            break;
        }
        case Op::TableGrow: {
            TableInst* t = mod->tables[in.a];
            const bool is64 = t->type.limits.at == AddrType::I64;
            const uint64_t delta = is64 ? POP().i64 : POP().i32;
            const Ref init = POP().ref;
            const uint64_t old = t->elems.size();
            const uint64_t max = t->type.limits.has_max ? t->type.limits.max : (is64 ? UINT64_MAX : 0xFFFFFFFFull);
            // An implementation limit keeps tables within memory.
            if (delta > max - old || old + delta > kMaxTableSize) {
                RULE("Step/table.grow-fail");
                PUSH(is64 ? Value::from_i64(UINT64_MAX) : Value::from_i32(UINT32_MAX));
            } else {
                RULE("Step/table.grow-succeed");
                t->elems.resize(old + delta, init);
                t->type.limits.min = old + delta;
                PUSH(is64 ? Value::from_i64(old) : Value::from_i32(static_cast<uint32_t>(old)));
            }
            break;
        }
        case Op::TableFill: {
            TableInst* t = mod->tables[in.a];
            const bool is64 = t->type.limits.at == AddrType::I64;
            const uint64_t cnt = is64 ? POP().i64 : POP().i32;
            const Ref v = POP().ref;
            const uint64_t i = is64 ? POP().i64 : POP().i32;
            if (!range_ok(i, cnt, t->elems.size())) {
                RULE("Step_read/table.fill-oob");
                TRAP("out of bounds table access");
            }
            RULE(cnt == 0 ? "Step_read/table.fill-zero" : "Step_read/table.fill-succ");
            std::fill(t->elems.begin() + i, t->elems.begin() + i + cnt, v);
            break;
        }
        case Op::TableCopy: {
            TableInst* d = mod->tables[in.a];
            TableInst* s = mod->tables[in.b];
            const bool d64 = d->type.limits.at == AddrType::I64, s64 = s->type.limits.at == AddrType::I64;
            const uint64_t cnt = (d64 && s64) ? POP().i64 : POP().i32;
            const uint64_t si = s64 ? POP().i64 : POP().i32;
            const uint64_t di = d64 ? POP().i64 : POP().i32;
            if (!range_ok(si, cnt, s->elems.size()) || !range_ok(di, cnt, d->elems.size())) {
                RULE("Step_read/table.copy-oob");
                TRAP("out of bounds table access");
            }
            RULE(cnt == 0 ? "Step_read/table.copy-zero" : di <= si ? "Step_read/table.copy-le" : "Step_read/table.copy-gt");
            if (di <= si) std::copy(s->elems.begin() + si, s->elems.begin() + si + cnt, d->elems.begin() + di);
            else std::copy_backward(s->elems.begin() + si, s->elems.begin() + si + cnt, d->elems.begin() + di + cnt);
            break;
        }
        case Op::TableInit: {
            TableInst* t = mod->tables[in.a];
            ElemInst* e = mod->elems[in.b];
            const uint64_t cnt = POP().i32;
            const uint64_t si = POP().i32;
            const uint64_t di = t->type.limits.at == AddrType::I64 ? POP().i64 : POP().i32;
            if (!range_ok(si, cnt, e->refs.size()) || !range_ok(di, cnt, t->elems.size())) {
                RULE("Step_read/table.init-oob");
                TRAP("out of bounds table access");
            }
            RULE(cnt == 0 ? "Step_read/table.init-zero" : "Step_read/table.init-succ");
            std::copy(e->refs.begin() + si, e->refs.begin() + si + cnt, t->elems.begin() + di);
            break;
        }
        case Op::ElemDrop: RULE("Step/elem.drop"); mod->elems[in.a]->refs.clear(); break;
        // ---- memory ----
// The effective address of an N-byte access; OOB_RULE marks the rule that traps.
#define MEM_ADDR(N, OOB_RULE)                                                            \
    MemInst* m = mod->mems[in.b];                                                        \
    uint64_t ea;                                                                         \
    if (!in_bounds(m->type.limits.at == AddrType::I64 ? POP().i64 : POP().i32, in.c, N,  \
                   m->size, ea)) {                                                       \
        OOB_RULE;                                                                        \
        TRAP("out of bounds memory access");                                             \
    }
// PACK: a narrower access than the value type (load-pack rules).
#define LOAD(OP, T, N, CONV, PACK)                                                          \
    case Op::OP: {                                                                          \
        RULE(PACK ? "Step_read/load-pack-val" : "Step_read/load-num-val");                  \
        MEM_ADDR(N, RULE(PACK ? "Step_read/load-pack-oob" : "Step_read/load-num-oob"))      \
        T raw;                                       \
        std::memcpy(&raw, m->data + ea, N);          \
        PUSH(CONV);                                  \
        break;                                       \
    }
        LOAD(I32Load, uint32_t, 4, Value::from_i32(raw), false)
        LOAD(I64Load, uint64_t, 8, Value::from_i64(raw), false)
        LOAD(F32Load, uint32_t, 4, Value::from_f32_bits(raw), false)
        LOAD(F64Load, uint64_t, 8, Value::from_f64_bits(raw), false)
        LOAD(I32Load8S, int8_t, 1, Value::from_i32(static_cast<uint32_t>(static_cast<int32_t>(raw))), true)
        LOAD(I32Load8U, uint8_t, 1, Value::from_i32(raw), true)
        LOAD(I32Load16S, int16_t, 2, Value::from_i32(static_cast<uint32_t>(static_cast<int32_t>(raw))), true)
        LOAD(I32Load16U, uint16_t, 2, Value::from_i32(raw), true)
        LOAD(I64Load8S, int8_t, 1, Value::from_i64(static_cast<uint64_t>(static_cast<int64_t>(raw))), true)
        LOAD(I64Load8U, uint8_t, 1, Value::from_i64(raw), true)
        LOAD(I64Load16S, int16_t, 2, Value::from_i64(static_cast<uint64_t>(static_cast<int64_t>(raw))), true)
        LOAD(I64Load16U, uint16_t, 2, Value::from_i64(raw), true)
        LOAD(I64Load32S, int32_t, 4, Value::from_i64(static_cast<uint64_t>(static_cast<int64_t>(raw))), true)
        LOAD(I64Load32U, uint32_t, 4, Value::from_i64(raw), true)
#undef LOAD
#define STORE(OP, N, FIELD, PACK)                                                     \
    case Op::OP: {                                                                    \
        RULE(PACK ? "Step/store-pack-val" : "Step/store-num-val");                    \
        const Value v = POP();                                                        \
        MEM_ADDR(N, RULE(PACK ? "Step/store-pack-oob" : "Step/store-num-oob"))        \
        std::memcpy(m->data + ea, &v.FIELD, N);      \
        break;                                       \
    }
        STORE(I32Store, 4, i32, false)
        STORE(I64Store, 8, i64, false)
        STORE(F32Store, 4, i32, false)
        STORE(F64Store, 8, i64, false)
        STORE(I32Store8, 1, i32, true)
        STORE(I32Store16, 2, i32, true)
        STORE(I64Store8, 1, i64, true)
        STORE(I64Store16, 2, i64, true)
        STORE(I64Store32, 4, i64, true)
#undef STORE
        // ---- vector memory instructions ----
        case Op::V128Load: {
            RULE("Step_read/vload-val");
            MEM_ADDR(16, RULE("Step_read/vload-oob"))
            Value v;
            std::memcpy(v.v128, m->data + ea, 16);
            PUSH(v);
            break;
        }
        case Op::V128Load8x8S: case Op::V128Load8x8U: case Op::V128Load16x4S: case Op::V128Load16x4U:
        case Op::V128Load32x2S: case Op::V128Load32x2U: {
            RULE("Step_read/vload-pack-val");
            MEM_ADDR(8, RULE("Step_read/vload-pack-oob"))
            uint8_t raw[8];
            std::memcpy(raw, m->data + ea, 8);
            Value v;
            const bool is_signed = in.op == Op::V128Load8x8S || in.op == Op::V128Load16x4S || in.op == Op::V128Load32x2S;
            const unsigned size = (in.op == Op::V128Load8x8S || in.op == Op::V128Load8x8U) ? 1
                                : (in.op == Op::V128Load16x4S || in.op == Op::V128Load16x4U) ? 2 : 4;
            for (unsigned i = 0; i < 8 / size; ++i) {
                uint64_t lane = 0;
                std::memcpy(&lane, raw + i * size, size);
                if (is_signed) lane = n::iextend_s<uint64_t>(lane, size * 8);
                std::memcpy(v.v128 + i * size * 2, &lane, size * 2);
            }
            PUSH(v);
            break;
        }
        case Op::V128Load8Splat: case Op::V128Load16Splat: case Op::V128Load32Splat: case Op::V128Load64Splat: {
            RULE("Step_read/vload-splat-val");
            const unsigned size = in.op == Op::V128Load8Splat ? 1 : in.op == Op::V128Load16Splat ? 2
                                : in.op == Op::V128Load32Splat ? 4 : 8;
            MEM_ADDR(size, RULE("Step_read/vload-splat-oob"))
            Value v;
            for (unsigned i = 0; i < 16 / size; ++i) std::memcpy(v.v128 + i * size, m->data + ea, size);
            PUSH(v);
            break;
        }
        case Op::V128Load32Zero: case Op::V128Load64Zero: {
            RULE("Step_read/vload-zero-val");
            const unsigned size = in.op == Op::V128Load32Zero ? 4 : 8;
            MEM_ADDR(size, RULE("Step_read/vload-zero-oob"))
            Value v;
            std::memcpy(v.v128, m->data + ea, size);
            PUSH(v);
            break;
        }
        case Op::V128Store: {
            RULE("Step/vstore-val");
            const Value v = POP();
            MEM_ADDR(16, RULE("Step/vstore-oob"))
            std::memcpy(m->data + ea, v.v128, 16);
            break;
        }
        case Op::V128Load8Lane: case Op::V128Load16Lane: case Op::V128Load32Lane: case Op::V128Load64Lane: {
            RULE("Step_read/vload_lane-val");
            const unsigned size = 1u << (static_cast<unsigned>(in.op) - static_cast<unsigned>(Op::V128Load8Lane));
            Value v = POP();
            MEM_ADDR(size, RULE("Step_read/vload_lane-oob"))
            std::memcpy(v.v128 + in.d * size, m->data + ea, size);
            PUSH(v);
            break;
        }
        case Op::V128Store8Lane: case Op::V128Store16Lane: case Op::V128Store32Lane: case Op::V128Store64Lane: {
            RULE("Step/vstore_lane-val");
            const unsigned size = 1u << (static_cast<unsigned>(in.op) - static_cast<unsigned>(Op::V128Store8Lane));
            const Value v = POP();
            MEM_ADDR(size, RULE("Step/vstore_lane-oob"))
            std::memcpy(m->data + ea, v.v128 + in.d * size, size);
            break;
        }
#undef MEM_ADDR
        case Op::MemorySize: {
            RULE("Step_read/memory.size");
            MemInst* m = mod->mems[in.a];
            PUSH(m->type.limits.at == AddrType::I64 ? Value::from_i64(m->pages())
                                                    : Value::from_i32(static_cast<uint32_t>(m->pages())));
            break;
        }
        case Op::MemoryGrow: {
            MemInst* m = mod->mems[in.a];
            const bool is64 = m->type.limits.at == AddrType::I64;
            const uint64_t delta = is64 ? POP().i64 : POP().i32;
            const uint64_t old = m->pages();
            if (m->grow(delta)) {
                RULE("Step/memory.grow-succeed");
                PUSH(is64 ? Value::from_i64(old) : Value::from_i32(static_cast<uint32_t>(old)));
                if (store_.memory_grown) store_.memory_grown(m);
            } else {
                RULE("Step/memory.grow-fail");
                PUSH(is64 ? Value::from_i64(UINT64_MAX) : Value::from_i32(UINT32_MAX));
            }
            break;
        }
        case Op::MemoryFill: {
            MemInst* m = mod->mems[in.a];
            const bool is64 = m->type.limits.at == AddrType::I64;
            const uint64_t cnt = is64 ? POP().i64 : POP().i32;
            const uint8_t val = static_cast<uint8_t>(POP().i32);
            const uint64_t d = is64 ? POP().i64 : POP().i32;
            if (!range_ok(d, cnt, m->size)) {
                RULE("Step_read/memory.fill-oob");
                TRAP("out of bounds memory access");
            }
            RULE(cnt == 0 ? "Step_read/memory.fill-zero" : "Step_read/memory.fill-succ");
            std::memset(m->data + d, val, cnt);
            break;
        }
        case Op::MemoryCopy: {
            MemInst* dm = mod->mems[in.a];
            MemInst* sm = mod->mems[in.b];
            const bool d64 = dm->type.limits.at == AddrType::I64, s64 = sm->type.limits.at == AddrType::I64;
            const uint64_t cnt = (d64 && s64) ? POP().i64 : POP().i32;
            const uint64_t s = s64 ? POP().i64 : POP().i32;
            const uint64_t d = d64 ? POP().i64 : POP().i32;
            if (!range_ok(s, cnt, sm->size) || !range_ok(d, cnt, dm->size)) {
                RULE("Step_read/memory.copy-oob");
                TRAP("out of bounds memory access");
            }
            RULE(cnt == 0 ? "Step_read/memory.copy-zero" : d <= s ? "Step_read/memory.copy-le" : "Step_read/memory.copy-gt");
            std::memmove(dm->data + d, sm->data + s, cnt);
            break;
        }
        case Op::MemoryInit: {
            MemInst* m = mod->mems[in.a];
            DataInst* data = mod->datas[in.b];
            const uint64_t cnt = POP().i32;
            const uint64_t s = POP().i32;
            const uint64_t d = m->type.limits.at == AddrType::I64 ? POP().i64 : POP().i32;
            if (!range_ok(s, cnt, data->bytes.size()) || !range_ok(d, cnt, m->size)) {
                RULE("Step_read/memory.init-oob");
                TRAP("out of bounds memory access");
            }
            RULE(cnt == 0 ? "Step_read/memory.init-zero" : "Step_read/memory.init-succ");
            if (cnt) std::memcpy(m->data + d, data->bytes.data() + s, cnt);
            break;
        }
        case Op::DataDrop: RULE("Step/data.drop"); mod->datas[in.a]->bytes.clear(); break;
        // ---- references ----
        case Op::RefNull: RULE("Step_read/ref.null"); PUSH(Value::from_ref(Ref::null())); break;
        case Op::RefIsNull: {
            const bool is_null = POP().ref.is_null();
            RULE(is_null ? "Step_pure/ref.is_null-true" : "Step_pure/ref.is_null-false");
            PUSH(Value::from_i32(is_null));
            break;
        }
        case Op::RefFunc: RULE("Step_read/ref.func"); PUSH(Value::from_ref(Ref::func(mod->funcs[in.a]))); break;
        case Op::RefAsNonNull:
            if (TOP().ref.is_null()) {
                RULE("Step_pure/ref.as_non_null-null");
                TRAP("null reference");
            }
            RULE("Step_pure/ref.as_non_null-addr");
            break;
        case Op::RefEq: {
            const Ref b = POP().ref;
            const Ref a = POP().ref;
            const bool eq = (a.is_null() && b.is_null()) || a.same(b);
            RULE(a.is_null() && b.is_null() ? "Step_pure/ref.eq-null"
                 : eq                       ? "Step_pure/ref.eq-true"
                                            : "Step_pure/ref.eq-false");
            PUSH(Value::from_i32(eq));
            break;
        }
        case Op::RefTest: case Op::RefTestNull: {
            const bool ok = ref_matches(POP().ref, fr->func->code->pools.ref_types[in.a]);
            RULE(ok ? "Step_read/ref.test-true" : "Step_read/ref.test-false");
            PUSH(Value::from_i32(ok));
            break;
        }
        case Op::RefCast: case Op::RefCastNull:
            if (!ref_matches(TOP().ref, fr->func->code->pools.ref_types[in.a])) {
                RULE("Step_read/ref.cast-fail");
                TRAP("cast failure");
            }
            RULE("Step_read/ref.cast-succeed");
            break;
        case Op::RefI31: RULE("Step_pure/ref.i31"); TOP() = Value::from_ref(Ref::i31(TOP().i32)); break;
        case Op::I31GetS: case Op::I31GetU: {
            const Ref r = POP().ref;
            if (r.is_null()) {
                RULE("Step_pure/i31.get-null");
                TRAP("null i31 reference");
            }
            RULE("Step_pure/i31.get-num");
            PUSH(Value::from_i32(in.op == Op::I31GetS ? n::iextend_s<uint32_t>(r.bits, 31) : r.bits));
            break;
        }
        case Op::AnyConvertExtern: {
            Ref& r = TOP().ref;
            RULE(r.is_null() ? "Step_pure/any.convert_extern-null" : "Step_pure/any.convert_extern-addr");
            r.externalized = false;
            break;
        }
        case Op::ExternConvertAny: {
            Ref& r = TOP().ref;
            RULE(r.is_null() ? "Step_pure/extern.convert_any-null" : "Step_pure/extern.convert_any-addr");
            if (!r.is_null() && r.kind != Ref::Host) r.externalized = true;
            break;
        }
        // ---- aggregates ----
        case Op::StructNew: case Op::StructNewDefault: {
            RULE(in.op == Op::StructNew ? "Step/struct.new" : "Step_read/struct.new_default");
            const uint32_t id = mod->types[in.a];
            const CompType& ct = TypeRegistry::get().type(id).comp;
            GcObject* o = store_.alloc_object(id, ct.fields.size());
            if (!o) TRAP("out of memory");
            if (in.op == Op::StructNew) {
                for (size_t i = ct.fields.size(); i-- > 0;) o->fields[i] = pack(POP(), ct.fields[i]);
            }
            PUSH(Value::from_ref(Ref{o, 0, Ref::Struct, false}));
            break;
        }
        case Op::StructGet: case Op::StructGetS: case Op::StructGetU: {
            const Ref r = POP().ref;
            if (r.is_null()) {
                RULE("Step_read/struct.get-null");
                TRAP("null structure reference");
            }
            RULE("Step_read/struct.get-struct");
            const FieldType& f = TypeRegistry::get().type(mod->types[in.a]).comp.fields[in.b];
            Value v = r.as_object()->fields[in.b];
            if (in.op == Op::StructGetS) v.i32 = n::iextend_s<uint32_t>(v.i32, f.packed == Packed::I8 ? 8 : 16);
            PUSH(v);
            break;
        }
        case Op::StructSet: {
            const Value v = POP();
            const Ref r = POP().ref;
            if (r.is_null()) {
                RULE("Step/struct.set-null");
                TRAP("null structure reference");
            }
            RULE("Step/struct.set-struct");
            const FieldType& f = TypeRegistry::get().type(mod->types[in.a]).comp.fields[in.b];
            r.as_object()->fields[in.b] = pack(v, f);
            break;
        }
        case Op::ArrayNew: case Op::ArrayNewDefault: case Op::ArrayNewFixed: {
            const uint32_t id = mod->types[in.a];
            const FieldType& f = TypeRegistry::get().type(id).comp.fields[0];
            RULE(in.op == Op::ArrayNew          ? "Step_pure/array.new"
                 : in.op == Op::ArrayNewDefault ? "Step_read/array.new_default"
                                                : "Step/array.new_fixed");
            const uint32_t len = in.op == Op::ArrayNewFixed ? in.b : POP().i32;
            const Value init = in.op == Op::ArrayNew ? pack(POP(), f) : Value();
            GcObject* o = store_.alloc_object(id, len, init);
            if (!o) TRAP("out of memory");
            if (in.op == Op::ArrayNewFixed)
                for (uint32_t i = len; i-- > 0;) o->fields[i] = pack(POP(), f);
            PUSH(Value::from_ref(Ref{o, 0, Ref::Array, false}));
            break;
        }
        case Op::ArrayNewData: case Op::ArrayNewElem: {
            const uint32_t id = mod->types[in.a];
            const FieldType& f = TypeRegistry::get().type(id).comp.fields[0];
            const uint64_t len = POP().i32;
            const uint64_t s = POP().i32;
            GcObject* o;
            if (in.op == Op::ArrayNewData) {
                DataInst* d = mod->datas[in.b];
                const uint64_t z = storage_size(f);
                if (!range_ok(s, len * z, d->bytes.size())) {
                    RULE("Step_read/array.new_data-oob");
                    TRAP("out of bounds memory access");
                }
                RULE("Step_read/array.new_data-num");
                o = store_.alloc_object(id, len);
                if (!o) TRAP("out of memory");
                for (uint64_t i = 0; i < len; ++i) o->fields[i] = read_storage(d->bytes.data() + s + i * z, f);
            } else {
                ElemInst* e = mod->elems[in.b];
                if (!range_ok(s, len, e->refs.size())) {
                    RULE("Step_read/array.new_elem-oob");
                    TRAP("out of bounds table access");
                }
                RULE("Step_read/array.new_elem-alloc");
                o = store_.alloc_object(id, len);
                if (!o) TRAP("out of memory");
                for (uint64_t i = 0; i < len; ++i) o->fields[i] = Value::from_ref(e->refs[s + i]);
            }
            PUSH(Value::from_ref(Ref{o, 0, Ref::Array, false}));
            break;
        }
        case Op::ArrayGet: case Op::ArrayGetS: case Op::ArrayGetU: {
            const uint32_t i = POP().i32;
            const Ref r = POP().ref;
            if (r.is_null()) {
                RULE("Step_read/array.get-null");
                TRAP("null array reference");
            }
            GcObject* o = r.as_object();
            if (i >= o->fields.size()) {
                RULE("Step_read/array.get-oob");
                TRAP("out of bounds array access");
            }
            RULE("Step_read/array.get-array");
            Value v = o->fields[i];
            if (in.op == Op::ArrayGetS) {
                const FieldType& f = TypeRegistry::get().type(mod->types[in.a]).comp.fields[0];
                v.i32 = n::iextend_s<uint32_t>(v.i32, f.packed == Packed::I8 ? 8 : 16);
            }
            PUSH(v);
            break;
        }
        case Op::ArraySet: {
            const Value v = POP();
            const uint32_t i = POP().i32;
            const Ref r = POP().ref;
            if (r.is_null()) {
                RULE("Step/array.set-null");
                TRAP("null array reference");
            }
            GcObject* o = r.as_object();
            if (i >= o->fields.size()) {
                RULE("Step/array.set-oob");
                TRAP("out of bounds array access");
            }
            RULE("Step/array.set-array");
            o->fields[i] = pack(v, TypeRegistry::get().type(mod->types[in.a]).comp.fields[0]);
            break;
        }
        case Op::ArrayLen: {
            const Ref r = POP().ref;
            if (r.is_null()) {
                RULE("Step_read/array.len-null");
                TRAP("null array reference");
            }
            RULE("Step_read/array.len-array");
            PUSH(Value::from_i32(static_cast<uint32_t>(r.as_object()->fields.size())));
            break;
        }
        case Op::ArrayFill: {
            const uint64_t cnt = POP().i32;
            const Value v = POP();
            const uint64_t i = POP().i32;
            const Ref r = POP().ref;
            if (r.is_null()) {
                RULE("Step_read/array.fill-null");
                TRAP("null array reference");
            }
            GcObject* o = r.as_object();
            if (!range_ok(i, cnt, o->fields.size())) {
                RULE("Step_read/array.fill-oob");
                TRAP("out of bounds array access");
            }
            RULE(cnt == 0 ? "Step_read/array.fill-zero" : "Step_read/array.fill-succ");
            const Value pv = pack(v, TypeRegistry::get().type(mod->types[in.a]).comp.fields[0]);
            std::fill(o->fields.begin() + i, o->fields.begin() + i + cnt, pv);
            break;
        }
        case Op::ArrayCopy: {
            const uint64_t cnt = POP().i32;
            const uint64_t si = POP().i32;
            const Ref sr = POP().ref;
            const uint64_t di = POP().i32;
            const Ref dr = POP().ref;
            if (dr.is_null() || sr.is_null()) {
                RULE(dr.is_null() ? "Step_read/array.copy-null1" : "Step_read/array.copy-null2");
                TRAP("null array reference");
            }
            GcObject* d = dr.as_object();
            GcObject* s = sr.as_object();
            if (!range_ok(di, cnt, d->fields.size()) || !range_ok(si, cnt, s->fields.size())) {
                RULE(!range_ok(di, cnt, d->fields.size()) ? "Step_read/array.copy-oob1" : "Step_read/array.copy-oob2");
                TRAP("out of bounds array access");
            }
            RULE(cnt == 0 ? "Step_read/array.copy-zero" : di <= si ? "Step_read/array.copy-le" : "Step_read/array.copy-gt");
            if (di <= si) std::copy(s->fields.begin() + si, s->fields.begin() + si + cnt, d->fields.begin() + di);
            else std::copy_backward(s->fields.begin() + si, s->fields.begin() + si + cnt, d->fields.begin() + di + cnt);
            break;
        }
        case Op::ArrayInitData: case Op::ArrayInitElem: {
            const uint64_t cnt = POP().i32;
            const uint64_t s = POP().i32;
            const uint64_t di = POP().i32;
            const Ref r = POP().ref;
            if (r.is_null()) {
                RULE(in.op == Op::ArrayInitData ? "Step_read/array.init_data-null" : "Step_read/array.init_elem-null");
                TRAP("null array reference");
            }
            GcObject* o = r.as_object();
            const FieldType& f = TypeRegistry::get().type(mod->types[in.a]).comp.fields[0];
            if (!range_ok(di, cnt, o->fields.size())) {
                RULE(in.op == Op::ArrayInitData ? "Step_read/array.init_data-oob1" : "Step_read/array.init_elem-oob1");
                TRAP("out of bounds array access");
            }
            if (in.op == Op::ArrayInitData) {
                DataInst* d = mod->datas[in.b];
                const uint64_t z = storage_size(f);
                if (!range_ok(s, cnt * z, d->bytes.size())) {
                    RULE("Step_read/array.init_data-oob2");
                    TRAP("out of bounds memory access");
                }
                RULE(cnt == 0 ? "Step_read/array.init_data-zero" : "Step_read/array.init_data-num");
                for (uint64_t i = 0; i < cnt; ++i) o->fields[di + i] = read_storage(d->bytes.data() + s + i * z, f);
            } else {
                ElemInst* e = mod->elems[in.b];
                if (!range_ok(s, cnt, e->refs.size())) {
                    RULE("Step_read/array.init_elem-oob2");
                    TRAP("out of bounds table access");
                }
                RULE(cnt == 0 ? "Step_read/array.init_elem-zero" : "Step_read/array.init_elem-succ");
                for (uint64_t i = 0; i < cnt; ++i) o->fields[di + i] = Value::from_ref(e->refs[s + i]);
            }
            break;
        }
        // ---- numeric (Step_pure/unop, binop, testop, relop, cvtop) ----
        // A constant instruction is already a value: no step rule applies.
        case Op::I32Const: case Op::F32Const: PUSH(Value::from_i32(static_cast<uint32_t>(in.c))); break;
        case Op::I64Const: case Op::F64Const: PUSH(Value::from_i64(in.c)); break;

#define UNOP(OP, F, EXPR)                     \
    case Op::OP: {                            \
        RULE("Step_pure/unop-val");           \
        auto a = TOP().F;                     \
        TOP().F = (EXPR);                     \
        break;                                \
    }
#define BINOP(OP, F, EXPR)                    \
    case Op::OP: {                            \
        RULE("Step_pure/binop-val");          \
        auto b = POP().F;                     \
        auto a = TOP().F;                     \
        TOP().F = (EXPR);                     \
        break;                                \
    }
#define RELOP(OP, F, EXPR)                    \
    case Op::OP: {                            \
        RULE("Step_pure/relop");              \
        auto b = POP().F;                     \
        auto a = TOP().F;                     \
        TOP() = Value::from_i32((EXPR) ? 1 : 0); \
        break;                                \
    }
#define CVT(OP, FROM, EXPR, MAKE)             \
    case Op::OP: {                            \
        RULE("Step_pure/cvtop-val");          \
        auto a = TOP().FROM;                  \
        TOP() = MAKE(EXPR);                   \
        break;                                \
    }
        case Op::I32Eqz: RULE("Step_pure/testop"); TOP() = Value::from_i32(TOP().i32 == 0); break;
        case Op::I64Eqz: RULE("Step_pure/testop"); TOP() = Value::from_i32(TOP().i64 == 0); break;
        RELOP(I32Eq, i32, a == b)
        RELOP(I32Ne, i32, a != b)
        RELOP(I32LtS, i32, static_cast<int32_t>(a) < static_cast<int32_t>(b))
        RELOP(I32LtU, i32, a < b)
        RELOP(I32GtS, i32, static_cast<int32_t>(a) > static_cast<int32_t>(b))
        RELOP(I32GtU, i32, a > b)
        RELOP(I32LeS, i32, static_cast<int32_t>(a) <= static_cast<int32_t>(b))
        RELOP(I32LeU, i32, a <= b)
        RELOP(I32GeS, i32, static_cast<int32_t>(a) >= static_cast<int32_t>(b))
        RELOP(I32GeU, i32, a >= b)
        RELOP(I64Eq, i64, a == b)
        RELOP(I64Ne, i64, a != b)
        RELOP(I64LtS, i64, static_cast<int64_t>(a) < static_cast<int64_t>(b))
        RELOP(I64LtU, i64, a < b)
        RELOP(I64GtS, i64, static_cast<int64_t>(a) > static_cast<int64_t>(b))
        RELOP(I64GtU, i64, a > b)
        RELOP(I64LeS, i64, static_cast<int64_t>(a) <= static_cast<int64_t>(b))
        RELOP(I64LeU, i64, a <= b)
        RELOP(I64GeS, i64, static_cast<int64_t>(a) >= static_cast<int64_t>(b))
        RELOP(I64GeU, i64, a >= b)
        RELOP(F32Eq, f32, a == b)
        RELOP(F32Ne, f32, a != b)
        RELOP(F32Lt, f32, a < b)
        RELOP(F32Gt, f32, a > b)
        RELOP(F32Le, f32, a <= b)
        RELOP(F32Ge, f32, a >= b)
        RELOP(F64Eq, f64, a == b)
        RELOP(F64Ne, f64, a != b)
        RELOP(F64Lt, f64, a < b)
        RELOP(F64Gt, f64, a > b)
        RELOP(F64Le, f64, a <= b)
        RELOP(F64Ge, f64, a >= b)
        UNOP(I32Clz, i32, static_cast<uint32_t>(std::countl_zero(a)))
        UNOP(I32Ctz, i32, static_cast<uint32_t>(std::countr_zero(a)))
        UNOP(I32Popcnt, i32, static_cast<uint32_t>(std::popcount(a)))
        UNOP(I64Clz, i64, static_cast<uint64_t>(std::countl_zero(a)))
        UNOP(I64Ctz, i64, static_cast<uint64_t>(std::countr_zero(a)))
        UNOP(I64Popcnt, i64, static_cast<uint64_t>(std::popcount(a)))
        BINOP(I32Add, i32, a + b)
        BINOP(I32Sub, i32, a - b)
        BINOP(I32Mul, i32, a * b)
        BINOP(I32And, i32, a & b)
        BINOP(I32Or, i32, a | b)
        BINOP(I32Xor, i32, a ^ b)
        BINOP(I32Shl, i32, n::ishl(a, b))
        BINOP(I32ShrS, i32, n::ishr_s(a, b))
        BINOP(I32ShrU, i32, n::ishr_u(a, b))
        BINOP(I32Rotl, i32, n::irotl(a, b))
        BINOP(I32Rotr, i32, n::irotr(a, b))
        BINOP(I64Add, i64, a + b)
        BINOP(I64Sub, i64, a - b)
        BINOP(I64Mul, i64, a * b)
        BINOP(I64And, i64, a & b)
        BINOP(I64Or, i64, a | b)
        BINOP(I64Xor, i64, a ^ b)
        BINOP(I64Shl, i64, n::ishl(a, b))
        BINOP(I64ShrS, i64, n::ishr_s(a, b))
        BINOP(I64ShrU, i64, n::ishr_u(a, b))
        BINOP(I64Rotl, i64, n::irotl(a, b))
        BINOP(I64Rotr, i64, n::irotr(a, b))
#define DIVOP(OP, F, U)                                                   \
    case Op::OP: {                                                        \
        const U b = POP().F;                                              \
        const U a = TOP().F;                                              \
        if (b == 0) {                                                     \
            RULE("Step_pure/binop-trap");                                 \
            TRAP("integer divide by zero");                               \
        }                                                                 \
        RULE("Step_pure/binop-val");                                      \
        switch (in.op) {                                                  \
        case Op::I32DivS: case Op::I64DivS: {                             \
            auto q = n::idiv_s<U>(a, b);                                  \
            if (!q) TRAP("integer overflow");                             \
            TOP().F = *q;                                                 \
            break;                                                        \
        }                                                                 \
        case Op::I32DivU: case Op::I64DivU: TOP().F = a / b; break;       \
        case Op::I32RemS: case Op::I64RemS: TOP().F = n::irem_s<U>(a, b); break; \
        default: TOP().F = a % b; break;                                  \
        }                                                                 \
        break;                                                            \
    }
        case Op::I32DivS: case Op::I32DivU: case Op::I32RemS:
        DIVOP(I32RemU, i32, uint32_t)
        case Op::I64DivS: case Op::I64DivU: case Op::I64RemS:
        DIVOP(I64RemU, i64, uint64_t)
#undef DIVOP
        UNOP(F32Abs, f32, n::fabs_(a))
        UNOP(F32Neg, f32, n::fneg(a))
        UNOP(F32Ceil, f32, n::fceil(a))
        UNOP(F32Floor, f32, n::ffloor(a))
        UNOP(F32Trunc, f32, n::ftrunc(a))
        UNOP(F32Nearest, f32, n::fnearest(a))
        UNOP(F32Sqrt, f32, n::fsqrt(a))
        UNOP(F64Abs, f64, n::fabs_(a))
        UNOP(F64Neg, f64, n::fneg(a))
        UNOP(F64Ceil, f64, n::fceil(a))
        UNOP(F64Floor, f64, n::ffloor(a))
        UNOP(F64Trunc, f64, n::ftrunc(a))
        UNOP(F64Nearest, f64, n::fnearest(a))
        UNOP(F64Sqrt, f64, n::fsqrt(a))
        BINOP(F32Add, f32, n::fadd(a, b))
        BINOP(F32Sub, f32, n::fsub(a, b))
        BINOP(F32Mul, f32, n::fmul(a, b))
        BINOP(F32Div, f32, n::fdiv(a, b))
        BINOP(F32Min, f32, n::fmin(a, b))
        BINOP(F32Max, f32, n::fmax(a, b))
        BINOP(F32Copysign, f32, n::fcopysign(a, b))
        BINOP(F64Add, f64, n::fadd(a, b))
        BINOP(F64Sub, f64, n::fsub(a, b))
        BINOP(F64Mul, f64, n::fmul(a, b))
        BINOP(F64Div, f64, n::fdiv(a, b))
        BINOP(F64Min, f64, n::fmin(a, b))
        BINOP(F64Max, f64, n::fmax(a, b))
        BINOP(F64Copysign, f64, n::fcopysign(a, b))
        UNOP(I32Extend8S, i32, n::iextend_s<uint32_t>(a, 8))
        UNOP(I32Extend16S, i32, n::iextend_s<uint32_t>(a, 16))
        UNOP(I64Extend8S, i64, n::iextend_s<uint64_t>(a, 8))
        UNOP(I64Extend16S, i64, n::iextend_s<uint64_t>(a, 16))
        UNOP(I64Extend32S, i64, n::iextend_s<uint64_t>(a, 32))
        CVT(I32WrapI64, i64, static_cast<uint32_t>(a), Value::from_i32)
        CVT(I64ExtendI32S, i32, static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(a))), Value::from_i64)
        CVT(I64ExtendI32U, i32, static_cast<uint64_t>(a), Value::from_i64)
        CVT(F32ConvertI32S, i32, static_cast<float>(static_cast<int32_t>(a)), Value::from_f32)
        CVT(F32ConvertI32U, i32, static_cast<float>(a), Value::from_f32)
        CVT(F32ConvertI64S, i64, static_cast<float>(static_cast<int64_t>(a)), Value::from_f32)
        CVT(F32ConvertI64U, i64, static_cast<float>(a), Value::from_f32)
        CVT(F64ConvertI32S, i32, static_cast<double>(static_cast<int32_t>(a)), Value::from_f64)
        CVT(F64ConvertI32U, i32, static_cast<double>(a), Value::from_f64)
        CVT(F64ConvertI64S, i64, static_cast<double>(static_cast<int64_t>(a)), Value::from_f64)
        CVT(F64ConvertI64U, i64, static_cast<double>(a), Value::from_f64)
        CVT(F32DemoteF64, f64, n::fdemote(a), Value::from_f32)
        CVT(F64PromoteF32, f32, n::fpromote(a), Value::from_f64)
        CVT(I32ReinterpretF32, i32, a, Value::from_i32)
        CVT(I64ReinterpretF64, i64, a, Value::from_i64)
        CVT(F32ReinterpretI32, i32, a, Value::from_i32)
        CVT(F64ReinterpretI64, i64, a, Value::from_i64)
#define TRUNC(OP, FROM, I, MAKE)                                               \
    case Op::OP: {                                                             \
        auto a = TOP().FROM;                                                   \
        auto r = n::trunc<I>(a);                                               \
        if (!r) {                                                              \
            RULE("Step_pure/cvtop-trap");                                      \
            TRAP(std::isnan(a) ? "invalid conversion to integer" : "integer overflow"); \
        }                                                                      \
        RULE("Step_pure/cvtop-val");                                           \
        TOP() = MAKE(static_cast<std::make_unsigned_t<I>>(*r));                \
        break;                                                                 \
    }
        TRUNC(I32TruncF32S, f32, int32_t, Value::from_i32)
        TRUNC(I32TruncF32U, f32, uint32_t, Value::from_i32)
        TRUNC(I32TruncF64S, f64, int32_t, Value::from_i32)
        TRUNC(I32TruncF64U, f64, uint32_t, Value::from_i32)
        TRUNC(I64TruncF32S, f32, int64_t, Value::from_i64)
        TRUNC(I64TruncF32U, f32, uint64_t, Value::from_i64)
        TRUNC(I64TruncF64S, f64, int64_t, Value::from_i64)
        TRUNC(I64TruncF64U, f64, uint64_t, Value::from_i64)
#undef TRUNC
        CVT(I32TruncSatF32S, f32, static_cast<uint32_t>(n::trunc_sat<int32_t>(a)), Value::from_i32)
        CVT(I32TruncSatF32U, f32, n::trunc_sat<uint32_t>(a), Value::from_i32)
        CVT(I32TruncSatF64S, f64, static_cast<uint32_t>(n::trunc_sat<int32_t>(a)), Value::from_i32)
        CVT(I32TruncSatF64U, f64, n::trunc_sat<uint32_t>(a), Value::from_i32)
        CVT(I64TruncSatF32S, f32, static_cast<uint64_t>(n::trunc_sat<int64_t>(a)), Value::from_i64)
        CVT(I64TruncSatF32U, f32, n::trunc_sat<uint64_t>(a), Value::from_i64)
        CVT(I64TruncSatF64S, f64, static_cast<uint64_t>(n::trunc_sat<int64_t>(a)), Value::from_i64)
        CVT(I64TruncSatF64U, f64, n::trunc_sat<uint64_t>(a), Value::from_i64)
#undef UNOP
#undef BINOP
#undef RELOP
#undef CVT
        default:
            // The pure vector instructions (exec/simd.cpp).
            if (!execute_vector(in, fr->func->code->pools, sp)) TRAP("unknown instruction");
            break;
        }
    }
#undef LOAD_FRAME
#undef TRAP
#undef POP
#undef PUSH
#undef TOP
#undef JUMP
}

}  // namespace lockstep::wasm
