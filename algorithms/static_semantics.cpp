// ECMA-262 §8.2, §8.4, §8.6, §15.1.5: the static semantics evaluation needs.
#include "algorithms/static_semantics.h"

#include "syntax/ast_children.h"

namespace lockstep {

using namespace syntax;

bool NameIs(Name name, const char* ascii)
{
    size_t i = 0;
    for (; ascii[i]; ++i)
        if (i >= name.size() || name[i] != char16_t(ascii[i])) return false;
    return i == name.size();
}

bool IsFunctionNodeKind(NodeKind k)
{
    return k >= NodeKind::FunctionDeclaration && k <= NodeKind::ClassStaticBlock;
}

bool IsHoistableDeclaration(NodeKind k)
{
    return k == NodeKind::FunctionDeclaration || k == NodeKind::GeneratorDeclaration ||
           k == NodeKind::AsyncFunctionDeclaration || k == NodeKind::AsyncGeneratorDeclaration;
}

bool IsMethodKind(NodeKind k)
{
    return k >= NodeKind::MethodDefinition && k <= NodeKind::Setter;
}

bool IsClassNodeKind(NodeKind k)
{
    return k == NodeKind::ClassDeclaration || k == NodeKind::ClassExpression;
}

void BoundNames(const Node* node, std::vector<Name>& names)
{
    if (!node) return;
    switch (node->kind) {
    case NodeKind::BindingIdentifier:
    case NodeKind::IdentifierReference:
        names.push_back(node->as<Identifier>()->name);
        return;
    case NodeKind::VariableStatement:
    case NodeKind::LexicalDeclaration:
        for (const VariableDeclaration* d : node->as<VariableDeclarationList>()->declarations) BoundNames(d, names);
        return;
    case NodeKind::VariableDeclaration:
        BoundNames(node->as<VariableDeclaration>()->target, names);
        return;
    case NodeKind::ObjectBindingPattern: {
        auto* p = node->as<ObjectPattern>();
        for (const PatternProperty* property : p->properties) BoundNames(property->value, names);
        BoundNames(p->rest, names);
        return;
    }
    case NodeKind::ArrayBindingPattern: {
        auto* p = node->as<ArrayPattern>();
        for (const PatternElement* element : p->elements) BoundNames(element, names);
        BoundNames(p->rest, names);
        return;
    }
    case NodeKind::BindingElement:
        BoundNames(node->as<PatternElement>()->target, names);
        return;
    case NodeKind::ClassDeclaration:
    case NodeKind::ClassExpression:
        if (auto* name = node->as<ClassNode>()->name) names.push_back(name->name);
        else names.push_back(u"*default*");
        return;
    default:
        if (IsFunctionNodeKind(node->kind)) {
            if (auto* name = node->as<FunctionNode>()->name) names.push_back(name->name);
            else names.push_back(u"*default*");
        }
        return;
    }
}

std::vector<Name> BoundNamesOfAll(const std::vector<const Node*>& declarations)
{
    std::vector<Name> names;
    for (const Node* d : declarations) BoundNames(d, names);
    return names;
}

const Node* UnwrapLabels(const Node* statement)
{
    while (statement->kind == NodeKind::LabelledStatement) statement = statement->as<LabelledStatement>()->body;
    return statement;
}

void LexicallyScopedDeclarations(NodeList statements, std::vector<const Node*>& out)
{
    for (const Node* s : statements) {
        const Node* item = UnwrapLabels(s);  // LabelledItem : FunctionDeclaration
        if (item->kind == NodeKind::LexicalDeclaration || item->kind == NodeKind::ClassDeclaration ||
            IsHoistableDeclaration(item->kind))
            out.push_back(item);
    }
}

void TopLevelLexicallyScopedDeclarations(NodeList statements, std::vector<const Node*>& out)
{
    for (const Node* s : statements)
        if (s->kind == NodeKind::LexicalDeclaration || s->kind == NodeKind::ClassDeclaration) out.push_back(s);
}

void VarScopedDeclarations(const Node* s, std::vector<const Node*>& out)
{
    if (!s) return;
    switch (s->kind) {
    case NodeKind::VariableStatement:
        for (const VariableDeclaration* d : s->as<VariableDeclarationList>()->declarations) out.push_back(d);
        return;
    case NodeKind::BlockStatement:
        for (const Node* item : s->as<BlockStatement>()->body) VarScopedDeclarations(item, out);
        return;
    case NodeKind::IfStatement:
        VarScopedDeclarations(s->as<IfStatement>()->consequent, out);
        VarScopedDeclarations(s->as<IfStatement>()->alternate, out);
        return;
    case NodeKind::DoWhileStatement:
    case NodeKind::WhileStatement:
        VarScopedDeclarations(s->as<WhileStatement>()->body, out);
        return;
    case NodeKind::ForStatement: {
        auto* f = s->as<ForStatement>();
        if (f->init && f->init->kind == NodeKind::VariableStatement) VarScopedDeclarations(f->init, out);
        VarScopedDeclarations(f->body, out);
        return;
    }
    case NodeKind::ForInStatement:
    case NodeKind::ForOfStatement: {
        auto* f = s->as<ForInOfStatement>();
        if (f->left->kind == NodeKind::VariableStatement) VarScopedDeclarations(f->left, out);
        VarScopedDeclarations(f->body, out);
        return;
    }
    case NodeKind::WithStatement:
        VarScopedDeclarations(s->as<WithStatement>()->body, out);
        return;
    case NodeKind::SwitchStatement:
        for (const SwitchClause* c : s->as<SwitchStatement>()->clauses)
            for (const Node* item : c->body) VarScopedDeclarations(item, out);
        return;
    case NodeKind::LabelledStatement:
        VarScopedDeclarations(s->as<LabelledStatement>()->body, out);
        return;
    case NodeKind::TryStatement: {
        auto* t = s->as<TryStatement>();
        VarScopedDeclarations(t->block, out);
        VarScopedDeclarations(t->catch_body, out);
        VarScopedDeclarations(t->finalizer, out);
        return;
    }
    default:
        return;
    }
}

void TopLevelVarScopedDeclarations(NodeList statements, std::vector<const Node*>& out)
{
    for (const Node* s : statements) {
        const Node* item = UnwrapLabels(s);
        if (IsHoistableDeclaration(item->kind)) out.push_back(item);
        else VarScopedDeclarations(s, out);
    }
}

bool IsConstantDeclaration(const Node* d)
{
    return d->kind == NodeKind::LexicalDeclaration &&
           d->as<VariableDeclarationList>()->declaration_kind == DeclarationKind::Const;
}

bool IsFunctionDefinition(const Node* expr)
{
    while (expr->kind == NodeKind::ParenthesizedExpression) expr = expr->as<UnaryNode>()->operand;
    return (IsFunctionNodeKind(expr->kind) && expr->kind != NodeKind::ClassStaticBlock) ||
           expr->kind == NodeKind::ClassExpression;
}

bool IsAnonymousFunctionDefinition(const Node* expr)
{
    // §8.4.3: IsFunctionDefinition is true and HasName is false (both look
    // through a ParenthesizedExpression).
    if (!IsFunctionDefinition(expr)) return false;
    while (expr->kind == NodeKind::ParenthesizedExpression) expr = expr->as<UnaryNode>()->operand;
    if (expr->kind == NodeKind::ClassExpression) return expr->as<ClassNode>()->name == nullptr;
    return expr->as<FunctionNode>()->name == nullptr;
}

bool IsIdentifierRef(const Node* expr)
{
    return expr->kind == NodeKind::IdentifierReference;
}

unsigned ExpectedArgumentCount(const FunctionNode& function)
{
    // §15.1.5: the parameters before the first one with an Initializer (or the rest).
    unsigned count = 0;
    for (const PatternElement* p : function.parameters) {
        if (p->initializer) break;
        ++count;
    }
    return count;
}

namespace {

bool references_arguments_or_eval(Node* n)
{
    bool found = false;
    auto visit = [&](auto& self, Node* node) -> void {
        if (found) return;
        switch (node->kind) {
        case NodeKind::IdentifierReference:
            if (NameIs(node->as<Identifier>()->name, "arguments")) found = true;
            return;
        case NodeKind::CallExpression: {
            Node* callee = node->as<CallExpression>()->callee;
            if (callee->kind == NodeKind::IdentifierReference && NameIs(callee->as<Identifier>()->name, "eval"))
                found = true;
            break;
        }
        default:
            // A nested function that is not an arrow has its own arguments.
            if (IsFunctionNodeKind(node->kind) && !node->as<FunctionNode>()->is_arrow) return;
            break;
        }
        ForEachChild(node, [&](Node* child) { self(self, child); });
    };
    visit(visit, n);
    return found;
}

}  // namespace

bool ReferencesArgumentsOrEval(const FunctionNode& function)
{
    auto* f = const_cast<FunctionNode*>(&function);
    for (PatternElement* p : f->parameters)
        if (references_arguments_or_eval(p)) return true;
    if (f->rest_parameter && references_arguments_or_eval(f->rest_parameter)) return true;
    for (Node* s : f->body)
        if (references_arguments_or_eval(s)) return true;
    return f->concise_body && references_arguments_or_eval(f->concise_body);
}

}  // namespace lockstep
