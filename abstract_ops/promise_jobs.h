// ECMA-262 §27.2.2 Promise Jobs.
// https://tc39.es/ecma262/#sec-promise-jobs
#pragma once

#include "abstract_ops/promise_operations.h"
#include "runtime/host.h"

namespace lockstep {

class Realm;

// The Record { [[Job]], [[Realm]] } both operations return.
struct PromiseJobRecord {
    lockstep::Job Job;               // a Job Abstract Closure
    lockstep::Realm* Realm;          // null is *null*
};

// §27.2.2.1 NewPromiseReactionJob ( reaction, argument )
PromiseJobRecord NewPromiseReactionJob(Agent&, const PromiseReactionRecord& reaction, Value argument);
// §27.2.2.2 NewPromiseResolveThenableJob ( promiseToResolve, thenable, then )
PromiseJobRecord NewPromiseResolveThenableJob(Agent&, PromiseObject& promiseToResolve, Object& thenable,
                                              const JobCallbackRecord& then);

}  // namespace lockstep
