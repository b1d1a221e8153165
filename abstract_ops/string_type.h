// ECMA-262 §6.1.4 The String Type: the abstract operations on Strings.
// https://tc39.es/ecma262/#sec-ecmascript-language-types-string-type
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace lockstep {

// §6.1.4.1 StringIndexOf ( string, searchValue, fromIndex ): nullopt is ~not-found~
std::optional<size_t> StringIndexOf(std::u16string_view string, std::u16string_view searchValue, size_t fromIndex);
// §6.1.4.2 StringLastIndexOf ( string, searchValue, fromIndex ): nullopt is ~not-found~
std::optional<size_t> StringLastIndexOf(std::u16string_view string, std::u16string_view searchValue, size_t fromIndex);

}  // namespace lockstep
