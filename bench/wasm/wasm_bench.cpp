// wasm_bench FILE.wasm NAME [ARG...]
//
// The lockstep side of bench/wasm/run.sh: decodes, validates and
// instantiates FILE.wasm (a module without imports), invokes the export NAME
// with the given arguments (parsed by the export's parameter types: i32, i64,
// f32, f64), and prints the results in the format of wabt's wasm-interp
// ("NAME(ARGS) => i32:N", floats with %f), so run.sh can compare them. The invocation's own wall time goes to stderr, so a
// reader can see how much of the process time is start-up.
#include "wasm/binary/decoder.h"
#include "wasm/exec/instantiate.h"
#include "wasm/exec/interpreter.h"
#include "wasm/valid/validator.h"

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

using namespace lockstep::wasm;

namespace {

int fail(const std::string& message)
{
    std::fprintf(stderr, "wasm_bench: %s\n", message.c_str());
    return 1;
}

bool parse_arg(const char* text, const ValType& type, Value& out)
{
    char* end = nullptr;
    switch (type.kind) {
    case ValKind::I32: out = Value::from_i32(static_cast<uint32_t>(std::strtoll(text, &end, 0))); break;
    case ValKind::I64: out = Value::from_i64(static_cast<uint64_t>(std::strtoll(text, &end, 0))); break;
    case ValKind::F32: out = Value::from_f32(std::strtof(text, &end)); break;
    case ValKind::F64: out = Value::from_f64(std::strtod(text, &end)); break;
    default: return false;
    }
    return end && *end == '\0' && end != text;
}

std::string format(const Value& v, const ValType& type)
{
    char text[64];
    switch (type.kind) {
    case ValKind::I32: std::snprintf(text, sizeof text, "i32:%" PRIu32, v.i32); break;
    case ValKind::I64: std::snprintf(text, sizeof text, "i64:%" PRIu64, v.i64); break;
    case ValKind::F32: std::snprintf(text, sizeof text, "f32:%f", static_cast<double>(v.f32)); break;
    case ValKind::F64: std::snprintf(text, sizeof text, "f64:%f", v.f64); break;
    default: return to_string(type);
    }
    return text;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: wasm_bench FILE.wasm NAME [ARG...]\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) return fail(std::string(argv[1]) + ": cannot read file");
    const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

    auto module = std::make_shared<Module>();
    if (auto e = decode_module(bytes, *module)) return fail(e->message + " at byte " + std::to_string(e->offset));
    if (auto e = validate_module(*module)) return fail(*e);
    if (!module->imports.empty()) return fail("the module has imports; benchmarks must be self-contained");

    Store store;
    Thread thread(store);
    InstantiateResult inst = instantiate(store, thread, module, {});
    if (inst.kind != InstantiateResult::Ok) return fail("instantiation failed: " + inst.message);

    const std::string name = argv[2];
    auto it = inst.instance->exports.find(name);
    if (it == inst.instance->exports.end() || it->second.kind != ExternKind::Func)
        return fail("no exported function " + name);
    FuncInst* f = it->second.func();
    const int nargs = argc - 3;
    if (static_cast<size_t>(nargs) != f->type->params.size())
        return fail(name + " takes " + std::to_string(f->type->params.size()) + " arguments");
    std::vector<Value> args(nargs);
    std::string shown;
    for (int i = 0; i < nargs; ++i) {
        if (!parse_arg(argv[3 + i], f->type->params[i], args[i]))
            return fail(std::string("bad argument ") + argv[3 + i] + " for " + to_string(f->type->params[i]));
        shown += (i ? ", " : "") + std::string(argv[3 + i]);
    }

    const auto start = std::chrono::steady_clock::now();
    Outcome o = thread.invoke(f, args);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (o.kind == Outcome::Trap) return fail(name + " trapped: " + o.message);
    if (o.kind == Outcome::Exception) return fail(name + " threw an exception");
    std::string results;
    for (size_t i = 0; i < o.values.size(); ++i) results += (i ? ", " : "") + format(o.values[i], f->type->results[i]);
    std::printf("%s(%s) => %s\n", name.c_str(), shown.c_str(), results.c_str());
    std::fflush(stdout);
    std::fprintf(stderr, "invoke: %.3f s\n", seconds);
    return 0;
}
