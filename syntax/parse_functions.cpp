// ECMA-262 §15 ECMAScript Language: Functions and Classes — the grammar.
#include "syntax/parser_internal.h"

namespace lockstep::syntax {

namespace {

// The grammar parameters and per-function trackers a function boundary resets.
struct SavedContext {
    bool yield, await, return_, in, in_parameters, in_field_initializer, in_static_block;
    uint32_t last_yield, last_await, last_await_identifier;
};

// Static Semantics: ContainsExpression of a binding pattern or element.
bool ContainsExpression(const Node* n)
{
    if (!n) return false;
    switch (n->kind) {
    case NodeKind::BindingElement: {
        auto* e = n->as<PatternElement>();
        return e->initializer || ContainsExpression(e->target);
    }
    case NodeKind::ObjectBindingPattern: {
        auto* p = n->as<ObjectPattern>();
        for (const PatternProperty* prop : p->properties)
            if (prop->key->kind == NodeKind::ComputedPropertyName || ContainsExpression(prop->value)) return true;
        return false;
    }
    case NodeKind::ArrayBindingPattern: {
        auto* p = n->as<ArrayPattern>();
        for (const PatternElement* e : p->elements)
            if (ContainsExpression(e)) return true;
        return ContainsExpression(p->rest);
    }
    default:
        return false;
    }
}

bool IsConstructorName(const Node* key, Name constructor)
{
    if (key->kind == NodeKind::IdentifierName) return key->as<Identifier>()->name == constructor;
    if (key->kind == NodeKind::StringLiteral) return key->as<StringLiteral>()->value == constructor;
    return false;
}

}  // namespace

#define SAVE_CONTEXT()                                                                                     \
    SavedContext saved{yield_, await_, return_, in_, in_parameters_, in_field_initializer_, in_static_block_, \
                       last_yield_, last_await_, last_await_identifier_}
#define RESTORE_CONTEXT()                                                                \
    do {                                                                                 \
        yield_ = saved.yield; await_ = saved.await; return_ = saved.return_; in_ = saved.in; \
        in_parameters_ = saved.in_parameters; in_field_initializer_ = saved.in_field_initializer; \
        in_static_block_ = saved.in_static_block; last_yield_ = saved.last_yield;        \
        last_await_ = saved.last_await; last_await_identifier_ = saved.last_await_identifier; \
    } while (0)

// FunctionDeclaration / FunctionExpression and their generator, async and
// async generator forms (§15.2, §15.5, §15.6, §15.8). tok_ is `function`
// (`async` already consumed when is_async); `start` is where the node begins.
FunctionNode* Parser::parse_function(NodeKind form, const Mark& start, bool is_async, bool name_optional)
{
    DepthGuard guard(*this);
    advance();   // function
    bool generator = eat(Tok::Star);
    bool declaration = form == NodeKind::FunctionDeclaration;
    NodeKind kind = declaration
        ? (is_async ? (generator ? NodeKind::AsyncGeneratorDeclaration : NodeKind::AsyncFunctionDeclaration)
                    : (generator ? NodeKind::GeneratorDeclaration : NodeKind::FunctionDeclaration))
        : (is_async ? (generator ? NodeKind::AsyncGeneratorExpression : NodeKind::AsyncFunctionExpression)
                    : (generator ? NodeKind::GeneratorExpression : NodeKind::FunctionExpression));
    auto* f = make<FunctionNode>(kind, start);
    f->is_generator = generator;
    f->is_async = is_async;
    SAVE_CONTEXT();
    if (at_identifier()) {
        // A declaration's name is bound in the enclosing scope ([?Yield, ?Await]);
        // an expression's name in its own ([+Yield] for generators, [+Await] for async).
        if (!declaration) {
            yield_ = generator;
            await_ = is_async;
            in_static_block_ = false;
        }
        f->name = parse_identifier(NodeKind::BindingIdentifier);
    } else if (!name_optional) {
        unexpected();
    }
    yield_ = generator;
    await_ = is_async;
    return_ = true;
    in_ = true;
    in_field_initializer_ = false;
    in_static_block_ = false;
    parse_formal_parameters(f);
    parse_function_body(f);
    RESTORE_CONTEXT();
    return finish(f);
}

// FormalParameters : [empty] | FunctionRestParameter | FormalParameterList ,? | FormalParameterList , FunctionRestParameter
void Parser::parse_formal_parameters(FunctionNode* f)
{
    Mark inside{tok_.end, tok_.line, tok_.column + 1};
    expect(Tok::LParen);
    in_parameters_ = true;
    size_t from = scratch_.size();
    while (!at(Tok::RParen)) {
        if (at(Tok::Ellipsis)) {
            advance();
            f->rest_parameter = parse_binding_target();
            if (at(Tok::Assign)) fail_here("rest parameter may not have a default initializer");
            if (!at(Tok::RParen)) fail_here("rest parameter must be last");
            break;
        }
        scratch_.push_back(parse_binding_element());
        if (!at(Tok::RParen)) expect(Tok::Comma);
    }
    f->parameters = take_list<PatternElement>(from);
    f->parameters_range = {inside.offset, tok_.start, inside.line, inside.column};
    advance();
    in_parameters_ = false;
    finish_parameters(f);
}

// IsSimpleParameterList and ContainsExpression of the parameters.
void Parser::finish_parameters(FunctionNode* f)
{
    bool simple = f->rest_parameter == nullptr;
    bool expression = ContainsExpression(f->rest_parameter);
    for (const PatternElement* p : f->parameters) {
        if (p->initializer || p->target->kind != NodeKind::BindingIdentifier) simple = false;
        if (ContainsExpression(p)) expression = true;
    }
    f->simple_parameter_list = simple;
    f->parameters_contain_expression = expression;
}

// { FunctionBody } with its Directive Prologue.
void Parser::parse_function_body(FunctionNode* f)
{
    expect(Tok::LBrace);
    bool use_strict = false;
    f->body = parse_statement_list(Tok::RBrace, true, &use_strict);
    f->contains_use_strict = use_strict;
    advance();
}

// MethodDefinition and its generator / async / accessor forms (§15.4);
// tok_ is the `(` after the ClassElementName.
FunctionNode* Parser::parse_method(NodeKind kind, const Mark& start)
{
    DepthGuard guard(*this);
    auto* f = make<FunctionNode>(kind, start);
    f->is_generator = kind == NodeKind::GeneratorMethod || kind == NodeKind::AsyncGeneratorMethod;
    f->is_async = kind == NodeKind::AsyncMethod || kind == NodeKind::AsyncGeneratorMethod;
    SAVE_CONTEXT();
    yield_ = f->is_generator;
    await_ = f->is_async;
    return_ = true;
    in_ = true;
    in_field_initializer_ = false;
    in_static_block_ = false;
    uint32_t params_at = tok_.start;
    parse_formal_parameters(f);
    if (kind == NodeKind::Getter && (!f->parameters.empty() || f->rest_parameter))
        fail("getter must have no parameters", params_at);
    if (kind == NodeKind::Setter && (f->parameters.size() != 1 || f->rest_parameter))
        fail("setter must have exactly one parameter", params_at);
    parse_function_body(f);
    RESTORE_CONTEXT();
    return finish(f);
}

// ArrowFunction / AsyncArrowFunction (§15.3, §15.9) once its parameters are
// known; tok_ is `=>`.
Node* Parser::parse_arrow_function(const Mark& start, List<PatternElement> params, Node* rest, bool is_async,
                                   const SourceRange& params_range)
{
    DepthGuard guard(*this);
    advance();   // =>
    auto* f = make<FunctionNode>(is_async ? NodeKind::AsyncArrowFunction : NodeKind::ArrowFunction, start);
    f->is_arrow = true;
    f->is_async = is_async;
    f->parameters = params;
    f->rest_parameter = rest;
    f->parameters_range = params_range;
    finish_parameters(f);
    SAVE_CONTEXT();
    yield_ = false;
    await_ = is_async;
    in_parameters_ = false;
    in_field_initializer_ = false;
    in_static_block_ = false;
    if (at(Tok::LBrace)) {
        return_ = true;
        in_ = true;
        parse_function_body(f);
    } else {
        return_ = false;
        f->concise_body = parse_assignment();
    }
    RESTORE_CONTEXT();
    return finish(f);
}

// ArrowFormalParameters / AsyncArrowHead from the cover grammar's items:
// §15.3.1 "ArrowParameters Contains YieldExpression / AwaitExpression" and
// §15.9.1 for the async head are checked through the offsets of the last
// yield / await seen.
Node* Parser::arrow_from_cover(const Mark& start, NodeList items, Node* rest, bool is_async, uint32_t cover_start,
                               const SourceRange& params_range)
{
    if (last_yield_ > cover_start) fail("yield expression not allowed in arrow parameters", last_yield_ - 1);
    if (last_await_ > cover_start) fail("await expression not allowed in arrow parameters", last_await_ - 1);
    if (is_async && last_await_identifier_ > cover_start)
        fail("'await' is not a valid identifier in async arrow parameters", last_await_identifier_ - 1);
    size_t from = scratch_.size();
    for (Node* item : items) scratch_.push_back(to_binding_element(item));
    List<PatternElement> params = take_list<PatternElement>(from);
    if (rest) rest = to_binding_target(rest);
    return parse_arrow_function(start, params, rest, is_async, params_range);
}

// ClassDeclaration / ClassExpression (§15.7); tok_ is `class`.
ClassNode* Parser::parse_class(NodeKind kind, bool name_optional)
{
    DepthGuard guard(*this);
    auto* c = make<ClassNode>(kind, mark());
    advance();
    if (at_identifier()) {
        c->name = parse_identifier(NodeKind::BindingIdentifier);
    } else if (!name_optional) {
        unexpected();
    }
    if (eat(Tok::KwExtends)) {
        c->heritage = parse_left_hand_side(nullptr);
        NodeKind k = c->heritage->kind;
        if (k == NodeKind::ArrowFunction || k == NodeKind::AsyncArrowFunction)
            fail("arrow function must be parenthesized here", c->heritage->range.start);
    }
    expect(Tok::LBrace);
    size_t from = scratch_.size();
    while (!at(Tok::RBrace)) {
        if (eat(Tok::Semicolon)) continue;
        ClassElement* e = parse_class_element(c->heritage != nullptr);
        if (e->function && e->function->is_class_constructor && !c->constructor) c->constructor = e->function;
        scratch_.push_back(e);
    }
    advance();
    c->elements = take_list<ClassElement>(from);
    return finish(c);
}

// ClassElement : MethodDefinition | static MethodDefinition | FieldDefinition ; |
//                static FieldDefinition ; | ClassStaticBlock | ;
ClassElement* Parser::parse_class_element(bool derived)
{
    Mark start = mark();
    auto* e = make<ClassElement>(NodeKind::ClassElement, start);
    auto is_name_end = [](const Token& t) {
        return t.type == Tok::LParen || t.type == Tok::Assign || t.type == Tok::Semicolon || t.type == Tok::RBrace;
    };
    if (at_contextual(names_.static_) && !is_name_end(peek())) {
        advance();
        e->is_static = true;
        if (at(Tok::LBrace)) {
            // ClassStaticBlock : static { ClassStaticBlockStatementList }
            e->element_kind = ClassElement::Kind::StaticBlock;
            auto* f = make<FunctionNode>(NodeKind::ClassStaticBlock, start);
            SAVE_CONTEXT();
            yield_ = false;
            await_ = true;
            return_ = false;
            in_ = true;
            in_parameters_ = false;
            in_field_initializer_ = false;
            in_static_block_ = true;
            advance();
            f->body = parse_statement_list(Tok::RBrace, false, nullptr);
            advance();
            RESTORE_CONTEXT();
            e->function = finish(f);
            return finish(e);
        }
    }
    // The MethodDefinition (its source text for Function.prototype.toString) starts after `static`.
    Mark method_start = mark();
    NodeKind method_kind = NodeKind::MethodDefinition;
    bool modifier = false;
    if (at_contextual(names_.async) && !is_name_end(peek()) && !peek().newline_before) {
        advance();
        method_kind = NodeKind::AsyncMethod;
        modifier = true;
        if (eat(Tok::Star)) method_kind = NodeKind::AsyncGeneratorMethod;
    } else if ((at_contextual(names_.get) || at_contextual(names_.set)) && !is_name_end(peek()) &&
               peek().type != Tok::Star) {
        method_kind = at_contextual(names_.get) ? NodeKind::Getter : NodeKind::Setter;
        advance();
        modifier = true;
    } else if (at(Tok::Star)) {
        advance();
        method_kind = NodeKind::GeneratorMethod;
        modifier = true;
    }
    e->key = parse_property_name(true);
    if (modifier || at(Tok::LParen)) {
        e->element_kind = ClassElement::Kind::Method;
        e->function = parse_method(method_kind, method_start);
        e->function->is_static = e->is_static;
        if (!e->is_static && method_kind == NodeKind::MethodDefinition && IsConstructorName(e->key, names_.constructor)) {
            e->function->is_class_constructor = true;
            e->function->is_derived_constructor = derived;
        }
        return finish(e);
    }
    // FieldDefinition : ClassElementName Initializer?
    e->element_kind = ClassElement::Kind::Field;
    if (eat(Tok::Assign)) {
        SAVE_CONTEXT();
        in_ = true;
        return_ = false;
        in_parameters_ = false;
        in_field_initializer_ = true;
        in_static_block_ = false;
        e->initializer = parse_assignment();
        RESTORE_CONTEXT();
    }
    consume_semicolon();
    return finish(e);
}

}  // namespace lockstep::syntax
