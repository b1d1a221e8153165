// ECMA-262 §9.3 Realms.
// https://tc39.es/ecma262/#sec-code-realms
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "runtime/cell.h"
#include "runtime/completion.h"
#include "runtime/intrinsics.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class EnvironmentRecord;
class Object;
class ScriptOrModule;
class String;

// A Realm Record (Table "Realm Record Fields"). A cell: function objects
// and execution contexts refer to it, and a realm nobody uses can go.
class Realm final : public Cell {
public:
    struct TemplateMapEntry {
        // The |TemplateLiteral| Parse Node, compared by address. The pointer
        // shares ownership of the node's parse tree (algorithms/source_unit.h),
        // so the tree lives as long as the realm: no later parse can put
        // another node at this address and be handed this template object.
        std::shared_ptr<const void> Site;
        Object* Array;
    };
    // §16.2.2 ImportAttribute Record. Its Strings are plain code units
    // (values, not cells), as in every ModuleRequest Record.
    struct ImportAttributeRecord {
        std::u16string Key;
        std::u16string Value;
    };
    struct LoadedModuleRequest {  // §16.2.1.3 LoadedModuleRequest Record
        std::u16string Specifier;
        std::vector<ImportAttributeRecord> Attributes;
        ScriptOrModule* Module;
    };

    uint32_t AgentSignifier = 0;  // an agent signifier
    // [[Intrinsics]]: indexed by Intrinsic; null until the built-in that
    // provides it exists.
    std::array<Object*, kIntrinsicCount> Intrinsics{};
    Object* GlobalObject = nullptr;
    EnvironmentRecord* GlobalEnv = nullptr;
    std::vector<TemplateMapEntry> TemplateMap;
    std::vector<LoadedModuleRequest> LoadedModules;
    Value HostDefined = Value::undefined();

    // realm.[[Intrinsics]].[[%Name%]]; asserts that it has been created.
    Object* intrinsic(Intrinsic) const;
    void set_intrinsic(Intrinsic, Object*);

    void visit_edges(Visitor&) override;
};

// §9.3.1 InitializeHostDefinedRealm ( )
ThrowCompletionOr<void> InitializeHostDefinedRealm(Agent&);
// §9.3.2 CreateIntrinsics ( realmRec )
void CreateIntrinsics(Agent&, Realm& realmRec);
// CreateIntrinsics step 2 for the built-ins of clauses 19-28. builtins/
// depends on runtime/, not the reverse, so the built-ins library installs
// itself here (builtins/intrinsics.h); without it a realm has only
// %Object.prototype%, %Function.prototype% and %ThrowTypeError%.
extern void (*g_create_builtin_intrinsics)(Agent&, Realm& realmRec);
// §9.3.3 SetDefaultGlobalBindings ( realmRec )
ThrowCompletionOr<void> SetDefaultGlobalBindings(Agent&, Realm& realmRec);

}  // namespace lockstep
