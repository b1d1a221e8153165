#include "runtime/function_objects.h"

#include "abstract_ops/object_operations.h"
#include "runtime/agent.h"
#include "runtime/builtin_function.h"
#include "runtime/private_element.h"
#include "runtime/string.h"

namespace lockstep {

void SetFunctionName(Agent& agent, Object& F, std::variant<PropertyKey, PrivateName*> name, String* prefix)
{
    SPEC_ALGORITHM("sec-setfunctionname");
    STEP("1");
    SPEC_ASSERT(F.Extensible && !F.properties().find(agent.names.name));
    Value nameValue;
    STEP("2");
    if (auto* key = std::get_if<PropertyKey>(&name); key && key->is_symbol()) {
        STEP("2.a");
        Value description = key->as_symbol()->Description;
        STEP("2.b");
        if (description.is_undefined()) {
            nameValue = agent.heap.intern(u"");
        } else {
            STEP("2.c");
            nameValue = make_string(agent.heap, u"[" + description.as_string()->units() + u"]");
        }
    } else if (auto* privateName = std::get_if<PrivateName*>(&name)) {
        STEP("3");
        STEP("3.a");
        nameValue = (*privateName)->Description;
    } else {
        nameValue = std::get<PropertyKey>(name).to_value(agent.heap);
    }
    auto* builtin = dynamic_cast<BuiltinFunction*>(&F);
    STEP("4");
    if (builtin) {
        STEP("4.a");
        builtin->InitialName = nameValue;
    }
    STEP("5");
    if (prefix) {
        STEP("5.a");
        nameValue = make_string(agent.heap, prefix->units() + u" " + nameValue.as_string()->units());
        STEP("5.b");
        STEP("5.b.i");  // optional, and not taken: [[InitialName]] keeps the unprefixed name
    }
    STEP("6");
    MUST(DefinePropertyOrThrow(agent, F, agent.names.name,
                               PropertyDescriptor{.value = nameValue, .writable = false, .enumerable = false,
                                                  .configurable = true}));
    STEP("7");
}

void SetFunctionLength(Agent& agent, Object& F, double length)
{
    SPEC_ALGORITHM("sec-setfunctionlength");
    STEP("1");
    SPEC_ASSERT(F.Extensible && !F.properties().find(agent.names.length));
    STEP("2");
    MUST(DefinePropertyOrThrow(agent, F, agent.names.length,
                               PropertyDescriptor{.value = Value::number(length), .writable = false,
                                                  .enumerable = false, .configurable = true}));
    STEP("3");
}

}  // namespace lockstep
