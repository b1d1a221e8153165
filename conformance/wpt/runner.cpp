// The WPT runner: one test file in one fresh agent (conformance/wpt/runner.h).
#include "conformance/wpt/runner.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/scripts.h"
#include "builtins/builtin_helpers.h"
#include "builtins/intrinsics.h"  // every realm gets the built-ins (and WebAssembly)
#include "runtime/agent.h"
#include "runtime/host.h"
#include "runtime/host_timers.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/root.h"

namespace lockstep::conformance::wpt {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> ReadFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// One line of the worker's message: no tabs or newlines inside a field.
std::string Flat(std::string text)
{
    for (char& c : text)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    if (text.size() > 1000) text = text.substr(0, 1000) + "...";
    return text;
}

// The host of one WPT file: the harness's globals and the results it reports.
class WptHost final : public DefaultHost {
public:
    FileRun run;

    ThrowCompletionOr<void> define_host_global_properties(Agent& agent, Realm& realm) override
    {
        Object& global = *realm.GlobalObject;
        auto define = [&](const char* name, Value value) {
            define_value_property(agent, global, agent.key(name), value, true, false, true);
        };
        auto function = [&](const char* name, double length, BuiltinBehaviour behaviour) {
            define(name, CreateBuiltinFunction(agent, std::move(behaviour), length, agent.key(name), {.realm = &realm}));
        };
        define("self", &global);
        // console.log / warn / error / info / debug: accepted and dropped
        // (results come from the harness's callbacks).
        Root<Object*> console = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
        for (const char* name : {"log", "warn", "error", "info", "debug"})
            define_value_property(agent, *console.get(), agent.key(name),
                                  CreateBuiltinFunction(agent, [](Agent&, BuiltinFunction&, Value, std::span<const Value>, Object*)
                                                                   -> ThrowCompletionOr<Value> { return Value::undefined(); },
                                                        0, agent.key(name), {.realm = &realm}),
                                  true, false, true);
        define("console", console.get());
        TRY(timers_.define(agent, realm, global));
        // __wpt_result(name, status, message) and __wpt_done(status, message)
        function("__wpt_result", 3, [this](Agent& agent, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                                        -> ThrowCompletionOr<Value> {
            SubtestResult& r = run.subtests.emplace_back();
            r.name = TRY(ToString(agent, argument(args, 0)))->to_utf8();
            r.status = SubtestStatus(int(TRY(ToNumber(agent, argument(args, 1)))));
            Value message = argument(args, 2);
            if (!message.is_nullish()) r.message = TRY(ToString(agent, message))->to_utf8();
            return Value::undefined();
        });
        function("__wpt_done", 2, [this](Agent& agent, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                                      -> ThrowCompletionOr<Value> {
            run.completed = true;
            const int status = int(TRY(ToNumber(agent, argument(args, 0))));
            if (status != 0) {
                static const char* const names[] = {"OK", "ERROR", "TIMEOUT", "PRECONDITION_FAILED"};
                std::string message;
                if (!argument(args, 1).is_nullish()) message = TRY(ToString(agent, argument(args, 1)))->to_utf8();
                run.harness_error = std::string("harness status ") + (status >= 0 && status < 4 ? names[status] : "?") +
                                    (message.empty() ? "" : ": " + message);
            }
            return Value::undefined();
        });
        return {};
    }

private:
    HostTimers timers_;
};

constexpr const char* kPrelude = R"JS(
add_result_callback(function (test) { __wpt_result(test.name, test.status, test.message); });
add_completion_callback(function (tests, status) { __wpt_done(status.status, status.message); });
)JS";

// assert_throws and promise_rejects, which testharness.js had before it split
// them into assert_throws_js / assert_throws_dom / assert_throws_exactly (and
// the promise_rejects_* twins) and which the JSPI tests still call. The
// expected exception is, as it used to be, one of:
//   - a constructor: the thrown value must be an object made by it (as
//     assert_throws_js checks);
//   - a DOMException-style name or code (a string or a number): checked as
//     assert_throws_dom checks;
//   - an object: the thrown value must be an object with the same name (and,
//     when the expected object has a code, the same code); an expected object
//     without a name (a WebAssembly.Exception) is matched by its constructor.
// promise_rejects(test, expected, promise, description) returns a promise
// that asserts the rejection in the same way.
constexpr const char* kHistoricalAsserts = R"JS(
(function () {
  function describe(description) {
    return description === undefined ? "" : String(description) + ": ";
  }
  function assert_throws(expected, func, description) {
    if (typeof expected === "function") return assert_throws_js(expected, func, description);
    if (typeof expected === "string" || typeof expected === "number")
      return assert_throws_dom(expected, func, description);
    if (typeof expected !== "object" || expected === null)
      throw new AssertionError("Test bug: assert_throws() needs an exception constructor, code or object");
    let thrown;
    try {
      func.call(this);
    } catch (e) {
      thrown = { value: e };
    }
    if (thrown === undefined)
      throw new AssertionError("assert_throws: " + describe(description) + format_value(func) + " did not throw");
    const e = thrown.value;
    if (e instanceof AssertionError) throw e;
    if (typeof e !== "object" || e === null)
      throw new AssertionError("assert_throws: " + describe(description) + format_value(func) + " threw " +
                               format_value(e) + ", not an object");
    if (expected.name === undefined) {
      if (e.constructor !== expected.constructor)
        throw new AssertionError("assert_throws: " + describe(description) + format_value(func) + " threw " +
                                 format_value(e) + ", expected an object like " + format_value(expected));
      return;
    }
    if (!("name" in e) || e.name !== expected.name)
      throw new AssertionError("assert_throws: " + describe(description) + format_value(func) + " threw " +
                               format_value(e) + " (" + format_value(e.name) + "), expected " +
                               format_value(expected) + " (" + format_value(expected.name) + ")");
    if ("code" in expected && (!("code" in e) || e.code !== expected.code))
      throw new AssertionError("assert_throws: " + describe(description) + format_value(func) + " threw " +
                               format_value(e) + " with code " + format_value(e.code) + ", expected code " +
                               format_value(expected.code));
  }
  function promise_rejects(test, expected, promise, description) {
    return new Promise(promise.then.bind(promise))
        .then(test.unreached_func("Should have rejected: " + description))
        .catch(function (e) { assert_throws(expected, function () { throw e; }, description); });
  }
  self.assert_throws = assert_throws;
  self.promise_rejects = promise_rejects;
})();
)JS";

// "Name: message" of a thrown value, reading no more than name and message.
std::string Describe(Agent& agent, Value thrown)
{
    Root<Value> held(thrown);
    if (thrown.is_object()) {
        auto name = Get(agent, *thrown.as_object(), agent.names.name);
        auto message = Get(agent, *thrown.as_object(), agent.names.message);
        std::string text;
        if (!name.is_abrupt() && name.value().is_string()) text = name.value().as_string()->to_utf8();
        if (!message.is_abrupt() && message.value().is_string()) text += ": " + message.value().as_string()->to_utf8();
        if (!text.empty()) return text;
    }
    auto text = ToString(agent, thrown);
    return text.is_abrupt() ? "a value that cannot be printed" : text.value()->to_utf8();
}

}  // namespace

WptFile PrepareFile(const std::string& full_path, const std::string& relative_path, const std::string& suite_root)
{
    WptFile file;
    file.path = relative_path;
    file.full_path = full_path;
    auto source = ReadFile(full_path);
    if (!source) {
        file.error = "cannot read " + full_path;
        return file;
    }
    const fs::path dir = fs::path(full_path).parent_path();
    std::istringstream lines(*source);
    for (std::string line; std::getline(lines, line);) {
        const std::string prefix = "// META: script=";
        if (line.rfind("// META:", 0) != 0) {
            if (!line.empty() && line.rfind("//", 0) != 0) break;  // META lines come first
            continue;
        }
        if (line.rfind(prefix, 0) != 0) continue;
        std::string include = line.substr(prefix.size());
        while (!include.empty() && std::isspace(static_cast<unsigned char>(include.back()))) include.pop_back();
        std::vector<fs::path> candidates;
        const std::string jsapi = "/wasm/jsapi/";
        if (include.rfind(jsapi, 0) == 0) {
            // /wasm/jsapi/ is the js-api folder; a test outside it (JSPI's)
            // brings its own copies, which come first.
            const fs::path in_suite = fs::path(suite_root) / "js-api" / include.substr(jsapi.size());
            const fs::path own = dir / fs::path(include).filename();
            if (relative_path.rfind("js-api/", 0) == 0) candidates = {in_suite, own};
            else candidates = {own, in_suite};
        } else if (!include.empty() && include[0] == '/') {
            candidates = {dir / fs::path(include).filename(), fs::path(suite_root) / include.substr(1)};
        } else {
            candidates = {dir / include};
        }
        bool found = false;
        for (const fs::path& candidate : candidates) {
            std::error_code ec;
            if (fs::is_regular_file(candidate, ec)) {
                file.scripts.push_back(candidate.lexically_normal().string());
                found = true;
                break;
            }
        }
        if (!found) file.error = "META script " + include + " not found";
    }
    file.scripts.push_back(full_path);
    return file;
}

FileRun RunFile(const WptFile& file, const RunOptions& options)
{
    WptHost host;
    if (!file.error.empty()) {
        host.run.harness_error = file.error;
        return host.run;
    }
    Agent agent(host);
    agent.heap.set_stress(options.gc_stress);
    if (auto status = InitializeHostDefinedRealm(agent); status.is_abrupt()) {
        host.run.harness_error = "the realm could not be made";
        return host.run;
    }
    Realm& realm = *agent.current_realm();

    // Runs one script, then the jobs it queued (a job that throws is reported
    // and the others still run, as an event loop would).
    auto run_script = [&](const std::string& name, const std::string& source) -> bool {
        auto parsed = ParseScript(agent, source, realm, Value::undefined(), name);
        if (auto* error = std::get_if<syntax::SyntaxError>(&parsed)) {
            host.run.harness_error = name + ": SyntaxError: " + error->message;
            return false;
        }
        Root<ScriptRecord*> script(std::get<ScriptRecord*>(parsed));
        Completion result = ScriptEvaluation(agent, *script.get());
        if (result.is_throw_completion()) {
            host.run.harness_error = name + ": uncaught " + Describe(agent, result.value);
            return false;
        }
        return true;
    };
    const std::string harness = options.harness_dir + "/testharness.js";
    auto harness_source = ReadFile(harness);
    if (!harness_source) {
        host.run.harness_error = "cannot read " + harness;
        return host.run;
    }
    if (!run_script(harness, *harness_source) || !run_script("prelude", kPrelude) ||
        !run_script("historical asserts", kHistoricalAsserts))
        return host.run;
    for (const std::string& script : file.scripts) {
        auto source = ReadFile(script);
        if (!source) {
            host.run.harness_error = "cannot read " + script;
            break;
        }
        if (!run_script(script, *source)) break;
    }
    for (;;) {
        auto jobs = agent.run_jobs();
        if (!jobs.is_abrupt()) break;
        if (host.run.harness_error.empty()) host.run.harness_error = "uncaught in a job: " + Describe(agent, jobs.thrown_value());
    }
    return host.run;
}

std::string Serialize(const FileRun& run)
{
    std::string text = std::string("H\t") + (run.completed ? "1" : "0") + "\t" + Flat(run.harness_error) + "\n";
    for (const SubtestResult& r : run.subtests)
        text += std::to_string(int(r.status)) + "\t" + Flat(r.name) + "\t" + Flat(r.message) + "\n";
    return text;
}

FileRun Deserialize(const std::string& text)
{
    FileRun run;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const size_t a = line.find('\t');
        const size_t b = a == std::string::npos ? std::string::npos : line.find('\t', a + 1);
        if (b == std::string::npos) continue;
        const std::string first = line.substr(0, a), second = line.substr(a + 1, b - a - 1), third = line.substr(b + 1);
        if (first == "H") {
            run.completed = second == "1";
            run.harness_error = third;
        } else {
            run.subtests.push_back(SubtestResult{second, SubtestStatus(std::stoi(first)), third});
        }
    }
    return run;
}

}  // namespace lockstep::conformance::wpt
