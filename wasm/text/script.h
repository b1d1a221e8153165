// The .wast script format (WebAssembly spec interpreter/README "Scripts";
// SpecTec has no script grammar): modules, registrations, actions and
// assertions over them.
#pragma once

#include "wasm/exec/value.h"
#include "wasm/syntax/types.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lockstep::wasm::text {

// A constant argument of an action.
struct WastValue {
    ValKind type = ValKind::I32;
    Value value;
};

// An expected result: a value, a NaN class, a reference class, or either of several.
struct Expected {
    enum Kind : uint8_t {
        Exact,          // type + bits (v128: all 16 bytes, unless lanes carry NaN patterns)
        NanCanonical,
        NanArithmetic,
        RefNull,        // any null reference
        RefKind,        // a non-null reference of heap type `heap` (ref.func, ref.any, ref.eq, …)
        RefHost,        // ref.extern N / ref.host N (host address), or any extern if !has_host
        Either,
    } kind = Exact;
    ValKind type = ValKind::I32;
    uint64_t bits = 0;
    std::array<uint8_t, 16> v128{};
    // v128 with per-lane NaN patterns: lane shape (4 = f32x4, 2 = f64x2) and per-lane kinds.
    uint8_t lanes = 0;
    std::array<Kind, 4> lane_kinds{};
    AbsHeap heap = AbsHeap::Any;
    bool has_host = false;
    uint32_t host = 0;
    std::vector<Expected> alternatives;
};

struct ModuleSource {
    enum Kind : uint8_t { Text, Binary, Quote } kind = Text;
    std::optional<std::string> id;
    bool definition = false;           // (module definition …)
    std::vector<uint8_t> binary;       // Text (encoded) and Binary
    std::string quote;                 // Quote: the module text
    std::string text_error;            // Text: a parse error found while reading the script
};

struct Action {
    enum Kind : uint8_t { Invoke, Get } kind = Invoke;
    std::optional<std::string> module;
    std::string name;
    std::vector<WastValue> args;
};

struct Command {
    enum Kind : uint8_t {
        Module, ModuleInstance, Register, DoAction, AssertReturn, AssertTrap, AssertExhaustion,
        AssertException, AssertInvalid, AssertMalformed, AssertUnlinkable, AssertUninstantiable,
        AssertTrapModule, Unsupported,
    } kind = Module;
    uint32_t line = 0;
    ModuleSource module;
    std::optional<std::string> instance_id, definition_id;  // ModuleInstance
    std::string register_name;
    std::optional<std::string> register_module;
    Action action;
    std::vector<Expected> expected;
    std::string message;  // expected failure text, or why a command is Unsupported
};

// Parses a whole script. Commands that cannot be read become Unsupported
// (with the reason), so one bad command never hides the rest; false only if
// the file cannot be tokenized at all.
bool parse_script(const std::string& source, std::vector<Command>& out, std::string& error);

}  // namespace lockstep::wasm::text
