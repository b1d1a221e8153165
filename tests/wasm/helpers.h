// Shared helpers for the Wasm unit tests: text → validated module → instance.
#pragma once

#include "wasm/binary/decoder.h"
#include "wasm/exec/instantiate.h"
#include "wasm/text/parser.h"
#include "wasm/valid/validator.h"

#include <memory>
#include <stdexcept>
#include <string>

namespace lockstep::wasm::testing {

inline std::vector<uint8_t> wat(const std::string& source)
{
    std::vector<uint8_t> bytes;
    text::TextError e;
    if (!text::parse_module_text(source, bytes, e)) throw std::runtime_error("parse: " + e.message);
    return bytes;
}

// Decodes and validates; returns the validation error or "" if valid.
inline std::string validate_text(const std::string& source)
{
    Module m;
    if (auto e = decode_module(wat(source), m)) return "malformed: " + e->message;
    return validate_module(m).value_or("");
}

struct Instance {
    Store store;
    Thread thread{store};
    ModuleInst* inst = nullptr;

    explicit Instance(const std::string& source)
    {
        auto m = std::make_shared<Module>();
        if (auto e = decode_module(wat(source), *m)) throw std::runtime_error(e->message);
        if (auto e = validate_module(*m)) throw std::runtime_error(*e);
        InstantiateResult r = instantiate(store, thread, m, {});
        if (r.kind != InstantiateResult::Ok) throw std::runtime_error(r.message);
        inst = r.instance;
    }
    Outcome call(const std::string& name, const std::vector<Value>& args = {})
    {
        return thread.invoke(inst->exports.at(name).func(), args);
    }
};

}  // namespace lockstep::wasm::testing
