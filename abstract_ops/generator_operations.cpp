// ECMA-262 §27.5.3 Generator Abstract Operations.
#include "abstract_ops/generator_operations.h"

#include "abstract_ops/async_function_operations.h"
#include "abstract_ops/async_generator_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"

namespace lockstep {

void GeneratorStart(Agent& agent, GeneratorObject& generator, SuspendableBody generatorBody)
{
    SPEC_ALGORITHM("sec-generatorstart");
    STEP("1");
    SPEC_ASSERT(generator.GeneratorState == GeneratorState::SuspendedStart);
    STEP("2");
    ExecutionContext& genContext = agent.running_execution_context();
    STEP("3");
    genContext.Generator = &generator;
    STEP("4");
    auto closure = [&agent, generatorBody = std::move(generatorBody)]() -> Completion {
        STEP("4.a");
        ExecutionContext& acGenContext = agent.running_execution_context();
        STEP("4.b");
        auto& acGenerator = static_cast<GeneratorObject&>(*acGenContext.Generator);
        STEP("4.c");  // a Parse Node's Evaluation comes as a closure too
        STEP("4.c.i");
        STEP("4.d");
        STEP("4.d.i");
        STEP("4.d.ii");
        Completion result = generatorBody();
        STEP("4.e");
        SPEC_ASSERT(result.is_normal() || result.is_return_completion() || result.is_throw_completion());
        STEP("4.f");
        agent.pop_execution_context(acGenContext);
        STEP("4.g");
        acGenerator.GeneratorState = GeneratorState::Completed;
        STEP("4.h");  // the context's stack goes back to the pool when this closure returns
        Value resultValue;
        STEP("4.i");
        if (result.is_normal()) {
            STEP("4.i.i");
            resultValue = Value::undefined();
        } else if (result.is_return_completion()) {
            STEP("4.j");
            STEP("4.j.i");
            resultValue = result.value;
        } else {
            STEP("4.k");
            STEP("4.k.i");
            SPEC_ASSERT(result.is_throw_completion());
            STEP("4.k.ii");
            return result;
        }
        STEP("4.l");
        return NormalCompletion(CreateIteratorResultObject(agent, resultValue, true));
    };
    STEP("5");
    // genContext is the record of the call that created the generator; the
    // generator keeps a copy of its own, which outlives that call.
    SuspendableContext* context = SuspendableContext::create(agent, genContext, std::move(closure));
    STEP("6");
    generator.GeneratorContext = context;
    STEP("7");
}

ThrowCompletionOr<GeneratorState> GeneratorValidate(Agent& agent, Value generator, const String* generatorBrand)
{
    SPEC_ALGORITHM("sec-generatorvalidate");
    STEP("1");
    auto* G = generator.is_object() ? dynamic_cast<GeneratorObject*>(generator.as_object()) : nullptr;
    if (!G) return throw_type_error(agent, "not a generator object");
    STEP("2");
    STEP("3");
    if (!SameGeneratorBrand(G->GeneratorBrand, generatorBrand))
        return throw_type_error(agent, "the generator is of another kind");
    STEP("4");
    STEP("5");
    GeneratorState state = G->GeneratorState;
    STEP("6");
    if (state == GeneratorState::Executing) return throw_type_error(agent, "the generator is already running");
    STEP("7");
    return state;
}

ThrowCompletionOr<Value> GeneratorResume(Agent& agent, Value generator, Value value, const String* generatorBrand)
{
    SPEC_ALGORITHM("sec-generatorresume");
    STEP("1");
    GeneratorState state = TRY(GeneratorValidate(agent, generator, generatorBrand));
    STEP("2");
    if (state == GeneratorState::Completed) return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
    STEP("3");
    SPEC_ASSERT(state == GeneratorState::SuspendedStart || state == GeneratorState::SuspendedYield);
    // An implementation limit: generators resumed one inside the other
    // without end (function* g() { yield* g(); }) end in a RangeError.
    if (SuspendableContext::nesting_exhausted()) return throw_stack_overflow(agent);
    auto& G = static_cast<GeneratorObject&>(*generator.as_object());
    STEP("4");
    SuspendableContext& genContext = *G.GeneratorContext;
    STEP("5");
    ExecutionContext& methodContext = agent.running_execution_context();
    STEP("6");  // methodContext stays on the stack below genContext
    STEP("7");
    G.GeneratorState = GeneratorState::Executing;
    STEP("8");
    agent.push_execution_context(genContext.context);
    STEP("9");
    Completion result = genContext.resume(agent, NormalCompletion(value));
    STEP("10");
    SPEC_ASSERT(&agent.running_execution_context() == &methodContext);
    STEP("11");
    if (result.is_throw_completion()) return ThrowCompletion(result.value);
    return result.value;
}

ThrowCompletionOr<Value> GeneratorResumeAbrupt(Agent& agent, Value generator, Completion abruptCompletion,
                                               const String* generatorBrand)
{
    SPEC_ALGORITHM("sec-generatorresumeabrupt");
    STEP("1");
    GeneratorState state = TRY(GeneratorValidate(agent, generator, generatorBrand));
    auto& G = static_cast<GeneratorObject&>(*generator.as_object());
    STEP("2");
    if (state == GeneratorState::SuspendedStart) {
        STEP("2.a");
        G.GeneratorState = GeneratorState::Completed;
        STEP("2.b");
        G.GeneratorContext->discard();
        STEP("2.c");
        state = GeneratorState::Completed;
    }
    STEP("3");
    if (state == GeneratorState::Completed) {
        STEP("3.a");
        if (abruptCompletion.is_return_completion()) {
            STEP("3.a.i");
            return Value(CreateIteratorResultObject(agent, abruptCompletion.value, true));
        }
        STEP("3.b");
        return ThrowCompletion(abruptCompletion.value);
    }
    STEP("4");
    SPEC_ASSERT(state == GeneratorState::SuspendedYield);
    // An implementation limit: generators resumed one inside the other
    // without end (function* g() { yield* g(); }) end in a RangeError.
    if (SuspendableContext::nesting_exhausted()) return throw_stack_overflow(agent);
    STEP("5");
    SuspendableContext& genContext = *G.GeneratorContext;
    STEP("6");
    ExecutionContext& methodContext = agent.running_execution_context();
    STEP("7");
    STEP("8");
    G.GeneratorState = GeneratorState::Executing;
    STEP("9");
    agent.push_execution_context(genContext.context);
    STEP("10");
    Completion result = genContext.resume(agent, abruptCompletion);
    STEP("11");
    SPEC_ASSERT(&agent.running_execution_context() == &methodContext);
    STEP("12");
    if (result.is_throw_completion()) return ThrowCompletion(result.value);
    return result.value;
}

GeneratorKind GetGeneratorKind(Agent& agent)
{
    SPEC_ALGORITHM("sec-getgeneratorkind");
    STEP("1");
    ExecutionContext& genContext = agent.running_execution_context();
    STEP("2");
    if (!genContext.Generator) return GeneratorKind::NonGenerator;
    STEP("3");
    Object* generator = genContext.Generator;
    STEP("4");
    if (dynamic_cast<AsyncGeneratorObject*>(generator)) return GeneratorKind::Async;
    STEP("5");
    return GeneratorKind::Sync;
}

Completion GeneratorYield(Agent& agent, Object& iteratorResult)
{
    SPEC_ALGORITHM("sec-generatoryield");
    STEP("1");
    ExecutionContext& genContext = agent.running_execution_context();
    STEP("2");
    SuspendableContext* suspendable = SuspendableContext::running(agent);
    SPEC_ASSERT(suspendable && &suspendable->context == &genContext && genContext.Generator);
    STEP("3");
    auto& generator = static_cast<GeneratorObject&>(*genContext.Generator);
    STEP("4");
    SPEC_ASSERT(GetGeneratorKind(agent) == GeneratorKind::Sync);
    STEP("5");
    generator.GeneratorState = GeneratorState::SuspendedYield;
    STEP("6");
    agent.pop_execution_context(genContext);
    STEP("7");
    STEP("8");
    Completion resumptionValue = suspendable->suspend(agent, NormalCompletion(&iteratorResult));
    STEP("9");
    SPEC_ASSERT(&agent.running_execution_context() == &genContext);
    STEP("10");
    return resumptionValue;
}

Completion Yield(Agent& agent, Value value)
{
    SPEC_ALGORITHM("sec-yield");
    STEP("1");
    GeneratorKind generatorKind = GetGeneratorKind(agent);
    STEP("2");
    if (generatorKind == GeneratorKind::Async) {
        Value awaited = TRY(Await(agent, value));
        return AsyncGeneratorYield(agent, awaited);
    }
    STEP("3");
    return GeneratorYield(agent, *CreateIteratorResultObject(agent, value, false));
}

GeneratorObject* CreateIteratorFromClosure(Agent& agent, SuspendableBody closure, String* generatorBrand,
                                           Object& generatorPrototype)
{
    SPEC_ALGORITHM("sec-createiteratorfromclosure");
    STEP("1");
    STEP("2");
    STEP("3");
    STEP("4");
    GeneratorObject* generator = OrdinaryObjectCreate<GeneratorObject>(agent, &generatorPrototype);
    Root<Object*> rootedGenerator(generator);
    STEP("5");
    generator->GeneratorBrand = generatorBrand;
    STEP("6");
    generator->GeneratorState = GeneratorState::SuspendedStart;
    STEP("7");
    ExecutionContext& callerContext = agent.running_execution_context();
    STEP("8");
    ExecutionContext calleeContext;
    STEP("9");
    calleeContext.Function = nullptr;
    STEP("10");
    calleeContext.Realm = agent.current_realm();
    STEP("11");
    calleeContext.ScriptOrModule = callerContext.ScriptOrModule;
    STEP("12");
    STEP("13");
    agent.push_execution_context(calleeContext);
    STEP("14");
    GeneratorStart(agent, *generator, std::move(closure));
    STEP("15");
    agent.pop_execution_context(calleeContext);
    STEP("16");
    return generator;
}

}  // namespace lockstep
