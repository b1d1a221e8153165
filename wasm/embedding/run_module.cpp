// The command line's embedder: decode or parse, validate, instantiate,
// invoke one export (wasm/embedding/run_module.h).
#include "wasm/embedding/run_module.h"

#include "wasm/binary/decoder.h"
#include "wasm/exec/instantiate.h"
#include "wasm/text/numbers.h"
#include "wasm/text/parser.h"
#include "wasm/valid/type_registry.h"
#include "wasm/valid/validator.h"

#include <charconv>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <span>

namespace lockstep::wasm::embedding {

namespace {

RunResult failure(RunResult::Kind kind, std::string message)
{
    RunResult r;
    r.kind = kind;
    r.message = std::move(message);
    return r;
}

std::string hex(uint64_t v, int digits = 0)
{
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%0*" PRIx64, digits, v);
    return buf;
}

// A float as the text format writes it: inf, nan (the canonical NaN),
// nan:0xPAYLOAD, or the shortest decimal that reads back as the same bits.
template <typename Float, typename Bits>
std::string format_float(Float f, Bits bits)
{
    constexpr int kSignificandBits = std::numeric_limits<Float>::digits - 1;
    const std::string sign = bits >> (sizeof(Bits) * 8 - 1) ? "-" : "";
    if (std::isnan(f)) {
        const Bits payload = bits & ((Bits{1} << kSignificandBits) - 1);
        return sign + (payload == Bits{1} << (kSignificandBits - 1) ? "nan" : "nan:" + hex(payload));
    }
    if (std::isinf(f)) return sign + "inf";
    char buf[64];
    const auto end = std::to_chars(buf, buf + sizeof buf, f).ptr;
    return std::string(buf, end);
}

std::string format_ref(const Ref& r)
{
    if (r.is_null()) return "ref.null";
    if (r.externalized) return "ref.extern";
    switch (r.kind) {
    case Ref::I31: return "ref.i31:" + std::to_string(r.bits);
    case Ref::Func: return "ref.func";
    case Ref::Struct: return "ref.struct";
    case Ref::Array: return "ref.array";
    case Ref::Exn: return "ref.exn";
    case Ref::Host: return "ref.host:" + std::to_string(r.bits);
    case Ref::Null: break;
    }
    return "ref.null";
}

const char* kind_name(ExternKind k)
{
    switch (k) {
    case ExternKind::Func: return "a function";
    case ExternKind::Table: return "a table";
    case ExternKind::Mem: return "a memory";
    case ExternKind::Global: return "a global";
    case ExternKind::Tag: return "a tag";
    }
    return "?";
}

std::string type_list(const std::vector<ValType>& types)
{
    std::string s;
    for (const ValType& t : types) s += (s.empty() ? "" : " ") + to_string(t);
    return s;
}

// Where an invalid function is: its index and, in a binary, its body's offset.
std::string function_at(const Module& m, size_t body_offset, SourceFormat format)
{
    for (size_t i = 0; i < m.funcs.size(); ++i) {
        if (m.funcs[i].body_offset != body_offset) continue;
        std::string where = " (function " + std::to_string(m.num_imported_funcs + i);
        if (format == SourceFormat::Binary) where += ", body at byte " + std::to_string(body_offset);
        return where + ")";
    }
    return "";
}

}  // namespace

std::optional<Value> parse_argument(const ValType& t, std::string_view text)
{
    switch (t.kind) {
    case ValKind::I32:
        if (auto v = text::parse_int(text, 32)) return Value::from_i32(static_cast<uint32_t>(*v));
        break;
    case ValKind::I64:
        if (auto v = text::parse_int(text, 64)) return Value::from_i64(*v);
        break;
    case ValKind::F32:
        if (auto v = text::parse_f32(text)) return Value::from_f32_bits(*v);
        break;
    case ValKind::F64:
        if (auto v = text::parse_f64(text)) return Value::from_f64_bits(*v);
        break;
    case ValKind::Ref:
        if (t.nullable && text == "null") return Value::from_ref(Ref::null());
        break;
    case ValKind::V128: case ValKind::Bot:
        break;  // no command-line literal
    }
    return std::nullopt;
}

std::string format_result(const ValType& t, const Value& v)
{
    switch (t.kind) {
    case ValKind::I32: return "i32:" + std::to_string(v.i32);
    case ValKind::I64: return "i64:" + std::to_string(v.i64);
    case ValKind::F32: return "f32:" + format_float(v.f32, v.i32);
    case ValKind::F64: return "f64:" + format_float(v.f64, v.i64);
    case ValKind::V128: {
        std::string s = "v128:i32x4";
        for (int lane = 0; lane < 4; ++lane) {
            uint32_t bits;
            std::memcpy(&bits, v.v128 + 4 * lane, 4);
            s += " " + hex(bits, 8);
        }
        return s;
    }
    case ValKind::Ref: case ValKind::Bot: break;
    }
    return format_ref(v.ref);
}

RunResult run_module(std::string_view source, SourceFormat format, const std::string& export_name,
                     const std::vector<std::string>& args)
{
    // module_parse / module_decode
    std::vector<uint8_t> parsed;
    std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(source.data()), source.size());
    if (format == SourceFormat::Text) {
        text::TextError e;
        if (!text::parse_module_text(std::string(source), parsed, e))
            return failure(RunResult::CompileError, "CompileError: " + e.message + " at line " +
                                                        std::to_string(e.line) + ", column " + std::to_string(e.column));
        bytes = parsed;
    }
    auto module = std::make_shared<Module>();
    if (auto e = decode_module(bytes, *module))
        return failure(RunResult::CompileError, "CompileError: " + e->message + " at byte " + std::to_string(e->offset));
    // module_validate
    size_t body_offset = SIZE_MAX;
    if (auto e = validate_module(*module, &body_offset))
        return failure(RunResult::CompileError, "CompileError: " + *e + function_at(*module, body_offset, format));
    // module_instantiate, with no extern values to import.
    if (!module->imports.empty()) {
        const Import& im = module->imports.front();
        return failure(RunResult::LinkError, "LinkError: unknown import \"" + im.module + "\" \"" + im.name +
                                                 "\" (lockstep run provides no imports)");
    }
    Store store;
    Thread thread(store);
    const InstantiateResult inst = instantiate(store, thread, module, {});
    switch (inst.kind) {
    case InstantiateResult::Ok: break;
    case InstantiateResult::LinkError: return failure(RunResult::LinkError, "LinkError: " + inst.message);
    case InstantiateResult::Trap: return failure(RunResult::Trap, "trap: " + inst.message);
    case InstantiateResult::Exception: return failure(RunResult::Exception, "uncaught exception");
    }
    if (export_name.empty()) return {};
    // func_invoke
    const auto found = inst.instance->exports.find(export_name);
    if (found == inst.instance->exports.end())
        return failure(RunResult::BadInvocation, "no export named \"" + export_name + "\"");
    if (found->second.kind != ExternKind::Func)
        return failure(RunResult::BadInvocation,
                       "export \"" + export_name + "\" is " + kind_name(found->second.kind) + ", not a function");
    FuncInst* f = found->second.func();
    const std::vector<ValType>& params = f->type->params;
    if (args.size() != params.size())
        return failure(RunResult::BadInvocation, "\"" + export_name + "\" takes " + std::to_string(params.size()) +
                                                     " argument(s) [" + type_list(params) + "], got " +
                                                     std::to_string(args.size()));
    std::vector<Value> values;
    for (size_t i = 0; i < args.size(); ++i) {
        auto v = parse_argument(params[i], args[i]);
        if (!v)
            return failure(RunResult::BadInvocation, "argument " + std::to_string(i + 1) + " \"" + args[i] +
                                                         "\" is not a literal of type " + to_string(params[i]));
        values.push_back(*v);
    }
    const Outcome o = thread.invoke(f, values);
    switch (o.kind) {
    case Outcome::Trap: return failure(RunResult::Trap, "trap: " + o.message);
    case Outcome::Exception: return failure(RunResult::Exception, "uncaught exception");
    case Outcome::Normal: break;
    }
    RunResult r;
    for (size_t i = 0; i < o.values.size(); ++i) r.results.push_back(format_result(f->type->results[i], o.values[i]));
    return r;
}

}  // namespace lockstep::wasm::embedding
