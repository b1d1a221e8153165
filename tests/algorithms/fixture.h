// Runs small scripts end to end (ParseScript + ScriptEvaluation) in a fresh
// realm with the built-ins, for the evaluator's tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/evaluator.h"
#include "algorithms/scripts.h"
#include "builtins/intrinsics.h"
#include "runtime/agent.h"
#include "runtime/host.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep::testing {

class ScriptTest : public ::testing::Test {
protected:
    ScriptTest() { MUST(InitializeHostDefinedRealm(agent)); }

    // The completion of running `source` as a Script.
    Completion run(const std::string& source)
    {
        auto parsed = ParseScript(agent, source, *agent.current_realm(), Value::undefined(), "test.js");
        if (auto* error = std::get_if<syntax::SyntaxError>(&parsed)) {
            ADD_FAILURE() << "SyntaxError: " << error->message << " at " << error->position.line << ":"
                          << error->position.column;
            return Completion();
        }
        Root<ScriptRecord*> script(std::get<ScriptRecord*>(parsed));
        return ScriptEvaluation(agent, *script.get());
    }

    // ToString of the script's completion value, or "throw <name>: <message>".
    std::string eval(const std::string& source)
    {
        Completion result = run(source);
        if (result.is_throw_completion()) return "throw " + describe(result.value);
        if (result.value.is_empty()) return "<empty>";
        if (result.value.is_symbol()) return "<symbol>";
        auto text = ToString(agent, result.value);
        if (text.is_abrupt()) return "<ToString threw>";
        return text.value()->to_utf8();
    }

    std::string describe(Value thrown)
    {
        if (!thrown.is_object()) return MUST(ToString(agent, thrown))->to_utf8();
        Value name = MUST(Get(agent, *thrown.as_object(), agent.names.name));
        Value message = MUST(Get(agent, *thrown.as_object(), agent.names.message));
        std::string text = name.is_string() ? name.as_string()->to_utf8() : "?";
        if (message.is_string()) text += ": " + message.as_string()->to_utf8();
        return text;
    }

    // The name of the error a script throws ("TypeError"), or "no throw".
    std::string thrown_error_name(const std::string& source)
    {
        Completion result = run(source);
        if (!result.is_throw_completion()) return "no throw";
        if (!result.value.is_object()) return "non-object";
        Value name = MUST(Get(agent, *result.value.as_object(), agent.names.name));
        return name.is_string() ? name.as_string()->to_utf8() : "?";
    }

    DefaultHost host;
    Agent agent{host};
};

}  // namespace lockstep::testing
