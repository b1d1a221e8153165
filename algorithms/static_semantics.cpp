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

namespace lockstep {

namespace {

struct WebCompatWalker {
    const std::vector<Name>& topLevelLexicalNames;
    std::vector<std::vector<Name>> scopes;  // enclosing lexical scopes, innermost last
    std::vector<const FunctionNode*> found;

    bool declared(Name F) const
    {
        for (Name n : topLevelLexicalNames)
            if (n == F) return true;
        for (const auto& scope : scopes)
            for (Name n : scope)
                if (n == F) return true;
        return false;
    }

    // A StatementList of a Block / CaseBlock: its candidates, then its statements.
    void statement_list(NodeList statements, const std::vector<NodeList>& more = {})
    {
        std::vector<NodeList> lists{statements};
        lists.insert(lists.end(), more.begin(), more.end());
        std::vector<const Node*> declarations;
        for (NodeList list : lists) LexicallyScopedDeclarations(list, declarations);
        std::vector<Name> nonFunctionNames, allNames;
        for (const Node* d : declarations) {
            BoundNames(d, allNames);
            if (!IsHoistableDeclaration(d->kind)) BoundNames(d, nonFunctionNames);
        }
        for (NodeList list : lists)
            for (const Node* s : list)
                if (s->kind == NodeKind::FunctionDeclaration) candidate(s->as<FunctionNode>(), nonFunctionNames);
        scopes.push_back(allNames);
        for (NodeList list : lists)
            for (const Node* s : list) statement(s);
        scopes.pop_back();
    }

    void candidate(const FunctionNode* f, const std::vector<Name>& sameBlockNames)
    {
        Name F = f->name->name;
        for (Name n : sameBlockNames)
            if (n == F) return;
        if (!declared(F)) found.push_back(f);
    }

    // An if statement's clause that is a FunctionDeclaration (§B.3.3): as if in a block.
    void clause(const Node* s)
    {
        if (!s) return;
        if (s->kind == NodeKind::FunctionDeclaration) {
            candidate(s->as<FunctionNode>(), {});
            return;
        }
        statement(s);
    }

    void with_names(const Node* declaration, const Node* body)
    {
        std::vector<Name> names;
        if (declaration && declaration->kind == NodeKind::LexicalDeclaration) BoundNames(declaration, names);
        scopes.push_back(names);
        statement(body);
        scopes.pop_back();
    }

    void statement(const Node* s)
    {
        if (!s) return;
        switch (s->kind) {
        case NodeKind::BlockStatement: statement_list(s->as<BlockStatement>()->body); return;
        case NodeKind::IfStatement:
            clause(s->as<IfStatement>()->consequent);
            clause(s->as<IfStatement>()->alternate);
            return;
        case NodeKind::DoWhileStatement:
        case NodeKind::WhileStatement: statement(s->as<WhileStatement>()->body); return;
        case NodeKind::ForStatement: with_names(s->as<ForStatement>()->init, s->as<ForStatement>()->body); return;
        case NodeKind::ForInStatement:
        case NodeKind::ForOfStatement: with_names(s->as<ForInOfStatement>()->left, s->as<ForInOfStatement>()->body); return;
        case NodeKind::WithStatement: statement(s->as<WithStatement>()->body); return;
        case NodeKind::LabelledStatement: statement(s->as<LabelledStatement>()->body); return;
        case NodeKind::SwitchStatement: {
            std::vector<NodeList> clauses;
            for (const SwitchClause* c : s->as<SwitchStatement>()->clauses) clauses.push_back(c->body);
            if (clauses.empty()) return;
            std::vector<NodeList> rest(clauses.begin() + 1, clauses.end());
            statement_list(clauses[0], rest);
            return;
        }
        case NodeKind::TryStatement: {
            auto* t = s->as<TryStatement>();
            statement(t->block);
            // §B.3.4: a var may redeclare a simple catch parameter, not a pattern's names.
            std::vector<Name> names;
            if (t->catch_parameter && t->catch_parameter->kind != NodeKind::BindingIdentifier)
                BoundNames(t->catch_parameter, names);
            scopes.push_back(names);
            statement(t->catch_body);
            scopes.pop_back();
            statement(t->finalizer);
            return;
        }
        default: return;
        }
    }
};

}  // namespace

std::vector<const FunctionNode*> WebCompatFunctionDeclarations(NodeList body, const std::vector<Name>& topLevelLexicalNames)
{
    WebCompatWalker walker{topLevelLexicalNames, {}, {}};
    for (const Node* s : body) walker.statement(s);
    return walker.found;
}

}  // namespace lockstep
