// ECMA-262 §27.7.5 Async Functions Abstract Operations.
// https://tc39.es/ecma262/#sec-async-functions-abstract-operations
#pragma once

#include "abstract_ops/generator_operations.h"
#include "abstract_ops/promise_operations.h"
#include "runtime/completion.h"

namespace lockstep {

class Agent;
class SuspendableContext;

// §27.7.5.1 AsyncFunctionStart ( promiseCapability, asyncFunctionBody )
void AsyncFunctionStart(Agent&, const PromiseCapabilityRecord& promiseCapability, SuspendableBody asyncFunctionBody);
// §27.7.5.2 AsyncBlockStart ( promiseCapability, asyncBody, asyncContext ): asyncContext is
// the record to run asyncBody in (a copy the new SuspendableContext keeps).
void AsyncBlockStart(Agent&, const PromiseCapabilityRecord& promiseCapability, SuspendableBody asyncBody,
                     const ExecutionContext& asyncContext);
// §27.7.5.3 Await ( value ): a normal completion (a value or ~empty~) or a throw
// completion. The running execution context must be a SuspendableContext's.
ThrowCompletionOr<Value> Await(Agent&, Value value);

}  // namespace lockstep
