// ECMA-262 §10.3 Built-in Function Objects.
#include "runtime/builtin_function.h"

#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/function_objects.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"

namespace lockstep {

ThrowCompletionOr<Value> BuiltinFunction::Call(Agent& agent, Value thisArgument, std::span<const Value> argumentsList)
{
    SPEC_ALGORITHM("sec-built-in-function-objects-call-thisargument-argumentslist");
    STEP("1");
    return TRY(BuiltinCallOrConstruct(agent, *this, thisArgument, argumentsList, nullptr));
}

ThrowCompletionOr<Object*> BuiltinFunction::Construct(Agent& agent, std::span<const Value> argumentsList,
                                                      Object* newTarget)
{
    SPEC_ALGORITHM("sec-built-in-function-objects-construct-argumentslist-newtarget");
    STEP("1");
    Value result = TRY(BuiltinCallOrConstruct(agent, *this, Value::empty(), argumentsList, newTarget));
    STEP("2");
    SPEC_ASSERT(result.is_object());
    STEP("3");
    return result.as_object();
}

ThrowCompletionOr<Value> BuiltinCallOrConstruct(Agent& agent, BuiltinFunction& F, Value thisArgument,
                                                std::span<const Value> argumentsList, Object* newTarget)
{
    SPEC_ALGORITHM("sec-builtincallorconstruct");
    // Each call nests native frames: report exhaustion as a RangeError.
    if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);
    STEP("1");
    STEP("2");  // the caller's context stays below the callee's on the stack
    STEP("3");
    ExecutionContext calleeContext;
    STEP("4");
    calleeContext.Function = &F;
    STEP("5");
    Realm* calleeRealm = F.Realm;
    STEP("6");
    calleeContext.Realm = calleeRealm;
    STEP("7");
    calleeContext.ScriptOrModule = nullptr;
    STEP("8");
    STEP("9");
    agent.push_execution_context(calleeContext);
    STEP("10");
    ThrowCompletionOr<Value> result = F.behaviour(agent, F, thisArgument, argumentsList, newTarget);
    STEP("11");
    STEP("12");
    agent.pop_execution_context(calleeContext);
    STEP("13");
    return TRY(result);
}

BuiltinFunction* CreateBuiltinFunction(Agent& agent, BuiltinBehaviour behaviour, double length,
                                       std::variant<PropertyKey, PrivateName*> name,
                                       const BuiltinFunctionOptions& options)
{
    SPEC_ALGORITHM("sec-createbuiltinfunction");
    Realm* realm = options.realm;
    STEP("1");
    if (!realm) realm = agent.current_realm();
    STEP("2");
    Object* prototype = options.prototype ? *options.prototype : realm->intrinsic(Intrinsic::FunctionPrototype);
    STEP("3");  // the C++ class BuiltinFunction is the list of internal slots…
    STEP("4");  // …plus `slots` for the additional ones
    STEP("5");
    auto* func = MakeBasicObject<BuiltinFunction>(agent, std::move(behaviour), options.isConstructor,
                                                  options.additionalInternalSlots);
    STEP("6");
    func->Prototype = prototype;
    STEP("7");
    func->Extensible = true;
    STEP("8");
    func->Realm = realm;
    STEP("9");
    func->InitialName = Value::null();
    STEP("10");
    SetFunctionLength(agent, *func, length);
    STEP("11");
    if (!options.prefix) {
        STEP("11.a");
        SetFunctionName(agent, *func, name);
    } else {
        STEP("12");
        STEP("12.a");
        SetFunctionName(agent, *func, name, options.prefix);
    }
    STEP("13");
    return func;
}

void BuiltinFunction::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(Realm);
    visitor.visit(InitialName);
    for (Value slot : slots) visitor.visit(slot);
}

}  // namespace lockstep
