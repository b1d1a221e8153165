// The tree-walking evaluator: the syntax-directed operations of ECMA-262
// §8 and §13-§16 (Evaluation, BindingInitialization, …), one function per
// operation per production group, switching on the parse node's kind.
//
// Every SDO takes the Evaluator of the code being run: the agent, the parsed
// source it belongs to, and whether it is strict mode code (IsStrict of the
// production being evaluated: a function's code is strict or not as a
// whole, so this is fixed per Evaluator). Expressions return a value or a
// Reference Record; statements return a full Completion Record.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <variant>
#include <vector>

#include "abstract_ops/operations_on_iterator_objects.h"
#include "algorithms/source_unit.h"
#include "runtime/agent.h"
#include "runtime/completion.h"
#include "runtime/ecmascript_function_object.h"
#include "runtime/reference.h"
#include "syntax/ast.h"

namespace lockstep {

class String;

struct Evaluator {
    Agent& agent;
    const std::shared_ptr<SourceUnit>& unit;
    bool strict;
    // The innermost position evaluated (a statement or call), for stack traces.
    const syntax::Node* position = nullptr;
    Evaluator* caller = nullptr;

    Evaluator(Agent& a, const std::shared_ptr<SourceUnit>& u, bool s);
    ~Evaluator();
    Evaluator(const Evaluator&) = delete;
    Evaluator& operator=(const Evaluator&) = delete;
};

// Where an uncaught exception was thrown: the innermost position first.
struct StackPosition {
    std::string file;
    uint32_t line, column;
};
// The positions recorded when `thrown` first went abrupt through evaluation
// in `agent` (empty if it never did, or if another throw was traced since).
std::vector<StackPosition> StackTraceOf(Agent& agent, Value thrown);
// Records the trace for `thrown` (called where a throw completion is first seen).
void RecordThrow(Evaluator&, Value thrown);

// A name or property key as the spec's algorithms carry it (NamedEvaluation's
// name, ClassElementName results).
using PropertyName = std::variant<PropertyKey, PrivateName*>;

// "? Evaluation of X" for a statement or declaration: a Completion Record.
Completion Evaluation(Evaluator&, const syntax::Node& statement);
// Evaluation of a StatementList: UpdateEmpty over its statements (§14.2.2).
Completion EvaluateStatementList(Evaluator&, syntax::NodeList statements);
// "? GetValue(? Evaluation of X)" for an expression.
ThrowCompletionOr<Value> EvaluateExpression(Evaluator&, const syntax::Node& expression);
// "? Evaluation of X" for an expression that yields a Reference Record
// (IdentifierReference, property accesses, super properties, parenthesized ones).
ThrowCompletionOr<ReferenceRecord> EvaluateReference(Evaluator&, const syntax::Node& expression);
// True if Evaluation of the expression yields a Reference Record.
bool YieldsReference(const syntax::Node& expression);

// §8.4.5 NamedEvaluation
ThrowCompletionOr<Value> NamedEvaluation(Evaluator&, const syntax::Node& expression, PropertyName name);
// "IsAnonymousFunctionDefinition(e) and IsIdentifierRef of lhs": the value of
// an initializer, named when anonymous (the pattern every binding form uses).
ThrowCompletionOr<Value> EvaluateInitializer(Evaluator&, const syntax::Node& initializer, syntax::Name bindingName);

// §8.6.2 BindingInitialization; environment null is *undefined*.
ThrowCompletionOr<void> BindingInitialization(Evaluator&, const syntax::Node& target, Value value,
                                              EnvironmentRecord* environment);
// §8.6.3 IteratorBindingInitialization of a FormalParameters (a function's
// parameters) with a List of arguments: the list stands in for the iterator
// (the spec's CreateListIteratorRecord, unobservable).
ThrowCompletionOr<void> IteratorBindingInitializationOfParameters(Evaluator&, const syntax::FunctionNode& function,
                                                                  std::span<const Value> arguments,
                                                                  EnvironmentRecord* environment);
// §14.3.3 ArrayBindingPattern's IteratorBindingInitialization
Completion IteratorBindingInitialization(Evaluator&, const syntax::ArrayPattern& pattern,
                                         IteratorRecord& iteratorRecord, EnvironmentRecord* environment);
// §13.15.5.2 DestructuringAssignmentEvaluation
ThrowCompletionOr<void> DestructuringAssignmentEvaluation(Evaluator&, const syntax::Node& pattern, Value value);

// §8.6.1 InstantiateFunctionObject of a function or generator declaration
ThrowCompletionOr<Object*> InstantiateFunctionObject(Evaluator&, const syntax::FunctionNode& function,
                                                     EnvironmentRecord* env, PrivateEnvironmentRecord* privateEnv);
// Evaluation of a function, generator, async or arrow expression (§15.2-§15.9).
ThrowCompletionOr<Value> EvaluateFunctionExpression(Evaluator&, const syntax::FunctionNode& function,
                                                    std::optional<PropertyName> name);
// §14.2.3 BlockDeclarationInstantiation ( code, env )
void BlockDeclarationInstantiation(Evaluator&, const std::vector<const syntax::Node*>& declarations,
                                   DeclarativeEnvironmentRecord& env);

// §15.7.14 ClassDefinitionEvaluation (with BindingClassDeclarationEvaluation's
// and ClassExpression's binding of the class name)
ThrowCompletionOr<Object*> ClassDefinitionEvaluation(Evaluator&, const syntax::ClassNode& classNode,
                                                     const syntax::Identifier* classBinding, PropertyName className);
// §15.7.? Evaluation of a ClassDeclaration.
Completion EvaluateClassDeclaration(Evaluator&, const syntax::ClassNode& classNode);

// §13.2.5.4 PropertyDefinitionEvaluation / §15.4.4 MethodDefinitionEvaluation
// for object literals and classes: evaluates a key (LiteralPropertyName,
// ComputedPropertyName, PrivateIdentifier).
ThrowCompletionOr<PropertyName> EvaluatePropertyKey(Evaluator&, const syntax::Node& key);
// §15.4.4 MethodDefinitionEvaluation with arguments object and enumerable;
// a PrivateElement for private methods and accessors.
ThrowCompletionOr<std::optional<PrivateElement>> MethodDefinitionEvaluation(Evaluator&, const syntax::Node& key,
                                                                            const syntax::FunctionNode& method,
                                                                            Object& object, bool enumerable);

// EvaluateCall's `arguments`: an Arguments parse node (its list) or a TemplateLiteral.
struct CallArguments {
    syntax::NodeList list;
    const syntax::TemplateLiteral* templateLiteral = nullptr;
};
// §13.3.6.2 EvaluateCall ( func, ref, arguments, tailPosition ); ref null is "not a Reference Record".
// With tailPosition the result is Value::tail_call(): the Call is made by
// the [[Call]] of the function whose body this is (runtime/agent.h TailCall).
ThrowCompletionOr<Value> EvaluateCall(Evaluator&, Value func, const ReferenceRecord* ref, const CallArguments& arguments,
                                      bool tailPosition);
// §13.3.8.1 ArgumentListEvaluation of Arguments, and of a TemplateLiteral
ThrowCompletionOr<List<Value>> ArgumentListEvaluation(Evaluator&, syntax::NodeList arguments);
ThrowCompletionOr<List<Value>> ArgumentListEvaluation(Evaluator&, const CallArguments& arguments);
// §13.3.7.1 SuperCall Evaluation and the other §13.3 parts that need one
// place: EvaluatePropertyAccessWithIdentifierKey's key.
PropertyKey IdentifierKey(Evaluator&, const syntax::Node& identifierName);

// A language String for an identifier name or a string literal's SV.
String* StringOf(Evaluator&, std::u16string_view units);

// §10.2.11 FunctionDeclarationInstantiation ( func, argumentsList )
ThrowCompletionOr<void> FunctionDeclarationInstantiation(Evaluator&, ECMAScriptFunctionObject& func,
                                                         std::span<const Value> argumentsList);

// §16.1.7 GlobalDeclarationInstantiation ( script, env )
ThrowCompletionOr<void> GlobalDeclarationInstantiation(Evaluator&, const syntax::Program& script,
                                                       GlobalEnvironmentRecord& env);

// The one place generator and async function bodies stop until the stack
// switcher arrives: a TypeError at call time.
ThrowCompletion NotYetSupported(Agent&, const char* what);

}  // namespace lockstep
