#include "conformance/test262/test262_host.h"

#include "abstract_ops/array_buffer_operations.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/scripts.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep::conformance::test262 {

namespace {

// Host-defined properties are writable, configurable and non-enumerable.
ThrowCompletionOr<void> DefineHostProperty(Agent& agent, Object& object, const char* name, Value value)
{
    return DefinePropertyOrThrow(agent, object, agent.key(name),
                                 PropertyDescriptor{.value = value, .writable = true, .enumerable = false,
                                                    .configurable = true});
}

Value ArgumentOrUndefined(std::span<const Value> arguments, size_t index)
{
    return index < arguments.size() ? arguments[index] : Value::undefined();
}

// $262.createRealm(): InitializeHostDefinedRealm makes the realm (and, through
// this host, its $262) and leaves its execution context running; the caller's
// context is the running one again afterwards.
ThrowCompletionOr<Value> CreateRealm(Agent& agent, BuiltinFunction&, Value, std::span<const Value>, Object*)
{
    size_t depth = agent.execution_context_stack.size();
    ThrowCompletionOr<void> status = InitializeHostDefinedRealm(agent);
    Realm* realm = agent.execution_context_stack.size() > depth ? agent.running_execution_context().Realm : nullptr;
    while (agent.execution_context_stack.size() > depth)
        agent.pop_execution_context(agent.running_execution_context());
    TRY(status);
    return TRY(Get(agent, *realm->GlobalObject, agent.key("$262")));
}

// $262.evalScript(sourceText), as INTERPRETING.md gives it.
ThrowCompletionOr<Value> EvalScript(Agent& agent, BuiltinFunction&, Value, std::span<const Value> arguments, Object*)
{
    String* sourceText = TRY(ToString(agent, ArgumentOrUndefined(arguments, 0)));
    // 1. Let hostDefined be any host-defined values for the provided sourceText.
    Value hostDefined = Value::undefined();
    // 2. Let realm be the current Realm Record.
    Realm& realm = *agent.current_realm();
    // 3. Let s be ParseScript(sourceText, realm, hostDefined).
    auto s = ParseScript(agent, sourceText->to_utf8(), realm, hostDefined, "<evalScript>");
    // 4. If s is a List of errors, return ThrowCompletion(the first error).
    if (auto* error = std::get_if<syntax::SyntaxError>(&s)) {
        return throw_error(agent, ErrorType::SyntaxError,
                           std::to_string(error->position.line) + ":" + std::to_string(error->position.column) +
                               ": " + error->message);
    }
    Root<ScriptRecord*> script(std::get<ScriptRecord*>(s));
    // 5. Let status be ScriptEvaluation(s).
    Completion status = ScriptEvaluation(agent, *script.get());
    // 6. Return Completion(status).
    if (status.is_throw_completion()) return ThrowCompletion(status.value);
    return status.value.is_empty() ? Value::undefined() : status.value;
}

// $262.detachArrayBuffer(buffer): DetachArrayBuffer ( buffer ) (§25.1.3.5).
ThrowCompletionOr<Value> DetachArrayBuffer(Agent& agent, BuiltinFunction&, Value, std::span<const Value> arguments,
                                           Object*)
{
    Value argument = ArgumentOrUndefined(arguments, 0);
    auto* buffer = argument.is_object() ? dynamic_cast<ArrayBufferObject*>(argument.as_object()) : nullptr;
    if (!buffer || IsSharedArrayBuffer(*buffer))
        return throw_type_error(agent, "$262.detachArrayBuffer: not an ArrayBuffer");
    TRY(lockstep::DetachArrayBuffer(agent, *buffer));
    return Value::undefined();
}

ThrowCompletionOr<Value> Gc(Agent& agent, BuiltinFunction&, Value, std::span<const Value>, Object*)
{
    agent.heap.collect();
    return Value::undefined();
}

}  // namespace

ThrowCompletionOr<void> Test262Host::define_host_global_properties(Agent& agent, Realm& realm)
{
    Object& global = *realm.GlobalObject;
    auto function = [&](BuiltinBehaviour behaviour, double length, const char* name) -> Value {
        return CreateBuiltinFunction(agent, std::move(behaviour), length, agent.key(name), {.realm = &realm});
    };
    // print(value): hands the string value of its argument to the runner.
    auto print = [this](Agent& a, BuiltinFunction&, Value, std::span<const Value> arguments,
                        Object*) -> ThrowCompletionOr<Value> {
        String* text = TRY(ToString(a, ArgumentOrUndefined(arguments, 0)));
        printed_.push_back(text->to_utf8());
        return Value::undefined();
    };
    TRY(DefineHostProperty(agent, global, "print", function(print, 1, "print")));

    Root<Object*> dollar262(OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype)));
    TRY(DefineHostProperty(agent, *dollar262.get(), "createRealm", function(CreateRealm, 0, "createRealm")));
    TRY(DefineHostProperty(agent, *dollar262.get(), "evalScript", function(EvalScript, 1, "evalScript")));
    TRY(DefineHostProperty(agent, *dollar262.get(), "detachArrayBuffer",
                           function(DetachArrayBuffer, 1, "detachArrayBuffer")));
    TRY(DefineHostProperty(agent, *dollar262.get(), "gc", function(Gc, 0, "gc")));
    TRY(DefineHostProperty(agent, *dollar262.get(), "global", &global));
    TRY(DefineAgentObject(agent, realm, *dollar262.get(), agents_));
    TRY(DefineHostProperty(agent, global, "$262", dollar262.get()));
    return {};
}

}  // namespace lockstep::conformance::test262
