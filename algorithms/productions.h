// The Evaluation of each production group, one function per group, defined
// in the file of its spec clause; algorithms/evaluation.cpp dispatches to
// them on the node kind. Not for use outside algorithms/.
#pragma once

#include <vector>

#include "abstract_ops/generator_operations.h"
#include "algorithms/evaluator.h"
#include "runtime/intrinsics.h"

namespace lockstep {

using LabelSet = std::vector<syntax::Name>;

// §13.1 / §13.2 (algorithms/primary_expressions.cpp)
ThrowCompletionOr<Value> EvaluateLiteral(Evaluator&, const syntax::Node&);
ThrowCompletionOr<Value> EvaluateArrayLiteral(Evaluator&, const syntax::ArrayLiteral&);
ThrowCompletionOr<Value> EvaluateObjectLiteral(Evaluator&, const syntax::ObjectLiteral&);
ThrowCompletionOr<Value> EvaluateRegularExpressionLiteral(Evaluator&, const syntax::RegularExpressionLiteral&);
ThrowCompletionOr<Value> EvaluateTemplateLiteral(Evaluator&, const syntax::TemplateLiteral&);

// §13.3 (algorithms/left_hand_side_expressions.cpp)
ThrowCompletionOr<ReferenceRecord> EvaluateMemberExpression(Evaluator&, const syntax::MemberExpression&);
ThrowCompletionOr<ReferenceRecord> EvaluateSuperProperty(Evaluator&, const syntax::MemberExpression&);
ThrowCompletionOr<Value> EvaluateNewExpression(Evaluator&, const syntax::CallExpression&);
ThrowCompletionOr<Value> EvaluateCallExpression(Evaluator&, const syntax::CallExpression&);
ThrowCompletionOr<Value> EvaluateSuperCall(Evaluator&, const syntax::CallExpression&);
ThrowCompletionOr<Value> EvaluateTaggedTemplate(Evaluator&, const syntax::TaggedTemplate&);
// An OptionalExpression yields a Reference Record, or *undefined* when it short-circuits.
struct ReferenceOrValue {
    bool is_reference;
    ReferenceRecord reference;
    Value value;
};
ThrowCompletionOr<ReferenceOrValue> EvaluateOptionalExpression(Evaluator&, const syntax::OptionalExpression&);
// GetValue of either.
ThrowCompletionOr<Value> GetValue(Agent&, ReferenceOrValue&);
// Evaluation of an expression that may yield a Reference Record, optional
// chains and parenthesized ones included (typeof, delete, call callees).
ThrowCompletionOr<ReferenceOrValue> EvaluateReferenceOrValue(Evaluator&, const syntax::Node&);

// §13.4-§13.14 (algorithms/operators.cpp)
ThrowCompletionOr<Value> EvaluateUpdateExpression(Evaluator&, const syntax::UpdateExpression&);
ThrowCompletionOr<Value> EvaluateUnaryExpression(Evaluator&, const syntax::UnaryExpression&);
ThrowCompletionOr<Value> EvaluateBinaryExpression(Evaluator&, const syntax::BinaryExpression&);
ThrowCompletionOr<Value> EvaluateLogicalExpression(Evaluator&, const syntax::BinaryExpression&);
ThrowCompletionOr<Value> EvaluateConditionalExpression(Evaluator&, const syntax::ConditionalExpression&);

// §13.15, §13.16 (algorithms/assignment.cpp)
// "Let lref be ? Evaluation of LeftHandSideExpression" for a simple
// assignment or update target.
ThrowCompletionOr<ReferenceRecord> EvaluateAssignmentTarget(Evaluator&, const syntax::Node& target);
ThrowCompletionOr<Value> EvaluateAssignmentExpression(Evaluator&, const syntax::AssignmentExpression&);
ThrowCompletionOr<Value> EvaluateCommaExpression(Evaluator&, const syntax::CommaExpression&);

// §15.2 (algorithms/functions.cpp): pieces the function-creating algorithms
// of §15.2-§15.9 share.
// OrdinaryFunctionCreate(%X%, the source text matched by function, its
// parameters, its body, thisMode, env, privateEnv), %X% being functionPrototype.
ECMAScriptFunctionObject* OrdinaryFunctionCreateFor(Evaluator&, Intrinsic functionPrototype,
                                                    const syntax::FunctionNode& function, ThisModeArgument thisMode,
                                                    EnvironmentRecord* env, PrivateEnvironmentRecord* privateEnv);
// "Let prototype be OrdinaryObjectCreate(%prototypeParent%). Perform !
// DefinePropertyOrThrow(F, "prototype", { [[Value]]: prototype, [[Writable]]:
// true, [[Enumerable]]: false, [[Configurable]]: false })."
void DefinePrototypeObject(Agent&, Object& F, Intrinsic prototypeParent);
// The name *"default"* (anonymous export default declarations).
PropertyName DefaultName(Evaluator&);

// §15.5, §15.6 (algorithms/generator_definitions.cpp)
// InstantiateGeneratorFunctionObject / InstantiateAsyncGeneratorFunctionObject ( env, privateEnv )
ThrowCompletionOr<Object*> InstantiateGeneratorFunctionObject(Evaluator&, const syntax::FunctionNode&,
                                                              EnvironmentRecord* env, PrivateEnvironmentRecord* privateEnv);
ThrowCompletionOr<Object*> InstantiateAsyncGeneratorFunctionObject(Evaluator&, const syntax::FunctionNode&,
                                                                   EnvironmentRecord* env,
                                                                   PrivateEnvironmentRecord* privateEnv);
// InstantiateGeneratorFunctionExpression / InstantiateAsyncGeneratorFunctionExpression ( [ name ] )
ThrowCompletionOr<Value> InstantiateGeneratorFunctionExpression(Evaluator&, const syntax::FunctionNode&,
                                                                std::optional<PropertyName> name);
ThrowCompletionOr<Value> InstantiateAsyncGeneratorFunctionExpression(Evaluator&, const syntax::FunctionNode&,
                                                                     std::optional<PropertyName> name);
// EvaluateGeneratorBody and EvaluateAsyncGeneratorBody of F.[[ECMAScriptCode]].
Completion EvaluateGeneratorBody(Evaluator&, ECMAScriptFunctionObject& functionObject,
                                 std::span<const Value> argumentsList);
Completion EvaluateAsyncGeneratorBody(Evaluator&, ECMAScriptFunctionObject& functionObject,
                                      std::span<const Value> argumentsList);
ThrowCompletionOr<Value> EvaluateYieldExpression(Evaluator&, const syntax::YieldExpression&);
// Evaluation of an expression carries only throw completions: a return
// completion a Yield receives (from a generator's return()) travels as
// ThrowCompletion(the generator's SuspendableContext), which script never
// sees, up to the innermost statement, where Evaluation turns it back into
// the return completion. ExpressionCompletion makes the former;
// ReturnCompletionInFlight recognises it (nullopt for a real throw).
ThrowCompletionOr<Value> ExpressionCompletion(Agent&, Completion completion);
std::optional<Completion> ReturnCompletionInFlight(Agent&, const Completion& thrown);
// The completion itself, or the return completion in flight it stands for
// (for the algorithms that treat return and throw completions differently).
Completion WithReturnInFlight(Agent&, const Completion& completion);
// The generatorBody / asyncBody closure of F: Evaluation of its FunctionBody
// (or ExpressionBody), run on the suspendable context's own stack.
SuspendableBody EvaluationOfBody(Agent&, ECMAScriptFunctionObject& F);

// §15.8, §15.9 (algorithms/async_function_definitions.cpp)
// InstantiateAsyncFunctionObject ( env, privateEnv )
ThrowCompletionOr<Object*> InstantiateAsyncFunctionObject(Evaluator&, const syntax::FunctionNode&,
                                                          EnvironmentRecord* env, PrivateEnvironmentRecord* privateEnv);
// InstantiateAsyncFunctionExpression / InstantiateAsyncArrowFunctionExpression ( [ name ] )
ThrowCompletionOr<Value> InstantiateAsyncFunctionExpression(Evaluator&, const syntax::FunctionNode&,
                                                            std::optional<PropertyName> name);
ThrowCompletionOr<Value> InstantiateAsyncArrowFunctionExpression(Evaluator&, const syntax::FunctionNode&,
                                                                 std::optional<PropertyName> name);
// EvaluateAsyncFunctionBody and EvaluateAsyncConciseBody of F.[[ECMAScriptCode]].
Completion EvaluateAsyncFunctionBody(Evaluator&, ECMAScriptFunctionObject& functionObject,
                                     std::span<const Value> argumentsList);
ThrowCompletionOr<Value> EvaluateAwaitExpression(Evaluator&, const syntax::UnaryNode&);

// §15.7 (algorithms/classes.cpp)
// The behaviour of a class's default constructor (§15.7.14 step 14.a).
Completion ClassDefaultConstructorBody(Evaluator&, ECMAScriptFunctionObject& F, std::span<const Value> args);
ThrowCompletionOr<Value> EvaluateClassExpression(Evaluator&, const syntax::ClassNode&, std::optional<PropertyName> name);

// §B.3.2: Evaluation of a block-level function declaration hoisted to a var
// binding (algorithms/evaluation.cpp).
Completion EvaluateWebCompatFunctionDeclaration(Evaluator&, const syntax::FunctionNode&, WebCompatDeclaration);

// §14 statements (algorithms/statements/*.cpp)
Completion EvaluateBlockStatement(Evaluator&, const syntax::BlockStatement&);
Completion EvaluateVariableStatement(Evaluator&, const syntax::VariableDeclarationList&);
Completion EvaluateLexicalDeclaration(Evaluator&, const syntax::VariableDeclarationList&);
Completion EvaluateIfStatement(Evaluator&, const syntax::IfStatement&);
Completion EvaluateContinueStatement(Evaluator&, const syntax::JumpStatement&);
Completion EvaluateBreakStatement(Evaluator&, const syntax::JumpStatement&);
Completion EvaluateReturnStatement(Evaluator&, const syntax::ArgumentStatement&);
Completion EvaluateWithStatement(Evaluator&, const syntax::WithStatement&);
Completion EvaluateThrowStatement(Evaluator&, const syntax::ArgumentStatement&);
Completion EvaluateTryStatement(Evaluator&, const syntax::TryStatement&);

// §14.7.1.1 LoopContinues ( completion, labelSet )
bool LoopContinues(const Completion& completion, const LabelSet& labelSet);
// §14.7.1.2 LoopEvaluation of an IterationStatement (algorithms/statements/iteration.cpp)
Completion LoopEvaluation(Evaluator&, const syntax::Node& statement, const LabelSet& labelSet);
// §14.12.4 CaseBlockEvaluation's caller: Evaluation of a SwitchStatement
// (algorithms/statements/switch.cpp)
Completion EvaluateSwitchStatement(Evaluator&, const syntax::SwitchStatement&);
// §14.13.4 LabelledEvaluation (algorithms/statements/labelled.cpp)
Completion LabelledEvaluation(Evaluator&, const syntax::Node& statement, LabelSet& labelSet);

// Is the name a label in the set (by code units)?
bool LabelSetContains(const LabelSet&, syntax::Name);

}  // namespace lockstep
