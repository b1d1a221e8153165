// ECMA-262 §13.15 Assignment Operators (with §13.15.5 Destructuring
// Assignment) and §13.16 Comma Operator.
#include "abstract_ops/copy_data_properties.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/operators.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"
#include "runtime/array_object.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

namespace {

bool IsAssignmentPattern(const Node& n)
{
    return n.kind == NodeKind::ObjectAssignmentPattern || n.kind == NodeKind::ArrayAssignmentPattern;
}

NumericOperator NumericOperatorOf(AssignmentOp op)
{
    switch (op) {
    case AssignmentOp::Exponentiate: return NumericOperator::Exponentiate;
    case AssignmentOp::Multiply: return NumericOperator::Multiply;
    case AssignmentOp::Divide: return NumericOperator::Divide;
    case AssignmentOp::Remainder: return NumericOperator::Remainder;
    case AssignmentOp::Add: return NumericOperator::Add;
    case AssignmentOp::Subtract: return NumericOperator::Subtract;
    case AssignmentOp::LeftShift: return NumericOperator::LeftShift;
    case AssignmentOp::SignedRightShift: return NumericOperator::SignedRightShift;
    case AssignmentOp::UnsignedRightShift: return NumericOperator::UnsignedRightShift;
    case AssignmentOp::BitwiseAnd: return NumericOperator::BitwiseAND;
    case AssignmentOp::BitwiseXor: return NumericOperator::BitwiseXOR;
    default: return NumericOperator::BitwiseOR;
    }
}

// The value for `target = initializer`-like forms: NamedEvaluation when the
// initializer is an anonymous function and the target an identifier.
ThrowCompletionOr<Value> EvaluateNamedIfAnonymous(Evaluator& e, const Node& target, const Node& initializer)
{
    if (IsAnonymousFunctionDefinition(&initializer) && IsIdentifierRef(&target))
        return NamedEvaluation(e, initializer, PropertyName(IdentifierKey(e, target)));
    return EvaluateExpression(e, initializer);
}

// §13.15.5.6 KeyedDestructuringAssignmentEvaluation ( value, propertyName )
ThrowCompletionOr<void> KeyedDestructuringAssignmentEvaluation(Evaluator& e, const PatternElement& element,
                                                               Value value, PropertyKey propertyName)
{
    SPEC_ALGORITHM("sec-runtime-semantics-keyeddestructuringassignmentevaluation");
    const Node& target = *element.target;
    ReferenceRecord lref;
    STEP("1");
    if (!IsAssignmentPattern(target)) {
        STEP("1.a");
        lref = TRY(EvaluateAssignmentTarget(e, target));
    }
    STEP("2");
    Value v = TRY(GetV(e.agent, value, propertyName));
    Value rhsValue;
    STEP("3");
    if (element.initializer && v.is_undefined()) {
        STEP("3.a");
        if (IsAnonymousFunctionDefinition(element.initializer) && IsIdentifierRef(&target)) {
            STEP("3.a.i");
            STEP("3.a.ii");
            rhsValue = TRY(NamedEvaluation(e, *element.initializer, PropertyName(IdentifierKey(e, target))));
        } else {
            STEP("3.b");
            STEP("3.b.i");
            STEP("3.b.ii");
            rhsValue = TRY(EvaluateExpression(e, *element.initializer));
        }
    } else {
        STEP("4");
        STEP("4.a");
        rhsValue = v;
    }
    STEP("5");
    if (IsAssignmentPattern(target)) {
        STEP("5.a");
        STEP("5.b");
        return DestructuringAssignmentEvaluation(e, target, rhsValue);
    }
    STEP("6");
    return PutValue(e.agent, lref, rhsValue);
}

ThrowCompletionOr<void> ObjectDestructuring(Evaluator& e, const ObjectPattern& pattern, Value value)
{
    SPEC_ALGORITHM("sec-runtime-semantics-destructuringassignmentevaluation#3");
    Agent& agent = e.agent;
    STEP("1");
    TRY(RequireObjectCoercible(agent, value));
    STEP("2");
    // PropertyDestructuringAssignmentEvaluation (§13.15.5.3) of each property.
    lockstep::List<PropertyKey> excludedNames;
    for (const PatternProperty* property : pattern.properties) {
        if (property->shorthand) {
            // AssignmentProperty : IdentifierReference Initializer?
            const Node& identifier = *property->value->target;
            Name P = identifier.as<Identifier>()->name;
            PropertyKey key = PropertyKey::from_string(agent.heap, P);
            ReferenceRecord lref = TRY(ResolveBinding(agent, P, e.strict));
            Value v = TRY(GetV(agent, value, key));
            if (property->value->initializer && v.is_undefined()) {
                if (IsAnonymousFunctionDefinition(property->value->initializer))
                    v = TRY(NamedEvaluation(e, *property->value->initializer, PropertyName(key)));
                else
                    v = TRY(EvaluateExpression(e, *property->value->initializer));
            }
            TRY(PutValue(agent, lref, v));
            excludedNames.append(key);
            continue;
        }
        // AssignmentProperty : PropertyName : AssignmentElement
        PropertyKey name = std::get<PropertyKey>(TRY(EvaluatePropertyKey(e, *property->key)));
        TRY(KeyedDestructuringAssignmentEvaluation(e, *property->value, value, name));
        excludedNames.append(name);
    }
    if (pattern.rest) {
        // §13.15.5.4 RestDestructuringAssignmentEvaluation
        SPEC_ALGORITHM("sec-runtime-semantics-restdestructuringassignmentevaluation");
        STEP("1");
        ReferenceRecord lref = TRY(EvaluateAssignmentTarget(e, *pattern.rest));
        STEP("2");
        Object* restObj = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
        STEP("3");
        TRY(CopyDataProperties(agent, *restObj, value, excludedNames.items()));
        STEP("4");
        TRY(PutValue(agent, lref, restObj));
    }
    STEP("3");
    return {};
}

// §13.15.5.5 IteratorDestructuringAssignmentEvaluation of the pattern's
// elements and rest element.
Completion IteratorDestructuringAssignmentEvaluation(Evaluator& e, const ArrayPattern& pattern,
                                                     IteratorRecord& iteratorRecord)
{
    Agent& agent = e.agent;
    for (const PatternElement* element : pattern.elements) {
        if (!element) {
            // Elision : ,
            SPEC_ALGORITHM("sec-runtime-semantics-iteratordestructuringassignmentevaluation#5");
            STEP("1");
            if (!iteratorRecord.Done) {
                STEP("1.a");
                Object* next = TRY(IteratorStep(agent, iteratorRecord));
                if (!next) iteratorRecord.Done = true;
            }
            STEP("2");
            continue;
        }
        // AssignmentElement : DestructuringAssignmentTarget Initializer?
        const Node& target = *element->target;
        ReferenceRecord lref;
        if (!IsAssignmentPattern(target)) lref = TRY(EvaluateAssignmentTarget(e, target));
        Value value = Value::undefined();
        if (!iteratorRecord.Done) {
            std::optional<Value> next = TRY(IteratorStepValue(agent, iteratorRecord));
            if (!next) iteratorRecord.Done = true;
            else value = *next;
        }
        Value v;
        if (element->initializer && value.is_undefined()) v = TRY(EvaluateNamedIfAnonymous(e, target, *element->initializer));
        else v = value;
        if (IsAssignmentPattern(target)) TRY(DestructuringAssignmentEvaluation(e, target, v));
        else TRY(PutValue(agent, lref, v));
    }
    if (pattern.rest) {
        // AssignmentRestElement : ... DestructuringAssignmentTarget
        const Node& target = *pattern.rest;
        ReferenceRecord lref;
        if (!IsAssignmentPattern(target)) lref = TRY(EvaluateAssignmentTarget(e, target));
        Object* A = MUST(ArrayCreate(agent, 0));
        uint32_t n = 0;
        while (!iteratorRecord.Done) {
            std::optional<Value> next = TRY(IteratorStepValue(agent, iteratorRecord));
            if (!next) {
                iteratorRecord.Done = true;
            } else {
                MUST(CreateDataPropertyOrThrow(agent, *A, PropertyKey::from_array_index(n), *next));
                ++n;
            }
        }
        if (IsAssignmentPattern(target)) TRY(DestructuringAssignmentEvaluation(e, target, A));
        else TRY(PutValue(agent, lref, A));
    }
    return Completion();
}

}  // namespace

ThrowCompletionOr<ReferenceRecord> EvaluateAssignmentTarget(Evaluator& e, const Node& target)
{
    if (YieldsReference(target)) return EvaluateReference(e, target);
    // A call expression target (web-compat, sloppy code, §B.3.6) is
    // evaluated, then PutValue step 1 throws.
    TRY(EvaluateExpression(e, target));
    return throw_error(e.agent, ErrorType::ReferenceError, "invalid assignment target");
}

ThrowCompletionOr<void> DestructuringAssignmentEvaluation(Evaluator& e, const Node& pattern, Value value)
{
    if (e.agent.heap.native_stack_exhausted()) [[unlikely]]
        return throw_stack_overflow(e.agent);
    if (pattern.kind == NodeKind::ObjectAssignmentPattern) return ObjectDestructuring(e, *pattern.as<ObjectPattern>(), value);
    // ArrayAssignmentPattern
    SPEC_ALGORITHM("sec-runtime-semantics-destructuringassignmentevaluation#4");
    STEP("1");
    IteratorRecord iteratorRecord = TRY(GetIterator(e.agent, value, IteratorKind::Sync));
    STEP("2");
    Completion result = IteratorDestructuringAssignmentEvaluation(e, *pattern.as<ArrayPattern>(), iteratorRecord);
    STEP("3");
    if (!iteratorRecord.Done) result = IteratorClose<Completion>(e.agent, iteratorRecord, WithReturnInFlight(e.agent, result));
    if (result.is_abrupt()) return ExpressionCompletion(e.agent, result).release_error();
    return {};
}

ThrowCompletionOr<Value> EvaluateAssignmentExpression(Evaluator& e, const AssignmentExpression& n)
{
    Agent& agent = e.agent;
    const Node& target = *n.target;
    switch (n.op) {
    case AssignmentOp::Assign: {
        SPEC_ALGORITHM("sec-assignment-operators-runtime-semantics-evaluation");
        STEP("1");
        if (!IsAssignmentPattern(target)) {
            STEP("1.a");
            ReferenceRecord lref = TRY(EvaluateAssignmentTarget(e, target));
            Value rval;
            STEP("1.b");
            if (IsAnonymousFunctionDefinition(n.value) && IsIdentifierRef(&target)) {
                STEP("1.b.i");
                STEP("1.b.ii");
                rval = TRY(NamedEvaluation(e, *n.value, PropertyName(IdentifierKey(e, target))));
            } else {
                STEP("1.c");
                STEP("1.c.i");
                STEP("1.c.ii");
                rval = TRY(EvaluateExpression(e, *n.value));
            }
            STEP("1.d");
            TRY(PutValue(agent, lref, rval));
            STEP("1.e");
            return rval;
        }
        STEP("2");
        STEP("3");
        STEP("4");
        Value rval = TRY(EvaluateExpression(e, *n.value));
        STEP("5");
        TRY(DestructuringAssignmentEvaluation(e, target, rval));
        STEP("6");
        return rval;
    }
    case AssignmentOp::LogicalAnd:
    case AssignmentOp::LogicalOr:
    case AssignmentOp::Coalesce: {
        SPEC_ALGORITHM("sec-assignment-operators-runtime-semantics-evaluation#3");
        STEP("1");
        ReferenceRecord lref = TRY(EvaluateAssignmentTarget(e, target));
        STEP("2");
        Value lval = TRY(GetValue(agent, lref));
        STEP("3");
        if (n.op == AssignmentOp::LogicalAnd && !ToBoolean(lval)) return lval;
        if (n.op == AssignmentOp::LogicalOr && ToBoolean(lval)) return lval;
        if (n.op == AssignmentOp::Coalesce && !lval.is_nullish()) return lval;
        Value rval;
        STEP("4");
        if (IsAnonymousFunctionDefinition(n.value) && IsIdentifierRef(&target)) {
            STEP("4.a");
            STEP("4.b");
            rval = TRY(NamedEvaluation(e, *n.value, PropertyName(IdentifierKey(e, target))));
        } else {
            STEP("5");
            STEP("5.a");
            STEP("5.b");
            rval = TRY(EvaluateExpression(e, *n.value));
        }
        STEP("6");
        TRY(PutValue(agent, lref, rval));
        STEP("7");
        return rval;
    }
    default: {
        SPEC_ALGORITHM("sec-assignment-operators-runtime-semantics-evaluation#2");
        STEP("1");
        ReferenceRecord lref = TRY(EvaluateAssignmentTarget(e, target));
        STEP("2");
        Value lval = TRY(GetValue(agent, lref));
        STEP("3");
        STEP("4");
        Value rval = TRY(EvaluateExpression(e, *n.value));
        STEP("5");
        STEP("6");
        Value r = TRY(ApplyStringOrNumericBinaryOperator(agent, lval, NumericOperatorOf(n.op), rval));
        STEP("7");
        TRY(PutValue(agent, lref, r));
        STEP("8");
        STEP("9");
        return r;
    }
    }
}

ThrowCompletionOr<Value> EvaluateCommaExpression(Evaluator& e, const CommaExpression& n)
{
    SPEC_ALGORITHM("sec-comma-operator-runtime-semantics-evaluation");
    Value result = Value::undefined();
    for (const Node* expression : n.expressions) {
        STEP("1");
        STEP("2");
        STEP("3");
        STEP("4");
        result = TRY(EvaluateExpression(e, *expression));
    }
    return result;
}

}  // namespace lockstep
