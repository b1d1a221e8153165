// ECMA-262 §14.6 The if Statement.
#include "abstract_ops/type_conversion.h"
#include "algorithms/productions.h"

namespace lockstep {

using namespace syntax;

namespace {

// Evaluation of an if statement's clause. §B.3.3: a FunctionDeclaration
// clause (sloppy code) is evaluated as if it were the sole statement of a Block.
Completion EvaluateClause(Evaluator& e, const Node& clause)
{
    if (clause.kind != NodeKind::FunctionDeclaration) return Evaluation(e, clause);
    ExecutionContext& context = e.agent.running_execution_context();
    EnvironmentRecord* oldEnv = context.LexicalEnvironment;
    DeclarativeEnvironmentRecord* blockEnv = NewDeclarativeEnvironment(e.agent, oldEnv);
    BlockDeclarationInstantiation(e, {&clause}, *blockEnv);
    context.LexicalEnvironment = blockEnv;
    Completion blockValue = Evaluation(e, clause);
    context.LexicalEnvironment = oldEnv;
    return blockValue;
}

}  // namespace

Completion EvaluateIfStatement(Evaluator& e, const IfStatement& n)
{
    if (n.alternate) {
        // IfStatement : if ( Expression ) Statement else Statement
        SPEC_ALGORITHM("sec-if-statement-runtime-semantics-evaluation");
        STEP("1");
        STEP("2");
        bool exprValue = ToBoolean(TRY(EvaluateExpression(e, *n.test)));
        Completion stmtCompletion;
        STEP("3");
        if (exprValue) {
            STEP("3.a");
            stmtCompletion = EvaluateClause(e, *n.consequent);
        } else {
            STEP("4");
            STEP("4.a");
            stmtCompletion = EvaluateClause(e, *n.alternate);
        }
        STEP("5");
        return UpdateEmpty(stmtCompletion, Value::undefined());
    }
    // IfStatement : if ( Expression ) Statement
    SPEC_ALGORITHM("sec-if-statement-runtime-semantics-evaluation#2");
    STEP("1");
    STEP("2");
    bool exprValue = ToBoolean(TRY(EvaluateExpression(e, *n.test)));
    STEP("3");
    if (!exprValue) {
        STEP("3.a");
        return NormalCompletion(Value::undefined());
    }
    STEP("4");
    STEP("4.a");
    Completion stmtCompletion = EvaluateClause(e, *n.consequent);
    STEP("4.b");
    return UpdateEmpty(stmtCompletion, Value::undefined());
}

}  // namespace lockstep
