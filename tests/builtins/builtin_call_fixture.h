// A fresh agent whose realm has the built-ins, for the built-ins tests: call
// them through Call / Construct as script would.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/intrinsics.h"
#include "runtime/agent.h"
#include "runtime/array_object.h"
#include "runtime/builtin_function.h"
#include "runtime/error.h"
#include "runtime/host.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep::testing {

class BuiltinCallTest : public ::testing::Test {
protected:
    BuiltinCallTest() { MUST(InitializeHostDefinedRealm(agent)); }

    Realm& realm() { return *agent.current_realm(); }
    Object* intrinsic(Intrinsic which) { return realm().intrinsic(which); }
    Object* global() { return realm().GlobalObject; }
    PropertyKey key(const char* text) { return agent.key(text); }
    Value str(const char* text) { return make_string_from_utf8(agent.heap, text); }
    Value num(double d) { return Value::number(d); }
    Object* new_object() { return OrdinaryObjectCreate(agent, intrinsic(Intrinsic::ObjectPrototype)); }
    Object* array(std::initializer_list<Value> items) { return CreateArrayFromList(agent, std::span(items.begin(), items.size())); }

    // obj[name]
    Value get(Value obj, const char* name) { return MUST(Get(agent, *obj.as_object(), key(name))); }
    Value get(Value obj, PropertyKey k) { return MUST(Get(agent, *obj.as_object(), k)); }
    // obj[name](...args), which must complete normally.
    Value invoke(Value obj, const char* name, std::initializer_list<Value> args = {})
    {
        auto result = try_invoke(obj, name, args);
        EXPECT_FALSE(result.is_abrupt()) << "threw: " << thrown_message(result);
        return result.is_abrupt() ? Value::undefined() : result.value();
    }
    ThrowCompletionOr<Value> try_invoke(Value obj, const char* name, std::initializer_list<Value> args = {})
    {
        Value f = MUST(GetV(agent, obj, key(name)));
        return Call(agent, f, obj, std::span(args.begin(), args.size()));
    }
    // The name of the constructor and the message of a thrown error.
    std::string thrown_message(const ThrowCompletionOr<Value>& result)
    {
        if (!result.is_abrupt()) return "(no throw)";
        Value thrown = result.thrown_value();
        if (!thrown.is_object()) return "(non-object thrown)";
        Value message = MUST(Get(agent, *thrown.as_object(), agent.names.message));
        return message.is_string() ? message.as_string()->to_utf8() : "(no message)";
    }
    // The thrown error's prototype is the given %XError.prototype% (when it exists).
    bool threw(const ThrowCompletionOr<Value>& result, Intrinsic errorPrototype)
    {
        if (!result.is_abrupt() || !result.thrown_value().is_object()) return false;
        Object* proto = realm().Intrinsics[size_t(errorPrototype)];
        return !proto || result.thrown_value().as_object()->Prototype == proto;
    }
    std::string to_std(Value v) { return MUST(ToString(agent, v))->to_utf8(); }
    // The elements of an array-like, each converted with ToString, joined with ",".
    std::string elements(Value arrayLike)
    {
        double len = MUST(LengthOfArrayLike(agent, *arrayLike.as_object()));
        std::string out;
        for (double k = 0; k < len; ++k) {
            if (k > 0) out += ",";
            Value v = MUST(Get(agent, *arrayLike.as_object(), PropertyKey::from_array_index(uint32_t(k))));
            out += v.is_undefined() ? "undefined" : to_std(v);
        }
        return out;
    }
    // A built-in function whose behaviour is `f`, for callbacks.
    Value function(BuiltinBehaviour f, double length = 0)
    {
        return CreateBuiltinFunction(agent, std::move(f), length, key("f"));
    }

    DefaultHost host;
    Agent agent{host};
};

}  // namespace lockstep::testing
