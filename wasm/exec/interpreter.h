// Wasm 3.0 §4.4 Instructions (SpecTec 4.3-execution.instructions): the
// interpreter.
#pragma once

#include "wasm/exec/store.h"

#include <string>
#include <vector>

namespace lockstep::wasm {

// How an invocation ended: results, a trap, or an uncaught exception.
struct Outcome {
    enum Kind : uint8_t { Normal, Trap, Exception } kind = Normal;
    std::vector<Value> values;
    std::string message;     // Trap
    ExnInst* exn = nullptr;  // Exception
    static Outcome trap(std::string m)
    {
        Outcome o;
        o.kind = Trap;
        o.message = std::move(m);
        return o;
    }
};

// One Wasm call stack: the operand stack and the frames live in this object,
// not on the native stack, so a Wasm call costs no native recursion and the
// stack can run on any native stack (a fiber can own one; JSPI will suspend
// it). Deep recursion traps with "call stack exhausted".
class Thread {
public:
    explicit Thread(Store& store, size_t max_values = size_t{1} << 20, size_t max_frames = 40000);

    // §4.5.5 Invocation: calls `f` with `args` (already type-checked).
    Outcome invoke(FuncInst* f, const std::vector<Value>& args);
    Store& store() { return store_; }

    // An optional budget for hosts that need termination (fuzzers, timeouts):
    // every call, backward branch and caught exception spends one unit; at zero the invocation
    // traps with "fuel exhausted". Unlimited by default; not part of the spec.
    void set_fuel(uint64_t fuel) { fuel_ = fuel; }

    struct Frame {
        FuncInst* func = nullptr;
        const Instr* code = nullptr;
        uint32_t pc = 0;
        Value* locals = nullptr;     // locals[0 .. n)
        Value* operands = nullptr;   // the operand stack base of this frame
    };

private:
    Outcome run(size_t entry_depth);
    // One unit of fuel; false once it is used up (it stays used up).
    bool spend_fuel()
    {
        if (fuel_ == UINT64_MAX) return true;
        if (fuel_ == 0) return false;
        --fuel_;
        return true;
    }

    // The operand stack's storage: address space reserved up front and
    // committed by the kernel on first touch (its zero pages are zero
    // Values), so a Thread costs the pages its deepest call used, not its
    // maximum — JSPI keeps one Thread per suspended promising call.
    class ValueStorage {
    public:
        explicit ValueStorage(size_t n);
        ~ValueStorage();
        ValueStorage(const ValueStorage&) = delete;
        ValueStorage& operator=(const ValueStorage&) = delete;
        Value* data() const { return data_; }
        size_t size() const { return size_; }

    private:
        Value* data_ = nullptr;
        size_t size_ = 0;  // 0 when the reservation failed: every call then exhausts the stack
    };

    Store& store_;
    ValueStorage stack_;
    std::vector<Frame> frames_;
    size_t max_frames_;
    Value* sp_ = nullptr;  // next free slot
    uint64_t fuel_ = UINT64_MAX;
};

// Whether reference `r` matches the closed reference type `t` at run time
// (ref.test, ref.cast, br_on_cast, and the runner's result patterns).
bool ref_matches(const Ref& r, const ValType& t);

}  // namespace lockstep::wasm
