// ECMA-262 §25.4 The Atomics Object: the abstract operations of §25.4.3 that
// other built-ins use.
// https://tc39.es/ecma262/#sec-atomics-object
#pragma once

#include <chrono>
#include <cstddef>

#include "abstract_ops/array_buffer_operations.h"

namespace lockstep {

class Realm;

// §25.4.3.16 AtomicCompareExchangeInSharedBlock ( block, byteIndexInBuffer, elementSize, expectedBytes, replacementBytes )
RawBytes AtomicCompareExchangeInSharedBlock(Agent&, DataBlock& block, uint64_t byteIndexInBuffer, uint32_t elementSize,
                                            const RawBytes& expectedBytes, const RawBytes& replacementBytes);
// §25.4.3.19 ByteListEqual ( xBytes, yBytes )
bool ByteListEqual(const RawBytes& xBytes, const RawBytes& yBytes);

// For hosts that run agents on threads of their own: a waitAsync promise of
// this agent may be resolved by another agent's Atomics.notify, which sends
// the resolution to this agent's thread (EnqueueResolveInAgentJob). The
// host's event loop must not end while such promises are pending and
// another agent could still notify.
// The number of this agent's waitAsync promises not resolved yet.
size_t PendingWaitAsyncPromises(Agent&);
// Enqueues (HostEnqueueGenericJob) a job resolving each promise other agents
// have sent this agent a resolution for; if there is none yet, waits until
// one arrives or `deadline` passes. True if there was any. This agent's
// thread only.
bool ReceiveResolveInAgentJobs(Agent&, std::chrono::steady_clock::time_point deadline);

// %Atomics%.
void CreateAtomicsIntrinsics(Agent&, Realm&);

}  // namespace lockstep
