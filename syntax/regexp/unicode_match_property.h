// The Unicode property names and values a RegExp may name in \p{…} / \P{…}
// (ECMA-262 §22.2.2.9.6 UnicodeMatchProperty, §22.2.2.9.7
// UnicodeMatchPropertyValue and their tables). Matching is exact: case,
// spaces, '-' and '_' all count, and there is no "Is" prefix.
#pragma once

#include <optional>
#include <string_view>

namespace lockstep::syntax::regexp {

// §22.2.2.9.6 UnicodeMatchProperty ( rer, p ): the canonical property name of
// p, or nullopt when p is in none of table-nonbinary-unicode-properties,
// table-binary-unicode-properties and (when unicodeSets, the rer's
// [[UnicodeSets]]) table-binary-unicode-properties-of-strings.
std::optional<std::string_view> UnicodeMatchProperty(bool unicodeSets, std::string_view p);

// §22.2.2.9.7 UnicodeMatchPropertyValue ( p, v ): the canonical value of v
// for the canonical non-binary property p (General_Category, Script or
// Script_Extensions), or nullopt when PropertyValueAliases.txt lists no such
// value or alias.
std::optional<std::string_view> UnicodeMatchPropertyValue(std::string_view p, std::string_view v);

// Which table a canonical property name comes from.
bool IsNonbinaryUnicodeProperty(std::string_view canonicalName);
bool IsBinaryUnicodePropertyOfStrings(std::string_view name);

}  // namespace lockstep::syntax::regexp
