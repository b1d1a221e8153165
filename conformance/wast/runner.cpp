// The .wast script runner (spec interpreter/README "Scripts" semantics).
#include "conformance/wast/runner.h"

#include "wasm/binary/decoder.h"
#include "wasm/exec/instantiate.h"
#include "wasm/exec/interpreter.h"
#include "wasm/text/parser.h"
#include "wasm/text/script.h"
#include "wasm/valid/type_registry.h"
#include "wasm/valid/validator.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace lockstep::conformance::wast {

using namespace lockstep::wasm;
using wasm::Outcome;  // not conformance::Outcome (a test262 result)
using text::Command;
using text::Expected;

namespace {

// Whether an error or trap message matches the script's expected text: like
// the reference interpreter, the expected text must be a prefix of ours
// (ours may carry a "line:column: " location in front).
bool message_matches(const std::string& actual, const std::string& expected)
{
    std::string_view a = actual;
    const size_t colon = a.find(": ");
    if (colon != std::string_view::npos && a.find_first_not_of("0123456789:") == colon + 1) a.remove_prefix(colon + 2);
    return a.substr(0, expected.size()) == expected;
}

std::string hex(uint64_t v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%" PRIx64, v);
    return buf;
}

std::string format_value(const Value& v, ValKind k)
{
    switch (k) {
    case ValKind::I32: return "i32:" + std::to_string(static_cast<int32_t>(v.i32));
    case ValKind::I64: return "i64:" + std::to_string(static_cast<int64_t>(v.i64));
    case ValKind::F32: {
        char buf[64];
        std::snprintf(buf, sizeof buf, "f32:%.9g (%s)", v.f32, hex(v.i32).c_str());
        return buf;
    }
    case ValKind::F64: {
        char buf[64];
        std::snprintf(buf, sizeof buf, "f64:%.17g (%s)", v.f64, hex(v.i64).c_str());
        return buf;
    }
    case ValKind::V128: {
        std::string s = "v128:";
        for (int i = 0; i < 16; ++i) {
            char b[4];
            std::snprintf(b, sizeof b, "%02x", v.v128[i]);
            s += b;
        }
        return s;
    }
    default: break;
    }
    const Ref& r = v.ref;
    static const char* kKinds[] = {"null", "i31", "func", "struct", "array", "exn", "host"};
    std::string s = std::string("ref.") + kKinds[r.kind];
    if (r.kind == Ref::Host || r.kind == Ref::I31) s += " " + std::to_string(r.bits);
    if (r.externalized) s = "ref.extern(" + s + ")";
    return s;
}

std::string format_expected(const Expected& e)
{
    switch (e.kind) {
    case Expected::NanCanonical: return "nan:canonical";
    case Expected::NanArithmetic: return "nan:arithmetic";
    case Expected::RefNull: return "ref.null";
    case Expected::RefKind: return "ref of heap type " + to_string(ValType::ref(false, HeapType::abs(e.heap)));
    case Expected::RefHost: return e.has_host ? "ref.extern " + std::to_string(e.host) : "ref.extern";
    case Expected::Either: {
        std::string s = "either(";
        for (auto& a : e.alternatives) s += format_expected(a) + " ";
        return s + ")";
    }
    case Expected::Exact: break;
    }
    Value v;
    if (e.type == ValKind::V128) std::memcpy(v.v128, e.v128.data(), 16);
    else v.i64 = e.bits;
    return format_value(v, e.type);
}

template <typename U>
bool nan_matches(U bits, Expected::Kind kind, unsigned mant_bits)
{
    const U exp_mask = ((U{1} << (sizeof(U) * 8 - 1 - mant_bits)) - 1) << mant_bits;
    const U mant = bits & ((U{1} << mant_bits) - 1);
    const U quiet = U{1} << (mant_bits - 1);
    if ((bits & exp_mask) != exp_mask || mant == 0) return false;
    if (kind == Expected::NanCanonical) return mant == quiet;
    return (mant & quiet) != 0;
}

bool matches(const Value& v, ValKind k, const Expected& e)
{
    switch (e.kind) {
    case Expected::Either:
        for (const Expected& a : e.alternatives)
            if (matches(v, k, a)) return true;
        return false;
    case Expected::NanCanonical: case Expected::NanArithmetic:
        if (k != e.type) return false;
        return e.type == ValKind::F32 ? nan_matches<uint32_t>(v.i32, e.kind, 23) : nan_matches<uint64_t>(v.i64, e.kind, 52);
    case Expected::RefNull: return k == ValKind::Ref && v.ref.is_null();
    case Expected::RefHost:
        if (k != ValKind::Ref || v.ref.is_null()) return false;
        if (!e.has_host) return v.ref.kind == Ref::Host || v.ref.externalized;
        return v.ref.kind == Ref::Host && v.ref.bits == e.host;
    case Expected::RefKind:
        if (k != ValKind::Ref || v.ref.is_null() || v.ref.externalized) return false;
        return ref_matches(v.ref, ValType::ref(false, HeapType::abs(e.heap)));
    case Expected::Exact: break;
    }
    if (k != e.type) return false;
    switch (k) {
    case ValKind::I32: case ValKind::F32: return v.i32 == static_cast<uint32_t>(e.bits);
    case ValKind::I64: case ValKind::F64: return v.i64 == e.bits;
    case ValKind::V128: {
        if (!e.lanes) return std::memcmp(v.v128, e.v128.data(), 16) == 0;
        const unsigned size = 16 / e.lanes;
        for (unsigned i = 0; i < e.lanes; ++i) {
            const Expected::Kind lk = e.lane_kinds[i];
            uint64_t got = 0, want = 0;
            std::memcpy(&got, v.v128 + i * size, size);
            std::memcpy(&want, e.v128.data() + i * size, size);
            if (lk == Expected::NanCanonical || lk == Expected::NanArithmetic) {
                const bool ok = size == 4 ? nan_matches<uint32_t>(static_cast<uint32_t>(got), lk, 23)
                                          : nan_matches<uint64_t>(got, lk, 52);
                if (!ok) return false;
            } else if (got != want) {
                return false;
            }
        }
        return true;
    }
    default: return false;
    }
}

class Runner {
public:
    Runner(const std::string& path, const Options& options, FILE* out)
        : path_(path), options_(options), out_(out), thread_(store_)
    {
        make_spectest();
    }

    FileResult run(const std::vector<Command>& commands)
    {
        for (const Command& c : commands) command(c);
        return std::move(result_);
    }

private:
    void fail(const Command& c, const std::string& what)
    {
        ++result_.counts.failed;
        result_.failures.push_back(Failure{c.line, what});
    }
    void pass() { ++result_.counts.passed; }

    void make_spectest()
    {
        auto* inst = store_.alloc_module();
        auto& reg = TypeRegistry::get();
        // The spectest types, canonicalized like any module's.
        auto func_type = [&](std::vector<ValType> params) {
            RecType r;
            SubType s;
            s.comp.kind = CompKind::Func;
            s.comp.func.params = std::move(params);
            r.subs.push_back(s);
            return reg.add_module_types({r})[0];
        };
        auto add_func = [&](const std::string& name, std::vector<ValType> params) {
            FuncInst* f = store_.alloc_func();
            f->type_id = func_type(std::move(params));
            f->type = &reg.type(f->type_id).comp.func;
            f->host = [](const std::vector<Value>&) { return HostResult{}; };
            inst->exports[name] = ExternVal{ExternKind::Func, f};
        };
        add_func("print", {});
        add_func("print_i32", {kI32});
        add_func("print_i64", {kI64});
        add_func("print_f32", {kF32});
        add_func("print_f64", {kF64});
        add_func("print_i32_f32", {kI32, kF32});
        add_func("print_f64_f64", {kF64, kF64});
        auto add_global = [&](const std::string& name, ValType t, Value v) {
            GlobalInst* g = store_.alloc_global();
            g->type = GlobalType{t, false};
            g->value = v;
            inst->exports[name] = ExternVal{ExternKind::Global, g};
        };
        add_global("global_i32", kI32, Value::from_i32(666));
        add_global("global_i64", kI64, Value::from_i64(666));
        add_global("global_f32", kF32, Value::from_f32(666.6f));
        add_global("global_f64", kF64, Value::from_f64(666.6));
        auto add_table = [&](const std::string& name, AddrType at) {
            TableInst* t = store_.alloc_table();
            t->type.limits = Limits{at, 10, true, 20};
            t->type.elem = ValType::ref(true, HeapType::abs(AbsHeap::Func));
            t->elems.assign(10, Ref::null());
            inst->exports[name] = ExternVal{ExternKind::Table, t};
        };
        add_table("table", AddrType::I32);
        add_table("table64", AddrType::I64);
        MemInst* m = store_.alloc_mem();
        m->init(MemType{Limits{AddrType::I32, 1, true, 2}, false});
        inst->exports["memory"] = ExternVal{ExternKind::Mem, m};
        registered_["spectest"] = inst;
    }

    // Reads, decodes and validates a module; returns the phase that failed.
    enum class Phase { Ok, Malformed, Invalid };
    Phase load(const text::ModuleSource& src, std::shared_ptr<Module>& out, std::string& error)
    {
        std::vector<uint8_t> bytes;
        switch (src.kind) {
        case text::ModuleSource::Text:
            if (!src.text_error.empty()) {
                error = src.text_error;
                return Phase::Malformed;
            }
            bytes = src.binary;
            break;
        case text::ModuleSource::Binary: bytes = src.binary; break;
        case text::ModuleSource::Quote: {
            text::TextError te;
            if (!text::parse_module_text(src.quote, bytes, te)) {
                error = std::to_string(te.line) + ":" + std::to_string(te.column) + ": " + te.message;
                return Phase::Malformed;
            }
            break;
        }
        }
        auto m = std::make_shared<Module>();
        if (auto e = decode_module(bytes, *m)) {
            error = e->message + " at byte " + std::to_string(e->offset);
            return Phase::Malformed;
        }
        if (auto e = validate_module(*m)) {
            error = *e;
            return Phase::Invalid;
        }
        out = std::move(m);
        return Phase::Ok;
    }

    InstantiateResult link_and_instantiate(std::shared_ptr<Module> m)
    {
        std::vector<ExternVal> imports;
        for (const Import& im : m->imports) {
            auto it = registered_.find(im.module);
            if (it == registered_.end()) return link_error("unknown import " + im.module + "." + im.name);
            auto e = it->second->exports.find(im.name);
            if (e == it->second->exports.end()) return link_error("unknown import " + im.module + "." + im.name);
            imports.push_back(e->second);
        }
        return instantiate(store_, thread_, std::move(m), imports);
    }
    static InstantiateResult link_error(std::string message)
    {
        InstantiateResult r;
        r.kind = InstantiateResult::LinkError;
        r.message = std::move(message);
        return r;
    }

    ModuleInst* find_instance(const std::optional<std::string>& id)
    {
        if (!id) return current_;
        auto it = named_.find(*id);
        return it == named_.end() ? nullptr : it->second;
    }

    // Performs an action; false (with `error`) if it cannot be performed at all.
    bool act(const text::Action& a, Outcome& outcome, std::vector<ValKind>& kinds, std::string& error)
    {
        ModuleInst* inst = find_instance(a.module);
        if (!inst) {
            error = "no module instance" + (a.module ? " $" + *a.module : std::string());
            return false;
        }
        auto it = inst->exports.find(a.name);
        if (it == inst->exports.end()) {
            error = "unknown export \"" + a.name + "\"";
            return false;
        }
        if (a.kind == text::Action::Get) {
            if (it->second.kind != ExternKind::Global) {
                error = "export is not a global";
                return false;
            }
            outcome = Outcome{};
            outcome.values.push_back(it->second.global()->value);
            kinds.push_back(it->second.global()->type.type.kind);
            return true;
        }
        if (it->second.kind != ExternKind::Func) {
            error = "export is not a function";
            return false;
        }
        FuncInst* f = it->second.func();
        if (f->type->params.size() != a.args.size()) {
            error = "wrong number of arguments";
            return false;
        }
        std::vector<Value> args;
        for (size_t i = 0; i < a.args.size(); ++i) {
            if (a.args[i].type != f->type->params[i].kind) {
                error = "argument type mismatch";
                return false;
            }
            args.push_back(a.args[i].value);
        }
        for (const ValType& t : f->type->results) kinds.push_back(t.kind);
        outcome = thread_.invoke(f, args);
        return true;
    }

    void module_command(const Command& c)
    {
        std::shared_ptr<Module> m;
        std::string error;
        const Phase phase = load(c.module, m, error);
        if (phase != Phase::Ok) {
            current_ = nullptr;
            if (c.module.id) named_.erase(*c.module.id);
            fail(c, std::string("module failed to ") + (phase == Phase::Malformed ? "parse" : "validate") + ": " + error);
            return;
        }
        if (c.module.definition) {
            if (c.module.id) definitions_[*c.module.id] = m;
            last_definition_ = m;
            return;
        }
        instantiate_as(c, m, c.module.id);
    }

    void instantiate_as(const Command& c, std::shared_ptr<Module> m, const std::optional<std::string>& id)
    {
        InstantiateResult r = link_and_instantiate(std::move(m));
        if (r.kind != InstantiateResult::Ok) {
            current_ = nullptr;
            if (id) named_.erase(*id);
            fail(c, "module failed to instantiate: " + r.message);
            return;
        }
        current_ = r.instance;
        if (id) named_[*id] = r.instance;
    }

    void command(const Command& c)
    {
        switch (c.kind) {
        case Command::Module: module_command(c); return;
        case Command::ModuleInstance: {
            std::shared_ptr<Module> def =
                c.definition_id ? (definitions_.count(*c.definition_id) ? definitions_[*c.definition_id] : nullptr)
                                : last_definition_;
            if (!def) {
                current_ = nullptr;
                fail(c, "unknown module definition");
                return;
            }
            instantiate_as(c, def, c.instance_id);
            return;
        }
        case Command::Register: {
            ModuleInst* inst = find_instance(c.register_module);
            if (!inst) {
                fail(c, "register: no module instance");
                return;
            }
            registered_[c.register_name] = inst;
            return;
        }
        case Command::DoAction: {
            Outcome o;
            std::vector<ValKind> kinds;
            std::string error;
            if (!act(c.action, o, kinds, error)) fail(c, "action failed: " + error);
            else if (o.kind != Outcome::Normal) fail(c, "action failed: " + (o.kind == Outcome::Trap ? o.message : "uncaught exception"));
            return;
        }
        case Command::AssertReturn: {
            Outcome o;
            std::vector<ValKind> kinds;
            std::string error;
            if (!act(c.action, o, kinds, error)) return fail(c, "expected return, got error: " + error);
            if (o.kind == Outcome::Trap) return fail(c, "expected return, got trap: " + o.message);
            if (o.kind == Outcome::Exception) return fail(c, "expected return, got uncaught exception");
            if (o.values.size() != c.expected.size())
                return fail(c, "expected " + std::to_string(c.expected.size()) + " results, got " + std::to_string(o.values.size()));
            for (size_t i = 0; i < o.values.size(); ++i) {
                if (!matches(o.values[i], kinds[i], c.expected[i]))
                    return fail(c, "expected " + format_expected(c.expected[i]) + ", got " + format_value(o.values[i], kinds[i]));
            }
            return pass();
        }
        case Command::AssertTrap: case Command::AssertExhaustion: case Command::AssertException: {
            Outcome o;
            std::vector<ValKind> kinds;
            std::string error;
            if (!act(c.action, o, kinds, error)) return fail(c, "expected trap, got error: " + error);
            const Outcome::Kind want = c.kind == Command::AssertException ? Outcome::Exception : Outcome::Trap;
            if (o.kind != want) {
                std::string got = o.kind == Outcome::Normal ? "return" : o.kind == Outcome::Trap ? "trap: " + o.message : "exception";
                return fail(c, std::string("expected ") + (want == Outcome::Trap ? "trap \"" + c.message + "\"" : "exception") + ", got " + got);
            }
            if (want == Outcome::Trap && !options_.lenient_messages && !message_matches(o.message, c.message))
                return fail(c, "expected trap \"" + c.message + "\", got trap \"" + o.message + "\"");
            return pass();
        }
        case Command::AssertInvalid: case Command::AssertMalformed: {
            std::shared_ptr<Module> m;
            std::string error;
            const Phase phase = load(c.module, m, error);
            const bool is_text = c.module.kind != text::ModuleSource::Binary;
            bool ok;
            if (c.kind == Command::AssertMalformed) {
                // Text that our parser accepts but whose encoding the decoder rejects is malformed too.
                ok = phase == Phase::Malformed;
            } else {
                // For text, the parse/validation boundary differs between implementations
                // (identifier resolution): any rejection counts.
                ok = phase == Phase::Invalid || (is_text && phase == Phase::Malformed);
            }
            if (!ok) {
                if (phase == Phase::Ok) return fail(c, "expected module to be rejected (\"" + c.message + "\"), but it was accepted");
                return fail(c, std::string("expected ") + (c.kind == Command::AssertMalformed ? "malformed" : "invalid") +
                                   " module (\"" + c.message + "\"), got: " + error);
            }
            if (!options_.lenient_messages && !message_matches(error, c.message))
                return fail(c, std::string("expected ") + (c.kind == Command::AssertMalformed ? "malformed" : "invalid") +
                                   " module \"" + c.message + "\", got \"" + error + "\"");
            return pass();
        }
        case Command::AssertUnlinkable: case Command::AssertUninstantiable: case Command::AssertTrapModule: {
            std::shared_ptr<Module> m;
            std::string error;
            if (load(c.module, m, error) != Phase::Ok) return fail(c, "module failed to load: " + error);
            InstantiateResult r = link_and_instantiate(m);
            const bool want_link = c.kind == Command::AssertUnlinkable;
            const bool ok = want_link ? r.kind == InstantiateResult::LinkError
                                      : (r.kind == InstantiateResult::Trap || r.kind == InstantiateResult::Exception);
            if (!ok)
                return fail(c, std::string("expected ") + (want_link ? "link error" : "trap") + " \"" + c.message +
                                   "\", got " + (r.kind == InstantiateResult::Ok ? "success" : r.message));
            return pass();
        }
        case Command::Unsupported:
            ++result_.counts.skipped;
            if (options_.verbose && out_) std::fprintf(out_, "%s:%u: skipped: %s\n", path_.c_str(), c.line, c.message.c_str());
            return;
        }
    }

    std::string path_;
    Options options_;
    FILE* out_;
    Store store_;
    Thread thread_;
    FileResult result_;
    ModuleInst* current_ = nullptr;
    std::map<std::string, ModuleInst*> named_;
    std::map<std::string, ModuleInst*> registered_;
    std::map<std::string, std::shared_ptr<Module>> definitions_;
    std::shared_ptr<Module> last_definition_;
};

}  // namespace

FileResult run_wast_file(const std::string& path, const Options& options, FILE* skipped_out)
{
    FileResult r;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        r.counts.failed = 1;
        r.failures.push_back(Failure{0, "cannot read the file"});
        return r;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::vector<Command> commands;
    std::string error;
    if (!text::parse_script(ss.str(), commands, error)) {
        // The whole script is unreadable (a lexical error outside any command).
        r.counts.failed = 1;
        r.failures.push_back(Failure{0, "cannot read the script: " + error});
        return r;
    }
    Runner runner(path, options, skipped_out);
    return runner.run(commands);
}

conformance::TestResult junit_result(const std::string& name, const FileResult& result,
                        const std::vector<uint32_t>& known_failure_lines, double duration_ms)
{
    conformance::TestResult testcase{name, "", conformance::Status::Pass, "", duration_ms};
    if (!result.failures.empty()) {
        testcase.status = conformance::Status::Fail;
        for (const Failure& failure : result.failures) {
            const bool known = std::find(known_failure_lines.begin(), known_failure_lines.end(), failure.line) !=
                               known_failure_lines.end();
            if (!testcase.message.empty()) testcase.message += '\n';
            testcase.message += "line " + std::to_string(failure.line) + ": " + (known ? "(known failure) " : "") +
                                failure.message;
        }
    } else if (result.counts.passed == 0 && result.counts.skipped > 0) {
        testcase.status = conformance::Status::Skip;
        testcase.message = std::to_string(result.counts.skipped) + " unsupported commands";
    }
    return testcase;
}

}  // namespace lockstep::conformance::wast
