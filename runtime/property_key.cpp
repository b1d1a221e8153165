#include "runtime/property_key.h"

#include <string>

#include "runtime/heap.h"
#include "runtime/string.h"

namespace lockstep {

PropertyKey PropertyKey::from_string(Heap& heap, std::u16string_view units)
{
    if (auto index = parse_array_index(units)) return from_array_index(*index);
    return PropertyKey(reinterpret_cast<uintptr_t>(heap.intern(units)));
}

PropertyKey PropertyKey::from_string(Heap& heap, const String& string)
{
    if (string.is_interned() && !string.as_array_index())
        return PropertyKey(reinterpret_cast<uintptr_t>(&string));
    return from_string(heap, string.view());
}

PropertyKey PropertyKey::from_ascii(Heap& heap, std::string_view ascii)
{
    return from_string(heap, std::u16string(ascii.begin(), ascii.end()));
}

Value PropertyKey::to_value(Heap& heap) const
{
    if (is_symbol()) return as_symbol();
    if (is_array_index()) return make_string_from_ascii(heap, std::to_string(as_array_index()));
    return as_string();
}

}  // namespace lockstep
