// ECMA-262 §14.7 Iteration Statements: do-while, while, for, for-in, for-of.
#include "abstract_ops/async_function_operations.h"
#include "abstract_ops/object_operations.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/productions.h"
#include "algorithms/static_semantics.h"
#include "runtime/error.h"
#include "runtime/string.h"

namespace lockstep {

using namespace syntax;

bool LoopContinues(const Completion& completion, const LabelSet& labelSet)
{
    SPEC_ALGORITHM("sec-loopcontinues");
    STEP("1");
    if (completion.is_normal()) return true;
    STEP("2");
    if (completion.type != CompletionType::Continue) return false;
    STEP("3");
    if (!completion.target) return true;
    STEP("4");
    if (LabelSetContains(labelSet, completion.target->view())) return true;
    STEP("5");
    return false;
}

namespace {

Completion DoWhileLoopEvaluation(Evaluator& e, const WhileStatement& n, const LabelSet& labelSet)
{
    SPEC_ALGORITHM("sec-runtime-semantics-dowhileloopevaluation");
    STEP("1");
    Value V = Value::undefined();
    STEP("2");
    for (;;) {
        STEP("2.a");
        Completion stmtResult = Evaluation(e, *n.body);
        STEP("2.b");
        if (!LoopContinues(stmtResult, labelSet)) return UpdateEmpty(stmtResult, V);
        STEP("2.c");
        if (!stmtResult.value.is_empty()) V = stmtResult.value;
        STEP("2.d");
        STEP("2.e");
        Value exprValue = TRY(EvaluateExpression(e, *n.test));
        STEP("2.f");
        if (!ToBoolean(exprValue)) return NormalCompletion(V);
    }
}

Completion WhileLoopEvaluation(Evaluator& e, const WhileStatement& n, const LabelSet& labelSet)
{
    SPEC_ALGORITHM("sec-runtime-semantics-whileloopevaluation");
    STEP("1");
    Value V = Value::undefined();
    STEP("2");
    for (;;) {
        STEP("2.a");
        STEP("2.b");
        Value exprValue = TRY(EvaluateExpression(e, *n.test));
        STEP("2.c");
        if (!ToBoolean(exprValue)) return NormalCompletion(V);
        STEP("2.d");
        Completion stmtResult = Evaluation(e, *n.body);
        STEP("2.e");
        if (!LoopContinues(stmtResult, labelSet)) return UpdateEmpty(stmtResult, V);
        STEP("2.f");
        if (!stmtResult.value.is_empty()) V = stmtResult.value;
    }
}

// §14.7.4.4 CreatePerIterationEnvironment ( perIterationBindings )
ThrowCompletionOr<void> CreatePerIterationEnvironment(Evaluator& e, const std::vector<Name>& perIterationBindings)
{
    SPEC_ALGORITHM("sec-createperiterationenvironment");
    Agent& agent = e.agent;
    STEP("1");
    if (!perIterationBindings.empty()) {
        ExecutionContext& context = agent.running_execution_context();
        STEP("1.a");
        EnvironmentRecord* lastIterationEnv = context.LexicalEnvironment;
        STEP("1.b");
        EnvironmentRecord* outer = lastIterationEnv->OuterEnv;
        STEP("1.c");
        SPEC_ASSERT(outer);
        STEP("1.d");
        DeclarativeEnvironmentRecord* thisIterationEnv = NewDeclarativeEnvironment(agent, outer);
        STEP("1.e");
        for (Name bn : perIterationBindings) {
            STEP("1.e.i");
            MUST(thisIterationEnv->CreateMutableBinding(agent, bn, false));
            STEP("1.e.ii");
            Value lastValue = TRY(lastIterationEnv->GetBindingValue(agent, bn, true));
            STEP("1.e.iii");
            MUST(thisIterationEnv->InitializeBinding(agent, bn, lastValue));
        }
        STEP("1.f");
        context.LexicalEnvironment = thisIterationEnv;
    }
    STEP("2");
    return {};
}

// §14.7.4.3 ForBodyEvaluation ( test, increment, stmt, perIterationBindings, labelSet )
Completion ForBodyEvaluation(Evaluator& e, const ForStatement& n, const std::vector<Name>& perIterationBindings,
                             const LabelSet& labelSet)
{
    SPEC_ALGORITHM("sec-forbodyevaluation");
    STEP("1");
    Value V = Value::undefined();
    STEP("2");
    TRY(CreatePerIterationEnvironment(e, perIterationBindings));
    STEP("3");
    for (;;) {
        STEP("3.a");
        if (n.test) {
            STEP("3.a.i");
            STEP("3.a.ii");
            Value testValue = TRY(EvaluateExpression(e, *n.test));
            STEP("3.a.iii");
            if (!ToBoolean(testValue)) return NormalCompletion(V);
        }
        STEP("3.b");
        Completion result = Evaluation(e, *n.body);
        STEP("3.c");
        if (!LoopContinues(result, labelSet)) return UpdateEmpty(result, V);
        STEP("3.d");
        if (!result.value.is_empty()) V = result.value;
        STEP("3.e");
        TRY(CreatePerIterationEnvironment(e, perIterationBindings));
        STEP("3.f");
        if (n.update) {
            STEP("3.f.i");
            STEP("3.f.ii");
            TRY(EvaluateExpression(e, *n.update));
        }
    }
}

Completion ForLoopEvaluation(Evaluator& e, const ForStatement& n, const LabelSet& labelSet)
{
    Agent& agent = e.agent;
    if (n.init && n.init->kind == NodeKind::LexicalDeclaration) {
        // ForStatement : for ( LexicalDeclaration Expression? ; Expression? ) Statement
        SPEC_ALGORITHM("sec-runtime-semantics-forloopevaluation#3");
        ExecutionContext& context = agent.running_execution_context();
        const auto& declaration = *n.init->as<VariableDeclarationList>();
        STEP("1");
        EnvironmentRecord* oldEnv = context.LexicalEnvironment;
        STEP("2");
        DeclarativeEnvironmentRecord* loopEnv = NewDeclarativeEnvironment(agent, oldEnv);
        STEP("3");
        bool isConst = IsConstantDeclaration(&declaration);
        STEP("4");
        std::vector<Name> boundNames;
        BoundNames(&declaration, boundNames);
        STEP("5");
        for (Name dn : boundNames) {
            STEP("5.a");
            if (isConst) {
                STEP("5.a.i");
                MUST(loopEnv->CreateImmutableBinding(agent, dn, true));
            } else {
                STEP("5.b");
                STEP("5.b.i");
                MUST(loopEnv->CreateMutableBinding(agent, dn, false));
            }
        }
        STEP("6");
        context.LexicalEnvironment = loopEnv;
        STEP("7");
        Completion forDcl = Evaluation(e, declaration);
        STEP("8");
        if (forDcl.is_abrupt()) {
            STEP("8.a");
            context.LexicalEnvironment = oldEnv;
            STEP("8.b");
            return forDcl;
        }
        std::vector<Name> perIterationLets;
        STEP("9");
        if (!isConst) {
            STEP("10");
            perIterationLets = boundNames;
        }
        STEP("11");
        Completion bodyResult = ForBodyEvaluation(e, n, perIterationLets, labelSet);
        STEP("12");
        context.LexicalEnvironment = oldEnv;
        STEP("13");
        STEP("14");
        return bodyResult;
    }
    if (n.init && n.init->kind == NodeKind::VariableStatement) {
        // ForStatement : for ( var VariableDeclarationList ; Expression? ; Expression? ) Statement
        SPEC_ALGORITHM("sec-runtime-semantics-forloopevaluation#2");
        STEP("1");
        TRY(Evaluation(e, *n.init));
        STEP("2");
        STEP("3");
        STEP("4");
        return ForBodyEvaluation(e, n, {}, labelSet);
    }
    // ForStatement : for ( Expression? ; Expression? ; Expression? ) Statement
    SPEC_ALGORITHM("sec-runtime-semantics-forloopevaluation");
    STEP("1");
    if (n.init) {
        STEP("1.a");
        STEP("1.b");
        TRY(EvaluateExpression(e, *n.init));
    }
    STEP("2");
    STEP("3");
    STEP("4");
    return ForBodyEvaluation(e, n, {}, labelSet);
}

// The iterator of a for-in / for-of loop: an Iterator Record, or for
// for-in the For-In Iterator of §14.7.5.10 (whose object user code never
// sees, so its state lives here rather than in an object).
struct ForInOfIterator {
    bool enumerate = false;
    bool async = false;  // iteratorKind ~async~ (for await)
    IteratorRecord record;
    // For-In Iterator internal slots (§14.7.5.10.3).
    Object* object = nullptr;
    bool ObjectWasVisited = false;
    lockstep::List<PropertyKey> VisitedKeys;
    lockstep::List<PropertyKey> RemainingKeys;
    size_t remaining_index = 0;
};

// §14.7.5.10.2.1 %ForInIteratorPrototype%.next ( ): nullopt when done.
ThrowCompletionOr<std::optional<Value>> ForInIteratorNext(Agent& agent, ForInOfIterator& O)
{
    SPEC_ALGORITHM("sec-%foriniteratorprototype%.next");
    STEP("1");
    STEP("2");
    STEP("3");
    STEP("4");
    STEP("5");
    for (;;) {
        if (!O.object) return std::optional<Value>();
        Object& object = *O.object;
        STEP("5.a");
        if (!O.ObjectWasVisited) {
            STEP("5.a.i");
            lockstep::List<PropertyKey> keys = TRY(object.OwnPropertyKeys(agent));
            STEP("5.a.ii");
            for (PropertyKey key : keys) {
                STEP("5.a.ii.1");
                if (key.is_string()) {
                    STEP("5.a.ii.1.a");
                    O.RemainingKeys.append(key);
                }
            }
            STEP("5.a.iii");
            O.ObjectWasVisited = true;
        }
        STEP("5.b");
        while (O.remaining_index < O.RemainingKeys.size()) {
            STEP("5.b.i");
            PropertyKey r = O.RemainingKeys[O.remaining_index];
            STEP("5.b.ii");
            ++O.remaining_index;
            STEP("5.b.iii");
            bool visited = false;
            for (PropertyKey v : O.VisitedKeys) visited = visited || v == r;
            if (!visited) {
                STEP("5.b.iii.1");
                auto desc = TRY(object.GetOwnProperty(agent, r));
                STEP("5.b.iii.2");
                if (desc) {
                    STEP("5.b.iii.2.a");
                    O.VisitedKeys.append(r);
                    STEP("5.b.iii.2.b");
                    if (desc->enumerable.value_or(false)) return std::optional<Value>(r.to_value(agent.heap));
                }
            }
        }
        O.RemainingKeys.items().clear();
        O.remaining_index = 0;
        STEP("5.c");
        Object* next = TRY(object.GetPrototypeOf(agent));
        STEP("5.d");
        O.object = next;
        STEP("5.e");
        O.ObjectWasVisited = false;
        STEP("5.f");
        if (!next) return std::optional<Value>();
    }
}

// §14.7.5.6 ForIn/OfHeadEvaluation ( uninitializedBoundNames, expr, iterationKind ):
// false for the break completion of step 6.a.i.
ThrowCompletionOr<bool> ForInOfHeadEvaluation(Evaluator& e, const std::vector<Name>& uninitializedBoundNames,
                                              const Node& expr, bool enumerate, ForInOfIterator& iterator)
{
    SPEC_ALGORITHM("sec-runtime-semantics-forinofheadevaluation");
    Agent& agent = e.agent;
    ExecutionContext& context = agent.running_execution_context();
    STEP("1");
    EnvironmentRecord* oldEnv = context.LexicalEnvironment;
    STEP("2");
    if (!uninitializedBoundNames.empty()) {
        STEP("2.a");
        STEP("2.b");
        DeclarativeEnvironmentRecord* newEnv = NewDeclarativeEnvironment(agent, oldEnv);
        STEP("2.c");
        for (Name name : uninitializedBoundNames) {
            STEP("2.c.i");
            MUST(newEnv->CreateMutableBinding(agent, name, false));
        }
        STEP("2.d");
        context.LexicalEnvironment = newEnv;
    }
    STEP("3");
    ThrowCompletionOr<Value> exprRef = EvaluateExpression(e, expr);
    STEP("4");
    context.LexicalEnvironment = oldEnv;
    STEP("5");
    Value exprValue = TRY(exprRef);
    STEP("6");
    if (enumerate) {
        STEP("6.a");
        if (exprValue.is_nullish()) {
            STEP("6.a.i");
            return false;
        }
        STEP("6.b");
        Object* obj = MUST(ToObject(agent, exprValue));
        STEP("6.c");
        STEP("6.d");
        STEP("6.e");
        iterator.enumerate = true;
        iterator.object = obj;
        return true;
    }
    STEP("7");
    STEP("7.a");
    STEP("7.b");
    STEP("7.c");
    STEP("7.d");
    iterator.record = TRY(GetIterator(agent, exprValue, iterator.async ? IteratorKind::Async : IteratorKind::Sync));
    return true;
}

enum class LhsKind : uint8_t { Assignment, VarBinding, LexicalBinding };

// §14.7.5.7 ForIn/OfBodyEvaluation ( lhs, stmt, iteratorRecord, iterationKind, lhsKind, labelSet )
Completion ForInOfBodyEvaluation(Evaluator& e, const Node& lhs, const Node& stmt, ForInOfIterator& iterator,
                                 LhsKind lhsKind, const LabelSet& labelSet)
{
    SPEC_ALGORITHM("sec-runtime-semantics-forin-div-ofbodyevaluation-lhs-stmt-iterator-lhskind-labelset");
    Agent& agent = e.agent;
    ExecutionContext& context = agent.running_execution_context();
    STEP("1");
    STEP("2");
    EnvironmentRecord* oldEnv = context.LexicalEnvironment;
    STEP("3");
    Value V = Value::undefined();
    // lhs: the ForBinding / ForDeclaration's binding (identifier or pattern),
    // or the LeftHandSideExpression / AssignmentPattern.
    const Node* target = &lhs;
    if (lhsKind != LhsKind::Assignment) target = lhs.as<VariableDeclarationList>()->declarations[0]->target;
    STEP("4");
    bool destructuring = target->kind == NodeKind::ObjectBindingPattern || target->kind == NodeKind::ArrayBindingPattern ||
                         target->kind == NodeKind::ObjectAssignmentPattern ||
                         target->kind == NodeKind::ArrayAssignmentPattern;
    STEP("5");
    STEP("5.a");
    STEP("5.b");  // the AssignmentPattern: target
    STEP("6");
    for (;;) {
        Value nextValue;
        if (iterator.enumerate) {
            std::optional<Value> next = TRY(ForInIteratorNext(agent, iterator));
            if (!next) return NormalCompletion(V);
            nextValue = *next;
        } else {
            STEP("6.a");
            Value nextResult = TRY(Call(agent, iterator.record.NextMethod, iterator.record.Iterator));
            STEP("6.b");
            if (iterator.async) nextResult = TRY(Await(agent, nextResult));
            STEP("6.c");
            if (!nextResult.is_object()) return throw_type_error(agent, "iterator result is not an object");
            STEP("6.d");
            bool done = TRY(IteratorComplete(agent, *nextResult.as_object()));
            STEP("6.e");
            if (done) return NormalCompletion(V);
            STEP("6.f");
            nextValue = TRY(IteratorValue(agent, *nextResult.as_object()));
        }
        ThrowCompletionOr<void> status;
        STEP("6.g");
        if (lhsKind != LhsKind::LexicalBinding) {
            STEP("6.g.i");
            if (destructuring) {
                STEP("6.g.i.1");
                if (lhsKind == LhsKind::Assignment) {
                    STEP("6.g.i.1.a");
                    status = DestructuringAssignmentEvaluation(e, *target, nextValue);
                } else {
                    STEP("6.g.i.2");
                    STEP("6.g.i.2.a");
                    STEP("6.g.i.2.b");
                    STEP("6.g.i.2.c");
                    status = BindingInitialization(e, *target, nextValue, nullptr);
                }
            } else {
                STEP("6.g.ii");
                STEP("6.g.ii.1");
                ThrowCompletionOr<ReferenceRecord> lhsRef =
                    lhsKind == LhsKind::VarBinding
                        ? ResolveBinding(agent, target->as<Identifier>()->name, e.strict)
                        : EvaluateAssignmentTarget(e, *target);
                STEP("6.g.ii.2");
                if (lhsRef.is_abrupt()) {
                    STEP("6.g.ii.2.a");
                    status = lhsRef.release_error();
                } else {
                    STEP("6.g.ii.3");
                    STEP("6.g.ii.3.a");
                    status = PutValue(agent, lhsRef.value(), nextValue);
                }
            }
        } else {
            STEP("6.h");
            STEP("6.h.i");
            STEP("6.h.ii");
            STEP("6.h.iii");
            DeclarativeEnvironmentRecord* iterationEnv = NewDeclarativeEnvironment(agent, oldEnv);
            STEP("6.h.iv");
            // ForDeclarationBindingInstantiation (§14.7.5.4)
            std::vector<Name> names;
            BoundNames(&lhs, names);
            bool isConst = IsConstantDeclaration(&lhs);
            for (Name name : names) {
                if (isConst) MUST(iterationEnv->CreateImmutableBinding(agent, name, true));
                else MUST(iterationEnv->CreateMutableBinding(agent, name, false));
            }
            STEP("6.h.v");
            context.LexicalEnvironment = iterationEnv;
            STEP("6.h.vi");
            if (destructuring) {
                STEP("6.h.vi.1");
                status = BindingInitialization(e, *target, nextValue, iterationEnv);
            } else {
                STEP("6.h.vii");
                STEP("6.h.vii.1");
                STEP("6.h.vii.2");
                Name lhsName = names[0];
                STEP("6.h.vii.3");
                ReferenceRecord lhsRef = MUST(ResolveBinding(agent, lhsName, e.strict));
                STEP("6.h.vii.4");
                status = InitializeReferencedBinding(agent, lhsRef, nextValue);
            }
        }
        STEP("6.i");
        if (status.is_abrupt()) {
            STEP("6.i.i");
            context.LexicalEnvironment = oldEnv;
            STEP("6.i.ii");
            Completion statusCompletion = WithReturnInFlight(agent, status.release_error());
            if (iterator.async) return AsyncIteratorClose(agent, iterator.record, statusCompletion);
            STEP("6.i.iii");
            if (iterator.enumerate) {
                STEP("6.i.iii.1");
                return statusCompletion;
            }
            STEP("6.i.iv");
            STEP("6.i.iv.1");
            STEP("6.i.iv.2");
            return IteratorClose<Completion>(agent, iterator.record, statusCompletion);
        }
        STEP("6.j");
        Completion result = Evaluation(e, stmt);
        STEP("6.k");
        context.LexicalEnvironment = oldEnv;
        STEP("6.l");
        if (!LoopContinues(result, labelSet)) {
            STEP("6.l.i");
            if (iterator.enumerate) {
                STEP("6.l.i.1");
                return UpdateEmpty(result, V);
            }
            STEP("6.l.ii");
            STEP("6.l.ii.1");
            STEP("6.l.ii.2");
            Completion updated = UpdateEmpty(result, V);
            STEP("6.l.ii.3");
            if (iterator.async) return AsyncIteratorClose(agent, iterator.record, updated);
            STEP("6.l.ii.4");
            return IteratorClose<Completion>(agent, iterator.record, updated);
        }
        STEP("6.m");
        if (!result.value.is_empty()) V = result.value;
    }
}

Completion ForInOfLoopEvaluation(Evaluator& e, const ForInOfStatement& n, const LabelSet& labelSet)
{
    // The six productions share their two steps: ForIn/OfHeadEvaluation, then
    // ForIn/OfBodyEvaluation with the lhs kind of the production.
    SPEC_ALGORITHM("sec-runtime-semantics-forinofloopevaluation");
    STEP("1");
    STEP("2");
    bool enumerate = n.kind == NodeKind::ForInStatement;
    const Node& left = *n.left;
    ForInOfIterator iterator;
    iterator.async = n.is_await;
    if (left.kind == NodeKind::VariableStatement) {
        // for ( var ForBinding in/of Expression ) Statement
        const VariableDeclaration& binding = *left.as<VariableDeclarationList>()->declarations[0];
        if (binding.initializer) {
            // §B.3.5 Initializers in ForIn Statement Heads.
            Name bindingId = binding.target->as<Identifier>()->name;
            ReferenceRecord lhs = TRY(ResolveBinding(e.agent, bindingId, e.strict));
            Value value = TRY(EvaluateInitializer(e, *binding.initializer, bindingId));
            TRY(PutValue(e.agent, lhs, value));
        }
        bool proceed = TRY(ForInOfHeadEvaluation(e, {}, *n.right, enumerate, iterator));
        if (!proceed) return Completion(CompletionType::Break, Value::empty(), nullptr);
        return ForInOfBodyEvaluation(e, left, *n.body, iterator, LhsKind::VarBinding, labelSet);
    }
    if (left.kind == NodeKind::LexicalDeclaration) {
        // for ( ForDeclaration in/of Expression ) Statement
        std::vector<Name> names;
        BoundNames(&left, names);
        bool proceed = TRY(ForInOfHeadEvaluation(e, names, *n.right, enumerate, iterator));
        if (!proceed) return Completion(CompletionType::Break, Value::empty(), nullptr);
        return ForInOfBodyEvaluation(e, left, *n.body, iterator, LhsKind::LexicalBinding, labelSet);
    }
    // for ( LeftHandSideExpression in/of Expression ) Statement
    bool proceed = TRY(ForInOfHeadEvaluation(e, {}, *n.right, enumerate, iterator));
    if (!proceed) return Completion(CompletionType::Break, Value::empty(), nullptr);
    return ForInOfBodyEvaluation(e, left, *n.body, iterator, LhsKind::Assignment, labelSet);
}

}  // namespace

Completion LoopEvaluation(Evaluator& e, const Node& statement, const LabelSet& labelSet)
{
    SPEC_ALGORITHM("sec-runtime-semantics-loopevaluation");
    STEP("1");  // the LoopEvaluation of the IterationStatement's one production
    switch (statement.kind) {
    case NodeKind::DoWhileStatement:
        return DoWhileLoopEvaluation(e, *statement.as<WhileStatement>(), labelSet);
    case NodeKind::WhileStatement:
        return WhileLoopEvaluation(e, *statement.as<WhileStatement>(), labelSet);
    case NodeKind::ForStatement:
        return ForLoopEvaluation(e, *statement.as<ForStatement>(), labelSet);
    default:
        return ForInOfLoopEvaluation(e, *statement.as<ForInOfStatement>(), labelSet);
    }
}

}  // namespace lockstep
