// ECMA-262 §6.2.5 The Reference Record Specification Type; §9.1.2.1, §9.4.2.
#include "runtime/reference.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/private_elements.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/string.h"

namespace lockstep {

namespace {

// Step 3.c of GetValue and PutValue: the referenced name as a property key.
ThrowCompletionOr<PropertyKey> referenced_key(Agent& agent, ReferenceRecord& V)
{
    if (!V.key_is_set) {
        V.key = TRY(ToPropertyKey(agent, V.name_value));
        V.key_is_set = true;
    }
    return V.key;
}

}  // namespace

ThrowCompletionOr<Value> GetValue(Agent& agent, ReferenceRecord& V)
{
    SPEC_ALGORITHM("sec-getvalue");
    STEP("1");  // V is a Reference Record here
    STEP("2");
    if (IsUnresolvableReference(V))
        return throw_error(agent, ErrorType::ReferenceError, utf16_to_utf8(V.name) + " is not defined");
    STEP("3");
    if (IsPropertyReference(V)) {
        STEP("3.a");
        // Ordinary property lookups on objects skip the ToObject wrapper.
        Object* baseObj = V.base_value.is_object() ? V.base_value.as_object() : TRY(ToObject(agent, V.base_value));
        STEP("3.b");
        if (IsPrivateReference(V)) {
            STEP("3.b.i");
            return PrivateGet(agent, *baseObj, *V.private_name);
        }
        STEP("3.c");
        STEP("3.c.i");
        PropertyKey key = TRY(referenced_key(agent, V));
        STEP("3.d");
        return baseObj->Get(agent, key, GetThisValue(V));
    }
    STEP("4");
    STEP("4.a");
    EnvironmentRecord* base = V.base_env;
    STEP("4.b");
    SPEC_ASSERT(base);
    STEP("4.c");
    return base->GetBindingValue(agent, V.name, V.Strict);
}

ThrowCompletionOr<void> PutValue(Agent& agent, ReferenceRecord& V, Value W)
{
    SPEC_ALGORITHM("sec-putvalue");
    STEP("1");  // V is a Reference Record here
    STEP("2");
    if (IsUnresolvableReference(V)) {
        STEP("2.a");
        if (V.Strict) return throw_error(agent, ErrorType::ReferenceError, utf16_to_utf8(V.name) + " is not defined");
        STEP("2.b");
        Object* globalObj = GetGlobalObject(agent);
        STEP("2.c");
        TRY(Set(agent, *globalObj, PropertyKey::from_string(agent.heap, V.name), W, false));
        STEP("2.d");
        return {};
    }
    STEP("3");
    if (IsPropertyReference(V)) {
        STEP("3.a");
        Object* baseObj = V.base_value.is_object() ? V.base_value.as_object() : TRY(ToObject(agent, V.base_value));
        STEP("3.b");
        if (IsPrivateReference(V)) {
            STEP("3.b.i");
            return PrivateSet(agent, *baseObj, *V.private_name, W);
        }
        STEP("3.c");
        STEP("3.c.i");
        PropertyKey key = TRY(referenced_key(agent, V));
        STEP("3.d");
        bool succeeded = TRY(baseObj->Set(agent, key, W, GetThisValue(V)));
        STEP("3.e");
        if (!succeeded && V.Strict) return throw_type_error(agent, "cannot assign to read-only property");
        STEP("3.f");
        return {};
    }
    STEP("4");
    STEP("4.a");
    EnvironmentRecord* base = V.base_env;
    STEP("4.b");
    SPEC_ASSERT(base);
    STEP("4.c");
    return base->SetMutableBinding(agent, V.name, W, V.Strict);
}

Value GetThisValue(const ReferenceRecord& V)
{
    SPEC_ALGORITHM("sec-getthisvalue");
    STEP("1");
    SPEC_ASSERT(IsPropertyReference(V));
    STEP("2");
    return IsSuperReference(V) ? V.ThisValue : V.base_value;
}

ThrowCompletionOr<void> InitializeReferencedBinding(Agent& agent, ReferenceRecord& V, Value W)
{
    SPEC_ALGORITHM("sec-initializereferencedbinding");
    STEP("1");
    SPEC_ASSERT(!IsUnresolvableReference(V));
    STEP("2");
    EnvironmentRecord* base = V.base_env;
    STEP("3");
    SPEC_ASSERT(base);
    STEP("4");
    return base->InitializeBinding(agent, V.name, W);
}

ReferenceRecord MakePrivateReference(Agent& agent, Value baseValue, BindingName privateIdentifier)
{
    SPEC_ALGORITHM("sec-makeprivatereference");
    STEP("1");
    PrivateEnvironmentRecord* privateEnv = agent.running_execution_context().PrivateEnvironment;
    STEP("2");
    SPEC_ASSERT(privateEnv);
    STEP("3");
    PrivateName* privateName = ResolvePrivateIdentifier(*privateEnv, privateIdentifier);
    STEP("4");
    ReferenceRecord reference;
    reference.base_kind = ReferenceRecord::BaseKind::Value;
    reference.base_value = baseValue;
    reference.private_name = privateName;
    reference.Strict = true;
    return reference;
}

ThrowCompletionOr<ReferenceRecord> GetIdentifierReference(Agent& agent, EnvironmentRecord* env, BindingName name,
                                                          bool strict)
{
    SPEC_ALGORITHM("sec-getidentifierreference");
    // The recursion on [[OuterEnv]] is a loop: scope chains can be long.
    for (;;) {
        STEP("1");
        if (!env) {
            STEP("1.a");
            ReferenceRecord reference;
            reference.name = name;
            reference.Strict = strict;
            return reference;
        }
        STEP("2");
        bool exists = TRY(env->HasBinding(agent, name));
        STEP("3");
        if (exists) {
            STEP("3.a");
            ReferenceRecord reference;
            reference.base_kind = ReferenceRecord::BaseKind::Environment;
            reference.base_env = env;
            reference.name = name;
            reference.Strict = strict;
            return reference;
        }
        STEP("4");
        STEP("4.a");
        EnvironmentRecord* outer = env->OuterEnv;
        STEP("4.b");
        env = outer;
    }
}

ThrowCompletionOr<ReferenceRecord> ResolveBinding(Agent& agent, BindingName name, bool strict, EnvironmentRecord* env)
{
    SPEC_ALGORITHM("sec-resolvebinding");
    STEP("1");
    if (!env) {
        STEP("1.a");
        env = agent.running_execution_context().LexicalEnvironment;
    }
    STEP("2");
    SPEC_ASSERT(env);
    STEP("3");  // strict: IsStrict of the production being evaluated, from the caller
    STEP("4");
    return GetIdentifierReference(agent, env, name, strict);
}

}  // namespace lockstep
