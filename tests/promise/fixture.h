// A fresh agent with the built-ins, a host that records the
// HostPromiseRejectionTracker calls, and shorthands for building promise
// scenarios from C++: callbacks that append to a log, then/catch/finally
// through the built-ins, and running the job queue.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/promise_operations.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/intrinsics.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/host.h"
#include "runtime/ordinary_object.h"
#include "runtime/promise_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep::testing {

// DefaultHost's job queue, plus a record of the rejection tracker's calls.
class RecordingHost final : public DefaultHost {
public:
    void HostPromiseRejectionTracker(Agent&, Object* promise, PromiseRejectionOperation operation) override
    {
        rejections.emplace_back(promise, operation);
    }
    std::vector<std::pair<Object*, PromiseRejectionOperation>> rejections;
};

class PromiseTest : public ::testing::Test {
protected:
    PromiseTest() { MUST(InitializeHostDefinedRealm(agent)); }

    Realm& realm() { return *agent.current_realm(); }
    Object* intrinsic(Intrinsic which) { return realm().intrinsic(which); }
    Object* Promise() { return intrinsic(Intrinsic::Promise); }
    Object* new_object() { return OrdinaryObjectCreate(agent, intrinsic(Intrinsic::ObjectPrototype)); }
    PropertyKey key(const char* text) { return agent.key(text); }
    Value str(const char* text) { return make_string_from_utf8(agent.heap, text); }
    Value num(double d) { return Value::number(d); }
    std::string text(Value v) { return v.is_undefined() ? "undefined" : MUST(ToString(agent, v))->to_utf8(); }

    Value get(Value object, const char* name) { return MUST(Get(agent, *object.as_object(), key(name))); }
    ThrowCompletionOr<Value> try_invoke(Value object, const char* name, std::vector<Value> args = {})
    {
        return Invoke(agent, object, key(name), args);
    }
    Value invoke(Value object, const char* name, std::vector<Value> args = {})
    {
        ThrowCompletionOr<Value> result = try_invoke(object, name, std::move(args));
        EXPECT_FALSE(result.is_abrupt()) << "threw " << error_message(result.thrown_value());
        return result.is_abrupt() ? Value::undefined() : result.value();
    }
    // The "message" of a thrown error, or its ToString for other values.
    std::string error_message(Value thrown)
    {
        if (!thrown.is_object()) return text(thrown);
        return text(get(thrown, "message"));
    }

    // A built-in function whose behaviour is f (not a constructor), with
    // `slots` additional internal slots.
    BuiltinFunction* function(BuiltinBehaviour f, double length = 0, size_t slots = 0)
    {
        return CreateBuiltinFunction(agent, std::move(f), length, key("f"), {.additionalInternalSlots = slots});
    }
    // A callback that logs `label` or "label:<first argument>" and returns
    // `result` (kept in its slot), or its first argument when result is ~empty~.
    Value logger(std::string label, bool withArgument = true, Value result = Value::empty())
    {
        BuiltinFunction* f = function(
            [this, label, withArgument](Agent&, BuiltinFunction& F, Value, std::span<const Value> args,
                                        Object*) -> ThrowCompletionOr<Value> {
                Value argument = args.empty() ? Value::undefined() : args[0];
                log.push_back(withArgument ? label + ":" + text(argument) : label);
                return F.slots[0].is_empty() ? argument : F.slots[0];
            },
            1, 1);
        f->slots[0] = result;
        return f;
    }
    // A callback that logs `label` and throws its first argument.
    Value rethrower(std::string label)
    {
        return function([this, label](Agent&, BuiltinFunction&, Value, std::span<const Value> args,
                                      Object*) -> ThrowCompletionOr<Value> {
            Value argument = args.empty() ? Value::undefined() : args[0];
            log.push_back(label + ":" + text(argument));
            return ThrowCompletion(argument);
        }, 1);
    }

    Value resolved(Value v) { return invoke(Promise(), "resolve", {v}); }
    Value rejected(Value v) { return invoke(Promise(), "reject", {v}); }
    // Promise.withResolvers(): { promise, resolve, reject }.
    struct Deferred {
        Value promise, resolve, reject;
    };
    Deferred deferred()
    {
        Value record = invoke(Promise(), "withResolvers");
        return {get(record, "promise"), get(record, "resolve"), get(record, "reject")};
    }
    void call(Value f, Value argument)
    {
        ThrowCompletionOr<Value> result = Call(agent, f, Value::undefined(), std::span(&argument, 1));
        EXPECT_FALSE(result.is_abrupt());
    }
    Value then(Value p, Value onFulfilled, Value onRejected = Value::undefined())
    {
        return invoke(p, "then", {onFulfilled, onRejected});
    }

    PromiseObject& promise_of(Value v)
    {
        PromiseObject* promise = as_promise(v);
        EXPECT_NE(promise, nullptr);
        return *promise;
    }
    PromiseState state(Value v) { return promise_of(v).PromiseState; }
    Value result(Value v) { return promise_of(v).PromiseResult; }

    // Runs every queued job; they must all complete normally.
    void run()
    {
        ThrowCompletionOr<void> ran = agent.run_jobs();
        EXPECT_FALSE(ran.is_abrupt());
    }
    // The log so far, joined with ",", and cleared.
    std::string take_log()
    {
        std::string out;
        for (const std::string& entry : log) out += (out.empty() ? "" : ",") + entry;
        log.clear();
        return out;
    }

    RecordingHost host;
    Agent agent{host};
    std::vector<std::string> log;
};

}  // namespace lockstep::testing
