// Wasm 3.0 §4.5 Modules: allocation and instantiation
// (SpecTec 4.4-execution.modules: allocmodule, instantiate, evalglobals).
#pragma once

#include "wasm/exec/interpreter.h"
#include "wasm/exec/store.h"

#include <memory>
#include <string>
#include <vector>

namespace lockstep::wasm {

struct InstantiateResult {
    enum Kind : uint8_t { Ok, LinkError, Trap, Exception } kind = Ok;
    ModuleInst* instance = nullptr;  // also set after a trap in a segment or start (partially initialized)
    std::string message;
    ExnInst* exn = nullptr;  // Exception: the exception the start function threw
};

// Instantiates a validated module with the given imports (in import order).
InstantiateResult instantiate(Store& store, Thread& thread, std::shared_ptr<Module> module,
                              const std::vector<ExternVal>& imports);

// Externtype matching of a provided extern value against an import.
bool import_matches(const ExternVal& v, const Import& im, const std::vector<uint32_t>& canon);

}  // namespace lockstep::wasm
