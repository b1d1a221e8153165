// The ECMAScript parser's entry point (ECMA-262 §16.1 ParseScript, §16.2.1.7.1
// ParseModule: the syntactic part — the parse tree and its early errors).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/unicode.h"

namespace lockstep::syntax {

enum class Goal { Script, Module };

// A place in the source: offset in bytes of the UTF-8 text, line and column
// both 1-based, column counted in code points.
struct SourcePosition {
    uint32_t offset = 0;
    uint32_t line = 1;
    uint32_t column = 1;
};

// A SyntaxError (including every early error) with where it was found.
struct SyntaxError {
    std::string message;
    SourcePosition position;
};

struct ParseOptions {
    Goal goal = Goal::Script;
    bool strict = false;   // code that starts strict (e.g. direct eval in strict code)
    // Source text made from a String value (eval, the Function constructor):
    // lone surrogates are code points of it, given in WTF-8 (syntax/unicode.h).
    unicode::Surrogates surrogates = unicode::Surrogates::IllFormed;

    // For direct eval (§19.2.1.1 PerformEval steps 5–7): what the code around
    // the eval call allows. The defaults are those of a Script.
    bool allow_new_target = false;      // inside a non-arrow function
    bool allow_super_property = false;  // inside a method
    bool allow_super_call = false;      // inside a derived class constructor
    bool allow_arguments = true;        // false inside a class field initializer
    std::vector<std::u16string> private_names;   // PrivateIdentifiers of the enclosing classes, without '#'
};

struct Program;  // syntax/ast.h

struct ParseResult {
    std::unique_ptr<Program> program;   // set when the source parsed
    std::optional<SyntaxError> error;   // set when it did not
};

// Parses UTF-8 source text (which must be valid UTF-8) as a Script or Module,
// applying every early error of the spec. Never throws, never crashes on any input.
ParseResult ParseProgram(std::string_view utf8_source, const ParseOptions& options);

}  // namespace lockstep::syntax

// ParseResult owns a Program: its definition must be complete wherever a
// ParseResult is destroyed.
#include "syntax/ast.h"
