#include "conformance/test262/run_phase.h"

#include <algorithm>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/evaluator.h"
#include "abstract_ops/source_text_module_records.h"
#include "algorithms/scripts.h"
#include "builtins/intrinsics.h"   // every realm gets the built-ins
#include "conformance/test262/parse_phase.h"
#include "conformance/test262/test262_host.h"
#include "runtime/agent.h"
#include "runtime/promise_object.h"
#include "runtime/realm.h"
#include "runtime/root.h"
#include "runtime/string.h"
#include "runtime/symbol.h"

namespace lockstep::conformance::test262 {

namespace {

constexpr std::string_view kAsyncComplete = "Test262:AsyncTestComplete";
constexpr std::string_view kAsyncFailure = "Test262:AsyncTestFailure:";
// A failure message longer than this is cut (a test may throw megabytes).
constexpr size_t kMaxMessage = 1000;

std::string Shortened(std::string text)
{
    if (text.size() > kMaxMessage) text = text.substr(0, kMaxMessage) + "...";
    return text;
}

// Get(O, key) as a UTF-8 string, if it completes normally with a String.
std::optional<std::string> StringProperty(Agent& agent, Value object, const PropertyKey& key)
{
    if (!object.is_object()) return std::nullopt;
    auto value = Get(agent, *object.as_object(), key);
    if (value.is_abrupt() || !value.value().is_string()) return std::nullopt;
    return value.value().as_string()->to_utf8();
}

// thrown.constructor.name, the way test262 hosts name a thrown error; any
// abrupt completion on the way (a throwing getter, a Proxy) means no name.
std::optional<std::string> ConstructorName(Agent& agent, Value thrown)
{
    if (!thrown.is_object()) return std::nullopt;
    Root<Value> held(thrown);
    auto constructor = Get(agent, *thrown.as_object(), agent.names.constructor);
    if (constructor.is_abrupt()) return std::nullopt;
    Root<Value> constructor_value(constructor.value());
    return StringProperty(agent, constructor.value(), agent.names.name);
}

// "Test262Error: message" for an error object; a primitive as ToString shows
// it; never more user code than reading constructor.name, name and message.
std::string DescribeThrown(Agent& agent, Value thrown)
{
    Root<Value> held(thrown);
    if (thrown.is_symbol()) {
        Value description = thrown.as_symbol()->Description;
        return "Symbol(" + (description.is_string() ? description.as_string()->to_utf8() : "") + ")";
    }
    if (!thrown.is_object()) {
        auto text = ToString(agent, thrown);
        if (text.is_abrupt()) return "a value that cannot be printed";
        return thrown.is_string() ? "\"" + text.value()->to_utf8() + "\"" : text.value()->to_utf8();
    }
    std::string name = ConstructorName(agent, thrown)
                           .value_or(StringProperty(agent, thrown, agent.names.name).value_or("an object"));
    std::string message = StringProperty(agent, thrown, agent.names.message).value_or("");
    return message.empty() ? name : name + ": " + message;
}

// " (at file:line:column)": where the exception was first thrown, with the
// test file's own line numbers in the strict scenario.
std::string ThrowPosition(Agent& agent, Value thrown, const Test262Test& test, Scenario scenario)
{
    std::vector<StackPosition> trace = StackTraceOf(agent, thrown);
    if (trace.empty()) return "";
    StackPosition position = trace.front();
    if (position.file == test.path && scenario == Scenario::Strict && position.line > 1) --position.line;
    return " (at " + position.file + ":" + std::to_string(position.line) + ":" + std::to_string(position.column) +
           ")";
}

std::string Uncaught(Agent& agent, Value thrown, const Test262Test& test, Scenario scenario)
{
    return Shortened("Uncaught " + DescribeThrown(agent, thrown)) + ThrowPosition(agent, thrown, test, scenario);
}

// The verdict on a test that parsed, from how its evaluation (and the jobs
// after it) completed.
Outcome Judge(Agent& agent, const Test262Host& host, const Test262Test& test, Scenario scenario,
              std::optional<Value> thrown, std::optional<Value> resolutionError = std::nullopt)
{
    const std::optional<Negative>& negative = test.front_matter.negative;
    if (negative && negative->phase == "resolution") {
        if (!resolutionError)
            return {Status::Fail, thrown ? "expected a resolution-phase " + negative->type + ", got " +
                                               Uncaught(agent, *thrown, test, scenario)
                                         : "loaded and linked, but a resolution-phase " + negative->type +
                                               " was expected"};
        if (ConstructorName(agent, *resolutionError) == negative->type) return {Status::Pass, ""};
        return {Status::Fail, "expected a resolution-phase " + negative->type + ", got " +
                                  Uncaught(agent, *resolutionError, test, scenario)};
    }
    if (resolutionError) return {Status::Fail, "resolution failed: " + Uncaught(agent, *resolutionError, test, scenario)};
    if (negative && negative->phase == "runtime") {
        if (!thrown) return {Status::Fail, "completed normally, but a runtime " + negative->type + " was expected"};
        if (ConstructorName(agent, *thrown) == negative->type) return {Status::Pass, ""};
        return {Status::Fail,
                "expected a runtime " + negative->type + ", got " + Uncaught(agent, *thrown, test, scenario)};
    }
    if (negative)   // parse was judged before; resolution needs modules
        return {Status::Fail, "ran, but a " + negative->phase + "-phase " + negative->type + " was expected"};
    if (thrown) return {Status::Fail, Uncaught(agent, *thrown, test, scenario)};
    if (!test.front_matter.flags.async) return {Status::Pass, ""};
    for (const std::string& line : host.printed()) {
        if (line.rfind(kAsyncFailure, 0) == 0) return {Status::Fail, Shortened(line)};
        if (line == kAsyncComplete) return {Status::Pass, ""};
    }
    return {Status::Fail, "the async test did not print " + std::string(kAsyncComplete)};
}

}  // namespace

std::optional<std::string> RunPhase::Prepare(const std::vector<Test262Test>& tests)
{
    for (const Test262Test& test : tests)
        if (!test.front_matter_error)
            for (const std::string& name : Harness::FilesFor(test.front_matter)) harness_.Load(name);
    return std::nullopt;
}

std::optional<std::string> RunPhase::HostSkip(const Test262Test& test, Scenario /*scenario*/) const
{
    const std::vector<std::string>& features = test.front_matter.features;
    if (std::find(features.begin(), features.end(), "IsHTMLDDA") != features.end())
        return "host does not provide $262.IsHTMLDDA";
    if (test.front_matter.flags.CanBlockIsFalse) return "the agent's [[CanBlock]] is true";
    return std::nullopt;
}

Outcome RunPhase::Run(const Test262Test& test, Scenario scenario) const
{
    if (!IsValidUtf8(test.source)) return {Status::Fail, "the test file is not valid UTF-8"};
    Test262Host host;
    host.loader.base_directory = test_root_;  // test paths (and their scripts' file names) are relative to it
    Agent agent(host);
    agent.heap.set_stress(options_.gc_stress);
    if (auto status = InitializeHostDefinedRealm(agent); status.is_abrupt())
        return {Status::Fail, "the realm could not be made: " + Uncaught(agent, status.thrown_value(), test, scenario)};
    Realm& realm = *agent.current_realm();

    const std::optional<Negative>& negative = test.front_matter.negative;
    bool negative_parse = negative && negative->phase == "parse";
    auto parse_failed = [&](const syntax::SyntaxError& error) -> Outcome {
        if (!negative_parse) return {Status::Fail, DescribeSyntaxError(error, scenario)};
        if (negative->type != "SyntaxError")
            return {Status::Fail, "expected a parse-phase " + negative->type + ", got " + DescribeSyntaxError(error, scenario)};
        return {Status::Pass, ""};
    };
    Root<ScriptRecord*> script(nullptr);
    Root<ModuleRecord*> module(nullptr);
    if (scenario == Scenario::Module) {
        // Under its own file name: fixtures it imports are beside it, and an
        // import of itself must find this record.
        auto parsed = ParseModule(agent, test.source, realm, Value::undefined(), test.path);
        if (auto* error = std::get_if<syntax::SyntaxError>(&parsed)) return parse_failed(*error);
        module = std::get<SourceTextModuleRecord*>(parsed);
        host.loader.register_module(realm, test.path, *module.get());
    } else {
        auto parsed = ParseScript(agent, ScenarioSource(scenario, test.source), realm, Value::undefined(), test.path);
        if (auto* error = std::get_if<syntax::SyntaxError>(&parsed)) return parse_failed(*error);
        script = std::get<ScriptRecord*>(parsed);
    }
    if (negative_parse) return {Status::Fail, "parsed, but a parse-phase " + negative->type + " was expected"};

    for (const std::string& name : Harness::FilesFor(test.front_matter)) {
        const HarnessFile* file = harness_.Find(name);
        if (!file) return {Status::Fail, "harness/" + name + " was not prepared"};
        if (!file->unit) return {Status::Fail, file->error};
        // Parsed once for the whole run (RunPhase::Prepare).
        Root<ScriptRecord*> harness_script(CreateScriptRecord(agent, file->unit, realm, Value::undefined()));
        Completion result = ScriptEvaluation(agent, *harness_script.get());
        if (result.is_throw_completion())
            return {Status::Fail, "harness/" + name + ": " + Uncaught(agent, result.value, test, scenario)};
    }

    std::optional<Value> thrown;
    std::optional<Value> resolutionError;
    if (module.get()) {
        // The host's steps for a module graph: load, link, evaluate, and the
        // promise Evaluate returns tells how evaluation ended.
        auto* loadPromise = as_promise(module->LoadRequestedModules(agent));
        Root<Object*> heldLoadPromise(loadPromise);
        if (ThrowCompletionOr<void> jobs = RunEventLoop(agent, host.agents()); jobs.is_abrupt()) thrown = jobs.thrown_value();
        if (!thrown && loadPromise->PromiseState == PromiseState::Rejected) {
            resolutionError = loadPromise->PromiseResult;
        } else if (!thrown) {
            SPEC_ASSERT(loadPromise->PromiseState == PromiseState::Fulfilled);
            if (ThrowCompletionOr<void> link = module->Link(agent); link.is_abrupt()) {
                resolutionError = link.thrown_value();
            } else {
                auto* evaluatePromise = as_promise(module->Evaluate(agent));
                Root<Object*> heldEvaluatePromise(evaluatePromise);
                if (ThrowCompletionOr<void> jobs = RunEventLoop(agent, host.agents()); jobs.is_abrupt()) thrown = jobs.thrown_value();
                if (!thrown && evaluatePromise->PromiseState == PromiseState::Rejected)
                    thrown = evaluatePromise->PromiseResult;
                else if (!thrown && evaluatePromise->PromiseState == PromiseState::Pending)
                    return {Status::Fail, "the module's evaluation never completed (a top-level await that never settles)"};
            }
        }
    } else {
        Completion result = ScriptEvaluation(agent, *script.get());
        if (result.is_throw_completion()) {
            thrown = result.value;
        } else if (ThrowCompletionOr<void> jobs = RunEventLoop(agent, host.agents()); jobs.is_abrupt()) {
            thrown = jobs.thrown_value();
        }
    }
    Root<Value> held(thrown.value_or(Value::undefined()));
    Root<Value> heldResolutionError(resolutionError.value_or(Value::undefined()));
    return Judge(agent, host, test, scenario, thrown, resolutionError);
}

Phase RunPhase::AsPhase()
{
    return Phase{
        .run = [this](const Test262Test& test, Scenario scenario) { return Run(test, scenario); },
        .prepare = [this](const std::vector<Test262Test>& tests) { return Prepare(tests); },
        .host_skip = [this](const Test262Test& test, Scenario scenario) { return HostSkip(test, scenario); },
        .recycle = RecycleLimits{},
    };
}

}  // namespace lockstep::conformance::test262
