// ECMA-262 §13.4-§13.14: update, unary, exponentiation, multiplicative,
// additive, shift, relational, equality, bitwise, logical and conditional
// operators.
#include "abstract_ops/object_operations.h"
#include "abstract_ops/operators.h"
#include "abstract_ops/private_elements.h"
#include "abstract_ops/relational_operators.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/productions.h"
#include "runtime/bigint.h"
#include "runtime/error.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

namespace {

NumericOperator NumericOperatorOf(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Exponentiate: return NumericOperator::Exponentiate;
    case BinaryOp::Multiply: return NumericOperator::Multiply;
    case BinaryOp::Divide: return NumericOperator::Divide;
    case BinaryOp::Remainder: return NumericOperator::Remainder;
    case BinaryOp::Add: return NumericOperator::Add;
    case BinaryOp::Subtract: return NumericOperator::Subtract;
    case BinaryOp::LeftShift: return NumericOperator::LeftShift;
    case BinaryOp::SignedRightShift: return NumericOperator::SignedRightShift;
    case BinaryOp::UnsignedRightShift: return NumericOperator::UnsignedRightShift;
    case BinaryOp::BitwiseAnd: return NumericOperator::BitwiseAND;
    case BinaryOp::BitwiseXor: return NumericOperator::BitwiseXOR;
    default: return NumericOperator::BitwiseOR;
    }
}

}  // namespace

ThrowCompletionOr<Value> EvaluateUpdateExpression(Evaluator& e, const UpdateExpression& n)
{
    // §13.4.2-§13.4.5: postfix and prefix increment and decrement.
    SPEC_ALGORITHM("sec-postfix-increment-operator-runtime-semantics-evaluation");
    Agent& agent = e.agent;
    STEP("1");
    ReferenceRecord lhs = TRY(EvaluateAssignmentTarget(e, *n.operand));
    STEP("2");
    Value oldValue = TRY(ToNumeric(agent, TRY(GetValue(agent, lhs))));
    Value newValue;
    STEP("3");
    if (oldValue.is_number()) {
        STEP("3.a");
        newValue = Value::number(oldValue.as_number() + (n.op == UpdateOp::Increment ? 1 : -1));
    } else {
        STEP("4");
        STEP("4.a");
        STEP("4.b");
        BigInt* one = BigInt::create(agent.heap, 1);
        newValue = n.op == UpdateOp::Increment ? BigInt::add(agent.heap, *oldValue.as_bigint(), *one)
                                               : BigInt::subtract(agent.heap, *oldValue.as_bigint(), *one);
    }
    STEP("5");
    TRY(PutValue(agent, lhs, newValue));
    STEP("6");
    return n.prefix ? newValue : oldValue;
}

ThrowCompletionOr<Value> EvaluateUnaryExpression(Evaluator& e, const UnaryExpression& n)
{
    Agent& agent = e.agent;
    switch (n.op) {
    case UnaryOp::Delete: {
        SPEC_ALGORITHM("sec-delete-operator-runtime-semantics-evaluation");
        STEP("1");
        ReferenceOrValue ref = TRY(EvaluateReferenceOrValue(e, *n.operand));
        STEP("2");
        if (!ref.is_reference) return Value::boolean(true);
        ReferenceRecord& reference = ref.reference;
        STEP("3");
        if (IsUnresolvableReference(reference)) {
            STEP("3.a");
            SPEC_ASSERT(!reference.Strict);
            STEP("3.b");
            return Value::boolean(true);
        }
        STEP("4");
        if (IsPropertyReference(reference)) {
            STEP("4.a");
            SPEC_ASSERT(!IsPrivateReference(reference));
            STEP("4.b");
            if (IsSuperReference(reference))
                return throw_error(agent, ErrorType::ReferenceError, "cannot delete a super property");
            STEP("4.c");
            Object* baseObj = TRY(ToObject(agent, reference.base_value));
            STEP("4.d");
            if (!reference.key_is_set) {
                STEP("4.d.i");
                reference.key = TRY(ToPropertyKey(agent, reference.name_value));
            }
            STEP("4.e");
            bool deleteStatus = TRY(baseObj->Delete(agent, reference.key));
            STEP("4.f");
            if (!deleteStatus && reference.Strict) return throw_type_error(agent, "cannot delete property");
            STEP("4.g");
            return Value::boolean(deleteStatus);
        }
        STEP("5");
        STEP("5.a");
        EnvironmentRecord* base = reference.base_env;
        STEP("5.b");
        SPEC_ASSERT(base);
        STEP("5.c");
        return Value::boolean(TRY(base->DeleteBinding(agent, reference.name)));
    }
    case UnaryOp::Void: {
        SPEC_ALGORITHM("sec-void-operator-runtime-semantics-evaluation");
        STEP("1");
        STEP("2");
        TRY(EvaluateExpression(e, *n.operand));
        STEP("3");
        return Value::undefined();
    }
    case UnaryOp::Typeof: {
        SPEC_ALGORITHM("sec-typeof-operator-runtime-semantics-evaluation");
        STEP("1");
        ReferenceOrValue val = TRY(EvaluateReferenceOrValue(e, *n.operand));
        STEP("2");
        if (val.is_reference) {
            STEP("2.a");
            if (IsUnresolvableReference(val.reference)) return Value(agent.heap.intern_ascii("undefined"));
        }
        STEP("3");
        Value value = TRY(GetValue(agent, val));
        STEP("4-14");
        const char* type = "object";
        switch (value.type()) {
        case Type::Undefined: type = "undefined"; break;
        case Type::Null: type = "object"; break;
        case Type::String: type = "string"; break;
        case Type::Symbol: type = "symbol"; break;
        case Type::Boolean: type = "boolean"; break;
        case Type::Number: type = "number"; break;
        case Type::BigInt: type = "bigint"; break;
        case Type::Object: type = value.as_object()->has_call() ? "function" : "object"; break;
        }
        return Value(agent.heap.intern_ascii(type));
    }
    case UnaryOp::Plus: {
        SPEC_ALGORITHM("sec-unary-plus-operator-runtime-semantics-evaluation");
        STEP("1");
        Value expr = TRY(EvaluateExpression(e, *n.operand));
        STEP("2");
        return Value::number(TRY(ToNumber(agent, expr)));
    }
    case UnaryOp::Minus: {
        SPEC_ALGORITHM("sec-unary-minus-operator-runtime-semantics-evaluation");
        STEP("1");
        STEP("2");
        Value oldValue = TRY(ToNumeric(agent, TRY(EvaluateExpression(e, *n.operand))));
        STEP("3");
        if (oldValue.is_number()) {
            STEP("3.a");
            return Value::number(-oldValue.as_number());
        }
        STEP("4");
        STEP("4.a");
        STEP("4.b");
        return Value(BigInt::unaryMinus(agent.heap, *oldValue.as_bigint()));
    }
    case UnaryOp::BitwiseNot: {
        SPEC_ALGORITHM("sec-bitwise-not-operator-runtime-semantics-evaluation");
        STEP("1");
        STEP("2");
        Value oldValue = TRY(ToNumeric(agent, TRY(EvaluateExpression(e, *n.operand))));
        STEP("3");
        if (oldValue.is_number()) {
            STEP("3.a");
            return Value::number(Number::bitwiseNOT(oldValue.as_number()));
        }
        STEP("4");
        STEP("4.a");
        STEP("4.b");
        return Value(BigInt::bitwiseNOT(agent.heap, *oldValue.as_bigint()));
    }
    case UnaryOp::LogicalNot: {
        SPEC_ALGORITHM("sec-logical-not-operator-runtime-semantics-evaluation");
        STEP("1");
        STEP("2");
        bool oldValue = ToBoolean(TRY(EvaluateExpression(e, *n.operand)));
        STEP("3");
        STEP("4");
        return Value::boolean(!oldValue);
    }
    }
    return Value::undefined();
}

ThrowCompletionOr<Value> EvaluateBinaryExpression(Evaluator& e, const BinaryExpression& n)
{
    Agent& agent = e.agent;
    if (n.left->kind == NodeKind::PrivateIdentifier) {
        // §13.10.1 RelationalExpression : PrivateIdentifier in ShiftExpression
        SPEC_ALGORITHM("sec-relational-operators-runtime-semantics-evaluation#7");
        STEP("1");
        Name privateIdentifier = n.left->as<Identifier>()->name;
        STEP("2");
        STEP("3");
        Value rval = TRY(EvaluateExpression(e, *n.right));
        STEP("4");
        if (!rval.is_object()) return throw_type_error(agent, "right-hand side of 'in' is not an object");
        STEP("5");
        PrivateEnvironmentRecord* privateEnv = agent.running_execution_context().PrivateEnvironment;
        STEP("6");
        SPEC_ASSERT(privateEnv);
        STEP("7");
        PrivateName* privateName = ResolvePrivateIdentifier(*privateEnv, privateIdentifier);
        STEP("8");
        if (PrivateElementFind(*rval.as_object(), *privateName)) return Value::boolean(true);
        STEP("9");
        return Value::boolean(false);
    }
    // §13.15.4 EvaluateStringOrNumericBinaryExpression and the relational
    // and equality productions share steps 1-4: both operands' values, left first.
    Value lval = TRY(EvaluateExpression(e, *n.left));
    Value rval = TRY(EvaluateExpression(e, *n.right));
    switch (n.op) {
    case BinaryOp::LessThan: {
        auto r = TRY(IsLessThan(agent, lval, rval, true));
        return Value::boolean(r == LessThanResult::True);
    }
    case BinaryOp::GreaterThan: {
        auto r = TRY(IsLessThan(agent, rval, lval, false));
        return Value::boolean(r == LessThanResult::True);
    }
    case BinaryOp::LessThanOrEqual: {
        auto r = TRY(IsLessThan(agent, rval, lval, false));
        return Value::boolean(r == LessThanResult::False);
    }
    case BinaryOp::GreaterThanOrEqual: {
        auto r = TRY(IsLessThan(agent, lval, rval, true));
        return Value::boolean(r == LessThanResult::False);
    }
    case BinaryOp::Instanceof:
        return Value::boolean(TRY(InstanceofOperator(agent, lval, rval)));
    case BinaryOp::In:
        if (!rval.is_object()) return throw_type_error(agent, "right-hand side of 'in' is not an object");
        return Value::boolean(TRY(HasProperty(agent, *rval.as_object(), TRY(ToPropertyKey(agent, lval)))));
    case BinaryOp::Equal:
        return Value::boolean(TRY(IsLooselyEqual(agent, rval, lval)));
    case BinaryOp::NotEqual:
        return Value::boolean(!TRY(IsLooselyEqual(agent, rval, lval)));
    case BinaryOp::StrictEqual:
        return Value::boolean(IsStrictlyEqual(rval, lval));
    case BinaryOp::StrictNotEqual:
        return Value::boolean(!IsStrictlyEqual(rval, lval));
    default:
        return ApplyStringOrNumericBinaryOperator(agent, lval, NumericOperatorOf(n.op), rval);
    }
}

ThrowCompletionOr<Value> EvaluateLogicalExpression(Evaluator& e, const BinaryExpression& n)
{
    // §13.13.1 Binary Logical Operators
    SPEC_ALGORITHM("sec-binary-logical-operators-runtime-semantics-evaluation");
    STEP("1");
    STEP("2");
    Value lval = TRY(EvaluateExpression(e, *n.left));
    switch (n.op) {
    case BinaryOp::LogicalAnd:
        if (!ToBoolean(lval)) return lval;
        break;
    case BinaryOp::LogicalOr:
        if (ToBoolean(lval)) return lval;
        break;
    default:  // ??
        if (!lval.is_nullish()) return lval;
        break;
    }
    STEP("3");
    STEP("4");
    STEP("5");
    return EvaluateExpression(e, *n.right);
}

ThrowCompletionOr<Value> EvaluateConditionalExpression(Evaluator& e, const ConditionalExpression& n)
{
    SPEC_ALGORITHM("sec-conditional-operator-runtime-semantics-evaluation");
    STEP("1");
    STEP("2");
    bool lval = ToBoolean(TRY(EvaluateExpression(e, *n.test)));
    STEP("3");
    if (lval) {
        STEP("3.a");
        STEP("3.b");
        return EvaluateExpression(e, *n.consequent);
    }
    STEP("4");
    STEP("4.a");
    STEP("4.b");
    return EvaluateExpression(e, *n.alternate);
}

}  // namespace lockstep
