// ECMA-262 Static Semantics: Early Errors that are properties of the finished
// parse tree (declarations and scopes, labels, strict mode code, classes,
// super / new.target / arguments placement, modules). The parser checks the
// rules that depend on the parse context ([Yield], [Await], cover grammars).
#pragma once

#include "syntax/ast.h"
#include "syntax/parser_internal.h"

#include <optional>

namespace lockstep::syntax {

// Checks every tree-wide early error of the Script or Module; also sets
// FunctionNode::strict. Returns the first error in source order of detection.
std::optional<ParseFailure> CheckEarlyErrors(Program& program, const ParseOptions& options);

}  // namespace lockstep::syntax
