// Helpers for the parser's unit tests.
#pragma once

#include "syntax/ast.h"
#include "syntax/ast_dump.h"
#include "syntax/parser.h"

#include <gtest/gtest.h>

#include <string>

namespace lockstep::syntax::testing {

inline ParseResult Parse(std::string_view source, Goal goal = Goal::Script, bool strict = false)
{
    ParseOptions options;
    options.goal = goal;
    options.strict = strict;
    return ParseProgram(source, options);
}

inline ParseResult ParseModule(std::string_view source) { return Parse(source, Goal::Module); }

// The parse tree dump without positions, for compact comparisons.
inline std::string Tree(std::string_view source, Goal goal = Goal::Script)
{
    ParseResult r = Parse(source, goal);
    if (r.error) return "SyntaxError: " + r.error->message;
    std::string dump = DumpAst(*r.program), out;
    for (size_t i = 0; i < dump.size(); ++i) {
        if (dump[i] == ' ' && i + 1 < dump.size() && dump[i + 1] == '@') {
            while (i < dump.size() && dump[i] != '\n') ++i;
        }
        if (i < dump.size()) out += dump[i];
    }
    return out;
}

// The first statement's expression of a one-statement script.
inline Node* FirstExpression(const ParseResult& r)
{
    return r.program->body[0]->as<ExpressionStatement>()->expression;
}

}  // namespace lockstep::syntax::testing

#define EXPECT_PARSES(...)                                                                 \
    do {                                                                                   \
        auto r_ = ::lockstep::syntax::testing::Parse(__VA_ARGS__);                         \
        EXPECT_FALSE(r_.error) << "source: " << std::string_view(std::get<0>(std::tuple(__VA_ARGS__))) \
                               << "\nerror: " << (r_.error ? r_.error->message : "");      \
    } while (0)

#define EXPECT_SYNTAX_ERROR(...)                                                           \
    do {                                                                                   \
        auto r_ = ::lockstep::syntax::testing::Parse(__VA_ARGS__);                         \
        EXPECT_TRUE(r_.error) << "source parsed but should not: "                          \
                              << std::string_view(std::get<0>(std::tuple(__VA_ARGS__)));  \
    } while (0)
