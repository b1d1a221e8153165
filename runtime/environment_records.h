// ECMA-262 §9.1 Environment Records, §9.2 PrivateEnvironment Records, and
// the §9.4 operations that look up bindings through the running execution
// context (ResolveBinding, GetThisEnvironment, ResolveThisBinding, …).
// https://tc39.es/ecma262/#sec-environment-records
//
// runtime/execution_context.h includes this header: the classes here are the
// ones an execution context's LexicalEnvironment, VariableEnvironment and
// PrivateEnvironment point at.
#pragma once

#include <string_view>
#include <vector>

#include "runtime/cell.h"
#include "runtime/completion.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class Object;
class PrivateName;
class String;

// A binding's name N: an identifier's code units (the Strings of the spec;
// bindings keep their own interned copy, so a view is enough to look one up).
using BindingName = std::u16string_view;

// §9.1.1 The abstract Environment Record: its methods are the spec's
// abstract methods, overridden by each concrete kind.
class EnvironmentRecord : public Cell {
public:
    enum class Kind : uint8_t { Declarative, Function, Module, Object, Global };
    explicit EnvironmentRecord(Kind kind, EnvironmentRecord* outer) : OuterEnv(outer), kind_(kind) {}

    // Table "Abstract Methods of Environment Records".
    virtual ThrowCompletionOr<bool> HasBinding(Agent&, BindingName N) = 0;
    virtual ThrowCompletionOr<void> CreateMutableBinding(Agent&, BindingName N, bool D) = 0;
    virtual ThrowCompletionOr<void> CreateImmutableBinding(Agent&, BindingName N, bool S) = 0;
    virtual ThrowCompletionOr<void> InitializeBinding(Agent&, BindingName N, Value V) = 0;
    virtual ThrowCompletionOr<void> SetMutableBinding(Agent&, BindingName N, Value V, bool S) = 0;
    virtual ThrowCompletionOr<Value> GetBindingValue(Agent&, BindingName N, bool S) = 0;
    virtual ThrowCompletionOr<bool> DeleteBinding(Agent&, BindingName N) = 0;
    virtual bool HasThisBinding() const = 0;
    virtual bool HasSuperBinding() const = 0;
    virtual Value WithBaseObject() const = 0;
    // GetThisBinding exists on Function, Global and Module Environment Records
    // (those whose HasThisBinding can be true).
    virtual ThrowCompletionOr<Value> GetThisBinding(Agent&);

    EnvironmentRecord* OuterEnv;  // [[OuterEnv]]: null is *null*

    Kind kind() const { return kind_; }
    bool is_declarative() const { return kind_ <= Kind::Module; }

    void visit_edges(Visitor&) override;

private:
    Kind kind_;
};

// §9.1.1.1 Declarative Environment Records.
class DeclarativeEnvironmentRecord : public EnvironmentRecord {
public:
    explicit DeclarativeEnvironmentRecord(EnvironmentRecord* outer, Kind kind = Kind::Declarative)
        : EnvironmentRecord(kind, outer)
    {
    }

    ThrowCompletionOr<bool> HasBinding(Agent&, BindingName N) override;
    ThrowCompletionOr<void> CreateMutableBinding(Agent&, BindingName N, bool D) override;
    ThrowCompletionOr<void> CreateImmutableBinding(Agent&, BindingName N, bool S) override;
    ThrowCompletionOr<void> InitializeBinding(Agent&, BindingName N, Value V) override;
    ThrowCompletionOr<void> SetMutableBinding(Agent&, BindingName N, Value V, bool S) override;
    ThrowCompletionOr<Value> GetBindingValue(Agent&, BindingName N, bool S) override;
    ThrowCompletionOr<bool> DeleteBinding(Agent&, BindingName N) override;
    bool HasThisBinding() const override { return false; }
    bool HasSuperBinding() const override { return false; }
    Value WithBaseObject() const override { return Value::undefined(); }

    // "envRec has a binding for N", without the virtual call.
    bool has_binding(BindingName N) const { return find(N) != nullptr; }
    // "the binding for N is initialized" (it must exist).
    bool is_initialized(BindingName N) const { return !find(N)->value.is_empty(); }
    // "the Environment Record for a Catch clause" (§B.3.4).
    bool is_catch_clause = false;

    void visit_edges(Visitor&) override;

protected:
    struct Binding {
        String* name;  // interned
        Value value;   // ~empty~ while uninitialized
        bool is_mutable;
        bool deletable;
        bool strict;
    };
    Binding* find(BindingName N);
    const Binding* find(BindingName N) const { return const_cast<DeclarativeEnvironmentRecord*>(this)->find(N); }

private:
    std::vector<Binding> bindings_;
};

// §9.1.1.3 Function Environment Records.
enum class ThisBindingStatus : uint8_t { Lexical, Initialized, Uninitialized };

class FunctionEnvironmentRecord final : public DeclarativeEnvironmentRecord {
public:
    using DeclarativeEnvironmentRecord::DeclarativeEnvironmentRecord;

    // Table "Additional Fields of Function Environment Records".
    Value ThisValue = Value::undefined();
    lockstep::ThisBindingStatus ThisBindingStatus = ThisBindingStatus::Uninitialized;
    Object* FunctionObject = nullptr;
    Value NewTarget = Value::undefined();  // an Object or *undefined*

    bool HasThisBinding() const override;
    bool HasSuperBinding() const override;
    ThrowCompletionOr<Value> GetThisBinding(Agent&) override;

    void visit_edges(Visitor&) override;
};

// §9.1.1.3.1 BindThisValue ( envRec, V )
ThrowCompletionOr<void> BindThisValue(Agent&, FunctionEnvironmentRecord& envRec, Value V);
// §9.1.1.3.5 GetSuperBase ( envRec )
Value GetSuperBase(Agent&, FunctionEnvironmentRecord& envRec);

// §9.1.1.2 Object Environment Records.
class ObjectEnvironmentRecord final : public EnvironmentRecord {
public:
    ObjectEnvironmentRecord(Object* bindingObject, bool isWithEnvironment, EnvironmentRecord* outer)
        : EnvironmentRecord(Kind::Object, outer), BindingObject(bindingObject), IsWithEnvironment(isWithEnvironment)
    {
    }

    Object* BindingObject;
    bool IsWithEnvironment;

    ThrowCompletionOr<bool> HasBinding(Agent&, BindingName N) override;
    ThrowCompletionOr<void> CreateMutableBinding(Agent&, BindingName N, bool D) override;
    ThrowCompletionOr<void> CreateImmutableBinding(Agent&, BindingName N, bool S) override;
    ThrowCompletionOr<void> InitializeBinding(Agent&, BindingName N, Value V) override;
    ThrowCompletionOr<void> SetMutableBinding(Agent&, BindingName N, Value V, bool S) override;
    ThrowCompletionOr<Value> GetBindingValue(Agent&, BindingName N, bool S) override;
    ThrowCompletionOr<bool> DeleteBinding(Agent&, BindingName N) override;
    bool HasThisBinding() const override { return false; }
    bool HasSuperBinding() const override { return false; }
    Value WithBaseObject() const override;

    void visit_edges(Visitor&) override;
};

// §9.1.1.4 Global Environment Records.
class GlobalEnvironmentRecord final : public EnvironmentRecord {
public:
    GlobalEnvironmentRecord() : EnvironmentRecord(Kind::Global, nullptr) {}

    ObjectEnvironmentRecord* ObjectRecord = nullptr;
    Object* GlobalThisValue = nullptr;
    DeclarativeEnvironmentRecord* DeclarativeRecord = nullptr;

    ThrowCompletionOr<bool> HasBinding(Agent&, BindingName N) override;
    ThrowCompletionOr<void> CreateMutableBinding(Agent&, BindingName N, bool D) override;
    ThrowCompletionOr<void> CreateImmutableBinding(Agent&, BindingName N, bool S) override;
    ThrowCompletionOr<void> InitializeBinding(Agent&, BindingName N, Value V) override;
    ThrowCompletionOr<void> SetMutableBinding(Agent&, BindingName N, Value V, bool S) override;
    ThrowCompletionOr<Value> GetBindingValue(Agent&, BindingName N, bool S) override;
    ThrowCompletionOr<bool> DeleteBinding(Agent&, BindingName N) override;
    bool HasThisBinding() const override { return true; }
    bool HasSuperBinding() const override { return false; }
    Value WithBaseObject() const override { return Value::undefined(); }
    ThrowCompletionOr<Value> GetThisBinding(Agent&) override;

    void visit_edges(Visitor&) override;
};

// §9.1.1.4.12 - §9.1.1.4.17
bool HasLexicalDeclaration(Agent&, GlobalEnvironmentRecord& envRec, BindingName N);
ThrowCompletionOr<bool> HasRestrictedGlobalProperty(Agent&, GlobalEnvironmentRecord& envRec, BindingName N);
ThrowCompletionOr<bool> CanDeclareGlobalVar(Agent&, GlobalEnvironmentRecord& envRec, BindingName N);
ThrowCompletionOr<bool> CanDeclareGlobalFunction(Agent&, GlobalEnvironmentRecord& envRec, BindingName N);
ThrowCompletionOr<void> CreateGlobalVarBinding(Agent&, GlobalEnvironmentRecord& envRec, BindingName N, bool D);
ThrowCompletionOr<void> CreateGlobalFunctionBinding(Agent&, GlobalEnvironmentRecord& envRec, BindingName N, Value V,
                                                    bool D);

// §9.1.2 Environment Record operations (GetIdentifierReference is in
// runtime/reference.h, with the Reference Record it returns).
DeclarativeEnvironmentRecord* NewDeclarativeEnvironment(Agent&, EnvironmentRecord* E);
ObjectEnvironmentRecord* NewObjectEnvironment(Agent&, Object& O, bool W, EnvironmentRecord* E);
// F is an ECMAScript function object; newTarget an Object or *undefined*.
FunctionEnvironmentRecord* NewFunctionEnvironment(Agent&, Object& F, Value newTarget);
GlobalEnvironmentRecord* NewGlobalEnvironment(Agent&, Object& G, Object& thisValue);

// §9.2 PrivateEnvironment Records.
class PrivateEnvironmentRecord final : public Cell {
public:
    explicit PrivateEnvironmentRecord(PrivateEnvironmentRecord* outer) : OuterPrivateEnvironment(outer) {}
    PrivateEnvironmentRecord* OuterPrivateEnvironment;  // null is *null*
    std::vector<PrivateName*> Names;
    void visit_edges(Visitor&) override;
};

// §9.2.1.1 NewPrivateEnvironment ( outerPrivateEnv )
PrivateEnvironmentRecord* NewPrivateEnvironment(Agent&, PrivateEnvironmentRecord* outerPrivateEnv);
// §9.2.1.2 ResolvePrivateIdentifier ( privateEnv, identifier ); identifier is
// the PrivateIdentifier's StringValue without its leading '#' (as the parse
// tree spells it), while a Private Name's [[Description]] has the '#'.
PrivateName* ResolvePrivateIdentifier(PrivateEnvironmentRecord& privateEnv, BindingName identifier);
// "pn.[[Description]] is the StringValue of the PrivateIdentifier (without '#')".
bool PrivateNameIs(const PrivateName& pn, BindingName identifier);

// §9.4.3 GetThisEnvironment ( )
EnvironmentRecord& GetThisEnvironment(Agent&);
// §9.4.4 ResolveThisBinding ( )
ThrowCompletionOr<Value> ResolveThisBinding(Agent&);
// §9.4.5 GetNewTarget ( ): an Object or *undefined*
Value GetNewTarget(Agent&);
// §9.4.6 GetGlobalObject ( )
Object* GetGlobalObject(Agent&);

}  // namespace lockstep
