// The Evaluation of each production group, one function per group, defined
// in the file of its spec clause; algorithms/evaluation.cpp dispatches to
// them on the node kind. Not for use outside algorithms/.
#pragma once

#include <vector>

#include "algorithms/evaluator.h"

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

// §13.4-§13.14 (algorithms/operators.cpp)
ThrowCompletionOr<Value> EvaluateUpdateExpression(Evaluator&, const syntax::UpdateExpression&);
ThrowCompletionOr<Value> EvaluateUnaryExpression(Evaluator&, const syntax::UnaryExpression&);
ThrowCompletionOr<Value> EvaluateBinaryExpression(Evaluator&, const syntax::BinaryExpression&);
ThrowCompletionOr<Value> EvaluateLogicalExpression(Evaluator&, const syntax::BinaryExpression&);
ThrowCompletionOr<Value> EvaluateConditionalExpression(Evaluator&, const syntax::ConditionalExpression&);

// §13.15, §13.16 (algorithms/assignment.cpp)
ThrowCompletionOr<Value> EvaluateAssignmentExpression(Evaluator&, const syntax::AssignmentExpression&);
ThrowCompletionOr<Value> EvaluateCommaExpression(Evaluator&, const syntax::CommaExpression&);

// §15.7 (algorithms/classes.cpp)
// The behaviour of a class's default constructor (§15.7.14 step 14.a).
Completion ClassDefaultConstructorBody(Evaluator&, ECMAScriptFunctionObject& F, std::span<const Value> args);
ThrowCompletionOr<Value> EvaluateClassExpression(Evaluator&, const syntax::ClassNode&, std::optional<PropertyName> name);

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
