// Wasm 3.0 §4.4.3 Vector instructions (SpecTec 3.2-numerics.vector and the
// v* rules of 4.3-execution.instructions) that touch neither memory nor
// the store.
#pragma once

#include "wasm/exec/value.h"
#include "wasm/syntax/module.h"

namespace lockstep::wasm {

// Executes the pure vector instruction `in` on the operand stack ending at
// `sp` (updated). Returns false if `in` is not a pure vector instruction.
bool execute_vector(const Instr& in, const CodePools& pools, Value*& sp);

}  // namespace lockstep::wasm
