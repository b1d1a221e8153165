// ECMA-262 §27.6.3 AsyncGenerator Abstract Operations.
// https://tc39.es/ecma262/#sec-asyncgenerator-abstract-operations
#pragma once

#include "abstract_ops/generator_operations.h"
#include "abstract_ops/promise_operations.h"
#include "runtime/completion.h"
#include "runtime/generator_object.h"

namespace lockstep {

class Agent;
class Realm;
class String;

// §27.6.3.2 AsyncGeneratorStart ( generator, generatorBody )
void AsyncGeneratorStart(Agent&, AsyncGeneratorObject& generator, SuspendableBody generatorBody);
// §27.6.3.3 AsyncGeneratorValidate ( generator, generatorBrand ); brand null is ~empty~
ThrowCompletionOr<void> AsyncGeneratorValidate(Agent&, Value generator, const String* generatorBrand);
// §27.6.3.4 AsyncGeneratorEnqueue ( generator, completion, promiseCapability )
void AsyncGeneratorEnqueue(Agent&, AsyncGeneratorObject& generator, Completion completion,
                           const PromiseCapabilityRecord& promiseCapability);
// §27.6.3.5 AsyncGeneratorCompleteStep ( generator, completion, done [ , realm ] ); realm null is "not present"
void AsyncGeneratorCompleteStep(Agent&, AsyncGeneratorObject& generator, Completion completion, bool done,
                                Realm* realm = nullptr);
// §27.6.3.6 AsyncGeneratorResume ( generator, completion )
void AsyncGeneratorResume(Agent&, AsyncGeneratorObject& generator, Completion completion);
// §27.6.3.7 AsyncGeneratorUnwrapYieldResumption ( resumptionValue )
Completion AsyncGeneratorUnwrapYieldResumption(Agent&, Completion resumptionValue);
// §27.6.3.8 AsyncGeneratorYield ( value )
Completion AsyncGeneratorYield(Agent&, Value value);
// §27.6.3.9 AsyncGeneratorAwaitReturn ( generator )
void AsyncGeneratorAwaitReturn(Agent&, AsyncGeneratorObject& generator);
// §27.6.3.10 AsyncGeneratorDrainQueue ( generator )
void AsyncGeneratorDrainQueue(Agent&, AsyncGeneratorObject& generator);
// §27.6.3.11 CreateAsyncIteratorFromClosure ( closure, generatorBrand, generatorPrototype )
AsyncGeneratorObject* CreateAsyncIteratorFromClosure(Agent&, SuspendableBody closure, String* generatorBrand,
                                                     Object& generatorPrototype);

}  // namespace lockstep
