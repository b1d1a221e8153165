// ECMA-262 §6.1.4 The String Type.
#include "abstract_ops/string_type.h"

#include "spec/step.h"

namespace lockstep {

std::optional<size_t> StringIndexOf(std::u16string_view string, std::u16string_view searchValue, size_t fromIndex)
{
    SPEC_ALGORITHM("sec-stringindexof");
    STEP("1");
    size_t len = string.size();
    STEP("2");
    if (searchValue.empty() && fromIndex <= len) return fromIndex;
    STEP("3");
    size_t searchLen = searchValue.size();
    STEP("4");
    if (searchLen > len) return std::nullopt;
    for (size_t i = fromIndex; i <= len - searchLen; ++i) {
        STEP("4.a");
        STEP("4.b");
        if (string.substr(i, searchLen) == searchValue) return i;
    }
    STEP("5");
    return std::nullopt;
}

std::optional<size_t> StringLastIndexOf(std::u16string_view string, std::u16string_view searchValue, size_t fromIndex)
{
    SPEC_ALGORITHM("sec-stringlastindexof");
    STEP("1");
    size_t len = string.size();
    STEP("2");
    size_t searchLen = searchValue.size();
    STEP("3");
    SPEC_ASSERT(fromIndex + searchLen <= len);
    STEP("4");
    for (size_t i = fromIndex + 1; i-- > 0;) {
        STEP("4.a");
        STEP("4.b");
        if (string.substr(i, searchLen) == searchValue) return i;
    }
    STEP("5");
    return std::nullopt;
}

}  // namespace lockstep
