// ECMA-262 §13.2 Primary Expression: literals, array and object
// initializers, regular expression and template literals.
#include "abstract_ops/copy_data_properties.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"
#include "builtins/regexp/regexp.h"
#include "runtime/array_object.h"
#include "runtime/bigint.h"
#include "runtime/error.h"
#include "runtime/number.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

namespace {

// ! ToString(𝔽(index)) as a property key.
PropertyKey IndexKey(Agent& agent, double index)
{
    if (index < 4294967295.0) return PropertyKey::from_array_index(uint32_t(index));
    return PropertyKey::from_string(agent.heap, Number::toString(index));
}

BigInt* BigIntOfLiteral(Agent& agent, const BigIntLiteral& literal)
{
    std::u16string digits(literal.digits.begin(), literal.digits.end());
    BigInt* value = StringToBigInt(agent.heap, digits);
    SPEC_ASSERT(value);
    return value;
}

}  // namespace

ThrowCompletionOr<Value> EvaluateLiteral(Evaluator& e, const Node& n)
{
    SPEC_ALGORITHM("sec-literals-runtime-semantics-evaluation");
    switch (n.kind) {
    case NodeKind::NullLiteral:
        STEP("1");
        return Value::null();
    case NodeKind::BooleanLiteral:
        return Value::boolean(n.as<BooleanLiteral>()->value);
    case NodeKind::NumericLiteral:
        return Value::number(n.as<NumericLiteral>()->value);
    case NodeKind::BigIntLiteral:
        return Value(BigIntOfLiteral(e.agent, *n.as<BigIntLiteral>()));
    default:
        return Value(StringOf(e, n.as<StringLiteral>()->value));
    }
}

ThrowCompletionOr<Value> EvaluateArrayLiteral(Evaluator& e, const ArrayLiteral& literal)
{
    SPEC_ALGORITHM("sec-array-initializer-runtime-semantics-evaluation#3");
    Agent& agent = e.agent;
    STEP("1");
    Object* array = MUST(ArrayCreate(agent, 0));
    STEP("2");
    STEP("3");
    STEP("3.a");
    // ArrayAccumulation of the ElementList (and trailing Elision), element by element.
    double nextIndex = 0;
    for (const Node* element : literal.elements) {
        if (!element) {
            // Elision: the length grows even if no element follows.
            nextIndex += 1;
            TRY(Set(agent, *array, agent.names.length, Value::number(nextIndex), true));
            continue;
        }
        if (element->kind == NodeKind::SpreadElement) {
            // SpreadElement : ... AssignmentExpression
            Value spreadObj = TRY(EvaluateExpression(e, *element->as<UnaryNode>()->operand));
            IteratorRecord iteratorRecord = TRY(GetIterator(agent, spreadObj, IteratorKind::Sync));
            for (;;) {
                std::optional<Value> next = TRY(IteratorStepValue(agent, iteratorRecord));
                if (!next) break;
                MUST(CreateDataPropertyOrThrow(agent, *array, IndexKey(agent, nextIndex), *next));
                nextIndex += 1;
            }
            continue;
        }
        Value initValue = TRY(EvaluateExpression(e, *element));
        MUST(CreateDataPropertyOrThrow(agent, *array, IndexKey(agent, nextIndex), initValue));
        nextIndex += 1;
    }
    STEP("4");
    return Value(array);
}

PropertyKey IdentifierKey(Evaluator& e, const Node& identifierName)
{
    return PropertyKey::from_string(e.agent.heap, identifierName.as<Identifier>()->name);
}

ThrowCompletionOr<PropertyName> EvaluatePropertyKey(Evaluator& e, const Node& key)
{
    Agent& agent = e.agent;
    switch (key.kind) {
    case NodeKind::IdentifierName:
        // §13.2.5.4 LiteralPropertyName : IdentifierName — its StringValue
        return PropertyName(IdentifierKey(e, key));
    case NodeKind::StringLiteral:
        return PropertyName(PropertyKey::from_string(agent.heap, key.as<StringLiteral>()->value));
    case NodeKind::NumericLiteral:
        // LiteralPropertyName : NumericLiteral — ! ToString(nbr)
        return PropertyName(PropertyKey::from_string(agent.heap, Number::toString(key.as<NumericLiteral>()->value)));
    case NodeKind::BigIntLiteral:
        return PropertyName(
            PropertyKey::from_string(agent.heap, BigInt::toString(*BigIntOfLiteral(agent, *key.as<BigIntLiteral>()))));
    case NodeKind::PrivateIdentifier: {
        // §15.7.? ClassElementName : PrivateIdentifier — the Private Name in
        // the running execution context's PrivateEnvironment.
        PrivateEnvironmentRecord* privateEnvRec = agent.running_execution_context().PrivateEnvironment;
        SPEC_ASSERT(privateEnvRec);
        Name description = key.as<Identifier>()->name;
        for (PrivateName* pn : privateEnvRec->Names)
            if (PrivateNameIs(*pn, description)) return PropertyName(pn);
        SPEC_ASSERT(!"a PrivateIdentifier not declared by its class");
        return PropertyName(static_cast<PrivateName*>(nullptr));
    }
    default: {
        // §13.2.5.4 ComputedPropertyName : [ AssignmentExpression ]
        SPEC_ALGORITHM("sec-object-initializer-runtime-semantics-evaluation#6");
        STEP("1");
        STEP("2");
        Value propName = TRY(EvaluateExpression(e, *key.as<UnaryNode>()->operand));
        STEP("3");
        return PropertyName(TRY(ToPropertyKey(agent, propName)));
    }
    }
}

ThrowCompletionOr<Value> EvaluateObjectLiteral(Evaluator& e, const ObjectLiteral& literal)
{
    SPEC_ALGORITHM("sec-object-initializer-runtime-semantics-evaluation#2");
    Agent& agent = e.agent;
    STEP("1");
    Object* obj = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
    STEP("2");
    // PropertyDefinitionEvaluation of each PropertyDefinition (§13.2.5.5).
    for (const Node* node : literal.properties) {
        if (node->kind == NodeKind::SpreadElement) {
            // PropertyDefinition : ... AssignmentExpression
            Value fromValue = TRY(EvaluateExpression(e, *node->as<UnaryNode>()->operand));
            TRY(CopyDataProperties(agent, *obj, fromValue, {}));
            continue;
        }
        const auto& property = *node->as<PropertyDefinition>();
        if (IsMethodKind(property.value->kind)) {
            // PropertyDefinition : MethodDefinition
            TRY(MethodDefinitionEvaluation(e, *property.key, *property.value->as<FunctionNode>(), *obj, true));
            continue;
        }
        if (property.shorthand) {
            // PropertyDefinition : IdentifierReference
            PropertyKey propName = IdentifierKey(e, *property.key);
            Value propValue = TRY(EvaluateExpression(e, *property.value));
            MUST(CreateDataPropertyOrThrow(agent, *obj, propName, propValue));
            continue;
        }
        // PropertyDefinition : PropertyName : AssignmentExpression
        PropertyKey propKey = std::get<PropertyKey>(TRY(EvaluatePropertyKey(e, *property.key)));
        // isProtoSetter: a literal (not computed, not shorthand) __proto__ key.
        bool isProtoSetter = property.key->kind != NodeKind::ComputedPropertyName &&
                             propKey == PropertyKey::from_ascii(agent.heap, "__proto__");
        Value propValue;
        if (IsAnonymousFunctionDefinition(property.value) && !isProtoSetter) {
            propValue = TRY(NamedEvaluation(e, *property.value, PropertyName(propKey)));
        } else {
            propValue = TRY(EvaluateExpression(e, *property.value));
        }
        if (isProtoSetter) {
            if (propValue.is_object() || propValue.is_null())
                MUST(obj->SetPrototypeOf(agent, propValue.is_null() ? nullptr : propValue.as_object()));
            continue;
        }
        MUST(CreateDataPropertyOrThrow(agent, *obj, propKey, propValue));
    }
    STEP("3");
    return Value(obj);
}

ThrowCompletionOr<Value> EvaluateRegularExpressionLiteral(Evaluator& e, const RegularExpressionLiteral& literal)
{
    SPEC_ALGORITHM("sec-regular-expression-literals-runtime-semantics-evaluation");
    STEP("1");  // the body's source text is UTF-16 already
    String* pattern = make_string(e.agent.heap, std::u16string(literal.body));
    STEP("2");
    String* flags = make_string(e.agent.heap, std::u16string(literal.flags));
    STEP("3");  // the parser checked IsValidRegularExpressionLiteral (an early error)
    return Value(MUST(RegExpCreate(e.agent, pattern, flags)));
}

ThrowCompletionOr<Value> EvaluateTemplateLiteral(Evaluator& e, const TemplateLiteral& literal)
{
    // SubstitutionTemplate : TemplateHead Expression TemplateSpans, with the
    // TemplateSpans' substitutions in turn: each one's ToString, then the next TV.
    SPEC_ALGORITHM("sec-template-literals-runtime-semantics-evaluation#2");
    STEP("1");
    std::u16string result(literal.quasis[0].cooked);
    for (size_t i = 0; i < literal.expressions.size(); ++i) {
        STEP("2");
        STEP("3");
        Value sub = TRY(EvaluateExpression(e, *literal.expressions[i]));
        STEP("4");
        String* middle = TRY(ToString(e.agent, sub));
        STEP("5");
        result += middle->view();
        result += literal.quasis[i + 1].cooked;
    }
    STEP("6");
    return Value(make_string(e.agent.heap, std::move(result)));
}

}  // namespace lockstep
