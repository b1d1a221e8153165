// ECMA-262 §14.15 The try Statement.
#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"

namespace lockstep {

using namespace syntax;

namespace {

// §14.15.2 CatchClauseEvaluation ( thrownValue )
Completion CatchClauseEvaluation(Evaluator& e, const TryStatement& n, Value thrownValue)
{
    if (!n.catch_parameter) {
        // Catch : catch Block
        SPEC_ALGORITHM("sec-runtime-semantics-catchclauseevaluation#2");
        STEP("1");
        return Evaluation(e, *n.catch_body);
    }
    SPEC_ALGORITHM("sec-runtime-semantics-catchclauseevaluation");
    Agent& agent = e.agent;
    ExecutionContext& context = agent.running_execution_context();
    STEP("1");
    EnvironmentRecord* oldEnv = context.LexicalEnvironment;
    STEP("2");
    DeclarativeEnvironmentRecord* catchEnv = NewDeclarativeEnvironment(agent, oldEnv);
    catchEnv->is_catch_clause = true;
    STEP("3");
    std::vector<Name> names;
    BoundNames(n.catch_parameter, names);
    for (Name argName : names) {
        STEP("3.a");
        MUST(catchEnv->CreateMutableBinding(agent, argName, false));
    }
    STEP("4");
    context.LexicalEnvironment = catchEnv;
    STEP("5");
    ThrowCompletionOr<void> status = BindingInitialization(e, *n.catch_parameter, thrownValue, catchEnv);
    STEP("6");
    if (status.is_abrupt()) {
        STEP("6.a");
        context.LexicalEnvironment = oldEnv;
        STEP("6.b");
        return status.release_error();
    }
    STEP("7");
    Completion B = Evaluation(e, *n.catch_body);
    STEP("8");
    context.LexicalEnvironment = oldEnv;
    STEP("9");
    return B;
}

}  // namespace

Completion EvaluateTryStatement(Evaluator& e, const TryStatement& n)
{
    if (!n.finalizer) {
        // TryStatement : try Block Catch
        SPEC_ALGORITHM("sec-try-statement-runtime-semantics-evaluation");
        STEP("1");
        Completion B = Evaluation(e, *n.block);
        Completion C;
        STEP("2");
        if (B.is_throw_completion()) {
            C = CatchClauseEvaluation(e, n, B.value);
        } else {
            STEP("3");
            C = B;
        }
        STEP("4");
        return UpdateEmpty(C, Value::undefined());
    }
    if (!n.has_catch) {
        // TryStatement : try Block Finally
        SPEC_ALGORITHM("sec-try-statement-runtime-semantics-evaluation#2");
        STEP("1");
        Completion B = Evaluation(e, *n.block);
        STEP("2");
        Completion F = Evaluation(e, *n.finalizer);
        STEP("3");
        if (F.is_normal()) F = B;
        STEP("4");
        return UpdateEmpty(F, Value::undefined());
    }
    // TryStatement : try Block Catch Finally
    SPEC_ALGORITHM("sec-try-statement-runtime-semantics-evaluation#3");
    STEP("1");
    Completion B = Evaluation(e, *n.block);
    Completion C;
    STEP("2");
    if (B.is_throw_completion()) {
        C = CatchClauseEvaluation(e, n, B.value);
    } else {
        STEP("3");
        C = B;
    }
    STEP("4");
    Completion F = Evaluation(e, *n.finalizer);
    STEP("5");
    if (F.is_normal()) F = C;
    STEP("6");
    return UpdateEmpty(F, Value::undefined());
}

}  // namespace lockstep
