// ECMA-262 §27.1.6 Async-from-Sync Iterator Objects.
// https://tc39.es/ecma262/#sec-async-from-sync-iterator-objects
#pragma once

#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/promise_operations.h"

namespace lockstep {

class Agent;
class Realm;

// §27.1.6.1 CreateAsyncFromSyncIterator ( syncIteratorRecord )
IteratorRecord CreateAsyncFromSyncIterator(Agent&, const IteratorRecord& syncIteratorRecord);
// §27.1.6.4 AsyncFromSyncIteratorContinuation ( result, promiseCapability, syncIteratorRecord, closeOnRejection )
Value AsyncFromSyncIteratorContinuation(Agent&, Object& result, const PromiseCapabilityRecord& promiseCapability,
                                        const IteratorRecord& syncIteratorRecord, bool closeOnRejection);

// Creates %AsyncFromSyncIteratorPrototype% (§27.1.6.2) in realm; %AsyncIteratorPrototype% must exist.
void CreateAsyncFromSyncIteratorIntrinsics(Agent&, Realm& realm);

}  // namespace lockstep
