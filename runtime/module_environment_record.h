// ECMA-262 §9.1.1.5 Module Environment Records: a Declarative Environment
// Record for a module's top level, which also holds immutable import
// bindings that are indirect (they read another module's binding), and
// whose `this` is *undefined*.
// https://tc39.es/ecma262/#sec-module-environment-records
#pragma once

#include <string>
#include <vector>

#include "runtime/environment_records.h"

namespace lockstep {

class ModuleRecord;

class ModuleEnvironmentRecord final : public DeclarativeEnvironmentRecord {
public:
    explicit ModuleEnvironmentRecord(EnvironmentRecord* outer) : DeclarativeEnvironmentRecord(outer, Kind::Module) {}

    ThrowCompletionOr<bool> HasBinding(Agent&, BindingName N) override;
    ThrowCompletionOr<void> SetMutableBinding(Agent&, BindingName N, Value V, bool S) override;
    // §9.1.1.5.1 GetBindingValue ( N, S )
    ThrowCompletionOr<Value> GetBindingValue(Agent&, BindingName N, bool S) override;
    // §9.1.1.5.2 DeleteBinding ( N ): never used (module code is strict).
    ThrowCompletionOr<bool> DeleteBinding(Agent&, BindingName N) override;
    // §9.1.1.5.3 HasThisBinding ( )
    bool HasThisBinding() const override;
    // §9.1.1.5.4 GetThisBinding ( )
    ThrowCompletionOr<Value> GetThisBinding(Agent&) override;

    // An immutable indirect binding N → the binding N2 of M's environment,
    // always initialized (CreateImportBinding).
    struct IndirectBinding {
        std::u16string N;
        ModuleRecord* M;
        std::u16string N2;
    };
    const IndirectBinding* find_indirect(BindingName N) const;

    void visit_edges(Visitor&) override;

private:
    friend void CreateImportBinding(ModuleEnvironmentRecord& envRec, BindingName N, ModuleRecord& M, BindingName N2);
    std::vector<IndirectBinding> indirect_bindings_;
};

// §9.1.1.5.5 CreateImportBinding ( envRec, N, M, N2 )
void CreateImportBinding(ModuleEnvironmentRecord& envRec, BindingName N, ModuleRecord& M, BindingName N2);
// §9.1.2.6 NewModuleEnvironment ( E )
ModuleEnvironmentRecord* NewModuleEnvironment(Agent&, EnvironmentRecord* E);

}  // namespace lockstep
