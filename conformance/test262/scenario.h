// The ways a test262 test is run (INTERPRETING.md, "Strict Mode", "Modules"
// and the flags): as non-strict script code, as strict script code (with
// `"use strict";` prepended), or as module code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "conformance/test262/front_matter.h"

namespace lockstep::conformance::test262 {

enum class Scenario { NonStrict, Strict, Module };

// "non-strict", "strict", "module": the names results and expectation files use.
std::string_view ScenarioName(Scenario scenario);

// Default: non-strict and strict; onlyStrict: strict; noStrict and raw:
// non-strict (raw: the source as is); module: once, as a module.
std::vector<Scenario> ScenariosFor(const Flags& flags);

// The directive the strict scenario prepends to the test's source.
inline constexpr std::string_view kUseStrictPrefix = "\"use strict\";\n";

// The source text of the test as the scenario runs it.
std::string ScenarioSource(Scenario scenario, std::string_view source);

}  // namespace lockstep::conformance::test262
