#include "runtime/property_descriptor.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "spec/step.h"

namespace lockstep {

bool PropertyDescriptor::is_fully_populated() const
{
    bool data = value && writable;
    bool accessor = get && set;
    return (data || accessor) && !(data && (get || set)) && !(accessor && (value || writable)) && enumerable &&
           configurable;
}

void PropertyDescriptor::visit_edges(Visitor& visitor) const
{
    if (value) visitor.visit(*value);
    if (get) visitor.visit(*get);
    if (set) visitor.visit(*set);
}

bool IsAccessorDescriptor(const PropertyDescriptor& Desc)
{
    SPEC_ALGORITHM("sec-isaccessordescriptor");
    STEP("1");
    if (Desc.get) return true;
    STEP("2");
    if (Desc.set) return true;
    STEP("3");
    return false;
}

bool IsDataDescriptor(const PropertyDescriptor& Desc)
{
    SPEC_ALGORITHM("sec-isdatadescriptor");
    STEP("1");
    if (Desc.value) return true;
    STEP("2");
    if (Desc.writable) return true;
    STEP("3");
    return false;
}

bool IsGenericDescriptor(const PropertyDescriptor& Desc)
{
    SPEC_ALGORITHM("sec-isgenericdescriptor");
    STEP("1");
    if (IsAccessorDescriptor(Desc)) return false;
    STEP("2");
    if (IsDataDescriptor(Desc)) return false;
    STEP("3");
    return true;
}

Value FromPropertyDescriptor(Agent& agent, const std::optional<PropertyDescriptor>& Desc)
{
    SPEC_ALGORITHM("sec-frompropertydescriptor");
    STEP("1");
    if (!Desc) return Value::undefined();
    STEP("2");
    Object* obj = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
    STEP("3");
    SPEC_ASSERT(obj->Extensible && obj->properties().size() == 0);
    STEP("4");
    if (Desc->value) {
        STEP("4.a");
        MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("value"), *Desc->value));
    }
    STEP("5");
    if (Desc->writable) {
        STEP("5.a");
        MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("writable"), Value::boolean(*Desc->writable)));
    }
    STEP("6");
    if (Desc->get) {
        STEP("6.a");
        MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("get"), *Desc->get));
    }
    STEP("7");
    if (Desc->set) {
        STEP("7.a");
        MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("set"), *Desc->set));
    }
    STEP("8");
    if (Desc->enumerable) {
        STEP("8.a");
        MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("enumerable"), Value::boolean(*Desc->enumerable)));
    }
    STEP("9");
    if (Desc->configurable) {
        STEP("9.a");
        MUST(CreateDataPropertyOrThrow(agent, *obj, agent.key("configurable"), Value::boolean(*Desc->configurable)));
    }
    STEP("10");
    return obj;
}

ThrowCompletionOr<PropertyDescriptor> ToPropertyDescriptor(Agent& agent, Value Obj)
{
    SPEC_ALGORITHM("sec-topropertydescriptor");
    STEP("1");
    if (!Obj.is_object()) return throw_type_error(agent, "property descriptor must be an object");
    Object& object = *Obj.as_object();
    STEP("2");
    PropertyDescriptor desc;
    STEP("3");
    bool hasEnumerable = TRY(HasProperty(agent, object, agent.key("enumerable")));
    STEP("4");
    if (hasEnumerable) {
        STEP("4.a");
        bool enumerable = ToBoolean(TRY(Get(agent, object, agent.key("enumerable"))));
        STEP("4.b");
        desc.enumerable = enumerable;
    }
    STEP("5");
    bool hasConfigurable = TRY(HasProperty(agent, object, agent.key("configurable")));
    STEP("6");
    if (hasConfigurable) {
        STEP("6.a");
        bool configurable = ToBoolean(TRY(Get(agent, object, agent.key("configurable"))));
        STEP("6.b");
        desc.configurable = configurable;
    }
    STEP("7");
    bool hasValue = TRY(HasProperty(agent, object, agent.key("value")));
    STEP("8");
    if (hasValue) {
        STEP("8.a");
        Value value = TRY(Get(agent, object, agent.key("value")));
        STEP("8.b");
        desc.value = value;
    }
    STEP("9");
    bool hasWritable = TRY(HasProperty(agent, object, agent.key("writable")));
    STEP("10");
    if (hasWritable) {
        STEP("10.a");
        bool writable = ToBoolean(TRY(Get(agent, object, agent.key("writable"))));
        STEP("10.b");
        desc.writable = writable;
    }
    STEP("11");
    bool hasGet = TRY(HasProperty(agent, object, agent.key("get")));
    STEP("12");
    if (hasGet) {
        STEP("12.a");
        Value getter = TRY(Get(agent, object, agent.key("get")));
        STEP("12.b");
        if (!IsCallable(getter) && !getter.is_undefined()) return throw_type_error(agent, "getter must be a function");
        STEP("12.c");
        desc.get = getter;
    }
    STEP("13");
    bool hasSet = TRY(HasProperty(agent, object, agent.key("set")));
    STEP("14");
    if (hasSet) {
        STEP("14.a");
        Value setter = TRY(Get(agent, object, agent.key("set")));
        STEP("14.b");
        if (!IsCallable(setter) && !setter.is_undefined()) return throw_type_error(agent, "setter must be a function");
        STEP("14.c");
        desc.set = setter;
    }
    STEP("15");
    if (desc.get || desc.set) {
        STEP("15.a");
        if (desc.value || desc.writable)
            return throw_type_error(agent, "a property descriptor cannot be both an accessor and a data descriptor");
    }
    STEP("16");
    return desc;
}

void CompletePropertyDescriptor(PropertyDescriptor& Desc)
{
    SPEC_ALGORITHM("sec-completepropertydescriptor");
    STEP("1");  // like: { undefined, false, undefined, undefined, false, false }
    STEP("2");
    if (IsGenericDescriptor(Desc) || IsDataDescriptor(Desc)) {
        STEP("2.a");
        if (!Desc.value) Desc.value = Value::undefined();
        STEP("2.b");
        if (!Desc.writable) Desc.writable = false;
    } else {
        STEP("3");
        STEP("3.a");
        if (!Desc.get) Desc.get = Value::undefined();
        STEP("3.b");
        if (!Desc.set) Desc.set = Value::undefined();
    }
    STEP("4");
    if (!Desc.enumerable) Desc.enumerable = false;
    STEP("5");
    if (!Desc.configurable) Desc.configurable = false;
    STEP("6");
}

}  // namespace lockstep
