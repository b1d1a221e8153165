// ECMA-262 §27.2.3-§27.2.5 The Promise constructor and prototype: the
// abstract operations defined there that other clauses call (Await, async
// functions, dynamic import, module evaluation, JSPI).
#pragma once

#include <optional>

#include "abstract_ops/promise_operations.h"

namespace lockstep {

class Agent;
class PromiseObject;
class Realm;

// §27.2.4.7.1 PromiseResolve ( C, x ): the result is always an Object
ThrowCompletionOr<Object*> PromiseResolve(Agent&, Object& C, Value x);
// §27.2.5.4.1 PerformPromiseThen ( promise, onFulfilled, onRejected [ , resultCapability ] );
// resultCapability nullopt is "not present"
Value PerformPromiseThen(Agent&, PromiseObject& promise, Value onFulfilled, Value onRejected,
                         std::optional<PromiseCapabilityRecord> resultCapability = std::nullopt);

// Creates %Promise% and %Promise.prototype% in realm (CreateIntrinsics step 2).
void CreatePromiseIntrinsics(Agent&, Realm& realm);

}  // namespace lockstep
