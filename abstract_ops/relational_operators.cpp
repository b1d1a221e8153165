// ECMA-262 §13.10 Relational Operators.
#include "abstract_ops/relational_operators.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/error.h"

namespace lockstep {

ThrowCompletionOr<bool> InstanceofOperator(Agent& agent, Value V, Value target)
{
    SPEC_ALGORITHM("sec-instanceofoperator");
    // OrdinaryHasInstance recurses here for each bound function in a chain.
    if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);
    STEP("1");
    if (!target.is_object()) return throw_type_error(agent, "right-hand side of instanceof is not an object");
    STEP("2");
    Value instOfHandler = TRY(GetMethod(agent, target, agent.well_known_symbol(WellKnownSymbol::hasInstance)));
    STEP("3");
    if (!instOfHandler.is_undefined()) {
        STEP("3.a");
        return ToBoolean(TRY(Call(agent, instOfHandler, target, std::span<const Value>(&V, 1))));
    }
    STEP("4");
    if (!IsCallable(target)) return throw_type_error(agent, "right-hand side of instanceof is not callable");
    STEP("5");
    return TRY(OrdinaryHasInstance(agent, target, V));
}

}  // namespace lockstep
