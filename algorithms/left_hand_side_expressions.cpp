// ECMA-262 §13.3 Left-Hand-Side Expressions: property accessors, `new`,
// calls, `super`, argument lists, optional chains, tagged templates.
#include "abstract_ops/object_operations.h"
#include "abstract_ops/private_elements.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/eval.h"
#include "algorithms/productions.h"
#include "runtime/array_object.h"
#include "runtime/error.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

namespace {

// §13.3.3 EvaluatePropertyAccessWithExpressionKey ( baseValue, expression, strict )
ThrowCompletionOr<ReferenceRecord> EvaluatePropertyAccessWithExpressionKey(Evaluator& e, Value baseValue,
                                                                           const Node& expression, bool strict)
{
    SPEC_ALGORITHM("sec-evaluate-property-access-with-expression-key");
    STEP("1");
    STEP("2");
    Value propertyNameValue = TRY(EvaluateExpression(e, expression));
    STEP("3");  // ToPropertyKey happens in GetValue / PutValue
    STEP("4");
    // A Number or String name is converted now: the conversion cannot be observed.
    if (propertyNameValue.is_string() || propertyNameValue.is_symbol())
        return ReferenceRecord::property(baseValue, MUST(ToPropertyKey(e.agent, propertyNameValue)), strict);
    if (propertyNameValue.is_number()) {
        double d = propertyNameValue.as_number();
        if (d >= 0 && d < 4294967295.0 && d == double(uint32_t(d)))
            return ReferenceRecord::property(baseValue, PropertyKey::from_array_index(uint32_t(d)), strict);
    }
    return ReferenceRecord::property_with_value_name(baseValue, propertyNameValue, strict);
}

// §13.3.4 EvaluatePropertyAccessWithIdentifierKey ( baseValue, identifierName, strict )
ReferenceRecord EvaluatePropertyAccessWithIdentifierKey(Evaluator& e, Value baseValue, const Node& identifierName,
                                                        bool strict)
{
    SPEC_ALGORITHM("sec-evaluate-property-access-with-identifier-key");
    STEP("1");
    PropertyKey propertyNameString = IdentifierKey(e, identifierName);
    STEP("2");
    return ReferenceRecord::property(baseValue, propertyNameString, strict);
}

// §13.3.7.3 MakeSuperPropertyReference ( actualThis, propertyKey, strict ):
// propertyKey is a property key, or the value ToPropertyKey will convert
// when the reference is used (super[b] = c converts b after evaluating c).
ReferenceRecord MakeSuperPropertyReference(Evaluator& e, Value actualThis, const ReferenceRecord& name, bool strict)
{
    SPEC_ALGORITHM("sec-makesuperpropertyreference");
    STEP("1");
    EnvironmentRecord& env = GetThisEnvironment(e.agent);
    STEP("2");
    SPEC_ASSERT(env.HasSuperBinding());
    STEP("3");
    SPEC_ASSERT(env.kind() == EnvironmentRecord::Kind::Function);
    STEP("4");
    Value baseValue = GetSuperBase(e.agent, static_cast<FunctionEnvironmentRecord&>(env));
    STEP("5");
    ReferenceRecord reference = name;
    reference.base_kind = ReferenceRecord::BaseKind::Value;
    reference.base_value = baseValue;
    reference.Strict = strict;
    reference.ThisValue = actualThis;
    return reference;
}

// §13.3.7.2 GetSuperConstructor ( )
Object* GetSuperConstructor(Evaluator& e)
{
    SPEC_ALGORITHM("sec-getsuperconstructor");
    STEP("1");
    auto& envRec = static_cast<FunctionEnvironmentRecord&>(GetThisEnvironment(e.agent));
    STEP("2");
    SPEC_ASSERT(envRec.kind() == EnvironmentRecord::Kind::Function);
    STEP("3");
    Object* activeFunction = envRec.FunctionObject;
    STEP("4");
    STEP("5");
    Object* superConstructor = MUST(activeFunction->GetPrototypeOf(e.agent));
    STEP("6");
    return superConstructor;
}

// §13.2.8.4 GetTemplateObject ( templateLiteral )
Object* GetTemplateObject(Evaluator& e, const TemplateLiteral& templateLiteral)
{
    SPEC_ALGORITHM("sec-gettemplateobject");
    Agent& agent = e.agent;
    STEP("1");
    Realm& realm = *agent.current_realm();
    STEP("2");
    STEP("3");
    for (const Realm::TemplateMapEntry& entry : realm.TemplateMap) {
        STEP("3.a");
        if (entry.Site.get() == &templateLiteral) {
            STEP("3.a.i");
            return entry.Array;
        }
    }
    STEP("4");
    STEP("5");
    STEP("6");
    STEP("7");
    size_t count = templateLiteral.quasis.size();
    STEP("8");
    STEP("9");
    Root<Object*> templateObject(MUST(ArrayCreate(agent, double(count))));
    STEP("10");
    Root<Object*> rawObj(MUST(ArrayCreate(agent, double(count))));
    STEP("11");
    STEP("12");
    for (size_t index = 0; index < count; ++index) {
        const TemplateElement& quasi = templateLiteral.quasis[index];
        STEP("12.a");
        PropertyKey prop = PropertyKey::from_array_index(uint32_t(index));
        STEP("12.b");
        Value cookedValue = quasi.has_cooked ? Value(make_string(agent.heap, std::u16string(quasi.cooked)))
                                             : Value::undefined();
        STEP("12.c");
        MUST(DefinePropertyOrThrow(agent, *templateObject, prop,
                                   PropertyDescriptor{.value = cookedValue, .writable = false, .enumerable = true,
                                                      .configurable = false}));
        STEP("12.d");
        Value rawValue = make_string(agent.heap, std::u16string(quasi.raw));
        STEP("12.e");
        MUST(DefinePropertyOrThrow(agent, *rawObj, prop,
                                   PropertyDescriptor{.value = rawValue, .writable = false, .enumerable = true,
                                                      .configurable = false}));
        STEP("12.f");
    }
    STEP("13");
    MUST(SetIntegrityLevel(agent, *rawObj, IntegrityLevel::Frozen));
    STEP("14");
    MUST(DefinePropertyOrThrow(agent, *templateObject, agent.key("raw"),
                               PropertyDescriptor{.value = Value(rawObj.get()), .writable = false,
                                                  .enumerable = false, .configurable = false}));
    STEP("15");
    MUST(SetIntegrityLevel(agent, *templateObject, IntegrityLevel::Frozen));
    STEP("16");
    // The entry keeps e.unit, the parse tree templateLiteral belongs to, alive.
    realm.TemplateMap.push_back(
        Realm::TemplateMapEntry{std::shared_ptr<const void>(e.unit, &templateLiteral), templateObject});
    STEP("17");
    return templateObject;
}

}  // namespace

ThrowCompletionOr<ReferenceOrValue> EvaluateReferenceOrValue(Evaluator& e, const Node& expression)
{
    const Node* n = &expression;
    while (n->kind == NodeKind::ParenthesizedExpression) n = n->as<UnaryNode>()->operand;
    if (n->kind == NodeKind::OptionalExpression) return EvaluateOptionalExpression(e, *n->as<OptionalExpression>());
    if (YieldsReference(*n)) return ReferenceOrValue{true, TRY(EvaluateReference(e, *n)), Value::undefined()};
    return ReferenceOrValue{false, {}, TRY(EvaluateExpression(e, *n))};
}

ThrowCompletionOr<Value> GetValue(Agent& agent, ReferenceOrValue& v)
{
    if (!v.is_reference) return v.value;
    return GetValue(agent, v.reference);
}

ThrowCompletionOr<ReferenceRecord> EvaluateMemberExpression(Evaluator& e, const MemberExpression& n)
{
    SPEC_ALGORITHM("sec-property-accessors-runtime-semantics-evaluation");
    STEP("1");
    STEP("2");
    Value baseValue = TRY(EvaluateExpression(e, *n.object));
    STEP("3");
    STEP("4");
    if (n.computed) {
        // MemberExpression : MemberExpression [ Expression ]
        return EvaluatePropertyAccessWithExpressionKey(e, baseValue, *n.property, e.strict);
    }
    if (n.property->kind == NodeKind::PrivateIdentifier) {
        // MemberExpression : MemberExpression . PrivateIdentifier
        return MakePrivateReference(e.agent, baseValue, n.property->as<Identifier>()->name);
    }
    // MemberExpression : MemberExpression . IdentifierName
    return EvaluatePropertyAccessWithIdentifierKey(e, baseValue, *n.property, e.strict);
}

ThrowCompletionOr<ReferenceRecord> EvaluateSuperProperty(Evaluator& e, const MemberExpression& n)
{
    if (n.computed) {
        // SuperProperty : super [ Expression ]
        SPEC_ALGORITHM("sec-super-keyword-runtime-semantics-evaluation");
        STEP("1");
        EnvironmentRecord& env = GetThisEnvironment(e.agent);
        STEP("2");
        Value actualThis = TRY(env.GetThisBinding(e.agent));
        STEP("3");
        STEP("4");
        Value propertyNameValue = TRY(EvaluateExpression(e, *n.property));
        STEP("5");
        STEP("6");
        STEP("7");
        return MakeSuperPropertyReference(
            e, actualThis, ReferenceRecord::property_with_value_name(Value::undefined(), propertyNameValue, e.strict),
            e.strict);
    }
    // SuperProperty : super . IdentifierName
    SPEC_ALGORITHM("sec-super-keyword-runtime-semantics-evaluation#2");
    STEP("1");
    EnvironmentRecord& env = GetThisEnvironment(e.agent);
    STEP("2");
    Value actualThis = TRY(env.GetThisBinding(e.agent));
    STEP("3");
    PropertyKey propertyKey = IdentifierKey(e, *n.property);
    STEP("4");
    STEP("5");
    return MakeSuperPropertyReference(e, actualThis, ReferenceRecord::property(Value::undefined(), propertyKey, e.strict),
                                      e.strict);
}

ThrowCompletionOr<lockstep::List<Value>> ArgumentListEvaluation(Evaluator& e, NodeList arguments)
{
    SPEC_ALGORITHM("sec-runtime-semantics-argumentlistevaluation#5");
    lockstep::List<Value> list;
    list.items().reserve(arguments.size());
    for (const Node* argument : arguments) {
        if (argument->kind == NodeKind::SpreadElement) {
            // ArgumentList : ArgumentList , ... AssignmentExpression
            STEP("1");
            STEP("2");
            STEP("3");
            Value spreadObj = TRY(EvaluateExpression(e, *argument->as<UnaryNode>()->operand));
            IteratorRecord iteratorRecord = TRY(GetIterator(e.agent, spreadObj, IteratorKind::Sync));
            STEP("4");
            for (;;) {
                STEP("4.a");
                std::optional<Value> next = TRY(IteratorStepValue(e.agent, iteratorRecord));
                STEP("4.b");
                if (!next) break;
                STEP("4.c");
                list.append(*next);
            }
            continue;
        }
        // ArgumentList : ArgumentList , AssignmentExpression
        list.append(TRY(EvaluateExpression(e, *argument)));
    }
    return list;
}

ThrowCompletionOr<lockstep::List<Value>> ArgumentListEvaluation(Evaluator& e, const CallArguments& arguments)
{
    if (!arguments.templateLiteral) return ArgumentListEvaluation(e, arguments.list);
    // TemplateLiteral : SubstitutionTemplate (or NoSubstitutionTemplate)
    SPEC_ALGORITHM("sec-runtime-semantics-argumentlistevaluation#7");
    STEP("1");
    const TemplateLiteral& templateLiteral = *arguments.templateLiteral;
    STEP("2");
    Object* siteObj = GetTemplateObject(e, templateLiteral);
    STEP("3");
    lockstep::List<Value> list;
    list.append(siteObj);
    for (const Node* substitution : templateLiteral.expressions) list.append(TRY(EvaluateExpression(e, *substitution)));
    STEP("4");
    return list;
}

ThrowCompletionOr<Value> EvaluateCall(Evaluator& e, Value func, const ReferenceRecord* ref,
                                      const CallArguments& arguments, bool tailPosition)
{
    SPEC_ALGORITHM("sec-evaluatecall");
    Value thisValue;
    STEP("1");
    if (ref) {
        STEP("1.a");
        if (IsPropertyReference(*ref)) {
            STEP("1.a.i");
            thisValue = GetThisValue(*ref);
        } else {
            STEP("1.b");
            STEP("1.b.i");
            EnvironmentRecord* refEnv = ref->base_env;
            STEP("1.b.ii");
            SPEC_ASSERT(refEnv);
            STEP("1.b.iii");
            thisValue = refEnv->WithBaseObject();
        }
    } else {
        STEP("2");
        STEP("2.a");
        thisValue = Value::undefined();
    }
    STEP("3");
    lockstep::List<Value> argList = TRY(ArgumentListEvaluation(e, arguments));
    STEP("4");
    if (!func.is_object()) return throw_type_error(e.agent, "value is not a function");
    STEP("5");
    if (!IsCallable(func)) return throw_type_error(e.agent, "value is not a function");
    STEP("6");
    if (tailPosition) {
        // PrepareForTailCall (§15.10.3): nothing of the running context is
        // used again, so it is left before the Call of step 7 is made. The
        // value returned here reaches its function's [[Call]] with no more
        // code run; that [[Call]] removes the context and then makes the Call
        // (runtime/ecmascript_function_object.cpp), so a chain of tail calls
        // takes no native stack.
        STEP("7");
        return e.agent.defer_tail_call(func, thisValue, std::move(argList.items()));
    }
    STEP("7");
    return Call(e.agent, func, thisValue, std::span<const Value>(argList.items()));
}

ThrowCompletionOr<Value> EvaluateNewExpression(Evaluator& e, const CallExpression& n)
{
    SPEC_ALGORITHM("sec-evaluatenew");
    STEP("1");
    STEP("2");
    Value constructor = TRY(EvaluateExpression(e, *n.callee));
    STEP("3");
    STEP("3.a");
    STEP("4");
    STEP("4.a");  // `new C` has an empty Arguments list: the same List
    lockstep::List<Value> argList = TRY(ArgumentListEvaluation(e, n.arguments));
    STEP("5");
    if (!IsConstructor(constructor)) return throw_type_error(e.agent, "value is not a constructor");
    STEP("6");
    e.position = &n;
    return Value(TRY(Construct(e.agent, *constructor.as_object(), std::span<const Value>(argList.items()))));
}

ThrowCompletionOr<Value> EvaluateCallExpression(Evaluator& e, const CallExpression& n)
{
    const Node& callee = *n.callee;
    // `(eval)(x)` is a direct eval too: its reference is the identifier's.
    const Node* identifier = &callee;
    while (identifier->kind == NodeKind::ParenthesizedExpression) identifier = identifier->as<UnaryNode>()->operand;
    if (identifier->kind != NodeKind::IdentifierReference) {
        // CallExpression : CallExpression Arguments, and member / parenthesized
        // callees (whose reference gives the this value).
        SPEC_ALGORITHM("sec-function-calls-runtime-semantics-evaluation#2");
        STEP("1");
        ReferenceOrValue ref = TRY(EvaluateReferenceOrValue(e, callee));
        STEP("2");
        Value func = TRY(GetValue(e.agent, ref));
        STEP("3");
        STEP("4");
        bool tailCall = n.tail_position;
        STEP("5");
        e.position = &n;
        return EvaluateCall(e, func, ref.is_reference ? &ref.reference : nullptr, CallArguments{n.arguments},
                            tailCall);
    }
    // CallExpression : CoverCallExpressionAndAsyncArrowHead
    SPEC_ALGORITHM("sec-function-calls-runtime-semantics-evaluation");
    STEP("1");
    STEP("2");
    STEP("3");
    STEP("4");
    ReferenceRecord ref = TRY(EvaluateReference(e, callee));
    STEP("5");
    Value func = TRY(GetValue(e.agent, ref));
    STEP("6");
    if (!IsPropertyReference(ref) && identifier->as<Identifier>()->name == u"eval") {
        STEP("6.a");  // SameValue(func, %eval%): the current realm's
        if (func.is_object() && func.as_object() == e.agent.current_realm()->intrinsic(Intrinsic::eval)) {
            STEP("6.a.i");
            lockstep::List<Value> argList = TRY(ArgumentListEvaluation(e, n.arguments));
            STEP("6.a.ii");
            if (argList.is_empty()) return Value::undefined();
            STEP("6.a.iii");
            Value evalArg = argList[0];
            STEP("6.a.iv");
            bool strictCaller = e.strict;
            STEP("6.a.v");
            e.position = &n;
            return PerformEval(e.agent, evalArg, strictCaller, true);
        }
    }
    STEP("7");
    STEP("8");
    bool tailCall = n.tail_position;
    STEP("9");
    e.position = &n;
    return EvaluateCall(e, func, &ref, CallArguments{n.arguments}, tailCall);
}

ThrowCompletionOr<Value> EvaluateSuperCall(Evaluator& e, const CallExpression& n)
{
    SPEC_ALGORITHM("sec-super-keyword-runtime-semantics-evaluation#3");
    Agent& agent = e.agent;
    STEP("1");
    Value newTarget = GetNewTarget(agent);
    STEP("2");
    SPEC_ASSERT(newTarget.is_object());
    STEP("3");
    Object* func = GetSuperConstructor(e);
    STEP("4");
    lockstep::List<Value> argList = TRY(ArgumentListEvaluation(e, n.arguments));
    STEP("5");
    if (!func || !IsConstructor(func)) return throw_type_error(agent, "super constructor is not a constructor");
    STEP("6");
    e.position = &n;
    Object* result = TRY(Construct(agent, *func, std::span<const Value>(argList.items()), newTarget.as_object()));
    STEP("7");
    auto& thisER = static_cast<FunctionEnvironmentRecord&>(GetThisEnvironment(agent));
    STEP("8");
    SPEC_ASSERT(thisER.kind() == EnvironmentRecord::Kind::Function);
    STEP("9");
    TRY(BindThisValue(agent, thisER, result));
    STEP("10");
    auto* F = static_cast<ECMAScriptFunctionObject*>(thisER.FunctionObject);
    STEP("11");
    STEP("12");
    TRY(InitializeInstanceElements(agent, *result, *F));
    STEP("13");
    return Value(result);
}

ThrowCompletionOr<Value> EvaluateTaggedTemplate(Evaluator& e, const TaggedTemplate& n)
{
    SPEC_ALGORITHM("sec-tagged-templates-runtime-semantics-evaluation");
    STEP("1");
    ReferenceOrValue tagRef = TRY(EvaluateReferenceOrValue(e, *n.tag));
    STEP("2");
    Value tagFunc = TRY(GetValue(e.agent, tagRef));
    STEP("3");
    STEP("4");
    bool tailCall = n.tail_position;
    STEP("5");
    e.position = &n;
    return EvaluateCall(e, tagFunc, tagRef.is_reference ? &tagRef.reference : nullptr, CallArguments{{}, n.quasi},
                        tailCall);
}

namespace {

// §13.3.9.2 ChainEvaluation of an OptionalChain with baseValue and baseReference.
ThrowCompletionOr<ReferenceOrValue> ChainEvaluation(Evaluator& e, const OptionalChain& chain, Value baseValue,
                                                    const ReferenceOrValue& baseReference)
{
    if (!chain.previous) {
        switch (chain.link) {
        case OptionalChain::Link::Arguments: {
            SPEC_ALGORITHM("sec-optional-chaining-chain-evaluation");
            STEP("1");
            STEP("2");
            bool tailCall = chain.tail_position;
            STEP("3");
            e.position = &chain;
            const ReferenceRecord* ref = baseReference.is_reference ? &baseReference.reference : nullptr;
            return ReferenceOrValue{false, {},
                                    TRY(EvaluateCall(e, baseValue, ref, CallArguments{chain.arguments}, tailCall))};
        }
        case OptionalChain::Link::Computed: {
            SPEC_ALGORITHM("sec-optional-chaining-chain-evaluation#2");
            STEP("1");
            STEP("2");
            return ReferenceOrValue{
                true, TRY(EvaluatePropertyAccessWithExpressionKey(e, baseValue, *chain.property, e.strict)),
                Value::undefined()};
        }
        case OptionalChain::Link::Identifier: {
            SPEC_ALGORITHM("sec-optional-chaining-chain-evaluation#3");
            STEP("1");
            STEP("2");
            return ReferenceOrValue{
                true, EvaluatePropertyAccessWithIdentifierKey(e, baseValue, *chain.property, e.strict),
                Value::undefined()};
        }
        case OptionalChain::Link::PrivateIdentifier: {
            SPEC_ALGORITHM("sec-optional-chaining-chain-evaluation#4");
            STEP("1");
            STEP("2");
            return ReferenceOrValue{
                true, MakePrivateReference(e.agent, baseValue, chain.property->as<Identifier>()->name),
                Value::undefined()};
        }
        }
    }
    switch (chain.link) {
    case OptionalChain::Link::Arguments: {
        SPEC_ALGORITHM("sec-optional-chaining-chain-evaluation#5");
        STEP("1");
        STEP("2");
        ReferenceOrValue newReference = TRY(ChainEvaluation(e, *chain.previous, baseValue, baseReference));
        STEP("3");
        Value newValue = TRY(GetValue(e.agent, newReference));
        STEP("4");
        STEP("5");
        bool tailCall = chain.tail_position;
        STEP("6");
        e.position = &chain;
        const ReferenceRecord* ref = newReference.is_reference ? &newReference.reference : nullptr;
        return ReferenceOrValue{false, {},
                                TRY(EvaluateCall(e, newValue, ref, CallArguments{chain.arguments}, tailCall))};
    }
    case OptionalChain::Link::Computed: {
        SPEC_ALGORITHM("sec-optional-chaining-chain-evaluation#6");
        STEP("1");
        STEP("2");
        ReferenceOrValue newReference = TRY(ChainEvaluation(e, *chain.previous, baseValue, baseReference));
        STEP("3");
        Value newValue = TRY(GetValue(e.agent, newReference));
        STEP("4");
        STEP("5");
        return ReferenceOrValue{
            true, TRY(EvaluatePropertyAccessWithExpressionKey(e, newValue, *chain.property, e.strict)),
            Value::undefined()};
    }
    case OptionalChain::Link::Identifier: {
        SPEC_ALGORITHM("sec-optional-chaining-chain-evaluation#7");
        STEP("1");
        STEP("2");
        ReferenceOrValue newReference = TRY(ChainEvaluation(e, *chain.previous, baseValue, baseReference));
        STEP("3");
        Value newValue = TRY(GetValue(e.agent, newReference));
        STEP("4");
        STEP("5");
        return ReferenceOrValue{true, EvaluatePropertyAccessWithIdentifierKey(e, newValue, *chain.property, e.strict),
                                Value::undefined()};
    }
    case OptionalChain::Link::PrivateIdentifier: {
        SPEC_ALGORITHM("sec-optional-chaining-chain-evaluation#8");
        STEP("1");
        STEP("2");
        ReferenceOrValue newReference = TRY(ChainEvaluation(e, *chain.previous, baseValue, baseReference));
        STEP("3");
        Value newValue = TRY(GetValue(e.agent, newReference));
        STEP("4");
        STEP("5");
        return ReferenceOrValue{true, MakePrivateReference(e.agent, newValue, chain.property->as<Identifier>()->name),
                                Value::undefined()};
    }
    }
    return ReferenceOrValue{false, {}, Value::undefined()};
}

}  // namespace

ThrowCompletionOr<ReferenceOrValue> EvaluateOptionalExpression(Evaluator& e, const OptionalExpression& n)
{
    SPEC_ALGORITHM("sec-optional-chaining-evaluation");
    STEP("1");
    ReferenceOrValue baseReference = TRY(EvaluateReferenceOrValue(e, *n.object));
    STEP("2");
    Value baseValue = TRY(GetValue(e.agent, baseReference));
    STEP("3");
    if (baseValue.is_nullish()) {
        STEP("3.a");
        return ReferenceOrValue{false, {}, Value::undefined()};
    }
    STEP("4");
    return ChainEvaluation(e, *n.chain, baseValue, baseReference);
}

}  // namespace lockstep
