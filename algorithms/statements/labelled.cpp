// ECMA-262 §14.1 Statement Semantics (BreakableStatement) and §14.13
// Labelled Statements: LabelledEvaluation.
#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

Completion LabelledEvaluation(Evaluator& e, const Node& statement, LabelSet& labelSet)
{
    switch (statement.kind) {
    case NodeKind::LabelledStatement: {
        SPEC_ALGORITHM("sec-runtime-semantics-labelledevaluation#3");
        const auto& labelled = *statement.as<LabelledStatement>();
        STEP("1");
        Name label = labelled.label->name;
        STEP("2");
        labelSet.push_back(label);
        STEP("3");
        Completion stmtResult = LabelledEvaluation(e, *labelled.body, labelSet);
        labelSet.pop_back();
        STEP("4");
        if (stmtResult.type == CompletionType::Break && stmtResult.target && stmtResult.target->view() == label) {
            STEP("4.a");
            stmtResult = NormalCompletion(stmtResult.value);
        }
        STEP("5");
        return stmtResult;
    }
    case NodeKind::DoWhileStatement:
    case NodeKind::WhileStatement:
    case NodeKind::ForStatement:
    case NodeKind::ForInStatement:
    case NodeKind::ForOfStatement: {
        // BreakableStatement : IterationStatement
        SPEC_ALGORITHM("sec-runtime-semantics-labelledevaluation");
        STEP("1");
        e.position = &statement;
        Completion stmtResult = LoopEvaluation(e, statement, labelSet);
        STEP("2");
        if (stmtResult.type == CompletionType::Break) {
            STEP("2.a");
            if (!stmtResult.target) {
                STEP("2.a.i");
                STEP("2.a.ii");
                stmtResult = NormalCompletion(stmtResult.value.is_empty() ? Value::undefined() : stmtResult.value);
            }
        }
        STEP("3");
        return stmtResult;
    }
    case NodeKind::SwitchStatement: {
        // BreakableStatement : SwitchStatement
        SPEC_ALGORITHM("sec-runtime-semantics-labelledevaluation#2");
        STEP("1");
        e.position = &statement;
        Completion stmtResult = EvaluateSwitchStatement(e, *statement.as<SwitchStatement>());
        STEP("2");
        if (stmtResult.type == CompletionType::Break) {
            STEP("2.a");
            if (!stmtResult.target) {
                STEP("2.a.i");
                STEP("2.a.ii");
                stmtResult = NormalCompletion(stmtResult.value.is_empty() ? Value::undefined() : stmtResult.value);
            }
        }
        STEP("3");
        return stmtResult;
    }
    default: {
        // LabelledItem : FunctionDeclaration (#4) and the other Statements (#5): their Evaluation.
        SPEC_ALGORITHM("sec-runtime-semantics-labelledevaluation#5");
        STEP("1");
        return Evaluation(e, statement);
    }
    }
}

}  // namespace lockstep
