// ECMA-262 §16.1 ParseScript and §16.2.1.7.1 ParseModule (the syntactic
// part), the parser's token handling, and §12.10 automatic semicolon insertion.
#include "syntax/parser.h"

#include "syntax/early_errors.h"
#include "syntax/parser_internal.h"
#include "syntax/unicode.h"

#include <pthread.h>

namespace lockstep::syntax {

namespace {

// The lowest stack address the parser may use on this thread: the thread's
// stack bottom plus headroom for the early-error pass and the caller. Unknown
// (nullptr) when the current stack is not the thread's own (e.g. a fiber).
const char* ComputeStackLimit()
{
    constexpr size_t kHeadroom = 256 * 1024;
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return nullptr;
    void* base = nullptr;
    size_t size = 0;
    int rc = pthread_attr_getstack(&attr, &base, &size);
    pthread_attr_destroy(&attr);
    const char* low = static_cast<const char*>(base);
    const char* here = static_cast<const char*>(__builtin_frame_address(0));
    if (rc != 0 || here < low || here > low + size || size < 2 * kHeadroom) return nullptr;
    return low + kHeadroom;
}

// Cached per thread: pthread_getattr_np reads /proc/self/maps for the main thread.
const char* StackLimit()
{
    thread_local const char* limit = ComputeStackLimit();
    const char* here = static_cast<const char*>(__builtin_frame_address(0));
    return limit && here > limit ? limit : nullptr;
}

Name Intern(Program& p, std::string_view ascii)
{
    std::u16string s(ascii.begin(), ascii.end());
    return p.names.intern(s);
}

}  // namespace

Parser::Parser(std::string_view source, const ParseOptions& options, Program& program)
    : program_(program), lexer_(source, options.goal, program), options_(options)
{
    names_ = {Intern(program, "let"),  Intern(program, "static"), Intern(program, "yield"),
              Intern(program, "await"), Intern(program, "async"),  Intern(program, "of"),
              Intern(program, "get"),  Intern(program, "set"),    Intern(program, "target"),
              Intern(program, "meta"), Intern(program, "from"),   Intern(program, "as"),
              Intern(program, "constructor")};
    scratch_.reserve(256);
    stack_limit_ = StackLimit();
}

void Parser::advance()
{
    prev_end_ = tok_.end;
    if (has_peek_) {
        tok_ = peeked_;
        has_peek_ = false;
        lexer_.restore(after_peek_);
        return;
    }
    lexer_.next(tok_);
}

const Token& Parser::peek()
{
    if (!has_peek_) {
        Lexer::State here = lexer_.save();
        lexer_.next(peeked_);
        after_peek_ = lexer_.save();
        lexer_.restore(here);
        has_peek_ = true;
    }
    return peeked_;
}

void Parser::fail(const std::string& message, uint32_t offset)
{
    throw ParseFailure{message, offset};
}

void Parser::unexpected()
{
    if (at(Tok::EndOfSource)) fail_here("unexpected end of input");
    std::string text(program_.source.substr(tok_.start, std::min<uint32_t>(tok_.end - tok_.start, 40)));
    fail_here("unexpected token '" + text + "'");
}

void Parser::expect(Tok t)
{
    if (tok_.type != t) {
        if (at(Tok::EndOfSource)) fail_here(std::string("expected '") + TokText(t) + "' but found end of input");
        std::string text(program_.source.substr(tok_.start, std::min<uint32_t>(tok_.end - tok_.start, 40)));
        fail_here(std::string("expected '") + TokText(t) + "' but found '" + text + "'");
    }
    advance();
}

// §12.10.1 Rules of Automatic Semicolon Insertion: a missing `;` is inserted
// before `}`, at the end of the input, or before a token preceded by a LineTerminator.
void Parser::consume_semicolon()
{
    if (eat(Tok::Semicolon)) return;
    if (at(Tok::RBrace) || at(Tok::EndOfSource) || tok_.newline_before) return;
    unexpected();
}

// Script : ScriptBody?    Module : ModuleBody?
void Parser::parse_program()
{
    advance();
    if (options_.goal == Goal::Module) {
        program_.strict = true;
        await_ = true;   // top-level await: ModuleItemList[~Yield, +Await, ~Return]
        size_t from = scratch_.size();
        while (!at(Tok::EndOfSource)) {
            Node* item = parse_module_item();
            scratch_.push_back(item);
        }
        program_.body = take_list<Node>(from);
        return;
    }
    bool use_strict = false;
    program_.body = parse_statement_list(Tok::EndOfSource, true, &use_strict);
    program_.strict = options_.strict || use_strict;
}

// StatementList, with the Directive Prologue (§11.2.1) at its start when
// `directives` is set: *use_strict reports a Use Strict Directive.
NodeList Parser::parse_statement_list(Tok end, bool directives, bool* use_strict)
{
    size_t from = scratch_.size();
    bool prologue = directives;
    while (!at(end)) {
        if (at(Tok::EndOfSource)) unexpected();
        bool string_start = prologue && at(Tok::String);
        Token first = tok_;
        Node* item = parse_statement_list_item();
        if (prologue) {
            auto* es = item->kind == NodeKind::ExpressionStatement ? item->as<ExpressionStatement>() : nullptr;
            if (string_start && es && es->expression->kind == NodeKind::StringLiteral &&
                es->expression->range.start == first.start) {
                es->directive = true;
                // A Use Strict Directive is exactly "use strict" or 'use strict', no escapes.
                std::string_view text = program_.source_text(*es->expression);
                if (text == "\"use strict\"" || text == "'use strict'") *use_strict = true;
            } else {
                prologue = false;
            }
        }
        scratch_.push_back(item);
    }
    return take_list<Node>(from);
}

// ModuleItem : ImportDeclaration | ExportDeclaration | StatementListItem
Node* Parser::parse_module_item()
{
    if (at(Tok::KwImport)) {
        const Token& next = peek();
        // import( and import. start expressions.
        if (next.type != Tok::LParen && next.type != Tok::Dot) return parse_import_declaration();
    }
    if (at(Tok::KwExport)) return parse_export_declaration();
    return parse_statement_list_item();
}

// ModuleExportName : IdentifierName | StringLiteral
Node* Parser::parse_module_export_name()
{
    if (at(Tok::String)) {
        // It is a Syntax Error if IsStringWellFormedUnicode(SV of StringLiteral) is false.
        std::u16string_view s = tok_.string;
        for (size_t i = 0; i < s.size(); ++i) {
            char16_t c = s[i];
            if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
                ++i;
                continue;
            }
            if (c >= 0xD800 && c <= 0xDFFF) fail_here("module export name must be well-formed Unicode");
        }
        return parse_string_literal();
    }
    return parse_identifier_name();
}

// WithClause : with { WithEntries? }   (import attributes)
std::span<const ImportAttribute> Parser::parse_with_clause()
{
    if (!at(Tok::KwWith)) return {};
    advance();
    expect(Tok::LBrace);
    std::vector<ImportAttribute> attributes;
    while (!at(Tok::RBrace)) {
        Node* key = at(Tok::String) ? parse_string_literal() : parse_identifier_name();
        expect(Tok::Colon);
        if (!at(Tok::String)) fail_here("import attribute value must be a string");
        auto* value = parse_string_literal()->as<StringLiteral>();
        attributes.push_back({key, value});
        if (!at(Tok::RBrace)) expect(Tok::Comma);
    }
    expect(Tok::RBrace);
    return program_.arena.copy(attributes.data(), attributes.size());
}

// ImportDeclaration :
//   import ImportClause FromClause WithClause? ;
//   import ModuleSpecifier WithClause? ;
Node* Parser::parse_import_declaration()
{
    Mark start = mark();
    auto* decl = make<ImportDeclaration>(NodeKind::ImportDeclaration, start);
    advance();
    if (!at(Tok::String)) {
        // ImportClause : ImportedDefaultBinding | NameSpaceImport | NamedImports
        //              | ImportedDefaultBinding , NameSpaceImport | ImportedDefaultBinding , NamedImports
        bool need_more = true;
        if (at_identifier()) {
            decl->default_binding = parse_identifier(NodeKind::BindingIdentifier);
            need_more = eat(Tok::Comma);
        }
        if (need_more) {
            if (at(Tok::Star)) {
                advance();
                if (!at_contextual(names_.as)) fail_here("expected 'as'");
                advance();
                decl->namespace_binding = parse_identifier(NodeKind::BindingIdentifier);
            } else if (at(Tok::LBrace)) {
                advance();
                decl->has_named = true;
                size_t from = scratch_.size();
                while (!at(Tok::RBrace)) {
                    // ImportSpecifier : ImportedBinding | ModuleExportName as ImportedBinding
                    Mark sm = mark();
                    auto* spec = make<ModuleSpecifier>(NodeKind::ImportSpecifier, sm);
                    bool plain_identifier = tok_.type == Tok::Identifier;
                    Token name_token = tok_;
                    spec->imported = parse_module_export_name();
                    if (at_contextual(names_.as)) {
                        advance();
                        spec->local = parse_identifier(NodeKind::BindingIdentifier);
                    } else {
                        if (!plain_identifier) fail("expected 'as' after import name", name_token.start);
                        check_identifier(name_token);
                        auto* local = make<Identifier>(NodeKind::BindingIdentifier, sm);
                        local->name = name_token.name;
                        local->escaped = name_token.escaped;
                        spec->local = finish(local);
                    }
                    scratch_.push_back(finish(spec));
                    if (!at(Tok::RBrace)) expect(Tok::Comma);
                }
                decl->named = take_list<ModuleSpecifier>(from);
                advance();
            } else {
                unexpected();
            }
        }
        if (!at_contextual(names_.from)) fail_here("expected 'from'");
        advance();
    }
    if (!at(Tok::String)) fail_here("expected a module specifier string");
    decl->module_specifier = parse_string_literal()->as<StringLiteral>();
    decl->attributes = parse_with_clause();
    consume_semicolon();
    return finish(decl);
}

// ExportDeclaration (§16.2.3)
Node* Parser::parse_export_declaration()
{
    using Form = ExportDeclaration::Form;
    Mark start = mark();
    auto* decl = make<ExportDeclaration>(NodeKind::ExportDeclaration, start);
    advance();
    if (at(Tok::Star)) {
        // export ExportFromClause FromClause WithClause? ;
        advance();
        decl->form = Form::ExportAllFrom;
        if (at_contextual(names_.as)) {
            advance();
            decl->form = Form::ExportNamespaceFrom;
            decl->namespace_name = parse_module_export_name();
        }
        if (!at_contextual(names_.from)) fail_here("expected 'from'");
        advance();
        if (!at(Tok::String)) fail_here("expected a module specifier string");
        decl->module_specifier = parse_string_literal()->as<StringLiteral>();
        decl->attributes = parse_with_clause();
        consume_semicolon();
        return finish(decl);
    }
    if (at(Tok::LBrace)) {
        // export NamedExports ; | export NamedExports FromClause WithClause? ;
        advance();
        size_t from = scratch_.size();
        uint32_t first_reserved = UINT32_MAX;   // a ReservedWord or string as a local name
        while (!at(Tok::RBrace)) {
            Mark sm = mark();
            auto* spec = make<ModuleSpecifier>(NodeKind::ExportSpecifier, sm);
            if (first_reserved == UINT32_MAX &&
                (at(Tok::String) || IsKeyword(tok_.type) || tok_.reserved_escaped))
                first_reserved = tok_.start;
            spec->local = parse_module_export_name();
            if (at_contextual(names_.as)) {
                advance();
                spec->exported = parse_module_export_name();
            } else {
                spec->exported = spec->local;
            }
            scratch_.push_back(finish(spec));
            if (!at(Tok::RBrace)) expect(Tok::Comma);
        }
        decl->specifiers = take_list<ModuleSpecifier>(from);
        advance();
        if (at_contextual(names_.from)) {
            advance();
            decl->form = Form::ExportNamedFrom;
            if (!at(Tok::String)) fail_here("expected a module specifier string");
            decl->module_specifier = parse_string_literal()->as<StringLiteral>();
            decl->attributes = parse_with_clause();
        } else {
            decl->form = Form::ExportNamed;
            // ReferencedBindings of NamedExports must be IdentifierReferences.
            if (first_reserved != UINT32_MAX) fail("exported local name must be an identifier", first_reserved);
            for (ModuleSpecifier* s : decl->specifiers) {
                auto* id = s->local->as<Identifier>();
                Token t;
                t.type = Tok::Identifier;
                t.name = id->name;
                t.escaped = id->escaped;
                t.start = id->range.start;
                check_identifier(t);
                id->kind = NodeKind::IdentifierReference;
            }
        }
        consume_semicolon();
        return finish(decl);
    }
    if (at(Tok::KwDefault)) {
        advance();
        Mark dm = mark();
        if (at(Tok::KwFunction)) {
            decl->form = Form::ExportDefaultHoistable;
            decl->declaration = parse_function(NodeKind::FunctionDeclaration, dm, false, true);
        } else if (at_async_function()) {
            decl->form = Form::ExportDefaultHoistable;
            advance();
            decl->declaration = parse_function(NodeKind::FunctionDeclaration, dm, true, true);
        } else if (at(Tok::KwClass)) {
            decl->form = Form::ExportDefaultClass;
            decl->declaration = parse_class(NodeKind::ClassDeclaration, true);
        } else {
            decl->form = Form::ExportDefaultExpression;
            decl->declaration = parse_assignment();
            consume_semicolon();
        }
        return finish(decl);
    }
    if (at(Tok::KwVar)) {
        decl->form = Form::ExportVariable;
        decl->declaration = parse_statement();
        return finish(decl);
    }
    // export Declaration
    if (at(Tok::KwFunction) || at(Tok::KwClass) || at(Tok::KwConst) || at_let_declaration() || at_async_function()) {
        decl->form = Form::ExportDeclaration;
        decl->declaration = parse_statement_list_item();
        return finish(decl);
    }
    unexpected();
}

ParseResult ParseProgram(std::string_view utf8_source, const ParseOptions& options)
{
    ParseResult result;
    if (auto bad = unicode::FindInvalidUtf8(utf8_source, options.surrogates)) {
        result.error = SyntaxError{"source text is not valid UTF-8",
                                   PositionAt(utf8_source, static_cast<uint32_t>(*bad))};
        return result;
    }
    if (utf8_source.size() >= UINT32_MAX) {
        result.error = SyntaxError{"source text is too large", {}};
        return result;
    }
    auto program = std::make_unique<Program>();
    program->goal = options.goal;
    program->source.assign(utf8_source);
    std::optional<ParseFailure> failure;
    try {
        Parser parser(program->source, options, *program);
        parser.parse_program();
    } catch (const ParseFailure& f) {
        failure = f;
    } catch (const LexError& e) {
        failure = ParseFailure{e.message, e.offset};
    }
    if (!failure) failure = CheckEarlyErrors(*program, options);
    if (failure) {
        result.error = SyntaxError{failure->message, PositionAt(program->source, failure->offset)};
        return result;
    }
    result.program = std::move(program);
    return result;
}

}  // namespace lockstep::syntax
