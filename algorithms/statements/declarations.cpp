// ECMA-262 §14.3 Declarations and the Variable Statement: Evaluation of
// let / const declarations (§14.3.1) and var statements (§14.3.2).
#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"

namespace lockstep {

using namespace syntax;

ThrowCompletionOr<Value> EvaluateInitializer(Evaluator& e, const Node& initializer, Name bindingName)
{
    if (IsAnonymousFunctionDefinition(&initializer))
        return NamedEvaluation(e, initializer, PropertyName(PropertyKey::from_string(e.agent.heap, bindingName)));
    return EvaluateExpression(e, initializer);
}

Completion EvaluateLexicalDeclaration(Evaluator& e, const VariableDeclarationList& declaration)
{
    Agent& agent = e.agent;
    for (const VariableDeclaration* binding : declaration.declarations) {
        const Node& target = *binding->target;
        if (target.kind == NodeKind::BindingIdentifier) {
            Name bindingId = target.as<Identifier>()->name;
            if (!binding->initializer) {
                // LexicalBinding : BindingIdentifier
                SPEC_ALGORITHM("sec-let-and-const-declarations-runtime-semantics-evaluation#3");
                STEP("1");
                ReferenceRecord lhs = MUST(ResolveBinding(agent, bindingId, e.strict));
                STEP("2");
                TRY(InitializeReferencedBinding(agent, lhs, Value::undefined()));
                STEP("3");
                continue;
            }
            // LexicalBinding : BindingIdentifier Initializer
            SPEC_ALGORITHM("sec-let-and-const-declarations-runtime-semantics-evaluation#4");
            STEP("1");
            STEP("2");
            ReferenceRecord lhs = MUST(ResolveBinding(agent, bindingId, e.strict));
            Value value;
            STEP("3");
            if (IsAnonymousFunctionDefinition(binding->initializer)) {
                STEP("3.a");
                value = TRY(NamedEvaluation(e, *binding->initializer, PropertyName(IdentifierKey(e, target))));
            } else {
                STEP("4");
                STEP("4.a");
                STEP("4.b");
                value = TRY(EvaluateExpression(e, *binding->initializer));
            }
            STEP("5");
            TRY(InitializeReferencedBinding(agent, lhs, value));
            STEP("6");
            continue;
        }
        // LexicalBinding : BindingPattern Initializer
        SPEC_ALGORITHM("sec-let-and-const-declarations-runtime-semantics-evaluation#5");
        STEP("1");
        STEP("2");
        Value value = TRY(EvaluateExpression(e, *binding->initializer));
        STEP("3");
        EnvironmentRecord* env = agent.running_execution_context().LexicalEnvironment;
        STEP("4");
        TRY(BindingInitialization(e, target, value, env));
    }
    return Completion();
}

Completion EvaluateVariableStatement(Evaluator& e, const VariableDeclarationList& statement)
{
    Agent& agent = e.agent;
    for (const VariableDeclaration* declaration : statement.declarations) {
        // VariableDeclaration : BindingIdentifier — nothing to do.
        if (!declaration->initializer) continue;
        const Node& target = *declaration->target;
        if (target.kind == NodeKind::BindingIdentifier) {
            // VariableDeclaration : BindingIdentifier Initializer
            SPEC_ALGORITHM("sec-variable-statement-runtime-semantics-evaluation#4");
            STEP("1");
            Name bindingId = target.as<Identifier>()->name;
            STEP("2");
            ReferenceRecord lhs = TRY(ResolveBinding(agent, bindingId, e.strict));
            Value value;
            STEP("3");
            if (IsAnonymousFunctionDefinition(declaration->initializer)) {
                STEP("3.a");
                value = TRY(NamedEvaluation(e, *declaration->initializer, PropertyName(IdentifierKey(e, target))));
            } else {
                STEP("4");
                STEP("4.a");
                STEP("4.b");
                value = TRY(EvaluateExpression(e, *declaration->initializer));
            }
            STEP("5");
            TRY(PutValue(agent, lhs, value));
            STEP("6");
            continue;
        }
        // VariableDeclaration : BindingPattern Initializer
        SPEC_ALGORITHM("sec-variable-statement-runtime-semantics-evaluation#5");
        STEP("1");
        STEP("2");
        Value rval = TRY(EvaluateExpression(e, *declaration->initializer));
        STEP("3");
        TRY(BindingInitialization(e, target, rval, nullptr));
    }
    return Completion();
}

}  // namespace lockstep
