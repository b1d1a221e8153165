// ECMA-262 §14.12 The switch Statement.
#include "abstract_ops/testing_and_comparison.h"
#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"

namespace lockstep {

using namespace syntax;

namespace {

// §14.12.3 CaseClauseIsSelected ( C, input )
ThrowCompletionOr<bool> CaseClauseIsSelected(Evaluator& e, const SwitchClause& C, Value input)
{
    SPEC_ALGORITHM("sec-runtime-semantics-caseclauseisselected");
    STEP("1");
    STEP("2");
    STEP("3");
    Value clauseSelector = TRY(EvaluateExpression(e, *C.test));
    STEP("4");
    return IsStrictlyEqual(input, clauseSelector);
}

// §14.12.2 CaseBlockEvaluation ( input )
Completion CaseBlockEvaluation(Evaluator& e, const SwitchStatement& n, Value input)
{
    auto clauses = n.clauses;
    size_t defaultIndex = clauses.size();
    for (size_t i = 0; i < clauses.size(); ++i)
        if (clauses[i]->kind == NodeKind::DefaultClause) defaultIndex = i;
    if (defaultIndex == clauses.size()) {
        // CaseBlock : { CaseClauses }
        SPEC_ALGORITHM("sec-runtime-semantics-caseblockevaluation#2");
        STEP("1");
        Value V = Value::undefined();
        STEP("2");
        STEP("3");
        bool found = false;
        STEP("4");
        for (const SwitchClause* C : clauses) {
            STEP("4.a");
            if (!found) {
                STEP("4.a.i");
                found = TRY(CaseClauseIsSelected(e, *C, input));
            }
            STEP("4.b");
            if (found) {
                STEP("4.b.i");
                Completion R = EvaluateStatementList(e, C->body);
                STEP("4.b.ii");
                if (!R.value.is_empty()) V = R.value;
                STEP("4.b.iii");
                if (R.is_abrupt()) return UpdateEmpty(R, V);
            }
        }
        STEP("5");
        return NormalCompletion(V);
    }
    // CaseBlock : { CaseClauses? DefaultClause CaseClauses? }
    SPEC_ALGORITHM("sec-runtime-semantics-caseblockevaluation#3");
    STEP("1");
    Value V = Value::undefined();
    STEP("2");
    STEP("2.a");
    STEP("3");
    STEP("3.a");
    auto A = clauses.subspan(0, defaultIndex);
    STEP("4");
    bool found = false;
    STEP("5");
    for (const SwitchClause* C : A) {
        STEP("5.a");
        if (!found) {
            STEP("5.a.i");
            found = TRY(CaseClauseIsSelected(e, *C, input));
        }
        STEP("5.b");
        if (found) {
            STEP("5.b.i");
            Completion R = EvaluateStatementList(e, C->body);
            STEP("5.b.ii");
            if (!R.value.is_empty()) V = R.value;
            STEP("5.b.iii");
            if (R.is_abrupt()) return UpdateEmpty(R, V);
        }
    }
    STEP("6");
    bool foundInB = false;
    STEP("7");
    STEP("7.a");
    STEP("8");
    STEP("8.a");
    auto B = clauses.subspan(defaultIndex + 1);
    STEP("9");
    if (!found) {
        STEP("9.a");
        for (const SwitchClause* C : B) {
            STEP("9.a.i");
            if (!foundInB) {
                STEP("9.a.i.1");
                foundInB = TRY(CaseClauseIsSelected(e, *C, input));
            }
            STEP("9.a.ii");
            if (foundInB) {
                STEP("9.a.ii.1");
                Completion R = EvaluateStatementList(e, C->body);
                STEP("9.a.ii.2");
                if (!R.value.is_empty()) V = R.value;
                STEP("9.a.ii.3");
                if (R.is_abrupt()) return UpdateEmpty(R, V);
            }
        }
    }
    STEP("10");
    if (foundInB) return NormalCompletion(V);
    STEP("11");
    Completion defaultR = EvaluateStatementList(e, clauses[defaultIndex]->body);
    STEP("12");
    if (!defaultR.value.is_empty()) V = defaultR.value;
    STEP("13");
    if (defaultR.is_abrupt()) return UpdateEmpty(defaultR, V);
    STEP("14");
    STEP("15");
    for (const SwitchClause* C : B) {
        STEP("15.a");
        Completion R = EvaluateStatementList(e, C->body);
        STEP("15.b");
        if (!R.value.is_empty()) V = R.value;
        STEP("15.c");
        if (R.is_abrupt()) return UpdateEmpty(R, V);
    }
    STEP("16");
    return NormalCompletion(V);
}

}  // namespace

Completion EvaluateSwitchStatement(Evaluator& e, const SwitchStatement& n)
{
    SPEC_ALGORITHM("sec-switch-statement-runtime-semantics-evaluation");
    Agent& agent = e.agent;
    STEP("1");
    STEP("2");
    Value switchValue = TRY(EvaluateExpression(e, *n.discriminant));
    ExecutionContext& context = agent.running_execution_context();
    STEP("3");
    EnvironmentRecord* oldEnv = context.LexicalEnvironment;
    STEP("4");
    DeclarativeEnvironmentRecord* blockEnv = NewDeclarativeEnvironment(agent, oldEnv);
    STEP("5");
    std::vector<const Node*> declarations;
    for (const SwitchClause* clause : n.clauses) LexicallyScopedDeclarations(clause->body, declarations);
    BlockDeclarationInstantiation(e, declarations, *blockEnv);
    STEP("6");
    context.LexicalEnvironment = blockEnv;
    STEP("7");
    Completion R = CaseBlockEvaluation(e, n, switchValue);
    STEP("8");
    context.LexicalEnvironment = oldEnv;
    STEP("9");
    return R;
}

}  // namespace lockstep
