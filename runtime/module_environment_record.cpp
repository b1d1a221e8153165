// ECMA-262 §9.1.1.5 Module Environment Records.
#include "runtime/module_environment_record.h"

#include "abstract_ops/module_records.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/string.h"

namespace lockstep {

const ModuleEnvironmentRecord::IndirectBinding* ModuleEnvironmentRecord::find_indirect(BindingName N) const
{
    for (const IndirectBinding& binding : indirect_bindings_)
        if (binding.N == N) return &binding;
    return nullptr;
}

ThrowCompletionOr<bool> ModuleEnvironmentRecord::HasBinding(Agent& agent, BindingName N)
{
    // §9.1.1.1.1, over both kinds of binding this record holds.
    if (find_indirect(N)) return true;
    return DeclarativeEnvironmentRecord::HasBinding(agent, N);
}

ThrowCompletionOr<void> ModuleEnvironmentRecord::SetMutableBinding(Agent& agent, BindingName N, Value V, bool S)
{
    // §9.1.1.1.5 step 5: an import binding is immutable (and module code strict).
    if (find_indirect(N)) return throw_type_error(agent, "assignment to the imported binding " + utf16_to_utf8(N));
    return DeclarativeEnvironmentRecord::SetMutableBinding(agent, N, V, S);
}

ThrowCompletionOr<Value> ModuleEnvironmentRecord::GetBindingValue(Agent& agent, BindingName N, bool S)
{
    SPEC_ALGORITHM("sec-module-environment-records-getbindingvalue-n-s");
    STEP("1");
    SPEC_ASSERT(S);
    STEP("2");
    const IndirectBinding* indirect = find_indirect(N);
    SPEC_ASSERT(indirect || has_binding(N));
    STEP("3");
    if (indirect) {
        STEP("3.a");
        ModuleRecord* M = indirect->M;
        std::u16string_view N2 = indirect->N2;
        STEP("3.b");
        ModuleEnvironmentRecord* targetEnv = M->Environment;
        STEP("3.c");
        if (!targetEnv)
            return throw_error(agent, ErrorType::ReferenceError,
                               "the module exporting " + utf16_to_utf8(N2) + " has no environment yet");
        STEP("3.d");
        return targetEnv->GetBindingValue(agent, N2, true);
    }
    STEP("4");
    if (!is_initialized(N))
        return throw_error(agent, ErrorType::ReferenceError, utf16_to_utf8(N) + " is not initialized");
    STEP("5");
    return DeclarativeEnvironmentRecord::GetBindingValue(agent, N, true);
}

ThrowCompletionOr<bool> ModuleEnvironmentRecord::DeleteBinding(Agent&, BindingName)
{
    // §9.1.1.5.2: "Module Environment Records are only used within strict
    // code and an early error rule prevents the delete operator … from
    // being applied to a Reference Record that would resolve to a Module
    // Environment Record binding."
    SPEC_ASSERT(!"DeleteBinding of a Module Environment Record");
    return false;
}

bool ModuleEnvironmentRecord::HasThisBinding() const
{
    SPEC_ALGORITHM("sec-module-environment-records-hasthisbinding");
    STEP("1");
    return true;
}

ThrowCompletionOr<Value> ModuleEnvironmentRecord::GetThisBinding(Agent&)
{
    SPEC_ALGORITHM("sec-module-environment-records-getthisbinding");
    STEP("1");
    return Value::undefined();
}

void ModuleEnvironmentRecord::visit_edges(Visitor& visitor)
{
    DeclarativeEnvironmentRecord::visit_edges(visitor);
    for (const IndirectBinding& binding : indirect_bindings_) visitor.visit(binding.M);
}

void CreateImportBinding(ModuleEnvironmentRecord& envRec, BindingName N, ModuleRecord& M, BindingName N2)
{
    SPEC_ALGORITHM("sec-createimportbinding");
    STEP("1");
    SPEC_ASSERT(!envRec.has_binding(N) && !envRec.find_indirect(N));
    STEP("2");  // M's environment gets the binding N2 when M is linked
    STEP("3");
    envRec.indirect_bindings_.push_back({std::u16string(N), &M, std::u16string(N2)});
    STEP("4");
}

ModuleEnvironmentRecord* NewModuleEnvironment(Agent& agent, EnvironmentRecord* E)
{
    SPEC_ALGORITHM("sec-newmoduleenvironment");
    STEP("1");
    STEP("2");
    STEP("3");
    return agent.heap.allocate<ModuleEnvironmentRecord>(E);
}

}  // namespace lockstep
