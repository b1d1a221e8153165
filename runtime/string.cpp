#include "runtime/string.h"

#include "runtime/heap.h"
#include "syntax/unicode.h"

namespace lockstep {

bool operator==(const String& a, const String& b)
{
    if (&a == &b) return true;
    if (a.is_interned() && b.is_interned()) return false;
    return a.units() == b.units();
}

std::optional<uint32_t> parse_array_index(std::u16string_view units)
{
    // Canonical: no sign, no leading zero (except "0" itself), at most 10 digits.
    if (units.empty() || units.size() > 10) return std::nullopt;
    if (units[0] == u'0') return units.size() == 1 ? std::optional<uint32_t>(0) : std::nullopt;
    uint64_t value = 0;
    for (char16_t c : units) {
        if (c < u'0' || c > u'9') return std::nullopt;
        value = value * 10 + (c - u'0');
    }
    if (value > 0xFFFFFFFEu) return std::nullopt;  // 2^32 - 1 is not an array index
    return uint32_t(value);
}

std::optional<uint32_t> String::as_array_index() const
{
    return parse_array_index(units_);
}

std::string String::to_utf8() const
{
    return utf16_to_utf8(units_);
}

std::string String::to_source_text() const
{
    return syntax::unicode::Utf16ToUtf8(units_, syntax::unicode::Surrogates::Allowed);
}

std::u16string utf8_to_utf16(std::string_view utf8)
{
    std::u16string out;
    out.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) {
        auto byte = static_cast<unsigned char>(utf8[i]);
        uint32_t cp;
        size_t extra;
        if (byte < 0x80) { cp = byte; extra = 0; }
        else if ((byte & 0xE0) == 0xC0) { cp = byte & 0x1F; extra = 1; }
        else if ((byte & 0xF0) == 0xE0) { cp = byte & 0x0F; extra = 2; }
        else if ((byte & 0xF8) == 0xF0) { cp = byte & 0x07; extra = 3; }
        else { out.push_back(0xFFFD); ++i; continue; }
        if (i + extra >= utf8.size()) {  // truncated sequence
            out.push_back(0xFFFD);
            break;
        }
        bool ok = true;
        for (size_t k = 1; k <= extra; ++k) {
            auto next = static_cast<unsigned char>(utf8[i + k]);
            if ((next & 0xC0) != 0x80) { ok = false; break; }
            cp = (cp << 6) | (next & 0x3F);
        }
        if (!ok) { out.push_back(0xFFFD); ++i; continue; }
        i += extra + 1;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out.push_back(char16_t(0xD800 + (cp >> 10)));
            out.push_back(char16_t(0xDC00 + (cp & 0x3FF)));
        } else {
            out.push_back(char16_t(cp));
        }
    }
    return out;
}

std::string utf16_to_utf8(std::u16string_view units)
{
    return syntax::unicode::Utf16ToUtf8(units);
}

String* make_string(Heap& heap, std::u16string units)
{
    return heap.allocate<String>(std::move(units));
}

String* make_string_from_ascii(Heap& heap, std::string_view ascii)
{
    return heap.allocate<String>(std::u16string(ascii.begin(), ascii.end()));
}

String* make_string_from_utf8(Heap& heap, std::string_view utf8)
{
    return heap.allocate<String>(utf8_to_utf16(utf8));
}

}  // namespace lockstep
