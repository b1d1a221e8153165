// ECMA-262 §15.7 Class Definitions.
#include "abstract_ops/object_operations.h"
#include "abstract_ops/private_elements.h"
#include "abstract_ops/testing_and_comparison.h"
#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"
#include "runtime/error.h"
#include "runtime/function_objects.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

namespace {

// A ClassFieldDefinition Record or a ClassStaticBlockDefinition Record.
struct StaticElement {
    bool is_field;
    ClassFieldDefinition field;
    Object* BodyFunction = nullptr;
};

// §15.7.10 ClassFieldDefinitionEvaluation ( homeObject )
ThrowCompletionOr<ClassFieldDefinition> ClassFieldDefinitionEvaluation(Evaluator& e, const ClassElement& element,
                                                                       Object& homeObject)
{
    SPEC_ALGORITHM("sec-runtime-semantics-classfielddefinitionevaluation");
    Agent& agent = e.agent;
    STEP("1");
    PropertyName name = TRY(EvaluatePropertyKey(e, *element.key));
    ECMAScriptFunctionObject* initializer = nullptr;
    STEP("2");
    if (element.initializer) {
        ExecutionContext& context = agent.running_execution_context();
        STEP("2.a");
        STEP("2.b");
        EnvironmentRecord* env = context.LexicalEnvironment;
        STEP("2.c");
        PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
        STEP("2.d");
        STEP("2.e");
        initializer = OrdinaryFunctionCreate(agent, *agent.current_realm()->intrinsic(Intrinsic::FunctionPrototype), {},
                                             nullptr, element.initializer, ThisModeArgument::NonLexicalThis, env,
                                             privateEnv, e.unit);
        STEP("2.f");
        MakeMethod(*initializer, homeObject);
        STEP("2.g");
        if (auto* key = std::get_if<PropertyKey>(&name)) initializer->ClassFieldInitializerName = *key;
        else initializer->ClassFieldInitializerName = std::get<PrivateName*>(name);
    } else {
        STEP("3");
        STEP("3.a");
    }
    STEP("4");
    return ClassFieldDefinition{name, initializer};
}

// §15.7.11 ClassStaticBlockDefinitionEvaluation ( homeObject )
Object* ClassStaticBlockDefinitionEvaluation(Evaluator& e, const FunctionNode& block, Object& homeObject)
{
    SPEC_ALGORITHM("sec-runtime-semantics-classstaticblockdefinitionevaluation");
    Agent& agent = e.agent;
    ExecutionContext& context = agent.running_execution_context();
    STEP("1");
    EnvironmentRecord* lex = context.LexicalEnvironment;
    STEP("2");
    PrivateEnvironmentRecord* privateEnv = context.PrivateEnvironment;
    STEP("3");
    STEP("4");
    STEP("5");
    ECMAScriptFunctionObject* bodyFunction =
        OrdinaryFunctionCreate(agent, *agent.current_realm()->intrinsic(Intrinsic::FunctionPrototype), {}, &block,
                               nullptr, ThisModeArgument::NonLexicalThis, lex, privateEnv, e.unit);
    STEP("6");
    MakeMethod(*bodyFunction, homeObject);
    STEP("7");
    return bodyFunction;
}

}  // namespace

Completion ClassDefaultConstructorBody(Evaluator& e, ECMAScriptFunctionObject& F, std::span<const Value> args)
{
    // The steps of ClassDefinitionEvaluation's step 14.a closure (numbered as there).
    Agent& agent = e.agent;
    // 14.a.i
    // 14.a.ii  // [[Call]] of a class constructor has thrown already
    Value NewTarget = GetNewTarget(agent);
    // 14.a.iii
    // 14.a.iv
    if (F.ConstructorKind == ConstructorKind::Derived) {
        // 14.a.iv.1
        // 14.a.iv.2
        Object* func = MUST(F.GetPrototypeOf(agent));
        // 14.a.iv.3
        if (!func || !IsConstructor(func)) return throw_type_error(agent, "super constructor is not a constructor");
        // 14.a.iv.4
        Object* result = TRY(Construct(agent, *func, args, NewTarget.as_object()));
        // 14.a.vi
        TRY(InitializeInstanceElements(agent, *result, F));
        // 14.a.vii
        return ReturnCompletion(result);
    }
    // 14.a.v-14.a.vii: [[Construct]] of a base constructor made the object and
    // initialized its elements (§10.2.2 steps 3 and 6); it returns that object.
    // 14.a.v
    return ReturnCompletion(Value::undefined());
}

ThrowCompletionOr<Object*> ClassDefinitionEvaluation(Evaluator& e, const ClassNode& classNode,
                                                     const Identifier* classBinding, PropertyName className)
{
    SPEC_ALGORITHM("sec-runtime-semantics-classdefinitionevaluation");
    Agent& agent = e.agent;
    Realm& realm = *agent.current_realm();
    ExecutionContext& context = agent.running_execution_context();
    // Class code is strict: the heritage and computed keys evaluate as such.
    Evaluator classEvaluator(agent, e.unit, true);
    Evaluator& ce = classEvaluator;
    ce.position = &classNode;
    STEP("1");
    EnvironmentRecord* env = context.LexicalEnvironment;
    STEP("2");
    DeclarativeEnvironmentRecord* classEnv = NewDeclarativeEnvironment(agent, env);
    STEP("3");
    if (classBinding) {
        STEP("3.a");
        MUST(classEnv->CreateImmutableBinding(agent, classBinding->name, true));
    }
    STEP("4");
    PrivateEnvironmentRecord* outerPrivateEnvironment = context.PrivateEnvironment;
    STEP("5");
    PrivateEnvironmentRecord* classPrivateEnvironment = NewPrivateEnvironment(agent, outerPrivateEnvironment);
    STEP("6");
    for (const ClassElement* element : classNode.elements) {
        STEP("6.a");
        if (!element->key || element->key->kind != NodeKind::PrivateIdentifier) continue;
        Name dn = element->key->as<Identifier>()->name;
        bool exists = false;
        for (PrivateName* pn : classPrivateEnvironment->Names) exists = exists || PrivateNameIs(*pn, dn);
        STEP("6.a.i");
        if (exists) {
            STEP("6.a.i.1");
            continue;
        }
        STEP("6.a.ii");
        STEP("6.a.ii.1");
        auto* name = agent.heap.allocate<PrivateName>(make_string(agent.heap, u"#" + std::u16string(dn)));
        STEP("6.a.ii.2");
        classPrivateEnvironment->Names.push_back(name);
    }
    Object* protoParent;
    Object* constructorParent;
    STEP("7");
    if (!classNode.heritage) {
        STEP("7.a");
        protoParent = realm.intrinsic(Intrinsic::ObjectPrototype);
        STEP("7.b");
        constructorParent = realm.intrinsic(Intrinsic::FunctionPrototype);
    } else {
        STEP("8");
        STEP("8.a");
        context.LexicalEnvironment = classEnv;
        STEP("8.b");
        STEP("8.c");
        ThrowCompletionOr<Value> superclassRef = EvaluateExpression(ce, *classNode.heritage);
        STEP("8.d");
        context.LexicalEnvironment = env;
        STEP("8.e");
        Value superclass = TRY(superclassRef);
        STEP("8.f");
        if (superclass.is_null()) {
            STEP("8.f.i");
            protoParent = nullptr;
            STEP("8.f.ii");
            constructorParent = realm.intrinsic(Intrinsic::FunctionPrototype);
        } else if (!IsConstructor(superclass)) {
            STEP("8.g");
            STEP("8.g.i");
            return throw_type_error(agent, "class heritage is not a constructor");
        } else {
            STEP("8.h");
            STEP("8.h.i");
            Value protoParentValue = TRY(Get(agent, *superclass.as_object(), agent.names.prototype));
            STEP("8.h.ii");
            if (!protoParentValue.is_object() && !protoParentValue.is_null())
                return throw_type_error(agent, "class heritage's prototype is not an object or null");
            protoParent = protoParentValue.is_null() ? nullptr : protoParentValue.as_object();
            STEP("8.h.iii");
            constructorParent = superclass.as_object();
        }
    }
    STEP("9");
    Root<Object*> proto(OrdinaryObjectCreate(agent, protoParent));
    STEP("10");
    STEP("11");
    const FunctionNode* constructor = classNode.constructor;
    STEP("12");
    context.LexicalEnvironment = classEnv;
    STEP("13");
    context.PrivateEnvironment = classPrivateEnvironment;
    ECMAScriptFunctionObject* F;
    STEP("14");
    if (!constructor) {
        STEP("14.a");  // the closure's steps are ClassDefaultConstructorBody's
        STEP("14.a.i-14.a.vii");
        STEP("14.b");
        // The default constructor: an ECMAScript function object without
        // code whose body is ClassDefaultConstructorBody (step 14.a's closure).
        F = OrdinaryObjectCreate<ECMAScriptFunctionObject>(agent, constructorParent);
        F->Realm = &realm;
        F->ScriptOrModule = context.ScriptOrModule;
        F->Strict = true;
        F->ThisMode = ThisMode::Strict;
        F->source_unit = e.unit;
        F->IsClassConstructor = true;
        SetFunctionLength(agent, *F, 0);
        SetFunctionName(agent, *F, className);
    } else {
        STEP("15");
        STEP("15.a");
        F = OrdinaryFunctionCreate(agent, *constructorParent, {}, constructor, nullptr, ThisModeArgument::NonLexicalThis,
                                   classEnv, classPrivateEnvironment, e.unit);
        MakeMethod(*F, *proto);
        STEP("15.b");
        STEP("15.c");
        MakeClassConstructor(*F);
        STEP("15.d");
        SetFunctionName(agent, *F, className);
    }
    Root<Object*> rootedF(F);
    F->SourceText = e.unit->program->source_text(classNode);
    STEP("16");
    MakeConstructor(agent, *F, false, proto);
    STEP("17");
    if (classNode.heritage) F->ConstructorKind = ConstructorKind::Derived;
    STEP("18");
    MUST(DefineMethodProperty(agent, *proto, PropertyName(agent.names.constructor), *F, false));
    STEP("19");
    STEP("20");
    // The lists below hold closures nothing else refers to yet: keep them alive.
    lockstep::List<Value> closures;
    STEP("21");
    std::vector<PrivateElement> instancePrivateMethods;
    STEP("22");
    std::vector<PrivateElement> staticPrivateMethods;
    STEP("23");
    std::vector<ClassFieldDefinition> instanceFields;
    STEP("24");
    std::vector<StaticElement> staticElements;
    STEP("25");
    for (const ClassElement* element : classNode.elements) {
        if (element->function && element->function == constructor) continue;  // NonConstructorElements
        Object& homeObject = element->is_static ? static_cast<Object&>(*F) : *proto.get();
        STEP("25.a");
        STEP("25.a.i");
        STEP("25.b");
        STEP("25.b.i");
        // ClassElementEvaluation of the element.
        ThrowCompletionOr<std::optional<PrivateElement>> method = std::optional<PrivateElement>();
        ThrowCompletionOr<ClassFieldDefinition> field = ClassFieldDefinition{PropertyKey::from_array_index(0), nullptr};
        Object* staticBlock = nullptr;
        switch (element->element_kind) {
        case ClassElement::Kind::Method:
            method = MethodDefinitionEvaluation(ce, *element->key, *element->function, homeObject, false);
            break;
        case ClassElement::Kind::Field:
            field = ClassFieldDefinitionEvaluation(ce, *element, homeObject);
            break;
        case ClassElement::Kind::StaticBlock:
            staticBlock = ClassStaticBlockDefinitionEvaluation(ce, *element->function, homeObject);
            break;
        }
        if (!method.is_abrupt() && method.value()) {
            closures.append(method.value()->value);
            closures.append(method.value()->get);
            closures.append(method.value()->set);
        }
        if (!field.is_abrupt()) {
            if (field.value().Initializer) closures.append(field.value().Initializer);
            if (auto* key = std::get_if<PropertyKey>(&field.value().Name); key && !key->is_array_index())
                closures.append(key->is_symbol() ? Value(key->as_symbol()) : Value(key->as_string()));
        }
        if (staticBlock) closures.append(staticBlock);
        STEP("25.c");
        if (method.is_abrupt() || field.is_abrupt()) {
            STEP("25.c.i");
            context.LexicalEnvironment = env;
            STEP("25.c.ii");
            context.PrivateEnvironment = outerPrivateEnvironment;
            STEP("25.c.iii");
            return method.is_abrupt() ? method.release_error() : field.release_error();
        }
        STEP("25.d");
        STEP("25.e");
        if (element->element_kind == ClassElement::Kind::Method && method.value()) {
            const PrivateElement& privateElement = *method.value();
            STEP("25.e.i");
            STEP("25.e.ii");
            STEP("25.e.iii");
            auto& container = element->is_static ? staticPrivateMethods : instancePrivateMethods;
            STEP("25.e.iv");
            PrivateElement* pe = nullptr;
            for (PrivateElement& candidate : container)
                if (candidate.key == privateElement.key) pe = &candidate;
            if (pe) {
                STEP("25.e.iv.1");
                PrivateElement combined;
                STEP("25.e.iv.2");
                if (privateElement.get.is_undefined()) {
                    STEP("25.e.iv.2.a");
                    combined = PrivateElement{privateElement.key, PrivateElementKind::Accessor, Value::undefined(),
                                              pe->get, privateElement.set};
                } else {
                    STEP("25.e.iv.3");
                    STEP("25.e.iv.3.a");
                    combined = PrivateElement{privateElement.key, PrivateElementKind::Accessor, Value::undefined(),
                                              privateElement.get, pe->set};
                }
                STEP("25.e.iv.4");
                *pe = combined;
            } else {
                STEP("25.e.v");
                STEP("25.e.v.1");
                container.push_back(privateElement);
            }
        } else if (element->element_kind == ClassElement::Kind::Field) {
            STEP("25.f");
            STEP("25.f.i");
            STEP("25.f.ii");
            if (!element->is_static) instanceFields.push_back(field.value());
            else staticElements.push_back(StaticElement{true, field.value()});
        } else if (element->element_kind == ClassElement::Kind::StaticBlock) {
            STEP("25.g");
            STEP("25.g.i");
            staticElements.push_back(StaticElement{false, ClassFieldDefinition{PropertyKey::from_array_index(0), nullptr}, staticBlock});
        }
    }
    STEP("26");
    context.LexicalEnvironment = env;
    STEP("27");
    if (classBinding) {
        STEP("27.a");
        MUST(classEnv->InitializeBinding(agent, classBinding->name, F));
    }
    STEP("28");
    F->PrivateMethods = std::move(instancePrivateMethods);
    STEP("29");
    F->Fields = std::move(instanceFields);
    STEP("30");
    for (const PrivateElement& method : staticPrivateMethods) {
        STEP("30.a");
        MUST(PrivateMethodOrAccessorAdd(agent, *F, method));
    }
    STEP("31");
    for (const StaticElement& elementRecord : staticElements) {
        ThrowCompletionOr<void> result;
        STEP("31.a");
        if (elementRecord.is_field) {
            STEP("31.a.i");
            result = DefineField(agent, *F, elementRecord.field);
        } else {
            STEP("31.b");
            STEP("31.b.i");
            STEP("31.b.ii");
            ThrowCompletionOr<Value> called = Call(agent, elementRecord.BodyFunction, F);
            if (called.is_abrupt()) result = called.release_error();
        }
        STEP("31.c");
        if (result.is_abrupt()) {
            STEP("31.c.i");
            context.PrivateEnvironment = outerPrivateEnvironment;
            STEP("31.c.ii");
            return result.release_error();
        }
    }
    STEP("32");
    context.PrivateEnvironment = outerPrivateEnvironment;
    STEP("33");
    return static_cast<Object*>(F);
}

Completion EvaluateClassDeclaration(Evaluator& e, const ClassNode& classNode)
{
    // §15.7.15 BindingClassDeclarationEvaluation, then §15.7.16 Evaluation: ~empty~.
    SPEC_ALGORITHM("sec-runtime-semantics-bindingclassdeclarationevaluation");
    Agent& agent = e.agent;
    STEP("1");
    Name className = classNode.name->name;
    STEP("2");
    Object* value = TRY(ClassDefinitionEvaluation(e, classNode, classNode.name,
                                                  PropertyName(IdentifierKey(e, *classNode.name))));
    STEP("3");  // [[SourceText]]: set by ClassDefinitionEvaluation
    STEP("4");
    EnvironmentRecord* env = agent.running_execution_context().LexicalEnvironment;
    STEP("5");
    // InitializeBoundName(className, value, env)
    TRY(env->InitializeBinding(agent, className, value));
    STEP("6");
    return Completion();
}

ThrowCompletionOr<Value> EvaluateClassExpression(Evaluator& e, const ClassNode& classNode,
                                                 std::optional<PropertyName> name)
{
    SPEC_ALGORITHM("sec-class-definitions-runtime-semantics-evaluation#2");
    if (classNode.name) {
        // ClassExpression : class BindingIdentifier ClassTail
        STEP("1");
        STEP("2");
        Object* value = TRY(ClassDefinitionEvaluation(e, classNode, classNode.name,
                                                      PropertyName(IdentifierKey(e, *classNode.name))));
        STEP("3");  // [[SourceText]]: set by ClassDefinitionEvaluation
        return Value(value);
    }
    // ClassExpression : class ClassTail (NamedEvaluation passes the name)
    if (!name) name = PropertyName(PropertyKey::from_ascii(e.agent.heap, ""));
    Object* value = TRY(ClassDefinitionEvaluation(e, classNode, nullptr, *name));
    return Value(value);
}

}  // namespace lockstep
