// ECMA-262 §14.11 The with Statement.
#include "abstract_ops/type_conversion.h"
#include "algorithms/productions.h"

namespace lockstep {

using namespace syntax;

Completion EvaluateWithStatement(Evaluator& e, const WithStatement& n)
{
    SPEC_ALGORITHM("sec-with-statement-runtime-semantics-evaluation");
    Agent& agent = e.agent;
    STEP("1");
    STEP("2");
    Value val = TRY(EvaluateExpression(e, *n.object));
    Object* obj = TRY(ToObject(agent, val));
    ExecutionContext& context = agent.running_execution_context();
    STEP("3");
    EnvironmentRecord* oldEnv = context.LexicalEnvironment;
    STEP("4");
    ObjectEnvironmentRecord* newEnv = NewObjectEnvironment(agent, *obj, true, oldEnv);
    STEP("5");
    context.LexicalEnvironment = newEnv;
    STEP("6");
    Completion C = Evaluation(e, *n.body);
    STEP("7");
    context.LexicalEnvironment = oldEnv;
    STEP("8");
    return UpdateEmpty(C, Value::undefined());
}

}  // namespace lockstep
