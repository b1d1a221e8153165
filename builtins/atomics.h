// ECMA-262 §25.4 The Atomics Object: the abstract operations of §25.4.3 that
// other built-ins use.
// https://tc39.es/ecma262/#sec-atomics-object
#pragma once

#include "abstract_ops/array_buffer_operations.h"

namespace lockstep {

class Realm;

// §25.4.3.16 AtomicCompareExchangeInSharedBlock ( block, byteIndexInBuffer, elementSize, expectedBytes, replacementBytes )
RawBytes AtomicCompareExchangeInSharedBlock(Agent&, DataBlock& block, uint64_t byteIndexInBuffer, uint32_t elementSize,
                                            const RawBytes& expectedBytes, const RawBytes& replacementBytes);
// §25.4.3.19 ByteListEqual ( xBytes, yBytes )
bool ByteListEqual(const RawBytes& xBytes, const RawBytes& yBytes);

// %Atomics%.
void CreateAtomicsIntrinsics(Agent&, Realm&);

}  // namespace lockstep
