// ECMA-262 §8.6.2 BindingInitialization and §8.6.3 IteratorBindingInitialization
// with their productions in §14.3.3 Destructuring Binding Patterns and
// §15.1 Parameter Lists (PropertyBindingInitialization,
// RestBindingInitialization, KeyedBindingInitialization).
#include "abstract_ops/copy_data_properties.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"
#include "runtime/array_object.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"

namespace lockstep {

using namespace syntax;

namespace {

// §8.6.2.1 InitializeBoundName ( name, value, environment )
ThrowCompletionOr<void> InitializeBoundName(Evaluator& e, Name name, Value value, EnvironmentRecord* environment)
{
    SPEC_ALGORITHM("sec-initializeboundname");
    STEP("1");
    if (environment) {
        STEP("1.a");
        TRY(environment->InitializeBinding(e.agent, name, value));
        STEP("1.b");
        return {};
    }
    STEP("2");
    STEP("2.a");
    ReferenceRecord lhs = TRY(ResolveBinding(e.agent, name, e.strict));
    STEP("2.b");
    return PutValue(e.agent, lhs, value);
}

// "If environment is undefined, PutValue(lhs, v); else InitializeReferencedBinding(lhs, v)".
ThrowCompletionOr<void> BindReference(Evaluator& e, ReferenceRecord& lhs, Value v, EnvironmentRecord* environment)
{
    if (!environment) return PutValue(e.agent, lhs, v);
    return InitializeReferencedBinding(e.agent, lhs, v);
}

// The value of an Initializer, named after bindingId when it is an
// anonymous function definition.
ThrowCompletionOr<Value> InitializerValue(Evaluator& e, const Node& initializer, const Node& target)
{
    if (target.kind == NodeKind::BindingIdentifier && IsAnonymousFunctionDefinition(&initializer))
        return NamedEvaluation(e, initializer, PropertyName(IdentifierKey(e, target)));
    return EvaluateExpression(e, initializer);
}

// §14.3.3.3 KeyedBindingInitialization of a BindingElement with value,
// environment and propertyName.
ThrowCompletionOr<void> KeyedBindingInitialization(Evaluator& e, const PatternElement& element, Value value,
                                                   EnvironmentRecord* environment, PropertyKey propertyName)
{
    const Node& target = *element.target;
    if (target.kind == NodeKind::BindingIdentifier) {
        // SingleNameBinding : BindingIdentifier Initializer?
        SPEC_ALGORITHM("sec-runtime-semantics-keyedbindinginitialization#2");
        STEP("1");
        Name bindingId = target.as<Identifier>()->name;
        STEP("2");
        ReferenceRecord lhs = TRY(ResolveBinding(e.agent, bindingId, e.strict, environment));
        STEP("3");
        Value v = TRY(GetV(e.agent, value, propertyName));
        STEP("4");
        if (element.initializer && v.is_undefined()) {
            STEP("4.a");
            STEP("4.a.i");
            STEP("4.b");
            STEP("4.b.i");
            STEP("4.b.ii");
            v = TRY(InitializerValue(e, *element.initializer, target));
        }
        STEP("5");
        STEP("6");
        return BindReference(e, lhs, v, environment);
    }
    // BindingElement : BindingPattern Initializer?
    SPEC_ALGORITHM("sec-runtime-semantics-keyedbindinginitialization");
    STEP("1");
    Value v = TRY(GetV(e.agent, value, propertyName));
    STEP("2");
    if (element.initializer && v.is_undefined()) {
        STEP("2.a");
        STEP("2.b");
        v = TRY(EvaluateExpression(e, *element.initializer));
    }
    STEP("3");
    return BindingInitialization(e, target, v, environment);
}

ThrowCompletionOr<void> ObjectBindingInitialization(Evaluator& e, const ObjectPattern& pattern, Value value,
                                                    EnvironmentRecord* environment)
{
    SPEC_ALGORITHM("sec-runtime-semantics-bindinginitialization#4");
    Agent& agent = e.agent;
    STEP("1");
    TRY(RequireObjectCoercible(agent, value));
    STEP("2");  // BindingInitialization of the ObjectBindingPattern (#7-#9):
    // §14.3.3.1 PropertyBindingInitialization of each BindingProperty.
    lockstep::List<PropertyKey> excludedNames;
    for (const PatternProperty* property : pattern.properties) {
        PropertyKey P = property->shorthand
                            ? IdentifierKey(e, *property->value->target)
                            : std::get<PropertyKey>(TRY(EvaluatePropertyKey(e, *property->key)));
        TRY(KeyedBindingInitialization(e, *property->value, value, environment, P));
        excludedNames.append(P);
    }
    if (pattern.rest) {
        // §14.3.3.2 RestBindingInitialization: BindingRestProperty : ... BindingIdentifier
        SPEC_ALGORITHM("sec-destructuring-binding-patterns-runtime-semantics-restbindinginitialization");
        STEP("1");
        ReferenceRecord lhs = TRY(ResolveBinding(agent, pattern.rest->as<Identifier>()->name, e.strict, environment));
        STEP("2");
        Object* restObj = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
        STEP("3");
        TRY(CopyDataProperties(agent, *restObj, value, excludedNames.items()));
        STEP("4");
        STEP("5");
        TRY(BindReference(e, lhs, restObj, environment));
    }
    return {};
}

// A real iterator, or the List a function's arguments come in (the spec's
// CreateListIteratorRecord, whose steps cannot be observed).
struct IteratorSource {
    Agent& agent;
    IteratorRecord& record;
    bool done() const { return record.Done; }
    void set_done() { record.Done = true; }
    ThrowCompletionOr<std::optional<Value>> step_value()
    {
        std::optional<Value> next = TRY(IteratorStepValue(agent, record));
        if (!next) record.Done = true;  // IteratorStepValue's own step on ~done~
        return next;
    }
    ThrowCompletionOr<bool> step()
    {
        Object* next = TRY(IteratorStep(agent, record));
        return next != nullptr;
    }
};
struct ListSource {
    std::span<const Value> list;
    size_t index = 0;
    bool is_done = false;
    bool done() const { return is_done; }
    void set_done() { is_done = true; }
    ThrowCompletionOr<std::optional<Value>> step_value()
    {
        if (index >= list.size()) {
            is_done = true;
            return std::optional<Value>();
        }
        return std::optional<Value>(list[index++]);
    }
    ThrowCompletionOr<bool> step() { return index < list.size() ? (++index, true) : false; }
};

// §8.6.3 IteratorBindingInitialization of one element: SingleNameBinding
// or BindingPattern, each with an optional Initializer.
template <class Source>
ThrowCompletionOr<void> IteratorBindingInitializationOfElement(Evaluator& e, const PatternElement& element,
                                                               Source& source, EnvironmentRecord* environment)
{
    const Node& target = *element.target;
    if (target.kind != NodeKind::BindingIdentifier) {
        // BindingElement : BindingPattern Initializer?
        SPEC_ALGORITHM("sec-runtime-semantics-iteratorbindinginitialization#9");
        STEP("1");
        Value v = Value::undefined();
        STEP("2");
        if (!source.done()) {
            STEP("2.a");
            std::optional<Value> next = TRY(source.step_value());
            STEP("2.b");
            if (next) {
                STEP("2.b.i");
                v = *next;
            }
        }
        STEP("3");
        if (element.initializer && v.is_undefined()) {
            STEP("3.a");
            STEP("3.b");
            v = TRY(EvaluateExpression(e, *element.initializer));
        }
        STEP("4");
        return BindingInitialization(e, target, v, environment);
    }
    // SingleNameBinding : BindingIdentifier Initializer?
    SPEC_ALGORITHM("sec-runtime-semantics-iteratorbindinginitialization#8");
    STEP("1");
    Name bindingId = target.as<Identifier>()->name;
    STEP("2");
    ReferenceRecord lhs = TRY(ResolveBinding(e.agent, bindingId, e.strict, environment));
    STEP("3");
    Value v = Value::undefined();
    STEP("4");
    if (!source.done()) {
        STEP("4.a");
        std::optional<Value> next = TRY(source.step_value());
        STEP("4.b");
        if (next) {
            STEP("4.b.i");
            v = *next;
        }
    }
    STEP("5");
    if (element.initializer && v.is_undefined()) {
        STEP("5.a");
        STEP("5.a.i");
        STEP("5.b");
        STEP("5.b.i");
        STEP("5.b.ii");
        v = TRY(InitializerValue(e, *element.initializer, target));
    }
    STEP("6");
    STEP("7");
    return BindReference(e, lhs, v, environment);
}

// BindingRestElement : ... BindingIdentifier | ... BindingPattern
template <class Source>
ThrowCompletionOr<void> IteratorBindingInitializationOfRest(Evaluator& e, const Node& target, Source& source,
                                                            EnvironmentRecord* environment)
{
    Agent& agent = e.agent;
    if (target.kind != NodeKind::BindingIdentifier) {
        SPEC_ALGORITHM("sec-runtime-semantics-iteratorbindinginitialization#11");
        STEP("1");
        Object* A = MUST(ArrayCreate(agent, 0));
        STEP("2");
        uint32_t n = 0;
        STEP("3");
        for (;;) {
            STEP("3.a");
            std::optional<Value> next;
            STEP("3.b");
            if (!source.done()) {
                STEP("3.b.i");
                next = TRY(source.step_value());
            }
            STEP("3.c");
            if (!next) {
                STEP("3.c.i");
                return BindingInitialization(e, target, A, environment);
            }
            STEP("3.d");
            MUST(CreateDataPropertyOrThrow(agent, *A, PropertyKey::from_array_index(n), *next));
            STEP("3.e");
            ++n;
        }
    }
    SPEC_ALGORITHM("sec-runtime-semantics-iteratorbindinginitialization#10");
    STEP("1");
    ReferenceRecord lhs = TRY(ResolveBinding(agent, target.as<Identifier>()->name, e.strict, environment));
    STEP("2");
    Object* A = MUST(ArrayCreate(agent, 0));
    STEP("3");
    uint32_t n = 0;
    STEP("4");
    for (;;) {
        STEP("4.a");
        std::optional<Value> next;
        STEP("4.b");
        if (!source.done()) {
            STEP("4.b.i");
            next = TRY(source.step_value());
        }
        STEP("4.c");
        if (!next) {
            STEP("4.c.i");
            STEP("4.c.ii");
            return BindReference(e, lhs, A, environment);
        }
        STEP("4.d");
        MUST(CreateDataPropertyOrThrow(agent, *A, PropertyKey::from_array_index(n), *next));
        STEP("4.e");
        ++n;
    }
}

template <class Source>
ThrowCompletionOr<void> IteratorBindingInitializationOfList(Evaluator& e, syntax::List<PatternElement> elements,
                                                            const Node* rest, Source& source,
                                                            EnvironmentRecord* environment)
{
    for (const PatternElement* element : elements) {
        if (!element) {
            // Elision
            if (!source.done()) {
                bool stepped = TRY(source.step());
                if (!stepped) source.set_done();
            }
            continue;
        }
        TRY(IteratorBindingInitializationOfElement(e, *element, source, environment));
    }
    if (rest) TRY(IteratorBindingInitializationOfRest(e, *rest, source, environment));
    return {};
}

}  // namespace

ThrowCompletionOr<void> BindingInitialization(Evaluator& e, const Node& target, Value value,
                                              EnvironmentRecord* environment)
{
    if (e.agent.heap.native_stack_exhausted()) [[unlikely]]
        return throw_stack_overflow(e.agent);
    switch (target.kind) {
    case NodeKind::BindingIdentifier: {
        SPEC_ALGORITHM("sec-runtime-semantics-bindinginitialization");
        STEP("1");
        STEP("2");
        return InitializeBoundName(e, target.as<Identifier>()->name, value, environment);
    }
    case NodeKind::ObjectBindingPattern:
        return ObjectBindingInitialization(e, *target.as<ObjectPattern>(), value, environment);
    default: {
        SPEC_ALGORITHM("sec-runtime-semantics-bindinginitialization#5");
        STEP("1");
        IteratorRecord iteratorRecord = TRY(GetIterator(e.agent, value, IteratorKind::Sync));
        STEP("2");
        Completion result = IteratorBindingInitialization(e, *target.as<ArrayPattern>(), iteratorRecord, environment);
        STEP("3");
        if (!iteratorRecord.Done) result = IteratorClose<Completion>(e.agent, iteratorRecord, WithReturnInFlight(e.agent, result));
        STEP("4");
        if (result.is_abrupt()) return ExpressionCompletion(e.agent, result).release_error();
        return {};
    }
    }
}

Completion IteratorBindingInitialization(Evaluator& e, const ArrayPattern& pattern, IteratorRecord& iteratorRecord,
                                         EnvironmentRecord* environment)
{
    IteratorSource source{e.agent, iteratorRecord};
    TRY(IteratorBindingInitializationOfList(e, pattern.elements, pattern.rest, source, environment));
    return Completion();
}

ThrowCompletionOr<void> IteratorBindingInitializationOfParameters(Evaluator& e, const FunctionNode& function,
                                                                  std::span<const Value> arguments,
                                                                  EnvironmentRecord* environment)
{
    ListSource source{arguments};
    return IteratorBindingInitializationOfList(e, function.parameters, function.rest_parameter, source, environment);
}

}  // namespace lockstep
