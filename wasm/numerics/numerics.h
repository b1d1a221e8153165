// Wasm 3.0 §4.3 Numerics (SpecTec 3.1-numerics.scalar): the operators on
// integers and floats that instructions apply.
//
// NaN choice (§4.3.3 nans): whenever a float operator's result is NaN, we
// return, deterministically on every host, the first NaN operand with its
// quiet bit set, or — if no operand is NaN — the positive canonical NaN.
// That is always one of the results the spec allows.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>

namespace lockstep::wasm::numerics {

// ---- integers (iadd, isub … are C++ unsigned arithmetic: modulo 2^N) ----

template <typename U>
U ishl(U a, U b) { return a << (b % (sizeof(U) * 8)); }
template <typename U>
U ishr_u(U a, U b) { return a >> (b % (sizeof(U) * 8)); }
template <typename U>
U ishr_s(U a, U b)
{
    using S = std::make_signed_t<U>;
    return static_cast<U>(static_cast<S>(a) >> (b % (sizeof(U) * 8)));
}
template <typename U>
U irotl(U a, U b) { return std::rotl(a, static_cast<int>(b % (sizeof(U) * 8))); }
template <typename U>
U irotr(U a, U b) { return std::rotr(a, static_cast<int>(b % (sizeof(U) * 8))); }

// idiv_s / irem_s: nullopt is the trap ("integer divide by zero" / "integer overflow").
template <typename U>
std::optional<U> idiv_s(U a, U b)
{
    using S = std::make_signed_t<U>;
    if (b == 0) return std::nullopt;
    if (static_cast<S>(a) == std::numeric_limits<S>::min() && static_cast<S>(b) == -1) return std::nullopt;
    return static_cast<U>(static_cast<S>(a) / static_cast<S>(b));
}
template <typename U>
U irem_s(U a, U b)  // b != 0 checked by the caller
{
    using S = std::make_signed_t<U>;
    if (static_cast<S>(b) == -1) return 0;
    return static_cast<U>(static_cast<S>(a) % static_cast<S>(b));
}

template <typename U>
U iextend_s(U a, unsigned bits)
{
    using S = std::make_signed_t<U>;
    const unsigned shift = sizeof(U) * 8 - bits;
    return static_cast<U>(static_cast<S>(a << shift) >> shift);
}

// ---- floats ----

template <typename F>
struct FloatBits;
template <>
struct FloatBits<float> {
    using U = uint32_t;
    static constexpr U kQuiet = 0x00400000u;
    static constexpr U kCanonical = 0x7FC00000u;
    static constexpr U kSign = 0x80000000u;
};
template <>
struct FloatBits<double> {
    using U = uint64_t;
    static constexpr U kQuiet = 0x0008000000000000ull;
    static constexpr U kCanonical = 0x7FF8000000000000ull;
    static constexpr U kSign = 0x8000000000000000ull;
};

template <typename F>
F quiet(F x)
{
    using B = FloatBits<F>;
    return std::bit_cast<F>(static_cast<typename B::U>(std::bit_cast<typename B::U>(x) | B::kQuiet));
}
template <typename F>
F canonical_nan()
{
    return std::bit_cast<F>(FloatBits<F>::kCanonical);
}

// The NaN choice described at the top of the file.
template <typename F>
F nan_of(F a, F b)
{
    if (std::isnan(a)) return quiet(a);
    if (std::isnan(b)) return quiet(b);
    return canonical_nan<F>();
}
template <typename F>
F nan_of(F a)
{
    return std::isnan(a) ? quiet(a) : canonical_nan<F>();
}

template <typename F>
F fadd(F a, F b) { F r = a + b; return std::isnan(r) ? nan_of(a, b) : r; }
template <typename F>
F fsub(F a, F b) { F r = a - b; return std::isnan(r) ? nan_of(a, b) : r; }
template <typename F>
F fmul(F a, F b) { F r = a * b; return std::isnan(r) ? nan_of(a, b) : r; }
template <typename F>
F fdiv(F a, F b) { F r = a / b; return std::isnan(r) ? nan_of(a, b) : r; }
template <typename F>
F fsqrt(F a) { F r = std::sqrt(a); return std::isnan(r) ? nan_of(a) : r; }
template <typename F>
F fceil(F a) { return std::isnan(a) ? nan_of(a) : std::ceil(a); }
template <typename F>
F ffloor(F a) { return std::isnan(a) ? nan_of(a) : std::floor(a); }
template <typename F>
F ftrunc(F a) { return std::isnan(a) ? nan_of(a) : std::trunc(a); }
// fnearest: round to nearest, ties to even (the default rounding mode).
template <typename F>
F fnearest(F a) { return std::isnan(a) ? nan_of(a) : std::nearbyint(a); }
// fmin/fmax: NaN if either is NaN; -0 < +0.
template <typename F>
F fmin(F a, F b)
{
    if (std::isnan(a) || std::isnan(b)) return nan_of(a, b);
    if (a == b) return std::signbit(a) ? a : b;
    return a < b ? a : b;
}
template <typename F>
F fmax(F a, F b)
{
    if (std::isnan(a) || std::isnan(b)) return nan_of(a, b);
    if (a == b) return std::signbit(a) ? b : a;
    return a > b ? a : b;
}
// fabs, fneg, fcopysign act on the sign bit only (NaN payloads kept).
template <typename F>
F fabs_(F a)
{
    using B = FloatBits<F>;
    return std::bit_cast<F>(static_cast<typename B::U>(std::bit_cast<typename B::U>(a) & ~B::kSign));
}
template <typename F>
F fneg(F a)
{
    using B = FloatBits<F>;
    return std::bit_cast<F>(static_cast<typename B::U>(std::bit_cast<typename B::U>(a) ^ B::kSign));
}
template <typename F>
F fcopysign(F a, F b)
{
    using B = FloatBits<F>;
    using U = typename B::U;
    return std::bit_cast<F>(static_cast<U>((std::bit_cast<U>(a) & ~B::kSign) | (std::bit_cast<U>(b) & B::kSign)));
}

// trunc_s / trunc_u: nullopt traps; NaN → "invalid conversion to integer",
// out of range → "integer overflow" (the caller tells them apart by isnan).
template <typename I, typename F>
std::optional<I> trunc(F a)
{
    if (std::isnan(a)) return std::nullopt;
    const F t = std::trunc(a);
    // Bounds as exact floats: [min, max+1).
    const F lo = std::is_signed_v<I> ? -std::ldexp(F(1), sizeof(I) * 8 - 1) : F(0);
    const F hi = std::ldexp(F(1), std::is_signed_v<I> ? sizeof(I) * 8 - 1 : sizeof(I) * 8);
    if (std::is_signed_v<I> ? (t < lo || t >= hi) : (t <= F(-1) || t >= hi)) return std::nullopt;
    if (!std::is_signed_v<I> && t < F(0)) return I(0);
    return static_cast<I>(t);
}
template <typename I, typename F>
I trunc_sat(F a)
{
    if (std::isnan(a)) return 0;
    auto r = trunc<I>(a);
    if (r) return *r;
    return a < 0 ? std::numeric_limits<I>::min() : std::numeric_limits<I>::max();
}

// promote/demote keep NaN payloads (quieted), per the NaN choice.
inline double fpromote(float a) { return std::isnan(a) ? quiet(static_cast<double>(a)) : static_cast<double>(a); }
inline float fdemote(double a) { return std::isnan(a) ? quiet(static_cast<float>(a)) : static_cast<float>(a); }

}  // namespace lockstep::wasm::numerics
