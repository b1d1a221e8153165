// ECMA-262 §10.2 ECMAScript Function Objects.
// https://tc39.es/ecma262/#sec-ecmascript-function-objects
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <variant>
#include <vector>

#include "runtime/environment_records.h"
#include "runtime/execution_context.h"
#include "runtime/object.h"
#include "runtime/property_key.h"

namespace lockstep {

namespace syntax {
struct Node;
struct FunctionNode;
struct Program;
}  // namespace syntax

class Realm;
class ScriptOrModule;
struct SourceUnit;  // algorithms/source_unit.h: a parsed Program and what evaluation caches about it

enum class ConstructorKind : uint8_t { Base, Derived };
enum class ThisMode : uint8_t { Lexical, Strict, Global };

// §6.2.11 ClassFieldDefinition Records: [[Name]] a property key or a Private
// Name, [[Initializer]] a function object or ~empty~ (null).
struct ClassFieldDefinition {
    std::variant<PropertyKey, PrivateName*> Name;
    Object* Initializer = nullptr;
};

// Table "Internal Slots of ECMAScript Function Objects".
class ECMAScriptFunctionObject final : public Object {
public:
    using Object::Object;

    EnvironmentRecord* Environment = nullptr;
    PrivateEnvironmentRecord* PrivateEnvironment = nullptr;  // null is *null*
    // [[FormalParameters]] and [[ECMAScriptCode]]: the function's parse node
    // (its parameters and body). A class field initializer's [[ECMAScriptCode]]
    // is the Initializer expression (`function` null, `field_initializer` set).
    // A class's default constructor has neither (§15.7.14 step 14.a's closure).
    const syntax::FunctionNode* ECMAScriptCode = nullptr;
    const syntax::Node* field_initializer = nullptr;
    lockstep::ConstructorKind ConstructorKind = ConstructorKind::Base;
    lockstep::Realm* Realm = nullptr;
    lockstep::ScriptOrModule* ScriptOrModule = nullptr;
    lockstep::ThisMode ThisMode = ThisMode::Global;
    bool Strict = false;
    Object* HomeObject = nullptr;  // null is *undefined*
    std::string_view SourceText;   // a view into source_unit's text
    std::vector<ClassFieldDefinition> Fields;
    std::vector<PrivateElement> PrivateMethods;
    // [[ClassFieldInitializerName]]: ~empty~ (monostate), a property key or a Private Name.
    std::variant<std::monostate, PropertyKey, PrivateName*> ClassFieldInitializerName;
    bool IsClassConstructor = false;

    // Keeps the parse tree the slots above point into alive.
    std::shared_ptr<SourceUnit> source_unit;
    // Set by MakeConstructor: the function has [[Construct]].
    bool is_constructor = false;

    bool has_call() const override { return true; }
    bool has_construct() const override { return is_constructor; }
    // §10.2.1 [[Call]] ( thisArgument, argumentsList ), then the calls in
    // tail position it deferred (MakeTailCalls).
    ThrowCompletionOr<Value> Call(Agent&, Value thisArgument, std::span<const Value> argumentsList) override;
    // §10.2.2 [[Construct]] ( argumentsList, newTarget )
    ThrowCompletionOr<Object*> Construct(Agent&, std::span<const Value> argumentsList, Object* newTarget) override;

    // §10.2.1 [[Call]]'s steps alone: the result may be Value::tail_call().
    ThrowCompletionOr<Value> OrdinaryCall(Agent&, Value thisArgument, std::span<const Value> argumentsList);

    void visit_edges(Visitor&) override;
};

// §10.2.1.1 PrepareForOrdinaryCall ( F, newTarget ): the callee context is
// the caller's to own (a C++ local), filled in and pushed here.
void PrepareForOrdinaryCall(Agent&, ECMAScriptFunctionObject& F, Value newTarget, ExecutionContext& calleeContext);
// §10.2.1.2 OrdinaryCallBindThis ( F, calleeContext, thisArgument )
void OrdinaryCallBindThis(Agent&, ECMAScriptFunctionObject& F, ExecutionContext& calleeContext, Value thisArgument);
// §10.2.1.4 OrdinaryCallEvaluateBody ( F, argumentsList ): a return or throw completion
Completion OrdinaryCallEvaluateBody(Agent&, ECMAScriptFunctionObject& F, std::span<const Value> argumentsList);
// §10.2.3 OrdinaryFunctionCreate ( functionPrototype, sourceText, ParameterList, Body, thisMode, env, privateEnv ):
// ParameterList and Body are those of `function`, or, for a class field
// initializer (function null), empty parameters and the Initializer `fieldInitializer`.
enum class ThisModeArgument : uint8_t { LexicalThis, NonLexicalThis };
ECMAScriptFunctionObject* OrdinaryFunctionCreate(Agent&, Object& functionPrototype, std::string_view sourceText,
                                                 const syntax::FunctionNode* function,
                                                 const syntax::Node* fieldInitializer, ThisModeArgument thisMode,
                                                 EnvironmentRecord* env, PrivateEnvironmentRecord* privateEnv,
                                                 std::shared_ptr<SourceUnit> sourceUnit);
// §10.2.5 MakeConstructor ( F [ , writablePrototype [ , prototype ] ] ); prototype null is "not present".
// F is an ECMAScript function object or a built-in function object.
void MakeConstructor(Agent&, Object& F, bool writablePrototype = true, Object* prototype = nullptr);
// §10.2.6 MakeClassConstructor ( F )
void MakeClassConstructor(ECMAScriptFunctionObject& F);
// §10.2.7 MakeMethod ( F, homeObject )
void MakeMethod(ECMAScriptFunctionObject& F, Object& homeObject);
// §10.2.8 DefineMethodProperty ( homeObject, key, closure, enumerable ): a
// PrivateElement for a Private Name key, nothing otherwise.
ThrowCompletionOr<std::optional<PrivateElement>> DefineMethodProperty(Agent&, Object& homeObject,
                                                                      std::variant<PropertyKey, PrivateName*> key,
                                                                      Object& closure, bool enumerable);

// The running execution context's function, if it is an ECMAScript function
// object (the "code being evaluated" for IsStrict and closures' source).
ECMAScriptFunctionObject* as_ecmascript_function(Object*);

}  // namespace lockstep

namespace lockstep {
// §10.2.1.3 EvaluateBody: the syntax-directed operation on F.[[ECMAScriptCode]]
// (defined with the evaluator, algorithms/functions.cpp).
Completion EvaluateBody(Agent&, ECMAScriptFunctionObject& functionObject, std::span<const Value> argumentsList);
}  // namespace lockstep
