// The children of a parse tree node in source order: the default traversal
// for syntax-directed operations that recurse into every child (Contains,
// the early-error pass, the --ast dump).
#pragma once

#include "syntax/ast.h"

namespace lockstep::syntax {

// Calls f(Node*) for each non-null child of n, in source order.
template <typename F>
void ForEachChild(Node* n, F&& f)
{
    auto visit = [&](Node* c) {
        if (c) f(c);
    };
    auto visit_list = [&](auto list) {
        for (auto* c : list) visit(c);
    };
    switch (n->kind) {
    case NodeKind::TemplateLiteral: visit_list(n->as<TemplateLiteral>()->expressions); break;
    case NodeKind::ArrayLiteral: visit_list(n->as<ArrayLiteral>()->elements); break;
    case NodeKind::ObjectLiteral: visit_list(n->as<ObjectLiteral>()->properties); break;
    case NodeKind::PropertyDefinition: {
        auto* p = n->as<PropertyDefinition>();
        visit(p->key);
        visit(p->value);
        visit(p->cover_initializer);
        break;
    }
    case NodeKind::ComputedPropertyName:
    case NodeKind::SpreadElement:
    case NodeKind::ParenthesizedExpression:
    case NodeKind::AwaitExpression: visit(n->as<UnaryNode>()->operand); break;
    case NodeKind::MemberExpression:
    case NodeKind::SuperProperty: {
        auto* m = n->as<MemberExpression>();
        visit(m->object);
        visit(m->property);
        break;
    }
    case NodeKind::NewExpression:
    case NodeKind::CallExpression:
    case NodeKind::SuperCall: {
        auto* c = n->as<CallExpression>();
        visit(c->callee);
        visit_list(c->arguments);
        break;
    }
    case NodeKind::ImportCall: visit(n->as<ImportCall>()->specifier); visit(n->as<ImportCall>()->options); break;
    case NodeKind::TaggedTemplate: visit(n->as<TaggedTemplate>()->tag); visit(n->as<TaggedTemplate>()->quasi); break;
    case NodeKind::OptionalExpression: visit(n->as<OptionalExpression>()->object); visit(n->as<OptionalExpression>()->chain); break;
    case NodeKind::OptionalChain: {
        auto* c = n->as<OptionalChain>();
        visit(c->previous);
        visit(c->property);
        visit_list(c->arguments);
        break;
    }
    case NodeKind::UpdateExpression: visit(n->as<UpdateExpression>()->operand); break;
    case NodeKind::UnaryExpression: visit(n->as<UnaryExpression>()->operand); break;
    case NodeKind::BinaryExpression:
    case NodeKind::LogicalExpression: visit(n->as<BinaryExpression>()->left); visit(n->as<BinaryExpression>()->right); break;
    case NodeKind::ConditionalExpression: {
        auto* c = n->as<ConditionalExpression>();
        visit(c->test);
        visit(c->consequent);
        visit(c->alternate);
        break;
    }
    case NodeKind::AssignmentExpression: visit(n->as<AssignmentExpression>()->target); visit(n->as<AssignmentExpression>()->value); break;
    case NodeKind::YieldExpression: visit(n->as<YieldExpression>()->argument); break;
    case NodeKind::CommaExpression: visit_list(n->as<CommaExpression>()->expressions); break;
    case NodeKind::ObjectBindingPattern:
    case NodeKind::ObjectAssignmentPattern: visit_list(n->as<ObjectPattern>()->properties); visit(n->as<ObjectPattern>()->rest); break;
    case NodeKind::ArrayBindingPattern:
    case NodeKind::ArrayAssignmentPattern: visit_list(n->as<ArrayPattern>()->elements); visit(n->as<ArrayPattern>()->rest); break;
    case NodeKind::BindingProperty:
    case NodeKind::AssignmentProperty: {
        auto* p = n->as<PatternProperty>();
        if (!p->shorthand) visit(p->key);
        visit(p->value);
        break;
    }
    case NodeKind::BindingElement:
    case NodeKind::AssignmentElement: visit(n->as<PatternElement>()->target); visit(n->as<PatternElement>()->initializer); break;
    case NodeKind::BlockStatement: visit_list(n->as<BlockStatement>()->body); break;
    case NodeKind::VariableStatement:
    case NodeKind::LexicalDeclaration: visit_list(n->as<VariableDeclarationList>()->declarations); break;
    case NodeKind::VariableDeclaration: visit(n->as<VariableDeclaration>()->target); visit(n->as<VariableDeclaration>()->initializer); break;
    case NodeKind::ExpressionStatement: visit(n->as<ExpressionStatement>()->expression); break;
    case NodeKind::IfStatement: {
        auto* s = n->as<IfStatement>();
        visit(s->test);
        visit(s->consequent);
        visit(s->alternate);
        break;
    }
    case NodeKind::DoWhileStatement: visit(n->as<WhileStatement>()->body); visit(n->as<WhileStatement>()->test); break;
    case NodeKind::WhileStatement: visit(n->as<WhileStatement>()->test); visit(n->as<WhileStatement>()->body); break;
    case NodeKind::ForStatement: {
        auto* s = n->as<ForStatement>();
        visit(s->init);
        visit(s->test);
        visit(s->update);
        visit(s->body);
        break;
    }
    case NodeKind::ForInStatement:
    case NodeKind::ForOfStatement: {
        auto* s = n->as<ForInOfStatement>();
        visit(s->left);
        visit(s->right);
        visit(s->body);
        break;
    }
    case NodeKind::ContinueStatement:
    case NodeKind::BreakStatement: visit(n->as<JumpStatement>()->label); break;
    case NodeKind::ReturnStatement:
    case NodeKind::ThrowStatement: visit(n->as<ArgumentStatement>()->argument); break;
    case NodeKind::WithStatement: visit(n->as<WithStatement>()->object); visit(n->as<WithStatement>()->body); break;
    case NodeKind::SwitchStatement: visit(n->as<SwitchStatement>()->discriminant); visit_list(n->as<SwitchStatement>()->clauses); break;
    case NodeKind::CaseClause:
    case NodeKind::DefaultClause: visit(n->as<SwitchClause>()->test); visit_list(n->as<SwitchClause>()->body); break;
    case NodeKind::LabelledStatement: visit(n->as<LabelledStatement>()->label); visit(n->as<LabelledStatement>()->body); break;
    case NodeKind::TryStatement: {
        auto* s = n->as<TryStatement>();
        visit(s->block);
        visit(s->catch_parameter);
        visit(s->catch_body);
        visit(s->finalizer);
        break;
    }
    case NodeKind::FunctionDeclaration: case NodeKind::FunctionExpression: case NodeKind::GeneratorDeclaration:
    case NodeKind::GeneratorExpression: case NodeKind::AsyncFunctionDeclaration: case NodeKind::AsyncFunctionExpression:
    case NodeKind::AsyncGeneratorDeclaration: case NodeKind::AsyncGeneratorExpression: case NodeKind::ArrowFunction:
    case NodeKind::AsyncArrowFunction: case NodeKind::MethodDefinition: case NodeKind::GeneratorMethod:
    case NodeKind::AsyncMethod: case NodeKind::AsyncGeneratorMethod: case NodeKind::Getter: case NodeKind::Setter:
    case NodeKind::ClassStaticBlock: {
        auto* f = n->as<FunctionNode>();
        visit(f->name);
        visit_list(f->parameters);
        visit(f->rest_parameter);
        visit_list(f->body);
        visit(f->concise_body);
        break;
    }
    case NodeKind::ClassDeclaration:
    case NodeKind::ClassExpression: {
        auto* c = n->as<ClassNode>();
        visit(c->name);
        visit(c->heritage);
        visit_list(c->elements);
        break;
    }
    case NodeKind::ClassElement: {
        auto* e = n->as<ClassElement>();
        visit(e->key);
        visit(e->function);
        visit(e->initializer);
        break;
    }
    case NodeKind::ImportDeclaration: {
        auto* d = n->as<ImportDeclaration>();
        visit(d->default_binding);
        visit(d->namespace_binding);
        visit_list(d->named);
        visit(d->module_specifier);
        break;
    }
    case NodeKind::ImportSpecifier:
    case NodeKind::ExportSpecifier: {
        auto* s = n->as<ModuleSpecifier>();
        visit(s->imported);
        visit(s->local);
        if (s->exported != s->local) visit(s->exported);
        break;
    }
    case NodeKind::ExportDeclaration: {
        auto* d = n->as<ExportDeclaration>();
        visit(d->namespace_name);
        visit_list(d->specifiers);
        visit(d->module_specifier);
        visit(d->declaration);
        break;
    }
    default: break;   // leaves
    }
}

}  // namespace lockstep::syntax
