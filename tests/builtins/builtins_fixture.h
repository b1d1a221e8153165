// A fresh agent whose realm has the built-ins, and shorthands for calling
// them from C++ the way a script would.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/intrinsics.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/host.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep::testing {

class BuiltinsTest : public ::testing::Test {
protected:
    BuiltinsTest() { MUST(InitializeHostDefinedRealm(agent)); }

    Realm& realm() { return *agent.current_realm(); }
    Object& global() { return *realm().GlobalObject; }
    Object* new_object() { return OrdinaryObjectCreate(agent, realm().intrinsic(Intrinsic::ObjectPrototype)); }
    PropertyKey key(const char* text) { return agent.key(text); }
    Value str(const char* text) { return make_string_from_utf8(agent.heap, text); }
    Value num(double d) { return Value::number(d); }

    // The value of a dotted path from the global object: get("Object.prototype.toString").
    Value get(const std::string& path)
    {
        Value current = &global();
        size_t start = 0;
        while (start <= path.size()) {
            size_t dot = path.find('.', start);
            std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
            current = MUST(Get(agent, *current.as_object(), key(part.c_str())));
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        return current;
    }
    // Calls the function at `path` with this value and arguments.
    // (A List: the arguments stay rooted while the call allocates.)
    ThrowCompletionOr<Value> call_on(const std::string& path, Value thisValue, List<Value> arguments = {})
    {
        return Call(agent, get(path), thisValue, arguments.items());
    }
    ThrowCompletionOr<Value> call(const std::string& path, List<Value> arguments = {})
    {
        return call_on(path, Value::undefined(), std::move(arguments));
    }
    // ToString of a value, as UTF-8.
    std::string text(Value value) { return MUST(ToString(agent, value))->to_utf8(); }
    // "TypeError: message" for a thrown error (its constructor's name).
    std::string error_name(Value thrown)
    {
        Value constructor = MUST(Get(agent, *thrown.as_object(), agent.names.constructor));
        return text(MUST(Get(agent, *constructor.as_object(), agent.names.name)));
    }
    template <class T>
    std::string thrown_name(const ThrowCompletionOr<T>& result)
    {
        EXPECT_TRUE(result.is_abrupt());
        return result.is_abrupt() ? error_name(result.thrown_value()) : "(no throw)";
    }

    DefaultHost host;
    Agent agent{host};
};

}  // namespace lockstep::testing
