// ECMA-262 §9.4 Execution Contexts.
// https://tc39.es/ecma262/#sec-execution-contexts
#pragma once

#include "runtime/cell.h"
#include "runtime/environment_records.h"  // Environment Records (§9.1), PrivateEnvironment Records (§9.2)

namespace lockstep {

class Object;
class Realm;
class Visitor;

// Script Records (§16.1.4) and Module Records (§16.2.1.4) share this base so
// an execution context's ScriptOrModule component is one typed pointer.
class ScriptOrModule : public Cell {
public:
    virtual bool is_module() const = 0;
};


// An execution context is plain data, not a cell: a call keeps its context
// in its C++ frame, a suspended generator or async function owns its own,
// and the Agent's execution context stack points at them (and visits them).
// Its code evaluation state is the native (fiber) stack of the code it runs.
struct ExecutionContext {
    // Table "State Components for All Execution Contexts".
    Object* Function = nullptr;              // null is *null*
    lockstep::Realm* Realm = nullptr;
    lockstep::ScriptOrModule* ScriptOrModule = nullptr;  // null is *null*

    // Table "Additional State Components for ECMAScript Code Execution Contexts".
    EnvironmentRecord* LexicalEnvironment = nullptr;
    EnvironmentRecord* VariableEnvironment = nullptr;
    PrivateEnvironmentRecord* PrivateEnvironment = nullptr;  // null is *null*

    // Table "Additional State Components for Generator Execution Contexts".
    Object* Generator = nullptr;

    void visit_edges(Visitor&) const;
};

}  // namespace lockstep
