// Wasm 3.0 §3 Validation (SpecTec 2.x-validation.*).
//
// validate_module checks a decoded module and, as it goes, computes the side
// tables execution needs (Func::br_targets, try_regions, the resolved
// targets in branch instructions) and closes the module's types into
// canonical ids (Module::type_canon).
#pragma once

#include "wasm/syntax/module.h"

#include <cstddef>
#include <optional>
#include <string>

namespace lockstep::wasm {

// nullopt if valid; otherwise the test suite's message text. When the error
// is in a function body and `body_offset` is given, it receives the byte
// offset of that body in the binary (Func::body_offset), for diagnostics.
std::optional<std::string> validate_module(Module& m, size_t* body_offset = nullptr);

}  // namespace lockstep::wasm
