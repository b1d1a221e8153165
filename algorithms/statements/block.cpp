// ECMA-262 §14.2 Block.
#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"

namespace lockstep {

using namespace syntax;

Completion EvaluateBlockStatement(Evaluator& e, const BlockStatement& block)
{
    if (block.body.empty()) {
        SPEC_ALGORITHM("sec-block-runtime-semantics-evaluation");
        STEP("1");
        return Completion();
    }
    SPEC_ALGORITHM("sec-block-runtime-semantics-evaluation#2");
    ExecutionContext& context = e.agent.running_execution_context();
    std::vector<const Node*> declarations;
    LexicallyScopedDeclarations(block.body, declarations);
    if (declarations.empty()) {
        // A block that declares nothing gets an empty environment no code can
        // observe; evaluating in the outer one is the same.
        return EvaluateStatementList(e, block.body);
    }
    STEP("1");
    EnvironmentRecord* oldEnv = context.LexicalEnvironment;
    STEP("2");
    DeclarativeEnvironmentRecord* blockEnv = NewDeclarativeEnvironment(e.agent, oldEnv);
    STEP("3");
    BlockDeclarationInstantiation(e, declarations, *blockEnv);
    STEP("4");
    context.LexicalEnvironment = blockEnv;
    STEP("5");
    Completion blockValue = EvaluateStatementList(e, block.body);
    STEP("6");
    context.LexicalEnvironment = oldEnv;
    STEP("7");
    return blockValue;
}

void BlockDeclarationInstantiation(Evaluator& e, const std::vector<const Node*>& declarations,
                                   DeclarativeEnvironmentRecord& env)
{
    SPEC_ALGORITHM("sec-blockdeclarationinstantiation");
    Agent& agent = e.agent;
    STEP("1");  // declarations: the LexicallyScopedDeclarations of code, from the caller
    STEP("2");
    PrivateEnvironmentRecord* privateEnv = agent.running_execution_context().PrivateEnvironment;
    STEP("3");
    std::vector<Name> names;
    for (const Node* d : declarations) {
        STEP("3.a");
        names.clear();
        BoundNames(d, names);
        for (Name dn : names) {
            STEP("3.a.i");
            if (IsConstantDeclaration(d)) {
                STEP("3.a.i.1");
                MUST(env.CreateImmutableBinding(agent, dn, true));
            } else {
                STEP("3.a.ii");
                STEP("3.a.ii.1");
                // §B.3.2.6: sloppy code may declare the same function twice in a block.
                if (!env.has_binding(dn)) MUST(env.CreateMutableBinding(agent, dn, false));
            }
        }
        STEP("3.b");
        if (IsHoistableDeclaration(d->kind)) {
            STEP("3.b.i");
            Name fn = names[0];
            STEP("3.b.ii");
            // InstantiateFunctionObject of a declaration cannot throw.
            Object* fo = MUST(InstantiateFunctionObject(e, *d->as<FunctionNode>(), &env, privateEnv));
            STEP("3.b.iii");
            // §B.3.2.6: initialize the binding, or (a repeated declaration) overwrite it.
            if (!env.is_initialized(fn))
                MUST(env.InitializeBinding(agent, fn, fo));
            else
                MUST(env.SetMutableBinding(agent, fn, fo, false));
        }
    }
    STEP("4");
}

}  // namespace lockstep
