// lockstep run [--module] FILE.js|FILE.mjs (FILE.wasm and FILE.wat: tools/run_wasm.cpp)
// Runs a script — or, for FILE.mjs or with --module, a module graph loaded
// from disk (imports resolve relative to the importing file; `.json` with
// `with { type: "json" }` is a JSON module) — in a fresh realm whose global object has `print`,
// `console.log` and `setTimeout` / `clearTimeout` on a virtual clock (host-defined
// additions, runtime/host_timers.h). An uncaught exception is printed
// as "Uncaught TypeError: message" followed by the source positions it went
// through ("    at FILE:LINE:COL"), and the exit status is 1. So is a promise
// still rejected without a handler once the job queue is empty ("Uncaught
// (in promise) …"), as HostPromiseRejectionTracker (§27.2.1.9) tells it.
#include "tools/commands.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/evaluator.h"
#include "abstract_ops/source_text_module_records.h"
#include "algorithms/scripts.h"
#include "builtins/intrinsics.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/host_timers.h"
#include "runtime/ordinary_object.h"
#include "runtime/promise_object.h"
#include "runtime/error.h"
#include "runtime/module_loader.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep::tools {

namespace {

// print(...args): the ToString of each argument, separated by spaces.
ThrowCompletionOr<Value> Print(Agent& agent, BuiltinFunction&, Value, std::span<const Value> arguments, Object*)
{
    std::string line;
    for (size_t i = 0; i < arguments.size(); ++i) {
        if (i) line += ' ';
        Value argument = arguments[i];
        if (argument.is_symbol()) {
            line += "Symbol()";
            continue;
        }
        line += TRY(ToString(agent, argument))->to_utf8();
    }
    line += '\n';
    std::fputs(line.c_str(), stdout);
    return Value::undefined();
}

class RunHost final : public FileModuleHost {
public:
    ThrowCompletionOr<void> define_host_global_properties(Agent& agent, Realm& realm) override
    {
        Object& global = *realm.GlobalObject;
        auto define = [&](Object& object, const char* name, Value value) {
            return DefinePropertyOrThrow(agent, object, agent.key(name),
                                         PropertyDescriptor{.value = value, .writable = true, .enumerable = false,
                                                            .configurable = true});
        };
        TRY(define(global, "print", CreateBuiltinFunction(agent, Print, 0, agent.key("print"), {.realm = &realm})));
        Object* console = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
        TRY(define(*console, "log", CreateBuiltinFunction(agent, Print, 0, agent.key("log"), {.realm = &realm})));
        TRY(define(global, "console", console));
        return timers_.define(agent, realm, global);
    }

    // §27.2.1.9: "reject" for a promise rejected with no handler, "handle"
    // when a handler is added later; what is left at the end was never handled.
    void HostPromiseRejectionTracker(Agent&, Object* promise, PromiseRejectionOperation operation) override
    {
        auto& promises = unhandled_rejections.items();
        if (operation == PromiseRejectionOperation::Reject)
            promises.push_back(promise);
        else
            std::erase(promises, promise);
    }

    List<Object*> unhandled_rejections;

private:
    HostTimers timers_;
};

// "TypeError: message" for an error object, ToString for anything else.
std::string Describe(Agent& agent, Value thrown)
{
    if (thrown.is_object()) {
        Object& error = *thrown.as_object();
        auto name = Get(agent, error, agent.names.name);
        auto message = Get(agent, error, agent.names.message);
        if (!name.is_abrupt() && !message.is_abrupt()) {
            std::string text = name.value().is_string() ? name.value().as_string()->to_utf8() : "Error";
            if (message.value().is_string() && message.value().as_string()->length())
                text += ": " + message.value().as_string()->to_utf8();
            return text;
        }
    }
    if (thrown.is_symbol()) return "Symbol()";
    auto text = ToString(agent, thrown);
    return text.is_abrupt() ? "(an exception that cannot be printed)" : text.value()->to_utf8();
}


// The host's steps for a module graph (§16.2.1.5, "an example of how a
// host loads, links and evaluates a module"): LoadRequestedModules, then
// Link, then Evaluate; the job queue runs in between. A throw completion
// when loading, linking or evaluation fails.
ThrowCompletionOr<void> RunModule(Agent& agent, RunHost& host, ModuleRecord& module)
{
    Root<Object*> loadPromise(module.LoadRequestedModules(agent));
    TRY(agent.run_jobs());
    auto* load = as_promise(loadPromise.get());
    if (load->PromiseState == PromiseState::Rejected) {
        host.HostPromiseRejectionTracker(agent, load, PromiseRejectionOperation::Handle);
        return ThrowCompletion(load->PromiseResult);
    }
    TRY(module.Link(agent));
    Root<Object*> evaluatePromise(module.Evaluate(agent));
    TRY(agent.run_jobs());
    auto* evaluate = as_promise(evaluatePromise.get());
    if (evaluate->PromiseState == PromiseState::Rejected) {
        host.HostPromiseRejectionTracker(agent, evaluate, PromiseRejectionOperation::Handle);
        return ThrowCompletion(evaluate->PromiseResult);
    }
    if (evaluate->PromiseState == PromiseState::Pending)
        return throw_error(agent, ErrorType::Error, "the module's top-level await never settled");
    return {};
}

bool EndsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

int run_command(int argc, char** argv)
{
    if (argc >= 1 && is_wasm_path(argv[0])) return run_wasm_command(argc, argv);
    bool as_module = false;
    if (argc == 2 && std::strcmp(argv[0], "--module") == 0) {
        as_module = true;
        ++argv;
        --argc;
    }
    if (argc != 1 || argv[0][0] == '-') {
        std::fprintf(stderr, "usage: lockstep run [--module] FILE.js|FILE.mjs | FILE.wasm|FILE.wat [--invoke NAME [ARG...]]\n");
        return 2;
    }
    return run_js_file(argv[0], {}, as_module);
}

int run_js_file(const char* file, const RunHooks& hooks, bool as_module)
{
    as_module = as_module || EndsWith(file, ".mjs");
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "%s: cannot read file\n", file);
        return 2;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string source = buffer.str();

    RunHost host;
    Agent agent(host);
    if (InitializeHostDefinedRealm(agent).is_abrupt()) {
        std::fprintf(stderr, "lockstep run: the realm could not be initialized\n");
        return 1;
    }
    Realm& realm = *agent.current_realm();
    Completion result;
    auto syntax_error = [&](const syntax::SyntaxError& error) {
        if (hooks.after_evaluation) hooks.after_evaluation();
        std::printf("%s:%u:%u: SyntaxError: %s\n", file, error.position.line, error.position.column,
                    error.message.c_str());
        return 1;
    };
    if (hooks.before_evaluation) hooks.before_evaluation();
    if (as_module) {
        auto parsed = ParseModule(agent, source, realm, Value::undefined(), file);
        if (auto* error = std::get_if<syntax::SyntaxError>(&parsed)) return syntax_error(*error);
        Root<ModuleRecord*> module(std::get<SourceTextModuleRecord*>(parsed));
        host.loader.register_module(realm, file, *module.get());
        ThrowCompletionOr<void> status = RunModule(agent, host, *module.get());
        result = status.is_abrupt() ? Completion(ThrowCompletion(status.thrown_value())) : Completion();
    } else {
        auto parsed = ParseScript(agent, source, realm, Value::undefined(), file);
        if (auto* error = std::get_if<syntax::SyntaxError>(&parsed)) return syntax_error(*error);
        Root<ScriptRecord*> script(std::get<ScriptRecord*>(parsed));
        result = ScriptEvaluation(agent, *script.get());
    }
    Root<Value> thrown(result.value);
    bool failed = result.is_throw_completion();
    if (!failed) {
        ThrowCompletionOr<void> jobs = agent.run_jobs();
        if (jobs.is_abrupt()) {
            failed = true;
            thrown = jobs.thrown_value();
        }
    }
    if (hooks.after_evaluation) hooks.after_evaluation();
    std::fflush(stdout);
    if (!failed) {
        for (Object* promise : host.unhandled_rejections) {
            Value reason = static_cast<PromiseObject*>(promise)->PromiseResult;
            std::fprintf(stderr, "Uncaught (in promise) %s\n", Describe(agent, reason).c_str());
            for (const StackPosition& position : StackTraceOf(agent, reason))
                std::fprintf(stderr, "    at %s:%u:%u\n", position.file.c_str(), position.line, position.column);
        }
        return host.unhandled_rejections.is_empty() ? 0 : 1;
    }
    std::fprintf(stderr, "Uncaught %s\n", Describe(agent, thrown).c_str());
    for (const StackPosition& position : StackTraceOf(agent, thrown))
        std::fprintf(stderr, "    at %s:%u:%u\n", position.file.c_str(), position.line, position.column);
    return 1;
}

}  // namespace lockstep::tools
