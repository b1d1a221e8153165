// ECMA-262 §14 ECMAScript Language: Statements and Declarations — the grammar.
#include "syntax/parser_internal.h"

namespace lockstep::syntax {

// LexicalDeclaration starting with `let` (not the identifier `let`): `let`
// followed by a BindingIdentifier, `[` or `{`.
bool Parser::at_let_declaration()
{
    if (!at_contextual(names_.let)) return false;
    Tok next = peek().type;
    return next == Tok::Identifier || next == Tok::LBracket || next == Tok::LBrace;
}

// async [no LineTerminator here] function
bool Parser::at_async_function()
{
    if (!at_contextual(names_.async)) return false;
    const Token& next = peek();
    return next.type == Tok::KwFunction && !next.newline_before;
}

// StatementListItem : Statement | Declaration
Node* Parser::parse_statement_list_item()
{
    Mark start = mark();
    switch (tok_.type) {
    case Tok::KwFunction:
        return parse_function(NodeKind::FunctionDeclaration, start, false, false);
    case Tok::KwClass:
        return parse_class(NodeKind::ClassDeclaration, false);
    case Tok::KwConst: {
        Node* d = parse_variable_declarations(DeclarationKind::Const, start, false);
        consume_semicolon();
        return finish(d);
    }
    case Tok::KwImport: {
        Tok next = peek().type;
        if (next != Tok::LParen && next != Tok::Dot)
            fail_here(options_.goal == Goal::Module ? "import declarations may only appear at the top level"
                                                    : "import declarations may only appear in modules");
        break;
    }
    case Tok::KwExport:
        fail_here(options_.goal == Goal::Module ? "export declarations may only appear at the top level"
                                                : "export declarations may only appear in modules");
    case Tok::Identifier:
        if (at_let_declaration()) {
            Node* d = parse_variable_declarations(DeclarationKind::Let, start, false);
            consume_semicolon();
            return finish(d);
        }
        if (at_async_function()) {
            advance();
            return parse_function(NodeKind::FunctionDeclaration, start, true, false);
        }
        break;
    default:
        break;
    }
    return parse_statement();
}

Node* Parser::parse_statement()
{
    DepthGuard guard(*this);
    Mark start = mark();
    switch (tok_.type) {
    case Tok::LBrace:
        return parse_block();
    case Tok::KwVar: {
        Node* d = parse_variable_declarations(DeclarationKind::Var, start, false);
        consume_semicolon();
        return finish(d);
    }
    case Tok::Semicolon:
        advance();
        return finish(make<Node>(NodeKind::EmptyStatement, start));
    case Tok::KwIf: return parse_if();
    case Tok::KwFor: return parse_for();
    case Tok::KwWhile: return parse_while();
    case Tok::KwDo: return parse_do_while();
    case Tok::KwContinue: return parse_jump(NodeKind::ContinueStatement);
    case Tok::KwBreak: return parse_jump(NodeKind::BreakStatement);
    case Tok::KwReturn: return parse_return();
    case Tok::KwWith: return parse_with();
    case Tok::KwSwitch: return parse_switch();
    case Tok::KwThrow: return parse_throw();
    case Tok::KwTry: return parse_try();
    case Tok::KwDebugger:
        advance();
        consume_semicolon();
        return finish(make<Node>(NodeKind::DebuggerStatement, start));
    case Tok::KwFunction:
        fail_here("function declarations are not allowed in this position");
    case Tok::KwClass:
        fail_here("class declarations are not allowed in this position");
    case Tok::KwConst:
        fail_here("lexical declarations are not allowed in this position");
    case Tok::KwImport: {
        Tok next = peek().type;
        if (next != Tok::LParen && next != Tok::Dot) fail_here("import declarations are not allowed here");
        break;
    }
    case Tok::KwExport:
        fail_here("export declarations are not allowed here");
    case Tok::Identifier:
        // ExpressionStatement : [lookahead ∉ { {, function, async function, class, let [ }] Expression ;
        if (at_contextual(names_.let) && peek().type == Tok::LBracket)
            fail_here("lexical declarations are not allowed in this position");
        if (at_async_function()) fail_here("async function declarations are not allowed in this position");
        break;
    default:
        break;
    }
    return parse_expression_or_labelled();
}

// The Statement of if/else (B.3.4 allows a FunctionDeclaration there in
// non-strict code; the strict case is an early error).
Node* Parser::parse_substatement(bool if_clause)
{
    if (if_clause && at(Tok::KwFunction)) {
        Mark start = mark();
        FunctionNode* f = parse_function(NodeKind::FunctionDeclaration, start, false, false);
        if (f->is_generator) fail("generator declarations are not allowed in this position", f->range.start);
        return f;
    }
    return parse_statement();
}

// ExpressionStatement, or LabelledStatement : LabelIdentifier : LabelledItem
Node* Parser::parse_expression_or_labelled()
{
    Mark start = mark();
    if (at_identifier() && peek().type == Tok::Colon) {
        auto* l = make<LabelledStatement>(NodeKind::LabelledStatement, start);
        l->label = parse_identifier(NodeKind::LabelIdentifier);
        advance();   // :
        if (at(Tok::KwFunction)) {
            // LabelledItem : FunctionDeclaration (non-strict only; checked in early_errors.cpp)
            FunctionNode* f = parse_function(NodeKind::FunctionDeclaration, mark(), false, false);
            if (f->is_generator) fail("generator declarations cannot be labelled", f->range.start);
            l->body = f;
        } else {
            l->body = parse_statement();
        }
        return finish(l);
    }
    auto* s = make<ExpressionStatement>(NodeKind::ExpressionStatement, start);
    s->expression = parse_expression();
    consume_semicolon();
    return finish(s);
}

BlockStatement* Parser::parse_block()
{
    auto* b = make<BlockStatement>(NodeKind::BlockStatement, mark());
    expect(Tok::LBrace);
    b->body = parse_statement_list(Tok::RBrace, false, nullptr);
    advance();
    return finish(b);
}

// VariableStatement / LexicalDeclaration (without the `;`); in a for head
// the declarations may lack initializers (the caller checks them).
VariableDeclarationList* Parser::parse_variable_declarations(DeclarationKind kind, const Mark& start, bool for_head)
{
    auto* list = make<VariableDeclarationList>(
        kind == DeclarationKind::Var ? NodeKind::VariableStatement : NodeKind::LexicalDeclaration, start);
    list->declaration_kind = kind;
    advance();   // var / let / const
    size_t from = scratch_.size();
    for (;;) {
        auto* d = make<VariableDeclaration>(NodeKind::VariableDeclaration, mark());
        d->target = parse_binding_target();
        if (eat(Tok::Assign)) {
            d->initializer = parse_assignment();
        } else if (!for_head) {
            if (kind == DeclarationKind::Const) fail("missing initializer in const declaration", prev_end_);
            if (d->target->kind != NodeKind::BindingIdentifier)
                fail("missing initializer in destructuring declaration", prev_end_);
        }
        scratch_.push_back(finish(d));
        if (!eat(Tok::Comma)) break;
    }
    list->declarations = take_list<VariableDeclaration>(from);
    return finish(list);
}

// BindingIdentifier | BindingPattern
Node* Parser::parse_binding_target()
{
    DepthGuard guard(*this);
    if (at(Tok::LBracket)) return parse_array_binding_pattern();
    if (at(Tok::LBrace)) return parse_object_binding_pattern();
    return parse_identifier(NodeKind::BindingIdentifier);
}

// BindingElement : SingleNameBinding | BindingPattern Initializer?
PatternElement* Parser::parse_binding_element()
{
    auto* e = make<PatternElement>(NodeKind::BindingElement, mark());
    e->target = parse_binding_target();
    if (eat(Tok::Assign)) {
        bool saved_in = in_;
        in_ = true;
        e->initializer = parse_assignment();
        in_ = saved_in;
    }
    return finish(e);
}

// ObjectBindingPattern : { BindingPropertyList ,? BindingRestProperty? }
Node* Parser::parse_object_binding_pattern()
{
    auto* p = make<ObjectPattern>(NodeKind::ObjectBindingPattern, mark());
    advance();
    size_t from = scratch_.size();
    while (!at(Tok::RBrace)) {
        if (at(Tok::Ellipsis)) {
            advance();
            p->rest = parse_identifier(NodeKind::BindingIdentifier);
            if (!at(Tok::RBrace)) fail_here("rest element must be last");
            break;
        }
        Mark pm = mark();
        auto* prop = make<PatternProperty>(NodeKind::BindingProperty, pm);
        Token key_token = tok_;
        prop->key = parse_property_name(false);
        if (eat(Tok::Colon)) {
            prop->value = parse_binding_element();
        } else {
            // SingleNameBinding : BindingIdentifier Initializer?
            if (key_token.type != Tok::Identifier) {
                if (IsKeyword(key_token.type))
                    fail(std::string("unexpected reserved word '") + TokText(key_token.type) + "'", key_token.start);
                fail("expected ':' after property name", tok_.start);
            }
            check_identifier(key_token);
            prop->shorthand = true;
            auto* id = make<Identifier>(NodeKind::BindingIdentifier, pm);
            id->name = key_token.name;
            id->escaped = key_token.escaped;
            id->range.end = key_token.end;
            auto* e = make<PatternElement>(NodeKind::BindingElement, pm);
            e->target = id;
            if (eat(Tok::Assign)) {
                bool saved_in = in_;
                in_ = true;
                e->initializer = parse_assignment();
                in_ = saved_in;
            }
            prop->value = finish(e);
        }
        scratch_.push_back(finish(prop));
        if (!at(Tok::RBrace)) expect(Tok::Comma);
    }
    advance();
    p->properties = take_list<PatternProperty>(from);
    return finish(p);
}

// ArrayBindingPattern : [ Elision? BindingRestElement? ] | [ BindingElementList , Elision? BindingRestElement? ]
Node* Parser::parse_array_binding_pattern()
{
    auto* p = make<ArrayPattern>(NodeKind::ArrayBindingPattern, mark());
    advance();
    size_t from = scratch_.size();
    while (!at(Tok::RBracket)) {
        if (at(Tok::Comma)) {
            scratch_.push_back(nullptr);
            advance();
            continue;
        }
        if (at(Tok::Ellipsis)) {
            advance();
            p->rest = parse_binding_target();
            if (!at(Tok::RBracket)) fail_here("rest element must be last");
            break;
        }
        scratch_.push_back(parse_binding_element());
        if (!at(Tok::RBracket)) expect(Tok::Comma);
    }
    advance();
    p->elements = take_list<PatternElement>(from);
    return finish(p);
}

// §14.6 IfStatement
Node* Parser::parse_if()
{
    auto* s = make<IfStatement>(NodeKind::IfStatement, mark());
    advance();
    expect(Tok::LParen);
    s->test = parse_expression();
    expect(Tok::RParen);
    s->consequent = parse_substatement(true);
    if (eat(Tok::KwElse)) s->alternate = parse_substatement(true);
    return finish(s);
}

// §14.7.2 DoWhileStatement
Node* Parser::parse_do_while()
{
    auto* s = make<WhileStatement>(NodeKind::DoWhileStatement, mark());
    advance();
    s->body = parse_statement();
    expect(Tok::KwWhile);
    expect(Tok::LParen);
    s->test = parse_expression();
    expect(Tok::RParen);
    // §12.10.1: a semicolon is inserted after a do-while's `)` if it is missing.
    eat(Tok::Semicolon);
    return finish(s);
}

// §14.7.3 WhileStatement
Node* Parser::parse_while()
{
    auto* s = make<WhileStatement>(NodeKind::WhileStatement, mark());
    advance();
    expect(Tok::LParen);
    s->test = parse_expression();
    expect(Tok::RParen);
    s->body = parse_statement();
    return finish(s);
}

// §14.7.4 ForStatement, §14.7.5 ForInOfStatement (and B.3.5 for-in initializers)
Node* Parser::parse_for()
{
    Mark start = mark();
    advance();
    bool is_await = false;
    if (at_name(names_.await) && await_ && !in_static_block_) {
        if (tok_.escaped) fail_here("keywords cannot contain escaped characters");
        if (in_parameters_) fail_here("await not allowed in formal parameters");
        is_await = true;
        last_await_ = tok_.start + 1;
        advance();
    }
    expect(Tok::LParen);
    Node* init = nullptr;
    bool saved_in = in_;
    Mark init_start = mark();
    bool starts_with_let = at_contextual(names_.let);
    bool starts_with_async = at_contextual(names_.async);
    if (at(Tok::Semicolon)) {
        // for ( ; …
    } else if (at(Tok::KwVar) || at(Tok::KwConst) || at_let_declaration()) {
        DeclarationKind kind = at(Tok::KwVar) ? DeclarationKind::Var
                               : at(Tok::KwConst) ? DeclarationKind::Const : DeclarationKind::Let;
        in_ = false;
        auto* decls = parse_variable_declarations(kind, init_start, true);
        in_ = saved_in;
        bool is_of = at_contextual(names_.of);
        if ((at(Tok::KwIn) || is_of) && decls->declarations.size() == 1) {
            VariableDeclaration* d = decls->declarations[0];
            if (d->initializer) {
                // B.3.5: for (var BindingIdentifier Initializer in Expression), non-strict only.
                if (is_of || kind != DeclarationKind::Var || d->target->kind != NodeKind::BindingIdentifier)
                    fail("for-in/of loop variable declaration may not have an initializer", d->range.start);
            }
            init = decls;
        } else {
            if (is_await) fail_here("for await requires 'of'");
            for (VariableDeclaration* d : decls->declarations) {
                if (d->initializer) continue;
                if (kind == DeclarationKind::Const) fail("missing initializer in const declaration", d->range.end);
                if (d->target->kind != NodeKind::BindingIdentifier)
                    fail("missing initializer in destructuring declaration", d->range.end);
            }
            init = decls;
            goto plain_for;
        }
    } else {
        CoverInfo cover;
        in_ = false;
        Node* expr = parse_expression(&cover);
        in_ = saved_in;
        bool is_of = at_contextual(names_.of);
        if (at(Tok::KwIn) || is_of) {
            if (is_of && starts_with_let) fail("for-of left-hand side may not start with 'let'", init_start.offset);
            if (is_of && starts_with_async && !is_await && expr->kind == NodeKind::IdentifierReference &&
                !expr->as<Identifier>()->escaped)
                fail("for-of left-hand side may not be 'async'", init_start.offset);
            init = expr->kind == NodeKind::CallExpression ? expr : to_assignment_target(expr);
        } else {
            check_cover(cover);
            init = expr;
            goto plain_for;
        }
    }
    if (init) {
        // for-in / for-of
        bool is_of = at_contextual(names_.of);
        if (is_await && !is_of) fail_here("for await requires 'of'");
        auto* s = make<ForInOfStatement>(is_of ? NodeKind::ForOfStatement : NodeKind::ForInStatement, start);
        s->is_await = is_await;
        s->left = init;
        advance();
        s->right = is_of ? parse_assignment() : parse_expression();
        expect(Tok::RParen);
        s->body = parse_statement();
        return finish(s);
    }
plain_for: {
    if (is_await) fail_here("for await requires 'of'");
    auto* s = make<ForStatement>(NodeKind::ForStatement, start);
    s->init = init;
    expect(Tok::Semicolon);   // no automatic semicolon insertion in a for head
    if (!at(Tok::Semicolon)) s->test = parse_expression();
    expect(Tok::Semicolon);
    if (!at(Tok::RParen)) s->update = parse_expression();
    expect(Tok::RParen);
    s->body = parse_statement();
    return finish(s);
}
}

// §14.8 ContinueStatement, §14.9 BreakStatement
Node* Parser::parse_jump(NodeKind kind)
{
    auto* s = make<JumpStatement>(kind, mark());
    advance();
    if (at_identifier() && !tok_.newline_before) s->label = parse_identifier(NodeKind::LabelIdentifier);
    consume_semicolon();
    return finish(s);
}

// §14.10 ReturnStatement
Node* Parser::parse_return()
{
    if (!return_) fail_here("return statement outside of a function");
    auto* s = make<ArgumentStatement>(NodeKind::ReturnStatement, mark());
    advance();
    if (!at(Tok::Semicolon) && !at(Tok::RBrace) && !at(Tok::EndOfSource) && !tok_.newline_before)
        s->argument = parse_expression();
    consume_semicolon();
    return finish(s);
}

// §14.11 WithStatement
Node* Parser::parse_with()
{
    auto* s = make<WithStatement>(NodeKind::WithStatement, mark());
    advance();
    expect(Tok::LParen);
    s->object = parse_expression();
    expect(Tok::RParen);
    s->body = parse_statement();
    return finish(s);
}

// §14.12 SwitchStatement
Node* Parser::parse_switch()
{
    auto* s = make<SwitchStatement>(NodeKind::SwitchStatement, mark());
    advance();
    expect(Tok::LParen);
    s->discriminant = parse_expression();
    expect(Tok::RParen);
    expect(Tok::LBrace);
    size_t from = scratch_.size();
    bool has_default = false;
    while (!at(Tok::RBrace)) {
        Mark cm = mark();
        SwitchClause* c;
        if (eat(Tok::KwCase)) {
            c = make<SwitchClause>(NodeKind::CaseClause, cm);
            c->test = parse_expression();
        } else if (at(Tok::KwDefault)) {
            if (has_default) fail_here("more than one default clause in switch statement");
            has_default = true;
            advance();
            c = make<SwitchClause>(NodeKind::DefaultClause, cm);
        } else {
            unexpected();
        }
        expect(Tok::Colon);
        size_t body_from = scratch_.size();
        while (!at(Tok::KwCase) && !at(Tok::KwDefault) && !at(Tok::RBrace)) {
            if (at(Tok::EndOfSource)) unexpected();
            scratch_.push_back(parse_statement_list_item());
        }
        c->body = take_list<Node>(body_from);
        scratch_.push_back(finish(c));
    }
    advance();
    s->clauses = take_list<SwitchClause>(from);
    return finish(s);
}

// §14.14 ThrowStatement : throw [no LineTerminator here] Expression ;
Node* Parser::parse_throw()
{
    auto* s = make<ArgumentStatement>(NodeKind::ThrowStatement, mark());
    advance();
    if (tok_.newline_before) fail_here("no line break is allowed after 'throw'");
    s->argument = parse_expression();
    consume_semicolon();
    return finish(s);
}

// §14.15 TryStatement
Node* Parser::parse_try()
{
    auto* s = make<TryStatement>(NodeKind::TryStatement, mark());
    advance();
    s->block = parse_block();
    if (eat(Tok::KwCatch)) {
        s->has_catch = true;
        if (eat(Tok::LParen)) {
            s->catch_parameter = parse_binding_target();
            expect(Tok::RParen);
        }
        s->catch_body = parse_block();
    }
    if (eat(Tok::KwFinally)) s->finalizer = parse_block();
    if (!s->has_catch && !s->finalizer) fail_here("missing catch or finally after try");
    return finish(s);
}

}  // namespace lockstep::syntax
