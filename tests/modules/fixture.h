// A fresh agent with the built-ins and a host whose modules are source
// texts in memory (a specifier names one directly: "a", "./b.json"), with a
// global `log(x)` that appends String(x) to a comma-separated log, and
// shorthands to load, link and evaluate a graph the way a host does.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "abstract_ops/module_records.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/source_text_module_records.h"
#include "abstract_ops/synthetic_module_records.h"
#include "abstract_ops/type_conversion.h"
#include "spec/recording.h"
#include "algorithms/scripts.h"
#include "builtins/intrinsics.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/error.h"
#include "runtime/promise_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep::testing {

class MemoryModuleHost final : public DefaultHost {
public:
    std::map<std::u16string, std::string> sources;  // specifier → source text
    std::map<std::u16string, ModuleRecord*> loaded;  // kept alive by `modules`
    List<ModuleRecord*> modules;
    std::string log;
    int loads = 0;  // how many times HostLoadImportedModule was called

    ThrowCompletionOr<void> define_host_global_properties(Agent& agent, Realm& realm) override
    {
        auto logFunction = [this](Agent& a, BuiltinFunction&, Value, std::span<const Value> arguments,
                                  Object*) -> ThrowCompletionOr<Value> {
            String* text = TRY(ToString(a, arguments.empty() ? Value::undefined() : arguments[0]));
            if (!log.empty()) log += ",";
            log += text->to_utf8();
            return Value::undefined();
        };
        TRY(CreateDataPropertyOrThrow(agent, *realm.GlobalObject, agent.key("log"),
                                      CreateBuiltinFunction(agent, logFunction, 1, agent.key("log"), {.realm = &realm})));
        return {};
    }

    std::vector<std::u16string> HostGetSupportedImportAttributes(Agent&) override { return {u"type"}; }

    void HostLoadImportedModule(Agent& agent, ModuleReferrer referrer, const ModuleRequestRecord& request, Value,
                                ModuleLoadPayload payload) override
    {
        ++loads;
        FinishLoadingImportedModule(agent, referrer, request, payload, load(agent, request));
    }

    ThrowCompletionOr<ModuleRecord*> load(Agent& agent, const ModuleRequestRecord& request)
    {
        if (auto it = loaded.find(request.Specifier); it != loaded.end()) return it->second;
        auto source = sources.find(request.Specifier);
        if (source == sources.end())
            return throw_type_error(agent, "no module " + utf16_to_utf8(request.Specifier));
        ModuleRecord* module = nullptr;
        bool json = !request.Attributes.empty() && request.Attributes[0].Value == u"json";
        if (json) {
            Root<String*> text(make_string(agent.heap, utf8_to_utf16(source->second)));
            module = TRY(ParseJSONModule(agent, *text.get()));
        } else {
            auto parsed = ParseModule(agent, source->second, *agent.current_realm(), Value::undefined(),
                                      utf16_to_utf8(request.Specifier));
            if (auto* error = std::get_if<syntax::SyntaxError>(&parsed))
                return throw_error(agent, ErrorType::SyntaxError, error->message);
            module = std::get<SourceTextModuleRecord*>(parsed);
        }
        modules.append(module);
        loaded[request.Specifier] = module;
        return module;
    }
};

class ModuleTest : public ::testing::Test {
protected:
    ModuleTest() { MUST(InitializeHostDefinedRealm(agent)); }

    void add(const char16_t* specifier, std::string source) { host.sources[specifier] = std::move(source); }

    // The entry module, loaded the way an import of `specifier` would be.
    CyclicModuleRecord* module(const char16_t* specifier)
    {
        ThrowCompletionOr<ModuleRecord*> loaded = host.load(agent, ModuleRequestRecord{specifier, {}});
        EXPECT_FALSE(loaded.is_abrupt());
        return loaded.is_abrupt() ? nullptr : loaded.value()->as_cyclic();
    }

    PromiseObject* load_requested(CyclicModuleRecord& m)
    {
        auto* promise = as_promise(m.LoadRequestedModules(agent));
        MUST(agent.run_jobs());
        return promise;
    }

    // LoadRequestedModules, Link, Evaluate and the jobs: the Evaluate promise
    // (null when loading or linking failed; `error` then has the message).
    PromiseObject* run(const char16_t* specifier, std::string* error = nullptr)
    {
        CyclicModuleRecord* m = module(specifier);
        if (!m) return nullptr;
        PromiseObject* load = load_requested(*m);
        if (load->PromiseState != PromiseState::Fulfilled) {
            if (error) *error = describe(load->PromiseResult);
            return nullptr;
        }
        if (ThrowCompletionOr<void> link = m->Link(agent); link.is_abrupt()) {
            if (error) *error = describe(link.thrown_value());
            return nullptr;
        }
        auto* promise = as_promise(m->Evaluate(agent));
        MUST(agent.run_jobs());
        return promise;
    }

    std::string describe(Value v)
    {
        if (!v.is_object()) return MUST(ToString(agent, v))->to_utf8();
        Value name = MUST(Get(agent, *v.as_object(), agent.key("name")));
        Value message = MUST(Get(agent, *v.as_object(), agent.key("message")));
        return MUST(ToString(agent, name))->to_utf8() + ": " + MUST(ToString(agent, message))->to_utf8();
    }

    // Runs a script (for import() from a script).
    Completion script(const std::string& source)
    {
        auto parsed = ParseScript(agent, source, *agent.current_realm(), Value::undefined(), "test.js");
        EXPECT_TRUE(std::holds_alternative<ScriptRecord*>(parsed));
        Root<ScriptRecord*> s(std::get<ScriptRecord*>(parsed));
        Completion result = ScriptEvaluation(agent, *s.get());
        MUST(agent.run_jobs());
        return result;
    }

    MemoryModuleHost host;
    Agent agent{host};
};

}  // namespace lockstep::testing
