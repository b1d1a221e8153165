// ECMA-262 §9.1 Environment Records, §9.2 PrivateEnvironment Records, §9.4.
#include "runtime/environment_records.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/ecmascript_function_object.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/ordinary_object.h"
#include "runtime/private_element.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

namespace {

PropertyKey key_of(Agent& agent, BindingName N)
{
    return PropertyKey::from_string(agent.heap, N);
}

ThrowCompletion reference_error(Agent& agent, const char* what, BindingName N)
{
    return throw_error(agent, ErrorType::ReferenceError, utf16_to_utf8(N) + what);
}

}  // namespace

ThrowCompletionOr<Value> EnvironmentRecord::GetThisBinding(Agent&)
{
    SPEC_ASSERT(!"GetThisBinding on an Environment Record without a this binding");
    return Value::undefined();
}

void EnvironmentRecord::visit_edges(Visitor& visitor)
{
    visitor.visit(OuterEnv);
}

// ---- §9.1.1.1 Declarative Environment Records ---------------------------------

DeclarativeEnvironmentRecord::Binding* DeclarativeEnvironmentRecord::find(BindingName N)
{
    for (Binding& binding : bindings_)
        if (binding.name->view() == N) return &binding;
    return nullptr;
}

ThrowCompletionOr<bool> DeclarativeEnvironmentRecord::HasBinding(Agent&, BindingName N)
{
    SPEC_ALGORITHM("sec-declarative-environment-records-hasbinding-n");
    STEP("1");
    if (find(N)) return true;
    STEP("2");
    return false;
}

ThrowCompletionOr<void> DeclarativeEnvironmentRecord::CreateMutableBinding(Agent& agent, BindingName N, bool D)
{
    SPEC_ALGORITHM("sec-declarative-environment-records-createmutablebinding-n-d");
    STEP("1");
    SPEC_ASSERT(!find(N));
    STEP("2");
    bindings_.push_back(Binding{agent.heap.intern(N), Value::empty(), true, D, false});
    STEP("3");
    return {};
}

ThrowCompletionOr<void> DeclarativeEnvironmentRecord::CreateImmutableBinding(Agent& agent, BindingName N, bool S)
{
    SPEC_ALGORITHM("sec-declarative-environment-records-createimmutablebinding-n-s");
    STEP("1");
    SPEC_ASSERT(!find(N));
    STEP("2");
    bindings_.push_back(Binding{agent.heap.intern(N), Value::empty(), false, false, S});
    STEP("3");
    return {};
}

ThrowCompletionOr<void> DeclarativeEnvironmentRecord::InitializeBinding(Agent&, BindingName N, Value V)
{
    SPEC_ALGORITHM("sec-declarative-environment-records-initializebinding-n-v");
    STEP("1");
    Binding* binding = find(N);
    SPEC_ASSERT(binding && binding->value.is_empty());
    STEP("2");
    STEP("3");  // a binding is initialized once its value is not ~empty~
    binding->value = V;
    STEP("4");
    return {};
}

ThrowCompletionOr<void> DeclarativeEnvironmentRecord::SetMutableBinding(Agent& agent, BindingName N, Value V, bool S)
{
    SPEC_ALGORITHM("sec-declarative-environment-records-setmutablebinding-n-v-s");
    Binding* binding = find(N);
    STEP("1");
    if (!binding) {
        STEP("1.a");
        if (S) return reference_error(agent, " is not defined", N);
        STEP("1.b");
        MUST(CreateMutableBinding(agent, N, true));
        STEP("1.c");
        MUST(InitializeBinding(agent, N, V));
        STEP("1.d");
        return {};
    }
    STEP("2");
    if (binding->strict) S = true;
    STEP("3");
    if (binding->value.is_empty()) {
        STEP("3.a");
        return reference_error(agent, " is not initialized", N);
    }
    if (binding->is_mutable) {
        STEP("4");
        STEP("4.a");
        binding->value = V;
    } else {
        STEP("5");
        STEP("5.a");
        STEP("5.b");
        if (S) return throw_type_error(agent, "assignment to constant variable " + utf16_to_utf8(N));
    }
    STEP("6");
    return {};
}

ThrowCompletionOr<Value> DeclarativeEnvironmentRecord::GetBindingValue(Agent& agent, BindingName N, bool)
{
    SPEC_ALGORITHM("sec-declarative-environment-records-getbindingvalue-n-s");
    STEP("1");
    Binding* binding = find(N);
    SPEC_ASSERT(binding);
    STEP("2");
    if (binding->value.is_empty()) return reference_error(agent, " is not initialized", N);
    STEP("3");
    return binding->value;
}

ThrowCompletionOr<bool> DeclarativeEnvironmentRecord::DeleteBinding(Agent&, BindingName N)
{
    SPEC_ALGORITHM("sec-declarative-environment-records-deletebinding-n");
    STEP("1");
    Binding* binding = find(N);
    SPEC_ASSERT(binding);
    STEP("2");
    if (!binding->deletable) return false;
    STEP("3");
    bindings_.erase(bindings_.begin() + (binding - bindings_.data()));
    STEP("4");
    return true;
}

void DeclarativeEnvironmentRecord::visit_edges(Visitor& visitor)
{
    EnvironmentRecord::visit_edges(visitor);
    for (const Binding& binding : bindings_) {
        visitor.visit(binding.name);
        visitor.visit(binding.value);
    }
}

// ---- §9.1.1.2 Object Environment Records --------------------------------------

ThrowCompletionOr<bool> ObjectEnvironmentRecord::HasBinding(Agent& agent, BindingName N)
{
    SPEC_ALGORITHM("sec-object-environment-records-hasbinding-n");
    STEP("1");
    Object& bindingObject = *BindingObject;
    PropertyKey key = key_of(agent, N);
    STEP("2");
    bool foundBinding = TRY(HasProperty(agent, bindingObject, key));
    STEP("3");
    if (!foundBinding) return false;
    STEP("4");
    if (!IsWithEnvironment) return true;
    STEP("5");
    Value unscopables = TRY(Get(agent, bindingObject, agent.well_known_symbol(WellKnownSymbol::unscopables)));
    STEP("6");
    if (unscopables.is_object()) {
        STEP("6.a");
        bool blocked = ToBoolean(TRY(Get(agent, *unscopables.as_object(), key)));
        STEP("6.b");
        if (blocked) return false;
    }
    STEP("7");
    return true;
}

ThrowCompletionOr<void> ObjectEnvironmentRecord::CreateMutableBinding(Agent& agent, BindingName N, bool D)
{
    SPEC_ALGORITHM("sec-object-environment-records-createmutablebinding-n-d");
    STEP("1");
    Object& bindingObject = *BindingObject;
    STEP("2");
    TRY(DefinePropertyOrThrow(
        agent, bindingObject, key_of(agent, N),
        PropertyDescriptor{.value = Value::undefined(), .writable = true, .enumerable = true, .configurable = D}));
    STEP("3");
    return {};
}

ThrowCompletionOr<void> ObjectEnvironmentRecord::CreateImmutableBinding(Agent&, BindingName, bool)
{
    // §9.1.1.2.3: "The CreateImmutableBinding concrete method of an Object Environment
    // Record is never used within this specification."
    SPEC_ASSERT(!"CreateImmutableBinding on an Object Environment Record");
    return {};
}

ThrowCompletionOr<void> ObjectEnvironmentRecord::InitializeBinding(Agent& agent, BindingName N, Value V)
{
    SPEC_ALGORITHM("sec-object-environment-records-initializebinding-n-v");
    STEP("1");
    TRY(SetMutableBinding(agent, N, V, false));
    STEP("2");
    return {};
}

ThrowCompletionOr<void> ObjectEnvironmentRecord::SetMutableBinding(Agent& agent, BindingName N, Value V, bool S)
{
    SPEC_ALGORITHM("sec-object-environment-records-setmutablebinding-n-v-s");
    STEP("1");
    Object& bindingObject = *BindingObject;
    PropertyKey key = key_of(agent, N);
    STEP("2");
    bool stillExists = TRY(HasProperty(agent, bindingObject, key));
    STEP("3");
    if (!stillExists && S) return reference_error(agent, " is not defined", N);
    STEP("4");
    TRY(Set(agent, bindingObject, key, V, S));
    STEP("5");
    return {};
}

ThrowCompletionOr<Value> ObjectEnvironmentRecord::GetBindingValue(Agent& agent, BindingName N, bool S)
{
    SPEC_ALGORITHM("sec-object-environment-records-getbindingvalue-n-s");
    STEP("1");
    Object& bindingObject = *BindingObject;
    PropertyKey key = key_of(agent, N);
    STEP("2");
    bool value = TRY(HasProperty(agent, bindingObject, key));
    STEP("3");
    if (!value) {
        STEP("3.a");
        if (!S) return Value::undefined();
        return reference_error(agent, " is not defined", N);
    }
    STEP("4");
    return TRY(Get(agent, bindingObject, key));
}

ThrowCompletionOr<bool> ObjectEnvironmentRecord::DeleteBinding(Agent& agent, BindingName N)
{
    SPEC_ALGORITHM("sec-object-environment-records-deletebinding-n");
    STEP("1");
    Object& bindingObject = *BindingObject;
    STEP("2");
    return TRY(bindingObject.Delete(agent, key_of(agent, N)));
}

Value ObjectEnvironmentRecord::WithBaseObject() const
{
    SPEC_ALGORITHM("sec-object-environment-records-withbaseobject");
    STEP("1");
    if (IsWithEnvironment) return BindingObject;
    STEP("2");
    return Value::undefined();
}

void ObjectEnvironmentRecord::visit_edges(Visitor& visitor)
{
    EnvironmentRecord::visit_edges(visitor);
    visitor.visit(BindingObject);
}

// ---- §9.1.1.3 Function Environment Records ---------------------------------------

ThrowCompletionOr<void> BindThisValue(Agent& agent, FunctionEnvironmentRecord& envRec, Value V)
{
    SPEC_ALGORITHM("sec-bindthisvalue");
    STEP("1");
    SPEC_ASSERT(envRec.ThisBindingStatus != ThisBindingStatus::Lexical);
    STEP("2");
    if (envRec.ThisBindingStatus == ThisBindingStatus::Initialized)
        return throw_error(agent, ErrorType::ReferenceError, "'this' is already initialized (super() called twice)");
    STEP("3");
    envRec.ThisValue = V;
    STEP("4");
    envRec.ThisBindingStatus = ThisBindingStatus::Initialized;
    STEP("5");
    return {};
}

bool FunctionEnvironmentRecord::HasThisBinding() const
{
    SPEC_ALGORITHM("sec-function-environment-records-hasthisbinding");
    STEP("1");
    return ThisBindingStatus != ThisBindingStatus::Lexical;
}

bool FunctionEnvironmentRecord::HasSuperBinding() const
{
    SPEC_ALGORITHM("sec-function-environment-records-hassuperbinding");
    STEP("1");
    if (ThisBindingStatus == ThisBindingStatus::Lexical) return false;
    STEP("2");
    return static_cast<ECMAScriptFunctionObject*>(FunctionObject)->HomeObject != nullptr;
}

ThrowCompletionOr<Value> FunctionEnvironmentRecord::GetThisBinding(Agent& agent)
{
    SPEC_ALGORITHM("sec-function-environment-records-getthisbinding");
    STEP("1");
    SPEC_ASSERT(ThisBindingStatus != ThisBindingStatus::Lexical);
    STEP("2");
    if (ThisBindingStatus == ThisBindingStatus::Uninitialized)
        return throw_error(agent, ErrorType::ReferenceError,
                           "must call super constructor before accessing 'this' in a derived class constructor");
    STEP("3");
    return ThisValue;
}

Value GetSuperBase(Agent& agent, FunctionEnvironmentRecord& envRec)
{
    SPEC_ALGORITHM("sec-getsuperbase");
    STEP("1");
    Object* home = static_cast<ECMAScriptFunctionObject*>(envRec.FunctionObject)->HomeObject;
    STEP("2");
    if (!home) return Value::undefined();
    STEP("3");
    STEP("4");
    return object_or_null(MUST(home->GetPrototypeOf(agent)));
}

void FunctionEnvironmentRecord::visit_edges(Visitor& visitor)
{
    DeclarativeEnvironmentRecord::visit_edges(visitor);
    visitor.visit(ThisValue);
    visitor.visit(FunctionObject);
    visitor.visit(NewTarget);
}

// ---- §9.1.1.4 Global Environment Records -----------------------------------------

ThrowCompletionOr<bool> GlobalEnvironmentRecord::HasBinding(Agent& agent, BindingName N)
{
    SPEC_ALGORITHM("sec-global-environment-records-hasbinding-n");
    STEP("1");
    DeclarativeEnvironmentRecord& DclRec = *DeclarativeRecord;
    STEP("2");
    if (DclRec.has_binding(N)) return true;
    STEP("3");
    ObjectEnvironmentRecord& ObjRec = *ObjectRecord;
    STEP("4");
    return TRY(ObjRec.HasBinding(agent, N));
}

ThrowCompletionOr<void> GlobalEnvironmentRecord::CreateMutableBinding(Agent& agent, BindingName N, bool D)
{
    SPEC_ALGORITHM("sec-global-environment-records-createmutablebinding-n-d");
    STEP("1");
    DeclarativeEnvironmentRecord& DclRec = *DeclarativeRecord;
    STEP("2");
    if (DclRec.has_binding(N)) return throw_type_error(agent, utf16_to_utf8(N) + " is already declared");
    STEP("3");
    MUST(DclRec.CreateMutableBinding(agent, N, D));
    return {};
}

ThrowCompletionOr<void> GlobalEnvironmentRecord::CreateImmutableBinding(Agent& agent, BindingName N, bool S)
{
    SPEC_ALGORITHM("sec-global-environment-records-createimmutablebinding-n-s");
    STEP("1");
    DeclarativeEnvironmentRecord& DclRec = *DeclarativeRecord;
    STEP("2");
    if (DclRec.has_binding(N)) return throw_type_error(agent, utf16_to_utf8(N) + " is already declared");
    STEP("3");
    MUST(DclRec.CreateImmutableBinding(agent, N, S));
    return {};
}

ThrowCompletionOr<void> GlobalEnvironmentRecord::InitializeBinding(Agent& agent, BindingName N, Value V)
{
    SPEC_ALGORITHM("sec-global-environment-records-initializebinding-n-v");
    STEP("1");
    DeclarativeEnvironmentRecord& DclRec = *DeclarativeRecord;
    STEP("2");
    if (DclRec.has_binding(N)) {
        STEP("2.a");
        MUST(DclRec.InitializeBinding(agent, N, V));
        return {};
    }
    STEP("3");
    STEP("4");
    ObjectEnvironmentRecord& ObjRec = *ObjectRecord;
    STEP("5");
    return ObjRec.InitializeBinding(agent, N, V);
}

ThrowCompletionOr<void> GlobalEnvironmentRecord::SetMutableBinding(Agent& agent, BindingName N, Value V, bool S)
{
    SPEC_ALGORITHM("sec-global-environment-records-setmutablebinding-n-v-s");
    STEP("1");
    DeclarativeEnvironmentRecord& DclRec = *DeclarativeRecord;
    STEP("2");
    if (DclRec.has_binding(N)) {
        STEP("2.a");
        return DclRec.SetMutableBinding(agent, N, V, S);
    }
    STEP("3");
    ObjectEnvironmentRecord& ObjRec = *ObjectRecord;
    STEP("4");
    return ObjRec.SetMutableBinding(agent, N, V, S);
}

ThrowCompletionOr<Value> GlobalEnvironmentRecord::GetBindingValue(Agent& agent, BindingName N, bool S)
{
    SPEC_ALGORITHM("sec-global-environment-records-getbindingvalue-n-s");
    STEP("1");
    DeclarativeEnvironmentRecord& DclRec = *DeclarativeRecord;
    STEP("2");
    if (DclRec.has_binding(N)) {
        STEP("2.a");
        return DclRec.GetBindingValue(agent, N, S);
    }
    STEP("3");
    ObjectEnvironmentRecord& ObjRec = *ObjectRecord;
    STEP("4");
    return ObjRec.GetBindingValue(agent, N, S);
}

ThrowCompletionOr<bool> GlobalEnvironmentRecord::DeleteBinding(Agent& agent, BindingName N)
{
    SPEC_ALGORITHM("sec-global-environment-records-deletebinding-n");
    STEP("1");
    DeclarativeEnvironmentRecord& DclRec = *DeclarativeRecord;
    STEP("2");
    if (DclRec.has_binding(N)) {
        STEP("2.a");
        return MUST(DclRec.DeleteBinding(agent, N));
    }
    STEP("3");
    ObjectEnvironmentRecord& ObjRec = *ObjectRecord;
    STEP("4");
    Object& globalObject = *ObjRec.BindingObject;
    STEP("5");
    bool existingProp = TRY(HasOwnProperty(agent, globalObject, key_of(agent, N)));
    STEP("6");
    if (existingProp) {
        STEP("6.a");
        return ObjRec.DeleteBinding(agent, N);
    }
    STEP("7");
    return true;
}

ThrowCompletionOr<Value> GlobalEnvironmentRecord::GetThisBinding(Agent&)
{
    SPEC_ALGORITHM("sec-global-environment-records-getthisbinding");
    STEP("1");
    return GlobalThisValue;
}

void GlobalEnvironmentRecord::visit_edges(Visitor& visitor)
{
    EnvironmentRecord::visit_edges(visitor);
    visitor.visit(ObjectRecord);
    visitor.visit(GlobalThisValue);
    visitor.visit(DeclarativeRecord);
}

bool HasLexicalDeclaration(Agent&, GlobalEnvironmentRecord& envRec, BindingName N)
{
    SPEC_ALGORITHM("sec-haslexicaldeclaration");
    STEP("1");
    DeclarativeEnvironmentRecord& DclRec = *envRec.DeclarativeRecord;
    STEP("2");
    return DclRec.has_binding(N);
}

ThrowCompletionOr<bool> HasRestrictedGlobalProperty(Agent& agent, GlobalEnvironmentRecord& envRec, BindingName N)
{
    SPEC_ALGORITHM("sec-hasrestrictedglobalproperty");
    STEP("1");
    ObjectEnvironmentRecord& ObjRec = *envRec.ObjectRecord;
    STEP("2");
    Object& globalObject = *ObjRec.BindingObject;
    STEP("3");
    auto existingProp = TRY(globalObject.GetOwnProperty(agent, key_of(agent, N)));
    STEP("4");
    if (!existingProp) return false;
    STEP("5");
    if (*existingProp->configurable) return false;
    STEP("6");
    return true;
}

ThrowCompletionOr<bool> CanDeclareGlobalVar(Agent& agent, GlobalEnvironmentRecord& envRec, BindingName N)
{
    SPEC_ALGORITHM("sec-candeclareglobalvar");
    STEP("1");
    ObjectEnvironmentRecord& ObjRec = *envRec.ObjectRecord;
    STEP("2");
    Object& globalObject = *ObjRec.BindingObject;
    STEP("3");
    bool hasProperty = TRY(HasOwnProperty(agent, globalObject, key_of(agent, N)));
    STEP("4");
    if (hasProperty) return true;
    STEP("5");
    return TRY(IsExtensible(agent, globalObject));
}

ThrowCompletionOr<bool> CanDeclareGlobalFunction(Agent& agent, GlobalEnvironmentRecord& envRec, BindingName N)
{
    SPEC_ALGORITHM("sec-candeclareglobalfunction");
    STEP("1");
    ObjectEnvironmentRecord& ObjRec = *envRec.ObjectRecord;
    STEP("2");
    Object& globalObject = *ObjRec.BindingObject;
    STEP("3");
    auto existingProp = TRY(globalObject.GetOwnProperty(agent, key_of(agent, N)));
    STEP("4");
    if (!existingProp) return TRY(IsExtensible(agent, globalObject));
    STEP("5");
    if (*existingProp->configurable) return true;
    STEP("6");
    if (IsDataDescriptor(*existingProp) && *existingProp->writable && *existingProp->enumerable) return true;
    STEP("7");
    return false;
}

ThrowCompletionOr<void> CreateGlobalVarBinding(Agent& agent, GlobalEnvironmentRecord& envRec, BindingName N, bool D)
{
    SPEC_ALGORITHM("sec-createglobalvarbinding");
    STEP("1");
    ObjectEnvironmentRecord& ObjRec = *envRec.ObjectRecord;
    STEP("2");
    Object& globalObject = *ObjRec.BindingObject;
    STEP("3");
    bool hasProperty = TRY(HasOwnProperty(agent, globalObject, key_of(agent, N)));
    STEP("4");
    bool extensible = TRY(IsExtensible(agent, globalObject));
    STEP("5");
    if (!hasProperty && extensible) {
        STEP("5.a");
        TRY(ObjRec.CreateMutableBinding(agent, N, D));
        STEP("5.b");
        TRY(ObjRec.InitializeBinding(agent, N, Value::undefined()));
    }
    STEP("6");
    return {};
}

ThrowCompletionOr<void> CreateGlobalFunctionBinding(Agent& agent, GlobalEnvironmentRecord& envRec, BindingName N,
                                                    Value V, bool D)
{
    SPEC_ALGORITHM("sec-createglobalfunctionbinding");
    STEP("1");
    ObjectEnvironmentRecord& ObjRec = *envRec.ObjectRecord;
    STEP("2");
    Object& globalObject = *ObjRec.BindingObject;
    PropertyKey key = key_of(agent, N);
    STEP("3");
    auto existingProp = TRY(globalObject.GetOwnProperty(agent, key));
    PropertyDescriptor desc;
    STEP("4");
    if (!existingProp || *existingProp->configurable) {
        STEP("4.a");
        desc = PropertyDescriptor{.value = V, .writable = true, .enumerable = true, .configurable = D};
    } else {
        STEP("5");
        STEP("5.a");
        desc = PropertyDescriptor{.value = V};
    }
    STEP("6");
    TRY(DefinePropertyOrThrow(agent, globalObject, key, desc));
    STEP("7");
    TRY(Set(agent, globalObject, key, V, false));
    STEP("8");
    return {};
}

// ---- §9.1.2 Environment Record operations ---------------------------------------

DeclarativeEnvironmentRecord* NewDeclarativeEnvironment(Agent& agent, EnvironmentRecord* E)
{
    SPEC_ALGORITHM("sec-newdeclarativeenvironment");
    STEP("1");
    STEP("2");
    STEP("3");
    return agent.heap.allocate<DeclarativeEnvironmentRecord>(E);
}

ObjectEnvironmentRecord* NewObjectEnvironment(Agent& agent, Object& O, bool W, EnvironmentRecord* E)
{
    SPEC_ALGORITHM("sec-newobjectenvironment");
    STEP("1");
    STEP("2");
    STEP("3");
    STEP("4");
    STEP("5");
    return agent.heap.allocate<ObjectEnvironmentRecord>(&O, W, E);
}

FunctionEnvironmentRecord* NewFunctionEnvironment(Agent& agent, Object& F, Value newTarget)
{
    SPEC_ALGORITHM("sec-newfunctionenvironment");
    auto& function = static_cast<ECMAScriptFunctionObject&>(F);
    STEP("1");
    auto* env = agent.heap.allocate<FunctionEnvironmentRecord>(nullptr, EnvironmentRecord::Kind::Function);
    STEP("2");
    env->FunctionObject = &F;
    STEP("3");
    if (function.ThisMode == ThisMode::Lexical) {
        env->ThisBindingStatus = ThisBindingStatus::Lexical;
    } else {
        STEP("4");
        env->ThisBindingStatus = ThisBindingStatus::Uninitialized;
    }
    STEP("5");
    env->NewTarget = newTarget;
    STEP("6");
    env->OuterEnv = function.Environment;
    STEP("7");
    return env;
}

GlobalEnvironmentRecord* NewGlobalEnvironment(Agent& agent, Object& G, Object& thisValue)
{
    SPEC_ALGORITHM("sec-newglobalenvironment");
    STEP("1");
    Root<ObjectEnvironmentRecord*> objRec(NewObjectEnvironment(agent, G, false, nullptr));
    STEP("2");
    Root<DeclarativeEnvironmentRecord*> dclRec(NewDeclarativeEnvironment(agent, nullptr));
    STEP("3");
    auto* env = agent.heap.allocate<GlobalEnvironmentRecord>();
    STEP("4");
    env->ObjectRecord = objRec;
    STEP("5");
    env->GlobalThisValue = &thisValue;
    STEP("6");
    env->DeclarativeRecord = dclRec;
    STEP("7");
    env->OuterEnv = nullptr;
    STEP("8");
    return env;
}

// ---- §9.2 PrivateEnvironment Records ------------------------------------------------

// §6.2.12 Private Names (runtime/private_element.h) live in PrivateEnvironment Records.
void PrivateName::visit_edges(Visitor& visitor)
{
    visitor.visit(Description);
}

void PrivateEnvironmentRecord::visit_edges(Visitor& visitor)
{
    visitor.visit(OuterPrivateEnvironment);
    for (PrivateName* name : Names) visitor.visit(name);
}

PrivateEnvironmentRecord* NewPrivateEnvironment(Agent& agent, PrivateEnvironmentRecord* outerPrivateEnv)
{
    SPEC_ALGORITHM("sec-newprivateenvironment");
    STEP("1");
    STEP("2");
    return agent.heap.allocate<PrivateEnvironmentRecord>(outerPrivateEnv);
}

bool PrivateNameIs(const PrivateName& pn, BindingName identifier)
{
    std::u16string_view description = pn.Description->view();
    return description.size() == identifier.size() + 1 && description[0] == u'#' &&
           description.substr(1) == identifier;
}

PrivateName* ResolvePrivateIdentifier(PrivateEnvironmentRecord& privateEnv, BindingName identifier)
{
    SPEC_ALGORITHM("sec-resolve-private-identifier");
    for (PrivateEnvironmentRecord* env = &privateEnv;;) {
        STEP("1");
        STEP("2");
        for (PrivateName* pn : env->Names) {
            STEP("2.a");
            if (PrivateNameIs(*pn, identifier)) {
                STEP("2.a.i");
                return pn;
            }
        }
        STEP("3");
        PrivateEnvironmentRecord* outerPrivateEnv = env->OuterPrivateEnvironment;
        STEP("4");
        SPEC_ASSERT(outerPrivateEnv);
        STEP("5");  // the tail call, as a loop
        env = outerPrivateEnv;
    }
}

// ---- §9.4 ---------------------------------------------------------------------------

EnvironmentRecord& GetThisEnvironment(Agent& agent)
{
    SPEC_ALGORITHM("sec-getthisenvironment");
    STEP("1");
    EnvironmentRecord* env = agent.running_execution_context().LexicalEnvironment;
    STEP("2");
    for (;;) {
        STEP("2.a");
        bool exists = env->HasThisBinding();
        STEP("2.b");
        if (exists) return *env;
        STEP("2.c");
        EnvironmentRecord* outer = env->OuterEnv;
        STEP("2.d");
        SPEC_ASSERT(outer);
        STEP("2.e");
        env = outer;
    }
}

ThrowCompletionOr<Value> ResolveThisBinding(Agent& agent)
{
    SPEC_ALGORITHM("sec-resolvethisbinding");
    STEP("1");
    EnvironmentRecord& envRec = GetThisEnvironment(agent);
    STEP("2");
    return envRec.GetThisBinding(agent);
}

Value GetNewTarget(Agent& agent)
{
    SPEC_ALGORITHM("sec-getnewtarget");
    STEP("1");
    EnvironmentRecord& envRec = GetThisEnvironment(agent);
    STEP("2");
    SPEC_ASSERT(envRec.kind() == EnvironmentRecord::Kind::Function);
    STEP("3");
    return static_cast<FunctionEnvironmentRecord&>(envRec).NewTarget;
}

Object* GetGlobalObject(Agent& agent)
{
    SPEC_ALGORITHM("sec-getglobalobject");
    STEP("1");
    Realm* currentRealm = agent.current_realm();
    STEP("2");
    return currentRealm->GlobalObject;
}

}  // namespace lockstep
