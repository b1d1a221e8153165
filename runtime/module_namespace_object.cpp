// ECMA-262 §10.4.6 Module Namespace Exotic Objects.
#include "runtime/module_namespace_object.h"

#include <algorithm>

#include "abstract_ops/module_records.h"
#include "abstract_ops/testing_and_comparison.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/immutable_prototype_object.h"
#include "runtime/module_environment_record.h"
#include "runtime/ordinary_object.h"
#include "runtime/string.h"
#include "runtime/symbol.h"

namespace lockstep {

namespace {

// A String key's code units (an array index as its canonical numeric string).
std::u16string KeyUnits(PropertyKey P)
{
    if (P.is_array_index()) {
        std::string digits = std::to_string(P.as_array_index());
        return std::u16string(digits.begin(), digits.end());
    }
    return std::u16string(P.as_string()->view());
}

}  // namespace

bool ModuleNamespaceObject::exports_contain(PropertyKey P) const
{
    std::u16string units = KeyUnits(P);
    return std::binary_search(Exports.begin(), Exports.end(), units);
}

ThrowCompletionOr<Object*> ModuleNamespaceObject::GetPrototypeOf(Agent&)
{
    SPEC_ALGORITHM("sec-module-namespace-exotic-objects-getprototypeof");
    STEP("1");
    return static_cast<Object*>(nullptr);
}

ThrowCompletionOr<bool> ModuleNamespaceObject::SetPrototypeOf(Agent& agent, Object* V)
{
    SPEC_ALGORITHM("sec-module-namespace-exotic-objects-setprototypeof-v");
    STEP("1");
    return SetImmutablePrototype(agent, *this, V);
}

ThrowCompletionOr<bool> ModuleNamespaceObject::IsExtensible(Agent&)
{
    SPEC_ALGORITHM("sec-module-namespace-exotic-objects-isextensible");
    STEP("1");
    return false;
}

ThrowCompletionOr<bool> ModuleNamespaceObject::PreventExtensions(Agent&)
{
    SPEC_ALGORITHM("sec-module-namespace-exotic-objects-preventextensions");
    STEP("1");
    return true;
}

ThrowCompletionOr<std::optional<PropertyDescriptor>> ModuleNamespaceObject::GetOwnProperty(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-module-namespace-exotic-objects-getownproperty-p");
    STEP("1");
    if (P.is_symbol()) return OrdinaryGetOwnProperty(*this, P);
    STEP("2");
    STEP("3");
    if (!exports_contain(P)) return std::optional<PropertyDescriptor>();
    STEP("4");
    Value value = TRY(Get(agent, P, this));
    STEP("5");
    return std::optional<PropertyDescriptor>(
        PropertyDescriptor{.value = value, .writable = true, .enumerable = true, .configurable = false});
}

ThrowCompletionOr<bool> ModuleNamespaceObject::DefineOwnProperty(Agent& agent, PropertyKey P,
                                                                 const PropertyDescriptor& Desc)
{
    SPEC_ALGORITHM("sec-module-namespace-exotic-objects-defineownproperty-p-desc");
    STEP("1");
    if (P.is_symbol()) return MUST(OrdinaryDefineOwnProperty(agent, *this, P, Desc));
    STEP("2");
    std::optional<PropertyDescriptor> current = TRY(GetOwnProperty(agent, P));
    STEP("3");
    if (!current) return false;
    STEP("4");
    if (Desc.configurable && *Desc.configurable) return false;
    STEP("5");
    if (Desc.enumerable && !*Desc.enumerable) return false;
    STEP("6");
    if (IsAccessorDescriptor(Desc)) return false;
    STEP("7");
    if (Desc.writable && !*Desc.writable) return false;
    STEP("8");
    if (Desc.value) return SameValue(*Desc.value, *current->value);
    STEP("9");
    return true;
}

ThrowCompletionOr<bool> ModuleNamespaceObject::HasProperty(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-module-namespace-exotic-objects-hasproperty-p");
    STEP("1");
    if (P.is_symbol()) return MUST(OrdinaryHasProperty(agent, *this, P));
    STEP("2");
    STEP("3");
    if (exports_contain(P)) return true;
    STEP("4");
    return false;
}

ThrowCompletionOr<Value> ModuleNamespaceObject::Get(Agent& agent, PropertyKey P, Value Receiver)
{
    SPEC_ALGORITHM("sec-module-namespace-exotic-objects-get-p-receiver");
    STEP("1");
    if (P.is_symbol()) {
        STEP("1.a");
        return MUST(OrdinaryGet(agent, *this, P, Receiver));
    }
    STEP("2");
    STEP("3");
    if (!exports_contain(P)) return Value::undefined();
    std::u16string name = KeyUnits(P);
    STEP("4");
    ModuleRecord* m = Module;
    STEP("5");
    ResolveExportResult binding = m->ResolveExport(agent, name);
    STEP("6");
    SPEC_ASSERT(binding.is_resolved_binding());
    STEP("7");
    ModuleRecord* targetModule = binding.binding.Module;
    STEP("8");
    SPEC_ASSERT(targetModule);
    STEP("9");
    if (!binding.binding.BindingName) {
        STEP("9.a");
        return Value(GetModuleNamespace(agent, *targetModule));
    }
    STEP("10");
    ModuleEnvironmentRecord* targetEnv = targetModule->Environment;
    STEP("11");
    if (!targetEnv)
        return throw_error(agent, ErrorType::ReferenceError,
                           "the module exporting " + utf16_to_utf8(name) + " has no environment yet");
    STEP("12");
    return targetEnv->GetBindingValue(agent, *binding.binding.BindingName, true);
}

ThrowCompletionOr<bool> ModuleNamespaceObject::Set(Agent&, PropertyKey, Value, Value)
{
    SPEC_ALGORITHM("sec-module-namespace-exotic-objects-set-p-v-receiver");
    STEP("1");
    return false;
}

ThrowCompletionOr<bool> ModuleNamespaceObject::Delete(Agent& agent, PropertyKey P)
{
    SPEC_ALGORITHM("sec-module-namespace-exotic-objects-delete-p");
    STEP("1");
    if (P.is_symbol()) {
        STEP("1.a");
        return MUST(OrdinaryDelete(agent, *this, P));
    }
    STEP("2");
    STEP("3");
    if (exports_contain(P)) return false;
    STEP("4");
    return true;
}

ThrowCompletionOr<List<PropertyKey>> ModuleNamespaceObject::OwnPropertyKeys(Agent& agent)
{
    SPEC_ALGORITHM("sec-module-namespace-exotic-objects-ownpropertykeys");
    STEP("1");
    List<PropertyKey> keys;
    for (const std::u16string& name : Exports) keys.items().push_back(PropertyKey::from_string(agent.heap, name));
    STEP("2");
    List<PropertyKey> symbolKeys = OrdinaryOwnPropertyKeys(*this);
    STEP("3");
    for (const PropertyKey& key : symbolKeys) keys.items().push_back(key);
    return keys;
}

void ModuleNamespaceObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(Module);
}

ModuleNamespaceObject* ModuleNamespaceCreate(Agent& agent, ModuleRecord& module,
                                             const std::vector<std::u16string_view>& exports)
{
    SPEC_ALGORITHM("sec-modulenamespacecreate");
    STEP("1");
    SPEC_ASSERT(!module.Namespace);
    STEP("2");
    STEP("3");
    Root<Object*> M(MakeBasicObject<ModuleNamespaceObject>(agent));
    auto& namespaceObject = static_cast<ModuleNamespaceObject&>(*M.get());
    STEP("4");  // ModuleNamespaceObject overrides the internal methods
    STEP("5");
    namespaceObject.Module = &module;
    STEP("6");
    std::vector<std::u16string> sortedExports(exports.begin(), exports.end());
    std::sort(sortedExports.begin(), sortedExports.end());
    STEP("7");
    namespaceObject.Exports = std::move(sortedExports);
    STEP("8");
    // §28.3.1 @@toStringTag: "Module", { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }.
    // (Created, not defined through [[DefineOwnProperty]]: the object is never extensible.)
    ValidateAndApplyPropertyDescriptor(&namespaceObject, agent.well_known_symbol(WellKnownSymbol::toStringTag), true,
                                       PropertyDescriptor{.value = Value(agent.heap.intern(u"Module")),
                                                          .writable = false,
                                                          .enumerable = false,
                                                          .configurable = false},
                                       std::nullopt);
    STEP("9");
    module.Namespace = &namespaceObject;
    STEP("10");
    return &namespaceObject;
}

}  // namespace lockstep
