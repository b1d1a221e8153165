// ECMA-262 §6.2.5 The Reference Record Specification Type, and §9.1.2.1
// GetIdentifierReference, which makes the references identifiers resolve to.
// https://tc39.es/ecma262/#sec-reference-record-specification-type
#pragma once

#include "runtime/completion.h"
#include "runtime/environment_records.h"
#include "runtime/property_key.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class PrivateName;

// A Reference Record is a plain struct (no allocation): it lives in the C++
// frame of the expression being evaluated, where the conservative stack scan
// sees the cells it names.
struct ReferenceRecord {
    enum class BaseKind : uint8_t { Unresolvable, Value, Environment };

    // [[Base]]: ~unresolvable~, a language value, or an Environment Record.
    BaseKind base_kind = BaseKind::Unresolvable;
    Value base_value = Value::undefined();
    EnvironmentRecord* base_env = nullptr;

    // [[ReferencedName]]: for an environment (or unresolvable) reference the
    // binding name; for a property reference a property key (key_is_set) or
    // the language value it is converted from on first use; or a Private Name.
    BindingName name;
    PropertyKey key = PropertyKey::from_array_index(0);
    bool key_is_set = false;
    Value name_value = Value::undefined();
    PrivateName* private_name = nullptr;

    bool Strict = false;                 // [[Strict]]
    Value ThisValue = Value::empty();    // [[ThisValue]]: ~empty~ unless a super reference

    static ReferenceRecord property(Value base, PropertyKey key, bool strict)
    {
        ReferenceRecord r;
        r.base_kind = BaseKind::Value;
        r.base_value = base;
        r.key = key;
        r.key_is_set = true;
        r.Strict = strict;
        return r;
    }
    static ReferenceRecord property_with_value_name(Value base, Value name, bool strict)
    {
        ReferenceRecord r;
        r.base_kind = BaseKind::Value;
        r.base_value = base;
        r.name_value = name;
        r.Strict = strict;
        return r;
    }
};

// §6.2.5.1 IsPropertyReference ( V )
inline bool IsPropertyReference(const ReferenceRecord& V) { return V.base_kind == ReferenceRecord::BaseKind::Value; }
// §6.2.5.2 IsUnresolvableReference ( V )
inline bool IsUnresolvableReference(const ReferenceRecord& V)
{
    return V.base_kind == ReferenceRecord::BaseKind::Unresolvable;
}
// §6.2.5.3 IsSuperReference ( V )
inline bool IsSuperReference(const ReferenceRecord& V) { return !V.ThisValue.is_empty(); }
// §6.2.5.4 IsPrivateReference ( V )
inline bool IsPrivateReference(const ReferenceRecord& V) { return V.private_name != nullptr; }

// §6.2.5.5 GetValue ( V ), for V a Reference Record (a value is its own GetValue)
ThrowCompletionOr<Value> GetValue(Agent&, ReferenceRecord& V);
// §6.2.5.6 PutValue ( V, W )
ThrowCompletionOr<void> PutValue(Agent&, ReferenceRecord& V, Value W);
// §6.2.5.7 GetThisValue ( V )
Value GetThisValue(const ReferenceRecord& V);
// §6.2.5.8 InitializeReferencedBinding ( V, W )
ThrowCompletionOr<void> InitializeReferencedBinding(Agent&, ReferenceRecord& V, Value W);
// §6.2.5.9 MakePrivateReference ( baseValue, privateIdentifier )
ReferenceRecord MakePrivateReference(Agent&, Value baseValue, BindingName privateIdentifier);

// §9.1.2.1 GetIdentifierReference ( env, name, strict ); env null is *null*
ThrowCompletionOr<ReferenceRecord> GetIdentifierReference(Agent&, EnvironmentRecord* env, BindingName name,
                                                          bool strict);
// §9.4.2 ResolveBinding ( name [ , env ] ): the caller passes IsStrict of the
// production being evaluated; env null is "not present".
ThrowCompletionOr<ReferenceRecord> ResolveBinding(Agent&, BindingName name, bool strict,
                                                  EnvironmentRecord* env = nullptr);

}  // namespace lockstep
