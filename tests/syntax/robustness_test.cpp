// Bad input gets a clean SyntaxError with a position, never a crash.
#include "syntax_test_util.h"

#include <pthread.h>

namespace lockstep::syntax::testing {
namespace {

void ExpectErrorAt(std::string_view source, uint32_t line, uint32_t column, std::string_view message_part)
{
    ParseResult r = Parse(source);
    ASSERT_TRUE(r.error) << source;
    EXPECT_EQ(r.error->position.line, line) << r.error->message;
    EXPECT_EQ(r.error->position.column, column) << r.error->message;
    EXPECT_NE(r.error->message.find(message_part), std::string::npos) << r.error->message;
}

TEST(Robustness, InvalidUtf8)
{
    ExpectErrorAt("var x = 1;\nvar \xFF = 2;", 2, 5, "UTF-8");
    ExpectErrorAt("'\xC0\x80'", 1, 2, "UTF-8");          // overlong
    ExpectErrorAt("'\xED\xA0\x80'", 1, 2, "UTF-8");      // surrogate
    ExpectErrorAt("'\xE2\x82'", 1, 2, "UTF-8");          // truncated
}

TEST(Robustness, UnterminatedLiterals)
{
    ExpectErrorAt("var x = 1;\nvar y = `abc", 2, 9, "unterminated template");
    ExpectErrorAt("x = `a${b", 1, 10, "");
    ExpectErrorAt("var s = 'abc\n'", 1, 9, "unterminated string");
    ExpectErrorAt("a;\n  /* abc", 2, 3, "unterminated comment");
    ExpectErrorAt("x = /abc\n/", 1, 5, "unterminated regular expression");
}

TEST(Robustness, OneMegabyteLine)
{
    std::string source = "var s = '" + std::string(1 << 20, 'a') + "'; var t = " + std::string(1 << 20, '1') + ";";
    EXPECT_PARSES(source);
    ExpectErrorAt(std::string(1 << 20, ' ') + "@", 1, (1u << 20) + 1, "");
}

std::string Repeat(std::string_view s, int n)
{
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

TEST(Robustness, DeepNestingIsASyntaxError)
{
    const int n = 100000;
    const std::string cases[] = {
        Repeat("(", n) + "1" + Repeat(")", n),
        Repeat("[", n) + Repeat("]", n),
        Repeat("{", n) + Repeat("}", n),
        Repeat("!", n) + "1",
        Repeat("-", n) + "1",
        "1" + Repeat("+1", n),
        "a" + Repeat(".b", n),
        "a" + Repeat("()", n),
        Repeat("a=>", n) + "1",
        Repeat("({a:", n) + "1" + Repeat("})", n),
        Repeat("`${", n) + Repeat("}`", n),
        Repeat("function f(){", n) + Repeat("}", n),
        Repeat("if(1)", n) + ";",
        "var " + Repeat("[", n) + "a" + Repeat("]", n) + " = 1",
    };
    for (const std::string& source : cases) {
        ParseResult r = Parse(source);
        ASSERT_TRUE(r.error) << source.substr(0, 20);
        EXPECT_EQ(r.error->message, "too deeply nested") << source.substr(0, 20);
    }
}

TEST(Robustness, ModerateNestingParses)
{
    EXPECT_PARSES(Repeat("(", 300) + "1" + Repeat(")", 300));
    EXPECT_PARSES(Repeat("{", 500) + Repeat("}", 500));
    EXPECT_PARSES("1" + Repeat("+1", 1000));
}

// On a thread with a small stack the limit comes from the stack itself.
TEST(Robustness, SmallThreadStack)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 512 * 1024);
    struct Result {
        bool error = false;
        std::string message;
    } result;
    pthread_t thread;
    auto body = [](void* arg) -> void* {
        auto* out = static_cast<Result*>(arg);
        std::string source = std::string(100000, '(') + "1" + std::string(100000, ')');
        ParseResult r = Parse(source);
        out->error = r.error.has_value();
        if (r.error) out->message = r.error->message;
        return nullptr;
    };
    ASSERT_EQ(pthread_create(&thread, &attr, body, &result), 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
    EXPECT_TRUE(result.error);
    EXPECT_EQ(result.message, "too deeply nested");
}

TEST(Robustness, ArbitraryBytesNeverCrash)
{
    // A fixed pseudo-random sequence of ASCII punctuation-heavy inputs.
    const char alphabet[] = "(){}[]<>=!+-*/%&|^~?:;,.'\"`\\$#@ \n\tabcxyz019_";
    uint32_t state = 12345;
    for (int i = 0; i < 3000; ++i) {
        std::string source;
        int length = 1 + (i % 40);
        for (int k = 0; k < length; ++k) {
            state = state * 1103515245u + 12345u;
            source += alphabet[(state >> 16) % (sizeof alphabet - 1)];
        }
        for (Goal goal : {Goal::Script, Goal::Module}) {
            ParseResult r = Parse(source, goal);
            EXPECT_TRUE(r.error.has_value() || r.program != nullptr);
        }
    }
}

}  // namespace
}  // namespace lockstep::syntax::testing
