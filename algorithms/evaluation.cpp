// The Evaluation dispatch: which production's algorithm evaluates a node.
// Every recursion of the evaluator passes through here (and through calls),
// so the native stack is checked here.
#include "algorithms/modules.h"
#include "algorithms/productions.h"

#include "algorithms/static_semantics.h"
#include "runtime/error.h"
#include "runtime/generator_object.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

namespace {

// The evaluator of the innermost code running on this thread (the chain of
// callers gives stack traces), and the trace of the last exception thrown,
// with the signifier of the agent it was thrown in: agents run one after the
// other on a thread, and a later agent's value may sit at the same address.
// Signifiers are never reused (an agent's address may be).
// (Each native stack has its own chain: the stack switcher swaps its head,
// runtime/generator_object.h.)
Evaluator*& innermost()
{
    return reinterpret_cast<Evaluator*&>(t_stack_chain_head);
}
thread_local uint32_t g_traced_agent = 0;
thread_local Value g_traced_value = Value::empty();
thread_local std::vector<StackPosition> g_trace;

}  // namespace

Evaluator::Evaluator(Agent& a, const std::shared_ptr<SourceUnit>& u, bool s) : agent(a), unit(u), strict(s)
{
    caller = innermost();
    innermost() = this;
}

Evaluator::~Evaluator()
{
    innermost() = caller;
}

void RecordThrow(Evaluator& e, Value thrown)
{
    if (g_traced_agent == e.agent.Signifier && g_traced_value.is_identical(thrown) && !g_trace.empty()) return;
    g_traced_agent = e.agent.Signifier;
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

std::vector<StackPosition> StackTraceOf(Agent& agent, Value thrown)
{
    if (g_traced_agent != agent.Signifier || !g_traced_value.is_identical(thrown)) return {};
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
        return EvaluateImportMeta(e);
    case NodeKind::ImportCall:
        return EvaluateImportCall(e, *n.as<ImportCall>());
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
        return EvaluateAwaitExpression(e, *n.as<UnaryNode>());
    case NodeKind::YieldExpression:
        return EvaluateYieldExpression(e, *n.as<YieldExpression>());
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

namespace {

Completion EvaluateStatement(Evaluator& e, const Node& n)
{
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
    case NodeKind::ExpressionStatement:
        // §14.5.1: Return ? GetValue(? Evaluation of Expression).
        return EvaluateExpression(e, *n.as<ExpressionStatement>()->expression);
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
    case NodeKind::ImportDeclaration:
        return EvaluateImportDeclaration(e, *n.as<ImportDeclaration>());
    case NodeKind::ExportDeclaration:
        return EvaluateExportDeclaration(e, *n.as<ExportDeclaration>());
    default:
        // §15.2.6 etc.: a HoistableDeclaration's Evaluation returns ~empty~.
        if (n.kind == NodeKind::FunctionDeclaration) {
            auto webCompat = e.unit->web_compat_functions.find(&n);
            if (webCompat != e.unit->web_compat_functions.end())
                return EvaluateWebCompatFunctionDeclaration(e, *n.as<FunctionNode>(), webCompat->second);
        }
        if (IsHoistableDeclaration(n.kind)) return Completion();
        SPEC_ASSERT(!"Evaluation of a node that is not a statement");
        return Completion();
    }
}

}  // namespace

Completion Evaluation(Evaluator& e, const Node& n)
{
    if (e.agent.heap.native_stack_exhausted()) [[unlikely]]
        return throw_stack_overflow(e.agent);
    e.position = &n;
    Completion result = EvaluateStatement(e, n);
    if (result.is_throw_completion()) [[unlikely]] {
        // A return completion a Yield received, through the expressions
        // around it (see ReturnCompletionInFlight).
        if (std::optional<Completion> returned = ReturnCompletionInFlight(e.agent, result)) return *returned;
        // The innermost statement an exception leaves is where the trace
        // starts (a call in it has set e.position to the call).
        RecordThrow(e, result.value);
    }
    return result;
}

namespace {

// The steps each §B.3.2 declaration instantiation says to perform "when the
// FunctionDeclaration f is evaluated", in place of its Evaluation: copy the
// block's binding of F to the var binding of the same name.

Completion EvaluateWebCompatFunctionDeclarationOfFunction(Agent& agent, ExecutionContext& context, Name F)
{
    SPEC_ALGORITHM("sec-web-compat-functiondeclarationinstantiation@29.a.ii.3");
    STEP("29.a.ii.3.a");
    EnvironmentRecord* fEnv = context.VariableEnvironment;
    STEP("29.a.ii.3.b");
    EnvironmentRecord* bEnv = context.LexicalEnvironment;
    STEP("29.a.ii.3.c");
    Value fObj = MUST(bEnv->GetBindingValue(agent, F, false));
    STEP("29.a.ii.3.d");
    MUST(fEnv->SetMutableBinding(agent, F, fObj, false));
    STEP("29.a.ii.3.e");
    return Completion();
}

Completion EvaluateWebCompatFunctionDeclarationOfScript(Agent& agent, ExecutionContext& context, Name F)
{
    SPEC_ALGORITHM("sec-web-compat-globaldeclarationinstantiation@12.b.ii.2.a.ii.3");
    STEP("12.b.ii.2.a.ii.3.a");
    EnvironmentRecord* gEnv = context.VariableEnvironment;
    STEP("12.b.ii.2.a.ii.3.b");
    EnvironmentRecord* bEnv = context.LexicalEnvironment;
    STEP("12.b.ii.2.a.ii.3.c");
    Value fObj = MUST(bEnv->GetBindingValue(agent, F, false));
    STEP("12.b.ii.2.a.ii.3.d");
    TRY(gEnv->SetMutableBinding(agent, F, fObj, false));
    STEP("12.b.ii.2.a.ii.3.e");
    return Completion();
}

Completion EvaluateWebCompatFunctionDeclarationOfEval(Agent& agent, ExecutionContext& context, Name F)
{
    SPEC_ALGORITHM("sec-web-compat-evaldeclarationinstantiation@13.b.ii.7.b");
    STEP("13.b.ii.7.b.i");
    EnvironmentRecord* gEnv = context.VariableEnvironment;
    STEP("13.b.ii.7.b.ii");
    EnvironmentRecord* bEnv = context.LexicalEnvironment;
    STEP("13.b.ii.7.b.iii");
    Value fObj = MUST(bEnv->GetBindingValue(agent, F, false));
    STEP("13.b.ii.7.b.iv");
    TRY(gEnv->SetMutableBinding(agent, F, fObj, false));
    STEP("13.b.ii.7.b.v");
    return Completion();
}

}  // namespace

Completion EvaluateWebCompatFunctionDeclaration(Evaluator& e, const FunctionNode& f, WebCompatDeclaration from)
{
    ExecutionContext& context = e.agent.running_execution_context();
    Name F = f.name->name;
    switch (from) {
    case WebCompatDeclaration::Function:
        return EvaluateWebCompatFunctionDeclarationOfFunction(e.agent, context, F);
    case WebCompatDeclaration::Global:
        return EvaluateWebCompatFunctionDeclarationOfScript(e.agent, context, F);
    case WebCompatDeclaration::Eval:
        return EvaluateWebCompatFunctionDeclarationOfEval(e.agent, context, F);
    }
    return Completion();
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
