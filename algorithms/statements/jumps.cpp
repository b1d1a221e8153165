// ECMA-262 §14.8 continue, §14.9 break, §14.10 return, §14.14 throw.
#include "abstract_ops/async_function_operations.h"
#include "algorithms/productions.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

Completion EvaluateContinueStatement(Evaluator& e, const JumpStatement& n)
{
    SPEC_ALGORITHM("sec-continue-statement-runtime-semantics-evaluation");
    if (!n.label) {
        STEP("1");
        return Completion(CompletionType::Continue, Value::empty(), nullptr);
    }
    // ContinueStatement : continue LabelIdentifier ;
    return Completion(CompletionType::Continue, Value::empty(), StringOf(e, n.label->name));
}

Completion EvaluateBreakStatement(Evaluator& e, const JumpStatement& n)
{
    SPEC_ALGORITHM("sec-break-statement-runtime-semantics-evaluation");
    if (!n.label) {
        STEP("1");
        return Completion(CompletionType::Break, Value::empty(), nullptr);
    }
    // BreakStatement : break LabelIdentifier ;
    return Completion(CompletionType::Break, Value::empty(), StringOf(e, n.label->name));
}

Completion EvaluateReturnStatement(Evaluator& e, const ArgumentStatement& n)
{
    if (!n.argument) {
        SPEC_ALGORITHM("sec-return-statement-runtime-semantics-evaluation");
        STEP("1");
        return ReturnCompletion(Value::undefined());
    }
    SPEC_ALGORITHM("sec-return-statement-runtime-semantics-evaluation#2");
    STEP("1");
    STEP("2");
    Value exprValue = TRY(EvaluateExpression(e, *n.argument));
    STEP("3");
    if (GetGeneratorKind(e.agent) == GeneratorKind::Async) exprValue = TRY(Await(e.agent, exprValue));
    STEP("4");
    return ReturnCompletion(exprValue);
}

Completion EvaluateThrowStatement(Evaluator& e, const ArgumentStatement& n)
{
    SPEC_ALGORITHM("sec-throw-statement-runtime-semantics-evaluation");
    STEP("1");
    STEP("2");
    Value exprValue = TRY(EvaluateExpression(e, *n.argument));
    STEP("3");
    e.position = &n;
    RecordThrow(e, exprValue);
    return ThrowCompletion(exprValue);
}

}  // namespace lockstep
