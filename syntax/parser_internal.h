// The recursive-descent parser shared by syntax/parse_*.cpp (one file per
// spec clause: §13 expressions, §14 statements, §15 functions and classes,
// §16 scripts and modules).
//
// The grammar parameters [Yield], [Await], [In], [Return] are parser state.
// Cover grammars are refined by reinterpreting the node already built
// (CoverParenthesizedExpressionAndArrowParameterList → ArrowParameters,
// ObjectLiteral/ArrayLiteral → assignment or binding patterns), never by
// parsing the text again. The first SyntaxError ends the parse: it unwinds
// the recursion as a C++ exception inside the parser and comes out of
// ParseProgram as a value.
#pragma once

#include "syntax/ast.h"
#include "syntax/lexer.h"
#include "syntax/parser.h"

#include <string>
#include <vector>

namespace lockstep::syntax {

struct ParseFailure {
    std::string message;
    uint32_t offset;
};

// Where a node starts (copied from its first token).
struct Mark {
    uint32_t offset, line, column;
};

// What a cover grammar production saw that is only an error if it is not
// reinterpreted as a pattern (acorn calls this DestructuringErrors).
struct CoverInfo {
    static constexpr uint32_t kNone = UINT32_MAX;
    uint32_t cover_initialized_name = kNone;   // `{ a = 1 }` in an ObjectLiteral
};

// Names the parser compares against (interned, so pointer-equal).
struct WellKnownNames {
    Name let, static_, yield, await, async, of, get, set, target, meta, from, as, constructor;
};

class Parser {
public:
    Parser(std::string_view source, const ParseOptions& options, Program& program);
    void parse_program();

    // Nesting deeper than this is a SyntaxError (never a native stack overflow).
    static constexpr int kMaxDepth = 1500;

    // ---- tokens (syntax/parser.cpp) ----
    void advance();
    const Token& peek();
    bool at(Tok t) const { return tok_.type == t; }
    bool eat(Tok t)
    {
        if (tok_.type != t) return false;
        advance();
        return true;
    }
    void expect(Tok t);
    bool at_name(Name n) const { return tok_.type == Tok::Identifier && tok_.name.data() == n.data(); }
    bool at_contextual(Name n) const { return at_name(n) && !tok_.escaped; }
    void consume_semicolon();   // §12.10 automatic semicolon insertion
    [[noreturn]] void fail(const std::string& message, uint32_t offset);
    [[noreturn]] void fail_here(const std::string& message) { fail(message, tok_.start); }
    [[noreturn]] void unexpected();
    Mark mark() const { return {tok_.start, tok_.line, tok_.column}; }
    static Mark mark_of(const Node* n) { return {n->range.start, n->range.line, n->range.column}; }

    template <typename T>
    T* make(NodeKind kind, const Mark& m)
    {
        T* n = program_.arena.make<T>(kind);
        n->range.start = m.offset;
        n->range.line = m.line;
        n->range.column = m.column;
        n->range.end = m.offset;
        return n;
    }
    template <typename T>
    T* finish(T* n)
    {
        n->range.end = prev_end_;
        return n;
    }

    // Lists are collected on a shared scratch stack and copied to the arena.
    template <typename T>
    List<T> take_list(size_t from)
    {
        auto sp = program_.arena.copy(reinterpret_cast<T* const*>(scratch_.data() + from), scratch_.size() - from);
        scratch_.resize(from);
        return {sp.data(), sp.size()};
    }

    // Nesting is bounded by kMaxDepth and by the native stack left to this
    // thread (when it can be known), whichever comes first.
    struct DepthGuard {
        Parser& p;
        explicit DepthGuard(Parser& parser) : p(parser)
        {
            if (++p.depth_ > kMaxDepth ||
                static_cast<const char*>(__builtin_frame_address(0)) < p.stack_limit_) [[unlikely]]
                p.fail_here("too deeply nested");
        }
        ~DepthGuard() { --p.depth_; }
    };

    // ---- identifiers (§13.1, syntax/parse_expressions.cpp) ----
    void check_identifier(const Token& t);   // the [Yield]/[Await]/reserved-word rules
    Identifier* parse_identifier(NodeKind kind);
    Identifier* parse_identifier_name();      // IdentifierName (keywords allowed)
    bool at_identifier() const;               // tok_ can be an identifier here (maybe an invalid one)

    // ---- §13 expressions ----
    Node* parse_expression(CoverInfo* cover = nullptr);
    Node* parse_assignment(CoverInfo* cover = nullptr);
    Node* parse_yield();
    Node* parse_conditional(CoverInfo* cover);
    Node* parse_binary(int min_precedence, CoverInfo* cover);
    Node* parse_unary(CoverInfo* cover);
    Node* parse_update(CoverInfo* cover);
    Node* parse_left_hand_side(CoverInfo* cover);
    Node* parse_new_or_primary(CoverInfo* cover);
    Node* parse_suffixes(Node* expr, bool allow_call);
    OptionalChain* parse_optional_chain();
    NodeList parse_arguments(CoverInfo* cover = nullptr, bool* trailing_comma = nullptr);
    Node* parse_primary(CoverInfo* cover);
    Node* parse_parenthesized_or_arrow(CoverInfo* cover);
    Node* parse_async_primary(CoverInfo* cover);
    Node* parse_array_literal(CoverInfo* cover);
    Node* parse_object_literal(CoverInfo* cover);
    Node* parse_property_definition(CoverInfo* cover);
    Node* parse_property_name(bool allow_private);
    TemplateLiteral* parse_template(bool tagged);
    Node* parse_regexp();
    Node* parse_super();
    Node* parse_import_expression();
    Node* parse_string_literal();
    // Refining cover grammars.
    Node* to_assignment_target(Node* n);
    Node* to_binding_target(Node* n);
    PatternElement* to_assignment_element(Node* n);
    PatternElement* to_binding_element(Node* n);
    bool is_simple_assignment_target(const Node* n) const;
    // Also a CallExpression: B.3.7 (web compatibility) lets non-strict code
    // use one as the target of =, compound assignment, ++/-- and for-in/of
    // (a ReferenceError at run time); early_errors.cpp rejects it in strict code.
    bool is_simple_or_call_target(const Node* n) const;
    void check_cover(const CoverInfo& c);

    // ---- §14 statements ----
    NodeList parse_statement_list(Tok end, bool directives, bool* use_strict);
    Node* parse_statement_list_item();
    Node* parse_statement();
    Node* parse_substatement(bool if_clause);   // Statement position of if/while/…/labelled
    BlockStatement* parse_block();
    VariableDeclarationList* parse_variable_declarations(DeclarationKind kind, const Mark& start, bool for_head);
    Node* parse_binding_target();
    PatternElement* parse_binding_element();
    Node* parse_object_binding_pattern();
    Node* parse_array_binding_pattern();
    Node* parse_if();
    Node* parse_for();
    Node* parse_while();
    Node* parse_do_while();
    Node* parse_jump(NodeKind kind);
    Node* parse_return();
    Node* parse_with();
    Node* parse_switch();
    Node* parse_throw();
    Node* parse_try();
    Node* parse_expression_or_labelled();
    bool at_let_declaration();
    bool at_async_function();

    // ---- §15 functions and classes ----
    FunctionNode* parse_function(NodeKind declaration_or_expression, const Mark& start, bool is_async,
                                 bool name_optional);
    void parse_formal_parameters(FunctionNode* f);
    void parse_function_body(FunctionNode* f);
    void finish_parameters(FunctionNode* f);
    FunctionNode* parse_method(NodeKind kind, const Mark& start);
    Node* parse_arrow_function(const Mark& start, List<PatternElement> params, Node* rest, bool is_async,
                               const SourceRange& params_range);
    Node* arrow_from_cover(const Mark& start, NodeList items, Node* rest, bool is_async, uint32_t cover_start,
                           const SourceRange& params_range);
    ClassNode* parse_class(NodeKind kind, bool name_optional);
    ClassElement* parse_class_element(bool derived);

    // ---- §16 scripts and modules ----
    Node* parse_module_item();
    Node* parse_import_declaration();
    Node* parse_export_declaration();
    Node* parse_module_export_name();
    std::span<const ImportAttribute> parse_with_clause();

    // ---- state ----
    Program& program_;
    Lexer lexer_;
    Token tok_;
    Token peeked_;
    bool has_peek_ = false;
    Lexer::State after_peek_{};
    uint32_t prev_end_ = 0;
    std::vector<Node*> scratch_;
    WellKnownNames names_;
    ParseOptions options_;

    int depth_ = 0;
    const char* stack_limit_ = nullptr;   // lowest safe stack address, or nullptr if unknown
    bool yield_ = false;        // [Yield]
    bool await_ = false;        // [Await]
    bool return_ = false;       // [Return]
    bool in_ = true;            // [In]
    bool in_parameters_ = false;       // parsing FormalParameters of the innermost function
    bool in_field_initializer_ = false;
    bool in_static_block_ = false;
    // One past the offset of the last YieldExpression / AwaitExpression / `await`
    // identifier parsed in the current function, 0 if none (arrow parameters
    // must not contain them).
    uint32_t last_yield_ = 0, last_await_ = 0, last_await_identifier_ = 0;
};

}  // namespace lockstep::syntax
