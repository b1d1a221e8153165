// ECMA-262 §27.5.3 Generator Abstract Operations.
// https://tc39.es/ecma262/#sec-generator-abstract-operations
#pragma once

#include <cstdint>
#include <functional>

#include "runtime/completion.h"
#include "runtime/generator_object.h"

namespace lockstep {

class Agent;
class String;

// A generatorBody (GeneratorStart, AsyncGeneratorStart) or asyncBody
// (AsyncBlockStart): "a Parse Node or an Abstract Closure with no
// parameters". The evaluator passes "Evaluation of the Parse Node" as a
// closure of its own (abstract_ops/ does not call into algorithms/), so
// both forms are a closure here. Its captures must not be the only
// references to cells (see SuspendableContext::create).
using SuspendableBody = std::function<Completion()>;

enum class GeneratorKind : uint8_t { NonGenerator, Sync, Async };

// §27.5.3.1 GeneratorStart ( generator, generatorBody )
void GeneratorStart(Agent&, GeneratorObject& generator, SuspendableBody generatorBody);
// §27.5.3.2 GeneratorValidate ( generator, generatorBrand ); brand null is ~empty~
ThrowCompletionOr<GeneratorState> GeneratorValidate(Agent&, Value generator, const String* generatorBrand);
// §27.5.3.3 GeneratorResume ( generator, value, generatorBrand ); value may be ~empty~
ThrowCompletionOr<Value> GeneratorResume(Agent&, Value generator, Value value, const String* generatorBrand);
// §27.5.3.4 GeneratorResumeAbrupt ( generator, abruptCompletion, generatorBrand )
ThrowCompletionOr<Value> GeneratorResumeAbrupt(Agent&, Value generator, Completion abruptCompletion,
                                               const String* generatorBrand);
// §27.5.3.5 GetGeneratorKind ( )
GeneratorKind GetGeneratorKind(Agent&);
// §27.5.3.6 GeneratorYield ( iteratorResult ): normal, throw or return completion
Completion GeneratorYield(Agent&, Object& iteratorResult);
// §27.5.3.7 Yield ( value ): normal, throw or return completion
Completion Yield(Agent&, Value value);
// §27.5.3.8 CreateIteratorFromClosure ( closure, generatorBrand, generatorPrototype ) (no
// caller passes extraSlots yet); generatorBrand null is ~empty~
GeneratorObject* CreateIteratorFromClosure(Agent&, SuspendableBody closure, String* generatorBrand,
                                           Object& generatorPrototype);

}  // namespace lockstep
