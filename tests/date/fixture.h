// A fresh agent whose realm has the built-ins, a scoped time zone (TZ set
// with setenv + tzset, restored afterwards), and shorthands for calling the
// Date built-ins from C++ as a script would.
#pragma once

#include <gtest/gtest.h>

#include <stdlib.h>
#include <time.h>

#include <cmath>
#include <initializer_list>
#include <optional>
#include <string>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/intrinsics.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/host.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep::testing {

// Sets TZ for the lifetime of the object (nullptr: unset), then restores it.
class ScopedTimeZone {
public:
    explicit ScopedTimeZone(const char* tz)
    {
        if (const char* old = getenv("TZ")) saved_ = old;
        set(tz);
    }
    ~ScopedTimeZone() { set(saved_ ? saved_->c_str() : nullptr); }
    ScopedTimeZone(const ScopedTimeZone&) = delete;
    ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;

private:
    static void set(const char* tz)
    {
        if (tz)
            setenv("TZ", tz, 1);
        else
            unsetenv("TZ");
        tzset();
    }
    std::optional<std::string> saved_;
};

class DateTest : public ::testing::Test {
protected:
    DateTest() { MUST(InitializeHostDefinedRealm(agent)); }

    Realm& realm() { return *agent.current_realm(); }
    Object& Date() { return *realm().intrinsic(Intrinsic::Date); }
    Value str(const char* text) { return make_string_from_utf8(agent.heap, text); }
    Value num(double d) { return Value::number(d); }
    std::string text(Value v) { return MUST(ToString(agent, v))->to_utf8(); }

    // new Date(...args)
    Value construct(std::initializer_list<Value> args)
    {
        return MUST(Construct(agent, Date(), std::span(args.begin(), args.size())));
    }
    // receiver[name](...args), which may throw.
    ThrowCompletionOr<Value> try_invoke(Value receiver, const char* name, std::initializer_list<Value> args = {})
    {
        Value f = MUST(Get(agent, *realm().intrinsic(Intrinsic::DatePrototype), agent.key(name)));
        return Call(agent, f, receiver, std::span(args.begin(), args.size()));
    }
    Value invoke(Value receiver, const char* name, std::initializer_list<Value> args = {})
    {
        auto result = try_invoke(receiver, name, args);
        EXPECT_FALSE(result.is_abrupt()) << name << " threw";
        return result.is_abrupt() ? Value::undefined() : result.value();
    }
    double number(Value receiver, const char* name, std::initializer_list<Value> args = {})
    {
        return invoke(receiver, name, args).as_number();
    }
    std::string string(Value receiver, const char* name) { return text(invoke(receiver, name)); }
    // Date.<name>(...args)
    Value call_static(const char* name, std::initializer_list<Value> args)
    {
        Value f = MUST(Get(agent, Date(), agent.key(name)));
        return MUST(Call(agent, f, Value::undefined(), std::span(args.begin(), args.size())));
    }
    double parse(const char* text) { return call_static("parse", {str(text)}).as_number(); }
    // The constructor's name of a thrown error.
    template <class T>
    std::string thrown_name(const ThrowCompletionOr<T>& result)
    {
        if (!result.is_abrupt()) return "(no throw)";
        Value constructor = MUST(Get(agent, *result.thrown_value().as_object(), agent.names.constructor));
        return text(MUST(Get(agent, *constructor.as_object(), agent.names.name)));
    }
    // A built-in function with the given behaviour (valueOf / toString spies).
    Value function(BuiltinBehaviour behaviour)
    {
        return CreateBuiltinFunction(agent, std::move(behaviour), 0, agent.key("f"));
    }

    DefaultHost host;
    Agent agent{host};
};

}  // namespace lockstep::testing
