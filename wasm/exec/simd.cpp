// Wasm 3.0 vector instructions (SpecTec 3.2-numerics.vector): lane-wise
// application of the scalar operators of numerics/numerics.h.
//
// Relaxed SIMD (3.0-numerics.relaxed) is implementation-defined among a set
// of results; lockstep picks one deterministic behaviour everywhere:
//   relaxed_swizzle = swizzle (out-of-range indices give 0);
//   relaxed_trunc*  = trunc_sat (NaN → 0, saturation);
//   relaxed_madd/nmadd = fused multiply-add (one rounding);
//   relaxed_laneselect = bitselect;
//   relaxed_min/max = min/max (NaN-propagating, -0 < +0);
//   relaxed_q15mulr_s = q15mulr_sat_s;
//   relaxed_dot_i8x16_i7x16(_add)_s = both operands read as signed.
#include "wasm/exec/simd.h"

#include "spec/step.h"
#include "wasm/numerics/numerics.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <type_traits>

namespace lockstep::wasm {

namespace {

namespace n = numerics;

// A v128 viewed as lanes of T.
template <typename T>
struct Lanes {
    static constexpr int kCount = 16 / sizeof(T);
    T v[kCount];
    static Lanes of(const Value& x)
    {
        Lanes l;
        std::memcpy(l.v, x.v128, 16);
        return l;
    }
    Value value() const
    {
        Value x;
        std::memcpy(x.v128, v, 16);
        return x;
    }
};

template <typename T, typename F>
Value lanewise1(const Value& a, F f)
{
    auto x = Lanes<T>::of(a);
    for (auto& e : x.v) e = f(e);
    return x.value();
}
template <typename T, typename F>
Value lanewise2(const Value& a, const Value& b, F f)
{
    auto x = Lanes<T>::of(a);
    const auto y = Lanes<T>::of(b);
    for (int i = 0; i < Lanes<T>::kCount; ++i) x.v[i] = f(x.v[i], y.v[i]);
    return x.value();
}
// Comparisons give all ones or all zeros per lane (in the integer lane of the same width).
template <typename T, typename F>
Value compare(const Value& a, const Value& b, F f)
{
    using U = std::conditional_t<sizeof(T) == 1, uint8_t, std::conditional_t<sizeof(T) == 2, uint16_t,
              std::conditional_t<sizeof(T) == 4, uint32_t, uint64_t>>>;
    const auto x = Lanes<T>::of(a);
    const auto y = Lanes<T>::of(b);
    Lanes<U> r;
    for (int i = 0; i < Lanes<T>::kCount; ++i) r.v[i] = f(x.v[i], y.v[i]) ? static_cast<U>(~U{0}) : U{0};
    return r.value();
}
template <typename T>
T sat(int64_t v)
{
    return static_cast<T>(std::clamp<int64_t>(v, std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
}
template <typename T>
Value shift(const Value& a, uint32_t count, int kind)  // 0 shl, 1 shr_s, 2 shr_u
{
    using U = std::make_unsigned_t<T>;
    const uint32_t s = count % (sizeof(T) * 8);
    return lanewise1<U>(a, [&](U x) -> U {
        if (kind == 0) return static_cast<U>(x << s);
        if (kind == 1) return static_cast<U>(static_cast<T>(x) >> s);
        return static_cast<U>(x >> s);
    });
}
// Narrow two vectors of wider lanes (From) into one of narrower lanes (To), saturating.
template <typename From, typename To>
Value narrow(const Value& a, const Value& b)
{
    const auto x = Lanes<From>::of(a);
    const auto y = Lanes<From>::of(b);
    Lanes<To> r;
    constexpr int n = Lanes<From>::kCount;
    for (int i = 0; i < n; ++i) {
        r.v[i] = sat<To>(x.v[i]);
        r.v[i + n] = sat<To>(y.v[i]);
    }
    return r.value();
}
// Extend the low or high half of narrow lanes (From) to wide lanes (To).
template <typename From, typename To>
Value extend(const Value& a, bool high)
{
    const auto x = Lanes<From>::of(a);
    Lanes<To> r;
    const int base = high ? Lanes<To>::kCount : 0;
    for (int i = 0; i < Lanes<To>::kCount; ++i) r.v[i] = static_cast<To>(x.v[base + i]);
    return r.value();
}
template <typename From, typename To>
Value extmul(const Value& a, const Value& b, bool high)
{
    const auto x = Lanes<From>::of(a);
    const auto y = Lanes<From>::of(b);
    Lanes<To> r;
    const int base = high ? Lanes<To>::kCount : 0;
    for (int i = 0; i < Lanes<To>::kCount; ++i)
        r.v[i] = static_cast<To>(static_cast<To>(x.v[base + i]) * static_cast<To>(y.v[base + i]));
    return r.value();
}
template <typename From, typename To>
Value extadd_pairwise(const Value& a)
{
    const auto x = Lanes<From>::of(a);
    Lanes<To> r;
    for (int i = 0; i < Lanes<To>::kCount; ++i) r.v[i] = static_cast<To>(static_cast<To>(x.v[2 * i]) + static_cast<To>(x.v[2 * i + 1]));
    return r.value();
}
template <typename T>
uint32_t bitmask(const Value& a)
{
    const auto x = Lanes<std::make_signed_t<T>>::of(a);
    uint32_t m = 0;
    for (int i = 0; i < Lanes<T>::kCount; ++i)
        if (x.v[i] < 0) m |= 1u << i;
    return m;
}
template <typename T>
uint32_t all_true(const Value& a)
{
    const auto x = Lanes<T>::of(a);
    for (auto e : x.v)
        if (e == 0) return 0;
    return 1;
}
template <typename T>
Value splat(T v)
{
    Lanes<T> r;
    for (auto& e : r.v) e = v;
    return r.value();
}
template <typename T>
T abs_wrap(T x)
{
    using U = std::make_unsigned_t<T>;
    return x < 0 ? static_cast<T>(U{0} - static_cast<U>(x)) : x;
}
template <typename T>
T neg_wrap(T x)
{
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(U{0} - static_cast<U>(x));
}
int16_t q15mulr(int16_t a, int16_t b) { return sat<int16_t>((int32_t{a} * b + 0x4000) >> 15); }
Value swizzle(const Value& a, const Value& s)
{
    Value r;
    for (int i = 0; i < 16; ++i) r.v128[i] = s.v128[i] < 16 ? a.v128[s.v128[i]] : 0;
    return r;
}
Value bitselect(const Value& a, const Value& b, const Value& c)
{
    Value r;
    for (int i = 0; i < 16; ++i) r.v128[i] = static_cast<uint8_t>((a.v128[i] & c.v128[i]) | (b.v128[i] & ~c.v128[i]));
    return r;
}
template <typename I, typename F>
Value trunc_sat_lanes(const Value& a)
{
    const auto x = Lanes<F>::of(a);
    Lanes<I> r{};
    for (int i = 0; i < Lanes<F>::kCount; ++i) r.v[i] = n::trunc_sat<I>(x.v[i]);
    return r.value();
}
// i32x4.trunc_sat_f64x2_*_zero: two results, upper lanes zero.
template <typename I>
Value trunc_sat_zero(const Value& a)
{
    const auto x = Lanes<double>::of(a);
    Lanes<I> r{};
    r.v[0] = n::trunc_sat<I>(x.v[0]);
    r.v[1] = n::trunc_sat<I>(x.v[1]);
    r.v[2] = r.v[3] = 0;
    return r.value();
}
template <typename F>
Value madd(const Value& a, const Value& b, const Value& c, bool negate)
{
    auto x = Lanes<F>::of(a);
    const auto y = Lanes<F>::of(b);
    const auto z = Lanes<F>::of(c);
    for (int i = 0; i < Lanes<F>::kCount; ++i) {
        const F p = negate ? n::fneg(x.v[i]) : x.v[i];
        const F r = std::fma(p, y.v[i], z.v[i]);
        x.v[i] = std::isnan(r) ? n::nan_of(n::nan_of(p, y.v[i]), z.v[i]) : r;
    }
    return x.value();
}

}  // namespace

bool execute_vector(const Instr& in, const CodePools& pools, Value*& sp)
{
#define A1 sp[-1]
#define BIN(EXPR)                 \
    do {                          \
        const Value b = sp[-1];   \
        const Value a = sp[-2];   \
        --sp;                     \
        sp[-1] = (EXPR);          \
    } while (0)
#define UN(EXPR)                  \
    do {                          \
        const Value a = sp[-1];   \
        sp[-1] = (EXPR);          \
    } while (0)
    switch (in.op) {
    case Op::V128Const: {  // a value: no step rule
        Value v;
        std::memcpy(v.v128, pools.v128s[in.a].data(), 16);
        *sp++ = v;
        return true;
    }
    // ---- v128 bitwise (vvunop, vvbinop, vvternop, vvtestop) ----
    case Op::V128Not: RULE("Step_pure/vvunop"); UN(lanewise1<uint64_t>(a, [](uint64_t x) { return ~x; })); return true;
    case Op::V128And: RULE("Step_pure/vvbinop"); BIN(lanewise2<uint64_t>(a, b, [](uint64_t x, uint64_t y) { return x & y; })); return true;
    case Op::V128AndNot: RULE("Step_pure/vvbinop"); BIN(lanewise2<uint64_t>(a, b, [](uint64_t x, uint64_t y) { return x & ~y; })); return true;
    case Op::V128Or: RULE("Step_pure/vvbinop"); BIN(lanewise2<uint64_t>(a, b, [](uint64_t x, uint64_t y) { return x | y; })); return true;
    case Op::V128Xor: RULE("Step_pure/vvbinop"); BIN(lanewise2<uint64_t>(a, b, [](uint64_t x, uint64_t y) { return x ^ y; })); return true;
    case Op::V128Bitselect: case Op::I8x16RelaxedLaneselect: case Op::I16x8RelaxedLaneselect:
    case Op::I32x4RelaxedLaneselect: case Op::I64x2RelaxedLaneselect: {
        // relaxed_laneselect is a VTERNOP of a shape (its result here: bitselect's).
        RULE(in.op == Op::V128Bitselect ? "Step_pure/vvternop" : "Step_pure/vternop-val");
        const Value c = sp[-1], b = sp[-2], a = sp[-3];
        sp -= 2;
        sp[-1] = bitselect(a, b, c);
        return true;
    }
    case Op::V128AnyTrue: {
        RULE("Step_pure/vvtestop");
        const auto x = Lanes<uint64_t>::of(A1);
        A1 = Value::from_i32((x.v[0] | x.v[1]) != 0);
        return true;
    }
    // ---- shuffles, splats, lanes ----
    case Op::I8x16Shuffle: {
        RULE("Step_pure/vshuffle");
        const Value b = sp[-1], a = sp[-2];
        --sp;
        const auto& lanes = pools.v128s[in.a];
        Value r;
        for (int i = 0; i < 16; ++i) r.v128[i] = lanes[i] < 16 ? a.v128[lanes[i]] : b.v128[lanes[i] - 16];
        sp[-1] = r;
        return true;
    }
    case Op::I8x16Swizzle: case Op::I8x16RelaxedSwizzle: RULE("Step_pure/vswizzlop"); BIN(swizzle(a, b)); return true;
    case Op::I8x16Splat: RULE("Step_pure/vsplat"); A1 = splat<uint8_t>(static_cast<uint8_t>(A1.i32)); return true;
    case Op::I16x8Splat: RULE("Step_pure/vsplat"); A1 = splat<uint16_t>(static_cast<uint16_t>(A1.i32)); return true;
    case Op::I32x4Splat: RULE("Step_pure/vsplat"); A1 = splat<uint32_t>(A1.i32); return true;
    case Op::I64x2Splat: RULE("Step_pure/vsplat"); A1 = splat<uint64_t>(A1.i64); return true;
    case Op::F32x4Splat: RULE("Step_pure/vsplat"); A1 = splat<uint32_t>(A1.i32); return true;
    case Op::F64x2Splat: RULE("Step_pure/vsplat"); A1 = splat<uint64_t>(A1.i64); return true;
    case Op::I8x16ExtractLaneS: RULE("Step_pure/vextract_lane-pack"); A1 = Value::from_i32(static_cast<uint32_t>(static_cast<int32_t>(Lanes<int8_t>::of(A1).v[in.a]))); return true;
    case Op::I8x16ExtractLaneU: RULE("Step_pure/vextract_lane-pack"); A1 = Value::from_i32(Lanes<uint8_t>::of(A1).v[in.a]); return true;
    case Op::I16x8ExtractLaneS: RULE("Step_pure/vextract_lane-pack"); A1 = Value::from_i32(static_cast<uint32_t>(static_cast<int32_t>(Lanes<int16_t>::of(A1).v[in.a]))); return true;
    case Op::I16x8ExtractLaneU: RULE("Step_pure/vextract_lane-pack"); A1 = Value::from_i32(Lanes<uint16_t>::of(A1).v[in.a]); return true;
    case Op::I32x4ExtractLane: case Op::F32x4ExtractLane: RULE("Step_pure/vextract_lane-num"); A1 = Value::from_i32(Lanes<uint32_t>::of(A1).v[in.a]); return true;
    case Op::I64x2ExtractLane: case Op::F64x2ExtractLane: RULE("Step_pure/vextract_lane-num"); A1 = Value::from_i64(Lanes<uint64_t>::of(A1).v[in.a]); return true;
    case Op::I8x16ReplaceLane: case Op::I16x8ReplaceLane: case Op::I32x4ReplaceLane: case Op::F32x4ReplaceLane:
    case Op::I64x2ReplaceLane: case Op::F64x2ReplaceLane: {
        RULE("Step_pure/vreplace_lane");
        const Value x = sp[-1];
        --sp;
        const size_t size = (in.op == Op::I8x16ReplaceLane) ? 1 : (in.op == Op::I16x8ReplaceLane) ? 2
                          : (in.op == Op::I64x2ReplaceLane || in.op == Op::F64x2ReplaceLane) ? 8 : 4;
        std::memcpy(A1.v128 + in.a * size, &x.i64, size);
        return true;
    }
    default: break;
    }
    switch (in.op) {
    // ---- integer lanes ----
#define IREL(OP, T, EXPR) case Op::OP: RULE("Step_pure/vrelop"); BIN(compare<T>(a, b, [](T x, T y) { return EXPR; })); return true;
#define IREL_ALL(SH, S, U)                                   \
    IREL(SH##Eq, U, x == y) IREL(SH##Ne, U, x != y)          \
    IREL(SH##LtS, S, x < y) IREL(SH##LtU, U, x < y)          \
    IREL(SH##GtS, S, x > y) IREL(SH##GtU, U, x > y)          \
    IREL(SH##LeS, S, x <= y) IREL(SH##LeU, U, x <= y)        \
    IREL(SH##GeS, S, x >= y) IREL(SH##GeU, U, x >= y)
    IREL_ALL(I8x16, int8_t, uint8_t)
    IREL_ALL(I16x8, int16_t, uint16_t)
    IREL_ALL(I32x4, int32_t, uint32_t)
    IREL(I64x2Eq, uint64_t, x == y)
    IREL(I64x2Ne, uint64_t, x != y)
    IREL(I64x2LtS, int64_t, x < y)
    IREL(I64x2GtS, int64_t, x > y)
    IREL(I64x2LeS, int64_t, x <= y)
    IREL(I64x2GeS, int64_t, x >= y)
    IREL(F32x4Eq, float, x == y)
    IREL(F32x4Ne, float, x != y)
    IREL(F32x4Lt, float, x < y)
    IREL(F32x4Gt, float, x > y)
    IREL(F32x4Le, float, x <= y)
    IREL(F32x4Ge, float, x >= y)
    IREL(F64x2Eq, double, x == y)
    IREL(F64x2Ne, double, x != y)
    IREL(F64x2Lt, double, x < y)
    IREL(F64x2Gt, double, x > y)
    IREL(F64x2Le, double, x <= y)
    IREL(F64x2Ge, double, x >= y)
#undef IREL_ALL
#undef IREL
#define IUN(OP, T, EXPR) case Op::OP: RULE("Step_pure/vunop-val"); UN(lanewise1<T>(a, [](T x) -> T { return EXPR; })); return true;
#define IBIN(OP, T, EXPR) case Op::OP: RULE("Step_pure/vbinop-val"); BIN(lanewise2<T>(a, b, [](T x, T y) -> T { return EXPR; })); return true;
#define IARITH(SH, S, U)                                                                 \
    IUN(SH##Abs, S, abs_wrap(x)) IUN(SH##Neg, S, neg_wrap(x))                            \
    IBIN(SH##Add, U, static_cast<U>(x + y)) IBIN(SH##Sub, U, static_cast<U>(x - y))      \
    IBIN(SH##MinS, S, std::min(x, y)) IBIN(SH##MinU, U, std::min(x, y))                  \
    IBIN(SH##MaxS, S, std::max(x, y)) IBIN(SH##MaxU, U, std::max(x, y))
#define ISAT(SH, S, U)                                                                   \
    IBIN(SH##AddSatS, S, sat<S>(int64_t{x} + y)) IBIN(SH##AddSatU, U, sat<U>(int64_t{x} + y)) \
    IBIN(SH##SubSatS, S, sat<S>(int64_t{x} - y)) IBIN(SH##SubSatU, U, sat<U>(int64_t{x} - y)) \
    IBIN(SH##AvgrU, U, static_cast<U>((uint32_t{x} + y + 1) / 2))
    IARITH(I8x16, int8_t, uint8_t)
    IARITH(I16x8, int16_t, uint16_t)
    IARITH(I32x4, int32_t, uint32_t)
    ISAT(I8x16, int8_t, uint8_t)
    ISAT(I16x8, int16_t, uint16_t)
    IUN(I64x2Abs, int64_t, abs_wrap(x))
    IUN(I64x2Neg, int64_t, neg_wrap(x))
    IBIN(I64x2Add, uint64_t, x + y)
    IBIN(I64x2Sub, uint64_t, x - y)
    IBIN(I16x8Mul, uint16_t, static_cast<uint16_t>(uint32_t{x} * y))
    IBIN(I32x4Mul, uint32_t, x * y)
    IBIN(I64x2Mul, uint64_t, x * y)
    IUN(I8x16Popcnt, uint8_t, static_cast<uint8_t>(std::popcount(x)))
    IBIN(I16x8Q15mulrSatS, int16_t, q15mulr(x, y))
    IBIN(I16x8RelaxedQ15mulrS, int16_t, q15mulr(x, y))
#undef IARITH
#undef ISAT
    case Op::I8x16Shl: case Op::I8x16ShrS: case Op::I8x16ShrU:
    case Op::I16x8Shl: case Op::I16x8ShrS: case Op::I16x8ShrU:
    case Op::I32x4Shl: case Op::I32x4ShrS: case Op::I32x4ShrU:
    case Op::I64x2Shl: case Op::I64x2ShrS: case Op::I64x2ShrU: {
        RULE("Step_pure/vshiftop");
        const uint32_t count = sp[-1].i32;
        --sp;
        const int kind = (in.op == Op::I8x16Shl || in.op == Op::I16x8Shl || in.op == Op::I32x4Shl || in.op == Op::I64x2Shl) ? 0
                       : (in.op == Op::I8x16ShrS || in.op == Op::I16x8ShrS || in.op == Op::I32x4ShrS || in.op == Op::I64x2ShrS) ? 1 : 2;
        if (in.op <= Op::I8x16ShrU && in.op >= Op::I8x16Shl) A1 = shift<int8_t>(A1, count, kind);
        else if (in.op <= Op::I16x8ShrU && in.op >= Op::I16x8Shl) A1 = shift<int16_t>(A1, count, kind);
        else if (in.op <= Op::I32x4ShrU && in.op >= Op::I32x4Shl) A1 = shift<int32_t>(A1, count, kind);
        else A1 = shift<int64_t>(A1, count, kind);
        return true;
    }
    case Op::I8x16AllTrue: RULE("Step_pure/vtestop"); A1 = Value::from_i32(all_true<uint8_t>(A1)); return true;
    case Op::I16x8AllTrue: RULE("Step_pure/vtestop"); A1 = Value::from_i32(all_true<uint16_t>(A1)); return true;
    case Op::I32x4AllTrue: RULE("Step_pure/vtestop"); A1 = Value::from_i32(all_true<uint32_t>(A1)); return true;
    case Op::I64x2AllTrue: RULE("Step_pure/vtestop"); A1 = Value::from_i32(all_true<uint64_t>(A1)); return true;
    case Op::I8x16Bitmask: RULE("Step_pure/vbitmask"); A1 = Value::from_i32(bitmask<uint8_t>(A1)); return true;
    case Op::I16x8Bitmask: RULE("Step_pure/vbitmask"); A1 = Value::from_i32(bitmask<uint16_t>(A1)); return true;
    case Op::I32x4Bitmask: RULE("Step_pure/vbitmask"); A1 = Value::from_i32(bitmask<uint32_t>(A1)); return true;
    case Op::I64x2Bitmask: RULE("Step_pure/vbitmask"); A1 = Value::from_i32(bitmask<uint64_t>(A1)); return true;
    case Op::I8x16NarrowI16x8S: RULE("Step_pure/vnarrow"); BIN((narrow<int16_t, int8_t>(a, b))); return true;
    case Op::I8x16NarrowI16x8U: RULE("Step_pure/vnarrow"); BIN((narrow<int16_t, uint8_t>(a, b))); return true;
    case Op::I16x8NarrowI32x4S: RULE("Step_pure/vnarrow"); BIN((narrow<int32_t, int16_t>(a, b))); return true;
    case Op::I16x8NarrowI32x4U: RULE("Step_pure/vnarrow"); BIN((narrow<int32_t, uint16_t>(a, b))); return true;
    case Op::I16x8ExtendLowI8x16S: RULE("Step_pure/vextunop"); UN((extend<int8_t, int16_t>(a, false))); return true;
    case Op::I16x8ExtendHighI8x16S: RULE("Step_pure/vextunop"); UN((extend<int8_t, int16_t>(a, true))); return true;
    case Op::I16x8ExtendLowI8x16U: RULE("Step_pure/vextunop"); UN((extend<uint8_t, uint16_t>(a, false))); return true;
    case Op::I16x8ExtendHighI8x16U: RULE("Step_pure/vextunop"); UN((extend<uint8_t, uint16_t>(a, true))); return true;
    case Op::I32x4ExtendLowI16x8S: RULE("Step_pure/vextunop"); UN((extend<int16_t, int32_t>(a, false))); return true;
    case Op::I32x4ExtendHighI16x8S: RULE("Step_pure/vextunop"); UN((extend<int16_t, int32_t>(a, true))); return true;
    case Op::I32x4ExtendLowI16x8U: RULE("Step_pure/vextunop"); UN((extend<uint16_t, uint32_t>(a, false))); return true;
    case Op::I32x4ExtendHighI16x8U: RULE("Step_pure/vextunop"); UN((extend<uint16_t, uint32_t>(a, true))); return true;
    case Op::I64x2ExtendLowI32x4S: RULE("Step_pure/vextunop"); UN((extend<int32_t, int64_t>(a, false))); return true;
    case Op::I64x2ExtendHighI32x4S: RULE("Step_pure/vextunop"); UN((extend<int32_t, int64_t>(a, true))); return true;
    case Op::I64x2ExtendLowI32x4U: RULE("Step_pure/vextunop"); UN((extend<uint32_t, uint64_t>(a, false))); return true;
    case Op::I64x2ExtendHighI32x4U: RULE("Step_pure/vextunop"); UN((extend<uint32_t, uint64_t>(a, true))); return true;
    case Op::I16x8ExtaddPairwiseI8x16S: RULE("Step_pure/vextunop"); UN((extadd_pairwise<int8_t, int16_t>(a))); return true;
    case Op::I16x8ExtaddPairwiseI8x16U: RULE("Step_pure/vextunop"); UN((extadd_pairwise<uint8_t, uint16_t>(a))); return true;
    case Op::I32x4ExtaddPairwiseI16x8S: RULE("Step_pure/vextunop"); UN((extadd_pairwise<int16_t, int32_t>(a))); return true;
    case Op::I32x4ExtaddPairwiseI16x8U: RULE("Step_pure/vextunop"); UN((extadd_pairwise<uint16_t, uint32_t>(a))); return true;
    case Op::I16x8ExtmulLowI8x16S: RULE("Step_pure/vextbinop"); BIN((extmul<int8_t, int16_t>(a, b, false))); return true;
    case Op::I16x8ExtmulHighI8x16S: RULE("Step_pure/vextbinop"); BIN((extmul<int8_t, int16_t>(a, b, true))); return true;
    case Op::I16x8ExtmulLowI8x16U: RULE("Step_pure/vextbinop"); BIN((extmul<uint8_t, uint16_t>(a, b, false))); return true;
    case Op::I16x8ExtmulHighI8x16U: RULE("Step_pure/vextbinop"); BIN((extmul<uint8_t, uint16_t>(a, b, true))); return true;
    case Op::I32x4ExtmulLowI16x8S: RULE("Step_pure/vextbinop"); BIN((extmul<int16_t, int32_t>(a, b, false))); return true;
    case Op::I32x4ExtmulHighI16x8S: RULE("Step_pure/vextbinop"); BIN((extmul<int16_t, int32_t>(a, b, true))); return true;
    case Op::I32x4ExtmulLowI16x8U: RULE("Step_pure/vextbinop"); BIN((extmul<uint16_t, uint32_t>(a, b, false))); return true;
    case Op::I32x4ExtmulHighI16x8U: RULE("Step_pure/vextbinop"); BIN((extmul<uint16_t, uint32_t>(a, b, true))); return true;
    case Op::I64x2ExtmulLowI32x4S: RULE("Step_pure/vextbinop"); BIN((extmul<int32_t, int64_t>(a, b, false))); return true;
    case Op::I64x2ExtmulHighI32x4S: RULE("Step_pure/vextbinop"); BIN((extmul<int32_t, int64_t>(a, b, true))); return true;
    case Op::I64x2ExtmulLowI32x4U: RULE("Step_pure/vextbinop"); BIN((extmul<uint32_t, uint64_t>(a, b, false))); return true;
    case Op::I64x2ExtmulHighI32x4U: RULE("Step_pure/vextbinop"); BIN((extmul<uint32_t, uint64_t>(a, b, true))); return true;
    case Op::I32x4DotI16x8S: {
        RULE("Step_pure/vextbinop");
        const auto x = Lanes<int16_t>::of(sp[-2]);
        const auto y = Lanes<int16_t>::of(sp[-1]);
        --sp;
        Lanes<uint32_t> r;
        for (int i = 0; i < 4; ++i)
            r.v[i] = static_cast<uint32_t>(int32_t{x.v[2 * i]} * y.v[2 * i]) + static_cast<uint32_t>(int32_t{x.v[2 * i + 1]} * y.v[2 * i + 1]);
        A1 = r.value();
        return true;
    }
    case Op::I16x8RelaxedDotI8x16I7x16S: {
        RULE("Step_pure/vextbinop");
        const auto x = Lanes<int8_t>::of(sp[-2]);
        const auto y = Lanes<int8_t>::of(sp[-1]);
        --sp;
        Lanes<int16_t> r;
        for (int i = 0; i < 8; ++i)
            r.v[i] = static_cast<int16_t>(x.v[2 * i] * y.v[2 * i] + x.v[2 * i + 1] * y.v[2 * i + 1]);
        A1 = r.value();
        return true;
    }
    case Op::I32x4RelaxedDotI8x16I7x16AddS: {
        RULE("Step_pure/vextternop");
        const auto x = Lanes<int8_t>::of(sp[-3]);
        const auto y = Lanes<int8_t>::of(sp[-2]);
        const auto z = Lanes<uint32_t>::of(sp[-1]);
        sp -= 2;
        Lanes<uint32_t> r;
        for (int i = 0; i < 4; ++i) {
            int32_t sum = 0;
            for (int k = 0; k < 4; ++k) sum += x.v[4 * i + k] * y.v[4 * i + k];
            r.v[i] = static_cast<uint32_t>(sum) + z.v[i];
        }
        A1 = r.value();
        return true;
    }
    // ---- float lanes ----
#define FUN(OP, T, EXPR) case Op::OP: RULE("Step_pure/vunop-val"); UN(lanewise1<T>(a, [](T x) -> T { return EXPR; })); return true;
#define FBIN(OP, T, EXPR) case Op::OP: RULE("Step_pure/vbinop-val"); BIN(lanewise2<T>(a, b, [](T x, T y) -> T { return EXPR; })); return true;
#define FARITH(SH, T)                                                                        \
    FUN(SH##Abs, T, n::fabs_(x)) FUN(SH##Neg, T, n::fneg(x)) FUN(SH##Sqrt, T, n::fsqrt(x))   \
    FUN(SH##Ceil, T, n::fceil(x)) FUN(SH##Floor, T, n::ffloor(x))                            \
    FUN(SH##Trunc, T, n::ftrunc(x)) FUN(SH##Nearest, T, n::fnearest(x))                      \
    FBIN(SH##Add, T, n::fadd(x, y)) FBIN(SH##Sub, T, n::fsub(x, y))                          \
    FBIN(SH##Mul, T, n::fmul(x, y)) FBIN(SH##Div, T, n::fdiv(x, y))                          \
    FBIN(SH##Min, T, n::fmin(x, y)) FBIN(SH##Max, T, n::fmax(x, y))                          \
    FBIN(SH##RelaxedMin, T, n::fmin(x, y)) FBIN(SH##RelaxedMax, T, n::fmax(x, y))            \
    FBIN(SH##Pmin, T, y < x ? y : x) FBIN(SH##Pmax, T, x < y ? y : x)
    FARITH(F32x4, float)
    FARITH(F64x2, double)
#undef FARITH
    case Op::F32x4RelaxedMadd: case Op::F32x4RelaxedNmadd: case Op::F64x2RelaxedMadd: case Op::F64x2RelaxedNmadd: {
        RULE("Step_pure/vternop-val");
        const Value c = sp[-1], b = sp[-2], a = sp[-3];
        sp -= 2;
        const bool neg = in.op == Op::F32x4RelaxedNmadd || in.op == Op::F64x2RelaxedNmadd;
        const bool f32 = in.op == Op::F32x4RelaxedMadd || in.op == Op::F32x4RelaxedNmadd;
        A1 = f32 ? madd<float>(a, b, c, neg) : madd<double>(a, b, c, neg);
        return true;
    }
    case Op::I32x4TruncSatF32x4S: case Op::I32x4RelaxedTruncF32x4S: RULE("Step_pure/vcvtop"); UN((trunc_sat_lanes<int32_t, float>(a))); return true;
    case Op::I32x4TruncSatF32x4U: case Op::I32x4RelaxedTruncF32x4U: RULE("Step_pure/vcvtop"); UN((trunc_sat_lanes<uint32_t, float>(a))); return true;
    case Op::I32x4TruncSatF64x2SZero: case Op::I32x4RelaxedTruncF64x2SZero: RULE("Step_pure/vcvtop"); UN(trunc_sat_zero<int32_t>(a)); return true;
    case Op::I32x4TruncSatF64x2UZero: case Op::I32x4RelaxedTruncF64x2UZero: RULE("Step_pure/vcvtop"); UN(trunc_sat_zero<uint32_t>(a)); return true;
    case Op::F32x4ConvertI32x4S: {
        RULE("Step_pure/vcvtop");
        const auto x = Lanes<int32_t>::of(A1);
        Lanes<float> r;
        for (int i = 0; i < 4; ++i) r.v[i] = static_cast<float>(x.v[i]);
        A1 = r.value();
        return true;
    }
    case Op::F32x4ConvertI32x4U: {
        RULE("Step_pure/vcvtop");
        const auto x = Lanes<uint32_t>::of(A1);
        Lanes<float> r;
        for (int i = 0; i < 4; ++i) r.v[i] = static_cast<float>(x.v[i]);
        A1 = r.value();
        return true;
    }
    case Op::F64x2ConvertLowI32x4S: case Op::F64x2ConvertLowI32x4U: {
        RULE("Step_pure/vcvtop");
        const auto s = Lanes<int32_t>::of(A1);
        const auto u = Lanes<uint32_t>::of(A1);
        Lanes<double> r;
        for (int i = 0; i < 2; ++i)
            r.v[i] = in.op == Op::F64x2ConvertLowI32x4S ? static_cast<double>(s.v[i]) : static_cast<double>(u.v[i]);
        A1 = r.value();
        return true;
    }
    case Op::F32x4DemoteF64x2Zero: {
        RULE("Step_pure/vcvtop");
        const auto x = Lanes<double>::of(A1);
        Lanes<float> r{};
        r.v[0] = n::fdemote(x.v[0]);
        r.v[1] = n::fdemote(x.v[1]);
        r.v[2] = r.v[3] = 0.0f;
        A1 = r.value();
        return true;
    }
    case Op::F64x2PromoteLowF32x4: {
        RULE("Step_pure/vcvtop");
        const auto x = Lanes<float>::of(A1);
        Lanes<double> r;
        r.v[0] = n::fpromote(x.v[0]);
        r.v[1] = n::fpromote(x.v[1]);
        A1 = r.value();
        return true;
    }
    default: return false;
    }
#undef A1
#undef BIN
#undef UN
#undef IUN
#undef IBIN
#undef FUN
#undef FBIN
}

}  // namespace lockstep::wasm
