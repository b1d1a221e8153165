// ECMA-262 Static Semantics: Early Errors that are properties of the finished
// tree, checked in one walk. Each rule names the clause it comes from; the
// static semantics it needs (BoundNames, LexicallyDeclaredNames,
// VarDeclaredNames, ContainsDuplicateLabels, ContainsUndefinedBreakTarget,
// ContainsUndefinedContinueTarget, ContainsArguments, AllPrivateIdentifiersValid,
// PrivateBoundIdentifiers, ExportedNames, ExportedBindings) are computed
// incrementally during the walk instead of as separate list-building passes:
//
// - Scopes record each name's declaration kind. A var-scoped name is recorded
//   in every scope between its declaration and its var scope, so a lexical
//   declaration of the same name in any of them (LexicallyDeclaredNames ∩
//   VarDeclaredNames) is found whichever comes first in the source.
// - Labels in scope and the enclosing iteration / switch statements are kept
//   per function, which is what the three label operations compute.
#include "syntax/early_errors.h"
#include "syntax/tail_position.h"

#include "syntax/ast_children.h"
#include "syntax/unicode.h"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lockstep::syntax {

namespace {

struct EarlyError {
    ParseFailure failure;
};

// How a name is declared in a scope.
enum class Binding : uint8_t {
    Lexical,          // let, const, class, import, and block-level functions in strict code
    AnnexBFunction,   // a plain FunctionDeclaration in a block of non-strict code (B.3.2.4 allows duplicates)
    Var,              // var, or a var-scoped name declared in a nested block
    Function,         // a top-level function declaration of a script or function body (var-scoped)
    Parameter,
    SimpleCatchParameter,   // catch ( BindingIdentifier ): B.3.4 allows `var` of the same name
    CatchParameter,
};

struct Scope {
    Scope* parent = nullptr;
    bool var_scope = false;   // function body, script, module, class static block
    std::unordered_map<const char16_t*, Binding> names;
};

// The code around a node: what the function-like construct it is in allows.
struct Context {
    bool strict = false;
    bool super_property = false;   // in a method (or an arrow function in one)
    bool super_call = false;       // in a derived class constructor
    bool new_target = false;       // in a non-arrow function, field initializer or static block
    bool arguments = true;         // false in class field initializers and static blocks
};

// The label set and enclosing breakable statements of the current function.
struct Labels {
    struct Label {
        Name name;
        bool iteration;   // labels an IterationStatement (possibly through more labels)
    };
    std::vector<Label> labels;
    int iterations = 0;
    int breakables = 0;
};

bool IsFunction(NodeKind k) { return k >= NodeKind::FunctionDeclaration && k <= NodeKind::ClassStaticBlock; }
bool IsMethod(NodeKind k) { return k >= NodeKind::MethodDefinition && k <= NodeKind::Setter; }
bool IsIteration(NodeKind k)
{
    return k == NodeKind::DoWhileStatement || k == NodeKind::WhileStatement || k == NodeKind::ForStatement ||
           k == NodeKind::ForInStatement || k == NodeKind::ForOfStatement;
}
bool IsHoistable(NodeKind k)
{
    return k == NodeKind::FunctionDeclaration || k == NodeKind::GeneratorDeclaration ||
           k == NodeKind::AsyncFunctionDeclaration || k == NodeKind::AsyncGeneratorDeclaration;
}

bool Equals(Name a, const char* ascii)
{
    size_t n = std::char_traits<char>::length(ascii);
    if (a.size() != n) return false;
    for (size_t i = 0; i < n; ++i)
        if (a[i] != static_cast<char16_t>(ascii[i])) return false;
    return true;
}

// §13.1.1: the words reserved only in strict mode code (plus yield, §12.7.2).
bool IsStrictReserved(Name n)
{
    static const char* const kWords[] = {"implements", "interface", "let", "package", "private",
                                         "protected", "public", "static", "yield"};
    if (n.size() < 3 || n.size() > 10) return false;
    for (const char* w : kWords)
        if (Equals(n, w)) return true;
    return false;
}

bool IsEvalOrArguments(Name n) { return Equals(n, "eval") || Equals(n, "arguments"); }

// The PropName of a property or class element key, if it has one.
bool PropName(const Node* key, std::u16string_view& out)
{
    if (!key) return false;
    if (key->kind == NodeKind::IdentifierName) {
        out = key->as<Identifier>()->name;
        return true;
    }
    if (key->kind == NodeKind::StringLiteral) {
        out = key->as<StringLiteral>()->value;
        return true;
    }
    return false;
}

bool PropNameIs(const Node* key, const char* ascii)
{
    std::u16string_view name;
    return PropName(key, name) && Equals(name, ascii);
}

class Checker {
public:
    Checker(Program& program, const ParseOptions& options) : program_(program), options_(options) {}

    void check_program()
    {
        Scope top;
        top.var_scope = true;
        scope_ = &top;
        context_.strict = program_.strict;
        context_.new_target = options_.allow_new_target;
        context_.super_property = options_.allow_super_property;
        context_.super_call = options_.allow_super_call;
        context_.arguments = options_.allow_arguments;
        if (!options_.private_names.empty()) {
            std::unordered_set<const char16_t*> outer;
            for (const std::u16string& name : options_.private_names) outer.insert(key(program_.names.intern(name)));
            private_scopes_.push_back(std::move(outer));
        }
        bool module = program_.goal == Goal::Module;
        for (Node* item : program_.body) declare_statement(item, module ? DeclarationSite::Module : DeclarationSite::TopLevel);
        for (Node* item : program_.body) visit(item);
        if (module) check_exported_bindings(top);
    }

private:
    enum class DeclarationSite { TopLevel, Module, Block };

    [[noreturn]] void error(const std::string& message, const Node* at)
    {
        throw EarlyError{{message, at ? at->range.start : 0}};
    }

    // ---- declarations (LexicallyDeclaredNames / VarDeclaredNames) ----

    static const char16_t* key(Name n) { return n.data(); }

    void declare_lexical(Identifier* id, Binding binding)
    {
        auto [it, inserted] = scope_->names.try_emplace(key(id->name), binding);
        if (inserted) return;
        if (binding == Binding::AnnexBFunction && it->second == Binding::AnnexBFunction) return;
        error("redeclaration of '" + unicode::Utf16ToUtf8(id->name) + "'", id);
    }

    // A var-scoped name: recorded in each scope up to the var scope; a lexical
    // declaration of it in any of them is an error.
    void declare_var(Identifier* id, bool function_at_top)
    {
        for (Scope* s = scope_; s; s = s->parent) {
            auto it = s->names.find(key(id->name));
            if (it != s->names.end()) {
                switch (it->second) {
                case Binding::Lexical:
                case Binding::AnnexBFunction:
                    error("redeclaration of '" + unicode::Utf16ToUtf8(id->name) + "'", id);
                case Binding::SimpleCatchParameter:
                    break;   // B.3.4: `var e` in `catch (e)` is allowed (for-of bindings included, per test262)
                case Binding::CatchParameter:
                    error("redeclaration of catch parameter '" + unicode::Utf16ToUtf8(id->name) + "'", id);
                default:
                    break;
                }
            } else {
                s->names.emplace(key(id->name), function_at_top ? Binding::Function : Binding::Var);
            }
            if (s->var_scope) return;
        }
    }

    // BoundNames of a binding pattern / BindingIdentifier.
    void bound_names(Node* target, std::vector<Identifier*>& out)
    {
        if (!target) return;
        switch (target->kind) {
        case NodeKind::BindingIdentifier:
            out.push_back(target->as<Identifier>());
            break;
        case NodeKind::ObjectBindingPattern: {
            auto* p = target->as<ObjectPattern>();
            for (PatternProperty* prop : p->properties) bound_names(prop->value->target, out);
            bound_names(p->rest, out);
            break;
        }
        case NodeKind::ArrayBindingPattern: {
            auto* p = target->as<ArrayPattern>();
            for (PatternElement* e : p->elements)
                if (e) bound_names(e->target, out);
            bound_names(p->rest, out);
            break;
        }
        case NodeKind::BindingElement:
            bound_names(target->as<PatternElement>()->target, out);
            break;
        default:
            break;
        }
    }

    void declare_lexical_names(Node* target)
    {
        std::vector<Identifier*> names;
        bound_names(target, names);
        for (Identifier* id : names) {
            // §14.3.1.1 / §14.7.5.1: It is a Syntax Error if the BoundNames contains "let".
            if (Equals(id->name, "let")) error("'let' cannot be a lexically bound name", id);
            declare_lexical(id, Binding::Lexical);
        }
    }

    // Records the declarations a StatementListItem makes in the current scope.
    void declare_statement(Node* n, DeclarationSite site)
    {
        switch (n->kind) {
        case NodeKind::LexicalDeclaration:
            for (VariableDeclaration* d : n->as<VariableDeclarationList>()->declarations) declare_lexical_names(d->target);
            break;
        case NodeKind::ClassDeclaration:
            if (auto* name = n->as<ClassNode>()->name) declare_lexical(name, Binding::Lexical);
            break;
        case NodeKind::FunctionDeclaration:
        case NodeKind::GeneratorDeclaration:
        case NodeKind::AsyncFunctionDeclaration:
        case NodeKind::AsyncGeneratorDeclaration: {
            Identifier* name = n->as<FunctionNode>()->name;
            if (!name) break;
            if (site == DeclarationSite::TopLevel) {
                declare_var(name, true);
            } else if (site == DeclarationSite::Block && !context_.strict && n->kind == NodeKind::FunctionDeclaration) {
                declare_lexical(name, Binding::AnnexBFunction);
            } else {
                declare_lexical(name, Binding::Lexical);
            }
            break;
        }
        case NodeKind::ImportDeclaration: {
            auto* d = n->as<ImportDeclaration>();
            if (d->default_binding) declare_lexical(d->default_binding, Binding::Lexical);
            if (d->namespace_binding) declare_lexical(d->namespace_binding, Binding::Lexical);
            for (ModuleSpecifier* s : d->named) declare_lexical(s->local->as<Identifier>(), Binding::Lexical);
            break;
        }
        case NodeKind::ExportDeclaration: {
            auto* d = n->as<ExportDeclaration>();
            if (d->declaration && d->form != ExportDeclaration::Form::ExportDefaultExpression &&
                d->form != ExportDeclaration::Form::ExportVariable)
                declare_statement(d->declaration, site);
            break;
        }
        default:
            break;
        }
    }

    // ---- identifiers (§13.1.1) ----

    void check_reference(Identifier* id)
    {
        if (context_.strict && IsStrictReserved(id->name))
            error("'" + unicode::Utf16ToUtf8(id->name) + "' is a reserved word in strict mode code", id);
        if (!context_.arguments && Equals(id->name, "arguments"))
            error("'arguments' is not allowed in class field initializers or static blocks", id);
    }

    void check_binding(Identifier* id)
    {
        if (context_.strict && IsStrictReserved(id->name))
            error("'" + unicode::Utf16ToUtf8(id->name) + "' is a reserved word in strict mode code", id);
        if (context_.strict && IsEvalOrArguments(id->name))
            error("'" + unicode::Utf16ToUtf8(id->name) + "' cannot be a binding name in strict mode code", id);
    }

    // AssignmentTargetType of an IdentifierReference is invalid for eval and
    // arguments in strict mode code (§13.1.2).
    void check_assignment_target(Node* target)
    {
        while (target && target->kind == NodeKind::ParenthesizedExpression) target = target->as<UnaryNode>()->operand;
        if (target && target->kind == NodeKind::CallExpression && context_.strict)
            error("invalid assignment target", target);
        if (target && target->kind == NodeKind::IdentifierReference && context_.strict &&
            IsEvalOrArguments(target->as<Identifier>()->name))
            error("cannot assign to '" + unicode::Utf16ToUtf8(target->as<Identifier>()->name) + "' in strict mode code",
                  target);
    }

    // ---- the walk ----

    void visit_list(NodeList list)
    {
        for (Node* n : list) visit(n);
    }

    // A Block / CaseBlock / ClassStaticBlock body: a new declarative scope.
    void visit_block_body(NodeList body, bool var_scope = false)
    {
        Scope block;
        block.parent = scope_;
        block.var_scope = var_scope;
        Scope* saved = scope_;
        scope_ = &block;
        for (Node* n : body) declare_statement(n, var_scope ? DeclarationSite::TopLevel : DeclarationSite::Block);
        visit_list(body);
        scope_ = saved;
    }

    void visit_var_declarations(VariableDeclarationList* list)
    {
        for (VariableDeclaration* d : list->declarations) {
            if (list->declaration_kind == DeclarationKind::Var) {
                std::vector<Identifier*> names;
                bound_names(d->target, names);
                for (Identifier* id : names) declare_var(id, false);
            }
            visit(d->target);
            visit(d->initializer);
        }
    }

    // §14.13.1: IsLabelledFunction of a loop or if body.
    void check_not_labelled_function(Node* body)
    {
        while (body && body->kind == NodeKind::LabelledStatement) {
            body = body->as<LabelledStatement>()->body;
            if (body->kind == NodeKind::FunctionDeclaration) error("labelled function declarations are not allowed here", body);
        }
    }

    void visit_iteration_body(Node* body)
    {
        check_not_labelled_function(body);
        ++labels_.iterations;
        ++labels_.breakables;
        visit(body);
        --labels_.iterations;
        --labels_.breakables;
    }

    void visit(Node* n)
    {
        if (!n) return;
        switch (n->kind) {
        case NodeKind::IdentifierReference:
            check_reference(n->as<Identifier>());
            return;
        case NodeKind::BindingIdentifier:
            check_binding(n->as<Identifier>());
            return;
        case NodeKind::LabelIdentifier:
            if (context_.strict && IsStrictReserved(n->as<Identifier>()->name))
                error("'" + unicode::Utf16ToUtf8(n->as<Identifier>()->name) + "' is a reserved word in strict mode code", n);
            return;
        case NodeKind::NumericLiteral:
            // B.1.1: LegacyOctalIntegerLiteral and NonOctalDecimalIntegerLiteral are not strict mode code.
            if (context_.strict && (n->as<NumericLiteral>()->legacy_octal || n->as<NumericLiteral>()->non_octal_decimal))
                error("legacy octal literals are not allowed in strict mode code", n);
            return;
        case NodeKind::StringLiteral:
            if (context_.strict && n->as<StringLiteral>()->has_legacy_octal_escape)
                error("octal escape sequences are not allowed in strict mode code", n);
            return;
        case NodeKind::PrivateIdentifier:
            check_private_name(n->as<Identifier>());
            return;
        case NodeKind::ObjectLiteral:
            visit_object_literal(n->as<ObjectLiteral>());
            return;
        case NodeKind::MemberExpression: {
            auto* m = n->as<MemberExpression>();
            visit(m->object);
            if (m->computed || m->property->kind == NodeKind::PrivateIdentifier) visit(m->property);
            return;
        }
        case NodeKind::OptionalChain: {
            auto* c = n->as<OptionalChain>();
            visit(c->previous);
            if (c->link == OptionalChain::Link::Computed || c->link == OptionalChain::Link::PrivateIdentifier)
                visit(c->property);
            visit_list(c->arguments);
            return;
        }
        case NodeKind::SuperProperty:
            if (!context_.super_property) error("'super' property access is only valid in methods", n);
            if (n->as<MemberExpression>()->computed) visit(n->as<MemberExpression>()->property);
            return;
        case NodeKind::SuperCall:
            if (!context_.super_call) error("'super' call is only valid in derived class constructors", n);
            visit_list(n->as<CallExpression>()->arguments);
            return;
        case NodeKind::NewTarget:
            if (!context_.new_target) error("new.target is only valid in functions", n);
            return;
        case NodeKind::UnaryExpression: {
            auto* u = n->as<UnaryExpression>();
            if (u->op == UnaryOp::Delete && context_.strict) {
                // §13.5.1.1: delete of an IdentifierReference (possibly parenthesized) in strict mode code.
                Node* operand = u->operand;
                while (operand->kind == NodeKind::ParenthesizedExpression) operand = operand->as<UnaryNode>()->operand;
                if (operand->kind == NodeKind::IdentifierReference)
                    error("cannot delete an unqualified identifier in strict mode code", u);
            }
            visit(u->operand);
            return;
        }
        case NodeKind::UpdateExpression:
            check_assignment_target(n->as<UpdateExpression>()->operand);
            visit(n->as<UpdateExpression>()->operand);
            return;
        case NodeKind::AssignmentExpression:
            check_assignment_target(n->as<AssignmentExpression>()->target);
            visit(n->as<AssignmentExpression>()->target);
            visit(n->as<AssignmentExpression>()->value);
            return;
        case NodeKind::AssignmentElement:
            check_assignment_target(n->as<PatternElement>()->target);
            visit(n->as<PatternElement>()->target);
            visit(n->as<PatternElement>()->initializer);
            return;
        case NodeKind::ObjectAssignmentPattern:
            check_assignment_target(n->as<ObjectPattern>()->rest);
            ForEachChild(n, [&](Node* c) { visit(c); });
            return;
        case NodeKind::ArrayAssignmentPattern:
            check_assignment_target(n->as<ArrayPattern>()->rest);
            ForEachChild(n, [&](Node* c) { visit(c); });
            return;
        case NodeKind::BindingProperty:
        case NodeKind::AssignmentProperty: {
            auto* p = n->as<PatternProperty>();
            if (p->key->kind == NodeKind::ComputedPropertyName) visit(p->key);
            visit(p->value);
            return;
        }
        case NodeKind::PropertyDefinition: {
            auto* p = n->as<PropertyDefinition>();
            if (p->key->kind == NodeKind::ComputedPropertyName) visit(p->key);
            visit(p->value);
            visit(p->cover_initializer);
            return;
        }
        case NodeKind::BinaryExpression: {
            auto* b = n->as<BinaryExpression>();
            visit(b->left);
            visit(b->right);
            return;
        }

        // ---- statements ----
        case NodeKind::BlockStatement:
            visit_block_body(n->as<BlockStatement>()->body);
            return;
        case NodeKind::VariableStatement:
        case NodeKind::LexicalDeclaration:
            visit_var_declarations(n->as<VariableDeclarationList>());
            return;
        case NodeKind::IfStatement: {
            auto* s = n->as<IfStatement>();
            visit(s->test);
            for (Node* clause : {s->consequent, s->alternate}) {
                if (!clause) continue;
                // B.3.4 FunctionDeclarations in IfStatement Statement Clauses: non-strict only.
                if (clause->kind == NodeKind::FunctionDeclaration) {
                    if (context_.strict) error("function declarations are not allowed in an if statement in strict mode code", clause);
                    Scope block;
                    block.parent = scope_;
                    Scope* saved = scope_;
                    scope_ = &block;
                    declare_statement(clause, DeclarationSite::Block);
                    visit(clause);
                    scope_ = saved;
                    continue;
                }
                check_not_labelled_function(clause);
                visit(clause);
            }
            return;
        }
        case NodeKind::DoWhileStatement:
        case NodeKind::WhileStatement:
            visit(n->as<WhileStatement>()->test);
            visit_iteration_body(n->as<WhileStatement>()->body);
            return;
        case NodeKind::ForStatement: {
            auto* s = n->as<ForStatement>();
            Scope head;
            head.parent = scope_;
            Scope* saved = scope_;
            scope_ = &head;
            if (s->init && s->init->kind == NodeKind::LexicalDeclaration) declare_statement(s->init, DeclarationSite::Block);
            visit(s->init);
            visit(s->test);
            visit(s->update);
            visit_iteration_body(s->body);
            scope_ = saved;
            return;
        }
        case NodeKind::ForInStatement:
        case NodeKind::ForOfStatement: {
            auto* s = n->as<ForInOfStatement>();
            Scope head;
            head.parent = scope_;
            Scope* saved = scope_;
            scope_ = &head;
            if (s->left->kind == NodeKind::LexicalDeclaration) {
                declare_statement(s->left, DeclarationSite::Block);
                visit_var_declarations(s->left->as<VariableDeclarationList>());
            } else if (s->left->kind == NodeKind::VariableStatement) {
                auto* decls = s->left->as<VariableDeclarationList>();
                // B.3.5: an Initializer in for-in is allowed only in non-strict code.
                if (context_.strict && decls->declarations[0]->initializer)
                    error("for-in loop variable declaration may not have an initializer in strict mode code", decls);
                visit_var_declarations(decls);
            } else {
                check_assignment_target(s->left);
                visit(s->left);
            }
            visit(s->right);
            visit_iteration_body(s->body);
            scope_ = saved;
            return;
        }
        case NodeKind::ContinueStatement: {
            auto* label = n->as<JumpStatement>()->label;
            if (label) {
                visit(label);
                const Labels::Label* found = find_label(label->name);
                if (!found) error("undefined label '" + unicode::Utf16ToUtf8(label->name) + "'", label);
                if (!found->iteration) error("continue target is not an iteration statement", label);
            } else if (labels_.iterations == 0) {
                error("continue statement must be inside a loop", n);
            }
            return;
        }
        case NodeKind::BreakStatement: {
            auto* label = n->as<JumpStatement>()->label;
            if (label) {
                visit(label);
                if (!find_label(label->name)) error("undefined label '" + unicode::Utf16ToUtf8(label->name) + "'", label);
            } else if (labels_.breakables == 0) {
                error("break statement must be inside a loop or switch", n);
            }
            return;
        }
        case NodeKind::WithStatement:
            if (context_.strict) error("with statements are not allowed in strict mode code", n);
            visit(n->as<WithStatement>()->object);
            check_not_labelled_function(n->as<WithStatement>()->body);
            visit(n->as<WithStatement>()->body);
            return;
        case NodeKind::SwitchStatement: {
            auto* s = n->as<SwitchStatement>();
            visit(s->discriminant);
            Scope block;
            block.parent = scope_;
            Scope* saved = scope_;
            scope_ = &block;
            for (SwitchClause* c : s->clauses)
                for (Node* item : c->body) declare_statement(item, DeclarationSite::Block);
            ++labels_.breakables;
            for (SwitchClause* c : s->clauses) {
                visit(c->test);
                visit_list(c->body);
            }
            --labels_.breakables;
            scope_ = saved;
            return;
        }
        case NodeKind::LabelledStatement: {
            auto* l = n->as<LabelledStatement>();
            visit(l->label);
            // ContainsDuplicateLabels
            if (find_label(l->label->name)) error("duplicate label '" + unicode::Utf16ToUtf8(l->label->name) + "'", l->label);
            Node* item = l->body;
            while (item->kind == NodeKind::LabelledStatement) item = item->as<LabelledStatement>()->body;
            if (l->body->kind == NodeKind::FunctionDeclaration && context_.strict)
                error("labelled function declarations are not allowed in strict mode code", l->body);
            labels_.labels.push_back({l->label->name, IsIteration(item->kind)});
            if (l->body->kind == NodeKind::FunctionDeclaration) {
                // LabelledItem : FunctionDeclaration declares like a block-level function.
                Scope block;
                block.parent = scope_;
                Scope* saved = scope_;
                scope_ = &block;
                visit(l->body);
                scope_ = saved;
            } else {
                visit(l->body);
            }
            labels_.labels.pop_back();
            return;
        }
        case NodeKind::TryStatement: {
            auto* t = n->as<TryStatement>();
            visit(t->block);
            if (t->catch_body) {
                // §14.15.1: the catch parameter and the Block's declarations share a scope.
                Scope catch_scope;
                catch_scope.parent = scope_;
                Scope* saved = scope_;
                scope_ = &catch_scope;
                if (t->catch_parameter) {
                    std::vector<Identifier*> names;
                    bound_names(t->catch_parameter, names);
                    Binding b = t->catch_parameter->kind == NodeKind::BindingIdentifier ? Binding::SimpleCatchParameter
                                                                                         : Binding::CatchParameter;
                    for (Identifier* id : names) {
                        if (!catch_scope.names.emplace(key(id->name), b).second)
                            error("duplicate catch parameter '" + unicode::Utf16ToUtf8(id->name) + "'", id);
                    }
                    visit(t->catch_parameter);
                }
                for (Node* item : t->catch_body->body) declare_statement(item, DeclarationSite::Block);
                visit_list(t->catch_body->body);
                scope_ = saved;
            }
            visit(t->finalizer);
            return;
        }
        case NodeKind::ClassDeclaration:
        case NodeKind::ClassExpression:
            visit_class(n->as<ClassNode>());
            return;
        case NodeKind::ImportDeclaration:
            visit_import(n->as<ImportDeclaration>());
            return;
        case NodeKind::ExportDeclaration:
            visit_export(n->as<ExportDeclaration>());
            return;
        default:
            break;
        }
        if (IsFunction(n->kind)) {
            visit_function(n->as<FunctionNode>());
            return;
        }
        ForEachChild(n, [&](Node* c) { visit(c); });
    }

    const Labels::Label* find_label(Name name) const
    {
        for (const Labels::Label& l : labels_.labels)
            if (l.name == name) return &l;
        return nullptr;
    }

    // §13.2.5.1: duplicate __proto__ in an ObjectLiteral (not in a pattern).
    void visit_object_literal(ObjectLiteral* o)
    {
        bool seen_proto = false;
        for (Node* p : o->properties) {
            if (p->kind != NodeKind::PropertyDefinition) continue;
            auto* def = p->as<PropertyDefinition>();
            if (def->shorthand || IsMethod(def->value->kind) || !PropNameIs(def->key, "__proto__")) continue;
            if (seen_proto) error("duplicate __proto__ property in object literal", def);
            seen_proto = true;
        }
        visit_list(o->properties);
    }

    // ---- §15 functions ----

    void visit_function(FunctionNode* f)
    {
        bool strict = context_.strict || f->contains_use_strict;
        f->strict = strict;
        MarkCallsInTailPosition(*f);
        // §15.2.1 and friends: "use strict" with a non-simple parameter list.
        if (f->contains_use_strict && !f->simple_parameter_list)
            error("\"use strict\" is not allowed in a function with non-simple parameters", f);
        Context saved_context = context_;
        Labels saved_labels = std::move(labels_);
        labels_ = Labels{};
        context_.strict = strict;
        if (f->kind == NodeKind::ClassStaticBlock) {
            context_.super_property = true;
            context_.super_call = false;
            context_.new_target = true;
            context_.arguments = false;
        } else if (!f->is_arrow) {
            context_.super_property = IsMethod(f->kind);
            context_.super_call = f->is_derived_constructor;
            context_.new_target = true;
            context_.arguments = true;
        }
        // Expression names are bound in the function's own scope; a declaration's
        // name was declared by the enclosing statement list.
        if (f->name) check_binding(f->name);

        Scope function_scope;
        function_scope.parent = scope_;
        function_scope.var_scope = true;
        Scope* saved_scope = scope_;
        scope_ = &function_scope;

        std::vector<Identifier*> params;
        for (PatternElement* p : f->parameters) bound_names(p->target, params);
        bound_names(f->rest_parameter, params);
        // UniqueFormalParameters (methods, arrows) and strict / non-simple FormalParameters.
        bool unique = strict || f->is_arrow || IsMethod(f->kind) || !f->simple_parameter_list;
        for (Identifier* id : params) {
            if (!function_scope.names.emplace(key(id->name), Binding::Parameter).second && unique)
                error("duplicate parameter name '" + unicode::Utf16ToUtf8(id->name) + "'", id);
        }
        for (PatternElement* p : f->parameters) visit(p);
        visit(f->rest_parameter);
        for (Node* n : f->body) declare_statement(n, DeclarationSite::TopLevel);
        visit_list(f->body);
        visit(f->concise_body);

        scope_ = saved_scope;
        labels_ = std::move(saved_labels);
        context_ = saved_context;
    }

    // ---- §15.7 classes ----

    void visit_class(ClassNode* c)
    {
        Context saved_context = context_;
        context_.strict = true;   // all parts of a class are strict mode code
        if (c->name) check_binding(c->name);
        visit(c->heritage);

        // §15.7.1 ClassBody early errors.
        struct Private {
            int getters = 0, setters = 0, others = 0;
            bool is_static = false;
        };
        std::unordered_map<const char16_t*, Private> privates;   // PrivateBoundIdentifiers
        bool has_constructor = false;
        for (ClassElement* e : c->elements) {
            NodeKind fk = e->function ? e->function->kind : NodeKind::ClassElement;
            if (e->element_kind == ClassElement::Kind::Method) {
                if (!e->is_static && PropNameIs(e->key, "constructor")) {
                    if (fk != NodeKind::MethodDefinition) error("class constructor may not be an accessor, generator or async", e);
                    if (has_constructor) error("a class may only have one constructor", e);
                    has_constructor = true;
                }
                if (e->is_static && PropNameIs(e->key, "prototype"))
                    error("classes may not have a static member named 'prototype'", e);
            } else if (e->element_kind == ClassElement::Kind::Field) {
                if (PropNameIs(e->key, "constructor")) error("classes may not have a field named 'constructor'", e);
                if (e->is_static && PropNameIs(e->key, "prototype"))
                    error("classes may not have a static field named 'prototype'", e);
            }
            if (e->key && e->key->kind == NodeKind::PrivateIdentifier) {
                Name name = e->key->as<Identifier>()->name;
                if (Equals(name, "constructor")) error("'#constructor' is not a valid private name", e->key);
                auto [it, inserted] = privates.try_emplace(key(name), Private{0, 0, 0, e->is_static});
                Private& p = it->second;
                // Duplicates are errors except one getter and one setter of the same placement.
                if (!inserted && p.is_static != e->is_static)
                    error("duplicate private name '#" + unicode::Utf16ToUtf8(name) + "'", e->key);
                if (fk == NodeKind::Getter) ++p.getters;
                else if (fk == NodeKind::Setter) ++p.setters;
                else ++p.others;
                if (p.others > 1 || (p.others && (p.getters || p.setters)) || p.getters > 1 || p.setters > 1)
                    error("duplicate private name '#" + unicode::Utf16ToUtf8(name) + "'", e->key);
            }
        }
        std::unordered_set<const char16_t*> names;
        for (const auto& entry : privates) names.insert(entry.first);
        private_scopes_.push_back(std::move(names));

        for (ClassElement* e : c->elements) {
            if (e->key && e->key->kind == NodeKind::ComputedPropertyName) visit(e->key);
            if (e->function) visit_function(e->function);
            if (e->initializer) {
                // A field initializer is evaluated like a method body.
                Context saved = context_;
                Labels saved_labels = std::move(labels_);
                labels_ = Labels{};
                context_.super_property = true;
                context_.super_call = false;
                context_.new_target = true;
                context_.arguments = false;
                visit(e->initializer);
                labels_ = std::move(saved_labels);
                context_ = saved;
            }
        }
        private_scopes_.pop_back();
        context_ = saved_context;
    }

    // AllPrivateIdentifiersValid
    void check_private_name(Identifier* id)
    {
        for (auto it = private_scopes_.rbegin(); it != private_scopes_.rend(); ++it)
            if (it->count(key(id->name))) return;
        error("private name '#" + unicode::Utf16ToUtf8(id->name) + "' is not defined", id);
    }

    // ---- §16.2 modules ----

    void check_attributes(std::span<const ImportAttribute> attributes)
    {
        std::vector<std::u16string_view> keys;
        for (const ImportAttribute& a : attributes) {
            std::u16string_view k;
            PropName(a.key, k);
            for (auto seen : keys)
                if (seen == k) error("duplicate import attribute", a.key);
            keys.push_back(k);
        }
    }

    void visit_import(ImportDeclaration* d)
    {
        check_attributes(d->attributes);
        if (d->default_binding) visit(d->default_binding);
        if (d->namespace_binding) visit(d->namespace_binding);
        for (ModuleSpecifier* s : d->named) visit(s->local);
    }

    void add_exported_name(Node* name_node, std::u16string_view name)
    {
        // §16.2.1.1: ExportedNames must not contain duplicates.
        if (!exported_names_.insert(std::u16string(name)).second)
            error("duplicate export of '" + unicode::Utf16ToUtf8(name) + "'", name_node);
    }

    void add_exported_bound_names(Node* declaration)
    {
        std::vector<Identifier*> names;
        switch (declaration->kind) {
        case NodeKind::VariableStatement:
        case NodeKind::LexicalDeclaration:
            for (VariableDeclaration* d : declaration->as<VariableDeclarationList>()->declarations)
                bound_names(d->target, names);
            break;
        case NodeKind::ClassDeclaration:
            names.push_back(declaration->as<ClassNode>()->name);
            break;
        default:
            if (IsHoistable(declaration->kind)) names.push_back(declaration->as<FunctionNode>()->name);
            break;
        }
        for (Identifier* id : names)
            if (id) add_exported_name(id, id->name);
    }

    void visit_export(ExportDeclaration* d)
    {
        using Form = ExportDeclaration::Form;
        check_attributes(d->attributes);
        auto name_of = [](Node* n) -> std::u16string_view {
            return n->kind == NodeKind::StringLiteral ? n->as<StringLiteral>()->value : n->as<Identifier>()->name;
        };
        switch (d->form) {
        case Form::ExportAllFrom:
            break;
        case Form::ExportNamespaceFrom:
            add_exported_name(d->namespace_name, name_of(d->namespace_name));
            break;
        case Form::ExportNamedFrom:
            for (ModuleSpecifier* s : d->specifiers) add_exported_name(s->exported, name_of(s->exported));
            break;
        case Form::ExportNamed:
            for (ModuleSpecifier* s : d->specifiers) {
                add_exported_name(s->exported, name_of(s->exported));
                visit(s->local);
                exported_bindings_.push_back(s->local->as<Identifier>());
            }
            break;
        case Form::ExportVariable:
        case Form::ExportDeclaration:
            add_exported_bound_names(d->declaration);
            visit(d->declaration);
            break;
        case Form::ExportDefaultHoistable:
        case Form::ExportDefaultClass:
        case Form::ExportDefaultExpression:
            add_exported_name(d, u"default");
            visit(d->declaration);
            break;
        }
    }

    // §16.2.1.1: each of the ExportedBindings is declared in the module.
    void check_exported_bindings(const Scope& module_scope)
    {
        for (Identifier* id : exported_bindings_) {
            auto it = module_scope.names.find(key(id->name));
            if (it == module_scope.names.end())
                error("export of undeclared name '" + unicode::Utf16ToUtf8(id->name) + "'", id);
        }
    }

    Program& program_;
    const ParseOptions& options_;
    Scope* scope_ = nullptr;
    Context context_;
    Labels labels_;
    std::vector<std::unordered_set<const char16_t*>> private_scopes_;
    std::unordered_set<std::u16string> exported_names_;
    std::vector<Identifier*> exported_bindings_;
};

}  // namespace

std::optional<ParseFailure> CheckEarlyErrors(Program& program, const ParseOptions& options)
{
    try {
        Checker(program, options).check_program();
    } catch (const EarlyError& e) {
        return e.failure;
    }
    return std::nullopt;
}

}  // namespace lockstep::syntax
