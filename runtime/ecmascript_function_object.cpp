// ECMA-262 §10.2 ECMAScript Function Objects.
#include "runtime/ecmascript_function_object.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/private_elements.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/error.h"
#include "runtime/function_objects.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "syntax/ast.h"

namespace lockstep {

ECMAScriptFunctionObject* as_ecmascript_function(Object* object)
{
    return dynamic_cast<ECMAScriptFunctionObject*>(object);
}

void ECMAScriptFunctionObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(Environment);
    visitor.visit(PrivateEnvironment);
    visitor.visit(Realm);
    visitor.visit(ScriptOrModule);
    visitor.visit(HomeObject);
    for (const ClassFieldDefinition& field : Fields) {
        if (auto* key = std::get_if<PropertyKey>(&field.Name)) visitor.visit(*key);
        else visitor.visit(std::get<PrivateName*>(field.Name));
        visitor.visit(field.Initializer);
    }
    for (const PrivateElement& element : PrivateMethods) {
        visitor.visit(element.key);
        visitor.visit(element.value);
        visitor.visit(element.get);
        visitor.visit(element.set);
    }
    if (auto* key = std::get_if<PropertyKey>(&ClassFieldInitializerName)) visitor.visit(*key);
    else if (auto* name = std::get_if<PrivateName*>(&ClassFieldInitializerName)) visitor.visit(*name);
}

namespace {

// The Call of EvaluateCall step 7 for a call in tail position (§15.10.3
// PrepareForTailCall), made once the context of the function whose body
// deferred it (Agent::TailCall) is gone: `result` is what that function
// returned. A callee that is an ECMAScript function may defer a tail call
// of its own; it is made by the same loop, so the native stack stays flat.
ThrowCompletionOr<Value> MakeTailCalls(Agent& agent, Value result)
{
    while (result.is_tail_call()) {
        Agent::TailCall call = agent.take_tail_call();
        lockstep::List<Value> argList(std::move(call.argList));
        ECMAScriptFunctionObject* F = call.func.is_object() ? as_ecmascript_function(call.func.as_object()) : nullptr;
        if (!F) return lockstep::Call(agent, call.func, call.thisValue, std::span<const Value>(argList.items()));
        result = TRY(F->OrdinaryCall(agent, call.thisValue, argList.items()));
    }
    return result;
}

}  // namespace

ThrowCompletionOr<Value> ECMAScriptFunctionObject::Call(Agent& agent, Value thisArgument,
                                                        std::span<const Value> argumentsList)
{
    return MakeTailCalls(agent, TRY(OrdinaryCall(agent, thisArgument, argumentsList)));
}

// The execution context of a call lives in the C++ frame of [[Call]] /
// [[Construct]]; the agent's stack points at it while it runs.
ThrowCompletionOr<Value> ECMAScriptFunctionObject::OrdinaryCall(Agent& agent, Value thisArgument,
                                                                std::span<const Value> argumentsList)
{
    SPEC_ALGORITHM("sec-ecmascript-function-objects-call-thisargument-argumentslist");
    if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);
    STEP("1");
    ExecutionContext& callerContext = agent.running_execution_context();
    (void)callerContext;
    STEP("2");
    ExecutionContext calleeContext;
    PrepareForOrdinaryCall(agent, *this, Value::undefined(), calleeContext);
    STEP("3");
    SPEC_ASSERT(&agent.running_execution_context() == &calleeContext);
    STEP("4");
    if (IsClassConstructor) {
        STEP("4.a");
        STEP("4.b");
        ThrowCompletion error = throw_type_error(agent, "a class constructor cannot be invoked without 'new'");
        STEP("4.c");
        agent.pop_execution_context(calleeContext);
        STEP("4.d");
        return error;
    }
    STEP("5");
    OrdinaryCallBindThis(agent, *this, calleeContext, thisArgument);
    STEP("6");
    Completion result = OrdinaryCallEvaluateBody(agent, *this, argumentsList);
    STEP("7");
    agent.pop_execution_context(calleeContext);
    STEP("8");
    if (result.is_return_completion()) return result.value;
    STEP("9");
    SPEC_ASSERT(result.is_throw_completion());
    STEP("10");
    return ThrowCompletion(result.value);
}

ThrowCompletionOr<Object*> ECMAScriptFunctionObject::Construct(Agent& agent, std::span<const Value> argumentsList,
                                                               Object* newTarget)
{
    SPEC_ALGORITHM("sec-ecmascript-function-objects-construct-argumentslist-newtarget");
    if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);
    STEP("1");
    STEP("2");
    lockstep::ConstructorKind kind = ConstructorKind;
    Object* thisArgument = nullptr;
    STEP("3");
    if (kind == ConstructorKind::Base) {
        STEP("3.a");
        thisArgument = TRY(OrdinaryCreateFromConstructor(agent, *newTarget, Intrinsic::ObjectPrototype));
    }
    STEP("4");
    ExecutionContext calleeContext;
    PrepareForOrdinaryCall(agent, *this, newTarget, calleeContext);
    STEP("5");
    SPEC_ASSERT(&agent.running_execution_context() == &calleeContext);
    STEP("6");
    if (kind == ConstructorKind::Base) {
        STEP("6.a");
        OrdinaryCallBindThis(agent, *this, calleeContext, thisArgument);
        STEP("6.b");
        ThrowCompletionOr<void> initializeResult = InitializeInstanceElements(agent, *thisArgument, *this);
        STEP("6.c");
        if (initializeResult.is_abrupt()) {
            STEP("6.c.i");
            agent.pop_execution_context(calleeContext);
            STEP("6.c.ii");
            return initializeResult.release_error();
        }
    }
    STEP("7");
    EnvironmentRecord* constructorEnv = calleeContext.LexicalEnvironment;
    STEP("8");
    Completion result = OrdinaryCallEvaluateBody(agent, *this, argumentsList);
    STEP("9");
    agent.pop_execution_context(calleeContext);
    // A tail call of the constructor's body is made now, its context gone.
    if (result.is_return_completion() && result.value.is_tail_call()) {
        ThrowCompletionOr<Value> called = MakeTailCalls(agent, result.value);
        result = called.is_abrupt() ? Completion(called.release_error()) : ReturnCompletion(called.value());
    }
    STEP("10");
    if (result.is_throw_completion()) {
        STEP("10.a");
        return ThrowCompletion(result.value);
    }
    STEP("11");
    SPEC_ASSERT(result.is_return_completion());
    STEP("12");
    if (result.value.is_object()) return result.value.as_object();
    STEP("13");
    if (kind == ConstructorKind::Base) return thisArgument;
    STEP("14");
    if (!result.value.is_undefined())
        return throw_type_error(agent, "a derived constructor may only return an object or undefined");
    STEP("15");
    Value thisBinding = TRY(constructorEnv->GetThisBinding(agent));
    STEP("16");
    SPEC_ASSERT(thisBinding.is_object());
    STEP("17");
    return thisBinding.as_object();
}

void PrepareForOrdinaryCall(Agent& agent, ECMAScriptFunctionObject& F, Value newTarget, ExecutionContext& calleeContext)
{
    SPEC_ALGORITHM("sec-prepareforordinarycall");
    STEP("1");
    STEP("2");  // calleeContext: a new ECMAScript code execution context, from the caller
    STEP("3");
    calleeContext.Function = &F;
    STEP("4");
    Realm* calleeRealm = F.Realm;
    STEP("5");
    calleeContext.Realm = calleeRealm;
    STEP("6");
    calleeContext.ScriptOrModule = F.ScriptOrModule;
    STEP("7");
    FunctionEnvironmentRecord* localEnv = NewFunctionEnvironment(agent, F, newTarget);
    STEP("8");
    calleeContext.LexicalEnvironment = localEnv;
    STEP("9");
    calleeContext.VariableEnvironment = localEnv;
    STEP("10");
    calleeContext.PrivateEnvironment = F.PrivateEnvironment;
    STEP("11");  // the caller's context stays below on the stack
    STEP("12");
    agent.push_execution_context(calleeContext);
    STEP("13");
    STEP("14");
}

void OrdinaryCallBindThis(Agent& agent, ECMAScriptFunctionObject& F, ExecutionContext& calleeContext,
                          Value thisArgument)
{
    SPEC_ALGORITHM("sec-ordinarycallbindthis");
    STEP("1");
    lockstep::ThisMode thisMode = F.ThisMode;
    STEP("2");
    if (thisMode == ThisMode::Lexical) return;
    STEP("3");
    Realm* calleeRealm = F.Realm;
    STEP("4");
    EnvironmentRecord* localEnv = calleeContext.LexicalEnvironment;
    Value thisValue;
    STEP("5");
    if (thisMode == ThisMode::Strict) {
        STEP("5.a");
        thisValue = thisArgument;
    } else {
        STEP("6");
        STEP("6.a");
        if (thisArgument.is_nullish()) {
            STEP("6.a.i");
            auto* globalEnv = static_cast<GlobalEnvironmentRecord*>(calleeRealm->GlobalEnv);
            STEP("6.a.ii");
            SPEC_ASSERT(globalEnv && globalEnv->kind() == EnvironmentRecord::Kind::Global);
            STEP("6.a.iii");
            thisValue = globalEnv->GlobalThisValue;
        } else {
            STEP("6.b");
            STEP("6.b.i");
            thisValue = MUST(ToObject(agent, thisArgument));
            STEP("6.b.ii");
        }
    }
    STEP("7");
    SPEC_ASSERT(localEnv->kind() == EnvironmentRecord::Kind::Function);
    STEP("8");
    STEP("9");
    MUST(BindThisValue(agent, static_cast<FunctionEnvironmentRecord&>(*localEnv), thisValue));
    STEP("10");
}

Completion OrdinaryCallEvaluateBody(Agent& agent, ECMAScriptFunctionObject& F, std::span<const Value> argumentsList)
{
    SPEC_ALGORITHM("sec-ordinarycallevaluatebody");
    STEP("1");
    return EvaluateBody(agent, F, argumentsList);
}

ECMAScriptFunctionObject* OrdinaryFunctionCreate(Agent& agent, Object& functionPrototype, std::string_view sourceText,
                                                 const syntax::FunctionNode* function,
                                                 const syntax::Node* fieldInitializer, ThisModeArgument thisMode,
                                                 EnvironmentRecord* env, PrivateEnvironmentRecord* privateEnv,
                                                 std::shared_ptr<SourceUnit> sourceUnit)
{
    SPEC_ALGORITHM("sec-ordinaryfunctioncreate");
    STEP("1");
    STEP("2");
    auto* F = OrdinaryObjectCreate<ECMAScriptFunctionObject>(agent, &functionPrototype);
    STEP("3");
    STEP("4");
    F->SourceText = sourceText;
    STEP("5");
    STEP("6");
    F->ECMAScriptCode = function;
    F->field_initializer = fieldInitializer;
    F->source_unit = std::move(sourceUnit);
    STEP("7");
    bool Strict = function ? function->strict : true;  // an Initializer is class code
    STEP("8");
    F->Strict = Strict;
    STEP("9");
    if (thisMode == ThisModeArgument::LexicalThis) {
        F->ThisMode = ThisMode::Lexical;
    } else if (Strict) {
        STEP("10");
        F->ThisMode = ThisMode::Strict;
    } else {
        STEP("11");
        F->ThisMode = ThisMode::Global;
    }
    STEP("12");
    F->IsClassConstructor = false;
    STEP("13");
    F->Environment = env;
    STEP("14");
    F->PrivateEnvironment = privateEnv;
    STEP("15");
    // GetActiveScriptOrModule: the ScriptOrModule of the innermost context that has one.
    for (auto it = agent.execution_context_stack.rbegin(); it != agent.execution_context_stack.rend(); ++it) {
        if ((*it)->ScriptOrModule) {
            F->ScriptOrModule = (*it)->ScriptOrModule;
            break;
        }
    }
    STEP("16");
    F->Realm = agent.current_realm();
    STEP("17");
    F->HomeObject = nullptr;
    STEP("18");
    STEP("19");
    STEP("20");
    STEP("21");
    double len = 0;
    if (function) {
        // §15.1.5 ExpectedArgumentCount: the parameters before the first
        // one with an Initializer (a rest parameter does not count).
        for (const syntax::PatternElement* p : function->parameters) {
            if (p->initializer) break;
            ++len;
        }
    }
    STEP("22");
    SetFunctionLength(agent, *F, len);
    STEP("23");
    return F;
}

void MakeConstructor(Agent& agent, Object& F, bool writablePrototype, Object* prototype)
{
    SPEC_ALGORITHM("sec-makeconstructor");
    auto* function = dynamic_cast<ECMAScriptFunctionObject*>(&F);
    STEP("1");
    if (function) {
        STEP("1.a");
        SPEC_ASSERT(!function->is_constructor);
        STEP("1.b");
        SPEC_ASSERT(function->Extensible && !function->properties().find(agent.names.prototype));
        STEP("1.c");
        function->is_constructor = true;
    } else {
        STEP("2");
        auto* builtin = dynamic_cast<BuiltinFunction*>(&F);
        SPEC_ASSERT(builtin);
        STEP("2.a");
        builtin->make_constructor();
    }
    STEP("3");
    // A built-in function has a [[ConstructorKind]] only when its
    // additionalInternalSlotsList names one; lockstep's built-ins keep no
    // such slot (the one the spec names it for, the default class
    // constructor of ClassDefinitionEvaluation step 14, is an ECMAScript
    // function object here).
    if (function) function->ConstructorKind = ConstructorKind::Base;
    STEP("4");
    STEP("5");
    if (!prototype) {
        STEP("5.a");
        Realm* realm = function ? function->Realm : static_cast<BuiltinFunction&>(F).Realm;
        prototype = OrdinaryObjectCreate(agent, realm->intrinsic(Intrinsic::ObjectPrototype));
        STEP("5.b");
        MUST(DefinePropertyOrThrow(agent, *prototype, agent.names.constructor,
                                   PropertyDescriptor{.value = Value(&F), .writable = writablePrototype,
                                                      .enumerable = false, .configurable = true}));
    }
    STEP("6");
    MUST(DefinePropertyOrThrow(agent, F, agent.names.prototype,
                               PropertyDescriptor{.value = Value(prototype), .writable = writablePrototype,
                                                  .enumerable = false, .configurable = false}));
    STEP("7");
}

void MakeClassConstructor(ECMAScriptFunctionObject& F)
{
    SPEC_ALGORITHM("sec-makeclassconstructor");
    STEP("1");
    SPEC_ASSERT(!F.IsClassConstructor);
    STEP("2");
    F.IsClassConstructor = true;
    STEP("3");
}

void MakeMethod(ECMAScriptFunctionObject& F, Object& homeObject)
{
    SPEC_ALGORITHM("sec-makemethod");
    STEP("1");
    STEP("2");
    F.HomeObject = &homeObject;
    STEP("3");
}

ThrowCompletionOr<std::optional<PrivateElement>> DefineMethodProperty(Agent& agent, Object& homeObject,
                                                                      std::variant<PropertyKey, PrivateName*> key,
                                                                      Object& closure, bool enumerable)
{
    SPEC_ALGORITHM("sec-definemethodproperty");
    STEP("1");
    STEP("2");
    if (auto* privateName = std::get_if<PrivateName*>(&key)) {
        STEP("2.a");
        return std::optional<PrivateElement>(PrivateElement{*privateName, PrivateElementKind::Method, &closure,
                                                            Value::undefined(), Value::undefined()});
    }
    STEP("3");
    STEP("3.a");
    PropertyDescriptor desc{.value = Value(&closure), .writable = true, .enumerable = enumerable, .configurable = true};
    STEP("3.b");
    TRY(DefinePropertyOrThrow(agent, homeObject, std::get<PropertyKey>(key), desc));
    STEP("3.c");
    STEP("3.d");
    return std::optional<PrivateElement>();
}

}  // namespace lockstep
