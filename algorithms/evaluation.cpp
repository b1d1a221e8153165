// The Evaluation dispatch: which production's algorithm evaluates a node.
// Every recursion of the evaluator passes through here (and through calls),
// so the native stack is checked here.
#include "algorithms/productions.h"

#include "algorithms/static_semantics.h"
#include "runtime/error.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

namespace {

// The evaluator of the innermost code running on this thread (the chain of
// callers gives stack traces), and the trace of the last exception thrown.
thread_local Evaluator* g_innermost = nullptr;
thread_local Value g_traced_value = Value::empty();
thread_local std::vector<StackPosition> g_trace;

}  // namespace

Evaluator::Evaluator(Agent& a, const std::shared_ptr<SourceUnit>& u, bool s) : agent(a), unit(u), strict(s)
{
    caller = g_innermost;
    g_innermost = this;
}

Evaluator::~Evaluator()
{
    g_innermost = caller;
}

void RecordThrow(Evaluator& e, Value thrown)
{
    if (g_traced_value.is_identical(thrown) && !g_trace.empty()) return;
    g_traced_value = thrown;
    g_trace.clear();
    // The innermost frames, as engines print them: at most kMaxTraceFrames.
    constexpr size_t kMaxTraceFrames = 10;
    for (Evaluator* frame = &e; frame && g_trace.size() < kMaxTraceFrames; frame = frame->caller) {
        if (!frame->position) continue;
        g_trace.push_back(StackPosition{frame->unit->file_name, frame->position->range.line,
                                        frame->position->range.column});
    }
}

std::vector<StackPosition> StackTraceOf(Value thrown)
{
    if (!g_traced_value.is_identical(thrown)) return {};
    return g_trace;
}

ThrowCompletion NotYetSupported(Agent& agent, const char* what)
{
    return throw_error(agent, ErrorType::SyntaxError, std::string(what) + " is not yet supported");
}

String* StringOf(Evaluator& e, std::u16string_view units)
{
    return e.agent.heap.intern(units);
}

bool LabelSetContains(const LabelSet& labelSet, Name name)
{
    for (Name label : labelSet)
        if (label == name) return true;
    return false;
}

bool YieldsReference(const Node& expression)
{
    switch (expression.kind) {
    case NodeKind::IdentifierReference:
    case NodeKind::MemberExpression:
    case NodeKind::SuperProperty:
        return true;
    case NodeKind::ParenthesizedExpression:
        return YieldsReference(*expression.as<UnaryNode>()->operand);
    default:
        return false;
    }
}

ThrowCompletionOr<ReferenceRecord> EvaluateReference(Evaluator& e, const Node& expression)
{
    switch (expression.kind) {
    case NodeKind::IdentifierReference:
        // §13.1.3 IdentifierReference : Identifier — ResolveBinding(StringValue of Identifier)
        return ResolveBinding(e.agent, expression.as<Identifier>()->name, e.strict);
    case NodeKind::MemberExpression:
        return EvaluateMemberExpression(e, *expression.as<MemberExpression>());
    case NodeKind::SuperProperty:
        return EvaluateSuperProperty(e, *expression.as<MemberExpression>());
    case NodeKind::ParenthesizedExpression:
        // §13.2.9.4: "Return ? Evaluation of Expression. This may be of type Reference."
        return EvaluateReference(e, *expression.as<UnaryNode>()->operand);
    default:
        SPEC_ASSERT(!"EvaluateReference of an expression that yields a value");
        return ReferenceRecord{};
    }
}

ThrowCompletionOr<Value> EvaluateExpression(Evaluator& e, const Node& n)
{
    if (e.agent.heap.native_stack_exhausted()) [[unlikely]]
        return throw_stack_overflow(e.agent);
    switch (n.kind) {
    case NodeKind::IdentifierReference:
    case NodeKind::MemberExpression:
    case NodeKind::SuperProperty: {
        ReferenceRecord reference = TRY(EvaluateReference(e, n));
        return GetValue(e.agent, reference);
    }
    case NodeKind::ParenthesizedExpression:
        return EvaluateExpression(e, *n.as<UnaryNode>()->operand);
    case NodeKind::ThisExpression:
        // §13.2.1.1: Return ? ResolveThisBinding().
        return ResolveThisBinding(e.agent);
    case NodeKind::NullLiteral:
    case NodeKind::BooleanLiteral:
    case NodeKind::NumericLiteral:
    case NodeKind::BigIntLiteral:
    case NodeKind::StringLiteral:
        return EvaluateLiteral(e, n);
    case NodeKind::RegularExpressionLiteral:
        return EvaluateRegularExpressionLiteral(e, *n.as<RegularExpressionLiteral>());
    case NodeKind::TemplateLiteral:
        return EvaluateTemplateLiteral(e, *n.as<TemplateLiteral>());
    case NodeKind::ArrayLiteral:
        return EvaluateArrayLiteral(e, *n.as<ArrayLiteral>());
    case NodeKind::ObjectLiteral:
        return EvaluateObjectLiteral(e, *n.as<ObjectLiteral>());
    case NodeKind::NewTarget:
        // §13.3.12.1: Return GetNewTarget().
        return GetNewTarget(e.agent);
    case NodeKind::ImportMeta:
        return NotYetSupported(e.agent, "import.meta");
    case NodeKind::ImportCall:
        return NotYetSupported(e.agent, "import()");
    case NodeKind::NewExpression:
        return EvaluateNewExpression(e, *n.as<CallExpression>());
    case NodeKind::CallExpression:
        return EvaluateCallExpression(e, *n.as<CallExpression>());
    case NodeKind::SuperCall:
        return EvaluateSuperCall(e, *n.as<CallExpression>());
    case NodeKind::TaggedTemplate:
        return EvaluateTaggedTemplate(e, *n.as<TaggedTemplate>());
    case NodeKind::OptionalExpression: {
        ReferenceOrValue result = TRY(EvaluateOptionalExpression(e, *n.as<OptionalExpression>()));
        return GetValue(e.agent, result);
    }
    case NodeKind::UpdateExpression:
        return EvaluateUpdateExpression(e, *n.as<UpdateExpression>());
    case NodeKind::UnaryExpression:
        return EvaluateUnaryExpression(e, *n.as<UnaryExpression>());
    case NodeKind::AwaitExpression:
        return NotYetSupported(e.agent, "await");
    case NodeKind::YieldExpression:
        return NotYetSupported(e.agent, "yield");
    case NodeKind::BinaryExpression:
        return EvaluateBinaryExpression(e, *n.as<BinaryExpression>());
    case NodeKind::LogicalExpression:
        return EvaluateLogicalExpression(e, *n.as<BinaryExpression>());
    case NodeKind::ConditionalExpression:
        return EvaluateConditionalExpression(e, *n.as<ConditionalExpression>());
    case NodeKind::AssignmentExpression:
        return EvaluateAssignmentExpression(e, *n.as<AssignmentExpression>());
    case NodeKind::CommaExpression:
        return EvaluateCommaExpression(e, *n.as<CommaExpression>());
    case NodeKind::ClassExpression:
        return EvaluateClassExpression(e, *n.as<ClassNode>(), std::nullopt);
    default:
        if (IsFunctionNodeKind(n.kind)) return EvaluateFunctionExpression(e, *n.as<FunctionNode>(), std::nullopt);
        SPEC_ASSERT(!"EvaluateExpression of a node that is not an expression");
        return Value::undefined();
    }
}

Completion Evaluation(Evaluator& e, const Node& n)
{
    if (e.agent.heap.native_stack_exhausted()) [[unlikely]]
        return throw_stack_overflow(e.agent);
    e.position = &n;
    switch (n.kind) {
    case NodeKind::BlockStatement:
        return EvaluateBlockStatement(e, *n.as<BlockStatement>());
    case NodeKind::VariableStatement:
        return EvaluateVariableStatement(e, *n.as<VariableDeclarationList>());
    case NodeKind::LexicalDeclaration:
        return EvaluateLexicalDeclaration(e, *n.as<VariableDeclarationList>());
    case NodeKind::EmptyStatement:
        // §14.4.1: Return ~empty~.
        return Completion();
    case NodeKind::ExpressionStatement: {
        // §14.5.1: Return ? GetValue(? Evaluation of Expression).
        ThrowCompletionOr<Value> value = EvaluateExpression(e, *n.as<ExpressionStatement>()->expression);
        if (value.is_abrupt()) [[unlikely]] {
            e.position = &n;
            RecordThrow(e, value.thrown_value());
        }
        return value;
    }
    case NodeKind::IfStatement:
        return EvaluateIfStatement(e, *n.as<IfStatement>());
    case NodeKind::DoWhileStatement:
    case NodeKind::WhileStatement:
    case NodeKind::ForStatement:
    case NodeKind::ForInStatement:
    case NodeKind::ForOfStatement:
    case NodeKind::SwitchStatement: {
        // §14.1.1 BreakableStatement: Evaluation is LabelledEvaluation with « ».
        LabelSet newLabelSet;
        return LabelledEvaluation(e, n, newLabelSet);
    }
    case NodeKind::ContinueStatement:
        return EvaluateContinueStatement(e, *n.as<JumpStatement>());
    case NodeKind::BreakStatement:
        return EvaluateBreakStatement(e, *n.as<JumpStatement>());
    case NodeKind::ReturnStatement:
        return EvaluateReturnStatement(e, *n.as<ArgumentStatement>());
    case NodeKind::WithStatement:
        return EvaluateWithStatement(e, *n.as<WithStatement>());
    case NodeKind::LabelledStatement: {
        // §14.13.3: LabelledEvaluation with « ».
        LabelSet newLabelSet;
        return LabelledEvaluation(e, n, newLabelSet);
    }
    case NodeKind::ThrowStatement:
        return EvaluateThrowStatement(e, *n.as<ArgumentStatement>());
    case NodeKind::TryStatement:
        return EvaluateTryStatement(e, *n.as<TryStatement>());
    case NodeKind::DebuggerStatement:
        // §14.16.1: no debugging facility; Return ~empty~.
        return Completion();
    case NodeKind::ClassDeclaration:
        return EvaluateClassDeclaration(e, *n.as<ClassNode>());
    default:
        // §15.2.6 etc.: a HoistableDeclaration's Evaluation returns ~empty~.
        if (IsHoistableDeclaration(n.kind)) return Completion();
        SPEC_ASSERT(!"Evaluation of a node that is not a statement");
        return Completion();
    }
}

Completion EvaluateStatementList(Evaluator& e, NodeList statements)
{
    SPEC_ALGORITHM("sec-block-runtime-semantics-evaluation#3");
    // StatementList : StatementList StatementListItem, as a loop.
    Value sl = Value::empty();
    for (const Node* item : statements) {
        STEP("1");
        STEP("2");
        Completion s = Evaluation(e, *item);
        if (s.is_abrupt()) return UpdateEmpty(s, sl);
        STEP("3");
        if (!s.value.is_empty()) sl = s.value;
    }
    return NormalCompletion(sl);
}

}  // namespace lockstep
