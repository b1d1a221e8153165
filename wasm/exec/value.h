// Wasm 3.0 §4.2 Runtime structure: values and references
// (SpecTec 4.0-execution.configurations: val, ref, addrref).
#pragma once

#include <cstdint>
#include <cstring>

namespace lockstep::wasm {

struct FuncInst;
struct GcObject;
struct ExnInst;

// A reference value. Host references (`ref.host a`, the .wast `ref.extern a`)
// are numbers; an internal reference converted with extern.convert_any keeps
// its identity and is marked `externalized` (`ref.extern ref`).
struct Ref {
    enum Kind : uint8_t { Null, I31, Func, Struct, Array, Exn, Host };
    void* ptr = nullptr;
    uint32_t bits = 0;  // I31: the 31-bit payload; Host: the host address
    Kind kind = Null;
    bool externalized = false;

    bool is_null() const { return kind == Null; }
    static Ref null() { return Ref{}; }
    static Ref func(FuncInst* f) { return Ref{f, 0, Func, false}; }
    static Ref host(uint32_t a) { return Ref{nullptr, a, Host, false}; }
    static Ref i31(uint32_t v) { return Ref{nullptr, v & 0x7FFFFFFFu, I31, false}; }
    FuncInst* as_func() const { return static_cast<FuncInst*>(ptr); }
    GcObject* as_object() const { return static_cast<GcObject*>(ptr); }
    ExnInst* as_exn() const { return static_cast<ExnInst*>(ptr); }
    bool same(const Ref& o) const
    {
        return kind == o.kind && ptr == o.ptr && bits == o.bits;
    }
};

// One operand-stack slot: every value type fits in 16 bytes.
union Value {
    uint32_t i32;
    uint64_t i64;
    float f32;
    double f64;
    uint8_t v128[16];
    Ref ref;

    Value() : v128{} {}
    static Value from_i32(uint32_t v) { Value x; x.i32 = v; return x; }
    static Value from_i64(uint64_t v) { Value x; x.i64 = v; return x; }
    static Value from_f32(float v) { Value x; x.f32 = v; return x; }
    static Value from_f64(double v) { Value x; x.f64 = v; return x; }
    static Value from_ref(Ref r) { Value x; x.ref = r; return x; }
    static Value from_f32_bits(uint32_t b) { Value x; x.i32 = b; return x; }
    static Value from_f64_bits(uint64_t b) { Value x; x.i64 = b; return x; }
};
static_assert(sizeof(Value) == 16);

}  // namespace lockstep::wasm
