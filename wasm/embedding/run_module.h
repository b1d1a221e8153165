// A small embedder (Wasm 3.0 Appendix, Embedding: module_decode /
// module_parse, module_validate, module_instantiate, func_invoke) for the
// command line: `lockstep run FILE.wasm|FILE.wat [--invoke NAME ARG...]`.
//
// Arguments are read as text-format literals of the export's parameter
// types; results are printed one per line as `TYPE:VALUE`:
//   i32:4294967295   i64:42         integers unsigned, in decimal (as wabt's wasm-interp)
//   f32:1.5  f64:-inf  f32:nan  f64:nan:0x4000000000000
//                                  floats as the text format writes them (shortest round trip)
//   v128:i32x4 0x00000001 0x00000002 0x00000003 0x00000004
//   ref.null  ref.func  ref.struct  ref.array  ref.exn  ref.i31:7  ref.host:3  ref.extern
// so every printed number can be passed back as an argument.
#pragma once

#include "wasm/exec/value.h"
#include "wasm/syntax/types.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lockstep::wasm::embedding {

enum class SourceFormat : uint8_t { Binary, Text };

struct RunResult {
    // BadInvocation: no such function export, or arguments that do not fit it.
    enum Kind : uint8_t { Ok, CompileError, LinkError, BadInvocation, Trap, Exception } kind = Ok;
    std::vector<std::string> results;  // Ok: one `TYPE:VALUE` line per result
    std::string message;               // otherwise: one line, e.g. "trap: out of memory"
};

// Decodes (or parses) and validates `source`, instantiates it without
// imports (which runs its start function), then, if `export_name` is not
// empty, invokes that exported function with `args` read as literals of its
// parameter types.
RunResult run_module(std::string_view source, SourceFormat format, const std::string& export_name,
                     const std::vector<std::string>& args);

// A text-format literal of type `t` (nullable references accept `null`);
// nullopt if `text` is not one.
std::optional<Value> parse_argument(const ValType& t, std::string_view text);

// `TYPE:VALUE` as described above.
std::string format_result(const ValType& t, const Value& v);

}  // namespace lockstep::wasm::embedding
