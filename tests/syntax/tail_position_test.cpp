// §15.10 IsInTailPosition: which calls the parser marks as tail calls.
#include "syntax/ast_children.h"
#include "tests/syntax/syntax_test_util.h"

namespace lockstep::syntax::testing {
namespace {

// The source text of every call marked as being in tail position.
std::vector<std::string> TailCalls(std::string_view source)
{
    ParseResult r = Parse(source);
    EXPECT_FALSE(r.error) << r.error->message;
    std::vector<std::string> calls;
    if (r.error) return calls;
    auto text = [&](const Node* n) { return std::string(source.substr(n->range.start, n->range.end - n->range.start)); };
    auto visit = [&](auto& self, Node* n) -> void {
        bool tail = (n->kind == NodeKind::CallExpression && n->as<CallExpression>()->tail_position) ||
                    (n->kind == NodeKind::TaggedTemplate && n->as<TaggedTemplate>()->tail_position) ||
                    (n->kind == NodeKind::OptionalChain && n->as<OptionalChain>()->tail_position);
        if (tail) calls.push_back(text(n));
        ForEachChild(n, [&](Node* c) { self(self, c); });
    };
    for (Node* statement : r.program->body) visit(visit, statement);
    return calls;
}

using Calls = std::vector<std::string>;

TEST(TailPosition, ReturnedCallsOfStrictFunctions)
{
    EXPECT_EQ(TailCalls("'use strict'; function f() { return g() }"), Calls{"g()"});
    EXPECT_EQ(TailCalls("function f() { 'use strict'; return a ? g() : (h(), k()) }"), (Calls{"g()", "k()"}));
    EXPECT_EQ(TailCalls("'use strict'; var f = () => (a && b || c) ?? g(x(y))"), Calls{"g(x(y))"});
    EXPECT_EQ(TailCalls("'use strict'; function f() { return t`x` }"), Calls{"t`x`"});
    EXPECT_EQ(TailCalls("'use strict'; function f() { return a?.b.c() }"), Calls{"?.b.c()"});
    EXPECT_EQ(TailCalls("'use strict'; function f() { if (a) { while (b) return g() } else L: return h() }"),
              (Calls{"g()", "h()"}));
    EXPECT_EQ(TailCalls("'use strict'; function f() { switch (a) { case 1: return g(); default: return h() } }"),
              (Calls{"g()", "h()"}));
    EXPECT_EQ(TailCalls("'use strict'; function f() { try { return a() } catch { return b() } }"), Calls{"b()"});
    EXPECT_EQ(TailCalls("'use strict'; function f() { try { return a() } catch { return b() } finally { return c() } }"),
              Calls{"c()"});
    EXPECT_EQ(TailCalls("'use strict'; class C { m() { return g() } static { (() => h())() } }"),
              (Calls{"g()", "h()"}));
}

TEST(TailPosition, CallsThatAreNot)
{
    EXPECT_EQ(TailCalls("function f() { return g() }"), Calls{});                    // sloppy
    EXPECT_EQ(TailCalls("'use strict'; return_: g(); function f() { g() }"), Calls{});  // not returned
    EXPECT_EQ(TailCalls("'use strict'; function f() { return g() + 1 }"), Calls{});
    EXPECT_EQ(TailCalls("'use strict'; function f() { return new G() }"), Calls{});
    EXPECT_EQ(TailCalls("'use strict'; function f() { for (x of y) return g() }"), Calls{});
    EXPECT_EQ(TailCalls("'use strict'; function* f() { return g() }"), Calls{});
    EXPECT_EQ(TailCalls("'use strict'; async function f() { return g() }"), Calls{});
    EXPECT_EQ(TailCalls("'use strict'; var f = async () => g()"), Calls{});
    EXPECT_EQ(TailCalls("'use strict'; class C extends B { constructor() { return super() } }"), Calls{});
    EXPECT_EQ(TailCalls("'use strict'; class C { x = g(); static { g() } }"), Calls{});
}

}  // namespace
}  // namespace lockstep::syntax::testing
