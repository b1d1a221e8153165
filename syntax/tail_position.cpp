// ECMA-262 §15.10 Tail Position Calls.
// https://tc39.es/ecma262/#sec-tail-position-calls
//
// The spec asks, for one call, whether the body around it "has" it in tail
// position. Walking the body once and marking every call for which the
// answer is yes gives the same answers: each HasCallInTailPosition
// production below marks the calls it would answer *true* for.
#include "syntax/tail_position.h"

#include "spec/step.h"
#include "syntax/ast.h"

namespace lockstep::syntax {

namespace {

void HasCallInTailPosition(Node* node);

// The Statement of an iteration statement (but for-of) or a with statement.
Node* ContainedStatement(Node* node)
{
    switch (node->kind) {
    case NodeKind::ForStatement: return node->as<ForStatement>()->body;
    case NodeKind::ForInStatement: return node->as<ForInOfStatement>()->body;
    case NodeKind::WithStatement: return node->as<WithStatement>()->body;
    default: return node->as<WhileStatement>()->body;
    }
}

// #1 StatementList : StatementList StatementListItem (and FunctionStatementList).
void HasCallInTailPosition(NodeList statementList)
{
    SPEC_ALGORITHM("sec-static-semantics-hascallintailposition");
    for (Node* item : statementList) {
        STEP("1");
        STEP("2");
        STEP("3");
        HasCallInTailPosition(item);
    }
}

void HasCallInTailPosition(Node* node)
{
    if (!node) return;
    switch (node->kind) {
    case NodeKind::BlockStatement:  // Block : { StatementList }
        HasCallInTailPosition(node->as<BlockStatement>()->body);
        return;
    case NodeKind::IfStatement: {
        auto* n = node->as<IfStatement>();
        if (n->alternate) {
            SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#3");
            STEP("1");
            HasCallInTailPosition(n->consequent);
            STEP("2");
            STEP("3");
            HasCallInTailPosition(n->alternate);
            return;
        }
        SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#4");
        STEP("1");
        HasCallInTailPosition(n->consequent);
        return;
    }
    case NodeKind::DoWhileStatement:
    case NodeKind::WhileStatement:
    case NodeKind::ForStatement:
    case NodeKind::ForInStatement:
    case NodeKind::WithStatement: {
        SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#4");
        STEP("1");
        HasCallInTailPosition(ContainedStatement(node));
        return;
    }
    case NodeKind::LabelledStatement: {
        SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#5");
        STEP("1");
        HasCallInTailPosition(node->as<LabelledStatement>()->body);
        return;
    }
    case NodeKind::ReturnStatement: {
        auto* n = node->as<ArgumentStatement>();
        if (!n->argument) break;  // return ;
        SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#6");
        STEP("1");
        HasCallInTailPosition(n->argument);
        return;
    }
    case NodeKind::SwitchStatement: {
        SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#7");
        STEP("1");
        // CaseBlock (#8) with CaseClauses (#9): every clause, in order.
        for (SwitchClause* clause : node->as<SwitchStatement>()->clauses) {
            SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#10");
            STEP("1");
            HasCallInTailPosition(clause->body);
            STEP("2");
        }
        return;
    }
    case NodeKind::TryStatement: {
        auto* n = node->as<TryStatement>();
        if (n->finalizer) {
            SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#12");
            STEP("1");
            HasCallInTailPosition(n->finalizer);
            return;
        }
        SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#11");
        STEP("1");
        {
            SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#13");
            STEP("1");
            HasCallInTailPosition(n->catch_body);
        }
        return;
    }
    case NodeKind::CommaExpression: {
        SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#15");
        STEP("1");
        HasCallInTailPosition(node->as<CommaExpression>()->expressions.back());
        return;
    }
    case NodeKind::ConditionalExpression: {
        auto* n = node->as<ConditionalExpression>();
        SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#16");
        STEP("1");
        HasCallInTailPosition(n->consequent);
        STEP("2");
        STEP("3");
        HasCallInTailPosition(n->alternate);
        return;
    }
    case NodeKind::LogicalExpression: {
        auto* n = node->as<BinaryExpression>();
        if (n->op == BinaryOp::LogicalAnd) {
            SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#17");
            STEP("1");
        } else if (n->op == BinaryOp::LogicalOr) {
            SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#18");
            STEP("1");
        } else {
            SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#19");
            STEP("1");
        }
        HasCallInTailPosition(n->right);
        return;
    }
    case NodeKind::CallExpression: {
        SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#20");
        STEP("1");
        node->as<CallExpression>()->tail_position = true;
        STEP("2");  // (for any other call: false, nothing to mark)
        return;
    }
    case NodeKind::TaggedTemplate: {
        // MemberExpression : MemberExpression TemplateLiteral (#24), and
        // CallExpression : CallExpression TemplateLiteral (#20).
        SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#24");
        STEP("1");
        node->as<TaggedTemplate>()->tail_position = true;
        STEP("2");  // (for any other call: false, nothing to mark)
        return;
    }
    case NodeKind::OptionalExpression: {
        SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#21");
        STEP("1");
        OptionalChain* chain = node->as<OptionalExpression>()->chain;
        if (chain->link == OptionalChain::Link::Arguments) {
            SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#23");
            STEP("1");
            chain->tail_position = true;
            STEP("2");  // (for any other call: false, nothing to mark)
        }
        return;
    }
    case NodeKind::ParenthesizedExpression: {
        SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#26");
        STEP("1");
        HasCallInTailPosition(node->as<UnaryNode>()->operand);
        return;
    }
    default:
        break;
    }
    // #2, #14, #22 and ForInOfStatement `of` forms, for await, the other
    // statements and expressions: no call of theirs is in tail position.
    SPEC_ALGORITHM("sec-static-semantics-hascallintailposition#2");
    STEP("1");
}

}  // namespace

void MarkCallsInTailPosition(FunctionNode& f)
{
    SPEC_ALGORITHM("sec-isintailposition");
    STEP("1");  // the calls the body most closely contains are strict exactly when it is
    if (!f.strict) return;
    STEP("2");
    STEP("3");  // a class static block's body is no FunctionBody
    if (f.kind == NodeKind::ClassStaticBlock) return;
    STEP("4");
    STEP("5");
    STEP("6");
    STEP("7");
    if (f.is_generator || f.is_async) return;
    STEP("8");
    if (f.concise_body) HasCallInTailPosition(f.concise_body);
    else HasCallInTailPosition(f.body);
}

}  // namespace lockstep::syntax
