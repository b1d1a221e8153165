// Wasm 3.0 §6.3.2 Numbers (SpecTec 6.1-text.values).
// Rounding of decimal and hexadecimal float literals is delegated to the C
// library's strtof/strtod, which round correctly to nearest-even (glibc).
#include "wasm/text/numbers.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

namespace lockstep::wasm::text {

namespace {

int digit_value(char c, bool hex)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (hex && c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Strips `_` separators, which must sit between two digits.
std::optional<std::string> strip_underscores(std::string_view s, bool hex)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_') {
            if (i == 0 || i + 1 >= s.size() || digit_value(s[i - 1], hex) < 0 || digit_value(s[i + 1], hex) < 0)
                return std::nullopt;
            continue;
        }
        out += s[i];
    }
    return out;
}

struct Sign {
    bool negative = false;
    bool explicit_sign = false;
    std::string_view rest;
};
Sign split_sign(std::string_view t)
{
    Sign s;
    s.rest = t;
    if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
        s.negative = t[0] == '-';
        s.explicit_sign = true;
        s.rest = t.substr(1);
    }
    return s;
}

// Magnitude of an unsigned digit string (decimal or 0x hex), nullopt on overflow of 64 bits.
std::optional<uint64_t> magnitude(std::string_view t)
{
    bool hex = t.size() > 2 && t[0] == '0' && t[1] == 'x';
    std::string_view digits = hex ? t.substr(2) : t;
    if (digits.empty()) return std::nullopt;
    auto clean = strip_underscores(digits, hex);
    if (!clean || clean->empty()) return std::nullopt;
    const unsigned base = hex ? 16 : 10;
    uint64_t v = 0;
    for (char c : *clean) {
        const int d = digit_value(c, hex);
        if (d < 0) return std::nullopt;
        if (v > (UINT64_MAX - d) / base) return std::nullopt;
        v = v * base + d;
    }
    return v;
}

// With `shape_only`, an out-of-range literal still yields a value (its shape is valid).
template <typename Bits, typename Float>
std::optional<Bits> parse_float(std::string_view text, bool shape_only = false)
{
    constexpr unsigned kMantBits = sizeof(Bits) == 4 ? 23 : 52;
    constexpr unsigned kExpBits = sizeof(Bits) == 4 ? 8 : 11;
    constexpr Bits kSignBit = Bits{1} << (kMantBits + kExpBits);
    constexpr Bits kExpMask = ((Bits{1} << kExpBits) - 1) << kMantBits;
    const Sign sg = split_sign(text);
    const Bits sign = sg.negative ? kSignBit : 0;
    const std::string_view t = sg.rest;
    if (t == "inf") return sign | kExpMask;
    if (t == "nan") return sign | kExpMask | (Bits{1} << (kMantBits - 1));
    if (t.substr(0, 6) == "nan:0x") {
        auto payload = magnitude(t.substr(4));
        if (!payload) return std::nullopt;
        if (!shape_only && (*payload == 0 || *payload >= (uint64_t{1} << kMantBits))) return std::nullopt;
        return sign | kExpMask | static_cast<Bits>(*payload);
    }
    const bool hex = t.size() > 2 && t[0] == '0' && t[1] == 'x';
    const std::string_view body = hex ? t.substr(2) : t;
    if (body.empty() || digit_value(body[0], hex) < 0) return std::nullopt;
    // Validate the shape: digits [. digits?] [e|p [sign] digits]
    size_t i = 0;
    auto digits = [&](bool h) {
        const size_t start = i;
        while (i < body.size() && (digit_value(body[i], h) >= 0 || body[i] == '_')) ++i;
        return i > start;
    };
    digits(hex);
    if (i < body.size() && body[i] == '.') {
        ++i;
        digits(hex);
    }
    if (i < body.size() && (hex ? (body[i] == 'p' || body[i] == 'P') : (body[i] == 'e' || body[i] == 'E'))) {
        ++i;
        if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
        if (!digits(false)) return std::nullopt;
    }
    if (i != body.size()) return std::nullopt;
    // Underscores must separate digits; check on the pieces around '.', 'e', 'p'.
    std::string clean;
    {
        size_t start = 0;
        for (size_t k = 0; k <= body.size(); ++k) {
            const bool sep = k == body.size() || body[k] == '.' || (!hex && (body[k] == 'e' || body[k] == 'E')) ||
                             (hex && (body[k] == 'p' || body[k] == 'P')) || body[k] == '+' || body[k] == '-';
            if (!sep) continue;
            auto piece = strip_underscores(body.substr(start, k - start), hex);
            if (!piece) return std::nullopt;
            clean += *piece;
            if (k < body.size()) clean += body[k];
            start = k + 1;
        }
    }
    std::string full = std::string(sg.negative ? "-" : "") + (hex ? "0x" : "") + clean;
    errno = 0;
    char* end = nullptr;
    Float v;
    if constexpr (sizeof(Bits) == 4) v = std::strtof(full.c_str(), &end);
    else v = std::strtod(full.c_str(), &end);
    if (end != full.c_str() + full.size()) return std::nullopt;
    if (std::isinf(v) && !shape_only) return std::nullopt;  // out of range
    Bits bits;
    std::memcpy(&bits, &v, sizeof bits);
    return bits;
}

// Magnitude digits only (no value limit): the shape of an unsigned integer.
bool digits_syntax(std::string_view t)
{
    const bool hex = t.size() > 2 && t[0] == '0' && t[1] == 'x';
    const std::string_view digits = hex ? t.substr(2) : t;
    auto clean = strip_underscores(digits, hex);
    if (!clean || clean->empty()) return false;
    for (char c : *clean)
        if (digit_value(c, hex) < 0) return false;
    return true;
}

}  // namespace

bool is_int_syntax(std::string_view text) { return digits_syntax(split_sign(text).rest); }

bool is_float_syntax(std::string_view text) { return parse_float<uint64_t, double>(text, true).has_value(); }

std::optional<uint64_t> parse_uint(std::string_view text, unsigned bits)
{
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) return std::nullopt;
    auto m = magnitude(text);
    if (!m) return std::nullopt;
    if (bits < 64 && *m >= (uint64_t{1} << bits)) return std::nullopt;
    return m;
}

std::optional<uint64_t> parse_int(std::string_view text, unsigned bits)
{
    const Sign sg = split_sign(text);
    auto m = magnitude(sg.rest);
    if (!m) return std::nullopt;
    const uint64_t mask = bits == 64 ? UINT64_MAX : (uint64_t{1} << bits) - 1;
    if (sg.negative) {
        const uint64_t limit = uint64_t{1} << (bits - 1);
        if (*m > limit) return std::nullopt;
        return (0 - *m) & mask;
    }
    if (*m > mask) return std::nullopt;
    return *m;
}

std::optional<uint32_t> parse_f32(std::string_view text) { return parse_float<uint32_t, float>(text); }
std::optional<uint64_t> parse_f64(std::string_view text) { return parse_float<uint64_t, double>(text); }

}  // namespace lockstep::wasm::text
