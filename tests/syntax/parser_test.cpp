// The grammar (§13–§16): the shape of the parse tree for each production family.
#include "syntax_test_util.h"

namespace lockstep::syntax::testing {
namespace {

TEST(Expressions, PrecedenceAndAssociativity)
{
    EXPECT_EQ(Tree("a + b * c ** d ** e"),
              "Script\n  ExpressionStatement\n    BinaryExpression +\n      IdentifierReference a\n"
              "      BinaryExpression *\n        IdentifierReference b\n        BinaryExpression **\n"
              "          IdentifierReference c\n          BinaryExpression **\n            IdentifierReference d\n"
              "            IdentifierReference e\n");
    EXPECT_SYNTAX_ERROR("-a ** b");
    EXPECT_PARSES("(-a) ** b");
    EXPECT_SYNTAX_ERROR("a ?? b || c");
    EXPECT_SYNTAX_ERROR("a && b ?? c");
    EXPECT_PARSES("(a ?? b) || c");
    EXPECT_PARSES("a ?? (b && c)");
}

TEST(Expressions, ArrowFunctionsFromTheCoverGrammar)
{
    ParseResult r = Parse("(a, [b], {c = 1}, ...d) => a");
    ASSERT_FALSE(r.error);
    auto* f = FirstExpression(r)->as<FunctionNode>();
    EXPECT_EQ(f->kind, NodeKind::ArrowFunction);
    ASSERT_EQ(f->parameters.size(), 3u);
    EXPECT_EQ(f->parameters[1]->target->kind, NodeKind::ArrayBindingPattern);
    EXPECT_EQ(f->parameters[2]->target->kind, NodeKind::ObjectBindingPattern);
    EXPECT_FALSE(f->simple_parameter_list);
    EXPECT_EQ(r.program->source.substr(f->parameters_range.start, f->parameters_range.end - f->parameters_range.start),
              "a, [b], {c = 1}, ...d");
    EXPECT_SYNTAX_ERROR("(a, b) \n => a");
    EXPECT_SYNTAX_ERROR("(a.b) => 1");
    EXPECT_SYNTAX_ERROR("((a)) => 1");
    EXPECT_SYNTAX_ERROR("(...a,) => 1");
    EXPECT_SYNTAX_ERROR("() => {} + 1");
    EXPECT_PARSES("() => {}\n+1");
    EXPECT_SYNTAX_ERROR("(a,)");
    EXPECT_SYNTAX_ERROR("()");
}

TEST(Expressions, AsyncArrowsAndCalls)
{
    EXPECT_EQ(FirstExpression(Parse("async (a) => a"))->kind, NodeKind::AsyncArrowFunction);
    EXPECT_EQ(FirstExpression(Parse("async x => x"))->kind, NodeKind::AsyncArrowFunction);
    EXPECT_EQ(FirstExpression(Parse("async (a)"))->kind, NodeKind::CallExpression);
    EXPECT_EQ(FirstExpression(Parse("async => async"))->kind, NodeKind::ArrowFunction);
    EXPECT_SYNTAX_ERROR("async (await) => 1");
    EXPECT_SYNTAX_ERROR("async\n(a) => a");
    EXPECT_SYNTAX_ERROR("async (x = await 1) => x");
}

TEST(Expressions, DestructuringAssignment)
{
    ParseResult r = Parse("[a, , b = 1, ...c.d] = e");
    ASSERT_FALSE(r.error);
    auto* assign = FirstExpression(r)->as<AssignmentExpression>();
    auto* pattern = assign->target->as<ArrayPattern>();
    EXPECT_EQ(pattern->kind, NodeKind::ArrayAssignmentPattern);
    EXPECT_EQ(pattern->elements.size(), 3u);
    EXPECT_EQ(pattern->elements[1], nullptr);
    EXPECT_EQ(pattern->rest->kind, NodeKind::MemberExpression);
    EXPECT_PARSES("({ a, b: [c], d = 1, ...e } = f)");
    EXPECT_PARSES("[(a)] = b");
    EXPECT_SYNTAX_ERROR("({a}) = 1");
    EXPECT_SYNTAX_ERROR("[...a,] = b");
    EXPECT_SYNTAX_ERROR("({...{a}} = b)");
    EXPECT_SYNTAX_ERROR("({a = 1})");   // CoverInitializedName outside a pattern
    EXPECT_PARSES("({a = 1} = {})");
    EXPECT_SYNTAX_ERROR("({ m() {} } = x)");
}

TEST(Expressions, OptionalChaining)
{
    ParseResult r = Parse("a?.b.c?.[d]?.(e)");
    ASSERT_FALSE(r.error);
    auto* outer = FirstExpression(r)->as<OptionalExpression>();
    EXPECT_EQ(outer->chain->link, OptionalChain::Link::Arguments);
    EXPECT_EQ(outer->object->kind, NodeKind::OptionalExpression);
    EXPECT_SYNTAX_ERROR("a?.b`c`");
    EXPECT_SYNTAX_ERROR("new a?.b()");
    EXPECT_SYNTAX_ERROR("a?.b = 1");
    EXPECT_PARSES("a?.5:1");   // ?. followed by a digit is ? .5
}

TEST(Expressions, NewSuperImportMeta)
{
    EXPECT_EQ(FirstExpression(Parse("new new C()()"))->kind, NodeKind::NewExpression);
    EXPECT_PARSES("function f() { new.target }");
    EXPECT_SYNTAX_ERROR("new.target");
    EXPECT_PARSES("import.meta", Goal::Module);
    EXPECT_SYNTAX_ERROR("import.meta");
    EXPECT_PARSES("import('x', { with: { type: 'json' } })");
    EXPECT_SYNTAX_ERROR("new import('x')");
}

TEST(Statements, AutomaticSemicolonInsertion)
{
    EXPECT_PARSES("a\nb");
    EXPECT_SYNTAX_ERROR("a b");
    EXPECT_PARSES("do x; while (0) y");   // a `;` is inserted after do-while
    EXPECT_SYNTAX_ERROR("for (a\n b\n c) ;");  // never inside a for head
    ParseResult r = Parse("function f() { return\n1 }");
    ASSERT_FALSE(r.error);
    auto* ret = r.program->body[0]->as<FunctionNode>()->body[0]->as<ArgumentStatement>();
    EXPECT_EQ(ret->argument, nullptr);
    EXPECT_SYNTAX_ERROR("throw\n1");
    r = Parse("a\n++b");
    ASSERT_FALSE(r.error);
    EXPECT_EQ(r.program->body.size(), 2u);
}

TEST(Statements, ForInOfHeads)
{
    EXPECT_EQ(Parse("for (let [a] of b);").program->body[0]->kind, NodeKind::ForOfStatement);
    EXPECT_PARSES("for (let in x);");
    EXPECT_SYNTAX_ERROR("for (let of x);");
    EXPECT_SYNTAX_ERROR("for (async of x);");
    EXPECT_PARSES("for (async of => {};;) break;");
    EXPECT_PARSES("async function f() { for await (async of x); }");
    EXPECT_PARSES("for (var a = 1 in b);");
    EXPECT_SYNTAX_ERROR("for (var a = 1 in b);", Goal::Script, true);
    EXPECT_SYNTAX_ERROR("for (let a = 1 of b);");
    EXPECT_SYNTAX_ERROR("for (x of a, b);");
    EXPECT_PARSES("for (x in a, b);");
    EXPECT_SYNTAX_ERROR("for (const x;;);");
}

TEST(Statements, LetAsIdentifier)
{
    EXPECT_PARSES("let = 1; let; var let;");
    EXPECT_SYNTAX_ERROR("let = 1", Goal::Script, true);
    EXPECT_SYNTAX_ERROR("if (1) let [a] = b;");
    EXPECT_PARSES("if (1) let\n{}");
    EXPECT_SYNTAX_ERROR("let let = 1");
}

TEST(Statements, DirectivePrologue)
{
    ParseResult r = Parse("'use strict'; function f(a) {}");
    ASSERT_FALSE(r.error);
    EXPECT_TRUE(r.program->strict);
    EXPECT_TRUE(r.program->body[1]->as<FunctionNode>()->strict);
    EXPECT_FALSE(Parse("('use strict'); with (a) {}").error);
    EXPECT_FALSE(Parse("'use\\x20strict'; with (a) {}").error);
    EXPECT_SYNTAX_ERROR("function f(a = 1) { 'use strict'; }");
    EXPECT_SYNTAX_ERROR("function eval() { 'use strict'; }");
    EXPECT_SYNTAX_ERROR("function f(yield) { 'use strict'; }");
}

TEST(Classes, Elements)
{
    ParseResult r = Parse("class C extends B { static x = 1; #y; get #z() {} set #z(v) {} static { this.#y; } constructor() { super(); } }");
    ASSERT_FALSE(r.error) << r.error->message;
    auto* c = r.program->body[0]->as<ClassNode>();
    EXPECT_EQ(c->elements.size(), 6u);
    ASSERT_NE(c->constructor, nullptr);
    EXPECT_TRUE(c->constructor->is_derived_constructor);
    EXPECT_EQ(c->elements[4]->element_kind, ClassElement::Kind::StaticBlock);
    EXPECT_PARSES("class C { get\n*x() {} }");       // a field named get, then a generator
    EXPECT_PARSES("class C { static async *m() {} 'constructor'() {} }");
    EXPECT_PARSES("class C { #x; m(o) { return #x in o; } }");
    EXPECT_SYNTAX_ERROR("class C { #x; m() { #x + 1; } }");
}

TEST(Modules, ImportsAndExports)
{
    EXPECT_PARSES("import d, * as ns from 'm'; import { a as b, 'c d' as e } from 'm' with { type: 'json' };"
                  "export * as f from 'm'; export { b as 'g h', e }; export default class {}",
                  Goal::Module);
    EXPECT_PARSES("await 1;", Goal::Module);
    EXPECT_SYNTAX_ERROR("import x from 'm';");
    EXPECT_SYNTAX_ERROR("{ import x from 'm'; }", Goal::Module);
    EXPECT_SYNTAX_ERROR("export { 'a' };", Goal::Module);
    EXPECT_SYNTAX_ERROR("export { default };", Goal::Module);
    EXPECT_PARSES("export { default } from 'm';", Goal::Module);
    EXPECT_SYNTAX_ERROR("import { 'a' } from 'm';", Goal::Module);
    EXPECT_SYNTAX_ERROR("import x from 'm' with { type: 'json', type: 'json' };", Goal::Module);
}

TEST(SourceText, RangesCoverTheProduction)
{
    ParseResult r = Parse("x = function  f ( a ) { return a }  ;");
    ASSERT_FALSE(r.error);
    Node* f = FirstExpression(r)->as<AssignmentExpression>()->value;
    EXPECT_EQ(r.program->source_text(*f), "function  f ( a ) { return a }");
    // A class method's source text is its MethodDefinition, without `static`.
    r = Parse("class C { static async m() {} }");
    ASSERT_FALSE(r.error);
    auto* m = r.program->body[0]->as<ClassNode>()->elements[0]->function;
    EXPECT_EQ(r.program->source_text(*m), "async m() {}");
}

}  // namespace
}  // namespace lockstep::syntax::testing
