// ECMA-262 §7.3.26-§7.3.33 private elements and class fields.
#include "abstract_ops/private_elements.h"

#include "abstract_ops/object_operations.h"
#include "runtime/agent.h"
#include "runtime/ecmascript_function_object.h"
#include "runtime/error.h"
#include "runtime/object.h"
#include "runtime/string.h"

namespace lockstep {

PrivateElement* PrivateElementFind(Object& O, PrivateName& P)
{
    SPEC_ALGORITHM("sec-privateelementfind");
    STEP("1");
    for (PrivateElement& pe : O.PrivateElements) {
        STEP("1.a");
        if (pe.key == &P) return &pe;
    }
    STEP("2");
    return nullptr;
}

ThrowCompletionOr<void> PrivateFieldAdd(Agent& agent, Object& O, PrivateName& P, Value value)
{
    SPEC_ALGORITHM("sec-privatefieldadd");
    STEP("1");
    STEP("1.a");
    TRY(agent.host.HostEnsureCanAddPrivateElement(agent, &O));
    STEP("2");
    PrivateElement* entry = PrivateElementFind(O, P);
    STEP("3");
    if (entry) return throw_type_error(agent, "private field " + P.Description->to_utf8() + " already present");
    STEP("4");
    O.PrivateElements.push_back(PrivateElement{&P, PrivateElementKind::Field, value, Value::undefined(),
                                               Value::undefined()});
    STEP("5");
    return {};
}

ThrowCompletionOr<void> PrivateMethodOrAccessorAdd(Agent& agent, Object& O, const PrivateElement& method)
{
    SPEC_ALGORITHM("sec-privatemethodoraccessoradd");
    STEP("1");
    SPEC_ASSERT(method.kind == PrivateElementKind::Method || method.kind == PrivateElementKind::Accessor);
    STEP("2");
    STEP("2.a");
    TRY(agent.host.HostEnsureCanAddPrivateElement(agent, &O));
    STEP("3");
    PrivateElement* entry = PrivateElementFind(O, *method.key);
    STEP("4");
    if (entry)
        return throw_type_error(agent, "private method " + method.key->Description->to_utf8() + " already present");
    STEP("5");
    O.PrivateElements.push_back(method);
    STEP("6");
    return {};
}

ThrowCompletionOr<Value> PrivateGet(Agent& agent, Object& O, PrivateName& P)
{
    SPEC_ALGORITHM("sec-privateget");
    STEP("1");
    PrivateElement* entry = PrivateElementFind(O, P);
    STEP("2");
    if (!entry) return throw_type_error(agent, "object has no private member " + P.Description->to_utf8());
    STEP("3");
    if (entry->kind == PrivateElementKind::Field || entry->kind == PrivateElementKind::Method) {
        STEP("3.a");
        return entry->value;
    }
    STEP("4");
    SPEC_ASSERT(entry->kind == PrivateElementKind::Accessor);
    STEP("5");
    if (entry->get.is_undefined())
        return throw_type_error(agent, "private accessor " + P.Description->to_utf8() + " has no getter");
    STEP("6");
    Value getter = entry->get;
    STEP("7");
    return Call(agent, getter, &O);
}

ThrowCompletionOr<void> PrivateSet(Agent& agent, Object& O, PrivateName& P, Value value)
{
    SPEC_ALGORITHM("sec-privateset");
    STEP("1");
    PrivateElement* entry = PrivateElementFind(O, P);
    STEP("2");
    if (!entry) return throw_type_error(agent, "object has no private member " + P.Description->to_utf8());
    STEP("3");
    if (entry->kind == PrivateElementKind::Field) {
        STEP("3.a");
        entry->value = value;
    } else if (entry->kind == PrivateElementKind::Method) {
        STEP("4");
        STEP("4.a");
        return throw_type_error(agent, "private method " + P.Description->to_utf8() + " is not writable");
    } else {
        STEP("5");
        STEP("5.a");
        SPEC_ASSERT(entry->kind == PrivateElementKind::Accessor);
        STEP("5.b");
        if (entry->set.is_undefined())
            return throw_type_error(agent, "private accessor " + P.Description->to_utf8() + " has no setter");
        STEP("5.c");
        Value setter = entry->set;
        STEP("5.d");
        TRY(Call(agent, setter, &O, std::span<const Value>(&value, 1)));
    }
    STEP("6");
    return {};
}

ThrowCompletionOr<void> DefineField(Agent& agent, Object& receiver, const ClassFieldDefinition& fieldRecord)
{
    SPEC_ALGORITHM("sec-definefield");
    STEP("1");
    const auto& fieldName = fieldRecord.Name;
    STEP("2");
    Object* initializer = fieldRecord.Initializer;
    Value initValue;
    STEP("3");
    if (initializer) {
        STEP("3.a");
        initValue = TRY(Call(agent, initializer, &receiver));
    } else {
        STEP("4");
        STEP("4.a");
        initValue = Value::undefined();
    }
    STEP("5");
    if (auto* privateName = std::get_if<PrivateName*>(&fieldName)) {
        STEP("5.a");
        TRY(PrivateFieldAdd(agent, receiver, **privateName, initValue));
    } else {
        STEP("6");
        STEP("6.a");
        STEP("6.b");
        TRY(CreateDataPropertyOrThrow(agent, receiver, std::get<PropertyKey>(fieldName), initValue));
    }
    STEP("7");
    return {};
}

ThrowCompletionOr<void> InitializeInstanceElements(Agent& agent, Object& O, ECMAScriptFunctionObject& constructor)
{
    SPEC_ALGORITHM("sec-initializeinstanceelements");
    STEP("1");
    const auto& methods = constructor.PrivateMethods;
    STEP("2");
    for (const PrivateElement& method : methods) {
        STEP("2.a");
        TRY(PrivateMethodOrAccessorAdd(agent, O, method));
    }
    STEP("3");
    const auto& fields = constructor.Fields;
    STEP("4");
    for (size_t i = 0; i < fields.size(); ++i) {  // by index: an initializer cannot change the list
        STEP("4.a");
        TRY(DefineField(agent, O, fields[i]));
    }
    STEP("5");
    return {};
}

}  // namespace lockstep
