// Wasm 3.0 §5.2.2 Integers (SpecTec 5.1-binary.values: uN, sN).
// An N-bit integer takes at most ceil(N/7) bytes, and the bits of the last
// byte beyond N must be zero (unsigned) or the sign extension (signed).
#include "wasm/binary/decoder.h"

namespace lockstep::wasm {

namespace {

LebResult read_leb(std::span<const uint8_t> bytes, unsigned bits, bool is_signed)
{
    LebResult r;
    const size_t max_len = (bits + 6) / 7;
    uint64_t result = 0;
    unsigned shift = 0;
    for (size_t i = 0;; ++i) {
        if (i >= bytes.size()) {
            r.error = "unexpected end";
            r.length = i;
            return r;
        }
        const uint8_t byte = bytes[i];
        if (i == max_len - 1) {
            // The last permitted byte: no continuation, and the unused high bits
            // must be zero (unsigned) or copies of the sign bit (signed).
            if (byte & 0x80) {
                r.error = "integer representation too long";
                r.length = i + 1;
                return r;
            }
            const unsigned used = bits - shift;  // payload bits that count
            const uint8_t extra = static_cast<uint8_t>(byte & 0x7F) >> used;
            const uint8_t mask = static_cast<uint8_t>(0x7F >> used);
            bool ok;
            if (!is_signed) {
                ok = extra == 0;
            } else {
                const bool sign = (byte >> (used - 1)) & 1;
                ok = extra == (sign ? mask : 0);
            }
            if (!ok) {
                r.error = "integer too large";
                r.length = i + 1;
                return r;
            }
        }
        result |= static_cast<uint64_t>(byte & 0x7F) << shift;
        shift += 7;
        if (!(byte & 0x80)) {
            if (is_signed && shift < 64 && (byte & 0x40)) result |= ~uint64_t{0} << shift;
            r.length = i + 1;
            break;
        }
    }
    if (bits < 64) {
        const uint64_t mask = (uint64_t{1} << bits) - 1;
        if (!is_signed) result &= mask;
    }
    r.value = result;
    return r;
}

}  // namespace

LebResult read_leb_unsigned(std::span<const uint8_t> bytes, unsigned bits)
{
    return read_leb(bytes, bits, false);
}

LebResult read_leb_signed(std::span<const uint8_t> bytes, unsigned bits)
{
    return read_leb(bytes, bits, true);
}

}  // namespace lockstep::wasm
