// ECMA-262 §13 ECMAScript Language: Expressions — the grammar, and the
// early errors that depend on the parse context ([Yield], [Await], cover
// grammar refinement). Tree-wide early errors are in syntax/early_errors.cpp.
#include "syntax/parser_internal.h"
#include "syntax/regexp/pattern_parser.h"

namespace lockstep::syntax {

namespace {

bool IsMethod(const Node* n)
{
    return n->kind >= NodeKind::MethodDefinition && n->kind <= NodeKind::Setter;
}

bool IsArrow(const Node* n)
{
    return n->kind == NodeKind::ArrowFunction || n->kind == NodeKind::AsyncArrowFunction;
}

// The precedence of a binary operator token (0: not one), §13.6–§13.13.
int BinaryPrecedence(Tok t, bool allow_in)
{
    switch (t) {
    case Tok::Question2: return 1;
    case Tok::PipePipe: return 2;
    case Tok::AmpAmp: return 3;
    case Tok::Pipe: return 4;
    case Tok::Caret: return 5;
    case Tok::Amp: return 6;
    case Tok::Eq2: case Tok::NotEq: case Tok::Eq3: case Tok::NotEq2: return 7;
    case Tok::Less: case Tok::Greater: case Tok::LessEq: case Tok::GreaterEq: case Tok::KwInstanceof: return 8;
    case Tok::KwIn: return allow_in ? 8 : 0;
    case Tok::Shl: case Tok::Sar: case Tok::Shr: return 9;
    case Tok::Plus: case Tok::Minus: return 10;
    case Tok::Star: case Tok::Slash: case Tok::Percent: return 11;
    case Tok::Star2: return 12;
    default: return 0;
    }
}

BinaryOp BinaryOpOf(Tok t)
{
    switch (t) {
    case Tok::Question2: return BinaryOp::Coalesce;
    case Tok::PipePipe: return BinaryOp::LogicalOr;
    case Tok::AmpAmp: return BinaryOp::LogicalAnd;
    case Tok::Pipe: return BinaryOp::BitwiseOr;
    case Tok::Caret: return BinaryOp::BitwiseXor;
    case Tok::Amp: return BinaryOp::BitwiseAnd;
    case Tok::Eq2: return BinaryOp::Equal;
    case Tok::NotEq: return BinaryOp::NotEqual;
    case Tok::Eq3: return BinaryOp::StrictEqual;
    case Tok::NotEq2: return BinaryOp::StrictNotEqual;
    case Tok::Less: return BinaryOp::LessThan;
    case Tok::Greater: return BinaryOp::GreaterThan;
    case Tok::LessEq: return BinaryOp::LessThanOrEqual;
    case Tok::GreaterEq: return BinaryOp::GreaterThanOrEqual;
    case Tok::KwInstanceof: return BinaryOp::Instanceof;
    case Tok::KwIn: return BinaryOp::In;
    case Tok::Shl: return BinaryOp::LeftShift;
    case Tok::Sar: return BinaryOp::SignedRightShift;
    case Tok::Shr: return BinaryOp::UnsignedRightShift;
    case Tok::Plus: return BinaryOp::Add;
    case Tok::Minus: return BinaryOp::Subtract;
    case Tok::Star: return BinaryOp::Multiply;
    case Tok::Slash: return BinaryOp::Divide;
    case Tok::Percent: return BinaryOp::Remainder;
    default: return BinaryOp::Exponentiate;
    }
}

bool AssignmentOpOf(Tok t, AssignmentOp& op)
{
    switch (t) {
    case Tok::Assign: op = AssignmentOp::Assign; return true;
    case Tok::Star2Assign: op = AssignmentOp::Exponentiate; return true;
    case Tok::StarAssign: op = AssignmentOp::Multiply; return true;
    case Tok::SlashAssign: op = AssignmentOp::Divide; return true;
    case Tok::PercentAssign: op = AssignmentOp::Remainder; return true;
    case Tok::PlusAssign: op = AssignmentOp::Add; return true;
    case Tok::MinusAssign: op = AssignmentOp::Subtract; return true;
    case Tok::ShlAssign: op = AssignmentOp::LeftShift; return true;
    case Tok::SarAssign: op = AssignmentOp::SignedRightShift; return true;
    case Tok::ShrAssign: op = AssignmentOp::UnsignedRightShift; return true;
    case Tok::AmpAssign: op = AssignmentOp::BitwiseAnd; return true;
    case Tok::CaretAssign: op = AssignmentOp::BitwiseXor; return true;
    case Tok::PipeAssign: op = AssignmentOp::BitwiseOr; return true;
    case Tok::AmpAmpAssign: op = AssignmentOp::LogicalAnd; return true;
    case Tok::PipePipeAssign: op = AssignmentOp::LogicalOr; return true;
    case Tok::Question2Assign: op = AssignmentOp::Coalesce; return true;
    default: return false;
    }
}

// Whether a token can begin an AssignmentExpression (for `yield`'s optional operand).
bool StartsExpression(Tok t)
{
    switch (t) {
    case Tok::RParen: case Tok::RBracket: case Tok::RBrace: case Tok::Comma: case Tok::Semicolon:
    case Tok::Colon: case Tok::EndOfSource: case Tok::Question: case Tok::Arrow: case Tok::KwIn:
    case Tok::KwInstanceof: case Tok::Dot: case Tok::OptionalChain: case Tok::Question2:
        return false;
    default: break;
    }
    if (t >= Tok::Less && t <= Tok::Question2Assign) {
        return t == Tok::Plus || t == Tok::Minus || t == Tok::PlusPlus || t == Tok::MinusMinus || t == Tok::Bang ||
               t == Tok::Tilde || t == Tok::Slash || t == Tok::SlashAssign;
    }
    return true;
}

}  // namespace

// ---- §13.1 Identifiers ----------------------------------------------------------

bool Parser::at_identifier() const
{
    return tok_.type == Tok::Identifier;
}

// §13.1.1 Static Semantics: Early Errors — the rules that depend on the
// grammar parameters and the goal. The strict mode rules (yield, let,
// implements …, eval/arguments) are in syntax/early_errors.cpp, because a
// function's strictness is known only after its directive prologue.
void Parser::check_identifier(const Token& t)
{
    if (t.reserved_escaped) fail("keywords cannot contain escaped characters", t.start);
    if (t.name.data() == names_.yield.data()) {
        if (yield_) fail("'yield' is not a valid identifier here", t.start);
    } else if (t.name.data() == names_.await.data()) {
        if (await_ || options_.goal == Goal::Module || in_static_block_)
            fail("'await' is not a valid identifier here", t.start);
        last_await_identifier_ = t.start + 1;
    }
}

Identifier* Parser::parse_identifier(NodeKind kind)
{
    if (tok_.type != Tok::Identifier) {
        if (IsKeyword(tok_.type)) fail_here(std::string("unexpected reserved word '") + TokText(tok_.type) + "'");
        unexpected();
    }
    check_identifier(tok_);
    auto* id = make<Identifier>(kind, mark());
    id->name = tok_.name;
    id->escaped = tok_.escaped;
    advance();
    return finish(id);
}

Identifier* Parser::parse_identifier_name()
{
    if (tok_.type != Tok::Identifier && !IsKeyword(tok_.type)) unexpected();
    auto* id = make<Identifier>(NodeKind::IdentifierName, mark());
    id->name = tok_.name;
    id->escaped = tok_.escaped;
    advance();
    return finish(id);
}

// ---- §13.16 Comma, §13.15 Assignment ----------------------------------------------

Node* Parser::parse_expression(CoverInfo* cover)
{
    Mark start = mark();
    Node* first = parse_assignment(cover);
    if (!at(Tok::Comma)) return first;
    size_t from = scratch_.size();
    scratch_.push_back(first);
    while (eat(Tok::Comma)) scratch_.push_back(parse_assignment(cover));
    auto* comma = make<CommaExpression>(NodeKind::CommaExpression, start);
    comma->expressions = take_list<Node>(from);
    return finish(comma);
}

void Parser::check_cover(const CoverInfo& c)
{
    if (c.cover_initialized_name != CoverInfo::kNone)
        fail("shorthand property with initializer is only valid in a destructuring pattern",
             c.cover_initialized_name);
}

Node* Parser::parse_assignment(CoverInfo* cover)
{
    DepthGuard guard(*this);
    if (yield_ && at_name(names_.yield)) {
        if (tok_.escaped) fail_here("keywords cannot contain escaped characters");
        return parse_yield();
    }
    CoverInfo own;
    CoverInfo* ci = cover ? cover : &own;
    Mark start = mark();
    Node* left = parse_conditional(ci);
    AssignmentOp op;
    if (IsArrow(left) || !AssignmentOpOf(tok_.type, op)) {
        if (!cover) check_cover(own);
        return left;
    }
    if (op == AssignmentOp::Assign &&
        (left->kind == NodeKind::ObjectLiteral || left->kind == NodeKind::ArrayLiteral)) {
        left = to_assignment_target(left);
        if (ci->cover_initialized_name != CoverInfo::kNone && ci->cover_initialized_name >= left->range.start)
            ci->cover_initialized_name = CoverInfo::kNone;
    } else if (op == AssignmentOp::LogicalAnd || op == AssignmentOp::LogicalOr || op == AssignmentOp::Coalesce
                   ? !is_simple_assignment_target(left)
                   : !is_simple_or_call_target(left)) {
        fail("invalid assignment target", left->range.start);
    }
    if (!cover) check_cover(own);
    advance();
    auto* assign = make<AssignmentExpression>(NodeKind::AssignmentExpression, start);
    assign->op = op;
    assign->target = left;
    assign->value = parse_assignment();
    return finish(assign);
}

// §15.5 YieldExpression
Node* Parser::parse_yield()
{
    Mark start = mark();
    if (in_parameters_) fail_here("yield expression not allowed in formal parameters");
    if (in_field_initializer_) fail_here("yield expression not allowed in a class field initializer");
    advance();
    last_yield_ = start.offset + 1;
    auto* y = make<YieldExpression>(NodeKind::YieldExpression, start);
    if (!tok_.newline_before) {
        if (eat(Tok::Star)) {
            y->delegate = true;
            y->argument = parse_assignment();
        } else if (StartsExpression(tok_.type)) {
            y->argument = parse_assignment();
        }
    }
    return finish(y);
}

// §13.14 ConditionalExpression
Node* Parser::parse_conditional(CoverInfo* cover)
{
    Mark start = mark();
    Node* test = parse_binary(1, cover);
    if (IsArrow(test) || !at(Tok::Question)) return test;
    advance();
    auto* c = make<ConditionalExpression>(NodeKind::ConditionalExpression, start);
    c->test = test;
    bool saved_in = in_;
    in_ = true;
    c->consequent = parse_assignment();
    in_ = saved_in;
    expect(Tok::Colon);
    c->alternate = parse_assignment();
    return finish(c);
}

// §13.6–§13.13 binary operators by precedence climbing, with the
// ShortCircuitExpression rule that ?? does not mix with && and || unparenthesized.
Node* Parser::parse_binary(int min_precedence, CoverInfo* cover)
{
    Mark start = mark();
    Node* left = parse_unary(cover);
    if (IsArrow(left)) return left;
    if (left->kind == NodeKind::PrivateIdentifier) {
        // RelationalExpression : PrivateIdentifier in ShiftExpression
        if (!at(Tok::KwIn) || !in_ || min_precedence > 8) fail("unexpected private name", left->range.start);
    }
    int chain = 0;
    for (;;) {
        int precedence = BinaryPrecedence(tok_.type, in_);
        if (precedence == 0 || precedence < min_precedence) break;
        Tok op_token = tok_.type;
        BinaryOp op = BinaryOpOf(op_token);
        if (op == BinaryOp::Exponentiate &&
            (left->kind == NodeKind::UnaryExpression || left->kind == NodeKind::AwaitExpression))
            fail_here("unary operator before ** must be parenthesized");
        advance();
        // The chain builds a left-deep tree: count it against the nesting limit.
        if (++depth_ > kMaxDepth) fail_here("too deeply nested");
        ++chain;
        Node* right = parse_binary(op == BinaryOp::Exponentiate ? precedence : precedence + 1, cover);
        if (IsArrow(right)) fail("arrow function must be parenthesized here", right->range.start);
        bool logical = op == BinaryOp::LogicalAnd || op == BinaryOp::LogicalOr || op == BinaryOp::Coalesce;
        if (logical) {
            auto mixes = [&](const Node* operand) {
                if (operand->kind != NodeKind::LogicalExpression) return false;
                bool coalesce = operand->as<BinaryExpression>()->op == BinaryOp::Coalesce;
                return (op == BinaryOp::Coalesce) != coalesce;
            };
            if (mixes(left) || mixes(right))
                fail("cannot mix ?? with && or || without parentheses", left->range.start);
        }
        auto* b = make<BinaryExpression>(logical ? NodeKind::LogicalExpression : NodeKind::BinaryExpression, start);
        b->op = op;
        b->left = left;
        b->right = right;
        left = finish(b);
    }
    depth_ -= chain;
    return left;
}

// §13.5 UnaryExpression, §15.8 AwaitExpression, §13.4 prefix UpdateExpression
Node* Parser::parse_unary(CoverInfo* cover)
{
    DepthGuard guard(*this);
    Mark start = mark();
    UnaryOp op;
    switch (tok_.type) {
    case Tok::KwDelete: op = UnaryOp::Delete; break;
    case Tok::KwVoid: op = UnaryOp::Void; break;
    case Tok::KwTypeof: op = UnaryOp::Typeof; break;
    case Tok::Plus: op = UnaryOp::Plus; break;
    case Tok::Minus: op = UnaryOp::Minus; break;
    case Tok::Tilde: op = UnaryOp::BitwiseNot; break;
    case Tok::Bang: op = UnaryOp::LogicalNot; break;
    case Tok::PlusPlus:
    case Tok::MinusMinus: {
        auto* u = make<UpdateExpression>(NodeKind::UpdateExpression, start);
        u->op = at(Tok::PlusPlus) ? UpdateOp::Increment : UpdateOp::Decrement;
        u->prefix = true;
        advance();
        u->operand = parse_unary(cover);
        if (!is_simple_or_call_target(u->operand)) fail("invalid update target", u->operand->range.start);
        return finish(u);
    }
    case Tok::Identifier:
        if (await_ && at_name(names_.await) && !in_static_block_) {
            if (tok_.escaped) fail_here("keywords cannot contain escaped characters");
            if (in_parameters_) fail_here("await expression not allowed in formal parameters");
            if (in_field_initializer_) fail_here("await expression not allowed in a class field initializer");
            advance();
            last_await_ = start.offset + 1;
            auto* a = make<UnaryNode>(NodeKind::AwaitExpression, start);
            a->operand = parse_unary(cover);
            if (IsArrow(a->operand)) fail("arrow function must be parenthesized here", a->operand->range.start);
            return finish(a);
        }
        [[fallthrough]];
    default:
        return parse_update(cover);
    }
    advance();
    auto* u = make<UnaryExpression>(NodeKind::UnaryExpression, start);
    u->op = op;
    u->operand = parse_unary(cover);
    if (IsArrow(u->operand)) fail("arrow function must be parenthesized here", u->operand->range.start);
    if (op == UnaryOp::Delete) {
        // §13.5.1.1: delete of a private reference is an early error.
        const Node* target = u->operand;
        while (target->kind == NodeKind::ParenthesizedExpression) target = target->as<UnaryNode>()->operand;
        if (target->kind == NodeKind::MemberExpression &&
            target->as<MemberExpression>()->property->kind == NodeKind::PrivateIdentifier)
            fail("private fields cannot be deleted", target->range.start);
        if (target->kind == NodeKind::OptionalExpression) {
            const OptionalChain* last = target->as<OptionalExpression>()->chain;
            if (last->link == OptionalChain::Link::PrivateIdentifier)
                fail("private fields cannot be deleted", target->range.start);
        }
    }
    return finish(u);
}

// §13.4 postfix UpdateExpression
Node* Parser::parse_update(CoverInfo* cover)
{
    Mark start = mark();
    Node* operand = parse_left_hand_side(cover);
    if (IsArrow(operand) || tok_.newline_before || (!at(Tok::PlusPlus) && !at(Tok::MinusMinus))) return operand;
    if (!is_simple_or_call_target(operand)) fail("invalid update target", operand->range.start);
    auto* u = make<UpdateExpression>(NodeKind::UpdateExpression, start);
    u->op = at(Tok::PlusPlus) ? UpdateOp::Increment : UpdateOp::Decrement;
    u->operand = operand;
    advance();
    return finish(u);
}

// ---- §13.3 Left-Hand-Side Expressions ------------------------------------------------

Node* Parser::parse_left_hand_side(CoverInfo* cover)
{
    return parse_suffixes(parse_new_or_primary(cover), true);
}

// NewExpression : new NewExpression ;  MemberExpression : new MemberExpression Arguments ;
// NewTarget : new . target
Node* Parser::parse_new_or_primary(CoverInfo* cover)
{
    if (!at(Tok::KwNew)) return parse_primary(cover);
    DepthGuard guard(*this);
    Mark start = mark();
    advance();
    if (at(Tok::Dot)) {
        advance();
        if (!at_name(names_.target)) unexpected();
        if (tok_.escaped) fail_here("keywords cannot contain escaped characters");
        advance();
        return finish(make<Node>(NodeKind::NewTarget, start));
    }
    if (at(Tok::KwImport) && peek().type == Tok::LParen) fail_here("cannot use new with import()");
    Node* callee = parse_suffixes(parse_new_or_primary(nullptr), false);
    if (IsArrow(callee)) fail("cannot use new with an arrow function", callee->range.start);
    auto* n = make<CallExpression>(NodeKind::NewExpression, start);
    n->callee = callee;
    if (at(Tok::LParen)) {
        n->arguments = parse_arguments();
    } else {
        n->has_arguments = false;
    }
    return finish(n);
}

Node* Parser::parse_suffixes(Node* expr, bool allow_call)
{
    if (IsArrow(expr)) return expr;
    Mark start = mark_of(expr);
    int chain = 0;
    for (;;) {
        switch (tok_.type) {
        case Tok::Dot: {
            advance();
            auto* m = make<MemberExpression>(NodeKind::MemberExpression, start);
            m->object = expr;
            if (at(Tok::PrivateName)) {
                auto* p = make<Identifier>(NodeKind::PrivateIdentifier, mark());
                p->name = tok_.name;
                advance();
                m->property = finish(p);
            } else {
                m->property = parse_identifier_name();
            }
            expr = finish(m);
            break;
        }
        case Tok::LBracket: {
            advance();
            auto* m = make<MemberExpression>(NodeKind::MemberExpression, start);
            m->object = expr;
            m->computed = true;
            bool saved_in = in_;
            in_ = true;
            m->property = parse_expression();
            in_ = saved_in;
            expect(Tok::RBracket);
            expr = finish(m);
            break;
        }
        case Tok::NoSubstitutionTemplate:
        case Tok::TemplateHead: {
            if (expr->kind == NodeKind::OptionalExpression)
                fail_here("tagged template cannot be used in an optional chain");
            auto* t = make<TaggedTemplate>(NodeKind::TaggedTemplate, start);
            t->tag = expr;
            t->quasi = parse_template(true);
            expr = finish(t);
            break;
        }
        case Tok::LParen: {
            if (!allow_call) goto done;
            auto* c = make<CallExpression>(NodeKind::CallExpression, start);
            c->callee = expr;
            c->arguments = parse_arguments();
            expr = finish(c);
            break;
        }
        case Tok::OptionalChain: {
            if (!allow_call) fail_here("optional chain not allowed in new expression");
            auto* o = make<OptionalExpression>(NodeKind::OptionalExpression, start);
            o->object = expr;
            o->chain = parse_optional_chain();
            expr = finish(o);
            break;
        }
        default:
            goto done;
        }
        if (++depth_ > kMaxDepth) fail_here("too deeply nested");
        ++chain;
    }
done:
    depth_ -= chain;
    return expr;
}

// OptionalChain : ?. Arguments | ?. [ Expression ] | ?. IdentifierName | ?. PrivateIdentifier
//               | OptionalChain Arguments | OptionalChain [ Expression ] | OptionalChain . IdentifierName
//               | OptionalChain . PrivateIdentifier   (a TemplateLiteral anywhere is an early error)
OptionalChain* Parser::parse_optional_chain()
{
    Mark start = mark();
    advance();   // ?.
    OptionalChain* chain = nullptr;
    bool first = true;
    for (;;) {
        auto* link = make<OptionalChain>(NodeKind::OptionalChain, start);
        link->previous = chain;
        if (at(Tok::LParen)) {
            link->link = OptionalChain::Link::Arguments;
            link->arguments = parse_arguments();
        } else if (at(Tok::LBracket)) {
            advance();
            link->link = OptionalChain::Link::Computed;
            bool saved_in = in_;
            in_ = true;
            link->property = parse_expression();
            in_ = saved_in;
            expect(Tok::RBracket);
        } else if (at(Tok::NoSubstitutionTemplate) || at(Tok::TemplateHead)) {
            fail_here("tagged template cannot be used in an optional chain");
        } else if (first || at(Tok::Dot)) {
            if (!first) advance();
            if (at(Tok::PrivateName)) {
                link->link = OptionalChain::Link::PrivateIdentifier;
                auto* p = make<Identifier>(NodeKind::PrivateIdentifier, mark());
                p->name = tok_.name;
                advance();
                link->property = finish(p);
            } else {
                link->link = OptionalChain::Link::Identifier;
                link->property = parse_identifier_name();
            }
        } else {
            break;
        }
        chain = finish(link);
        first = false;
    }
    return chain;
}

// Arguments : ( ArgumentList? ,? )
NodeList Parser::parse_arguments(CoverInfo* cover, bool* trailing_comma)
{
    expect(Tok::LParen);
    bool saved_in = in_;
    in_ = true;
    size_t from = scratch_.size();
    while (!at(Tok::RParen)) {
        if (at(Tok::Ellipsis)) {
            auto* s = make<UnaryNode>(NodeKind::SpreadElement, mark());
            advance();
            s->operand = parse_assignment(cover);
            scratch_.push_back(finish(s));
        } else {
            scratch_.push_back(parse_assignment(cover));
        }
        if (!at(Tok::RParen)) {
            expect(Tok::Comma);
            if (trailing_comma && at(Tok::RParen)) *trailing_comma = true;
        }
    }
    in_ = saved_in;
    advance();
    return take_list<Node>(from);
}

// ---- §13.2 Primary Expression ----------------------------------------------------------

Node* Parser::parse_primary(CoverInfo* cover)
{
    Mark start = mark();
    switch (tok_.type) {
    case Tok::KwThis:
        advance();
        return finish(make<Node>(NodeKind::ThisExpression, start));
    case Tok::Identifier: {
        if (at_contextual(names_.async)) return parse_async_primary(cover);
        Identifier* id = parse_identifier(NodeKind::IdentifierReference);
        if (at(Tok::Arrow) && !tok_.newline_before) {
            // ArrowParameters : BindingIdentifier
            id->kind = NodeKind::BindingIdentifier;
            auto* param = make<PatternElement>(NodeKind::BindingElement, start);
            param->target = id;
            finish(param);
            return parse_arrow_function(start, program_.arena.copy(&param, 1), nullptr, false, id->range);
        }
        return id;
    }
    case Tok::KwNull:
        advance();
        return finish(make<Node>(NodeKind::NullLiteral, start));
    case Tok::KwTrue:
    case Tok::KwFalse: {
        auto* b = make<BooleanLiteral>(NodeKind::BooleanLiteral, start);
        b->value = at(Tok::KwTrue);
        advance();
        return finish(b);
    }
    case Tok::Numeric: {
        auto* n = make<NumericLiteral>(NodeKind::NumericLiteral, start);
        n->value = tok_.number;
        n->legacy_octal = tok_.legacy_octal;
        n->non_octal_decimal = tok_.non_octal_decimal;
        advance();
        return finish(n);
    }
    case Tok::BigInt: {
        auto* n = make<BigIntLiteral>(NodeKind::BigIntLiteral, start);
        n->digits = tok_.bigint;
        advance();
        return finish(n);
    }
    case Tok::String:
        return parse_string_literal();
    case Tok::NoSubstitutionTemplate:
    case Tok::TemplateHead:
        return parse_template(false);
    case Tok::Slash:
    case Tok::SlashAssign:
        return parse_regexp();
    case Tok::LBracket:
        return parse_array_literal(cover);
    case Tok::LBrace:
        return parse_object_literal(cover);
    case Tok::LParen:
        return parse_parenthesized_or_arrow(cover);
    case Tok::KwFunction:
        return parse_function(NodeKind::FunctionExpression, start, false, true);
    case Tok::KwClass:
        return parse_class(NodeKind::ClassExpression, true);
    case Tok::KwSuper:
        return parse_super();
    case Tok::KwImport:
        return parse_import_expression();
    case Tok::PrivateName: {
        // Only as the left operand of `in` (checked by parse_binary).
        auto* p = make<Identifier>(NodeKind::PrivateIdentifier, start);
        p->name = tok_.name;
        advance();
        return finish(p);
    }
    default:
        break;
    }
    if (IsKeyword(tok_.type)) fail_here(std::string("unexpected reserved word '") + TokText(tok_.type) + "'");
    unexpected();
}

Node* Parser::parse_string_literal()
{
    auto* s = make<StringLiteral>(NodeKind::StringLiteral, mark());
    s->value = tok_.string;
    s->has_legacy_octal_escape = tok_.legacy_octal;
    advance();
    return finish(s);
}

// `async` at the start of a PrimaryExpression: AsyncFunctionExpression,
// AsyncArrowFunction (both forms), CoverCallExpressionAndAsyncArrowHead, or
// the identifier `async`.
Node* Parser::parse_async_primary(CoverInfo*)
{
    Mark start = mark();
    Token async_token = tok_;
    advance();
    if (at(Tok::KwFunction) && !tok_.newline_before)
        return parse_function(NodeKind::AsyncFunctionExpression, start, true, true);
    if (at_identifier() && !tok_.newline_before && peek().type == Tok::Arrow) {
        // AsyncArrowFunction : async [no LineTerminator here] AsyncArrowBindingIdentifier => AsyncConciseBody
        bool saved_await = await_;
        await_ = true;
        Identifier* id = parse_identifier(NodeKind::BindingIdentifier);
        await_ = saved_await;
        if (!at(Tok::Arrow) || tok_.newline_before) unexpected();
        auto* param = make<PatternElement>(NodeKind::BindingElement, mark_of(id));
        param->target = id;
        finish(param);
        return parse_arrow_function(start, program_.arena.copy(&param, 1), nullptr, true, id->range);
    }
    auto* async_id = make<Identifier>(NodeKind::IdentifierReference, start);
    async_id->name = async_token.name;
    finish(async_id);
    if (at(Tok::LParen) && !tok_.newline_before) {
        uint32_t cover_start = tok_.start;
        Mark params_start = mark();
        CoverInfo own;
        bool trailing_comma = false;
        NodeList arguments = parse_arguments(&own, &trailing_comma);
        if (at(Tok::Arrow) && !tok_.newline_before) {
            SourceRange params_range{params_start.offset + 1, prev_end_ - 1, params_start.line, params_start.column + 1};
            Node* rest = nullptr;
            if (!arguments.empty() && arguments.back()->kind == NodeKind::SpreadElement) {
                rest = arguments.back()->as<UnaryNode>()->operand;
                arguments = arguments.first(arguments.size() - 1);
                if (trailing_comma) fail("rest parameter must be last", rest->range.end);
            }
            return arrow_from_cover(start, arguments, rest, true, cover_start, params_range);
        }
        check_cover(own);
        auto* call = make<CallExpression>(NodeKind::CallExpression, start);
        call->callee = async_id;
        call->arguments = arguments;
        return finish(call);
    }
    if (at(Tok::Arrow) && !tok_.newline_before) {
        async_id->kind = NodeKind::BindingIdentifier;
        auto* param = make<PatternElement>(NodeKind::BindingElement, start);
        param->target = async_id;
        finish(param);
        return parse_arrow_function(start, program_.arena.copy(&param, 1), nullptr, false, async_id->range);
    }
    return async_id;
}

// CoverParenthesizedExpressionAndArrowParameterList, refined to a
// ParenthesizedExpression or to ArrowFormalParameters.
Node* Parser::parse_parenthesized_or_arrow(CoverInfo*)
{
    Mark start = mark();
    uint32_t cover_start = tok_.start;
    advance();
    bool saved_in = in_;
    in_ = true;
    CoverInfo own;
    size_t from = scratch_.size();
    Node* rest = nullptr;
    uint32_t trailing_comma = CoverInfo::kNone;
    while (!at(Tok::RParen)) {
        if (at(Tok::Ellipsis)) {
            advance();
            rest = parse_binding_target();
            if (!at(Tok::RParen)) fail_here("rest parameter must be last");
            break;
        }
        scratch_.push_back(parse_assignment(&own));
        if (!at(Tok::Comma)) break;
        uint32_t comma = tok_.start;
        advance();
        if (at(Tok::RParen)) trailing_comma = comma;
    }
    uint32_t close = tok_.start;
    expect(Tok::RParen);
    in_ = saved_in;
    NodeList items = take_list<Node>(from);
    if (at(Tok::Arrow) && !tok_.newline_before) {
        SourceRange params_range{start.offset + 1, close, start.line, start.column + 1};
        return arrow_from_cover(start, items, rest, false, cover_start, params_range);
    }
    if (items.empty() || rest) fail("expected an expression", close);
    if (trailing_comma != CoverInfo::kNone) fail("unexpected trailing comma", trailing_comma);
    check_cover(own);
    Node* inner = items[0];
    if (items.size() > 1) {
        auto* comma = make<CommaExpression>(NodeKind::CommaExpression, mark_of(items[0]));
        comma->expressions = items;
        comma->range.end = items.back()->range.end;
        inner = comma;
    }
    auto* paren = make<UnaryNode>(NodeKind::ParenthesizedExpression, start);
    paren->operand = inner;
    return finish(paren);
}

// §13.2.4 ArrayLiteral
Node* Parser::parse_array_literal(CoverInfo* cover)
{
    auto* a = make<ArrayLiteral>(NodeKind::ArrayLiteral, mark());
    advance();
    bool saved_in = in_;
    in_ = true;
    size_t from = scratch_.size();
    while (!at(Tok::RBracket)) {
        if (at(Tok::Comma)) {
            scratch_.push_back(nullptr);
            advance();
            continue;
        }
        if (at(Tok::Ellipsis)) {
            auto* s = make<UnaryNode>(NodeKind::SpreadElement, mark());
            advance();
            s->operand = parse_assignment(cover);
            scratch_.push_back(finish(s));
        } else {
            scratch_.push_back(parse_assignment(cover));
        }
        if (!at(Tok::RBracket)) {
            expect(Tok::Comma);
            if (at(Tok::RBracket)) a->trailing_comma = true;
        }
    }
    in_ = saved_in;
    advance();
    a->elements = take_list<Node>(from);
    return finish(a);
}

// §13.2.5 ObjectLiteral
Node* Parser::parse_object_literal(CoverInfo* cover)
{
    auto* o = make<ObjectLiteral>(NodeKind::ObjectLiteral, mark());
    advance();
    bool saved_in = in_;
    in_ = true;
    size_t from = scratch_.size();
    while (!at(Tok::RBrace)) {
        scratch_.push_back(parse_property_definition(cover));
        if (!at(Tok::RBrace)) {
            expect(Tok::Comma);
            if (at(Tok::RBrace)) o->trailing_comma = true;
        }
    }
    in_ = saved_in;
    advance();
    o->properties = take_list<Node>(from);
    return finish(o);
}

Node* Parser::parse_property_definition(CoverInfo* cover)
{
    Mark start = mark();
    if (at(Tok::Ellipsis)) {
        auto* s = make<UnaryNode>(NodeKind::SpreadElement, start);
        advance();
        s->operand = parse_assignment(cover);
        return finish(s);
    }
    auto is_name_end = [](Tok t) {
        return t == Tok::Comma || t == Tok::Colon || t == Tok::LParen || t == Tok::RBrace || t == Tok::Assign;
    };
    // `get` / `set` before `*` is a property named get/set (there are no generator accessors).
    NodeKind method_kind = NodeKind::MethodDefinition;
    bool modifier = false;
    if (at_contextual(names_.async) && !is_name_end(peek().type) && !peek().newline_before) {
        advance();
        method_kind = NodeKind::AsyncMethod;
        modifier = true;
        if (eat(Tok::Star)) method_kind = NodeKind::AsyncGeneratorMethod;
    } else if ((at_contextual(names_.get) || at_contextual(names_.set)) && !is_name_end(peek().type) &&
               peek().type != Tok::Star) {
        method_kind = at_contextual(names_.get) ? NodeKind::Getter : NodeKind::Setter;
        advance();
        modifier = true;
    } else if (at(Tok::Star)) {
        advance();
        method_kind = NodeKind::GeneratorMethod;
        modifier = true;
    }
    Token key_token = tok_;
    auto* p = make<PropertyDefinition>(NodeKind::PropertyDefinition, start);
    p->key = parse_property_name(false);
    if (modifier || at(Tok::LParen)) {
        p->value = parse_method(method_kind, start);
        return finish(p);
    }
    if (eat(Tok::Colon)) {
        p->value = parse_assignment(cover);
        return finish(p);
    }
    // IdentifierReference or CoverInitializedName
    if (key_token.type != Tok::Identifier) {
        if (IsKeyword(key_token.type))
            fail(std::string("unexpected reserved word '") + TokText(key_token.type) + "'", key_token.start);
        fail("expected ':' after property name", tok_.start);
    }
    check_identifier(key_token);
    auto* ref = make<Identifier>(NodeKind::IdentifierReference, start);
    ref->name = key_token.name;
    ref->escaped = key_token.escaped;
    ref->range.end = key_token.end;
    p->value = ref;
    p->shorthand = true;
    if (at(Tok::Assign)) {
        if (cover && cover->cover_initialized_name == CoverInfo::kNone) cover->cover_initialized_name = tok_.start;
        if (!cover) fail_here("shorthand property with initializer is only valid in a destructuring pattern");
        advance();
        p->cover_initializer = parse_assignment();
    }
    return finish(p);
}

// PropertyName / ClassElementName
Node* Parser::parse_property_name(bool allow_private)
{
    Mark start = mark();
    switch (tok_.type) {
    case Tok::String:
        return parse_string_literal();
    case Tok::Numeric: {
        auto* n = make<NumericLiteral>(NodeKind::NumericLiteral, start);
        n->value = tok_.number;
        n->legacy_octal = tok_.legacy_octal;
        n->non_octal_decimal = tok_.non_octal_decimal;
        advance();
        return finish(n);
    }
    case Tok::BigInt: {
        auto* n = make<BigIntLiteral>(NodeKind::BigIntLiteral, start);
        n->digits = tok_.bigint;
        advance();
        return finish(n);
    }
    case Tok::LBracket: {
        advance();
        auto* c = make<UnaryNode>(NodeKind::ComputedPropertyName, start);
        bool saved_in = in_;
        in_ = true;
        c->operand = parse_assignment();
        in_ = saved_in;
        expect(Tok::RBracket);
        return finish(c);
    }
    case Tok::PrivateName: {
        if (!allow_private) unexpected();
        auto* p = make<Identifier>(NodeKind::PrivateIdentifier, start);
        p->name = tok_.name;
        advance();
        return finish(p);
    }
    default:
        return parse_identifier_name();
    }
}

// §13.2.8 TemplateLiteral (tagged: invalid escapes leave the cooked value undefined)
TemplateLiteral* Parser::parse_template(bool tagged)
{
    auto* t = make<TemplateLiteral>(NodeKind::TemplateLiteral, mark());
    std::vector<TemplateElement> quasis;
    size_t from = scratch_.size();
    bool saved_in = in_;
    in_ = true;
    for (;;) {
        if (!tagged && !tok_.has_cooked) fail("invalid escape sequence in template literal", tok_.invalid_escape);
        quasis.push_back({tok_.string, tok_.raw, tok_.has_cooked});
        if (at(Tok::NoSubstitutionTemplate) || at(Tok::TemplateTail)) {
            advance();
            break;
        }
        advance();
        scratch_.push_back(parse_expression());
        if (!at(Tok::RBrace)) unexpected();
        has_peek_ = false;
        lexer_.rescan_template_continuation(tok_);
    }
    in_ = saved_in;
    t->quasis = program_.arena.copy(quasis.data(), quasis.size());
    t->expressions = take_list<Node>(from);
    return finish(t);
}

// §13.2.7 RegularExpressionLiteral, with its early errors (§13.2.7.2).
Node* Parser::parse_regexp()
{
    has_peek_ = false;
    lexer_.rescan_regexp(tok_);
    auto* r = make<RegularExpressionLiteral>(NodeKind::RegularExpressionLiteral, mark());
    r->body = tok_.string;
    r->flags = tok_.raw;
    if (auto error = regexp::IsValidRegularExpressionLiteral(r->body, r->flags))
        fail("invalid regular expression: " + error->message, tok_.start);
    advance();
    return finish(r);
}

// SuperCall : super Arguments ;  SuperProperty : super [ Expression ] | super . IdentifierName
Node* Parser::parse_super()
{
    Mark start = mark();
    advance();
    if (at(Tok::LParen)) {
        auto* c = make<CallExpression>(NodeKind::SuperCall, start);
        c->arguments = parse_arguments();
        return finish(c);
    }
    auto* m = make<MemberExpression>(NodeKind::SuperProperty, start);
    if (eat(Tok::Dot)) {
        if (at(Tok::PrivateName)) fail_here("unexpected private name after super");
        m->property = parse_identifier_name();
    } else if (eat(Tok::LBracket)) {
        m->computed = true;
        bool saved_in = in_;
        in_ = true;
        m->property = parse_expression();
        in_ = saved_in;
        expect(Tok::RBracket);
    } else {
        fail("'super' must be followed by arguments, '.' or '['", start.offset);
    }
    return finish(m);
}

// ImportCall : import ( AssignmentExpression ,? ) | import ( AssignmentExpression , AssignmentExpression ,? )
// ImportMeta : import . meta
Node* Parser::parse_import_expression()
{
    Mark start = mark();
    advance();
    if (eat(Tok::Dot)) {
        if (!at_name(names_.meta)) unexpected();
        if (tok_.escaped) fail_here("keywords cannot contain escaped characters");
        if (options_.goal != Goal::Module) fail("import.meta is only valid in module code", start.offset);
        advance();
        return finish(make<Node>(NodeKind::ImportMeta, start));
    }
    if (!at(Tok::LParen)) unexpected();
    advance();
    bool saved_in = in_;
    in_ = true;
    auto* c = make<ImportCall>(NodeKind::ImportCall, start);
    c->specifier = parse_assignment();
    if (eat(Tok::Comma) && !at(Tok::RParen)) {
        c->options = parse_assignment();
        eat(Tok::Comma);
    }
    in_ = saved_in;
    expect(Tok::RParen);
    return finish(c);
}

// ---- refining cover grammars (§13.15.5.1, §15.3.1) ---------------------------------------------

bool Parser::is_simple_assignment_target(const Node* n) const
{
    switch (n->kind) {
    case NodeKind::IdentifierReference:
    case NodeKind::MemberExpression:
    case NodeKind::SuperProperty:
        return true;
    case NodeKind::ParenthesizedExpression:
        return is_simple_assignment_target(n->as<UnaryNode>()->operand);
    default:
        return false;
    }
}

bool Parser::is_simple_or_call_target(const Node* n) const
{
    while (n->kind == NodeKind::ParenthesizedExpression) n = n->as<UnaryNode>()->operand;
    return n->kind == NodeKind::CallExpression || is_simple_assignment_target(n);
}

PatternElement* Parser::to_assignment_element(Node* n)
{
    auto* e = make<PatternElement>(NodeKind::AssignmentElement, mark_of(n));
    if (n->kind == NodeKind::AssignmentExpression && n->as<AssignmentExpression>()->op == AssignmentOp::Assign) {
        auto* a = n->as<AssignmentExpression>();
        e->target = to_assignment_target(a->target);
        e->initializer = a->value;
    } else {
        e->target = to_assignment_target(n);
    }
    e->range.end = n->range.end;
    return e;
}

// An AssignmentPattern or a simple target from the expression already parsed
// (§13.15.1: LeftHandSideExpression = ... with ObjectLiteral/ArrayLiteral refined).
Node* Parser::to_assignment_target(Node* n)
{
    switch (n->kind) {
    case NodeKind::ObjectLiteral: {
        auto* o = n->as<ObjectLiteral>();
        auto* p = make<ObjectPattern>(NodeKind::ObjectAssignmentPattern, mark_of(n));
        p->range.end = n->range.end;
        size_t from = scratch_.size();
        for (size_t i = 0; i < o->properties.size(); ++i) {
            Node* prop = o->properties[i];
            if (prop->kind == NodeKind::SpreadElement) {
                if (i + 1 != o->properties.size() || o->trailing_comma)
                    fail("rest element must be last", prop->range.start);
                Node* target = prop->as<UnaryNode>()->operand;
                if (!is_simple_assignment_target(target)) fail("invalid rest element", target->range.start);
                p->rest = target;
                continue;
            }
            auto* def = prop->as<PropertyDefinition>();
            if (IsMethod(def->value)) fail("invalid destructuring target", def->range.start);
            auto* pp = make<PatternProperty>(NodeKind::AssignmentProperty, mark_of(def));
            pp->range.end = def->range.end;
            pp->key = def->key;
            pp->shorthand = def->shorthand;
            if (def->shorthand) {
                auto* e = make<PatternElement>(NodeKind::AssignmentElement, mark_of(def->value));
                e->target = def->value;
                e->initializer = def->cover_initializer;
                e->range.end = def->range.end;
                pp->value = e;
            } else {
                pp->value = to_assignment_element(def->value);
            }
            scratch_.push_back(pp);
        }
        p->properties = take_list<PatternProperty>(from);
        return p;
    }
    case NodeKind::ArrayLiteral: {
        auto* a = n->as<ArrayLiteral>();
        auto* p = make<ArrayPattern>(NodeKind::ArrayAssignmentPattern, mark_of(n));
        p->range.end = n->range.end;
        size_t from = scratch_.size();
        for (size_t i = 0; i < a->elements.size(); ++i) {
            Node* e = a->elements[i];
            if (e && e->kind == NodeKind::SpreadElement) {
                if (i + 1 != a->elements.size() || a->trailing_comma)
                    fail("rest element must be last", e->range.start);
                p->rest = to_assignment_target(e->as<UnaryNode>()->operand);
                continue;
            }
            scratch_.push_back(e ? to_assignment_element(e) : nullptr);
        }
        p->elements = take_list<PatternElement>(from);
        return p;
    }
    case NodeKind::ObjectAssignmentPattern:
    case NodeKind::ArrayAssignmentPattern:
        return n;
    default:
        // A parenthesized pattern is not a pattern: `({a}) = 1`, `[({a})] = 1`.
        if (is_simple_assignment_target(n)) return n;
        break;
    }
    fail("invalid assignment target", n->range.start);
}

PatternElement* Parser::to_binding_element(Node* n)
{
    if (n->kind == NodeKind::AssignmentElement || n->kind == NodeKind::BindingElement) {
        auto* e = n->as<PatternElement>();
        e->kind = NodeKind::BindingElement;
        e->target = to_binding_target(e->target);
        return e;
    }
    auto* e = make<PatternElement>(NodeKind::BindingElement, mark_of(n));
    e->range.end = n->range.end;
    if (n->kind == NodeKind::AssignmentExpression && n->as<AssignmentExpression>()->op == AssignmentOp::Assign) {
        auto* a = n->as<AssignmentExpression>();
        e->target = to_binding_target(a->target);
        e->initializer = a->value;
    } else {
        e->target = to_binding_target(n);
    }
    return e;
}

// A binding pattern or BindingIdentifier from an expression already parsed
// (arrow parameters of a cover grammar).
Node* Parser::to_binding_target(Node* n)
{
    switch (n->kind) {
    case NodeKind::IdentifierReference:
        n->kind = NodeKind::BindingIdentifier;
        return n;
    case NodeKind::BindingIdentifier:
        return n;
    case NodeKind::ObjectLiteral:
    case NodeKind::ArrayLiteral:
        return to_binding_target(to_assignment_target(n));
    case NodeKind::ObjectAssignmentPattern:
    case NodeKind::ObjectBindingPattern: {
        auto* p = n->as<ObjectPattern>();
        p->kind = NodeKind::ObjectBindingPattern;
        for (PatternProperty* prop : p->properties) {
            prop->kind = NodeKind::BindingProperty;
            to_binding_element(prop->value);
        }
        if (p->rest) {
            p->rest = to_binding_target(p->rest);
            if (p->rest->kind != NodeKind::BindingIdentifier) fail("invalid rest element", p->rest->range.start);
        }
        return p;
    }
    case NodeKind::ArrayAssignmentPattern:
    case NodeKind::ArrayBindingPattern: {
        auto* p = n->as<ArrayPattern>();
        p->kind = NodeKind::ArrayBindingPattern;
        for (PatternElement* e : p->elements)
            if (e) to_binding_element(e);
        if (p->rest) p->rest = to_binding_target(p->rest);
        return p;
    }
    default:
        fail("invalid binding target", n->range.start);
    }
}

}  // namespace lockstep::syntax
