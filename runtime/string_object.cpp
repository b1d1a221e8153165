// ECMA-262 §10.4.3 String Exotic Objects.
#include "runtime/string_object.h"

#include <cmath>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/ordinary_object.h"
#include "runtime/string.h"

namespace lockstep {

ThrowCompletionOr<std::optional<PropertyDescriptor>> StringObject::GetOwnProperty(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-string-exotic-objects-getownproperty-p");
    STEP("1");
    std::optional<PropertyDescriptor> desc = OrdinaryGetOwnProperty(*this, P);
    STEP("2");
    if (desc) return desc;
    STEP("3");
    return StringGetOwnProperty(agent, *this, P);
}

ThrowCompletionOr<bool> StringObject::DefineOwnProperty(Agent& agent, PropertyKey P, const PropertyDescriptor& Desc)
{
    SPEC_ALGORITHM("sec-string-exotic-objects-defineownproperty-p-desc");
    STEP("1");
    std::optional<PropertyDescriptor> stringDesc = StringGetOwnProperty(agent, *this, P);
    STEP("2");
    if (stringDesc) {
        STEP("2.a");
        bool extensible = Extensible;
        STEP("2.b");
        return IsCompatiblePropertyDescriptor(agent, extensible, Desc, stringDesc);
    }
    STEP("3");
    return MUST(OrdinaryDefineOwnProperty(agent, *this, P, Desc));
}

ThrowCompletionOr<List<PropertyKey>> StringObject::OwnPropertyKeys(Agent&)
{
    SPEC_ALGORITHM("sec-string-exotic-objects-ownpropertykeys");
    STEP("1");
    List<PropertyKey> keys;
    STEP("2");
    String* str = StringData;
    STEP("3");
    SPEC_ASSERT(str);
    STEP("4");
    size_t len = str->length();
    STEP("5");
    for (size_t i = 0; i < len; ++i) {
        STEP("5.a");
        keys.append(PropertyKey::from_array_index(uint32_t(i)));
    }
    STEP("6");
    List<PropertyKey> indices;
    properties().append_array_index_keys(indices);
    for (PropertyKey P : indices) {
        if (P.as_array_index() < len) continue;
        STEP("6.a");
        keys.append(P);
    }
    STEP("7");
    STEP("7.a");
    properties().append_string_keys(keys);
    STEP("8");
    STEP("8.a");
    properties().append_symbol_keys(keys);
    STEP("9");
    return keys;
}

void StringObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(StringData);
}

StringObject* StringCreate(Agent& agent, String* value, Object* prototype)
{
    SPEC_ALGORITHM("sec-stringcreate");
    STEP("1");
    auto* S = MakeBasicObject<StringObject>(agent, value);
    STEP("2");
    S->Prototype = prototype;
    STEP("3");  // [[StringData]] was set by the constructor
    STEP("4");  // StringObject overrides [[GetOwnProperty]], [[DefineOwnProperty]], [[OwnPropertyKeys]]
    STEP("5");
    STEP("6");
    STEP("7");
    size_t length = value->length();
    STEP("8");
    MUST(DefinePropertyOrThrow(agent, *S, agent.names.length,
                               PropertyDescriptor{.value = Value::number(double(length)), .writable = false,
                                                  .enumerable = false, .configurable = false}));
    STEP("9");
    return S;
}

std::optional<PropertyDescriptor> StringGetOwnProperty(Agent& agent, StringObject& S, PropertyKey P)
{
    SPEC_ALGORITHM("sec-stringgetownproperty");
    STEP("1");
    if (!P.is_string()) return std::nullopt;
    STEP("2");
    // An array-index key is its own canonical numeric string.
    std::optional<double> index = P.is_array_index() ? std::optional<double>(P.as_array_index())
                                                     : CanonicalNumericIndexString(*P.as_string());
    STEP("3");
    if (!index || !std::isfinite(*index) || std::trunc(*index) != *index) return std::nullopt;
    STEP("4");
    if (*index < 0 || (*index == 0 && std::signbit(*index))) return std::nullopt;
    STEP("5");
    String* str = S.StringData;
    STEP("6");
    SPEC_ASSERT(str);
    STEP("7");
    size_t len = str->length();
    STEP("8");
    if (*index >= double(len)) return std::nullopt;
    STEP("9");
    size_t i = size_t(*index);
    String* resultStr = agent.heap.intern(str->view().substr(i, 1));
    STEP("10");
    return PropertyDescriptor{.value = Value(resultStr), .writable = false, .enumerable = true, .configurable = false};
}

}  // namespace lockstep
